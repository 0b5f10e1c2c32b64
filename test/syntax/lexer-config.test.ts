/**
 * The lexer runs as fast as Chevrotain can make it: every token type says which characters it
 * starts with, so Chevrotain's first-character optimisation is on (with `ensureOptimizations` it
 * throws instead of falling back to trying every pattern at every character), and the token types
 * pass Chevrotain's validations, which the program's lexer skips when it is built.
 */
import { Lexer } from "chevrotain";
import { describe, expect, it } from "vitest";
import { allTokens } from "../../src/syntax/tokens.js";

describe("the lexer's configuration", () => {
  it("has Chevrotain's first-character optimisation on, and valid token types", () => {
    const lexer = new Lexer(allTokens, { positionTracking: "onlyStart", ensureOptimizations: true, skipValidations: false });
    expect(lexer.lexerDefinitionErrors).toEqual([]);
    expect(lexer.tokenize("layout a {\n  header \"b\"\n}\n").tokens.map((t) => t.tokenType.name)).toEqual(["Identifier", "Identifier", "LBrace", "Newline", "Identifier", "QuotedString", "Newline", "RBrace", "Newline"]);
  });
});
