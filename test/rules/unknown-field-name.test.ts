import { describe, expect, it } from "vitest";
import { invalidRows, RuleTester, ruleById, validRows } from "../support/rule-tester.js";
import { check } from "../../src/index.js";

const ruleTester = new RuleTester();
const ID = "unknown-field-name";
/** A card whose elements start on line 3 (from column 5). */
const card = (entity: string, ...elements: string[]) => `card c for ${entity} {\n  main: section "Main" {\n${elements.map((e) => `    ${e}\n`).join("")}  }\n}\n`;
const UNCHECKED = "the server stores it unchecked, but the card has no such field";

describe(ID, () => {
  ruleTester.run(ruleById(ID), {
    valid: [],
    invalid: invalidRows([
      [
        "a misspelt field",
        card("contact", "NAME", "LAST_NAEM"),
        [{ ruleId: ID, severity: "warning", message: `Unknown field 'LAST_NAEM' for a contact card; ${UNCHECKED}. Did you mean 'LAST_NAME'?`, at: "4:5", to: "4:14" }],
      ],
      [
        "a field name in lower case",
        card("contact", "name"),
        [{ ruleId: ID, severity: "warning", message: `Unknown field 'name' for a contact card; ${UNCHECKED}. Did you mean 'NAME'?`, at: "3:5", to: "3:9" }],
      ],
      [
        "a field close to none",
        card("deal", "WHATEVER_FIELD"),
        [{ ruleId: ID, severity: "warning", message: `Unknown field 'WHATEVER_FIELD' for a deal card; ${UNCHECKED}.`, at: "3:5", to: "3:19" }],
      ],
      [
        "a field of another entity",
        card("deal", "COMPANY_TYPE"),
        [{ ruleId: ID, severity: "warning", message: `Unknown field 'COMPANY_TYPE' for a deal card; ${UNCHECKED}.`, at: "3:5", to: "3:17" }],
      ],
      [
        "a user field with a wrong prefix",
        card("lead", "UF_CMR_1"),
        [{ ruleId: ID, severity: "warning", message: `Unknown field 'UF_CMR_1' for a lead card; ${UNCHECKED}.`, at: "3:5", to: "3:13" }],
      ],
    ]),
  });

  ruleTester.run(ruleById(ID), {
    valid: validRows([
      ["entity fields", card("contact", "NAME", "LAST_NAME", "PHONE")],
      ["card-only composite fields", card("deal", "CLIENT", "OPPORTUNITY_WITH_CURRENCY", "PRODUCT_ROW_SUMMARY")],
      ["user fields and smart-process links", card("deal", "UF_CRM_1720697698689", "PARENT_ID_164")],
      ["quote fields", card("quote", "QUOTE_NUMBER", "MYCOMPANY_ID")],
      ["any name on a smart-process card (no field list)", card("1032", "ANYTHING")],
      ["any name on a smart-invoice card (no field list)", card("smartInvoice", "ANYTHING")],
    ]),
    invalid: [],
  });

  it("suggests the field a misspelt name is close to: it may be a field of the portal, so never a fix", () => {
    const d = check(card("contact", "LAST_NAEM")).diagnostics.find((x) => x.ruleId === ID);
    expect(d?.fix).toBeUndefined();
    expect(d?.suggestions?.map((s) => s.edits.map((e) => e.newText))).toEqual([["LAST_NAME"]]);
  });

});
