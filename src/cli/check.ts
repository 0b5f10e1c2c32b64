/**
 * `b24layout check`: report every problem of the given files.
 */
import { compareDiagnostics, type Diagnostic } from "../diagnostic.js";
import type { FileSummary } from "../check/project.js";
import type { ParamsFile } from "./params.js";
import type { EmittedDeclaration } from "../emit/json.js";
import type { ProgramArguments, TemplateWithoutValues } from "../emit/render.js";
import type { IrProgram } from "../lower/ir.js";
import { describeFsError, expandInputs, isPayloadPath, readSources, SOURCE_EXTENSION, sourceHost, type SourceFile } from "./files.js";
import { ConfigFinder } from "./config.js";
import { CliError, EXIT_OK, EXIT_PROBLEMS, type CliIo, type CliStream } from "./io.js";
import { colorsFor, displayPath, formatCodeFrameReport, formatStylish, plural, useColors } from "./output.js";
import { resolve } from "node:path";
import { writeFilesAtomically } from "./atomic-write.js";
import { formatCompactReport, formatUnixReport, isLineFormat, isTerminalFormat, type Format, type LineFormat, type TerminalFormat } from "./formats.js";
import { VERSION } from "./version.js";
import { readStdinSource, refuseStdinWithPaths } from "./stdin.js";
import { showsProgress, startProgress, type Progress } from "./progress.js";

export interface CheckedFile {
  readonly source: SourceFile;
  /** The path as shown to the user. */
  readonly display: string;
  readonly diagnostics: readonly Diagnostic[];
  /** What the project check needed of it (absent for a file that is not a source, such as --params'). */
  readonly summary?: FileSummary;
}

/** A checked file with its lowered program, for commands that emit it. */
export interface LoweredFile extends CheckedFile {
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
}

export interface OutputOptions {
  /** `--color` / `--no-color`; undefined lets the environment decide. */
  readonly color?: boolean;
  /** The report for people (default `stylish`), or one line per finding (`compact`, `unix`). */
  readonly report?: TerminalFormat | LineFormat;
  /** `--code-frame`: the stylish report shows the source under each finding. */
  readonly codeFrame?: boolean;
}

/** One file's own check: its findings, what the project check needs of it, and its program when kept. */
/** What a file that is not text declares, imports and suppresses: nothing. */
const EMPTY_SUMMARY: FileSummary = { declarations: [], imports: [], badges: [], badgeCodes: [], unresolved: [], importAt: undefined, importLists: [], suppressions: [] };

interface OwnResult {
  readonly diagnostics: readonly Diagnostic[];
  readonly summary: FileSummary;
  readonly program?: IrProgram;
}

/**
 * Expands, reads and checks the inputs: each file on its own, then the project check over all of
 * them (src/check/project.ts: two files that `build` would write under one name), whose findings go
 * to the files they concern, afresh at every run also for files whose own findings the cache has.
 * Missing or unreadable files are usage errors (thrown). Each file's program is kept only when
 * asked for: `check` of many files would otherwise hold every syntax tree and IR until the end
 * (50 MB more for the benchmark's 1,000 files, and the garbage collector's time to go with it).
 */
export async function checkInputs(args: readonly string[], io: CliIo, options: CheckRunOptions & { keepPrograms: true }): Promise<LoweredFile[]>;
export async function checkInputs(args: readonly string[], io: CliIo, options?: CheckRunOptions): Promise<CheckedFile[]>;
export async function checkInputs(args: readonly string[], io: CliIo, options?: CheckRunOptions): Promise<CheckedFile[]> {
  const stdin = options?.stdin;
  // JSON payloads are checked, not built or previewed: the commands that keep the programs take .b24layout files only.
  const payloads = options?.keepPrograms !== true;
  const isPayload = (path: string) => payloads && isPayloadPath(path);
  const { paths: expanded, walked } = stdin || !payloads ? { paths: stdin ? [stdin.path] : await expandInputs(args, io.cwd), walked: new Set<string>() } : await expandInputs(args, io.cwd, { payloads: true });
  const configs = await ConfigFinder.forFiles(io, options?.config, expanded);
  // A config's `ignore` leaves out files found in folders and by globs; a file named as it is (or by --stdin-filename) is checked.
  // A JSON file found in a folder is checked only when a config's `include` takes it.
  const named = new Set(args.map((a) => resolve(io.cwd, a)));
  const paths = stdin ? expanded : expanded.filter((p) => named.has(p) || (!configs.settingsFor(p).ignored && (!walked.has(p) || configs.settingsFor(p).included)));
  if (paths.length === 0) throw new CliError(`no ${SOURCE_EXTENSION} files, nor JSON files that a config's "include" takes, in ${args.map((a) => `'${a}'`).join(", ")}`);
  const display = (p: string) => displayPath(p, io.cwd);
  const sources = stdin ? [stdin] : readSources(paths, display);
  const params = options?.params;
  // Rendering with --params needs the programs, which the cache does not keep.
  const keepPrograms = options?.keepPrograms === true || params !== undefined;
  // Loaded on demand: building the lexer and parser is most of the start-up time, and `--help`,
  // `--version`, `schema` and a run whose files are all cached do not need them.
  const cache = options?.cache !== undefined && !keepPrograms && !stdin ? (await import("./cache.js")).CheckCache.open(resolve(io.cwd, options.cache)) : undefined;
  const settings = sources.map((source) => configs.settingsFor(source.path).options);
  // A JSON payload is checked as the kind --kind or its config's override gives, else as its shape says.
  const kinds = sources.map((source) => (isPayload(source.path) ? (options?.kind ?? configs.settingsFor(source.path).kind) : undefined));
  const keys = cache ? sources.map((source, i) => cache.key(source.path, source.text, kinds[i] === undefined ? settings[i] : { ...settings[i], kind: kinds[i] })) : [];
  const cached = sources.map((source, i) => cache?.get(source.path, keys[i]!));
  // One thread: a worker thread checking half the files was measured slower here (1,000 files:
  // 0.79 s against 0.60 s on 2 cores), as V8 already compiles and collects garbage on the other core.
  const here = sources.map((_, i) => i).filter((i) => cached[i] === undefined && sources[i]!.unreadable === undefined);
  const results = new Map<number, OwnResult>();
  if (here.length > 0) {
    const { check, checkJson, ModuleCache } = await import("../pipeline/index.js");
    const { summarize } = await import("../check/project.js");
    const modules = new ModuleCache();
    let done = sources.length - here.length;
    for (const i of here) {
      options?.progress?.tick(done++, sources.length);
      const source = sources[i]!;
      if (isPayload(source.path)) {
        const kind = kinds[i];
        const payload = checkJson(source.text, { ...settings[i], fileName: source.path, ...(kind !== undefined ? { kind } : {}) });
        results.set(i, { diagnostics: payload.diagnostics, summary: EMPTY_SUMMARY });
        continue;
      }
      const result = check(source.text, { ...settings[i], file: source.path, host: sourceHost(source.path, io.cwd), modules });
      const own = { diagnostics: result.diagnostics, summary: summarize(result.program, result.document) };
      results.set(i, keepPrograms ? { ...own, program: result.program } : own);
    }
  }
  // A file that is not text (binary, not UTF-8) is its one diagnostic, and is never cached.
  const own = sources.map((source, i): OwnResult => (source.unreadable ? { diagnostics: [source.unreadable], summary: EMPTY_SUMMARY } : (cached[i] ?? results.get(i)!)));
  for (const i of here) cache?.set(sources[i]!.path, keys[i]!, { diagnostics: own[i]!.diagnostics, summary: own[i]!.summary });
  await cache?.save();
  const { checkProjectFiles, withProjectFindings } = await import("../check/project.js");
  const { realPath } = await import("../workspace/index.js");
  const findings = checkProjectFiles(
    sources.map((source, i) => ({ path: source.path, display: display(source.path), summary: own[i]!.summary, options: settings[i]!, realPath: realPath(source.path) ?? source.path })),
  );
  const render = params === undefined ? undefined : (await import("../emit/render.js")).renderProgram;
  return sources.map((source, i): CheckedFile => {
    const { summary, program } = own[i]!;
    const diagnostics = withProjectFindings(own[i]!.diagnostics, findings[i]!, summary);
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

/** Prints the report for people (options.report, default stylish) on `stream`, coloured when it is a terminal. */
export function reportDiagnostics(files: readonly CheckedFile[], stream: CliStream, io: CliIo, options: OutputOptions): void {
  stream.write(textReport(files, options.report ?? "stylish", useColors(stream, io.env, options.color), options.codeFrame === true, io.cwd));
}

/** A report for people or one line per finding, as text. */
function textReport(files: readonly CheckedFile[], format: TerminalFormat | LineFormat, color: boolean, codeFrame: boolean, cwd: string): string {
  switch (format) {
    case "stylish":
      return formatStylish(files, colorsFor(color), { codeFrame, cwd });
    case "codeframe":
      return formatCodeFrameReport(files, colorsFor(color), cwd);
    case "compact":
      return formatCompactReport(files, cwd);
    case "unix":
      return formatUnixReport(files, cwd);
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
  const inputs: CheckRunOptions = {
    ...(stdin === undefined ? {} : { stdin }),
    ...(options.config === undefined ? {} : { config: options.config }),
    ...(options.cache === undefined ? {} : { cache: options.cache }),
    ...(params === undefined ? {} : { params: params.values }),
    ...(options.kind === undefined ? {} : { kind: options.kind }),
  };
  const progress = startProgress(io, "checked", showsProgress(io, (options.format ?? "stylish") === "stylish" && options.outputFile === undefined));
  let checked: CheckedFile[];
  try {
    checked = await checkInputs(args, io, { ...inputs, progress });
  } finally {
    progress.end();
  }
  if (options.fix || options.fixDryRun) {
    const configs = await ConfigFinder.forFiles(io, options.config, checked.map((f) => f.source.path));
    const fixed = await fixFiles(checked, options.fixDryRun === true, configs, io);
    // Fixes move what follows them: the project's findings and the values' are made again from the fixed files.
    checked = fixed.some((f, i) => f.source.text !== checked[i]!.source.text) ? await checkInputs(args, io, inputs) : fixed;
  }
  if (params) checked = await withParamsFindings(checked, params, io);
  // Warnings count for --max-warnings even when --quiet leaves them out of the report.
  const warnings = checked.reduce((n, f) => n + f.diagnostics.filter((d) => d.severity === "warning").length, 0);
  const files = options.quiet ? checked.map((f) => ({ ...f, diagnostics: f.diagnostics.filter((d) => d.severity === "error") })) : checked;
  const format = options.format ?? "stylish";
  const codeFrame = options.codeFrame === true;
  const forPeople = isTerminalFormat(format) || isLineFormat(format);
  if (options.outputFile !== undefined) {
    const path = resolve(io.cwd, options.outputFile);
    // The file never gets colours; the terminal gets the report for people (stylish, unless that was asked for).
    const report = forPeople ? textReport(files, format, false, codeFrame, io.cwd) : await machineReport(format, files, io.cwd);
    try {
      await writeFilesAtomically([{ path, content: report }]);
    } catch (error) {
      throw new CliError(`cannot write '${displayPath(path, io.cwd)}': ${describeFsError(error)}`);
    }
    reportDiagnostics(files, io.stdout, io, { ...options, report: isTerminalFormat(format) ? format : "stylish" });
  } else if (forPeople) {
    reportDiagnostics(files, io.stdout, io, { ...options, report: format });
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
async function fixFiles(files: readonly CheckedFile[], dryRun: boolean, configs: ConfigFinder, io: CliIo): Promise<CheckedFile[]> {
  const { check, ModuleCache } = await import("../pipeline/index.js");
  const { fixText } = await import("../check/fixer.js");
  const { checkProjectFiles, summarize, withProjectFindings } = await import("../check/project.js");
  const { realPath } = await import("../workspace/index.js");
  const project = files.map((f) => ({ path: f.source.path, display: f.display, summary: f.summary!, options: configs.settingsFor(f.source.path).options, realPath: realPath(f.source.path) ?? f.source.path }));
  // Loaded here: only --fix-dry-run prints diffs.
  const { createTwoFilesPatch } = await import("diff");
  const modules = new ModuleCache();
  const out: CheckedFile[] = [];
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
  const { ALL_RULES } = await import("../check/rules/index.js");
  switch (format) {
    case "json":
      return formatJsonReport(files, cwd);
    case "sarif":
      return formatSarifReport(files, ALL_RULES.map((r) => r.meta), { name: "b24layout", version: VERSION }, cwd);
    case "github":
      return formatGithubReport(files, cwd);
  }
}
