/**
 * The ESLint plugin (src/eslint) through ESLint's own API (the ESLint class, flat config objects,
 * files on disk): the rules and their metadata, the findings against `check`'s, positions, rule
 * options, language options, inline config and disable comments, b24layout's own suppressions,
 * imports, parsing errors and both configs. cli.test.ts runs the built plugin through ESLint's
 * command line.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { ESLint, type Linter } from "eslint";
import { describe, expect, it } from "vitest";
import plugin, { CODE_FILES, configFromFile, LAYOUT_FILES, type B24LayoutSourceCode } from "../../src/eslint/index.js";
import type { Document, Statement } from "../../src/syntax/ast.js";
import { LANGUAGE_RULES, RULES_LEFT_OUT } from "../../src/eslint/rules.js";
import { CODE_RULES } from "../../src/eslint/code-rules.js";
import { ALL_RULES, check } from "../../src/index.js";
import { messageSpec, severityFor } from "../../src/check/rule.js";
import { sourceHost } from "../../src/workspace/index.js";
import type { Diagnostic } from "../../src/diagnostic.js";
import { runMain, scratch, WITH_ERROR } from "../cli/fixtures.js";
import { inLayoutBody } from "../helpers.js";

type Config = Linter.Config;

/** Lints `files` (written into a fresh project) with `config` after the plugin's recommended config; the results by file name. */
async function lint(files: Record<string, string>, config: readonly Config[] = [], base: readonly Config[] = plugin.configs.recommended, fix = false) {
  const cwd = scratch(files);
  const eslint = new ESLint({ cwd, overrideConfigFile: true, overrideConfig: [...base, ...config], fix });
  const results = await eslint.lintFiles(Object.keys(files).filter((f) => f.endsWith(".b24layout")));
  if (fix) await ESLint.outputFixes(results);
  return { cwd, results: Object.fromEntries(results.map((r) => [r.filePath.slice(cwd.length + 1), r])) };
}

/** A message as `severity rule line:column-endLine:endColumn message`. */
const shown = (m: Linter.LintMessage) => `${m.severity === 2 ? "error" : "warn"} ${m.ruleId} ${m.line}:${m.column}-${m.endLine}:${m.endColumn} ${m.message}`;

async function messagesOf(text: string, config: readonly Config[] = [], base?: readonly Config[]) {
  const { results } = await lint({ "x.b24layout": text }, config, base);
  return results["x.b24layout"]!.messages;
}

const ENUM_ERROR = "'red' is not a valid 'color' for a text block; expected base_50, base_60, base_70 or base_90. The server answers \"The value of color in TextDto is incorrect.\"";

describe("the rules", () => {
  it("are every checker rule but syntax-error and the project rules, as b24layout/<id>", () => {
    const expected = ALL_RULES.map((r) => r.meta.id).filter((id) => id !== "syntax-error" && ALL_RULES.find((r) => r.meta.id === id)!.meta.phase !== "project");
    expect(Object.keys(LANGUAGE_RULES)).toEqual(expected);
    expect(Object.keys(RULES_LEFT_OUT).sort()).toEqual(["output-name", "syntax-error", "unknown-badge-code", "unlisted-import"]);
    for (const id of expected) expect(plugin.rules[id as keyof typeof plugin.rules]).toBe(LANGUAGE_RULES[id]);
  });

  it.each(ALL_RULES.filter((r) => r.meta.id in LANGUAGE_RULES).map((r) => [r.meta.id, r.meta] as const))("%s has the checker rule's metadata", (id, meta) => {
    const eslintMeta = LANGUAGE_RULES[id]!.meta!;
    expect(eslintMeta.docs!.description).toBe(meta.description);
    // The rule's page in the package, as the language server links it.
    const url = eslintMeta.docs!.url!;
    expect(url).toMatch(new RegExp(`^file://.*/docs/rules/${id}\\.md$`));
    expect(existsSync(fileURLToPath(url))).toBe(true);
    expect(eslintMeta.fixable).toBe(meta.fixable ? "code" : undefined);
    expect(eslintMeta.hasSuggestions).toBe(meta.hasSuggestions ? true : undefined);
    const anyError = Object.keys(meta.messages).some((m) => severityFor(messageSpec(meta, m), "server") === "error");
    expect(eslintMeta.type).toBe(anyError ? "problem" : "suggestion");
    expect(Object.keys(eslintMeta.messages!)).toEqual(Object.keys(meta.messages));
    for (const [m, text] of Object.entries(eslintMeta.messages!)) expect(text).toBe(`${messageSpec(meta, m).text.replace(/\{(\w+)\}/g, "{{$1}}")}{{related}}`);
    expect(eslintMeta.schema).toEqual(meta.options ? [{ type: "object", properties: Object.fromEntries(Object.entries(meta.options).map(([k, d]) => [k, { type: "array", items: { type: "string" }, description: d }])), additionalProperties: false }] : []);
    expect(plugin.configs.recommended[0]!.rules![`b24layout/${id}`]).toBe(anyError ? "error" : "warn");
    expect(plugin.configs.strict[0]!.rules![`b24layout/${id}`]).toBe("error");
  });

  it("names the plugin and its language", () => {
    expect(plugin.meta).toMatchObject({ name: "b24layout", namespace: "b24layout" });
    expect(plugin.configs.recommended[0]).toMatchObject({ files: LAYOUT_FILES, language: "b24layout/b24layout", name: "b24layout/recommended" });
    expect(plugin.configs.strict[0]).toMatchObject({ files: LAYOUT_FILES, language: "b24layout/b24layout", name: "b24layout/strict" });
  });

  it("puts the code rules in the configs for JavaScript and TypeScript files, by their docs' recommended flag", () => {
    for (const name of ["recommended", "strict"] as const) {
      const code = plugin.configs[name].find((c) => c.files === CODE_FILES);
      const expected = Object.entries(CODE_RULES)
        .filter(([, r]) => name === "strict" || r.meta?.docs?.recommended === true)
        .map(([id]) => [`b24layout/${id}`, "error"]);
      if (expected.length === 0) expect(code).toBeUndefined();
      else expect(Object.entries(code!.rules!)).toEqual(expected);
    }
  });
});

describe("findings", () => {
  // Every documented example (but those of several files, and the syntax errors, a parsing error
  // here): what ESLint reports is what check reports, at the same places, named by message id.
  const examples = ALL_RULES.filter((r) => r.meta.id in LANGUAGE_RULES).flatMap((r) =>
    [...(r.meta.examples?.incorrect ?? []), ...(r.meta.examples?.correct ?? [])].filter((e) => !e.files && !e.others).map((e, i) => [`${r.meta.id} #${i + 1}`, e.code] as const),
  );
  it.each(examples.filter(([, code]) => !check(code).diagnostics.some((d) => d.ruleId === "syntax-error")))("%s: as check reports it", async (_name, code) => {
    const { cwd, results } = await lint({ "x.b24layout": code });
    const messages = results["x.b24layout"]!.messages;
    const file = join(cwd, "x.b24layout");
    // The places a finding speaks of end its message, ESLint having no field for them.
    const related = (d: Diagnostic) => (d.related?.length ? ` (${d.related.map((r) => `${r.message} at ${r.range.start.line}:${r.range.start.column}`).join("; ")})` : "");
    const byCheck = check(code, { file, host: sourceHost(file, cwd) }).diagnostics.map((d) => `${d.ruleId} ${d.range.start.line}:${d.range.start.column}-${d.range.end.line}:${d.range.end.column} ${d.messageId} ${d.message}${related(d)}`);
    // The same message id as the checker's finding: ESLint's output and RuleTester read it.
    expect(messages.map((m) => `${m.ruleId!.replace("b24layout/", "")} ${m.line}:${m.column}-${m.endLine}:${m.endColumn} ${m.messageId} ${m.message}`).sort()).toEqual(byCheck.sort());
    // Each with the checker's fix and suggestions.
    const changes = (fix: boolean, suggestions: readonly string[]) => `${fix ? "fix " : ""}${suggestions.join(", ")}`;
    expect(messages.map((m) => changes(m.fix !== undefined, (m.suggestions ?? []).map((s) => s.desc))).sort()).toEqual(
      check(code, { file, host: sourceHost(file, cwd) }).diagnostics.map((d) => changes(d.fix !== undefined, (d.suggestions ?? []).map((s) => s.description))).sort(),
    );
    for (const m of messages) expect(m.messageId, m.message).toBeDefined();
  });

  it("reports at the exact place, 1-based lines and columns, with the end", async () => {
    const messages = await messagesOf(WITH_ERROR);
    expect(messages.map(shown)).toEqual([`error b24layout/collection-limit 6:5-6:22 ${check(WITH_ERROR).diagnostics[0]!.message}`]);
    expect(messages[0]).toMatchObject({ messageId: "tooMany", line: 6, column: 5, endLine: 6, endColumn: 22 });
  });

  it("counts columns in UTF-16 units after a tab and an astral character, and lines after CRLF and CR", async () => {
    const text = 'layout l {\r\n\ticon info\r  header "😀😀"\n  body {\n    logo document\n\ttext "x" color red\n  }\n}\n';
    expect((await messagesOf(text)).map(shown)).toEqual([`error b24layout/enum-value 6:17-6:20 ${ENUM_ERROR}`]);
  });

  it("gives a fix to a fixable rule and suggestions where the checker has them", async () => {
    const [fixable] = await messagesOf(inLayoutBody('    text "x" bold "true"'));
    expect(fixable).toMatchObject({ ruleId: "b24layout/string-boolean", messageId: "castSame", fix: { text: "true" } });
    const [suggested] = await messagesOf(inLayoutBody('    text "a" colr base_50'));
    expect(suggested).toMatchObject({ ruleId: "b24layout/invalid-argument", line: 6, column: 14 });
    expect(suggested!.fix).toBeUndefined();
    expect(suggested!.suggestions).toEqual([{ desc: "Replace with 'color'", fix: { range: [expect.any(Number) as number, expect.any(Number) as number], text: "color" } }]);
  });

  it("applies fixes with --fix and leaves suggestions alone", async () => {
    const { cwd, results } = await lint({ "x.b24layout": inLayoutBody('    text "x" bold "true"\n    text "a" colr base_50') }, [], undefined, true);
    expect(results["x.b24layout"]!.messages.map((m) => m.ruleId)).toEqual(["b24layout/invalid-argument"]);
    expect(readFileSync(`${cwd}/x.b24layout`, "utf8")).toBe(inLayoutBody('    text "x" bold true\n    text "a" colr base_50'));
  });
});

describe("ESLint's comments", () => {
  const colours = (lines: string) => inLayoutBody(lines);

  it("disable the next line, a block up to eslint-enable, and the line they end, for the rules they name", async () => {
    const text = colours(
      [
        "    // eslint-disable-next-line b24layout/enum-value -- a colour the portal's theme maps",
        '    a: text "a" color red',
        "    /* eslint-disable b24layout/enum-value */",
        '    b: text "b" color red',
        "    /* eslint-enable b24layout/enum-value */",
        '    c: text "c" color red',
        '    d: text "d" color red // eslint-disable-line b24layout/enum-value',
        "    // eslint-disable-next-line b24layout/value-type",
        '    e: text "e" color red',
      ].join("\n"),
    );
    const { results } = await lint({ "x.b24layout": text });
    const { messages, suppressedMessages } = results["x.b24layout"]!;
    expect(messages.map(shown)).toEqual([
      `error b24layout/enum-value 11:23-11:26 ${ENUM_ERROR}`,
      // ESLint's default for a directive that suppresses nothing, as in JavaScript.
      "warn null 13:5-undefined:undefined Unused eslint-disable directive (no problems were reported from 'b24layout/value-type').",
      `error b24layout/enum-value 14:23-14:26 ${ENUM_ERROR}`,
    ]);
    expect(suppressedMessages.map((m) => [m.line, m.suppressions])).toEqual([
      [7, [{ kind: "directive", justification: "a colour the portal's theme maps" }]],
      [9, [{ kind: "directive", justification: "" }]],
      [12, [{ kind: "directive", justification: "" }]],
    ]);
  });

  it("of one line (-line) that span lines are a problem, and disable nothing", async () => {
    const text = WITH_ERROR.replace('    tag secondary "c"', '    tag secondary "c" /* eslint-disable-line b24layout/collection-limit\n    */');
    expect((await messagesOf(text)).map((m) => `${m.ruleId} ${m.line}:${m.column} ${m.message}`)).toEqual([
      "b24layout/collection-limit 6:5 The header's 'tags' can hold at most 2 items; found 3. The server answers \"The field tags of HeaderDto can only contain up to 2 values.\"",
      "null 6:23 eslint-disable-line comment should not span multiple lines.",
    ]);
  });

  it("that suppress nothing are reported with linterOptions.reportUnusedDisableDirectives, with a fix that removes them", async () => {
    const text = colours('    // eslint-disable-next-line b24layout/value-type\n    e: text "e" color red');
    const messages = await messagesOf(text, [{ linterOptions: { reportUnusedDisableDirectives: "error" } }]);
    expect(messages.map((m) => `${m.severity} ${m.ruleId} ${m.line}:${m.column} ${m.message}`)).toEqual([
      "2 null 6:5 Unused eslint-disable directive (no problems were reported from 'b24layout/value-type').",
      `2 b24layout/enum-value 7:23 ${ENUM_ERROR}`,
    ]);
    expect(messages[0]!.fix).toBeDefined();
  });

  it("disable every rule when they name none", async () => {
    expect(await messagesOf(`/* eslint-disable */\n${WITH_ERROR}`)).toEqual([]);
  });

  it("configure rules inline: off, a severity, options", async () => {
    expect(await messagesOf(`/* eslint b24layout/collection-limit: off */\n${WITH_ERROR}`)).toEqual([]);
    expect((await messagesOf(`/* eslint b24layout/collection-limit: "warn" */\n${WITH_ERROR}`)).map((m) => `${m.severity} ${m.line}:${m.column}`)).toEqual(["1 7:5"]);
    const translated = 'translations {\n  en { hi "Hi" }\n}\nblocks b {\n  text @hi\n}\n';
    expect(await messagesOf(translated)).toEqual([]);
    const withLanguages = await messagesOf(`// eslint b24layout/missing-translation: ["error", { "languages": ["en", "de"] }]\n${translated}`);
    expect(withLanguages.map(shown)).toEqual(["error b24layout/missing-translation 2:1-2:13 The translations table has no texts in 'de', one of the project's languages (b24layout.config.json)."]);
  });

  it("report a malformed inline config at its comment", async () => {
    const messages = await messagesOf(`/* eslint b24layout/collection-limit: [ */\n${WITH_ERROR}`);
    expect(messages[0]).toMatchObject({ ruleId: null, line: 1, column: 1, severity: 2 });
    expect(messages[0]!.message).toMatch(/^Failed to parse JSON from/);
  });

  it("leave b24layout's own suppressions working, and an unused one is b24layout/unused-suppression, with its fix", async () => {
    const suppressed = WITH_ERROR.replace("    tag secondary", "    // b24layout-disable-next-line collection-limit\n    tag secondary");
    expect(await messagesOf(suppressed)).toEqual([]);
    const unused = `// b24layout-disable-next-line enum-value\n${WITH_ERROR}`;
    const messages = await messagesOf(unused);
    expect(messages.map((m) => `${m.ruleId} ${m.line}:${m.column}-${m.endLine}:${m.endColumn} ${m.messageId}`)).toEqual([
      "b24layout/unused-suppression 1:1-1:42 unusedRule",
      "b24layout/collection-limit 7:5-7:22 tooMany",
    ]);
    expect(messages[0]!.fix).toEqual({ range: [0, 41], text: "" });
  });
});

describe("rule options and language options", () => {
  it("take a rule's options (unknown-code: the portal's icons)", async () => {
    const custom = 'layout custom {\n  icon my-custom-icon\n  header "T"\n  body {\n    logo document\n    text "x"\n  }\n}\n';
    expect((await messagesOf(custom)).map((m) => `${m.ruleId} ${m.line}:${m.column}`)).toEqual(["b24layout/unknown-code 2:8"]);
    expect(await messagesOf(custom, [{ rules: { "b24layout/unknown-code": ["warn", { icons: ["my-custom-icon"] }] } }])).toEqual([]);
  });

  it("refuse options a rule does not take", async () => {
    await expect(messagesOf(WITH_ERROR, [{ rules: { "b24layout/unknown-code": ["warn", { icon: ["x"] }] } }])).rejects.toThrow(/b24layout\/unknown-code/);
  });

  it("check against the docs with languageOptions.target", async () => {
    const menu = inLayoutBody('    text "x" scope desktop');
    expect((await messagesOf(menu)).map((m) => `${m.severity} ${m.ruleId} ${m.line}:${m.column}`)).toEqual(["2 b24layout/enum-value 6:20"]);
    const tagScope = inLayoutBody('    text "x"').replace('header "T"', 'header "T" {\n    tag warning "x" scope web\n  }');
    expect((await messagesOf(tagScope)).map((m) => `${m.ruleId} ${m.line}:${m.column}`)).toEqual(["b24layout/field-support 4:21"]);
    expect(await messagesOf(tagScope, [{ files: ["**/*.b24layout"], languageOptions: { target: "docs" } }])).toEqual([]);
    // Undefined: the default (server).
    expect(await messagesOf(tagScope, [{ files: ["**/*.b24layout"], languageOptions: { target: undefined } }])).toHaveLength(1);
  });

  it("refuse language options the language does not take", async () => {
    await expect(messagesOf(WITH_ERROR, [{ files: ["**/*.b24layout"], languageOptions: { target: "portal" } }])).rejects.toThrow("The b24layout language option 'target' must be \"server\" or \"docs\", not \"portal\".");
    await expect(messagesOf(WITH_ERROR, [{ files: ["**/*.b24layout"], languageOptions: { targets: "docs" } }])).rejects.toThrow("Unknown language option 'targets' for b24layout (it takes target).");
  });
});

describe("files", () => {
  it("resolve their imports from their path, and an imported layout's errors are reported at the import", async () => {
    const { results } = await lint({
      "package.json": "{}",
      "layouts.b24layout": WITH_ERROR.replace("layout broken", "layout card"),
      "activity.b24layout": 'import { card } from "./layouts.b24layout"\n\nactivity reminder {\n  ownerTypeId deal; ownerId 7\n  layout card\n}\n',
    });
    expect(results["activity.b24layout"]!.messages.map((m) => `${m.ruleId} ${m.line}:${m.column}-${m.endLine}:${m.endColumn} ${m.messageId}`)).toEqual(["b24layout/unresolved-import 1:10-1:14 importedDeclarationErrors"]);
    // The place it speaks of, relative to ESLint's working directory.
    expect(results["activity.b24layout"]!.messages[0]!.message).toMatch(/ \(the first error at layouts\.b24layout:6:5\)$/);
    expect(results["layouts.b24layout"]!.messages.map((m) => `${m.ruleId} ${m.line}:${m.column}`)).toEqual(["b24layout/collection-limit 6:5"]);
  });

  it("with a syntax error give one fatal parsing error per error, at its place, and no rule runs", async () => {
    const { results } = await lint({ "x.b24layout": 'layout broken {\n  icon call-completed\n  header "x\n}\n' });
    const r = results["x.b24layout"]!;
    expect(r.messages).toEqual([{ ruleId: null, fatal: true, severity: 2, message: "Parsing error: Unterminated string: add the closing '\"' before the end of the line.", line: 3, column: 10 }]);
    expect(r.fatalErrorCount).toBe(1);
  });

  it("are linted from a text without a path (its imports are not resolved)", async () => {
    const eslint = new ESLint({ cwd: scratch(), overrideConfigFile: true, overrideConfig: [...plugin.configs.recommended] });
    const [r] = await eslint.lintText(WITH_ERROR, { filePath: "x.b24layout" });
    expect(r!.messages.map((m) => `${m.ruleId} ${m.line}:${m.column}`)).toEqual(["b24layout/collection-limit 6:5"]);
  });
});

describe("the configs", () => {
  const warningOnly = 'layout custom {\n  icon my-custom-icon\n  header "T"\n  body {\n    logo document\n    text "x"\n  }\n}\n';

  it("recommended: each rule at its severity (unknown-code warns)", async () => {
    expect((await messagesOf(warningOnly)).map((m) => `${m.severity} ${m.ruleId}`)).toEqual(["1 b24layout/unknown-code"]);
  });

  it("strict: every rule an error", async () => {
    expect((await messagesOf(warningOnly, [], plugin.configs.strict)).map((m) => `${m.severity} ${m.ruleId}`)).toEqual(["2 b24layout/unknown-code"]);
  });
});

describe("docs/eslint.md", () => {
  const page = readFileSync(join(import.meta.dirname, "../../docs/eslint.md"), "utf8");
  const section = (title: string) => page.slice(page.indexOf(`## ${title}`)).split(/\n## /)[0]!;

  it("its comments example is clean, every finding suppressed by the comment over it", async () => {
    const example = /```\n(layout call \{[\s\S]*?)```/.exec(section("Comments"))![1]!;
    const { results } = await lint({ "x.b24layout": example });
    expect(results["x.b24layout"]!.messages).toEqual([]);
    expect(results["x.b24layout"]!.suppressedMessages.map((m) => `${m.ruleId} ${m.line}`)).toEqual([
      "b24layout/unknown-code 3",
      "b24layout/string-boolean 8",
      "b24layout/string-boolean 9",
      "b24layout/string-boolean 11",
    ]);
    // Without the comments, the same findings.
    const bare = example
      .split("\n")
      .filter((line) => !/^\s*(\/\/|\/\*) eslint/.test(line))
      .map((line) => line.replace(/ \/\/ eslint.*$/, ""))
      .join("\n");
    expect((await messagesOf(bare)).map((m) => m.ruleId)).toEqual(["b24layout/unknown-code", "b24layout/string-boolean", "b24layout/string-boolean", "b24layout/string-boolean"]);
  });
});

describe("the language, for rules of a project's own", () => {
  it("walks the syntax tree with selectors on node kinds, and gives text, places and parents", async () => {
    const seen: string[] = [];
    const ownRule = {
      meta: { type: "suggestion" as const, messages: { found: "Text block '{{text}}' inside '{{parent}}'." }, schema: [] },
      create(context: { sourceCode: B24LayoutSourceCode; report(r: object): void }) {
        const source = context.sourceCode;
        return {
          "Statement[name.name='text']"(node: Statement) {
            const parent = source.getParent(source.getParent(node)!) as Statement;
            seen.push(`${source.getText(node)} @${source.getRange(node).join("-")}`);
            context.report({ node, messageId: "found", data: { text: source.getText(node.args[0]), parent: parent.name.name } });
          },
          "Document:exit"(node: Document) {
            seen.push(`end ${JSON.stringify(source.getLoc(node))} ${JSON.stringify(source.getLocFromIndex(source.text.length))}`);
          },
        };
      },
    };
    // The language alone, none of the plugin's rules.
    const config: Config = { files: ["**/*.b24layout"], plugins: { b24layout: plugin, own: { rules: { "text-blocks": ownRule as never } } }, language: "b24layout/b24layout", rules: { "own/text-blocks": "warn" } };
    const text = inLayoutBody('    text "x"');
    const messages = await messagesOf(text, [config], []);
    expect(messages.map((m) => `${m.ruleId} ${m.line}:${m.column}-${m.endLine}:${m.endColumn} ${m.message}`)).toEqual(['own/text-blocks 6:5-6:13 Text block \'"x"\' inside \'body\'.']);
    expect(seen).toEqual([`text "x" @${text.indexOf('text "x"')}-${text.indexOf('text "x"') + 8}`, 'end {"start":{"line":1,"column":1},"end":{"line":9,"column":1}} {"line":9,"column":1}']);
  });
});


describe("configFromFile: b24layout.config.json as ESLint config", () => {
  const custom = 'translations {\n  en { hi "Hi" }\n}\nlayout l {\n  icon my-icon\n  header @hi\n  body {\n    logo document\n    text "x"\n  }\n}\n';
  const b24config = {
    rules: { "collection-limit": "warning", "output-name": "off" },
    overrides: [{ files: ["legacy/**/*.b24layout"], rules: { "collection-limit": "off", "unknown-code": "error" } }],
    ignore: ["generated/**"],
    languages: ["en", "de"],
    portal: { icons: ["my-icon"], logos: [], badges: ["fromPortal"] },
    target: "docs",
  };

  it("gives its rules, overrides, ignored files, languages, portal codes and target", () => {
    const cwd = scratch({ "b24layout.config.json": JSON.stringify(b24config) });
    expect(configFromFile(join(cwd, "b24layout.config.json"))).toEqual([
      {
        name: "b24layout/config-file",
        files: ["**/*.b24layout"],
        languageOptions: { target: "docs" },
        rules: { "b24layout/collection-limit": "warn", "b24layout/unknown-code": ["warn", { icons: ["my-icon"], logos: [] }], "b24layout/missing-translation": ["warn", { languages: ["en", "de"] }] },
      },
      { name: "b24layout/config-file/overrides/0", files: ["legacy/**/*.b24layout"], rules: { "b24layout/collection-limit": "off", "b24layout/unknown-code": ["error", { icons: ["my-icon"], logos: [] }] } },
      { name: "b24layout/config-file/ignore", ignores: ["generated/**"] },
    ]);
  });

  it("makes ESLint report what b24layout check reports with it", async () => {
    const files = { "b24layout.config.json": JSON.stringify(b24config), "x.b24layout": custom, "legacy/y.b24layout": WITH_ERROR, "generated/z.b24layout": WITH_ERROR, "w.b24layout": WITH_ERROR };
    const cwd = scratch(files);
    const eslint = new ESLint({ cwd, overrideConfigFile: true, overrideConfig: [...plugin.configs.recommended, ...configFromFile(join(cwd, "b24layout.config.json"))] });
    const results = await eslint.lintFiles(["."]);
    const found = results.flatMap((r) => r.messages.map((m) => `${r.filePath.slice(cwd.length + 1)} ${m.severity} ${m.ruleId} ${m.line}:${m.column}`));
    expect(found).toEqual(["w.b24layout 1 b24layout/collection-limit 6:5", "x.b24layout 1 b24layout/missing-translation 1:1"]);
    const checked = await runMain(cwd, ["check", ".", "--format", "json"]);
    const byCheck = (JSON.parse(checked.stdout) as { files: { path: string; diagnostics: Diagnostic[] }[] }).files.flatMap((f) =>
      f.diagnostics.map((d) => `${f.path} ${d.severity === "error" ? 2 : 1} b24layout/${d.ruleId} ${d.range.start.line}:${d.range.start.column}`),
    );
    expect(byCheck).toEqual(found);
  });

  it("says where a config is wrong", () => {
    const cwd = scratch({ "b24layout.config.json": '{\n  "target": "portal"\n}\n' });
    expect(() => configFromFile(join(cwd, "b24layout.config.json"))).toThrow(`${join(cwd, "b24layout.config.json")}:2:13: "target" must be "server" or "docs"`);
    expect(() => configFromFile(join(cwd, "missing.json"))).toThrow(/^b24layout: cannot read the config '.*missing\.json': /);
  });

  it("gives the root a type too, by which ESLint before 9.25 finds listeners (it ignores nodeTypeKey), out of sight of its keys", () => {
    const parsed = plugin.languages.b24layout.parse({ path: "x.b24layout", physicalPath: "x.b24layout", bom: false, body: WITH_ERROR });
    expect(parsed.ok).toBe(true);
    const root = (parsed as { ast: Document }).ast;
    expect(Object.getOwnPropertyDescriptor(root, "type")).toMatchObject({ value: "Document", enumerable: false });
    expect(Object.keys(root)).not.toContain("type");
  });
});
