/**
 * JSON documents in the language server, with a client that declares no optional capability (as
 * Neovim or Helix may when they send `json` buffers to every server that takes them): a JSON file
 * that is no payload (package.json, tsconfig.json) gets no findings, and none of the handlers written
 * for .b24layout text answers anything on a JSON document; the .b24layout documents open beside it
 * are served as before.
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
  DocumentHighlightRequest,
  DocumentRangeFormattingRequest,
  DocumentSymbolRequest,
  FoldingRangeRequest,
  HoverRequest,
  ReferencesRequest,
  RenameRequest,
  SemanticTokensRequest,
} from "vscode-languageserver-protocol/node";
import { scratch } from "../cli/fixtures.js";
import { startClient, type TestClient } from "./client.js";

/** JSON that, read as .b24layout, would be a syntax error and would be "formatted". */
const PACKAGE_JSON = '{\n  "name": "app",\n  "scripts": { "layout": "b24layout build" },\n  "layout": true\n}\n';
const TSCONFIG = '// comments are allowed in jsonc\n{ "compilerOptions": { "strict": true } }\n';

describe("JSON documents that are no payload", () => {
  let client: TestClient;
  let dir: string;
  const uri = (name: string) => pathToFileURL(join(dir, name)).href;

  beforeAll(async () => {
    dir = scratch({ "package.json": PACKAGE_JSON, "b24layout.config.json": "{}" });
    client = await startClient(pathToFileURL(dir).href, { capabilities: {} });
  }, 30_000);
  afterAll(async () => client.stop());

  it.each([
    ["package.json", "json", PACKAGE_JSON],
    ["tsconfig.json", "jsonc", TSCONFIG],
    // A client that sends another language id for a .json file (an empty one, plaintext): known by its name.
    ["data.json", "plaintext", PACKAGE_JSON],
    ["b24layout.config.json", "json", "{}"],
  ])("%s (language id %s) gets no findings", async (name, languageId, text) => {
    const published = await client.open(uri(name), text, 1, languageId);
    expect(published).toEqual({ uri: uri(name), diagnostics: [] });
  });

  it("gets no answer from the handlers written for .b24layout text", async () => {
    const textDocument = { uri: uri("package.json") };
    const position = { line: 3, character: 5 };
    const range = { start: { line: 0, character: 0 }, end: { line: 4, character: 1 } };
    const send = client.connection.sendRequest.bind(client.connection);
    expect(await send(CompletionRequest.type, { textDocument, position })).toEqual([]);
    expect(await send(HoverRequest.type, { textDocument, position })).toBeNull();
    expect(await send(DocumentFormattingRequest.type, { textDocument, options: { tabSize: 2, insertSpaces: true } })).toEqual([]);
    expect(await send(DocumentRangeFormattingRequest.type, { textDocument, range, options: { tabSize: 2, insertSpaces: true } })).toEqual([]);
    expect(await send(DocumentSymbolRequest.type, { textDocument })).toEqual([]);
    expect(await send(FoldingRangeRequest.type, { textDocument })).toEqual([]);
    expect(await send(SemanticTokensRequest.type, { textDocument })).toEqual({ data: [] });
    expect(await send(CodeActionRequest.type, { textDocument, range, context: { diagnostics: [] } })).toEqual([]);
    expect(await send(DefinitionRequest.type, { textDocument, position })).toEqual([]);
    expect(await send(ReferencesRequest.type, { textDocument, position, context: { includeDeclaration: true } })).toEqual([]);
    expect(await send(DocumentHighlightRequest.type, { textDocument, position })).toEqual([]);
    expect(await send(RenameRequest.type, { textDocument, position, newName: "x" })).toBeNull();
  });

  it("leaves the .b24layout documents beside it served as before", async () => {
    const layout = await client.open(uri("a.b24layout"), 'layout a {\n  icon call\n  header "A"\n  body { logo call\n    text "x" { bold "true" } }\n}\n');
    expect(layout.diagnostics.map((d) => d.code)).toEqual(["unknown-code", "string-boolean"]);
    await client.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri: uri("package.json") } });
    const reopened = await client.open(uri("package.json"), PACKAGE_JSON, 2, "json");
    expect(reopened).toEqual({ uri: uri("package.json"), diagnostics: [] });
  });
});
