/**
 * The raw `json` form in the editor (src/lower/raw-json.ts): where a statement has it, what slot
 * its value fills, and where the cursor is inside the value, read from the text as it is typed.
 *
 * The `json` word is found on the syntax tree, as the TextMate grammar finds it (scope
 * `keyword.other.raw`): a member named `json`, a field statement `name json <value>` and a
 * declaration `badge b json <value>`. The value after it is read from the text by a small scanner
 * of the language's value syntax, not from the tree: while a map is half typed (`json { ty`), the
 * parser reads its `{` as a body of statements, and the scanner still sees a map.
 */
import type { FieldType } from "../model/index.js";
import type { Argument, Document, Identifier, Statement } from "../syntax/index.js";
import { statementsWithin } from "../syntax/index.js";
import { DECLARATIONS, RAW_KEYWORD } from "../model/index.js";
import { rawEntryType, rawFieldIn, rawItemType, rawMemberFieldIn } from "../model/index.js";
import { cursorContext, dtoOfBody } from "./context.js";

/** A raw form: its `json` word, the statement it is in and what the value is. */
export interface RawForm {
  readonly word: Identifier;
  readonly statement: Statement;
  /** `[key:] json …` adds a member; `name json …` sets a field; `badge b json …` is a whole declaration. */
  readonly place: "member" | "field" | "declaration";
}

const DECLARATION_KEYWORDS: ReadonlySet<string> = new Set(DECLARATIONS.map((d) => d.keyword));

function isJsonWord(a: Argument | undefined): a is Identifier {
  return a?.kind === "Identifier" && a.name === RAW_KEYWORD;
}

/** Whether `json` at `args[at]` is followed by a value, or is the last argument before a body (`json {}`, or a map being typed). */
function startsValue(args: readonly Argument[], at: number, statement: Statement): boolean {
  const next = args[at + 1];
  if (next === undefined) return statement.body !== undefined;
  return next.kind !== "Identifier" && next.kind !== "ParameterList";
}

/** The raw form of a statement (`nested`: inside a body, else at the top level), if it has one. */
export function rawFormOf(statement: Statement, nested: boolean): RawForm | undefined {
  if (nested) {
    if (statement.name.name === RAW_KEYWORD) return { word: statement.name, statement, place: "member" };
    const first = statement.args[0];
    return isJsonWord(first) && startsValue(statement.args, 0, statement) ? { word: first, statement, place: "field" } : undefined;
  }
  if (!DECLARATION_KEYWORDS.has(statement.name.name)) return undefined;
  // After the name (and a parameter list, and head words such as `for deal legacy`).
  for (let i = 1; i < statement.args.length; i++) {
    const a = statement.args[i];
    if (isJsonWord(a) && startsValue(statement.args, i, statement)) return { word: a, statement, place: "declaration" };
    if (a?.kind !== "Identifier" && a?.kind !== "ParameterList") return undefined;
  }
  return undefined;
}

/**
 * Whether a statement has the raw form's `json` before `offset`, with or without its value yet
 * (`badge b json |`): what follows it is the value, nothing of the statement's own.
 */
export function rawWordBefore(statement: Statement, nested: boolean, offset: number): boolean {
  if (nested && statement.name.name === RAW_KEYWORD) return statement.name.range.end.offset <= offset;
  const args = statement.args;
  if (nested) return isJsonWord(args[0]) && args[0].range.end.offset <= offset;
  if (!DECLARATION_KEYWORDS.has(statement.name.name)) return false;
  for (let i = 1; i < args.length; i++) {
    const a = args[i]!;
    if (a.range.end.offset > offset || (a.kind !== "Identifier" && a.kind !== "ParameterList")) return false;
    if (isJsonWord(a)) return true;
  }
  return false;
}

/** Every raw form of a document, in source order. */
export function rawForms(document: Document): RawForm[] {
  const out: RawForm[] = [];
  for (const { statement, chain } of statementsWithin(document.statements)) {
    const form = rawFormOf(statement, chain.length > 0);
    if (form) out.push(form);
  }
  return out;
}

/**
 * The model type of the value a raw form writes: a member's (the body's member field's items), a
 * field's, or the declaration's structure; undefined where the model does not say.
 */
export function rawSlotType(document: Document, text: string, form: RawForm): FieldType | undefined {
  if (form.place === "declaration") {
    const declaration = DECLARATIONS.find((d) => d.keyword === form.statement.name.name);
    return declaration ? { kind: "object", dto: declaration.dto } : undefined;
  }
  const dto = dtoOfBody(cursorContext(document, text, form.statement.range.start.offset).body);
  if (dto === undefined) return undefined;
  if (form.place === "field") return rawFieldIn(dto, form.statement.name.name)?.type;
  const member = rawMemberFieldIn(dto)?.type;
  if (member === undefined) return undefined;
  return rawItemType(member) ?? (member.kind === "block" ? member : undefined);
}

// ----- the value, as typed -----

/** A map or list of the value, from the outermost in. */
export type RawFrame =
  | {
      readonly kind: "map";
      /** The key it is the value of in the map around it (undefined in a list, or at the top). */
      readonly via: string | undefined;
      /** Its keys, before and after the cursor (not the one the cursor is typing). */
      readonly keys: Set<string>;
      /** Its string values by key (a content block's `type` decides what its `properties` are). */
      readonly strings: Map<string, string>;
    }
  | { readonly kind: "list"; readonly via: string | undefined };

/** A word, number or string of the value. */
export interface RawToken {
  readonly start: number;
  readonly end: number;
  readonly quoted: boolean;
  /** Its text: a string's content (without quotes), else the word. */
  readonly text: string;
}

/** Where a cursor is inside a raw value. */
export interface RawCursor {
  /** The maps and lists around it, outermost first (empty: the value itself is being typed). */
  readonly path: readonly RawFrame[];
  /**
   * At a map's key, at a value (of a map's `key`, a list's item, or the whole value), or at no
   * place to complete (after a key without its colon, after a value without a comma).
   */
  readonly where: "key" | "value" | "none";
  readonly key?: string;
  /** The word or string the cursor is in or at the end of. */
  readonly token?: RawToken;
}

type MapState = "key" | "colon" | "value" | "sep";
interface OpenMap {
  readonly frame: Extract<RawFrame, { kind: "map" }>;
  state: MapState;
  key: string | undefined;
  keyStart: number;
}
interface OpenList {
  readonly frame: Extract<RawFrame, { kind: "list" }>;
  state: "value" | "sep";
}

const SPACE = /[ \t\r\f\v\uFEFF]/;
/** How far past the cursor a value is read for the keys it has there (a raw value is a few lines; a hostile text may be megabytes). */
const READ_AHEAD = 100_000;
const PUNCTUATION = new Set(["{", "}", "[", "]", ":", ","]);

/** The end of the string token starting at `i` (after its closing quote, or where it stops: the line's end for `"`, the text's for `"""`). */
function stringEnd(text: string, i: number): { end: number; closed: boolean; content: string } {
  if (text.startsWith('"""', i)) {
    const close = text.indexOf('"""', i + 3);
    return close < 0 ? { end: text.length, closed: false, content: text.slice(i + 3) } : { end: close + 3, closed: true, content: text.slice(i + 3, close) };
  }
  let j = i + 1;
  // An escape takes the character after it, but not a line break: the string stops at the line's end.
  while (j < text.length && text[j] !== '"' && text[j] !== "\n") j += text[j] === "\\" && text[j + 1] !== "\n" ? 2 : 1;
  j = Math.min(j, text.length);
  const closed = text[j] === '"';
  const raw = text.slice(i + 1, j);
  let content = raw;
  if (raw.includes("\\")) {
    try {
      content = JSON.parse(`"${raw}"`) as string;
    } catch {
      // An escape JSON does not know: the text as written.
    }
  }
  return { end: closed ? j + 1 : j, closed, content };
}

/**
 * Where `cursor` is inside the raw value that starts after `from` (the end of the `json` word);
 * undefined when it is not inside it (before it, after its end, in a comment). Reads on past the
 * cursor to the value's end, so a map's keys after the cursor are known too.
 */
export function rawCursorAt(text: string, from: number, cursor: number): RawCursor | undefined {
  const stack: (OpenMap | OpenList)[] = [];
  let located = false;
  let found: RawCursor | undefined;
  let done = false;
  let started = false;
  /** The start of the key token the cursor is in: that key is not one of its map's keys yet. */
  let editedKey = -1;
  const locate = (token: RawToken | undefined) => {
    located = true;
    const top = stack.at(-1);
    const path = stack.map((s) => s.frame);
    const withToken = token ? { token } : {};
    found = { path, where: "none", ...withToken };
    if (!top) found = { path, where: "value", ...withToken };
    else if ("key" in top) {
      if (top.state === "key") {
        found = { path, where: "key", ...withToken };
        if (token) editedKey = token.start;
      } else if (top.state === "value") found = { path, where: "value", ...(top.key !== undefined ? { key: top.key } : {}), ...withToken };
    } else if (top.state === "value") found = { path, where: "value", ...withToken };
  };
  const value = (token: RawToken | "{" | "[") => {
    const top = stack.at(-1);
    const via = top && "key" in top ? top.key : undefined;
    if (top) top.state = "sep";
    else if (token !== "{" && token !== "[") done = true;
    if (top && "key" in top && typeof token === "object" && token.quoted && top.key !== undefined) top.frame.strings.set(top.key, token.text);
    if (token === "{") stack.push({ frame: { kind: "map", via, keys: new Set(), strings: new Map() }, state: "key", key: undefined, keyStart: -1 });
    else if (token === "[") stack.push({ frame: { kind: "list", via }, state: "value" });
  };
  let i = from;
  // Past the cursor, only the rest of the maps it is in is read (their keys), and not without end.
  const end = Math.min(text.length, Math.max(cursor, from) + READ_AHEAD);
  while (i < end && !done) {
    if (!located && i >= cursor) locate(undefined);
    const c = text[i]!;
    if (c === "\n") {
      const top = stack.at(-1);
      if (top && "key" in top && (top.state === "sep" || top.state === "colon")) top.state = "key";
      else if (top && !("key" in top) && top.state === "sep") top.state = "value";
      i++;
      continue;
    }
    if (SPACE.test(c)) {
      i++;
      continue;
    }
    if (c === "/" && (text[i + 1] === "/" || text[i + 1] === "*")) {
      const block = text[i + 1] === "*";
      const close = block ? text.indexOf("*/", i + 2) : text.indexOf("\n", i);
      const end = close < 0 ? text.length : block ? close + 2 : close;
      if (!located && cursor > i && (cursor < end || (cursor === end && (!block || close < 0)))) return undefined;
      i = end;
      continue;
    }
    let token: RawToken | undefined;
    let next: number;
    if (c === '"') {
      const s = stringEnd(text, i);
      token = { start: i, end: s.end, quoted: true, text: s.content };
      next = s.end;
      if (!located && cursor > i && (cursor < s.end || (cursor === s.end && !s.closed))) locate(token);
    } else if (PUNCTUATION.has(c)) {
      next = i + 1;
    } else {
      let j = i;
      while (j < text.length && !SPACE.test(text[j]!) && text[j] !== "\n" && text[j] !== '"' && !PUNCTUATION.has(text[j]!) && !text.startsWith("//", j) && !text.startsWith("/*", j)) j++;
      token = { start: i, end: j, quoted: false, text: text.slice(i, j) };
      next = j;
      if (!located && cursor > i && cursor <= j) locate(token);
    }
    // The value starts right after `json`: anything else there is no value.
    if (!started && token === undefined && c !== "{" && c !== "[") return undefined;
    started = true;
    const top = stack.at(-1);
    if (token) {
      if (top && "key" in top && top.state !== "value") {
        // A key (or, after a value on the same line, a new entry the author forgot the comma before).
        top.key = token.text;
        top.keyStart = token.start;
        top.state = "colon";
      } else value(token);
    } else if (c === "{" || c === "[") {
      if (!top || top.state === "value") value(c);
    } else if (c === "}" || c === "]") {
      stack.pop();
      if (stack.length === 0) done = true;
    } else if (c === ":") {
      if (top && "key" in top && top.state === "colon") {
        if (top.key !== undefined && top.keyStart !== editedKey) top.frame.keys.add(top.key);
        top.state = "value";
      }
    } else if (top) {
      // `,`
      top.state = "key" in top ? "key" : "value";
    }
    i = next;
  }
  if (!located && !done && i >= cursor) locate(undefined);
  return found;
}

/** The raw form whose value holds `offset`, and where in it the cursor is. */
export function rawAt(document: Document, text: string, offset: number): { form: RawForm; cursor: RawCursor } | undefined {
  let last: RawForm | undefined;
  for (const form of rawForms(document)) {
    if (form.word.range.end.offset > offset) break;
    last = form;
  }
  if (!last) return undefined;
  const cursor = rawCursorAt(text, last.word.range.end.offset, offset);
  return cursor ? { form: last, cursor } : undefined;
}

/** The model type of the innermost map or list around the cursor (the value's own type when there is none). */
export function rawContainerType(slot: FieldType | undefined, path: readonly RawFrame[]): FieldType | undefined {
  let type = slot;
  for (let i = 1; i < path.length && type !== undefined; i++) {
    const parent = path[i - 1]!;
    const frame = path[i]!;
    type = parent.kind === "map" ? rawEntryType(type, frame.via ?? "", parent.strings.get("type")) : rawItemType(type);
  }
  return type;
}

/** The model type of the value at the cursor: a map entry's, a list item's, or the whole value's. */
export function rawValueType(slot: FieldType | undefined, cursor: RawCursor): FieldType | undefined {
  const inner = cursor.path.at(-1);
  const container = rawContainerType(slot, cursor.path);
  if (!inner) return slot;
  if (inner.kind === "list") return rawItemType(container);
  return cursor.key === undefined ? undefined : rawEntryType(container, cursor.key, inner.strings.get("type"));
}
