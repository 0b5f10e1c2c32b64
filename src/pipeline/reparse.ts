/**
 * Parsing a new version of a text by parsing again only the top-level statements an edit touched
 * (the incremental checker's parse, src/pipeline/incremental.ts). It gives exactly what parsing
 * the whole text gives, because it is tried only where that is certain, and the whole text is
 * parsed otherwise:
 *
 * - The previous version parsed without a single problem, with no import, with every top-level
 *   statement ending in its body's `}` (nothing after a `}` can continue a statement), and with no
 *   line break but LF and CRLF (so counting `\n` counts lines).
 * - The text is split at the start of a line that lies between two top-level statements (only
 *   white space and comments are there, and no comment crosses the line): the statements before
 *   the first changed character keep their trees (the same objects: nothing before them moved),
 *   the statements after the last changed character keep copies moved by the edit's offset and
 *   line count (their columns are the same), and the lines between are parsed on their own.
 * - Those lines must parse without a problem too, with every `{` closed, no import, and every
 *   statement ending in `}`: an error's recovery, or a block left open, may depend on the text
 *   around it (src/syntax/open-blocks.ts), so either means a parse of the whole text.
 */
import type { Diagnostic } from "../diagnostic.js";
import type { Comment, Document, Position, Statement } from "../syntax/index.js";
import { parseSection, parseWithOpenBraces, positionMover } from "../syntax/index.js";

/** A parse of a whole text, as the incremental checker takes it. */
export interface TextParse {
  readonly document: Document;
  readonly diagnostics: readonly Diagnostic[];
  readonly openBraces: boolean;
  /** How many top-level statements were kept from the previous version (0 for a parse of the whole text). */
  readonly keptStatements: number;
}

/** A version whose parse the next one may build on: its text and its tree (see `reusableParse`). */
export interface ReusableParse {
  readonly text: string;
  readonly document: Document;
}

const CLOSE_BRACE = 0x7d;

/** Parses `text`, building on `previous` where that is certain (see the module comment). */
export function reparse(text: string, previous: ReusableParse | undefined): TextParse {
  const built = previous && !hasLoneCarriageReturn(text) ? builtOn(text, previous) : undefined;
  if (built) return built;
  const parsed = parseWithOpenBraces(text);
  return { document: parsed.document, diagnostics: parsed.diagnostics, openBraces: parsed.openBraces, keptStatements: 0 };
}

/** `parse` as the next version's base, when the next version can build on it; undefined otherwise. */
export function reusableParse(text: string, parse: TextParse): ReusableParse | undefined {
  if (parse.diagnostics.length > 0 || parse.openBraces || parse.document.imports.length > 0) return undefined;
  if (!parse.document.statements.every((s) => endsWithBrace(text, s)) || hasLoneCarriageReturn(text)) return undefined;
  return { text, document: parse.document };
}

function builtOn(text: string, previous: ReusableParse): TextParse | undefined {
  const old = previous.text;
  const statements = previous.document.statements;
  const n = statements.length;
  const delta = text.length - old.length;
  // The characters both versions share at the start (`prefix`) and at the end (`suffix`).
  const shorter = Math.min(old.length, text.length);
  let prefix = 0;
  while (prefix < shorter && old.charCodeAt(prefix) === text.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  while (suffix < shorter - prefix && old.charCodeAt(old.length - 1 - suffix) === text.charCodeAt(text.length - 1 - suffix)) suffix++;

  // The statements kept as they are: those that end before the first changed character, and do not end on the line where the parse starts again.
  let kept = 0;
  while (kept < n && statements[kept]!.range.end.offset <= prefix) kept++;
  let from = prefix === 0 ? 0 : text.lastIndexOf("\n", prefix - 1) + 1;
  if (kept < n) from = Math.min(from, lineStart(statements[kept]!.range.start));
  while (kept > 0 && statements[kept - 1]!.range.end.offset > from) {
    kept--;
    from = Math.min(from, lineStart(statements[kept]!.range.start));
  }

  // The statements kept moved: from the first whose line, and the line break before it, lie in the shared end, with no statement ending on that line.
  let moved = kept;
  const startsClear = (i: number) => {
    const at = lineStart(statements[i]!.range.start);
    return at - 1 >= old.length - suffix && (i === 0 || statements[i - 1]!.range.end.offset <= at);
  };
  while (moved < n && !startsClear(moved)) moved++;
  const oldUntil = moved < n ? lineStart(statements[moved]!.range.start) : old.length;
  const until = oldUntil + delta;
  if (crossesComment(previous.document.comments, from) || crossesComment(previous.document.comments, oldUntil)) return undefined;

  const before = kept > 0 ? statements[kept - 1]!.range.end : undefined;
  const fromLine = before ? before.line + countLineFeeds(text, before.offset, from) : 1 + countLineFeeds(text, 0, from);
  const section = parseSection(text.slice(from, until), { offset: from, line: fromLine });
  const parsed = section.document;
  if (section.diagnostics.length > 0 || section.openBraces || parsed.imports.length > 0) return undefined;
  if (!parsed.statements.every((s) => endsWithBrace(text, s))) return undefined;

  const lines = countLineFeeds(text, from, until) - countLineFeeds(old, from, oldUntil);
  const move = delta === 0 && lines === 0 ? <T>(node: T): T => node : positionMover(delta, lines);
  const comments: Comment[] = [];
  for (const c of previous.document.comments) if (c.range.start.offset < from) comments.push(c);
  for (const c of parsed.comments) comments.push(c);
  for (const c of previous.document.comments) if (c.range.start.offset >= oldUntil) comments.push(move(c));
  const all: Statement[] = statements.slice(0, kept);
  for (const s of parsed.statements) all.push(s);
  for (let i = moved; i < n; i++) all.push(move(statements[i]!));
  const end = moved < n ? move(previous.document.range.end) : parsed.range.end;
  const document: Document = { kind: "Document", statements: all, comments, range: { start: previous.document.range.start, end }, imports: [] };
  return { document, diagnostics: [], openBraces: false, keptStatements: kept + (n - moved) };
}

/** The offset where the line of `p` starts. */
function lineStart(p: Position): number {
  return p.offset - (p.column - 1);
}

function endsWithBrace(text: string, s: Statement): boolean {
  return text.charCodeAt(s.range.end.offset - 1) === CLOSE_BRACE;
}

/** Whether a comment starts before `offset` and ends after it. */
function crossesComment(comments: readonly Comment[], offset: number): boolean {
  return comments.some((c) => c.range.start.offset < offset && c.range.end.offset > offset);
}

function countLineFeeds(text: string, from: number, until: number): number {
  let count = 0;
  for (let i = text.indexOf("\n", from); i !== -1 && i < until; i = text.indexOf("\n", i + 1)) count++;
  return count;
}

/** A CR not followed by LF: a line break `\n` does not count (the parse is then always whole). */
function hasLoneCarriageReturn(text: string): boolean {
  return text.includes("\r") && /\r(?!\n)/.test(text);
}

