/**
 * docs/deploy.md: its layouts check clean, its deploy script type-checks against the generated
 * TypeScript and the real @bitrix24/b24jssdk (a devDependency), as an app's tsc would, and it runs:
 * transpiled, against a stand-in for the SDK that records each call, it sends each built file to
 * its method with the params the build gives.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import ts from "typescript";
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

  it("has a deploy script that runs: each request goes to its method with the params the build gives", () => {
    const program = check(layouts).program;
    const dir = mkdtempSync(join(tmpdir(), "b24layout-deploy-doc-"));
    try {
      // The SDK's surface the script uses, recording each call (no portal, no network). A real app
      // gets installAuth from its install event; here the stand-in provides it.
      const sdk = `
globalThis.installAuth = { accessToken: "token", domain: "portal.example" };
const call = (via) => ({ actions: { v2: { call: { make: async (request) => {
  console.log(JSON.stringify({ via, ...request }));
  return { isSuccess: true, getErrorMessages: () => [] };
} } } } });
export class B24Hook { static fromWebhookUrl(url) { if (!url.startsWith("https://")) throw new Error("not a webhook URL"); return call("webhook"); } }
export class B24OAuth { constructor(auth, secret) { if (!auth.accessToken || !secret.clientId) throw new Error("no token"); return call("oauth"); } }
`;
      const files: Record<string, string> = {
        "package.json": '{ "type": "module" }\n',
        "node_modules/@bitrix24/b24jssdk/package.json": '{ "name": "@bitrix24/b24jssdk", "type": "module", "exports": "./index.js" }\n',
        "node_modules/@bitrix24/b24jssdk/index.js": sdk,
      };
      const sources = { "src/generated/deploy.ts": emitTypeScriptModule(program, { source: "layouts/deploy.b24layout" }), "src/generated/b24layout-types.ts": typesModule(), "scripts/deploy-layouts.ts": script };
      for (const [name, text] of Object.entries(sources)) {
        files[name.replace(/\.ts$/, ".js")] = ts.transpileModule(text, { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 } }).outputText;
      }
      for (const [name, text] of Object.entries(files)) {
        mkdirSync(dirname(join(dir, name)), { recursive: true });
        writeFileSync(join(dir, name), text);
      }
      const env = { PATH: process.env["PATH"] ?? "", B24_WEBHOOK_URL: "https://portal.example/rest/1/secret/", B24_CLIENT_ID: "app.1", B24_CLIENT_SECRET: "s" };
      const r = spawnSync(process.execPath, ["scripts/deploy-layouts.js"], { cwd: dir, encoding: "utf8", env });
      expect(r.stderr).toBe("");
      expect(r.status).toBe(0);
      const sent = r.stdout.trim().split("\n").map((line) => JSON.parse(line) as { via: string; method: string; params: unknown });
      const built = (name: string, params?: Record<string, unknown>) => compile(layouts, params === undefined ? {} : { params: { [name]: params } }).outputs.find((o) => o.name === name)!.value;
      expect(sent).toEqual([
        { via: "webhook", method: "crm.activity.badge.add", params: built("missedCall") },
        { via: "webhook", method: "crm.item.details.configuration.set", params: built("dealCard") },
        { via: "oauth", method: "crm.activity.configurable.add", params: built("callFor", { deal: 42, client: "Müller GmbH" }) },
        { via: "oauth", method: "crm.activity.layout.blocks.set", params: built("delivery", { deal: 42, activity: 1017 }) },
      ]);
      // Each body is the whole params of its method (spec §1).
      expect(sent.map((s) => Object.keys(s.params as object).sort().join(","))).toEqual(["code,title,type,value", "data,entityTypeId,scope", "fields,layout,ownerId,ownerTypeId", "activityId,entityId,entityTypeId,layout"]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
