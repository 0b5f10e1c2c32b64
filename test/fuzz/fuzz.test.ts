/**
 * The fuzzer (scripts/fuzz.mjs): a short deterministic run, and every input that once broke the
 * tool (test/fuzz/regressions), through everything the CLI and the editor do with a file, in a
 * worker with Node's default stack. Long runs are `node scripts/fuzz.mjs --count 1000000`.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, expect, it } from "vitest";

const ROOT = resolve(import.meta.dirname, "../..");
const out = mkdtempSync(join(tmpdir(), "b24layout-fuzz-"));
afterAll(() => rmSync(out, { recursive: true, force: true }));

it("a short run and the saved inputs give no uncaught exception, no dead worker and no incremental/full difference", () => {
  const run = spawnSync(process.execPath, ["scripts/fuzz.mjs", "--count", "150", "--seed", "20", "--jobs", "1", "--quiet", "--replay", "test/fuzz/regressions", "--out", out], {
    cwd: ROOT,
    encoding: "utf8",
  });
  const summary = JSON.parse(readFileSync(join(out, "summary-20.json"), "utf8")) as Record<string, unknown>;
  const saved = readdirSync(join(ROOT, "test/fuzz/regressions")).filter((f) => !f.endsWith(".base") && !f.endsWith(".md"));
  expect(saved.length).toBeGreaterThanOrEqual(12);
  expect(summary["inputs"]).toBe(150 + saved.length);
  expect(summary["failures"]).toEqual([]);
  expect(summary["deadWorkers"]).toEqual([]);
  expect(summary["divergences"]).toEqual([]);
  expect(summary["uncaughtExceptions"]).toBe(0);
  expect(run.status).toBe(0);
}, 120_000);
