/**
 * The lexer on texts of any size: the hand-written matchers take what their regular expressions
 * take, a text lexed in pieces gives the tokens of one lexing, and a text past MAX_TOKENS gets one
 * positioned error.
 */
import fc from "fast-check";
import type { ILexingResult, IToken, TokenType } from "chevrotain";
import { describe, expect, it } from "vitest";
import { lexText } from "../../src/syntax/lex.js";
import { MAX_TOKENS } from "../../src/syntax/limits.js";
import { parse } from "../../src/syntax/parser.js";
import { b24Lexer, WRITTEN_OUT_PATTERNS } from "../../src/syntax/tokens.js";

/** Characters that make or break the tokens matched by hand. */
const TRICKY = ['"', "\\", "\n", "\r", "\u2028", "\u2029", "-", ".", "@", "$", "_", "a", "Z", "0", "9", " ", "x", "é", "\t"];
const trickyText = fc.array(fc.constantFrom(...TRICKY), { maxLength: 30 }).map((cs) => cs.join(""));

describe("hand-written matchers", () => {
  const cases = [...WRITTEN_OUT_PATTERNS].map(([type, pattern]) => [type.name, type, pattern] as const);

  it.each(cases)("%s takes what its regular expression takes", (_name, type: TokenType, pattern: RegExp) => {
    const sticky = new RegExp(pattern.source, "y");
    const exec = (type.PATTERN as { exec: (text: string, offset: number) => [string] | null }).exec;
    fc.assert(
      fc.property(trickyText, fc.nat(5), (text, from) => {
        const offset = Math.min(from, text.length);
        sticky.lastIndex = offset;
        const expected = sticky.exec(text)?.[0] ?? null;
        expect(exec(text, offset)?.[0] ?? null).toBe(expected);
      }),
      { numRuns: 3000 },
    );
  });

  it.each([
    ["a string", `"${"x".repeat(9_000_000)}"`],
    ["a string of escapes", `"${"\\n".repeat(4_500_000)}"`],
    ["an unterminated string", `"${"x".repeat(9_000_000)}`],
    ["a hyphenated name", `${"x-".repeat(4_500_000)}x`],
    ["a translation reference", `@${"x-".repeat(4_500_000)}x`],
    ["a parameter path", `$${"x.".repeat(4_500_000)}x`],
  ])("%s of 9 million characters is one token", (_name, token) => {
    const lexed = lexText(`a ${token}`);
    expect(lexed.errors).toEqual([]);
    expect(lexed.tokens.map((t) => t.image.length)).toEqual([1, token.length]);
  });

  it("an interpolation of 9 million characters is read", () => {
    const path = `${"a.".repeat(4_500_000)}a`;
    const { document, diagnostics } = parse(`x "\${${path}}"`);
    expect(diagnostics).toEqual([]);
    const value = document.statements[0]!.args[0]!;
    expect(value.kind === "String" && value.parts?.length).toBe(1);
  });
});

/** What a lexing found, with every position, comparable with toEqual. */
function summary(lexed: ILexingResult): unknown {
  const token = (t: IToken) => [t.tokenType.name, t.image, t.startOffset, t.startLine, t.startColumn];
  return {
    tokens: lexed.tokens.map(token),
    comments: (lexed.groups["comments"] ?? []).map(token),
    errors: lexed.errors.map((e) => [e.offset, e.line, e.column, e.length]),
  };
}

const PIECES = ["layout", "x", "{", "}", "[", "]", ",", ":", '"', '"s t"', '"""', "/*", "*/", "//", "\n", "\r\n", "\r", " ", "  ", "\t", "-1.5", "@k", "$p.q", "§", "->", "é"];

describe("lexing in pieces", () => {
  it("gives the tokens, comments and errors of one lexing, at the same positions", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 120 }), fc.integer({ min: 1, max: 40 }), (parts, pieceLength) => {
        const text = parts.join("");
        expect(summary(lexText(text, Infinity, pieceLength))).toEqual(summary(b24Lexer.tokenize(text)));
      }),
      { numRuns: 2000 },
    );
  });
});

describe("the token limit", () => {
  it("a text with more tokens than the limit is not lexed, and the first token too many is named", () => {
    // a, b, line break, comment, line break, d, §, e
    const text = "a b\n// c\nd § e";
    expect(lexText(text, 4, 3)).toMatchObject({ tokens: [], tooLong: { offset: 8, line: 2, column: 5 } });
    expect(lexText(text, 5, 3).tooLong).toEqual({ offset: 9, line: 3, column: 1 });
    expect(lexText(text, 6, 3).tooLong).toEqual({ offset: 11, line: 3, column: 3 });
    expect(lexText(text, 7, 3).tooLong).toEqual({ offset: 13, line: 3, column: 5 });
    expect(lexText(text, 8, 3).tooLong).toBeUndefined();
  });

  it(`a file with more than ${MAX_TOKENS.toLocaleString("en")} tokens is one error at the token past the limit`, () => {
    const line = "a b c d e f g h i\n"; // 10 tokens a line
    const text = line.repeat(MAX_TOKENS / 10) + "j";
    const { document, diagnostics } = parse(text);
    expect(document.statements).toEqual([]);
    expect(diagnostics.map((d) => [d.ruleId, d.range.start, d.range.end, d.message])).toEqual([
      [
        "syntax-error",
        { offset: text.length - 1, line: MAX_TOKENS / 10 + 1, column: 1 },
        { offset: text.length - 1, line: MAX_TOKENS / 10 + 1, column: 1 },
        "The file has more than 2,000,000 tokens (names, values, punctuation and comments), more than b24layout reads: split it into several files.",
      ],
    ]);
  });

  it("200,000 statements are read (more than a call's arguments can hold)", () => {
    const { document, diagnostics } = parse("a;".repeat(200_000));
    expect(diagnostics).toEqual([]);
    expect(document.statements.length).toBe(200_000);
  });
});
