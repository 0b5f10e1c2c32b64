/**
 * The project check through the library's `checkProject`: the output-name findings of a set of
 * files, each in the file it concerns, with the exact position; the files' settings and
 * suppressions; and that each file's own findings are those of `check`.
 */
import { describe, expect, it } from "vitest";
import { check, checkProject, type Diagnostic, type ProjectFileInput } from "../../src/index.js";
import { toFinding, type Finding } from "../helpers.js";

const ID = "output-name";
const error = (message: string, at: string, to: string, related?: string[]): Finding => ({ ruleId: ID, severity: "error", message, at, to, ...(related ? { related } : {}) });
const warning = (message: string, at: string, to: string, related?: string[]): Finding => ({ ruleId: ID, severity: "warning", message, at, to, ...(related ? { related } : {}) });

const badge = (name: string) => `badge ${name} {\n  code "c"\n  title "T"\n  value "V"\n  type success\n}\n`;
const blocks = (name: string) => `blocks ${name} {\n  text "x"\n}\n`;

/** Each file's findings of `ruleId`, by path. */
function projectFindings(files: readonly ProjectFileInput[], ruleId = ID): Record<string, Finding[]> {
  return Object.fromEntries(checkProject(files).map((r) => [r.path, r.diagnostics.filter((d) => d.ruleId === ruleId).map(toFinding)]));
}

describe(ID, () => {
  it.each<[string, ProjectFileInput[], Record<string, Finding[]>]>([
    [
      "two declarations of one kind and name in two files: the same JSON file",
      [
        { path: "a.b24layout", text: badge("same") },
        { path: "b.b24layout", text: `\n${badge("same")}` },
      ],
      {
        "a.b24layout": [error("'same' is also the badge declared in b.b24layout: both would be written to 'same.badge.json'. Give each declaration its own name.", "1:7", "1:11", ["the badge 'same' b.b24layout:2:7"])],
        "b.b24layout": [error("'same' is also the badge declared in a.b24layout: both would be written to 'same.badge.json'. Give each declaration its own name.", "2:7", "2:11", ["the badge 'same' a.b24layout:1:7"])],
      },
    ],
    [
      "three files: each names the other two",
      [
        { path: "a.b24layout", text: badge("same") },
        { path: "b.b24layout", text: badge("same") },
        { path: "c.b24layout", text: badge("same") },
      ],
      {
        "a.b24layout": [error("'same' is also the badge declared in b.b24layout and c.b24layout: both would be written to 'same.badge.json'. Give each declaration its own name.", "1:7", "1:11", ["the badge 'same' b.b24layout:1:7", "the badge 'same' c.b24layout:1:7"])],
        "b.b24layout": [error("'same' is also the badge declared in a.b24layout and c.b24layout: both would be written to 'same.badge.json'. Give each declaration its own name.", "1:7", "1:11", ["the badge 'same' a.b24layout:1:7", "the badge 'same' c.b24layout:1:7"])],
        "c.b24layout": [error("'same' is also the badge declared in a.b24layout and b.b24layout: both would be written to 'same.badge.json'. Give each declaration its own name.", "1:7", "1:11", ["the badge 'same' a.b24layout:1:7", "the badge 'same' b.b24layout:1:7"])],
      },
    ],
    [
      "one name for two kinds in two files: the same --stdout key",
      [
        { path: "a.b24layout", text: badge("same") },
        { path: "b.b24layout", text: blocks("same") },
      ],
      {
        "a.b24layout": [error("'same' is also the name of the blocks declared in b.b24layout: build --stdout would print both under the key 'same'. Give each declaration its own name.", "1:7", "1:11", ["the blocks 'same' b.b24layout:1:8"])],
        "b.b24layout": [error("'same' is also the name of the badge declared in a.b24layout: build --stdout would print both under the key 'same'. Give each declaration its own name.", "1:8", "1:12", ["the badge 'same' a.b24layout:1:7"])],
      },
    ],
    [
      "names that differ only in case",
      [
        { path: "a.b24layout", text: blocks("call") },
        { path: "b.b24layout", text: blocks("Call") },
      ],
      {
        "a.b24layout": [warning("'call' differs from the blocks 'Call' declared in b.b24layout only in case: on case-insensitive file systems (Windows, macOS) both are written to 'call.blocks.json'.", "1:8", "1:12", ["the blocks 'Call' b.b24layout:1:8"])],
        "b.b24layout": [warning("'Call' differs from the blocks 'call' declared in a.b24layout only in case: on case-insensitive file systems (Windows, macOS) both are written to 'Call.blocks.json'.", "1:8", "1:12", ["the blocks 'call' a.b24layout:1:8"])],
      },
    ],
    [
      "two files of one name: the same module, at each file's first declaration",
      [
        { path: "/p/x/call.b24layout", text: `// calls\n${blocks("a")}` },
        { path: "/p/y/call.b24layout", text: blocks("b") },
        { path: "/p/z/call.b24layout", text: "translations {\n  en { k \"K\" }\n}\n" },
      ],
      {
        "/p/x/call.b24layout": [error("This file and /p/y/call.b24layout have the same name: build --target ts would write both to 'call.ts' (--target js to 'call.js'). Rename one of the files.", "2:8", "2:9")],
        "/p/y/call.b24layout": [error("This file and /p/x/call.b24layout have the same name: build --target ts would write both to 'call.ts' (--target js to 'call.js'). Rename one of the files.", "1:8", "1:9")],
        // Without declarations a file writes no module.
        "/p/z/call.b24layout": [],
      },
    ],
    [
      "file names that differ only in case",
      [
        { path: "x/Call.b24layout", text: blocks("a") },
        { path: "y/call.b24layout", text: blocks("b") },
      ],
      {
        "x/Call.b24layout": [
          error(
            "This file's name differs from that of y/call.b24layout only in case: build --target ts would write 'Call.ts' and 'call.ts' into one folder, which TypeScript refuses (file names that differ only in casing) and case-insensitive file systems (Windows, macOS) cannot hold. Rename one of the files.",
            "1:8",
            "1:9",
          ),
        ],
        "y/call.b24layout": [
          error(
            "This file's name differs from that of x/Call.b24layout only in case: build --target ts would write 'call.ts' and 'Call.ts' into one folder, which TypeScript refuses (file names that differ only in casing) and case-insensitive file systems (Windows, macOS) cannot hold. Rename one of the files.",
            "1:8",
            "1:9",
          ),
        ],
      },
    ],
    [
      "a file named like the types module but for case",
      [{ path: "B24layout-Types.b24layout", text: blocks("a") }],
      { "B24layout-Types.b24layout": [error("build --target ts writes this file to 'B24layout-Types.ts', which is the name of the types module it writes beside the modules. Rename the file.", "1:8", "1:9")] },
    ],
    [
      "files TypeScript reads as declarations",
      [
        { path: "call.d.b24layout", text: blocks("a") },
        { path: "call.d.x.b24layout", text: blocks("b") },
        { path: "call.dx.b24layout", text: blocks("c") },
      ],
      {
        "call.d.b24layout": [error("build --target ts writes this file to 'call.d.ts', which TypeScript reads as a declaration file, without code. Rename the file, for example to 'call-d.b24layout'.", "1:8", "1:9")],
        "call.d.x.b24layout": [error("build --target ts writes this file to 'call.d.x.ts', which TypeScript reads as a declaration file, without code. Rename the file, for example to 'call-d-x.b24layout'.", "1:8", "1:9")],
        "call.dx.b24layout": [],
      },
    ],
    [
      "a declaration named like a Windows device",
      [{ path: "a.b24layout", text: `${blocks("con")}${blocks("Nul")}${blocks("console")}` }],
      {
        "a.b24layout": [
          warning("'con.blocks.json', the file 'con' is written to, cannot be created on Windows, where 'con' names a device. Rename the declaration to build it there.", "1:8", "1:11"),
          warning("'Nul.blocks.json', the file 'Nul' is written to, cannot be created on Windows, where 'Nul' names a device. Rename the declaration to build it there.", "4:8", "4:11"),
        ],
      },
    ],
    [
      "two declarations of one file that become one function",
      [{ path: "a.b24layout", text: `${blocks("call-row")}${blocks("callRow")}${blocks("default")}${blocks("default_")}` }],
      {
        "a.b24layout": [
          error("'callRow' and the blocks 'call-row' would both be the function 'callRow' of the TypeScript module. Rename one of them.", "4:8", "4:15", ["the blocks 'call-row' 1:8"]),
          error("'default_' and the blocks 'default' would both be the function 'default_' of the TypeScript module. Rename one of them.", "10:8", "10:16", ["the blocks 'default' 7:8"]),
        ],
      },
    ],
  ])("reports %s", (_name, files, expected) => {
    expect(projectFindings(files)).toEqual(expected);
  });

  it.each<[string, ProjectFileInput[]]>([
    ["different names", [{ path: "a.b24layout", text: badge("one") }, { path: "b.b24layout", text: badge("two") }]],
    ["the same name in one file (duplicate-declaration's)", [{ path: "a.b24layout", text: `${badge("same")}${badge("same")}` }]],
    ["files of one name without declarations", [{ path: "x/t.b24layout", text: "translations {\n  en { k \"K\" }\n}\n" }, { path: "y/t.b24layout", text: "translations {\n  en { k \"K\" }\n}\n" }]],
    ["one file", [{ path: "a.b24layout", text: badge("same") }]],
  ])("accepts %s", (_name, files) => {
    expect(Object.values(projectFindings(files)).flat()).toEqual([]);
  });

  it("leaves each file's own findings as check reports them", () => {
    const text = 'badge same {\n  title "T"\n  value "V"\n  type lavender\n}\n';
    const [a] = checkProject([{ path: "a.b24layout", text }, { path: "b.b24layout", text: badge("same") }]);
    expect(a!.diagnostics.filter((d) => d.ruleId !== ID)).toEqual(check(text).diagnostics);
  });

  it("names the files as `display` shows them", () => {
    const results = checkProject(
      [
        { path: "/w/a.b24layout", text: badge("same") },
        { path: "/w/sub/b.b24layout", text: badge("same") },
      ],
      { display: (p) => p.replace("/w/", "") },
    );
    expect(results[0]!.diagnostics[0]!.message).toContain("declared in sub/b.b24layout:");
    expect(results[0]!.diagnostics[0]!.related?.map((r) => ({ message: r.message, start: r.range.start, file: r.file }))).toEqual([{ message: "the badge 'same'", start: { offset: 6, line: 1, column: 7 }, file: "/w/sub/b.b24layout" }]);
  });

  it("takes each file's severity, and leaves a file out where its settings turn the rule off", () => {
    const results = checkProject(
      [
        { path: "a.b24layout", text: badge("same"), options: { severities: { [ID]: "warning" } } },
        { path: "b.b24layout", text: badge("same"), options: { severities: { [ID]: "off" } } },
      ],
      {},
    );
    expect(results.map((r) => r.diagnostics.map((d) => `${d.ruleId} ${d.severity}`))).toEqual([[`${ID} warning`], []]);
  });
});

describe("suppressions of the project's findings", () => {
  const suppressed = (comment: string) => `${comment}\n${badge("same")}`;

  it.each<[string, string, string[]]>([
    ["a next-line suppression naming the rule", "// b24layout-disable-next-line output-name", []],
    ["a next-line suppression of every rule", "// b24layout-disable-next-line", []],
    ["a file suppression", "/* b24layout-disable output-name -- generated */", []],
    ["a suppression of another rule", "// b24layout-disable-next-line unknown-code", ["2:7 output-name", "1:1 unused-suppression 'unknown-code' reports nothing here: remove it from the suppression."]],
  ])("%s", (_name, comment, expected) => {
    const [a] = checkProject([{ path: "a.b24layout", text: suppressed(comment) }, { path: "b.b24layout", text: badge("same") }]);
    expect(a!.diagnostics.map((d) => (d.ruleId === ID ? `${d.range.start.line}:${d.range.start.column} ${d.ruleId}` : `${d.range.start.line}:${d.range.start.column} ${d.ruleId} ${d.message}`))).toEqual(
      expected.sort((x, y) => x.localeCompare(y)),
    );
  });

  it("reports a suppression naming output-name that suppresses nothing, with a fix that removes it", () => {
    const [a] = checkProject([{ path: "a.b24layout", text: suppressed("// b24layout-disable-next-line output-name") }, { path: "b.b24layout", text: badge("other") }]);
    expect(a!.diagnostics.map((d) => [d.ruleId, d.message, d.fix?.edits[0]?.newText])).toEqual([["unused-suppression", "'output-name' reports nothing here: remove it from the suppression.", ""]]);
  });

  it("the one-file check leaves a suppression naming output-name alone: it cannot know", () => {
    expect(check(suppressed("// b24layout-disable-next-line output-name")).diagnostics).toEqual([]);
  });

  describe("a suppression of every rule where a project rule may report", () => {
    const UNUSED = "This suppression suppresses nothing: remove it.";
    const edits = (d: Diagnostic | undefined) => ({ fix: d?.fix?.edits.map((e) => e.newText), suggestions: d?.suggestions?.map((s) => s.edits.map((e) => e.newText)) });

    it("the one-file check reports as suppressing nothing, with its removal only suggested: --fix must not remove it", () => {
      const [d] = check(suppressed("// b24layout-disable-next-line")).diagnostics;
      expect(d && toFinding(d)).toEqual({ ruleId: "unused-suppression", severity: "warning", message: UNUSED, at: "1:1", to: "1:31" });
      expect(edits(d)).toEqual({ fix: undefined, suggestions: [[""]] });
      // A whole-file one too; one where no project rule reports keeps its fix.
      expect(edits(check(suppressed("// b24layout-disable")).diagnostics[0])).toEqual({ fix: undefined, suggestions: [[""]] });
      const elsewhere = check(`badge same {\n  // b24layout-disable-next-line\n  code "c"\n  title "T"\n  value "V"\n  type success\n}\n`).diagnostics[0];
      expect(edits(elsewhere)).toEqual({ fix: [""], suggestions: undefined });
    });

    it("the project check drops the report where it suppresses a project finding, and makes the removal a fix where it suppresses nothing", () => {
      const [used] = checkProject([{ path: "a.b24layout", text: suppressed("// b24layout-disable-next-line") }, { path: "b.b24layout", text: badge("same") }]);
      expect(used!.diagnostics).toEqual([]);
      const [unused] = checkProject([{ path: "a.b24layout", text: suppressed("// b24layout-disable-next-line") }, { path: "b.b24layout", text: badge("other") }]);
      expect(unused!.diagnostics.map(toFinding)).toEqual([{ ruleId: "unused-suppression", severity: "warning", message: UNUSED, at: "1:1", to: "1:31" }]);
      expect(edits(unused!.diagnostics[0])).toEqual({ fix: [""], suggestions: undefined });
    });
  });
});

describe("duplicate-declaration: badge codes across files (spec §8)", () => {
  it("reports a badge whose code a badge of another file has under another name, in the later file", () => {
    const found = projectFindings(
      [
        { path: "a.b24layout", text: badge("first") },
        { path: "b.b24layout", text: `\n${badge("second")}` },
      ],
      "duplicate-declaration",
    );
    expect(found).toEqual({
      "a.b24layout": [],
      "b.b24layout": [
        {
          ruleId: "duplicate-declaration",
          severity: "error",
          message: "The badge 'second' has the code 'c' of the badge 'first' declared in a.b24layout: a badge's code is unique on the portal, so crm.activity.badge.add cannot add both.",
          at: "2:7",
          to: "2:13",
          related: ["the badge 'first' a.b24layout:1:7"],
        },
      ],
    });
  });

  it("leaves one name in two files to output-name, and one file's two badges to its own check", () => {
    const sameName = [
      { path: "a.b24layout", text: badge("same") },
      { path: "b.b24layout", text: badge("same") },
    ];
    expect(Object.values(projectFindings(sameName, "duplicate-declaration")).flat()).toEqual([]);
    expect(Object.values(projectFindings(sameName)).flat().length).toBeGreaterThan(0);
    const oneFile = [{ path: "a.b24layout", text: badge("one") + badge("two") }];
    expect(projectFindings(oneFile, "duplicate-declaration")["a.b24layout"]!.map((f) => f.at)).toEqual(["8:8"]);
    expect(check(badge("one") + badge("two")).diagnostics.map((d) => d.ruleId)).toEqual(["duplicate-declaration"]);
  });
});
