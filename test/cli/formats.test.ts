/**
 * The report formats of `b24layout check`: the JSON schema, SARIF 2.1.0 (validated against the
 * official schema, from @microsoft/jest-sarif), GitHub workflow commands with their escaping and
 * the annotation cap, and the options around them (--output-file, --quiet, --max-warnings).
 */
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { Options, ValidateFunction } from "ajv";
import { describe, expect, it } from "vitest";
import { check, ALL_RULES } from "../../src/index.js";
import { formatGithubReport, formatJsonReport, formatSarifReport, GITHUB_ANNOTATIONS_PER_TYPE, type ReportedFile } from "../../src/cli/formats.js";
import { runMain, scratch, WITH_ERROR, WITH_WARNING } from "./fixtures.js";

const require = createRequire(import.meta.url);
// A CommonJS module whose export is the class: required, as NodeNext types its default import otherwise.
const Ajv04 = require("ajv-draft-04") as new (options: Options) => { compile(schema: object): ValidateFunction };
const SARIF_SCHEMA = JSON.parse(readFileSync(require.resolve("@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json"), "utf8")) as object;

const files = (entries: Readonly<Record<string, string>>): ReportedFile[] =>
  Object.entries(entries).map(([display, text]) => ({ display, diagnostics: check(text).diagnostics }));

const run = runMain;

/** Two sections of one name: the second is reported, with the first as its related location (3:3). */
const DUPLICATE_SECTION = 'card c for contact {\n  scope personal\n  main: section "A" {\n    NAME\n  }\n  main: section "B" {\n    PHONE\n  }\n}\n';

describe("--format json", () => {
  it("has the documented shape: version, files with diagnostics and ranges, summary", () => {
    const report = JSON.parse(formatJsonReport(files({ "src/bad.b24layout": WITH_ERROR, "src/w.b24layout": WITH_WARNING }))) as Record<string, unknown>;
    expect(report).toEqual({
      version: 1,
      files: [
        {
          path: "src/bad.b24layout",
          diagnostics: [
            {
              ruleId: "collection-limit",
              severity: "error",
              message: "The header's 'tags' can hold at most 2 items; found 3. The server answers \"The field tags of HeaderDto can only contain up to 2 values.\"",
              range: { start: { line: 6, column: 5 }, end: { line: 6, column: 22 } },
            },
          ],
        },
        { path: "src/w.b24layout", diagnostics: [expect.objectContaining({ ruleId: "unknown-code", severity: "warning" })] },
      ],
      summary: { files: 2, filesWithProblems: 2, errors: 1, warnings: 1 },
    });
  });

  it("includes fixes and suggestions with their edits", () => {
    const report = JSON.parse(formatJsonReport(files({ "a.b24layout": 'blocks b {\n  lineOfBlock {\n    text "a"\n  }\n  text "b" { bold "true" }\n}\n' }))) as {
      files: { diagnostics: { ruleId: string; fix?: unknown; suggestions?: unknown }[] }[];
    };
    const [property, boolean] = ["unknown-property", "string-boolean"].map((id) => report.files[0]!.diagnostics.find((d) => d.ruleId === id)!);
    expect(property!.fix).toBeUndefined();
    expect(property!.suggestions).toEqual([
      { description: "Replace with 'lineOfBlocks'", edits: [{ range: { start: { line: 2, column: 3 }, end: { line: 2, column: 14 } }, newText: "lineOfBlocks" }] },
    ]);
    expect(boolean!.fix).toEqual({ description: "Replace with true", edits: [{ range: { start: { line: 5, column: 19 }, end: { line: 5, column: 25 } }, newText: "true" }] });
  });
});

describe("related locations ('first defined at'), in every format", () => {
  const reported = () => files({ "src/card.b24layout": DUPLICATE_SECTION });

  it("json: a 'related' list of message, range and no path for a place in the same file", () => {
    const report = JSON.parse(formatJsonReport(reported())) as { files: { diagnostics: { ruleId: string; related?: unknown }[] }[] };
    const d = report.files[0]!.diagnostics.find((x) => x.ruleId === "duplicate-section")!;
    expect(d.related).toEqual([{ message: "first defined", range: { start: { line: 3, column: 3 }, end: { line: 3, column: 7 } } }]);
  });

  it("json and sarif: a place in another file by its path relative to the working directory", () => {
    const d = check(DUPLICATE_SECTION).diagnostics.find((x) => x.ruleId === "duplicate-section")!;
    const elsewhere = { ...d, related: [{ ...d.related![0]!, file: "/work/project/src/other.b24layout" }] };
    const json = JSON.parse(formatJsonReport([{ display: "src/card.b24layout", diagnostics: [elsewhere] }], "/work/project")) as { files: { diagnostics: { related: { path?: string }[] }[] }[] };
    expect(json.files[0]!.diagnostics[0]!.related[0]!.path).toBe("src/other.b24layout");
    const log = JSON.parse(formatSarifReport([{ display: "src/card.b24layout", diagnostics: [elsewhere] }], [], { name: "b24layout", version: "1" }, "/work/project")) as {
      runs: { results: { relatedLocations: { physicalLocation: { artifactLocation: unknown } }[] }[] }[];
    };
    expect(log.runs[0]!.results[0]!.relatedLocations[0]!.physicalLocation.artifactLocation).toEqual({ uri: "src/other.b24layout", uriBaseId: "%SRCROOT%" });
  });

  it("sarif: relatedLocations with an id, the file, the region and the message, and the log stays valid", () => {
    const log = JSON.parse(formatSarifReport(reported(), ALL_RULES.map((r) => r.meta), { name: "b24layout", version: "1.2.3" })) as {
      runs: { results: { ruleId: string; relatedLocations?: unknown }[] }[];
    };
    const result = log.runs[0]!.results.find((r) => r.ruleId === "duplicate-section")!;
    expect(result.relatedLocations).toEqual([
      {
        id: 0,
        physicalLocation: { artifactLocation: { uri: "src/card.b24layout", uriBaseId: "%SRCROOT%" }, region: { startLine: 3, startColumn: 3, endLine: 3, endColumn: 7 } },
        message: { text: "first defined" },
      },
    ]);
    const validate = new Ajv04({ allErrors: true, strict: false, unicodeRegExp: false }).compile(SARIF_SCHEMA);
    validate(log);
    expect(validate.errors ?? []).toEqual([]);
  });

  it("github: a line of the annotation says where the first is", () => {
    expect(formatGithubReport(reported())).toContain(
      "::error file=src/card.b24layout,line=6,col=3,endLine=6,endColumn=7,title=duplicate-section::Section 'main' is already defined in this card; section names must be unique within a card.%0Afirst defined at src/card.b24layout:3:3\n",
    );
  });

  it("stylish: a line under the finding's row says where the first is", async () => {
    const dir = scratch({ "card.b24layout": DUPLICATE_SECTION });
    const r = await run(dir, ["check", "card.b24layout"]);
    expect(r.stdout).toContain("\n  6:3  error  Section 'main' is already defined in this card; section names must be unique within a card.  duplicate-section\n       first defined at card.b24layout:3:3\n");
  });

  it("codeframe: a line after the code frame says where the first is", async () => {
    const dir = scratch({ "card.b24layout": DUPLICATE_SECTION });
    const r = await run(dir, ["check", "card.b24layout", "--format", "codeframe"]);
    expect(r.stdout).toContain("card.b24layout:6:3 error duplicate-section Section 'main' is already defined in this card; section names must be unique within a card.\n");
    expect(r.stdout).toContain("\n  first defined at card.b24layout:3:3\n");
  });

  it.each([
    ["unix", "card.b24layout:6:3: Section 'main' is already defined in this card; section names must be unique within a card. (first defined at card.b24layout:3:3) [Error/duplicate-section]\n"],
    ["compact", "card.b24layout: line 6, col 3, Error - Section 'main' is already defined in this card; section names must be unique within a card. (first defined at card.b24layout:3:3) (duplicate-section)\n"],
  ])("%s: the place at the end of the finding's line", async (format, line) => {
    const dir = scratch({ "card.b24layout": DUPLICATE_SECTION });
    const r = await run(dir, ["check", "card.b24layout", "--format", format]);
    expect(r.stdout).toContain(line);
  });
});

describe("--format sarif", () => {
  // The official schema has a pattern that is not valid in unicode mode (`…]?$`).
  const ajv = new Ajv04({ allErrors: true, strict: false, unicodeRegExp: false });
  const validate = ajv.compile(SARIF_SCHEMA);

  it.each([
    ["findings", { "src/bad.b24layout": WITH_ERROR, "src/with space.b24layout": WITH_WARNING }],
    ["no findings", { "ok.b24layout": 'blocks b {\n  text "x"\n}\n' }],
  ])("is valid SARIF 2.1.0 with %s", (_name, entries) => {
    const log = JSON.parse(formatSarifReport(files(entries), ALL_RULES.map((r) => r.meta), { name: "b24layout", version: "1.2.3" })) as unknown;
    const ok = validate(log);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
    expect(sarif1004(log as Parameters<typeof sarif1004>[0])).toEqual([]);
  });

  it("lists every rule, and locates results by relative URI, rule index and region", () => {
    const log = JSON.parse(formatSarifReport(files({ "src/with space.b24layout": WITH_WARNING }), ALL_RULES.map((r) => r.meta), { name: "b24layout", version: "1.2.3" })) as {
      runs: { tool: { driver: { rules: { id: string; defaultConfiguration: { level: string } }[] } }; results: Record<string, unknown>[] }[];
    };
    const run = log.runs[0]!;
    expect(run.tool.driver.rules.map((r) => r.id)).toEqual(ALL_RULES.map((r) => r.meta.id));
    expect(run.tool.driver.rules.find((r) => r.id === "collection-limit")?.defaultConfiguration.level).toBe("error");
    const index = ALL_RULES.findIndex((r) => r.meta.id === "unknown-code");
    expect(run.results).toEqual([
      {
        ruleId: "unknown-code",
        ruleIndex: index,
        level: "warning",
        message: { text: "Unknown icon code 'my-custom-icon': it is not a system icon, so the portal must have registered it with crm.timeline.icon.add." },
        locations: [
          {
            physicalLocation: {
              artifactLocation: { uri: "src/with%20space.b24layout", uriBaseId: "%SRCROOT%" },
              region: { startLine: 2, startColumn: 8, endLine: 2, endColumn: 22 },
            },
          },
        ],
      },
    ]);
  });

  /** SARIF1004 (the SARIF validator): a URI with a uriBaseId is relative; one without is an absolute `file:` URI. */
  const sarif1004 = (log: { runs: { results: { locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string } } }[] }[] }[] }) =>
    log.runs.flatMap((r) => r.results.flatMap((x) => x.locations.map((l) => l.physicalLocation.artifactLocation))).filter((loc) => {
      const absolute = /^[a-z][a-z0-9+.-]*:/i.test(loc.uri) || loc.uri.startsWith("/");
      return loc.uriBaseId !== undefined ? absolute : !loc.uri.startsWith("file:///") || !URL.canParse(loc.uri);
    });

  it("locates a file outside the working directory by its absolute file: URI, without uriBaseId", async () => {
    const root = scratch({ "outside/w x.b24layout": WITH_WARNING, "work/in.b24layout": WITH_ERROR });
    const r = await run(join(root, "work"), ["check", "../outside/w x.b24layout", "in.b24layout", "--format", "sarif"]);
    expect(r.code).toBe(1);
    const log = JSON.parse(r.stdout) as Parameters<typeof sarif1004>[0];
    const locations = log.runs[0]!.results.map((x) => x.locations[0]!.physicalLocation.artifactLocation);
    expect(locations).toEqual([{ uri: pathToFileURL(join(root, "outside/w x.b24layout")).href }, { uri: "in.b24layout", uriBaseId: "%SRCROOT%" }]);
    expect(locations[0]!.uri).toMatch(/^file:\/\/\/.*\/outside\/w%20x\.b24layout$/);
    expect(sarif1004(log)).toEqual([]);
    expect(validate(log)).toBe(true);
  });
});

describe("--format github", () => {
  it("writes one workflow command per finding, escaping data and properties", () => {
    const report: ReportedFile[] = [
      {
        display: "a,b:c.b24layout",
        diagnostics: [{ ruleId: "x", severity: "error", message: "50% done\nnext line", range: { start: { offset: 0, line: 1, column: 2 }, end: { offset: 1, line: 1, column: 3 } } }],
      },
    ];
    expect(formatGithubReport(report)).toBe("::error file=a%2Cb%3Ac.b24layout,line=1,col=2,endLine=1,endColumn=3,title=x::50%25 done%0Anext line\n");
  });

  it("shows the first ten of each type and says how many more there are, and how to see them", () => {
    const d = (severity: "error" | "warning", i: number) => ({ ruleId: "r", severity, message: `m${i}`, range: { start: { offset: 0, line: i, column: 1 }, end: { offset: 0, line: i, column: 2 } } });
    const many: ReportedFile[] = [{ display: "f.b24layout", diagnostics: [...Array.from({ length: 13 }, (_, i) => d("error", i + 1)), ...Array.from({ length: 11 }, (_, i) => d("warning", i + 1))] }];
    const lines = formatGithubReport(many).trimEnd().split("\n");
    expect(lines.filter((l) => l.startsWith("::error"))).toHaveLength(GITHUB_ANNOTATIONS_PER_TYPE);
    expect(lines.filter((l) => l.startsWith("::warning"))).toHaveLength(GITHUB_ANNOTATIONS_PER_TYPE);
    expect(lines.at(-1)).toBe(
      "::notice title=b24layout::3 more error(s) and 1 more warning(s) not shown as annotations (GitHub shows 10 of each type per step): see the full list with b24layout check, or upload --format sarif to code scanning.",
    );
  });
});

describe("check options", () => {
  it("--output-file writes the report to a file and the stylish report to the terminal", async () => {
    const dir = scratch({ "bad.b24layout": WITH_ERROR });
    const r = await run(dir, ["check", "bad.b24layout", "--format", "sarif", "--output-file", "out/report.sarif"]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^bad\.b24layout\n {2}6:5 {2}error {2}\S.* {2}collection-limit\n/);
    const log = JSON.parse(readFileSync(join(dir, "out/report.sarif"), "utf8")) as { version: string };
    expect(log.version).toBe("2.1.0");
  });

  it("--quiet reports errors only", async () => {
    const dir = scratch({ "bad.b24layout": WITH_ERROR, "w.b24layout": WITH_WARNING });
    const r = await run(dir, ["check", ".", "--quiet", "--format", "json"]);
    const report = JSON.parse(r.stdout) as { summary: { errors: number; warnings: number } };
    expect(report.summary).toMatchObject({ errors: 1, warnings: 0 });
    expect(r.code).toBe(1);
  });

  it.each([
    [["--max-warnings", "0"], 1, "✖ 1 warning: more than --max-warnings 0 allows.\n"],
    [["--max-warnings", "1"], 0, ""],
    [["--max-warnings", "0", "--quiet"], 1, "✖ 1 warning: more than --max-warnings 0 allows.\n"],
  ])("%j exits %i", async (args, code, stderr) => {
    const dir = scratch({ "w.b24layout": WITH_WARNING });
    const r = await run(dir, ["check", "w.b24layout", ...args]);
    expect(r).toMatchObject({ code, stderr });
  });

  it.each([
    [["--max-warnings", "-1"], "error: option '--max-warnings <n>' argument '-1' is invalid. expected a whole number (0 or more).\n"],
    [["--format", "xml"], "error: option '-f, --format <format>' argument 'xml' is invalid. Allowed choices are stylish, codeframe, compact, unix, json, sarif, github.\n"],
  ])("refuses %j as a usage error", async (args, stderr) => {
    const dir = scratch({ "w.b24layout": WITH_WARNING });
    const r = await run(dir, ["check", "w.b24layout", ...args]);
    expect(r).toMatchObject({ code: 2, stderr });
    expect(existsSync(join(dir, "out"))).toBe(false);
  });
});

describe("check --fix", () => {
  const BROKEN = 'layout l {\n  icon info\n  header "T"\n  body {\n    logo document\n    text "x" { bold "true" }\n  }\n}\n';

  it("writes the fixed file and reports what is left", async () => {
    const dir = scratch({ "a.b24layout": BROKEN });
    const r = await run(dir, ["check", "a.b24layout", "--fix"]);
    expect(r).toMatchObject({ code: 0, stdout: "✔ 1 file checked, no problems\n", stderr: "✔ applied 1 fix in 1 file.\n" });
    expect(readFileSync(join(dir, "a.b24layout"), "utf8")).toBe(BROKEN.replace('"true"', "true"));
  });

  it("--fix-dry-run prints the diff and writes nothing", async () => {
    const dir = scratch({ "a.b24layout": BROKEN });
    const r = await run(dir, ["check", "a.b24layout", "--fix-dry-run", "--quiet"]);
    expect(r.stdout).toContain('--- a.b24layout\n+++ a.b24layout\n@@ -4,5 +4,5 @@\n   body {\n     logo document\n-    text "x" { bold "true" }\n+    text "x" { bold true }\n');
    expect(r.stderr).toBe("1 fix in 1 file would be applied (nothing written).\n");
    expect(readFileSync(join(dir, "a.b24layout"), "utf8")).toBe(BROKEN);
  });

  it("leaves a did-you-mean alone: 'shopp' may be a logo the portal registered", async () => {
    const text = BROKEN.replace("logo document", "logo shopp").replace('"true"', "true");
    const dir = scratch({ "a.b24layout": text });
    const r = await run(dir, ["check", "a.b24layout", "--fix"]);
    expect(r).toMatchObject({ code: 0, stderr: "" });
    expect(r.stdout).toContain("Did you mean 'shop'?");
    expect(readFileSync(join(dir, "a.b24layout"), "utf8")).toBe(text);
  });

  it("never writes a file with a syntax error, and says why it was not fixed", async () => {
    const text = BROKEN.replace("  }\n}\n", "\n}\n");
    const dir = scratch({ "a.b24layout": text });
    for (const flag of ["--fix", "--fix-dry-run"]) {
      const r = await run(dir, ["check", "a.b24layout", flag]);
      expect(r.code).toBe(1);
      expect(r.stdout).toContain("syntax-error");
      expect(r.stdout).not.toContain("+++");
      expect(r.stderr).toBe("a.b24layout: not fixed, as it has a syntax error; correct that first.\n");
      expect(readFileSync(join(dir, "a.b24layout"), "utf8")).toBe(text);
    }
  });
});
