/**
 * The outline of a document (document symbols) and its folding ranges, from the syntax tree: a
 * declaration is named by its name (`layout incomingCall`), a member by its key and keyword
 * (`client: withTitle`), with its first text as detail.
 */
import { FoldingRangeKind, SymbolKind, type DocumentSymbol, type FoldingRange } from "vscode-languageserver";
import type { Argument, Document, Node, Statement } from "../syntax/index.js";
import { argumentValues, statementsWithin } from "../syntax/index.js";
import { DECLARATIONS, TRANSLATIONS_KEYWORD } from "../model/index.js";
import { FRAGMENT_KEYWORD } from "../model/index.js";
import { toLspRange } from "./convert.js";

const DECLARATION_KINDS: Readonly<Record<string, SymbolKind>> = {
  layout: SymbolKind.Class,
  blocks: SymbolKind.Class,
  badge: SymbolKind.Constant,
  activity: SymbolKind.Event,
  card: SymbolKind.Struct,
  [TRANSLATIONS_KEYWORD]: SymbolKind.Namespace,
  [FRAGMENT_KEYWORD]: SymbolKind.Function,
};
// Every declaration keyword of the model has a kind above.
for (const d of DECLARATIONS) if (!(d.keyword in DECLARATION_KINDS)) throw new Error(`no symbol kind for declarations '${d.keyword}'`);

function firstText(args: readonly Argument[]): string | undefined {
  for (const a of args) {
    if (a.kind === "String") return a.value;
    if (a.kind === "TranslationRef") return `@${a.key}`;
  }
  return undefined;
}

function memberSymbol(statement: Statement, depth: number): DocumentSymbol {
  const name = statement.label ? `${statement.label.value}: ${statement.name.name}` : statement.name.name;
  const detail = firstText(statement.args);
  return {
    name,
    ...(detail === undefined ? {} : { detail }),
    kind: statement.body ? SymbolKind.Object : SymbolKind.Field,
    range: toLspRange(statement.range),
    selectionRange: toLspRange((statement.label ?? statement.name).range),
    children: depth < 8 ? (statement.body?.statements ?? []).map((s) => memberSymbol(s, depth + 1)) : [],
  };
}

function declarationSymbol(statement: Statement): DocumentSymbol {
  const keyword = statement.name.name;
  const named = statement.args[0]?.kind === "Identifier" ? statement.args[0] : undefined;
  const kind = DECLARATION_KINDS[keyword];
  if (kind === undefined || !named) return memberSymbol(statement, 0);
  return {
    name: named.name,
    detail: keyword,
    kind,
    range: toLspRange(statement.range),
    selectionRange: toLspRange(named.range),
    children: (statement.body?.statements ?? []).map((s) => memberSymbol(s, 1)),
  };
}

export function documentSymbols(document: Document): DocumentSymbol[] {
  const imports: DocumentSymbol[] = document.imports.map((i) => ({
    name: i.source?.value ?? "import",
    detail: i.names.map((n) => n.name).join(", "),
    kind: SymbolKind.Module,
    range: toLspRange(i.range),
    selectionRange: toLspRange((i.source ?? i).range),
  }));
  return [...imports, ...document.statements.map(declarationSymbol)];
}

/** Blocks, maps, lists and parameter lists over several lines; runs of comments; the imports. */
export function foldingRanges(document: Document): FoldingRange[] {
  const ranges: FoldingRange[] = [];
  const add = (node: Node, kind?: FoldingRangeKind) => {
    const start = node.range.start.line - 1;
    // The closing bracket's line stays visible.
    const end = node.range.end.line - 2;
    if (end > start) ranges.push(kind ? { startLine: start, endLine: end, kind } : { startLine: start, endLine: end });
  };
  for (const { statement } of statementsWithin(document.statements)) {
    for (const a of argumentValues(statement)) if (a.kind === "Map" || a.kind === "List" || a.kind === "ParameterList") add(a);
    if (statement.body) add(statement.body);
  }
  // Consecutive line comments, and block comments over several lines.
  let run: { start: number; end: number } | undefined;
  const flush = () => {
    if (run && run.end > run.start) ranges.push({ startLine: run.start, endLine: run.end, kind: FoldingRangeKind.Comment });
    run = undefined;
  };
  for (const c of document.comments) {
    const start = c.range.start.line - 1;
    const end = c.range.end.line - 1;
    if (c.block) {
      flush();
      if (end > start) ranges.push({ startLine: start, endLine: end, kind: FoldingRangeKind.Comment });
    } else if (run && start === run.end + 1) {
      run.end = start;
    } else {
      flush();
      run = { start, end: start };
    }
  }
  flush();
  const first = document.imports[0];
  const last = document.imports[document.imports.length - 1];
  if (first && last && last.range.end.line > first.range.start.line) {
    ranges.push({ startLine: first.range.start.line - 1, endLine: last.range.end.line - 1, kind: FoldingRangeKind.Imports });
  }
  return ranges.sort((a, b) => a.startLine - b.startLine || b.endLine - a.endLine);
}
