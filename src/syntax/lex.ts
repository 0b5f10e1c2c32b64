/**
 * Lexing a text of any size. Chevrotain's lexer turns the whole text into tokens at once: 100 MB
 * of `a;a;a;…` would be 50 million token objects, far more than the heap holds. Long texts are
 * lexed in pieces, counting as it goes, and lexing stops at the token past MAX_TOKENS. A piece is
 * cut anywhere: of what it finds, only what ends far enough from the cut is kept (see LOOKAHEAD),
 * and the next piece starts there.
 */
import type { ILexingError, ILexingResult, IToken } from "chevrotain";
import { MAX_TOKENS } from "./limits.js";
import { b24Lexer } from "./tokens.js";

/** How long the pieces of a long text are (doubled while a piece holds nothing that is sure). */
const PIECE_LENGTH = 1 << 20;

/**
 * How far past its end the lexer may look to decide a token (`1e+5` against `1`, `"""` against
 * `""`): a token, comment or error that ends at least this far from the end of its piece is the
 * one lexing the whole text gives.
 */
const LOOKAHEAD = 8;

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
    const end = Math.min(text.length, at.offset + length);
    const piece = b24Lexer.tokenize(text.slice(at.offset, end));
    // What the piece found up to `sure` (in the piece) is what lexing the whole text finds there;
    // what comes after may be cut short, and is lexed again with the next piece.
    const sure = end === text.length ? Infinity : end - at.offset - LOOKAHEAD;
    const kept = keepUpTo(piece, sure, at, tokens, comments, errors);
    if (tokens.length + comments.length + errors.length > limit) return tooLong(tokens, comments, errors, limit);
    // The last piece: all of it is sure (and it may hold only spaces).
    if (end === text.length) break;
    if (kept === undefined) {
      // Nothing sure yet: one token longer than the piece (a long string, say).
      length *= 2;
      continue;
    }
    at = pointAfter(text, at, at.offset + kept);
    length = pieceLength;
  }
  return { tokens, groups: { comments }, errors };
}

/**
 * Moves what a piece found that ends by `sure` (an offset in the piece) to the text's lists,
 * with positions in the text, and returns where the last of it ends; undefined when nothing
 * ends by then.
 */
function keepUpTo(
  piece: ILexingResult,
  sure: number,
  at: TextPoint,
  tokens: IToken[],
  comments: IToken[],
  errors: ILexingError[],
): number | undefined {
  const lines = at.line - 1;
  const columns = at.column - 1;
  let kept: number | undefined;
  for (const list of [piece.tokens, piece.groups["comments"] ?? []]) {
    for (const t of list) {
      const tokenEnd = t.startOffset + t.image.length;
      if (tokenEnd > sure) break;
      kept = Math.max(kept ?? 0, tokenEnd);
    }
  }
  for (const e of piece.errors) {
    if (e.offset + e.length > sure) break;
    kept = Math.max(kept ?? 0, e.offset + e.length);
  }
  if (kept === undefined) return undefined;
  // Everything that starts before the end of the last sure item ends by then too: lexing is left to right.
  for (const [list, into] of [
    [piece.tokens, tokens],
    [piece.groups["comments"] ?? [], comments],
  ] as const) {
    for (const t of list) {
      if (t.startOffset >= kept) break;
      if (t.startLine === 1) t.startColumn! += columns;
      t.startOffset += at.offset;
      t.startLine! += lines;
      into.push(t);
    }
  }
  for (const e of piece.errors) {
    if (e.offset >= kept) break;
    if (e.line === 1) (e as { column: number }).column += columns;
    (e as { offset: number }).offset += at.offset;
    (e as { line: number }).line += lines;
    errors.push(e);
  }
  return kept;
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
