/**
 * The raw `json` form in the editor, over stdio with a real client: completion offers `json` where
 * the language takes it and the keys and values of raw maps the model types; hover shows the
 * form's and the keys' documentation from the model; semantic tokens mark `json` where the
 * TextMate grammar scopes it `keyword.other.raw`; outline, folding and formatting work on it. A
 * client without snippets or Markdown gets plain answers.
 */
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  CompletionRequest,
  DocumentFormattingRequest,
  DocumentSymbolRequest,
  FoldingRangeRequest,
  HoverRequest,
  SemanticTokensRequest,
  type CompletionItem,
  type DocumentSymbol,
  type TextEdit,
} from "vscode-languageserver-protocol/node";
import { RAW_FORM } from "../../src/model/statements.js";
import { getDto, getField } from "../../src/model/dtos.js";
import { fieldDoc } from "../../src/lsp/docs.js";
import { SEMANTIC_TOKENS_LEGEND } from "../../src/lsp/semantic-tokens.js";
import { scratch } from "../cli/fixtures.js";
import { loadGrammar, tokenize } from "../textmate/textmate.js";
import { startClient, type TestClient, withCursor } from "./client.js";

const ROOT = resolve(import.meta.dirname, "../..");
const FIXTURE = readFileSync(resolve(import.meta.dirname, "fixtures/raw.b24layout"), "utf8");
const FORMATTED = readFileSync(resolve(ROOT, "test/format/fixtures/raw-json.output.b24layout"), "utf8");
const UNFORMATTED = readFileSync(resolve(ROOT, "test/format/fixtures/raw-json.input.b24layout"), "utf8");
const RAW_DOC = `\`${RAW_FORM.syntax}\`\n\n${RAW_FORM.doc}`;

let client: TestClient;
let plain: TestClient;
let dir: string;
const uri = (name: string) => pathToFileURL(join(dir, name)).href;

let opened = 0;
/** Opens `source` (with `§` at the cursor) as a new document of `on` and completes there. */
async function complete(source: string, on: TestClient = client): Promise<CompletionItem[]> {
  const { text, position } = withCursor(source);
  const name = `doc${++opened}.b24layout`;
  await on.open(uri(name), text);
  const result = await on.connection.sendRequest(CompletionRequest.type, { textDocument: { uri: uri(name) }, position });
  return Array.isArray(result) ? result : (result?.items ?? []);
}

const labels = async (source: string) => (await complete(source)).map((i) => i.label);
/** Each item as `label => inserted text`. */
const inserted = async (source: string, on?: TestClient) => (await complete(source, on)).map((i) => `${i.label} => ${i.textEdit && "newText" in i.textEdit ? i.textEdit.newText : (i.insertText ?? i.label)}`);

beforeAll(async () => {
  dir = scratch({ "package.json": "{}", "raw.b24layout": FIXTURE });
  client = await startClient(pathToFileURL(dir).href);
  plain = await startClient(pathToFileURL(dir).href, { capabilities: {} });
}, 30_000);
afterAll(async () => {
  await client.stop();
  await plain.stop();
});

describe("completion of the json word", () => {
  it("offers a raw member where a body takes members, as a snippet with a map's braces", async () => {
    const items = await complete("blocks b {\n  §\n}\n");
    // (And the ids of the blocks request: entityTypeId, entityId, timelineId, activityId.)
    expect(items.map((i) => i.label)).toEqual(["text", "largeText", "link", "deadline", "withTitle", "lineOfBlocks", "entityTypeId", "entityId", "timelineId", "activityId", "json", "when", "each", "use"]);
    const json = items.find((i) => i.label === "json")!;
    expect(json).toMatchObject({ kind: 14, insertTextFormat: 2, textEdit: { newText: "json { $0 }" }, documentation: { kind: "markdown", value: RAW_DOC } });
    // In a card's body (its sections), a section's body (its fields) and a header's (its tags).
    expect(await labels("card c for deal {\n  §\n}\n")).toContain("json");
    expect(await labels('card c for deal {\n  s: section "S" {\n    §\n  }\n}\n')).toContain("json");
    // (The head line gives the title.)
    expect(await labels('layout l {\n  header "T" {\n    §\n  }\n}\n')).toEqual(["titleAction", "tag", "json", "when", "each", "use"]);
  });

  it("offers a raw member after a key only where members have keys", async () => {
    expect(await labels('layout l {\n  header "T" {\n    k: §\n  }\n}\n')).toEqual(["tag", "json"]);
    // A card's sections are a list: a key on a raw section is refused.
    expect(await labels("card c for deal {\n  k: §\n}\n")).not.toContain("json");
  });

  it("offers json after a field's name, any field (blocks, tags), and after a declaration's name and head words", async () => {
    expect(await labels("layout l {\n  body {\n    blocks §\n  }\n}\n")).toEqual(["json"]);
    expect(await labels('layout l {\n  header "T" {\n    tags §\n  }\n}\n')).toEqual(["json"]);
    expect(await labels("layout l {\n  body {\n    logo §\n  }\n}\n")).toContain("json");
    expect(await labels("badge b §\n")).toEqual(["code", "title", "value", "type", "warning", "success", "failure", "primary", "secondary", "json"]);
    expect(await labels("card c for deal §\n")).toEqual(["scope", "userId", "extras", "json"]);
  });

  it("does not offer json where the language does not take it: a body without members, after a member's keyword, after a value, after json", async () => {
    expect(await labels("layout l {\n  §\n}\n")).toEqual(["icon", "header", "body", "footer"]);
    expect(await labels('layout l {\n  body {\n    text "a" {\n      §\n    }\n  }\n}\n')).not.toContain("json");
    expect(await labels("layout l {\n  body {\n    text §\n  }\n}\n")).not.toContain("json");
    expect(await labels("layout l {\n  body {\n    logo call §\n  }\n}\n")).not.toContain("json");
    expect(await labels("badge b json §\n")).toEqual([]);
    expect(await labels("layout l {\n  body {\n    blocks json §\n  }\n}\n")).toEqual([]);
  });
});

describe("completion inside a raw value", () => {
  it("offers a content block's keys, then a text block's properties once its type is known (also written after them)", async () => {
    expect(await inserted("blocks b {\n  json { § }\n}\n")).toEqual(["type => type: ", "properties => properties: "]);
    // Half typed: the parser reads `{ ty` as a body; the keys are still a map's.
    expect(await inserted("blocks b {\n  k: json { ty§\n}\n")).toEqual(["type => type: ", "properties => properties: "]);
    expect(await labels('blocks b {\n  json { type: "text", properties: { § } }\n}\n')).toEqual(["value", "multiline", "title", "bold", "size", "color", "scope"]);
    expect(await labels('blocks b {\n  json { properties: { value: "v", § }, type: "text" }\n}\n')).toEqual(["multiline", "title", "bold", "size", "color", "scope"]);
  });

  it("offers only the keys a map does not have, and the name alone where the colon is there", async () => {
    expect(await labels('blocks b {\n  json { type: "link", § }\n}\n')).toEqual(["properties"]);
    expect(await inserted('blocks b {\n  json { typ§: "link" }\n}\n')).toEqual(["type => type", "properties => properties"]);
    expect(await inserted('blocks b {\n  json { "pro§" }\n}\n')).toEqual(["type => type", "properties => properties"]);
  });

  it("offers the values a key takes, as JSON: block types (those the slot allows), enum values, booleans, constants", async () => {
    expect(await labels("blocks b {\n  json { type: § }\n}\n")).toEqual(['"text"', '"largeText"', '"link"', '"deadline"', '"withTitle"', '"lineOfBlocks"']);
    expect(await labels('blocks b {\n  w: withTitle "x" { json { type: § } }\n}\n')).toEqual(['"text"', '"link"', '"deadline"']);
    expect(await labels('blocks b {\n  json { type: "text", properties: { size: § } }\n}\n')).toEqual(['"xs"', '"sm"', '"md"']);
    expect(await labels('blocks b {\n  json { type: "text", properties: { bold: § } }\n}\n')).toEqual(["true", "false"]);
    expect(await labels('card c for deal {\n  json { name: "s", type: § }\n}\n')).toEqual(['"section"']);
    // Inside a string: the text alone, and only strings.
    expect(await inserted('blocks b {\n  json { type: "l§" }\n}\n')).toEqual(["text => text", "largeText => largeText", "link => link", "deadline => deadline", "withTitle => withTitle", "lineOfBlocks => lineOfBlocks"]);
    expect(await labels('blocks b {\n  json { type: "text", properties: { bold: "§" } }\n}\n')).toEqual([]);
  });

  it("types a field's and a declaration's raw value by the field and the declaration", async () => {
    expect(await labels('layout l {\n  header "T" {\n    tags json { a: { § } }\n  }\n}\n')).toEqual(["title", "type", "action"]);
    expect(await labels("badge b json { § }\n")).toEqual(["code", "title", "value", "type"]);
    expect(await labels('badge b json { type: "warning", § }\n')).toEqual(["code", "title", "value"]);
    expect(await labels("card c for deal json { data: [{ § }] }\n")).toEqual(["name", "title", "type", "elements"]);
  });

  it("offers nothing after a value without a comma, in comments, and in a value the model does not type", async () => {
    expect(await labels('blocks b {\n  json { type: "text" § }\n}\n')).toEqual([]);
    expect(await labels("blocks b {\n  json { // a comment §\n  }\n}\n")).toEqual([]);
    expect(await labels("blocks b {\n  json { type: \"text\", properties: { value: \"x\" }, other: { § } }\n}\n")).toEqual([]);
  });
});

describe("hover", () => {
  const hover = async (on: TestClient, source: string) => {
    const { text, position } = withCursor(source);
    const name = `hover${++opened}.b24layout`;
    await on.open(uri(name), text);
    return on.connection.sendRequest(HoverRequest.type, { textDocument: { uri: uri(name) }, position });
  };

  it("shows the form's description from the model on json, in every place", async () => {
    for (const source of ["blocks b {\n  js§on {}\n}\n", "layout l {\n  body {\n    blocks j§son {}\n  }\n}\n", "badge b §json { }\n"]) {
      const found = await hover(client, source);
      expect(found?.contents).toEqual({ kind: "markdown", value: RAW_DOC });
    }
    expect((await hover(client, "blocks b {\n  js§on {}\n}\n"))?.range).toEqual({ start: { line: 1, character: 2 }, end: { line: 1, character: 6 } });
  });

  it("shows the field a raw key names, where the model types the map", async () => {
    const found = await hover(client, 'blocks b {\n  json { type: "text", properties: { mul§tiline: true } }\n}\n');
    expect(found).toEqual({ contents: { kind: "markdown", value: fieldDoc(getField(getDto("TextDto")!, "multiline")!) }, range: { start: { line: 1, character: 37 }, end: { line: 1, character: 46 } } });
    expect(await hover(client, 'blocks b {\n  json { other: { ke§y: 1 } }\n}\n')).toBeNull();
  });

  it("is plain text for a client that takes no Markdown", async () => {
    const found = await hover(plain, "blocks b {\n  js§on {}\n}\n");
    expect(found?.contents).toEqual({ kind: "plaintext", value: RAW_DOC.replace(/`([^`]*)`/g, "$1") });
  });
});

describe("a client without snippets", () => {
  it("gets json and the keys of raw maps as plain words", async () => {
    const items = await inserted("blocks b {\n  §\n}\n", plain);
    expect(items).toContain("json => json");
    expect(await inserted("blocks b {\n  json { § }\n}\n", plain)).toEqual(["type => type: ", "properties => properties: "]);
    expect((await complete("blocks b {\n  §\n}\n", plain)).every((i) => i.insertTextFormat === undefined)).toBe(true);
  });
});

describe("semantic tokens", () => {
  /** The semantic tokens of a document as `line:character type` (absolute positions). */
  async function semanticTokensOf(name: string, text: string): Promise<{ at: string; type: string; text: string }[]> {
    await client.open(uri(name), text);
    const data = (await client.connection.sendRequest(SemanticTokensRequest.type, { textDocument: { uri: uri(name) } }))?.data ?? [];
    const lines = text.split("\n");
    const out: { at: string; type: string; text: string }[] = [];
    let line = 0;
    let character = 0;
    for (let i = 0; i < data.length; i += 5) {
      character = data[i]! === 0 ? character + data[i + 1]! : data[i + 1]!;
      line += data[i]!;
      out.push({ at: `${line}:${character}`, type: SEMANTIC_TOKENS_LEGEND.tokenTypes[data[i + 3]!]!, text: lines[line]!.slice(character, character + data[i + 2]!) });
    }
    return out;
  }

  /**
   * `line:character` of every `json` the TextMate grammar scopes as a keyword: keyword.other.raw in
   * a body, keyword.other among a declaration's head words (`badge b json { … }`).
   */
  async function textMateRawWords(text: string): Promise<string[]> {
    const grammar = await loadGrammar();
    const out: string[] = [];
    tokenize(grammar, text).lines.forEach((tokens, line) => {
      let character = 0;
      for (const t of tokens) {
        if (t.text === "json" && /^keyword\.other(\.raw)?\.b24layout$/.test(t.scopes.at(-1)!)) out.push(`${line}:${character}`);
        character += t.text.length;
      }
    });
    return out;
  }

  it("mark json as a keyword exactly where the TextMate grammar scopes it a keyword", async () => {
    for (const [name, text] of [["raw.b24layout", FIXTURE], ["formatted.b24layout", FORMATTED]] as const) {
      const keywords = (await semanticTokensOf(name, text)).filter((t) => t.type === "keyword" && t.text === "json").map((t) => t.at);
      const expected = await textMateRawWords(text);
      expect(expected.length).toBeGreaterThan(8);
      expect(keywords).toEqual(expected);
    }
  });

  it("leave a logo code json and a quoted card field json alone", async () => {
    const text = 'layout l {\n  body {\n    logo json\n  }\n}\ncard c for deal {\n  s: section "S" {\n    field "json"\n  }\n}\n';
    expect(await textMateRawWords(text)).toEqual([]);
    const tokens = await semanticTokensOf("words.b24layout", text);
    expect(tokens.filter((t) => t.text === "json")).toEqual([{ at: "2:9", type: "enumMember", text: "json" }]);
  });
});

describe("outline, folding and formatting", () => {
  it("outline a raw declaration by its name and raw members as json", async () => {
    await client.open(uri("raw.b24layout"), FIXTURE);
    const symbols = (await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: uri("raw.b24layout") } })) as DocumentSymbol[];
    expect(symbols.map((s) => `${s.name} (${s.detail ?? ""})`)).toEqual(["translations ()", "rawBlocks (blocks)", "rawLayout (layout)", "partial (layout)", "rawCard (card)", "rawBadge (badge)", "rawActivity (activity)"]);
    const partial = symbols.find((s) => s.name === "partial")!;
    expect(partial.children?.find((c) => c.name === "body")?.children?.map((c) => c.name)).toEqual(["logo", "text", "k: json", "json", "when"]);
  });

  it("fold raw maps and lists over several lines", async () => {
    await client.open(uri("raw.b24layout"), FIXTURE);
    const ranges = await client.connection.sendRequest(FoldingRangeRequest.type, { textDocument: { uri: uri("raw.b24layout") } });
    const lines = (ranges ?? []).map((r) => `${r.startLine}-${r.endLine}`);
    // The blocks declaration's map, its blocks map, the withTitle member; the footer's button list.
    expect(lines).toEqual(expect.arrayContaining(["5-14", "6-12", "9-11", "34-37"]));
  });

  it("format as fmt does: a formatted raw file is left alone, an unformatted one gets fmt's text", async () => {
    await client.open(uri("formatted.b24layout"), FORMATTED);
    expect(await client.connection.sendRequest(DocumentFormattingRequest.type, { textDocument: { uri: uri("formatted.b24layout") }, options: { tabSize: 8, insertSpaces: false } })).toEqual([]);
    await client.open(uri("unformatted.b24layout"), UNFORMATTED);
    const edits = (await client.connection.sendRequest(DocumentFormattingRequest.type, { textDocument: { uri: uri("unformatted.b24layout") }, options: { tabSize: 2, insertSpaces: true } })) as TextEdit[];
    expect(edits).toHaveLength(1);
    const { start, end } = edits[0]!.range;
    const lines = UNFORMATTED.split("\n");
    const offset = (p: { line: number; character: number }) => lines.slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;
    expect(UNFORMATTED.slice(0, offset(start)) + edits[0]!.newText + UNFORMATTED.slice(offset(end))).toBe(FORMATTED);
  });
});
