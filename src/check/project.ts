/**
 * The project check: what only the whole set of files given to `b24layout check` or `build` can
 * show, reported in each file it concerns, at a position in that file. Today: two things `build`
 * would write under one name (output-name), in any target — a JSON file or `--stdout` key from two
 * files, a TypeScript module from two files, a module named like the types module or read as a
 * declaration file, a function of one module from two declarations.
 *
 * It works on a summary of each file (its declarations' names and kinds, its suppression
 * comments), so a file whose own findings come from the `--cache` needs no parsing: its summary
 * is cached with them, and the project's findings are made afresh at every run.
 */
import { compareDiagnostics, type Diagnostic } from "../diagnostic.js";
import type { Comment, Range } from "../syntax/ast.js";
import type { IrProgram } from "../lower/ir.js";
import { identifierFor, isDeclarationFileName, moduleName, outputFileName, TYPES_MODULE } from "../emit/names.js";
import type { CheckOptions } from "./checker.js";
import { toDiagnostic, type Report, type RuleMeta } from "./rule.js";
import outputName from "./rules/output-name.js";
import { addLateFindings, suppressionComments } from "./suppressions.js";

/** A declaration, as the project check sees it. */
export interface DeclarationSummary {
  readonly keyword: string;
  readonly outputKind: string;
  readonly name: string;
  readonly nameRange: Range;
}

/** What the project check needs of a file; plain data, kept in the `--cache` with the file's findings. */
export interface FileSummary {
  readonly declarations: readonly DeclarationSummary[];
  /** Its suppression comments (`// b24layout-disable…`): the project's findings honour them. */
  readonly suppressions: readonly Comment[];
}

export function summarize(program: IrProgram, comments: readonly Comment[]): FileSummary {
  return {
    declarations: program.declarations.map((d) => ({ keyword: d.spec.keyword, outputKind: d.spec.outputKind, name: d.name, nameRange: d.nameRange })),
    suppressions: suppressionComments(comments).map((c) => ({ kind: c.kind, text: c.text, block: c.block, range: c.range })),
  };
}

/** A file of the project. */
export interface ProjectFile {
  /** Its path: its TypeScript module is named after it. */
  readonly path: string;
  /** How messages name it (the CLI: relative to the working directory). */
  readonly display: string;
  readonly summary: FileSummary;
  /** Its settings: the severities of the project rules for findings in this file. */
  readonly options?: CheckOptions;
}

/** The project's findings in each file, in the order of `files`. */
export function checkProjectFiles(files: readonly ProjectFile[]): Diagnostic[][] {
  const reports = files.map((): Report[] => []);
  outputNames(files, reports);
  return files.map((f, i) => withOptions(outputName.meta, reports[i]!, f.options));
}

/** A file's diagnostics with the project's findings in it added (and its suppressions applied to them). */
export function withProjectFindings(diagnostics: readonly Diagnostic[], findings: readonly Diagnostic[], summary: FileSummary): Diagnostic[] {
  if (findings.length === 0 && summary.suppressions.length === 0) return [...diagnostics];
  return addLateFindings(diagnostics, findings, summary.suppressions);
}

function withOptions(meta: RuleMeta, reports: readonly Report[], options: CheckOptions | undefined): Diagnostic[] {
  if (options?.rules && !options.rules.some((r) => r.meta.id === meta.id)) return [];
  const severity = options?.severities?.[meta.id];
  if (severity === "off") return [];
  return reports
    .map((r) => toDiagnostic(meta, r, options?.target))
    .filter((d): d is Diagnostic => d !== undefined)
    .map((d) => (severity === undefined || severity === d.severity ? d : { ...d, severity }))
    .sort(compareDiagnostics);
}

// ----- output-name -----

/** The names Windows keeps for devices (CON, NUL, COM1, …), in any case. */
const WINDOWS_DEVICE = /^(?:con|prn|aux|nul|com[0-9]|lpt[0-9])$/i;

interface Placed {
  readonly file: number;
  readonly declaration: DeclarationSummary;
}

const at = (files: readonly ProjectFile[], p: Placed) => `${files[p.file]!.display}:${p.declaration.nameRange.start.line}:${p.declaration.nameRange.start.column}`;
const listed = (places: readonly string[]) => (places.length < 2 ? (places[0] ?? "") : `${places.slice(0, -1).join(", ")} and ${places.at(-1)!}`);

function outputNames(files: readonly ProjectFile[], reports: Report[][]): void {
  const all: Placed[] = files.flatMap((f, file) => f.summary.declarations.map((declaration) => ({ file, declaration })));
  // The same name in two files: the same JSON file (same kind) or the same `--stdout` key. One file's are duplicate-declaration's.
  for (const group of groups(all, (p) => p.declaration.name)) {
    for (const p of group) {
      const others = group.filter((o) => o.file !== p.file);
      if (others.length === 0) continue;
      const same = others.filter((o) => o.declaration.keyword === p.declaration.keyword);
      const d = p.declaration;
      if (same.length > 0) {
        const data = { name: d.name, keyword: d.keyword, other: listed(same.map((o) => at(files, o))), file: outputFileName(d.name, d.outputKind) };
        reports[p.file]!.push({ messageId: "sameOutput", data, range: d.nameRange });
      } else {
        const o = others[0]!;
        reports[p.file]!.push({ messageId: "sameKey", data: { name: d.name, otherKeyword: o.declaration.keyword, other: at(files, o) }, range: d.nameRange });
      }
    }
  }
  // Names that differ only in case: one JSON file on Windows and macOS.
  for (const group of groups(all, (p) => outputFileName(p.declaration.name, p.declaration.outputKind).toLowerCase())) {
    for (const p of group) {
      const o = group.find((x) => x.file !== p.file && x.declaration.name !== p.declaration.name);
      if (!o) continue;
      const d = p.declaration;
      const data = { name: d.name, otherKeyword: o.declaration.keyword, otherName: o.declaration.name, other: at(files, o), file: outputFileName(d.name, d.outputKind) };
      reports[p.file]!.push({ messageId: "caseOnly", data, range: d.nameRange });
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
        const data = { name: d.name, otherKeyword: earlier.keyword, otherName: earlier.name, line: earlier.nameRange.start.line, fn };
        reports[file]!.push({ messageId: "functionName", data, range: d.nameRange });
      }
    }
  });
}

/** The TypeScript module of each file that has declarations (the others write none), against the others' and the types module's. */
function moduleNames(files: readonly ProjectFile[], reports: Report[][]): void {
  const modules = files.flatMap((f, file) => {
    const first = f.summary.declarations[0];
    return first ? [{ file, module: moduleName(f.path), range: first.nameRange }] : [];
  });
  // By name and by name in lower case, in file order: the language server runs this at every change of a name (linear, not quadratic, in the files).
  const byName = new Map<string, typeof modules>();
  const byLowerCase = new Map<string, typeof modules>();
  for (const m of modules) {
    for (const [map, key] of [[byName, m.module], [byLowerCase, m.module.toLowerCase()]] as const) {
      const list = map.get(key);
      if (list) list.push(m);
      else map.set(key, [m]);
    }
  }
  for (const m of modules) {
    const report = (messageId: string, data: Record<string, string>) => reports[m.file]!.push({ messageId, data: { module: m.module, ...data }, range: m.range });
    // TypeScript refuses two files whose names differ only in case, whatever the file system.
    if (m.module.toLowerCase() === TYPES_MODULE) report("typesModule", {});
    else if (isDeclarationFileName(`${m.module}.ts`)) report("declarationFile", { suggestion: m.module.replaceAll(".", "-") });
    const same = byName.get(m.module)!.filter((o) => o.file !== m.file).map((o) => files[o.file]!.display);
    if (same.length > 0) {
      report("sameModule", { other: listed(same) });
      continue;
    }
    const caseOnly = byLowerCase.get(m.module.toLowerCase())!.find((o) => o.file !== m.file && o.module !== m.module);
    if (caseOnly) report("moduleCaseOnly", { other: files[caseOnly.file]!.display, otherModule: caseOnly.module });
  }
}

/** The items with a key that more than one item has, grouped by it. */
function groups<T>(items: readonly T[], key: (item: T) => string): T[][] {
  const byKey = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = byKey.get(k);
    if (list) list.push(item);
    else byKey.set(k, [item]);
  }
  return [...byKey.values()].filter((g) => g.length > 1);
}
