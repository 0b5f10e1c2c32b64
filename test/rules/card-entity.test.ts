import { describe, expect, it } from "vitest";
import { invalidRows, RuleTester, ruleById, validRows } from "../support/rule-tester.js";
import { check } from "../../src/index.js";

const ruleTester = new RuleTester();
const ID = "card-entity";
/** `card c for <head> { … }`: `for`'s value starts at column 12. */
const card = (head: string) => `card c for ${head} {\n  main: section "Main" {\n    TITLE\n  }\n}\n`;
const TO_ITEM = "Remove 'legacy' to use crm.item.details.configuration.set.";

describe(ID, () => {
  ruleTester.run(ruleById(ID), {
    valid: [],
    invalid: invalidRows([
      [
        "the old invoice",
        card("invoice"),
        [{ ruleId: ID, severity: "error", message: "Cards of 'invoice' cannot be configured: the server answers \"The entity type 'INVOICE' is not supported in current context.\"", at: "1:12", to: "1:19" }],
      ],
      [
        "a requisite",
        card("requisite"),
        [{ ruleId: ID, severity: "error", message: "Cards of 'requisite' cannot be configured: the server answers \"The entity type 'REQUISITE' is not supported in current context.\"", at: "1:12", to: "1:21" }],
      ],
      [
        "an order, by number",
        card("14"),
        [{ ruleId: ID, severity: "error", message: "Cards of 'order' cannot be configured: the server answers \"The entity type 'ORDER' is not supported in current context.\"", at: "1:12", to: "1:14" }],
      ],
      [
        "a number that is no entity and no smart process",
        card("99"),
        [
          {
            ruleId: ID,
            severity: "error",
            message: "entityTypeId 99 is neither a known CRM entity type (1 lead, 2 deal, 3 contact, 4 company, 7 quote, 31 smartInvoice) nor a smart-process id (128–192, or an even number from 1030).",
            at: "1:12",
            to: "1:14",
          },
        ],
      ],
      [
        "a misspelt entity word",
        card("contakt"),
        [{ ruleId: ID, severity: "error", message: "Unknown entity 'contakt'. Did you mean 'contact'?", at: "1:12", to: "1:19" }],
      ],
      [
        "legacy on a quote",
        card("quote legacy"),
        [{ ruleId: ID, severity: "error", message: `'legacy' does not work for quote cards: there is no crm.quote.details.configuration.set. ${TO_ITEM}`, at: "1:18", to: "1:24" }],
      ],
      [
        "legacy on a smart invoice",
        card("smartInvoice legacy"),
        [{ ruleId: ID, severity: "error", message: `'legacy' does not work for smartInvoice cards: there is no crm.smartInvoice.details.configuration.set. ${TO_ITEM}`, at: "1:25", to: "1:31" }],
      ],
      [
        "legacy on a smart process",
        card("1032 legacy"),
        [{ ruleId: ID, severity: "error", message: `'legacy' does not work for smart processes: only lead, deal, contact and company cards have crm.<entity>.details.configuration.set. ${TO_ITEM}`, at: "1:17", to: "1:23" }],
      ],
    ]),
  });

  ruleTester.run(ruleById(ID), {
    valid: validRows([
      ["a deal", card("deal")],
      ["a deal with legacy", card("deal legacy")],
      ["a company with legacy", card("company legacy")],
      ["a quote", card("quote")],
      ["a smart invoice", card("smartInvoice")],
      ["a smart process id", card("128")],
      ["a smart process id from 1030", card("1030")],
    ]),
    invalid: [],
  });

  it("suggests the entity word a misspelt one is close to (never a fix)", () => {
    const d = check(card("contakt")).diagnostics.find((x) => x.ruleId === ID);
    expect(d?.fix).toBeUndefined();
    expect(d?.suggestions?.map((s) => s.edits.map((e) => e.newText))).toEqual([["contact"]]);
  });

});
