/**
 * Applying the fixes rules declare (`b24layout check --fix`): in passes, each applying every fix
 * whose edits do not overlap an earlier one's, then checking the text again, until nothing more
 * is fixable. Only `fix`es are applied, never `suggestions` (guesses at what was meant). A text
 * with a syntax error is not fixed at all: its tree is a guess of the parser's recovery, and fixes
 * placed by it may land in the wrong statement. A pass whose result has a syntax error is dropped.
 */
import type { Diagnostic, TextEdit } from "../diagnostic.js";
import { appendAll } from "../util/index.js";

export interface FixResult {
  /** The text with the fixes applied (the input when nothing was fixed). */
  readonly text: string;
  /** How many fixes were applied. */
  readonly applied: number;
  /** The findings of the fixed text. */
  readonly diagnostics: readonly Diagnostic[];
  /** The text has a syntax error, so nothing was fixed. */
  readonly syntaxErrors?: true;
}

const MAX_PASSES = 10;

/** Whether `diagnostics` include a syntax error (rule id `syntax-error`). */
export function hasSyntaxError(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.ruleId === "syntax-error");
}

/**
 * Fixes `text`, checking it with `check` after each pass. `check` must report syntax errors with
 * rule id `syntax-error`: a text with one is left as it is, and a pass that would make one is undone.
 */
export function fixText(text: string, check: (text: string) => readonly Diagnostic[]): FixResult {
  let current = text;
  let diagnostics = check(current);
  if (hasSyntaxError(diagnostics)) return { text, applied: 0, diagnostics, syntaxErrors: true };
  let applied = 0;
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const { text: next, count } = applyFixes(current, diagnostics);
    if (count === 0) break;
    const after = check(next);
    // Fixes never make a file that does not parse.
    if (hasSyntaxError(after)) break;
    current = next;
    diagnostics = after;
    applied += count;
  }
  return { text: current, applied, diagnostics };
}

/** Applies the fixes of `diagnostics` whose edits do not overlap, from the end of the text back. */
export function applyFixes(text: string, diagnostics: readonly Diagnostic[]): { text: string; count: number } {
  const fixes = diagnostics
    .filter((d) => d.fix !== undefined && d.fix.edits.length > 0)
    .map((d) => [...d.fix!.edits].sort((a, b) => a.range.start.offset - b.range.start.offset))
    .sort((a, b) => a[0]!.range.start.offset - b[0]!.range.start.offset);
  const chosen: TextEdit[] = [];
  let count = 0;
  let end = -1;
  for (const edits of fixes) {
    // A fix is taken whole or not at all; one that overlaps a taken fix waits for the next pass.
    if (edits[0]!.range.start.offset < end || overlapsItself(edits)) continue;
    appendAll(chosen, edits);
    end = edits[edits.length - 1]!.range.end.offset;
    count++;
  }
  let out = text;
  for (const e of chosen.sort((a, b) => b.range.start.offset - a.range.start.offset)) {
    const [from, to] = e.newText === "" ? wholeLineIfAlone(out, e.range.start.offset, e.range.end.offset) : [e.range.start.offset, e.range.end.offset];
    out = out.slice(0, from) + e.newText + out.slice(to);
  }
  return { text: out, count };
}

/** A deletion that would leave its line blank takes the line with it (a removed statement or comment). */
function wholeLineIfAlone(text: string, from: number, to: number): [number, number] {
  const lineStart = Math.max(text.lastIndexOf("\n", from - 1), text.lastIndexOf("\r", from - 1)) + 1;
  let lineEnd = to;
  while (lineEnd < text.length && text[lineEnd] !== "\n" && text[lineEnd] !== "\r") lineEnd++;
  if (text.slice(lineStart, from).trim() !== "" || text.slice(to, lineEnd).trim() !== "") return [from, to];
  const afterBreak = text.startsWith("\r\n", lineEnd) ? lineEnd + 2 : lineEnd < text.length ? lineEnd + 1 : lineEnd;
  return [lineStart, afterBreak];
}

function overlapsItself(edits: readonly TextEdit[]): boolean {
  for (let i = 1; i < edits.length; i++) if (edits[i]!.range.start.offset < edits[i - 1]!.range.end.offset) return true;
  return false;
}
