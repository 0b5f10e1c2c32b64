/**
 * Go to definition, find references and rename for the names a `.b24layout` file declares and
 * uses: translation keys (`@key`), parameters and loop variables (`$name`, `${name}`), fragments
 * (`use`, `import`), badges (`badgeCode`) and layouts (an activity's `layout name`). A parameter of
 * a fragment or layout is also named by the keys of the values references give it (`use f { name:
 * … }`, `layout card { dealId: … }`). Across files: an imported fragment, layout or translation key
 * is defined in the file it comes from, and renaming it (or a parameter of an imported fragment or
 * layout) renames it in every workspace file that imports it.
 */
import { dirname, resolve } from "node:path";
import type { Document, Interpolation, Range, Statement, StringLiteral } from "../syntax/index.js";
import { argumentValues, statementsWithin } from "../syntax/index.js";
import { DECLARATIONS, TRANSLATIONS_KEYWORD } from "../model/index.js";
import { EACH_KEYWORD, FRAGMENT_KEYWORD, USE_KEYWORD } from "../model/index.js";
import { isName } from "../syntax/index.js";
import { IMPORTABLE_KEYWORDS } from "../lower/index.js";
import { findTemplate, keyNameRange, templateNameOf, valuesReferenceOf, type TemplateName } from "./references.js";

export type SymbolKind = "translation" | "parameter" | "fragment" | "declaration";

export interface NameSymbol {
  readonly kind: SymbolKind;
  readonly name: string;
  /** For parameters and loop variables: the statement that declares them (their scope). */
  readonly scope?: Statement;
  /**
   * For parameters of a top-level declaration or fragment: it, by keyword and name. The keys of
   * the references' values name the parameter too, also in files that import the fragment (where
   * `scope`, a statement of the defining file, is not found).
   */
  readonly owner?: TemplateName;
  /** For declarations: the keyword (`badge`, `layout`). */
  readonly keyword?: string;
}

export interface Occurrence {
  readonly range: Range;
  readonly definition: boolean;
  /** For a translation key's definition: the language block it is in. */
  readonly language?: string;
}

/** Fields whose bare-word value names a declaration: `badgeCode missedCall`, `layout incomingCall`. */
const REFERENCE_FIELDS: Readonly<Record<string, string>> = { badgeCode: "badge", layout: "layout" };
const DECLARATION_KEYWORDS = new Set(DECLARATIONS.map((d) => d.keyword));

function contains(range: Range, offset: number): boolean {
  return range.start.offset <= offset && offset <= range.end.offset;
}

/** A range inside a string token: `${name}` interpolations carry their own. */
function interpolations(s: StringLiteral): Interpolation[] {
  return (s.parts ?? []).filter((p): p is Interpolation => typeof p !== "string");
}

/** A `$a.b` reference's range covering only `a` (after the `$`). */
function headOf(range: Range, name: string, skip: number): Range {
  const start = { ...range.start, offset: range.start.offset + skip, column: range.start.column + skip };
  return { start, end: { ...start, offset: start.offset + name.length, column: start.column + name.length } };
}

/** The declaration or `each` that gives `$name` its meaning at a statement, innermost first. */
function scopeOf(name: string, statement: Statement, chain: readonly Statement[]): Statement | undefined {
  for (const s of [...chain, statement].reverse()) {
    if (s.name.name === EACH_KEYWORD && s.args[0]?.kind === "Identifier" && s.args[0].name === name && s !== statement) return s;
    const params = s.args.find((a) => a.kind === "ParameterList");
    if (params?.kind === "ParameterList" && params.parameters.some((p) => p.name.name === name)) return s;
  }
  return undefined;
}

/** A parameter symbol: with its owner when its scope is a top-level declaration. */
function parameterSymbol(document: Document, name: string, scope: Statement | undefined): NameSymbol {
  const owner = scope && document.statements.includes(scope) ? templateNameOf(scope) : undefined;
  return { kind: "parameter", name, ...(scope ? { scope } : {}), ...(owner ? { owner } : {}) };
}

/** The statement that declares a parameter symbol in `document`: its scope when it is there, else its owner's declaration there. */
export function scopeIn(document: Document, symbol: NameSymbol): Statement | undefined {
  if (symbol.scope && (!symbol.owner || document.statements.includes(symbol.scope))) return symbol.scope;
  return symbol.owner ? findTemplate(document, symbol.owner) : undefined;
}

function sameTemplate(a: TemplateName, b: TemplateName): boolean {
  return a.keyword === b.keyword && a.name === b.name;
}

/**
 * The name at `offset`, if it is one this module knows. `imported` has the keyword of each
 * declaration the file imports, by name (a layout): a name in an import line is such a
 * declaration, or else a fragment.
 */
export function symbolAt(document: Document, offset: number, imported?: ReadonlyMap<string, string>): NameSymbol | undefined {
  for (const i of document.imports) {
    const n = i.names.find((x) => contains(x.range, offset));
    if (!n || n.name === TRANSLATIONS_KEYWORD) continue;
    const keyword = imported?.get(n.name);
    return keyword === undefined ? { kind: "fragment", name: n.name } : { kind: "declaration", name: n.name, keyword };
  }
  for (const { statement: s, chain } of statementsWithin(document.statements)) {
    const inTranslations = chain.length === 2 && chain[0]!.name.name === TRANSLATIONS_KEYWORD;
    if (inTranslations && contains(s.name.range, offset)) return { kind: "translation", name: s.name.name };
    const first = s.args[0];
    if (chain.length === 0 && first?.kind === "Identifier" && contains(first.range, offset)) {
      if (s.name.name === FRAGMENT_KEYWORD) return { kind: "fragment", name: first.name };
      if (DECLARATION_KEYWORDS.has(s.name.name)) return { kind: "declaration", name: first.name, keyword: s.name.name };
    }
    if (s.name.name === USE_KEYWORD && first?.kind === "Identifier" && contains(first.range, offset)) return { kind: "fragment", name: first.name };
    const target = REFERENCE_FIELDS[s.name.name];
    if (target && chain.length > 0 && first?.kind === "Identifier" && contains(first.range, offset)) return { kind: "declaration", name: first.name, keyword: target };
    if (s.name.name === EACH_KEYWORD && first?.kind === "Identifier" && contains(first.range, offset)) return { kind: "parameter", name: first.name, scope: s };
    // A key of the values a reference gives: the target's parameter.
    const reference = valuesReferenceOf(s, chain);
    const key = reference?.values?.entries.find((e) => contains(e.key.range, offset))?.key;
    if (reference && key) {
      const scope = findTemplate(document, reference.target);
      return { kind: "parameter", name: key.value, owner: reference.target, ...(scope ? { scope } : {}) };
    }
    for (const a of argumentValues(s)) {
      if (!contains(a.range, offset)) continue;
      if (a.kind === "TranslationRef") return { kind: "translation", name: a.key };
      if (a.kind === "ParamRef") return parameterSymbol(document, a.path[0]!, scopeOf(a.path[0]!, s, chain));
      if (a.kind === "ParameterList") {
        const p = a.parameters.find((x) => contains(x.name.range, offset));
        if (p) return parameterSymbol(document, p.name.name, s);
      }
      if (a.kind === "String") {
        const i = interpolations(a).find((x) => contains(x.range, offset));
        if (i) return parameterSymbol(document, i.path[0]!, scopeOf(i.path[0]!, s, chain));
      }
    }
  }
  return undefined;
}

/** Every occurrence of `symbol` in one document. */
export function occurrences(document: Document, symbol: NameSymbol): Occurrence[] {
  const out: Occurrence[] = [];
  const add = (range: Range, definition: boolean, language?: string) => out.push(language === undefined ? { range, definition } : { range, definition, language });
  if ((symbol.kind === "fragment" || symbol.kind === "declaration") && isImportable(symbol)) {
    for (const i of document.imports) for (const n of i.names) if (n.name === symbol.name) add(n.range, false);
  }
  const scope = symbol.kind === "parameter" ? scopeIn(document, symbol) : undefined;
  for (const { statement: s, chain } of statementsWithin(document.statements)) {
    const first = s.args[0];
    const firstName = first?.kind === "Identifier" ? first : undefined;
    switch (symbol.kind) {
      case "translation":
        if (chain.length === 2 && chain[0]!.name.name === TRANSLATIONS_KEYWORD && s.name.name === symbol.name) add(s.name.range, true, chain[1]!.name.name);
        for (const a of argumentValues(s)) if (a.kind === "TranslationRef" && a.key === symbol.name) add(headOf(a.range, symbol.name, 1), false);
        break;
      case "fragment":
        if (chain.length === 0 && s.name.name === FRAGMENT_KEYWORD && firstName?.name === symbol.name) add(firstName.range, true);
        if (s.name.name === USE_KEYWORD && firstName?.name === symbol.name) add(firstName.range, false);
        break;
      case "declaration":
        if (chain.length === 0 && s.name.name === symbol.keyword && firstName?.name === symbol.name) add(firstName.range, true);
        if (chain.length > 0 && REFERENCE_FIELDS[s.name.name] === symbol.keyword && firstName?.name === symbol.name) add(firstName.range, false);
        break;
      case "parameter": {
        if (scope !== undefined && s === scope) {
          if (s.name.name === EACH_KEYWORD && firstName?.name === symbol.name) add(firstName.range, true);
          const params = s.args.find((a) => a.kind === "ParameterList");
          if (params?.kind === "ParameterList") for (const p of params.parameters) if (p.name.name === symbol.name) add(p.name.range, true);
        }
        // A template's parameter: its uses are in its declaration, which may be in another file.
        if (scope !== undefined || symbol.owner === undefined) {
          // The statement's scope, found once: a statement may hold thousands of references.
          let inScope: boolean | undefined;
          const scoped = () => (inScope ??= scopeOf(symbol.name, s, chain) === scope);
          for (const a of argumentValues(s)) {
            if (a.kind === "ParamRef" && a.path[0] === symbol.name && scoped()) add(headOf(a.range, symbol.name, 1), false);
            if (a.kind === "String") {
              for (const i of interpolations(a)) if (i.path[0] === symbol.name && scoped()) add(headOf(i.range, symbol.name, 2), false);
            }
          }
        }
        if (symbol.owner) {
          const reference = valuesReferenceOf(s, chain);
          if (reference && sameTemplate(reference.target, symbol.owner)) {
            for (const e of reference.values?.entries ?? []) if (e.key.value === symbol.name) add(keyNameRange(e.key), false);
          }
        }
        break;
      }
    }
  }
  return out.sort((a, b) => a.range.start.offset - b.range.start.offset);
}

/** Whether a template of this keyword can come from another file: a fragment, or a declaration others refer to (a layout). */
function isImportableTemplate(keyword: string | undefined): boolean {
  return keyword !== undefined && (keyword === FRAGMENT_KEYWORD || IMPORTABLE_KEYWORDS.has(keyword));
}

/**
 * The name an import line writes to bring `symbol` from the file that defines it: a fragment's or
 * layout's own, its owner's for a parameter, `translations` for a key; undefined for what no file
 * imports (a badge, a loop variable).
 */
function importedName(symbol: NameSymbol): string | undefined {
  switch (symbol.kind) {
    case "translation":
      return TRANSLATIONS_KEYWORD;
    case "fragment":
      return symbol.name;
    case "declaration":
      return isImportableTemplate(symbol.keyword) ? symbol.name : undefined;
    case "parameter":
      return isImportableTemplate(symbol.owner?.keyword) ? symbol.owner!.name : undefined;
  }
}

/** Whether other files may import `symbol` (or its owner): its occurrences are then also theirs. */
export function isImportable(symbol: NameSymbol): boolean {
  return importedName(symbol) !== undefined;
}

/** The symbol a reference's target is: `use f` a fragment, `layout card` a declaration. */
export function templateSymbol(target: TemplateName): NameSymbol {
  return target.keyword === FRAGMENT_KEYWORD ? { kind: "fragment", name: target.name } : { kind: "declaration", name: target.name, keyword: target.keyword };
}

/** The files a document imports `name` from (absolute paths), for cross-file definitions. */
export function importSources(document: Document, file: string, symbol: NameSymbol): string[] {
  const wanted = importedName(symbol);
  if (wanted === undefined) return [];
  return document.imports.filter((i) => i.source && i.names.some((n) => n.name === wanted)).map((i) => resolve(dirname(file), i.source!.value));
}

/** Whether a document imports `symbol` from `file`: then its occurrences are the same symbol's. */
export function importsFrom(document: Document, documentFile: string, symbol: NameSymbol, file: string): boolean {
  return importSources(document, documentFile, symbol).includes(file);
}

/** Words the lexer reads as keywords or literals, never as names (src/syntax/tokens.ts). */
const RESERVED_WORDS: ReadonlySet<string> = new Set(["true", "false", "null", "import"]);

/** Whether `name` may replace a name of this kind. */
export function isValidName(kind: SymbolKind, name: string): boolean {
  // `$name` allows no `-` (and `$true` is a parameter); the other names are words, which allow
  // inner ones (`call-back`) and cannot be reserved words.
  return kind === "parameter" ? /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) : isName(name) && !RESERVED_WORDS.has(name);
}
