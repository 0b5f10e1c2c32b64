/**
 * Lexing a text of any size. Chevrotain's lexer turns the whole text into tokens at once: 100 MB
 * of `a;a;a;…` would be 50 million token objects, far more than the heap holds. Long texts are
 * lexed in pieces, counting as it goes, and lexing stops at the token past MAX_TOKENS.
 */
import type { ILexingError, ILexingResult, IToken } from "chevrotain";
import { MAX_TOKENS } from "./limits.js";
import { b24Lexer, Newline } from "./tokens.js";

/** Where a text is cut into pieces: after the first space or line break past this many characters. */
const PIECE_LENGTH = 1 << 20;

/** A point of the text, as the lexer counts it. */
export interface TextPoint {
  readonly offset: number;
  readonly line: number;
  readonly column: number;
}

export interface LexedText extends ILexingResult {
  /**
   * Where the token (or comment, or run of characters no token starts with) past MAX_TOKENS
   * starts, when the text has more than that. Nothing is returned of the text then: it is not
   * parsed.
   */
  readonly tooLong?: TextPoint;
}

/** Lexes `text`. `limit` and `pieceLength` are MAX_TOKENS and PIECE_LENGTH but in tests. */
export function lexText(text: string, limit = MAX_TOKENS, pieceLength = PIECE_LENGTH): LexedText {
  if (text.length <= pieceLength && text.length <= limit) return b24Lexer.tokenize(text);
  const tokens: IToken[] = [];
  const comments: IToken[] = [];
  const errors: ILexingError[] = [];
  let at: TextPoint = { offset: 0, line: 1, column: 1 };
  let length = pieceLength;
  while (at.offset < text.length) {
    const end = pieceEnd(text, at.offset + length);
    const piece = b24Lexer.tokenize(text.slice(at.offset, end));
    const pieceComments = piece.groups["comments"] ?? [];
    const last = lastItem(piece.tokens, pieceComments, piece.errors);
    // A token that runs to the end of the piece may go on after it (a string, a comment): lex
    // again from where it starts, with a piece twice as long.
    if (end < text.length && last !== undefined && last.end === end - at.offset && last.token?.tokenType !== Newline) {
      keepBefore(piece, pieceComments, last.start, at, tokens, comments, errors);
      at = pointAfter(text, at, at.offset + last.start);
      length *= 2;
      if (tokens.length + comments.length + errors.length > limit) return tooLong(tokens, comments, errors, limit);
      continue;
    }
    keepBefore(piece, pieceComments, Infinity, at, tokens, comments, errors);
    if (tokens.length + comments.length + errors.length > limit) return tooLong(tokens, comments, errors, limit);
    at = pointAfter(text, at, end);
    length = pieceLength;
  }
  return { tokens, groups: { comments }, errors };
}

/**
 * The offset just past the first space, tab or line break at or after `from`, or the end of the
 * text. Lexing starts afresh there: a piece ends between two tokens, or inside a token that then
 * runs to its end (see lexText). A CR LF is never split.
 */
function pieceEnd(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 9 || c === 10) return i + 1;
    if (c === 13) return text.charCodeAt(i + 1) === 10 ? i + 2 : i + 1;
  }
  return text.length;
}

/** The last token, comment or lexing error of a piece: where it starts and ends in the piece. */
function lastItem(
  tokens: readonly IToken[],
  comments: readonly IToken[],
  errors: readonly ILexingError[],
): { readonly start: number; readonly end: number; readonly token?: IToken } | undefined {
  let last: { start: number; end: number; token?: IToken } | undefined;
  const token = tokens[tokens.length - 1];
  if (token) last = { start: token.startOffset, end: token.startOffset + token.image.length, token };
  const comment = comments[comments.length - 1];
  if (comment && (!last || comment.startOffset > last.start)) last = { start: comment.startOffset, end: comment.startOffset + comment.image.length, token: comment };
  const error = errors[errors.length - 1];
  if (error && (!last || error.offset > last.start)) last = { start: error.offset, end: error.offset + error.length };
  return last;
}

/** Moves what a piece found before `before` (an offset in the piece) to the text's lists, with positions in the text. */
function keepBefore(
  piece: ILexingResult,
  pieceComments: readonly IToken[],
  before: number,
  at: TextPoint,
  tokens: IToken[],
  comments: IToken[],
  errors: ILexingError[],
): void {
  const lines = at.line - 1;
  const columns = at.column - 1;
  for (const list of [piece.tokens, pieceComments] as const) {
    const into = list === piece.tokens ? tokens : comments;
    for (const t of list) {
      if (t.startOffset >= before) break;
      if (t.startLine === 1) t.startColumn! += columns;
      t.startOffset += at.offset;
      t.startLine! += lines;
      into.push(t);
    }
  }
  for (const e of piece.errors) {
    if (e.offset >= before) break;
    if (e.line === 1) (e as { column: number }).column += columns;
    (e as { offset: number }).offset += at.offset;
    (e as { line: number }).line += lines;
    errors.push(e);
  }
}

/** The point at `offset`, counting line breaks (CR LF, CR, LF, as the lexer does) from `from`. */
function pointAfter(text: string, from: TextPoint, offset: number): TextPoint {
  let line = from.line;
  let lineStart = from.offset - (from.column - 1);
  for (let i = from.offset; i < offset; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) {
      line++;
      lineStart = i + 1;
    }
  }
  return { offset, line, column: offset - lineStart + 1 };
}

/** The result for a text with more than `limit` tokens: where the one past the limit starts. */
function tooLong(tokens: readonly IToken[], comments: readonly IToken[], errors: readonly ILexingError[], limit: number): LexedText {
  // The three lists are each in text order: merge them up to the item past the limit.
  let t = 0;
  let c = 0;
  let e = 0;
  for (let n = 0; ; n++) {
    const token = tokens[t];
    const comment = comments[c];
    const error = errors[e];
    const tokenAt = token?.startOffset ?? Infinity;
    const commentAt = comment?.startOffset ?? Infinity;
    const errorAt = error?.offset ?? Infinity;
    let point: TextPoint;
    if (tokenAt <= commentAt && tokenAt <= errorAt) {
      point = { offset: tokenAt, line: token!.startLine!, column: token!.startColumn! };
      t++;
    } else if (commentAt <= errorAt) {
      point = { offset: commentAt, line: comment!.startLine!, column: comment!.startColumn! };
      c++;
    } else {
      point = { offset: errorAt, line: error!.line!, column: error!.column! };
      e++;
    }
    if (n === limit) return { tokens: [], groups: { comments: [] }, errors: [], tooLong: point };
  }
}
