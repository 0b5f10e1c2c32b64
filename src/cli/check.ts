/**
 * `b24layout check`: report every problem of the given files.
 */
import { compareDiagnostics, type Diagnostic } from "../diagnostic.js";
import type { FileSummary } from "../check/index.js";
import type { ParamsFile } from "./params.js";
import type { EmittedDeclaration } from "../emit/index.js";
import type { ProgramArguments, TemplateWithoutValues } from "../emit/index.js";
import type { IrProgram, SourceHost } from "../lower/index.js";
import { describeFsError, expandInputs, isPayloadPath, readSources, SOURCE_EXTENSION, sourceHost, type SourceFile } from "./files.js";
import { ConfigFinder } from "./config.js";
import { CliError, EXIT_OK, EXIT_PROBLEMS, type CliIo, type CliStream } from "./io.js";
import { collected, colorsFor, displayPath, plural, useColors, writeCodeFrameReport, writeStylish, type ReportSink } from "./output.js";
import { dirname, resolve } from "node:path";
import { writeFilesAtomically } from "./atomic-write.js";
import { isLineFormat, isTerminalFormat, type Format, type LineFormat, type TerminalFormat, writeCompactReport, writeUnixReport } from "./formats.js";
import { VERSION } from "./version.js";
import { readStdinSource, refuseStdinWithPaths } from "./stdin.js";
import { showsProgress, startProgress, type Progress } from "./progress.js";

export interface CheckedFile {
  /** The file; its text only when the run kept it (CheckRunOptions.keepTexts, or the programs kept). */
  readonly source: CheckedSource;
  /** The path as shown to the user. */
  readonly display: string;
  readonly diagnostics: readonly Diagnostic[];
  /** What the project check needed of it (absent for a file that is not a source, such as --params'). */
  readonly summary?: FileSummary;
}

/** A checked file's source: its path, and its text when it was kept. */
export type CheckedSource = SourceFile | ReleasedSource;

/** A source whose text was let go once the file was checked: only what the reports need of it. */
export interface ReleasedSource {
  readonly path: string;
  readonly text?: undefined;
  readonly unreadable?: Diagnostic;
}

/** A checked file with its text (CheckRunOptions.keepTexts). */
export interface CheckedFileWithText extends CheckedFile {
  readonly source: SourceFile;
}

function hasText(file: CheckedFile): file is CheckedFileWithText {
  return file.source.text !== undefined;
}

/** A checked file with its lowered program (and its text), for commands that emit it. */
export interface LoweredFile extends CheckedFile {
  readonly source: SourceFile;
  readonly program: IrProgram;
  /** With template values (`--params`) and no errors: its declarations rendered to JSON with them. */
  readonly rendered?: readonly EmittedDeclaration[];
  /** With `rendered`: the templates left out of it, given no values for parameters without defaults. */
  readonly withoutValues?: readonly TemplateWithoutValues[];
}

/** Where the checked files' settings come from. */
export interface InputOptions {
  /** `--config FILE`: one config for every file, instead of the nearest b24layout.config.json. */
  readonly config?: string;
  /** `--stdin`: the one source, read from standard input (its path from `--stdin-filename`); the paths are then none. */
  readonly stdin?: SourceFile;
  /** `--cache [--cache-location FILE]`: reuse the findings of unchanged files. */
  readonly cache?: string;
}

export interface CheckRunOptions extends InputOptions {
  /** Keep each file's program (the files are then checked in full, without the cache). */
  readonly keepPrograms?: true;
  /**
   * Values of the templates' parameters (`--params FILE`): every file without errors is also
   * rendered to JSON with them, and what does not fit is reported (template-arguments), exactly as
   * `build` does. Without it the checker cannot know what a JSON build will be given.
   */
  readonly params?: ProgramArguments;
  /** Called as files are checked: `done` of `total`. */
  readonly progress?: Progress;
  /** `--kind`: the kind of payload every JSON file is, instead of recognising it (wins over a config's). */
  readonly kind?: string;
  /**
   * Keep each file's text, for code frames and fixes. Without it (nor `keepPrograms`) a file's
   * text is let go as soon as the file is checked: `check` of many files then holds only their
   * findings and what the project check needs of them, not every text until the report.
   */
  readonly keepTexts?: boolean;
}

export interface OutputOptions {
  /** `--color` / `--no-color`; undefined lets the environment decide. */
  readonly color?: boolean;
  /** The report for people (default `stylish`), or one line per finding (`compact`, `unix`). */
  readonly report?: TerminalFormat | LineFormat;
  /** `--code-frame`: the stylish report shows the source under each finding. */
  readonly codeFrame?: boolean;
  /** The report for people ends with how many findings `--fix` would fix, as ESLint's does (`check` on files, when it did not fix). */
  readonly fixHint?: boolean;
}

/** What a file that is not text declares, imports and suppresses: nothing. */
const EMPTY_SUMMARY: FileSummary = { declarations: [], imports: [], badges: [], badgeCodes: [], unresolved: [], importAt: undefined, importLists: [], suppressions: [] };

/** One file's own check: its findings, what the project check needs of it, and its program when kept. */
interface OwnResult {
  readonly diagnostics: readonly Diagnostic[];
  readonly summary: FileSummary;
  readonly program?: IrProgram;
}

/** A file through its own check, waiting for the project check: its source (text kept or not), settings and own result. */
interface OwnChecked extends OwnResult {
  readonly source: CheckedSource;
  readonly settings: FileSettings;
}

/** The settings a file is checked with (its config's). */
type FileSettings = ReturnType<ConfigFinder["settingsFor"]>["options"];

/**
 * Expands, reads and checks the inputs: each file on its own, then the project check over all of
 * them (src/check/project.ts: two files that `build` would write under one name), whose findings go
 * to the files they concern, afresh at every run also for files whose own findings the cache has.
 * Missing or unreadable files are usage errors (thrown, all of them named, before anything is
 * reported or cached).
 *
 * Files are read, checked and let go one at a time (`checkFilesOneByOne`): what stays of a file
 * until the report is its findings and its summary for the project check, and its text and program
 * only when asked for. `check` of many files would otherwise hold every text, syntax tree and IR
 * until the end (45,000 files of 63 MB: every text alone is 100 MB or more).
 */
export async function checkInputs(args: readonly string[], io: CliIo, options: CheckRunOptions & { keepPrograms: true }): Promise<LoweredFile[]>;
export async function checkInputs(args: readonly string[], io: CliIo, options?: CheckRunOptions): Promise<CheckedFile[]>;
export async function checkInputs(args: readonly string[], io: CliIo, options?: CheckRunOptions): Promise<CheckedFile[]> {
  const stdin = options?.stdin;
  // JSON payloads are checked, not built or previewed: the commands that keep the programs take .b24layout files only.
  const payloads = options?.keepPrograms !== true;
  const isPayload = (path: string) => payloads && isPayloadPath(path);
  const { paths: expanded, walked, realPaths } = stdin || !payloads ? { paths: stdin ? [stdin.path] : await expandInputs(args, io.cwd), walked: new Set<string>(), realPaths: undefined } : await expandInputs(args, io.cwd, { payloads: true });
  const configs = await ConfigFinder.forFiles(io, options?.config, expanded);
  // A config's `ignore` leaves out files found in folders and by globs; a file named as it is (or by --stdin-filename) is checked.
  // A JSON file found in a folder is checked only when a config's `include` takes it.
  const named = new Set(args.map((a) => resolve(io.cwd, a)));
  const paths = stdin ? expanded : expanded.filter((p) => named.has(p) || (!configs.settingsFor(p).ignored && (!walked.has(p) || configs.settingsFor(p).included)));
  if (paths.length === 0) throw new CliError(`no ${SOURCE_EXTENSION} files, nor JSON files that a config's "include" takes, in ${args.map((a) => `'${a}'`).join(", ")}`);
  const display = (p: string) => displayPath(p, io.cwd);
  const params = options?.params;
  // Rendering with --params needs the programs, which the cache does not keep.
  const keepPrograms = options?.keepPrograms === true || params !== undefined;
  const keep = { programs: keepPrograms, texts: keepPrograms || options?.keepTexts === true };
  // A JSON payload is checked as the kind --kind or its config's override gives, else as its shape says.
  const payloadFiles = { is: isPayload, kind: (path: string) => options?.kind ?? configs.settingsFor(path).kind };
  const own = await checkFilesOneByOne(paths, io, configs, keep, { stdin, cache: options?.cache, progress: options?.progress, payloads: payloadFiles });
  const { checkProjectFiles, withProjectFindings } = await import("../check/index.js");
  const { realPath } = await import("../workspace/index.js");
  const realPathOf = (path: string) => realPaths?.get(path) ?? realPath(path) ?? path;
  const findings = checkProjectFiles(own.map((f) => ({ path: f.source.path, display: display(f.source.path), summary: f.summary, options: f.settings, realPath: realPathOf(f.source.path) })));
  const render = params === undefined ? undefined : (await import("../emit/index.js")).renderProgram;
  return own.map(({ source, summary, program, ...f }, i): CheckedFile => {
    const diagnostics = withProjectFindings(f.diagnostics, findings[i]!, summary);
    const file: CheckedFile = { source, display: display(source.path), diagnostics, summary };
    if (!program) return file;
    if (!render || diagnostics.some((d) => d.severity === "error")) return { ...file, program } as LoweredFile;
    // The values of --params, as build renders them: their problems are the file's (template-arguments).
    const rendered = render(program, params);
    if (rendered.diagnostics.length > 0) return { ...file, diagnostics: [...diagnostics, ...rendered.diagnostics].sort(compareDiagnostics), program } as LoweredFile;
    return { ...file, program, rendered: rendered.outputs, withoutValues: rendered.withoutValues } as LoweredFile;
  });
}

/**
 * Each file read, checked on its own (or taken from the cache) and let go before the next is read,
 * in order: its text is kept only with `keepTexts`, its program only with `keepPrograms`. A file
 * that is not text (binary, not UTF-8) is its one diagnostic, and is never cached.
 */
async function checkFilesOneByOne(
  paths: readonly string[],
  io: CliIo,
  configs: ConfigFinder,
  keep: { readonly programs: boolean; readonly texts: boolean },
  options: {
    readonly stdin: SourceFile | undefined;
    readonly cache: string | undefined;
    readonly progress: Progress | undefined;
    /** Which files are JSON payloads, and the kind each is given. */
    readonly payloads: { readonly is: (path: string) => boolean; readonly kind: (path: string) => string | undefined };
  },
): Promise<OwnChecked[]> {
  const stdin = options.stdin;
  // Loaded on demand: building the lexer and parser is most of the start-up time, and `--help`,
  // `--version`, `schema` and a run whose files are all cached do not need them.
  const cache = options.cache !== undefined && !keep.programs && !stdin ? (await import("./cache.js")).CheckCache.open(resolve(io.cwd, options.cache)) : undefined;
  let checker: Awaited<ReturnType<typeof loadOwnChecker>> | undefined;
  const checked: OwnChecked[] = [];
  const unreadable: string[] = [];
  // One thread: a worker thread checking half the files was measured slower here (1,000 files:
  // 0.79 s against 0.60 s on 2 cores), as V8 already compiles and collects garbage on the other core.
  for (const [done, path] of paths.entries()) {
    options.progress?.tick(done, paths.length);
    const source = stdin ?? readOneSource(path, io, unreadable);
    if (source === undefined) continue;
    const settings = configs.settingsFor(source.path).options;
    const payload = options.payloads.is(source.path);
    const kind = payload ? options.payloads.kind(source.path) : undefined;
    let result: OwnResult;
    if (source.unreadable) {
      result = { diagnostics: [source.unreadable], summary: EMPTY_SUMMARY };
    } else {
      const key = cache?.key(source.path, source.text, kind === undefined ? settings : { ...settings, kind });
      const cached = key === undefined ? undefined : cache!.get(source.path, key);
      if (cached) {
        result = cached;
      } else {
        checker ??= await loadOwnChecker();
        result = payload ? checker.checkPayloadFile(source, settings, kind) : checker.checkOwn(source, settings, io, keep.programs);
        if (key !== undefined) cache!.set(source.path, key, result);
      }
    }
    const kept = keep.texts ? source : { path: source.path, ...(source.unreadable ? { unreadable: source.unreadable } : {}) };
    checked.push({ source: kept, settings, ...(keep.texts ? result : detachedFromText(result)) });
  }
  if (unreadable.length > 0) throw new CliError(unreadable.join("\n"));
  await cache?.save();
  return checked;
}

/** The file at `path` as read, or undefined with why it cannot be read added to `problems` (thrown together once all are read). */
function readOneSource(path: string, io: CliIo, problems: string[]): SourceFile | undefined {
  try {
    return readSources([path], (p) => displayPath(p, io.cwd))[0];
  } catch (error) {
    if (!(error instanceof CliError)) throw error;
    problems.push(error.message);
    return undefined;
  }
}

/** The one-file check, loaded when the first file that the cache does not have is met. */
async function loadOwnChecker() {
  const { check, checkJson, ModuleCache } = await import("../pipeline/index.js");
  const { summarize } = await import("../check/index.js");
  const modules = new ModuleCache();
  // One host per folder: a file's host depends only on its folder (its project root), and making
  // one asks the disk for the root's real path.
  const hosts = new Map<string, SourceHost>();
  const hostFor = (file: string, cwd: string) => {
    const folder = dirname(file);
    let host = hosts.get(folder);
    if (!host) hosts.set(folder, (host = sourceHost(file, cwd)));
    return host;
  };
  return {
    /** A JSON payload: through the JSON front end; it declares, imports and suppresses nothing the project check needs. */
    checkPayloadFile(source: SourceFile, settings: FileSettings, kind: string | undefined): OwnResult {
      const result = checkJson(source.text, { ...settings, fileName: source.path, ...(kind !== undefined ? { kind } : {}) });
      return { diagnostics: result.diagnostics, summary: EMPTY_SUMMARY };
    },
    checkOwn(source: SourceFile, settings: FileSettings, io: CliIo, keepProgram: boolean): OwnResult {
      const result = check(source.text, { ...settings, file: source.path, host: hostFor(source.path, io.cwd), modules });
      const own = { diagnostics: result.diagnostics, summary: summarize(result.program, result.document) };
      return keepProgram ? { ...own, program: result.program } : own;
    },
  };
}

/**
 * The findings and summary of a file as copies that share nothing with its text. Names, images and
 * comments cut from the text are slices of it, which V8 keeps pointing into the whole text: one
 * declaration name kept in a summary would keep the file's text alive, and with it every text of
 * the run. A structured clone makes fresh strings (and plain objects of the ranges).
 */
function detachedFromText(result: OwnResult): OwnResult {
  return { diagnostics: result.diagnostics.length === 0 ? NONE : structuredClone(result.diagnostics), summary: compactSummary(result.summary) };
}

/** The one empty list the kept summaries and findings share (most of a summary's lists are empty). */
const NONE: readonly never[] = Object.freeze([]);

/** A copy of `summary` (see detachedFromText) whose empty lists are all the one `NONE`. */
function compactSummary(summary: FileSummary): FileSummary {
  // Only what is there is cloned: most lists are empty, and a clone costs its set-up even then.
  const list = <T>(items: readonly T[]): readonly T[] => (items.length === 0 ? NONE : structuredClone(items));
  return {
    declarations: list(summary.declarations),
    imports: list(summary.imports),
    badges: list(summary.badges),
    badgeCodes: list(summary.badgeCodes),
    unresolved: list(summary.unresolved),
    importAt: summary.importAt && structuredClone(summary.importAt),
    importLists: list(summary.importLists),
    suppressions: list(summary.suppressions),
  };
}

/**
 * The checked files and, when the params file has keys that name no declaration of them, the params
 * file with those findings (after them): `check --params` and `build --params` report them alike.
 */
export async function withParamsFindings<T extends CheckedFile>(files: readonly T[], params: ParamsFile, io: CliIo): Promise<(T | CheckedFile)[]> {
  const { unknownParamsKeys } = await import("./params.js");
  const declared = files.flatMap((f) => f.summary?.declarations.map((d) => d.name) ?? []);
  const diagnostics = unknownParamsKeys(params, declared);
  if (diagnostics.length === 0) return [...files];
  return [...files, { source: { path: params.path, text: params.text }, display: displayPath(params.path, io.cwd), diagnostics }];
}

export function hasErrors(files: readonly CheckedFile[]): boolean {
  return files.some((f) => f.diagnostics.some((d) => d.severity === "error"));
}

/** Prints the report for people (options.report, default stylish) on `stream`, file by file, coloured when it is a terminal. */
export function reportDiagnostics(files: readonly CheckedFile[], stream: CliStream, io: CliIo, options: OutputOptions): void {
  writeTextReport(files, (text) => stream.write(text), options.report ?? "stylish", useColors(stream, io.env, options.color), options.codeFrame === true, io.cwd, options.fixHint === true);
}

/** A report for people or one line per finding, written file by file to `write`. */
function writeTextReport(files: readonly CheckedFile[], write: ReportSink, format: TerminalFormat | LineFormat, color: boolean, codeFrame: boolean, cwd: string, fixHint = false): void {
  switch (format) {
    case "stylish":
      return writeStylish(files, write, colorsFor(color), { codeFrame, cwd, fixHint });
    case "codeframe":
      return writeCodeFrameReport(files, write, colorsFor(color), cwd, fixHint);
    case "compact":
      return writeCompactReport(files, write, cwd);
    case "unix":
      return writeUnixReport(files, write, cwd);
  }
}

export interface CheckOptions extends OutputOptions, InputOptions {
  /** The report on stdout (default `stylish`), or in `outputFile` with stylish on the terminal. */
  readonly format?: Format;
  readonly outputFile?: string;
  /** Exit 1 when there are more warnings than this. */
  readonly maxWarnings?: number;
  /** Report errors only. */
  readonly quiet?: boolean;
  /** Apply the fixes rules declare and write the files (atomically). */
  readonly fix?: boolean;
  /** Print the fixes as a diff and write nothing. */
  readonly fixDryRun?: boolean;
  /** `--params FILE`: also check the template values of this file, as `build --params FILE` renders them. */
  readonly params?: string;
  /** `--stdin [--stdin-filename FILE]`: check standard input as the file FILE (default `<stdin>`). */
  readonly readStdin?: boolean;
  readonly stdinFilename?: string;
  /** `--kind KIND`: the kind of payload every JSON file is. */
  readonly kind?: string;
}

export async function runCheck(args: readonly string[], options: CheckOptions, io: CliIo): Promise<number> {
  const params = options.params === undefined ? undefined : (await import("./params.js")).readParams(options.params, io);
  if (options.readStdin) {
    refuseStdinWithPaths(args, "--stdin");
    if (options.fix) throw new CliError("--fix writes the files it fixes, and standard input is no file: use --fix-dry-run to see the fixes as a diff");
  } else if (options.stdinFilename !== undefined) {
    throw new CliError("--stdin-filename names the text read with --stdin: give --stdin too");
  }
  const stdin = options.readStdin ? await readStdinSource(io, options.stdinFilename) : undefined;
  let inputs: CheckRunOptions = {
    ...(stdin === undefined ? {} : { stdin }),
    ...(options.config === undefined ? {} : { config: options.config }),
    ...(options.cache === undefined ? {} : { cache: options.cache }),
    ...(params === undefined ? {} : { params: params.values }),
    ...(options.kind === undefined ? {} : { kind: options.kind }),
  };
  const format = options.format ?? "stylish";
  const codeFrame = options.codeFrame === true;
  // Code frames and fixes read the texts; any other report lets each go once its file is checked.
  if (options.fix || options.fixDryRun || codeFrame || format === "codeframe") inputs = { ...inputs, keepTexts: true };
  const progress = startProgress(io, "checked", showsProgress(io, format === "stylish" && options.outputFile === undefined));
  let checked: CheckedFile[];
  try {
    checked = await checkInputs(args, io, { ...inputs, progress });
  } finally {
    progress.end();
  }
  if (options.fix || options.fixDryRun) {
    const configs = await ConfigFinder.forFiles(io, options.config, checked.map((f) => f.source.path));
    if (!checked.every(hasText)) throw new Error("internal error: --fix checked the files without keeping their texts");
    const fixed = await fixFiles(checked, options.fixDryRun === true, configs, io);
    // Fixes move what follows them: the project's findings and the values' are made again from the fixed files.
    checked = fixed.some((f, i) => f.source.text !== checked[i]!.source.text) ? await checkInputs(args, io, inputs) : fixed;
  }
  if (params) checked = await withParamsFindings(checked, params, io);
  // Warnings count for --max-warnings even when --quiet leaves them out of the report.
  const warnings = checked.reduce((n, f) => n + f.diagnostics.filter((d) => d.severity === "warning").length, 0);
  const files = options.quiet ? checked.map((f) => ({ ...f, diagnostics: f.diagnostics.filter((d) => d.severity === "error") })) : checked;
  const forPeople = isTerminalFormat(format) || isLineFormat(format);
  // Not after --fix or --fix-dry-run (they did or showed it), nor for standard input (--fix cannot write it).
  const fixHint = !options.fix && !options.fixDryRun && !options.readStdin;
  if (options.outputFile !== undefined) {
    const path = resolve(io.cwd, options.outputFile);
    // The file never gets colours; the terminal gets the report for people (stylish, unless that was asked for).
    const report = forPeople ? collected((write) => writeTextReport(files, write, format, false, codeFrame, io.cwd, fixHint)) : await machineReport(format, files, io.cwd);
    try {
      await writeFilesAtomically([{ path, content: report }]);
    } catch (error) {
      throw new CliError(`cannot write '${displayPath(path, io.cwd)}': ${describeFsError(error)}`);
    }
    reportDiagnostics(files, io.stdout, io, { ...options, report: isTerminalFormat(format) ? format : "stylish", fixHint });
  } else if (forPeople) {
    reportDiagnostics(files, io.stdout, io, { ...options, report: format, fixHint });
  } else {
    io.stdout.write(await machineReport(format, files, io.cwd));
  }
  if (hasErrors(files)) return EXIT_PROBLEMS;
  if (options.maxWarnings !== undefined && warnings > options.maxWarnings) {
    const c = colorsFor(useColors(io.stderr, io.env, options.color));
    io.stderr.write(`${c.red(`✖ ${plural(warnings, "warning")}: more than --max-warnings ${options.maxWarnings} allows.`)}\n`);
    return EXIT_PROBLEMS;
  }
  return EXIT_OK;
}

/**
 * `--fix`: every file with fixable findings fixed (fixer.ts), all written at once, atomically;
 * `--fix-dry-run`: the same changes printed as a unified diff, nothing written. Returns the files
 * as fixed, with their remaining findings.
 */
async function fixFiles(files: readonly CheckedFileWithText[], dryRun: boolean, configs: ConfigFinder, io: CliIo): Promise<CheckedFileWithText[]> {
  const { check, ModuleCache } = await import("../pipeline/index.js");
  const { fixText } = await import("../check/index.js");
  const { checkProjectFiles, summarize, withProjectFindings } = await import("../check/index.js");
  const { realPath } = await import("../workspace/index.js");
  const project = files.map((f) => ({ path: f.source.path, display: f.display, summary: f.summary!, options: configs.settingsFor(f.source.path).options, realPath: realPath(f.source.path) ?? f.source.path }));
  // Loaded here: only --fix-dry-run prints diffs.
  const { createTwoFilesPatch } = await import("diff");
  const modules = new ModuleCache();
  const out: CheckedFileWithText[] = [];
  const writes: { path: string; content: string }[] = [];
  let fixes = 0;
  let changed = 0;
  /** Files with fixable findings left alone because of a syntax error. */
  const unfixable: string[] = [];
  files.forEach((f, i) => {
    const source = f.source;
    if (source.unreadable || isPayloadPath(source.path)) {
      out.push(f);
      return;
    }
    const options = { ...project[i]!.options, file: source.path, host: sourceHost(source.path, io.cwd), modules };
    // The file's findings with the project's: a suppression that only a project finding needs is not removed as unused.
    const findings = (text: string) => {
      const result = check(text, options);
      const summary = summarize(result.program, result.document);
      // The project rules make no fixes: they matter to the fixes only through the file's suppressions.
      if (summary.suppressions.length === 0) return result.diagnostics;
      const others = project.map((p, n) => (n === i ? { ...p, summary } : p));
      return withProjectFindings(result.diagnostics, checkProjectFiles(others)[i]!, summary);
    };
    const fixed = fixText(source.text, findings);
    if (fixed.syntaxErrors && f.diagnostics.some((d) => d.fix !== undefined)) unfixable.push(f.display);
    if (fixed.applied === 0) {
      out.push(f);
      return;
    }
    fixes += fixed.applied;
    changed++;
    if (dryRun) {
      io.stdout.write(createTwoFilesPatch(f.display, f.display, source.text, fixed.text, "", "", { context: 2 }));
      out.push(f);
    } else {
      writes.push({ path: source.path, content: fixed.text });
      out.push({ source: { ...source, text: fixed.text }, display: f.display, diagnostics: fixed.diagnostics });
    }
  });
  if (writes.length > 0) {
    try {
      await writeFilesAtomically(writes);
    } catch (error) {
      throw new CliError(`cannot write the fixed files: ${describeFsError(error)}; none was changed.`);
    }
  }
  const c = colorsFor(useColors(io.stderr, io.env, undefined));
  const what = `${plural(fixes, "fix")} in ${plural(changed, "file")}`;
  if (fixes > 0) io.stderr.write(`${c.green(dryRun ? `${what} would be applied (nothing written).` : `✔ applied ${what}.`)}\n`);
  for (const display of unfixable) io.stderr.write(`${c.yellow(`${display}: not fixed, as it has a syntax error; correct that first.`)}\n`);
  return out;
}

/** A report for machines; its formatters (and the rules' docs for SARIF) are loaded only for one. */
async function machineReport(format: Exclude<Format, TerminalFormat | LineFormat>, files: readonly CheckedFile[], cwd: string): Promise<string> {
  const { formatGithubReport, formatJsonReport, formatSarifReport } = await import("./formats.js");
  const { ALL_RULES } = await import("../check/index.js");
  switch (format) {
    case "json":
      return formatJsonReport(files, cwd);
    case "sarif":
      return formatSarifReport(files, ALL_RULES.map((r) => r.meta), { name: "b24layout", version: VERSION }, cwd);
    case "github":
      return formatGithubReport(files, cwd);
  }
}
