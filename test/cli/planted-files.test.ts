/**
 * Files someone else may have planted or redirected where b24layout reads or writes: the
 * `--cache` file, an output file, an imported file. Data is never taken from where another user
 * could have written it, nothing is read or written through a planted link, and a FIFO never
 * blocks a run.
 */
import { chmodSync, chownSync, lstatSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { writeFilesAtomically } from "../../src/cli/atomic-write.js";
import { runMain, findingLines, scratch, WITH_WARNING } from "./fixtures.js";

const run = runMain;

const CACHE = ".b24layoutcache";
const position = (line: number, column: number, offset: number) => ({ offset, line, column });
const finding = (extra: Record<string, unknown> = {}) => ({ ruleId: "unknown-code", severity: "warning", message: "FROM THE CACHE", range: { start: position(1, 1, 0), end: position(1, 2, 1) }, ...extra });

/** Checks w.b24layout once with --cache, then gives its cache entry the findings `diagnostics`. */
async function cachedWith(diagnostics: unknown): Promise<string> {
  const dir = scratch({ "w.b24layout": WITH_WARNING });
  expect((await run(dir, ["check", "w.b24layout", "--cache"])).stdout).toContain("1 warning");
  const data = JSON.parse(readFileSync(join(dir, CACHE), "utf8")) as { entries: Record<string, { diagnostics: unknown }> };
  for (const entry of Object.values(data.entries)) entry.diagnostics = diagnostics;
  writeFileSync(join(dir, CACHE), JSON.stringify(data));
  return dir;
}

describe("check --cache", () => {
  it("uses a well-formed cached finding (so the cases below show the cache being refused)", async () => {
    const dir = await cachedWith([finding()]);
    expect((await run(dir, ["check", "w.b24layout", "--cache"])).stdout).toContain("FROM THE CACHE");
  });

  it.each<[string, unknown]>([
    ["findings that are not a list", "none"],
    ["a finding without a range", [finding({ range: undefined })]],
    ["a position that is not a number", [finding({ range: { start: position(1, 1, 0), end: { offset: "1", line: 1, column: 2 } } })]],
    ["a line 0", [finding({ range: { start: position(0, 1, 0), end: position(1, 2, 1) } })]],
    ["a range that ends before it starts", [finding({ range: { start: position(1, 2, 1), end: position(1, 1, 0) } })]],
    ["a severity that is not one", [finding({ severity: "fatal" })]],
    ["a rule id with terminal escapes", [finding({ ruleId: "\u001b[2Jx" })]],
    ["a message that is not text", [finding({ message: { toString: "x" } })]],
    ["a fix whose edits are not edits", [finding({ fix: { description: "d", edits: [{ newText: 1 }] } })]],
  ])("drops an entry with %s, and checks the file again", async (_what, diagnostics) => {
    const dir = await cachedWith(diagnostics);
    const r = await run(dir, ["check", "w.b24layout", "--cache"]);
    expect(r).toMatchObject({ code: 0, stderr: "" });
    expect(r.stdout).not.toContain("FROM THE CACHE");
    expect(findingLines(r.stdout)).toEqual([expect.stringMatching(/^w\.b24layout:2:8 warning unknown-code /)]);
  });

  it("does not read a cache file that everyone may write", async () => {
    const dir = await cachedWith([finding()]);
    chmodSync(join(dir, CACHE), 0o666);
    const r = await run(dir, ["check", "w.b24layout", "--cache"]);
    expect(r.stdout).not.toContain("FROM THE CACHE");
    expect(r.stdout).toContain("1 warning");
    // Written again by this run: this user's, with the mode new files get.
    expect(lstatSync(join(dir, CACHE)).mode & 0o002).toBe(0);
  });

  it.runIf(process.getuid?.() === 0)("does not read a cache file that another user owns", async () => {
    const dir = await cachedWith([finding()]);
    chownSync(join(dir, CACHE), 65534, 65534);
    expect((await run(dir, ["check", "w.b24layout", "--cache"])).stdout).not.toContain("FROM THE CACHE");
  });

  it("is not held up by a FIFO where the cache file or an import is, and replaces the FIFO", async () => {
    const dir = scratch({ "main.b24layout": 'import { f } from "./pipe.b24layout"\nblocks b {\n  use f\n}\n', "package.json": "{}" });
    execFileSync("mkfifo", [join(dir, CACHE), join(dir, "pipe.b24layout")]);
    const r = await run(dir, ["check", "main.b24layout", "--cache"]);
    expect(findingLines(r.stdout)).toContainEqual(expect.stringMatching(/^main\.b24layout:1:19 error unresolved-import Cannot find '\.\/pipe\.b24layout'/));
    expect(lstatSync(join(dir, CACHE)).isFile()).toBe(true);
  });
});

describe("writing outputs", () => {
  it("replaces a link planted at an output, never reading or writing the file it names", async () => {
    const dir = scratch({ "elsewhere/victim.json": "same\n" });
    symlinkSync(join(dir, "elsewhere/victim.json"), join(dir, "out.json"));
    // The content is the victim's: read through the link, the write would be skipped as unchanged.
    const report = await writeFilesAtomically([{ path: join(dir, "out.json"), content: "same\n" }]);
    expect(report).toEqual({ written: [join(dir, "out.json")], unchanged: [] });
    expect(lstatSync(join(dir, "out.json")).isFile()).toBe(true);
    expect(readFileSync(join(dir, "elsewhere/victim.json"), "utf8")).toBe("same\n");
  });

  it("replaces a link to /dev/zero and a FIFO without reading them (they never end)", async () => {
    const dir = scratch();
    symlinkSync("/dev/zero", join(dir, "zero.json"));
    execFileSync("mkfifo", [join(dir, "pipe.json")]);
    await writeFilesAtomically([
      { path: join(dir, "zero.json"), content: "a\n" },
      { path: join(dir, "pipe.json"), content: "b\n" },
    ]);
    expect(readdirSync(dir).sort()).toEqual(["pipe.json", "zero.json"]);
    expect(readFileSync(join(dir, "zero.json"), "utf8")).toBe("a\n");
    expect(readFileSync(join(dir, "pipe.json"), "utf8")).toBe("b\n");
  });

  it("check --output-file replaces a planted link instead of writing through it", async () => {
    const dir = scratch({ "w.b24layout": WITH_WARNING, "victim.txt": "keep me\n" });
    symlinkSync(join(dir, "victim.txt"), join(dir, "report.json"));
    expect((await run(dir, ["check", "w.b24layout", "--format", "json", "--output-file", "report.json"])).code).toBe(0);
    expect(readFileSync(join(dir, "victim.txt"), "utf8")).toBe("keep me\n");
    expect(JSON.parse(readFileSync(join(dir, "report.json"), "utf8"))).toHaveProperty("version");
  });
});
