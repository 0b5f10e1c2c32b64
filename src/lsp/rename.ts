/**
 * Whether a rename may go ahead: the new name must be a name of its kind, and must not already
 * name something the renamed one would then collide with or be confused with. Renaming `@title` to
 * an existing `@driver` would define `driver` twice and silently change what `@driver` shows; a
 * parameter renamed to another parameter's name would merge the two. The answer is a sentence
 * saying why not, for the editor to show; undefined when the rename is safe.
 *
 * After the checks by kind, the renamed texts are checked as a whole: a rename that would add an
 * error of any rule (a reserved word as a name, a layout name another file already writes) is
 * refused with that error's message.
 */
import { basename } from "node:path";
import type { Diagnostic } from "../diagnostic.js";
import type { Document, Range, Statement } from "../syntax/index.js";
import { argumentValues, statementsWithin } from "../syntax/index.js";
import { DECLARATIONS } from "../model/index.js";
import { EACH_KEYWORD, FRAGMENT_KEYWORD } from "../model/index.js";
import { importSources, isImportable, isValidName, occurrences, scopeIn, type NameSymbol, type Occurrence } from "./navigation.js";
import { valuesReferences } from "./references.js";

export interface RenameContext {
  /** The files the rename edits, with the occurrences it replaces. */
  readonly files: readonly { readonly file: string; readonly document: Document; readonly ranges: readonly Occurrence[] }[];
  /** The file that defines the renamed name. */
  readonly home: { readonly file: string; readonly document: Document };
  readonly documentOf: (file: string) => Document | undefined;
  readonly workspaceFiles: () => readonly string[];
  /** A file's current text (the editor's when it is open). */
  readonly textOf: (file: string) => string | undefined;
  /** The findings of `text` as the text of `file`, with the files of `overlay` read as it has them. */
  readonly check: (file: string, text: string, overlay?: ReadonlyMap<string, string>) => readonly Diagnostic[];
}

const KIND_WORDS: Readonly<Record<NameSymbol["kind"], string>> = {
  translation: "translation key",
  parameter: "parameter",
  fragment: "fragment",
  declaration: "declaration",
};

function shown(symbol: Pick<NameSymbol, "kind">, name: string): string {
  return symbol.kind === "translation" ? `@${name}` : symbol.kind === "parameter" ? `$${name}` : name;
}

function line(range: Range): number {
  return range.start.line;
}

export function renameProblem(symbol: NameSymbol, newName: string, context: RenameContext): string | undefined {
  const from = shown(symbol, symbol.name);
  const to = shown(symbol, newName);
  if (!isValidName(symbol.kind, newName)) {
    return `'${newName}' is not a valid ${KIND_WORDS[symbol.kind]} name: use letters, digits and '_'${symbol.kind === "parameter" ? "" : " (and inner '-')"}, starting with a letter or '_'${symbol.kind === "parameter" ? "" : ", and not 'true', 'false', 'null' or 'import'"}.`;
  }
  if (newName === symbol.name) return undefined;
  const clash = existingName(symbol, newName, context);
  if (clash !== undefined) return `Cannot rename '${from}' to '${to}': ${clash}`;
  return newError(symbol, newName, context);
}

/** Where `newName` is already taken for the renamed symbol, as the end of a sentence. */
function existingName(symbol: NameSymbol, newName: string, context: RenameContext): string | undefined {
  const to = shown(symbol, newName);
  const where = (file: string, range: Range) => `${basename(file)}, line ${line(range)}`;
  switch (symbol.kind) {
    case "translation": {
      const wanted: NameSymbol = { kind: "translation", name: newName };
      for (const f of [context.home, ...context.files.filter((x) => x.file !== context.home.file)]) {
        const sources = [f.file, ...importSources(f.document, f.file, wanted)];
        for (const source of sources) {
          const document = source === f.file ? f.document : context.documentOf(source);
          const defined = document ? occurrences(document, wanted).find((o) => o.definition) : undefined;
          if (defined) return `'${to}' is already a translation key (${where(source, defined.range)}); the key would then be defined twice, and what '${to}' shows would change.`;
        }
      }
      return undefined;
    }
    case "fragment": {
      for (const f of [context.home, ...context.files.filter((x) => x.file !== context.home.file)]) {
        const local = f.document.statements.find((s) => s.name.name === FRAGMENT_KEYWORD && s.args[0]?.kind === "Identifier" && s.args[0].name === newName);
        if (local) return `'${newName}' is already a fragment (${where(f.file, local.range)}).`;
        const imported = f.document.imports.find((i) => i.names.some((n) => n.name === newName));
        if (imported) return `'${newName}' is already imported (${where(f.file, imported.range)}).`;
      }
      return undefined;
    }
    case "declaration":
      return existingDeclaration(symbol, newName, context);
    case "parameter":
      return existingBinding(symbol, newName, context.home.document) ?? existingKey(symbol, newName, context);
  }
}

function declarationName(s: Statement): string | undefined {
  return s.args[0]?.kind === "Identifier" ? s.args[0].name : undefined;
}

/**
 * A declaration with the new name in the file or in a file that imports the renamed one (any
 * kind: names are shared across kinds), for a layout a name one of them imports (an import would
 * list it twice, or `layout x` mean the other), or one of the same output kind in another
 * workspace file whose output file would be the same (also when they differ only in case, as file
 * systems may not tell them apart).
 */
function existingDeclaration(symbol: NameSymbol, newName: string, context: RenameContext): string | undefined {
  const keywords = new Set(DECLARATIONS.map((d) => d.keyword));
  const outputKind = DECLARATIONS.find((d) => d.keyword === symbol.keyword)?.outputKind;
  const outputFile = `${newName}.${outputKind}.json`;
  for (const s of context.home.document.statements) {
    if (!keywords.has(s.name.name)) continue;
    const name = declarationName(s);
    if (name === newName) return `'${newName}' is already the name of the ${s.name.name} in ${basename(context.home.file)}, line ${line(s.range)}.`;
    if (name?.toLowerCase() === newName.toLowerCase() && s.name.name === symbol.keyword) {
      return `'${newName}' differs from the ${s.name.name} '${name}' (${basename(context.home.file)}, line ${line(s.range)}) only in case; on case-insensitive file systems both are written to '${outputFile}'.`;
    }
  }
  // In a file that imports the renamed one: the same name there would be declared twice, or one `layout x` would silently mean the other.
  const importing = context.files.filter((f) => f.file !== context.home.file);
  for (const f of importing) {
    const local = f.document.statements.find((s) => keywords.has(s.name.name) && declarationName(s) === newName);
    if (local) return `'${newName}' is already the name of the ${local.name.name} in ${basename(f.file)}, line ${line(local.range)}.`;
  }
  for (const f of isImportable(symbol) ? [context.home, ...importing] : []) {
    const imported = f.document.imports.find((i) => i.names.some((n) => n.name === newName));
    if (imported) return `'${newName}' is already imported in ${basename(f.file)}, line ${line(imported.range)}.`;
  }
  for (const file of context.workspaceFiles()) {
    if (file === context.home.file) continue;
    const document = context.documentOf(file);
    for (const s of document?.statements ?? []) {
      const name = declarationName(s);
      if (name?.toLowerCase() !== newName.toLowerCase() || DECLARATIONS.find((d) => d.keyword === s.name.name)?.outputKind !== outputKind) continue;
      return `the ${s.name.name} '${name}' in ${basename(file)}, line ${line(s.range)}, is written to '${outputFile}' too.`;
    }
  }
  return undefined;
}

/** The statements of a document with the statements around each, to find a scope's place. */
function chainOf(document: Document, target: Statement): readonly Statement[] | undefined {
  for (const { statement, chain } of statementsWithin(document.statements)) if (statement === target) return chain;
  return undefined;
}

function binds(s: Statement, name: string): boolean {
  if (s.name.name === EACH_KEYWORD && s.args[0]?.kind === "Identifier" && s.args[0].name === name) return true;
  const params = s.args.find((a) => a.kind === "ParameterList");
  return params?.kind === "ParameterList" && params.parameters.some((p) => p.name.name === name);
}

function mentions(s: Statement, name: string): boolean {
  for (const a of argumentValues(s)) {
    if (a.kind === "ParamRef" && a.path[0] === name) return true;
    if (a.kind === "String" && a.parts?.some((p) => typeof p !== "string" && p.path[0] === name)) return true;
  }
  return false;
}

function what(s: Statement): string {
  const name = declarationName(s);
  return s.name.name === EACH_KEYWORD ? `the 'each' on line ${line(s.range)}` : `'${s.name.name}${name ? ` ${name}` : ""}' (line ${line(s.range)})`;
}

/**
 * A parameter or loop variable with the new name where the renamed one is seen: bound by its own
 * statement or one around it (the two would merge, or one hide the other), or bound or used inside
 * its scope (those uses would start to mean the renamed one).
 */
function existingBinding(symbol: NameSymbol, newName: string, document: Document): string | undefined {
  const scope = scopeIn(document, symbol);
  if (!scope) return undefined;
  const to = `$${newName}`;
  const around = chainOf(document, scope) ?? [];
  for (const s of [scope, ...[...around].reverse()]) {
    if (binds(s, newName)) return `'${to}' is already ${s.name.name === EACH_KEYWORD ? "a loop variable" : "a parameter"} of ${what(s)}.`;
  }
  for (const { statement } of statementsWithin(scope.body?.statements ?? [])) {
    if (binds(statement, newName)) return `'${to}' is already a loop variable of ${what(statement)}, inside the scope of '$${symbol.name}'.`;
    if (mentions(statement, newName)) return `'${to}' is already used on line ${line(statement.range)}, inside the scope of '$${symbol.name}'.`;
  }
  if (mentions(scope, newName)) return `'${to}' is already used on line ${line(scope.range)}.`;
  return undefined;
}

/** A reference that gives the template a value under the new name already: it would then have the key twice. */
function existingKey(symbol: NameSymbol, newName: string, context: RenameContext): string | undefined {
  const owner = symbol.owner;
  if (!owner) return undefined;
  // The template's own file, and (for an imported fragment or layout) every file that imports it, whether or not it gives the renamed one.
  const files = [context.home, ...context.files.filter((f) => f.file !== context.home.file)];
  if (isImportable(symbol)) {
    for (const file of context.workspaceFiles()) {
      if (files.some((f) => f.file === file)) continue;
      const document = context.documentOf(file);
      if (document && importSources(document, file, symbol).includes(context.home.file)) files.push({ file, document });
    }
  }
  for (const f of files) {
    for (const r of valuesReferences(f.document)) {
      if (r.target.keyword !== owner.keyword || r.target.name !== owner.name) continue;
      const given = r.values?.entries.find((e) => e.key.value === newName);
      if (given) return `'${newName}' is already given a value in '${r.statement.name.name} ${owner.name}' (${basename(f.file)}, line ${line(given.range)}).`;
    }
  }
  return undefined;
}

/** The first error the renamed texts have that the texts before did not (by rule: more errors of one rule than before). */
function newError(symbol: NameSymbol, newName: string, context: RenameContext): string | undefined {
  const texts = new Map<string, { before: string; after: string }>();
  for (const f of context.files) {
    const text = context.textOf(f.file);
    if (text === undefined) continue;
    let renamed = text;
    for (const o of [...f.ranges].sort((a, b) => b.range.start.offset - a.range.start.offset)) renamed = renamed.slice(0, o.range.start.offset) + newName + renamed.slice(o.range.end.offset);
    texts.set(f.file, { before: text, after: renamed });
  }
  const overlay = new Map([...texts].map(([file, t]) => [file, t.after]));
  const errorsByRule = (ds: readonly Diagnostic[]) => {
    const counts = new Map<string, number>();
    for (const d of ds) if (d.severity === "error") counts.set(d.ruleId, (counts.get(d.ruleId) ?? 0) + 1);
    return counts;
  };
  for (const [file, { before, after }] of texts) {
    const earlier = errorsByRule(context.check(file, before));
    const diagnostics = context.check(file, after, overlay);
    const later = errorsByRule(diagnostics);
    const added = diagnostics.find((d) => d.severity === "error" && (later.get(d.ruleId) ?? 0) > (earlier.get(d.ruleId) ?? 0));
    if (added) {
      const place = `${basename(file)}, line ${added.range.start.line}`;
      return `Cannot rename '${shown(symbol, symbol.name)}' to '${shown(symbol, newName)}': it would make an error (${place}, ${added.ruleId}): ${added.message}`;
    }
  }
  return undefined;
}
