/**
 * The pipeline one text goes through — parse, resolve its imports, lower, check, render to JSON —
 * and the same for a set of files. The library API (src/index.ts) exports it; the language server,
 * the CLI and the incremental checker build on it, below the public entry point.
 */
import { compareDiagnostics, type Diagnostic } from "../diagnostic.js";
import { parse as parseText, type ParseResult } from "../syntax/index.js";
import type { Document } from "../syntax/index.js";
import { lower, type LoweringProblem } from "../lower/index.js";
import type { ImportedDeclaration, IrProgram } from "../lower/index.js";
import { ModuleCache, resolveImports, type Module, type SourceHost } from "../lower/index.js";
import { problemOf, UNRESOLVED_IMPORT } from "../messages/index.js";
import { checkProgram, type CheckOptions } from "../check/index.js";
import { fileDiagnostics } from "../check/index.js";
import { checkProjectFiles, projectLines, summarize, withProjectFindings } from "../check/index.js";
import type { EmittedDeclaration } from "../emit/index.js";
import { renderProgram, type ProgramArguments } from "../emit/index.js";

/** The cache of imported files a run shares (see SourceOptions.modules). */
export { ModuleCache };

export interface CheckResult {
  readonly document: Document;
  readonly program: IrProgram;
  /** Syntax errors and rule findings, in source order. */
  readonly diagnostics: readonly Diagnostic[];
}

export interface CompileResult {
  readonly diagnostics: readonly Diagnostic[];
  /** One payload per declaration (but the templates without values); empty when there is any error. */
  readonly outputs: readonly EmittedDeclaration[];
  /**
   * The templates left out of `outputs`: given no values (`options.params`), they have parameters
   * without defaults, so they are functions of their values rather than payloads.
   */
  readonly withoutValues: readonly { readonly name: string; readonly missing: readonly string[] }[];
}

/** Parses text into an AST. Never throws; syntax errors are diagnostics. */
export function parse(text: string): ParseResult {
  return parseText(text);
}

/** Where a text comes from, for its imports. */
export interface SourceOptions {
  /** The text's absolute path: its imports are resolved from there. */
  readonly file?: string;
  /** Reads the imported files and bounds them to the project root. */
  readonly host?: SourceHost;
  /** Imported files already lowered, shared by the checks of one run. */
  readonly modules?: ModuleCache;
}

/** Values for the templates, as `b24layout check --params FILE` and `build --params FILE` take them. */
export interface TemplateValueOptions {
  /**
   * Values of template parameters, by declaration name: `{ incomingCall: { dealId: 42 } }`. Given to
   * `check`, it also reports what rendering the file to JSON with them reports (template-arguments:
   * values missing or not fitting), exactly as `compile` does; without them `check` cannot know
   * what a JSON build will be given, and leaves those values alone.
   */
  readonly params?: ProgramArguments;
}

/**
 * Parses and checks text against every Bitrix24 rule that one file can answer. What depends on the
 * other files of a project (the project rules: output-name, unknown-badge-code) is `checkProject`'s;
 * give it this file alone to check it as a project of one.
 */
export function check(text: string, options: CheckOptions & SourceOptions & TemplateValueOptions = {}): CheckResult {
  return checkParsed(parseText(text), options);
}

/** `check` of a text already parsed (the ESLint language has parsed it for its own tree): the same result. */
export function checkParsed(parsed: ParseResult, options: CheckOptions & SourceOptions & TemplateValueOptions = {}): CheckResult {
  const imported = parsed.document.imports.length === 0 ? undefined : resolveImports(parsed.document, options.file, options.host, options.modules);
  const lowered = lower(parsed.document, imported?.scope);
  const problems = imported ? [...imported.problems, ...importedDeclarationErrors(imported.modules, options), ...lowered.problems] : lowered.problems;
  const ruleDiagnostics = checkProgram(parsed.document, lowered.program, problems, options);
  const diagnostics = fileDiagnostics(parsed.diagnostics, ruleDiagnostics, parsed.document.comments, () => projectLines(summarize(lowered.program, parsed.document)));
  const checked = { document: parsed.document, program: lowered.program, diagnostics };
  return options.params === undefined ? checked : { ...checked, diagnostics: rendered(checked, options.params).diagnostics };
}

/** An imported file's findings by the settings checked with, by its program (one check per file and settings in a run). */
const moduleFindings = new WeakMap<IrProgram, Map<string, readonly Diagnostic[]>>();

/**
 * The errors of each imported declaration (`import { card } …`), at its import: it is checked in its
 * own file, with the importing file's settings (it becomes part of that file's payload).
 */
function importedDeclarationErrors(modules: ReadonlyMap<ImportedDeclaration, Module>, options: CheckOptions): LoweringProblem[] {
  const problems: LoweringProblem[] = [];
  for (const [imported, module] of modules) {
    const range = imported.declaration.range;
    const errors = findingsOf(module, options).filter((d) => d.severity === "error" && d.range.start.offset >= range.start.offset && d.range.end.offset <= range.end.offset);
    if (errors.length === 0) continue;
    const { declaration } = imported;
    const data = { keyword: declaration.spec.keyword, name: declaration.name, path: imported.source, count: errors.length };
    const related = [{ message: "the first error", range: errors[0]!.range, file: module.realPath }];
    problems.push(problemOf(UNRESOLVED_IMPORT, "importedDeclarationErrors", data, imported.nameRange, undefined, related));
  }
  return problems;
}

function findingsOf(module: Module, options: CheckOptions): readonly Diagnostic[] {
  const settings = { rules: options.rules?.map((r) => r.meta.id), severities: options.severities, ruleOptions: options.ruleOptions, target: options.target };
  const key = JSON.stringify(settings);
  let bySettings = moduleFindings.get(module.program);
  if (!bySettings) moduleFindings.set(module.program, (bySettings = new Map<string, readonly Diagnostic[]>()));
  let found = bySettings.get(key);
  if (!found) {
    const checkOptions: CheckOptions = {
      ...(options.rules ? { rules: options.rules } : {}),
      ...(options.severities ? { severities: options.severities } : {}),
      ...(options.ruleOptions ? { ruleOptions: options.ruleOptions } : {}),
      ...(options.target ? { target: options.target } : {}),
    };
    const { document, program } = module;
    const ruleDiagnostics = checkProgram(document, program, module.problems, checkOptions);
    found = fileDiagnostics(module.syntax, ruleDiagnostics, document.comments, () => projectLines(summarize(program, document)));
    bySettings.set(key, found);
  }
  return found;
}

export type CompileOptions = CheckOptions & SourceOptions & TemplateValueOptions;

/**
 * Checks text and, when it has no errors, compiles every declaration to its REST payload. A
 * template is rendered with `options.params` (and its defaults); one given no values that has
 * parameters without defaults is left out (listed in `withoutValues`), and values that do not fit
 * are a `template-arguments` error.
 */
export function compile(text: string, options: CompileOptions = {}): CompileResult {
  const { params, ...checkOptions } = options;
  return rendered(check(text, checkOptions), params ?? {});
}

/** A checked file rendered to JSON when it has no errors: its payloads, and the problems of the values. */
function rendered(checked: CheckResult, params: ProgramArguments): CompileResult {
  if (checked.diagnostics.some((d) => d.severity === "error")) return { diagnostics: checked.diagnostics, outputs: [], withoutValues: [] };
  const result = renderProgram(checked.program, params);
  const withoutValues = result.withoutValues.map((t) => ({ name: t.declaration.name, missing: t.missing }));
  if (result.diagnostics.length === 0) return { diagnostics: checked.diagnostics, outputs: result.outputs, withoutValues };
  return { diagnostics: [...checked.diagnostics, ...result.diagnostics].sort(compareDiagnostics), outputs: result.outputs, withoutValues };
}

/** A file of a project, for `checkProject`. */
export interface ProjectFileInput {
  /** Its path (absolute, for its imports): messages name it, and its TypeScript module is named after it. */
  readonly path: string;
  readonly text: string;
  /** Its own settings (a config's overrides), instead of the project's. */
  readonly options?: CheckOptions;
}

export interface ProjectOptions extends CheckOptions, TemplateValueOptions {
  /** Reads the imported files and bounds them to the project root. */
  readonly host?: SourceHost;
  /** How messages name a file (`b24layout check`: relative to the working directory); its path by default. */
  readonly display?: (path: string) => string;
}

export interface ProjectFileResult extends CheckResult {
  readonly path: string;
}

/**
 * Checks files together, as `b24layout check` and `build` do: each as `check` would, and then what
 * only the whole set shows (the project rules: output-name, two files that `build` would write
 * under one name; unknown-badge-code, a `badgeCode` no file declares), reported in each file it
 * concerns; a reference to a declaration of another file says where that is. With `params`, the
 * templates' values too, as `compile` renders them.
 */
export function checkProject(files: readonly ProjectFileInput[], options: ProjectOptions = {}): ProjectFileResult[] {
  const { params, display, host, ...shared } = options;
  const modules = new ModuleCache();
  const checked = files.map((f) => check(f.text, { ...shared, ...f.options, file: f.path, ...(host ? { host } : {}), modules }));
  const summaries = checked.map((c) => summarize(c.program, c.document));
  const findings = checkProjectFiles(
    files.map((f, i) => {
      const realPath = host?.realPath?.(f.path);
      return { path: f.path, display: display?.(f.path) ?? f.path, summary: summaries[i]!, options: { ...shared, ...f.options }, ...(realPath ? { realPath } : {}) };
    }),
  );
  return checked.map((c, i) => {
    const result = { path: files[i]!.path, ...c, diagnostics: withProjectFindings(c.diagnostics, findings[i]!, summaries[i]!) };
    return params === undefined ? result : { ...result, diagnostics: rendered(result, params).diagnostics };
  });
}
