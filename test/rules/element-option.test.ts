import { describe } from "vitest";
import { invalidRows, RuleTester, ruleById, validRows } from "../support/rule-tester.js";

const ruleTester = new RuleTester();
const ID = "element-option";
/** A contact card whose one element is on line 3 (from column 5). */
const card = (element: string, entity = "contact") => `card c for ${entity} {\n  main: section "Main" {\n    ${element}\n  }\n}\n`;
const PHONE_TARGETS = "PHONE, CLIENT, COMPANY, CONTACT, MYCOMPANY_ID";

describe(ID, () => {
  ruleTester.run(ruleById(ID), {
    valid: [],
    invalid: invalidRows([
      [
        "defaultCountry on NAME",
        card('NAME { defaultCountry "GB" }'),
        [{ ruleId: ID, severity: "warning", message: `Option 'defaultCountry' does not apply to 'NAME'; it applies to ${PHONE_TARGETS}.`, at: "3:12", to: "3:26" }],
      ],
      [
        "option keys named like Object.prototype members, in a raw card field (they crashed the checker)",
        card('json { name: "NAME", options: { "__proto__": 0, toString: 1, defaultCountry: "GB" } }'),
        [{ ruleId: ID, severity: "warning", message: `Option 'defaultCountry' does not apply to 'NAME'; it applies to ${PHONE_TARGETS}.`, at: "3:66", to: "3:80" }],
      ],
      [
        "defaultAddressType on PHONE",
        card("PHONE { defaultAddressType 4 }"),
        [{ ruleId: ID, severity: "warning", message: "Option 'defaultAddressType' does not apply to 'PHONE'; it applies to ADDRESS.", at: "3:13", to: "3:31" }],
      ],
      [
        "a payment option on a deal's TITLE",
        card("TITLE { isPayButtonVisible false }", "deal"),
        [{ ruleId: ID, severity: "warning", message: "Option 'isPayButtonVisible' does not apply to 'TITLE'; it applies to OPPORTUNITY_WITH_CURRENCY.", at: "3:13", to: "3:31" }],
      ],
      [
        "an address type that does not exist",
        card("ADDRESS always { defaultAddressType 13 }"),
        [{ ruleId: ID, severity: "error", message: "Address type 13 does not exist; valid ids are 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12.", at: "3:41", to: "3:43" }],
      ],
      [
        "an address type on the wrong field that does not exist",
        card("PHONE {\n      defaultAddressType 0\n    }"),
        [
          { ruleId: ID, severity: "warning", message: "Option 'defaultAddressType' does not apply to 'PHONE'; it applies to ADDRESS.", at: "4:7", to: "4:25" },
          { ruleId: ID, severity: "error", message: "Address type 0 does not exist; valid ids are 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12.", at: "4:26", to: "4:27" },
        ],
      ],
    ]),
  });

  ruleTester.run(ruleById(ID), {
    valid: validRows([
      ["defaultCountry on PHONE", card('PHONE always { defaultCountry "GB" }')],
      ["defaultCountry on CLIENT", card('CLIENT { defaultCountry "DE" }', "deal")],
      ["every address type id", card("ADDRESS { defaultAddressType 12 }")],
      ["payment options on OPPORTUNITY_WITH_CURRENCY", card("OPPORTUNITY_WITH_CURRENCY {\n      isPayButtonVisible false\n      isPaymentDocumentsVisible true\n    }", "deal")],
    ]),
    invalid: [],
  });

});
