/**
 * docs/deploy.md: its layouts check clean, and its deploy script type-checks against the
 * generated TypeScript and the real @bitrix24/b24jssdk (a devDependency), as an app's tsc would.
 */
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { check, compile } from "../src/index.js";
import { typesModule } from "../src/emit/ts-types.js";
import { emitTypeScriptModule } from "../src/emit/typescript.js";
import { typeCheck } from "./support/typescript.js";

const ROOT = resolve(import.meta.dirname, "..");
const page = readFileSync(join(ROOT, "docs", "deploy.md"), "utf8");
const layouts = /```\n\/\/ layouts\/deploy\.b24layout\n([\s\S]*?)```/.exec(page)![1]!;
const script = /```ts\n([\s\S]*?)```/.exec(page)![1]!;

/** tsc over `files` in a temporary project whose node_modules is this repository's (for @bitrix24/b24jssdk and @types/node). */
const typeCheckProject = (files: Readonly<Record<string, string>>): string[] => typeCheck(files, { nodeModules: join(ROOT, "node_modules"), types: ["node"] });

describe("docs/deploy.md", () => {
  it("has layouts that check clean", () => {
    expect(check(layouts).diagnostics).toEqual([]);
  });

  it("builds the whole crm.activity.layout.blocks.set params for its blocks", () => {
    const out = compile(layouts, { params: { delivery: { deal: 42, activity: 1017 } } }).outputs.find((o) => o.name === "delivery")!;
    expect(out.value).toEqual({ entityTypeId: 2, entityId: 42, activityId: 1017, layout: { blocks: { status: { type: "text", properties: { value: "Delivered", bold: true } } } } });
  });

  it("has a deploy script that type-checks against the generated functions and @bitrix24/b24jssdk", () => {
    const module = emitTypeScriptModule(check(layouts).program, { source: "layouts/deploy.b24layout" });
    // Beside it (one program, as tsc is slow on the SDK's types), the script with a wrong argument: the check is real.
    const wrong = script.replace("delivery({ deal: 42, activity: 1017 })", 'delivery({ deal: "42", activity: 1017 })');
    expect(wrong).not.toBe(script);
    const files = { "src/generated/deploy.ts": module, "src/generated/b24layout-types.ts": typesModule(), "scripts/deploy-layouts.ts": script, "scripts/wrong.ts": wrong };
    const found = typeCheckProject(files);
    expect(found.filter((d) => !d.startsWith("scripts/wrong.ts:"))).toEqual([]);
    expect(found.join("\n")).toMatch(/^scripts\/wrong\.ts:\d+:\d+ Type 'string' is not assignable to type 'number'\.$/m);
  });
});
