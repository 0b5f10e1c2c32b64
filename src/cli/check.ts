/**
 * `b24layout check`: report every problem of the given files.
 */
import type { Diagnostic } from "../diagnostic.js";
import type { IrProgram } from "../lower/ir.js";
import { expandInputs, readSources, sourceHost, type SourceFile } from "./files.js";
import { EXIT_OK, EXIT_PROBLEMS, type CliIo, type CliStream } from "./io.js";
import { colorsFor, displayPath, formatDiagnostic, formatSummary, tally, useColors } from "./output.js";

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

export async function runCheck(args: readonly string[], options: OutputOptions, io: CliIo): Promise<number> {
  const files = await checkInputs(args, io);
  reportDiagnostics(files, io.stdout, io, options);
  return hasErrors(files) ? EXIT_PROBLEMS : EXIT_OK;
}
