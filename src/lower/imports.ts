/**
 * Imports between `.b24layout` files: `import { clientInfo, card, translations } from "./common.b24layout"`.
 * A file can import the fragments of another file, the declarations another declaration refers to
 * by name (a layout, for an activity's `layout card`), and its translation table (the name
 * `translations`). An imported fragment brings its own file's texts along, so its `@key`s
 * resolve as where it was written; an imported layout stays its own file's: it is checked there,
 * and its payload is made there, with that file's texts. Paths are relative to the importing file and cannot leave the project root,
 * by name or through a symbolic link (the real path of the file must be inside the real path of the root);
 * missing files, names a file does not have and cycles are reported at the import.
 */
import { dirname, relative, resolve } from "node:path";
import type { Diagnostic } from "../diagnostic.js";
import type { Document, ImportDeclaration, Range } from "../syntax/index.js";
import { parse } from "../syntax/index.js";
import { DTOS } from "../model/index.js";
import { DECLARATIONS, TRANSLATIONS_KEYWORD } from "../model/index.js";
import { isInside } from "../util/index.js";
import { closest } from "../util/index.js";
import type { ImportedDeclaration, IrDeclaration, IrProgram, TranslationTable } from "./ir.js";
import { lower, type Fragment, type ImportScope, type LoweringProblem } from "./lower.js";
import { newTranslationLanguage, newTranslationTable } from "./nodes.js";
import { appendAll } from "../util/index.js";
import { problemOf, UNRESOLVED_IMPORT, type MessageData, type MessageId } from "../messages/index.js";

/** How the import resolver reports: a message of the unresolved-import rule. */
type ImportProblem = <K extends MessageId<typeof UNRESOLVED_IMPORT.messages>>(messageId: K, data: MessageData<typeof UNRESOLVED_IMPORT.messages, K>, range: Range) => void;


/** Where source files come from: the CLI reads the disk, an editor its open documents. */
export interface SourceHost {
  /** The project root (absolute): no import reaches outside it. */
  readonly root: string;
  /** The text of an absolute path, or undefined when there is no such file. */
  readFile(path: string): string | undefined;
  /**
   * The real path of an absolute path (every symbolic link on the way followed), or undefined when
   * it does not exist. With it, an import whose real path is outside the real root is refused, and
   * a file reached by two paths is one module. A host without links (in memory) leaves it out.
   */
  realPath?(path: string): string | undefined;
  /** Why `readFile` gave nothing for a file that exists but is not text (binary, not UTF-8). */
  readProblem?(path: string): string | undefined;
}

/**
 * The declarations a declaration of another kind refers to by name (a layout: an activity's
 * `layout card`), which are what can be imported of a file's declarations; the others (badges,
 * cards, …) are payloads of their own that nothing refers to.
 */
export const IMPORTABLE_KEYWORDS: ReadonlySet<string> = new Set(
  DECLARATIONS.filter((d) => DTOS.some((dto) => !isRequestDto(dto.name) && dto.fields.some((f) => f.type.kind === "object" && f.type.dto === d.dto))).map((d) => d.keyword),
);

/** The params a declaration writes around its own payload (`blocks` with a target): its payload is its body, never a name. */
function isRequestDto(dto: string): boolean {
  return DECLARATIONS.some((d) => d.request?.dto === dto);
}

/** An imported file, lowered once however many files import it. */
export interface Module {
  /** Its real path (its path when the host has no links). */
  readonly realPath: string;
  readonly fragments: ReadonlyMap<string, Fragment>;
  readonly translations: TranslationTable | undefined;
  /** Its declarations by name (the first of a name), for the files that import them. */
  readonly declarations: ReadonlyMap<string, IrDeclaration>;
  /** What checking it needs (the checker checks an imported declaration: see `index.ts`). */
  readonly document: Document;
  readonly program: IrProgram;
  readonly problems: readonly LoweringProblem[];
  readonly syntax: readonly Diagnostic[];
  /** Whether the file has errors of its own (its diagnostics are its own file's). */
  readonly errors: number;
}

/** Lowered imported files by real path; shared by all the files one run checks. */
export class ModuleCache {
  readonly modules = new Map<string, Module | "loading">();
}

/**
 * What `document`'s imports bring in, and the problems with them. `file` is the document's
 * absolute path; `stack` the real paths of the files whose imports are being resolved (for cycles).
 */
export function resolveImports(
  document: Document,
  file: string | undefined,
  host: SourceHost | undefined,
  cache: ModuleCache = new ModuleCache(),
  stack: readonly string[] = [],
): { scope: ImportScope | undefined; problems: LoweringProblem[]; modules: ReadonlyMap<ImportedDeclaration, Module> } {
  const problems: LoweringProblem[] = [];
  const modules = new Map<ImportedDeclaration, Module>();
  if (document.imports.length === 0) return { scope: undefined, problems, modules };
  const problem: ImportProblem = (messageId, data, range) => problems.push(problemOf(UNRESOLVED_IMPORT, messageId, data, range));
  const fragments = new Map<string, Fragment>();
  const declarations = new Map<string, ImportedDeclaration>();
  const tables: TranslationTable[] = [];
  for (const imp of document.imports) {
    if (!imp.source) continue;
    if (!host || !file) {
      problem("noHost", {}, imp.source.range);
      continue;
    }
    const module = load(imp, file, host, cache, [...stack, host.realPath?.(file) ?? file], problem);
    if (!module) continue;
    for (const name of imp.names) {
      if (name.name === TRANSLATIONS_KEYWORD) {
        if (!module.translations) problem("noTranslations", { path: imp.source.value }, name.range);
        else if (!tables.includes(module.translations)) tables.push(module.translations);
        continue;
      }
      const fragment = module.fragments.get(name.name);
      const declared = module.declarations.get(name.name);
      const declaration = declared && IMPORTABLE_KEYWORDS.has(declared.spec.keyword) ? declared : undefined;
      if (!fragment && !declaration) {
        if (declared) {
          problem("notImportable", { name: name.name, keyword: declared.spec.keyword, path: imp.source.value, importable: importableWords() }, name.range);
          continue;
        }
        const importable = [...module.declarations.values()].filter((d) => IMPORTABLE_KEYWORDS.has(d.spec.keyword)).map((d) => d.name);
        const names = [...module.fragments.keys(), ...importable, ...(module.translations ? [TRANSLATIONS_KEYWORD] : [])];
        const suggestion = closest(name.name, names);
        problem(suggestion ? "unknownNameSuggest" : "unknownName", { name: name.name, path: imp.source.value, ...(suggestion ? { suggestion } : {}) }, name.range);
        continue;
      }
      if (fragments.has(name.name) || declarations.has(name.name)) {
        problem("importedTwice", { name: name.name }, name.range);
        continue;
      }
      if (fragment) {
        fragments.set(name.name, { ...fragment, imported: true });
        // A fragment's `@key`s are its own file's: importing it brings those texts along.
        if (module.translations && !tables.includes(module.translations)) tables.push(module.translations);
      }
      if (declaration) {
        const path = resolve(dirname(file), imp.source.value);
        const imported: ImportedDeclaration = { declaration, program: module.program, path, realPath: module.realPath, source: imp.source.value, nameRange: name.range };
        declarations.set(name.name, imported);
        modules.set(imported, module);
      }
    }
  }
  return { scope: { fragments, declarations, translations: mergeTables(tables) }, problems, modules };
}

/** `layouts`, or `layouts and …`: what of a file's declarations can be imported, for messages. */
function importableWords(): string {
  const words = [...IMPORTABLE_KEYWORDS].map((k) => `${k}s`);
  return words.length < 2 ? (words[0] ?? "") : `${words.slice(0, -1).join(", ")} and ${words.at(-1)!}`;
}

function load(
  imp: ImportDeclaration,
  from: string,
  host: SourceHost,
  cache: ModuleCache,
  stack: readonly string[],
  problem: ImportProblem,
): Module | undefined {
  const written = imp.source!.value;
  const at = imp.source!.range;
  const path = resolve(dirname(from), written);
  if (!isInside(host.root, path)) {
    problem("outsideRoot", { path: written }, at);
    return undefined;
  }
  // By name the file is inside; where it really is decides. A missing file (or a dangling link)
  // has no real path: reading it finds nothing, and a host that reads the disk checks again.
  const realRoot = host.realPath?.(host.root) ?? host.root;
  const real = host.realPath?.(path);
  if (real !== undefined && !isInside(realRoot, real)) {
    problem("outsideRootLink", { path: written, real, root: realRoot }, at);
    return undefined;
  }
  const key = real ?? path;
  const shown = (p: string) => relative(realRoot, p);
  if (stack.includes(key)) {
    const chain = [...stack.slice(stack.indexOf(key)), key].map(shown).join(" → ");
    problem("cycle", { chain }, at);
    return undefined;
  }
  const cached = cache.modules.get(key);
  if (cached === "loading") {
    problem("cycle", { chain: `${shown(stack[stack.length - 1] ?? from)} → ${shown(key)}` }, at);
    return undefined;
  }
  let module = cached;
  if (!module) {
    const text = host.readFile(path);
    if (text === undefined) {
      const reason = host.readProblem?.(path);
      if (reason !== undefined) problem("unreadable", { path: written, reason }, at);
      else problem("notFound", { path: written, resolved: relative(host.root, path) }, at);
      return undefined;
    }
    cache.modules.set(key, "loading");
    const parsed = parse(text);
    const imported = resolveImports(parsed.document, path, host, cache, stack);
    const lowered = lower(parsed.document, imported.scope);
    const hasTable = parsed.document.statements.some((s) => s.name.name === TRANSLATIONS_KEYWORD);
    const declarations = new Map<string, IrDeclaration>();
    for (const d of lowered.program.declarations) if (!declarations.has(d.name)) declarations.set(d.name, d);
    module = {
      realPath: key,
      fragments: lowered.fragments ?? new Map(),
      translations: hasTable ? lowered.program.translations : undefined,
      declarations,
      document: parsed.document,
      program: lowered.program,
      problems: [...imported.problems, ...lowered.problems],
      syntax: parsed.diagnostics,
      errors: parsed.diagnostics.length + imported.problems.length,
    };
    cache.modules.set(key, module);
  }
  if (module.errors > 0) problem("importedErrors", { path: written, count: module.errors }, at);
  return module;
}

/** One table of the imported tables: for each language and key, the first file's text. */
function mergeTables(tables: readonly TranslationTable[]): TranslationTable | undefined {
  if (tables.length === 0) return undefined;
  if (tables.length === 1) return tables[0];
  const merged = newTranslationTable();
  for (const table of tables) {
    for (const [language, entries] of table.languages) {
      let target = merged.languages.get(language);
      if (!target) {
        target = newTranslationLanguage(language, entries.range);
        merged.languages.set(language, target);
      }
      for (const [key, entry] of entries.entries) if (!target.entries.has(key)) target.entries.set(key, entry);
    }
    appendAll(merged.all, table.all);
  }
  return merged;
}
