import { describe } from "vitest";
import { invalidRows, RuleTester, ruleById, validRows } from "../support/rule-tester.js";

const ruleTester = new RuleTester();
const ID = "duplicate-field";
const section = (label: string, fields: string[]) => `  ${label}: section "S" {\n${fields.map((f) => `    ${f}\n`).join("")}  }\n`;
const card = (...sections: string[]) => `card c for contact {\n${sections.join("")}}\n`;

describe(ID, () => {
  ruleTester.run(ruleById(ID), {
    valid: [],
    invalid: invalidRows([
      [
        "a field in two sections",
        card(section("main", ["NAME"]), section("more", ["NAME"])),
        [{ ruleId: ID, severity: "error", message: "Field 'NAME' is already in section 'main'; a field can appear only once in a card.", at: "6:5", to: "6:9", related: ["first placed 3:5"] }],
      ],
      [
        "a field twice in one section",
        card(section("main", ["NAME", "PHONE", "NAME always"])),
        [{ ruleId: ID, severity: "error", message: "Field 'NAME' is already in section 'main'; a field can appear only once in a card.", at: "5:5", to: "5:9", related: ["first placed 3:5"] }],
      ],
      [
        "a user field repeated",
        card(section("main", ["UF_CRM_1"]), section("more", ["PHONE", "UF_CRM_1"])),
        [{ ruleId: ID, severity: "error", message: "Field 'UF_CRM_1' is already in section 'main'; a field can appear only once in a card.", at: "7:5", to: "7:13", related: ["first placed 3:5"] }],
      ],
    ]),
  });

  ruleTester.run(ruleById(ID), {
    valid: validRows([
      ["distinct fields", card(section("main", ["NAME", "PHONE"]), section("more", ["EMAIL"]))],
      ["one field in two cards", card(section("main", ["NAME"])) + card(section("main", ["NAME"])).replace("card c", "card d")],
    ]),
    invalid: [],
  });

});
