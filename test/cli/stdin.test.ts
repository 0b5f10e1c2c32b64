/**
 * Source text on standard input, through the built executable as an editor or a pre-commit hook
 * runs it: `check --stdin [--stdin-filename]`, `build --stdin --stdout`, `fmt --stdin-filepath`.
 */
import { spawnSync } from "node:child_process";
import { Readable } from "node:stream";
import { existsSync, readdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { MAX_STDIN_BYTES, readAll } from "../../src/cli/stdin.js";
import { useBuiltCli } from "./bundle.js";
import { BADGE, BADGE_JSON, findingLines, scratch, WITH_WARNING } from "./fixtures.js";

const built = useBuiltCli();
/** The bundle loads Prettier (fmt) from node_modules: the project's. */
const NODE_PATH = resolve(import.meta.dirname, "../../node_modules");

function run(cwd: string, args: readonly string[], input: string | Buffer) {
  const r = spawnSync(process.execPath, [built.cli, ...args], { cwd, input, encoding: "utf8", env: { PATH: process.env["PATH"] ?? "", NODE_PATH } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Uses the fragment of shared.b24layout, beside it. */
const USES_SHARED = 'import { greeting } from "./shared.b24layout"\nblocks hello {\n  use greeting\n}\n';
const SHARED = 'fragment greeting {\n  text "Hello"\n}\n';

describe("check --stdin", () => {
  it("checks the text as the file --stdin-filename names: its config applies, its path is reported", () => {
    const dir = scratch({ "src/b24layout.config.json": '{ "rules": { "unknown-code": "error" } }\n', "package.json": "{}\n" });
    const r = run(dir, ["check", "--stdin", "--stdin-filename", "src/w.b24layout"], WITH_WARNING);
    expect(r.code).toBe(1);
    expect(findingLines(r.stdout)).toEqual([expect.stringMatching(/^src\/w\.b24layout:2:8 error unknown-code Unknown icon code 'my-custom-icon'/)]);
    // Without the name, the config of the working directory's folder (none) applies.
    const plain = run(dir, ["check", "--stdin"], WITH_WARNING);
    expect(plain.code).toBe(0);
    expect(findingLines(plain.stdout)).toEqual([expect.stringMatching(/^<stdin>:2:8 warning unknown-code /)]);
  });

  it("resolves imports relative to --stdin-filename, and the file need not exist", () => {
    const dir = scratch({ "package.json": "{}\n", "src/shared.b24layout": SHARED });
    expect(run(dir, ["check", "--stdin", "--stdin-filename", "src/new.b24layout"], USES_SHARED)).toMatchObject({ code: 0, stdout: "✔ 1 file checked, no problems\n" });
    const elsewhere = run(dir, ["check", "--stdin", "--stdin-filename", "other/new.b24layout"], USES_SHARED);
    expect(elsewhere.code).toBe(1);
    expect(findingLines(elsewhere.stdout)).toContainEqual(expect.stringMatching(/^other\/new\.b24layout:1:26 error unresolved-import Cannot find '\.\/shared\.b24layout'/));
  });

  it("takes any --format, and --fix-dry-run prints the diff; --fix and paths are refused", () => {
    const dir = scratch();
    const json = JSON.parse(run(dir, ["check", "--stdin", "--stdin-filename", "a.b24layout", "--format", "json"], WITH_WARNING).stdout) as { files: { path: string }[] };
    expect(json.files.map((f) => f.path)).toEqual(["a.b24layout"]);
    const quirk = 'layout l {\n  icon info\n  header "T"\n  body {\n    logo document\n    text "x"\n  }\n  footer {\n    menu {\n      showPostponeItem "false"\n    }\n  }\n}\n';
    const dry = run(dir, ["check", "--stdin", "--stdin-filename", "b.b24layout", "--fix-dry-run"], quirk);
    expect(dry.stdout).toContain('-      showPostponeItem "false"\n+      showPostponeItem false\n');
    expect(run(dir, ["check", "--stdin", "--fix"], quirk)).toMatchObject({ code: 2, stderr: expect.stringContaining("use --fix-dry-run") as unknown });
    expect(run(dir, ["check", "--stdin", "a.b24layout"], quirk)).toMatchObject({ code: 2, stderr: "error: --stdin reads the source from standard input: give no paths with it (they were: a.b24layout)\n" });
    expect(run(dir, ["check", "--stdin-filename", "a.b24layout"], quirk)).toMatchObject({ code: 2, stderr: "error: --stdin-filename names the text read with --stdin: give --stdin too\n" });
    expect(readdirSync(dir)).toEqual([]);
  });

  it("reports bytes that are not UTF-8 at their place", () => {
    const r = run(scratch(), ["check", "--stdin", "--stdin-filename", "x.b24layout"], Buffer.from([0x62, 0x61, 0xfc, 0x0a]));
    expect(r.code).toBe(1);
    expect(findingLines(r.stdout)).toEqual([expect.stringMatching(/^x\.b24layout:1:3 error syntax-error Invalid UTF-8/)]);
  });
});

describe("build --stdin --stdout", () => {
  it("prints the payloads of the text; imports resolve relative to --stdin-filename", () => {
    const dir = scratch({ "package.json": "{}\n", "src/shared.b24layout": SHARED });
    const r = run(dir, ["build", "--stdin", "--stdout"], BADGE);
    expect(r).toMatchObject({ code: 0, stderr: "" });
    expect(JSON.parse(r.stdout)).toEqual({ missedCall: JSON.parse(BADGE_JSON) as unknown });
    const imported = run(dir, ["build", "--stdin", "--stdin-filename", "src/hello.b24layout", "--stdout"], USES_SHARED);
    expect(imported.code).toBe(0);
    expect(JSON.parse(imported.stdout)).toEqual({ hello: { blocks: { block_1: { type: "text", properties: { value: "Hello" } } } } });
  });

  it("refuses --stdin without --stdout, and writes nothing", () => {
    const dir = scratch();
    expect(run(dir, ["build", "--stdin"], BADGE)).toMatchObject({ code: 2, stderr: expect.stringContaining("give --stdout too") as unknown });
    expect(existsSync(join(dir, "dist"))).toBe(false);
  });
});

describe("fmt --stdin-filepath", () => {
  const messy = 'badge missedCall failure {\ntitle "Call status"\n    value { en: "Missed", de: "Verpasst" }\n}\n';

  it("prints the text formatted as the file would be, with its .prettierrc", () => {
    const dir = scratch({ "wide/.prettierrc": '{ "tabWidth": 4 }\n' });
    expect(run(dir, ["fmt", "--stdin-filepath", "a.b24layout"], messy)).toEqual({ code: 0, stdout: BADGE, stderr: "" });
    expect(run(dir, ["fmt", "--stdin-filepath", "wide/a.b24layout"], messy)).toEqual({ code: 0, stdout: BADGE.replace(/^ {2}/gm, "    "), stderr: "" });
    expect(readdirSync(dir)).toEqual(["wide"]);
  });

  it("--check prints the path of text that is not formatted, exit 1; formatted text exits 0 silently", () => {
    const dir = scratch();
    expect(run(dir, ["fmt", "--check", "--stdin-filepath", "a.b24layout"], messy)).toEqual({ code: 1, stdout: "a.b24layout\n", stderr: "" });
    expect(run(dir, ["fmt", "--check", "--stdin-filepath", "a.b24layout"], BADGE)).toEqual({ code: 0, stdout: "", stderr: "" });
  });

  it("prints nothing for text with a syntax error (exit 2), and echoes a file the config ignores", () => {
    const dir = scratch({ "b24layout.config.json": '{ "ignore": ["vendor/**"] }\n', "package.json": "{}\n" });
    const broken = run(dir, ["fmt", "--stdin-filepath", "a.b24layout"], "badge b {\n");
    expect(broken.code).toBe(2);
    expect(broken.stdout).toBe("");
    expect(broken.stderr).toMatch(/^a\.b24layout:\d+:\d+ error syntax-error /);
    expect(run(dir, ["fmt", "--stdin-filepath", "vendor/a.b24layout"], messy)).toEqual({ code: 0, stdout: messy, stderr: "" });
  });
});

describe("binary standard input", () => {
  it("is one error for each command, and nothing is printed or written", () => {
    const dir = scratch();
    const binary = Buffer.from("badge\u0000\u0001\u0002 b {}");
    const checked = run(dir, ["check", "--stdin", "--stdin-filename", "a.b24layout"], binary);
    expect(checked.code).toBe(1);
    expect(findingLines(checked.stdout)).toEqual(["a.b24layout:1:1 error syntax-error File appears to be binary."]);
    expect(run(dir, ["build", "--stdin", "--stdout"], binary)).toMatchObject({ code: 1, stdout: "", stderr: expect.stringContaining("File appears to be binary.") as unknown });
    expect(run(dir, ["fmt", "--stdin-filepath", "a.b24layout"], binary)).toMatchObject({ code: 2, stdout: "", stderr: expect.stringContaining("a.b24layout is not UTF-8 text: nothing was printed.") as unknown });
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe("standard input without end", () => {
  it("is refused past a bound, which stops the reading: an error, never the memory filled", async () => {
    await expect(readAll(Readable.from([Buffer.alloc(6), Buffer.alloc(6)]), 10)).rejects.toThrow("standard input has more than 10 bytes, more than b24layout reads from it: give the file's path instead");
    await expect(readAll(Readable.from([Buffer.from("badge b {"), Buffer.from(" }")]), 11)).resolves.toEqual(Buffer.from("badge b { }"));
    let pulled = 0;
    const endless = new Readable({ read() { pulled++; this.push(Buffer.alloc(4)); } });
    await expect(readAll(endless, 10)).rejects.toThrow("more than 10 bytes");
    expect(endless.destroyed).toBe(true);
    expect(pulled).toBeLessThan(5);
  });

  it("through the executable: `yes | b24layout check --stdin` ends with exit 2 and the reason", () => {
    expect(MAX_STDIN_BYTES).toBe(256 * 1024 * 1024);
    const r = spawnSync("sh", ["-c", `yes | "${process.execPath}" "${built.cli}" check --stdin`], { encoding: "utf8", env: { PATH: process.env["PATH"] ?? "" } });
    expect({ code: r.status, stdout: r.stdout, stderr: r.stderr }).toEqual({ code: 2, stdout: "", stderr: "error: standard input has more than 256 MiB, more than b24layout reads from it: give the file's path instead\n" });
  });
});
