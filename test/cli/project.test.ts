/**
 * `check` reports what `build` refuses, for every target, with the same diagnostics in the same
 * files: the project check (output-name across files, also with --cache), the values of a layout an
 * activity names, and the values of `--params`.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runBuiltCliSync, useBuiltCli } from "./bundle.js";
import { findingLines, scratch } from "./fixtures.js";
import { typeCheck } from "../support/typescript.js";

const built = useBuiltCli();

const run = (cwd: string, args: readonly string[]) => runBuiltCliSync(built.cli, cwd, args);

/** The findings of a stylish report as `file:line:col severity rule message` lines. */
const findings = findingLines;

/** A badge whose code is its name (two badges of one code are duplicate-declaration's). */
const badge = (name: string) => `badge ${name} {\n  code "${name}"\n  title "T"\n  value "V"\n  type success\n}\n`;
const blocks = (name: string) => `blocks ${name} {\n  text "x"\n}\n`;

describe("check reports what build refuses, in the same words", () => {
  it.each<[string, Record<string, string>, string[], string[]]>([
    [
      "two files with the same name in different folders (one TypeScript module)",
      { "calls/badges.b24layout": badge("missedCall"), "chats/badges.b24layout": badge("missedChat") },
      ["--target", "ts"],
      [
        "calls/badges.b24layout:1:7 error output-name This file and chats/badges.b24layout have the same name: build --target ts would write both to 'badges.ts' (--target js to 'badges.js'). Rename one of the files.",
        "chats/badges.b24layout:1:7 error output-name This file and calls/badges.b24layout have the same name: build --target ts would write both to 'badges.ts' (--target js to 'badges.js'). Rename one of the files.",
      ],
    ],
    [
      "a file named like the types module",
      { "b24layout-types.b24layout": blocks("b") },
      ["--target", "js"],
      ["b24layout-types.b24layout:1:8 error output-name build --target ts writes this file to 'b24layout-types.ts', which is the name of the types module it writes beside the modules. Rename the file."],
    ],
    [
      "a file TypeScript would read as declarations",
      { "call.d.b24layout": blocks("b") },
      ["--target", "ts"],
      ["call.d.b24layout:1:8 error output-name build --target ts writes this file to 'call.d.ts', which TypeScript reads as a declaration file, without code. Rename the file, for example to 'call-d.b24layout'."],
    ],
    [
      "a layout with a required parameter named by an activity without values",
      {
        "a.b24layout":
          'layout card(dealId: int) {\n  icon info\n  header "T" -> redirect "/crm/deal/details/${dealId}/"\n  body { logo document; text "x" }\n}\nactivity a {\n  ownerTypeId deal; ownerId 1\n  layout card\n}\n',
      },
      ["--target", "js"],
      ["a.b24layout:8:10 error template-arguments 'a' uses layout 'card' without values for 'dealId': give them where it is used, as in 'layout card { dealId: … }'."],
    ],
  ])("%s", (_name, files, target, expected) => {
    const dir = scratch(files);
    const paths = Object.keys(files);
    const checked = run(dir, ["check", ...paths]);
    expect(checked.code).toBe(1);
    expect(findings(checked.stdout)).toEqual(expected);
    for (const args of [target, []]) {
      const r = run(dir, ["build", ...paths, ...args, "-o", "out"]);
      expect(r.code).toBe(1);
      expect(findings(r.stderr)).toEqual(expected);
      expect(r.stderr).toContain("Nothing was written.\n");
      expect(existsSync(join(dir, "out"))).toBe(false);
    }
  });

  it("builds every target once the names are told apart", () => {
    const dir = scratch({ "calls/call-badges.b24layout": badge("missedCall"), "chats/chat-badges.b24layout": badge("missedChat") });
    expect(run(dir, ["check", "."])).toMatchObject({ code: 0 });
    for (const target of ["json", "ts", "js"]) expect(run(dir, ["build", ".", "--target", target, "-o", `out-${target}`]).code).toBe(0);
  });
});

describe("a layout imported from another file", () => {
  const LAYOUTS = 'layout card(dealId: int) {\n  icon info\n  header "Deal" -> redirect "/crm/deal/details/${dealId}/"\n  body { logo document; text "x" }\n}\n';
  const ACTIVITIES = 'import { card } from "./shared/layouts.b24layout"\n\nactivity reminder(deal: int) {\n  ownerTypeId deal; ownerId $deal\n  layout card { dealId: $deal }\n}\n';

  it("wants its file among the files checked and built (unlisted-import), and builds every target with it", () => {
    const dir = scratch({ "activities.b24layout": ACTIVITIES, "shared/layouts.b24layout": LAYOUTS });
    const expected = [
      "activities.b24layout:1:10 error unlisted-import 'card' is imported from './shared/layouts.b24layout', which is not among the files checked: build --target ts would write 'activities.ts' importing './layouts.js', which only a build of that file writes, and that file's findings would go unseen. Check and build './shared/layouts.b24layout' with this file.",
    ];
    expect(findings(run(dir, ["check", "activities.b24layout"]).stdout)).toEqual(expected);
    const alone = run(dir, ["build", "activities.b24layout", "--target", "ts", "-o", "gen"]);
    expect(alone.code).toBe(1);
    expect(findings(alone.stderr)).toEqual(expected);
    expect(run(dir, ["check", "."])).toMatchObject({ code: 0, stdout: "✔ 2 files checked, no problems\n" });
    expect(run(dir, ["build", ".", "--target", "ts", "-o", "gen"]).code).toBe(0);
    // The module it imports is written beside it (test/check/check-covers-build.test.ts type-checks such modules together).
    const read = (name: string) => readFileSync(join(dir, "gen", name), "utf8");
    expect(read("activities.ts")).toContain('import { card } from "./layouts.js";\n');
    expect(read("layouts.ts")).toContain("export function card(p: CardTemplateParams): LayoutDto {");
    writeFileSync(join(dir, "p.json"), '{ "reminder": { "deal": 5 }, "card": { "dealId": 1 } }');
    const json = JSON.parse(run(dir, ["build", ".", "--stdout", "--params", "p.json"]).stdout) as { reminder: { layout: { header: unknown } } };
    expect(json.reminder.layout.header).toEqual({ title: "Deal", titleAction: { type: "redirect", uri: "/crm/deal/details/5/" } });
  });

  it("reports the layout's errors at the import too, and again after the layout's file changes under --cache", () => {
    const dir = scratch({ "activities.b24layout": ACTIVITIES, "shared/layouts.b24layout": LAYOUTS });
    expect(run(dir, ["check", ".", "--cache"]).code).toBe(0);
    writeFileSync(join(dir, "shared/layouts.b24layout"), LAYOUTS.replace("icon info", "icon info\n  icon call"));
    expect(findings(run(dir, ["check", ".", "--cache"]).stdout).map((l) => l.split(" ").slice(0, 3).join(" "))).toEqual([
      "activities.b24layout:1:10 error unresolved-import",
      "shared/layouts.b24layout:3:3 error duplicate-key",
    ]);
  });
});

describe("keys every JavaScript object has", () => {
  it("build --target ts writes TypeScript that compiles under --strict", () => {
    const source =
      'layout keys {\n  icon info\n  header "T" {\n    constructor: tag primary "t"\n  }\n  body {\n    logo document\n    constructor: text "a" color base_70\n    toString: text "b"\n    hasOwnProperty: link "c" -> redirect "/c"\n  }\n}\n';
    const dir = scratch({ "keys.b24layout": source });
    expect(run(dir, ["check", "keys.b24layout"])).toMatchObject({ code: 0 });
    expect(run(dir, ["build", "keys.b24layout", "--target", "ts", "-o", "gen"]).code).toBe(0);
    const read = (name: string) => readFileSync(join(dir, "gen", name), "utf8");
    expect(typeCheck({ "keys.ts": read("keys.ts"), "b24layout-types.ts": read("b24layout-types.ts") })).toEqual([]);
  });
});

describe("a value the checker only warns about", () => {
  it("is sent as written by every target, and the TypeScript module still compiles", () => {
    const source = 'layout quirk {\n  icon info\n  header "T"\n  body { logo document; text "x" }\n  footer {\n    menu {\n      showPostponeItem "false"\n    }\n  }\n}\n';
    const dir = scratch({ "quirk.b24layout": source });
    const checked = run(dir, ["check", "quirk.b24layout"]);
    expect(checked.code).toBe(0);
    expect(findings(checked.stdout).map((l) => l.split(" ").slice(0, 3).join(" "))).toEqual(["quirk.b24layout:7:24 warning string-boolean"]);
    expect(JSON.parse(run(dir, ["build", "quirk.b24layout", "--stdout"]).stdout)).toMatchObject({ quirk: { footer: { menu: { showPostponeItem: "false" } } } });
    expect(run(dir, ["build", "quirk.b24layout", "--target", "ts", "-o", "gen"]).code).toBe(0);
    const read = (name: string) => readFileSync(join(dir, "gen", name), "utf8");
    expect(read("quirk.ts")).toContain('showPostponeItem: "false" as never,');
    expect(typeCheck({ "quirk.ts": read("quirk.ts"), "b24layout-types.ts": read("b24layout-types.ts") })).toEqual([]);
  });
});

describe('a field the docs allow and the server refuses, under "target": "docs"', () => {
  it("is sent as written by every target, and the TypeScript module still compiles", () => {
    const source = 'layout docs {\n  icon info\n  header "T" {\n    tag primary "a" scope web\n  }\n  body { logo document; text "x" }\n}\n';
    const dir = scratch({ "docs.b24layout": source, "b24layout.config.json": '{ "target": "docs" }\n' });
    expect(run(dir, ["check", "docs.b24layout"])).toMatchObject({ code: 0, stdout: "✔ 1 file checked, no problems\n" });
    expect(JSON.parse(run(dir, ["build", "docs.b24layout", "--stdout"]).stdout)).toMatchObject({ docs: { header: { tags: { tag_1: { scope: "web" } } } } });
    expect(run(dir, ["build", "docs.b24layout", "--target", "ts", "-o", "gen"]).code).toBe(0);
    const read = (name: string) => readFileSync(join(dir, "gen", name), "utf8");
    expect(read("docs.ts")).toContain('...{ scope: "web" },');
    expect(typeCheck({ "docs.ts": read("docs.ts"), "b24layout-types.ts": read("b24layout-types.ts") })).toEqual([]);
  });
});

describe("the project check with --cache", () => {
  it("reports the project's findings in a file whose own findings are cached, and drops them when the other file changes", () => {
    const dir = scratch({ "a.b24layout": badge("same"), "b.b24layout": badge("same") });
    const first = run(dir, ["check", ".", "--cache"]);
    expect(findings(first.stdout)).toEqual([
      "a.b24layout:1:7 error output-name 'same' is also the badge declared in b.b24layout: both would be written to 'same.badge.json'. Give each declaration its own name.",
      "b.b24layout:1:7 error output-name 'same' is also the badge declared in a.b24layout: both would be written to 'same.badge.json'. Give each declaration its own name.",
    ]);
    // The other declaration is a related location, shown under the finding with its file and position.
    expect(first.stdout).toContain("the badge 'same' at b.b24layout:1:7\n");
    expect(existsSync(join(dir, ".b24layoutcache"))).toBe(true);
    // Both files come from the cache now: the findings are made again from their summaries.
    expect(run(dir, ["check", ".", "--cache"]).stdout).toBe(first.stdout);
    writeFileSync(join(dir, "b.b24layout"), badge("other"));
    expect(run(dir, ["check", ".", "--cache"])).toMatchObject({ code: 0, stdout: "✔ 2 files checked, no problems\n" });
    writeFileSync(join(dir, "b.b24layout"), `\n\n${badge("same")}`);
    expect(findings(run(dir, ["check", ".", "--cache"]).stdout)).toEqual([
      "a.b24layout:1:7 error output-name 'same' is also the badge declared in b.b24layout: both would be written to 'same.badge.json'. Give each declaration its own name.",
      "b.b24layout:3:7 error output-name 'same' is also the badge declared in a.b24layout: both would be written to 'same.badge.json'. Give each declaration its own name.",
    ]);
  });

  it("knows the badges of every file, also when the file with the badgeCode comes from the cache", () => {
    const missed = 'badge missedCall failure {\n  title "T"\n  value "V"\n}\n';
    const dir = scratch({ "activities.b24layout": "activity a {\n  id 42\n  badgeCode missedCall\n}\n", "badges.b24layout": missed });
    expect(run(dir, ["check", ".", "--cache"])).toMatchObject({ code: 0, stdout: "✔ 2 files checked, no problems\n" });
    writeFileSync(join(dir, "badges.b24layout"), missed.replace("missedCall", "missedCal"));
    expect(findings(run(dir, ["check", ".", "--cache"]).stdout)).toEqual([
      "activities.b24layout:3:13 warning unknown-badge-code Badge 'missedCall' is declared in none of the files checked; it must exist on the portal (crm.activity.badge.add) or the server answers WRONG_FIELD_VALUE. Did you mean 'missedCal'?",
    ]);
    // Alone, the activity's file does not know the badge.
    writeFileSync(join(dir, "badges.b24layout"), missed);
    expect(findings(run(dir, ["check", "activities.b24layout", "--cache"]).stdout)).toHaveLength(1);
    expect(run(dir, ["check", ".", "--cache"]).code).toBe(0);
  });

  it("treats a cache entry without the summary the project check needs as a miss", () => {
    const dir = scratch({ "a.b24layout": badge("same"), "b.b24layout": badge("same") });
    run(dir, ["check", ".", "--cache"]);
    const cache = JSON.parse(readFileSync(join(dir, ".b24layoutcache"), "utf8")) as { entries: Record<string, { summary?: unknown }> };
    for (const entry of Object.values(cache.entries)) entry.summary = { declarations: [{ name: 1 }] };
    writeFileSync(join(dir, ".b24layoutcache"), JSON.stringify(cache));
    expect(findings(run(dir, ["check", ".", "--cache"]).stdout)).toHaveLength(2);
  });
});

describe("the project check with --fix", () => {
  it("reports the project's findings in the files it fixed, from their fixed text", () => {
    const dir = scratch({ "a.b24layout": 'blocks same {\n  text "x" {\n    bold "true"\n  }\n}\n', "b.b24layout": blocks("same") });
    const r = run(dir, ["check", ".", "--fix"]);
    expect(readFileSync(join(dir, "a.b24layout"), "utf8")).toContain("bold true\n");
    expect(findings(r.stdout)).toEqual([
      "a.b24layout:1:8 error output-name 'same' is also the blocks declared in b.b24layout: both would be written to 'same.blocks.json'. Give each declaration its own name.",
      "b.b24layout:1:8 error output-name 'same' is also the blocks declared in a.b24layout: both would be written to 'same.blocks.json'. Give each declaration its own name.",
    ]);
  });
});

describe("suppressions of the project's findings", () => {
  it("--fix keeps a suppression of every rule that suppresses only a project finding, and removes one that suppresses nothing", () => {
    const needed = `// b24layout-disable-next-line -- the other is retired\n${badge("same")}`;
    const dir = scratch({ "a.b24layout": needed, "b.b24layout": badge("same"), "c.b24layout": `// b24layout-disable-next-line\n${badge("alone")}` });
    const r = run(dir, ["check", ".", "--fix"]);
    expect(readFileSync(join(dir, "a.b24layout"), "utf8")).toBe(needed);
    expect(readFileSync(join(dir, "c.b24layout"), "utf8")).toBe(badge("alone"));
    expect(findings(r.stdout)).toEqual([
      "b.b24layout:1:7 error output-name 'same' is also the badge declared in a.b24layout: both would be written to 'same.badge.json'. Give each declaration its own name.",
    ]);
  });

  it("honours a suppression naming output-name, and reports one that suppresses nothing", () => {
    const dir = scratch({
      "a.b24layout": `// b24layout-disable-next-line output-name -- the other is retired\n${badge("same")}`,
      "b.b24layout": badge("same"),
      "c.b24layout": `// b24layout-disable-next-line output-name\n${badge("alone")}`,
    });
    expect(findings(run(dir, ["check", "."]).stdout)).toEqual([
      "b.b24layout:1:7 error output-name 'same' is also the badge declared in a.b24layout: both would be written to 'same.badge.json'. Give each declaration its own name.",
      "c.b24layout:1:1 warning unused-suppression 'output-name' reports nothing here: remove it from the suppression.",
    ]);
  });
});

describe("check --params", () => {
  const GREETING = 'blocks greeting(client: string) {\n  text "Hello, ${client}"\n}\n';
  const NOTE =
    "note: g.b24layout:1:8 'greeting' is a template: without values for 'client' it is not a payload, so no JSON was written for it. Its references give it values; to write it on its own, give them with --params FILE ({ \"greeting\": { … } }), or build it with --target ts for a typed function.\n";

  it.each<[string, string | undefined, string[]]>([
    ["no values for the template: build leaves it out", "{}", []],
    ["a value of the wrong type", '{ "greeting": { "client": 1 } }', ["g.b24layout:1:8 error template-arguments The values given for 'greeting' do not fit its parameters: 'client' must be string, not 1."]],
    ["the values it needs", '{ "greeting": { "client": "Ann" } }', []],
    [
      "a key that names no declaration, at the key, with a did-you-mean",
      '{\n  "greeting": { "client": "Ann" },\n  "greting": { "client": "Bob" },\n  "other": {}\n}\n',
      [
        "p.json:3:3 error template-arguments The --params file gives values for 'greting', which none of the files checked declares: they would go unused. Did you mean 'greeting'?",
        "p.json:4:3 error template-arguments The --params file gives values for 'other', which none of the files checked declares: they would go unused.",
      ],
    ],
    [
      "values for a declaration without parameters",
      '{ "greeting": { "client": "Ann" }, "plain": { "x": 1 } }',
      ["g.b24layout:4:8 error template-arguments The values given for 'plain' do not fit its parameters: 'plain' has no parameter 'x'."],
    ],
  ])("reports exactly what build --params reports: %s", (_name, params, expected) => {
    const dir = scratch({ "g.b24layout": `${GREETING}blocks plain {\n  text "x"\n}\n`, "p.json": params ?? "" });
    const checked = run(dir, ["check", "g.b24layout", "--params", "p.json"]);
    expect(findings(checked.stdout)).toEqual(expected);
    expect(checked.code).toBe(expected.length > 0 ? 1 : 0);
    const builtJson = run(dir, ["build", "g.b24layout", "--params", "p.json", "--stdout"]);
    expect(findings(builtJson.stderr)).toEqual(expected);
    expect(builtJson.code).toBe(expected.length > 0 ? 1 : 0);
  });

  it("shows the key in the params file, and --fix leaves that file alone", () => {
    const dir = scratch({ "g.b24layout": GREETING, "p.json": '{ "greting": { "client": "Bob" } }\n' });
    const checked = run(dir, ["check", "g.b24layout", "--params", "p.json", "--fix", "--format", "codeframe"]);
    expect(checked.stdout).toContain("> 1 | { \"greting\": { \"client\": \"Bob\" } }\n    |   ^^^^^^^^^\n");
    expect(readFileSync(join(dir, "p.json"), "utf8")).toBe('{ "greting": { "client": "Bob" } }\n');
    const json = JSON.parse(run(dir, ["check", "g.b24layout", "--params", "p.json", "--format", "json"]).stdout) as { files: { path: string; diagnostics: unknown[] }[] };
    expect(json.files.map((f) => [f.path, f.diagnostics.length])).toEqual([["g.b24layout", 0], ["p.json", 1]]);
  });

  it("passes a template without values, which every build takes: JSON leaves it out with a note and writes the rest", () => {
    const dir = scratch({ "g.b24layout": `${GREETING}blocks plain {\n  text "x"\n}\n` });
    expect(run(dir, ["check", "g.b24layout"])).toMatchObject({ code: 0 });
    const built = run(dir, ["build", "g.b24layout", "-o", "out"]);
    expect(built).toMatchObject({ code: 0, stderr: `${NOTE}✔ built 1 file in out\n` });
    expect(readdirSync(join(dir, "out"))).toEqual([".b24layout-manifest.json", "plain.blocks.json"]);
    const printed = run(dir, ["build", "g.b24layout", "--stdout"]);
    expect(printed).toMatchObject({ code: 0, stderr: NOTE });
    expect(Object.keys(JSON.parse(printed.stdout) as object)).toEqual(["plain"]);
  });

  it("refuses a params file that is not an object, as build does", () => {
    const dir = scratch({ "g.b24layout": GREETING, "p.json": "[1]" });
    const expected = 'error: p.json: expected an object of parameter values by declaration name, e.g. { "incomingCall": { "dealId": 42 } }\n';
    expect(run(dir, ["check", "g.b24layout", "--params", "p.json"])).toMatchObject({ code: 2, stderr: expected });
    expect(run(dir, ["build", "g.b24layout", "--params", "p.json"])).toMatchObject({ code: 2, stderr: expected });
  });
});
