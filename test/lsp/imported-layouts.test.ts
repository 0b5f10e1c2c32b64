/**
 * Layouts imported from another file (`import { card } from "./layouts.b24layout"`, an activity's
 * `layout card { dealId: … }`) in the editor, over stdio: every service works across the files as
 * it does for an imported fragment. Go to definition (from the reference, the import's name and a
 * key of the values), references and highlights, rename of the layout and of its parameters in
 * every importing file (refusing a name taken in any of them), completion of the imported layouts,
 * of the names an import can list and of the parameters, hover, and the quick fix that imports a
 * layout another file declares.
 */
import { writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  CodeActionRequest,
  CompletionRequest,
  DefinitionRequest,
  DocumentHighlightRequest,
  HoverRequest,
  PrepareRenameRequest,
  ReferencesRequest,
  RenameRequest,
  type CodeAction,
  type CompletionItem,
  type Diagnostic,
  type Location,
  type WorkspaceEdit,
} from "vscode-languageserver-protocol/node";
import { scratch } from "../cli/fixtures.js";
import { FULL_CAPABILITIES, positionOf, startClient, type TestClient, withCursor } from "./client.js";

const LAYOUTS = `translations {
  en { deal "Deal" }
}

fragment row(label: string) {
  text "\${label}"
}

layout card(dealId: int, note: string = "") {
  icon info
  header @deal -> redirect "/crm/deal/details/\${dealId}/"
  body {
    logo call-incoming
    text "\${note}"
  }
}

layout plain {
  icon info
  header "Plain"
  body {
    logo call-incoming
    use row { label: "x" }
  }
}

badge seen warning {
  title "t"
  value "v"
}
`;

const CALLS = `import { card } from "./layouts.b24layout"

activity callBack(deal: int) {
  ownerTypeId deal
  ownerId $deal
  layout card { dealId: $deal, note: "x" }
}
`;

const MORE = `import { card, plain } from "./layouts.b24layout"

activity first {
  ownerTypeId deal
  ownerId 1
  layout card { dealId: 1 }
}

activity second {
  ownerTypeId deal
  ownerId 2
  layout plain
}
`;

/** A file that uses a layout of layouts.b24layout without importing it. */
const LONE = `// Calls without a deal.
activity third {
  ownerTypeId deal
  ownerId 3
  layout plain
}
`;

let client: TestClient;
let dir: string;
const uri = (name: string) => pathToFileURL(join(dir, name)).href;

const at = positionOf;

/** `file:line:start-end` of a `length`-character name at the `occurrence`-th `needle` (0-based lines and characters). */
function place(file: string, text: string, needle: string, length: number, shift = 0, occurrence = 0): string {
  const p = at(text, needle, shift, occurrence);
  return `${file}:${p.line}:${p.character}-${p.character + length}`;
}

const where = (locations: readonly Location[] | null | undefined) => (locations ?? []).map((l) => `${l.uri.replace(/^.*\//, "")}:${l.range.start.line}:${l.range.start.character}-${l.range.end.character}`);
const request = (name: string, position: { line: number; character: number }) => ({ textDocument: { uri: uri(name) }, position });

beforeAll(async () => {
  dir = scratch({ "package.json": "{}", "layouts.b24layout": LAYOUTS, "calls.b24layout": CALLS, "more.b24layout": MORE, "lone.b24layout": LONE, "nested/pkg/.keep": "" });
  client = await startClient(pathToFileURL(dir).href);
  await client.open(uri("calls.b24layout"), CALLS);
}, 30_000);
afterAll(async () => client.stop());

describe("go to definition", () => {
  const definition = async (name: string, position: { line: number; character: number }) => where((await client.connection.sendRequest(DefinitionRequest.type, request(name, position))) as Location[]);

  it("goes from `layout card` and from the import's name to the layout in its file", async () => {
    const card = place("layouts.b24layout", LAYOUTS, "card(", 4);
    expect(await definition("calls.b24layout", at(CALLS, "card {", 2))).toEqual([card]);
    expect(await definition("calls.b24layout", at(CALLS, "card }", 0))).toEqual([card]);
  });

  it("goes from an import's path to the file it names, when there is one", async () => {
    expect(await definition("calls.b24layout", at(CALLS, '"./layouts', 3))).toEqual(["layouts.b24layout:0:0-0"]);
    const missing = 'import { card } from "./gone.b24layout"\n';
    await client.open(uri("missing.b24layout"), missing);
    expect(await definition("missing.b24layout", at(missing, '"./gone', 3))).toEqual([]);
    // Outside the project root: not read, not offered.
    const outside = scratch({ "o.b24layout": LAYOUTS });
    const far = `import { card } from "${relative(dir, join(outside, "o.b24layout"))}"\n`;
    await client.open(uri("far.b24layout"), far);
    expect(await definition("far.b24layout", at(far, "o.b24layout", 1))).toEqual([]);
  });

  it("goes from a key of the values to the parameter in the layout's file", async () => {
    expect(await definition("calls.b24layout", at(CALLS, "dealId:", 1))).toEqual([place("layouts.b24layout", LAYOUTS, "dealId: int", 6)]);
    expect(await definition("calls.b24layout", at(CALLS, "note:", 1))).toEqual([place("layouts.b24layout", LAYOUTS, "note: string", 4)]);
  });
});

describe("references and highlights", () => {
  const expected = [
    place("layouts.b24layout", LAYOUTS, "card(", 4),
    place("calls.b24layout", CALLS, "card }", 4),
    place("calls.b24layout", CALLS, "card {", 4),
    place("more.b24layout", MORE, "card,", 4),
    place("more.b24layout", MORE, "card {", 4),
  ].sort();

  it("finds a layout's references in every file that imports it, from the declaration or any reference", async () => {
    for (const [name, position] of [
      ["calls.b24layout", at(CALLS, "card {")],
      ["calls.b24layout", at(CALLS, "card }")],
    ] as const) {
      const found = where(await client.connection.sendRequest(ReferencesRequest.type, { ...request(name, position), context: { includeDeclaration: true } }));
      expect(found.sort()).toEqual(expected);
    }
    await client.open(uri("layouts.b24layout"), LAYOUTS);
    const fromHome = where(await client.connection.sendRequest(ReferencesRequest.type, { ...request("layouts.b24layout", at(LAYOUTS, "card(")), context: { includeDeclaration: false } }));
    expect(fromHome.sort()).toEqual(expected.filter((e) => !e.startsWith("layouts")));
  });

  it("finds a parameter's uses and the keys that give it a value in the importing files", async () => {
    const found = where(await client.connection.sendRequest(ReferencesRequest.type, { ...request("calls.b24layout", at(CALLS, "dealId:")), context: { includeDeclaration: true } }));
    expect(found.sort()).toEqual(
      [
        place("layouts.b24layout", LAYOUTS, "dealId: int", 6),
        place("layouts.b24layout", LAYOUTS, "dealId}", 6),
        place("calls.b24layout", CALLS, "dealId:", 6),
        place("more.b24layout", MORE, "dealId:", 6),
      ].sort(),
    );
  });

  it("highlights the layout's name in the import and in the references of the document (as read), and the declaration as written", async () => {
    const highlights = await client.connection.sendRequest(DocumentHighlightRequest.type, request("calls.b24layout", at(CALLS, "card {", 1)));
    expect(highlights).toEqual([
      { range: { start: at(CALLS, "card }"), end: at(CALLS, "card }", 4) }, kind: 2 },
      { range: { start: at(CALLS, "card {"), end: at(CALLS, "card {", 4) }, kind: 2 },
    ]);
    const home = await client.connection.sendRequest(DocumentHighlightRequest.type, request("layouts.b24layout", at(LAYOUTS, "card(", 1)));
    expect(home).toEqual([{ range: { start: at(LAYOUTS, "card("), end: at(LAYOUTS, "card(", 4) }, kind: 3 }]);
    expect(client.initializeResult.capabilities.documentHighlightProvider).toBe(true);
  });
});

describe("rename", () => {
  const rename = (name: string, position: { line: number; character: number }, newName: string) => client.connection.sendRequest(RenameRequest.type, { ...request(name, position), newName });
  const edits = (edit: WorkspaceEdit | null) =>
    Object.fromEntries(
      Object.entries(edit?.changes ?? {})
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([u, list]) => [u.replace(/^.*\//, ""), list.map((e) => `${e.range.start.line}:${e.range.start.character}-${e.range.end.character} ${e.newText}`)]),
    );
  const span = (text: string, needle: string, length: number, newText: string, shift = 0) => {
    const p = at(text, needle, shift);
    return `${p.line}:${p.character}-${p.character + length} ${newText}`;
  };

  it("renames a layout in its file, the import lines and every reference, from the declaration, a reference or the import", async () => {
    const expected = {
      "calls.b24layout": [span(CALLS, "card }", 4, "dealCard"), span(CALLS, "card {", 4, "dealCard")],
      "layouts.b24layout": [span(LAYOUTS, "card(", 4, "dealCard")],
      "more.b24layout": [span(MORE, "card,", 4, "dealCard"), span(MORE, "card {", 4, "dealCard")],
    };
    expect(edits(await rename("calls.b24layout", at(CALLS, "card {", 1), "dealCard"))).toEqual(expected);
    expect(edits(await rename("calls.b24layout", at(CALLS, "card }", 1), "dealCard"))).toEqual(expected);
    await client.open(uri("layouts.b24layout"), LAYOUTS);
    expect(edits(await rename("layouts.b24layout", at(LAYOUTS, "card(", 1), "dealCard"))).toEqual(expected);
    expect(await client.connection.sendRequest(PrepareRenameRequest.type, request("calls.b24layout", at(CALLS, "card }", 2)))).toEqual({
      range: { start: at(CALLS, "card }"), end: at(CALLS, "card }", 4) },
      placeholder: "card",
    });
  });

  it("renames a layout's parameter in its file and in the keys of every importing file", async () => {
    const expected = {
      "calls.b24layout": [span(CALLS, "dealId:", 6, "id")],
      "layouts.b24layout": [span(LAYOUTS, "dealId: int", 6, "id"), span(LAYOUTS, "dealId}", 6, "id")],
      "more.b24layout": [span(MORE, "dealId:", 6, "id")],
    };
    expect(edits(await rename("calls.b24layout", at(CALLS, "dealId:", 1), "id"))).toEqual(expected);
    expect(edits(await rename("layouts.b24layout", at(LAYOUTS, "dealId: int", 1), "id"))).toEqual(expected);
  });

  it("refuses a name taken in the layout's file or in any file that imports it", async () => {
    const from = () => rename("calls.b24layout", at(CALLS, "card {", 1), newName);
    let newName = "seen";
    await expect(from()).rejects.toThrow("Cannot rename 'card' to 'seen': 'seen' is already the name of the badge in layouts.b24layout, line 27.");
    newName = "first";
    await expect(from()).rejects.toThrow("Cannot rename 'card' to 'first': 'first' is already the name of the activity in more.b24layout, line 3.");
    newName = "plain";
    await expect(from()).rejects.toThrow("Cannot rename 'card' to 'plain': 'plain' is already the name of the layout in layouts.b24layout, line 18.");
    // A name another file gives: `layout other` there would mean the renamed one, or the import would list a name twice.
    const extra = `import { card } from "./layouts.b24layout"\nimport { row } from "./layouts.b24layout"\n\nactivity fourth {\n  ownerTypeId deal\n  ownerId 4\n  layout card\n}\n`;
    writeFileSync(join(dir, "extra.b24layout"), extra);
    newName = "row";
    await expect(from()).rejects.toThrow("Cannot rename 'card' to 'row': 'row' is already imported in extra.b24layout, line 2.");
    await expect(rename("calls.b24layout", at(CALLS, "dealId:", 1), "note")).rejects.toThrow("Cannot rename '$dealId' to '$note': '$note' is already a parameter of 'layout card' (line 9).");
    // A file that imports the layout and gives it a key of the new name (but no value for the renamed one).
    await expect(rename("calls.b24layout", at(CALLS, "dealId:", 1), "extra")).resolves.not.toBeNull();
    writeFileSync(join(dir, "extra.b24layout"), extra.replace("layout card", "layout card { note: \"n\", extra: 2 }"));
    await expect(rename("calls.b24layout", at(CALLS, "dealId:", 1), "extra")).rejects.toThrow("Cannot rename '$dealId' to '$extra': 'extra' is already given a value in 'layout card' (extra.b24layout, line 7).");
    writeFileSync(join(dir, "extra.b24layout"), "");
  });
});

describe("completion", () => {
  let opened = 0;
  async function complete(source: string): Promise<CompletionItem[]> {
    const { text, position } = withCursor(source);
    const name = `doc${++opened}.b24layout`;
    await client.open(uri(name), text);
    const result = await client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri: uri(name) }, position });
    return Array.isArray(result) ? result : (result?.items ?? []);
  }
  const labels = async (source: string) => (await complete(source)).map((i) => i.label);

  it("offers the imported layouts after an activity's `layout`, after the file's own", async () => {
    const items = await complete(`import { card, plain, row } from "./layouts.b24layout"\n\nlayout own {\n  icon info\n}\n\nactivity a {\n  layout §\n}\n`);
    expect(items.map((i) => `${i.label}: ${i.detail ?? ""}`)).toEqual(["own: layout declared here", "card: layout imported from ./layouts.b24layout", "plain: layout imported from ./layouts.b24layout", "json: raw JSON value"]);
  });

  it("offers after an activity's `layout` the layouts of the project's other files, importing the one taken", async () => {
    // The project's files are known once the workspace is walked.
    const until = async (source: string) => {
      for (let i = 0; ; i++) {
        const items = await complete(source);
        if (items.some((x) => x.label === "plain") || i === 50) return items;
        await new Promise((r) => setTimeout(r, 20));
      }
    };
    const shown = (items: CompletionItem[]) => items.map((i) => `${i.label}: ${i.detail ?? ""} ${JSON.stringify(i.additionalTextEdits ?? [])}`);
    const at0 = (line: number, character: number) => ({ start: { line, character }, end: { line, character } });
    const fresh = await until(`// Follow-ups\n\nlayout own {\n  icon info\n}\n\nactivity a {\n  layout §\n}\n`);
    expect(shown(fresh)).toEqual([
      "own: layout declared here []",
      `card: layout in ./layouts.b24layout ${JSON.stringify([{ range: at0(2, 0), newText: 'import { card } from "./layouts.b24layout"\n\n' }])}`,
      `plain: layout in ./layouts.b24layout ${JSON.stringify([{ range: at0(2, 0), newText: 'import { plain } from "./layouts.b24layout"\n\n' }])}`,
      "json: raw JSON value []",
    ]);
    // The file's own and imported ones first.
    expect(fresh.map((i) => i.sortText)).toEqual(["0own", "1card", "1plain", undefined]);
    // A package of its own (its project root) cannot import from the folder above it.
    const nested = "nested/pkg/app.b24layout";
    writeFileSync(join(dir, "nested/pkg/package.json"), "{}");
    const text = "activity a {\n  layout \n}\n";
    await client.open(uri(nested), text);
    const inPackage = await client.connection.sendRequest(CompletionRequest.type, request(nested, at(text, "layout ", 7)));
    expect((Array.isArray(inPackage) ? inPackage : (inPackage?.items ?? [])).map((i) => i.label)).toEqual(["json"]);
    const partly = await until(`import { card } from "./layouts.b24layout"\n\nactivity a {\n  layout §\n}\n`);
    expect(partly.find((i) => i.label === "plain")?.additionalTextEdits).toEqual([{ range: at0(0, 13), newText: ", plain" }]);
    expect(partly.filter((i) => i.label === "card").map((i) => i.detail)).toEqual(["layout imported from ./layouts.b24layout"]);
  });

  it("offers after `use` the imported fragments, not the imported layouts", async () => {
    expect(await labels(`import { card, row } from "./layouts.b24layout"\n\nlayout own {\n  body {\n    use §\n  }\n}\n`)).toEqual(["row"]);
  });

  it("offers inside an import's braces what the file can give, with their heads, but the names imported already", async () => {
    const items = await complete(`import { § } from "./layouts.b24layout"\n`);
    expect(items.map((i) => `${i.label}: ${i.detail ?? ""}`)).toEqual(["translations: translation table", "row: fragment row(label: string)", 'card: layout card(dealId: int, note: string = "")', "plain: layout plain"]);
    expect(await labels(`import { card, p§ } from "./layouts.b24layout"\n`)).toEqual(["translations", "row", "plain"]);
    expect(await labels(`import { row } from "./layouts.b24layout"\nimport { ca§, translations } from "./layouts.b24layout"\n`)).toEqual(["card", "plain"]);
    const typed = await complete(`import { card, pl§ } from "./layouts.b24layout"\n`);
    expect(typed.find((i) => i.label === "plain")?.textEdit).toEqual({ range: { start: { line: 0, character: 15 }, end: { line: 0, character: 17 } }, newText: "plain" });
    // Nowhere to look: no path yet, a file that is not there, the cursor after the braces.
    expect(await labels(`import { § }\n`)).toEqual([]);
    expect(await labels(`import { § } from "./missing.b24layout"\n`)).toEqual([]);
    expect(await labels(`import { card } §from "./layouts.b24layout"\n`)).toEqual([]);
  });

  it("offers an imported layout's parameters inside `layout card { … }`", async () => {
    const items = await complete(`import { card } from "./layouts.b24layout"\n\nactivity a(deal: int) {\n  ownerTypeId deal\n  layout card { § }\n}\n`);
    expect(items.map((i) => `${i.label}: ${i.detail ?? ""}`)).toEqual(["dealId: dealId: int", 'note: note: string = ""']);
  });
});

describe("hover", () => {
  const hover = async (name: string, position: { line: number; character: number }) => (await client.connection.sendRequest(HoverRequest.type, request(name, position)));

  it("shows an imported layout's head and where it is declared, on the reference and on the import's name", async () => {
    const value = '`layout card(dealId: int, note: string = "")`\n\nImported from `./layouts.b24layout` (line 9).';
    expect(await hover("calls.b24layout", at(CALLS, "card {", 2))).toEqual({ contents: { kind: "markdown", value }, range: { start: at(CALLS, "card {"), end: at(CALLS, "card {", 4) } });
    expect((await hover("calls.b24layout", at(CALLS, "card }", 2)))?.contents).toEqual({ kind: "markdown", value });
    expect((await hover("calls.b24layout", at(CALLS, "note:", 1)))?.contents).toEqual({ kind: "markdown", value: '`note: string = ""`\n\nParameter of `layout card`.' });
  });

  it("shows a local layout's and a fragment's head on their references", async () => {
    expect((await hover("layouts.b24layout", at(LAYOUTS, "row {", 1)))?.contents).toEqual({ kind: "markdown", value: "`fragment row(label: string)`" });
  });
});

describe("the quick fix that imports a layout another file declares", () => {
  it("adds the import line the project check's finding suggests", async () => {
    const lone = uri("lone.b24layout");
    let diagnostics: Diagnostic[] = (await client.open(lone, LONE)).diagnostics;
    const range = { start: at(LONE, "plain"), end: at(LONE, "plain", 5) };
    // The project's finding may follow a scan of the workspace.
    for (let i = 0; i < 50 && !diagnostics.some((d) => typeof d.message === "string" && d.message.includes("but layouts.b24layout has")); i++) diagnostics = (await client.diagnosticsFor(lone)).diagnostics;
    const unknown = diagnostics.find((d) => d.code === "unknown-reference");
    expect(unknown?.message).toBe(`Unknown layout 'plain': this file has no layout of that name, but layouts.b24layout has. Import it to use it here: import { plain } from "./layouts.b24layout".`);
    // Where the layout is declared is a related location, linked in a client that takes them.
    expect(unknown?.relatedInformation).toEqual([
      { message: "the layout 'plain'", location: { uri: pathToFileURL(join(dir, "layouts.b24layout")).href, range: { start: { line: 17, character: 7 }, end: { line: 17, character: 12 } } } },
    ]);
    const actions = (await client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri: lone }, range, context: { diagnostics: [unknown!] } })) as CodeAction[];
    const fix = actions.find((a) => a.title === "Import 'plain' from './layouts.b24layout'");
    expect(fix?.kind).toBe("quickfix");
    expect(fix?.edit).toEqual({ changes: { [lone]: [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, newText: 'import { plain } from "./layouts.b24layout"\n\n' }] } });
  });

  it("adds the name to the file's import from that file when it has one", async () => {
    const text = CALLS.replace("layout card { dealId: $deal, note: \"x\" }", "layout plain");
    const u = uri("partly.b24layout");
    let diagnostics: Diagnostic[] = (await client.open(u, text)).diagnostics;
    for (let i = 0; i < 50 && !diagnostics.some((d) => d.code === "unknown-reference" && typeof d.message === "string" && d.message.includes("but layouts.b24layout has")); i++) diagnostics = (await client.diagnosticsFor(u)).diagnostics;
    const unknown = diagnostics.find((d) => d.code === "unknown-reference")!;
    const actions = (await client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri: u }, range: unknown.range, context: { diagnostics: [unknown] } })) as CodeAction[];
    const end = at(text, "card }", 4);
    expect(actions.find((a) => a.title === "Import 'plain' from './layouts.b24layout'")?.edit).toEqual({ changes: { [u]: [{ range: { start: end, end }, newText: ", plain" }] } });
  });
});

describe("clients with other capabilities", () => {
  let versioned: TestClient;
  let plain: TestClient;
  beforeAll(async () => {
    versioned = await startClient(pathToFileURL(dir).href, { capabilities: { ...FULL_CAPABILITIES, workspace: { ...FULL_CAPABILITIES.workspace, workspaceEdit: { documentChanges: true } } } });
    plain = await startClient(pathToFileURL(dir).href, { capabilities: {} });
  }, 30_000);
  afterAll(async () => {
    await versioned.stop();
    await plain.stop();
  });

  it("gives a client that takes document changes the rename as versioned edits (no version for a file that is not open)", async () => {
    await versioned.open(uri("calls.b24layout"), CALLS, 7);
    const edit = await versioned.connection.sendRequest(RenameRequest.type, { ...request("calls.b24layout", at(CALLS, "card {", 1)), newName: "dealCard" });
    const range = (text: string, needle: string) => ({ start: at(text, needle), end: at(text, needle, 4) });
    expect(edit?.changes).toBeUndefined();
    expect(edit?.documentChanges).toEqual([
      { textDocument: { uri: uri("layouts.b24layout"), version: null }, edits: [{ range: range(LAYOUTS, "card("), newText: "dealCard" }] },
      { textDocument: { uri: uri("calls.b24layout"), version: 7 }, edits: [{ range: range(CALLS, "card }"), newText: "dealCard" }, { range: range(CALLS, "card {"), newText: "dealCard" }] },
      { textDocument: { uri: uri("more.b24layout"), version: null }, edits: [{ range: range(MORE, "card,"), newText: "dealCard" }, { range: range(MORE, "card {"), newText: "dealCard" }] },
    ]);
  });

  it("serves a client with none of the optional capabilities: definition, rename by URI, plain completion and hover", async () => {
    await plain.open(uri("calls.b24layout"), CALLS);
    expect(where((await plain.connection.sendRequest(DefinitionRequest.type, request("calls.b24layout", at(CALLS, "card {", 1)))) as Location[])).toEqual([place("layouts.b24layout", LAYOUTS, "card(", 4)]);
    const edit = await plain.connection.sendRequest(RenameRequest.type, { ...request("calls.b24layout", at(CALLS, "card }", 1)), newName: "dealCard" });
    expect(edit?.documentChanges).toBeUndefined();
    expect(Object.keys(edit?.changes ?? {}).map((u) => u.replace(/^.*\//, "")).sort()).toEqual(["calls.b24layout", "layouts.b24layout", "more.b24layout"]);
    const text = `import { card } from "./layouts.b24layout"\n\nactivity a(deal: int) {\n  ownerTypeId deal\n  layout card {  }\n}\n`;
    await plain.open(uri("plain.b24layout"), text);
    const items = await plain.connection.sendRequest(CompletionRequest.type, request("plain.b24layout", at(text, "{  }", 2)));
    const list = Array.isArray(items) ? items : (items?.items ?? []);
    expect(list.map((i) => [i.label, i.textEdit && "newText" in i.textEdit ? i.textEdit.newText : undefined, i.insertTextFormat])).toEqual([
      ["dealId", "dealId: ", undefined],
      ["note", "note: ", undefined],
    ]);
    const hover = await plain.connection.sendRequest(HoverRequest.type, request("calls.b24layout", at(CALLS, "card {", 1)));
    expect(hover?.contents).toEqual({ kind: "plaintext", value: 'layout card(dealId: int, note: string = "")\n\nImported from ./layouts.b24layout (line 9).' });
  });
});
