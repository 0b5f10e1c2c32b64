/**
 * The language server: `b24layout lsp --stdio`, for any LSP editor. A thin adapter over the same
 * parser, checker, config reader and formatter as the CLI: nothing here knows a Bitrix24 rule.
 *
 * Documents are synced incrementally and checked on every change, with the texts of the open
 * documents taking the place of the files on disk (an unsaved imported file counts as it is typed).
 */
import { readFileSync } from "node:fs";
import { dirname } from "node:path";
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
import { check, ModuleCache, type CheckResult } from "../index.js";
import type { SourceHost } from "../lower/imports.js";
import { findUpward, projectRoot } from "../cli/files.js";
import { CONFIG_FILE } from "../config/config.js";
import type { FormatOptions } from "../format/format.js";
import { ConfigCache } from "./configs.js";
import { quickFixes, SOURCE, toLspDiagnostic } from "./diagnostics.js";
import { formatDocument, formatRange } from "./formatting.js";
import { documentSymbols, foldingRanges } from "./symbols.js";

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
  /** Config files whose problems are shown, so they can be cleared. */
  const shownConfigs = new Set<string>();
  let prettierConfig: ((file: string) => Promise<FormatOptions>) | undefined;
  let watchFiles = false;

  /** Open documents first, then the disk, bounded by the project root of `file`. */
  const hostFor = (file: string): SourceHost => ({
    root: projectRoot(file, dirname(file)),
    readFile(path: string): string | undefined {
      const open = documents.get(pathToFileURL(path).href);
      if (open) return open.getText();
      try {
        return readFileSync(path, "utf8").replace(/^\uFEFF/, "");
      } catch {
        return undefined;
      }
    },
  });

  const validate = (document: TextDocument): void => {
    const file = pathOf(document.uri);
    const state = file ? configs.stateFor(file) : undefined;
    if (state?.path) showConfigProblems(state.path, state.problems);
    const result = check(document.getText(), {
      ...(file ? configs.optionsFor(file) : {}),
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
  const validateAll = (except?: string): void => {
    for (const d of documents.all()) if (d.uri !== except) validate(d);
  };

  connection.onInitialize((params): InitializeResult => {
    watchFiles = params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        documentFormattingProvider: true,
        documentRangeFormattingProvider: true,
        documentSymbolProvider: true,
        foldingRangeProvider: true,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
      },
      serverInfo: { name: "b24layout" },
    };
  });

  connection.onInitialized(() => {
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
    void connection.sendDiagnostics({ uri: event.document.uri, diagnostics: [] });
  });

  const importsAnything = (uri: string): boolean => (results.get(uri)?.result.document.imports.length ?? 0) > 0;

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
    return result ? quickFixes(result.diagnostics, params.range, params.textDocument.uri, docsRoot) : [];
  });

  documents.listen(connection);
  connection.listen();
}

/** `b24layout lsp --stdio`: serves the process's stdin and stdout until the client exits. */
export function runLanguageServer(): void {
  const connection = createConnection(ProposedFeatures.all, process.stdin, process.stdout);
  startServer(connection);
}
