/**
 * The language server over stdio, through a real LSP client: diagnostics as documents are opened
 * and changed (with the config file's settings), quick fixes, formatting, symbols and folding.
 */
import { pathToFileURL } from "node:url";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  CodeActionRequest,
  DocumentFormattingRequest,
  DocumentRangeFormattingRequest,
  DocumentSymbolRequest,
  FoldingRangeRequest,
  type DocumentSymbol,
} from "vscode-languageserver-protocol/node";
import { scratch } from "../cli/fixtures.js";
import { startClient, type TestClient } from "./client.js";

const LAYOUT = `layout call {
  icon call
  header "Call" {
    a: tag warning "a"
  }
  body {
    logo call-incoming
    text "x" { bold "true" }
  }
}
`;

let client: TestClient;
let dir: string;
const uri = (name: string) => pathToFileURL(join(dir, name)).href;

beforeAll(async () => {
  dir = scratch({ "b24layout.config.json": '{ "rules": { "unknown-code": "off" } }', "package.json": "{}" });
  client = await startClient(pathToFileURL(dir).href);
}, 30_000);
afterAll(async () => client.stop());

describe("diagnostics", () => {
  it("reports syntax errors and rule findings with the rule id as code and its page as codeDescription", async () => {
    const published = await client.open(uri("a.b24layout"), 'layout a {\n  icon my-own-icon\n  header "T" {\n    tag lavender "x"\n  }\n  body {\n    logo call\n    text "x"\n  }\n');
    expect(published.version).toBe(1);
    const byCode = published.diagnostics.map((d) => ({ code: d.code, line: d.range.start.line, character: d.range.start.character, severity: d.severity }));
    // unknown-code is off in the config: the custom icon is not reported.
    expect(byCode).toContainEqual({ code: "syntax-error", line: 9, character: 0, severity: 1 });
    expect(byCode.some((d) => d.code === "unknown-code")).toBe(false);
    const withPage = published.diagnostics.find((d) => d.code !== "syntax-error")!;
    expect(withPage.codeDescription?.href).toMatch(new RegExp(`/docs/rules/${String(withPage.code)}\\.md$`));
    expect(withPage.source).toBe("b24layout");
  });

  it("keeps up with incremental changes", async () => {
    const u = uri("b.b24layout");
    const first = await client.open(u, LAYOUT);
    expect(first.diagnostics.map((d) => d.code)).toEqual(["string-boolean"]);
    // Replace the "true" string by the boolean `true` (line 7, characters 20-26).
    const fixed = await client.change(u, 2, [{ range: { start: { line: 7, character: 20 }, end: { line: 7, character: 26 } }, text: "true" }]);
    expect(fixed.version).toBe(2);
    expect(fixed.diagnostics).toEqual([]);
    const broken = await client.change(u, 3, [{ range: { start: { line: 9, character: 0 }, end: { line: 9, character: 1 } }, text: "" }]);
    expect(broken.diagnostics.map((d) => d.code)).toEqual(["syntax-error"]);
  });

  it("re-checks the declaration a change touches and moves the findings of the others", async () => {
    const u = uri("many.b24layout");
    const text = ["a", "b", "c"].map((n) => LAYOUT.replace("layout call", `layout ${n}`).replace('bold "true"', "bold true")).join("\n");
    expect((await client.open(u, text)).diagnostics).toEqual([]);
    // `warning` → `warnin` in layout b (line 14): a tag type that does not exist.
    const typo = await client.change(u, 2, [{ range: { start: { line: 14, character: 17 }, end: { line: 14, character: 18 } }, text: "" }]);
    const found = (p: typeof typo) => p.diagnostics.map((d) => [d.code, d.range.start.line, d.range.start.character, d.range.end.character]);
    expect(found(typo)).toEqual([["enum-value", 14, 11, 17]]);
    // A character typed in layout a moves nothing; a new line at the top moves b's findings down.
    const typed = await client.change(u, 3, [{ range: { start: { line: 2, character: 11 }, end: { line: 2, character: 11 } }, text: "s" }]);
    expect(found(typed)).toEqual(found(typo));
    const moved = await client.change(u, 4, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: "\n" }]);
    expect(found(moved)).toEqual([["enum-value", 15, 11, 17]]);
  });
});

describe("code actions", () => {
  it("offers a rule's fix as the preferred quick fix, with its edit", async () => {
    const u = uri("c.b24layout");
    const published = await client.open(u, LAYOUT);
    const finding = published.diagnostics[0]!;
    const actions = await client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri: u }, range: finding.range, context: { diagnostics: [finding] } });
    const preferred = (actions ?? []).find((a) => "isPreferred" in a && a.isPreferred);
    expect(preferred).toMatchObject({ kind: "quickfix", diagnostics: [{ code: "string-boolean" }] });
    expect(preferred && "edit" in preferred ? preferred.edit?.changes?.[u] : undefined).toEqual([{ range: finding.range, newText: "true" }]);
  });
});

describe("formatting", () => {
  it("formats a document with the edit reduced to what changes", async () => {
    const u = uri("d.b24layout");
    await client.open(u, 'badge   b warning {\n  title "T"\n  value "V"\n}\n');
    const edits = await client.connection.sendRequest(DocumentFormattingRequest.type, { textDocument: { uri: u }, options: { tabSize: 2, insertSpaces: true } });
    expect(edits).toEqual([{ range: { start: { line: 0, character: 6 }, end: { line: 0, character: 8 } }, newText: "" }]);
  });

  it("formats only the declarations a range touches", async () => {
    const u = uri("e.b24layout");
    await client.open(u, 'badge   b warning {\n  title "T"\n  value "V"\n}\n\nbadge   c warning {\n  title "T"\n  value "V"\n}\n');
    const edits = await client.connection.sendRequest(DocumentRangeFormattingRequest.type, {
      textDocument: { uri: u },
      range: { start: { line: 6, character: 0 }, end: { line: 6, character: 3 } },
      options: { tabSize: 2, insertSpaces: true },
    });
    expect(edits).toEqual([{ range: { start: { line: 5, character: 0 }, end: { line: 8, character: 1 } }, newText: 'badge c warning {\n  title "T"\n  value "V"\n}' }]);
  });

  it("gives no edits for a document with syntax errors", async () => {
    const u = uri("f.b24layout");
    await client.open(u, "badge   b warning {\n");
    expect(await client.connection.sendRequest(DocumentFormattingRequest.type, { textDocument: { uri: u }, options: { tabSize: 2, insertSpaces: true } })).toEqual([]);
  });
});

describe("outline and folding", () => {
  it("lists declarations by name with their members", async () => {
    const u = uri("g.b24layout");
    await client.open(u, LAYOUT);
    const symbols = (await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: u } })) as DocumentSymbol[];
    expect(symbols.map((s) => [s.name, s.detail])).toEqual([["call", "layout"]]);
    expect(symbols[0]!.children!.map((c) => c.name)).toEqual(["icon", "header", "body"]);
    expect(symbols[0]!.children![1]!.children!.map((c) => [c.name, c.detail])).toEqual([["a: tag", "a"]]);
  });

  it("folds blocks over several lines", async () => {
    const u = uri("h.b24layout");
    await client.open(u, LAYOUT);
    const ranges = await client.connection.sendRequest(FoldingRangeRequest.type, { textDocument: { uri: u } });
    expect(ranges).toEqual([
      { startLine: 0, endLine: 8 },
      { startLine: 2, endLine: 3 },
      { startLine: 5, endLine: 7 },
    ]);
  });
});
