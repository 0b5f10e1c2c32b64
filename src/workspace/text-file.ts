/**
 * Reading a file as UTF-8 text: the one way the CLI reads what a user wrote (sources and the
 * files they import, configs, JSON to import). A file is text only when it is: a binary file, or
 * bytes that are not UTF-8, are named as such at their place, rather than decoded into U+FFFD
 * replacement characters that would then be checked, compiled or formatted as if written.
 */
import { isUtf8 } from "node:buffer";
import { BINARY_FILE_MESSAGE, bytesLookBinary } from "../syntax/index.js";
import { LineIndex } from "../util/index.js";
import { readRegularFileOrThrow } from "./real-paths.js";

/** Why a file's bytes are not text, and where (1-based, in UTF-16 units as every position). */
export interface TextProblem {
  readonly offset: number;
  readonly line: number;
  readonly column: number;
  /** How much of the text the problem covers: the replacement character of a bad byte, or nothing for the whole file. */
  readonly length: number;
  /** The message of the file's own diagnostic. */
  readonly message: string;
  /** The same, to say why a file named elsewhere (an import) cannot be read: "the file appears to be binary". */
  readonly reason: string;
}

export interface TextFile {
  /**
   * The text, without a byte-order mark. When the bytes are not UTF-8, each bad sequence is
   * U+FFFD here: enough to show the line in a code frame, never to be used as the file's text.
   */
  readonly text: string;
  /** Whether the file started with a byte-order mark (a formatter writes it back). */
  readonly bom: boolean;
  /** Set when the file is not UTF-8 text. */
  readonly problem?: TextProblem;
}

const UTF8_BOM = [0xef, 0xbb, 0xbf];

/**
 * Reads `path` as UTF-8 text. Throws what the file system throws (a missing file, say), and for
 * anything that is not a regular file: a FIFO or a device is never waited on (see readRegularFileOrThrow).
 */
export function readTextFile(path: string): TextFile {
  return decodeText(readRegularFileOrThrow(path).bytes);
}

/** Decodes file contents (see TextFile). */
export function decodeText(bytes: Uint8Array): TextFile {
  const bom = startsWith(bytes, UTF8_BOM);
  const body = bom ? bytes.subarray(3) : bytes;
  const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(body);
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) {
    return { text, bom, problem: { offset: 0, line: 1, column: 1, length: 0, message: "The file is UTF-16 text: save it as UTF-8.", reason: "it is UTF-16, not UTF-8" } };
  }
  if (bytesLookBinary(body)) return { text, bom, problem: { offset: 0, line: 1, column: 1, length: 0, message: BINARY_FILE_MESSAGE, reason: "the file appears to be binary" } };
  if (isUtf8(body)) return { text, bom };
  const bad = firstInvalidUtf8(body);
  const point = endPoint(new TextDecoder("utf-8", { ignoreBOM: true }).decode(body.subarray(0, bad)));
  const byte = `0x${body[bad]!.toString(16).toUpperCase().padStart(2, "0")}`;
  const message = `Invalid UTF-8: byte ${byte} here is not part of a UTF-8 character. Save the file as UTF-8.`;
  return { text, bom, problem: { ...point, length: 1, message, reason: `byte ${byte} at line ${point.line}, column ${point.column} is not UTF-8` } };
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

/**
 * The index of the first byte that does not start a well-formed UTF-8 sequence (RFC 3629: no
 * overlong forms, no surrogates, nothing past U+10FFFF), as a decoder would replace it.
 */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let length: number;
    let low = 0x80;
    let high = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) length = 2;
    else if (b >= 0xe0 && b <= 0xef) {
      length = 3;
      if (b === 0xe0) low = 0xa0;
      else if (b === 0xed) high = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      length = 4;
      if (b === 0xf0) low = 0x90;
      else if (b === 0xf4) high = 0x8f;
    } else return i;
    // The second byte has the tighter bounds; the others are any continuation byte.
    for (let k = 1; k < length; k++) {
      const c = bytes[i + k];
      if (c === undefined || c < (k === 1 ? low : 0x80) || c > (k === 1 ? high : 0xbf)) return i;
    }
    i += length;
  }
  return i;
}

/** The point just past `text` (lines broken as the parser breaks them). */
function endPoint(text: string): Pick<TextProblem, "offset" | "line" | "column"> {
  return new LineIndex(text).position(text.length);
}
