/**
 * A real LSP client for the tests: it starts `b24layout lsp --stdio` (the built package,
 * dist/cli.js: `npm test` builds first) and talks JSON-RPC to it over the process's pipes.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { resolve } from "node:path";
import {
  createProtocolConnection,
  InitializeRequest,
  InitializedNotification,
  ExitNotification,
  ShutdownRequest,
  PublishDiagnosticsNotification,
  DidOpenTextDocumentNotification,
  DidChangeTextDocumentNotification,
  StreamMessageReader,
  StreamMessageWriter,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type TextDocumentContentChangeEvent,
} from "vscode-languageserver-protocol/node";

const ROOT = resolve(import.meta.dirname, "../..");

export interface TestClient {
  readonly connection: ProtocolConnection;
  /** The process started (`b24layout lsp`, which serves from a child of its own: see src/cli/loader.ts). */
  readonly process: ChildProcess;
  /** Opens a document and resolves with its first diagnostics. */
  open(uri: string, text: string): Promise<PublishDiagnosticsParams>;
  /** Sends a change and resolves with the diagnostics of that version. */
  change(uri: string, version: number, changes: TextDocumentContentChangeEvent[]): Promise<PublishDiagnosticsParams>;
  /** The next diagnostics published for `uri` (of at least `version`, when given). */
  diagnosticsFor(uri: string, version?: number): Promise<PublishDiagnosticsParams>;
  stop(): Promise<void>;
}

export async function startClient(rootUri: string): Promise<TestClient> {
  const child: ChildProcess = spawn(process.execPath, [resolve(ROOT, "dist/cli.js"), "lsp", "--stdio"], { stdio: ["pipe", "pipe", "inherit"] });
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  const published: PublishDiagnosticsParams[] = [];
  const waiting: { uri: string; version: number | undefined; resolve: (p: PublishDiagnosticsParams) => void }[] = [];
  connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
    const i = waiting.findIndex((w) => w.uri === params.uri && (w.version === undefined || (params.version ?? -1) >= w.version));
    if (i >= 0) waiting.splice(i, 1)[0]!.resolve(params);
    else published.push(params);
  });
  connection.listen();
  await connection.sendRequest(InitializeRequest.type, { processId: process.pid, rootUri, capabilities: {}, workspaceFolders: null });
  await connection.sendNotification(InitializedNotification.type, {});

  const diagnosticsFor = (uri: string, version?: number) =>
    new Promise<PublishDiagnosticsParams>((resolvePromise) => {
      const i = published.findIndex((p) => p.uri === uri && (version === undefined || (p.version ?? -1) >= version));
      if (i >= 0) resolvePromise(published.splice(i, 1)[0]!);
      else waiting.push({ uri, version, resolve: resolvePromise });
    });

  return {
    connection,
    process: child,
    diagnosticsFor,
    async open(uri, text) {
      const next = diagnosticsFor(uri, 1);
      await connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: "b24layout", version: 1, text } });
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
