/**
 * The lookahead tables the build writes into the bundle (scripts/bundle.mjs): computing them
 * validates the grammar, and a parser that reads them parses every text exactly as a parser that
 * computes them does, broken texts included.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { B24Parser } from "../../src/syntax/grammar.js";
import { lexText } from "../../src/syntax/lex.js";
import type { BuiltLookahead } from "../../src/syntax/lookahead.js";
import { serializedLookahead } from "../../src/syntax/parser.js";

const examplesDir = join(import.meta.dirname, "../../examples");
const examples = readdirSync(examplesDir)
  .filter((f) => f.endsWith(".b24layout"))
  .map((f) => readFileSync(join(examplesDir, f), "utf8"));

/** Everything the parser makes of `text`: the tree, its own problems and Chevrotain's errors. */
function parsedWith(parser: B24Parser, text: string): string {
  const lexed = lexText(text);
  parser.begin(text, lexed.tokens, lexed.groups["comments"] ?? []);
  const statements = parser.document();
  return JSON.stringify({ statements, problems: parser.semanticProblems, errors: parser.errors.map((e) => e.message) });
}

/** Texts broken in every way a deleted run of characters breaks them. */
function brokenTexts(text: string): string[] {
  const out: string[] = [];
  for (let at = 0; at < text.length; at += 13) out.push(text.slice(0, at) + text.slice(at + 1 + (at % 5)));
  return out;
}

describe("built lookahead", () => {
  const tables = JSON.parse(JSON.stringify(serializedLookahead())) as BuiltLookahead;

  it("covers every decision of the grammar, and reads back as it was written", () => {
    expect(Object.keys(tables).length).toBeGreaterThan(40);
    expect(tables["statementList/Alternation0"]).toBeDefined();
    expect(new B24Parser({ lookahead: tables }).serializedLookahead()).toEqual(tables);
  });

  it("parses every example, and every example broken, as the computed lookahead does", () => {
    const built = new B24Parser({ lookahead: tables });
    const computed = new B24Parser({ lookahead: "compute" });
    const texts = [...examples, ...examples.flatMap(brokenTexts)];
    expect(texts.length).toBeGreaterThan(700);
    for (const text of texts) expect(parsedWith(built, text)).toBe(parsedWith(computed, text));
  });

  it("skips Chevrotain's self-analysis, keying every lookahead function as Chevrotain does", () => {
    const built = new B24Parser({ lookahead: tables });
    const analysed = new B24Parser({ lookahead: "compute" });
    expect(built.recordsGrammar).toBe(false);
    expect(analysed.recordsGrammar).toBe(true);
    // Chevrotain's internal cache of lookahead functions, by its own keys (see B24Parser.useBuiltLookahead).
    const keys = (parser: B24Parser) => [...(parser as unknown as { lookAheadFuncsCache: Map<number, unknown> }).lookAheadFuncsCache.keys()].sort((a, b) => a - b);
    expect(keys(built)).toEqual(keys(analysed));
    expect(keys(built).length).toBe(Object.keys(tables).length);
  });

  it("gives what reads the recorded grammar (Chevrotain's error messages, the syntax diagrams) a recording parser's", () => {
    const built = new B24Parser({ lookahead: tables });
    const analysed = new B24Parser({ lookahead: "compute" });
    expect(built.getSerializedGastProductions()).toEqual(analysed.getSerializedGastProductions());
    expect(Object.keys(built.getGAstProductions()).sort()).toEqual(Object.keys(analysed.getGAstProductions()).sort());
    expect(built.getGAstProductions()["document"]?.definition.length).toBeGreaterThan(0);
  });

  it("refuses tables that name a token type the grammar does not have", () => {
    const [key, decision] = Object.entries(tables).find(([, d]) => "table" in d)!;
    const broken = { ...tables, [key]: { table: { ...(decision as { table: object }).table, NoSuchToken: 0 } } };
    expect(() => new B24Parser({ lookahead: broken })).toThrow("the built lookahead names an unknown token type NoSuchToken");
  });
});
