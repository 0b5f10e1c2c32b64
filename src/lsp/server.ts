/**
 * The language server: `b24layout lsp --stdio`, for any LSP editor. A thin adapter over the same
 * parser, checker, config reader and formatter as the CLI: nothing here knows a Bitrix24 rule.
 *
 * Documents are synced incrementally and checked on every change, with the texts of the open
 * documents taking the place of the files on disk (an unsaved imported file counts as it is typed).
 */
import { dirname } from "node:path";
import { ResponseError, ErrorCodes, type Location, type WorkspaceEdit } from "vscode-languageserver/node";
import { fileURLToPath, pathToFileURL } from "node:url";
import {
  CodeActionKind,
  createConnection,
  DiagnosticSeverity,
  DidChangeWatchedFilesNotification,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  type Connection,
  type InitializeResult,
} from "vscode-languageserver/node";
import { TextDocument } from "vscode-languageserver-textdocument";
import { ModuleCache, type CheckResult } from "../index.js";
import { IncrementalChecker } from "../check/incremental.js";
import type { SourceHost } from "../lower/imports.js";
import { findUpward, sourceHost } from "../cli/files.js";
import { CONFIG_FILE } from "../config/config.js";
import type { FormatOptions } from "../format/format.js";
import { ConfigCache } from "./configs.js";
import { quickFixes, SOURCE, toLspDiagnostic } from "./diagnostics.js";
import { formatDocument, formatRange } from "./formatting.js";
import { documentSymbols, foldingRanges } from "./symbols.js";
import { completions } from "./completion.js";
import { hoverAt } from "./hover.js";
import { importSources, importsFrom, isValidName, occurrences, symbolAt, type NameSymbol } from "./navigation.js";
import { SEMANTIC_TOKENS_LEGEND, semanticTokens } from "./semantic-tokens.js";
import { translationActions } from "./translation-actions.js";
import { toLspRange } from "./convert.js";
import { parse } from "../syntax/parser.js";
import type { Document } from "../syntax/ast.js";
import type { CheckOptions } from "../check/checker.js";
import { globSync } from "tinyglobby";

/** The package folder, where docs/rules lives: above the running bundle (dist/) or source file. */
function packageRoot(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  return findUpward(here, ["docs"]) ?? here;
}

function pathOf(uri: string): string | undefined {
  return uri.startsWith("file:") ? fileURLToPath(uri) : undefined;
}

export interface ServerOptions {
  /** Where the rule pages are (docs/rules inside it); the package folder by default. */
  readonly docsRoot?: string;
}

export function startServer(connection: Connection, options: ServerOptions = {}): void {
  const documents = new TextDocuments(TextDocument);
  const configs = new ConfigCache();
  const docsRoot = options.docsRoot ?? packageRoot();
  /** The last check of each open document, for code actions. */
  const results = new Map<string, { version: number; result: CheckResult }>();
  /** Each open document's checker: a change re-checks only what it touched (src/check/incremental.ts). */
  const checkers = new Map<string, IncrementalChecker>();
  /** Config files whose problems are shown, so they can be cleared. */
  const shownConfigs = new Set<string>();
  let prettierConfig: ((file: string) => Promise<FormatOptions>) | undefined;
  let watchFiles = false;
  let configurationRequests = false;
  /** The editor's settings (`b24layout.*`), under whatever the project's config file says. */
  let settings: CheckOptions = {};
  let workspaceFolders: string[] = [];

  const optionsFor = (file: string | undefined): CheckOptions => {
    if (!file) return settings;
    const project = configs.optionsFor(file);
    return {
      ...settings,
      ...project,
      severities: { ...settings.severities, ...project.severities },
      ruleOptions: { ...settings.ruleOptions, ...project.ruleOptions },
      ...(project.target !== undefined ? { target: project.target } : settings.target !== undefined ? { target: settings.target } : {}),
    };
  };

  const readSettings = async (): Promise<void> => {
    if (!configurationRequests) return;
    const raw = (await connection.workspace.getConfiguration("b24layout")) as { target?: unknown; languages?: unknown; rules?: unknown } | null;
    settings = settingsToOptions(raw ?? {});
  };

  /** Imports read the open documents first, then the disk (as the CLI does), bounded by the real path of the project root of `file`. */
  const hostFor = (file: string): SourceHost => {
    const disk = sourceHost(file, dirname(file));
    return { ...disk, readFile: (path) => documents.get(pathToFileURL(path).href)?.getText() ?? disk.readFile(path) };
  };

  const validate = (document: TextDocument): void => {
    const file = pathOf(document.uri);
    const state = file ? configs.stateFor(file) : undefined;
    if (state?.path) showConfigProblems(state.path, state.problems);
    let checker = checkers.get(document.uri);
    if (!checker) checkers.set(document.uri, (checker = new IncrementalChecker()));
    const result = checker.check(document.getText(), {
      ...optionsFor(file),
      ...(file ? { file, host: hostFor(file), modules: new ModuleCache() } : {}),
    });
    results.set(document.uri, { version: document.version, result });
    void connection.sendDiagnostics({ uri: document.uri, version: document.version, diagnostics: result.diagnostics.map((d) => toLspDiagnostic(d, docsRoot)) });
  };

  const showConfigProblems = (path: string, problems: readonly { line: number; column: number; message: string }[]): void => {
    if (problems.length === 0 && !shownConfigs.has(path)) return;
    if (problems.length === 0) shownConfigs.delete(path);
    else shownConfigs.add(path);
    void connection.sendDiagnostics({
      uri: pathToFileURL(path).href,
      diagnostics: problems.map((p) => ({
        range: { start: { line: p.line - 1, character: p.column - 1 }, end: { line: p.line - 1, character: p.column - 1 } },
        severity: DiagnosticSeverity.Error,
        source: SOURCE,
        message: p.message,
      })),
    });
  };

  /** Every open document, after something they may depend on changed (an import, a config). */
  const validateAll = (): void => {
    for (const d of documents.all()) validate(d);
  };

  connection.onInitialize((params): InitializeResult => {
    watchFiles = params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    configurationRequests = params.capabilities.workspace?.configuration === true;
    workspaceFolders = [...(params.workspaceFolders ?? []).map((f) => f.uri), ...(params.rootUri ? [params.rootUri] : [])].flatMap((u) => pathOf(u) ?? []);
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        documentFormattingProvider: true,
        documentRangeFormattingProvider: true,
        documentSymbolProvider: true,
        foldingRangeProvider: true,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.RefactorExtract] },
        completionProvider: { triggerCharacters: ["@", "$", " ", ">"] },
        hoverProvider: true,
        definitionProvider: true,
        referencesProvider: true,
        renameProvider: { prepareProvider: true },
        semanticTokensProvider: { legend: SEMANTIC_TOKENS_LEGEND, full: true },
      },
      serverInfo: { name: "b24layout" },
    };
  });

  connection.onInitialized(() => {
    void readSettings().then(() => validateAll());
    if (watchFiles) {
      void connection.client.register(DidChangeWatchedFilesNotification.type, {
        watchers: [{ globPattern: `**/${CONFIG_FILE}` }, { globPattern: "**/*.b24layout" }, { globPattern: "**/{.prettierrc*,.editorconfig}" }],
      });
    }
  });

  documents.onDidChangeContent((change) => {
    validate(change.document);
    // Documents that import this one see its unsaved text.
    for (const d of documents.all()) if (d.uri !== change.document.uri && importsAnything(d.uri)) validate(d);
  });
  documents.onDidClose((event) => {
    results.delete(event.document.uri);
    checkers.delete(event.document.uri);
    void connection.sendDiagnostics({ uri: event.document.uri, diagnostics: [] });
  });

  const importsAnything = (uri: string): boolean => (results.get(uri)?.result.document.imports.length ?? 0) > 0;

  connection.onDidChangeConfiguration(() => {
    void readSettings().then(() => validateAll());
  });

  connection.onDidChangeWatchedFiles(() => {
    configs.clear();
    prettierConfig = undefined;
    validateAll();
  });

  const projectFormatOptions = async (uri: string): Promise<FormatOptions> => {
    const file = pathOf(uri);
    if (!file) return {};
    prettierConfig ??= await (await import("../format/prettier-config.js")).prettierConfigReader();
    try {
      return await prettierConfig(file);
    } catch (error) {
      connection.console.warn(error instanceof Error ? error.message : String(error));
      return {};
    }
  };

  connection.onDocumentFormatting(async (params) => {
    const document = documents.get(params.textDocument.uri);
    return document ? formatDocument(document, params.options, await projectFormatOptions(document.uri)) : [];
  });
  connection.onDocumentRangeFormatting(async (params) => {
    const document = documents.get(params.textDocument.uri);
    return document ? formatRange(document, params.range, params.options, await projectFormatOptions(document.uri)) : [];
  });

  const current = (uri: string): CheckResult | undefined => {
    const document = documents.get(uri);
    const known = results.get(uri);
    if (!document) return undefined;
    if (!known || known.version !== document.version) validate(document);
    return results.get(uri)?.result;
  };

  connection.onDocumentSymbol((params) => {
    const result = current(params.textDocument.uri);
    return result ? documentSymbols(result.document) : [];
  });
  connection.onFoldingRanges((params) => {
    const result = current(params.textDocument.uri);
    return result ? foldingRanges(result.document) : [];
  });
  connection.onCodeAction((params) => {
    const result = current(params.textDocument.uri);
    const document = documents.get(params.textDocument.uri);
    if (!result || !document) return [];
    return [...quickFixes(result.diagnostics, params.range, params.textDocument.uri, docsRoot), ...translationActions(document, result.document, result.program, params.range)];
  });

  connection.onCompletion((params) => {
    const document = documents.get(params.textDocument.uri);
    const result = current(params.textDocument.uri);
    if (!document || !result) return [];
    return completions(document, document.offsetAt(params.position), { document: result.document, program: result.program, options: optionsFor(pathOf(document.uri)) });
  });

  connection.onHover((params) => {
    const document = documents.get(params.textDocument.uri);
    const result = current(params.textDocument.uri);
    if (!document || !result) return null;
    return hoverAt(result.document, result.program, document.getText(), document.offsetAt(params.position));
  });

  connection.languages.semanticTokens.on((params) => {
    const result = current(params.textDocument.uri);
    return result ? semanticTokens(result.document) : { data: [] };
  });

  // ----- names across files -----

  /** The parsed text of a workspace file: the editor's when it is open, else the disk's. */
  const documentOf = (file: string): Document | undefined => {
    const open = documents.get(pathToFileURL(file).href);
    if (open) return current(open.uri)?.document;
    const text = sourceHost(file, dirname(file)).readFile(file);
    return text === undefined ? undefined : parse(text).document;
  };

  /**
   * Every .b24layout file of the workspace folders, and the open documents. The walk follows no
   * symbolic link, as `b24layout check .` does not: a link to / would walk the whole disk, and a
   * rename would edit files outside the workspace through a link.
   */
  const workspaceFiles = (): string[] => {
    const files = new Set(documents.all().flatMap((d) => pathOf(d.uri) ?? []));
    for (const folder of workspaceFolders) {
      for (const f of globSync("**/*.b24layout", { cwd: folder, absolute: true, followSymbolicLinks: false, ignore: ["**/node_modules/**"] })) files.add(f);
    }
    return [...files];
  };

  /** Where a symbol is defined: in this file, or in the file it is imported from. */
  const definitionFile = (file: string, document: Document, symbol: NameSymbol): { file: string; document: Document } => {
    if (occurrences(document, symbol).some((o) => o.definition)) return { file, document };
    for (const source of importSources(document, file, symbol)) {
      const imported = documentOf(source);
      if (imported && occurrences(imported, symbol).some((o) => o.definition)) return { file: source, document: imported };
    }
    return { file, document };
  };

  /** Every occurrence of a symbol: in its defining file, and (for imported names) in the files importing it from there. */
  const allOccurrences = (file: string, document: Document, symbol: NameSymbol): { file: string; ranges: { range: Document["range"]; definition: boolean }[] }[] => {
    const home = definitionFile(file, document, symbol);
    const out = [{ file: home.file, ranges: occurrences(home.document, symbol) }];
    if (symbol.kind === "fragment" || symbol.kind === "translation") {
      for (const other of workspaceFiles()) {
        if (other === home.file) continue;
        const parsed = documentOf(other);
        if (parsed && importsFrom(parsed, other, symbol, home.file)) out.push({ file: other, ranges: occurrences(parsed, symbol).filter((o) => !o.definition) });
      }
    }
    return out.filter((f) => f.ranges.length > 0);
  };

  const symbolFor = (uri: string, position: { line: number; character: number }): { file: string; document: Document; symbol: NameSymbol } | undefined => {
    const open = documents.get(uri);
    const file = pathOf(uri);
    const result = current(uri);
    if (!open || !file || !result) return undefined;
    const symbol = symbolAt(result.document, open.offsetAt(position));
    return symbol ? { file, document: result.document, symbol } : undefined;
  };

  connection.onDefinition((params): Location[] => {
    const found = symbolFor(params.textDocument.uri, params.position);
    if (!found) return [];
    const home = definitionFile(found.file, found.document, found.symbol);
    return occurrences(home.document, found.symbol)
      .filter((o) => o.definition)
      .map((o) => ({ uri: pathToFileURL(home.file).href, range: toLspRange(o.range) }));
  });

  connection.onReferences((params): Location[] => {
    const found = symbolFor(params.textDocument.uri, params.position);
    if (!found) return [];
    return allOccurrences(found.file, found.document, found.symbol).flatMap((f) =>
      f.ranges.filter((o) => params.context.includeDeclaration || !o.definition).map((o) => ({ uri: pathToFileURL(f.file).href, range: toLspRange(o.range) })),
    );
  });

  connection.onPrepareRename((params) => {
    const found = symbolFor(params.textDocument.uri, params.position);
    if (!found) return null;
    const open = documents.get(params.textDocument.uri)!;
    const here = occurrences(found.document, found.symbol).find((o) => {
      const offset = open.offsetAt(params.position);
      return o.range.start.offset <= offset && offset <= o.range.end.offset;
    });
    return here ? { range: toLspRange(here.range), placeholder: found.symbol.name } : null;
  });

  connection.onRenameRequest((params): WorkspaceEdit | null => {
    const found = symbolFor(params.textDocument.uri, params.position);
    if (!found) return null;
    if (!isValidName(found.symbol.kind, params.newName)) {
      throw new ResponseError(ErrorCodes.InvalidParams, `'${params.newName}' is not a valid name here: use letters, digits and '_'${found.symbol.kind === "parameter" ? "" : " (and inner '-')"}, starting with a letter or '_'.`);
    }
    const changes: Record<string, { range: ReturnType<typeof toLspRange>; newText: string }[]> = {};
    for (const f of allOccurrences(found.file, found.document, found.symbol)) {
      changes[pathToFileURL(f.file).href] = f.ranges.map((o) => ({ range: toLspRange(o.range), newText: params.newName }));
    }
    return { changes };
  });

  documents.listen(connection);
  connection.listen();
}

/** The editor's `b24layout.*` settings as check options: the same meaning as in b24layout.config.json. */
export function settingsToOptions(raw: { target?: unknown; languages?: unknown; rules?: unknown }): CheckOptions {
  const severities: Record<string, "error" | "warning" | "off"> = {};
  if (raw.rules && typeof raw.rules === "object") {
    for (const [id, value] of Object.entries(raw.rules as Record<string, unknown>)) {
      if (value === "off" || value === "error") severities[id] = value;
      else if (value === "warn" || value === "warning") severities[id] = "warning";
    }
  }
  const languages = Array.isArray(raw.languages) ? raw.languages.filter((l): l is string => typeof l === "string") : [];
  return {
    severities,
    ...(languages.length > 0 ? { ruleOptions: { "missing-translation": { languages } } } : {}),
    ...(raw.target === "docs" || raw.target === "server" ? { target: raw.target } : {}),
  };
}

/** `b24layout lsp --stdio`: serves the process's stdin and stdout until the client exits. */
export function runLanguageServer(): void {
  // The process should run with LANGUAGE_SERVER_NODE_FLAGS (src/lsp/heap.ts): the CLI's loader and
  // the VS Code extension start it so.
  const connection = createConnection(ProposedFeatures.all, process.stdin, process.stdout);
  startServer(connection);
}
