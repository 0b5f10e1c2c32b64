/**
 * The server with clients other than VS Code: one that declares no optional capability at all
 * (`capabilities: {}`), one that can only apply edits, and one that declares everything but refuses
 * every registration (as Emacs eglot refuses file watchers whose glob it cannot read). Each gets
 * baseline answers it can take, and keeps working.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  CodeActionRequest,
  CompletionRequest,
  DidChangeConfigurationNotification,
  DidSaveTextDocumentNotification,
  DocumentSymbolRequest,
  ExecuteCommandRequest,
  HoverRequest,
  RenameRequest,
  type Command,
  type CompletionItem,
} from "vscode-languageserver-protocol/node";
import { scratch } from "../cli/fixtures.js";
import { FULL_CAPABILITIES, startClient, type TestClient } from "./client.js";

const LAYOUT = `translations {
  en { client "Client" }
  de { client "Kunde" }
}

layout call {
  icon my-own-icon
  header @client
  body {
    logo call
    text "x" { bold "true" }
  }
}
`;

describe("a client that declares no optional capability", () => {
  let client: TestClient;
  let dir: string;
  const uri = (name: string) => pathToFileURL(join(dir, name)).href;

  beforeAll(async () => {
    dir = scratch({ "package.json": "{}", "b24layout.config.json": '{ "rules": { "unknown-code": "off" } }' });
    client = await startClient(pathToFileURL(dir).href, { capabilities: {} });
  }, 30_000);
  afterAll(async () => client.stop());

  it("is told of no option that needs a capability: no code actions (it cannot apply edits), no rename preparation", () => {
    const capabilities = client.initializeResult.capabilities;
    expect(capabilities.codeActionProvider).toBeUndefined();
    expect(capabilities.executeCommandProvider).toBeUndefined();
    expect(capabilities.renameProvider).toBe(true);
    expect(capabilities.positionEncoding).toBe("utf-16");
    expect(client.registrations).toEqual([]);
  });

  it("gets diagnostics without a version or codeDescription", async () => {
    const published = await client.open(uri("a.b24layout"), LAYOUT);
    expect(published).toEqual({
      uri: uri("a.b24layout"),
      diagnostics: [
        {
          range: { start: { line: 10, character: 20 }, end: { line: 10, character: 26 } },
          severity: 2,
          code: "string-boolean",
          source: "b24layout",
          message: expect.stringMatching(/^'bold' expects a boolean/) as string,
        },
      ],
    });
  });

  it("gets the places a finding speaks of as lines of its message, not as relatedInformation", async () => {
    const card = 'card c for contact {\n  scope personal\n  main: section "A" {\n    NAME\n  }\n  main: section "B" {\n    PHONE\n  }\n}\n';
    const published = await client.open(uri("sections.b24layout"), card);
    const duplicate = published.diagnostics.find((d) => d.code === "duplicate-section")!;
    expect(duplicate.relatedInformation).toBeUndefined();
    expect(duplicate.message).toBe("Section 'main' is already defined in this card; section names must be unique within a card.\nfirst defined at line 3, column 3");
  });

  it("gets completions as plain text, with plain documentation and the first protocol's kinds", async () => {
    await client.open(uri("c.b24layout"), 'layout l {\n  body {\n    logo call\n    \n  }\n  icon \n}\n');
    const items = (await client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri: uri("c.b24layout") }, position: { line: 3, character: 4 } })) as CompletionItem[];
    const withTitle = items.find((i) => i.label === "withTitle")!;
    expect(withTitle.insertTextFormat).toBeUndefined();
    expect(withTitle.textEdit).toEqual({ range: { start: { line: 3, character: 4 }, end: { line: 3, character: 4 } }, newText: "withTitle" });
    expect(withTitle.documentation).toBe("A caption and a value; the value is a text, link or deadline block.");
    expect(items.every((i) => i.insertTextFormat === undefined && !i.textEdit!.newText.includes("$"))).toBe(true);
    // Icon codes are constants (21) in LSP 3.x; a client without a kind list knows only Text (1) … Reference (18).
    const codes = (await client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri: uri("c.b24layout") }, position: { line: 5, character: 7 } })) as CompletionItem[];
    expect(codes.find((i) => i.label === "call")).toMatchObject({ label: "call", kind: 12, textEdit: { newText: "call" } });
    expect(Math.max(...[...items, ...codes].map((i) => i.kind ?? 0))).toBeLessThanOrEqual(18);
  });

  it("gets hover as plain text", async () => {
    const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: uri("a.b24layout") }, position: { line: 7, character: 11 } });
    expect(hover?.contents).toEqual({ kind: "plaintext", value: "@client\n\n- en: Client\n- de: Kunde" });
  });

  it("gets the outline as a flat list of SymbolInformation with containers", async () => {
    const symbols = await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: uri("a.b24layout") } });
    expect(symbols?.slice(0, 4)).toEqual([
      // A body member is an Object (19), shown as a Class (5) to a client that knows only the first kinds.
      { name: "translations", kind: 5, location: { uri: uri("a.b24layout"), range: { start: { line: 0, character: 0 }, end: { line: 3, character: 1 } } } },
      { name: "en", kind: 5, containerName: "translations", location: { uri: uri("a.b24layout"), range: { start: { line: 1, character: 2 }, end: { line: 1, character: 24 } } } },
      { name: "client", kind: 8, containerName: "en", location: { uri: uri("a.b24layout"), range: { start: { line: 1, character: 7 }, end: { line: 1, character: 22 } } } },
      { name: "de", kind: 5, containerName: "translations", location: { uri: uri("a.b24layout"), range: { start: { line: 2, character: 2 }, end: { line: 2, character: 23 } } } },
    ]);
  });

  it("renames without prepareRename", async () => {
    const edit = await client.connection.sendRequest(RenameRequest.type, { textDocument: { uri: uri("a.b24layout") }, position: { line: 7, character: 11 }, newName: "customer" });
    expect(Object.values(edit?.changes ?? {}).flat().length).toBe(3);
  });

  it("takes settings sent with didChangeConfiguration (it cannot be asked for them)", async () => {
    const next = client.diagnosticsFor(uri("a.b24layout"));
    await client.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: { b24layout: { rules: { "string-boolean": "off" } } } });
    expect((await next).diagnostics).toEqual([]);
    const back = client.diagnosticsFor(uri("a.b24layout"));
    await client.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: { b24layout: {} } });
    expect((await back).diagnostics.map((d) => d.code)).toEqual(["string-boolean"]);
  });

  it("sees a changed config file at the next change, open or save (it watches no files)", async () => {
    writeFileSync(join(dir, "b24layout.config.json"), "{}");
    const changed = await client.change(uri("a.b24layout"), 2, [{ range: { start: { line: 12, character: 1 }, end: { line: 12, character: 1 } }, text: "\n" }]);
    expect(changed.diagnostics.map((d) => d.code)).toEqual(["unknown-code", "unknown-code", "string-boolean"]);
    writeFileSync(join(dir, "b24layout.config.json"), '{ "rules": { "string-boolean": "off" } }');
    const saved = client.diagnosticsFor(uri("a.b24layout"));
    await client.connection.sendNotification(DidSaveTextDocumentNotification.type, { textDocument: { uri: uri("a.b24layout") } });
    expect((await saved).diagnostics.map((d) => d.code)).toEqual(["unknown-code", "unknown-code"]);
  });
});

describe("a client that can apply edits but takes no CodeAction literals", () => {
  let client: TestClient;
  let dir: string;
  const uri = (name: string) => pathToFileURL(join(dir, name)).href;

  beforeAll(async () => {
    dir = scratch({ "package.json": "{}" });
    client = await startClient(pathToFileURL(dir).href, { capabilities: { workspace: { applyEdit: true } }, applyEdits: true, initializationOptions: { rules: { "unknown-code": "off" } } });
  }, 30_000);
  afterAll(async () => client.stop());

  it("gets code actions as commands, which the server carries out with workspace/applyEdit", async () => {
    expect(client.initializeResult.capabilities.codeActionProvider).toBe(true);
    expect(client.initializeResult.capabilities.executeCommandProvider).toEqual({ commands: ["b24layout.applyEdit"] });
    const published = await client.open(uri("a.b24layout"), LAYOUT);
    // The settings came with initializationOptions (the client cannot be asked for them): no unknown-code.
    expect(published.diagnostics.map((d) => d.code)).toEqual(["string-boolean"]);
    const finding = published.diagnostics.find((d) => d.code === "string-boolean")!;
    const actions = (await client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri: uri("a.b24layout") }, range: finding.range, context: { diagnostics: [finding] } })) as Command[];
    const fix = actions.find((a) => a.title === "Replace with true")!;
    expect(fix).toEqual({ title: "Replace with true", command: "b24layout.applyEdit", arguments: [{ changes: { [uri("a.b24layout")]: [{ range: finding.range, newText: "true" }] } }] });
    await client.connection.sendRequest(ExecuteCommandRequest.type, { command: fix.command, arguments: fix.arguments });
    expect(client.appliedEdits).toEqual([{ edit: { changes: { [uri("a.b24layout")]: [{ range: finding.range, newText: "true" }] } } }]);
  });
});

describe("a client that refuses every registration", () => {
  let client: TestClient;
  let dir: string;
  const uri = (name: string) => pathToFileURL(join(dir, name)).href;

  beforeAll(async () => {
    dir = scratch({ "package.json": "{}", "b24layout.config.json": '{ "rules": { "unknown-code": "off" } }' });
    client = await startClient(pathToFileURL(dir).href, { capabilities: FULL_CAPABILITIES, refuseRegistrations: true, settings: {} });
    await client.registered(2);
  }, 30_000);
  afterAll(async () => client.stop());

  it("was asked for the settings notification and the file watchers, and the server lives on", async () => {
    expect(client.registrations.map((r) => r.registrations.map((x) => x.method))).toEqual([["workspace/didChangeConfiguration"], ["workspace/didChangeWatchedFiles"]]);
    const published = await client.open(uri("a.b24layout"), LAYOUT);
    expect(published.diagnostics.map((d) => d.code)).toEqual(["string-boolean"]);
    expect(client.process.exitCode).toBeNull();
  });

  it("gives its full answers: snippets, Markdown hover", async () => {
    const items = (await client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri: uri("a.b24layout") }, position: { line: 10, character: 4 } })) as CompletionItem[];
    expect(items.find((i) => i.label === "withTitle")).toMatchObject({ insertTextFormat: 2, textEdit: { newText: 'withTitle "${1:title}" {\n\t$0\n}' } });
    const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: uri("a.b24layout") }, position: { line: 7, character: 11 } });
    expect(hover?.contents).toEqual({ kind: "markdown", value: "`@client`\n\n- **en**: Client\n- **de**: Kunde" });
  });

  it("sees a changed config file at the next change (no watcher took the registration)", async () => {
    writeFileSync(join(dir, "b24layout.config.json"), "{}");
    const changed = await client.change(uri("a.b24layout"), 2, [{ range: { start: { line: 12, character: 1 }, end: { line: 12, character: 1 } }, text: "\n" }]);
    expect(changed.diagnostics.map((d) => d.code)).toEqual(["unknown-code", "unknown-code", "string-boolean"]);
  });
});
