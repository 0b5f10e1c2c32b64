/**
 * The README's template example, end to end: `templates/incoming-call/` holds a parameterised
 * layout, the TypeScript that `b24layout build --target ts` writes for it (committed, so the
 * project's own tsc and ESLint check the generated code and the app code calling it), and
 * `app.ts`. The tests keep the committed code equal to what the build writes, and run the app:
 * its layout is exactly the JSON that `compile` renders for the same values.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import ts from "typescript";
import { afterAll, describe, expect, it } from "vitest";
import { check, compile } from "../src/index.js";
import { typesModule } from "../src/emit/ts-types.js";
import { emitTypeScriptModule } from "../src/emit/typescript.js";

const ROOT = resolve(import.meta.dirname, "..");
const DIR = join(ROOT, "templates/incoming-call");
const SOURCE_PATH = "templates/incoming-call/incoming-call.b24layout";
const source = readFileSync(join(ROOT, SOURCE_PATH), "utf8");
/** The example imports a fragment from templates/shared/: checked as the CLI checks it, from its path. */
const FROM_FILE = {
  file: join(ROOT, SOURCE_PATH),
  host: { root: ROOT, readFile: (path: string) => (existsSync(path) ? readFileSync(path, "utf8") : undefined) },
};

const scratch = mkdtempSync(join(tmpdir(), "b24layout-template-example-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Transpiles the example's TypeScript files into `dir` as ES modules. */
function transpileTo(dir: string, files: Readonly<Record<string, string>>): void {
  writeFileSync(join(dir, "package.json"), '{ "type": "module" }\n');
  for (const [name, text] of Object.entries(files)) {
    const js = ts.transpileModule(text, { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, verbatimModuleSyntax: false } }).outputText;
    const path = join(dir, name.replace(/\.ts$/, ".js"));
    mkdirSync(join(path, ".."), { recursive: true });
    writeFileSync(path, js);
  }
}

describe("templates/incoming-call", () => {
  it("checks clean: its products list has a `max`, so its `each` is counted now, not at run time", () => {
    expect(source).toContain("}[max 8] = [],");
    expect(check(source, FROM_FILE).diagnostics).toEqual([]);
    // One more product would not fit the body's 20 blocks: the bound is what makes it clean.
    const findings = check(source.replace("[max 8]", "[max 9]"), FROM_FILE).diagnostics.map((d) => `${d.range.start.line}:${d.range.start.column} ${d.ruleId} ${d.severity}`);
    expect(findings).toEqual(["33:5 runtime-limit error"]);
  });

  it("has the generated code the build writes, committed", () => {
    const program = check(source, FROM_FILE).program;
    expect(readdirSync(join(DIR, "generated")).sort()).toEqual(["b24layout-types.ts", "incoming-call.ts"]);
    expect(readFileSync(join(DIR, "generated/incoming-call.ts"), "utf8")).toBe(emitTypeScriptModule(program, { source: SOURCE_PATH }));
    expect(readFileSync(join(DIR, "generated/b24layout-types.ts"), "utf8")).toBe(typesModule());
  });

  it("is what `b24layout build --target ts` writes", () => {
    const out = join(scratch, "cli");
    execFileSync(process.execPath, [join(ROOT, "dist/cli.js"), "build", SOURCE_PATH, "--target", "ts", "--out-dir", out], { cwd: ROOT, stdio: "pipe" });
    for (const f of ["incoming-call.ts", "b24layout-types.ts"]) {
      expect(readFileSync(join(out, f), "utf8")).toBe(readFileSync(join(DIR, "generated", f), "utf8"));
    }
  });

  it("gives the app exactly the layout that compile renders for the same values", async () => {
    const run = join(scratch, "run");
    mkdirSync(run);
    transpileTo(run, {
      "app.ts": readFileSync(join(DIR, "app.ts"), "utf8"),
      "generated/incoming-call.ts": readFileSync(join(DIR, "generated/incoming-call.ts"), "utf8"),
      "generated/b24layout-types.ts": readFileSync(join(DIR, "generated/b24layout-types.ts"), "utf8"),
    });
    const app = (await import(pathToFileURL(join(run, "app.js")).href)) as { missedCallRecord(dealId: number): { method: string; params: { layout: unknown } } };
    const call = app.missedCallRecord(42);
    expect(call.method).toBe("crm.activity.configurable.add");

    const params = { clientName: "Müller GmbH", dealId: 42, vip: true, missed: true, products: [{ name: "Boiler", price: 1200 }, { name: "Installation", price: 300 }] };
    const compiled = compile(source, { ...FROM_FILE, params: { incomingCall: params } });
    expect(compiled.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(JSON.parse(JSON.stringify(call.params.layout))).toEqual(JSON.parse(JSON.stringify(compiled.outputs[0]!.value)));
    const layout = call.params.layout as { body: { blocks: Record<string, unknown> }; header: { tags: Record<string, unknown> } };
    expect(Object.keys(layout.body.blocks)).toEqual(["client", "vip", "product_1", "product_2"]);
    expect(Object.keys(layout.header.tags)).toEqual(["missed"]);
  });
});
