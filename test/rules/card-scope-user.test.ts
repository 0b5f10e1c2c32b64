import { describe } from "vitest";
import { invalidRows, RuleTester, ruleById, validRows } from "../support/rule-tester.js";

const ruleTester = new RuleTester();
const ID = "card-scope-user";
const MESSAGE = "'userId' is ignored with 'scope common': common settings apply to every user. Remove 'userId', or use 'scope personal' to configure that user's card.";
const card = (lines: string) => `card c for contact {\n${lines}  main: section "Main" {\n    NAME\n  }\n}\n`;

describe(ID, () => {
  ruleTester.run(ruleById(ID), {
    valid: [],
    invalid: invalidRows([
      ["userId after scope common", card("  scope common\n  userId 1\n"), [{ ruleId: ID, severity: "warning", message: MESSAGE, at: "3:3", to: "3:9" }]],
      ["userId before scope common", card("  userId 7\n  scope common\n"), [{ ruleId: ID, severity: "warning", message: MESSAGE, at: "2:3", to: "2:9" }]],
      ["scope written as its REST value C", card('  scope "C"\n  userId 1\n'), [{ ruleId: ID, severity: "warning", message: MESSAGE, at: "3:3", to: "3:9" }]],
    ]),
  });

  ruleTester.run(ruleById(ID), {
    valid: validRows([
      ["userId with scope personal", card("  scope personal\n  userId 1\n")],
      ["userId without a scope (personal by default)", card("  userId 1\n")],
      ["scope common without userId", card("  scope common\n")],
    ]),
    invalid: [],
  });

});
