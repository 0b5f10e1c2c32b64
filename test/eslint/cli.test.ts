/**
 * The built plugin (dist/eslint.js: `npm test` builds before it runs the tests) through ESLint's
 * command line, in a project whose eslint.config.mjs uses it as a user's would: the findings at the
 * places `b24layout check` gives, --fix writing the file, and a parsing error.
 */
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { scratch, WITH_ERROR } from "../cli/fixtures.js";
import { inLayoutBody } from "../helpers.js";

const ROOT = resolve(import.meta.dirname, "../..");
const ESLINT = join(ROOT, "node_modules/eslint/bin/eslint.js");
const CLI = join(ROOT, "dist/cli.js");
const PLAIN = { PATH: process.env["PATH"] ?? "", NO_COLOR: "1", FORCE_COLOR: "0" };

const GUIDE = readFileSync(join(ROOT, "docs/eslint.md"), "utf8");
const guideSection = (title: string) => GUIDE.slice(GUIDE.indexOf(`## ${title}`)).split(/\n## /)[0]!;
/** A config of docs/eslint.md, importing the built plugin where it imports `b24layout/eslint`. */
const withBuiltPlugin = (config: string) => config.replace('"b24layout/eslint"', JSON.stringify(pathToFileURL(join(ROOT, "dist/eslint.js")).href));

/** The guide's set-up config. */
const CONFIG = withBuiltPlugin(/`eslint\.config\.js`:\n\n```js\n([\s\S]*?)```/.exec(guideSection("Set-up"))![1]!);

function project(files: Record<string, string>, config = CONFIG): string {
  return scratch({ "package.json": '{ "name": "app", "private": true }\n', "eslint.config.mjs": config, ...files });
}

function run(cwd: string, command: string, args: readonly string[]) {
  const r = spawnSync(process.execPath, [command, ...args], { cwd, encoding: "utf8", env: PLAIN });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe("the plugin through ESLint's command line", () => {
  it("reports each finding at the line and column b24layout check gives, with the rule's ESLint id", () => {
    // A byte-order mark moves nothing: ESLint drops it before the language sees the text.
    const withBom = `\ufeff${inLayoutBody('    text "x" color red').replace("layout l", "layout withBom")}`;
    const cwd = project({ "layouts/broken.b24layout": WITH_ERROR, "layouts/ok.b24layout": inLayoutBody('    text "fine"'), "layouts/with-bom.b24layout": withBom });
    const eslint = run(cwd, ESLINT, ["layouts"]);
    expect(eslint.stderr).toBe("");
    expect(eslint.status).toBe(1);
    const finding = eslint.stdout.split("\n").find((l) => l.includes("b24layout/"))!;
    expect(finding).toMatch(/^ {2}6:5 {2}error {2}The header's 'tags' can hold at most 2 items; found 3\. .* {2}b24layout\/collection-limit$/);
    expect(eslint.stdout).toContain(`${join(cwd, "layouts/broken.b24layout")}\n`);
    expect(eslint.stdout).toContain(`${join(cwd, "layouts/with-bom.b24layout")}\n  6:20  error  'red' is not a valid 'color' for a text block;`);
    expect(eslint.stdout).not.toContain("ok.b24layout");
    const byCheck = JSON.parse(run(cwd, CLI, ["check", "layouts", "--format", "json"]).stdout) as { files: { diagnostics: { ruleId: string; range: { start: { line: number; column: number } } }[] }[] };
    expect(byCheck.files.flatMap((f) => f.diagnostics.map((d) => `${d.range.start.line}:${d.range.start.column} ${d.ruleId}`))).toEqual(["6:5 collection-limit", "6:20 enum-value"]);
  });

  it("--fix applies the fixes and writes the file; what is left is reported", () => {
    const cwd = project({ "x.b24layout": inLayoutBody('    text "x" bold "true"\n    text "a" colr base_50') });
    const eslint = run(cwd, ESLINT, ["--fix", "--format", "json", "x.b24layout"]);
    expect(eslint.status).toBe(1);
    const [result] = JSON.parse(eslint.stdout) as { messages: { ruleId: string; line: number; column: number; endLine: number; endColumn: number; suggestions?: unknown[] }[] }[];
    expect(result!.messages).toMatchObject([{ ruleId: "b24layout/invalid-argument", line: 7, column: 14, endLine: 7, endColumn: 18, suggestions: [{ desc: "Replace with 'color'" }] }]);
    expect(readFileSync(join(cwd, "x.b24layout"), "utf8")).toBe(inLayoutBody('    text "x" bold true\n    text "a" colr base_50'));
  });

  it("takes the rule options of the guide's example", () => {
    const example = /```js\n(export default \[[\s\S]*?)```/.exec(guideSection("Rules"))![1]!;
    const config = withBuiltPlugin(`import b24layout from "b24layout/eslint";\n\n${example}`);
    const text = 'translations {\n  en { hi "Hi" }\n}\nlayout l {\n  icon my-icon\n  header @hi\n  body {\n    logo my-logo\n    text "x"\n  }\n}\n';
    const eslint = run(project({ "x.b24layout": text }, config), ESLINT, ["--format", "json", "x.b24layout"]);
    expect(eslint.stderr).toBe("");
    const [result] = JSON.parse(eslint.stdout) as { messages: { ruleId: string; severity: number; line: number; column: number }[] }[];
    // The portal's icon and logo are known; the table lacks German, one of the project's languages.
    expect(result!.messages.map((m) => `${m.severity} ${m.ruleId} ${m.line}:${m.column}`)).toEqual(["1 b24layout/missing-translation 1:1"]);
  });

  it("takes b24layout.config.json's settings through the guide's configFromFile config", () => {
    const config = withBuiltPlugin(/```js\n(import b24layout, \{ configFromFile \}[\s\S]*?)```/.exec(guideSection("With b24layout.config.json"))![1]!);
    const settings = { rules: { "collection-limit": "warning" }, portal: { icons: ["my-icon"] } };
    const cwd = project({ "b24layout.config.json": JSON.stringify(settings), "x.b24layout": WITH_ERROR.replace("icon info", "icon my-icon") }, config);
    const eslint = run(cwd, ESLINT, ["--format", "json", "x.b24layout"]);
    expect(eslint.stderr).toBe("");
    const [result] = JSON.parse(eslint.stdout) as { messages: { ruleId: string; severity: number; line: number; column: number }[] }[];
    expect(result!.messages.map((m) => `${m.severity} ${m.ruleId} ${m.line}:${m.column}`)).toEqual(["1 b24layout/collection-limit 6:5"]);
  });

  it("shows a syntax error as a parsing error at its place", () => {
    const cwd = project({ "x.b24layout": 'layout broken {\n  icon call-completed\n  header "x\n}\n' });
    const eslint = run(cwd, ESLINT, ["x.b24layout"]);
    expect(eslint.status).toBe(1);
    expect(eslint.stdout).toContain("  3:10  error  Parsing error: Unterminated string: add the closing '\"' before the end of the line\n");
  });
});
