import { describe } from "vitest";
import { invalidRows, RuleTester, ruleById, validRows } from "../support/rule-tester.js";

const ruleTester = new RuleTester();
const ID = "duplicate-section";
const section = (label: string, field: string) => `  ${label}: section "S" {\n    ${field}\n  }\n`;
const card = (...sections: string[]) => `card c for contact {\n${sections.join("")}}\n`;

describe(ID, () => {
  ruleTester.run(ruleById(ID), {
    valid: [],
    invalid: invalidRows([
      [
        "two sections with one name",
        card(section("main", "NAME"), section("main", "PHONE")),
        [{ ruleId: ID, severity: "error", message: "Section 'main' is already defined in this card; section names must be unique within a card.", at: "5:3", to: "5:7", related: ["first defined 2:3"] }],
      ],
      [
        "three sections with one name: every repetition",
        card(section("main", "NAME"), section("other", "EMAIL"), section("main", "PHONE"), section("main", "POST")),
        [
          { ruleId: ID, severity: "error", message: "Section 'main' is already defined in this card; section names must be unique within a card.", at: "8:3", to: "8:7", related: ["first defined 2:3"] },
          { ruleId: ID, severity: "error", message: "Section 'main' is already defined in this card; section names must be unique within a card.", at: "11:3", to: "11:7", related: ["first defined 2:3"] },
        ],
      ],
      [
        "a quoted label repeating a plain one",
        card(section("main", "NAME"), section('"main"', "PHONE")),
        [{ ruleId: ID, severity: "error", message: "Section 'main' is already defined in this card; section names must be unique within a card.", at: "5:3", to: "5:9", related: ["first defined 2:3"] }],
      ],
    ]),
  });

  ruleTester.run(ruleById(ID), {
    valid: validRows([
      ["distinct names", card(section("main", "NAME"), section("more", "PHONE"))],
      ["one name in two cards", card(section("main", "NAME")) + card(section("main", "NAME")).replace("card c", "card d")],
    ]),
    invalid: [],
  });

});
