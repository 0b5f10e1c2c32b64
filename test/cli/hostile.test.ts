/**
 * Input that used to break the tool, through the built executable (Node's default stack, as a
 * user runs it): every case is a diagnostic at its place, never "internal error", and nothing is
 * written or rewritten from it.
 */
import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { runBuiltCli, useBuiltCli } from "./bundle.js";
import { findingLines, scratch } from "./fixtures.js";

const built = useBuiltCli();
/** The bundle loads Prettier (fmt, import) from node_modules: the project's, from the temporary folder it is built in. */
const NODE_PATH = resolve(import.meta.dirname, "../../node_modules");

const run = (cwd: string, args: readonly string[]) => runBuiltCli(built.cli, cwd, args, { NODE_PATH });

/** The findings of a report (of one rule) as `file:line:col severity rule message` lines: a codeframe report's own, or a stylish report's rows. */
function heads(output: string, rule?: string): string[] {
  const lines = [...output.split("\n").filter((l) => /^\S+:\d+:\d+ (error|warning) /.test(l)), ...findingLines(output)];
  return lines.filter((l) => rule === undefined || l.includes(` ${rule} `));
}

const TOO_DEEP = "Nested too deeply: this '{' opens level 65, but blocks, maps, lists and parameter types may nest at most 64 levels.";

/** A valid layout whose body holds `depth` lineOfBlocks one inside the other. */
function deepLayout(depth: number): string {
  const open = Array.from({ length: depth }, (_, i) => `${"  ".repeat(i + 2)}k${i}: lineOfBlocks {\n`).join("");
  const close = Array.from({ length: depth }, (_, i) => `${"  ".repeat(depth - i + 1)}}\n`).join("");
  return `layout deep {\n  icon info\n  header "T"\n  body {\n    logo document\n${open}${"  ".repeat(depth + 2)}text "x"\n${close}  }\n}\n`;
}

describe("deep nesting", () => {
  it("400 levels of blocks: an error at the '{' of level 65, for check, build and fmt", async () => {
    const text = deepLayout(400);
    const dir = scratch({ "deep.b24layout": text });
    const check = await run(dir, ["check", "--no-color", "deep.b24layout"]);
    expect(check.stderr).toBe("");
    expect(check.code).toBe(1);
    // Level 1 is the layout's block, level 2 the body's: lineOfBlocks k62 (line 68) opens level 65.
    // Nesting lineOfBlocks is wrong in its own right (block-nesting): only the syntax errors are counted here.
    expect(heads(check.stdout, "syntax-error")).toEqual([`deep.b24layout:68:147 error syntax-error ${TOO_DEEP}`]);
    const build = await run(dir, ["build", "deep.b24layout", "--target", "ts", "--out-dir", "out"]);
    expect(build.code).toBe(1);
    expect(heads(build.stderr, "syntax-error")).toEqual([`deep.b24layout:68:147 error syntax-error ${TOO_DEEP}`]);
    expect(existsSync(join(dir, "out"))).toBe(false);
    const fmt = await run(dir, ["fmt", "deep.b24layout"]);
    expect(fmt.code).toBe(2);
    expect(heads(fmt.stderr)).toEqual([`deep.b24layout:68:147 error syntax-error ${TOO_DEEP}`]);
    expect(readFileSync(join(dir, "deep.b24layout"), "utf8")).toBe(text);
  });

  it("maps and lists 500 deep in an action", async () => {
    const dir = scratch({
      "map.b24layout": `blocks b {\n  link "x" -> openRestApp ${"{a: ".repeat(500)}1${"}".repeat(500)}\n}\n`,
      "list.b24layout": `blocks b {\n  link "x" -> openRestApp {a: ${"[".repeat(500)}1${"]".repeat(500)}}\n}\n`,
    });
    const r = await run(dir, ["check", "--no-color", "map.b24layout", "list.b24layout"]);
    expect(r.stderr).toBe("");
    expect(heads(r.stdout, "syntax-error")).toEqual([
      `map.b24layout:2:279 error syntax-error ${TOO_DEEP}`,
      `list.b24layout:2:93 error syntax-error ${TOO_DEEP.replace("'{'", "'['")}`,
    ]);
  });
});

describe("a binary file", () => {
  // The start of a PNG: a signature with a NUL, then a header; control bytes all through.
  const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]), Buffer.from("IHDR\u001b[2J\u0007".repeat(4000), "latin1")]);

  it("is one diagnostic, with no bytes of it on the terminal, for check, build and fmt", async () => {
    const dir = scratch({ "image.b24layout": png });
    const check = await run(dir, ["check", "image.b24layout"]);
    expect(check.code).toBe(1);
    expect(check.stdout).toBe("image.b24layout\n  1:1  error  File appears to be binary.  syntax-error\n\n✖ 1 problem (1 error, 0 warnings) in 1 file\n");
    const framed = await run(dir, ["check", "image.b24layout", "--code-frame"]);
    expect(framed.stdout).toBe(check.stdout);
    const build = await run(dir, ["build", "image.b24layout"]);
    expect(build.code).toBe(1);
    expect(heads(build.stderr)).toEqual(["image.b24layout:1:1 error syntax-error File appears to be binary."]);
    const fmt = await run(dir, ["fmt", "image.b24layout"]);
    expect(fmt.code).toBe(2);
    expect(heads(fmt.stderr)).toEqual(["image.b24layout:1:1 error syntax-error File appears to be binary."]);
    expect(readFileSync(join(dir, "image.b24layout"))).toEqual(png);
    // eslint-disable-next-line no-control-regex
    for (const out of [check.stdout, build.stderr, fmt.stderr]) expect(out).not.toMatch(/[\u0000-\u0008\u000b-\u001f]/);
  });
});

describe("control characters in a source line", () => {
  it("are spelled out in the code frame, and the caret stays under the range", async () => {
    const dir = scratch({ "ctl.b24layout": 'badge b failure {\n  title "\u001b[31mred\u001b]0;pwned\u0007" bogus\n  value "x"\n}\n' });
    const r = await run(dir, ["check", "--no-color", "--format", "codeframe", "ctl.b24layout"]);
    const frame = r.stdout.split("\n");
    const at = frame.findIndex((l) => l.startsWith("> 2 |"));
    expect(frame[at]).toBe('> 2 |   title "␛[31mred␛]0;pwned␇" bogus');
    expect(frame[at + 1]).toBe(`    | ${" ".repeat('  title "␛[31mred␛]0;pwned␇" '.length)}^^^^^`);
    // eslint-disable-next-line no-control-regex
    expect(r.stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f]/);
  });
});

describe("invalid UTF-8", () => {
  const latin1 = Buffer.concat([Buffer.from('badge b failure {\n  title "M'), Buffer.from([0xfc]), Buffer.from('ller"\n  value "y"\n}\n')]);
  const MESSAGE = "Invalid UTF-8: byte 0xFC here is not part of a UTF-8 character. Save the file as UTF-8.";

  it("is an error at its line and column for check, build and fmt, and fmt leaves the file as it is", async () => {
    const dir = scratch({ "latin1.b24layout": latin1 });
    const check = await run(dir, ["check", "--no-color", "--format", "codeframe", "latin1.b24layout"]);
    expect(check.code).toBe(1);
    expect(heads(check.stdout)).toEqual([`latin1.b24layout:2:11 error syntax-error ${MESSAGE}`]);
    expect(check.stdout).toContain('> 2 |   title "M\uFFFDller"\n    |           ^\n');
    const build = await run(dir, ["build", "latin1.b24layout", "--stdout"]);
    expect(build.code).toBe(1);
    expect(build.stdout).toBe("");
    expect(heads(build.stderr)).toEqual([`latin1.b24layout:2:11 error syntax-error ${MESSAGE}`]);
    const fmt = await run(dir, ["fmt", "latin1.b24layout"]);
    expect(fmt.code).toBe(2);
    expect(heads(fmt.stderr)).toEqual([`latin1.b24layout:2:11 error syntax-error ${MESSAGE}`]);
    expect(readFileSync(join(dir, "latin1.b24layout"))).toEqual(latin1);
  });

  it("in an imported file is an error at the import", async () => {
    const dir = scratch({ "common.b24layout": latin1, "main.b24layout": 'import { translations } from "./common.b24layout"\nblocks b { text "x" }\n' });
    const r = await run(dir, ["check", "--no-color", "main.b24layout"]);
    expect(heads(r.stdout)).toEqual(["main.b24layout:1:30 error unresolved-import Cannot read './common.b24layout' as text: byte 0xFC at line 2, column 11 is not UTF-8."]);
  });

  it("in JSON to import is an error at its line and column, and nothing is written", async () => {
    const dir = scratch({ "badge.json": Buffer.concat([Buffer.from('{\n  "code": "b",\n  "title": "M'), Buffer.from([0xfc]), Buffer.from('ller"\n}\n')]) });
    const r = await run(dir, ["import", "badge.json", "--out", "badge.b24layout"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`error: badge.json:3:14: ${MESSAGE}\nNothing was written.\n`);
    expect(existsSync(join(dir, "badge.b24layout"))).toBe(false);
  });

  it("in a config is a config error at its place", async () => {
    const dir = scratch({
      "b24layout.config.json": Buffer.concat([Buffer.from('{\n  "ignore": ["'), Buffer.from([0xc3, 0x28]), Buffer.from('"]\n}\n')]),
      "a.b24layout": 'blocks b { text "x" }\n',
    });
    const r = await run(dir, ["check", "a.b24layout"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("error: b24layout.config.json:2:15: Invalid UTF-8: byte 0xC3 here is not part of a UTF-8 character. Save the file as UTF-8.\n");
  });
});

describe("a missing '}'", () => {
  it("is one error, at the '{' left open, with nothing after it landing in the wrong block", async () => {
    const text = ["layout call {", "  icon call", '  header "T" {', '    tag warning "x"', "  body {", "    logo document", '    text "x"', "  }", "}", "", "badge b failure {", '  title "x"', '  value "y"', "}", ""].join("\n");
    const dir = scratch({ "call.b24layout": text });
    const r = await run(dir, ["check", "--no-color", "--code-frame", "call.b24layout"]);
    expect(heads(r.stdout)).toEqual([
      "call.b24layout:3:14 error syntax-error This '{' has no matching '}': the block seems to end before line 5, which is indented no deeper than this line. Add the '}' there.",
    ]);
    expect(r.stdout).toContain('\n  > 3 |   header "T" {\n      |              ^\n');
  });
});

describe("a hostile config", () => {
  it("a glob longer than 65,536 characters is a config error, not an internal error", async () => {
    const dir = scratch({ "b24layout.config.json": `{ "ignore": ["${"a".repeat(70_000)}"] }`, "a.b24layout": 'blocks b { text "x" }\n' });
    const r = await run(dir, ["check", "."]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`error: b24layout.config.json:1:14: "ignore": the glob '${"a".repeat(40)}…' is 70,000 characters long; globs are at most 65,536\n`);
  });

  it("JSON nested 100,000 deep is a config error", async () => {
    const dir = scratch({ "b24layout.config.json": `{ "rules": { "unknown-code": ["warn", ${"[".repeat(100_000)}] } }`, "a.b24layout": 'blocks b { text "x" }\n' });
    const r = await run(dir, ["check", "a.b24layout"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("error: b24layout.config.json:1:100: nested more than 64 levels deep: no setting nests like that\n");
  });
});

describe("JSON to import nested 100,000 deep", () => {
  it("is an error at the bracket too deep", async () => {
    const dir = scratch({ "deep.json": `{"blocks": {"a": {"type": "text", "properties": {"value": ${"[".repeat(100_000)}${"]".repeat(100_000)}}}}}` });
    const r = await run(dir, ["import", "deep.json"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("error: deep.json:1:119: the JSON nests deeper than 64 levels here; b24layout reads at most 64 (a Bitrix24 payload has about 12)\n");
  });
});

describe("huge input", () => {
  it("a file ending in 150,000 comments is formatted (Prettier flushed them as line suffixes all at once)", async () => {
    // The comments at the end of a block take the same path (printClosingComments).
    const dir = scratch({ "comments.b24layout": `blocks b {\n  text "x"\n}\n${"// c\n".repeat(150_000)}` });
    const r = await run(dir, ["fmt", "--check", "comments.b24layout"]);
    // Already formatted: --check finds nothing to change.
    expect(r.stderr).not.toContain("error");
    expect(r.code).toBe(0);
  }, 60_000);

  it("a string of 9 million characters is checked", async () => {
    const dir = scratch({ "long.b24layout": `blocks b {\n  text "${"x".repeat(9_000_000)}"\n}\n` });
    const r = await run(dir, ["check", "--no-color", "long.b24layout"]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
  });
});
