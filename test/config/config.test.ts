/** b24layout.config.json: reading it with positioned errors, what it means for each file, and its JSON Schema. */
import { readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { Ajv } from "ajv";
import { describe, expect, it } from "vitest";
import { CONFIG_SCHEMA_FILE, ConfigError, checkOptionsFor, configSchema, isIgnored, parseConfig } from "../../src/config/config.js";
import { check } from "../../src/index.js";
import { main, type CliIo } from "../../src/cli/main.js";
import { runMain, scratch, WITH_ERROR, WITH_WARNING, findingLines } from "../cli/fixtures.js";

const ROOT = resolve(import.meta.dirname, "../..");

function problems(text: string): string[] {
  try {
    parseConfig(text, "c.json", "/p");
    return [];
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    return error.problems.map((p) => `${p.line}:${p.column} ${p.message}`);
  }
}

describe("parseConfig", () => {
  it.each<[string, string, string[]]>([
    ["a valid config", '{ "rules": { "unknown-code": "off", "collection-limit": ["warn", {}] }, "languages": ["en", "de"], "portal": { "icons": ["x"] } }', []],
    ["an unknown key, with a suggestion", '{\n  "rule": {}\n}', ["2:3 unknown key 'rule'. Did you mean 'rules'? (the keys are $schema, rules, overrides, ignore, include, languages, portal, target)"]],
    ["an unknown rule", '{ "rules": { "unknwn-code": "off" } }', ["1:14 unknown rule 'unknwn-code'. Did you mean 'unknown-code'?"]],
    ["a bad severity", '{ "rules": { "unknown-code": "loud" } }', ['1:30 the setting of \'unknown-code\' must be "off", "warn" or "error", or ["warn", { options }]']],
    ["options that are not an object", '{ "rules": { "unknown-code": ["warn", 3] } }', ['1:30 the setting of \'unknown-code\' must be "off", "warn" or "error", or ["warn", { options }]']],
    ["a language Bitrix24 does not have", '{ "languages": ["en", "xx"] }', ["1:23 'xx' is not a Bitrix24 language id"]],
    ["an override without files", '{ "overrides": [{ "rules": {} }] }', ['1:17 an override needs "files": a list of globs']],
    ["invalid JSON", '{ "rules": ', ["1:12 not valid JSON: value expected"]],
    ["not an object", "[]", ["1:1 expected an object"]],
    [
      "a glob longer than picomatch reads",
      `{ "ignore": ["${"a".repeat(70_000)}"] }`,
      ["1:14 \"ignore\": the glob 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa…' is 70,000 characters long; globs are at most 65,536"],
    ],
    ["an empty glob", '{ "overrides": [{ "files": [""], "rules": {} }] }', ['1:29 "files": a glob cannot be empty']],
    ["JSON nested 100,000 deep", `{ "rules": { "unknown-code": ["warn", ${"[".repeat(100_000)}${"]".repeat(100_000)}] } }`, ["1:100 nested more than 64 levels deep: no setting nests like that"]],
    ["an option the rule does not take", '{ "rules": { "unknown-code": ["warn", { "icon": [] }] } }', ["1:41 unknown option 'icon'. Did you mean 'icons'? (the options of 'unknown-code' are icons, logos)"]],
    ["options for a rule that takes none", '{ "rules": { "key-pattern": ["warn", { "x": 1 }] } }', ["1:40 unknown option 'x' ('key-pattern' takes no options)"]],
    [
      "wrong types everywhere",
      '{ "rules": [], "overrides": {}, "ignore": "x", "languages": [1], "portal": { "icons": "i", "logos": [null] }, "target": 3 }',
      [
        '1:12 "rules" must be an object of rule settings by rule id',
        '1:29 "overrides" must be a list of { "files": [globs], "rules": { … } }',
        '1:43 "ignore" must be a list of strings',
        '1:62 "languages" must be a list of strings',
        '1:87 "portal.icons" must be a list of strings',
        '1:102 "portal.logos" must be a list of strings',
        '1:121 "target" must be "server" or "docs"',
      ],
    ],
  ])("%s", (_name, text, expected) => {
    expect(problems(text)).toEqual(expected);
  });
});

describe("what a config means for a file", () => {
  const config = parseConfig(
    '{ "rules": { "unknown-code": "error" }, "overrides": [{ "files": ["legacy/**"], "rules": { "unknown-code": "off" } }], "ignore": ["gen/**"], "portal": { "icons": ["my-icon"], "badges": ["b1"] }, "languages": ["en", "de"] }',
    "c.json",
    "/p",
  );

  it("gives severities, later overrides winning, and passes the portal codes and languages to their rules", () => {
    expect(checkOptionsFor(config, "src/a.b24layout").severities).toEqual({ "unknown-code": "error" });
    expect(checkOptionsFor(config, "legacy/x/a.b24layout").severities).toEqual({ "unknown-code": "off" });
    expect(checkOptionsFor(config, "a.b24layout").ruleOptions).toMatchObject({
      "unknown-code": { icons: ["my-icon"], logos: [] },
      "unknown-badge-code": { externalBadges: ["b1"] },
      "missing-translation": { languages: ["en", "de"] },
    });
  });

  it("ignores by glob", () => {
    expect(isIgnored(config, "gen/x.b24layout")).toBe(true);
    expect(isIgnored(config, "src/x.b24layout")).toBe(false);
  });

  it("a portal icon is not an unknown code, and a missing project language is reported", () => {
    const text = 'translations {\n  en { t "T" }\n}\nlayout l {\n  icon my-icon\n  header @t\n  body {\n    logo document\n    text "x"\n  }\n}\n';
    expect(check(text, checkOptionsFor(config, "a.b24layout")).diagnostics.map((d) => `${d.ruleId} ${d.message}`)).toEqual([
      "missing-translation The translations table has no texts in 'de', one of the project's languages (b24layout.config.json).",
    ]);
  });
});

describe("the config's JSON Schema", () => {
  it("is shipped, up to date (npm run docs)", () => {
    expect(readFileSync(join(ROOT, CONFIG_SCHEMA_FILE), "utf8")).toBe(`${JSON.stringify(configSchema(), null, 2)}\n`);
  });

  it.each([
    ['{ "rules": { "unknown-code": ["warn", {}] }, "ignore": ["gen/**"] }', true],
    ['{ "rules": { "unknwn-code": "off" } }', false],
    ['{ "extra": 1 }', false],
  ])("agrees with the reader on %s", (text, valid) => {
    const validate = new Ajv({ strict: false }).compile(configSchema());
    expect(validate(JSON.parse(text))).toBe(valid);
    expect(problems(text).length === 0).toBe(valid);
  });
});

describe("the CLI and the config", () => {
  const run = runMain;

  it("uses the nearest config above each file, and its ignores for folders", async () => {
    const dir = scratch({
      "b24layout.config.json": '{ "rules": { "unknown-code": "off" }, "ignore": ["gen/**"] }',
      "src/w.b24layout": WITH_WARNING,
      "gen/bad.b24layout": WITH_ERROR,
      "strict/b24layout.config.json": '{ "rules": { "unknown-code": "error" } }',
      // Another name and file name: one project may not write two outputs of one name (output-name).
      "strict/strict-w.b24layout": WITH_WARNING.replace("layout custom", "layout strictCustom"),
    });
    const r = await run(dir, ["check", "."]);
    expect(r.code).toBe(1);
    expect(findingLines(r.stdout)).toEqual([expect.stringMatching(/^strict\/strict-w\.b24layout:2:8 error unknown-code /)]);
    expect(r.stdout).not.toContain("src/w.b24layout");
    expect(r.stdout).not.toContain("gen/bad.b24layout");
    // A file named as it is, is checked even when ignored.
    expect((await run(dir, ["check", "gen/bad.b24layout"])).code).toBe(1);
  });

  it("--config gives one config for every file", async () => {
    const dir = scratch({ "quiet.json": '{ "rules": { "unknown-code": "off" } }', "w.b24layout": WITH_WARNING });
    expect(await run(dir, ["check", "w.b24layout", "--config", "quiet.json"])).toMatchObject({ code: 0, stdout: "✔ 1 file checked, no problems\n" });
  });

  it("reports every mistake of a config at its place, exit 2", async () => {
    const dir = scratch({ "b24layout.config.json": '{\n  "rules": { "unknwn-code": "off" },\n  "portal": { "icon": [] }\n}\n', "w.b24layout": WITH_WARNING });
    expect(await run(dir, ["check", "w.b24layout"])).toMatchObject({
      code: 2,
      stderr:
        "error: b24layout.config.json:2:14: unknown rule 'unknwn-code'. Did you mean 'unknown-code'?\nerror: b24layout.config.json:3:15: unknown key 'icon' in \"portal\" (the keys are icons, logos, badges)\n",
    });
  });
});

describe("check --cache", () => {
  async function run(cwd: string, args: readonly string[]) {
    let stdout = "";
    const io: CliIo = { stdout: { write: (s) => (stdout += s) }, stderr: { write: () => {} }, env: {}, cwd };
    return { code: await main(args, io), stdout };
  }
  /** Replaces the cached findings of every file with one made-up warning: seen only when the cache is used. */
  function tamper(dir: string): void {
    const path = join(dir, ".b24layoutcache");
    const data = JSON.parse(readFileSync(path, "utf8")) as { entries: Record<string, { diagnostics: unknown[] }> };
    for (const e of Object.values(data.entries)) e.diagnostics = [{ ruleId: "unknown-code", severity: "warning", message: "FROM THE CACHE", range: { start: { offset: 0, line: 1, column: 1 }, end: { offset: 1, line: 1, column: 2 } } }];
    writeFileSync(path, JSON.stringify(data));
  }

  it("reuses the findings of unchanged files, and checks a file again when it, a file it imports or its config changes", async () => {
    const dir = scratch({
      "shared.b24layout": 'fragment f {\n  text "x"\n}\n',
      "a.b24layout": 'import { f } from "./shared.b24layout"\nblocks a {\n  use f\n}\n',
    });
    expect((await run(dir, ["check", "a.b24layout", "--cache"])).stdout).toBe("✔ 1 file checked, no problems\n");
    tamper(dir);
    expect((await run(dir, ["check", "a.b24layout", "--cache"])).stdout).toContain("FROM THE CACHE");
    writeFileSync(join(dir, "shared.b24layout"), 'fragment f {\n  text "y"\n}\n');
    expect((await run(dir, ["check", "a.b24layout", "--cache"])).stdout).toBe("✔ 1 file checked, no problems\n");
    tamper(dir);
    writeFileSync(join(dir, "b24layout.config.json"), '{ "rules": { "unknown-code": "off" } }');
    expect((await run(dir, ["check", "a.b24layout", "--cache"])).stdout).toBe("✔ 1 file checked, no problems\n");
  });

  it("works without a usable cache file, and --cache-location puts it elsewhere", async () => {
    const dir = scratch({ "w.b24layout": WITH_WARNING, ".b24layoutcache": "not json" });
    expect((await run(dir, ["check", "w.b24layout", "--cache"])).stdout).toContain("1 warning");
    expect((await run(dir, ["check", "w.b24layout", "--cache-location", "tmp/cache.json"])).stdout).toContain("1 warning");
    expect(JSON.parse(readFileSync(join(dir, "tmp/cache.json"), "utf8"))).toMatchObject({ entries: {} });
  });
});

describe('"target"', () => {
  // A tag `scope`: the docs list it, the server rejects it. A footer `showNote`: the server takes it, the docs do not describe it.
  const text = 'layout l {\n  icon info\n  header "T" {\n    tag warning "New" scope web\n  }\n  body {\n    logo document\n    text "x"\n  }\n  footer {\n    showNote false\n  }\n}\n';
  const found = (target: string) =>
    check(text, checkOptionsFor(parseConfig(`{ "target": "${target}" }`, "c.json", "/p"), "a.b24layout")).diagnostics.map((d) => `${d.severity} ${d.ruleId} ${d.range.start.line}`);

  it('"server" (the default) reports what the server rejects as an error and what only the docs leave out as a warning', () => {
    expect(found("server")).toEqual(["error field-support 4", "warning field-support 11"]);
  });

  it('"docs" follows the docs: no report of what they allow, and an error for what they do not describe', () => {
    expect(found("docs")).toEqual(["error field-support 11"]);
  });

  it("refuses another value", () => {
    expect(problems('{ "target": "both" }')).toEqual(['1:13 "target" must be "server" or "docs"']);
  });
});
