/**
 * Symbolic links, with real ones in scratch folders: imports are bounded by where a file really is
 * (a link inside the project can name any file on the machine), and one file reached by two paths
 * is one input.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { check, ModuleCache } from "../../src/index.js";
import { expandInputs, sourceHost } from "../../src/cli/files.js";
import { main as runCli, type CliIo } from "../../src/cli/main.js";
import { readFileInside } from "../../src/workspace/real-paths.js";
import { toFinding, type Finding } from "../helpers.js";
import { scratch } from "./fixtures.js";

const COMMON = 'fragment note {\n  text "From common"\n}\n';
const OUTSIDE = 'fragment note {\n  text "Not yours"\n}\n';

/** A project (`proj/`, with a package.json) beside a folder outside it (`outside/`). */
function project(files: Record<string, string> = {}): { dir: string; proj: string; outside: string } {
  const dir = scratch({ "proj/package.json": "{}", "proj/lib/common.b24layout": COMMON, "outside/secret.b24layout": OUTSIDE, ...files });
  return { dir, proj: join(dir, "proj"), outside: join(dir, "outside") };
}

const main = (from: string) => `import { note } from "${from}"\nblocks b {\n  use note\n}\n`;

/**
 * The findings of checking `main.b24layout` (importing `from`) at `file`, as the CLI does: all of
 * them when the import is resolved, else the import's own.
 */
function importFindings(file: string, from: string, cwd: string): Finding[] {
  writeFileSync(file, main(from));
  const findings = check(main(from), { file, host: sourceHost(file, cwd), modules: new ModuleCache() }).diagnostics.map(toFinding);
  const unresolved = findings.filter((f) => f.ruleId === "unresolved-import");
  return unresolved.length > 0 ? unresolved : findings;
}

const refused = (from: string, real: string, root: string): Finding => ({
  ruleId: "unresolved-import",
  severity: "error",
  message: `'${from}' leads through a symbolic link to '${real}', which is outside the project root '${root}': imports cannot reach outside it.`,
  at: "1:22",
  to: `1:${22 + from.length + 2}`,
});

describe("imports through symbolic links", () => {
  it("refuses a linked file whose real path is outside the project", () => {
    const { proj, outside } = project();
    symlinkSync(join(outside, "secret.b24layout"), join(proj, "secret.b24layout"));
    expect(importFindings(join(proj, "main.b24layout"), "./secret.b24layout", proj)).toEqual([refused("./secret.b24layout", join(outside, "secret.b24layout"), proj)]);
  });

  it("refuses a file in a linked folder on the way", () => {
    const { proj, outside } = project();
    symlinkSync(outside, join(proj, "shared"));
    expect(importFindings(join(proj, "main.b24layout"), "./shared/secret.b24layout", proj)).toEqual([
      refused("./shared/secret.b24layout", join(outside, "secret.b24layout"), proj),
    ]);
  });

  it("refuses /etc/passwd through a link to /", () => {
    const { proj } = project();
    symlinkSync("/", join(proj, "root"));
    expect(importFindings(join(proj, "main.b24layout"), "./root/etc/passwd", proj)).toEqual([refused("./root/etc/passwd", "/etc/passwd", proj)]);
  });

  it("follows a chain of links to its end", () => {
    const { proj, outside } = project();
    symlinkSync("second.b24layout", join(proj, "first.b24layout"));
    symlinkSync("lib/third.b24layout", join(proj, "second.b24layout"));
    symlinkSync(join(outside, "secret.b24layout"), join(proj, "lib/third.b24layout"));
    expect(importFindings(join(proj, "main.b24layout"), "./first.b24layout", proj)).toEqual([refused("./first.b24layout", join(outside, "secret.b24layout"), proj)]);
  });

  it("reports a dangling link as a file it cannot find", () => {
    const { proj } = project();
    symlinkSync("nowhere.b24layout", join(proj, "dangling.b24layout"));
    expect(importFindings(join(proj, "main.b24layout"), "./dangling.b24layout", proj)).toEqual([
      { ruleId: "unresolved-import", severity: "error", message: "Cannot find './dangling.b24layout' (looked for dangling.b24layout).", at: "1:22", to: "1:44" },
    ]);
  });

  it("allows a link that points back inside the project", () => {
    const { proj } = project();
    symlinkSync("lib/common.b24layout", join(proj, "alias.b24layout"));
    symlinkSync("lib", join(proj, "linked-lib"));
    expect(importFindings(join(proj, "main.b24layout"), "./alias.b24layout", proj)).toEqual([]);
    expect(importFindings(join(proj, "main.b24layout"), "./linked-lib/common.b24layout", proj)).toEqual([]);
  });

  it("allows everything inside a project that is itself reached through a link (real compared with real)", () => {
    const { dir } = project();
    symlinkSync(join(dir, "proj"), join(dir, "via-link"));
    const via = join(dir, "via-link");
    expect(importFindings(join(via, "main.b24layout"), "./lib/common.b24layout", via)).toEqual([]);
  });

  it("finds a cycle through a linked folder at once, instead of following ever longer paths", () => {
    const { proj } = project();
    symlinkSync(".", join(proj, "loop"));
    expect(importFindings(join(proj, "main.b24layout"), "./loop/main.b24layout", proj)).toEqual([
      { ruleId: "unresolved-import", severity: "error", message: "Import cycle: main.b24layout → main.b24layout.", at: "1:22", to: "1:45" },
    ]);
  });
});

describe("readFileInside", () => {
  it("reads the file a link names only when the file really is inside the root", () => {
    const { proj, outside } = project();
    symlinkSync(join(outside, "secret.b24layout"), join(proj, "secret.b24layout"));
    symlinkSync("lib/common.b24layout", join(proj, "alias.b24layout"));
    // The host reads nothing outside even when asked without the resolver's check before it (a
    // link changed between the check and the read).
    expect(sourceHost(join(proj, "main.b24layout"), proj).readFile(join(proj, "secret.b24layout"))).toBeUndefined();
    expect(readFileInside(join(proj, "secret.b24layout"), proj)).toBeUndefined();
    expect(readFileInside(join(proj, "alias.b24layout"), proj)?.toString()).toBe(COMMON);
  });

  it("reads no FIFO, device or folder (it would block, never end, or fail)", () => {
    const { proj } = project();
    execFileSync("mkfifo", [join(proj, "fifo.b24layout")]);
    symlinkSync("/dev/zero", join(proj, "zero.b24layout"));
    mkdirSync(join(proj, "folder.b24layout"));
    expect(readFileInside(join(proj, "fifo.b24layout"), proj)).toBeUndefined();
    expect(readFileInside(join(proj, "zero.b24layout"), "/")).toBeUndefined();
    expect(readFileInside(join(proj, "folder.b24layout"), proj)).toBeUndefined();
  });
});

describe("input files through symbolic links", () => {
  /** `lib/` with two files, a link to it, a link to one of its files, a loop and links out of the tree. */
  function linkedTree(): string {
    const { proj, outside } = project({ "proj/lib/more.b24layout": COMMON });
    symlinkSync("lib", join(proj, "linked-lib"));
    symlinkSync("lib/common.b24layout", join(proj, "alias.b24layout"));
    symlinkSync("..", join(proj, "lib/up"));
    symlinkSync(outside, join(proj, "shared"));
    symlinkSync("/", join(proj, "root"));
    return proj;
  }
  const expand = async (args: string[], cwd: string) => (await expandInputs(args, cwd)).map((p) => p.slice(cwd.length + 1));

  it.each<[string, string[], string[]]>([
    ["a directory's walk follows no link it meets: no loop, nothing outside, each file once", ["."], ["lib/common.b24layout", "lib/more.b24layout"]],
    ["a glob's ** follows no link either", ["**/*.b24layout"], ["lib/common.b24layout", "lib/more.b24layout"]],
    ["a folder named through a link is walked, and the same files by their own path are not counted again", ["linked-lib", "lib"], ["linked-lib/common.b24layout", "linked-lib/more.b24layout"]],
    ["a file and a link to it are one file, under the first name given", ["alias.b24layout", "lib/common.b24layout", "lib"], ["alias.b24layout", "lib/more.b24layout"]],
    ["a glob through a named link, and the same files again", ["linked-lib/*.b24layout", "lib/*.b24layout"], ["linked-lib/common.b24layout", "linked-lib/more.b24layout"]],
    ["a folder outside, named through a link, is walked (it was asked for)", ["shared"], ["shared/secret.b24layout"]],
  ])("%s", async (_what, args, expected) => {
    expect(await expand(args, linkedTree())).toEqual(expected);
  });

  it("fmt --check lists a file once when a linked folder names it again", async () => {
    const { proj } = project({ "proj/lib/badge.b24layout": 'badge   same success {\ntitle "T"\n  value "V"\n}\n' });
    symlinkSync("lib", join(proj, "linked-lib"));
    let out = "";
    const io: CliIo = { stdout: { write: (t) => (out += t), isTTY: false }, stderr: { write: (t) => (out += t), isTTY: false }, env: {}, cwd: proj };
    expect(await runCli(["fmt", "--check", "--no-prettier-config", "lib/badge.b24layout", "linked-lib"], io)).toBe(1);
    expect(out.split("\n").filter((line) => line.includes("badge.b24layout"))).toEqual(["lib/badge.b24layout"]);
  });

  it("build writes each file's outputs once when a linked folder names the same files (it refused them as duplicates)", async () => {
    const { proj } = project({ "proj/lib/badge.b24layout": 'badge same success {\n  title "T"\n  value "V"\n}\n' });
    symlinkSync("lib", join(proj, "linked-lib"));
    let out = "";
    let err = "";
    const io: CliIo = { stdout: { write: (t) => (out += t), isTTY: false }, stderr: { write: (t) => (err += t), isTTY: false }, env: {}, cwd: proj };
    expect(await runCli(["build", "lib/badge.b24layout", "linked-lib", "--stdout"], io)).toBe(0);
    expect(err).toBe("");
    expect(Object.keys(JSON.parse(out) as object)).toEqual(["same"]);
  });
});
