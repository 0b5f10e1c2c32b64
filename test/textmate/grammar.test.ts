/**
 * The TextMate grammar (grammar/b24layout.tmLanguage.json), run as VS Code runs it: it is what
 * scripts/generate-tmlanguage.mjs writes from the model, its token patterns are the lexer's, every
 * example tokenizes without an `invalid` token and with every string and comment closed, where the
 * lexer sees a string, number, reference or comment the grammar does too, and each construct of
 * the language gets its exact scopes.
 */
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { IGrammar } from "vscode-textmate";
import type { TokenType } from "chevrotain";
import { DECLARATIONS, TRANSLATIONS_KEYWORD } from "../../src/model/statements.js";
import { CONDITION_WORDS, EACH_IN, FRAGMENT_KEYWORD, PARAM_TYPE_NAMES, TEMPLATE_KEYWORDS } from "../../src/model/templates.js";
import * as tokens from "../../src/syntax/tokens.js";
import { GRAMMAR_PATH, loadGrammar, ROOT, SCOPE_NAME, tokenize, type Token } from "./textmate.js";

let grammar: IGrammar;
beforeAll(async () => {
  grammar = await loadGrammar();
});

const committed = readFileSync(GRAMMAR_PATH, "utf8");
const raw = JSON.parse(committed) as { scopeName: string; repository: Record<string, { match?: string; patterns?: { match?: string; name?: string }[] }> };

/** The `.b24layout` files of a folder, recursively (paths relative to the repository). */
function sources(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { recursive: true, encoding: "utf8" })
    .filter((f) => f.endsWith(".b24layout"))
    .map((f) => join(dir, f))
    .sort();
}

const short = (scopes: readonly string[]) => scopes.slice(1).map((s) => s.replace(/\.b24layout$/, ""));

/** The scopes (without the root, without the `.b24layout` suffix) of the `occurrence`-th token whose text is `text`. */
function scopesOf(source: string, text: string, occurrence = 0): string[] {
  const all = tokenize(grammar, source).lines.flat();
  const found = all.filter((t) => t.text === text)[occurrence];
  if (!found) throw new Error(`no token ${JSON.stringify(text)} (#${occurrence}) in ${JSON.stringify(source)}; tokens: ${JSON.stringify(all.map((t) => t.text))}`);
  return short(found.scopes);
}

/** `where` lines of text: each line with its tokens that are scoped `invalid`. */
function invalidTokens(lines: readonly (readonly Token[])[]): string[] {
  return lines.flatMap((line, i) => line.filter((t) => t.scopes.some((s) => s.startsWith("invalid"))).map((t) => `${i + 1}: ${JSON.stringify(t.text)} ${short(t.scopes).join(" ")}`));
}

describe("the grammar file", () => {
  it("is what scripts/generate-tmlanguage.mjs writes", () => {
    const generated = execFileSync(process.execPath, [join(ROOT, "scripts", "generate-tmlanguage.mjs"), "--stdout"], { cwd: ROOT, encoding: "utf8" });
    expect(committed === generated, "grammar/b24layout.tmLanguage.json is out of date: run node scripts/generate-tmlanguage.mjs").toBe(true);
  });

  it("has the scope name source.b24layout, and every scope it names ends in .b24layout", () => {
    expect(raw.scopeName).toBe(SCOPE_NAME);
    const names = [...committed.matchAll(/"name": "([^"]+)"/g)].map((m) => m[1]!).filter((n) => n !== "b24layout");
    expect(names.length).toBeGreaterThan(50);
    expect(names.filter((n) => !n.endsWith(".b24layout"))).toEqual([]);
  });

  // A token matched by hand stands for the regular expression WRITTEN_OUT_PATTERNS gives.
  const patternOf = (token: TokenType) => (tokens.WRITTEN_OUT_PATTERNS.get(token) ?? (token.PATTERN as RegExp)).source;
  const valueMatch = (scope: string) => raw.repository.values!.patterns!.find((p) => p.name === `${scope}.b24layout`)!.match;

  it("uses the lexer's patterns for words, numbers, @keys, $parameters and quoted labels", () => {
    expect(raw.repository.words!.match).toBe(`(?>${patternOf(tokens.Identifier)})`);
    expect(valueMatch("constant.numeric")).toBe(patternOf(tokens.NumberToken));
    expect(valueMatch("variable.other.constant.translation")!.replace("(@)", "@")).toBe(patternOf(tokens.TranslationRefToken));
    expect(valueMatch("variable.parameter.reference")!.replace("(\\$)", "\\$")).toBe(patternOf(tokens.ParamRefToken));
    expect(raw.repository["map-key"]!.match).toContain(patternOf(tokens.QuotedString));
  });
});

describe("the examples", () => {
  const files = [...sources("examples"), ...sources("templates")];

  it("are all found", () => {
    expect(files.length).toBeGreaterThanOrEqual(15);
  });

  it.each(files)("%s: no invalid token, every string, comment and brace closed", (file) => {
    const result = tokenize(grammar, readFileSync(join(ROOT, file), "utf8"));
    expect(invalidTokens(result.lines)).toEqual([]);
    expect(result.closed).toBe(true);
  });

  /** What the grammar must call each kind of lexer token (a scope prefix, any of them). */
  const EXPECTED: [TokenType, readonly string[]][] = [
    [tokens.QuotedString, ["string.quoted.double", "entity.name.tag.label", "support.type.property-name"]],
    [tokens.TripleString, ["string.quoted.triple"]],
    [tokens.NumberToken, ["constant.numeric"]],
    [tokens.TranslationRefToken, ["variable.other.constant.translation"]],
    [tokens.ParamRefToken, ["variable.parameter.reference"]],
    [tokens.LineComment, ["comment.line.double-slash"]],
    [tokens.BlockComment, ["comment.block"]],
    [tokens.True, ["constant.language.boolean"]],
    [tokens.False, ["constant.language.boolean"]],
    [tokens.Null, ["constant.language.null"]],
    [tokens.Arrow, ["keyword.operator.arrow"]],
    [tokens.Import, ["keyword.control.import"]],
  ];

  it.each(files)("%s: what the lexer reads as a string, number, reference, comment or literal, the grammar scopes so", (file) => {
    const text = readFileSync(join(ROOT, file), "utf8");
    const lines = tokenize(grammar, text).lines;
    // The scopes at each offset of the text.
    const at: (readonly string[])[] = [];
    const lineBreaks = text.match(/\r\n?|\n/g) ?? [];
    lines.forEach((line, i) => {
      // Offsets count UTF-16 code units, as the lexer's do.
      for (const t of line) at.push(...Array.from({ length: t.text.length }, () => short(t.scopes)));
      at.push(...Array.from({ length: (lineBreaks[i] ?? "").length }, () => []));
    });
    const lexed = tokens.b24Lexer.tokenize(text);
    const wrong: string[] = [];
    let checked = 0;
    for (const token of [...lexed.tokens, ...(lexed.groups.comments ?? [])]) {
      const expected = EXPECTED.find(([type]) => type === token.tokenType)?.[1];
      if (!expected) continue;
      checked++;
      for (let offset = token.startOffset; offset < token.startOffset + token.image.length; offset++) {
        if (/\s/.test(text[offset]!)) continue;
        const scopes = at[offset] ?? [];
        if (!scopes.some((s) => expected.some((e) => s.startsWith(e)))) {
          wrong.push(`${relative(ROOT, file)} offset ${offset}: ${token.tokenType.name} ${JSON.stringify(token.image.slice(0, 30))} is ${scopes.join(" ")}`);
          break;
        }
      }
    }
    expect(at).toHaveLength(text.length);
    expect(lexed.errors).toEqual([]);
    expect(checked).toBeGreaterThan(0);
    expect(wrong).toEqual([]);
  });

  const guide = readFileSync(join(ROOT, "grammar", "guide.md"), "utf8");
  const blocks = [...guide.matchAll(/^```b24layout\n([\s\S]*?)^```$/gm)].map((m) => m[1]!);

  it("include the guide's code blocks, which tokenize cleanly too", () => {
    expect(blocks.length).toBeGreaterThan(5);
    for (const block of blocks) {
      const result = tokenize(grammar, block);
      expect(invalidTokens(result.lines), block).toEqual([]);
      expect(result.closed, block).toBe(true);
    }
  });
});

describe("keywords of the model", () => {
  const declarations = [...DECLARATIONS.map((d) => d.keyword), FRAGMENT_KEYWORD];

  it.each(declarations)("declaration %s, and the name after it", (keyword) => {
    const source = `${keyword} myName {\n}`;
    expect(scopesOf(source, keyword)).toEqual(["storage.type.declaration"]);
    expect(scopesOf(source, "myName")).toEqual(["entity.name.type"]);
  });

  it("translations", () => {
    expect(scopesOf(`${TRANSLATIONS_KEYWORD} {\n  en { hi "Hi" }\n}`, TRANSLATIONS_KEYWORD)).toEqual(["storage.type.translations"]);
  });

  it("every template keyword and condition word", () => {
    const source = [
      "blocks b(flag: bool, list: string[]) {",
      '  when not $flag and $flag is not "x" or $flag {',
      '    a: text "y"',
      "  } else {",
      '    b: text "z"',
      "  }",
      "  each item in $list {",
      '    c: text "${item}"',
      "  }",
      "  use frag { a: 1 }",
      "}",
    ].join("\n");
    const words = [...TEMPLATE_KEYWORDS.map((k) => k.keyword), ...Object.values(CONDITION_WORDS), EACH_IN].filter((w) => w !== FRAGMENT_KEYWORD);
    for (const word of words) {
      const [scope] = scopesOf(source, word).slice(-1);
      expect(scope, word).toMatch(/^keyword\.control\./);
    }
    expect(scopesOf(source, "when")).toEqual(["meta.condition", "keyword.control.conditional"]);
    expect(scopesOf(source, "not")).toEqual(["meta.condition", "keyword.control.conditional"]);
    expect(scopesOf(source, "not", 1)).toEqual(["meta.condition", "keyword.control.conditional"]);
    expect(scopesOf(source, "and")).toEqual(["meta.condition", "keyword.control.conditional"]);
    expect(scopesOf(source, "is")).toEqual(["meta.condition", "keyword.control.conditional"]);
    expect(scopesOf(source, "or")).toEqual(["meta.condition", "keyword.control.conditional"]);
    expect(scopesOf(source, "else")).toEqual(["keyword.control.conditional"]);
    expect(scopesOf(source, "each")).toEqual(["keyword.control.loop"]);
    expect(scopesOf(source, "item")).toEqual(["variable.parameter"]);
    expect(scopesOf(source, "in")).toEqual(["keyword.control.loop"]);
    expect(scopesOf(source, "use")).toEqual(["keyword.control.use"]);
    expect(scopesOf(source, "frag")).toEqual(["entity.name.type"]);
  });

  it.each(PARAM_TYPE_NAMES.map((t) => t.name))("parameter type %s", (type) => {
    expect(scopesOf(`layout l(p: ${type}) {\n}`, type)).toEqual(["meta.parameters", "support.type.primitive"]);
  });
});

/** `[what, source, token, scopes, occurrence]`: the token's scopes below source.b24layout, without the suffix. */
type Case = [string, string, string, string[], number?];

const body = (lines: string) => `blocks b {\n${lines}\n}`;

const CASES: Case[] = [
  // statements and their keywords
  ["statement name", body('  text "x" bold'), "text", ["entity.name.function.statement"]],
  ["bare word argument", body('  text "x" bold'), "bold", ["constant.other"]],
  ["word with inner hyphens", body("  logo call-incoming-missed"), "call-incoming-missed", ["constant.other"]],
  ["statement after ;", body('  a: text "x"; b: link "y"'), "link", ["entity.name.function.statement"]],
  ["statement after {", body('  withTitle "t" { text "x" }'), "text", ["entity.name.function.statement"]],
  ["field statement with a value", body("  text \"x\" {\n    bold true\n  }"), "bold", ["entity.name.function.statement"]],
  ["top-level statement", "layout l {\n}\nfoo bar", "foo", ["entity.name.function.statement"]],
  ["card head word for", "card c for deal legacy {\n}", "for", ["keyword.other"]],
  ["card head word legacy", "card c for deal legacy {\n}", "legacy", ["keyword.other"]],
  ["entity word", "card c for deal legacy {\n}", "deal", ["constant.other"]],
  // the raw form
  ["json as a member", body('  a: json { type: "deadline" }'), "json", ["keyword.other.raw"]],
  ["json as a member, without a key", body("  json [1]"), "json", ["keyword.other.raw"]],
  ["the field before json", body("  blocks json {}"), "blocks", ["entity.name.function.statement"], 1],
  ["json after a field", body("  blocks json {}"), "json", ["keyword.other.raw"]],
  ["json after a field, before a string", body('  bold json "yes"'), "json", ["keyword.other.raw"]],
  ["a key inside a raw value", body('  a: json { type: "deadline" }'), "type", ["support.type.property-name"]],
  ["json after a declaration's name", 'badge b json { code: "b" }', "json", ["keyword.other"]],
  ["a word json without a value is a word", body("  logo json"), "json", ["constant.other"]],
  ["import", 'import { a, b } from "./x.b24layout"', "import", ["meta.import", "keyword.control.import"]],
  ["from", 'import { a, b } from "./x.b24layout"', "from", ["meta.import", "keyword.control.from"]],
  ["imported name", 'import { a, b } from "./x.b24layout"', "b", ["meta.import", "entity.name.type"]],
  ["import path", 'import { a, b } from "./x.b24layout"', "./x.b24layout", ["meta.import", "string.quoted.double"]],
  // labels and map keys
  ["label", body('  client: withTitle "Client" { text "x" }'), "client", ["entity.name.tag.label"]],
  ["label colon", body('  client: withTitle "Client" { text "x" }'), ":", ["punctuation.separator.label"]],
  ["statement after a label", body('  client: withTitle "Client" { text "x" }'), "withTitle", ["entity.name.function.statement"]],
  ["quoted label", body('  "1": text "first"'), '"1"', ["entity.name.tag.label"]],
  ["map key", body('  value { en: "Missed", de: "Verpasst" }'), "en", ["support.type.property-name"]],
  ["second map key", body('  value { en: "Missed", de: "Verpasst" }'), "de", ["support.type.property-name"]],
  ["map key colon", body('  value { en: "Missed", de: "Verpasst" }'), ":", ["punctuation.separator.key-value"]],
  ["quoted map key", body('  value { "en-US": "x" }'), '"en-US"', ["support.type.property-name"]],
  ["map key on its own line", body('  title {\n    en: "Late",\n  }'), "en", ["support.type.property-name"]],
  ["map key before a literal word", body("  use f { vip: true }"), "vip", ["support.type.property-name"]],
  ["map key before a reference", body("  x: text \"a\" -> openRestApp { id: $dealId }"), "id", ["support.type.property-name"]],
  // strings
  ["string", body('  text "Hello"'), "Hello", ["string.quoted.double"]],
  ["string opening quote", body('  text "Hello"'), '"', ["string.quoted.double", "punctuation.definition.string.begin"]],
  ["string closing quote", body('  text "Hello"'), '"', ["string.quoted.double", "punctuation.definition.string.end"], 1],
  ...["\\n", "\\t", '\\"', "\\\\", "\\/", "\\r", "\\b", "\\f", "\\$", "\\u00e9", "\\u{1F600}"].map(
    (escape): Case => [`escape ${escape}`, body(`  text "a${escape}b"`), escape, ["string.quoted.double", "constant.character.escape"]],
  ),
  ["unknown escape", body('  text "a\\qb"'), "\\q", ["string.quoted.double", "invalid.illegal.escape"]],
  ["interpolation start", body('  text "Hi ${client.name}!"'), "${", ["string.quoted.double", "meta.interpolation", "punctuation.section.interpolation.begin"]],
  ["interpolated path", body('  text "Hi ${client.name}!"'), "client.name", ["string.quoted.double", "meta.interpolation", "variable.other"]],
  ["interpolation end", body('  text "Hi ${client.name}!"'), "}", ["string.quoted.double", "meta.interpolation", "punctuation.section.interpolation.end"]],
  ["escaped interpolation", body('  text "\\${x}"'), "{x}", ["string.quoted.double"]],
  ["interpolation that is not a path", body('  text "${ 1 }"'), "${ 1 }", ["string.quoted.double", "invalid.illegal.interpolation"]],
  ["comment characters in a string", body('  link "http://x/*"'), "http://x/*", ["string.quoted.double"]],
  ["unterminated string", body('  text "abc'), '"abc', ["invalid.illegal.unterminated-string"]],
  ["multi-line string opening", body('  largeText """\n    Line one ${name}\n    \\t"quoted"\n    """'), '"""', ["string.quoted.triple", "punctuation.definition.string.begin"]],
  ["multi-line string text", body('  largeText """\n    Line one ${name}\n    \\t"quoted"\n    """'), "    Line one ", ["string.quoted.triple"]],
  ["multi-line string interpolation", body('  largeText """\n    Line one ${name}\n    \\t"quoted"\n    """'), "name", ["string.quoted.triple", "meta.interpolation", "variable.other"]],
  ["multi-line string escape", body('  largeText """\n    Line one ${name}\n    \\t"quoted"\n    """'), "\\t", ["string.quoted.triple", "constant.character.escape"]],
  ["quotes inside a multi-line string", body('  largeText """\n    Line one ${name}\n    \\t"quoted"\n    """'), '"quoted"', ["string.quoted.triple"]],
  ["multi-line string closing", body('  largeText """\n    Line one ${name}\n    \\t"quoted"\n    """'), '"""', ["string.quoted.triple", "punctuation.definition.string.end"], 1],
  ["statement after a multi-line string", body('  largeText """\n    x\n    """\n  text "y"'), "text", ["entity.name.function.statement"]],
  // comments
  ["line comment start", "// A note", "//", ["comment.line.double-slash", "punctuation.definition.comment"]],
  ["line comment text", "// A note", " A note", ["comment.line.double-slash"]],
  ["trailing line comment", body('  text "x" // note { '), " note { ", ["comment.line.double-slash"]],
  ["block comment", '/* one */ badge b {\n  title "x"\n}', " one ", ["comment.block"]],
  ["block comment end", '/* one */ badge b {\n  title "x"\n}', "*/", ["comment.block", "punctuation.definition.comment.end"]],
  ["code after a block comment", '/* one */ badge b {\n  title "x"\n}', "badge", ["storage.type.declaration"]],
  ["statement after a block comment", body("  /* note */ TITLE always"), "TITLE", ["entity.name.function.statement"]],
  ["multi-line block comment", '/* one\n   two { "\n*/\nbadge b {\n}', '   two { "', ["comment.block"]],
  ["after a multi-line block comment", '/* one\n   two { "\n*/\nbadge b {\n}', "badge", ["storage.type.declaration"]],
  ["statement after the end of a multi-line block comment", body("  /* one\n     two */ size 2"), "size", ["entity.name.function.statement"]],
  ["suppression directive", "// b24layout-disable-next-line unknown-code -- why", "b24layout-disable-next-line", ["comment.line.double-slash", "keyword.other.directive"]],
  // values
  ["integer", body("  x 42"), "42", ["constant.numeric"]],
  ["negative decimal", body("  x -1.5"), "-1.5", ["constant.numeric"]],
  ["exponent", body("  x 2e3"), "2e3", ["constant.numeric"]],
  ["true", body("  bold true"), "true", ["constant.language.boolean"]],
  ["false", body("  bold false"), "false", ["constant.language.boolean"]],
  ["null", body("  x null"), "null", ["constant.language.null"]],
  ["a word that starts like true", body("  x trueish true-x"), "trueish", ["constant.other"]],
  ["a hyphenated word that starts like true", body("  x trueish true-x"), "true-x", ["constant.other"]],
  ["list", body('  x [60, "a", @k]'), "[", ["punctuation.section.brackets.begin"]],
  ["list item", body('  x [60, "a", @k]'), "60", ["constant.numeric"]],
  ["translation ref sigil", body("  header @incoming"), "@", ["variable.other.constant.translation", "punctuation.definition.variable"]],
  ["translation ref key", body("  header @incoming"), "incoming", ["variable.other.constant.translation"]],
  ["hyphenated translation ref", body("  header @call-status"), "call-status", ["variable.other.constant.translation"]],
  ["param ref sigil", body("  ownerId $dealId"), "$", ["variable.parameter.reference", "punctuation.definition.variable"]],
  ["param ref", body("  ownerId $dealId"), "dealId", ["variable.parameter.reference"]],
  ["param ref with a field", body("  when $product.page {\n  }"), "product.page", ["meta.condition", "variable.parameter.reference"]],
  // actions
  ["arrow", body('  link "x" -> redirect "/crm/"'), "->", ["keyword.operator.arrow"]],
  ["action type", body('  link "x" -> redirect "/crm/"'), "redirect", ["support.function.action"]],
  ["continuation line", body('  button "x"\n    -> openRestApp { clientId: 456 }'), "openRestApp", ["support.function.action"]],
  ["a word before an arrow", body('  link "x" bold-> redirect "/"'), "bold", ["constant.other"]],
  ["the arrow after a word", body('  link "x" bold-> redirect "/"'), "->", ["keyword.operator.arrow"]],
  // parameters
  ["parameter name", 'layout l(client: string, p?: { name: string, price?: int }[] = [], c: "web" | "mobile" = "web") {\n}', "client", ["meta.parameters", "variable.parameter"]],
  ["optional mark", 'layout l(client: string, p?: { name: string, price?: int }[] = [], c: "web" | "mobile" = "web") {\n}', "?", ["meta.parameters", "keyword.operator.optional"]],
  ["record field", 'layout l(client: string, p?: { name: string, price?: int }[] = [], c: "web" | "mobile" = "web") {\n}', "price", ["meta.parameters", "meta.type.record", "variable.other.property"]],
  ["union", 'layout l(client: string, p?: { name: string, price?: int }[] = [], c: "web" | "mobile" = "web") {\n}', "|", ["meta.parameters", "keyword.operator.type.union"]],
  ["default", 'layout l(client: string, p?: { name: string, price?: int }[] = [], c: "web" | "mobile" = "web") {\n}', "=", ["meta.parameters", "keyword.operator.assignment"]],
  ["parameters opening", "layout l(a: int) {\n}", "(", ["meta.parameters", "punctuation.definition.parameters.begin"]],
  // punctuation and mistakes
  ["brace", body('  x { a: 1 }'), "{", ["punctuation.section.braces.begin"], 1],
  ["comma", body('  x { a: 1, b: 2 }'), ",", ["punctuation.separator.comma"]],
  ["semicolon", body('  a "x"; b "y"'), ";", ["punctuation.terminator.statement"]],
  ["a character the lexer rejects", body('  tag warning "late" §'), "§", ["invalid.illegal.character"]],
];

describe("scopes", () => {
  it.each(CASES)("%s", (_what, source, token, scopes, occurrence = 0) => {
    expect(scopesOf(source, token, occurrence)).toEqual(scopes);
  });

  it("a string left open on one line does not run into the next", () => {
    const result = tokenize(grammar, body('  text "abc\n  text "x"'));
    expect(short(result.lines[2]!.find((t) => t.text === "text")!.scopes)).toEqual(["entity.name.function.statement"]);
    expect(result.closed).toBe(true);
  });

  it("a multi-line string or block comment left open is open at the end", () => {
    expect(tokenize(grammar, body('  largeText """\n  x')).closed).toBe(false);
    expect(tokenize(grammar, "/* x\nbadge b {\n}").closed).toBe(false);
  });
});
