/**
 * `b24layout check`: report every problem of the given files.
 */
import type { Diagnostic } from "../diagnostic.js";
import type { IrProgram } from "../lower/ir.js";
import { describeFsError, expandInputs, readSources, sourceHost, type SourceFile } from "./files.js";
import { CliError, EXIT_OK, EXIT_PROBLEMS, type CliIo, type CliStream } from "./io.js";
import { colorsFor, displayPath, formatDiagnostic, formatSummary, plural, tally, useColors } from "./output.js";
import { resolve } from "node:path";
import { ALL_RULES } from "../check/rules/index.js";
import { writeFilesAtomically } from "./atomic-write.js";
import { formatGithubReport, formatJsonReport, formatSarifReport, type Format } from "./formats.js";
import { VERSION } from "./version.js";

export interface CheckedFile {
  readonly source: SourceFile;
  /** The path as shown to the user. */
  readonly display: string;
  readonly diagnostics: readonly Diagnostic[];
}

/** A checked file with its lowered program, for commands that emit it. */
export interface LoweredFile extends CheckedFile {
  readonly program: IrProgram;
}

export interface OutputOptions {
  /** `--color` / `--no-color`; undefined lets the environment decide. */
  readonly color?: boolean;
}

/**
 * Expands, reads and checks the inputs. Missing or unreadable files are usage errors (thrown).
 * Each file's program is kept only when asked for: `check` of many files would otherwise hold every
 * syntax tree and IR until the end (50 MB more for the benchmark's 1,000 files, and the garbage
 * collector's time to go with it).
 */
export async function checkInputs(args: readonly string[], io: CliIo, options: { keepPrograms: true }): Promise<LoweredFile[]>;
export async function checkInputs(args: readonly string[], io: CliIo): Promise<CheckedFile[]>;
export async function checkInputs(args: readonly string[], io: CliIo, options?: { keepPrograms: true }): Promise<CheckedFile[]> {
  const paths = await expandInputs(args, io.cwd);
  const display = (p: string) => displayPath(p, io.cwd);
  const sources = readSources(paths, display);
  // Loaded on demand: building the lexer and parser is most of the start-up time, and `--help`,
  // `--version` and `schema` do not need them.
  const { check, ModuleCache } = await import("../index.js");
  const modules = new ModuleCache();
  return sources.map((source) => {
    const result = check(source.text, { file: source.path, host: sourceHost(source.path, io.cwd), modules });
    const checked: CheckedFile = { source, display: display(source.path), diagnostics: result.diagnostics };
    return options?.keepPrograms ? { ...checked, program: result.program } : checked;
  });
}

export function hasErrors(files: readonly CheckedFile[]): boolean {
  return files.some((f) => f.diagnostics.some((d) => d.severity === "error"));
}

/** Prints every diagnostic with its code frame, then the summary line. */
export function reportDiagnostics(files: readonly CheckedFile[], stream: CliStream, io: CliIo, options: OutputOptions): void {
  const c = colorsFor(useColors(stream, io.env, options.color));
  for (const f of files) {
    for (const d of f.diagnostics) stream.write(`${formatDiagnostic(d, f.display, f.source.text, c)}\n`);
  }
  stream.write(`${formatSummary(tally(files), c)}\n`);
}

export interface CheckOptions extends OutputOptions {
  /** The report on stdout (default `stylish`), or in `outputFile` with stylish on the terminal. */
  readonly format?: Format;
  readonly outputFile?: string;
  /** Exit 1 when there are more warnings than this. */
  readonly maxWarnings?: number;
  /** Report errors only. */
  readonly quiet?: boolean;
}

export async function runCheck(args: readonly string[], options: CheckOptions, io: CliIo): Promise<number> {
  const checked = await checkInputs(args, io);
  // Warnings count for --max-warnings even when --quiet leaves them out of the report.
  const warnings = checked.reduce((n, f) => n + f.diagnostics.filter((d) => d.severity === "warning").length, 0);
  const files = options.quiet ? checked.map((f) => ({ ...f, diagnostics: f.diagnostics.filter((d) => d.severity === "error") })) : checked;
  const format = options.format ?? "stylish";
  if (options.outputFile !== undefined) {
    const path = resolve(io.cwd, options.outputFile);
    const report = format === "stylish" ? stylishText(files, io) : machineReport(format, files);
    try {
      await writeFilesAtomically([{ path, content: report }]);
    } catch (error) {
      throw new CliError(`cannot write '${displayPath(path, io.cwd)}': ${describeFsError(error)}`);
    }
    reportDiagnostics(files, io.stdout, io, options);
  } else if (format === "stylish") {
    reportDiagnostics(files, io.stdout, io, options);
  } else {
    io.stdout.write(machineReport(format, files));
  }
  if (hasErrors(files)) return EXIT_PROBLEMS;
  if (options.maxWarnings !== undefined && warnings > options.maxWarnings) {
    const c = colorsFor(useColors(io.stderr, io.env, options.color));
    io.stderr.write(`${c.red(`✖ ${plural(warnings, "warning")}: more than --max-warnings ${options.maxWarnings} allows.`)}\n`);
    return EXIT_PROBLEMS;
  }
  return EXIT_OK;
}

/** The terminal report as plain text, for a file. */
function stylishText(files: readonly CheckedFile[], io: CliIo): string {
  let text = "";
  reportDiagnostics(files, { write: (s: string) => (text += s) }, io, { color: false });
  return text;
}

function machineReport(format: Exclude<Format, "stylish">, files: readonly CheckedFile[]): string {
  switch (format) {
    case "json":
      return formatJsonReport(files);
    case "sarif":
      return formatSarifReport(files, ALL_RULES.map((r) => r.meta), { name: "b24layout", version: VERSION });
    case "github":
      return formatGithubReport(files);
  }
}
