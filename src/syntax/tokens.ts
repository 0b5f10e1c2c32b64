import { createToken, Lexer, type CustomPatternMatcherReturn, type TokenType } from "chevrotain";

/**
 * Tokens of the `.b24layout` language. Newlines are significant (they end a statement), so
 * they are real tokens; spaces and comments are not. Comments go to their own group so the
 * formatter and the editor can still see them.
 */

/**
 * Abstract category of every token but `}`: lets the parser's catch-all (recovery) alternatives
 * consume any token. A `}` is never stray inside a list of statements or entries: it ends the list.
 * Leaving it out lets Chevrotain's lookahead alone end a statement list at `}`.
 */
export const AnyToken = createToken({ name: "AnyToken", pattern: Lexer.NA });

/**
 * `createToken` that also puts the token in the `AnyToken` category (unless `stray: false`). Every
 * token states whether it can span lines (`line_breaks`) and which characters it can start with
 * (`start_chars_hint`), so the lexer need not analyse the regular expressions when it is built.
 */
function token(config: Parameters<typeof createToken>[0], { stray = true } = {}): TokenType {
  const own = config.categories === undefined ? [] : Array.isArray(config.categories) ? config.categories : [config.categories];
  return createToken({ line_breaks: false, ...config, categories: stray ? [...own, AnyToken] : own });
}

const LETTERS = [..."ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"];
const DIGITS = [..."0123456789"];

// ----- matchers written out -----
//
// Tokens whose regular expression repeats a group (`(?:a|\\.)*`, `(?:-[a-z]+)*`) are matched by
// hand: V8 runs such a group on a backtracking stack that a token of some million characters
// overflows ("Maximum call stack size exceeded"). Each matcher takes exactly what the regular
// expression in its comment takes.

/** [A-Za-z_] */
function isNameStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95;
}

/** [A-Za-z0-9_] */
function isNameChar(c: number): boolean {
  return isNameStart(c) || (c >= 48 && c <= 57);
}

/** Past `[A-Za-z0-9_]*` from `i`. */
function skipNameChars(text: string, i: number): number {
  while (i < text.length && isNameChar(text.charCodeAt(i))) i++;
  return i;
}

/** Past `[A-Za-z_][A-Za-z0-9_]*(?:-[A-Za-z0-9_]+)*` from `i`, or -1 when no name starts there. */
function skipHyphenatedName(text: string, i: number): number {
  if (!isNameStart(text.charCodeAt(i))) return -1;
  i = skipNameChars(text, i + 1);
  while (text.charCodeAt(i) === 45 /* - */ && isNameChar(text.charCodeAt(i + 1))) i = skipNameChars(text, i + 2);
  return i;
}

function matched(text: string, start: number, end: number): CustomPatternMatcherReturn {
  return [text.slice(start, end)];
}

/** Where `"(?:[^"\\\r\n]|\\.)*` stops from `offset` (at a `"`): `.` takes no line terminator. */
function quotedStringStop(text: string, offset: number): number {
  let i = offset + 1;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === 34 /* " */ || c === 10 || c === 13) return i;
    if (c === 92 /* \\ */) {
      const next = text.charCodeAt(i + 1);
      if (Number.isNaN(next) || next === 10 || next === 13 || next === 0x2028 || next === 0x2029) return i;
      i += 2;
    } else {
      i++;
    }
  }
  return i;
}

/** `"(?:[^"\\\r\n]|\\.)*"` */
function matchQuotedString(text: string, offset: number): CustomPatternMatcherReturn | null {
  if (text.charCodeAt(offset) !== 34) return null;
  const stop = quotedStringStop(text, offset);
  return text.charCodeAt(stop) === 34 ? matched(text, offset, stop + 1) : null;
}

/** `"(?:[^"\\\r\n]|\\.)*\\?` */
function matchUnterminatedString(text: string, offset: number): CustomPatternMatcherReturn | null {
  if (text.charCodeAt(offset) !== 34) return null;
  const stop = quotedStringStop(text, offset);
  return matched(text, offset, text.charCodeAt(stop) === 92 ? stop + 1 : stop);
}

/** `[A-Za-z_][A-Za-z0-9_]*(?:-[A-Za-z0-9_]+)*` */
function matchIdentifier(text: string, offset: number): CustomPatternMatcherReturn | null {
  const end = skipHyphenatedName(text, offset);
  return end < 0 ? null : matched(text, offset, end);
}

/** `@[A-Za-z_][A-Za-z0-9_]*(?:-[A-Za-z0-9_]+)*` */
function matchTranslationRef(text: string, offset: number): CustomPatternMatcherReturn | null {
  if (text.charCodeAt(offset) !== 64 /* @ */) return null;
  const end = skipHyphenatedName(text, offset + 1);
  return end < 0 ? null : matched(text, offset, end);
}

/** Past `[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*` from `i`, or -1 when no name starts there. */
function skipDottedPath(text: string, i: number): number {
  if (!isNameStart(text.charCodeAt(i))) return -1;
  i = skipNameChars(text, i + 1);
  while (text.charCodeAt(i) === 46 /* . */ && isNameStart(text.charCodeAt(i + 1))) i = skipNameChars(text, i + 2);
  return i;
}

/** `\$[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*` */
function matchParamRef(text: string, offset: number): CustomPatternMatcherReturn | null {
  if (text.charCodeAt(offset) !== 36 /* $ */) return null;
  const end = skipDottedPath(text, offset + 1);
  return end < 0 ? null : matched(text, offset, end);
}

/** Whether `text` is one name as the lexer reads it (`call-completed`); true, false and null included. */
export function isName(text: string): boolean {
  return skipHyphenatedName(text, 0) === text.length;
}

/** Whether `text` is a parameter path as `$` takes it (`item.name`): what `${…}` may hold. */
export function isParameterPath(text: string): boolean {
  return skipDottedPath(text, 0) === text.length;
}

export const Newline = token({
  name: "Newline",
  pattern: /\r\n?|\n/,
  start_chars_hint: ["\r", "\n"],
  line_breaks: true,
  label: "end of line",
});
export const WhiteSpace = token({
  name: "WhiteSpace",
  pattern: /[ \t\f\v\u00a0\ufeff]+/,
  start_chars_hint: [" ", "\t", "\f", "\v", "\u00a0", "\ufeff"],
  group: Lexer.SKIPPED,
});

export const LineComment = token({
  name: "LineComment",
  pattern: /\/\/[^\r\n]*/,
  start_chars_hint: ["/"],
  group: "comments",
});
export const BlockComment = token({
  name: "BlockComment",
  pattern: /\/\*[\s\S]*?\*\//,
  start_chars_hint: ["/"],
  line_breaks: true,
  group: "comments",
});
export const UnterminatedBlockComment = token({
  name: "UnterminatedBlockComment",
  pattern: /\/\*[\s\S]*/,
  start_chars_hint: ["/"],
  line_breaks: true,
  group: "comments",
});

/** Abstract category: every kind of string token. */
export const StringToken = token({ name: "StringToken", pattern: Lexer.NA, label: "string" });
export const TripleString = token({
  name: "TripleString",
  pattern: /"""[\s\S]*?"""/,
  start_chars_hint: ['"'],
  line_breaks: true,
  categories: [StringToken],
  label: "multi-line string",
});
export const UnterminatedTripleString = token({
  name: "UnterminatedTripleString",
  pattern: /"""[\s\S]*/,
  start_chars_hint: ['"'],
  line_breaks: true,
  categories: [StringToken],
  label: "multi-line string",
});
export const QuotedString = token({
  name: "QuotedString",
  pattern: { exec: matchQuotedString },
  start_chars_hint: ['"'],
  categories: [StringToken],
  label: "string",
});
export const UnterminatedString = token({
  name: "UnterminatedString",
  pattern: { exec: matchUnterminatedString },
  start_chars_hint: ['"'],
  categories: [StringToken],
  label: "string",
});

export const NumberToken = token({
  name: "Number",
  pattern: /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/,
  start_chars_hint: ["-", ...DIGITS],
  label: "number",
});
export const Arrow = token({ name: "Arrow", pattern: /->/, start_chars_hint: ["-"], label: "'->'" });
export const TranslationRefToken = token({
  name: "TranslationRef",
  pattern: { exec: matchTranslationRef },
  start_chars_hint: ["@"],
  label: "translation reference (@key)",
});

/** `$name` or `$item.field`: a template parameter, a loop variable or a field of one. */
export const ParamRefToken = token({
  name: "ParamRef",
  pattern: { exec: matchParamRef },
  start_chars_hint: ["$"],
  label: "parameter reference ($name)",
});

/** Words may contain inner hyphens (`call-completed`) but never end with one, so `bold->` splits. */
export const Identifier = token({
  name: "Identifier",
  pattern: { exec: matchIdentifier },
  start_chars_hint: [...LETTERS, "_"],
  label: "name",
});
/** `import { … } from "…"` at the start of a statement: the one reserved word. */
export const Import = token({ name: "Import", pattern: /import/, start_chars_hint: ["i"], longer_alt: Identifier, label: "'import'" });
export const True = token({ name: "True", pattern: /true/, start_chars_hint: ["t"], longer_alt: Identifier, label: "'true'" });
export const False = token({ name: "False", pattern: /false/, start_chars_hint: ["f"], longer_alt: Identifier, label: "'false'" });
export const Null = token({ name: "Null", pattern: /null/, start_chars_hint: ["n"], longer_alt: Identifier, label: "'null'" });

export const LBrace = token({ name: "LBrace", pattern: /\{/, start_chars_hint: ["{"], label: "'{'" });
export const RBrace = token({ name: "RBrace", pattern: /\}/, start_chars_hint: ["}"], label: "'}'" }, { stray: false });
export const LBracket = token({ name: "LBracket", pattern: /\[/, start_chars_hint: ["["], label: "'['" });
export const RBracket = token({ name: "RBracket", pattern: /\]/, start_chars_hint: ["]"], label: "']'" });
export const Colon = token({ name: "Colon", pattern: /:/, start_chars_hint: [":"], label: "':'" });
export const Comma = token({ name: "Comma", pattern: /,/, start_chars_hint: [","], label: "','" });
export const Semicolon = token({ name: "Semicolon", pattern: /;/, start_chars_hint: [";"], label: "';'" });
// Parameter lists: `layout call(client: string, missed?: bool = false, channel: "web" | "mobile")`.
export const LParen = token({ name: "LParen", pattern: /\(/, start_chars_hint: ["("], label: "'('" });
export const RParen = token({ name: "RParen", pattern: /\)/, start_chars_hint: [")"], label: "')'" });
export const Question = token({ name: "Question", pattern: /\?/, start_chars_hint: ["?"], label: "'?'" });
export const Pipe = token({ name: "Pipe", pattern: /\|/, start_chars_hint: ["|"], label: "'|'" });
export const Equals = token({ name: "Equals", pattern: /=/, start_chars_hint: ["="], label: "'='" });

export const allTokens: TokenType[] = [
  AnyToken,
  Newline,
  WhiteSpace,
  LineComment,
  BlockComment,
  UnterminatedBlockComment,
  StringToken,
  TripleString,
  UnterminatedTripleString,
  QuotedString,
  UnterminatedString,
  NumberToken,
  Arrow,
  TranslationRefToken,
  ParamRefToken,
  Import,
  True,
  False,
  Null,
  Identifier,
  LBrace,
  RBrace,
  LBracket,
  RBracket,
  Colon,
  Comma,
  Semicolon,
  LParen,
  RParen,
  Question,
  Pipe,
  Equals,
];

export const b24Lexer = new Lexer(allTokens, {
  // The parser needs where tokens start; where they end follows from their text.
  positionTracking: "onlyStart",
  ensureOptimizations: false,
  skipValidations: true,
});

/**
 * The regular expression each hand-written matcher takes exactly: the grammar reference shows it,
 * and test/syntax/tokens.test.ts checks that matcher and expression agree.
 */
export const WRITTEN_OUT_PATTERNS: ReadonlyMap<TokenType, RegExp> = new Map([
  [QuotedString, /"(?:[^"\\\r\n]|\\.)*"/],
  [UnterminatedString, /"(?:[^"\\\r\n]|\\.)*\\?/],
  [TranslationRefToken, /@[A-Za-z_][A-Za-z0-9_]*(?:-[A-Za-z0-9_]+)*/],
  [ParamRefToken, /\$[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*/],
  [Identifier, /[A-Za-z_][A-Za-z0-9_]*(?:-[A-Za-z0-9_]+)*/],
]);
