/** Inline suppressions (`b24layout-disable…` comments) and the findings about them. */
import { describe, expect, it } from "vitest";
import { check } from "../../src/index.js";
import { type Finding } from "../helpers.js";
import { expectedFinding, RuleTester, ruleById, validRows } from "../support/rule-tester.js";

const ruleTester = new RuleTester();
const ID = "unused-suppression";
const warn = (message: string, at: string, to: string): Finding => ({ ruleId: ID, severity: "warning", message, at, to });

/** A layout whose icon (line 3) is an unknown code (a warning) and whose header has three tags (an error on line 8). */
const layout = (before = "", icon = "  icon my-portal-icon", file = "") => `${file}layout l {
${before}
${icon}
  header "T" {
    tag success "a"
    tag failure "b"
    tag primary "c"
  }
  body {
    logo document
    text "x"
  }
}
`;

describe("suppressions", () => {
  it.each<[string, string, string[]]>([
    ["nothing suppressed", layout(), ["unknown-code", "collection-limit"]],
    ["the next line, one rule", layout("  // b24layout-disable-next-line unknown-code -- registered on our portal"), ["collection-limit"]],
    ["the next line, every rule", layout("  // b24layout-disable-next-line"), ["collection-limit"]],
    ["the same line", layout("", "  icon my-portal-icon // b24layout-disable-line unknown-code"), ["collection-limit"]],
    ["the whole file", layout("", "  icon my-portal-icon", "// b24layout-disable unknown-code, collection-limit -- legacy file\n"), []],
    ["a block comment", layout("  /* b24layout-disable-next-line unknown-code */"), ["collection-limit"]],
    ["every rule, with a reason and no rule ids", layout("  // b24layout-disable-next-line -- registered on our portal"), ["collection-limit"]],
  ])("%s", (_name, code, remaining) => {
    expect(check(code).diagnostics.map((d) => d.ruleId)).toEqual(remaining);
  });

  ruleTester.run(ruleById(ID), {
    valid: validRows([
      ["a suppression of the rule that reports there", layout("  // b24layout-disable-next-line unknown-code")],
      ["a suppression of every rule where one reports", layout("  // b24layout-disable-next-line")],
      ["a file-wide suppression of rules that report", layout("", "  icon my-portal-icon", "// b24layout-disable unknown-code, collection-limit -- legacy file\n")],
    ]),
    invalid: [
      {
        name: "a suppression of a rule that reports nothing there: a suggestion, not a fix, since the rest of it is used",
        code: layout("  // b24layout-disable-next-line unknown-code, duplicate-key"),
        errors: [{ ...expectedFinding(warn("'duplicate-key' reports nothing here: remove it from the suppression.", "2:3", "2:61")), messageId: "unusedRule" }],
        output: null,
      },
      {
        name: "a suppression with nothing to suppress, removed with its line",
        code: 'blocks b {\n  // b24layout-disable-next-line\n  text "x"\n}\n',
        errors: [{ ...expectedFinding(warn("This suppression suppresses nothing: remove it.", "2:3", "2:33")), messageId: "unused" }],
        output: 'blocks b {\n  text "x"\n}\n',
      },
      {
        name: "an unknown rule id, with a suggestion",
        code: layout("  // b24layout-disable-next-line unknown-cod"),
        errors: [{ ...expectedFinding(warn("Unknown rule 'unknown-cod' in the suppression. Did you mean 'unknown-code'?", "2:3", "2:45")), messageId: "unknownRuleSuggest" }],
        output: null,
      },
    ],
  });

  it("never suppresses syntax errors", () => {
    const d = check('// b24layout-disable\nblocks b {\n  text "x\n}\n').diagnostics;
    expect(d.map((x) => x.ruleId)).toContain("syntax-error");
  });

  it("offers to remove a suppression only when nothing in it is used", () => {
    const partly = check(layout("  // b24layout-disable-next-line unknown-code, duplicate-key")).diagnostics.find((x) => x.ruleId === ID);
    expect(partly?.fix).toBeUndefined();
  });

  it("offers to remove an unused suppression", () => {
    const d = check('blocks b {\n  // b24layout-disable-next-line\n  text "x"\n}\n').diagnostics.find((x) => x.ruleId === ID);
    expect(d?.fix?.edits).toEqual([{ range: d!.range, newText: "" }]);
  });
});
