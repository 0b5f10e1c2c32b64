/** Sets of token types the parser tests tokens against, and the one helper that tests a token that may be missing. */
import { tokenMatcher, type IToken, type TokenType } from "chevrotain";
import {
  allTokens,
  False,
  Identifier,
  LBrace,
  LBracket,
  LParen,
  Null,
  NumberToken,
  ParamRefToken,
  RBrace,
  RBracket,
  RParen,
  StringToken,
  TranslationRefToken,
  TripleString,
  True,
  UnterminatedString,
  UnterminatedTripleString,
} from "./tokens.js";

/**
 * A set of token types as a table indexed by `tokenTypeIdx` (categories expanded), so that a
 * membership test on the hot path is one array read: `set[token.tokenTypeIdx] === true`.
 */
export type TokenSet = readonly (boolean | undefined)[];

export function tokenSet(types: readonly TokenType[]): TokenSet {
  const set: boolean[] = [];
  for (const type of types) {
    set[type.tokenTypeIdx!] = true;
    for (const member of type.categoryMatches ?? []) set[member] = true;
  }
  return set;
}

/** `tokenMatcher` for a token that may be missing. */
export function is(token: IToken | undefined, type: TokenType): boolean {
  return token !== undefined && tokenMatcher(token, type);
}

/** Tokens that start an argument for sure (a `{` may also open a body). */
export const ARGUMENT_START = tokenSet([Identifier, StringToken, NumberToken, True, False, Null, TranslationRefToken, ParamRefToken, LBracket, LParen]);
/** Tokens that can start a map value. */
export const MAP_VALUE_START = tokenSet([StringToken, NumberToken, True, False, Null, TranslationRefToken, ParamRefToken, LBracket, LBrace]);
export const MULTILINE_STRING = tokenSet([TripleString, UnterminatedTripleString]);
export const OPENING_BRACKET = tokenSet([LBrace, LBracket, LParen]);
export const CLOSING_BRACKET = tokenSet([RBrace, RBracket, RParen]);
export const OPENING_BRACE = tokenSet([LBrace]);
export const CLOSING_BRACE = tokenSet([RBrace]);
export const UNTERMINATED_STRING = tokenSet([UnterminatedString, UnterminatedTripleString]);
/** Tokens whose text may span lines; every other token ends on the line it starts on. */
export const MULTILINE = tokenSet(allTokens.filter((t) => t.LINE_BREAKS === true));
