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

/**
 * Resolves backslash escapes in `text` (the characters between the quotes). `base` is the offset
 * of `text` inside the token, so problems point at the right column.
 */
function unescape(text: string, base: number, problems: StringProblem[], loneBackslash = LONE_BACKSLASH_AT_END): string {
  if (!text.includes("\\")) return text;
  let out = "";
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch !== "\\") {
      out += ch;
      continue;
    }
    const next = text[i + 1];
    if (next === undefined) {
      problems.push({ offset: base + i, length: 1, message: loneBackslash });
      break;
    }
    const simple = SIMPLE_ESCAPES[next];
    if (simple !== undefined) {
      out += simple;
      i++;
      continue;
    }
    if (next === "u") {
      const braced = /^\{([0-9a-fA-F]{1,6})\}/.exec(text.slice(i + 2));
      const plain = /^[0-9a-fA-F]{4}/.exec(text.slice(i + 2));
      const hex = braced ? braced[1]! : plain ? plain[0] : undefined;
      const consumed = braced ? braced[0].length : 4;
      const code = hex === undefined ? NaN : parseInt(hex, 16);
      if (hex === undefined || code > 0x10ffff) {
        problems.push({
          offset: base + i,
          length: 2,
          message: "Invalid unicode escape: write \\uXXXX or \\u{X…} with hexadecimal digits.",
        });
        i++;
        continue;
      }
      out += String.fromCodePoint(code);
      i += 1 + consumed;
      continue;
    }
    problems.push({
      offset: base + i,
      length: 2,
      message: `Unknown escape sequence '\\${next}'. Use \\n, \\t, \\", \\\\ or \\uXXXX.`,
    });
    out += next;
    i++;
  }
  return out;
}

/** Decodes a `"…"` token (quotes included; the closing quote may be missing). */
export function decodeQuotedString(image: string, terminated: boolean): DecodedString {
  const problems: StringProblem[] = [];
  const inner = image.slice(1, terminated ? -1 : undefined);
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
