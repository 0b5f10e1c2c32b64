/**
 * The language server over stdio, through a real LSP client: diagnostics as documents are opened
 * and changed (with the config file's settings), quick fixes, formatting, symbols and folding.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { join, resolve } from "node:path";
import { TextDocument } from "vscode-languageserver-textdocument";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  CodeActionRequest,
  DocumentFormattingRequest,
  DocumentRangeFormattingRequest,
  DocumentSymbolRequest,
  FoldingRangeRequest,
  type CodeAction,
  type Command,
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

const ROOT = resolve(import.meta.dirname, "../..");

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

  it("gives the first of two duplicates as relatedInformation (the client declares it), and moves it with the text", async () => {
    const u = uri("sections.b24layout");
    const card = 'card c for contact {\n  scope personal\n  main: section "A" {\n    NAME\n  }\n  main: section "B" {\n    PHONE\n  }\n}\n';
    const published = await client.open(u, card);
    const duplicate = published.diagnostics.find((d) => d.code === "duplicate-section")!;
    expect(duplicate.message).toBe("Section 'main' is already defined in this card; section names must be unique within a card.");
    expect(duplicate.range).toEqual({ start: { line: 5, character: 2 }, end: { line: 5, character: 6 } });
    expect(duplicate.relatedInformation).toEqual([{ location: { uri: u, range: { start: { line: 2, character: 2 }, end: { line: 2, character: 6 } } }, message: "first defined" }]);
    // Two lines added above the card: the editor's incremental check moves the related place too.
    const moved = await client.change(u, 2, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: "\n\n" }]);
    const again = moved.diagnostics.find((d) => d.code === "duplicate-section")!;
    expect(again.relatedInformation?.[0]?.location.range.start).toEqual({ line: 4, character: 2 });
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
    // Names of their own: another open document's would be an output-name error (the project check).
    const text = ["x", "y", "z"].map((n) => LAYOUT.replace("layout call", `layout ${n}`).replace('bold "true"', "bold true")).join("\n");
    expect((await client.open(u, text)).diagnostics).toEqual([]);
    // `warning` → `warnin` in layout y (line 14): a tag type that does not exist.
    const typo = await client.change(u, 2, [{ range: { start: { line: 14, character: 17 }, end: { line: 14, character: 18 } }, text: "" }]);
    const found = (p: typeof typo) => p.diagnostics.map((d) => [d.code, d.range.start.line, d.range.start.character, d.range.end.character]);
    expect(found(typo)).toEqual([["enum-value", 14, 11, 17]]);
    // A character typed in layout x moves nothing; a new line at the top moves y's findings down.
    const typed = await client.change(u, 3, [{ range: { start: { line: 2, character: 11 }, end: { line: 2, character: 11 } }, text: "s" }]);
    expect(found(typed)).toEqual(found(typo));
    const moved = await client.change(u, 4, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: "\n" }]);
    expect(found(moved)).toEqual([["enum-value", 15, 11, 17]]);
  });
});

describe("code actions", () => {
  it("offers a rule's fix as the preferred quick fix, with its edit", async () => {
    const u = uri("c.b24layout");
    const published = await client.open(u, LAYOUT.replace("layout call", "layout fixable"));
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

describe("formatting as `b24layout fmt` formats the file, whatever the editor's indentation", () => {
  const UGLY = 'layout   l {\n    icon info\n    header "T" {\n        tag warning "a"\n    }\n    body {\n        logo call\n        text "x"\n    }\n}\n';
  /** What the server's edits make of `text` saved at `name`, with the editor's `options`. */
  const formatted = async (name: string, text: string, options: { tabSize: number; insertSpaces: boolean }): Promise<string> => {
    writeFileSync(join(dir, name), text);
    const u = uri(name);
    await client.open(u, text);
    const edits = await client.connection.sendRequest(DocumentFormattingRequest.type, { textDocument: { uri: u }, options });
    return TextDocument.applyEdits(TextDocument.create(u, "b24layout", 1, text), edits ?? []);
  };
  /** What `b24layout fmt` writes for `text` at `name` (run once per file and text). */
  const fmtRuns = new Map<string, string>();
  const fmt = (name: string, text: string): string => {
    const key = `${name}\0${text}`;
    if (!fmtRuns.has(key)) {
      writeFileSync(join(dir, name), text);
      execFileSync(process.execPath, [join(ROOT, "dist/cli.js"), "fmt", join(dir, name)], { stdio: "pipe" });
      fmtRuns.set(key, readFileSync(join(dir, name), "utf8"));
    }
    return fmtRuns.get(key)!;
  };

  it.each([
    { tabSize: 4, insertSpaces: true },
    { tabSize: 8, insertSpaces: false },
    { tabSize: 2, insertSpaces: true },
  ])("with the editor's %o: fmt's two spaces", async (options) => {
    const result = await formatted("fmt-default.b24layout", UGLY, options);
    expect(result).toBe(fmt("fmt-default.b24layout", UGLY));
    expect(result).toBe('layout l {\n  icon info\n  header "T" {\n    tag warning "a"\n  }\n  body {\n    logo call\n    text "x"\n  }\n}\n');
  });

  it("follows the folder's .prettierrc and .editorconfig, read again at every request", async () => {
    mkdirSync(join(dir, "pretty"), { recursive: true });
    writeFileSync(join(dir, "pretty/.prettierrc"), '{ "tabWidth": 4 }');
    const four = await formatted("pretty/a.b24layout", UGLY, { tabSize: 2, insertSpaces: true });
    expect(four).toBe(fmt("pretty/a.b24layout", UGLY));
    expect(four.split("\n")[1]).toBe("    icon info");
    writeFileSync(join(dir, "pretty/.prettierrc"), '{ "useTabs": true }');
    const tabs = await formatted("pretty/b.b24layout", UGLY, { tabSize: 2, insertSpaces: true });
    expect(tabs.split("\n")[1]).toBe("\ticon info");
    expect(tabs).toBe(fmt("pretty/b.b24layout", UGLY));
    mkdirSync(join(dir, "edited"), { recursive: true });
    writeFileSync(join(dir, "edited/.editorconfig"), "root = true\n[*]\nindent_style = tab\n");
    const edited = await formatted("edited/c.b24layout", UGLY, { tabSize: 2, insertSpaces: true });
    expect(edited.split("\n")[1]).toBe("\ticon info");
    expect(edited).toBe(fmt("edited/c.b24layout", UGLY));
  });

  it("keeps a byte order mark and writes LF line ends, as fmt does", async () => {
    const text = `\uFEFF${UGLY.replace(/\n/g, "\r\n")}`;
    const result = await formatted("fmt-bom.b24layout", text, { tabSize: 4, insertSpaces: true });
    expect(result).toBe(fmt("fmt-bom.b24layout", text));
    expect(result.startsWith('\uFEFFlayout l {\n  icon info\n')).toBe(true);
  });

  it("formats a range with fmt's settings too", async () => {
    const u = uri("fmt-range.b24layout");
    await client.open(u, UGLY);
    const edits = await client.connection.sendRequest(DocumentRangeFormattingRequest.type, {
      textDocument: { uri: u },
      range: { start: { line: 1, character: 0 }, end: { line: 1, character: 3 } },
      options: { tabSize: 8, insertSpaces: false },
    });
    expect(TextDocument.applyEdits(TextDocument.create(u, "b24layout", 1, UGLY), edits ?? [])).toBe(fmt("fmt-range.b24layout", UGLY));
  });

  it("refuses, saying why, where fmt refuses: a Prettier config it cannot read", async () => {
    mkdirSync(join(dir, "broken"), { recursive: true });
    writeFileSync(join(dir, "broken/.prettierrc"), "{ tabWidth: ");
    writeFileSync(join(dir, "broken/a.b24layout"), UGLY);
    await client.open(uri("broken/a.b24layout"), UGLY);
    await expect(client.connection.sendRequest(DocumentFormattingRequest.type, { textDocument: { uri: uri("broken/a.b24layout") }, options: { tabSize: 2, insertSpaces: true } })).rejects.toThrow(
      /^cannot read the Prettier config for '.*a\.b24layout': /,
    );
  });
});

describe("fixes and suggestions", () => {
  const action = (a: CodeAction | Command) => a as CodeAction;
  const FIXABLE = 'blocks b {\n  "client name": text "Ltd."\n  // b24layout-disable-next-line unknown-code\n  text "x" { bold "true" }\n}\n';
  /** What `b24layout check --fix` writes for `text`. */
  const checkFix = (name: string, text: string): string => {
    writeFileSync(join(dir, name), text);
    try {
      execFileSync(process.execPath, [join(ROOT, "dist/cli.js"), "check", "--fix", join(dir, name)], { stdio: "pipe" });
    } catch {
      // Findings left after fixing exit non-zero; the file is written all the same.
    }
    return readFileSync(join(dir, name), "utf8");
  };

  it("offers a suggestion as a quick fix that is not preferred, and a fix as the preferred one", async () => {
    const u = uri("suggest.b24layout");
    const published = await client.open(u, FIXABLE);
    const key = published.diagnostics.find((d) => d.code === "key-pattern")!;
    const actions = (await client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri: u }, range: key.range, context: { diagnostics: [key] } }))!.map(action);
    expect(actions.filter((a) => a.kind === "quickfix").map((a) => ({ title: a.title, isPreferred: a.isPreferred, edit: a.edit }))).toEqual([
      { title: "Rename to 'client_name'", isPreferred: false, edit: { changes: { [u]: [{ range: key.range, newText: '"client_name"' }] } } },
    ]);
  });

  it("removes a statement or comment with its line, as --fix does", async () => {
    const u = uri("remove.b24layout");
    const published = await client.open(u, FIXABLE);
    const unused = published.diagnostics.find((d) => d.code === "unused-suppression")!;
    const actions = (await client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri: u }, range: unused.range, context: { diagnostics: [unused] } }))!.map(action);
    const remove = actions.find((a) => a.isPreferred)!;
    expect(remove.edit?.changes?.[u]).toEqual([{ range: { start: { line: 2, character: 0 }, end: { line: 3, character: 0 } }, newText: "" }]);
  });

  it("fixes all as `check --fix` does: fixes only, never suggestions", async () => {
    const u = uri("all.b24layout");
    await client.open(u, FIXABLE);
    const actions = (await client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri: u }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [], only: ["source.fixAll"] } }))!.map(action);
    expect(actions.map((a) => [a.kind, a.title])).toEqual([["source.fixAll.b24layout", "Fix all auto-fixable problems (b24layout)"]]);
    const fixed = TextDocument.applyEdits(TextDocument.create(u, "b24layout", 1, FIXABLE), actions[0]!.edit!.changes![u]!);
    expect(fixed).toBe(checkFix("all-cli.b24layout", FIXABLE));
    expect(fixed).toBe('blocks b {\n  "client name": text "Ltd."\n  text "x" { bold true }\n}\n');
  });

  it("offers no fix-all for a text with a syntax error, nor one the request did not ask for", async () => {
    const u = uri("broken-fix.b24layout");
    await client.open(u, `${FIXABLE}}\n`);
    const all = { start: { line: 0, character: 0 }, end: { line: 5, character: 0 } };
    expect(await client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri: u }, range: all, context: { diagnostics: [], only: ["source.fixAll"] } })).toEqual([]);
    const v = uri("only-quickfix.b24layout");
    await client.open(v, FIXABLE);
    const quick = (await client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri: v }, range: all, context: { diagnostics: [], only: ["quickfix"] } }))!.map(action);
    expect(quick.length).toBeGreaterThan(0);
    expect(quick.every((a) => a.kind === "quickfix")).toBe(true);
    // Not for the light bulb (asked at every cursor move), but when the user opens the menu.
    const kinds = async (triggerKind: 1 | 2) =>
      ((await client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri: v }, range: all, context: { diagnostics: [], triggerKind } })) ?? []).map((a) => action(a).kind);
    expect(await kinds(2)).not.toContain("source.fixAll.b24layout");
    expect(await kinds(1)).toContain("source.fixAll.b24layout");
  });
});
