import { describe, expect, it } from "vitest";
import { invalidRows, RuleTester, ruleById, validRows } from "../support/rule-tester.js";
import { check } from "../../src/index.js";
import { allFindings, type Finding } from "../helpers.js";

const ruleTester = new RuleTester();
const ID = "template-structure";
const error = (message: string, at: string, to: string, related?: string[]): Finding => ({ ruleId: ID, severity: "error", message, at, to, ...(related ? { related } : {}) });
const HOW = "write $flag, not $flag or $value is <value>, joined with 'and' / 'or'.";
const membersOnly = (keyword: string, name: string) =>
  `Only members (blocks, tags, buttons, menu items, card sections and elements) can be inside '${keyword}'; '${name}' sets a field, which cannot be conditional.`;
const EACH_SYNTAX = "Write 'each <name> in $list { … }': a name for the item, the word 'in', and a list parameter.";
const USE_SYNTAX = "Write 'use <fragment>' or 'use <fragment> { param: value, … }'.";
/** A one-parameter fragment (3 lines), then a blocks declaration whose members start on line 5. */
/** A layout with one required parameter, on lines 1 to 4; an activity after it starts on line 5. */
const CARD = 'layout card(dealId: int) {\n  icon info; header "Deal ${dealId}"\n  body { logo document; text "x" }\n}\n';
const withFragment = (members: string, params = "") => `fragment f(name: string) {\n  text "\${name}"\n}\nblocks b${params} {\n${members}\n}\n`;

describe(ID, () => {
  ruleTester.run(ruleById(ID), {
    valid: [],
    invalid: invalidRows([
      // ----- parameter lists -----
      [
        "a parameter list after a member's value",
        'blocks b {\n  text "a" (x: string)\n}\n',
        [error("A parameter list can only follow the name of a declaration: layout name(param: type) { … }.", "2:12", "2:23")],
      ],
      [
        "a parameter list after a member's keyword",
        'blocks b {\n  text(x: string) "a"\n}\n',
        [error("A parameter list can only follow the name of a declaration: layout name(param: type) { … }.", "2:7", "2:18")],
      ],
      ["a parameter declared twice", 'blocks b(x: string, x: int) {\n  text "${x}"\n}\n', [error("Parameter 'x' is declared twice.", "1:21", "1:22")]],
      [
        "a parameter name with '-'",
        'blocks b(client-name: string) {\n  text "x"\n}\n',
        [error("Parameter names cannot contain '-': a reference '$client-name' would end at the '-'. Write 'clientName'.", "1:10", "1:21")],
      ],
      ["a record field declared twice", 'blocks b(p: { a: string, a: int }) {\n  text "${p.a}"\n}\n', [error("Field 'a' is declared twice in this record type.", "1:26", "1:27")]],

      // ----- each -----
      [
        "a loop variable named like a parameter",
        'blocks b(x: string[]) {\n  each x in $x {\n    text "${x}"\n  }\n}\n',
        [error("Loop variable 'x' hides a parameter or loop variable of the same name: pick another name.", "2:8", "2:9")],
      ],
      [
        "a loop variable named like an outer loop variable",
        'blocks b(xs: string[][]) {\n  each x in $xs {\n    each x in $x {\n      text "${x}"\n    }\n  }\n}\n',
        [error("Loop variable 'x' hides a parameter or loop variable of the same name: pick another name.", "3:10", "3:11")],
      ],
      ["each without a name", 'blocks b(xs: string[]) {\n  each $xs {\n    text "a"\n  }\n}\n', [error(EACH_SYNTAX, "2:8", "2:11")]],
      ["each with 'of' for 'in'", 'blocks b(xs: string[]) {\n  each x of $xs {\n    text "a"\n  }\n}\n', [error(EACH_SYNTAX, "2:8", "2:9")]],
      ["each over a bare word", 'blocks b(xs: string[]) {\n  each x in xs {\n    text "a"\n  }\n}\n', [error(EACH_SYNTAX, "2:8", "2:9")]],
      ["each with nothing", 'blocks b(xs: string[]) {\n  each {\n    text "a"\n  }\n}\n', [error(EACH_SYNTAX, "2:3", "2:7")]],
      ["each without a body", "blocks b(xs: string[]) {\n  each x in $xs\n}\n", [error("'each' needs a block with its members: each <name> in $list { … }.", "2:3", "2:7")]],

      // ----- when and else -----
      ["when without a body", "blocks b(m: bool) {\n  when $m\n}\n", [error("'when' needs a block with its members: when <condition> { … }.", "2:3", "2:7")]],
      // `else` takes no condition: the message must not show one.
      ["else without a body", 'blocks b(m: bool) {\n  when $m {\n    text "a"\n  } else\n}\n', [error("'else' needs a block with its members: else { … }.", "4:5", "4:9")]],
      [
        "when without a condition",
        'blocks b(m: bool) {\n  when {\n    text "a"\n  }\n}\n',
        [error("'when' needs a condition: when $flag { … }, when not $flag { … } or when $channel is \"web\" { … }.", "2:3", "2:7")],
      ],
      ["a string as a condition", 'blocks b(m: bool) {\n  when "x" {\n    text "a"\n  }\n}\n', [error(`Unexpected string "x" in a condition: ${HOW}`, "2:8", "2:11")]],
      ["two references without a word between", 'blocks b(m: bool, n: bool) {\n  when $m $n {\n    text "a"\n  }\n}\n', [error(`Unexpected '$n' in a condition: ${HOW}`, "2:11", "2:13")]],
      ["an unknown word after a reference", 'blocks b(m: bool) {\n  when $m foo {\n    text "a"\n  }\n}\n', [error(`Unexpected word 'foo' in a condition: ${HOW}`, "2:11", "2:14")]],
      ["a bare word compared with", 'blocks b(m: string) {\n  when $m is foo {\n    text "a"\n  }\n}\n', [error(`Unexpected word 'foo' in a condition: ${HOW}`, "2:14", "2:17")]],
      ["a condition ending in 'and'", 'blocks b(m: bool) {\n  when $m and {\n    text "a"\n  }\n}\n', [error(`The condition stops after the word 'and': ${HOW}`, "2:11", "2:14")]],
      ["a condition ending in 'is'", 'blocks b(m: string) {\n  when $m is {\n    text "a"\n  }\n}\n', [error(`The condition stops after the word 'is': ${HOW}`, "2:11", "2:13")]],
      ["a condition ending in 'is not'", 'blocks b(m: string) {\n  when $m is not {\n    text "a"\n  }\n}\n', [error(`The condition stops after the word 'not': ${HOW}`, "2:14", "2:17")]],
      [
        "a condition with 65 'and'",
        `blocks b(m: bool) {\n  when $m${" and $m".repeat(65)} {\n    text "a"\n  }\n}\n`,
        [error("A condition can have at most 64 'and', 'or' and 'not': this one has more.", "2:459", "2:462")],
      ],
      [
        "a condition with 100,000 'not'",
        `blocks b(m: bool) {\n  when ${"not ".repeat(100_000)}$m {\n    text "a"\n  }\n}\n`,
        [error("A condition can have at most 64 'and', 'or' and 'not': this one has more.", "2:264", "2:267")],
      ],
      ["a condition of only 'not'", 'blocks b(m: bool) {\n  when not {\n    text "a"\n  }\n}\n', [error(`The condition stops after the word 'not': ${HOW}`, "2:8", "2:11")]],
      ["else first in a block", 'blocks b(m: bool) {\n  else {\n    text "a"\n  }\n}\n', [error("'else' must come right after a 'when { … }' in the same block.", "2:3", "2:7")]],
      [
        "else after another member",
        'blocks b(m: bool) {\n  when $m {\n    text "a"\n  }\n  text "b"\n  else {\n    text "c"\n  }\n}\n',
        [error("'else' must come right after a 'when { … }' in the same block.", "6:3", "6:7")],
      ],
      [
        "a second else",
        'blocks b(m: bool) {\n  when $m {\n    text "a"\n  } else {\n    text "b"\n  } else {\n    text "c"\n  }\n}\n',
        [error("'else' must come right after a 'when { … }' in the same block.", "6:5", "6:9")],
      ],

      // ----- members only -----
      ["a field of the header under when", 'layout l(missed: bool) {\n  icon call\n  header "Call" {\n    when $missed {\n      title "Missed call"\n    }\n  }\n  body {\n    logo call-incoming\n    text "x"\n  }\n}\n', [error(membersOnly("when", "title"), "5:7", "5:12")]],
      [
        "a layout field under when",
        'layout l(missed: bool) {\n  icon info\n  header "T"\n  when $missed {\n    icon document\n  }\n  body { logo document; text "x" }\n}\n',
        [error(membersOnly("when", "icon"), "5:5", "5:9")],
      ],
      ["a block's field under each", 'blocks b(xs: string[]) {\n  text "a" {\n    each x in $xs {\n      bold true\n    }\n  }\n}\n', [error(membersOnly("each", "bold"), "4:7", "4:11")]],
      ["a block's field under when", 'blocks b(m: bool) {\n  text "a" {\n    when $m {\n      bold true\n    }\n  }\n}\n', [error(membersOnly("when", "bold"), "4:7", "4:11")]],
      ["the one block of a withTitle under when", 'blocks b(m: bool) {\n  w: withTitle "T" {\n    when $m {\n      text "x"\n    }\n  }\n}\n', [error(membersOnly("when", "text"), "4:7", "4:11")]],

      // ----- fragments -----
      ["use of a string", withFragment('  use "f"'), [error(USE_SYNTAX, "5:7", "5:10")]],
      ["use with a number after the name", withFragment("  use f 1"), [error(USE_SYNTAX, "5:9", "5:10")]],
      ["use with nothing", withFragment("  use"), [error(USE_SYNTAX, "5:3", "5:6")]],
      [
        "a misspelt fragment",
        withFragment('  use g { name: "a" }'),
        [error("Unknown fragment 'g': no fragment declaration in this file has that name. Did you mean 'f'?", "5:7", "5:8")],
      ],
      ["a fragment name close to none", withFragment("  use zzzzz"), [error("Unknown fragment 'zzzzz': no fragment declaration in this file has that name.", "5:7", "5:12")]],
      [
        "a fragment declared twice",
        'fragment a {\n  text "x"\n}\nfragment a {\n  text "y"\n}\nblocks c {\n  use a\n}\n',
        [error("Fragment 'a' is already declared in this file.", "4:10", "4:11", ["first declared 1:10"])],
      ],
      ["a fragment using itself", 'fragment a {\n  use a\n}\nblocks c {\n  use a\n  text "x"\n}\n', [error("Fragment 'a' uses itself (a → a): its members would never end.", "2:7", "2:8")]],
      [
        "fragments using each other",
        'fragment a {\n  use b\n}\nfragment b {\n  use a\n}\nblocks c {\n  use a\n  text "x"\n}\n',
        [error("Fragment 'a' uses itself (a → b → a): its members would never end.", "5:7", "5:8")],
      ],
      [
        "fragments using fragments 70 deep",
        `${Array.from({ length: 70 }, (_, i) => `fragment f${i} {\n  use f${i + 1}\n}\n`).join("")}fragment f70 {\n  text "x"\n}\nblocks c {\n  use f0\n}\n`,
        [
          error(
            `Fragment 'f63' is used 64 levels deep (${Array.from({ length: 64 }, (_, i) => `f${i}`).join(" → ")}): fragments, blocks and the 'when' and 'each' inside them can nest at most 64 levels.`,
            "188:7",
            "188:10",
          ),
        ],
      ],
      ["a fragment without a body", 'fragment f\nblocks b {\n  text "x"\n}\n', [error("'fragment' needs a block with its members: fragment <name>(<parameters>) { … }.", "1:1", "1:9")]],
      [
        "a misspelt fragment parameter",
        withFragment('  use f { nme: "a" }'),
        [error("Fragment 'f' needs values for 'name'.", "5:7", "5:8"), error("Fragment 'f' has no parameter 'nme'. Did you mean 'name'?", "5:11", "5:14")],
      ],
      ["a fragment parameter close to none", withFragment('  use f { zzzzz: "a", name: "b" }'), [error("Fragment 'f' has no parameter 'zzzzz'.", "5:11", "5:16")]],
      ["a use without a required value", withFragment("  use f"), [error("Fragment 'f' needs values for 'name'.", "5:7", "5:8")]],
      [
        "a use without several required values",
        'fragment f(a: string, b: int) {\n  text "${a} ${b}"\n}\nblocks c {\n  use f\n}\n',
        [error("Fragment 'f' needs values for 'a', 'b'.", "5:7", "5:8")],
      ],
      // The value is there, only of the wrong kind: one error, not also "needs values".
      [
        "a map given to a fragment parameter",
        withFragment("  use f { name: { a: 1 } }"),
        [error("The value for 'name' must be a literal, a $reference or a string: a parameter given where it is used holds one value.", "5:17", "5:25")],
      ],
      [
        "a list given to a fragment parameter",
        withFragment("  use f { name: [1] }"),
        [error("The value for 'name' must be a literal, a $reference or a string: a parameter given where it is used holds one value.", "5:17", "5:20")],
      ],
      ["a fragment parameter given twice", withFragment('  use f { name: "a", name: "b" }'), [error("'name' is given a value twice: keep one.", "5:22", "5:26")]],

      // ----- layout references (the values; whether they fit is template-arguments') -----
      [
        "a map given to a layout parameter",
        `${CARD}activity a {\n  ownerTypeId deal; ownerId 1\n  layout card { dealId: { a: 1 } }\n}\n`,
        [error("The value for 'dealId' must be a literal, a $reference or a string: a parameter given where it is used holds one value.", "7:25", "7:33")],
      ],
      [
        "a layout parameter given twice",
        `${CARD}activity a {\n  ownerTypeId deal; ownerId 1\n  layout card { dealId: 1, dealId: 2 }\n}\n`,
        [error("'dealId' is given a value twice: keep one.", "7:28", "7:34")],
      ],

      // ----- names every JavaScript object has -----
      [
        "a parameter named like a property every object has",
        'blocks b(toString?: string) {\n  text "x"\n}\n',
        [
          error(
            "'toString' cannot name a parameter: every JavaScript object already has a 'toString', so the generated function could not tell whether it was given. Rename it.",
            "1:10",
            "1:18",
          ),
        ],
      ],
      [
        "a record field named like a property every object has",
        'blocks b(items: { constructor: string }[]) {\n  text "x"\n}\n',
        [
          error(
            "'constructor' cannot name a field of a record type: every JavaScript object already has a 'constructor', so the generated function could not tell whether it was given. Rename it.",
            "1:19",
            "1:30",
          ),
        ],
      ],
      [
        "a parameter named __proto__",
        'blocks b(__proto__: string) {\n  text "${__proto__}"\n}\n',
        [
          error(
            "'__proto__' cannot name a parameter: every JavaScript object already has a '__proto__', so the generated function could not tell whether it was given. Rename it.",
            "1:10",
            "1:19",
          ),
        ],
      ],
    ]),
  });

  ruleTester.run(ruleById(ID), {
    valid: validRows([
      ["when and else", 'blocks b(missed: bool) {\n  when $missed {\n    text "Missed call" bold\n  } else {\n    text "Answered"\n  }\n}\n'],
      ["nested when", 'blocks b(m: bool, n: bool) {\n  when $m {\n    when $n {\n      text "x"\n    } else {\n      text "y"\n    }\n  }\n}\n'],
      ["a member with its own body under when", 'blocks b(m: bool) {\n  when $m {\n    text "a" {\n      bold true\n    }\n  }\n}\n'],
      ["a link with an action body under when", 'blocks b(m: bool) {\n  when $m {\n    link "a" {\n      action restEvent "x"\n    }\n  }\n}\n'],
      ["a withTitle under when", 'blocks b(m: bool) {\n  when $m {\n    withTitle "T" {\n      text "x"\n    }\n  }\n}\n'],
      ["a lineOfBlocks under each", 'blocks b(xs: string[]) {\n  each x in $xs {\n    line: lineOfBlocks {\n      text "${x}"\n      text "b"\n    }\n  }\n}\n'],
      [
        "tags, buttons and menu items under when",
        'layout l(m: bool) {\n  icon info\n  header "T" {\n    when $m {\n      tag primary "a"\n    }\n  }\n  body { logo document; text "x" }\n  footer {\n    when $m {\n      button primary "B" -> restEvent "x"\n    }\n    menu {\n      when $m {\n        item "I" -> restEvent "y"\n      }\n    }\n  }\n}\n',
      ],
      ["card sections under each and elements under when", 'card c(ss: string[], m: bool) for company {\n  scope common\n  each s in $ss {\n    sec: section "${s}" {\n      when $m {\n        TITLE\n      }\n    }\n  }\n}\n'],
      ["'when' as a key of an open map", 'blocks b {\n  link "a" -> openRestApp { when: 1 }\n  link "b" {\n    action openRestApp {\n      actionParams {\n        when 1\n      }\n    }\n  }\n}\n'],
      ["a use with and without values", 'fragment f(name: string = "x") {\n  text "${name}"\n}\nblocks b(s: string) {\n  use f\n  use f { name: $s }\n  use f { name: "Hi ${s}" }\n}\n'],
      ["a fragment declared after its use", 'blocks b {\n  use f\n}\nfragment f {\n  text "x"\n}\n'],
      // A fragment's parameters are bound where it is used, never properties of a generated function's argument.
      ["a fragment parameter named like an inherited property", 'fragment f(toString: string) {\n  text "${toString}"\n}\nblocks b {\n  use f { toString: "x" }\n}\n'],
      ["a loop variable named like an inherited property", 'blocks b(xs: string[]) {\n  each constructor in $xs {\n    text "${constructor}"\n  }\n}\n'],
      ["values given to a layout where it is referenced", `${CARD}activity a(deal: int) {\n  ownerTypeId deal; ownerId $deal\n  layout card { dealId: $deal }\n}\n`],
    ]),
    invalid: [],
  });

  it("suggests a parameter name without '-' (only the declaration changes: never a fix)", () => {
    const d = check('blocks b(client-name: string) {\n  text "x"\n}\n').diagnostics.find((x) => x.ruleId === ID);
    expect(d?.fix).toBeUndefined();
    expect(d?.suggestions?.map((s) => s.edits.map((e) => e.newText))).toEqual([["clientName"]]);
  });

  it("suggests the names a misspelt fragment and a misspelt fragment parameter are close to (never a fix)", () => {
    const fixes = (code: string) => check(code).diagnostics.filter((x) => x.ruleId === ID).map((d) => d.fix ?? d.suggestions?.[0]?.edits.map((e) => e.newText));
    expect(fixes(withFragment('  use g { name: "a" }'))).toEqual([["f"]]);
    expect(fixes(withFragment('  use f { nme: "a" }'))).toEqual([undefined, ["name"]]);
  });

  it("leaves a misspelt member under when to unknown-property", () => {
    // 'txet' sets no field: it is a typo of a member, and the message must not say it is a field.
    expect(allFindings('blocks b(m: bool) {\n  text "a"\n  when $m {\n    txet "a"\n  }\n}\n')).toEqual([
      { ruleId: "unknown-property", severity: "error", message: "Unknown statement 'txet' in the additional content blocks. Did you mean 'text'?", at: "4:5", to: "4:9" },
    ]);
  });
});
