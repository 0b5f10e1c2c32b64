/**
 * The GitHub Actions workflows in examples/ci/: they parse, and every b24layout command they run
 * works as written on a project with a finding (exit code, and the SARIF file the upload step reads).
 */
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { main, type CliIo } from "../src/cli/main.js";
import { scratch, WITH_ERROR } from "./cli/fixtures.js";

const DIR = join(resolve(import.meta.dirname, ".."), "examples/ci");

interface Workflow {
  jobs: Record<string, { steps: { run?: string; uses?: string; with?: Record<string, string> }[] }>;
}

const workflows = readdirSync(DIR)
  .filter((f) => f.endsWith(".yml"))
  .map((f) => [f, parse(readFileSync(join(DIR, f), "utf8")) as Workflow] as const);

describe("examples/ci", () => {
  it("has the code scanning and the annotations workflow", () => {
    expect(workflows.map(([f]) => f).sort()).toEqual(["annotations.yml", "code-scanning.yml"]);
  });

  it.each(workflows)("%s runs b24layout commands that work as written", async (_file, workflow) => {
    const steps = Object.values(workflow.jobs).flatMap((j) => j.steps);
    const commands = steps.map((s) => s.run).filter((r): r is string => r?.startsWith("npx b24layout ") === true);
    expect(commands.length).toBeGreaterThan(0);
    for (const command of commands) {
      const dir = scratch({ "layouts/bad.b24layout": WITH_ERROR });
      let stdout = "";
      const io: CliIo = { stdout: { write: (s) => (stdout += s) }, stderr: { write: () => {} }, env: {}, cwd: dir };
      const code = await main(command.replace(/^npx b24layout /, "").split(/\s+/), io);
      expect(code).toBe(1);
      const upload = steps.find((s) => s.uses?.startsWith("github/codeql-action/upload-sarif"));
      if (upload) expect(JSON.parse(readFileSync(join(dir, upload.with!["sarif_file"]!), "utf8"))).toMatchObject({ version: "2.1.0" });
      else expect(stdout).toMatch(/^::error file=layouts\/bad\.b24layout,line=6,col=5,/m);
      expect(existsSync(join(dir, "layouts/bad.b24layout"))).toBe(true);
    }
  });
});
