/** `runImport`, the command line's `import`, in-process: outputs, messages, exit codes, all or nothing. */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { IMPORT_KINDS, runImport, type ImportFlags } from "../../src/cli/import.js";
import type { CliIo } from "../../src/cli/io.js";
import { compile } from "../../src/index.js";
import { scratch } from "../cli/fixtures.js";

const LAYOUT = JSON.stringify({ icon: { code: "info" }, header: { title: "T" }, body: { logo: { code: "document" }, blocks: { t: { type: "text", properties: { value: "x" } } } }, footer: { menu: { showPostponeItem: "false" } } }, null, 2);
const BADGE = JSON.stringify({ code: "missedCall", title: "Call status", value: "Missed", type: "failure" });

function capture(cwd: string): { io: CliIo; out: () => string; err: () => string } {
  let out = "";
  let err = "";
  return {
    io: { stdout: { write: (s) => (out += s) }, stderr: { write: (s) => (err += s) }, env: {}, cwd },
    out: () => out,
    err: () => err,
  };
}

async function run(cwd: string, files: string[], flags: ImportFlags = {}): Promise<{ code: number; out: string; err: string }> {
  const c = capture(cwd);
  const code = await runImport(files, flags, c.io);
  return { code, out: c.out(), err: c.err() };
}

describe("b24layout import", () => {
  it("prints the text on stdout and the warnings on stderr", async () => {
    const dir = scratch({ "layout.json": LAYOUT });
    const r = await run(dir, ["layout.json"]);
    expect(r.code).toBe(0);
    expect(r.out.split("\n").slice(0, 2)).toEqual(["// Imported from layout.json: a LayoutDto (the layout of crm.activity.configurable.add / update).", "layout layout {"]);
    expect(compile(r.out).outputs).toHaveLength(1);
    expect(r.err).toBe('warning: layout.json:23:27: footer.menu.showPostponeItem: the string "false" became the boolean false\n');
  });

  it("keeps the quirks with --keep-quirks", async () => {
    const dir = scratch({ "layout.json": LAYOUT });
    const r = await run(dir, ["layout.json"], { keepQuirks: true });
    expect(r.out).toContain('showPostponeItem "false"');
    expect(r.err).toBe("");
  });

  it("writes one file with --out", async () => {
    const dir = scratch({ "in/layout.json": LAYOUT });
    const r = await run(dir, ["in/layout.json"], { out: "out/call.b24layout", name: "call" });
    expect(r.code).toBe(0);
    expect(r.out).toBe("");
    expect(r.err).toContain("✔ imported 1 file into out/call.b24layout\n");
    expect(readFileSync(join(dir, "out/call.b24layout"), "utf8")).toContain("layout call {");
  });

  it("writes <input>.b24layout per input with --out-dir", async () => {
    const dir = scratch({ "a/layout.json": LAYOUT, "b/badge.json": BADGE });
    const r = await run(dir, ["a/layout.json", "b/badge.json"], { outDir: "src" });
    expect(r.code).toBe(0);
    expect(r.err).toContain("✔ imported 2 files into src\n");
    expect(readFileSync(join(dir, "src/layout.b24layout"), "utf8")).toContain("layout layout {");
    expect(readFileSync(join(dir, "src/badge.b24layout"), "utf8")).toContain("badge missedCall failure {");
  });

  it("prints several inputs one after the other on stdout", async () => {
    const dir = scratch({ "layout.json": LAYOUT, "badge.json": BADGE });
    const r = await run(dir, ["layout.json", "badge.json"], { keepQuirks: true });
    expect(r.out).toContain("}\n\n// Imported from badge.json");
  });

  it("writes nothing when one input cannot be imported, and exits 2", async () => {
    const dir = scratch({ "good.json": LAYOUT, "bad.json": '{\n  "icon": {"code": "info"},\n}', "src/good.b24layout": "// old\n" });
    const r = await run(dir, ["good.json", "bad.json"], { outDir: "src" });
    expect(r.code).toBe(2);
    expect(r.err).toContain("error: bad.json:3:1: not valid JSON: a trailing comma before '}' is not allowed (PropertyNameExpected)\n");
    expect(r.err).toContain("Nothing was written.\n");
    expect(readFileSync(join(dir, "src/good.b24layout"), "utf8")).toBe("// old\n");
    expect(r.out).toBe("");
  });

  it("refuses an unknown shape with the kinds it expects, and exits 2", async () => {
    const dir = scratch({ "icons.json": '{"result": {"icons": []}}' });
    const r = await run(dir, ["icons.json"]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^error: icons\.json:1:12: an object with the key "icons" \(an empty list\): a list response, such as crm\.timeline\.icon\.list's, with nothing to import\. Expected a layout/);
  });

  it("refuses JSON nested too deep with a positioned error, and exits 2", async () => {
    const dir = scratch({ "deep.json": `{"blocks": ${"[".repeat(5000)}${"]".repeat(5000)}}` });
    const r = await run(dir, ["deep.json"]);
    expect(r.code).toBe(2);
    expect(r.err).toBe("error: deep.json:1:75: the JSON nests deeper than 64 levels here; b24layout reads at most 64 (a Bitrix24 payload has about 12)\n");
  });

  it("prints what statements cannot say in the raw form, formatted", async () => {
    const dir = scratch({ "b.json": JSON.stringify({ blocks: { a: { type: "lineOfBlocks", properties: {} }, b: { type: "withTitle", properties: { title: "A title long enough to break the line", block: { type: "deadline" } }, extra: [1, 2, 3] } } }) });
    const r = await run(dir, ["b.json"]);
    expect(r.code).toBe(0);
    expect(r.err).toBe("");
    expect(r.out).toContain(
      [
        '  a: json { type: "lineOfBlocks", properties: {} }',
        "  b: json {",
        '    type: "withTitle",',
        '    properties: { title: "A title long enough to break the line", block: { type: "deadline" } },',
        "    extra: [1, 2, 3],",
        "  }",
      ].join("\n"),
    );
  });

  it("reports a file it cannot read", async () => {
    const dir = scratch();
    const r = await run(dir, ["missing.json"]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^error: cannot read 'missing\.json': /);
  });

  it("overwrites an existing output atomically", async () => {
    const dir = scratch({ "layout.json": LAYOUT, "out.b24layout": "old" });
    await run(dir, ["layout.json"], { out: "out.b24layout" });
    expect(readFileSync(join(dir, "out.b24layout"), "utf8")).toContain("layout layout {");
  });

  it.each([
    [[], {}, "no input files: give the JSON files to import, e.g. `b24layout import layout.json`"],
    [["a.json", "b.json"], { out: "x.b24layout" }, "--out writes one file, but 2 inputs were given; use --out-dir for several"],
    [["a.json"], { out: "x", outDir: "y" }, "--out and --out-dir do not go together: --out writes one file, --out-dir one file per input"],
    [["a.json", "b.json"], { name: "n" }, "--name names the declaration of one input, but 2 inputs were given"],
    [["a.json"], { kind: "blox" }, "unknown kind 'blox': expected layout, blocks, badge, activity, card"],
    [["a.json"], { entity: "deals" }, "unknown entity 'deals': expected lead, deal, contact, company, quote or smartInvoice, or a smart process's entityTypeId"],
    [["a.json"], { name: "1st" }, "'1st' cannot be a declaration name: use letters, digits, '_' and inner '-', starting with a letter or '_'"],
  ] as [string[], ImportFlags, string][])("refuses flags that do not fit: %j %j", async (files, flags, message) => {
    await expect(runImport(files, flags, capture(scratch()).io)).rejects.toMatchObject({ name: "CliError", message, exitCode: 2 });
  });

  it("refuses two inputs that would write the same file", async () => {
    const dir = scratch({ "a/layout.json": LAYOUT, "b/layout.json": LAYOUT });
    await expect(runImport(["a/layout.json", "b/layout.json"], { outDir: "out" }, capture(dir).io)).rejects.toMatchObject({
      message: "'a/layout.json' and 'b/layout.json' would both be written to 'out/layout.b24layout': import them into different directories",
    });
    expect(existsSync(join(dir, "out"))).toBe(false);
  });

  it("offers the kinds for --kind", () => {
    expect(IMPORT_KINDS).toEqual(["layout", "blocks", "badge", "activity", "card"]);
  });

  it("reads --kind, --entity and --extract-translations", async () => {
    const dir = scratch({ "s.json": JSON.stringify([{ name: "m", title: "M", elements: [{ name: "TITLE" }] }]) });
    const r = await run(dir, ["s.json"], { kind: "card", entity: "company" });
    expect(r.out).toContain("card s for company {");
    writeFileSync(join(dir, "t.json"), JSON.stringify({ blocks: { a: { type: "text", properties: { value: { en: "Hi", de: "Hallo" } } } } }));
    const t = await run(dir, ["t.json"], { extractTranslations: true });
    expect(t.out).toContain("a: text @hi");
  });
});
