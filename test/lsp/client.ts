/**
 * A real LSP client for the tests: it starts `b24layout lsp --stdio` (the built package,
 * dist/cli.js: `npm test` builds first) and talks JSON-RPC to it over the process's pipes.
 *
 * The client declares the capabilities it is given: FULL_CAPABILITIES (what VS Code declares for
 * the features the server has), or `{}` (a client with none of the optional ones). It answers the
 * server's requests as told (registrations accepted or refused, settings, applyEdit) and records
 * them.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { resolve } from "node:path";
import {
  ApplyWorkspaceEditRequest,
  ConfigurationRequest,
  createProtocolConnection,
  InitializeRequest,
  InitializedNotification,
  ExitNotification,
  ShutdownRequest,
  PublishDiagnosticsNotification,
  LogMessageNotification,
  DidOpenTextDocumentNotification,
  DidChangeTextDocumentNotification,
  RegistrationRequest,
  ResponseError,
  StreamMessageReader,
  StreamMessageWriter,
  type ApplyWorkspaceEditParams,
  type ClientCapabilities,
  type InitializeResult,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type RegistrationParams,
  type TextDocumentContentChangeEvent,
} from "vscode-languageserver-protocol/node";

const ROOT = resolve(import.meta.dirname, "../..");

/** The capabilities VS Code 1.9x declares for what this server offers. */
export const FULL_CAPABILITIES: ClientCapabilities = {
  general: { positionEncodings: ["utf-16"] },
  workspace: {
    applyEdit: true,
    configuration: true,
    didChangeConfiguration: { dynamicRegistration: true },
    didChangeWatchedFiles: { dynamicRegistration: true, relativePatternSupport: true },
    workspaceFolders: true,
  },
  textDocument: {
    synchronization: { dynamicRegistration: true, didSave: true },
    completion: {
      completionItem: { snippetSupport: true, documentationFormat: ["markdown", "plaintext"], insertReplaceSupport: true, labelDetailsSupport: true },
      completionItemKind: { valueSet: Array.from({ length: 25 }, (_, i) => (i + 1) as 1) },
      contextSupport: true,
    },
    hover: { contentFormat: ["markdown", "plaintext"] },
    codeAction: {
      codeActionLiteralSupport: { codeActionKind: { valueSet: ["", "quickfix", "refactor", "refactor.extract", "source", "source.fixAll"] } },
      isPreferredSupport: true,
    },
    publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true, tagSupport: { valueSet: [1, 2] } },
    documentSymbol: { hierarchicalDocumentSymbolSupport: true, symbolKind: { valueSet: Array.from({ length: 26 }, (_, i) => (i + 1) as 1) } },
    foldingRange: { rangeLimit: 5000, lineFoldingOnly: true },
    rename: { prepareSupport: true },
    definition: { linkSupport: true },
    semanticTokens: { requests: { full: true }, tokenTypes: [], tokenModifiers: [], formats: ["relative"] },
  },
};

export interface ClientOptions {
  /** FULL_CAPABILITIES by default. */
  readonly capabilities?: ClientCapabilities;
  /** Answer every client/registerCapability with an error (as Emacs eglot does for globs it cannot read). */
  readonly refuseRegistrations?: boolean;
  /** What workspace/configuration answers for `b24layout` (null by default). */
  readonly settings?: unknown;
  readonly locale?: string;
  readonly initializationOptions?: unknown;
  /** Answer workspace/applyEdit with applied: true (and record the edit). */
  readonly applyEdits?: boolean;
}

export interface TestClient {
  readonly connection: ProtocolConnection;
  /** The process started (`b24layout lsp`, which serves from a child of its own: see src/lsp/process.test.ts). */
  readonly process: ChildProcess;
  readonly initializeResult: InitializeResult;
  /** The registrations the server asked for, in order (whether accepted or refused). */
  readonly registrations: RegistrationParams[];
  /** The edits the server asked the client to apply. */
  readonly appliedEdits: ApplyWorkspaceEditParams[];
  /** Opens a document (a .b24layout one unless `languageId` says otherwise) and resolves with its first diagnostics. */
  open(uri: string, text: string, version?: number, languageId?: string): Promise<PublishDiagnosticsParams>;
  /** Sends a change and resolves with the diagnostics of that version (the next ones, for a client without versions). */
  change(uri: string, version: number, changes: TextDocumentContentChangeEvent[]): Promise<PublishDiagnosticsParams>;
  /** The next diagnostics published for `uri` (of at least `version`, when given and the server sends versions). */
  diagnosticsFor(uri: string, version?: number): Promise<PublishDiagnosticsParams>;
  /** Settles once the server has sent (and the client answered) `count` registrations. */
  registered(count: number): Promise<void>;
  /** Resolves with the first message the server logged (window/logMessage), or logs later, that matches. */
  logged(pattern: RegExp): Promise<string>;
  stop(): Promise<void>;
}

export async function startClient(rootUri: string, options: ClientOptions = {}): Promise<TestClient> {
  const child: ChildProcess = spawn(process.execPath, [resolve(ROOT, "dist/cli.js"), "lsp", "--stdio"], { stdio: ["pipe", "pipe", "pipe"] });
  // The server's log lines (refused registrations and the like) are not test output.
  child.stderr!.resume();
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  const published: PublishDiagnosticsParams[] = [];
  const waiting: { uri: string; version: number | undefined; resolve: (p: PublishDiagnosticsParams) => void }[] = [];
  const registrations: RegistrationParams[] = [];
  const registrationWaiters: { count: number; resolve: () => void }[] = [];
  const appliedEdits: ApplyWorkspaceEditParams[] = [];
  const logs: string[] = [];
  const logWaiters: { pattern: RegExp; resolve: (message: string) => void }[] = [];
  connection.onNotification(LogMessageNotification.type, (params) => {
    logs.push(params.message);
    for (const w of logWaiters.filter((x) => x.pattern.test(params.message))) {
      logWaiters.splice(logWaiters.indexOf(w), 1);
      w.resolve(params.message);
    }
  });
  connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
    const i = waiting.findIndex((w) => w.uri === params.uri && (w.version === undefined || params.version === undefined || params.version >= w.version));
    if (i >= 0) waiting.splice(i, 1)[0]!.resolve(params);
    else published.push(params);
  });
  connection.onRequest(RegistrationRequest.type, (params) => {
    registrations.push(params);
    queueMicrotask(() => {
      for (const w of registrationWaiters.filter((x) => registrations.length >= x.count)) w.resolve();
    });
    if (options.refuseRegistrations) throw new ResponseError(-32600, "registration refused by the test client");
  });
  connection.onRequest(ConfigurationRequest.type, (params) => params.items.map(() => options.settings ?? null));
  connection.onRequest(ApplyWorkspaceEditRequest.type, (params) => {
    appliedEdits.push(params);
    return { applied: options.applyEdits === true };
  });
  connection.listen();
  const initializeResult = await connection.sendRequest(InitializeRequest.type, {
    processId: process.pid,
    rootUri,
    capabilities: options.capabilities ?? FULL_CAPABILITIES,
    workspaceFolders: null,
    ...(options.locale !== undefined ? { locale: options.locale } : {}),
    ...(options.initializationOptions !== undefined ? { initializationOptions: options.initializationOptions } : {}),
  });
  await connection.sendNotification(InitializedNotification.type, {});

  const diagnosticsFor = (uri: string, version?: number) =>
    new Promise<PublishDiagnosticsParams>((resolvePromise) => {
      const i = published.findIndex((p) => p.uri === uri && (version === undefined || p.version === undefined || p.version >= version));
      if (i >= 0) resolvePromise(published.splice(i, 1)[0]!);
      else waiting.push({ uri, version, resolve: resolvePromise });
    });

  return {
    connection,
    process: child,
    initializeResult,
    registrations,
    appliedEdits,
    diagnosticsFor,
    registered: (count) => new Promise<void>((r) => (registrations.length >= count ? r() : registrationWaiters.push({ count, resolve: r }))),
    logged: (pattern) =>
      new Promise<string>((r) => {
        const found = logs.find((m) => pattern.test(m));
        if (found !== undefined) r(found);
        else logWaiters.push({ pattern, resolve: r });
      }),
    async open(uri, text, version = 1, languageId = "b24layout") {
      // Diagnostics published for this uri before it was opened (a close's empty list) are not its.
      for (let i = published.length - 1; i >= 0; i--) if (published[i]!.uri === uri) published.splice(i, 1);
      const next = diagnosticsFor(uri, version);
      await connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version, text } });
      return next;
    },
    async change(uri, version, changes) {
      const next = diagnosticsFor(uri, version);
      await connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: changes });
      return next;
    },
    async stop() {
      await connection.sendRequest(ShutdownRequest.type);
      await connection.sendNotification(ExitNotification.type);
      await new Promise<void>((r) => (child.exitCode !== null ? r() : child.once("exit", () => r())));
      connection.dispose();
    },
  };
}

/** An LSP position (0-based line and UTF-16 character) of `offset` in `text`. */
function positionOfOffset(text: string, offset: number): { line: number; character: number } {
  const before = text.slice(0, offset).split("\n");
  return { line: before.length - 1, character: before.at(-1)!.length };
}

/** The position of the `occurrence`-th `needle` in `text` (plus `shift` characters). */
export function positionOf(text: string, needle: string, shift = 0, occurrence = 0): { line: number; character: number } {
  let offset = -1;
  for (let i = 0; i <= occurrence; i++) offset = text.indexOf(needle, offset + 1);
  if (offset < 0) throw new Error(`no ${needle}`);
  return positionOfOffset(text, offset + shift);
}

/** A source written with `§` where the cursor is: the text without it, and the cursor's position. */
export function withCursor(source: string): { text: string; position: { line: number; character: number } } {
  const offset = source.indexOf("§");
  const text = source.replace("§", "");
  return { text, position: positionOfOffset(text, offset) };
}
