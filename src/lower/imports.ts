/**
 * Imports between `.b24layout` files: `import { clientInfo, translations } from "./common.b24layout"`.
 * A file can import the fragments of another file, and its translation table (the name
 * `translations`); an imported fragment brings its own file's texts along, so its `@key`s
 * resolve as where it was written. Paths are relative to the importing file and cannot leave the project root;
 * missing files, names a file does not have and cycles are reported at the import.
 */
import { dirname, isAbsolute, relative, resolve } from "node:path";
import type { Document, ImportDeclaration, Range } from "../syntax/ast.js";
import { parse } from "../syntax/parser.js";
import { TRANSLATIONS_KEYWORD } from "../model/statements.js";
import { closest } from "../util/suggest.js";
import type { TranslationTable } from "./ir.js";
import { lower, type Fragment, type ImportScope, type LoweringProblem } from "./lower.js";
import { newTranslationLanguage, newTranslationTable } from "./nodes.js";
import { appendAll } from "../util/append.js";

export const UNRESOLVED_IMPORT = "unresolved-import";

/** Where source files come from: the CLI reads the disk, an editor its open documents. */
export interface SourceHost {
  /** The project root (absolute): no import reaches outside it. */
  readonly root: string;
  /** The text of an absolute path, or undefined when there is no such file. */
  readFile(path: string): string | undefined;
  /** Why `readFile` gave nothing for a file that exists but is not text (binary, not UTF-8). */
  readProblem?(path: string): string | undefined;
}

/** An imported file, lowered once however many files import it. */
interface Module {
  readonly fragments: ReadonlyMap<string, Fragment>;
  readonly translations: TranslationTable | undefined;
  /** Whether the file has errors of its own (its diagnostics are its own file's). */
  readonly errors: number;
}

/** Lowered imported files by absolute path; shared by all the files one run checks. */
export class ModuleCache {
  readonly modules = new Map<string, Module | "loading">();
}

/**
 * What `document`'s imports bring in, and the problems with them. `file` is the document's
 * absolute path; `stack` the files whose imports are being resolved (for cycles).
 */
export function resolveImports(
  document: Document,
  file: string | undefined,
  host: SourceHost | undefined,
  cache: ModuleCache = new ModuleCache(),
  stack: readonly string[] = [],
): { scope: ImportScope | undefined; problems: LoweringProblem[] } {
  const problems: LoweringProblem[] = [];
  if (document.imports.length === 0) return { scope: undefined, problems };
  const problem = (messageId: string, data: Record<string, string | number>, range: Range) =>
    problems.push({ ruleId: UNRESOLVED_IMPORT, messageId, data, range });
  const fragments = new Map<string, Fragment>();
  const tables: TranslationTable[] = [];
  for (const imp of document.imports) {
    if (!imp.source) continue;
    if (!host || !file) {
      problem("noHost", {}, imp.source.range);
      continue;
    }
    const module = load(imp, file, host, cache, [...stack, file], problem);
    if (!module) continue;
    for (const name of imp.names) {
      if (name.name === TRANSLATIONS_KEYWORD) {
        if (!module.translations) problem("noTranslations", { path: imp.source.value }, name.range);
        else if (!tables.includes(module.translations)) tables.push(module.translations);
        continue;
      }
      const fragment = module.fragments.get(name.name);
      if (!fragment) {
        const names = [...module.fragments.keys(), ...(module.translations ? [TRANSLATIONS_KEYWORD] : [])];
        const suggestion = closest(name.name, names);
        problem(suggestion ? "unknownNameSuggest" : "unknownName", { name: name.name, path: imp.source.value, ...(suggestion ? { suggestion } : {}) }, name.range);
        continue;
      }
      if (fragments.has(name.name)) {
        problem("importedTwice", { name: name.name }, name.range);
        continue;
      }
      fragments.set(name.name, { ...fragment, imported: true });
      // A fragment's `@key`s are its own file's: importing it brings those texts along.
      if (module.translations && !tables.includes(module.translations)) tables.push(module.translations);
    }
  }
  return { scope: { fragments, translations: mergeTables(tables) }, problems };
}

function load(
  imp: ImportDeclaration,
  from: string,
  host: SourceHost,
  cache: ModuleCache,
  stack: readonly string[],
  problem: (messageId: string, data: Record<string, string | number>, range: Range) => void,
): Module | undefined {
  const written = imp.source!.value;
  const at = imp.source!.range;
  const path = resolve(dirname(from), written);
  const inRoot = relative(host.root, path);
  if (inRoot.startsWith("..") || isAbsolute(inRoot)) {
    problem("outsideRoot", { path: written }, at);
    return undefined;
  }
  if (stack.includes(path)) {
    const chain = [...stack.slice(stack.indexOf(path)), path].map((p) => relative(host.root, p)).join(" → ");
    problem("cycle", { chain }, at);
    return undefined;
  }
  const cached = cache.modules.get(path);
  if (cached === "loading") {
    problem("cycle", { chain: `${relative(host.root, from)} → ${relative(host.root, path)}` }, at);
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
    cache.modules.set(path, "loading");
    const parsed = parse(text);
    const imported = resolveImports(parsed.document, path, host, cache, stack);
    const lowered = lower(parsed.document, imported.scope);
    const hasTable = parsed.document.statements.some((s) => s.name.name === TRANSLATIONS_KEYWORD);
    module = {
      fragments: lowered.fragments ?? new Map(),
      translations: hasTable ? lowered.program.translations : undefined,
      errors: parsed.diagnostics.length + imported.problems.length,
    };
    cache.modules.set(path, module);
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
