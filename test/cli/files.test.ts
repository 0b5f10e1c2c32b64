import { mkdirSync, realpathSync, symlinkSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { expandInputs, readSources } from "../../src/cli/files.js";
import { CliError } from "../../src/cli/io.js";
import { scratch } from "./fixtures.js";

const tree = {
  "a.b24layout": "",
  "sub/b.b24layout": "",
  "sub/deeper/c.b24layout": "",
  "sub/notes.txt": "",
  "node_modules/pkg/x.b24layout": "",
  ".hidden/y.b24layout": "",
  "odd[1].b24layout": "",
};

/** Expanded paths relative to the scratch directory. */
async function expand(args: string[]): Promise<string[]> {
  const dir = scratch(tree);
  return (await expandInputs(args, dir)).map((p) => p.slice(dir.length + 1));
}

describe("expandInputs", () => {
  const cases: [string, string[], string[]][] = [
    ["a file", ["a.b24layout"], ["a.b24layout"]],
    ["a file of any extension, when named", ["sub/notes.txt"], ["sub/notes.txt"]],
    ["a directory: every .b24layout under it, sorted, skipping node_modules and dot-directories", ["."], ["a.b24layout", "odd[1].b24layout", "sub/b.b24layout", "sub/deeper/c.b24layout"]],
    ["a subdirectory", ["sub"], ["sub/b.b24layout", "sub/deeper/c.b24layout"]],
    ["a glob", ["**/c.*"], ["sub/deeper/c.b24layout"]],
    ["a brace glob", ["{a,sub/b}.b24layout"], ["a.b24layout", "sub/b.b24layout"]],
    ["an existing file whose name looks like a glob", ["odd[1].b24layout"], ["odd[1].b24layout"]],
    ["duplicates once, in argument order", ["sub/b.b24layout", "sub", "a.b24layout"], ["sub/b.b24layout", "sub/deeper/c.b24layout", "a.b24layout"]],
  ];

  it.each(cases)("%s", async (_what, args, expected) => {
    expect(await expand(args)).toEqual(expected);
  });

  const failures: [string, string[], string][] = [
    ["nothing given", [], "no input files: give files, directories or globs, e.g. `.` or \"src/**/*.b24layout\""],
    ["a missing file", ["missing.b24layout"], "cannot read 'missing.b24layout': no such file or directory"],
    ["a path through a file", ["a.b24layout/x"], "cannot read 'a.b24layout/x': no such file or directory"],
    ["a glob without matches", ["*.json"], "no files match '*.json'"],
    ["a directory without sources", ["empty"], "no .b24layout files in directory 'empty'"],
  ];

  it("gives check each path's real path, a link's target for a link", async () => {
    const dir = scratch({ "real/a.b24layout": "", "b.b24layout": "" });
    symlinkSync(join(dir, "real"), join(dir, "linked"));
    const { paths, realPaths } = await expandInputs(["linked/a.b24layout", "b.b24layout"], dir, { payloads: true });
    expect(paths).toEqual([join(dir, "linked/a.b24layout"), join(dir, "b.b24layout")]);
    expect([...realPaths]).toEqual([
      [join(dir, "linked/a.b24layout"), join(realpathSync(dir), "real/a.b24layout")],
      [join(dir, "b.b24layout"), join(realpathSync(dir), "b.b24layout")],
    ]);
  });

  it.each(failures)("%s is a usage error", async (_what, args, message) => {
    const dir = scratch(tree);
    mkdirSync(join(dir, "empty"));
    const error = await expandInputs(args, dir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CliError);
    expect(error).toMatchObject({ message, exitCode: 2 });
  });
});

describe("readSources", () => {
  it("drops a byte-order mark so columns match the editor", () => {
    const dir = scratch({ "bom.b24layout": "\uFEFFblocks b { text \"x\" }\n" });
    const [source] = readSources([join(dir, "bom.b24layout")], (p) => p);
    expect(source!.text).toBe('blocks b { text "x" }\n');
  });

  it("names every unreadable file", () => {
    const dir = scratch();
    expect(() => readSources([join(dir, "a"), join(dir, "b")], (p) => p.slice(dir.length + 1))).toThrow("cannot read 'a': no such file or directory\ncannot read 'b': no such file or directory");
  });
});
