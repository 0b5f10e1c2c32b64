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
  DidChangeConfigurationNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
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

/** crm.activity.configurable.add params with three mistakes: "N" for false, no icon, no logo. */
const ACTIVITY = `{
  "ownerTypeId": 2,
  "ownerId": 7,
  "fields": { "typeId": "CONFIGURABLE", "completed": "N" },
  "layout": {
    "header": { "title": "Call" },
    "body": { "blocks": { "t": { "type": "text", "properties": { "value": "x" } } } }
  }
}
`;
const at = (line: number, character: number) => ({ line, character });

describe("JSON payload files", () => {
  let client: TestClient;
  let dir: string;
  const uri = (name: string) => pathToFileURL(join(dir, name)).href;
  /** The rule ids and start positions of a document's diagnostics. */
  const found = (published: { diagnostics: { code?: string | number; range: { start: unknown } }[] }) => published.diagnostics.map((d) => [d.code, d.range.start]);
  const ACTIVITY_FINDINGS = [
    ["string-boolean", at(3, 53)],
    ["required-field", at(4, 12)],
    ["required-field", at(6, 12)],
  ];

  beforeAll(async () => {
    dir = scratch({ "package.json": "{}", "b24layout.config.json": '{ "overrides": [{ "files": ["payloads/*.jsonc"], "rules": { "required-field": "warn" } }] }' });
    client = await startClient(pathToFileURL(dir).href, {
      capabilities: {},
      initializationOptions: { payloadFiles: { "payloads/*.{json,jsonc}": "activity", "raw/*.json": "auto", "*.card.json": "off" } },
    });
  }, 30_000);
  afterAll(async () => client.stop());

  it("gets the checker's findings at the keys and values concerned, by the names build writes", async () => {
    const published = await client.open(uri("dist/call.activity.json"), ACTIVITY, 1, "json");
    expect(found(published)).toEqual(ACTIVITY_FINDINGS);
    expect(published.diagnostics[0]).toEqual({
      range: { start: at(3, 53), end: at(3, 56) },
      severity: 2,
      code: "string-boolean",
      source: "b24layout",
      message: "'completed' expects a boolean, not the string \"N\". The server accepts it here and reads it as false; write false.",
    });
  });

  it("by the globs of b24layout.payloadFiles, as their kind or recognised by their shape", async () => {
    expect(found(await client.open(uri("payloads/add.json"), ACTIVITY, 1, "json"))).toEqual(ACTIVITY_FINDINGS);
    expect(found(await client.open(uri("raw/add.json"), ACTIVITY, 1, "json"))).toEqual(ACTIVITY_FINDINGS);
    // The kind the glob gives is what is checked, not what the shape looks like: a bare layout is no activity.
    expect((await client.open(uri("payloads/layout.json"), '{ "icon": { "code": "call" } }', 1, "json")).diagnostics.map((d) => d.code)).toEqual([
      "activity-target",
      "unknown-property",
    ]);
    // Turned off: the default glob no longer makes a payload.
    expect(await client.open(uri("deal.card.json"), "{ nonsense", 1, "json")).toEqual({ uri: uri("deal.card.json"), diagnostics: [] });
  });

  it("is checked again as it is typed; a syntax error is one finding where it is", async () => {
    const fixed = await client.change(uri("payloads/add.json"), 2, [{ range: { start: at(3, 53), end: at(3, 56) }, text: "false" }]);
    expect(found(fixed)).toEqual(ACTIVITY_FINDINGS.slice(1));
    const broken = await client.change(uri("payloads/add.json"), 3, [{ range: { start: at(1, 18), end: at(1, 18) }, text: "," }]);
    expect(found(broken)).toEqual([["syntax-error", at(1, 19)]]);
  });

  it("reads comments in jsonc, and follows the project's config", async () => {
    const published = await client.open(uri("payloads/commented.jsonc"), `// the call of the day\n${ACTIVITY}`, 1, "jsonc");
    expect(published.diagnostics.map((d) => [d.code, d.severity, d.range.start])).toEqual([
      ["string-boolean", 2, at(4, 53)],
      ["required-field", 2, at(5, 12)],
      ["required-field", 2, at(7, 12)],
    ]);
    expect((await client.open(uri("payloads/add2.json"), ACTIVITY, 1, "json")).diagnostics.map((d) => [d.code, d.severity])).toEqual([
      ["string-boolean", 2],
      ["required-field", 1],
      ["required-field", 1],
    ]);
  });

  it("loses its findings when the setting stops making it a payload, and when it closes", async () => {
    const cleared = client.diagnosticsFor(uri("dist/call.activity.json"));
    await client.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: { b24layout: { payloadFiles: { "*.activity.json": "off" } } } });
    expect(await cleared).toEqual({ uri: uri("dist/call.activity.json"), diagnostics: [] });
    const closed = client.diagnosticsFor(uri("raw/add.json"));
    await client.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri: uri("raw/add.json") } });
    expect(await closed).toEqual({ uri: uri("raw/add.json"), diagnostics: [] });
  });
});

describe("JSON payload files the project's config includes", () => {
  let client: TestClient;
  let dir: string;
  const uri = (name: string) => pathToFileURL(join(dir, name)).href;
  const CONFIG = JSON.stringify({
    include: ["payloads/**/*.json"],
    ignore: ["payloads/old/**"],
    overrides: [{ files: ["payloads/badges/*.json", "elsewhere/*.activity.json"], kind: "badge" }],
  });

  beforeAll(async () => {
    dir = scratch({ "package.json": "{}", "b24layout.config.json": CONFIG });
    client = await startClient(pathToFileURL(dir).href, { capabilities: {} });
  }, 30_000);
  afterAll(async () => client.stop());

  it("are checked as `b24layout check .` checks them: those its include takes, but not those it ignores", async () => {
    const codes = async (name: string) => (await client.open(uri(name), ACTIVITY, 1, "json")).diagnostics.map((d) => d.code);
    expect(await codes("payloads/call.json")).toEqual(["string-boolean", "required-field", "required-field"]);
    expect(await codes("payloads/old/call.json")).toEqual([]);
    expect(await codes("other/call.json")).toEqual([]);
  });

  it("as the kind an override gives, over the shape and over the editor's setting", async () => {
    const codes = async (name: string) => (await client.open(uri(name), ACTIVITY, 1, "json")).diagnostics.map((d) => d.code);
    // Activity params read as a badge: a badge's four fields missing, the activity's four keys unknown to it.
    const asBadge = [...Array<string>(4).fill("required-field"), ...Array<string>(4).fill("unknown-property")];
    expect(await codes("payloads/badges/call.json")).toEqual(asBadge);
    expect(await codes("elsewhere/call.activity.json")).toEqual(asBadge);
  });
});

describe("the config file open as JSON", () => {
  let client: TestClient;
  let dir: string;
  const uri = (name: string) => pathToFileURL(join(dir, name)).href;
  const CONFIG = '{ "rules": { "no-such-rule": "off" } }';

  beforeAll(async () => {
    dir = scratch({ "package.json": "{}", "b24layout.config.json": CONFIG });
    client = await startClient(pathToFileURL(dir).href, { capabilities: {}, settings: { payloadFiles: { "*.json": "auto" } } });
  }, 30_000);
  afterAll(async () => client.stop());

  it("keeps the config's problems the server shows on it: it is never checked as a payload, nor cleared", async () => {
    const problems = client.diagnosticsFor(uri("b24layout.config.json"));
    await client.open(uri("a.b24layout"), 'badge b { title "T"\n value "V"\n type success }\n');
    expect((await problems).diagnostics.map((d) => d.message)).toEqual([expect.stringContaining("no-such-rule")]);
    await client.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: uri("b24layout.config.json"), languageId: "json", version: 1, text: CONFIG } });
    await client.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri: uri("b24layout.config.json") } });
    // Checking another file shows the config's problems again; nothing was published on the config in between (an empty list would come first).
    await client.open(uri("b.b24layout"), 'badge c { title "T"\n value "V"\n type success }\n');
    expect((await client.diagnosticsFor(uri("b24layout.config.json"))).diagnostics.map((d) => d.message)).toEqual([expect.stringContaining("no-such-rule")]);
  });
});
