/** The parser's messages that do not belong to one grammar rule: how tokens are named, and the messages several places give. */
import { EOF, tokenMatcher, type IRecognitionException, type IToken } from "chevrotain";
import { MAX_NESTING_DEPTH, MAX_TOKENS } from "./limits.js";
import type { BlockEnd } from "./open-blocks.js";
import { Newline, StringToken } from "./tokens.js";
import { groupedDigits } from "../util/index.js";

/** How a message names a token after "found": "end of line", "the string "…"", "'}'". */
export function describeToken(token: IToken): string {
  if (tokenMatcher(token, EOF) || Number.isNaN(token.startOffset)) return "end of file";
  if (tokenMatcher(token, Newline)) return "end of line";
  if (tokenMatcher(token, StringToken)) return `the ${unexpected(token).slice("Unexpected ".length)}`;
  return `'${shortImage(token)}'`;
}

/** "Unexpected '}'", "Unexpected string "…"", "Unexpected end of line". */
export function unexpected(token: IToken): string {
  if (tokenMatcher(token, StringToken)) return `Unexpected string ${shortImage(token)}`;
  return `Unexpected ${describeToken(token)}`;
}

/** The token's text, cut at its first line break or after 20 characters. */
export function shortImage(token: IToken): string {
  const firstLine = token.image.split(/\r\n?|\n/)[0]!;
  const cut = firstLine.length > 20 || firstLine.length < token.image.length;
  return cut ? `${firstLine.slice(0, 20)}…` : firstLine;
}

/** The one error of a text with more than MAX_TOKENS tokens. */
export const TOO_MANY_TOKENS_MESSAGE = `The file has more than ${groupedDigits(MAX_TOKENS)} tokens (names, values, punctuation and comments), more than b24layout reads: split it into several files.`;

/** The error at a `{` left open, where open-blocks.ts found its block to end. */
export function unclosedMessage(what: string, end: BlockEnd): string {
  const line = end.before.startLine!;
  const unclosed = "This '{' has no matching '}':";
  if (end.reason === "outer close") return `${unclosed} the '}' on line ${line} is indented like an outer block's and closes that one. Add a '}' before it.`;
  const where = end.reason === "declaration" ? `where '${end.before.image}' starts a new declaration` : "which is indented no deeper than this line";
  return `${unclosed} the ${what} seems to end before line ${line}, ${where}. Add the '}' there.`;
}

/** The error at the bracket that opens one level more than MAX_NESTING_DEPTH. */
export function tooDeepMessage(bracket: string): string {
  return `Nested too deeply: this '${bracket}' opens level ${MAX_NESTING_DEPTH + 1}, but blocks, maps, lists and parameter types may nest at most ${MAX_NESTING_DEPTH} levels.`;
}

/** The message for characters no token starts with. */
export function unexpectedCharacters(chars: string): string {
  const first = String.fromCodePoint(chars.codePointAt(0)!);
  const shown = (s: string) => {
    const visible = [...s].every((c) => /[\p{L}\p{N}\p{P}\p{S}]/u.test(c));
    return visible
      ? `'${s.length > 20 ? `${s.slice(0, 20)}…` : s}'`
      : [...s]
          .slice(0, 5)
          .map((c) => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`)
          .join(" ");
  };
  const what = first.length === chars.length ? `character ${shown(first)}` : `characters ${shown(chars)}`;
  if (first === "@") return "Expected a translation key after '@' (for example @incoming).";
  if (first === "'") return `Unexpected character "'": write strings in double quotes ("…").`;
  if (/\p{L}/u.test(first)) {
    return `Unexpected ${what}: names may only contain ASCII letters, digits, '_' and inner '-'; write other text in quotes.`;
  }
  return `Unexpected ${what}.`;
}

/** Chevrotain's messages name token types; rewrite them in words a person writing layouts understands. */
export function explainParseError(e: IRecognitionException): string {
  const expected = /Expecting (?:token of type )?--> (.+?) <--/.exec(e.message);
  if (expected) return `Expected ${humanTokenName(expected[1]!)}, but found ${describeToken(e.token)}.`;
  return `${unexpected(e.token)}.`;
}

/** Token names and labels, as words. */
const TOKEN_WORDS: Readonly<Record<string, string>> = {
  Identifier: "a name",
  name: "a name",
  Colon: "':'",
  Comma: "','",
  Semicolon: "';'",
  LBrace: "'{'",
  RBrace: "'}'",
  LBracket: "'['",
  RBracket: "']'",
  Arrow: "'->'",
  StringToken: "a string",
  QuotedString: "a string",
  TripleString: "a multi-line string",
  string: "a string",
  "multi-line string": "a multi-line string",
  Number: "a number",
  number: "a number",
  TranslationRef: "a translation reference (@key)",
  Import: "'import'",
  ParamRef: "a parameter reference ($name)",
  LParen: "'('",
  RParen: "')'",
  Question: "'?'",
  Pipe: "'|'",
  Equals: "'='",
  "translation reference (@key)": "a translation reference (@key)",
  Newline: "end of line",
  EOF: "end of file",
};

function humanTokenName(raw: string): string {
  const key = raw.trim();
  return TOKEN_WORDS[key] ?? (key.startsWith("'") ? key : "something else");
}
