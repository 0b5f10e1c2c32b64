/**
 * Values given to a template where it is referenced (`use clientInfo { name: … }`, an activity's
 * `layout card { dealId: … }`), in the editor over stdio: completion of the parameter names and of
 * their values, hover on a key, go to the parameter from a key, and rename of a parameter (every
 * key of every reference, across files for an imported fragment) and of a layout, with the same
 * refusals as any rename.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CompletionRequest, DefinitionRequest, HoverRequest, PrepareRenameRequest, ReferencesRequest, RenameRequest, type CompletionItem, type Location, type WorkspaceEdit } from "vscode-languageserver-protocol/node";
import { scratch } from "../cli/fixtures.js";
import { positionOf, startClient, type TestClient, withCursor } from "./client.js";

const SHARED = `fragment clientInfo(name: string, vip: bool = false, channel: "web" | "mobile" = "web") {
  client: withTitle "Client" inline { text "\${name}" }
  when $vip { vip: text "VIP" bold }
}
`;

const CALL = `import { clientInfo } from "./shared.b24layout"

layout card(dealId: int, note: string = "", missed: bool = false) {
  icon call
  header "Call" -> redirect "/crm/deal/details/\${dealId}/"
  body {
    logo call-incoming
    use clientInfo { name: $note, vip: $missed }
    text "\${note}"
  }
}

activity callBack(deal: int, client: string, urgent: bool) {
  ownerTypeId deal
  ownerId $deal
  layout card { dealId: $deal, note: "Call \${client}", missed: $urgent }
}

activity other {
  ownerTypeId deal
  ownerId 1
  layout card { "dealId": 5 }
}
`;

/** Another file that imports the fragment and gives it values. */
const OTHER = `import { clientInfo } from "./shared.b24layout"

blocks extra(who: string) {
  use clientInfo {
    name: $who
    channel: "mobile"
  }
}
`;

let client: TestClient;
let plain: TestClient;
let dir: string;
const uri = (name: string) => pathToFileURL(join(dir, name)).href;
const at = positionOf;

let opened = 0;
async function complete(source: string, on: TestClient = client): Promise<CompletionItem[]> {
  const { text, position } = withCursor(source);
  const name = `doc${++opened}.b24layout`;
  await on.open(uri(name), text);
  const result = await on.connection.sendRequest(CompletionRequest.type, { textDocument: { uri: uri(name) }, position });
  return Array.isArray(result) ? result : (result?.items ?? []);
}
const inserted = (items: CompletionItem[]) => items.map((i) => `${i.label} => ${i.textEdit && "newText" in i.textEdit ? i.textEdit.newText : i.label}`);

const LAYOUT = 'layout card(dealId: int, channel: "web" | "mobile" = "web", flag: bool = false, note?: string) {\n  icon info\n}\n';

beforeAll(async () => {
  dir = scratch({ "package.json": "{}", "shared.b24layout": SHARED, "call.b24layout": CALL, "other.b24layout": OTHER });
  client = await startClient(pathToFileURL(dir).href);
  plain = await startClient(pathToFileURL(dir).href, { capabilities: {} });
  await client.open(uri("call.b24layout"), CALL);
}, 30_000);
afterAll(async () => {
  await client.stop();
  await plain.stop();
});

describe("completion", () => {
  it("offers a layout's parameters inside `layout card { … }`, required first, with a placeholder (choices for a union or a boolean)", async () => {
    const items = await complete(`${LAYOUT}activity a(deal: int) {\n  ownerTypeId deal\n  layout card { § }\n}\n`);
    expect(inserted(items)).toEqual(["dealId => dealId: $0", 'channel => channel: ${1|"web","mobile"|}', "flag => flag: ${1|true,false|}", "note => note: $0"]);
    expect(items.map((i) => i.insertTextFormat)).toEqual([2, 2, 2, 2]);
    expect(items.map((i) => i.detail)).toEqual(["dealId: int", 'channel: "web" | "mobile" = "web"', "flag: bool = false", "note?: string"]);
    expect([...items].sort((a, b) => a.sortText!.localeCompare(b.sortText!))[0]!.label).toBe("dealId");
  });

  it("skips the names given already, before or after the cursor, also while the map is half typed", async () => {
    const labels = async (source: string) => (await complete(source)).map((i) => i.label);
    expect(await labels(`${LAYOUT}activity a {\n  layout card { dealId: 1, § }\n}\n`)).toEqual(["channel", "flag", "note"]);
    expect(await labels(`${LAYOUT}activity a {\n  layout card { §, flag: true }\n}\n`)).toEqual(["dealId", "channel", "note"]);
    expect(await labels(`${LAYOUT}activity a {\n  layout card {\n    dealId: 1\n    §\n  }\n}\n`)).toEqual(["channel", "flag", "note"]);
    expect(await labels(`${LAYOUT}activity a {\n  layout card { de§\n}\n`)).toEqual(["dealId", "channel", "flag", "note"]);
  });

  it("offers the file's layouts after an activity's `layout` (or the raw form), and nothing of the layout's own after its name", async () => {
    const labels = async (source: string) => (await complete(source)).map((i) => i.label);
    expect(await labels(`${LAYOUT}activity a {\n  layout §\n}\n`)).toEqual(["card", "json"]);
    expect(await labels(`${LAYOUT}activity a {\n  layout card §\n}\n`)).toEqual([]);
  });

  it("offers an imported fragment's parameters inside `use clientInfo { … }`", async () => {
    const items = await complete('import { clientInfo } from "./shared.b24layout"\nblocks b {\n  use clientInfo { § }\n}\n');
    expect(inserted(items)).toEqual(["name => name: $0", "vip => vip: ${1|true,false|}", 'channel => channel: ${1|"web","mobile"|}']);
    expect(items[0]!.detail).toBe("name: string");
  });

  it("offers after `name: ` the values of its type: literals, booleans, and the caller's names of a type that fits", async () => {
    const labels = async (source: string) => (await complete(source)).map((i) => i.label);
    const caller = (values: string) => `${LAYOUT}activity a(deal: int, title: string, web: "web", on: bool, items: { id: int, kind: "web" | "mobile" }[]) {\n  layout card { ${values} }\n}\n`;
    expect(await labels(caller("dealId: §"))).toEqual(["$deal"]);
    expect(await labels(caller('channel: §'))).toEqual(['"web"', '"mobile"', "$web"]);
    expect(await labels(caller("flag: §"))).toEqual(["true", "false", "$on"]);
    expect(await labels(caller("note: §"))).toEqual(["$title", "$web"]);
    expect(await labels(caller('channel: "m§"'))).toEqual(["web", "mobile"]);
    // A loop variable's fields fit where their types do.
    const loop = `fragment f(id: int, kind: "web" | "mobile") {\n  text "x"\n}\nlayout l(items: { id: int, kind: "web" | "mobile" }[]) {\n  body {\n    each item in $items {\n      use f { id: §\n    }\n  }\n}\n`;
    expect(await labels(loop)).toEqual(["$item.id"]);
    expect(await labels(loop.replace("id: §", "kind: §"))).toEqual(['"web"', '"mobile"', "$item.kind"]);
  });

  it("gives a client without snippets the name and a colon as plain text", async () => {
    const items = await complete(`${LAYOUT}activity a {\n  layout card { § }\n}\n`, plain);
    expect(inserted(items)).toEqual(["dealId => dealId: ", "channel => channel: ", "flag => flag: ", "note => note: "]);
    expect(items.every((i) => i.insertTextFormat === undefined)).toBe(true);
  });
});

describe("hover, definition and references", () => {
  const request = (position: { line: number; character: number }, name = "call.b24layout") => ({ textDocument: { uri: uri(name) }, position });
  const where = (locations: Location[] | null | undefined) => (locations ?? []).map((l) => `${l.uri.replace(/^.*\//, "")}:${l.range.start.line}:${l.range.start.character}-${l.range.end.character}`);

  it("shows a key's parameter with its type and default", async () => {
    const hover = await client.connection.sendRequest(HoverRequest.type, request(at(CALL, "note: \"Call", 1)));
    expect(hover).toEqual({ contents: { kind: "markdown", value: '`note: string = ""`\n\nParameter of `layout card`.' }, range: { start: at(CALL, "note: \"Call"), end: at(CALL, "note: \"Call", 4) } });
    const imported = await client.connection.sendRequest(HoverRequest.type, request(at(CALL, "vip: $missed", 1)));
    expect(imported?.contents).toEqual({ kind: "markdown", value: "`vip: bool = false`\n\nParameter of `fragment clientInfo`." });
  });

  it("goes from a key to the parameter: in the file, and in the file a fragment is imported from", async () => {
    expect(where((await client.connection.sendRequest(DefinitionRequest.type, request(at(CALL, "dealId: $deal", 2)))) as Location[])).toEqual(["call.b24layout:2:12-18"]);
    expect(where((await client.connection.sendRequest(DefinitionRequest.type, request(at(CALL, '"dealId": 5', 3)))) as Location[])).toEqual(["call.b24layout:2:12-18"]);
    expect(where((await client.connection.sendRequest(DefinitionRequest.type, request(at(CALL, "name: $note", 1)))) as Location[])).toEqual(["shared.b24layout:0:20-24"]);
  });

  it("finds a parameter's uses and the keys of every reference", async () => {
    const found = where(await client.connection.sendRequest(ReferencesRequest.type, { ...request(at(CALL, "dealId: int", 1)), context: { includeDeclaration: true } }));
    expect(found).toEqual(["call.b24layout:2:12-18", "call.b24layout:4:49-55", "call.b24layout:15:16-22", "call.b24layout:21:17-23"]);
  });
});

describe("rename", () => {
  const rename = (position: { line: number; character: number }, newName: string, name = "call.b24layout") => client.connection.sendRequest(RenameRequest.type, { textDocument: { uri: uri(name) }, position, newName });
  const edits = (edit: WorkspaceEdit | null) =>
    Object.fromEntries(Object.entries(edit?.changes ?? {}).map(([u, list]) => [u.replace(/^.*\//, ""), list.map((e) => `${e.range.start.line}:${e.range.start.character}-${e.range.end.character} ${e.newText}`)]));

  it("renames a layout's parameter, its uses and the keys of its references (a quoted key keeps its quotes), from any of them", async () => {
    const expected = { "call.b24layout": ["2:12-18 id", "4:49-55 id", "15:16-22 id", "21:17-23 id"] };
    expect(edits(await rename(at(CALL, "dealId: int", 1), "id"))).toEqual(expected);
    expect(edits(await rename(at(CALL, "dealId: $deal", 1), "id"))).toEqual(expected);
    expect(edits(await rename(at(CALL, '"dealId": 5', 2), "id"))).toEqual(expected);
    expect(await client.connection.sendRequest(PrepareRenameRequest.type, { textDocument: { uri: uri("call.b24layout") }, position: at(CALL, '"dealId": 5', 2) })).toEqual({
      range: { start: at(CALL, '"dealId": 5', 1), end: at(CALL, '"dealId": 5', 7) },
      placeholder: "dealId",
    });
  });

  it("renames an imported fragment's parameter in its file and in the keys of every file that imports it", async () => {
    writeFileSync(join(dir, "shared.b24layout"), SHARED);
    const expected = {
      "shared.b24layout": ["0:20-24 fullName", "1:46-50 fullName"],
      "call.b24layout": ["7:21-25 fullName"],
      "other.b24layout": ["4:4-8 fullName"],
    };
    expect(edits(await rename(at(CALL, "name: $note", 1), "fullName"))).toEqual(expected);
    await client.open(uri("shared.b24layout"), SHARED);
    expect(edits(await rename(at(SHARED, "name: string", 1), "fullName", "shared.b24layout"))).toEqual(expected);
  });

  it("renames a layout in its references with values, and refuses a name taken", async () => {
    expect(edits(await rename(at(CALL, "card(", 1), "dealCard"))).toEqual({ "call.b24layout": ["2:7-11 dealCard", "15:9-13 dealCard", "21:9-13 dealCard"] });
    expect(edits(await rename(at(CALL, "card { dealId", 1), "dealCard"))).toEqual({ "call.b24layout": ["2:7-11 dealCard", "15:9-13 dealCard", "21:9-13 dealCard"] });
    await expect(rename(at(CALL, "card(", 1), "other")).rejects.toThrow("Cannot rename 'card' to 'other': 'other' is already the name of the activity in call.b24layout, line 19.");
  });

  it("refuses a name that is another parameter, or a key a reference gives already", async () => {
    await expect(rename(at(CALL, "dealId: $deal", 1), "note")).rejects.toThrow("Cannot rename '$dealId' to '$note': '$note' is already a parameter of 'layout card' (line 3).");
    await expect(rename(at(CALL, "vip: $missed", 1), "channel")).rejects.toThrow("Cannot rename '$vip' to '$channel': '$channel' is already a parameter of 'fragment clientInfo' (line 1).");
    const text = `${LAYOUT}activity a {\n  layout card { dealId: 1, extra: 2 }\n}\n`;
    await client.open(uri("given.b24layout"), text);
    await expect(rename(at(text, "dealId: 1", 1), "extra", "given.b24layout")).rejects.toThrow("Cannot rename '$dealId' to '$extra': 'extra' is already given a value in 'layout card' (given.b24layout, line 5).");
  });
});
