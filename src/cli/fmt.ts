/**
 * `b24layout fmt`: formats files in place, or with `--check` lists the files that are not
 * formatted. The style is the Prettier plugin's (src/format); a `.prettierrc` or `.editorconfig`
 * next to a file may set its width, indentation and line endings, as they would for Prettier, and
 * the command-line options win over both. A file with syntax errors is reported and left as it
 * is; every other file is written atomically, all at the end.
 */
import { resolve } from "node:path";
import type { FormatOptions } from "../format/index.js";
import { writeFilesAtomically } from "./atomic-write.js";
import { ConfigFinder, warnOnce } from "./config.js";
import { describeFsError, expandInputs, problemDiagnostic, refusePayloadPaths } from "./files.js";
import { readTextFile, type TextFile } from "../workspace/index.js";
import { CliError, EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, type CliIo } from "./io.js";
import { colorsFor, displayPath, formatDiagnostic, plural, useColors, type Colors } from "./output.js";
// Not the index: it brings the formatter and Prettier, which `fmt` loads only to format (eslint.layers.js, OTHER_FACES).
import { pickFormatOptions, PrettierConfigError, prettierConfigReader } from "../format/prettier-config.js";
import { readStdinText, refuseStdinWithPaths } from "./stdin.js";
import { showsProgress, startProgress } from "./progress.js";

export const END_OF_LINE = ["lf", "crlf", "cr", "auto"] as const;

export interface FmtOptions extends FormatOptions {
  /** List the files that would change and write nothing; exit 1 if there are any. */
  readonly check?: boolean;
  /** Ignore `.prettierrc` and `.editorconfig`. */
  readonly prettierConfig?: boolean;
  readonly config?: string;
  readonly color?: boolean;
  /**
   * `--stdin-filepath FILE` (Prettier's flag): format standard input as the file FILE (its
   * .prettierrc, .editorconfig and config's `ignore` apply) and print it on stdout.
   */
  readonly stdinFilepath?: string;
}

const BOM = "\uFEFF";

export async function runFmt(args: readonly string[], options: FmtOptions, io: CliIo): Promise<number> {
  refusePayloadPaths(options.stdinFilepath === undefined ? args : [options.stdinFilepath], "fmt");
  if (options.stdinFilepath !== undefined) {
    refuseStdinWithPaths(args, "--stdin-filepath");
    return formatStdin(options.stdinFilepath, options, io);
  }
  const expanded = await expandInputs(args, io.cwd);
  // The config's `ignore` leaves out files found in folders and by globs, as for `check`.
  const configs = await ConfigFinder.forFiles(io, options.config, expanded);
  const named = new Set(args.map((a) => resolve(io.cwd, a)));
  const paths = expanded.filter((p) => named.has(p) || !configs.settingsFor(p).ignored);
  const { formatText, FormatterBugError } = await import("../format/index.js");
  const prettierConfigOf = await prettierConfigFor(options, io);
  const err = colorsFor(useColors(io.stderr, io.env, options.color));

  const writes: { path: string; content: string }[] = [];
  const changed: string[] = [];
  let failed = 0;
  const progress = startProgress(io, options.check ? "checked" : "formatted", showsProgress(io, true));
  for (const [index, path] of paths.entries()) {
    progress.tick(index, paths.length);
    const shown = displayPath(path, io.cwd);
    let read: TextFile;
    try {
      read = readTextFile(path);
    } catch (error) {
      throw new CliError(`cannot read '${shown}': ${describeFsError(error)}`);
    }
    const { bom, text } = read;
    if (read.problem) {
      // Not text (binary, not UTF-8): never rewritten.
      failed++;
      progress.end();
      io.stderr.write(`${formatDiagnostic(problemDiagnostic(read.problem, text), shown, text, err)}\n`);
      io.stderr.write(`${err.red(`${shown} is not UTF-8 text: left as it is.`)}\n`);
      continue;
    }
    const settings: FormatOptions = { ...(await prettierConfigOf(path)), ...pickFormatOptions(options) };
    let result: Awaited<ReturnType<typeof formatText>>;
    try {
      result = await formatText(text, settings);
    } catch (error) {
      if (!(error instanceof FormatterBugError)) throw error;
      failed++;
      progress.end();
      io.stderr.write(`${err.red("internal error:")} ${shown}: ${error.message} Please report it with the file.\n`);
      continue;
    }
    if (!result.ok) {
      failed++;
      progress.end();
      for (const d of result.diagnostics) io.stderr.write(`${formatDiagnostic(d, shown, text, err)}\n`);
      io.stderr.write(`${err.red(`${shown} has ${plural(result.diagnostics.length, "syntax error")}: left as it is.`)}\n`);
      continue;
    }
    if (!result.changed) continue;
    changed.push(shown);
    if (!options.check) writes.push({ path, content: bom ? BOM + result.text : result.text });
  }

  progress.end();
  if (writes.length > 0) {
    try {
      await writeFilesAtomically(writes);
    } catch (error) {
      throw new CliError(`cannot write the formatted files: ${describeFsError(error)}; none was changed.`);
    }
  }
  for (const shown of changed) io.stdout.write(`${shown}\n`);
  io.stderr.write(`${fmtSummary(paths.length, changed.length, failed, options.check === true, err)}\n`);
  if (failed > 0) return EXIT_USAGE;
  return options.check && changed.length > 0 ? EXIT_PROBLEMS : EXIT_OK;
}

/** The .prettierrc / .editorconfig settings of a file, unless --no-prettier-config. */
async function prettierConfigFor(options: FmtOptions, io: CliIo): Promise<(file: string) => Promise<FormatOptions>> {
  const readPrettierConfig =
    options.prettierConfig === false ? undefined : await prettierConfigReader({ cwdFor: () => io.cwd, warn: (message) => warnOnce(io, message), display: (path) => displayPath(path, io.cwd) });
  return async (file: string): Promise<FormatOptions> => {
    try {
      return (await readPrettierConfig?.(file)) ?? {};
    } catch (error) {
      if (error instanceof PrettierConfigError) throw new CliError(error.message);
      throw error;
    }
  };
}

/**
 * `fmt --stdin-filepath FILE`: standard input formatted as FILE would be, on stdout; as Prettier
 * does, a file the config ignores is printed as it is. With --check, nothing is printed but the
 * path when the text is not formatted (exit 1). Text with syntax errors, or that is not UTF-8, is
 * reported on stderr and nothing is printed (exit 2): a pipe into the file never gets half a file.
 */
async function formatStdin(filepath: string, options: FmtOptions, io: CliIo): Promise<number> {
  const path = resolve(io.cwd, filepath);
  const shown = displayPath(path, io.cwd);
  const read = await readStdinText(io);
  const err = colorsFor(useColors(io.stderr, io.env, options.color));
  if (read.problem) {
    io.stderr.write(`${formatDiagnostic(problemDiagnostic(read.problem, read.text), shown, read.text, err)}\n`);
    io.stderr.write(`${err.red(`${shown} is not UTF-8 text: nothing was printed.`)}\n`);
    return EXIT_USAGE;
  }
  const original = read.bom ? BOM + read.text : read.text;
  const configs = await ConfigFinder.forFiles(io, options.config, [path]);
  if (configs.settingsFor(path).ignored) {
    if (!options.check) io.stdout.write(original);
    return EXIT_OK;
  }
  const { formatText, FormatterBugError } = await import("../format/index.js");
  const settings: FormatOptions = { ...(await (await prettierConfigFor(options, io))(path)), ...pickFormatOptions(options) };
  let result: Awaited<ReturnType<typeof formatText>>;
  try {
    result = await formatText(read.text, settings);
  } catch (error) {
    if (!(error instanceof FormatterBugError)) throw error;
    io.stderr.write(`${err.red("internal error:")} ${shown}: ${error.message} Please report it with the file.\n`);
    return EXIT_USAGE;
  }
  if (!result.ok) {
    for (const d of result.diagnostics) io.stderr.write(`${formatDiagnostic(d, shown, read.text, err)}\n`);
    io.stderr.write(`${err.red(`${shown} has ${plural(result.diagnostics.length, "syntax error")}: nothing was printed.`)}\n`);
    return EXIT_USAGE;
  }
  if (options.check) {
    if (!result.changed) return EXIT_OK;
    io.stdout.write(`${shown}\n`);
    return EXIT_PROBLEMS;
  }
  io.stdout.write(read.bom ? BOM + result.text : result.text);
  return EXIT_OK;
}

/**
 * The last line of `fmt`: what it checked or formatted and what failed, true for every exit code
 * (as `prettier --check` says "Code style issues found in 2 files" or "All matched files use
 * Prettier code style!"). `failed` files had syntax errors (or met a formatter bug), reported above.
 */
export function fmtSummary(total: number, changed: number, failed: number, check: boolean, c: Colors): string {
  const unchanged = total - changed - failed;
  const notDone = failed > 0 ? `${check ? failed : plural(failed, "file")} could not be ${check ? "checked" : "formatted"} (errors above)` : "";
  if (check) {
    if (failed === 0 && changed === 0) return c.green(`✔ Checked ${plural(total, "file")}: all formatted.`);
    const parts = [notDone, changed > 0 ? `${changed} not formatted (listed above)` : "", unchanged > 0 ? `${unchanged} formatted` : ""].filter(Boolean);
    const advice = changed > 0 ? ` Run b24layout fmt to format ${changed === 1 ? "it" : "them"}.` : "";
    return (failed > 0 ? c.red : c.yellow)(`✖ Checked ${plural(total, "file")}: ${parts.join(", ")}.${advice}`);
  }
  const done = changed > 0 ? `formatted ${plural(changed, "file")}` : "";
  const already = unchanged > 0 ? `${changed > 0 || failed > 0 ? unchanged : plural(unchanged, "file")} ${unchanged === 1 ? "was" : "were"} already formatted` : "";
  if (failed > 0) return c.red(`✖ ${[notDone, done, already].filter(Boolean).join("; ")}.`);
  if (changed === 0) return c.green(`✔ ${plural(total, "file")} already formatted.`);
  return c.green(`✔ ${capitalized([done, already].filter(Boolean).join("; "))}.`);
}

function capitalized(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
