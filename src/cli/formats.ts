/**
 * The reports of `b24layout check --format …` other than the terminal's: `json` (our own
 * documented schema), `sarif` (SARIF 2.1.0, for code scanning), `github` (workflow commands, for
 * annotations), and `compact` and `unix` (one line per finding, ESLint's formats of those names,
 * for editors' error lists and grep). Each is a pure function of the checked files; the terminal
 * formats (`stylish`, `codeframe`) are output.ts.
 */
import { toPointer } from "../json/index.js";
import type { Diagnostic } from "../diagnostic.js";
import type { RuleMeta } from "../check/index.js";
import { ruleDoc } from "../check/index.js";
import { isAbsolute } from "node:path";
import { pathToFileURL } from "node:url";
import { collected, displayPath, plural, relatedPlace, tally, visibleText, type ReportSink } from "./output.js";

export const FORMATS = ["stylish", "codeframe", "compact", "unix", "json", "sarif", "github"] as const;
export type Format = (typeof FORMATS)[number];

/** The formats written for people (colours on a terminal, `--output-file` gets them without). */
export const TERMINAL_FORMATS = ["stylish", "codeframe"] as const satisfies readonly Format[];
export type TerminalFormat = (typeof TERMINAL_FORMATS)[number];

/** The formats of one line per finding. */
export const LINE_FORMATS = ["compact", "unix"] as const satisfies readonly Format[];
export type LineFormat = (typeof LINE_FORMATS)[number];

export function isTerminalFormat(format: Format): format is TerminalFormat {
  return (TERMINAL_FORMATS as readonly string[]).includes(format);
}

export function isLineFormat(format: Format): format is LineFormat {
  return (LINE_FORMATS as readonly string[]).includes(format);
}

/** A checked file as the formats see it: the path shown (relative to the working directory) and its findings. */
export interface ReportedFile {
  readonly display: string;
  readonly diagnostics: readonly Diagnostic[];
}

/** `Error` or `Warning`, as ESLint's compact and unix formats write a severity. */
function severityWord(d: Diagnostic): string {
  return d.severity === "error" ? "Error" : "Warning";
}

/** The count that ends a one-line-per-finding report, after a blank line; nothing when there is nothing to count. */
function problemCount(files: readonly ReportedFile[]): string {
  const t = tally(files);
  const problems = t.errors + t.warnings;
  return problems === 0 ? "" : `\n${plural(problems, "problem")}\n`;
}

/**
 * `--format compact` (ESLint's): `path: line L, col C, Error - message (rule-id)` per finding, then
 * the count. Control characters in paths and messages are spelled out, so a finding stays one line.
 */
/** The places a finding speaks of, for the end of its one line: ` (first defined at file:2:3)`. */
function relatedSuffix(d: Diagnostic, file: string, cwd: string): string {
  return (d.related ?? []).map((r) => ` (${visibleText(r.message)} at ${visibleText(relatedPlace(r, file, cwd))})`).join("");
}

export function formatCompactReport(files: readonly ReportedFile[], cwd = process.cwd()): string {
  return collected((write) => writeCompactReport(files, write, cwd));
}

/** `formatCompactReport`, written file by file. */
export function writeCompactReport(files: readonly ReportedFile[], write: ReportSink, cwd = process.cwd()): void {
  writeLinePerFinding(files, write, (f, d) => `${visibleText(f.display)}: line ${d.range.start.line}, col ${d.range.start.column}, ${severityWord(d)} - ${visibleText(d.message)}${relatedSuffix(d, f.display, cwd)} (${d.ruleId})`);
}

/** A one-line-a-finding report: each file's lines in one write, then the count. */
function writeLinePerFinding(files: readonly ReportedFile[], write: ReportSink, line: (file: ReportedFile, d: Diagnostic) => string): void {
  for (const f of files) {
    let out = "";
    for (const d of f.diagnostics) out += `${line(f, d)}\n`;
    if (out !== "") write(out);
  }
  write(problemCount(files));
}

/** `--format unix` (ESLint's, the `file:line:col: message` of compilers and grep): `path:L:C: message [Error/rule-id]` per finding, then the count. */
export function formatUnixReport(files: readonly ReportedFile[], cwd = process.cwd()): string {
  return collected((write) => writeUnixReport(files, write, cwd));
}

/** `formatUnixReport`, written file by file. */
export function writeUnixReport(files: readonly ReportedFile[], write: ReportSink, cwd = process.cwd()): void {
  writeLinePerFinding(files, write, (f, d) => `${visibleText(f.display)}:${d.range.start.line}:${d.range.start.column}: ${visibleText(d.message)}${relatedSuffix(d, f.display, cwd)} [${severityWord(d)}/${d.ruleId}]`);
}

/** The version of the `--format json` schema; it changes only when a field is removed or changes meaning. */
export const JSON_FORMAT_VERSION = 1;

/**
 * `--format json`:
 * `{ version, files: [{ path, diagnostics: [{ ruleId, severity, message, range, fix?, suggestions?, related? }] }], summary }`,
 * with 1-based lines and columns and the range's end just past its last character; `related`
 * lists the places a finding speaks of as `{ message, range, path? }` (`path` when another file).
 */
export function formatJsonReport(files: readonly ReportedFile[], cwd = process.cwd()): string {
  const t = tally(files);
  const report = {
    version: JSON_FORMAT_VERSION,
    files: files.map((f) => ({
      path: f.display,
      diagnostics: f.diagnostics.map((d) => ({
        ruleId: d.ruleId,
        severity: d.severity,
        message: d.message,
        range: position(d.range),
        // A JSON payload's finding: the keys and indexes of the offending key or value.
        ...(d.path ? { path: d.path } : {}),
        ...(d.fix ? { fix: fixJson(d.fix) } : {}),
        ...(d.suggestions?.length ? { suggestions: d.suggestions.map(fixJson) } : {}),
        ...(d.related?.length ? { related: d.related.map((r) => ({ message: r.message, range: position(r.range), ...(r.file !== undefined ? { path: displayPath(r.file, cwd) } : {}) })) } : {}),
      })),
    })),
    summary: { files: t.files, filesWithProblems: t.filesWithProblems, errors: t.errors, warnings: t.warnings },
  };
  return `${JSON.stringify(report, null, 2)}\n`;
}

function position(range: Diagnostic["range"]) {
  return { start: { line: range.start.line, column: range.start.column }, end: { line: range.end.line, column: range.end.column } };
}

function fixJson(fix: NonNullable<Diagnostic["fix"]>) {
  return { description: fix.description, edits: fix.edits.map((e) => ({ range: position(e.range), newText: e.newText })) };
}

export interface ToolInfo {
  readonly name: string;
  readonly version: string;
}

/**
 * `--format sarif`: one run of SARIF 2.1.0, with every rule in `tool.driver.rules` (id, short
 * description, help text) and results located by the path relative to the working directory
 * (`%SRCROOT%`), which is what code scanning expects from a job run at the repository root; a
 * file outside it by its absolute `file:` URI.
 */
export function formatSarifReport(files: readonly ReportedFile[], rules: readonly RuleMeta[], tool: ToolInfo, cwd = process.cwd()): string {
  const index = new Map(rules.map((r, i) => [r.id, i]));
  const results = files.flatMap((f) =>
    f.diagnostics.map((d) => ({
      ruleId: d.ruleId,
      ...(index.has(d.ruleId) ? { ruleIndex: index.get(d.ruleId)! } : {}),
      level: d.severity === "error" ? "error" : "warning",
      message: { text: d.message },
      locations: [
        {
          physicalLocation: {
            artifactLocation: artifactLocation(f.display),
            region: region(d.range),
          },
          // A JSON payload's finding: where in the document, as a JSON Pointer (RFC 6901).
          ...(d.path ? { logicalLocations: [{ fullyQualifiedName: toPointer(d.path), kind: "value" }] } : {}),
        },
      ],
      ...(d.related?.length
        ? {
            relatedLocations: d.related.map((r, id) => ({
              id,
              physicalLocation: { artifactLocation: artifactLocation(r.file === undefined ? f.display : displayPath(r.file, cwd)), region: region(r.range) },
              message: { text: r.message },
            })),
          }
        : {}),
    })),
  );
  const log = {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: tool.name,
            version: tool.version,
            rules: rules.map((r) => ({
              id: r.id,
              shortDescription: { text: r.description },
              fullDescription: { text: r.why },
              // The rule's page (docs/rules/<id>.md): code scanning shows it with the alert.
              help: { text: `${r.description} ${r.why}`, markdown: ruleDoc(r) },
              defaultConfiguration: { level: r.severity === "error" ? "error" : "warning" },
            })),
          },
        },
        results,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

function region(range: Diagnostic["range"]) {
  return { startLine: range.start.line, startColumn: range.start.column, endLine: range.end.line, endColumn: range.end.column };
}

/**
 * Where a file is, for SARIF: a path relative to the working directory as a relative URI against
 * `%SRCROOT%`; a file outside it (shown by its absolute path) as an absolute `file:` URI, which
 * must not have a `uriBaseId` (SARIF §3.4.4, the validator's SARIF1004).
 */
function artifactLocation(display: string): { uri: string; uriBaseId?: string } {
  if (isAbsolute(display)) return { uri: pathToFileURL(display).href };
  return { uri: display.split(/[\\/]/).map(encodeURIComponent).join("/"), uriBaseId: "%SRCROOT%" };
}

/** GitHub shows at most this many annotations of each type per step, and drops the rest silently. */
export const GITHUB_ANNOTATIONS_PER_TYPE = 10;

/**
 * `--format github`: `::error file=…,line=…,col=…,endLine=…,endColumn=…,title=…::message` workflow
 * commands, with a line for each place the finding speaks of ("first defined at file:line:col").
 * Past the ten of each type GitHub shows, a `::notice::` says how many were left out and how to
 * see them.
 */
export function formatGithubReport(files: readonly ReportedFile[], cwd = process.cwd()): string {
  const lines: string[] = [];
  const shown = { error: 0, warning: 0 };
  const hidden = { error: 0, warning: 0 };
  for (const f of files) {
    for (const d of f.diagnostics) {
      const type = d.severity === "error" ? "error" : "warning";
      if (shown[type] >= GITHUB_ANNOTATIONS_PER_TYPE) {
        hidden[type]++;
        continue;
      }
      shown[type]++;
      const { start, end } = d.range;
      const props = [`file=${f.display}`, `line=${start.line}`, `col=${start.column}`, `endLine=${end.line}`, `endColumn=${end.column}`, `title=${d.ruleId}`];
      const message = [d.message, ...(d.related ?? []).map((r) => `${r.message} at ${relatedPlace(r, f.display, cwd)}`)].join("\n");
      lines.push(`::${type} ${props.map(escapeProperty).join(",")}::${escapeData(message)}`);
    }
  }
  if (hidden.error + hidden.warning > 0) {
    const parts = [hidden.error ? `${hidden.error} more error(s)` : "", hidden.warning ? `${hidden.warning} more warning(s)` : ""].filter(Boolean);
    lines.push(`::notice title=b24layout::${escapeData(`${parts.join(" and ")} not shown as annotations (GitHub shows ${GITHUB_ANNOTATIONS_PER_TYPE} of each type per step): see the full list with b24layout check, or upload --format sarif to code scanning.`)}`);
  }
  return lines.length === 0 ? "" : `${lines.join("\n")}\n`;
}

/** Workflow command data: `%`, CR and LF escaped (GitHub's toolkit rules). */
function escapeData(s: string): string {
  return s.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

/** A `key=value` property: its value also escapes `:` and `,`. */
function escapeProperty(prop: string): string {
  const eq = prop.indexOf("=");
  return `${prop.slice(0, eq)}=${escapeData(prop.slice(eq + 1)).replace(/:/g, "%3A").replace(/,/g, "%2C")}`;
}
