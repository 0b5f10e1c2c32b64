import { describe, expect, it } from "vitest";
import { invalidRows, RuleTester, ruleById, validRows } from "../support/rule-tester.js";
import { check } from "../../src/index.js";
import { allFindings, type Finding } from "../helpers.js";

const ruleTester = new RuleTester();
const ID = "template-type";
const error = (message: string, at: string, to: string): Finding => ({ ruleId: ID, severity: "error", message, at, to });
const UNKNOWN_TYPE = `use string, int, bool, url, datetime, a "literal" (or a union of them), a record { … } or a list T[].`;
const COLORS = '"base_50", "base_60", "base_70", "base_90"';
const conditionNeeds = (name: string, type: string) =>
  `'${name}' is ${type}: a condition needs a bool, an optional value (true when given) or a comparison ('${name} is …').`;
const mayBeMissing = (name: string, where: string) => `'${name}' may be left out, but ${where} needs a value: give the parameter a default, or make it required.`;
const defaultType = (name: string, type: string) => `The default value of '${name}' is not ${type}. (A parameter that may be left out is written '${name}?: type'.)`;
const boundTemplate = (name: string) => `'${name}' was given an interpolated string, which can only be used whole or inside another string, not tested or walked.`;

describe(ID, () => {
  ruleTester.run(ruleById(ID), {
    valid: [],
    invalid: invalidRows([
      [
        "an unbounded list given where a bounded one is taken (a tighter bound is fine)",
        'fragment f(xs: string[max 2]) {\n  each x in $xs {\n    text "${x}"\n  }\n}\nblocks b(ys: string[], zs: string[max 1]) {\n  use f { xs: $ys }\n  use f { xs: $zs }\n}\n',
        [error("The value given for 'xs' is string[], but the fragment's parameter is string[max 2].", "7:15", "7:18")],
      ],
      // ----- parameter types and defaults -----
      ["a misspelt type", 'blocks b(x: strng) {\n  text "${x}"\n}\n', [error("Unknown type 'strng'. Did you mean 'string'?", "1:13", "1:18")]],
      ["a type close to none", 'blocks b(x: foo) {\n  text "${x}"\n}\n', [error(`Unknown type 'foo': ${UNKNOWN_TYPE}`, "1:13", "1:16")]],
      ["an unknown type inside a record inside a list", 'blocks b(x: { a: numbr }[]) {\n  text "x"\n}\n', [error(`Unknown type 'numbr': ${UNKNOWN_TYPE}`, "1:18", "1:23")]],
      ["a string default for an int", 'blocks b(x: int = "a") {\n  text "${x}"\n}\n', [error(defaultType("x", "int"), "1:19", "1:22")]],
      ["a fractional default for an int", 'blocks b(x: int = 1.5) {\n  text "${x}"\n}\n', [error(defaultType("x", "int"), "1:19", "1:22")]],
      ["a number default for a bool", 'blocks b(y: bool = 1) {\n  text "a" bold $y\n}\n', [error(defaultType("y", "bool"), "1:20", "1:21")]],
      ["a number default for a string", 'blocks b(v: string = 1) {\n  text "${v}"\n}\n', [error(defaultType("v", "string"), "1:22", "1:23")]],
      ["a default outside its union", 'blocks b(z: "a" | "b" = "c") {\n  text "${z}"\n}\n', [error(defaultType("z", '"a" | "b"'), "1:25", "1:28")]],
      ["an empty list default for a string", 'blocks b(w: string = []) {\n  text "${w}"\n}\n', [error(defaultType("w", "string"), "1:22", "1:24")]],
      [
        "an interpolated default",
        'blocks b(x: string = "${y}", y: string = "a") {\n  text "${x}"\n}\n',
        [error("The default value of 'x' cannot interpolate: defaults are literals.", "1:22", "1:28")],
      ],
      // A null default is no value of a bool or int: it would be sent as null / rendered as "".
      ["a null default for a required bool", 'blocks b(y: bool = null) {\n  text "a" bold $y\n}\n', [error(defaultType("y", "bool"), "1:20", "1:24")]],
      ["a null default for a required int", 'blocks b(x: int = null) {\n  text "${x}"\n}\n', [error(defaultType("x", "int"), "1:19", "1:23")]],

      // ----- references in fields -----
      [
        "a bool in an enum field",
        'blocks b(urgent: bool) {\n  text "Call back" color $urgent\n}\n',
        [error(`'$urgent' is bool, but 'color' takes only ${COLORS}: type the parameter as a union of them, for example "base_50" | "base_60".`, "2:26", "2:33")],
      ],
      [
        "an open string in an enum field",
        'blocks b(tone: string) {\n  text "Call back" color $tone\n}\n',
        [error(`'$tone' is string, but 'color' takes only ${COLORS}: type the parameter as a union of them, for example "base_50" | "base_60".`, "2:26", "2:31")],
      ],
      [
        "a union with a value the enum field does not take",
        'blocks b(tone: "base_90" | "loud") {\n  text "Hi" color $tone\n}\n',
        [error("'$tone' can be \"loud\", which 'color' does not take; it takes base_50, base_60, base_70, base_90.", "2:19", "2:24")],
      ],
      ["a string in a bool field", 'blocks b(name: string) {\n  text "Hi" bold $name\n}\n', [error("'$name' is string, but 'bold' takes a boolean.", "2:18", "2:23")]],
      [
        "an int in a text field",
        "blocks b(n: int) {\n  text $n\n}\n",
        [error("'$n' is int, but 'value' takes a text: interpolate it (\"${n}\") to send it as text.", "2:8", "2:10")],
      ],
      [
        "a bool in a text field",
        "blocks b(n: bool) {\n  text $n\n}\n",
        [error("'$n' is bool, but 'value' takes a text: interpolate it (\"${n}\") to send it as text.", "2:8", "2:10")],
      ],
      [
        "an int loop variable in a text field",
        "blocks b(xs: int[]) {\n  each x in $xs {\n    text $x\n  }\n}\n",
        [error("'$x' is int, but 'value' takes a text: interpolate it (\"${x}\") to send it as text.", "3:10", "3:12")],
      ],
      ["a list put into a string", 'blocks b(items: string[]) {\n  text "${items}"\n}\n', [error("'$items' is string[] and cannot be put into a string.", "2:9", "2:17")]],
      ["a record put into a string", 'blocks b(p: { a: string }) {\n  text "${p}"\n}\n', [error("'$p' is { a: string } and cannot be put into a string.", "2:9", "2:13")]],
      ["an optional parameter put into a string", 'blocks b(x?: string) {\n  text "${x}"\n}\n', [error(mayBeMissing("$x", "a string"), "2:9", "2:13")]],
      ["an optional parameter in a required field", "blocks b(x?: string) {\n  text $x\n}\n", [error(mayBeMissing("$x", "'value'"), "2:8", "2:10")]],
      ["an optional record field put into a string", 'blocks b(p: { name?: string }) {\n  text "${p.name}"\n}\n', [error(mayBeMissing("$p.name", "a string"), "2:9", "2:18")]],
      [
        "an interpolated string in an enum field",
        'blocks b(x: string) {\n  text "Hi" color "${x}"\n}\n',
        [error("'color' takes one of its values, and an interpolated string is a string.", "2:19", "2:25")],
      ],
      [
        "an interpolated string in an int field",
        'activity a(x: string) {\n  ownerTypeId deal\n  ownerId "${x}"\n  layout {\n    icon info\n    header "T"\n    body { logo document; text "x" }\n  }\n}\n',
        [error("'ownerId' takes an integer, and an interpolated string is a string.", "3:11", "3:17")],
      ],
      [
        "a list in actionParams",
        'blocks b(items: string[]) {\n  link "a" -> openRestApp { id: $items }\n}\n',
        [error("'$items' is string[], but 'id' takes a string, number or boolean.", "2:33", "2:39")],
      ],
      ["an int in a language map", "blocks b(n: int) {\n  text { en: $n }\n}\n", [error("'$n' is int, but 'en' takes a string.", "2:14", "2:16")]],

      // ----- conditions and lists -----
      ["a string as a condition", 'blocks b(name: string) {\n  when $name {\n    text "a"\n  }\n}\n', [error(conditionNeeds("$name", "string"), "2:8", "2:13")]],
      ["a list as a condition", 'blocks b(xs: string[]) {\n  when not $xs {\n    text "a"\n  }\n}\n', [error(conditionNeeds("$xs", "string[]"), "2:12", "2:15")]],
      [
        "a comparison with a value outside the union",
        'blocks b(channel: "web" | "mobile") {\n  when $channel is "tv" {\n    text "a"\n  }\n}\n',
        [error('\'$channel\' is "web" | "mobile", so it is never "tv".', "2:8", "2:24")],
      ],
      ["an int compared with a string", 'blocks b(n: int) {\n  when $n is "x" {\n    text "a"\n  }\n}\n', [error('\'$n\' is int, so it is never "x".', "2:8", "2:17")]],
      ["a bool compared with a string", 'blocks b(flag: bool) {\n  when $flag is not "x" {\n    text "a"\n  }\n}\n', [error('\'$flag\' is bool, so it is never "x".', "2:8", "2:24")]],
      ["a string compared with a number", 'blocks b(s: string) {\n  when $s is 1 {\n    text "a"\n  }\n}\n', [error("'$s' is string, so it is never 1.", "2:8", "2:15")]],
      ["each over a string", 'blocks b(name: string) {\n  each x in $name {\n    text "a"\n  }\n}\n', [error("'each' needs a list, but '$name' is string.", "2:13", "2:18")]],

      // ----- fragments -----
      [
        "an interpolated string tested inside a fragment",
        'fragment f(name?: string) {\n  when $name {\n    text "${name}"\n  }\n}\nblocks b(s: string) {\n  use f { name: "Hi ${s}" }\n}\n',
        [error(boundTemplate("$name"), "2:8", "2:13")],
      ],
      [
        "an interpolated string walked inside a fragment",
        'fragment f(name: string) {\n  each x in $name {\n    text "${x}"\n  }\n}\nblocks b(s: string) {\n  use f { name: "Hi ${s}" }\n}\n',
        [error(boundTemplate("$name"), "2:13", "2:18")],
      ],
      [
        "a literal of the wrong type given to a fragment",
        'fragment f(vip: bool = false) {\n  when $vip {\n    text "VIP"\n  }\n}\nblocks b {\n  use f { vip: "yes" }\n}\n',
        [error("The value given for 'vip' is \"yes\", but the fragment's parameter is bool.", "7:16", "7:21")],
      ],
      [
        "a reference of the wrong type given to a fragment",
        'fragment f(name: string) {\n  text "${name}"\n}\nblocks b(count: int) {\n  use f { name: $count }\n}\n',
        [error("The value given for 'name' is int, but the fragment's parameter is string.", "5:17", "5:23")],
      ],
      [
        "an interpolated string given for an int",
        'fragment f(n: int) {\n  text "${n}"\n}\nblocks b(s: string) {\n  use f { n: "${s}" }\n}\n',
        [error("The value given for 'n' is an interpolated string, but the fragment's parameter is int.", "5:14", "5:20")],
      ],
      // Reported once, where the value is given: not again where the fragment tests it.
      [
        "an interpolated string given for a bool that the fragment tests",
        'fragment f(on: bool) {\n  when $on {\n    text "x"\n  }\n}\nblocks b(n: string) {\n  use f { on: "${n}" }\n}\n',
        [error("The value given for 'on' is an interpolated string, but the fragment's parameter is bool.", "7:15", "7:21")],
      ],
    ]),
  });

  ruleTester.run(ruleById(ID), {
    valid: validRows([
      ["parameters whose types fit their fields", 'blocks b(tone: "base_90" | "base_70" = "base_90", urgent: bool = false) {\n  text "Call back" color $tone bold $urgent\n}\n'],
      ["defaults of every kind", 'blocks b(x: "a" | "b" = "a", y: int = 2, z: bool = true, w: string[] = []) {\n  text "${x}${y}${z}"\n}\n'],
      ["an optional parameter inside `when` on it", 'blocks b(x?: string) {\n  when $x {\n    text "${x}"\n  }\n}\n'],
      ["an optional record field inside `when` on it", 'blocks b(p: { name?: string }) {\n  when $p.name {\n    text "${p.name}"\n  }\n}\n'],
      ["an optional parameter in a field that may be left out", 'blocks b(tone?: "base_90" | "base_70") {\n  text "a" color $tone\n}\n'],
      ["an int and a bool interpolated", 'blocks b(n: int, f: bool) {\n  text "${n} ${f}"\n}\n'],
      ["a url and a datetime in strings", 'blocks b(link: url, at: datetime) {\n  link "${at}" -> redirect $link\n}\n'],
      ["an int in a link", 'layout l(n: int) {\n  icon info\n  header "T" -> redirect "/crm/deal/details/${n}/"\n  body { logo document; text "x" }\n}\n'],
      ["a bool compared with true", 'blocks b(flag: bool) {\n  when $flag is true {\n    text "a"\n  }\n}\n'],
      ["comparisons joined with and / or", 'blocks b(s: string, n: int) {\n  when $s is not "a" and $n is 2 or not $s is "b" {\n    text "a"\n  }\n}\n'],
      ["each over a list of ints", 'blocks b(xs: int[]) {\n  each x in $xs {\n    text "${x}"\n  }\n}\n'],
      ["an interpolated string given to a fragment's string", 'fragment f(name: string) {\n  text "${name}"\n}\nblocks b(s: string) {\n  use f { name: "Hi ${s}" }\n}\n'],
      ["a literal given to a fragment's bool", 'fragment f(vip: bool = false) {\n  when $vip {\n    text "VIP"\n  }\n}\nblocks b {\n  use f { vip: true }\n}\n'],
    ]),
    invalid: [],
  });

  it("suggests the type a misspelt one is close to (never a fix)", () => {
    const d = check('blocks b(x: strng) {\n  text "${x}"\n}\n').diagnostics.find((x) => x.ruleId === ID);
    expect(d?.fix).toBeUndefined();
    expect(d?.suggestions?.map((s) => s.edits.map((e) => e.newText))).toEqual([["string"]]);
  });

  it("suggests nothing for a type close to none", () => {
    const d = check('blocks b(x: foo) {\n  text "${x}"\n}\n').diagnostics.find((x) => x.ruleId === ID);
    expect(d?.fix).toBeUndefined();
    expect(d?.suggestions).toBeUndefined();
  });

  it("lets other rules accept a scalar parameter in actionParams", () => {
    expect(allFindings('blocks b(n: int) {\n  link "a" -> openRestApp { id: $n }\n}\n')).toEqual([]);
  });

  it("reports a parameter of the wrong type in a language map once", () => {
    expect(allFindings("blocks b(n: int) {\n  text { en: $n }\n}\n")).toEqual([error("'$n' is int, but 'en' takes a string.", "2:14", "2:16")]);
  });
});
