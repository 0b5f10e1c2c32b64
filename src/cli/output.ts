/**
 * Terminal output: diagnostics as `file:line:col severity rule-id message` followed by a code
 * frame, and the summary line. Colours only on a terminal, never with NO_COLOR.
 */
import { relative } from "node:path";
import { codeFrameColumns } from "@babel/code-frame";
import picocolors from "picocolors";
import type { Diagnostic } from "../diagnostic.js";
import type { CliIo, CliStream } from "./io.js";

export type Colors = ReturnType<typeof picocolors.createColors>;

/**
 * Whether to colour `stream`. An explicit `--color`/`--no-color` wins; then NO_COLOR (any value, as
 * picocolors reads it) turns colours off even when FORCE_COLOR is set; then FORCE_COLOR (other than
 * `0`/`false`) turns them on; otherwise only a terminal that is not `TERM=dumb` gets colours.
 */
export function useColors(stream: CliStream, env: CliIo["env"], flag?: boolean): boolean {
  if (flag !== undefined) return flag;
  if ("NO_COLOR" in env && env["NO_COLOR"] !== undefined) return false;
  const force = env["FORCE_COLOR"];
  if (force !== undefined) return force !== "0" && force !== "false";
  return stream.isTTY === true && env["TERM"] !== "dumb";
}

export function colorsFor(enabled: boolean): Colors {
  return picocolors.createColors(enabled);
}

/** A path as the user should see it: relative to the working directory when it is inside it. */
export function displayPath(path: string, cwd: string): string {
  const rel = relative(cwd, path);
  return rel === "" || rel.startsWith("..") || /^[a-zA-Z]:/.test(rel) || rel.startsWith("/") ? path : rel;
}

/** One diagnostic: the location line, then the source with the range underlined. */
export function formatDiagnostic(d: Diagnostic, file: string, text: string, c: Colors): string {
  const { line, column } = d.range.start;
  const severity = d.severity === "error" ? c.red(d.severity) : c.yellow(d.severity);
  const head = `${c.bold(`${file}:${line}:${column}`)} ${severity} ${c.dim(d.ruleId)} ${d.message}`;
  return `${head}\n${codeFrame(d, text, c)}\n`;
}

/**
 * The frame of the range. A range over several lines is underlined on its first line only, so a
 * finding about a whole block does not print the block.
 */
function codeFrame(d: Diagnostic, text: string, c: Colors): string {
  const { start, end } = d.range;
  const startLine = text.split(/\r\n|\r|\n/, start.line)[start.line - 1] ?? "";
  const endColumn = end.line === start.line ? Math.max(end.column, start.column) : startLine.length + 1;
  // Babel also breaks lines at U+2028/U+2029; the parser does not.
  const frame = codeFrameColumns(
    text.replace(/[\u2028\u2029]/g, " "),
    { start: { line: start.line, column: start.column }, end: { line: start.line, column: endColumn } },
    { highlightCode: false, linesAbove: 1, linesBelow: 1 },
  );
  return frame
    .split("\n")
    .map((l) => l.replace(/^(\s*\|[ \t]*)(\^+)$/, (_, gutter: string, marks: string) => gutter + c.red(marks)))
    .join("\n");
}

export interface Tally {
  readonly errors: number;
  readonly warnings: number;
  /** Files with at least one problem. */
  readonly filesWithProblems: number;
  readonly files: number;
}

export function tally(results: readonly { readonly diagnostics: readonly Diagnostic[] }[]): Tally {
  let errors = 0;
  let warnings = 0;
  let filesWithProblems = 0;
  for (const r of results) {
    if (r.diagnostics.length > 0) filesWithProblems++;
    for (const d of r.diagnostics) {
      if (d.severity === "error") errors++;
      else warnings++;
    }
  }
  return { errors, warnings, filesWithProblems, files: results.length };
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : /(s|x|ch|sh)$/.test(word) ? "es" : "s"}`;
}

/** `✖ 3 problems (2 errors, 1 warning) in 2 files` or `✔ 4 files checked, no problems`. */
export function formatSummary(t: Tally, c: Colors): string {
  const problems = t.errors + t.warnings;
  if (problems === 0) return c.green(`✔ ${plural(t.files, "file")} checked, no problems`);
  const text = `${plural(problems, "problem")} (${plural(t.errors, "error")}, ${plural(t.warnings, "warning")}) in ${plural(t.filesWithProblems, "file")}`;
  return t.errors > 0 ? c.red(c.bold(`✖ ${text}`)) : c.yellow(c.bold(`⚠ ${text}`));
}
