/**
 * Parsing part of a text, for the incremental checker (src/pipeline/reparse.ts): a section that
 * starts at the beginning of a line is parsed on its own, and its tree moved to where the section
 * stands in the whole text. Additive: the parser itself is unchanged.
 */
import type { Document, Position, Range, Statement } from "./ast.js";
import { parseWithOpenBraces } from "./parser.js";
import { SourcePosition, SourceRange } from "./positions.js";
import { DocumentNode } from "./nodes.js";
import type { Diagnostic } from "../diagnostic.js";
import { tokenMatcher } from "chevrotain";
import { lexText } from "./lex.js";
import { bracesAgreeWithIndentation } from "./open-blocks.js";
import { BlockComment, LBrace, LBracket, LParen, RBrace, RBracket, RParen, TripleString, UnterminatedBlockComment, UnterminatedTripleString } from "./tokens.js";

/** Where a section of a text starts: the offset and line of the first character of one of its lines. */
export interface LineStart {
  readonly offset: number;
  readonly line: number;
}

/** What parsing a section gives, with every position already where it stands in the whole text. */
export interface ParsedSection {
  readonly document: Document;
  readonly diagnostics: readonly Diagnostic[];
  readonly openBraces: boolean;
}

/**
 * Parses `section`, the part of a text that starts at `at` (the start of a line, so columns are the
 * same as in the whole text). The positions of the tree, its comments and its problems are those
 * of the whole text.
 */
export function parseSection(section: string, at: LineStart): ParsedSection {
  let parsed = parseWithOpenBraces(section);
  if (at.offset === 0 && at.line === 1) return parsed;
  let offsets = at.offset;
  let lines = at.line - 1;
  if (parsed.diagnostics.length > 0 && lines > 0) {
    // A message may name a line ("opened at line 12"): parsed again below as many empty lines, its lines are the text's own.
    parsed = parseWithOpenBraces("\n".repeat(lines) + section);
    offsets -= lines;
    lines = 0;
  }
  const move = positionMover(offsets, lines);
  const d = parsed.document;
  const end = new SourcePosition(d.range.end.offset + offsets, d.range.end.line + lines, d.range.end.column);
  const document = new DocumentNode(move(d.statements), move(d.comments), new SourceRange(new SourcePosition(at.offset, at.line, 1), end), move(d.imports));
  return { document, diagnostics: move(parsed.diagnostics), openBraces: parsed.openBraces };
}

/**
 * A copy of a syntax tree (or any part of one holding ranges: nodes, arrays, problems) with every position moved
 * by `offsets` characters and `lines` lines, for a part of a text whose lines moved as a whole (its
 * columns stay). The tree given is not changed: whoever holds it keeps it as it was. A tree holds
 * its positions in `range` properties only (ast.ts, NodeBase; a problem's and a fix's too), and is
 * a tree: nothing in it is shared but positions, which the copy need not share.
 */
export function positionMover(offsets: number, lines: number): <T>(node: T) => T {
  const position = (p: Position): Position => new SourcePosition(p.offset + offsets, p.line + lines, p.column);
  const copy = (value: object): object => {
    if (Array.isArray(value)) {
      const items = new Array<unknown>(value.length);
      for (let i = 0; i < value.length; i++) {
        const item: unknown = value[i];
        items[i] = typeof item === "object" && item !== null ? copy(item) : item;
      }
      return items;
    }
    // A shallow copy first (a native copy of a plain object), then what holds positions.
    const object = Object.assign({}, value) as Record<string, unknown>;
    for (const key in object) {
      const v = object[key];
      if (typeof v !== "object" || v === null) continue;
      object[key] = key === "range" ? new SourceRange(position((v as Range).start), position((v as Range).end)) : copy(v);
    }
    return object;
  };
  return <T>(node: T): T => (typeof node === "object" && node !== null ? (copy(node) as T) : node);
}

const OPENING: ReadonlyMap<number, number> = new Map([
  [LBrace.tokenTypeIdx!, RBrace.tokenTypeIdx!],
  [LBracket.tokenTypeIdx!, RBracket.tokenTypeIdx!],
  [LParen.tokenTypeIdx!, RParen.tokenTypeIdx!],
]);
const CLOSING: ReadonlySet<number> = new Set(OPENING.values());

/**
 * Whether whatever is wrong in `section` stays inside it: every bracket (`{}`, `[]`, `()`) closes
 * the one opened last, none is left open, and no multi-line string or block comment is left open.
 * The parser's recovery never reaches past the bracket that closes a construct, so then a section
 * that ends where a top-level statement may start is parsed the same on its own as in any text
 * around it.
 */
export function keepsErrorsInside(section: string): boolean {
  const lexed = lexText(section);
  if (lexed.tooLong !== undefined) return false;
  const open: number[] = [];
  for (const t of lexed.tokens) {
    const type = t.tokenTypeIdx;
    const closing = OPENING.get(type);
    if (closing !== undefined) open.push(closing);
    else if (CLOSING.has(type) && open.pop() !== type) return false;
    else if (tokenMatcher(t, UnterminatedTripleString) && !tokenMatcher(t, TripleString)) return false;
  }
  const comments = lexed.groups["comments"] ?? [];
  return open.length === 0 && !comments.some((c) => tokenMatcher(c, UnterminatedBlockComment) && !tokenMatcher(c, BlockComment));
}

/** `statementAgreesWithBraces` of statements already asked about (a statement's tree stands for one source text). */
const agreement = new WeakMap<Statement, boolean>();

/**
 * Whether `statement` of `text` starts its line (white space before it) and closes its blocks where
 * its indentation says (`bracesAgreeWithIndentation`): then a `{` left open later in the text
 * cannot change how it parses, since the blocks left open are matched again from nothing after it.
 */
export function statementAgreesWithBraces(text: string, statement: Statement): boolean {
  const known = agreement.get(statement);
  if (known !== undefined) return known;
  const start = statement.range.start;
  const lineStart = start.offset - (start.column - 1);
  let agrees = /^[ \t]*$/.test(text.slice(lineStart, start.offset));
  if (agrees) {
    const lexed = lexText(text.slice(lineStart, statement.range.end.offset));
    agrees = lexed.tooLong === undefined && bracesAgreeWithIndentation(lexed.tokens);
  }
  agreement.set(statement, agrees);
  return agrees;
}
