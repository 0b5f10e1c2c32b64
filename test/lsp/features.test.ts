/**
 * Completion, hover, navigation, rename, semantic tokens and translation code actions of the
 * language server, over stdio with a real client, at several cursor positions.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  CodeActionRequest,
  CompletionRequest,
  DefinitionRequest,
  HoverRequest,
  PrepareRenameRequest,
  ReferencesRequest,
  RenameRequest,
  SemanticTokensRequest,
  type CompletionItem,
  type Location,
  type MarkupContent,
} from "vscode-languageserver-protocol/node";
import { scratch } from "../cli/fixtures.js";
import { startClient, type TestClient } from "./client.js";

let client: TestClient;
let dir: string;
const uri = (name: string) => pathToFileURL(join(dir, name)).href;

const SHARED = `translations {
  en { client "Client"; vip "VIP client" }
  de { client "Kunde" }
}

fragment clientInfo(name: string) {
  client: withTitle @client inline { text "\${name}" }
}
`;

const CALL = `import { clientInfo, translations } from "./shared.b24layout"

badge missed failure {
  title "Call"
  value "Missed"
}

layout call(dealId: int) {
  icon call
  header @client -> redirect "/crm/deal/details/\${dealId}/"
  body {
    logo call-incoming
    use clientInfo { name: "x" }
    line: lineOfBlocks {
      text "a"
    }
  }
}

activity a {
  ownerTypeId deal
  ownerId 1
  badgeCode missed
  layout call
}
`;

/** Opens `source` (with `§` where the cursor is) as a new document and completes at the cursor. */
let opened = 0;
async function labelsIn(source: string, name = `doc${++opened}.b24layout`): Promise<string[]> {
  const offset = source.indexOf("§");
  const text = source.replace("§", "");
  await client.open(uri(name), text);
  const before = text.slice(0, offset).split("\n");
  return labels(name, before.length - 1, before.at(-1)!.length);
}

async function labels(name: string, line: number, character: number): Promise<string[]> {
  const result = await client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri: uri(name) }, position: { line, character } });
  const items = (Array.isArray(result) ? result : (result)?.items ?? []);
  return items.map((i) => i.label);
}

beforeAll(async () => {
  dir = scratch({ "package.json": "{}", "shared.b24layout": SHARED, "call.b24layout": CALL, "sub/other.b24layout": 'badge sharedBadge warning { title "t"; value "v" }\n', "docs/b24layout.config.json": '{ "target": "docs" }' });
  client = await startClient(pathToFileURL(dir).href);
  await client.open(uri("call.b24layout"), CALL);
}, 30_000);
afterAll(async () => client.stop());

describe("completion", () => {
  it("offers the declarations at the top level", async () => {
    const u = uri("top.b24layout");
    await client.open(u, "\n");
    expect(await labels("top.b24layout", 0, 0)).toEqual(expect.arrayContaining(["layout", "blocks", "badge", "activity", "card", "translations", "fragment", "import"]));
  });

  it("offers in a lineOfBlocks only the blocks it may hold (no withTitle)", async () => {
    const u = uri("nest.b24layout");
    await client.open(u, 'layout l {\n  icon call\n  header "T"\n  body {\n    logo call\n    lineOfBlocks {\n      \n    }\n  }\n}\n');
    const inLine = await labels("nest.b24layout", 6, 6);
    expect(inLine).toEqual(expect.arrayContaining(["text", "link", "deadline"]));
    expect(inLine).not.toContain("withTitle");
    const inBody = await labels("nest.b24layout", 5, 4);
    // The body's logo is set already: a second one is refused by the checker, so it is not offered.
    expect(inBody).toEqual(["text", "largeText", "link", "deadline", "withTitle", "lineOfBlocks", "json", "when", "each", "use"]);
  });

  it("offers icon codes after icon, enum words in a head line, action types after ->", async () => {
    const u = uri("head.b24layout");
    await client.open(u, 'layout l {\n  icon \n  header "T" -> \n  body {\n    logo call\n    text "x" \n  }\n}\n');
    expect(await labels("head.b24layout", 1, 7)).toEqual(expect.arrayContaining(["call", "call-completed", "info"]));
    expect(await labels("head.b24layout", 2, 16)).toEqual(["redirect", "restEvent", "openRestApp"]);
    expect(await labels("head.b24layout", 5, 13)).toEqual(expect.arrayContaining(["bold", "multiline", "xs", "sm", "md", "base_70", "size", "color"]));
  });

  it("offers translation keys after @, parameters after $, fragments after use, entity types, and declared badges", async () => {
    expect(await labels("call.b24layout", 9, 10)).toEqual(["@client", "@vip"]);
    const u = uri("refs.b24layout");
    await client.open(u, 'import { clientInfo } from "./shared.b24layout"\nlayout l(dealId: int) {\n  header $\n  body {\n    use \n  }\n}\nbadge b warning { title "t"; value "v" }\nactivity a {\n  ownerTypeId \n  badgeCode \n}\n');
    expect(await labels("refs.b24layout", 2, 10)).toEqual(["$dealId"]);
    expect(await labels("refs.b24layout", 4, 8)).toEqual(["clientInfo"]);
    expect(await labels("refs.b24layout", 9, 14)).toEqual(expect.arrayContaining(["deal", "lead", "contact", "company"]));
    // A badge declared here, or the raw form (`badgeCode json "…"`).
    expect(await labels("refs.b24layout", 10, 12)).toEqual(["b", "json"]);
  });

  it("offers the ids of a blocks request in a blocks body, once each, and not inside each", async () => {
    const top = await labelsIn('blocks b {\n  entityId 4\n  §\n}\n');
    expect(top).toEqual(expect.arrayContaining(["text", "entityTypeId", "timelineId", "activityId"]));
    expect(top).not.toContain("entityId");
    expect(await labelsIn('blocks b(xs: string[]) {\n  each x in $xs {\n    §\n  }\n}\n')).not.toContain("entityTypeId");
  });

  it("offers a card's field names for its entity", async () => {
    const u = uri("card.b24layout");
    await client.open(u, 'card c for deal {\n  main: section "Main" {\n    \n  }\n}\n');
    expect(await labels("card.b24layout", 2, 4)).toEqual(expect.arrayContaining(["TITLE", "OPPORTUNITY", "STAGE_ID", "when"]));
  });

  it("offers nothing inside comments and strings", async () => {
    expect(await labelsIn('layout l {\n  body {\n    // a comment §\n  }\n}\n')).toEqual([]);
    expect(await labelsIn('layout l {\n  body {\n    /* a comment § */\n  }\n}\n')).toEqual([]);
    expect(await labelsIn('layout l {\n  /* unclosed §')).toEqual([]);
    expect(await labelsIn('layout l {\n  body {\n    text "a st§ring"\n  }\n}\n')).toEqual([]);
    expect(await labelsIn('layout l {\n  body {\n    text "unterminated §\n  }\n}\n')).toEqual([]);
    expect(await labelsIn('layout l {\n  body {\n    text """\n      many §\n    """\n  }\n}\n')).toEqual([]);
    // Right after a closing quote the cursor is back in code: the text block's words.
    expect(await labelsIn('layout l {\n  body {\n    text "done" §\n  }\n}\n')).toContain("bold");
  });

  it("offers the parameters in a string's ${…} and the files in an import's path", async () => {
    expect(await labelsIn('layout l(dealId: int, title: string) {\n  header "Deal ${§"\n}\n')).toEqual(["dealId", "title"]);
    expect(await labelsIn('layout l(dealId: int) {\n  header "Deal ${de§}"\n}\n')).toEqual(["dealId"]);
    // An escaped `\${` is text.
    expect(await labelsIn('layout l(dealId: int) {\n  header "Deal \\${§"\n}\n')).toEqual([]);
    expect(await labelsIn('import { clientInfo } from "./§"\n', "paths.b24layout")).toEqual(["call.b24layout", "docs/", "shared.b24layout", "sub/"]);
  });

  it("does not offer a field already set in the body or on the head line (members repeat)", async () => {
    expect(await labelsIn('layout l {\n  icon call\n  §\n  body { logo call; text "x" }\n}\n')).toEqual(["header", "footer"]);
    expect(await labelsIn('layout l {\n  body {\n    text "a" bold size sm §\n  }\n}\n')).toEqual(["multiline", "title", "color", "base_50", "base_60", "base_70", "base_90", "scope"]);
    expect(await labelsIn('layout l {\n  header "T" {\n    tag warning "a" §\n  }\n}\n')).toEqual(["action"]);
    // A field appears once per card: TITLE is in another section already.
    const card = await labelsIn('card c for deal {\n  main: section "M" {\n    TITLE\n  }\n  more: section "N" {\n    §\n  }\n}\n');
    expect(card).not.toContain("TITLE");
    expect(card).toContain("OPPORTUNITY");
  });

  it("offers only members inside when, else and each", async () => {
    expect(await labelsIn('layout l(x: bool) {\n  body {\n    when $x {\n      §\n    }\n  }\n}\n')).toEqual(["text", "largeText", "link", "deadline", "withTitle", "lineOfBlocks", "json", "when", "each", "use"]);
  });

  it("offers the members after a label, and a field's or parameter's values after `key: `", async () => {
    expect(await labelsIn('layout l {\n  header "T" {\n    a: §\n  }\n}\n')).toEqual(["tag", "json"]);
    expect(await labelsIn('layout l {\n  body {\n    logo call\n    first: §\n  }\n}\n')).toEqual(["text", "largeText", "link", "deadline", "withTitle", "lineOfBlocks", "json"]);
    const fragment = 'fragment f(flag: bool, channel: "web" | "mobile") {\n  text "x"\n}\nlayout l {\n  body {\n    use f { ARGS }\n  }\n}\n';
    expect(await labelsIn(fragment.replace("ARGS", "flag: §"))).toEqual(["true", "false"]);
    expect(await labelsIn(fragment.replace("ARGS", "flag: true, channel: §"))).toEqual(['"web"', '"mobile"']);
  });

  it("offers only what the checker accepts under the target (tag: no lavender, scope or hideIfReadonly on the server)", async () => {
    expect(await labelsIn('layout l {\n  header "T" {\n    tag §\n  }\n}\n')).toEqual(["title", "type", "warning", "success", "failure", "primary", "secondary", "action"]);
    expect(await labelsIn('layout l {\n  header "T" {\n    tag type §\n  }\n}\n')).toEqual(["warning", "success", "failure", "primary", "secondary"]);
    expect(await labelsIn('layout l {\n  header "T" {\n    tag warning "a" {\n      §\n    }\n  }\n}\n')).toEqual(["action"]);
    // Under "target": "docs" (the config in docs/), the docs' tag fields are accepted; lavender is refused by both.
    const docs = pathToFileURL(join(dir, "docs/t.b24layout")).href;
    await client.open(docs, 'layout l {\n  header "T" {\n    tag \n  }\n}\n');
    const result = await client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri: docs }, position: { line: 2, character: 8 } });
    expect((result as CompletionItem[]).map((i) => i.label)).toEqual(["title", "type", "warning", "success", "failure", "primary", "secondary", "action", "scope", "hideIfReadonly"]);
  });

  it("offers a translation table's languages and a language's missing keys once", async () => {
    expect(await labelsIn('translations {\n  en { a "A"; b "B" }\n  de {\n    a "A"\n    §\n  }\n}\n')).toEqual(["b"]);
    expect(await labelsIn('translations {\n  en { a "A" }\n  §\n}\n')).not.toContain("en");
  });

  it("gives whole blocks as snippets", async () => {
    const result = (await client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri: uri("nest.b24layout") }, position: { line: 5, character: 4 } })) as CompletionItem[];
    const withTitle = result.find((i) => i.label === "withTitle")!;
    expect(withTitle.insertTextFormat).toBe(2);
    expect(withTitle.textEdit).toMatchObject({ newText: 'withTitle "${1:title}" {\n\t$0\n}' });
    expect((withTitle.documentation as MarkupContent).value).toContain("A caption and a value");
  });
});

describe("hover", () => {
  const hover = async (line: number, character: number) =>
    ((await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: uri("call.b24layout") }, position: { line, character } }))?.contents as MarkupContent | undefined)?.value;

  it("shows a translation key's texts in every language", async () => {
    expect(await hover(9, 11)).toBe("`@client`\n\n- **en**: Client\n- **de**: Kunde");
  });

  it("shows a parameter's type", async () => {
    expect(await hover(9, 49)).toBe("`dealId: int`");
  });

  it("shows the model's documentation for a block, a field and an enum word", async () => {
    expect(await hover(13, 12)).toContain("**lineOfBlocks** block: Several text, link or deadline blocks on one line.");
    expect(await hover(3, 3)).toContain("**title**: The badge caption");
    expect(await hover(2, 17)).toContain("`failure`: Red.");
    expect(await hover(8, 8)).toContain("Icon code");
  });
});

describe("navigation and rename", () => {
  const at = (line: number, character: number) => ({ textDocument: { uri: uri("call.b24layout") }, position: { line, character } });
  const where = (locations: Location[] | null) => (locations ?? []).map((l) => `${l.uri.replace(/^.*\//, "")}:${l.range.start.line}:${l.range.start.character}`);

  it("goes to an imported fragment and translation key in the other file", async () => {
    expect(where((await client.connection.sendRequest(DefinitionRequest.type, at(12, 10))) as Location[])).toEqual(["shared.b24layout:5:9"]);
    // One place for a key (its first language here: the client said no locale), so the editor jumps.
    expect(where((await client.connection.sendRequest(DefinitionRequest.type, at(9, 11))) as Location[])).toEqual(["shared.b24layout:1:7"]);
  });

  it("goes to a badge and a layout declared in the file", async () => {
    expect(where((await client.connection.sendRequest(DefinitionRequest.type, at(22, 13))) as Location[])).toEqual(["call.b24layout:2:6"]);
    expect(where((await client.connection.sendRequest(DefinitionRequest.type, at(23, 10))) as Location[])).toEqual(["call.b24layout:7:7"]);
  });

  it("finds the references of a parameter, inside strings too", async () => {
    expect(where(await client.connection.sendRequest(ReferencesRequest.type, { ...at(7, 13), context: { includeDeclaration: true } }))).toEqual(["call.b24layout:7:12", "call.b24layout:9:50"]);
  });

  it("finds the references of a fragment across files", async () => {
    const found = where(await client.connection.sendRequest(ReferencesRequest.type, { ...at(12, 10), context: { includeDeclaration: true } }));
    // The definition first; other open test documents import the fragment too.
    expect(found[0]).toBe("shared.b24layout:5:9");
    expect(found).toEqual(expect.arrayContaining(["call.b24layout:0:9", "call.b24layout:12:8"]));
  });

  it("renames a translation key in its table and everywhere it is used", async () => {
    expect(await client.connection.sendRequest(PrepareRenameRequest.type, at(9, 11))).toEqual({ range: { start: { line: 9, character: 10 }, end: { line: 9, character: 16 } }, placeholder: "client" });
    const edit = await client.connection.sendRequest(RenameRequest.type, { ...at(9, 11), newName: "customer" });
    const byFile = Object.fromEntries(Object.entries(edit?.changes ?? {}).map(([u, edits]) => [u.replace(/^.*\//, ""), edits.map((e) => `${e.range.start.line}:${e.range.start.character}-${e.range.end.character}`)]));
    expect(byFile).toEqual({ "shared.b24layout": ["1:7-13", "2:7-13", "6:21-27"], "call.b24layout": ["9:10-16"] });
  });

  it("refuses a new name that is already taken, saying where", async () => {
    const rename = (position: ReturnType<typeof at>, newName: string) => client.connection.sendRequest(RenameRequest.type, { ...position, newName });
    await expect(rename(at(9, 11), "vip")).rejects.toThrow(
      "Cannot rename '@client' to '@vip': '@vip' is already a translation key (shared.b24layout, line 2); the key would then be defined twice, and what '@vip' shows would change.",
    );
    await expect(rename(at(12, 10), "translations")).rejects.toThrow("Cannot rename 'clientInfo' to 'translations': 'translations' is already imported (call.b24layout, line 1).");
    await expect(rename(at(2, 7), "call")).rejects.toThrow("Cannot rename 'missed' to 'call': 'call' is already the name of the layout in call.b24layout, line 8.");
    await expect(rename(at(2, 7), "sharedBadge")).rejects.toThrow("Cannot rename 'missed' to 'sharedBadge': the badge 'sharedBadge' in other.b24layout, line 1, is written to 'sharedBadge.badge.json' too.");
    await expect(rename(at(2, 7), "Call")).resolves.toBeTruthy();
  });

  it("refuses a parameter or loop variable name already seen in its scope", async () => {
    const u = uri("params.b24layout");
    await client.open(u, 'layout l(a: int, b: string, items: string[]) {\n  header "${a} ${b}"\n  body {\n    logo call\n    each item in $items {\n      text "${item}"\n    }\n  }\n}\n');
    const rename = (line: number, character: number, newName: string) => client.connection.sendRequest(RenameRequest.type, { textDocument: { uri: u }, position: { line, character }, newName });
    await expect(rename(0, 9, "b")).rejects.toThrow("Cannot rename '$a' to '$b': '$b' is already a parameter of 'layout l' (line 1).");
    await expect(rename(4, 10, "a")).rejects.toThrow("Cannot rename '$item' to '$a': '$a' is already a parameter of 'layout l' (line 1).");
    await expect(rename(0, 9, "item")).rejects.toThrow("Cannot rename '$a' to '$item': '$item' is already a loop variable of the 'each' on line 5, inside the scope of '$a'.");
    const edit = await rename(4, 10, "entry");
    expect(Object.values(edit?.changes ?? {})[0]?.map((e) => `${e.range.start.line}:${e.range.start.character}`)).toEqual(["4:9", "5:14"]);
  });

  it("refuses a new name that is not a name of its kind", async () => {
    await expect(client.connection.sendRequest(RenameRequest.type, { ...at(7, 13), newName: "deal-id" })).rejects.toThrow("'deal-id' is not a valid parameter name: use letters, digits and '_', starting with a letter or '_'.");
    await expect(client.connection.sendRequest(RenameRequest.type, { ...at(9, 11), newName: "true" })).rejects.toThrow(
      "'true' is not a valid translation key name: use letters, digits and '_' (and inner '-'), starting with a letter or '_', and not 'true', 'false', 'null' or 'import'.",
    );
  });

  it("answers prepareRename with the name's range, and nothing where no name can be renamed", async () => {
    expect(await client.connection.sendRequest(PrepareRenameRequest.type, at(2, 7))).toEqual({ range: { start: { line: 2, character: 6 }, end: { line: 2, character: 12 } }, placeholder: "missed" });
    expect(await client.connection.sendRequest(PrepareRenameRequest.type, at(8, 3))).toBeNull();
  });
});

describe("semantic tokens", () => {
  it("marks keywords, declaration names, properties and words", async () => {
    const u = uri("tokens.b24layout");
    await client.open(u, 'badge b warning {\n  title "t"\n}\n');
    const tokens = await client.connection.sendRequest(SemanticTokensRequest.type, { textDocument: { uri: u } });
    // [line delta, start delta, length, type, modifiers]: badge keyword, b type (declaration), warning enumMember, title property.
    expect(tokens?.data).toEqual([0, 0, 5, 0, 0, 0, 6, 1, 1, 1, 0, 2, 7, 4, 0, 1, 2, 5, 3, 0]);
  });
});

describe("translation code actions", () => {
  it("adds a key a language lacks, with the text to translate", async () => {
    const u = uri("shared.b24layout");
    writeFileSync(join(dir, "shared.b24layout"), SHARED);
    await client.open(u, SHARED);
    const onDe = await client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri: u }, range: { start: { line: 2, character: 3 }, end: { line: 2, character: 3 } }, context: { diagnostics: [] } });
    const add = (onDe ?? []).find((a) => a.title.startsWith("Add 'vip' to de"));
    expect(add && "edit" in add ? add.edit?.changes?.[u] : undefined).toEqual([{ range: { start: { line: 2, character: 21 }, end: { line: 2, character: 21 } }, newText: '; vip "VIP client"' }]);
  });

  it("extracts a text to the table", async () => {
    const u = uri("extract.b24layout");
    const text = 'translations {\n  en { a "A" }\n}\nlayout l {\n  icon call\n  header "Missed call"\n  body { logo call; text "x" }\n}\n';
    await client.open(u, text);
    const actions = await client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri: u }, range: { start: { line: 5, character: 12 }, end: { line: 5, character: 12 } }, context: { diagnostics: [] } });
    const extract = (actions ?? []).find((a) => a.title.startsWith("Extract"));
    expect(extract?.title).toBe("Extract \"Missed call\" to the translation key 'missedCall'");
    expect(extract && "edit" in extract ? extract.edit?.changes?.[u] : undefined).toEqual([
      { range: { start: { line: 1, character: 12 }, end: { line: 1, character: 12 } }, newText: '; missedCall "Missed call"' },
      { range: { start: { line: 5, character: 9 }, end: { line: 5, character: 22 } }, newText: "@missedCall" },
    ]);
  });
});

describe("go to a translation key's definition in the editor's language", () => {
  const TABLE = 'translations {\n  en { hello "Hello" }\n  de { hello "Hallo" }\n  ru { hello "Привет" }\n}\nbadge b warning {\n  title @hello\n  value "v"\n}\n';
  const lineOf = async (locale: string | undefined, config?: string) => {
    const root = scratch({ "package.json": "{}", ...(config ? { "b24layout.config.json": config } : {}) });
    const other = await startClient(pathToFileURL(root).href, locale === undefined ? {} : { locale });
    const u = pathToFileURL(join(root, "t.b24layout")).href;
    await other.open(u, TABLE);
    const found = (await other.connection.sendRequest(DefinitionRequest.type, { textDocument: { uri: u }, position: { line: 6, character: 10 } })) as Location[];
    await other.stop();
    return found.map((l) => l.range.start.line);
  };

  it("answers one place: the locale's language, else the project's first language, else the table's first", async () => {
    expect(await lineOf("de-CH")).toEqual([2]);
    expect(await lineOf("ru")).toEqual([3]);
    expect(await lineOf("ja", '{ "languages": ["ru", "en"] }')).toEqual([3]);
    expect(await lineOf(undefined)).toEqual([1]);
  }, 30_000);
});
