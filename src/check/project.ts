/**
 * The project check: what only the whole set of files given to `b24layout check` or `build` can
 * show, reported in each file it concerns, at a position in that file:
 * - two things `build` would write under one name (output-name), in any target — a JSON file or
 *   `--stdout` key from two files, a TypeScript module from two files, a module named like the
 *   types module or read as a declaration file, a function of one module from two declarations;
 * - a `badgeCode` that no file of the set declares (unknown-badge-code): a badge may live in any
 *   file, so only the set knows;
 * - two badges of one code in two files, under two names (duplicate-declaration; one name is
 *   output-name's, and two of one file are the file's own finding);
 * - a layout imported from a file that is not in the set (unlisted-import): the TypeScript module
 *   that imports its function would not be written, nor its findings reported;
 * - a reference the file's own check found unresolved (unknown-reference) to a declaration that
 *   another file of the set has: the finding says where, and how to import it.
 *
 * It works on a summary of each file (its declarations, badge codes, references and suppression
 * comments), so a file whose own findings come from the `--cache` needs no parsing: its summary
 * is cached with them, and the project's findings are made afresh at every run. A file's own
 * findings never depend on the other files: what does is made here.
 */
import { dirname, relative, resolve } from "node:path";
import { compareDiagnostics, type Diagnostic, type Fix, type RelatedLocation } from "../diagnostic.js";
import type { Comment, Document, Position, Range } from "../syntax/index.js";
import { getScalar, resolveReference, type IrObject, type IrProgram, type IrValue } from "../lower/index.js";
import { getDto, getField } from "../model/index.js";
import { getDeclaration } from "../model/index.js";
import { identifierFor, isDeclarationFileName, moduleName, outputFileName, TYPES_MODULE } from "../util/index.js";
import { appendAll } from "../util/index.js";
import { closest } from "../util/index.js";
import { listed } from "../util/index.js";
import type { CheckOptions } from "./checker.js";
import { toDiagnostic, type AnyReport, type DataWithout, type MessageId, type Report, type RuleMeta } from "./rule.js";
import { replaceScalar } from "./rule-helpers/fix.js";
import duplicateDeclaration from "./rules/duplicate-declaration.js";
import outputName from "./rules/output-name.js";
import unknownBadgeCode from "./rules/unknown-badge-code.js";
import unknownReference from "./rules/unknown-reference.js";
import unlistedImport from "./rules/unlisted-import.js";
import { addLateFindings, suppressionComments } from "./suppressions.js";

/** A declaration, as the project check sees it. */
export interface DeclarationSummary {
  readonly keyword: string;
  readonly outputKind: string;
  readonly name: string;
  readonly nameRange: Range;
}

/** A badge declared in the file: its code, its name and its name's place. */
export interface BadgeSummary {
  readonly code: string;
  readonly name: string;
  readonly nameRange: Range;
}

/** A `badgeCode` value of the file (not `""`), and how it is written (for a did-you-mean written alike). */
export interface BadgeCodeSummary {
  readonly code: string;
  readonly range: Range;
  readonly quoted: boolean;
}

/** A reference (`layout card`) that resolves to no declaration of the file, nor an imported one. */
export interface ReferenceSummary {
  readonly keyword: string;
  readonly name: string;
  readonly range: Range;
}

/** A declaration the file imports (`import { card } from "./layouts.b24layout"`). */
export interface ImportSummary {
  readonly name: string;
  readonly keyword: string;
  /** The path as written, resolved (its module is named after it), and real: the file it is among the files of a run. */
  readonly source: string;
  readonly path: string;
  readonly realPath: string;
  /** The name in the import. */
  readonly range: Range;
}

/** What the project check needs of a file; plain data, kept in the `--cache` with the file's findings. */
export interface FileSummary {
  readonly declarations: readonly DeclarationSummary[];
  readonly imports: readonly ImportSummary[];
  readonly badges: readonly BadgeSummary[];
  readonly badgeCodes: readonly BadgeCodeSummary[];
  readonly unresolved: readonly ReferenceSummary[];
  /** Where an import line goes (for the suggestion to import a declaration): after the last import, or before the first statement. */
  readonly importAt: { readonly position: Position; readonly afterImport: boolean } | undefined;
  /** Each import that lists names: its path as written, and the end of its last name (where the suggestion adds one from that file). */
  readonly importLists: readonly { readonly source: string; readonly end: Position }[];
  /** Its suppression comments (`// b24layout-disable…`): the project's findings honour them. */
  readonly suppressions: readonly Comment[];
}

const BADGE = getDeclaration("badge");

/** Summaries by program: the one-file check makes one (for its suppressions), and the project check reads it. */
const summaries = new WeakMap<IrProgram, FileSummary>();

export function summarize(program: IrProgram, document: Document): FileSummary {
  let summary = summaries.get(program);
  if (summary === undefined) summaries.set(program, (summary = summarizeProgram(program, document)));
  return summary;
}

function summarizeProgram(program: IrProgram, document: Document): FileSummary {
  const badges: BadgeSummary[] = [];
  const badgeCodes: BadgeCodeSummary[] = [];
  const unresolved: ReferenceSummary[] = [];

  const visit = (value: IrValue): void => {
    switch (value.kind) {
      case "object":
        return visitObject(value);
      case "collection":
        for (const e of value.entries) visit(e.value);
        return;
      case "array":
        for (const item of value.items) visit(item);
        return;
      case "declarationRef":
        if (!resolveReference(program, value)) unresolved.push({ keyword: value.declaration, name: value.name, range: value.range });
        return;
      default:
        return;
    }
  };
  const visitObject = (object: IrObject): void => {
    const dto = getDto(object.dto);
    for (const e of object.entries) {
      const v = e.value;
      const field = dto ? getField(dto, e.key) : undefined;
      if (field?.type.kind === "string" && field.type.codes === "badge") {
        if (v.kind === "scalar" && typeof v.value === "string" && v.value !== "") badgeCodes.push({ code: v.value, range: v.range, quoted: v.source === "string" });
        continue;
      }
      visit(v);
    }
  };
  for (const d of program.declarations) {
    // Another structure (spec §15), reported once by lowering: its parts are not this one's.
    if (d.lookAlike !== undefined) continue;
    if (BADGE && d.spec.keyword === BADGE.keyword) {
      const code = getScalar(d.root, BADGE.nameField ?? "code")?.value;
      if (typeof code === "string") badges.push({ code, name: d.name, nameRange: d.nameRange });
    }
    visitObject(d.root);
  }
  const lastImport = document.imports.at(-1);
  const firstStatement = document.statements[0];
  // After the last import's line (and a comment that ends it), or before the first statement (after the comments that open the file).
  const endOfImport = lastImport && document.comments.reduce((end, c) => (c.range.start.line === end.line && c.range.start.offset >= end.offset ? c.range.end : end), lastImport.range.end);
  const importAt = endOfImport ? { position: endOfImport, afterImport: true } : firstStatement ? { position: firstStatement.range.start, afterImport: false } : undefined;
  const imports = [...(program.imports?.entries() ?? [])].map(([name, i]) => ({ name, keyword: i.declaration.spec.keyword, source: i.source, path: i.path, realPath: i.realPath, range: i.nameRange }));
  const importLists = document.imports.flatMap((i) => {
    const last = i.names.at(-1);
    return i.source && last ? [{ source: i.source.value, end: last.range.end }] : [];
  });
  return {
    declarations: program.declarations.map((d) => ({ keyword: d.spec.keyword, outputKind: d.spec.outputKind, name: d.name, nameRange: d.nameRange })),
    imports,
    badges,
    badgeCodes,
    unresolved,
    importAt,
    importLists,
    suppressions: suppressionComments(document.comments).map((c) => ({ kind: c.kind, text: c.text, block: c.block, range: c.range })),
  };
}

/**
 * The lines of a file where a project rule may report: a suppression there may be needed by a
 * finding the file's own check cannot see, so that check never removes it as unused (--fix).
 */
export function projectLines(summary: FileSummary): Set<number> {
  const lines = new Set<number>();
  for (const d of summary.declarations) lines.add(d.nameRange.start.line);
  for (const b of summary.badgeCodes) lines.add(b.range.start.line);
  for (const i of summary.imports) lines.add(i.range.start.line);
  return lines;
}

/** A file of the project. */
export interface ProjectFile {
  /** Its path: its TypeScript module is named after it, and imports name it relative to another's. */
  readonly path: string;
  /** How messages name it (the CLI: relative to the working directory). */
  readonly display: string;
  readonly summary: FileSummary;
  /** Its settings: the severities and options of the project rules for findings in this file. */
  readonly options?: CheckOptions;
  /** Its real path (every link followed), by which the files that import it find it; its path, resolved, by default. */
  readonly realPath?: string;
}

/** The project's findings in a file: new ones, and better ones for some of the file's own (the same rule and place). */
export interface ProjectFindings {
  readonly findings: readonly Diagnostic[];
  /** Each takes the place of the file's own finding of its rule at its range (when the file has it). */
  readonly refinements: readonly Diagnostic[];
}

/** The project rules, each with what it finds in the files. */
const PROJECT_RULES: readonly { readonly meta: RuleMeta; find(files: readonly ProjectFile[], reports: Report[][]): void }[] = [
  { meta: outputName.meta, find: outputNames },
  { meta: unlistedImport.meta, find: unlistedImports },
  { meta: unknownBadgeCode.meta, find: unknownBadgeCodes },
  { meta: duplicateDeclaration.meta, find: duplicateBadgeCodes },
];

/** The project's findings in each file, in the order of `files`. */
export function checkProjectFiles(files: readonly ProjectFile[]): ProjectFindings[] {
  const findings = files.map((): Diagnostic[] => []);
  for (const rule of PROJECT_RULES) {
    const reports = files.map((): Report[] => []);
    rule.find(files, reports);
    files.forEach((f, i) => appendAll(findings[i]!, withOptions(rule.meta, reports[i]!, f.options)));
  }
  const refined = files.map((): AnyReport<typeof unknownReference.meta.messages>[] => []);
  declaredElsewhere(files, refined);
  return files.map((f, i) => ({ findings: findings[i]!.sort(compareDiagnostics), refinements: withOptions(unknownReference.meta, refined[i]!, f.options) }));
}

/** A file's diagnostics with the project's findings in it (its suppressions applied to them). */
export function withProjectFindings(diagnostics: readonly Diagnostic[], project: ProjectFindings, summary: FileSummary): Diagnostic[] {
  const own = project.refinements.length === 0 ? diagnostics : refine(diagnostics, project.refinements);
  return addLateFindings(own, project.findings, summary.suppressions, projectLines(summary));
}

/** `diagnostics` with each finding a refinement is for replaced by it; a refinement of a finding the file does not have (suppressed) is dropped. */
function refine(diagnostics: readonly Diagnostic[], refinements: readonly Diagnostic[]): Diagnostic[] {
  const sameRange = (a: Range, b: Range) => a.start.offset === b.start.offset && a.end.offset === b.end.offset;
  return diagnostics.map((d) => refinements.find((r) => r.ruleId === d.ruleId && sameRange(r.range, d.range)) ?? d);
}

function withOptions(meta: RuleMeta, reports: readonly Report[], options: CheckOptions | undefined): Diagnostic[] {
  if (reports.length === 0) return [];
  if (options?.rules && !options.rules.some((r) => r.meta.id === meta.id)) return [];
  const severity = options?.severities?.[meta.id];
  if (severity === "off") return [];
  return reports
    .map((r) => toDiagnostic(meta, r, options?.target))
    .filter((d): d is Diagnostic => d !== undefined)
    .map((d) => (severity === undefined || severity === d.severity ? d : { ...d, severity }))
    .sort(compareDiagnostics);
}

interface Placed {
  readonly file: number;
  readonly range: Range;
}

/**
 * A place in another file of the project, as a related location (Diagnostic.related): messages
 * name the file, and its position travels beside them, so the editor links to it.
 */
const placeIn = (files: readonly ProjectFile[], from: number, file: number, range: Range, message: string): RelatedLocation =>
  file === from ? { message, range } : { message, range, file: files[file]!.path };

// ----- unlisted-import -----

/** Imports of layouts from files that are not among the files: their modules would not be written with the importing one's. */
function unlistedImports(files: readonly ProjectFile[], reports: AnyReport<typeof unlistedImport.meta.messages>[][]): void {
  if (!files.some((f) => f.summary.imports.length > 0)) return;
  const byRealPath = new Map<string, number>();
  files.forEach((f, file) => byRealPath.set(f.realPath ?? resolve(f.path), file));
  files.forEach((f, file) => {
    const module = moduleName(f.path);
    // One finding per file imported from (and path written), at the first name imported of it.
    for (const group of groupBy(f.summary.imports, (i) => `${i.realPath}\0${i.path}`)) {
      const i = group[0]!;
      const other = byRealPath.get(i.realPath);
      const importedModule = moduleName(i.path);
      if (other === undefined) {
        const names = listed(group.map((g) => `'${g.name}'`));
        reports[file]!.push({ messageId: group.length > 1 ? "notListedMany" : "notListed", data: { names, source: i.source, module, importedModule }, range: i.range });
        continue;
      }
      const actual = moduleName(files[other]!.path);
      if (actual !== importedModule) reports[file]!.push({ messageId: "otherName", data: { source: i.source, other: files[other]!.display, actual, module, importedModule }, range: i.range });
    }
  });
}

// ----- duplicate-declaration: badge codes across files -----

/** A badge whose code a badge of an earlier file has, under another name: crm.activity.badge.add cannot add both (spec §8). */
function duplicateBadgeCodes(files: readonly ProjectFile[], reports: AnyReport<typeof duplicateDeclaration.meta.messages>[][]): void {
  if (!BADGE) return;
  const first = new Map<string, Placed & { readonly name: string }>();
  files.forEach((f, file) => {
    for (const b of f.summary.badges) {
      const seen = first.get(b.code);
      if (!seen) {
        first.set(b.code, { file, range: b.nameRange, name: b.name });
        continue;
      }
      // One file's two badges are its own check's; one name in two files is output-name's.
      if (seen.file === file || seen.name === b.name) continue;
      const data = { keyword: BADGE.keyword, name: b.name, field: BADGE.nameField ?? "code", code: b.code, other: seen.name, otherFile: files[seen.file]!.display, method: BADGE.method };
      reports[file]!.push({ messageId: "sameCodeElsewhere", data, range: b.nameRange, related: [placeIn(files, file, seen.file, seen.range, `the ${BADGE.keyword} '${seen.name}'`)] });
    }
  });
}

// ----- unknown-badge-code -----

/** The codes the rule's `externalBadges` option (and the config's `portal.badges`) lists for a file. */
function externalBadges(options: CheckOptions | undefined): ReadonlySet<string> {
  const listed = options?.ruleOptions?.[unknownBadgeCode.meta.id]?.["externalBadges"];
  return new Set(Array.isArray(listed) ? listed.filter((c): c is string => typeof c === "string") : []);
}

function unknownBadgeCodes(files: readonly ProjectFile[], reports: AnyReport<typeof unknownBadgeCode.meta.messages>[][]): void {
  const declared = new Map<string, Placed & { readonly name: string }>();
  files.forEach((f, file) => {
    for (const b of f.summary.badges) if (!declared.has(b.code)) declared.set(b.code, { file, range: b.nameRange, name: b.name });
  });
  files.forEach((f, file) => {
    if (f.summary.badgeCodes.length === 0) return;
    const external = externalBadges(f.options);
    for (const ref of f.summary.badgeCodes) {
      if (declared.has(ref.code) || external.has(ref.code)) continue;
      const suggestion = closest(ref.code, declared.keys());
      if (suggestion === undefined) {
        reports[file]!.push({ messageId: "unknown", data: { code: ref.code }, range: ref.range });
        continue;
      }
      const where = declared.get(suggestion)!;
      const scalar = { kind: "scalar", value: ref.code, range: ref.range, source: ref.quoted ? "string" : "word" } as const;
      reports[file]!.push({
        messageId: "unknownSuggest",
        data: { code: ref.code, suggestion },
        range: ref.range,
        related: [placeIn(files, file, where.file, where.range, `the badge '${where.name}'`)],
        suggestions: [replaceScalar(scalar, suggestion)],
      });
    }
  });
}

// ----- unknown-reference, refined -----

/** Where an unresolved reference of a file names a declaration of another file: the finding says where, and suggests the import. */
function declaredElsewhere(files: readonly ProjectFile[], refined: AnyReport<typeof unknownReference.meta.messages>[][]): void {
  const unresolved = files.some((f) => f.summary.unresolved.length > 0);
  if (!unresolved) return;
  const byName = new Map<string, { file: number; declaration: DeclarationSummary }[]>();
  files.forEach((f, file) => {
    for (const declaration of f.summary.declarations) {
      const list = byName.get(declaration.name);
      if (list) list.push({ file, declaration });
      else byName.set(declaration.name, [{ file, declaration }]);
    }
  });
  files.forEach((f, file) => {
    for (const ref of f.summary.unresolved) {
      const other = byName.get(ref.name)?.find((o) => o.file !== file && o.declaration.keyword === ref.keyword);
      if (!other) continue;
      const source = importPath(f.path, files[other.file]!.path);
      const data = { keyword: ref.keyword, name: ref.name, otherFile: files[other.file]!.display, import: importLine(ref.name, source) };
      const suggestion = importFix(f.path, f.summary, files[other.file]!.path, ref.name);
      const related = [placeIn(files, file, other.file, other.declaration.nameRange, `the ${ref.keyword} '${ref.name}'`)];
      refined[file]!.push({ messageId: "declaredElsewhere", data, range: ref.range, suggestions: suggestion ? [suggestion] : [], related });
    }
  });
}

function importLine(name: string, source: string): string {
  return `import { ${name} } from ${JSON.stringify(source)}`;
}

/**
 * The change that imports `name` from the file at `target` into the file at `path` (whose summary
 * is `summary`): the name added to its import from that file when it has one (as editors import),
 * else an import line of its own. Undefined for a file with nowhere to put one (no statement).
 */
export function importFix(path: string, summary: FileSummary, target: string, name: string): Fix | undefined {
  const source = importPath(path, target);
  const description = `Import '${name}' from '${source}'`;
  const list = summary.importLists.find((l) => resolve(dirname(path), l.source) === resolve(target));
  if (list) return { description, edits: [{ range: { start: list.end, end: list.end }, newText: `, ${name}` }] };
  const into = summary.importAt;
  const line = importLine(name, source);
  return into && { description, edits: [{ range: { start: into.position, end: into.position }, newText: into.afterImport ? `\n${line}` : `${line}\n\n` }] };
}

/** How a file imports another: `./layouts.b24layout`, `../shared/layouts.b24layout`. */
export function importPath(from: string, to: string): string {
  const path = relative(dirname(from), to).replaceAll("\\", "/");
  return path.startsWith(".") ? path : `./${path}`;
}

// ----- output-name -----

/** The names Windows keeps for devices (CON, NUL, COM1, …), in any case. */
const WINDOWS_DEVICE = /^(?:con|prn|aux|nul|com[0-9]|lpt[0-9])$/i;

interface PlacedDeclaration {
  readonly file: number;
  readonly declaration: DeclarationSummary;
}

/** The declaration as a related location: `the badge 'missed'` at its name. */
const declaredAt = (files: readonly ProjectFile[], from: number, p: PlacedDeclaration) => placeIn(files, from, p.file, p.declaration.nameRange, `the ${p.declaration.keyword} '${p.declaration.name}'`);
/** The files of `places`, each once, as a message names them: "a.b24layout and b.b24layout". */
const filesOf = (files: readonly ProjectFile[], places: readonly PlacedDeclaration[]) => listed([...new Set(places.map((p) => files[p.file]!.display))]);

function outputNames(files: readonly ProjectFile[], reports: AnyReport<typeof outputName.meta.messages>[][]): void {
  const all: PlacedDeclaration[] = files.flatMap((f, file) => f.summary.declarations.map((declaration) => ({ file, declaration })));
  // The same name in two files: the same JSON file (same kind) or the same `--stdout` key. One file's are duplicate-declaration's.
  for (const group of groups(all, (p) => p.declaration.name)) {
    for (const p of group) {
      const others = group.filter((o) => o.file !== p.file);
      if (others.length === 0) continue;
      const same = others.filter((o) => o.declaration.keyword === p.declaration.keyword);
      const d = p.declaration;
      if (same.length > 0) {
        const data = { name: d.name, keyword: d.keyword, otherFiles: filesOf(files, same), file: outputFileName(d.name, d.outputKind) };
        reports[p.file]!.push({ messageId: "sameOutput", data, range: d.nameRange, related: same.map((o) => declaredAt(files, p.file, o)) });
      } else {
        const o = others[0]!;
        const data = { name: d.name, otherKeyword: o.declaration.keyword, otherFile: files[o.file]!.display };
        reports[p.file]!.push({ messageId: "sameKey", data, range: d.nameRange, related: [declaredAt(files, p.file, o)] });
      }
    }
  }
  // Names that differ only in case: one JSON file on Windows and macOS.
  for (const group of groups(all, (p) => outputFileName(p.declaration.name, p.declaration.outputKind).toLowerCase())) {
    for (const p of group) {
      const o = group.find((x) => x.file !== p.file && x.declaration.name !== p.declaration.name);
      if (!o) continue;
      const d = p.declaration;
      const data = { name: d.name, otherKeyword: o.declaration.keyword, otherName: o.declaration.name, otherFile: files[o.file]!.display, file: outputFileName(d.name, d.outputKind) };
      reports[p.file]!.push({ messageId: "caseOnly", data, range: d.nameRange, related: [declaredAt(files, p.file, o)] });
    }
  }
  // Windows cannot create a file named like a device, whatever its extension (`con.layout.json`).
  for (const p of all) {
    const device = WINDOWS_DEVICE.exec(p.declaration.name)?.[0];
    if (device === undefined) continue;
    const d = p.declaration;
    reports[p.file]!.push({ messageId: "windowsName", data: { name: d.name, file: outputFileName(d.name, d.outputKind), device }, range: d.nameRange });
  }
  moduleNames(files, reports);
  // Two declarations of one file that become the same function (`call-row`, `callRow`).
  files.forEach((f, file) => {
    const first = new Map<string, DeclarationSummary>();
    for (const d of f.summary.declarations) {
      const fn = identifierFor(d.name);
      const earlier = first.get(fn);
      if (!earlier) first.set(fn, d);
      // The same name twice is duplicate-declaration's.
      else if (earlier.name !== d.name) {
        const data = { name: d.name, otherKeyword: earlier.keyword, otherName: earlier.name, fn };
        reports[file]!.push({ messageId: "functionName", data, range: d.nameRange, related: [{ message: `the ${earlier.keyword} '${earlier.name}'`, range: earlier.nameRange }] });
      }
    }
  });
}

/** The TypeScript module of each file that has declarations (the others write none), against the others' and the types module's. */
function moduleNames(files: readonly ProjectFile[], reports: AnyReport<typeof outputName.meta.messages>[][]): void {
  const modules = files.flatMap((f, file) => {
    const first = f.summary.declarations[0];
    return first ? [{ file, module: moduleName(f.path), range: first.nameRange }] : [];
  });
  // By lower-cased name: a run of a thousand files compares each with those of its name only.
  const byName = new Map<string, typeof modules>();
  for (const m of modules) {
    const key = m.module.toLowerCase();
    const list = byName.get(key);
    if (list) list.push(m);
    else byName.set(key, [m]);
  }
  for (const m of modules) {
    const report = <K extends MessageId<typeof outputName.meta.messages>>(messageId: K, data: DataWithout<typeof outputName.meta.messages, K, "module">) =>
      reports[m.file]!.push({ messageId, data: { module: m.module, ...data }, range: m.range } as AnyReport<typeof outputName.meta.messages>);
    // TypeScript refuses two files whose names differ only in case, whatever the file system.
    if (m.module.toLowerCase() === TYPES_MODULE) report("typesModule", {});
    else if (isDeclarationFileName(`${m.module}.ts`)) report("declarationFile", { suggestion: m.module.replaceAll(".", "-") });
    const alike = byName.get(m.module.toLowerCase())!;
    if (alike.length === 1) continue;
    const same = alike.filter((o) => o.file !== m.file && o.module === m.module).map((o) => files[o.file]!.display);
    if (same.length > 0) {
      report("sameModule", { other: listed(same) });
      continue;
    }
    const caseOnly = alike.find((o) => o.file !== m.file && o.module !== m.module);
    if (caseOnly) report("moduleCaseOnly", { other: files[caseOnly.file]!.display, otherModule: caseOnly.module });
  }
}

/** The items grouped by a key, in the order of each key's first item. */
function groupBy<T>(items: readonly T[], key: (item: T) => string): T[][] {
  const byKey = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = byKey.get(k);
    if (list) list.push(item);
    else byKey.set(k, [item]);
  }
  return [...byKey.values()];
}

/** The items with a key that more than one item has, grouped by it. */
function groups<T>(items: readonly T[], key: (item: T) => string): T[][] {
  return groupBy(items, key).filter((g) => g.length > 1);
}
