/**
 * Where the cursor is, in the model's terms: the statements around it, the DTO whose body it is
 * in, the statement on its line and the part of it (name, head, action). Works on half-written and
 * broken documents: it reads the recovered syntax tree and the current line's text.
 */
import type { Document, Label, LiteralType, Range, Statement, StringLiteral } from "../syntax/index.js";
import { bodyDtoOf, memberDto } from "../model/index.js";
import { getDeclaration, TRANSLATIONS_KEYWORD } from "../model/index.js";
import { EACH_KEYWORD, ELSE_KEYWORD, FRAGMENT_KEYWORD, WHEN_KEYWORD } from "../model/index.js";

/** What the bodies around the cursor describe. */
export type BodyKind =
  | { readonly kind: "top" }
  | { readonly kind: "dto"; readonly dto: string }
  /** Inside `translations { … }`: languages; inside a language: keys. */
  | { readonly kind: "translations"; readonly language?: string }
  /** Inside a fragment: its members are checked where it is used, any content block may go. */
  | { readonly kind: "fragment" }
  /** A body the model does not know (an unknown statement's). */
  | { readonly kind: "unknown" };

export interface CursorContext {
  /** Statements whose bodies contain the cursor, outermost first. */
  readonly chain: readonly Statement[];
  readonly body: BodyKind;
  /** The statement on the cursor's line, before the cursor, in the innermost body. */
  readonly statement: Statement | undefined;
  /** Where in that statement: its name (or no statement yet), its head, or its action. */
  readonly part: "name" | "head" | "action-name" | "action";
  /** The word being typed (letters, digits, `_`, inner `-`, `.`; with its `@` or `$`) and where it starts. */
  readonly word: string;
  readonly wordStart: number;
  /** The declaration around the cursor. */
  readonly declaration: Statement | undefined;
}

const TRANSPARENT = new Set([WHEN_KEYWORD, ELSE_KEYWORD, EACH_KEYWORD]);

/** What a fragment's members are read as while it is written: the members of a layout's body. */
const FRAGMENT_DTO = "BodyDto";

/** The DTO whose statements a body holds, if the model knows it (a fragment's: a layout body's). */
export function dtoOfBody(body: BodyKind): string | undefined {
  return body.kind === "dto" ? body.dto : body.kind === "fragment" ? FRAGMENT_DTO : undefined;
}

function inside(s: Statement, offset: number): boolean {
  const body = s.body;
  return body !== undefined && body.range.start.offset < offset && (offset < body.range.end.offset || body.range.end.offset === s.range.end.offset && isUnclosed(s));
}

/** A body whose `}` is missing runs to the end of the text (recovery ends it at the last token). */
function isUnclosed(s: Statement): boolean {
  return s.body !== undefined && s.body.range.end.offset === s.body.range.start.offset + 1;
}

/** What the body of the last statement of `chain` describes. */
export function bodyKindOf(chain: readonly Statement[]): BodyKind {
  let kind: BodyKind = { kind: "top" };
  for (const s of chain) {
    const name = s.name.name;
    if (kind.kind === "top") {
      if (name === TRANSLATIONS_KEYWORD) kind = { kind: "translations" };
      else if (name === FRAGMENT_KEYWORD) kind = { kind: "fragment" };
      else {
        const declaration = getDeclaration(name);
        kind = declaration ? { kind: "dto", dto: declaration.dto } : { kind: "unknown" };
      }
    } else if (kind.kind === "translations") {
      kind = kind.language === undefined ? { kind: "translations", language: name } : { kind: "unknown" };
    } else if (TRANSPARENT.has(name)) {
      // `when` / `else` / `each` hold members of the body they are in.
    } else if (kind.kind === "fragment") {
      const dto = memberDto(FRAGMENT_DTO, name);
      kind = dto ? { kind: "dto", dto: bodyDtoOf(dto) } : { kind: "fragment" };
    } else if (kind.kind === "dto") {
      const dto = memberDto(kind.dto, name);
      kind = dto ? { kind: "dto", dto: bodyDtoOf(dto) } : { kind: "unknown" };
    }
  }
  return kind;
}

const WORD_CHAR = /[A-Za-z0-9_\-.@$]/;

export function cursorContext(document: Document, text: string, offset: number): CursorContext {
  const chain: Statement[] = [];
  let statements = document.statements;
  for (;;) {
    const around = statements.find((s) => inside(s, offset));
    if (!around) break;
    chain.push(around);
    statements = around.body!.statements;
  }
  let wordStart = offset;
  while (wordStart > 0 && WORD_CHAR.test(text[wordStart - 1]!)) wordStart--;
  const word = text.slice(wordStart, offset);
  const lineStart = text.lastIndexOf("\n", offset - 1) + 1;
  // The statement the cursor's line belongs to: one that starts before the cursor on that line, or
  // a statement continued by an action on this line.
  const onLine = [...statements].reverse().find((s) => s.range.start.offset < offset && (s.range.start.offset >= lineStart || (s.action !== undefined && s.action.range.start.offset >= lineStart)) && !inside(s, offset));
  let part: CursorContext["part"] = "name";
  // Right after `->` (also when the parser has no action name yet): the action's type.
  const afterArrow = /->\s*$/.test(text.slice(lineStart, wordStart));
  if (afterArrow) part = "action-name";
  else if (onLine?.action && offset > onLine.action.range.start.offset) part = offset <= onLine.action.name.range.end.offset ? "action-name" : "action";
  else if (onLine && offset > onLine.name.range.end.offset) part = "head";
  // A line that starts with `->` continues the statement before it.
  const statement = part === "name" ? undefined : (onLine ?? [...statements].reverse().find((s) => s.range.start.offset < offset && !inside(s, offset)));
  return { chain, body: bodyKindOf(chain), statement, part: statement ? part : "name", word, wordStart, declaration: chain[0] };
}

/** Where the cursor is in the text's tokens: in a comment, in a string (which, and how far into it), or in code. */
export type TextPlace =
  | { readonly kind: "code" }
  | { readonly kind: "comment" }
  | {
      readonly kind: "string";
      readonly node: StringLiteral | LiteralType | Label;
      /** The text of the string from its opening quote(s) to the cursor. */
      readonly before: string;
    };

function within(range: Range, offset: number): boolean {
  return range.start.offset <= offset && offset <= range.end.offset;
}

/** Whether a string or comment token ends at its end (an unterminated one runs to the cursor at its end). */
function isClosed(raw: string, open: string, close: string): boolean {
  if (raw.length < open.length + close.length || !raw.endsWith(close)) return false;
  if (close !== '"') return true;
  // A quote preceded by an odd number of backslashes is escaped.
  let slashes = 0;
  for (let i = raw.length - 2; i >= open.length && raw[i] === "\\"; i--) slashes++;
  return slashes % 2 === 0;
}

/** The innermost syntax nodes around `offset`, outermost first, following only nodes whose range holds it. */
function nodesAround(root: object, offset: number): { kind: string; range: Range }[] {
  const out: { kind: string; range: Range }[] = [];
  let node: object | undefined = root;
  while (node) {
    let next: object | undefined;
    for (const [key, value] of Object.entries(node)) {
      if (key === "range" || value === null || typeof value !== "object") continue;
      const candidates: unknown[] = Array.isArray(value) ? value : [value];
      for (const c of candidates) {
        if (c === null || typeof c !== "object" || !("range" in c) || !("kind" in c)) continue;
        const n = c as { kind: string; range: Range };
        if (!within(n.range, offset)) continue;
        next = n;
        // Two nodes can touch at `offset` (the end of one, the start of the next): the later one is innermost.
      }
    }
    if (next) out.push(next as { kind: string; range: Range });
    node = next;
  }
  return out;
}

export function textPlace(document: Document, text: string, offset: number): TextPlace {
  for (const c of document.comments) {
    if (c.range.start.offset >= offset || c.range.end.offset < offset) continue;
    // A line comment runs to the end of its line; a block comment holds the cursor before its `*/`.
    if (!c.block || offset < c.range.end.offset || !isClosed(c.text, "/*", "*/")) return { kind: "comment" };
  }
  const around = nodesAround(document, offset);
  for (let i = around.length - 1; i >= 0; i--) {
    const n = around[i]!;
    if (n.kind !== "String" && n.kind !== "LiteralType" && !(n.kind === "Label" && (n as unknown as Label).quoted)) continue;
    const raw = text.slice(n.range.start.offset, n.range.end.offset);
    const triple = raw.startsWith('"""');
    const open = triple ? '"""' : '"';
    if (offset <= n.range.start.offset) continue;
    if (offset === n.range.end.offset && isClosed(raw, open, open)) continue;
    return { kind: "string", node: n as unknown as StringLiteral | LiteralType | Label, before: text.slice(n.range.start.offset, offset) };
  }
  return { kind: "code" };
}
