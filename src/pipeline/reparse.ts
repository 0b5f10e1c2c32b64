/**
 * Parsing a new version of a text by parsing again only the top-level statements an edit touched
 * (the incremental checker's parse, src/pipeline/incremental.ts). It gives exactly what parsing
 * the whole text gives, because it is tried only where that is certain, and the whole text is
 * parsed otherwise:
 *
 * - The text is not binary, has fewer characters than the most tokens a text may have, and the
 *   previous version parsed with every problem inside a top-level statement that keeps it
 *   inside (see below), with no import, with every top-level statement ending in its body's `}`
 *   (nothing after a `}` can continue a statement), and with no line break but LF and CRLF (so
 *   counting `\n` counts lines).
 * - The text is split at the start of a line that lies between two top-level statements (only
 *   white space and comments are there, and no comment crosses the line): the statements before
 *   the first changed character keep their trees (the same objects: nothing before them moved),
 *   the statements after the last changed character keep copies moved by the edit's offset and
 *   line count (their columns are the same), and the lines between are parsed on their own.
 * - Those lines must parse with every `{` closed, no import, and every statement ending in `}`. A
 *   problem in them must lie inside one of their statements, and then every bracket of the lines
 *   must close the one opened last and no multi-line string or comment be left open
 *   (`keepsErrorsInside`): the parser's recovery then stays inside the brackets around it. Where
 *   that is not so, a block left open (src/syntax/open-blocks.ts) or a list that swallows the rest
 *   of the text depends on the text around it, and the whole text is parsed.
 * - The problems of the statements kept are kept with them (moved with those that moved, but not
 *   across lines: a message may name a line).
 *
 * The end of the text: when the lines parsed again reach the end of the text, nothing after them
 * can be swallowed, so they need not close every `{` nor keep their problems inside a statement.
 * They must start with a statement (a stray `{` or `->` before it would belong to the statement
 * before), and when a `{` is left open in them, every statement kept before them must close its
 * blocks where its indentation says (`statementAgreesWithBraces`): then the blocks left open are
 * matched by indentation in the end alone (src/syntax/open-blocks.ts), as in the whole text.
 * Such a version is no base as a whole, but its statements kept before the end are (`settled`):
 * the next version parses everything from there again. This is typing a new declaration at the
 * end of a file, its `{` open until its `}` comes.
 */
import type { Diagnostic } from "../diagnostic.js";
import type { Comment, Document, ParsedSection, Position, Statement } from "../syntax/index.js";
import { keepsErrorsInside, looksBinary, MAX_TOKENS, parseSection, parseWithOpenBraces, positionMover, statementAgreesWithBraces } from "../syntax/index.js";

/** A parse of a whole text, as the incremental checker takes it. */
export interface TextParse {
  readonly document: Document;
  readonly diagnostics: readonly Diagnostic[];
  readonly openBraces: boolean;
  /** How many top-level statements were kept from the previous version (0 for a parse of the whole text). */
  readonly keptStatements: number;
  /** Whether every problem is known to lie inside a statement that keeps it inside (see the module comment). */
  readonly errorsInside: boolean;
  /**
   * For a text whose end was parsed on its own but is no base for the next version (a `{` left
   * open, a problem outside a statement): the statements before `from`, which are, and where the
   * rest starts (see "The end of the text" in the module comment).
   */
  readonly settled?: { readonly statements: number; readonly from: number };
}

/** A version whose parse the next one may build on: its text and its tree (see `reusableParse`). */
export interface ReusableParse {
  readonly text: string;
  readonly document: Document;
  readonly diagnostics: readonly Diagnostic[];
  /** Where the part of the text that `document` leaves out starts (the end of the text must then be parsed again); undefined when it holds all of it. */
  readonly tailFrom?: number;
}

const CLOSE_BRACE = 0x7d;
/** How many characters the search for the changed part compares at once. */
const CHUNK = 256;

/** Parses `text`, building on `previous` where that is certain (see the module comment). */
export function reparse(text: string, previous: ReusableParse | undefined): TextParse {
  const built = previous && wholeTextAllows(text) ? builtOn(text, previous) : undefined;
  if (built) return built;
  const parsed = parseWithOpenBraces(text);
  return { document: parsed.document, diagnostics: parsed.diagnostics, openBraces: parsed.openBraces, keptStatements: 0, errorsInside: parsed.diagnostics.length === 0 };
}

/** `parse` as the next version's base, when the next version can build on it; undefined otherwise. */
export function reusableParse(text: string, parse: TextParse): ReusableParse | undefined {
  const settled = parse.settled;
  if (settled) {
    const d = parse.document;
    const document: Document = { ...d, statements: d.statements.slice(0, settled.statements), comments: d.comments.filter((c) => c.range.start.offset < settled.from) };
    return { text, document, diagnostics: parse.diagnostics.filter((p) => p.range.start.offset < settled.from), tailFrom: settled.from };
  }
  if (!parse.errorsInside || parse.openBraces || parse.document.imports.length > 0) return undefined;
  if (!parse.document.statements.every((s) => endsWithBrace(text, s)) || hasLoneCarriageReturn(text)) return undefined;
  return { text, document: parse.document, diagnostics: parse.diagnostics };
}

function builtOn(text: string, previous: ReusableParse): TextParse | undefined {
  const old = previous.text;
  const statements = previous.document.statements;
  const n = statements.length;
  const delta = text.length - old.length;
  // The characters both versions share at the start (`prefix`) and at the end (`suffix`).
  const shorter = Math.min(old.length, text.length);
  // By chunks first: comparing strings is native, a loop over characters is not.
  let prefix = 0;
  while (prefix + CHUNK <= shorter && old.slice(prefix, prefix + CHUNK) === text.slice(prefix, prefix + CHUNK)) prefix += CHUNK;
  while (prefix < shorter && old.charCodeAt(prefix) === text.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  while (suffix + CHUNK <= shorter - prefix && old.slice(old.length - suffix - CHUNK, old.length - suffix) === text.slice(text.length - suffix - CHUNK, text.length - suffix)) suffix += CHUNK;
  while (suffix < shorter - prefix && old.charCodeAt(old.length - 1 - suffix) === text.charCodeAt(text.length - 1 - suffix)) suffix++;

  // The statements kept as they are: those that end before the first changed character, and do not end on the line where the parse starts again.
  let kept = 0;
  while (kept < n && statements[kept]!.range.end.offset <= prefix) kept++;
  let from = prefix === 0 ? 0 : text.lastIndexOf("\n", prefix - 1) + 1;
  if (previous.tailFrom !== undefined) from = Math.min(from, previous.tailFrom);
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
  // Nothing the previous version left unparsed is kept.
  if (previous.tailFrom !== undefined) moved = n;
  const oldUntil = moved < n ? lineStart(statements[moved]!.range.start) : old.length;
  const until = oldUntil + delta;
  if (crossesComment(previous.document.comments, from) || crossesComment(previous.document.comments, oldUntil)) return undefined;

  const before = kept > 0 ? statements[kept - 1]!.range.end : undefined;
  const fromLine = before ? before.line + countLineFeeds(text, before.offset, from) : 1 + countLineFeeds(text, 0, from);
  const sectionText = text.slice(from, until);
  const section = parseSection(sectionText, { offset: from, line: fromLine });
  const parsed = section.document;
  if (parsed.imports.length > 0) return undefined;
  const base =
    !section.openBraces &&
    parsed.statements.every((s) => endsWithBrace(text, s)) &&
    (section.diagnostics.length === 0 || (section.diagnostics.every((d) => insideSome(d, parsed.statements)) && keepsErrorsInside(sectionText)));
  if (!base && !(moved === n && endAlone(text, section, statements.slice(0, kept)))) return undefined;

  const lines = countLineFeeds(text, from, until) - countLineFeeds(old, from, oldUntil);
  // A syntax error's message may name a line ("the statement on line 29"): one that moved a line is made again.
  if (lines !== 0 && previous.diagnostics.some((d) => d.range.start.offset >= oldUntil)) return undefined;
  const move = delta === 0 && lines === 0 ? <T>(node: T): T => node : positionMover(delta, lines);
  const comments: Comment[] = [];
  for (const c of previous.document.comments) if (c.range.start.offset < from) comments.push(c);
  for (const c of parsed.comments) comments.push(c);
  for (const c of previous.document.comments) if (c.range.start.offset >= oldUntil) comments.push(move(c));
  const all: Statement[] = statements.slice(0, kept);
  for (const s of parsed.statements) all.push(s);
  for (let i = moved; i < n; i++) all.push(move(statements[i]!));
  const diagnostics: Diagnostic[] = [];
  for (const d of previous.diagnostics) if (d.range.start.offset < from) diagnostics.push(d);
  for (const d of section.diagnostics) diagnostics.push(d);
  for (const d of previous.diagnostics) if (d.range.start.offset >= oldUntil) diagnostics.push(move(d));
  const oldEnd = previous.document.range.end;
  const end = moved < n ? { offset: oldEnd.offset + delta, line: oldEnd.line + lines, column: oldEnd.column } : parsed.range.end;
  const document: Document = { kind: "Document", statements: all, comments, range: { start: previous.document.range.start, end }, imports: [] };
  const settled = base ? undefined : { statements: kept, from };
  return { document, diagnostics, openBraces: section.openBraces, keptStatements: kept + (n - moved), errorsInside: base, ...(settled ? { settled } : {}) };
}

/**
 * Whether `section`, the end of `text` after the statements `before` (see "The end of the text" in
 * the module comment), parses on its own as it does after them: it starts with a statement (a
 * stray `{` or `->` before its first statement would belong to the statement before it), and when
 * a `{` in it is left open, every statement before it closes its blocks where its indentation
 * says (then where blocks end is decided in the section alone).
 */
function endAlone(text: string, section: ParsedSection, before: readonly Statement[]): boolean {
  const first = section.document.statements[0];
  if (section.diagnostics.some((d) => first === undefined || d.range.start.offset < first.range.start.offset)) return false;
  return !section.openBraces || before.every((s) => statementAgreesWithBraces(text, s));
}

/** Whether `d` lies inside one of `statements`. */
function insideSome(d: Diagnostic, statements: readonly Statement[]): boolean {
  return statements.some((s) => d.range.start.offset >= s.range.start.offset && d.range.end.offset <= s.range.end.offset);
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

/**
 * Whether nothing about the whole text decides how it parses, beyond its statements: a NUL among
 * its first characters makes it binary (an edit before a NUL may bring it there), more tokens than
 * MAX_TOKENS make it too long (a token is at least a character long), and a lone CR breaks lines.
 */
function wholeTextAllows(text: string): boolean {
  return text.length <= MAX_TOKENS && !looksBinary(text) && !hasLoneCarriageReturn(text);
}

/** A CR not followed by LF: a line break `\n` does not count (the parse is then always whole). */
function hasLoneCarriageReturn(text: string): boolean {
  return text.includes("\r") && /\r(?!\n)/.test(text);
}

