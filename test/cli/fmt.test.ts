/** `b24layout fmt`: writing in place, --check, syntax errors, options and Prettier configs. */
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { main, type CliIo } from "../../src/cli/main.js";
import { scratch } from "./fixtures.js";

function capture(cwd: string): { io: CliIo; out: () => string; err: () => string } {
  let out = "";
  let err = "";
  const io: CliIo = { stdout: { write: (s) => (out += s) }, stderr: { write: (s) => (err += s) }, env: {}, cwd };
  return { io, out: () => out, err: () => err };
}

const MESSY = `badge   missed failure{
title "Call status"


value "Missed"   // shown upper-case
}
`;
const TIDY = `badge missed failure {
  title "Call status"

  value "Missed" // shown upper-case
}
`;
const BROKEN = `badge missed failure {
  title "Call status"
`;
const LONG = `layout long {
  icon call
  header "A header" -> redirect "/crm/deal/details/1234567890/"
  body { logo call; text "x" }
}
`;

async function run(cwd: string, ...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const c = capture(cwd);
  const code = await main(["fmt", ...args], c.io);
  return { code, out: c.out(), err: c.err() };
}

describe("b24layout fmt", () => {
  it("formats files in place and lists the ones it changed", async () => {
    const dir = scratch({ "a.b24layout": MESSY, "sub/b.b24layout": TIDY });
    const r = await run(dir, ".");
    expect(r.code).toBe(0);
    expect(r.out).toBe("a.b24layout\n");
    expect(r.err).toBe("✔ Formatted 1 file; 1 was already formatted.\n");
    expect(readFileSync(join(dir, "a.b24layout"), "utf8")).toBe(TIDY);
    expect(readFileSync(join(dir, "sub/b.b24layout"), "utf8")).toBe(TIDY);
  });

  it("leaves formatted files untouched (their modification time does not change)", async () => {
    const dir = scratch({ "b.b24layout": TIDY });
    const before = statSync(join(dir, "b.b24layout")).mtimeMs;
    const r = await run(dir, "b.b24layout");
    expect(r.code).toBe(0);
    expect(r.out).toBe("");
    expect(r.err).toBe("✔ 1 file already formatted.\n");
    expect(statSync(join(dir, "b.b24layout")).mtimeMs).toBe(before);
  });

  it("--check lists the files that would change, exits 1 and writes nothing", async () => {
    const dir = scratch({ "a.b24layout": MESSY, "b.b24layout": TIDY });
    const r = await run(dir, "--check", ".");
    expect(r.code).toBe(1);
    expect(r.out).toBe("a.b24layout\n");
    expect(r.err).toBe("✖ Checked 2 files: 1 not formatted (listed above), 1 formatted. Run b24layout fmt to format it.\n");
    expect(readFileSync(join(dir, "a.b24layout"), "utf8")).toBe(MESSY);
  });

  it("--check exits 0 when everything is formatted", async () => {
    const dir = scratch({ "b.b24layout": TIDY });
    const r = await run(dir, "--check", "b.b24layout");
    expect(r.code).toBe(0);
    expect(r.err).toBe("✔ Checked 1 file: all formatted.\n");
  });

  it("--check says what it checked and what failed, for every exit code", async () => {
    const dir = scratch({ "bad.b24layout": BROKEN, "a.b24layout": MESSY, "c.b24layout": MESSY, "b.b24layout": TIDY });
    const last = (err: string) => err.trimEnd().split("\n").pop();
    const broken = await run(dir, "--check", "bad.b24layout");
    expect([broken.code, broken.out, last(broken.err)]).toEqual([2, "", "✖ Checked 1 file: 1 could not be checked (errors above)."]);
    const all = await run(dir, "--check", ".");
    expect([all.code, all.out, last(all.err)]).toEqual([
      2,
      "a.b24layout\nc.b24layout\n",
      "✖ Checked 4 files: 1 could not be checked (errors above), 2 not formatted (listed above), 1 formatted. Run b24layout fmt to format them.",
    ]);
    const tidy = await run(dir, "--check", "b.b24layout", "bad.b24layout");
    expect([tidy.code, last(tidy.err)]).toEqual([2, "✖ Checked 2 files: 1 could not be checked (errors above), 1 formatted."]);
  });

  it("never rewrites a file with syntax errors: reports them and exits 2, and still formats the others", async () => {
    const dir = scratch({ "bad.b24layout": BROKEN, "a.b24layout": MESSY });
    const r = await run(dir, ".");
    expect(r.code).toBe(2);
    expect(r.err).toContain("bad.b24layout:3:1 error syntax-error Expected '}' to close the block opened at line 1, column 22, but found end of file.");
    expect(r.err).toContain("bad.b24layout has 1 syntax error: left as it is.\n✖ 1 file could not be formatted (errors above); formatted 1 file.\n");
    expect(readFileSync(join(dir, "bad.b24layout"), "utf8")).toBe(BROKEN);
    expect(readFileSync(join(dir, "a.b24layout"), "utf8")).toBe(TIDY);
    // No temporary files are left behind.
    expect(readdirSync(dir).sort()).toEqual(["a.b24layout", "bad.b24layout"]);
  });

  it("takes globs, and a missing path is a usage error", async () => {
    const dir = scratch({ "x/a.b24layout": MESSY });
    expect((await run(dir, "x/*.b24layout")).code).toBe(0);
    expect(readFileSync(join(dir, "x/a.b24layout"), "utf8")).toBe(TIDY);
    const missing = await run(dir, "nope.b24layout");
    expect(missing.code).toBe(2);
    expect(missing.err).toContain("cannot read 'nope.b24layout': no such file or directory");
  });

  it("honours --print-width, --use-tabs, --tab-width and --end-of-line", async () => {
    const dir = scratch({ "l.b24layout": LONG });
    expect((await run(dir, "--print-width", "40", "--use-tabs", "l.b24layout")).code).toBe(0);
    expect(readFileSync(join(dir, "l.b24layout"), "utf8")).toBe(
      'layout long {\n\ticon call\n\theader "A header"\n\t\t-> redirect "/crm/deal/details/1234567890/"\n\tbody { logo call; text "x" }\n}\n',
    );
    expect((await run(dir, "--tab-width", "4", "--end-of-line", "crlf", "l.b24layout")).code).toBe(0);
    expect(readFileSync(join(dir, "l.b24layout"), "utf8")).toBe(
      'layout long {\r\n    icon call\r\n    header "A header" -> redirect "/crm/deal/details/1234567890/"\r\n    body { logo call; text "x" }\r\n}\r\n',
    );
  });

  it("rejects a width that is not a positive whole number", async () => {
    const dir = scratch({ "l.b24layout": LONG });
    const r = await run(dir, "--print-width", "0", "l.b24layout");
    expect(r.code).toBe(2);
    expect(r.err).toContain("expected a whole number (1 or more).");
  });

  it("takes printWidth and useTabs from a .prettierrc (with overrides) and an .editorconfig; the command line wins", async () => {
    const dir = scratch({
      ".prettierrc.json": JSON.stringify({ overrides: [{ files: "*.b24layout", options: { printWidth: 40 } }] }),
      ".editorconfig": "root = true\n[*]\nindent_style = tab\n",
      "l.b24layout": LONG,
    });
    expect((await run(dir, "l.b24layout")).code).toBe(0);
    expect(readFileSync(join(dir, "l.b24layout"), "utf8")).toContain('\theader "A header"\n\t\t-> redirect');
    writeFileSync(join(dir, "l.b24layout"), LONG);
    expect((await run(dir, "--print-width", "100", "l.b24layout")).code).toBe(0);
    expect(readFileSync(join(dir, "l.b24layout"), "utf8")).toContain('\theader "A header" -> redirect');
    writeFileSync(join(dir, "l.b24layout"), LONG);
    expect((await run(dir, "--no-prettier-config", "l.b24layout")).code).toBe(0);
    expect(readFileSync(join(dir, "l.b24layout"), "utf8")).toBe(LONG);
  });

  it("keeps a byte-order mark", async () => {
    const dir = scratch({ "a.b24layout": `\uFEFF${MESSY}` });
    expect((await run(dir, "a.b24layout")).code).toBe(0);
    expect(readFileSync(join(dir, "a.b24layout"), "utf8")).toBe(`\uFEFF${TIDY}`);
  });

  it("skips the files a b24layout.config.json ignores, unless they are named", async () => {
    const dir = scratch({ "b24layout.config.json": '{ "ignore": ["vendor/**"] }', "vendor/v.b24layout": MESSY, "a.b24layout": MESSY });
    expect((await run(dir, ".")).code).toBe(0);
    expect(readFileSync(join(dir, "vendor/v.b24layout"), "utf8")).toBe(MESSY);
    expect((await run(dir, "vendor/v.b24layout")).code).toBe(0);
    expect(readFileSync(join(dir, "vendor/v.b24layout"), "utf8")).toBe(TIDY);
  });
});
