/**
 * Positions in the text: made from the lines and columns the lexer gives every token, and counted
 * forward from them where a token spans lines. The one place positions are made.
 */
import type { IToken } from "chevrotain";
import type { Position, Range } from "./ast.js";
import { MULTILINE } from "./token-sets.js";
import { plainConstructor, type Writable } from "../util/index.js";

// Positions are made by a plain constructor, not an object literal: see util/plain-constructor.ts.
const plain = plainConstructor;

export const SourcePosition = plain(function (this: Writable<Position>, offset: number, line: number, column: number) {
  this.offset = offset;
  this.line = line;
  this.column = column;
});

export const SourceRange = plain(function (this: Writable<Range>, start: Position, end: Position) {
  this.start = start;
  this.end = end;
});

/** The position of the first character of a text. */
export function textStart(): Position {
  return new SourcePosition(0, 1, 1);
}


/**
 * Line breaks are CRLF, CR and LF, as for the lexer (Chevrotain's default line terminators), so
 * positions counted here agree with the lines and columns the lexer gives every token.
 */
export function advance(text: string, from: Position, offset: number): Position {
  let line = from.line;
  let lineStart = from.offset - from.column + 1;
  for (let i = from.offset; i < offset; i++) {
    const c = text.charCodeAt(i);
    if (c === 13 /* \r */) {
      // A CRLF ends the line only once the offset is past its LF.
      if (text.charCodeAt(i + 1) === 10) {
        if (i + 1 >= offset) break;
        i++;
      }
      line++;
      lineStart = i + 1;
    } else if (c === 10 /* \n */) {
      line++;
      lineStart = i + 1;
    }
  }
  return new SourcePosition(offset, line, offset - lineStart + 1);
}

/** Where `token` starts: the lexer tracks lines and columns. */
export function startOf(token: IToken): Position {
  return new SourcePosition(token.startOffset, token.startLine!, token.startColumn!);
}

/** The position `delta` characters into `token`. */
export function positionIn(text: string, token: IToken, delta: number): Position {
  if (MULTILINE[token.tokenTypeIdx] !== true) {
    return new SourcePosition(token.startOffset + delta, token.startLine!, token.startColumn! + delta);
  }
  return advance(text, startOf(token), token.startOffset + delta);
}

/** Just past the last character of `token`. */
export function endOf(text: string, token: IToken): Position {
  return positionIn(text, token, token.image.length);
}
