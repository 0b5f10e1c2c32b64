/**
 * The language server: `b24layout lsp --stdio`, for any LSP editor. A thin adapter over the same
 * parser, checker, config reader and formatter as the CLI: nothing here knows a Bitrix24 rule.
 *
 * Documents are synced incrementally and checked on every change, with the texts of the open
 * documents taking the place of the files on disk (an unsaved imported file counts as it is typed).
 * The project check (src/lsp/project.ts) runs over the workspace's files as `b24layout check`
 * would, and its findings are shown on every file they concern, open or not.
 *
 * It follows the protocol, not one client: every optional feature is used only when the client
 * declared it (src/lsp/capabilities.ts), a request the client refuses or fails (a registration,
 * `workspace/configuration`, `workspace/applyEdit`) only costs that feature, an exception in a
 * handler becomes an error answer or a logged line, and a client that does not watch files gets its
 * config changes noticed at the next change, open or save of a document.
 */
import { basename, dirname, isAbsolute, relative, resolve, sep } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import {
  CodeActionKind,
  CodeActionTriggerKind,
  createConnection,
  DiagnosticSeverity,
  DocumentHighlightKind,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  ErrorCodes,
  LSPErrorCodes,
  ProposedFeatures,
  ResponseError,
  StreamMessageWriter,
  TextDocuments,
  TextDocumentSyncKind,
  type CodeAction,
  type DocumentHighlight,
  type Connection,
  type Diagnostic as LspDiagnostic,
  type InitializeResult,
  type Location,
  type ResponseMessage,
  type WorkspaceEdit,
} from "vscode-languageserver/node";
import { TextDocument } from "vscode-languageserver-textdocument";
import { check, checkJson, type CheckResult, IncrementalChecker } from "../pipeline/index.js";
import { ModuleCache } from "../lower/index.js";
import type { SourceHost } from "../lower/index.js";
import { findUpward, sourceHost } from "../workspace/index.js";
import { CONFIG_FILE } from "../config/index.js";
import type { FormatOptions } from "../format/index.js";
import { adaptCompletions, adaptHover, adaptSymbols, clientFeatures, type ClientFeatures } from "./capabilities.js";
import { APPLY_EDIT_COMMAND, fixAllAction, FIX_ALL_KIND, isWanted, ruleFixActions, toClientActions } from "./code-actions.js";
import { ConfigCache } from "./configs.js";
import { isInside } from "../util/index.js";
import { SOURCE, toLspDiagnostics, type DiagnosticStyle } from "./diagnostics.js";
import { formatDocument, formatRange } from "./formatting.js";
import { documentSymbols, foldingRanges } from "./symbols.js";
import { completions } from "./completion.js";
import { hoverAt } from "./hover.js";
import { importSources, importsFrom, isImportable, occurrences, symbolAt, templateSymbol, type NameSymbol } from "./navigation.js";
import { renameProblem } from "./rename.js";
import { WorkspaceProject, type ProjectUpdate } from "./project.js";
import { importPath, summarize } from "../check/index.js";
import type { Diagnostic } from "../diagnostic.js";
import { findTemplate, type TemplateLookup } from "./references.js";
import { languageForLocale } from "./locale.js";
import { SEMANTIC_TOKENS_LEGEND, semanticTokens } from "./semantic-tokens.js";
import { translationActions } from "./translation-actions.js";
import { PREVIEW_REQUEST, previewDocument, readPreviewParams } from "./preview.js";
import { toLspRange } from "./convert.js";
import { RecoveringMessageReader } from "./transport.js";
import { parse } from "../syntax/index.js";
import type { Document } from "../syntax/index.js";
import type { CheckOptions } from "../check/index.js";
import { globSync } from "tinyglobby";
import { isJsonDocument, JsonPayloadDocuments } from "./json-documents.js";
import { AUTO_KIND, PAYLOAD_FILES_SETTING } from "./payload-files.js";

/** The package folder, where docs/rules lives: above the running bundle (dist/) or source file. */
function packageRoot(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  return findUpward(here, ["docs"]) ?? here;
}

/** The path of a `file:` URI on this machine; undefined for other schemes and for URIs no path can stand for (another host). */
function pathOf(uri: string): string | undefined {
  if (!uri.startsWith("file:")) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export interface ServerOptions {
  /** Where the rule pages are (docs/rules inside it); the package folder by default. */
  readonly docsRoot?: string;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function startServer(connection: Connection, options: ServerOptions = {}): void {
  const documents = new TextDocuments(TextDocument);
  /** Where the search for configs stops without a repository or package.json: the workspace folder of `dir`. */
  const configSearchCwd = (dir: string): string => workspaceFolders.find((folder) => isInside(folder, dir)) ?? dir;
  const configs = new ConfigCache(configSearchCwd);
  const docsRoot = options.docsRoot ?? packageRoot();
  /** The last check of each open document, with the project's findings in it, for code actions. */
  const results = new Map<string, { version: number; result: CheckResult }>();
  /** The diagnostics of each open document's own check, without the project's findings (which change with other files). */
  const ownDiagnostics = new Map<string, readonly Diagnostic[]>();
  /** Each open document's checker: a change re-checks only what it touched (src/pipeline/incremental.ts). */
  const checkers = new Map<string, IncrementalChecker>();
  /** Config files whose problems are shown, so they can be cleared. */
  const shownConfigs = new Set<string>();
  /** Refused configs already said in the log (by path and reason). */
  const loggedRefusals = new Set<string>();
  /** The version of each document whose check failed (an internal error): not checked again until it changes. */
  const failed = new Map<string, number>();
  let features: ClientFeatures = clientFeatures({ capabilities: {} });
  let diagnosticStyle: DiagnosticStyle = { docsRoot, codeDescription: false, relatedInformation: false };
  /** Whether the client tells the server of changed files; until it agreed to watch, configs are checked by `stat`. */
  let watching = false;
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

  /** Asks the client for the settings, when it can be asked; a failed request keeps the ones there are. */
  const readSettings = async (): Promise<void> => {
    if (!features.configurationRequests) return;
    try {
      const raw: unknown = await connection.workspace.getConfiguration("b24layout");
      settings = settingsToOptions(isObject(raw) ? raw : {});
      jsonDocuments.setPayloadFiles(isObject(raw) ? raw[PAYLOAD_FILES_SETTING] : undefined);
    } catch (error) {
      connection.console.warn(`b24layout: the client did not answer workspace/configuration (${describe(error)}); the settings stay as they were.`);
    }
  };

  /**
   * Imports read the open documents first, then the disk (as the CLI does), bounded by the real path of the
   * project root of `file`; `overlay` has texts that take the place of both (a rename's result).
   */
  const hostFor = (file: string, overlay?: ReadonlyMap<string, string>): SourceHost => {
    const disk = sourceHost(file, dirname(file));
    return { ...disk, readFile: (path) => overlay?.get(path) ?? documents.get(pathToFileURL(path).href)?.getText() ?? disk.readFile(path) };
  };

  /** The options a text of `uri` is checked with: its config's and the editor's, and where its imports come from. */
  const checkOptionsFor = (uri: string, overlay?: ReadonlyMap<string, string>) => {
    const file = pathOf(uri);
    return { ...optionsFor(file), ...(file ? { file, host: hostFor(file, overlay), modules: new ModuleCache() } : {}) };
  };

  const publish = (uri: string, version: number | undefined, diagnostics: LspDiagnostic[]): void => {
    void connection.sendDiagnostics({ uri, ...(features.diagnosticVersion && version !== undefined ? { version } : {}), diagnostics }).catch(() => {});
  };

  /** JSON documents: the payloads among them checked, the others left alone (src/lsp/json-documents.ts). */
  const jsonDocuments = new JsonPayloadDocuments({
    pathOf,
    folders: () => workspaceFolders,
    configPayload: (file) => configs.payloadOf(file),
    check: (text, file, kind, comments) =>
      checkJson(text, { ...optionsFor(file), fileName: basename(file), comments, ...(kind === AUTO_KIND ? {} : { kind }) }).diagnostics,
    toLsp: (diagnostics, uri) => toLspDiagnostics(diagnostics, diagnosticStyle, uri),
    publish,
    log: (message) => connection.console.warn(message),
  });

  const validate = (document: TextDocument): void => {
    if (isJsonDocument(document)) return jsonDocuments.validate(document);
    const file = pathOf(document.uri);
    let result: CheckResult;
    let projectUpdate: ProjectUpdate = "none";
    try {
      const state = file ? configs.stateFor(file) : undefined;
      if (state?.path) showConfigProblems(state.path, state.problems, state.refused);
      let checker = checkers.get(document.uri);
      if (!checker) checkers.set(document.uri, (checker = new IncrementalChecker()));
      result = checker.check(document.getText(), checkOptionsFor(document.uri));
      ownDiagnostics.set(document.uri, result.diagnostics);
      if (file) {
        projectUpdate = project.updateOpen(file, summarize(result.program, result.document));
        result = { ...result, diagnostics: project.withFindings(file, result.diagnostics) };
      }
    } catch (error) {
      // A bug in the checker: say so on the document (as the CLI says "internal error"), keep serving.
      checkers.delete(document.uri);
      results.delete(document.uri);
      failed.set(document.uri, document.version);
      connection.console.error(`b24layout: internal error while checking ${document.uri}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      const at = { line: 0, character: 0 };
      publish(document.uri, document.version, [
        { range: { start: at, end: at }, severity: DiagnosticSeverity.Error, source: SOURCE, message: `internal error: b24layout could not check this file (${describe(error)}). Please report it with the file.` },
      ]);
      return;
    }
    failed.delete(document.uri);
    results.set(document.uri, { version: document.version, result });
    publish(document.uri, document.version, toLspDiagnostics(result.diagnostics, diagnosticStyle, document.uri));
    if (file) shownOpen.set(document.uri, projectFindingsKey(file));
    if (projectUpdate === "now") publishProject();
    else if (projectUpdate === "later") scheduleProjectUpdate();
  };

  // ----- the project check -----

  const project = new WorkspaceProject({
    isIgnored: (path) => configs.isIgnored(path),
    optionsFor: (path) => optionsFor(path),
    // Bounded by the file's project root, as its imports are: a file the walk finds is no link, but a folder may have changed since.
    readFile: (path) => sourceHost(path, dirname(path)).readFile(path),
    summarize: (path, text) => {
      const checked = check(text, checkOptionsFor(pathToFileURL(path).href));
      return summarize(checked.program, checked.document);
    },
    // As the CLI names files run in a folder: relative to the workspace folder the file is in.
    display: (path) => {
      for (const folder of workspaceFolders) {
        const rel = relative(folder, path);
        if (rel !== "" && !rel.startsWith("..") && !isAbsolute(rel)) return rel.split(sep).join("/");
      }
      return path;
    },
    log: (message) => connection.console.error(message),
  });
  /** The project findings each open document was last shown with (JSON), by URI. */
  const shownOpen = new Map<string, string>();
  /** The project findings last shown on each file that is not open (JSON), by path. */
  const shownClosed = new Map<string, string>();
  const projectFindingsKey = (file: string): string => JSON.stringify(project.withFindings(file, []));

  /**
   * Shows the project's findings where they changed: on the open documents (their own findings
   * with the project's, without checking them again) and on the files that are not open.
   */
  const publishProject = (): void => {
    for (const d of documents.all()) {
      const file = pathOf(d.uri);
      const own = ownDiagnostics.get(d.uri);
      const known = results.get(d.uri);
      if (!file || !own || !known || known.version !== d.version) continue;
      const key = projectFindingsKey(file);
      if (shownOpen.get(d.uri) === key) continue;
      shownOpen.set(d.uri, key);
      const diagnostics = project.withFindings(file, own);
      results.set(d.uri, { version: d.version, result: { ...known.result, diagnostics } });
      publish(d.uri, d.version, toLspDiagnostics(diagnostics, diagnosticStyle, d.uri));
    }
    const closed = project.closedFindings();
    for (const [path, diagnostics] of closed) {
      const key = JSON.stringify(diagnostics);
      if ((shownClosed.get(path) ?? "[]") === key) continue;
      shownClosed.set(path, key);
      const uri = pathToFileURL(path).href;
      publish(uri, undefined, toLspDiagnostics(diagnostics, diagnosticStyle, uri));
    }
    // Files that left the project (deleted, ignored now) or were opened: what was shown on them goes.
    for (const path of [...shownClosed.keys()]) {
      if (closed.has(path)) continue;
      if (shownClosed.get(path) !== "[]" && !documents.get(pathToFileURL(path).href)) publish(pathToFileURL(path).href, undefined, []);
      shownClosed.delete(path);
    }
  };

  let projectTimer: ReturnType<typeof setTimeout> | undefined;
  /** The project's findings made again once typing pauses (line breaks that moved declarations of a file without findings). */
  const scheduleProjectUpdate = (): void => {
    if (projectTimer !== undefined) clearTimeout(projectTimer);
    projectTimer = setTimeout(() => {
      projectTimer = undefined;
      project.invalidate();
      publishProject();
    }, PROJECT_AFTER_TYPING_MS);
  };
  /** How long typing pauses before the findings of other files are made again after a line moved. */
  const PROJECT_AFTER_TYPING_MS = 200;

  let scanTimer: ReturnType<typeof setTimeout> | undefined;
  let scans = 0;
  /** Walks the workspace again after `delay` ms (a later request replaces an earlier one), and shows what changed. */
  const scheduleScan = (delay: number): void => {
    if (scanTimer !== undefined) clearTimeout(scanTimer);
    scanTimer = setTimeout(() => {
      scanTimer = undefined;
      const started = performance.now();
      void project.scan().then(
        (changed) => {
          if (changed) publishProject();
          if (scans++ === 0) connection.console.info(`b24layout: the project check covers ${project.size} file(s) (${Math.round(performance.now() - started)} ms).`);
        },
        (error: unknown) => connection.console.error(`b24layout: the project check failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`),
      );
    }, delay);
  };
  /** After a document changed, for a client that does not watch files: a pause in typing, then a walk. */
  const SCAN_AFTER_TYPING_MS = 500;
  /** Watched-file events come in bursts (a checkout, a save of many files): one walk after them. */
  const WATCHED_EVENTS_MS = 50;

  /**
   * A config's mistakes as errors on it; a config that is not used because someone else could
   * have written it (`refused`, why) as a warning on it, and in the log once, so that settings
   * never change without a word.
   */
  const showConfigProblems = (path: string, problems: readonly Diagnostic[], refused?: string): void => {
    if (refused !== undefined && !loggedRefusals.has(`${path}\0${refused}`)) {
      loggedRefusals.add(`${path}\0${refused}`);
      connection.console.warn(`b24layout: ${path}: ${refused}`);
    }
    if (problems.length === 0 && refused === undefined && !shownConfigs.has(path)) return;
    if (problems.length === 0 && refused === undefined) shownConfigs.delete(path);
    else shownConfigs.add(path);
    const start = { line: 0, character: 0 };
    publish(pathToFileURL(path).href, undefined, [
      ...problems.map((p) => ({
        range: toLspRange(p.range),
        severity: DiagnosticSeverity.Error,
        source: SOURCE,
        message: p.message,
      })),
      ...(refused === undefined ? [] : [{ range: { start, end: start }, severity: DiagnosticSeverity.Warning, source: SOURCE, message: refused }]),
    ]);
  };

  /** Every open document, after something they may depend on changed (an import, a config). */
  const validateAll = (): void => {
    for (const d of documents.all()) validate(d);
  };

  /** For a client that does not watch files: a config that changed on disk since it was read is read again, and every document checked again. */
  const refreshConfigs = (): boolean => {
    if (watching || !configs.refresh()) return false;
    project.settingsChanged();
    validateAll();
    scheduleScan(0);
    return true;
  };

  connection.onInitialize((params): InitializeResult => {
    features = clientFeatures(params);
    diagnosticStyle = { docsRoot, codeDescription: features.diagnosticCodeDescription, relatedInformation: features.diagnosticRelatedInformation };
    const initial = isObject(params.initializationOptions) ? params.initializationOptions : undefined;
    if (initial) settings = settingsToOptions(initial);
    if (initial) jsonDocuments.setPayloadFiles(initial[PAYLOAD_FILES_SETTING]);
    workspaceFolders = [...new Set([...(params.workspaceFolders ?? []).map((f) => f.uri), ...(params.rootUri ? [params.rootUri] : [])].flatMap((u) => pathOf(u) ?? []))];
    project.setFolders(workspaceFolders);
    const commandsOnly = !features.codeActionLiterals;
    return {
      capabilities: {
        // Positions are UTF-16 code units, as in the core (JavaScript strings); every client must take them.
        positionEncoding: "utf-16",
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        documentFormattingProvider: true,
        documentRangeFormattingProvider: true,
        documentSymbolProvider: true,
        foldingRangeProvider: true,
        // CodeActionOptions only for clients with literal support (LSP 3.17); others get commands, if they can apply edits.
        ...(commandsOnly
          ? features.applyEdit
            ? { codeActionProvider: true, executeCommandProvider: { commands: [APPLY_EDIT_COMMAND] } }
            : {}
          : { codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.RefactorExtract, FIX_ALL_KIND] } }),
        // "/" completes the folders of an import's path (and offers nothing in other strings and comments).
        completionProvider: { triggerCharacters: ["@", "$", " ", ">", "/"] },
        hoverProvider: true,
        definitionProvider: true,
        referencesProvider: true,
        documentHighlightProvider: true,
        // RenameOptions only for clients that said they send prepareRename.
        renameProvider: features.prepareRename ? { prepareProvider: true } : true,
        semanticTokensProvider: { legend: SEMANTIC_TOKENS_LEGEND, full: true },
      },
      serverInfo: { name: "b24layout" },
    };
  });

  connection.onInitialized(() => {
    void readSettings().then(() => {
      project.settingsChanged();
      validateAll();
      scheduleScan(0);
    });
    if (features.configurationRequests && features.configurationRegistration) {
      connection.client.register(DidChangeConfigurationNotification.type, { section: "b24layout" }).catch((error: unknown) => {
        connection.console.info(`b24layout: the client refused settings notifications (${describe(error)}); settings are read at start.`);
      });
    }
    if (features.watchFiles) {
      connection.client
        .register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: `**/${CONFIG_FILE}` }, { globPattern: "**/*.b24layout" }] })
        .then(
          () => {
            watching = true;
          },
          (error: unknown) => {
            connection.console.info(`b24layout: the client refused to watch files (${describe(error)}); config files are looked at when a document changes.`);
          },
        );
    }
  });

  documents.onDidOpen(() => {
    if (!refreshConfigs() && !watching) scheduleScan(0);
  });
  documents.onDidChangeContent((change) => {
    // After a config change every document has just been checked, this one included.
    if (refreshConfigs()) return;
    validate(change.document);
    // No .b24layout file imports JSON, and the project's walk finds no JSON file.
    if (isJsonDocument(change.document)) return;
    // Documents that import this one see its unsaved text.
    for (const d of documents.all()) if (d.uri !== change.document.uri && importsAnything(d.uri)) validate(d);
    if (!watching) scheduleScan(SCAN_AFTER_TYPING_MS);
  });
  documents.onDidSave(() => {
    if (!refreshConfigs() && !watching) scheduleScan(0);
  });
  documents.onDidClose((event) => {
    const uri = event.document.uri;
    if (isJsonDocument(event.document)) return jsonDocuments.close(uri);
    results.delete(uri);
    ownDiagnostics.delete(uri);
    shownOpen.delete(uri);
    failed.delete(uri);
    checkers.delete(uri);
    const file = pathOf(uri);
    // The file counts as it is on disk again; it keeps the project's findings about it.
    const changed = file !== undefined && project.closeDocument(file);
    const remaining = file === undefined ? undefined : project.closedFindings().get(file);
    if (file !== undefined) shownClosed.set(file, JSON.stringify(remaining ?? []));
    publish(uri, undefined, toLspDiagnostics(remaining ?? [], diagnosticStyle, uri));
    if (changed) publishProject();
  });

  const importsAnything = (uri: string): boolean => (results.get(uri)?.result.document.imports.length ?? 0) > 0;

  connection.onDidChangeConfiguration((params) => {
    // A client that cannot be asked sends the settings along (the push model).
    if (!features.configurationRequests) {
      const pushed: unknown = isObject(params.settings) ? params.settings["b24layout"] : undefined;
      if (isObject(pushed)) settings = settingsToOptions(pushed);
      if (isObject(pushed)) jsonDocuments.setPayloadFiles(pushed[PAYLOAD_FILES_SETTING]);
      project.settingsChanged();
      validateAll();
      publishProject();
      return;
    }
    void readSettings().then(() => {
      project.settingsChanged();
      validateAll();
      publishProject();
    });
  });

  connection.onDidChangeWatchedFiles(() => {
    // A config (its rules, its ignore) or a file of the project was created, changed or deleted.
    configs.clear();
    project.settingsChanged();
    validateAll();
    scheduleScan(WATCHED_EVENTS_MS);
  });

  connection.onExecuteCommand(async (params) => {
    if (params.command !== APPLY_EDIT_COMMAND) throw new ResponseError(ErrorCodes.InvalidParams, `Unknown command '${params.command}'.`);
    const edit = params.arguments?.[0] as WorkspaceEdit | undefined;
    if (!isObject(edit)) throw new ResponseError(ErrorCodes.InvalidParams, `${APPLY_EDIT_COMMAND} takes a WorkspaceEdit.`);
    if (!features.applyEdit) throw new ResponseError(LSPErrorCodes.RequestFailed, "The client cannot apply edits (workspace.applyEdit).");
    const applied = await connection.workspace.applyEdit(edit);
    if (!applied.applied) throw new ResponseError(LSPErrorCodes.RequestFailed, `The client did not apply the edit${applied.failureReason ? `: ${applied.failureReason}` : "."}`);
    return null;
  });

  /** Reads formatting settings afresh at every request (they may have changed); a config not used is said in the log once. */
  let formatSettingsReader: Promise<(file: string) => Promise<FormatOptions>> | undefined;
  /** The formatting settings of `b24layout fmt` for a file: its .prettierrc / .editorconfig. */
  const projectFormatOptions = async (uri: string): Promise<FormatOptions> => {
    const file = pathOf(uri);
    if (!file) return {};
    formatSettingsReader ??= import("../format/prettier-config.js").then(({ prettierConfigReader }) =>
      prettierConfigReader({ cache: false, cwdFor: configSearchCwd, warn: (message) => connection.console.warn(`b24layout: ${message}`) }),
    );
    try {
      return await (await formatSettingsReader)(file);
    } catch (error) {
      // `fmt` refuses to format with a config it cannot read; so does the editor, saying why.
      throw new ResponseError(LSPErrorCodes.RequestFailed, describe(error));
    }
  };

  // The editor's FormattingOptions (tabSize, insertSpaces, …) are not used: the text is formatted
  // exactly as `b24layout fmt` formats the file, so that `fmt --check` agrees with the editor.
  connection.onDocumentFormatting(async (params) => {
    const document = documents.get(params.textDocument.uri);
    return document && !isJsonDocument(document) ? formatDocument(document, await projectFormatOptions(document.uri)) : [];
  });
  connection.onDocumentRangeFormatting(async (params) => {
    const document = documents.get(params.textDocument.uri);
    return document && !isJsonDocument(document) ? formatRange(document, params.range, await projectFormatOptions(document.uri)) : [];
  });

  const current = (uri: string): CheckResult | undefined => {
    const document = documents.get(uri);
    const known = results.get(uri);
    // The handlers that ask for a check read .b24layout text: a JSON document has none of their answers.
    if (!document || isJsonDocument(document) || failed.get(uri) === document.version) return undefined;
    if (!known || known.version !== document.version) validate(document);
    return results.get(uri)?.result;
  };

  // The preview page of a document as typed (src/lsp/preview.ts); an unknown document or bad params get null.
  connection.onRequest(PREVIEW_REQUEST, (raw: unknown) => {
    const params = readPreviewParams(raw);
    const document = params && documents.get(params.textDocument.uri);
    const result = params && current(params.textDocument.uri);
    return params && document && result ? previewDocument(params, result, document.version) : null;
  });

  connection.onDocumentSymbol((params) => {
    const result = current(params.textDocument.uri);
    return result ? adaptSymbols(documentSymbols(result.document), params.textDocument.uri, features) : [];
  });
  connection.onFoldingRanges((params) => {
    const result = current(params.textDocument.uri);
    const ranges = result ? foldingRanges(result.document) : [];
    return features.foldingRangeLimit === undefined ? ranges : ranges.slice(0, features.foldingRangeLimit);
  });
  connection.onCodeAction((params) => {
    const result = current(params.textDocument.uri);
    const document = documents.get(params.textDocument.uri);
    if (!result || !document) return [];
    const only = params.context.only;
    const actions: CodeAction[] = [
      ...ruleFixActions(document, result.diagnostics, params.range, diagnosticStyle),
      ...translationActions(document, result.document, result.program, params.range),
    ].filter((a) => isWanted(a.kind, only));
    // "Fix all" checks the text again, in passes: only when asked for by kind, or when the user
    // opened the menu (not for the light bulb, which asks at every move of the cursor).
    const asked = only !== undefined && only.length > 0 ? isWanted(FIX_ALL_KIND, only) : params.context.triggerKind !== CodeActionTriggerKind.Automatic;
    if (asked) {
      const fixAll = fixAllAction(document, result.diagnostics, (text) => check(text, checkOptionsFor(document.uri)).diagnostics);
      if (fixAll) actions.push(fixAll);
    }
    return toClientActions(actions, features);
  });

  /** The parsed text of a file `file` imports (the editor's when it is open, else the disk's, bounded as imports are). */
  const importedFile = (file: string, source: string): { document: Document; text: string } | undefined => {
    const open = documents.get(pathToFileURL(source).href);
    const text = open ? open.getText() : hostFor(file).readFile(source);
    const document = open ? current(open.uri)?.document : text === undefined ? undefined : parse(text).document;
    return document && text !== undefined ? { document, text } : undefined;
  };

  /**
   * The template a reference of a document names: a fragment or declaration of the document, or a
   * fragment or layout imported from another file.
   */
  const templatesOf = (document: TextDocument, parsed: Document): TemplateLookup => {
    const file = pathOf(document.uri);
    return (target) => {
      const local = findTemplate(parsed, target);
      if (local) return { statement: local, text: document.getText() };
      if (file === undefined) return undefined;
      for (const source of importSources(parsed, file, templateSymbol(target))) {
        const other = importedFile(file, source);
        const statement = other ? findTemplate(other.document, target) : undefined;
        if (statement && other) return { statement, text: other.text, from: importPath(file, source) };
      }
      return undefined;
    };
  };

  connection.onCompletion((params) => {
    const document = documents.get(params.textDocument.uri);
    const result = current(params.textDocument.uri);
    if (!document || !result) return [];
    const file = pathOf(document.uri);
    const items = completions(document, document.offsetAt(params.position), {
      document: result.document,
      program: result.program,
      options: optionsFor(file),
      file,
      snippets: features.snippets,
      template: templatesOf(document, result.document),
      importedDocument: (source) => (file === undefined ? undefined : importedFile(file, resolve(dirname(file), source))),
      // Of the project's files, those an import of this file can reach (inside its project root).
      elsewhere: (keyword) => {
        if (file === undefined) return [];
        const root = sourceHost(file, dirname(file)).root;
        return project.declarationsOutside(file, keyword).filter((d) => isInside(root, d.path));
      },
    });
    return adaptCompletions(items, features);
  });

  connection.onHover((params) => {
    const document = documents.get(params.textDocument.uri);
    const result = current(params.textDocument.uri);
    if (!document || !result) return null;
    return adaptHover(hoverAt(result.document, result.program, document.getText(), document.offsetAt(params.position), templatesOf(document, result.document)), features);
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
    const files = new Set(documents.all().flatMap((d) => (isJsonDocument(d) ? [] : (pathOf(d.uri) ?? []))));
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
  const allOccurrences = (file: string, document: Document, symbol: NameSymbol): { file: string; document: Document; ranges: ReturnType<typeof occurrences> }[] => {
    const home = definitionFile(file, document, symbol);
    const out = [{ file: home.file, document: home.document, ranges: occurrences(home.document, symbol) }];
    if (isImportable(symbol)) {
      for (const other of workspaceFiles()) {
        if (other === home.file) continue;
        const parsed = documentOf(other);
        if (parsed && importsFrom(parsed, other, symbol, home.file)) out.push({ file: other, document: parsed, ranges: occurrences(parsed, symbol).filter((o) => !o.definition) });
      }
    }
    return out.filter((f) => f.ranges.length > 0);
  };

  const symbolFor = (uri: string, position: { line: number; character: number }): { file: string; document: Document; symbol: NameSymbol; offset: number } | undefined => {
    const open = documents.get(uri);
    const file = pathOf(uri);
    const result = current(uri);
    if (!open || !file || !result) return undefined;
    const offset = open.offsetAt(position);
    const imported = new Map([...(result.program.imports ?? [])].map(([name, i]) => [name, i.declaration.spec.keyword]));
    const symbol = symbolAt(result.document, offset, imported);
    return symbol ? { file, document: result.document, symbol, offset } : undefined;
  };

  /** The translation language go-to-definition opens: the editor's, else the project's first, else the table's first. */
  const preferredLanguages = (file: string): string[] => {
    const fromLocale = features.locale === undefined ? undefined : languageForLocale(features.locale);
    const configured = optionsFor(file).ruleOptions?.["missing-translation"]?.["languages"];
    return [...(fromLocale ? [fromLocale] : []), ...(Array.isArray(configured) ? configured.filter((l): l is string => typeof l === "string") : [])];
  };

  /** On an import's path: the start of the file it names, when it can be read (inside the project root). */
  const importedFileAt = (uri: string, position: { line: number; character: number }): Location[] => {
    const open = documents.get(uri);
    const file = pathOf(uri);
    const result = current(uri);
    if (!open || !file || !result) return [];
    const offset = open.offsetAt(position);
    const source = result.document.imports.find((i) => i.source && i.source.range.start.offset <= offset && offset <= i.source.range.end.offset)?.source;
    if (!source) return [];
    const target = resolve(dirname(file), source.value);
    const start = { line: 0, character: 0 };
    return hostFor(file).readFile(target) !== undefined ? [{ uri: pathToFileURL(target).href, range: { start, end: start } }] : [];
  };

  connection.onDefinition((params): Location[] => {
    const found = symbolFor(params.textDocument.uri, params.position);
    if (!found) return importedFileAt(params.textDocument.uri, params.position);
    const home = definitionFile(found.file, found.document, found.symbol);
    let definitions = occurrences(home.document, found.symbol).filter((o) => o.definition);
    // A key is defined once per language: one place, so the editor jumps instead of listing them.
    if (found.symbol.kind === "translation" && definitions.length > 1) {
      const preferred = preferredLanguages(found.file).map((l) => definitions.find((o) => o.language === l)).find((o) => o !== undefined);
      definitions = [preferred ?? definitions[0]!];
    }
    return definitions.map((o) => ({ uri: pathToFileURL(home.file).href, range: toLspRange(o.range) }));
  });

  connection.onReferences((params): Location[] => {
    const found = symbolFor(params.textDocument.uri, params.position);
    if (!found) return [];
    return allOccurrences(found.file, found.document, found.symbol).flatMap((f) =>
      f.ranges.filter((o) => params.context.includeDeclaration || !o.definition).map((o) => ({ uri: pathToFileURL(f.file).href, range: toLspRange(o.range) })),
    );
  });

  // The occurrences in this document only, as the editor highlights them: the definition as written, the others as read.
  connection.onDocumentHighlight((params): DocumentHighlight[] => {
    const found = symbolFor(params.textDocument.uri, params.position);
    if (!found) return [];
    return occurrences(found.document, found.symbol).map((o) => ({ range: toLspRange(o.range), kind: o.definition ? DocumentHighlightKind.Write : DocumentHighlightKind.Read }));
  });

  connection.onPrepareRename((params) => {
    const found = symbolFor(params.textDocument.uri, params.position);
    if (!found) return null;
    const here = occurrences(found.document, found.symbol).find((o) => o.range.start.offset <= found.offset && found.offset <= o.range.end.offset);
    return here ? { range: toLspRange(here.range), placeholder: found.symbol.name } : null;
  });

  connection.onRenameRequest((params): WorkspaceEdit | null => {
    const found = symbolFor(params.textDocument.uri, params.position);
    if (!found) return null;
    const files = allOccurrences(found.file, found.document, found.symbol);
    const problem = renameProblem(found.symbol, params.newName, {
      files,
      home: definitionFile(found.file, found.document, found.symbol),
      documentOf,
      workspaceFiles,
      textOf: (file) => documents.get(pathToFileURL(file).href)?.getText() ?? sourceHost(file, dirname(file)).readFile(file),
      check: (file, text, overlay) => check(text, checkOptionsFor(pathToFileURL(file).href, overlay)).diagnostics,
    });
    if (problem !== undefined) throw new ResponseError(ErrorCodes.InvalidParams, problem);
    const edits = files.map((f) => ({ uri: pathToFileURL(f.file).href, edits: f.ranges.map((o) => ({ range: toLspRange(o.range), newText: params.newName })) }));
    // Versioned where the client takes them: it then refuses the edit of a document changed since (a file not open has no version).
    if (features.documentChanges) return { documentChanges: edits.map((e) => ({ textDocument: { uri: e.uri, version: documents.get(e.uri)?.version ?? null }, edits: e.edits })) };
    return { changes: Object.fromEntries(edits.map((e) => [e.uri, e.edits])) };
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

/**
 * `b24layout lsp --stdio`: serves the process's stdin and stdout until the client exits (status 0
 * after `shutdown`, else 1, as LSP says), or until stdin ends (the client is gone: the same status).
 */
export function runLanguageServer(): void {
  // The process should run with LANGUAGE_SERVER_NODE_FLAGS (src/lsp/heap.ts): the CLI's loader and
  // the VS Code extension start it so.
  const writer = new StreamMessageWriter(process.stdout);
  const reader = new RecoveringMessageReader(process.stdin, (problem) => {
    process.stderr.write(`b24layout lsp: ${problem.message}\n`);
    if (problem.id !== undefined) void writer.write({ jsonrpc: "2.0", id: problem.id, error: { code: problem.code, message: problem.message } } as ResponseMessage);
  });
  const connection = createConnection(ProposedFeatures.all, reader, writer);
  let shutdownRequested = false;
  connection.onShutdown(() => {
    shutdownRequested = true;
  });
  const exitWithClient = () => process.exit(shutdownRequested ? 0 : 1);
  process.stdin.on("end", exitWithClient);
  process.stdin.on("close", exitWithClient);
  // A promise nobody waited for (a client request that failed) is logged, never the end of the server.
  process.on("unhandledRejection", (reason) => {
    process.stderr.write(`b24layout lsp: ${reason instanceof Error ? (reason.stack ?? reason.message) : String(reason)}\n`);
  });
  startServer(connection);
}
