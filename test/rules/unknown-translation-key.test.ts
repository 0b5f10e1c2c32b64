import { describe, expect, it } from "vitest";
import { invalidRows, RuleTester, ruleById, validRows } from "../support/rule-tester.js";
import { check } from "../../src/index.js";
import { findings } from "../helpers.js";

const ruleTester = new RuleTester();
const ID = "unknown-translation-key";
const TABLE = 'translations {\n  en { incoming "Incoming call"; client "Client" }\n  de { outgoing "Ausgehender Anruf" }\n}\n';
/** A layout after TABLE (4 lines); `header` is on line 7, the blocks start on line 10. */
const layout = (header: string, blocks = '    text "x"') =>
  `${TABLE}layout l {\n  icon call\n  header ${header}\n  body {\n    logo call-incoming\n${blocks}\n  }\n}\n`;

describe(ID, () => {
  ruleTester.run(ruleById(ID), {
    valid: [],
    invalid: invalidRows([
      [
        "a typo, with a suggestion",
        layout("@incomming"),
        [{ ruleId: ID, severity: "error", message: "Unknown translation '@incomming': the translations table does not define it. Did you mean '@incoming'?", at: "7:10", to: "7:20" }],
      ],
      [
        "a key close to none",
        layout("@zzz"),
        [{ ruleId: ID, severity: "error", message: "Unknown translation '@zzz': the translations table does not define it.", at: "7:10", to: "7:14" }],
      ],
      [
        "a reference inside a nested block",
        layout('"T"', "    withTitle @clinet { text @incoming }"),
        [{ ruleId: ID, severity: "error", message: "Unknown translation '@clinet': the translations table does not define it. Did you mean '@client'?", at: "10:15", to: "10:22" }],
      ],
      [
        "a file without a translations table",
        'blocks b {\n  text @hello\n}\n',
        [{ ruleId: ID, severity: "error", message: "Unknown translation '@hello': the file has no translations table.", at: "2:8", to: "2:14" }],
      ],
      [
        "an empty translations table",
        'translations {}\nblocks b {\n  text @hello\n}\n',
        [{ ruleId: ID, severity: "error", message: "Unknown translation '@hello': the translations table does not define it.", at: "3:8", to: "3:14" }],
      ],
    ]),
  });

  ruleTester.run(ruleById(ID), {
    valid: validRows([
      ["a key of the first language", layout("@incoming")],
      ["a key defined only in another language", layout("@outgoing")],
      ["a plain string", layout('"Title"')],
    ]),
    invalid: [],
  });

  it.each([["@titel"], ["@tilte"]])("suggests '@title' for the transposition %s", (ref) => {
    const code = `translations {\n  en { title "Title" }\n}\nblocks b {\n  text ${ref}\n}\n`;
    expect(findings(code, ID)).toEqual([
      { ruleId: ID, severity: "error", message: `Unknown translation '${ref}': the translations table does not define it. Did you mean '@title'?`, at: "5:8", to: "5:14" },
    ]);
  });

  it("suggests replacing a misspelt reference (never a fix)", () => {
    const d = check(layout("@incomming")).diagnostics.find((x) => x.ruleId === ID);
    expect(d?.fix).toBeUndefined();
    expect(d?.suggestions?.map((s) => s.edits.map((e) => [e.newText, e.range.start.column, e.range.end.column]))).toEqual([[["@incoming", 10, 20]]]);
  });

});
