import { describe } from "vitest";
import { invalidRows, RuleTester, ruleById, validRows } from "../support/rule-tester.js";
import { type Finding } from "../helpers.js";

const ruleTester = new RuleTester();
const ID = "badge-on-completed";
/** An update with `completed` on line 3 and `badgeCode` on line 4 (value from column 13). */
const activity = (completed: string, badgeCode: string) => `activity a {\n  id 42\n  completed ${completed}\n  badgeCode ${badgeCode}\n}\n`;
const removed = (code: string, to: string): Finding[] => [
  {
    ruleId: ID,
    severity: "warning",
    message: `Activity 'a' is completed here, and a completed activity's badge is removed: badge '${code}' never shows. Leave out 'badgeCode', or send it while the activity is open.`,
    at: "4:13",
    to,
  },
];

describe(ID, () => {
  ruleTester.run(ruleById(ID), {
    valid: [],
    invalid: invalidRows([
      ["completed true", activity("true", "callMissed"), removed("callMissed", "4:23")],
      ['completed "Y", which the server reads as true', activity('"Y"', '"callMissed"'), removed("callMissed", "4:25")],
      ["completed 1", activity("1", "late"), removed("late", "4:17")],
    ]),
  });

  ruleTester.run(ruleById(ID), {
    valid: validRows([
      ["an open activity", activity("false", "callMissed")],
      ['completed "TRUE", which the server rejects (value-type)', activity('"TRUE"', "callMissed")],
      ['the badge removed with ""', activity("true", '""')],
      ["no completed", "activity a {\n  id 42\n  badgeCode callMissed\n}\n"],
    ]),
    invalid: [],
  });
});
