/**
 * Terminal output: the `stylish` report (findings grouped by file, one aligned row each, as
 * ESLint's), the `codeframe` report (`file:line:col severity rule-id message` with the source
 * under it), code frames, and the summary line. Colours only on a terminal, never with NO_COLOR.
 */
import { relative } from "node:path";
import { codeFrameColumns } from "@babel/code-frame";
import picocolors from "picocolors";
import type { Diagnostic, RelatedLocation } from "../diagnostic.js";
import type { CliIo, CliStream } from "./io.js";
import { looksBinary } from "../syntax/index.js";
import { LineIndex } from "../util/index.js";

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

/** Where a related location is, as `file:line:col`: `file` is the finding's own file as shown; another file is shown relative to `cwd`. */
export function relatedPlace(r: RelatedLocation, file: string, cwd: string): string {
  return `${r.file === undefined ? file : displayPath(r.file, cwd)}:${r.range.start.line}:${r.range.start.column}`;
}

/** A checked file as the terminal reports see it: the path shown, its text (for frames; none without it) and its findings. */
export interface ShownFile {
  readonly display: string;
  readonly source: { readonly text?: string | undefined };
  readonly diagnostics: readonly Diagnostic[];
}

/** Where a report goes, piece by piece: a stream's `write`, or a string being built (`collected`). */
export type ReportSink = (text: string) => void;

/** What a report written to a sink wrote, as one string. */
export function collected(writeReport: (write: ReportSink) => void): string {
  let out = "";
  writeReport((text) => {
    out += text;
  });
  return out;
}

/**
 * `stylish`, ESLint's shape: each file with findings as a header line, then one row per finding,
 * `line:col  severity  message  rule-id`, the columns aligned within the file; with `codeFrame`,
 * each row is followed by the source with the range underlined. Then the summary line.
 */
export function formatStylish(files: readonly ShownFile[], c: Colors, options: { readonly codeFrame?: boolean; readonly cwd?: string; readonly fixHint?: boolean } = {}): string {
  return collected((write) => writeStylish(files, write, c, options));
}

/** `formatStylish`, written file by file: a large report is never one string. */
export function writeStylish(files: readonly ShownFile[], write: ReportSink, c: Colors, options: { readonly codeFrame?: boolean; readonly cwd?: string; readonly fixHint?: boolean } = {}): void {
  for (const f of files) {
    if (f.diagnostics.length === 0) continue;
    let out = "";
    const rows = f.diagnostics.map((d) => ({ d, line: String(d.range.start.line), column: String(d.range.start.column), message: visibleText(d.message) }));
    // Lines right-aligned and columns left-aligned around the colon, as ESLint's table does.
    const lineWidth = Math.max(...rows.map((r) => r.line.length));
    const columnWidth = Math.max(...rows.map((r) => r.column.length));
    const severityWidth = Math.max(...rows.map((r) => r.d.severity.length));
    const messageWidth = Math.max(...rows.map((r) => r.message.length));
    const text = f.source.text;
    const frames = options.codeFrame === true && text !== undefined && !isBinary(text);
    out += `${c.underline(visibleText(f.display))}\n`;
    for (const [index, { d, line, column, message }] of rows.entries()) {
      const at = `${line.padStart(lineWidth)}:${column.padEnd(columnWidth)}`;
      const severity = d.severity.padEnd(severityWidth);
      const shownSeverity = d.severity === "error" ? c.red(severity) : c.yellow(severity);
      out += `  ${c.dim(at)}  ${shownSeverity}  ${message.padEnd(messageWidth)}  ${c.dim(d.ruleId)}\n`;
      // The places the finding speaks of ("first defined at file:line:col"), under its row.
      for (const r of d.related ?? []) out += `  ${" ".repeat(lineWidth + 1 + columnWidth)}  ${c.dim(`${visibleText(r.message)} at ${visibleText(relatedPlace(r, f.display, options.cwd ?? process.cwd()))}`)}\n`;
      if (frames) {
        const frame = codeFrame(d, text, c);
        // A blank line between a frame and the next row; the file's own blank line ends the last.
        if (frame !== "") out += `${frame.replace(/^/gm, "  ")}\n${index < rows.length - 1 ? "\n" : ""}`;
      }
    }
    write(`${out}\n`);
  }
  write(`${formatSummary(tally(files), c)}\n${options.fixHint === true ? fixableLine(files, c) : ""}`);
}

/** `codeframe`: every finding as `file:line:col severity rule-id message` with its code frame, then the summary line. */
export function formatCodeFrameReport(files: readonly ShownFile[], c: Colors, cwd = process.cwd()): string {
  return collected((write) => writeCodeFrameReport(files, write, c, cwd));
}

/** `formatCodeFrameReport`, written file by file. */
export function writeCodeFrameReport(files: readonly ShownFile[], write: ReportSink, c: Colors, cwd = process.cwd(), fixHint = false): void {
  for (const f of files) {
    let out = "";
    for (const d of f.diagnostics) out += `${formatDiagnostic(d, f.display, f.source.text, c, cwd)}\n`;
    if (out !== "") write(out);
  }
  write(`${formatSummary(tally(files), c)}\n${fixHint ? fixableLine(files, c) : ""}`);
}

/** ESLint's line under the summary: `  0 errors and 1 warning potentially fixable with the \`--fix\` option.`; nothing when none is. */
function fixableLine(files: readonly { readonly diagnostics: readonly Diagnostic[] }[], c: Colors): string {
  const fixable = files.flatMap((f) => f.diagnostics.filter((d) => d.fix !== undefined));
  if (fixable.length === 0) return "";
  const errors = fixable.filter((d) => d.severity === "error").length;
  return `${c.dim(`  ${plural(errors, "error")} and ${plural(fixable.length - errors, "warning")} potentially fixable with the \`--fix\` option.`)}\n`;
}

/**
 * One diagnostic: the location line, then the source with the range underlined (none without the
 * text), then the places it speaks of ("first defined at file:line:col").
 */
export function formatDiagnostic(d: Diagnostic, file: string, text: string | undefined, c: Colors, cwd = process.cwd()): string {
  const { line, column } = d.range.start;
  const severity = d.severity === "error" ? c.red(d.severity) : c.yellow(d.severity);
  const head = `${c.bold(`${visibleText(file)}:${line}:${column}`)} ${severity} ${c.dim(d.ruleId)} ${visibleText(d.message)}`;
  // A binary file has no lines to show: its bytes would only be noise, or worse, on a terminal.
  const frame = text === undefined || isBinary(text) ? "" : codeFrame(d, text, c);
  const related = (d.related ?? []).map((r) => `  ${visibleText(r.message)} at ${c.bold(visibleText(relatedPlace(r, file, cwd)))}\n`).join("");
  return (frame === "" ? `${head}\n` : `${head}\n${frame}\n`) + related;
}

/** The widest part of a line a frame shows: a minified or generated line is cut around the range. */
const MAX_SHOWN_LINE = 200;
/** How much of a cut line is shown before the start of the range. */
const SHOWN_BEFORE = 60;

/**
 * The frame of the range. A range over several lines is underlined on its first line only, so a
 * finding about a whole block does not print the block. Only the lines shown are read from the
 * text, each through `visibleLine`.
 */
function codeFrame(d: Diagnostic, text: string, c: Colors): string {
  const { start, end } = d.range;
  const lines = lineIndex(text);
  if (!(start.line >= 1 && start.line <= lines.count)) return "";
  const line = lines.line(start.line);
  const from = Math.min(Math.max(start.column - 1, 0), line.length);
  const to = end.line === start.line ? Math.min(Math.max(end.column - 1, from), line.length) : line.length;
  // The part of each line shown: the whole line, or a window around the start of the range.
  const windowStart = line.length > MAX_SHOWN_LINE ? Math.max(0, Math.min(from - SHOWN_BEFORE, line.length - MAX_SHOWN_LINE)) : 0;
  const windowEnd = windowStart + MAX_SHOWN_LINE;
  const first = Math.max(1, start.line - 1);
  const last = Math.min(lines.count, start.line + 1);
  const shown: string[] = [];
  let marked: ShownLine | undefined;
  for (let n = first; n <= last; n++) {
    const source = n === start.line ? line : lines.line(n);
    const visible = visibleLine(source, windowStart, windowEnd);
    if (n === start.line) marked = visible;
    shown.push(visible.text);
  }
  const startColumn = marked!.column(from) + 1;
  const endColumn = Math.max(marked!.column(Math.min(to, windowEnd)) + 1, startColumn);
  const frame = codeFrameColumns(
    shown.join("\n"),
    { start: { line: start.line, column: startColumn }, end: { line: start.line, column: endColumn } },
    // `startLine` numbers the lines given: only those shown are handed over.
    { highlightCode: false, linesAbove: 1, linesBelow: 1, startLine: first } as Parameters<typeof codeFrameColumns>[2],
  );
  return frame
    .split("\n")
    .map((l) => l.replace(/^(\s*\|[ \t]*)(\^+)$/, (_, gutter: string, marks: string) => gutter + c.red(marks)))
    .join("\n");
}

/** Whether the last text framed looks binary: asked once per text, not once per finding (it reads up to 8,000 characters). */
let lastBinary: { readonly text: string; readonly binary: boolean } | undefined;

function isBinary(text: string): boolean {
  if (lastBinary?.text !== text) lastBinary = { text, binary: looksBinary(text) };
  return lastBinary.binary;
}

/** The index of the last text framed: its diagnostics come one after the other. */
let lastIndex: { readonly text: string; readonly index: LineIndex } | undefined;

function lineIndex(text: string): LineIndex {
  if (lastIndex?.text !== text) lastIndex = { text, index: new LineIndex(text) };
  return lastIndex.index;
}

/** A line as a frame shows it, and where each of its characters is shown. */
interface ShownLine {
  readonly text: string;
  /** The index in `text` where the character at `index` of the source line is shown. */
  column(index: number): number;
}

/**
 * Characters shown otherwise: controls (ESC would colour or move the terminal's cursor, CR would
 * overwrite the line) and invisible formatting characters (bidirectional overrides can make a line
 * read differently from what it holds; zero-width spaces hide). A tab is kept, as the marker line
 * keeps it; a zero-width joiner too, as it only joins emoji.
 */
const SPELLED_OUT = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}]/u;

/** How an unprintable character is shown: a control picture (␛, ␀) where one exists, else \u{…}. */
function spelledOut(ch: string): string | undefined {
  const code = ch.codePointAt(0)!;
  if (code === 0x09 || code === 0x200d || !SPELLED_OUT.test(ch)) return undefined;
  if (code < 0x20) return String.fromCharCode(0x2400 + code);
  if (code === 0x7f) return "\u2421";
  return `\\u{${code.toString(16).toUpperCase().padStart(4, "0")}}`;
}

/** `line[from, to)` with unprintable characters spelled out, and "…" where it is cut. */
function visibleLine(line: string, from: number, to: number): ShownLine {
  // A cut never splits a surrogate pair.
  const isLow = (i: number) => i > 0 && i < line.length && (line.charCodeAt(i) & 0xfc00) === 0xdc00 && (line.charCodeAt(i - 1) & 0xfc00) === 0xd800;
  if (isLow(from)) from--;
  if (isLow(to)) to++;
  to = Math.min(to, line.length);
  from = Math.min(from, to);
  const prefix = from > 0 ? "…" : "";
  const positions: number[] = [];
  let out = prefix;
  for (let i = from; i < to; ) {
    const code = line.codePointAt(i)!;
    const width = code > 0xffff ? 2 : 1;
    const ch = line.slice(i, i + width);
    for (let k = 0; k < width; k++) positions.push(out.length);
    out += spelledOut(ch) ?? ch;
    i += width;
  }
  positions.push(out.length);
  if (to < line.length) out += "…";
  return {
    text: out,
    column: (index: number) => (index <= from ? prefix.length : index >= to ? positions[positions.length - 1]! : positions[index - from]!),
  };
}

/** Text for the terminal with every unprintable character spelled out (messages and paths quote what users wrote). */
export function visibleText(text: string): string {
  if (!SPELLED_OUT.test(text)) return text;
  return visibleLine(text, 0, text.length).text;
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
