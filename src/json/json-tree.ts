/**
 * JSON as a tree with a source range on every key and value: what an import reads, and what the
 * checker's JSON front end checks (src/pipeline/json.ts). Objects keep their entries in written
 * order as a list (not as JavaScript objects), so every key survives — `__proto__` included — and
 * every value can be pointed at in a message.
 *
 * Another front end (an object literal in JavaScript code) builds the same tree with its own
 * ranges, and marks what it cannot know statically: a value it cannot evaluate is `unknown`, and
 * an object or list with a spread in it is `partial`.
 */
import { createScanner, parseTree, printParseErrorCode, visit, type Node, type ParseError } from "jsonc-parser";
import type { Position, Range } from "../diagnostic.js";
import type { Json } from "./json-value.js";
import { groupedDigits, LineIndex } from "../util/index.js";

export type JsonNode = JsonObject | JsonArray | JsonScalar | JsonUnknown;

export interface JsonObject {
  readonly kind: "object";
  readonly entries: readonly JsonProperty[];
  readonly range: Range;
  /**
   * Keys not listed may be there (a spread, `{ ...defaults, icon: "call" }`): nothing is reported
   * missing from it, and nothing that counts its keys.
   */
  readonly partial?: true;
}

export interface JsonProperty {
  readonly key: string;
  readonly keyRange: Range;
  readonly value: JsonNode;
}

export interface JsonArray {
  readonly kind: "array";
  readonly items: readonly JsonNode[];
  readonly range: Range;
  /** Items not listed may be there (a spread, `[...sections, more]`): nothing that counts its items is reported. */
  readonly partial?: true;
}

/**
 * A value that is there but not known statically (a variable or a call in JavaScript code): it is
 * never checked, and it counts as present. Parsed JSON never has one.
 */
export interface JsonUnknown {
  readonly kind: "unknown";
  readonly range: Range;
}

export interface JsonScalar {
  readonly kind: "scalar";
  readonly value: string | number | boolean | null;
  readonly range: Range;
  /** A number's source text (`1e3`, `-0`): the language's number syntax is JSON's, so it is written back unchanged. */
  readonly raw?: string;
}

/** A key written twice in one object: the later value is kept at the first key's place, as JSON.parse does. */
export interface DuplicateKey {
  readonly key: string;
  /** Where the later occurrence is. */
  readonly range: Range;
  /** The object holding it. */
  readonly object: JsonObject;
}

export interface JsonSyntaxError {
  readonly message: string;
  readonly range: Range;
}

export type ParsedJson =
  | { readonly ok: true; readonly root: JsonNode; readonly duplicates: readonly DuplicateKey[] }
  | { readonly ok: false; readonly error: JsonSyntaxError; readonly tooLarge?: "depth" | "values" };

/**
 * How deep the JSON an import reads may nest. A Bitrix24 payload nests about 12 levels (a layout,
 * its body, a block, a withTitle's block, its action, its parameters); the limit keeps every
 * recursive step after it (the tree, the decompiler, the `.b24layout` parser and the formatter)
 * far from the stack's end, whatever the input.
 */
export const MAX_JSON_DEPTH = 64;

/**
 * How many values (objects, lists, strings, numbers, booleans, nulls; keys not counted) the JSON
 * an import reads may hold: a thousand times what a Bitrix24 payload can (20 blocks, 2 tags, 10
 * menu items, …), and few enough that the tree and the text written from it stay small. Strings
 * may be of any length.
 */
export const MAX_JSON_VALUES = 100_000;

/** jsonc-parser's SyntaxKind (an ambient const enum, which isolated modules cannot read). */
const TOKEN = { openBrace: 1, closeBrace: 2, openBracket: 3, closeBracket: 4, colon: 6, null: 7, true: 8, false: 9, string: 10, number: 11, eof: 17 } as const;

export interface ParseJsonOptions {
  /** JSON with comments (`.jsonc`): comments and trailing commas are allowed. */
  readonly comments?: boolean;
}

/**
 * Strict JSON: comments and trailing commas are errors, as they are for JSON.parse and the REST
 * API; with `comments`, JSON with comments (a `.jsonc` file, as VS Code reads it).
 */
export function parseJson(text: string, options: ParseJsonOptions = {}): ParsedJson {
  const jsonc = options.comments === true;
  const positions = new Positions(text);
  if (text.trim() === "") return { ok: false, error: { message: "the input is empty: expected a JSON object or list", range: positions.range(0, 0) } };
  const limit = surelyWithinLimits(text) ? undefined : limitExceeded(text, positions);
  if (limit) return limit;
  const built = buildTree(text, positions, jsonc);
  if (built) return { ok: true, ...built };
  // Not valid JSON: parsed again, into jsonc-parser's own tree, which words the error.
  const errors: ParseError[] = [];
  const tree = parseTree(text, errors, { allowTrailingComma: jsonc, disallowComments: !jsonc });
  const first = errors[0];
  const offset = first?.offset ?? 0;
  const length = first?.length ?? 0;
  return { ok: false, error: { message: `not valid JSON: ${describeParseError(text, first, tree)}`, range: positions.range(offset, offset + length) } };
}

/**
 * Whether the text can be neither deeper than MAX_JSON_DEPTH nor hold more than MAX_JSON_VALUES
 * values, by one pass over its characters (no tokens made): brackets counted outside strings,
 * strings ended where jsonc-parser's scanner ends them (a quote, or a line break; an escape
 * takes the character after the backslash whatever it is). A text with a
 * `/` outside its strings (a comment, or a stray slash) is not judged here, nor is one longer than
 * MAX_JSON_VALUES characters: limitExceeded's scanner decides those. A payload of every day is
 * judged here, and its text is then scanned once, by the parser, instead of twice.
 */
export function surelyWithinLimits(text: string): boolean {
  if (text.length > MAX_JSON_VALUES) return false;
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x22 /* " */ || c === 0x0a || c === 0x0d) inString = false;
      // An escape: the scanner takes the next character whatever it is (a line break too).
      else if (c === 0x5c /* \ */) i++;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
      if (++depth > MAX_JSON_DEPTH) return false;
    } else if (c === 0x7d /* } */ || c === 0x5d /* ] */) {
      if (depth > 0) depth--;
    } else if (c === 0x2f /* / */) return false;
  }
  return true;
}

/**
 * The first place where the JSON nests deeper than MAX_JSON_DEPTH or holds more than
 * MAX_JSON_VALUES values, found by jsonc-parser's scanner (one token at a time, no recursion), so
 * that no input, however deep or large, reaches the recursive parser.
 */
function limitExceeded(text: string, positions: Positions): ParsedJson | undefined {
  const scanner = createScanner(text, true);
  let depth = 0;
  let values = 0;
  /** The refusal at the scanner's token (`length` characters of it at the most). */
  const tooLarge = (what: "depth" | "values", message: string, length: number): ParsedJson => {
    const at = scanner.getTokenOffset();
    return { ok: false, tooLarge: what, error: { message, range: positions.range(at, at + length) } };
  };
  for (let token = scanner.scan() as number; token !== TOKEN.eof; token = scanner.scan() as number) {
    switch (token) {
      case TOKEN.openBrace:
      case TOKEN.openBracket:
        depth++;
        values++;
        if (depth > MAX_JSON_DEPTH) {
          return tooLarge("depth", `the JSON nests deeper than ${MAX_JSON_DEPTH} levels here; b24layout reads at most ${MAX_JSON_DEPTH} (a Bitrix24 payload has about 12)`, 1);
        }
        break;
      case TOKEN.closeBrace:
      case TOKEN.closeBracket:
        if (depth > 0) depth--;
        break;
      case TOKEN.colon:
        // The string before it was a key.
        values--;
        break;
      case TOKEN.null:
      case TOKEN.true:
      case TOKEN.false:
      case TOKEN.string:
      case TOKEN.number:
        values++;
        break;
      default:
        break;
    }
    if (values > MAX_JSON_VALUES) {
      return tooLarge("values", `the JSON holds more than ${groupedDigits(MAX_JSON_VALUES)} values; b24layout reads at most that many (a Bitrix24 payload has a few hundred)`, Math.max(1, scanner.getTokenLength()));
    }
  }
  return undefined;
}

/** An object or list being read: its entries so far, and where it starts. */
interface OpenValue {
  readonly start: Position;
  readonly entries?: JsonProperty[];
  readonly index?: Map<string, number>;
  readonly items?: JsonNode[];
  /** The key read last, whose value comes next. */
  key?: string;
  keyRange?: Range;
  /** The object's own node, made when it starts, so that a duplicate can name it. */
  readonly object?: { kind: "object"; entries: JsonProperty[]; range: Range };
}

/**
 * The tree of a valid JSON text, built in one pass of jsonc-parser's visitor (its own tree is not
 * made, nor walked again); undefined at the first syntax error.
 */
function buildTree(text: string, positions: Positions, jsonc: boolean): { root: JsonNode; duplicates: DuplicateKey[] } | undefined {
  const duplicates: DuplicateKey[] = [];
  const open: OpenValue[] = [];
  // The visitor reports every offset in order: positions are found by a cursor moving forward.
  const at = positions.cursor();
  let root: JsonNode | undefined;
  let failed = false;
  const add = (node: JsonNode): void => {
    const parent = open[open.length - 1];
    if (!parent) root = node;
    else if (parent.items) parent.items.push(node);
    else {
      const key = parent.key!;
      const i = parent.index!.get(key);
      if (i === undefined) {
        parent.index!.set(key, parent.entries!.length);
        parent.entries!.push({ key, keyRange: parent.keyRange!, value: node });
      } else {
        duplicates.push({ key, range: parent.keyRange!, object: parent.object! });
        parent.entries![i] = { key, keyRange: parent.entries![i]!.keyRange, value: node };
      }
    }
  };
  visit(
    text,
    {
      onObjectBegin: (offset) => {
        const start = at(offset);
        const entries: JsonProperty[] = [];
        open.push({ start, entries, index: new Map(), object: { kind: "object", entries, range: { start, end: start } } });
      },
      onObjectProperty: (key, offset, length) => {
        const value = open[open.length - 1]!;
        value.key = key;
        value.keyRange = { start: at(offset), end: at(offset + length) };
      },
      onObjectEnd: (offset, length) => {
        const value = open.pop()!;
        value.object!.range = { start: value.start, end: at(offset + length) };
        add(value.object!);
      },
      onArrayBegin: (offset) => {
        open.push({ start: at(offset), items: [] });
      },
      onArrayEnd: (offset, length) => {
        const value = open.pop()!;
        add({ kind: "array", items: value.items!, range: { start: value.start, end: at(offset + length) } });
      },
      onLiteralValue: (value: string | number | boolean | null, offset, length) => {
        const range = { start: at(offset), end: at(offset + length) };
        add(typeof value === "number" ? { kind: "scalar", value, range, raw: text.slice(offset, offset + length) } : { kind: "scalar", value, range });
      },
      onError: () => {
        failed = true;
      },
    },
    { allowTrailingComma: jsonc, disallowComments: !jsonc },
  );
  return failed || root === undefined ? undefined : { root, duplicates };
}

/** The sentence for a parse error: what is wrong, in words, with the character found where it helps. */
function describeParseError(text: string, error: ParseError | undefined, tree: Node | undefined): string {
  if (!error) return "expected a value";
  const code = printParseErrorCode(error.error);
  const found = text.slice(error.offset, error.offset + Math.max(error.length, 1));
  const before = text.slice(0, error.offset).trimEnd();
  if ((code === "PropertyNameExpected" || code === "ValueExpected") && before.endsWith(",") && /^[}\]]/.test(found)) {
    return `a trailing comma before '${found[0]}' is not allowed (${code})`;
  }
  switch (code) {
    case "InvalidSymbol":
      if (found.startsWith("'")) return `strings and property names need double quotes, not ' (${code})`;
      if (tree && error.offset >= tree.offset + tree.length) return `unexpected '${found}' after the end of the JSON value (${code})`;
      return `unexpected '${found}' (${code})`;
    case "InvalidNumberFormat":
      return `'${found}' is not a number (${code})`;
    case "PropertyNameExpected":
      return `expected a property name in double quotes (${code})`;
    case "ValueExpected":
      return `expected a value (${code})`;
    case "ColonExpected":
      return `expected ':' after the property name (${code})`;
    case "CommaExpected":
      return `expected ',' between two entries (${code})`;
    case "CloseBraceExpected":
      return `expected '}' to close the object (${code})`;
    case "CloseBracketExpected":
      return `expected ']' to close the list (${code})`;
    case "EndOfFileExpected":
      return `expected the end of the input after the JSON value (${code})`;
    case "InvalidCommentToken":
    case "UnexpectedEndOfComment":
      return `comments are not allowed in JSON (${code})`;
    case "UnexpectedEndOfString":
      return `the string is not closed on its line (${code})`;
    case "UnexpectedEndOfNumber":
      return `the number is cut off (${code})`;
    case "InvalidUnicode":
      return `invalid \\u escape: write \\u and four hexadecimal digits (${code})`;
    case "InvalidEscapeCharacter": {
      const at = Math.max(0, found.indexOf("\\"));
      return `invalid escape '${found.slice(at, at + 2)}': JSON has \\" \\\\ \\/ \\b \\f \\n \\r \\t and \\uXXXX (${code})`;
    }
    case "InvalidCharacter":
      return `a control character in a string: escape it (${code})`;
    default:
      return code;
  }
}

/** Offsets to 1-based lines and columns (UTF-16 units), breaking lines at CRLF, CR and LF as the language does. */
class Positions extends LineIndex {
  range(start: number, end: number): Range {
    return { start: this.position(start), end: this.position(end) };
  }

  /** Positions of offsets asked for in order, none before the one asked before it: each found by moving forward from the last. */
  cursor(): (offset: number) => Position {
    let line = 0;
    return (offset) => {
      while (line + 1 < this.count && this.lineStart(line + 2) <= offset) line++;
      return { offset, line: line + 1, column: offset - this.lineStart(line + 1) + 1 };
    };
  }
}

/** The entry for `key`, if the object has one. */
export function property(object: JsonObject, key: string): JsonProperty | undefined {
  for (const e of object.entries) if (e.key === key) return e;
  return undefined;
}

export function isObject(node: JsonNode | undefined): node is JsonObject {
  return node?.kind === "object";
}

/** The plain JSON value of a node; objects have no prototype, so `__proto__` stays a key. */
export function jsonValue(node: JsonNode): Json {
  switch (node.kind) {
    case "scalar":
      return node.value;
    case "unknown":
      // Not known statically: the tree of a parsed text never has one.
      return null;
    case "array":
      return node.items.map(jsonValue);
    case "object": {
      const out = Object.create(null) as { [key: string]: Json };
      for (const e of node.entries) out[e.key] = jsonValue(e.value);
      return out;
    }
  }
}

/** "an object with keys a, b", "a list of 3 objects", "the string \"x\"": what a value is, for messages. */
export function describeNode(node: JsonNode): string {
  if (node.kind === "object") {
    if (node.entries.length === 0) return "an empty object";
    const keys = node.entries.map((e) => JSON.stringify(e.key));
    const shown = keys.length > 8 ? [...keys.slice(0, 8), "…"] : keys;
    return `an object with ${keys.length === 1 ? "the key" : "the keys"} ${shown.join(", ")}`;
  }
  if (node.kind === "array") {
    if (node.items.length === 0) return "an empty list";
    const kinds = new Set(node.items.map((i) => (i.kind === "scalar" ? (i.value === null ? "null" : typeof i.value) : i.kind)));
    const what = kinds.size === 1 ? [...kinds][0]! : "value";
    return `a list of ${node.items.length} ${what === "object" ? "object" : what === "array" ? "list" : what}${node.items.length === 1 ? "" : "s"}`;
  }
  if (node.kind === "unknown") return "a value not known statically";
  if (node.value === null) return "null";
  return typeof node.value === "string" ? `the string ${JSON.stringify(node.value)}` : `the ${typeof node.value} ${String(node.value)}`;
}

function contains(outer: Range, inner: Range): boolean {
  return outer.start.offset <= inner.start.offset && inner.end.offset <= outer.end.offset;
}

/**
 * The path of the innermost key or value whose range holds `range` (a finding's): a key's range
 * gives the path of its entry. The empty path when only the root holds it.
 */
export function pathAt(root: JsonNode, range: Range): (string | number)[] {
  const path: (string | number)[] = [];
  let node: JsonNode = root;
  for (;;) {
    let next: JsonNode | undefined;
    if (node.kind === "object") {
      for (const e of node.entries) {
        if (contains(e.keyRange, range)) {
          path.push(e.key);
          return path;
        }
        if (contains(e.value.range, range)) {
          path.push(e.key);
          next = e.value;
          break;
        }
      }
    } else if (node.kind === "array") {
      const i = node.items.findIndex((item) => contains(item.range, range));
      if (i >= 0) {
        path.push(i);
        next = node.items[i];
      }
    }
    if (next === undefined) return path;
    node = next;
  }
}

/** The node at `path` (keys and indexes from the root), with the entry holding it when its last step is a key. */
export function nodeAt(root: JsonNode, path: readonly (string | number)[]): { node: JsonNode; property?: JsonProperty } | undefined {
  let node: JsonNode = root;
  let holder: JsonProperty | undefined;
  for (const step of path) {
    if (typeof step === "number") {
      if (node.kind !== "array" || node.items[step] === undefined) return undefined;
      node = node.items[step];
      holder = undefined;
    } else {
      if (node.kind !== "object") return undefined;
      const e = property(node, step);
      if (!e) return undefined;
      node = e.value;
      holder = e;
    }
  }
  return holder ? { node, property: holder } : { node };
}
