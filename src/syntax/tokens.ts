import { createToken, Lexer, type TokenType } from "chevrotain";

/**
 * Tokens of the `.b24layout` language. Newlines are significant (they end a statement), so
 * they are real tokens; spaces and comments are not. Comments go to their own group so the
 * formatter and the editor can still see them.
 */

/** Abstract category every token belongs to: lets the parser's catch-all alternative consume any token. */
export const AnyToken = createToken({ name: "AnyToken", pattern: Lexer.NA });

/** `createToken` that also puts the token in the `AnyToken` category. */
function token(config: Parameters<typeof createToken>[0]): TokenType {
  const own = config.categories === undefined ? [] : Array.isArray(config.categories) ? config.categories : [config.categories];
  return createToken({ ...config, categories: [...own, AnyToken] });
}

export const Newline = token({ name: "Newline", pattern: /\r\n?|\n/, line_breaks: true, label: "end of line" });
export const WhiteSpace = token({ name: "WhiteSpace", pattern: /[ \t\f\v\u00a0\ufeff]+/, group: Lexer.SKIPPED });

export const LineComment = token({ name: "LineComment", pattern: /\/\/[^\r\n]*/, group: "comments" });
export const BlockComment = token({
  name: "BlockComment",
  pattern: /\/\*[\s\S]*?\*\//,
  line_breaks: true,
  group: "comments",
});
export const UnterminatedBlockComment = token({
  name: "UnterminatedBlockComment",
  pattern: /\/\*[\s\S]*/,
  line_breaks: true,
  group: "comments",
});

/** Abstract category: every kind of string token. */
export const StringToken = token({ name: "StringToken", pattern: Lexer.NA, label: "string" });
export const TripleString = token({
  name: "TripleString",
  pattern: /"""[\s\S]*?"""/,
  line_breaks: true,
  categories: [StringToken],
  label: "multi-line string",
});
export const UnterminatedTripleString = token({
  name: "UnterminatedTripleString",
  pattern: /"""[\s\S]*/,
  line_breaks: true,
  categories: [StringToken],
  label: "multi-line string",
});
export const QuotedString = token({
  name: "QuotedString",
  pattern: /"(?:[^"\\\r\n]|\\.)*"/,
  categories: [StringToken],
  label: "string",
});
export const UnterminatedString = token({
  name: "UnterminatedString",
  pattern: /"(?:[^"\\\r\n]|\\.)*\\?/,
  categories: [StringToken],
  label: "string",
});

export const NumberToken = token({
  name: "Number",
  pattern: /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/,
  label: "number",
});
export const Arrow = token({ name: "Arrow", pattern: /->/, label: "'->'" });
export const TranslationRefToken = token({
  name: "TranslationRef",
  pattern: /@[A-Za-z_][A-Za-z0-9_]*(?:-[A-Za-z0-9_]+)*/,
  label: "translation reference (@key)",
});

/** Words may contain inner hyphens (`call-completed`) but never end with one, so `bold->` splits. */
export const Identifier = token({
  name: "Identifier",
  pattern: /[A-Za-z_][A-Za-z0-9_]*(?:-[A-Za-z0-9_]+)*/,
  label: "name",
});
export const True = token({ name: "True", pattern: /true/, longer_alt: Identifier, label: "'true'" });
export const False = token({ name: "False", pattern: /false/, longer_alt: Identifier, label: "'false'" });
export const Null = token({ name: "Null", pattern: /null/, longer_alt: Identifier, label: "'null'" });

export const LBrace = token({ name: "LBrace", pattern: /\{/, label: "'{'" });
export const RBrace = token({ name: "RBrace", pattern: /\}/, label: "'}'" });
export const LBracket = token({ name: "LBracket", pattern: /\[/, label: "'['" });
export const RBracket = token({ name: "RBracket", pattern: /\]/, label: "']'" });
export const Colon = token({ name: "Colon", pattern: /:/, label: "':'" });
export const Comma = token({ name: "Comma", pattern: /,/, label: "','" });
export const Semicolon = token({ name: "Semicolon", pattern: /;/, label: "';'" });

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
];

export const b24Lexer = new Lexer(allTokens, {
  positionTracking: "full",
  ensureOptimizations: false,
  skipValidations: true,
});
