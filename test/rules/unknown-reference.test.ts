import { describe, expect, it } from "vitest";
import { invalidRows, RuleTester, ruleById, validRows } from "../support/rule-tester.js";
import { check } from "../../src/index.js";

const ruleTester = new RuleTester();
const ID = "unknown-reference";
const LAYOUT = 'layout incomingCall {\n  icon call\n  header "T"\n  body {\n    logo call-incoming\n    text "x"\n  }\n}\n';
/** An activity after LAYOUT (8 lines): `layout` is on line 11. */
const activity = (ref: string, before = LAYOUT) => `${before}activity a {\n  ownerTypeId deal\n  ownerId 1\n  layout ${ref}\n}\n`;

describe(ID, () => {
  ruleTester.run(ruleById(ID), {
    valid: [],
    invalid: invalidRows([
      [
        "a misspelt layout name",
        activity("incomingCal"),
        [{ ruleId: ID, severity: "error", message: "Unknown layout 'incomingCal': this file neither declares nor imports a layout of that name. Did you mean 'incomingCall'?", at: "12:10", to: "12:21" }],
      ],
      [
        "a name close to no layout",
        activity("other"),
        [{ ruleId: ID, severity: "error", message: "Unknown layout 'other': this file neither declares nor imports a layout of that name.", at: "12:10", to: "12:15" }],
      ],
      [
        "a declaration of another kind",
        activity("extra", 'blocks extra {\n  text "x"\n}\n'),
        [{ ruleId: ID, severity: "error", message: "'extra' is a blocks declaration, not a layout.", at: "7:10", to: "7:15" }],
      ],
    ]),
  });

  ruleTester.run(ruleById(ID), {
    valid: validRows([
      ["a declared layout", activity("incomingCall")],
      ["a layout declared after the activity", `activity a {\n  ownerTypeId deal\n  ownerId 1\n  layout incomingCall\n}\n${LAYOUT}`],
    ]),
    invalid: [],
  });

  it("suggests the name a misspelt one is close to (never a fix)", () => {
    const d = check(activity("incomingCal")).diagnostics.find((x) => x.ruleId === ID);
    expect(d?.fix).toBeUndefined();
    expect(d?.suggestions?.map((s) => s.edits.map((e) => e.newText))).toEqual([["incomingCall"]]);
  });

  ruleTester.run(ruleById(ID), {
    valid: [],
    invalid: [
      {
        name: "a layout another file checked with it declares (the project check): named in the message, its place a related location",
        code: activity("incomingCall", ""),
        files: [{ path: "layouts.b24layout", code: LAYOUT }],
        errors: [
          {
            messageId: "declaredElsewhere",
            message: "Unknown layout 'incomingCall': this file has no layout of that name, but layouts.b24layout has. Import it to use it here: import { incomingCall } from \"./layouts.b24layout\".",
            line: 4,
            column: 10,
            endLine: 4,
            endColumn: 22,
            related: [{ message: "the layout 'incomingCall'", path: "layouts.b24layout", line: 1, column: 8, endLine: 1, endColumn: 20 }],
          },
        ],
      },
    ],
  });
});
