/**
 * The GitHub Actions workflows in examples/ci/: they parse, and every b24layout command they run
 * works as written on a project with a finding where it looks (exit code, the annotation at the
 * finding's line and column, and the SARIF file the upload step reads).
 */
import { spawnSync } from "node:child_process";
import { readFileSync, readdirSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { main, type CliIo } from "../src/cli/main.js";
import { scratch, WITH_ERROR } from "./cli/fixtures.js";

const ROOT = resolve(import.meta.dirname, "..");
const DIR = join(ROOT, "examples/ci");

interface Workflow {
  jobs: Record<string, { steps: { run?: string; uses?: string; with?: Record<string, string> }[] }>;
}

const workflows = readdirSync(DIR)
  .filter((f) => f.endsWith(".yml"))
  .map((f) => [f, parse(readFileSync(join(DIR, f), "utf8")) as Workflow] as const);

/** crm.activity.configurable.add params without the layout's icon (an error, line 5 column 13). */
const BAD_ACTIVITY = `{
  "ownerTypeId": 2,
  "ownerId": 7,
  "fields": { "typeId": "CONFIGURABLE" },
  "layout": {
    "header": { "title": "Call" },
    "body": { "logo": { "code": "call" }, "blocks": {} }
  }
}
`;

/** The project each workflow's commands run on: the file with a finding, and the annotation it gets. */
const PROJECTS: Record<string, { file: string; text: string; annotation: RegExp }> = {
  "payloads.yml": { file: "payloads/activities/call.json", text: BAD_ACTIVITY, annotation: /^::error file=payloads\/activities\/call\.json,line=5,col=13,.*title=required-field::/m },
};
const LAYOUT_PROJECT = { file: "layouts/bad.b24layout", text: WITH_ERROR, annotation: /^::error file=layouts\/bad\.b24layout,line=6,col=5,/m };

/** A command's words as a shell reads them here: split at spaces, quotes (which keep a glob from the shell) taken off. */
const words = (command: string) => [...command.matchAll(/"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2]!);

describe("examples/ci", () => {
  it("has the code scanning, the annotations and the payloads workflow", () => {
    expect(workflows.map(([f]) => f).sort()).toEqual(["annotations.yml", "code-scanning.yml", "payloads.yml"]);
  });

  it("payloads.yml lints code with ESLint and the plugin's recommended config, the one its comment and docs/ci.md give", () => {
    const [, workflow] = workflows.find(([f]) => f === "payloads.yml")!;
    expect(workflow.jobs["code"]!.steps.map((s) => s.run).filter(Boolean)).toEqual(["npm ci", "npx eslint . --max-warnings 0"]);
    const config = ['import b24layout from "b24layout/eslint";', "export default [...b24layout.configs.recommended];"];
    const comment = readFileSync(join(DIR, "payloads.yml"), "utf8")
      .split("\n")
      .filter((l) => l.startsWith("#   "))
      .map((l) => l.slice(4));
    expect(comment.filter((l) => l !== "")).toEqual(config);
    expect(readFileSync(join(DIR, "../../docs/ci.md"), "utf8")).toContain(`\`\`\`js\n${config.join("\n\n")}\n\`\`\``);
  });

  it("payloads.yml's ESLint step, with that config, fails on a JavaScript payload the server would reject, at its place", () => {
    const comment = readFileSync(join(DIR, "payloads.yml"), "utf8")
      .split("\n")
      .filter((l) => l.startsWith("#   "))
      .map((l) => l.slice(4))
      .join("\n");
    // The config as a project that installed b24layout has it: the import resolves to the built plugin.
    const config = comment.replace('"b24layout/eslint"', JSON.stringify(pathToFileURL(join(ROOT, "dist/eslint.mjs")).href));
    const app = 'BX24.callMethod("crm.activity.badge.add", {\n  code: "missed",\n  title: "Missed call",\n  value: "Call back",\n  type: "danger",\n});\n';
    const cwd = scratch({ "package.json": '{ "name": "app", "private": true, "type": "module" }\n', "eslint.config.js": config, "src/app.js": app });
    const [, workflow] = workflows.find(([f]) => f === "payloads.yml")!;
    const command = workflow.jobs["code"]!.steps.map((s) => s.run).find((r) => r?.startsWith("npx eslint "))!;
    const run = spawnSync(process.execPath, [join(ROOT, "node_modules/eslint/bin/eslint.js"), ...words(command).slice(2)], {
      cwd,
      encoding: "utf8",
      env: { PATH: process.env["PATH"] ?? "", NO_COLOR: "1", FORCE_COLOR: "0" },
    });
    expect(run.status).toBe(1);
    // ESLint's stylish output, which setup-node's problem matcher turns into annotations.
    expect(run.stdout).toMatch(/src\/app\.js\n\s+5:9\s+error\s+'danger' is not a valid 'type' for a badge;.*b24layout\/valid-payload/);
  });

  it.each(workflows)("%s runs b24layout commands that work as written", async (file, workflow) => {
    const project = PROJECTS[file] ?? LAYOUT_PROJECT;
    const steps = Object.values(workflow.jobs).flatMap((j) => j.steps);
    const commands = steps.map((s) => s.run).filter((r): r is string => r?.startsWith("npx b24layout ") === true);
    expect(commands.length).toBeGreaterThan(0);
    for (const command of commands) {
      const dir = scratch({ [project.file]: project.text });
      let stdout = "";
      const io: CliIo = { stdout: { write: (s) => (stdout += s) }, stderr: { write: () => {} }, env: {}, cwd: dir };
      const code = await main(words(command).slice(2), io);
      expect(code).toBe(1);
      const upload = steps.find((s) => s.uses?.startsWith("github/codeql-action/upload-sarif"));
      if (upload) expect(JSON.parse(readFileSync(join(dir, upload.with!["sarif_file"]!), "utf8"))).toMatchObject({ version: "2.1.0" });
      else expect(stdout).toMatch(project.annotation);
      expect(readFileSync(join(dir, project.file), "utf8")).toBe(project.text);
    }
  });
});
