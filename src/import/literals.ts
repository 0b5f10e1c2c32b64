/**
 * How values are spelled in `.b24layout` text: words, labels, strings, numbers, maps and lists.
 * The spellings follow the lexer (`src/syntax/tokens.ts`) and the string decoder
 * (`src/syntax/strings.ts`), so what is written reads back as the same value.
 */
import { isName } from "../syntax/index.js";

/** Words the lexer reads as other tokens. */
const RESERVED: ReadonlySet<string> = new Set(["true", "false", "null", "import"]);

/** Whether `s` lexes as one word (an Identifier token), usable as a statement name, a label or a key. */
export function isWord(s: string): boolean {
  // The lexer's own test: a regular expression for it overflows V8's stack on a string of millions of characters.
  return isName(s) && !RESERVED.has(s);
}

/**
 * Whether `s` can be written as a bare word *argument*: the lowering looks head words up in plain
 * objects, where a name like `constructor` finds an Object.prototype member.
 */
export function isSafeWord(s: string): boolean {
  return isWord(s) && !(s in Object.prototype);
}

/** A label or map key: bare when it is a word, quoted otherwise (`"1"`, `"my key"`). */
export function labelText(key: string): string {
  return isWord(key) ? key : quoted(key);
}

/**
 * What `quoted` escapes: quotes, backslashes, control characters (C0, DEL and C1), line and
 * paragraph separators, `${`, and lone surrogates (with the `u` flag a pair is one code point, so
 * `\p{Cs}` matches only a surrogate without its other half).
 */
const NEEDS_ESCAPE = /["\\\p{Cc}\u2028\u2029\p{Cs}]|\$\{/gu;

/** A `"…"` string: escapes for `"`, `\`, line breaks and control characters, `\${` so no `${` interpolates. */
export function quoted(s: string): string {
  // One regular expression over the text (a string of 100 MB is quoted in well under a second).
  return `"${s.replace(NEEDS_ESCAPE, escapeOne)}"`;
}

function escapeOne(m: string): string {
  switch (m) {
    case '"':
      return '\\"';
    case "\\":
      return "\\\\";
    case "\n":
      return "\\n";
    case "\t":
      return "\\t";
    case "\r":
      return "\\r";
    case "${":
      return "\\${";
    default:
      return `\\u${m.charCodeAt(0).toString(16).padStart(4, "0")}`;
  }
}

function isLoneSurrogate(s: string, i: number): boolean {
  const code = s.charCodeAt(i);
  if (code >= 0xd800 && code <= 0xdbff) {
    const next = s.charCodeAt(i + 1);
    return !(next >= 0xdc00 && next <= 0xdfff);
  }
  if (code >= 0xdc00 && code <= 0xdfff) {
    const previous = i > 0 ? s.charCodeAt(i - 1) : 0;
    return !(previous >= 0xd800 && previous <= 0xdbff);
  }
  return false;
}

/**
 * The lines of a `"""…"""` string, each already escaped, when the text suits that form: at least
 * three lines, no carriage return, no `"""`, no control characters other than tabs. Otherwise
 * undefined (write it with `quoted`).
 */
export function multilineLines(s: string): string[] | undefined {
  const lines = s.split("\n");
  if (lines.length < 3 || s.includes("\r") || s.includes('"""')) return undefined;
  for (let i = 0; i < s.length; i++) {
    const code = s.charCodeAt(i);
    if ((code < 0x20 && code !== 0x09 && code !== 0x0a) || code === 0x7f || code === 0x2028 || code === 0x2029 || isLoneSurrogate(s, i)) return undefined;
  }
  return lines.map((line) => line.replace(/\\/g, "\\\\").replace(/\$\{/g, "\\${"));
}

/** A number: its JSON source text when known (the language's number syntax is JSON's), else JavaScript's. */
export function numberText(value: number, raw?: string): string {
  if (raw !== undefined) return raw;
  return Object.is(value, -0) ? "-0" : String(value);
}
