/**
 * The promise, through the commands a user runs: `b24layout import --keep-quirks` and then
 * `b24layout build --stdout` give back every importable corpus file exactly (for request params and
 * `{ result }` wrappers: the part a declaration compiles to). Examples that are invalid as the docs
 * give them import, and `build` then refuses them with the checker's errors.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { main, type CliIo } from "../../src/cli/main.js";
import type { Json } from "../../src/emit/json.js";
import { importJson, valueAt } from "../../src/import/index.js";
import { scratch } from "../cli/fixtures.js";
import { canonical } from "./helpers.js";

const CORPUS = [resolve(import.meta.dirname, "../golden/corpus"), resolve(import.meta.dirname, "corpus")];
const FILES = CORPUS.flatMap((dir) => readdirSync(dir).filter((f) => f.endsWith(".json")).map((f) => join(dir, f))).sort();
/** Invalid on purpose in the docs: they import, and the checker then reports why. */
const INVALID = new Set(["activity-configurable-add-request.json", "activity-configurable-update-request-rev2.json", "icon-dto-example.json"]);

async function run(cwd: string, args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const io: CliIo = { stdout: { write: (s) => (out += s) }, stderr: { write: (s) => (err += s) }, env: {}, cwd };
  const code = await main(args, io);
  return { code, out, err };
}

const importable = FILES.filter((f) => importJson(readFileSync(f, "utf8")).text !== undefined);

describe("b24layout import, then b24layout build", () => {
  it("covers the corpus", () => {
    expect(importable.length).toBe(25);
  });

  it.each(importable.map((f) => [f.replace(/^.*\//, ""), f] as const))("%s", async (name, file) => {
    const dir = scratch();
    const imported = await run(dir, ["import", file, "--keep-quirks", "--out", "x.b24layout"]);
    expect(imported.code, imported.err).toBe(0);
    // The written file is formatted already.
    expect((await run(dir, ["fmt", "--check", "x.b24layout"])).code).toBe(0);
    const built = await run(dir, ["build", "x.b24layout", "--stdout"]);
    if (INVALID.has(name)) {
      expect(built.code).toBe(1);
      expect(built.err).toMatch(/^x\.b24layout\n(?: +\d+:\d+ +\S.*\n)*? +\d+:\d+ +error /);
      return;
    }
    expect(built.code, built.err).toBe(0);
    const outputs = JSON.parse(built.out) as Record<string, Json>;
    const input = JSON.parse(readFileSync(file, "utf8")) as Json;
    const { declarations } = importJson(readFileSync(file, "utf8"), { fileName: name, keepQuirks: true });
    expect(Object.keys(outputs)).toEqual(declarations.map((d) => d.name));
    for (const d of declarations) expect(canonical(valueAt(outputs[d.name]!, d.outputPath))).toBe(canonical(valueAt(input, d.inputPath)));
  });
});
