/**
 * `fmt` reads Prettier configs and `.editorconfig` as data only, never runs configuration code
 * (a JavaScript config, or a shared config a data config names), looks no higher than the
 * repository root, and uses no config someone else could have written: each config not used is
 * said once, with the settings used instead.
 */
import { chmodSync, existsSync, mkdirSync, readFileSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { main, type CliIo } from "../../src/cli/main.js";
import { scratch } from "./fixtures.js";

async function fmt(cwd: string, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const io: CliIo = { stdout: { write: (s) => (stdout += s) }, stderr: { write: (s) => (stderr += s) }, env: {}, cwd };
  return { code: await main(["fmt", ...args], io), stdout, stderr };
}

const MESSY = 'layout l {\nicon info\nheader "T"\nbody { logo call; text "x" }\n}\n';
/** The indentation fmt gave the `icon` line of MESSY in `file`. */
const indentOf = (dir: string, file = "l.b24layout") => /^([ \t]*)icon/m.exec(readFileSync(join(dir, file), "utf8"))![1];

/** A program that leaves a trace (RAN, next to it) when it is run, and asks for 8-space indentation. */
const PROGRAM = 'require("node:fs").writeFileSync(require("node:path").join(__dirname, "RAN"), "");\nmodule.exports = { tabWidth: 8 };\n';
const DEFAULTS = "printWidth 100, tabWidth 2, useTabs false, endOfLine lf";

describe("fmt never runs configuration code", () => {
  it.each([
    [".prettierrc.cjs", { ".prettierrc.cjs": PROGRAM }],
    ["prettier.config.js", { "prettier.config.js": PROGRAM.replace("module.exports =", "export default").replace(/require\([^)]*\)\.writeFileSync\([^;]*;/, 'import("node:fs").then((fs) => fs.writeFileSync(new URL("RAN", import.meta.url), ""));'), "package.json": '{ "type": "module" }' }],
  ])("does not run a %s, and says with what it formats instead", async (name, files) => {
    const dir = scratch({ ...files, "l.b24layout": MESSY });
    const r = await fmt(dir, "l.b24layout");
    expect(r.code).toBe(0);
    expect(existsSync(join(dir, "RAN"))).toBe(false);
    expect(indentOf(dir)).toBe("  ");
    expect(r.stderr).toContain(`warning: the Prettier config '${name}' is not used, as it is a program, which b24layout never runs (put the settings in a .prettierrc.json to have them read): its files are formatted with ${DEFAULTS} (the defaults, and .editorconfig where it says; options given on the command line still win).\n`);
  });

  it.each([
    ["package.json", { "package.json": '{ "prettier": "./shared.cjs" }' }],
    [".prettierrc", { ".prettierrc": '"./shared.cjs"\n' }],
    [".prettierrc.yaml", { ".prettierrc.yaml": "./shared.cjs\n" }],
    [".prettierrc.json", { ".prettierrc.json": '"./shared.cjs"' }],
  ])("does not load the shared config that a %s names", async (name, files) => {
    const dir = scratch({ ...files, "shared.cjs": PROGRAM, "l.b24layout": MESSY });
    const r = await fmt(dir, "l.b24layout");
    expect(r.code).toBe(0);
    expect(existsSync(join(dir, "RAN"))).toBe(false);
    expect(indentOf(dir)).toBe("  ");
    expect(r.stderr).toContain(`warning: the Prettier config '${name}' is not used, as it names the shared config './shared.cjs', a program, which b24layout never runs: its files are formatted with ${DEFAULTS}`);
  });

  it("does not load what a .prettierrc.json5 that is not an object names", async () => {
    const dir = scratch({ ".prettierrc.json5": "// shared\n'./shared.cjs'\n", "shared.cjs": PROGRAM, "l.b24layout": MESSY });
    const r = await fmt(dir, "l.b24layout");
    expect(existsSync(join(dir, "RAN"))).toBe(false);
    expect(r.stderr).toContain("warning: the Prettier config '.prettierrc.json5' is not used, as it does not hold an object of options");
  });

  it("says the settings it uses instead, the .editorconfig's among them, once for all the files", async () => {
    const dir = scratch({ ".prettierrc.mjs": PROGRAM, ".editorconfig": "root = true\n[*]\nindent_style = tab\nmax_line_length = 60\n", "l.b24layout": MESSY, "m.b24layout": MESSY });
    const r = await fmt(dir, "l.b24layout", "m.b24layout");
    expect(indentOf(dir)).toBe("\t");
    expect(r.stderr.match(/warning:/g)).toHaveLength(1);
    expect(r.stderr).toContain("its files are formatted with printWidth 60, tabWidth 2, useTabs true, endOfLine lf (the defaults, and .editorconfig where it says;");
  });

  it("reads every data config as Prettier does: YAML, JSON5, TOML, package.json, with overrides", async () => {
    const cases: Record<string, string>[] = [
      { ".prettierrc": "tabWidth: 4\n" },
      { ".prettierrc.yml": "overrides:\n  - files: '*.b24layout'\n    options: { tabWidth: 4 }\n" },
      { ".prettierrc.json5": "// four\n{ tabWidth: 4, }\n" },
      { ".prettierrc.toml": "tabWidth = 4\n" },
      { "package.json": '{ "name": "x", "prettier": { "tabWidth": 4 } }' },
    ];
    for (const files of cases) {
      const dir = scratch({ ...files, "l.b24layout": MESSY });
      const r = await fmt(dir, "l.b24layout");
      expect({ files, code: r.code, warned: r.stderr.includes("warning"), indent: indentOf(dir) }).toEqual({ files, code: 0, warned: false, indent: "    " });
    }
  });

  it("takes an empty .prettierrc as no options, and passes by a folder of that name, as Prettier does", async () => {
    const dir = scratch({ "package.json": '{ "prettier": { "tabWidth": 4 } }', "empty/.prettierrc": "", "empty/l.b24layout": MESSY, "folder/.prettierrc/x": "", "folder/l.b24layout": MESSY });
    const empty = await fmt(dir, "empty/l.b24layout");
    expect({ code: empty.code, warned: empty.stderr.includes("warning"), indent: indentOf(join(dir, "empty")) }).toEqual({ code: 0, warned: false, indent: "  " });
    const folder = await fmt(dir, "folder/l.b24layout");
    expect({ code: folder.code, warned: folder.stderr.includes("warning"), indent: indentOf(join(dir, "folder")) }).toEqual({ code: 0, warned: false, indent: "    " });
  });

  it("passes by a package.json without a prettier key, as Prettier does", async () => {
    const dir = scratch({ "package.json": '{ "name": "x" }', "sub/l.b24layout": MESSY, ".prettierrc.json": '{ "tabWidth": 4 }' });
    expect((await fmt(dir, "sub/l.b24layout")).stderr).not.toContain("warning");
    expect(indentOf(join(dir, "sub"))).toBe("    ");
  });
});

describe("fmt uses only configs inside the project that no one else can have written", () => {
  it("does not look above the repository root", async () => {
    const dir = scratch({ ".prettierrc": "tabWidth: 4\n", "project/l.b24layout": MESSY });
    mkdirSync(join(dir, "project/.git"));
    const r = await fmt(join(dir, "project"), "l.b24layout");
    expect(r.code).toBe(0);
    expect(r.stderr).not.toContain("warning");
    expect(indentOf(join(dir, "project"))).toBe("  ");
  });

  it("does not use a Prettier config everyone may write, and says so", async () => {
    const dir = scratch({ ".prettierrc": "tabWidth: 4\n", "l.b24layout": MESSY });
    chmodSync(join(dir, ".prettierrc"), 0o666);
    const r = await fmt(dir, "l.b24layout");
    expect(indentOf(dir)).toBe("  ");
    expect(r.stderr).toContain(`warning: the Prettier config '.prettierrc' is not used, as everyone may write it: its files are formatted with ${DEFAULTS}`);
  });

  it("does not use .editorconfig files when one of them everyone may write, and says so", async () => {
    const dir = scratch({ ".editorconfig": "[*]\nindent_style = tab\n", "l.b24layout": MESSY });
    chmodSync(join(dir, ".editorconfig"), 0o666);
    const r = await fmt(dir, "l.b24layout");
    expect(indentOf(dir)).toBe("  ");
    expect(r.stderr).toMatch(/^warning: the \.editorconfig '\.editorconfig' is not used, as everyone may write it: formatting without \.editorconfig files\./m);
  });

  it("is not held up by a FIFO where a .prettierrc or .editorconfig is", async () => {
    const dir = scratch({ "l.b24layout": MESSY });
    execFileSync("mkfifo", [join(dir, ".prettierrc"), join(dir, ".editorconfig")]);
    const r = await fmt(dir, "l.b24layout");
    expect(r.code).toBe(0);
    expect(indentOf(dir)).toBe("  ");
    expect(r.stderr).toContain("warning: the Prettier config '.prettierrc' is not used, as it is a FIFO, not a regular file:");
    expect(r.stderr).toContain("warning: the .editorconfig '.editorconfig' is not used, as it is a FIFO, not a regular file:");
  });
});
