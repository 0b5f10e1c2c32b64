/**
 * The CLI bundle the subprocess tests run, built once per test file into a temporary directory
 * (never `dist/`, so the tests cannot race with other builds) inside the project's node_modules:
 * as in an installed package, the program finds there the packages it loads on demand (yaml,
 * diff, chokidar: scripts/bundle.mjs).
 */
import { execFileSync, spawn, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { join, resolve } from "node:path";
import { afterAll, beforeAll } from "vitest";

const ROOT = resolve(import.meta.dirname, "../..");
const BUNDLES = join(ROOT, "node_modules", ".cache", "b24layout-test-bundles");

/** Registers the build and its removal; the returned object's `dir` and `cli` are set once the build is done. */
export function useBuiltCli(): { dir: string; cli: string } {
  const built = { dir: "", cli: "" };
  beforeAll(() => {
    mkdirSync(BUNDLES, { recursive: true });
    built.dir = mkdtempSync(join(BUNDLES, "bundle-"));
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
