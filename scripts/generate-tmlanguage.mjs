#!/usr/bin/env node
/**
 * Writes grammar/b24layout.tmLanguage.json, the TextMate grammar of `.b24layout` (VS Code, GitHub
 * Linguist, Shiki, …), from the model: the declaration keywords and their directives, the raw
 * form's `json` (src/model/statements.ts), the template keywords and parameter types
 * (src/model/templates.ts).
 * The token patterns (words, numbers, `@key`, `$param`, strings) are those of src/syntax/tokens.ts,
 * written out here; test/textmate/grammar.test.ts checks that they still are, and that the
 * committed file is what this script writes.
 *
 *   node scripts/generate-tmlanguage.mjs            write the file (if it changed)
 *   node scripts/generate-tmlanguage.mjs --check    exit 1 if the committed file is out of date
 *   node scripts/generate-tmlanguage.mjs --stdout   print the grammar instead of writing it
 *
 * Node cannot import TypeScript, so the model files the grammar reads (the declarations, the binding
 * plan, the template keywords) are bundled with esbuild in memory first.
 *
 * TextMate matches one line at a time, so the grammar reads what one line can tell:
 * - a statement starts at the start of a line or after `{`, `;` or `*\/`: an optional label (`client:`,
 *   `"1":`) and the statement's name; at the top level, a declaration keyword and its name;
 * - `key:` followed by anything but a word is a map key (a label is always followed by the
 *   statement's name on the same line, a map value never is a bare word);
 * - `{ … }`, `( … )`, `"""…"""` and `/* … *\/` are begin/end regions, so they may span lines.
 * Anything the lexer would not accept outside strings and comments is `invalid.illegal`.
 */
import { build } from "esbuild";
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

const root = fileURLToPath(new URL("..", import.meta.url));
export const GRAMMAR_FILE = join(root, "grammar", "b24layout.tmLanguage.json");

const { values: options } = parseArgs({ options: { check: { type: "boolean", default: false }, stdout: { type: "boolean", default: false } } });

/** The model's vocabulary, bundled from TypeScript and imported from a data: URL. */
async function loadModel() {
  const result = await build({
    stdin: {
      contents: [
        'export { DECLARATIONS, RAW_KEYWORD, TRANSLATIONS_KEYWORD } from "./src/model/statements.ts";',
        'export { bindingPlan } from "./src/model/binding.ts";',
        'export * from "./src/model/templates.ts";',
      ].join("\n"),
      resolveDir: root,
      loader: "ts",
      sourcefile: "model-entry.ts",
    },
    bundle: true,
    write: false,
    format: "esm",
    platform: "neutral",
    logLevel: "warning",
  });
  const code = result.outputFiles[0].text;
  return import(`data:text/javascript;base64,${Buffer.from(code).toString("base64")}`);
}

// ----- the lexer's patterns (src/syntax/tokens.ts) -----

/** Identifier: words may contain inner hyphens but never end with one (`bold->` is `bold` `->`). */
export const IDENTIFIER = "[A-Za-z_][A-Za-z0-9_]*(?:-[A-Za-z0-9_]+)*";
export const NUMBER = "-?(?:0|[1-9]\\d*)(?:\\.\\d+)?(?:[eE][+-]?\\d+)?";
export const TRANSLATION_REF = "@[A-Za-z_][A-Za-z0-9_]*(?:-[A-Za-z0-9_]+)*";
export const PARAM_REF = "\\$[A-Za-z_][A-Za-z0-9_]*(?:\\.[A-Za-z_][A-Za-z0-9_]*)*";
/** A complete `"…"` on one line (QuotedString). */
export const QUOTED_STRING = '"(?:[^"\\\\\\r\\n]|\\\\.)*"';
/** The path of `${path}` (src/syntax/strings.ts). */
const INTERPOLATION_PATH = "[A-Za-z_][A-Za-z0-9_]*(?:\\.[A-Za-z_][A-Za-z0-9_]*)*";

/** The reserved word (tokens.ts `Import`) and the word after the imported names (grammar.ts `importDeclaration`). */
const IMPORT_KEYWORD = "import";
const FROM_KEYWORD = "from";
/** `true`, `false` and `null` give way to a longer name (`trueish`, `null-x`). */
const LITERAL_WORDS = ["true", "false", "null"];
/** The suppression comments of src/check/suppressions.ts. */
const DIRECTIVE = "b24layout-disable(?:-next-line|-line)?";

// ----- regular expression pieces -----

/** A whole word: atomic, so that a lookahead after it never sees a shorter word. */
const WORD = `(?>${IDENTIFIER})`;
/** Nothing of a word follows: `when` but not `whenever` or `when-x`. */
const END = "(?![A-Za-z0-9_]|-[A-Za-z0-9_])";
/**
 * Where a statement starts: the start of a line, or after `{`, `;` or a block comment (one line
 * cannot tell a comment before a statement from one between its arguments; the first is the usual).
 */
const START = "(?:^|(?<=[{;]|\\*/))\\s*";
/** At the top level there are no `{` (a brace opens a region): the start of a line, after `;` or a comment. */
const TOP_START = "(?:^|(?<=;|\\*/))\\s*";
/** A word that is not a label or map key (`when:` is a label). */
const NOT_KEY = "(?!\\s*:)";
/** A word that is a name, not `true`/`false`/`null`. */
const NOT_LITERAL = `(?!(?:${LITERAL_WORDS.join("|")})${END})`;

const escapeRegExp = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
/** One of `words`, as a whole word. */
const words = (list) => `(?:${[...new Set(list)].map(escapeRegExp).join("|")})${END}`;

/** Scope names; every one ends in `.b24layout`. */
const s = (name) => `${name}.b24layout`;

// ----- the grammar -----

/** The grammar object for the model `model`. */
export function tmLanguage(model) {
  const { DECLARATIONS, RAW_KEYWORD, bindingPlan, TRANSLATIONS_KEYWORD, TEMPLATE_KEYWORDS, CONDITION_WORDS, EACH_IN, PARAM_TYPE_NAMES } = model;
  const { WHEN_KEYWORD, ELSE_KEYWORD, EACH_KEYWORD, FRAGMENT_KEYWORD, USE_KEYWORD } = model;

  const declarationKeywords = [...DECLARATIONS.map((d) => d.keyword), FRAGMENT_KEYWORD];
  // Bare words with a meaning of their own in a declaration's head: `card c for deal legacy`.
  const headWords = [
    ...DECLARATIONS.flatMap((d) => [...(d.directives ?? []).map((x) => x.word), ...Object.keys(bindingPlan(d.dto).keywordAliases ?? {})]),
    // `badge b json { … }`: the raw form of a whole declaration.
    RAW_KEYWORD,
  ];
  const known = new Set([WHEN_KEYWORD, ELSE_KEYWORD, EACH_KEYWORD, FRAGMENT_KEYWORD, USE_KEYWORD]);
  for (const k of TEMPLATE_KEYWORDS) {
    if (!known.has(k.keyword)) throw new Error(`generate-tmlanguage: no scope for the template keyword '${k.keyword}'; add it to scripts/generate-tmlanguage.mjs`);
  }
  const conditionWords = Object.values(CONDITION_WORDS);

  const CONDITIONAL = s("keyword.control.conditional");
  const LOOP = s("keyword.control.loop");

  const repository = {
    comments: {
      patterns: [
        {
          name: s("comment.block"),
          begin: `(/\\*)(?:\\s*(${DIRECTIVE})${END})?`,
          beginCaptures: { 1: { name: s("punctuation.definition.comment.begin") }, 2: { name: s("keyword.other.directive") } },
          end: "\\*/",
          endCaptures: { 0: { name: s("punctuation.definition.comment.end") } },
        },
        {
          name: s("comment.line.double-slash"),
          begin: `(//)(?:\\s*(${DIRECTIVE})${END})?`,
          beginCaptures: { 1: { name: s("punctuation.definition.comment") }, 2: { name: s("keyword.other.directive") } },
          end: "(?=$)",
        },
      ],
    },

    // ----- statements -----
    import: {
      name: s("meta.import"),
      begin: `${TOP_START}(${IMPORT_KEYWORD})${END}${NOT_KEY}`,
      beginCaptures: { 1: { name: s("keyword.control.import") } },
      end: "(?=;)|$",
      patterns: [
        { include: "#comments" },
        { match: `${FROM_KEYWORD}${END}`, name: s("keyword.control.from") },
        { include: "#strings" },
        { match: "\\{", name: s("punctuation.section.braces.begin") },
        { match: "\\}", name: s("punctuation.section.braces.end") },
        { match: ",", name: s("punctuation.separator.comma") },
        { match: WORD, name: s("entity.name.type") },
        { include: "#invalid" },
      ],
    },
    declaration: {
      match: `${TOP_START}(${words(declarationKeywords)})${NOT_KEY}(?:\\s+${NOT_LITERAL}(${WORD})${NOT_KEY})?`,
      captures: { 1: { name: s("storage.type.declaration") }, 2: { name: s("entity.name.type") } },
    },
    translations: {
      match: `${TOP_START}(${words([TRANSLATIONS_KEYWORD])})${NOT_KEY}`,
      captures: { 1: { name: s("storage.type.translations") } },
    },
    "head-words": {
      match: words(headWords),
      name: s("keyword.other"),
    },
    "top-statement": {
      match: `${TOP_START}(?:(${WORD}|${QUOTED_STRING})\\s*(:)\\s*)?${NOT_LITERAL}(${WORD})${NOT_KEY}`,
      captures: {
        1: { name: s("entity.name.tag.label") },
        2: { name: s("punctuation.separator.label") },
        3: { name: s("entity.name.function.statement") },
      },
    },
    when: {
      name: s("meta.condition"),
      begin: `${START}(${words([WHEN_KEYWORD])})${NOT_KEY}`,
      beginCaptures: { 1: { name: CONDITIONAL } },
      end: "(?=[{};])|$",
      patterns: [
        { include: "#comments" },
        { match: words(conditionWords), name: CONDITIONAL },
        { include: "#values" },
        { include: "#words" },
        { include: "#invalid" },
      ],
    },
    else: {
      match: `(?:^|(?<=[{};]|\\*/))\\s*(${words([ELSE_KEYWORD])})${NOT_KEY}`,
      captures: { 1: { name: CONDITIONAL } },
    },
    each: {
      match: `${START}(${words([EACH_KEYWORD])})${NOT_KEY}(?:\\s+(${WORD})(?:\\s+(${words([EACH_IN])}))?)?`,
      captures: { 1: { name: LOOP }, 2: { name: s("variable.parameter") }, 3: { name: LOOP } },
    },
    use: {
      match: `${START}(${words([USE_KEYWORD])})${NOT_KEY}(?:\\s+(${WORD}))?`,
      captures: { 1: { name: s("keyword.control.use") }, 2: { name: s("entity.name.type") } },
    },
    raw: {
      // The raw form: a member `[key:] json …`, or a field `name json` followed by its value (`logo json` alone is the logo code json).
      match: `${START}(?:(${WORD}|${QUOTED_STRING})\\s*(:)\\s*)?(?:(${words([RAW_KEYWORD])})${NOT_KEY}|${NOT_LITERAL}(${WORD})\\s+(${words([RAW_KEYWORD])})(?=\\s*(?:\\{|\\[|"|-|\\d|${words(LITERAL_WORDS)})))`,
      captures: {
        1: { name: s("entity.name.tag.label") },
        2: { name: s("punctuation.separator.label") },
        3: { name: s("keyword.other.raw") },
        4: { name: s("entity.name.function.statement") },
        5: { name: s("keyword.other.raw") },
      },
    },
    statement: {
      match: `${START}(?:(${WORD}|${QUOTED_STRING})\\s*(:)\\s*)?${NOT_LITERAL}(${WORD})${NOT_KEY}`,
      captures: {
        1: { name: s("entity.name.tag.label") },
        2: { name: s("punctuation.separator.label") },
        3: { name: s("entity.name.function.statement") },
      },
    },
    action: {
      match: `(->)(?:\\s*${NOT_LITERAL}(${WORD}))?`,
      captures: { 1: { name: s("keyword.operator.arrow") }, 2: { name: s("support.function.action") } },
    },
    "map-key": {
      match: `(${WORD}|${QUOTED_STRING})\\s*(:)`,
      captures: { 1: { name: s("support.type.property-name") }, 2: { name: s("punctuation.separator.key-value") } },
    },

    // ----- regions -----
    braces: {
      begin: "\\{",
      beginCaptures: { 0: { name: s("punctuation.section.braces.begin") } },
      end: "\\}",
      endCaptures: { 0: { name: s("punctuation.section.braces.end") } },
      patterns: [{ include: "#body" }],
    },
    body: {
      patterns: [
        { include: "#comments" },
        { include: "#when" },
        { include: "#each" },
        { include: "#use" },
        { include: "#else" },
        { include: "#raw" },
        { include: "#statement" },
        { include: "#arguments" },
      ],
    },
    arguments: {
      patterns: [
        { include: "#comments" },
        { include: "#action" },
        { include: "#map-key" },
        { include: "#values" },
        { include: "#braces" },
        { include: "#parameters" },
        { include: "#words" },
        { include: "#punctuation" },
        { include: "#invalid" },
      ],
    },
    parameters: {
      name: s("meta.parameters"),
      begin: "\\(",
      beginCaptures: { 0: { name: s("punctuation.definition.parameters.begin") } },
      end: "\\)",
      endCaptures: { 0: { name: s("punctuation.definition.parameters.end") } },
      patterns: [
        { include: "#comments" },
        {
          match: `(${WORD})\\s*(\\?)?\\s*(:)`,
          captures: { 1: { name: s("variable.parameter") }, 2: { name: s("keyword.operator.optional") }, 3: { name: s("punctuation.separator.type") } },
        },
        { include: "#types" },
      ],
    },
    types: {
      patterns: [
        { include: "#comments" },
        { include: "#record-type" },
        { match: words(PARAM_TYPE_NAMES.map((t) => t.name)), name: s("support.type.primitive") },
        { match: "\\|", name: s("keyword.operator.type.union") },
        { match: "=", name: s("keyword.operator.assignment") },
        { match: "\\?", name: s("keyword.operator.optional") },
        { include: "#values" },
        { match: WORD, name: s("entity.name.type") },
        { include: "#punctuation" },
        { include: "#invalid" },
      ],
    },
    "record-type": {
      name: s("meta.type.record"),
      begin: "\\{",
      beginCaptures: { 0: { name: s("punctuation.section.braces.begin") } },
      end: "\\}",
      endCaptures: { 0: { name: s("punctuation.section.braces.end") } },
      patterns: [
        { include: "#comments" },
        {
          match: `(${WORD})\\s*(\\?)?\\s*(:)`,
          captures: { 1: { name: s("variable.other.property") }, 2: { name: s("keyword.operator.optional") }, 3: { name: s("punctuation.separator.type") } },
        },
        { include: "#types" },
      ],
    },

    // ----- values -----
    values: {
      patterns: [
        { include: "#strings" },
        { match: NUMBER, name: s("constant.numeric") },
        { match: words(["true", "false"]), name: s("constant.language.boolean") },
        { match: words(["null"]), name: s("constant.language.null") },
        { match: `(@)${TRANSLATION_REF.slice(1)}`, name: s("variable.other.constant.translation"), captures: { 1: { name: s("punctuation.definition.variable") } } },
        { match: `(\\$)${PARAM_REF.slice(2)}`, name: s("variable.parameter.reference"), captures: { 1: { name: s("punctuation.definition.variable") } } },
        { match: "\\[", name: s("punctuation.section.brackets.begin") },
        { match: "\\]", name: s("punctuation.section.brackets.end") },
      ],
    },
    strings: {
      patterns: [
        {
          name: s("string.quoted.triple"),
          begin: '"""',
          beginCaptures: { 0: { name: s("punctuation.definition.string.begin") } },
          end: '"""',
          endCaptures: { 0: { name: s("punctuation.definition.string.end") } },
          patterns: [
            // The lexer ends the string at the first `"""`, escaped or not.
            { match: '\\\\(?:"(?!"")|[\\\\/ntrbf$]|u\\{[0-9A-Fa-f]{1,6}\\}|u[0-9A-Fa-f]{4})', name: s("constant.character.escape") },
            { match: '\\\\(?:$|(?="""))', name: s("invalid.illegal.escape") },
            { match: '\\\\[^"]', name: s("invalid.illegal.escape") },
            { include: "#interpolation" },
            { match: "\\$\\{[^}]*\\}", name: s("invalid.illegal.interpolation") },
            { match: "\\$\\{", name: s("invalid.illegal.interpolation") },
          ],
        },
        {
          // A `"` without its closing quote on the line (UnterminatedString).
          match: '"(?:[^"\\\\]|\\\\.)*\\\\?$',
          name: s("invalid.illegal.unterminated-string"),
        },
        {
          name: s("string.quoted.double"),
          begin: '"',
          beginCaptures: { 0: { name: s("punctuation.definition.string.begin") } },
          end: '"',
          endCaptures: { 0: { name: s("punctuation.definition.string.end") } },
          patterns: [
            { match: '\\\\(?:["\\\\/ntrbf$]|u\\{[0-9A-Fa-f]{1,6}\\}|u[0-9A-Fa-f]{4})', name: s("constant.character.escape") },
            { match: "\\\\.", name: s("invalid.illegal.escape") },
            { include: "#interpolation" },
            { match: '\\$\\{(?:[^}"\\\\]|\\\\.)*\\}', name: s("invalid.illegal.interpolation") },
            { match: "\\$\\{", name: s("invalid.illegal.interpolation") },
          ],
        },
      ],
    },
    interpolation: {
      match: `(\\$\\{)\\s*(${INTERPOLATION_PATH})\\s*(\\})`,
      name: s("meta.interpolation"),
      captures: {
        1: { name: s("punctuation.section.interpolation.begin") },
        2: { name: s("variable.other") },
        3: { name: s("punctuation.section.interpolation.end") },
      },
    },
    words: {
      match: WORD,
      name: s("constant.other"),
    },
    punctuation: {
      patterns: [
        { match: ",", name: s("punctuation.separator.comma") },
        { match: ";", name: s("punctuation.terminator.statement") },
        { match: ":", name: s("punctuation.separator.key-value") },
        { match: "\\|", name: s("keyword.operator.type.union") },
        { match: "=", name: s("keyword.operator.assignment") },
        { match: "\\?", name: s("keyword.operator.optional") },
        { match: "\\[", name: s("punctuation.section.brackets.begin") },
        { match: "\\]", name: s("punctuation.section.brackets.end") },
      ],
    },
    invalid: {
      // Last everywhere: only what no other pattern takes (a stray `}`, `§`, `.`, a lone `@`).
      match: "\\S",
      name: s("invalid.illegal.character"),
    },
  };

  return {
    $schema: "https://raw.githubusercontent.com/martinring/tmlanguage/master/tmlanguage.json",
    comment: "Generated by `node scripts/generate-tmlanguage.mjs` from src/model and the token patterns of src/syntax/tokens.ts. Do not edit.",
    name: "b24layout",
    scopeName: "source.b24layout",
    fileTypes: ["b24layout"],
    patterns: [
      { include: "#comments" },
      { include: "#import" },
      { include: "#declaration" },
      { include: "#translations" },
      { include: "#top-statement" },
      { include: "#head-words" },
      { include: "#arguments" },
    ],
    repository,
  };
}

/** The text of grammar/b24layout.tmLanguage.json. */
export async function generateTmLanguage() {
  return `${JSON.stringify(tmLanguage(await loadModel()), null, 2)}\n`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const text = await generateTmLanguage();
  const old = await readFile(GRAMMAR_FILE, "utf8").catch(() => undefined);
  if (options.stdout) {
    process.stdout.write(text);
  } else if (options.check) {
    if (old !== text) {
      console.error("grammar/b24layout.tmLanguage.json is out of date: run node scripts/generate-tmlanguage.mjs");
      process.exitCode = 1;
    }
  } else if (old === text) {
    console.log("grammar/b24layout.tmLanguage.json is up to date");
  } else {
    await writeFile(GRAMMAR_FILE, text);
    console.log("wrote grammar/b24layout.tmLanguage.json");
  }
}
