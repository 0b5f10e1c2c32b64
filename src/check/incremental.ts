/**
 * Checking a text again after an edit, redoing only what the edit touched: the language server's
 * check (a keystroke in a 2,000-line file parses, lowers and checks one declaration, not 75).
 *
 * The result is what `check` gives for the same text: the incremental path is only taken where
 * that is certain, and the full check runs otherwise (test/check/incremental.test.ts compares the
 * two on edits of every example).
 *
 * How:
 * - The edit is the span between the common prefix and suffix of the old and new texts. The
 *   region re-parsed is made of whole lines: from the line after the last top-level statement that
 *   ends before the edit's line, to the line where the first statement after the edit's last line
 *   starts. It is parsed on its own (parseRegion); the statements around it are kept, and those
 *   after it move: their positions (every one the parser made, kept in `positions`) are shifted in
 *   place by the edit's length and line count. The region stands for itself only when it parses
 *   without any problem, its last statement and the one before it end with a `}` (so no token
 *   across the boundary could have belonged to the other side), the file has no imports, and,
 *   where the old text had syntax errors, its region parsed alone gives what the whole parse gave
 *   there (no recovery reached across the region's bounds).
 * - Lowering and the declaration-local rules (RuleMeta.scope) run for the re-parsed statements;
 *   the others keep their lowered declaration and findings, which share the shifted positions. A
 *   change to the file-level statements (translation tables, fragments) lowers and checks every
 *   statement again, from the kept syntax trees; one to whether the file uses templates, or to the
 *   declarations' names, checks every declaration again; when lines moved, the statements with a
 *   finding that quotes a line number ("first on line 12") are lowered and checked again. A change
 *   of options checks in full.
 * - The rules of scope `file`, and the program and done hooks of those of scope `split`, run over
 *   the whole program at every change.
 */
import type { Diagnostic } from "../diagnostic.js";
import { check as checkText, type CheckResult, type SourceOptions } from "../index.js";
import { lowerFile, type FileLowering, type StatementLowering } from "../lower/lower.js";
import { getScalar, type IrDeclaration } from "../lower/ir.js";
import type { Comment, Document, Position, Statement } from "../syntax/ast.js";
import { parseRegion, parseWithPositions } from "../syntax/parser.js";
import { problemDiagnostics, RuleRun, sortedUnique, type CheckOptions } from "./checker.js";
import type { Rule } from "./rule.js";
import { ALL_RULES } from "./rules/index.js";
import { fileDiagnostics } from "./suppressions.js";
import { projectLines, summarize } from "./project.js";
import { TRANSLATIONS_KEYWORD } from "../model/statements.js";
import { FRAGMENT_KEYWORD } from "../model/templates.js";
import { appendAll } from "../util/append.js";

/** A top-level statement's lowering and the findings that depend only on it. */
interface StatementState {
  readonly lowering: StatementLowering;
  /** Its lowering problems and the declaration-local rules' findings, as diagnostics. */
  readonly diagnostics: readonly Diagnostic[];
}

interface State {
  readonly text: string;
  readonly document: Document;
  /** Every position of `document`'s nodes, comments and syntax diagnostics (each once). */
  readonly positions: Position[];
  readonly syntaxDiagnostics: readonly Diagnostic[];
  /** Some `{` has no `}`: where the parser ended blocks then depends on the whole text (src/syntax/open-blocks.ts). */
  readonly openBraces: boolean;
  readonly optionsKey: string;
  readonly rules: readonly Rule[];
  readonly lowering: FileLowering;
  readonly contextDiagnostics: readonly Diagnostic[];
  readonly templated: boolean;
  /** The keyword, name and name field of every declaration, in order (see RuleMeta.scope). */
  readonly declarations: string;
  readonly statements: Map<Statement, StatementState>;
  readonly result: CheckResult;
}

/** How the last `check` was made, for tests and the benchmark. */
export type CheckKind = "full" | "incremental" | "reparsed" | "unchanged";

/**
 * Checks successive versions of one text (see the module comment). A text with imports is always
 * checked in full, by `check` (what it imports may have changed without it), and so is any text
 * when the options hold more than plain data (a Set, a function, a cycle), which cannot be
 * compared with the previous ones.
 *
 * A result holds until the next call: that one moves, in place, the positions of what follows
 * the edit, in the earlier result too.
 */
export class IncrementalChecker {
  private state: State | undefined;
  /** How the last `check` was made. */
  lastKind: CheckKind = "full";

  check(text: string, options: CheckOptions & SourceOptions = {}): CheckResult {
    const rules = options.rules ?? ALL_RULES;
    const optionsKey = plainKey([options.severities ?? {}, options.ruleOptions ?? {}, options.target ?? "server"]);
    if (optionsKey === undefined) {
      this.state = undefined;
      this.lastKind = "full";
      return checkText(text, options);
    }
    const previous = this.state;
    let next: State | undefined;
    if (previous && previous.optionsKey === optionsKey && previous.rules === rules) {
      if (previous.text === text) {
        this.lastKind = "unchanged";
        return previous.result;
      }
      try {
        next = edit(previous, text, options);
      } catch (error) {
        // The previous state may be half moved: start again from scratch next time.
        this.state = undefined;
        throw error;
      }
    }
    if (next) {
      this.lastKind = next.lowering === previous!.lowering ? "incremental" : "reparsed";
    } else {
      next = full(text, options, rules, optionsKey);
      this.lastKind = "full";
      if (!next) {
        this.state = undefined;
        return checkText(text, options);
      }
    }
    this.state = next;
    return next.result;
  }

  /** Forgets the previous text: the next check is a full one. */
  reset(): void {
    this.state = undefined;
  }
}

/** The state of `text` checked from scratch; undefined for a text with imports. */
function full(text: string, options: CheckOptions, rules: readonly Rule[], optionsKey: string): State | undefined {
  const parsed = parseWithPositions(text);
  if (parsed.document.imports.length > 0) return undefined;
  return analyse(text, parsed.document, [...parsed.positions], parsed.diagnostics, options, rules, optionsKey, undefined, false, parsed.openBraces);
}

/**
 * Lowers and checks `document`. With `reuse`, the file-level lowering and the statements' states
 * it holds are kept (the caller has decided they are still right).
 */
function analyse(
  text: string,
  document: Document,
  positions: Position[],
  syntaxDiagnostics: readonly Diagnostic[],
  options: CheckOptions,
  rules: readonly Rule[],
  optionsKey: string,
  reuse: Pick<State, "lowering" | "contextDiagnostics" | "statements" | "templated" | "declarations"> | undefined,
  linesMoved = false,
  openBraces = false,
): State {
  // Lines moved: a finding that quotes a line number ("first on line 12") may be out of date.
  if (reuse && linesMoved && reuse.contextDiagnostics.some((d) => quotesLine(rules, d))) reuse = undefined;
  let lowering = reuse?.lowering;
  let contextDiagnostics = reuse?.contextDiagnostics;
  if (!lowering || !contextDiagnostics) {
    lowering = lowerFile(document);
    contextDiagnostics = problemDiagnostics(lowering.problems, options);
  }
  const kept = reuse?.statements;
  /** Each statement's lowering, and its state when it is kept. */
  const lowered: [Statement, StatementLowering, StatementState | undefined][] = [];
  let templated = false;
  for (const s of document.statements) {
    let state = kept?.get(s);
    if (state && linesMoved && state.diagnostics.some((d) => quotesLine(rules, d))) state = undefined;
    const l = state?.lowering ?? lowering.statement(s);
    lowered.push([s, l, state]);
    if (l.templated) templated = true;
  }
  const declarations: IrDeclaration[] = [];
  for (const [, l] of lowered) if (l.declaration) declarations.push(l.declaration);
  const program = lowering.program(declarations, templated);
  const signature = declarationsSignature(declarations);
  // The template rules look at every declaration once any is templated, and some rules at the
  // other declarations' names (RuleMeta.scope `declarations`): when these changed, every
  // declaration is checked again (its lowering stays).
  const recheck = reuse !== undefined && (templated !== reuse.templated || signature !== reuse.declarations);

  const found: Diagnostic[] = [...contextDiagnostics];
  const localRun = new RuleRun(document, program, options, rules, found, "local");
  localRun.begin();
  const statements = new Map<Statement, StatementState>();
  for (const [s, l, keptState] of lowered) {
    let state = recheck ? undefined : keptState;
    if (!state) {
      const diagnostics = problemDiagnostics(l.problems, options);
      if (l.declaration) {
        localRun.diagnostics = diagnostics;
        localRun.declaration(l.declaration);
      }
      state = { lowering: l, diagnostics };
    }
    statements.set(s, state);
    appendAll(found, state.diagnostics);
  }
  localRun.diagnostics = found;
  localRun.end();
  const fileRun = new RuleRun(document, program, options, rules, found, "file");
  fileRun.begin();
  for (const d of declarations) fileRun.declaration(d);
  fileRun.end();
  const diagnostics = fileDiagnostics(syntaxDiagnostics, sortedUnique(found), document.comments, projectLines(summarize(program, document)));
  return {
    text,
    document,
    positions,
    syntaxDiagnostics,
    openBraces,
    optionsKey,
    rules,
    lowering,
    contextDiagnostics,
    templated,
    declarations: signature,
    statements,
    result: { document, program, diagnostics },
  };
}

/** The state of `text`, an edit of `previous.text`; undefined when only a full check is certain. */
function edit(previous: State, text: string, options: CheckOptions): State | undefined {
  // With a `{` left open anywhere, an edit anywhere may change where the parser ends blocks
  // everywhere. Without one, a region that parses cleanly leaves none open either.
  if (previous.openBraces) return undefined;
  const old = previous.text;
  const document = previous.document;
  // Taken now: the end may be one of the positions moved below.
  const lastLine = document.range.end.line;

  // The edit: old[from, oldTo) became text[from, newTo).
  const limit = Math.min(old.length, text.length);
  let from = 0;
  while (from < limit && old.charCodeAt(from) === text.charCodeAt(from)) from++;
  let back = 0;
  while (back < limit - from && old.charCodeAt(old.length - 1 - back) === text.charCodeAt(text.length - 1 - back)) back++;
  const oldTo = old.length - back;
  const newTo = text.length - back;
  const delta = text.length - old.length;
  // A CR LF pair that the edit splits or makes changes how lines are counted around it.
  const crlf = (t: string, i: number) => t.charCodeAt(i - 1) === 13 && t.charCodeAt(i) === 10;
  if (crlf(old, from) || crlf(text, from) || crlf(old, oldTo) || crlf(text, newTo)) return undefined;

  const statements = document.statements;
  const fromLine = lineAt(old, from);
  const toLine = fromLine + lineBreaks(old, from, oldTo);
  // Statements [0, first) end on lines before the edit; [after, …) start on lines after it.
  let first = 0;
  while (first < statements.length && statements[first]!.range.end.line < fromLine) first++;
  let after = first;
  while (after < statements.length && statements[after]!.range.start.line <= toLine) after++;

  const before = statements[first - 1];
  if (before && !endsWithBody(before)) return undefined;
  const start = before ? nextLineStart(old, before.range.end.offset) : 0;
  const next = statements[after];
  const end = next ? next.range.start.offset - (next.range.start.column - 1) : old.length;
  if (start > from || end < oldTo) return undefined;
  // No statement or comment may cross the region's bounds (`} layout b {` on one line, say).
  const crosses = (r: { readonly range: { readonly start: Position; readonly end: Position } }) =>
    (r.range.start.offset < start && r.range.end.offset > start) || (r.range.start.offset < end && r.range.end.offset > end);
  if (statements.slice(first, after).some(crosses) || document.comments.some(crosses)) return undefined;
  if (statements[first] && statements[first]!.range.start.offset < start) return undefined;
  const line = before ? before.range.end.line + 1 : 1;
  // Where what is kept after the region starts: nothing is when the region runs to the end (what
  // sits at the end of the old text, an "end of file" error, say, was the region's).
  const keptFrom = next ? end : Infinity;

  const region = parseRegion(text, start, end + delta, line);
  if (region.diagnostics.length > 0 || region.imports.length > 0) return undefined;
  const last = region.statements[region.statements.length - 1];
  if (last && !endsWithBody(last)) return undefined;

  const lines = lineBreaks(text, from, newTo) - (toLine - fromLine);

  // The syntax errors kept, before and after the region. After a syntax error the parser may not
  // have been at the top level where the region starts or ends (a stray '{' lifts what follows
  // out of a block that closes after it): the old region must parse on its own as it did in the
  // whole text, and an error after it must not quote a line that moved ("opened at line 5").
  const syntaxDiagnostics: Diagnostic[] = [];
  if (previous.syntaxDiagnostics.length > 0) {
    const inRegion: Diagnostic[] = [];
    // Between the statement before the region and the region, something broken may still be open
    // where the region starts (`} -> y { k: "v"` runs on); between the region and the next
    // statement, a stray token's message speaks of the statement before it (the region's last).
    const openFrom = before ? before.range.end.offset : start;
    const strayTo = next ? next.range.start.offset : end;
    for (const d of previous.syntaxDiagnostics) {
      const at = d.range.start.offset;
      if (crosses(d) || (at >= openFrom && at < start) || (at >= end && at < strayTo)) return undefined;
      if (at < start) syntaxDiagnostics.push(d);
      else if (at >= keptFrom) {
        if (lines !== 0) return undefined;
        syntaxDiagnostics.push(d);
      } else inRegion.push(d);
    }
    const alone = parseRegion(old, start, end, line);
    const oldComments = document.comments.filter((c) => c.range.start.offset >= start && c.range.start.offset < keptFrom);
    if (
      JSON.stringify(alone.statements) !== JSON.stringify(statements.slice(first, after)) ||
      JSON.stringify(alone.diagnostics) !== JSON.stringify(inRegion) ||
      JSON.stringify(alone.comments) !== JSON.stringify(oldComments)
    ) {
      return undefined;
    }
  }

  // What is kept around the region, taken before the positions after it move.
  const comments: Comment[] = [];
  for (const c of document.comments) if (c.range.start.offset < start) comments.push(c);
  appendAll(comments, region.comments);
  for (const c of document.comments) if (c.range.start.offset >= keptFrom) comments.push(c);
  // Move what follows the region, and keep every position but the region's old ones.
  const positions: Position[] = [];
  for (const p of previous.positions) {
    if (p.offset < start) positions.push(p);
    else if (p.offset >= keptFrom) {
      const moved = p as { offset: number; line: number };
      moved.offset += delta;
      moved.line += lines;
      positions.push(p);
    }
  }
  for (const p of region.positions) positions.push(p);

  const keptStatements = [...statements.slice(0, first), ...region.statements, ...statements.slice(after)];
  const newDocument: Document = {
    kind: "Document",
    statements: keptStatements,
    comments,
    range: { start: { offset: 0, line: 1, column: 1 }, end: endOfText(text, lastLine + lines) },
    imports: [],
  };

  // A file-level statement changed: lower and check every statement again (the syntax trees stay).
  const fileLevel = [...statements.slice(first, after), ...region.statements].some((s) => s.name.name === TRANSLATIONS_KEYWORD || s.name.name === FRAGMENT_KEYWORD);
  return analyse(text, newDocument, positions, syntaxDiagnostics, options, previous.rules, previous.optionsKey, fileLevel ? undefined : previous, lines !== 0);
}

/** What rules of scope `declarations` read of the other declarations: keyword, name, name field. */
function declarationsSignature(declarations: readonly IrDeclaration[]): string {
  return declarations
    .map((d) => {
      const nameField = d.spec.nameField ? getScalar(d.root, d.spec.nameField)?.value : undefined;
      return `${d.spec.keyword}\u0000${d.name}\u0000${String(nameField)}`;
    })
    .join("\n");
}

/**
 * A text for `value` that is equal only for equal plain data (JSON's null, booleans, numbers,
 * strings, arrays and plain objects, and undefined); undefined for anything else (a Set, a
 * function, an array with holes), a cycle or very big options.
 */
function plainKey(value: unknown): string | undefined {
  let nodes = 0;
  const fail = new Error("not plain");
  const encode = (v: unknown, depth: number): string => {
    if (++nodes > 10_000 || depth > 32) throw fail;
    if (v === undefined) return "u";
    if (v === null || typeof v === "boolean" || typeof v === "string") return JSON.stringify(v);
    if (typeof v === "number") {
      if (Object.is(v, -0)) return "-0";
      if (!Number.isFinite(v)) throw fail;
      return String(v);
    }
    if (Array.isArray(v)) {
      if (Object.keys(v).length !== v.length) throw fail;
      return `[${v.map((x) => encode(x, depth + 1)).join(",")}]`;
    }
    if (typeof v !== "object") throw fail;
    const proto = Object.getPrototypeOf(v) as unknown;
    if (proto !== Object.prototype && proto !== null) throw fail;
    return `{${Object.entries(v).map(([k, x]) => `${JSON.stringify(k)}:${encode(x, depth + 1)}`).join(",")}}`;
  };
  try {
    return encode(value, 0);
  } catch (error) {
    if (error === fail) return undefined;
    throw error;
  }
}

/** By the rules a check runs: the ids of those (and the built-in ones, lowering reports through) with a message that quotes a line number (`{line}`, or `quotesLines`). */
const lineQuoting = new WeakMap<readonly Rule[], ReadonlySet<string>>();

/** Whether `d`'s message may quote a line number. */
function quotesLine(rules: readonly Rule[], d: Diagnostic): boolean {
  let ids = lineQuoting.get(rules);
  if (!ids) {
    const all = rules === ALL_RULES ? rules : [...ALL_RULES, ...rules];
    ids = new Set(all.filter((r) => r.meta.quotesLines === true || Object.values(r.meta.messages).some((m) => (typeof m === "string" ? m : m.text).includes("{line}"))).map((r) => r.meta.id));
    lineQuoting.set(rules, ids);
  }
  return ids.has(d.ruleId);
}

/** Whether a top-level statement ends with the `}` of its body. */
function endsWithBody(s: Statement): boolean {
  return s.body !== undefined && s.range.end.offset === s.body.range.end.offset && s.body.range.end.offset > s.body.range.start.offset;
}

function isBreak(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10);
}

/** The 1-based line of `offset`. */
function lineAt(text: string, offset: number): number {
  return 1 + lineBreaks(text, 0, offset);
}

/** The line breaks in text[from, to) (CR LF counts once, at its LF). */
function lineBreaks(text: string, from: number, to: number): number {
  let n = 0;
  const cr = text.indexOf("\r", from);
  if (cr < 0 || cr >= to) {
    // No CR: count LFs natively.
    for (let i = text.indexOf("\n", from); i >= 0 && i < to; i = text.indexOf("\n", i + 1)) n++;
    return n;
  }
  for (let i = from; i < to; i++) if (isBreak(text, i)) n++;
  return n;
}

/** The offset just past the first line break at or after `offset` (the text's length if none). */
function nextLineStart(text: string, offset: number): number {
  for (let i = offset; i < text.length; i++) if (isBreak(text, i)) return i + 1;
  return text.length;
}

/** The end of `text`, whose last line is `line`. */
function endOfText(text: string, line: number): Position {
  let lineStart = text.length;
  while (lineStart > 0 && !isBreak(text, lineStart - 1)) lineStart--;
  return { offset: text.length, line, column: text.length - lineStart + 1 };
}
