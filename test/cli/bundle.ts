/**
 * The CLI bundle the subprocess tests run, built once per test file into a temporary directory
 * (never `dist/`, so the tests cannot race with other builds).
 */
import { execFileSync, spawn, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll } from "vitest";

const ROOT = resolve(import.meta.dirname, "../..");

/** Registers the build and its removal; the returned object's `dir` and `cli` are set once the build is done. */
export function useBuiltCli(): { dir: string; cli: string } {
  const built = { dir: "", cli: "" };
  beforeAll(() => {
    built.dir = mkdtempSync(join(tmpdir(), "b24layout-bundle-"));
    execFileSync(process.execPath, [join(ROOT, "scripts/bundle.mjs"), "--cli-only", "--out-dir", built.dir], { stdio: "pipe" });
    built.cli = join(built.dir, "cli.js");
  }, 60_000);
  afterAll(() => rmSync(built.dir, { recursive: true, force: true }));
  return built;
}

export interface CliRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** The environment a run gets: PATH, and only what the test gives (no NO_COLOR or FORCE_COLOR of the runner's). */
const environment = (env: Record<string, string>) => ({ PATH: process.env["PATH"] ?? "", ...env });

/** Runs the built CLI in `cwd` as a subprocess, with a minimal environment. */
export function runBuiltCli(cli: string, cwd: string, args: readonly string[], env: Record<string, string> = {}): Promise<CliRun> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [cli, ...args], { cwd, env: environment(env) });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (s: string) => (stdout += s));
    child.stderr.setEncoding("utf8").on("data", (s: string) => (stderr += s));
    child.on("error", reject);
    child.on("close", (code) => resolvePromise({ code, stdout, stderr }));
  });
}

/** runBuiltCli, waiting for the process. */
export function runBuiltCliSync(cli: string, cwd: string, args: readonly string[], env: Record<string, string> = {}): CliRun {
  const r = spawnSync(process.execPath, [cli, ...args], { cwd, encoding: "utf8", env: environment(env) });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
