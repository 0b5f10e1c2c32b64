import { describe, expect, it } from "vitest";
import { check, compile } from "../../src/index.js";
import type { ProgramArguments } from "../../src/emit/render.js";
import { toFinding, type Finding } from "../helpers.js";

const ID = "template-arguments";
const error = (message: string, at: string, to: string): Finding => ({ ruleId: ID, severity: "error", message, at, to });
const required = (name: string, params: string) =>
  `'${name}' needs values for ${params} to be compiled to JSON: build it with --target ts for a typed function, or give the values with --params FILE ({ "${name}": { … } }).`;
const badValues = (name: string, problems: string) => `The values given for '${name}' do not fit its parameters: ${problems}.`;

/** Every template-arguments finding of `compile`, with or without params. */
const compiled = (code: string, params?: ProgramArguments) =>
  compile(code, params ? { params } : {})
    .diagnostics.filter((d) => d.ruleId === ID)
    .map(toFinding);

const GREETING = 'blocks greeting(client: string) {\n  text "Hello, ${client}"\n}\n';
const TWO = 'blocks greeting(client: string, n: int) {\n  text "Hello, ${client} ${n}"\n}\n';
const TYPED =
  'blocks g(at: datetime, n: int, c: "web" | "mobile", ps: { name: string, price?: int }[]) {\n  text "${at} ${n} ${c}"\n  each p in $ps {\n    text "${p.name}"\n  }\n}\n';
const RECORDS = 'blocks g(ps: { name: string }[]) {\n  each p in $ps {\n    text "${p.name}"\n  }\n}\n';
/** Tags: one fixed, one under `when $m`, one per item of `ts` (the header allows 2). */
const TAGS =
  'layout l(m: bool = false, ts: string[]) {\n  icon info\n  header "T" {\n    tag primary "a"\n    when $m {\n      tag primary "b"\n    }\n    each t in $ts {\n      tag primary "${t}"\n    }\n  }\n  body { logo document; text "x" }\n}\n';
/** A layout with a required parameter (5 lines), then an activity referring to it (`layout call` on line 9). */
const REFERENCED = (param = "dealId: int") =>
  `layout call(${param}) {\n  icon info\n  header "T"\n  body { logo document; text "\${dealId}" }\n}\nactivity a {\n  ownerTypeId deal\n  ownerId 1\n  layout call\n}\n`;

describe(ID, () => {
  it.each<[string, string, ProgramArguments | undefined, Finding[]]>([
    ["a template compiled without values", GREETING, undefined, [error(required("greeting", "'client'"), "1:8", "1:16")]],
    ["a template with two required parameters", TWO, undefined, [error(required("greeting", "'client', 'n'"), "1:8", "1:16")]],
    ["values given for another declaration only", GREETING, { other: { client: "x" } }, [error(required("greeting", "'client'"), "1:8", "1:16")]],
    ["a value of the wrong type", GREETING, { greeting: { client: 1 } }, [error(badValues("greeting", "'client' must be string, not 1"), "1:8", "1:16")]],
    ["an empty set of values", GREETING, { greeting: {} }, [error(badValues("greeting", "'client' (string) has no value and no default"), "1:8", "1:16")]],
    ["a value for no parameter", GREETING, { greeting: { client: "a", extra: 1 } }, [error(badValues("greeting", "'greeting' has no parameter 'extra'"), "1:8", "1:16")]],
    ["a string instead of an object", GREETING, { greeting: "Ann" }, [error(badValues("greeting", "the values for 'greeting' must be an object of parameter values"), "1:8", "1:16")]],
    ["null instead of an object", GREETING, { greeting: null }, [error(badValues("greeting", "the values for 'greeting' must be an object of parameter values"), "1:8", "1:16")]],
    ["a list instead of an object", GREETING, { greeting: ["x"] }, [error(badValues("greeting", "the values for 'greeting' must be an object of parameter values"), "1:8", "1:16")]],
    [
      // Each problem names the value by its path, quoted as one: 'ps[1].name', not 'ps'[1].name.
      "several wrong values, one problem each",
      TYPED,
      { g: { at: "tomorrow", n: 1.5, c: "tv", ps: [{ name: "a" }, { price: 1 }] } },
      [
        error(
          badValues(
            "g",
            "'at' must be an ISO 8601 date and time with an offset (2025-01-31T10:00:00+03:00), not \"tomorrow\"; 'n' must be int, not 1.5; 'c' must be \"web\" | \"mobile\", not \"tv\"; 'ps[1].name' is missing",
          ),
          "1:8",
          "1:9",
        ),
      ],
    ],
    [
      "a record with a field its type does not have",
      RECORDS,
      { g: { ps: [{ name: "a", x: 1 }] } },
      [error(badValues("g", "'ps[0]' has no field 'x' (it is { name: string })"), "1:8", "1:9")],
    ],
    [
      "values that make more tags than the header allows",
      TAGS,
      { l: { m: true, ts: ["c"] } },
      [error("layout l: 'tags' can hold at most 2 items, but these arguments make 3; Bitrix24 would answer TOO_MANY_ITEMS.", "1:8", "1:9")],
    ],
    [
      "a list that makes more tags than the header allows",
      TAGS,
      { l: { ts: ["b", "c"] } },
      [error("layout l: 'tags' can hold at most 2 items, but these arguments make 3; Bitrix24 would answer TOO_MANY_ITEMS.", "1:8", "1:9")],
    ],
    [
      // Reported where the reference is: that is the line that cannot pass the values.
      "a reference to a layout whose parameters have no default",
      REFERENCED(),
      { call: { dealId: 1 } },
      [error("'a' uses layout 'call', which needs values for 'dealId'; a reference cannot pass values yet, so give those parameters defaults.", "9:10", "9:14")],
    ],
    [
      "a reference to a layout compiled without values",
      REFERENCED(),
      undefined,
      [
        error(required("call", "'dealId'"), "1:8", "1:12"),
        error("'a' uses layout 'call', which needs values for 'dealId'; a reference cannot pass values yet, so give those parameters defaults.", "9:10", "9:14"),
      ],
    ],
  ])("reports %s", (_name, code, params, expected) => {
    expect(compiled(code, params)).toEqual(expected);
    expect(compile(code, params ? { params } : {}).outputs).toEqual([]);
  });

  it.each<[string, string, ProgramArguments | undefined]>([
    ["values for every parameter", GREETING, { greeting: { client: "Ann" } }],
    ["a template whose parameters all have defaults", 'blocks greeting(client: string = "colleague") {\n  text "Hello, ${client}"\n}\n', undefined],
    ["an optional parameter left out", 'blocks a(x?: string) {\n  when $x {\n    text "${x}"\n  }\n  text "always"\n}\n', undefined],
    ["values that keep the tags within the limit", TAGS, { l: { m: false, ts: ["c"] } }],
    ["a reference to a layout whose parameters have defaults", REFERENCED("dealId: int = 5"), undefined],
    ["a datetime with an offset", 'blocks g(at: datetime) {\n  text "${at}"\n}\n', { g: { at: "2025-01-31T10:00:00+03:00" } }],
    ["records with and without an optional field", TYPED, { g: { at: "2025-01-31T10:00:00Z", n: 1, c: "web", ps: [{ name: "a" }, { name: "b", price: 2 }] } }],
  ])("accepts %s", (_name, code, params) => {
    expect(compiled(code, params)).toEqual([]);
    expect(compile(code, params ? { params } : {}).outputs.length).toBeGreaterThan(0);
  });

  it("is not reported by check, which needs no values", () => {
    for (const code of [GREETING, TWO, REFERENCED()]) {
      expect(check(code).diagnostics.filter((d) => d.ruleId === ID)).toEqual([]);
    }
  });

  it("renders a template with the values given", () => {
    const out = compile(GREETING, { params: { greeting: { client: "Ann" } } });
    expect(out.diagnostics).toEqual([]);
    expect(out.outputs.map((o) => [o.name, o.kind, o.fileName])).toEqual([["greeting", "blocks", "greeting.blocks.json"]]);
    expect(out.outputs[0]?.value).toEqual({ blocks: { block_1: { type: "text", properties: { value: "Hello, Ann" } } } });
  });

  it("renders a template with its defaults", () => {
    const out = compile('blocks greeting(client: string = "colleague") {\n  text "Hello, ${client}"\n}\n');
    expect(out.outputs[0]?.value).toEqual({ blocks: { block_1: { type: "text", properties: { value: "Hello, colleague" } } } });
  });

  it("renders declarations without parameters next to a template", () => {
    const out = compile(`${GREETING}blocks plain {\n  text "plain"\n}\n`, { params: { greeting: { client: "A" } } });
    expect(out.diagnostics).toEqual([]);
    expect(out.outputs.map((o) => o.value)).toEqual([
      { blocks: { block_1: { type: "text", properties: { value: "Hello, A" } } } },
      { blocks: { block_1: { type: "text", properties: { value: "plain" } } } },
    ]);
  });

  it("renders a referenced layout with its defaults inside the activity", () => {
    const out = compile(REFERENCED("dealId: int = 5"));
    expect(out.diagnostics).toEqual([]);
    expect(out.outputs.map((o) => o.name)).toEqual(["call", "a"]);
    expect(out.outputs[1]?.value).toMatchObject({ ownerTypeId: 2, ownerId: 1, layout: { body: { blocks: { block_1: { properties: { value: "5" } } } } } });
  });
});
