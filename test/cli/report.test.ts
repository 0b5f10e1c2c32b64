/**
 * The reports of many findings and many files: frames at the right lines in a file with thousands
 * of findings, reports written file by file in the order of the files, and texts let go once
 * checked when no report needs them.
 */
import { describe, expect, it } from "vitest";
import { main, type CliIo } from "../../src/cli/main.js";
import { checkInputs } from "../../src/cli/check.js";
import { colorsFor, formatStylish } from "../../src/cli/output.js";
import { runMain, scratch } from "./fixtures.js";

/** A file whose translation keys `key0` … `key{count-1}` (lines 3 … count+2) are never used: `count` warnings. */
function unusedKeys(count: number): string {
  const keys = Array.from({ length: count }, (_, i) => `    key${i} "Text number ${i}"\n`).join("");
  return `translations {\n  en {\n${keys}    incoming "Incoming call"\n  }\n}\nlayout l {\n  icon call\n  header @incoming\n  body {\n    logo call-incoming\n    text "x"\n  }\n}\n`;
}

/** A layout with one unused translation key `name`, so the file has one warning. */
function oneWarning(name: string): string {
  return `translations {\n  en { incoming "Incoming call"; ${name} "Unused" }\n}\nlayout ${name}Layout {\n  icon call\n  header @incoming\n  body {\n    logo call-incoming\n    text "x"\n  }\n}\n`;
}

const CLEAN = `layout clean {\n  icon call\n  header "Call"\n  body {\n    logo call-incoming\n    text "x"\n  }\n}\n`;

/** Runs the CLI in-process, keeping each write to stdout apart. */
async function runRecording(cwd: string, args: readonly string[]): Promise<{ code: number; writes: string[] }> {
  const writes: string[] = [];
  const io: CliIo = { stdout: { write: (s) => writes.push(s) }, stderr: { write: () => {} }, env: {}, cwd };
  return { code: await main(args, io), writes };
}

describe("a file with thousands of findings", () => {
  const count = 1500;
  const dir = scratch({ "many.b24layout": unusedKeys(count) });

  it("frames each finding at its own line (codeframe)", async () => {
    const { code, stdout } = await runMain(dir, ["check", "many.b24layout", "--format", "codeframe"]);
    expect(code).toBe(0);
    const findings = stdout.split("\n\n");
    // Every finding and the summary line.
    expect(findings).toHaveLength(count + 1);
    expect(findings[0]).toBe(
      [
        "many.b24layout:3:5 warning unused-translation Translation 'key0' is never used; reference it as '@key0' or remove it.",
        "  2 |   en {",
        '> 3 |     key0 "Text number 0"',
        "    |     ^^^^",
        '  4 |     key1 "Text number 1"',
      ].join("\n"),
    );
    expect(findings[749]).toBe(
      [
        "many.b24layout:752:5 warning unused-translation Translation 'key749' is never used; reference it as '@key749' or remove it.",
        '  751 |     key748 "Text number 748"',
        '> 752 |     key749 "Text number 749"',
        "      |     ^^^^^^",
        '  753 |     key750 "Text number 750"',
      ].join("\n"),
    );
    expect(findings[count - 1]).toBe(
      [
        "many.b24layout:1502:5 warning unused-translation Translation 'key1499' is never used; reference it as '@key1499' or remove it.",
        '  1501 |     key1498 "Text number 1498"',
        '> 1502 |     key1499 "Text number 1499"',
        "       |     ^^^^^^^",
        '  1503 |     incoming "Incoming call"',
      ].join("\n"),
    );
    expect(findings[count]).toBe("⚠ 1500 problems (0 errors, 1500 warnings) in 1 file\n");
  });

  it("frames each finding under its row (stylish --code-frame)", async () => {
    const { stdout } = await runMain(dir, ["check", "many.b24layout", "--code-frame"]);
    const lines = stdout.split("\n");
    const row = lines.indexOf("  1200:5  warning  Translation 'key1197' is never used; reference it as '@key1197' or remove it.  unused-translation");
    expect(row).toBeGreaterThan(0);
    expect(lines.slice(row + 1, row + 6)).toEqual(['    1199 |     key1196 "Text number 1196"', '  > 1200 |     key1197 "Text number 1197"', "         |     ^^^^^^^", '    1201 |     key1198 "Text number 1198"', ""]);
  });
});

describe("reports are written file by file", () => {
  const dir = scratch({
    "b.b24layout": oneWarning("bee"),
    "dir/y.b24layout": oneWarning("why"),
    "dir/x.b24layout": oneWarning("ex"),
    "dir/clean.b24layout": CLEAN,
    "a.b24layout": oneWarning("ay"),
  });
  // The files in the order given, a directory's files sorted: b, dir/clean, dir/x, dir/y, a.
  const args = ["check", "b.b24layout", "dir", "a.b24layout"];

  it("stylish: one write per file with findings, in the order of the files, then the summary; together the report as one string", async () => {
    const { code, writes } = await runRecording(dir, args);
    expect(code).toBe(0);
    expect(writes.map((w) => w.split("\n")[0])).toEqual(["b.b24layout", "dir/x.b24layout", "dir/y.b24layout", "a.b24layout", "⚠ 4 problems (0 errors, 4 warnings) in 4 files"]);
    expect(writes[1]).toBe("dir/x.b24layout\n  2:34  warning  Translation 'ex' is never used; reference it as '@ex' or remove it.  unused-translation\n\n");
    const checked = await checkInputs(args.slice(1), { stdout: { write: () => {} }, stderr: { write: () => {} }, env: {}, cwd: dir });
    expect(writes.join("")).toBe(formatStylish(checked, colorsFor(false), { cwd: dir }));
  });

  it.each([
    ["codeframe", ["--format", "codeframe"], (w: string) => w.split(":")[0]],
    ["compact", ["--format", "compact"], (w: string) => w.split(":")[0]],
    ["unix", ["--format", "unix"], (w: string) => w.split(":")[0]],
  ])("%s: one write per file with findings, in the order of the files", async (_name, format, fileOf) => {
    const { writes } = await runRecording(dir, [...args, ...format]);
    expect(writes.slice(0, -1).map(fileOf)).toEqual(["b.b24layout", "dir/x.b24layout", "dir/y.b24layout", "a.b24layout"]);
  });
});

describe("texts are let go once checked", () => {
  const dir = scratch({ "a.b24layout": oneWarning("ay"), "clean.b24layout": CLEAN });
  const io: CliIo = { stdout: { write: () => {} }, stderr: { write: () => {} }, env: {}, cwd: dir };

  it("unless a report needs them: the files keep their paths, findings and summaries", async () => {
    const files = await checkInputs(["a.b24layout", "clean.b24layout"], io);
    expect(files.map((f) => [f.display, f.source.text, f.diagnostics.map((d) => d.ruleId), f.summary?.declarations.map((d) => d.name)])).toEqual([
      ["a.b24layout", undefined, ["unused-translation"], ["ayLayout"]],
      ["clean.b24layout", undefined, [], ["clean"]],
    ]);
  });

  it("kept for code frames and fixes (keepTexts), and with the programs", async () => {
    expect((await checkInputs(["a.b24layout"], io, { keepTexts: true }))[0]!.source.text).toBe(oneWarning("ay"));
    expect((await checkInputs(["a.b24layout"], io, { keepPrograms: true }))[0]!.source.text).toBe(oneWarning("ay"));
  });

  it("every unreadable file is named in one usage error, and nothing is reported", async () => {
    const { code, stdout, stderr } = await runMain(dir, ["check", "a.b24layout", "missing-1.b24layout", "clean.b24layout", "missing-2.b24layout"]);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toContain("cannot read 'missing-1.b24layout'");
    expect(stderr).toContain("cannot read 'missing-2.b24layout'");
  });
});

describe("the count of what --fix fixes, under the summary (ESLint's line)", () => {
  /** `bold "true"`: string-boolean, a warning --fix rewrites to `bold true`; `icon my-icon`: unknown-code, a warning it cannot fix. */
  const FIXABLE = 'layout l {\n  icon my-icon\n  header "T"\n  body {\n    logo document\n    text "x" bold "true"\n  }\n}\n';
  const LINE = "  0 errors and 1 warning potentially fixable with the `--fix` option.\n";

  it("ends the stylish and codeframe reports of check, counting only the findings that have a fix", async () => {
    const dir = scratch({ "a.b24layout": FIXABLE });
    const stylish = await runMain(dir, ["check", "a.b24layout"]);
    expect(stylish.stdout.endsWith(`⚠ 2 problems (0 errors, 2 warnings) in 1 file\n${LINE}`)).toBe(true);
    expect((await runMain(dir, ["check", "a.b24layout", "--format", "codeframe"])).stdout.endsWith(`in 1 file\n${LINE}`)).toBe(true);
    expect((await runMain(dir, ["check", "a.b24layout", "--format", "json", "--output-file", "r.json"])).stdout.endsWith(`in 1 file\n${LINE}`)).toBe(true);
  });

  it("is not there when nothing can be fixed, after --fix-dry-run, for standard input, in one-line formats, nor in build's report", async () => {
    const dir = scratch({ "a.b24layout": FIXABLE, "b.b24layout": FIXABLE.replace('bold "true"', "bold").replace("layout l", "layout m") });
    expect((await runMain(dir, ["check", "b.b24layout"])).stdout).toMatch(/in 1 file\n$/);
    expect((await runMain(dir, ["check", "a.b24layout", "--fix-dry-run"])).stdout).not.toContain("potentially fixable");
    expect((await runMain(dir, ["check", "a.b24layout", "--format", "compact"])).stdout).not.toContain("potentially fixable");
    expect((await runMain(dir, ["build", "a.b24layout", "--out-dir", "out"])).stderr).not.toContain("potentially fixable");
    let stdout = "";
    const io: CliIo = { stdout: { write: (s) => (stdout += s) }, stderr: { write: () => {} }, env: {}, cwd: dir, readStdin: () => Promise.resolve(Buffer.from(FIXABLE)) };
    expect(await main(["check", "--stdin"], io)).toBe(0);
    expect(stdout).toMatch(/in 1 file\n$/);
  });
});
