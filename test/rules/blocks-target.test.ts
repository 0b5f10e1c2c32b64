import { describe, expect, it } from "vitest";
import { check, compile } from "../../src/index.js";
import { emitTypeScriptModule } from "../../src/emit/typescript.js";
import { typesModule } from "../../src/emit/ts-types.js";
import { invalidRows, RuleTester, ruleById, validRows } from "../support/rule-tester.js";
import { typeCheck } from "../support/typescript.js";

const ID = "blocks-target";
/** `blocks b { <lines> text "Delivered" }`: the given lines start on line 2. */
const blocks = (lines: string) => `blocks b {\n${lines}  text "Delivered"\n}\n`;
const KNOWN = "1 lead, 2 deal, 3 contact, 4 company, 5 invoice, 7 quote, 8 requisite, 14 order, 31 smartInvoice";

const ruleTester = new RuleTester();

describe(ID, () => {
  ruleTester.run(ruleById(ID), {
    valid: validRows([
      ["blocks without a target", blocks("")],
      ["a timeline record's blocks", blocks("  entityTypeId deal\n  entityId 42\n  timelineId 7\n")],
      ["an activity's blocks for a smart process", blocks("  entityTypeId 1032\n  entityId 42\n  activityId 9\n")],
    ]),
    invalid: invalidRows([
    [
      "a timeline target without entityId",
      blocks("  entityTypeId deal\n  timelineId 7\n"),
      [{ ruleId: ID, severity: "error", message: "Blocks 'b' is for crm.timeline.layout.blocks.set, which also needs 'entityId'.", at: "1:8", to: "1:9" }],
    ],
    [
      "an activity target with only its id",
      blocks("  activityId 9\n"),
      [{ ruleId: ID, severity: "error", message: "Blocks 'b' is for crm.activity.layout.blocks.set, which also needs 'entityTypeId' and 'entityId'.", at: "1:8", to: "1:9" }],
    ],
    [
      "both records",
      blocks("  entityTypeId deal\n  entityId 42\n  timelineId 7\n  activityId 9\n"),
      [{ ruleId: ID, severity: "error", message: "Blocks 'b' has both 'timelineId' (crm.timeline.layout.blocks.set) and 'activityId' (crm.activity.layout.blocks.set); write the one of the record the blocks are for.", at: "5:3", to: "5:13" }],
    ],
    [
      "an entity without a record",
      blocks("  entityId 42\n  entityTypeId 2\n"),
      [{ ruleId: ID, severity: "error", message: "Blocks 'b' has 'entityId' but neither 'timelineId' (crm.timeline.layout.blocks.set) nor 'activityId' (crm.activity.layout.blocks.set).", at: "1:8", to: "1:9" }],
    ],
    [
      "an entity type that is no entity and no smart process",
      blocks("  entityTypeId 99\n  entityId 42\n  timelineId 7\n"),
      [{ ruleId: ID, severity: "warning", message: `entityTypeId 99 is neither a known CRM entity type (${KNOWN}) nor a smart-process id (128–192, or an even number from 1030).`, at: "2:16", to: "2:18" }],
    ],
    [
      "a misspelt entity word",
      blocks("  entityTypeId deall\n  entityId 42\n  timelineId 7\n"),
      [{ ruleId: ID, severity: "error", message: "Unknown entity 'deall'. Did you mean 'deal'?", at: "2:16", to: "2:21" }],
    ],
    ]),
  });

  it("accepts a target with no finding of any rule", () => {
    expect(check(blocks("  entityTypeId deal\n  entityId 42\n  timelineId 7\n")).diagnostics).toEqual([]);
  });
});

describe("blocks with a target", () => {
  it("build the whole crm.timeline.layout.blocks.set params, the blocks under layout", () => {
    const out = compile(blocks("  entityTypeId deal\n  entityId 42\n  timelineId 7\n")).outputs[0]!;
    expect(out.value).toEqual({ entityTypeId: 2, entityId: 42, timelineId: 7, layout: { blocks: { block_1: { type: "text", properties: { value: "Delivered" } } } } });
  });

  it("take the ids from template parameters", () => {
    const code = 'blocks b(deal: int, activity: int) {\n  entityTypeId deal\n  entityId $deal\n  activityId $activity\n  text "Delivered"\n}\n';
    expect(check(code).diagnostics).toEqual([]);
    const out = compile(code, { params: { b: { deal: 5, activity: 6 } } }).outputs[0]!;
    expect(out.value).toEqual({ entityTypeId: 2, entityId: 5, activityId: 6, layout: { blocks: { block_1: { type: "text", properties: { value: "Delivered" } } } } });
  });

  it("still report the blocks' own problems, at their place", () => {
    const code = blocks("  entityTypeId deal\n  entityId 42\n  timelineId 7\n  text \"x\" colour base_70\n");
    expect(check(code).diagnostics.map((d) => `${d.ruleId} ${d.range.start.line}`)).toEqual(["invalid-argument 5"]);
  });
});

describe("blocks with a target, as TypeScript", () => {
  it("return the BlocksSetParams of the method their id picks, and type-check", () => {
    const code = 'blocks delivered(deal: int) {\n  entityTypeId deal\n  entityId $deal\n  activityId 9\n  text "Delivered"\n}\n';
    const module = emitTypeScriptModule(check(code).program, { source: "delivered.b24layout" });
    expect(module).toContain("/** blocks `delivered`: the BlocksSetParams for crm.activity.layout.blocks.set. */");
    expect(module).toContain("export function delivered(p: DeliveredParams): BlocksSetParams {");
    const use = 'import { delivered } from "./delivered.js";\nconst params = delivered({ deal: 5 });\nexport const id: number = params.activityId ?? 0;\nexport const blocks = params.layout?.blocks;\n';
    expect(typeCheck({ "delivered.ts": module, "b24layout-types.ts": typesModule(), "use.ts": use })).toEqual([]);
  });
});
