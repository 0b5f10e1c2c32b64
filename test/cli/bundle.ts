/**
 * The CLI bundle the subprocess tests run, built once per test file into a temporary directory
 * (never `dist/`, so the tests cannot race with other builds).
 */
import { execFileSync } from "node:child_process";
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
