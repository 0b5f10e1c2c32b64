import { describe, expect, it } from "vitest";
import { invalidRows, RuleTester, ruleById, validRows } from "../support/rule-tester.js";
import { allFindings, type Finding } from "../helpers.js";

const ruleTester = new RuleTester();
const ID = "card-extras";
/** A card with one extras line (line 2, key from column 3). */
const card = (entity: string, extras: string) => `card c for ${entity} {\n  ${extras}\n  main: section "Main" {\n    ID\n  }\n}\n`;

describe(ID, () => {
  ruleTester.run(ruleById(ID), {
    valid: [],
    invalid: invalidRows([
      [
        "a deal pipeline on a contact card",
        card("contact", "dealCategoryId 3"),
        [{ ruleId: ID, severity: "error", message: "'dealCategoryId' does not apply to contact cards, which take no extras.", at: "2:3", to: "2:17" }],
      ],
      [
        "a deal pipeline on a lead card",
        card("lead", "dealCategoryId 3"),
        [{ ruleId: ID, severity: "error", message: "'dealCategoryId' does not apply to lead cards; they use 'leadCustomerType'.", at: "2:3", to: "2:17" }],
      ],
      [
        "a smart-process category on a deal card",
        card("deal", "categoryId 3"),
        [{ ruleId: ID, severity: "error", message: "'categoryId' does not apply to deal cards; they use 'dealCategoryId'.", at: "2:3", to: "2:13" }],
      ],
      [
        "a deal pipeline on a smart-process card",
        card("1032", "dealCategoryId 3"),
        [{ ruleId: ID, severity: "error", message: "'dealCategoryId' does not apply to smart-process cards; they use 'categoryId'.", at: "2:3", to: "2:17" }],
      ],
      [
        "a lead customer type on a quote card",
        card("quote", "leadCustomerType repeat"),
        [{ ruleId: ID, severity: "error", message: "'leadCustomerType' does not apply to quote cards, which take no extras.", at: "2:3", to: "2:19" }],
      ],
    ]),
  });

  ruleTester.run(ruleById(ID), {
    valid: validRows([
      ["a lead customer type on a lead card", card("lead", "leadCustomerType repeat")],
      ["a deal pipeline on a deal card", card("deal", "dealCategoryId 3")],
      ["a category on a smart-process card", card("128", "categoryId 3")],
      ["a card without extras", card("contact", "scope personal")],
      ["a card of an unsupported entity (card-entity reports it)", card("invoice", "categoryId 3")],
      ["a key no entity takes (unknown-property reports it, once)", card("lead", 'extras json { "lead.customer.type": 2 }')],
    ]),
    invalid: [],
  });

  it("leaves the docs' spelling of the lead key to unknown-property, with its did-you-mean (spec §14.19)", () => {
    expect(allFindings(card("lead", 'extras json { "lead.customer.type": 2 }'))).toEqual<Finding[]>([
      {
        ruleId: "unknown-property",
        severity: "error",
        message: "Unknown property 'lead.customer.type' in the card extras: it has no such field. Did you mean 'leadCustomerType'?",
        at: "2:17",
        to: "2:37",
      },
    ]);
  });

});
