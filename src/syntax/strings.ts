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

/**
 * Resolves backslash escapes in `text` (the characters between the quotes). `base` is the offset
 * of `text` inside the token, so problems point at the right column.
 */
function unescape(text: string, base: number, problems: StringProblem[]): string {
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
      problems.push({ offset: base + i, length: 1, message: "A string cannot end with a lone backslash." });
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
 * the code around it.
 */
export function decodeTripleString(image: string, terminated: boolean): DecodedString {
  const problems: StringProblem[] = [];
  let start = 3;
  let inner = image.slice(3, terminated ? -3 : undefined).replace(/\r\n?/g, "\n");
  const leading = /^[ \t]*\n/.exec(inner);
  if (leading) {
    inner = inner.slice(leading[0].length);
    start += leading[0].length;
  }
  const lastBreak = inner.lastIndexOf("\n");
  const lastLine = inner.slice(lastBreak + 1);
  if (lastBreak >= 0 && /^[ \t]*$/.test(lastLine)) {
    const indent = lastLine;
    inner = inner.slice(0, lastBreak);
    inner = inner
      .split("\n")
      .map((line) => (line.startsWith(indent) ? line.slice(indent.length) : line.trimStart()))
      .join("\n");
  } else if (lastBreak < 0 && leading && /^[ \t]*$/.test(inner)) {
    inner = "";
  }
  return { value: unescape(inner, start, problems), problems };
}
