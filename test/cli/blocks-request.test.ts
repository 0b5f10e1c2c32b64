/**
 * Issue 17's additional blocks with their target, through the CLI: `import` keeps the ids of a
 * `…layout.blocks.set` call, `build` gives back the whole params, and `check` knows which ids
 * each method needs, in a .b24layout file and in a JSON payload.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { findingLines, runMain, scratch } from "./fixtures.js";

const LAYOUT = { blocks: { status: { type: "text", properties: { value: "Delivered", bold: true } } } };

describe("additional blocks with their target", () => {
  it.each([
    ["crm.activity.layout.blocks.set", { entityTypeId: 2, entityId: 42, activityId: 1017, layout: LAYOUT }],
    ["crm.timeline.layout.blocks.set", { entityTypeId: 1036, entityId: 7, timelineId: 9, layout: LAYOUT }],
  ])("%s params: import keeps the ids, and build gives back the same params", async (method, params) => {
    const dir = scratch({ "package.json": "{}\n", "set.json": JSON.stringify(params) });
    const imported = await runMain(dir, ["import", "set.json", "--out", "set.b24layout"]);
    expect(imported).toMatchObject({ code: 0, stderr: "✔ imported 1 file into set.b24layout\n" });
    expect(readFileSync(join(dir, "set.b24layout"), "utf8")).toContain(`// Imported from set.json: ${method} params.`);
    expect(await runMain(dir, ["check", "set.b24layout", "set.json"])).toMatchObject({ code: 0, stdout: "✔ 2 files checked, no problems\n" });
    const built = await runMain(dir, ["build", "set.b24layout", "--stdout"]);
    expect(built.code).toBe(0);
    expect(JSON.parse(built.stdout)).toEqual({ set: params });
  });

  it("check reports a target missing an id of its method, in a .b24layout file and in a JSON payload", async () => {
    const dir = scratch({
      "package.json": "{}\n",
      "b.b24layout": 'blocks delivery {\n  entityTypeId deal\n  activityId 9\n  text "Delivered"\n}\n',
      "set.json": JSON.stringify({ entityTypeId: 2, entityId: 42, layout: LAYOUT }, null, 2),
    });
    const r = await runMain(dir, ["check", "b.b24layout", "set.json"]);
    expect(r.code).toBe(1);
    expect(findingLines(r.stdout)).toEqual([
      "b.b24layout:1:8 error blocks-target Blocks 'delivery' is for crm.activity.layout.blocks.set, which also needs 'entityId'.",
      "set.json:1:1 error blocks-target Blocks 'blocks' has 'entityTypeId' but neither 'timelineId' (crm.timeline.layout.blocks.set) nor 'activityId' (crm.activity.layout.blocks.set).",
    ]);
  });
});
