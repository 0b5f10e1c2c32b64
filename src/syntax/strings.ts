/** Decoding of string literals: escapes, and the indentation rule of `"""` strings. */

export interface StringProblem {
  /** Offset inside the token text where the problem starts. */
  readonly offset: number;
  readonly length: number;
  readonly message: string;
}

export interface DecodedString {
  readonly value: string;
  readonly problems: readonly StringProblem[];
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

/** Decodes a `"…"` token (quotes included; the closing quote may be missing). */
export function decodeQuotedString(image: string, terminated: boolean): DecodedString {
  const inner = image.slice(1, terminated ? -1 : undefined);
  if (!inner.includes("\\")) return { value: inner, problems: NO_PROBLEMS };
  const problems: StringProblem[] = [];
  return { value: unescape(inner, 1, problems), problems };
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
  const problems: StringProblem[] = [];
  const inner = image.slice(3, terminated ? -3 : undefined);
  /** Each line of the text with the offset (in the token) of its first character. */
  let lines: { text: string; offset: number }[] = [];
  const breaks = /\r\n?|\n/g;
  let lineStart = 0;
  for (let m = breaks.exec(inner); m; m = breaks.exec(inner)) {
    lines.push({ text: inner.slice(lineStart, m.index), offset: 3 + lineStart });
    lineStart = m.index + m[0].length;
  }
  lines.push({ text: inner.slice(lineStart), offset: 3 + lineStart });

  const blank = (line: { text: string }) => /^[ \t]*$/.test(line.text);
  const leading = lines.length > 1 && blank(lines[0]!);
  if (leading) lines = lines.slice(1);
  if (lines.length > 1 && blank(lines[lines.length - 1]!)) {
    const indent = lines[lines.length - 1]!.text;
    lines = lines.slice(0, -1).map((line) => {
      const stripped = line.text.startsWith(indent) ? indent.length : line.text.length - line.text.trimStart().length;
      return { text: line.text.slice(stripped), offset: line.offset + stripped };
    });
  } else if (leading && lines.length === 1 && blank(lines[0]!)) {
    lines = [];
  }
  const value = lines
    .map((line, i) => unescape(line.text, line.offset, problems, i === lines.length - 1 ? LONE_BACKSLASH_AT_END : LONE_BACKSLASH_AT_LINE_END))
    .join("\n");
  return { value, problems };
}
