/**
 * `b24layout check` on JSON payloads, through the built CLI: every finding at the line and column
 * of the offending key or value in the JSON file, in every format, with --kind, a config's
 * `include` and override `kind`, --max-warnings and --cache.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runBuiltCli, useBuiltCli } from "./bundle.js";
import { scratch } from "./fixtures.js";

const built = useBuiltCli();
const run = (cwd: string, args: readonly string[]) => runBuiltCli(built.cli, cwd, args);

/** A LayoutDto with an enum error, a string boolean, two missing fields and an unknown key. */
const LAYOUT = `{
  "icon": { "code": "info" },
  "header": {
    "title": "Call",
    "tags": { "status": { "title": "Missed", "type": "nope" } }
  },
  "body": {
    "logo": { "code": "document" },
    "blocks": {
      "client": { "type": "text", "properties": { "value": "Ivan", "bold": "true" } },
      "phone": { "type": "link", "properties": { "text": "Call" } }
    }
  },
  "footer": { "buttons": { "open": { "title": "Open", "type": "primary", "action": { "type": "redirect" } } } },
  "colour": "red"
}
`;

const LAYOUT_FINDINGS = [
  `layout.json:5:54: 'nope' is not a valid 'type' for a tag; expected warning, success, failure, primary or secondary. The server answers "The value of type in TagDto is incorrect." [Error/enum-value]`,
  `layout.json:10:76: 'bold' expects a boolean, not the string "true". The server casts strings (only "true" and "Y", in any case, become true; any other string is false), so this one means true; write true. [Warning/string-boolean]`,
  `layout.json:11:48: This link block is missing required 'action'; the server answers "Field action is required for LinkDto." [Error/required-field]`,
  `layout.json:14:84: This redirect action is missing 'uri': the server requires it, although the docs do not mark it required. It answers "Field uri is required for ActionDto." [Error/required-field]`,
  `layout.json:15:3: Unknown property 'colour' in the layout; the server answers "Field colour is not required for LayoutDto." [Error/unknown-property]`,
];

/** crm.activity.configurable.add params: a warning only. */
const ACTIVITY = `{
  "ownerTypeId": 2,
  "ownerId": 1,
  "fields": { "typeId": "CONFIGURABLE", "completed": false, "isIncomingChannel": "N" },
  "layout": {
    "icon": { "code": "info" },
    "header": { "title": "Call" },
    "body": { "logo": { "code": "document" }, "blocks": { "t": { "type": "text", "properties": { "value": "x" } } } }
  }
}
`;

const BADGE = `{ "code": "missed", "title": "Call", "value": "Missed", "type": "failure" }
`;

const lines = (stdout: string) => stdout.split("\n").filter((l) => /^\S+:\d+:\d+: /.test(l));

describe("check on JSON files", () => {
  it("reports every finding at the key or value of the JSON file (unix format)", async () => {
    const dir = scratch({ "layout.json": LAYOUT });
    const r = await run(dir, ["check", "layout.json", "--format", "unix"]);
    expect(r.code).toBe(1);
    expect(lines(r.stdout)).toEqual(LAYOUT_FINDINGS);
  });

  it("reports in the stylish, compact, github, json and SARIF formats at the same places, with the JSON path", async () => {
    const dir = scratch({ "layout.json": LAYOUT });
    const stylish = await run(dir, ["check", "layout.json"]);
    expect(stylish.stdout).toContain("layout.json\n   5:54  error    'nope' is not a valid 'type' for a tag");
    expect(stylish.stdout).toContain("✖ 5 problems (4 errors, 1 warning)");
    const compact = await run(dir, ["check", "layout.json", "--format", "compact"]);
    expect(compact.stdout).toContain("layout.json: line 15, col 3, Error - Unknown property 'colour' in the layout");
    const github = await run(dir, ["check", "layout.json", "--format", "github"]);
    expect(github.stdout).toContain("::error file=layout.json,line=5,col=54,endLine=5,endColumn=60,title=enum-value::'nope' is not a valid 'type' for a tag");
    const json = JSON.parse((await run(dir, ["check", "layout.json", "--format", "json"])).stdout) as { files: { diagnostics: { ruleId: string; path: unknown; range: { start: { line: number; column: number } } }[] }[] };
    expect(json.files[0]!.diagnostics.map((d) => [d.ruleId, d.range.start.line, d.range.start.column, d.path])).toEqual([
      ["enum-value", 5, 54, ["header", "tags", "status", "type"]],
      ["string-boolean", 10, 76, ["body", "blocks", "client", "properties", "bold"]],
      ["required-field", 11, 48, ["body", "blocks", "phone", "properties"]],
      ["required-field", 14, 84, ["footer", "buttons", "open", "action"]],
      ["unknown-property", 15, 3, ["colour"]],
    ]);
    const sarif = JSON.parse((await run(dir, ["check", "layout.json", "--format", "sarif"])).stdout) as {
      runs: { results: { ruleId: string; locations: { physicalLocation: { region: { startLine: number; startColumn: number } }; logicalLocations?: { fullyQualifiedName: string }[] }[] }[] }[];
    };
    const first = sarif.runs[0]!.results[0]!;
    expect(first.ruleId).toBe("enum-value");
    expect(first.locations[0]!.physicalLocation.region).toMatchObject({ startLine: 5, startColumn: 54 });
    expect(first.locations[0]!.logicalLocations).toEqual([{ fullyQualifiedName: "/header/tags/status/type", kind: "value" }]);
  });

  it("recognises params and envelopes, and counts a JSON file's warnings for --max-warnings", async () => {
    const dir = scratch({ "activity.json": ACTIVITY, "response.json": `{ "result": { "badge": ${BADGE.trim()} }, "time": {} }\n` });
    const r = await run(dir, ["check", "activity.json", "response.json", "--format", "unix", "--max-warnings", "0"]);
    expect(lines(r.stdout)).toEqual([
      `activity.json:4:82: 'isIncomingChannel' expects a boolean, not the string "N". The server accepts it here and reads it as false; write false. [Warning/string-boolean]`,
    ]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("1 warning: more than --max-warnings 0 allows.");
    expect((await run(dir, ["check", "activity.json", "response.json", "--max-warnings", "1"])).code).toBe(0);
  });

  it("reports a JSON syntax error at its place; a .jsonc file may have comments and trailing commas", async () => {
    const text = `// the badge\n{ "code": "c", "title": "T", "value": "V", "type": "nope", }\n`;
    const dir = scratch({ "b.json": text, "b.jsonc": text });
    const r = await run(dir, ["check", "b.json", "b.jsonc", "--format", "unix"]);
    expect(lines(r.stdout)).toEqual([
      "b.json:1:1: Not valid JSON: comments are not allowed in JSON (InvalidCommentToken). [Error/syntax-error]",
      `b.jsonc:2:52: 'nope' is not a valid 'type' for a badge; expected warning, success, failure, primary or secondary. The server answers "Wrong value of field \`type\`" [Error/enum-value]`,
    ]);
  });

  it("says what a file it does not recognise looks like and how to name its kind; --kind reads it as that kind", async () => {
    const dir = scratch({ "icon.json": `{ "code": "missed", "title": "Call", "value": "Missed" }\n`, "package.json": `{ "name": "app" }\n` });
    const r = await run(dir, ["check", "package.json", "--format", "unix"]);
    expect(lines(r.stdout)).toEqual([
      expect.stringMatching(/^package\.json:1:1: This JSON is not a payload b24layout knows: an object with the key "name": it looks like .* Expected a layout .* Name its kind with --kind \(layout, blocks, badge, activity, card\) or with "kind" in a config override for the file\. \[Error\/payload-kind\]$/),
    ]);
    const asBadge = await run(dir, ["check", "icon.json", "--kind", "badge", "--format", "unix"]);
    expect(lines(asBadge.stdout)).toEqual(["icon.json:1:1: Badge 'badge' is missing required 'type'. [Error/required-field]"]);
    const asLayout = await run(dir, ["check", "icon.json", "--kind", "layout", "--format", "unix"]);
    expect(lines(asLayout.stdout)[0]).toBe("icon.json:1:1: Layout 'layout' is missing required 'body'; the server answers \"Field body is required for LayoutDto.\" [Error/required-field]");
    const wrong = await run(dir, ["check", "icon.json", "--kind", "nope"]);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain("argument 'nope' is invalid");
  });

  it("checks the JSON files of a folder that the config's include takes, as the kind its override gives", async () => {
    const dir = scratch({
      "b24layout.config.json": JSON.stringify({ include: ["payloads/**/*.json"], overrides: [{ files: ["payloads/badges/*.json"], kind: "badge", rules: { "enum-value": "warn" } }] }),
      "payloads/layout.json": LAYOUT,
      "payloads/badges/one.json": `{ "code": "one", "title": "One", "value": "1", "type": "nope" }\n`,
      "package.json": `{ "name": "app" }\n`,
      "notes/other.json": `{ "not": "a payload" }\n`,
      "ok.b24layout": `badge fine failure {\n  title "T"\n  value "V"\n}\n`,
    });
    const r = await run(dir, ["check", ".", "--format", "unix"]);
    expect(lines(r.stdout)).toEqual([
      `payloads/badges/one.json:1:56: 'nope' is not a valid 'type' for a badge; expected warning, success, failure, primary or secondary. The server answers "Wrong value of field \`type\`" [Warning/enum-value]`,
      ...LAYOUT_FINDINGS.map((l) => `payloads/${l}`),
    ]);
    // Named on the command line, a JSON file is checked whether the config includes it or not.
    const named = await run(dir, ["check", "notes/other.json", "--format", "unix"]);
    expect(lines(named.stdout)).toEqual([expect.stringMatching(/^notes\/other\.json:1:1: This JSON is not a payload b24layout knows/)]);
    // Without an include, a folder of JSON files only is nothing to check.
    const bare = scratch({ "a.json": BADGE });
    const none = await run(bare, ["check", "."]);
    expect(none.code).toBe(2);
    expect(none.stderr).toBe(`error: no .b24layout files, nor JSON files that a config's "include" takes, in '.'\n`);
  });

  it("refuses a config whose override kind is no kind, at its place", async () => {
    const dir = scratch({ "b24layout.config.json": `{\n  "overrides": [{ "files": ["*.json"], "kind": "badges" }]\n}\n`, "b.json": BADGE });
    const r = await run(dir, ["check", "b.json"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`b24layout.config.json:2:48: "kind" is the kind of payload the JSON files are: one of "layout", "blocks", "badge", "activity", "card"`);
  });

  it("caches a JSON file's findings by its text and kind", async () => {
    const dir = scratch({ "icon.json": `{ "code": "missed", "title": "Call", "value": "Missed" }\n` });
    const first = await run(dir, ["check", "icon.json", "--kind", "badge", "--cache", "--format", "unix"]);
    expect(readFileSync(join(dir, ".b24layoutcache"), "utf8")).toContain("required-field");
    const again = await run(dir, ["check", "icon.json", "--kind", "badge", "--cache", "--format", "unix"]);
    expect(again).toEqual(first);
    const other = await run(dir, ["check", "icon.json", "--kind", "layout", "--cache", "--format", "unix"]);
    expect(lines(other.stdout)[0]).toContain("Layout 'layout' is missing required 'body'");
  });

  it("never crashes on hostile input: binary, not UTF-8, nested past the limit", async () => {
    const dir = scratch({
      "bin.json": new Uint8Array([0, 1, 0xff, 0x7b, 0x7d]),
      "latin.json": new Uint8Array([...Buffer.from('{"a": "'), 0xff, 0xfe, ...Buffer.from('"}')]),
      "deep.json": `${"[".repeat(100_000)}\n`,
    });
    const r = await run(dir, ["check", "bin.json", "latin.json", "deep.json", "--format", "unix"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe("");
    expect(lines(r.stdout)).toEqual([
      "bin.json:1:1: File appears to be binary. [Error/syntax-error]",
      "latin.json:1:8: Invalid UTF-8: byte 0xFF here is not part of a UTF-8 character. Save the file as UTF-8. [Error/syntax-error]",
      "deep.json:1:65: The JSON nests deeper than 64 levels here; b24layout reads at most 64 (a Bitrix24 payload has about 12). [Error/syntax-error]",
    ]);
  });
});

describe("a JSON file named to build or fmt", () => {
  it("is a usage error that says what to do with it, and nothing is written (it was read as .b24layout: only syntax errors)", async () => {
    const dir = scratch({ "call.json": LAYOUT });
    const hint = "`b24layout check call.json` checks it as a REST payload, and `b24layout import call.json` turns it into .b24layout.\n";
    expect(await run(dir, ["build", "call.json", "-o", "out"])).toEqual({ code: 2, stdout: "", stderr: `error: 'call.json' is a JSON file: build compiles .b24layout files. ${hint}` });
    expect(await run(dir, ["fmt", "call.json"])).toEqual({ code: 2, stdout: "", stderr: `error: 'call.json' is a JSON file: fmt formats .b24layout files (Prettier formats JSON). ${hint}` });
    expect((await run(dir, ["fmt", "--stdin-filepath", "call.json"])).code).toBe(2);
    expect(readFileSync(join(dir, "call.json"), "utf8")).toBe(LAYOUT);
    expect(existsSync(join(dir, "out"))).toBe(false);
  });
});
