/**
 * Requests and documents a client should not send, over stdio to the built server: positions far
 * out of range, malformed parameters, unknown, closed and foreign URIs, huge and deeply nested
 * documents, cancelled requests. The server answers each (a result, or an error for what cannot be
 * answered) and goes on answering.
 */
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  CodeActionRequest,
  CompletionRequest,
  DefinitionRequest,
  DidCloseTextDocumentNotification,
  DocumentFormattingRequest,
  DocumentRangeFormattingRequest,
  DocumentSymbolRequest,
  FoldingRangeRequest,
  HoverRequest,
  PrepareRenameRequest,
  ReferencesRequest,
  RenameRequest,
  SemanticTokensRequest,
  type DocumentSymbol,
  type Position,
} from "vscode-languageserver-protocol/node";
import { scratch } from "../cli/fixtures.js";
import { startClient, type TestClient } from "./client.js";

const LAYOUT = 'translations {\n  en { a "A" }\n}\nlayout l(x: int) {\n  icon info\n  header @a\n  body {\n    logo document\n    text "${x}"\n  }\n}\n';

let client: TestClient;
let dir: string;
const uri = (name: string) => pathToFileURL(join(dir, name)).href;

/** The server still answers: the outline of the open test document. */
async function alive(): Promise<void> {
  const symbols = (await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: uri("a.b24layout") } })) as DocumentSymbol[];
  expect(symbols.map((s) => s.name)).toEqual(["translations", "l"]);
}

beforeAll(async () => {
  dir = scratch({ "package.json": "{}" });
  client = await startClient(pathToFileURL(dir).href);
  await client.open(uri("a.b24layout"), LAYOUT);
}, 30_000);
afterAll(async () => client.stop());

describe("positions out of range", () => {
  const positions: Position[] = [
    { line: 1_000_000_000, character: 5 },
    { line: 3, character: 1_000_000_000 },
    { line: -1, character: -5 },
  ];
  it.each(positions)("at %o every request is answered", async (position) => {
    const textDocument = { uri: uri("a.b24layout") };
    const range = { start: position, end: position };
    await client.connection.sendRequest(CompletionRequest.type, { textDocument, position });
    await client.connection.sendRequest(HoverRequest.type, { textDocument, position });
    expect(await client.connection.sendRequest(DefinitionRequest.type, { textDocument, position })).toEqual([]);
    expect(await client.connection.sendRequest(ReferencesRequest.type, { textDocument, position, context: { includeDeclaration: true } })).toEqual([]);
    expect(await client.connection.sendRequest(PrepareRenameRequest.type, { textDocument, position })).toBeNull();
    expect(await client.connection.sendRequest(RenameRequest.type, { textDocument, position, newName: "b" })).toBeNull();
    expect(await client.connection.sendRequest(CodeActionRequest.type, { textDocument, range, context: { diagnostics: [] } })).toEqual([]);
    expect(await client.connection.sendRequest(DocumentRangeFormattingRequest.type, { textDocument, range, options: { tabSize: 2, insertSpaces: true } })).toEqual([]);
    await alive();
  });
});

describe("malformed parameters", () => {
  it("answers a request whose handler fails with an error, and goes on", async () => {
    const bad = { textDocument: { uri: uri("a.b24layout") }, position: null } as unknown as { textDocument: { uri: string }; position: Position };
    await expect(client.connection.sendRequest(HoverRequest.type, bad)).rejects.toMatchObject({ code: -32603 });
    await expect(client.connection.sendRequest(CompletionRequest.type, bad)).rejects.toMatchObject({ code: -32603 });
    await alive();
  });
});

describe("documents the server does not have", () => {
  it.each(["file:///nowhere/x.b24layout", "untitled:Untitled-1", "not a uri"])("answers requests for %s with nothing", async (u) => {
    const textDocument = { uri: u };
    const position = { line: 0, character: 0 };
    expect(await client.connection.sendRequest(CompletionRequest.type, { textDocument, position })).toEqual([]);
    expect(await client.connection.sendRequest(HoverRequest.type, { textDocument, position })).toBeNull();
    expect(await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument })).toEqual([]);
    expect(await client.connection.sendRequest(FoldingRangeRequest.type, { textDocument })).toEqual([]);
    expect(await client.connection.sendRequest(SemanticTokensRequest.type, { textDocument })).toEqual({ data: [] });
    expect(await client.connection.sendRequest(DocumentFormattingRequest.type, { textDocument, options: { tabSize: 2, insertSpaces: true } })).toEqual([]);
    await alive();
  });

  it("answers requests for a closed document with nothing, and clears its diagnostics", async () => {
    const u = uri("closed.b24layout");
    await client.open(u, LAYOUT.replace("icon info", "icon nope"));
    const cleared = client.diagnosticsFor(u);
    await client.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri: u } });
    expect((await cleared).diagnostics).toEqual([]);
    expect(await client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri: u }, position: { line: 4, character: 7 } })).toEqual([]);
    expect(await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: u } })).toEqual([]);
  });

  it("checks a document whose file URI names another host (no local path) as text", async () => {
    const published = await client.open("file://fileserver/share/remote.b24layout", LAYOUT.replace("icon info", "icon nope"));
    expect(published.diagnostics.map((d) => d.code)).toEqual(["unknown-code"]);
    expect(await client.connection.sendRequest(DocumentFormattingRequest.type, { textDocument: { uri: "file://fileserver/share/remote.b24layout" }, options: { tabSize: 2, insertSpaces: true } })).toEqual([]);
  });
});

describe("huge and deep documents", () => {
  it("checks a document of 3,000 declarations", async () => {
    const text = Array.from({ length: 3_000 }, (_, i) => `badge b${i} warning {\n  title "Title ${i}"\n  value "v"\n}\n`).join("");
    const published = await client.open(uri("huge.b24layout"), text);
    expect(published.diagnostics).toEqual([]);
    const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: uri("huge.b24layout") }, position: { line: 11_997, character: 3 } });
    expect(hover?.contents).toMatchObject({ kind: "markdown" });
  }, 30_000);

  it("answers for a document nested thousands deep, with a diagnostic on it", async () => {
    const depth = 5000;
    const text = `blocks deep {\n${"lineOfBlocks {\n".repeat(depth)}${"}\n".repeat(depth)}}\n`;
    const published = await client.open(uri("deep.b24layout"), text);
    expect(published.diagnostics.length).toBeGreaterThan(0);
    expect(published.diagnostics[0]!.severity).toBe(1);
    await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: uri("deep.b24layout") } });
    await client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri: uri("deep.b24layout") }, position: { line: 2000, character: 0 } });
    await alive();
  }, 30_000);
});

describe("cancelled requests", () => {
  it("answers a cancelled request with its result or RequestCancelled, and goes on", async () => {
    const pending = client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: uri("a.b24layout") } });
    // The protocol connection numbers requests from 0; this one is the latest.
    await client.connection.sendNotification("$/cancelRequest", { id: 999_999 });
    await client.connection.sendNotification("$/cancelRequest", { id: "not a request" });
    await client.connection.sendNotification("$/cancelRequest", {});
    const settled = await pending.then(
      (result) => ({ result }),
      (error: { code: number }) => ({ code: error.code }),
    );
    expect("result" in settled || settled.code === -32800).toBe(true);
    await alive();
  });
});
