/**
 * What the client said it can take (its ClientCapabilities at `initialize`), read once into the
 * answers the server shapes: snippets or plain text, Markdown or plain text, code action literals
 * or commands, a symbol tree or a flat list, the completion and symbol kinds it knows, and which
 * requests the server may send it. Every optional LSP feature is off unless the client declared it
 * (LSP 3.17): a client that declares nothing gets plain, baseline answers.
 */
import {
  CompletionItemKind,
  InsertTextFormat,
  MarkupKind,
  SymbolKind,
  type ClientCapabilities,
  type CompletionItem,
  type DocumentSymbol,
  type Hover,
  type InitializeParams,
  type MarkupContent,
  type SymbolInformation,
} from "vscode-languageserver";

export interface ClientFeatures {
  /** `completionItem.snippetSupport`: `${1:name}` placeholders in completions. */
  readonly snippets: boolean;
  /** The format of completion documentation and hover contents the client takes. */
  readonly completionDocumentation: MarkupKind;
  readonly hover: MarkupKind;
  /** Completion kinds beyond the first protocol's (Text … Reference) only when the client lists them. */
  readonly completionKinds: ReadonlySet<CompletionItemKind> | undefined;
  /** `codeActionLiteralSupport`: CodeAction objects; without it only Commands. */
  readonly codeActionLiterals: boolean;
  readonly codeActionPreferred: boolean;
  /** `workspace.applyEdit`: the server may ask the client to apply an edit (a command's work). */
  readonly applyEdit: boolean;
  /**
   * `workspace.workspaceEdit.documentChanges`: edits of several files as versioned document edits,
   * which the client refuses for a document changed since; without it, `changes` by URI.
   */
  readonly documentChanges: boolean;
  readonly diagnosticCodeDescription: boolean;
  readonly diagnosticVersion: boolean;
  /** Whether diagnostics may carry `relatedInformation` (otherwise the related places are lines of the message). */
  readonly diagnosticRelatedInformation: boolean;
  /** `hierarchicalDocumentSymbolSupport`: DocumentSymbol trees; without it a flat SymbolInformation list. */
  readonly hierarchicalSymbols: boolean;
  readonly symbolKinds: ReadonlySet<SymbolKind> | undefined;
  /** The most folding ranges the client handles. */
  readonly foldingRangeLimit: number | undefined;
  readonly prepareRename: boolean;
  /** `didChangeWatchedFiles.dynamicRegistration`: the server may ask the client to watch files. */
  readonly watchFiles: boolean;
  /** `workspace/configuration`: the server may ask for settings. */
  readonly configurationRequests: boolean;
  /** `didChangeConfiguration.dynamicRegistration`: the server may register for settings changes (the pull model). */
  readonly configurationRegistration: boolean;
  /** The client's UI language (BCP 47), when it said. */
  readonly locale: string | undefined;
}

function preferredMarkup(formats: readonly MarkupKind[] | undefined): MarkupKind {
  return formats?.includes(MarkupKind.Markdown) ? MarkupKind.Markdown : MarkupKind.PlainText;
}

export function clientFeatures(params: Pick<InitializeParams, "capabilities" | "locale">): ClientFeatures {
  const c: ClientCapabilities = params.capabilities ?? {};
  const text = c.textDocument;
  const item = text?.completion?.completionItem;
  const completionKinds = text?.completion?.completionItemKind?.valueSet;
  const symbolKinds = text?.documentSymbol?.symbolKind?.valueSet;
  const limit = text?.foldingRange?.rangeLimit;
  return {
    snippets: item?.snippetSupport === true,
    completionDocumentation: preferredMarkup(item?.documentationFormat),
    hover: preferredMarkup(text?.hover?.contentFormat),
    completionKinds: completionKinds ? new Set(completionKinds) : undefined,
    codeActionLiterals: text?.codeAction?.codeActionLiteralSupport !== undefined,
    codeActionPreferred: text?.codeAction?.isPreferredSupport === true,
    applyEdit: c.workspace?.applyEdit === true,
    documentChanges: c.workspace?.workspaceEdit?.documentChanges === true,
    diagnosticCodeDescription: text?.publishDiagnostics?.codeDescriptionSupport === true,
    diagnosticVersion: text?.publishDiagnostics?.versionSupport === true,
    diagnosticRelatedInformation: text?.publishDiagnostics?.relatedInformation === true,
    hierarchicalSymbols: text?.documentSymbol?.hierarchicalDocumentSymbolSupport === true,
    symbolKinds: symbolKinds ? new Set(symbolKinds) : undefined,
    foldingRangeLimit: typeof limit === "number" && limit >= 0 ? limit : undefined,
    prepareRename: text?.rename?.prepareSupport === true,
    watchFiles: c.workspace?.didChangeWatchedFiles?.dynamicRegistration === true,
    configurationRequests: c.workspace?.configuration === true,
    configurationRegistration: c.workspace?.didChangeConfiguration?.dynamicRegistration === true,
    locale: typeof params.locale === "string" && params.locale !== "" ? params.locale : undefined,
  };
}

/**
 * The server's Markdown as plain text: emphasis and code marks dropped (`**en**: \`x\`` → `en: x`);
 * lists and paragraphs read the same without them.
 */
export function toPlainText(markdown: string): string {
  return markdown.replace(/\*\*(.+?)\*\*/gs, "$1").replace(/`([^`]*)`/g, "$1");
}

export function markup(kind: MarkupKind, markdown: string): MarkupContent {
  return kind === MarkupKind.Markdown ? { kind, value: markdown } : { kind: MarkupKind.PlainText, value: toPlainText(markdown) };
}

export function adaptHover(hover: Hover | null, features: ClientFeatures): Hover | null {
  if (!hover || features.hover === MarkupKind.Markdown) return hover;
  const contents = hover.contents;
  const value = typeof contents === "object" && "kind" in contents ? contents.value : "";
  return { ...hover, contents: markup(features.hover, value) };
}

/**
 * How a kind of a later protocol version is shown to a client that knows only the first version's
 * (1 to `base`), unless the client lists the kinds it knows (LSP: it then copes with any): as the
 * older kind `older` says, else as `fallback`.
 */
function kindsForOlderClients<K extends number>(base: number, older: Readonly<Partial<Record<K, K>>>, fallback: K): (kind: K, listed: ReadonlySet<K> | undefined) => K {
  return (kind, listed) => (listed !== undefined || kind <= base ? kind : (older[kind] ?? fallback));
}

/** Completion kinds of the first protocol version: Text (1) to Reference (18). */
const olderCompletionKind = kindsForOlderClients<CompletionItemKind>(
  18,
  {
    [CompletionItemKind.Folder]: CompletionItemKind.File,
    [CompletionItemKind.EnumMember]: CompletionItemKind.Value,
    [CompletionItemKind.Constant]: CompletionItemKind.Value,
    [CompletionItemKind.Struct]: CompletionItemKind.Class,
    [CompletionItemKind.Event]: CompletionItemKind.Function,
    [CompletionItemKind.Operator]: CompletionItemKind.Keyword,
    [CompletionItemKind.TypeParameter]: CompletionItemKind.Variable,
  },
  CompletionItemKind.Text,
);

/** Symbol kinds of the first protocol version: File (1) to Array (18). */
const olderSymbolKind = kindsForOlderClients<SymbolKind>(
  18,
  {
    [SymbolKind.Object]: SymbolKind.Class,
    [SymbolKind.Key]: SymbolKind.String,
    [SymbolKind.Null]: SymbolKind.Constant,
    [SymbolKind.EnumMember]: SymbolKind.Constant,
    [SymbolKind.Struct]: SymbolKind.Class,
    [SymbolKind.Event]: SymbolKind.Class,
    [SymbolKind.Operator]: SymbolKind.Function,
    [SymbolKind.TypeParameter]: SymbolKind.Variable,
  },
  SymbolKind.Variable,
);

/**
 * Completions as the client takes them. A snippet becomes its label alone for a client without
 * snippets (a plain-text template would bring literal tabs and land the cursor after its `}`), and
 * Markdown documentation becomes plain text.
 */
export function adaptCompletions(items: readonly CompletionItem[], features: ClientFeatures): CompletionItem[] {
  return items.map((i) => {
    let out: CompletionItem = i;
    if (!features.snippets && i.insertTextFormat === InsertTextFormat.Snippet) {
      out = { ...out, ...(i.textEdit ? { textEdit: { ...i.textEdit, newText: i.label } } : {}), ...(i.insertText !== undefined ? { insertText: i.label } : {}) };
      delete out.insertTextFormat;
    }
    const doc = i.documentation;
    if (doc !== undefined && typeof doc === "object" && doc.kind === MarkupKind.Markdown && features.completionDocumentation !== MarkupKind.Markdown) {
      out = { ...out, documentation: toPlainText(doc.value) };
    }
    const kind = i.kind === undefined ? undefined : olderCompletionKind(i.kind, features.completionKinds);
    if (kind !== i.kind) out = { ...out, ...(kind === undefined ? {} : { kind }) };
    return out;
  });
}

/** The outline as the client takes it: the tree, or a flat list whose entries name their container. */
export function adaptSymbols(symbols: readonly DocumentSymbol[], uri: string, features: ClientFeatures): DocumentSymbol[] | SymbolInformation[] {
  if (features.hierarchicalSymbols) {
    const kinds = (s: DocumentSymbol): DocumentSymbol => ({ ...s, kind: olderSymbolKind(s.kind, features.symbolKinds), ...(s.children ? { children: s.children.map(kinds) } : {}) });
    return features.symbolKinds === undefined ? symbols.map(kinds) : [...symbols];
  }
  const flat: SymbolInformation[] = [];
  const visit = (s: DocumentSymbol, container: string | undefined) => {
    flat.push({ name: s.name, kind: olderSymbolKind(s.kind, features.symbolKinds), location: { uri, range: s.range }, ...(container === undefined ? {} : { containerName: container }) });
    for (const c of s.children ?? []) visit(c, s.name);
  };
  for (const s of symbols) visit(s, undefined);
  return flat;
}
