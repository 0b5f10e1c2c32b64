/** collection-limit and duplicate-key with members under `when`, `else` and `each`. */
import { describe, expect, it } from "vitest";
import { invalidRows, RuleTester, ruleById, validRows } from "../support/rule-tester.js";
import { compile } from "../../src/index.js";
import { findings, type Finding } from "../helpers.js";

const ruleTester = new RuleTester();
const LIMIT = "collection-limit";
const KEY = "duplicate-key";
const tooManyConditional = (count: number, conditional: number, at: string, to: string): Finding => ({
  ruleId: LIMIT,
  severity: "error",
  message: `The header's 'tags' can hold at most 2 items; found up to ${count} when the conditions hold (${conditional} of them conditional). The server answers "The field tags of HeaderDto can only contain up to 2 values."`,
  at,
  to,
});
/** `first` is `line:column` of the member that has the key first. */
const duplicate = (key: string, first: string, at: string, to: string): Finding => ({
  ruleId: KEY,
  severity: "error",
  message: `Duplicate key '${key}' in the additional content blocks' 'blocks': it is already used. Each member needs its own key.`,
  at,
  to,
  related: [`first used ${first}`],
});
/** A layout with the given header members (from line 4) and parameters. */
const header = (tags: string, params = "m: bool") => `layout l(${params}) {\n  icon info\n  header "T" {\n${tags}\n  }\n  body { logo document; text "x" }\n}\n`;

describe("collection-limit with conditional members", () => {
  ruleTester.run(ruleById(LIMIT), {
    valid: [],
    invalid: invalidRows([
      [
        "three conditional tags",
        header('    when $a {\n      tag primary "a"\n    }\n    when $b {\n      tag primary "b"\n    }\n    when $c {\n      tag primary "c"\n    }', "a: bool, b: bool, c: bool"),
        [tooManyConditional(3, 3, "11:7", "11:22")],
      ],
      ["two tags and a conditional one", header('    tag primary "a"\n    tag primary "b"\n    when $m {\n      tag primary "c"\n    }'), [tooManyConditional(3, 1, "7:7", "7:22")]],
      [
        "two tags under when next to one tag",
        header('    tag primary "a"\n    when $m {\n      tag primary "b"\n      tag primary "c"\n    }'),
        [tooManyConditional(3, 2, "7:7", "7:22")],
      ],
      // The tags sent together are b, c and a: the one over the limit is a, not d (under the else).
      [
        "a when branch over the limit with its else and a tag after them",
        header('    when $m {\n      tag primary "b"\n      tag primary "c"\n    } else {\n      tag primary "d"\n    }\n    tag primary "a"'),
        [tooManyConditional(3, 2, "10:5", "10:20")],
      ],
      [
        "three tags next to an each: the fixed ones are counted",
        header('    tag primary "a"\n    tag primary "b"\n    tag primary "c"\n    each t in $ts {\n      tag primary "${t}"\n    }', "ts: string[]"),
        [{ ruleId: LIMIT, severity: "error", message: "The header's 'tags' can hold at most 2 items; found 3. The server answers \"The field tags of HeaderDto can only contain up to 2 values.\"", at: "6:5", to: "6:20" }],
      ],
    ]),
  });

  ruleTester.run(ruleById(LIMIT), {
    valid: validRows([
      ["one tag and a when / else with one tag each", header('    tag primary "a"\n    when $m {\n      tag primary "b"\n    } else {\n      tag primary "c"\n    }')],
      [
        "nested when / else counted as their larger branch",
        header('    when $m {\n      when $n {\n        tag primary "a"\n      } else {\n        tag primary "b"\n      }\n    } else {\n      tag primary "c"\n      tag primary "d"\n    }', "m: bool, n: bool"),
      ],
      ["two tags and an each (checked when called)", header('    tag primary "a"\n    tag primary "b"\n    each t in $ts {\n      tag primary "${t}"\n    }', "ts: string[]")],
      ["a body whose only blocks are repeated", 'layout l(xs: string[]) {\n  icon info\n  header "T"\n  body {\n    logo document\n    each x in $xs {\n      text "${x}"\n    }\n  }\n}\n'],
      ["a body whose only block is conditional", 'layout l(m: bool) {\n  icon info\n  header "T"\n  body {\n    logo document\n    when $m {\n      text "x"\n    }\n  }\n}\n'],
    ]),
    invalid: [],
  });
});

describe("duplicate-key with conditional and repeated members", () => {
  ruleTester.run(ruleById(KEY), {
    valid: [],
    invalid: invalidRows([
      ["the same label twice", 'blocks b {\n  status: text "a"\n  status: text "b"\n}\n', [duplicate("status", "2:3", "3:3", "3:9")]],
      ["a label and the same label under when", 'blocks b(m: bool) {\n  status: text "a"\n  when $m {\n    status: text "b"\n  }\n}\n', [duplicate("status", "2:3", "4:5", "4:11")]],
      [
        "the same label under two whens that can both hold",
        'blocks b(m: bool, n: bool) {\n  when $m {\n    status: text "a"\n  }\n  when $n {\n    status: text "b"\n  }\n}\n',
        [duplicate("status", "3:5", "6:5", "6:11")],
      ],
      [
        "the same label twice in one branch",
        'blocks b(m: bool) {\n  when $m {\n    status: text "a"\n    status: text "b"\n  } else {\n    status: text "c"\n  }\n}\n',
        [duplicate("status", "3:5", "4:5", "4:11")],
      ],
      // Both loops give their members the keys status_1, status_2, …: the second overwrites the first.
      [
        "the same label under two each loops",
        'blocks b(xs: string[]) {\n  each x in $xs {\n    status: text "${x}"\n  }\n  each y in $xs {\n    status: text "${y}"\n  }\n}\n',
        [duplicate("status", "3:5", "6:5", "6:11")],
      ],
    ]),
  });

  ruleTester.run(ruleById(KEY), {
    valid: validRows([
      ["the same label under when and under its else", 'blocks b(m: bool) {\n  when $m {\n    status: text "a"\n  } else {\n    status: text "b"\n  }\n}\n'],
      [
        "the same label in nested branches that exclude each other",
        'blocks b(m: bool, n: bool) {\n  when $m {\n    when $n {\n      status: text "a"\n    } else {\n      status: text "b"\n    }\n  } else {\n    status: text "c"\n  }\n}\n',
      ],
      ["a label under each (keys get the item's position)", 'blocks b(xs: string[]) {\n  each x in $xs {\n    status: text "${x}"\n  }\n}\n'],
      ["a label and the same label under each", 'blocks b(xs: string[]) {\n  status: text "a"\n  each x in $xs {\n    status: text "${x}"\n  }\n}\n'],
    ]),
    invalid: [],
  });

  it("sends the member of the branch that holds", () => {
    const code = 'blocks b(m: bool) {\n  when $m {\n    status: text "a"\n  } else {\n    status: text "b"\n  }\n}\n';
    for (const [m, value] of [[true, "a"], [false, "b"]] as const) {
      expect(compile(code, { params: { b: { m } } }).outputs[0]?.value).toEqual({ blocks: { status: { type: "text", properties: { value } } } });
    }
  });

  it.each<[string, string, string[]]>([
    ["a label shaped like a repeated member's key", 'blocks b(xs: string[]) {\n  status_1: text "a"\n  each x in $xs {\n    status: text "${x}"\n  }\n}\n', ["a", "b", "c"]],
    ["a label shaped like a generated key of a repeated member", 'blocks b(xs: string[]) {\n  text "a"\n  each x in $xs {\n    text "${x}"\n  }\n  block_2_1: text "z"\n}\n', ["a", "b", "c", "z"]],
  ])("loses no member to %s", (_name, code, values) => {
    // Either every member is sent under its own key, or the clash is an error: never one silently lost.
    const out = compile(code, { params: { b: { xs: ["b", "c"] } } });
    if (out.diagnostics.some((d) => d.severity === "error")) return;
    const blocks = (out.outputs[0]?.value as { blocks: Record<string, { properties: { value: string } }> }).blocks;
    expect(Object.values(blocks).map((b) => b.properties.value).sort()).toEqual(values);
  });
});

describe("duplicate-field with conditional card elements", () => {
  it("accepts the same field under when and under its else", () => {
    const code = 'card c(m: bool) for company {\n  scope common\n  main: section "Main" {\n    TITLE\n    when $m {\n      PHONE\n    } else {\n      PHONE always\n    }\n  }\n}\n';
    expect(findings(code, "duplicate-field")).toEqual([]);
  });
});
