/**
 * payload-kind: reported by the JSON front end only (RuleMeta.appliesTo ["json"]). The RuleTester
 * runs `.b24layout` text, where the rule never reports; its JSON findings are asserted through
 * checkJson, at their exact places.
 */
import { describe, expect, it } from "vitest";
import { checkJson } from "../../src/index.js";
import { RuleTester, ruleById, validRows } from "../support/rule-tester.js";

const ruleTester = new RuleTester();
const ID = "payload-kind";

ruleTester.run(ruleById(ID), {
  valid: validRows([["a .b24layout file: never (the rule checks JSON payloads only)", 'badge missed failure {\n  title "Call"\n  value "Missed"\n}\n']]),
  invalid: [],
});

const findings = (text: string, options = {}) => checkJson(text, options).diagnostics.filter((d) => d.ruleId === ID).map((d) => `${d.range.start.line}:${d.range.start.column}-${d.range.end.line}:${d.range.end.column} ${d.message}`);

describe(`${ID} on JSON`, () => {
  it("reports a document that is no payload at its first character, with what it looks like", () => {
    expect(findings(`\n\n    { "only": "this" }`)).toEqual([
      expect.stringMatching(/^3:5-3:6 This JSON is not a payload b24layout knows: found an object with the key "only"\. Expected a layout \(a LayoutDto\), blocks/),
    ]);
  });

  it("reports a REST response's result, not the envelope, when the result is none", () => {
    expect(findings(`{ "result": true, "time": {} }`)).toEqual([
      "1:13-1:17 This JSON is not a payload b24layout knows: a REST response whose result is true (the answer of a set, reset or delete): there is nothing to import. Expected a layout (a LayoutDto), blocks (a RestAppLayoutDto, or the params of crm.timeline.layout.blocks.set or crm.activity.layout.blocks.set), a badge (crm.activity.badge.add params or a badge response), an activity (crm.activity.configurable.add / update params or a get response) or a card (crm.item.details.configuration.set params, legacy or not, or a card's sections). Name its kind with --kind (layout, blocks, badge, activity, card) or with \"kind\" in a config override for the file.",
    ]);
  });

  it("reports a kind the payload cannot be, an unknown kind and an unknown method", () => {
    expect(findings(`"text"`, { kind: "card" })).toEqual([
      "1:1-1:7 This JSON cannot be checked as card: found the string \"text\", expected crm.item.details.configuration.set params, the legacy crm.<entity>.details.configuration.set params, or a card's sections [ … ] (as get returns them).",
    ]);
    expect(findings(`{}`, { kind: "cards" })).toEqual(["1:1-1:2 'cards' is not a kind of payload: expected one of layout, blocks, badge, activity, card."]);
    expect(findings(`{}`, { method: "crm.deal.add" })[0]).toMatch(/^1:1-1:2 'crm\.deal\.add' is not a REST method b24layout checks the params of: expected one of /);
  });

  it("is quiet on a payload it knows", () => {
    expect(findings(`{ "code": "c", "title": "T", "value": "V", "type": "failure" }`)).toEqual([]);
  });
});
