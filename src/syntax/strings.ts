/** Decoding of string literals: escapes, and the indentation rule of `"""` strings. */
import { isParameterPath } from "./tokens.js";

export interface StringProblem {
  /** Offset inside the token text where the problem starts. */
  readonly offset: number;
  readonly length: number;
  readonly message: string;
}

/** `${path}` inside a string: where it is in the token, and the path it names. */
export interface InterpolationPart {
  readonly path: readonly string[];
  /** Offset of the `$` inside the token text. */
  readonly offset: number;
  /** Up to and including the `}`. */
  readonly length: number;
}

export interface DecodedString {
  /** The text; an interpolation stands in it as `${path}`. */
  readonly value: string;
  readonly problems: readonly StringProblem[];
  /** Present when the string has interpolations: literal pieces (escapes resolved) and interpolations. */
  readonly parts?: readonly (string | InterpolationPart)[];
}

const SIMPLE_ESCAPES: Readonly<Record<string, string>> = {
  '"': '"',
  "\\": "\\",
  "/": "/",
  n: "\n",
  t: "\t",
  r: "\r",
  b: "\b",
  f: "\f",
  // `\${` is a literal `${`, not an interpolation.
  $: "$",
};

const LONE_BACKSLASH_AT_END = "A string cannot end with a lone backslash.";
const LONE_BACKSLASH_AT_LINE_END = "A line cannot end with a lone backslash: write \\\\ for a backslash.";

/** The digits of `\u{1F600}` and of `\u00e9`, matched where `lastIndex` says (sticky). */
const BRACED_HEX = /\{([0-9a-fA-F]{1,6})\}/y;
const PLAIN_HEX = /[0-9a-fA-F]{4}/y;

/** The problems of a string without any: shared, as most strings have none. */
const NO_PROBLEMS: readonly StringProblem[] = Object.freeze([]);

/**
 * Resolves backslash escapes in `text` (the characters between the quotes). `base` is the offset
 * of `text` inside the token, so problems point at the right column. The text between escapes is
 * copied in one piece.
 */
function unescape(text: string, base: number, problems: StringProblem[], loneBackslash = LONE_BACKSLASH_AT_END): string {
  let i = text.indexOf("\\");
  if (i < 0) return text;
  let out = "";
  /** Where the text not yet copied to `out` starts. */
  let from = 0;
  for (; i >= 0; i = text.indexOf("\\", from)) {
    out += text.slice(from, i);
    const next = text[i + 1];
    if (next === undefined) {
      problems.push({ offset: base + i, length: 1, message: loneBackslash });
      return out;
    }
    from = i + 2;
    const simple = SIMPLE_ESCAPES[next];
    if (simple !== undefined) {
      out += simple;
      continue;
    }
    if (next === "u") {
      BRACED_HEX.lastIndex = PLAIN_HEX.lastIndex = i + 2;
      const braced = BRACED_HEX.exec(text);
      const plain = PLAIN_HEX.exec(text);
      const hex = braced ? braced[1]! : plain ? plain[0] : undefined;
      const consumed = braced ? braced[0].length : 4;
      const code = hex === undefined ? NaN : parseInt(hex, 16);
      if (hex === undefined || code > 0x10ffff) {
        problems.push({
          offset: base + i,
          length: 2,
          message: "Invalid unicode escape: write \\uXXXX or \\u{X…} with hexadecimal digits.",
        });
        continue;
      }
      out += String.fromCodePoint(code);
      from += consumed;
      continue;
    }
    problems.push({
      offset: base + i,
      length: 2,
      message: `Unknown escape sequence '\\${next}'. Use \\n, \\t, \\", \\\\ or \\uXXXX.`,
    });
    out += next;
  }
  return out + text.slice(from);
}

const LITERAL_HINT = "\\${ for a literal '${'";

/** Adds a piece to `parts`, joining it to a literal piece before it. */
function appendPart(parts: (string | InterpolationPart)[], piece: string | InterpolationPart): void {
  const last = parts[parts.length - 1];
  if (typeof piece === "string" && typeof last === "string") parts[parts.length - 1] = last + piece;
  else parts.push(piece);
}

/** A piece of string text decoded: its value, and its parts when it interpolates. */
interface DecodedText {
  readonly value: string;
  readonly parts: (string | InterpolationPart)[] | undefined;
}

/**
 * Resolves escapes and finds `${path}` interpolations in `text` (offset `base` in the token). A
 * backslash escapes the character after it, so `\${` is not an interpolation.
 */
function decodeText(text: string, base: number, problems: StringProblem[], loneBackslash = LONE_BACKSLASH_AT_END): DecodedText {
  if (!text.includes("${")) return { value: unescape(text, base, problems, loneBackslash), parts: undefined };
  const parts: (string | InterpolationPart)[] = [];
  let value = "";
  let from = 0;
  const literal = (end: number) => {
    if (end <= from) return;
    const piece = unescape(text.slice(from, end), base + from, problems, loneBackslash);
    value += piece;
    appendPart(parts, piece);
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === "\\") {
      i++;
      continue;
    }
    if (ch !== "$" || text[i + 1] !== "{") continue;
    literal(i);
    const close = text.indexOf("}", i + 2);
    if (close < 0) {
      problems.push({ offset: base + i, length: 2, message: `Unterminated interpolation: '${"${"}' has no matching '}'. Write ${LITERAL_HINT}.` });
      from = i;
      break;
    }
    const inner = text.slice(i + 2, close).trim();
    if (isParameterPath(inner)) {
      parts.push({ path: inner.split("."), offset: base + i, length: close + 1 - i });
      value += "${" + inner + "}";
    } else {
      problems.push({
        offset: base + i,
        length: close + 1 - i,
        message: `Invalid interpolation '${text.slice(i, close + 1)}': write ${"${name}"} or ${"${name.field}"} (a parameter or loop variable), or ${LITERAL_HINT}.`,
      });
    }
    from = close + 1;
    i = close;
  }
  if (from < text.length) literal(text.length);
  return { value, parts: parts.some((p) => typeof p !== "string") ? parts : undefined };
}

/** Decodes a `"…"` token (quotes included; the closing quote may be missing). */
export function decodeQuotedString(image: string, terminated: boolean): DecodedString {
  const inner = image.slice(1, terminated ? -1 : undefined);
  if (!inner.includes("\\") && !inner.includes("${")) return { value: inner, problems: NO_PROBLEMS };
  const problems: StringProblem[] = [];
  const decoded = decodeText(inner, 1, problems);
  return decoded.parts ? { value: decoded.value, problems, parts: decoded.parts } : { value: decoded.value, problems };
}

/**
 * Decodes a `"""…"""` token. As in Swift and Kotlin raw blocks: the line break right after the
 * opening quotes and the one before the closing quotes are not part of the value, and the
 * indentation of the closing quotes is removed from every line, so the text can be indented with
 * the code around it. Line breaks (CRLF, CR, LF) become `\n`.
 *
 * Escapes are resolved line by line, after the indentation is removed, so every problem keeps
 * the offset of its backslash in the token.
 */
export function decodeTripleString(image: string, terminated: boolean): DecodedString {
  const inner = image.slice(3, terminated ? -3 : undefined);
  let lines = splitLines(inner, 3);
  const leading = lines.length > 1 && isBlank(lines[0]!.text);
  if (leading) lines = lines.slice(1);
  if (lines.length > 1 && isBlank(lines[lines.length - 1]!.text)) {
    const indent = lines[lines.length - 1]!.text;
    lines = lines.slice(0, -1).map((line) => {
      const stripped = line.text.startsWith(indent) ? indent.length : line.text.length - line.text.trimStart().length;
      return { text: line.text.slice(stripped), offset: line.offset + stripped };
    });
  } else if (leading && lines.length === 1 && isBlank(lines[0]!.text)) {
    lines = [];
  }
  // Most texts have no escape and no interpolation: their lines are the value as they are.
  if (!inner.includes("\\") && !inner.includes("${")) return { value: lines.map((line) => line.text).join("\n"), problems: NO_PROBLEMS };
  const problems: StringProblem[] = [];
  const decodedLines = lines.map((line, i) =>
    decodeText(line.text, line.offset, problems, i === lines.length - 1 ? LONE_BACKSLASH_AT_END : LONE_BACKSLASH_AT_LINE_END),
  );
  const value = decodedLines.map((d) => d.value).join("\n");
  if (!decodedLines.some((d) => d.parts)) return { value, problems };
  const parts: (string | InterpolationPart)[] = [];
  decodedLines.forEach((d, i) => {
    const pieces = d.parts ?? [d.value];
    if (i > 0) pieces.unshift("\n");
    for (const piece of pieces) appendPart(parts, piece);
  });
  return { value, problems, parts };
}

/** A line of a multi-line string: its text, and the offset (in the token) of its first character. */
interface TextLine {
  readonly text: string;
  readonly offset: number;
}

/** The lines of `text` (which starts at offset `base` in its token); line breaks are CRLF, CR and LF. */
function splitLines(text: string, base: number): TextLine[] {
  const lines: TextLine[] = [];
  let lineStart = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== 10 && c !== 13) continue;
    lines.push({ text: text.slice(lineStart, i), offset: base + lineStart });
    if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
    lineStart = i + 1;
  }
  lines.push({ text: text.slice(lineStart), offset: base + lineStart });
  return lines;
}

/** `^[ \t]*$` */
function isBlank(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9) return false;
  }
  return true;
}
