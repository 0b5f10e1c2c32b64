import { describe, expect, it } from "vitest";
import { invalidRows, RuleTester, ruleById, validRows } from "../support/rule-tester.js";
import { check } from "../../src/index.js";

const ruleTester = new RuleTester();
const ID = "activity-target";
const LAYOUT = '  layout {\n    icon call\n    header "T"\n    body {\n      logo call-incoming\n      text "x"\n    }\n  }\n';
/** `activity a { <lines> <LAYOUT> }`: the given lines start on line 2. */
const activity = (lines: string, layout = LAYOUT) => `activity a {\n${lines}${layout}}\n`;
const KNOWN = "1 lead, 2 deal, 3 contact, 4 company, 5 invoice, 7 quote, 8 requisite, 14 order, 31 smartInvoice";

describe(ID, () => {
  ruleTester.run(ruleById(ID), {
    valid: [],
    invalid: invalidRows([
      [
        "an activity with no target",
        activity("  completed false\n"),
        [{ ruleId: ID, severity: "error", message: "Activity 'a' has no target: write 'ownerTypeId' and 'ownerId' to add it, or 'id' to update an existing activity.", at: "1:10", to: "1:11" }],
      ],
      [
        "both an update and an add",
        activity("  id 42\n  ownerId 1\n"),
        [{ ruleId: ID, severity: "error", message: "Activity 'a' has both 'id' (update) and 'ownerId' (add); write 'id' to update an existing activity, or 'ownerTypeId' and 'ownerId' to add one.", at: "2:3", to: "2:5" }],
      ],
      [
        "an add without ownerId",
        activity("  ownerTypeId deal\n"),
        [{ ruleId: ID, severity: "error", message: "Activity 'a' has 'ownerTypeId' but no 'ownerId'; crm.activity.configurable.add needs both.", at: "1:10", to: "1:11" }],
      ],
      [
        "an add without ownerTypeId",
        activity("  ownerId 5\n"),
        [{ ruleId: ID, severity: "error", message: "Activity 'a' has 'ownerId' but no 'ownerTypeId'; crm.activity.configurable.add needs both.", at: "1:10", to: "1:11" }],
      ],
      [
        "an add without a layout",
        activity("  ownerTypeId deal\n  ownerId 1\n", ""),
        [{ ruleId: ID, severity: "error", message: "Activity 'a' has no layout; crm.activity.configurable.add answers ERROR_EMPTY_LAYOUT (\"The field \"layout\" is required.\").", at: "1:10", to: "1:11" }],
      ],
      [
        "an add with an empty layout",
        activity("  ownerTypeId deal\n  ownerId 1\n", "  layout {}\n"),
        [{ ruleId: ID, severity: "error", message: "Activity 'a' has no layout; crm.activity.configurable.add answers ERROR_EMPTY_LAYOUT (\"The field \"layout\" is required.\").", at: "4:3", to: "4:12" }],
      ],
      [
        "an owner type that is no entity and no smart process",
        activity("  ownerTypeId 99\n  ownerId 1\n"),
        [{ ruleId: ID, severity: "warning", message: `ownerTypeId 99 is neither a known CRM entity type (${KNOWN}) nor a smart-process id (128–192, or an even number from 1030).`, at: "2:15", to: "2:17" }],
      ],
      [
        "a misspelt entity word",
        activity("  ownerTypeId deall\n  ownerId 1\n"),
        [{ ruleId: ID, severity: "error", message: "Unknown entity 'deall'. Did you mean 'deal'?", at: "2:15", to: "2:20" }],
      ],
      [
        "a word close to no entity",
        activity("  ownerTypeId thing\n  ownerId 1\n"),
        [
          {
            ruleId: ID,
            severity: "error",
            message: "Unknown entity 'thing'. Write one of lead, deal, contact, company, quote, invoice, requisite, order, smartInvoice, or a numeric entityTypeId.",
            at: "2:15",
            to: "2:20",
          },
        ],
      ],
    ]),
  });

  ruleTester.run(ruleById(ID), {
    valid: validRows([
      ["an add", activity("  ownerTypeId deal\n  ownerId 1\n")],
      ["an add for a smart process", activity("  ownerTypeId 1032\n  ownerId 1\n")],
      ["an add referring to a layout declaration", activity("  ownerTypeId 2\n  ownerId 1\n", "  layout call\n")],
      ["an update without a layout", activity("  id 42\n  completed true\n", "")],
    ]),
    invalid: [],
  });

  it("suggests the entity word a misspelt one is close to (never a fix)", () => {
    const d = check(activity("  ownerTypeId deall\n  ownerId 1\n")).diagnostics.find((x) => x.ruleId === ID);
    expect(d?.fix).toBeUndefined();
    expect(d?.suggestions?.map((s) => s.edits.map((e) => e.newText))).toEqual([["deal"]]);
  });

});
