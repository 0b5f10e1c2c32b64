/**
 * Diagnostics latency of the language server through a real LSP client over stdio: a 2,000-line
 * document is opened, then changed one character at a time (incremental sync), and each change is
 * timed from sending didChange to receiving the diagnostics of that version.
 *
 * `where` picks the line typed into: "middle" (a string of a layout in the middle of the file:
 * the server re-checks that declaration) or "translations" (a text of the translation table, which
 * every declaration depends on: all of them are lowered and checked again).
 */
import { spawn } from "node:child_process";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const protocol = require("vscode-languageserver-protocol/node");

export async function measureLspLatency(cliPath, text, changes, where = "middle") {
  const child = spawn(process.execPath, [cliPath, "lsp", "--stdio"], { stdio: ["pipe", "pipe", "inherit"] });
  const connection = protocol.createProtocolConnection(new protocol.StreamMessageReader(child.stdout), new protocol.StreamMessageWriter(child.stdin));
  const waiting = new Map();
  connection.onNotification(protocol.PublishDiagnosticsNotification.type, (params) => {
    const resolve = waiting.get(params.version);
    if (resolve) {
      waiting.delete(params.version);
      resolve(params);
    }
  });
  connection.listen();
  // Diagnostics carry their document version only for a client that declares versionSupport.
  await connection.sendRequest(protocol.InitializeRequest.type, { processId: process.pid, rootUri: null, capabilities: { textDocument: { publishDiagnostics: { versionSupport: true } } }, workspaceFolders: null });
  await connection.sendNotification(protocol.InitializedNotification.type, {});
  const uri = "file:///bench/large.b24layout";
  const next = (version) => new Promise((resolve) => waiting.set(version, resolve));
  const opened = next(1);
  await connection.sendNotification(protocol.DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: "b24layout", version: 1, text } });
  const first = await opened;
  // A line in the middle, changed by typing a character into a string and deleting it again.
  const lines = text.split("\n");
  const table = lines.findIndex((l) => l.startsWith("translations"));
  const line = lines.findIndex((l, i) => (where === "translations" ? i > table : i > lines.length / 2) && l.includes('"'));
  if (line < 0) throw new Error(`no line to type into (${where})`);
  const character = lines[line].indexOf('"') + 1;
  const ms = [];
  for (let version = 2; version < changes + 2; version++) {
    const typed = version % 2 === 0;
    const change = typed
      ? { range: { start: { line, character }, end: { line, character } }, text: "x" }
      : { range: { start: { line, character }, end: { line, character: character + 1 } }, text: "" };
    const published = next(version);
    const start = performance.now();
    await connection.sendNotification(protocol.DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: [change] });
    await published;
    ms.push(performance.now() - start);
  }
  await connection.sendRequest(protocol.ShutdownRequest.type);
  await connection.sendNotification(protocol.ExitNotification.type);
  connection.dispose();
  return { ms, initialDiagnostics: first.diagnostics.length };
}
