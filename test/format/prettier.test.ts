/**
 * The Prettier plugin through Prettier itself: its API with the plugin object, and its command
 * line with `--plugin=b24layout/prettier` and with a `.prettierrc` `plugins` entry (the built
 * package, dist/prettier.mjs: `npm test` builds before it runs the tests).
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { format } from "prettier";
import { describe, expect, it } from "vitest";
import plugin from "../../src/format/plugin.js";
import { format as formatWithLibrary } from "../../src/index.js";
import { scratch } from "../cli/fixtures.js";

const ROOT = resolve(import.meta.dirname, "../..");
const PRETTIER = join(ROOT, "node_modules/prettier/bin/prettier.cjs");
/** Prettier colours its output on CI (CI=true) even into a pipe. */
const PLAIN = { ...process.env, FORCE_COLOR: "0", NO_COLOR: "1" };

const SOURCE = `layout x {
  icon call
  header "A header" -> redirect "/crm/deal/details/1234567890/"
  body { logo call; text "x" }
}
`;

describe("the Prettier plugin through Prettier's API", () => {
  it("formats with the plugin's defaults (width 100, two spaces)", async () => {
    expect(await format("layout   x{icon call}", { parser: "b24layout", plugins: [plugin] })).toBe("layout x { icon call }\n");
  });

  it("finds its parser from the file name", async () => {
    expect(await format("badge b warning{title \"t\"}", { filepath: "a/b.b24layout", plugins: [plugin] })).toBe('badge b warning { title "t" }\n');
  });

  it("respects printWidth, tabWidth, useTabs and endOfLine", async () => {
    const narrow = await format(SOURCE, { parser: "b24layout", plugins: [plugin], printWidth: 40, tabWidth: 4 });
    expect(narrow).toBe('layout x {\n    icon call\n    header "A header"\n        -> redirect "/crm/deal/details/1234567890/"\n    body { logo call; text "x" }\n}\n');
    const tabs = await format(SOURCE, { parser: "b24layout", plugins: [plugin], useTabs: true, endOfLine: "crlf" });
    expect(tabs).toBe('layout x {\r\n\ticon call\r\n\theader "A header" -> redirect "/crm/deal/details/1234567890/"\r\n\tbody { logo call; text "x" }\r\n}\r\n');
  });

  it("leaves a statement after // prettier-ignore as written", async () => {
    const text = 'blocks b {\n  // prettier-ignore\n  x:   text   "a"  bold\n  y:   text   "b"\n}\n';
    expect(await format(text, { parser: "b24layout", plugins: [plugin] })).toBe('blocks b {\n  // prettier-ignore\n  x:   text   "a"  bold\n  y: text "b"\n}\n');
  });

  it("reports a syntax error with its position, as Prettier reports parse errors", async () => {
    await expect(format('badge b warning {\n  title "t"\n', { parser: "b24layout", plugins: [plugin] })).rejects.toMatchObject({
      name: "SyntaxError",
      // Prettier adds a code frame to the message.
      message: expect.stringContaining("Expected '}' to close the block opened at line 1, column 17, but found end of file. (3:1)") as unknown,
      loc: { start: { line: 3, column: 1 } },
    });
  });

  it("gives the same text as the library's format (b24layout fmt)", async () => {
    const messy = SOURCE.replaceAll(" ", "   ");
    const viaPrettier = await format(messy, { parser: "b24layout", plugins: [plugin] });
    const viaLibrary = await formatWithLibrary(messy);
    expect(viaLibrary).toEqual({ ok: true, text: viaPrettier, changed: true });
  });
});

describe("the Prettier plugin through Prettier's command line", () => {
  const built = join(ROOT, "dist/prettier.mjs");

  it("is built (dist/prettier.mjs)", () => {
    expect(existsSync(built)).toBe(true);
  });

  it("works with --plugin=b24layout/prettier", () => {
    const dir = scratch({ "x.b24layout": SOURCE });
    // Run from the project, where `b24layout/prettier` resolves to the package itself.
    const out = execFileSync(process.execPath, [PRETTIER, "--plugin=b24layout/prettier", "--print-width=40", join(dir, "x.b24layout")], { cwd: ROOT, encoding: "utf8", env: PLAIN });
    expect(out).toBe('layout x {\n  icon call\n  header "A header"\n    -> redirect "/crm/deal/details/1234567890/"\n  body { logo call; text "x" }\n}\n');
  });

  it("works from a .prettierrc plugins entry, and --check fails on an unformatted file", () => {
    const dir = scratch({ ".prettierrc.json": JSON.stringify({ plugins: [built], printWidth: 40 }), "x.b24layout": SOURCE });
    const r = spawnSync(process.execPath, [PRETTIER, "--check", "x.b24layout"], { cwd: dir, encoding: "utf8", env: PLAIN });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("[warn] x.b24layout");
    const write = spawnSync(process.execPath, [PRETTIER, "--write", "x.b24layout"], { cwd: dir, encoding: "utf8", env: PLAIN });
    expect(write.status).toBe(0);
    expect(spawnSync(process.execPath, [PRETTIER, "--check", "x.b24layout"], { cwd: dir, encoding: "utf8", env: PLAIN }).status).toBe(0);
  });

  it("prints a syntax error with a code frame and exits 2", () => {
    const dir = scratch({ ".prettierrc.json": JSON.stringify({ plugins: [built] }), "bad.b24layout": 'badge b warning {\n  title "t"\n' });
    const r = spawnSync(process.execPath, [PRETTIER, "bad.b24layout"], { cwd: dir, encoding: "utf8", env: PLAIN });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("[error] bad.b24layout: SyntaxError: Expected '}' to close the block opened at line 1, column 17, but found end of file. (3:1)");
    expect(r.stderr).toContain('[error]   2 |   title "t"');
  });
});
