/**
 * The project check in the editor, over stdio: the findings only the whole set of files shows
 * (output-name: two files that `build` would write under one name) are published on every file
 * they concern, open or not, over the files `b24layout check <folder>` would check (the config's
 * `ignore`, no dot-folder, node_modules or symbolic link), with the open documents' unsaved texts;
 * and they follow changes: typing, closing, files created, changed and deleted on disk (watched
 * files, or the next open, change or save for a client that watches none), settings.
 */
import { rmSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  CodeActionRequest,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  DidCloseTextDocumentNotification,
  DidSaveTextDocumentNotification,
  FileChangeType,
  type Diagnostic,
} from "vscode-languageserver-protocol/node";
import { scratch } from "../cli/fixtures.js";
import { startClient, type TestClient } from "./client.js";

const badge = (name: string, title = "T") => `badge ${name} warning {\n  title "${title}"\n  value "v"\n}\n`;

/** The files of a workspace where `same` is declared in a.b24layout and b.b24layout, and in places the walk does not go. */
function workspace(): string {
  const outside = scratch({ "package.json": "{}", "o.b24layout": badge("same") });
  const dir = scratch({
    "package.json": "{}",
    "b24layout.config.json": '{ "ignore": ["generated/**"] }',
    "a.b24layout": badge("same", "A"),
    "b.b24layout": badge("same", "B"),
    "c.b24layout": badge("other"),
    "generated/g.b24layout": badge("same"),
    "node_modules/pkg/n.b24layout": badge("same"),
    ".hidden/h.b24layout": badge("same"),
  });
  symlinkSync(outside, join(dir, "linked"));
  symlinkSync(join(outside, "o.b24layout"), join(dir, "link.b24layout"));
  return dir;
}

/**
 * An output-name error of `name` (a badge at 1:7), naming the files of the other places
 * (`"b.b24layout:1:7 and d.b24layout:2:7"`, in `root`), which are its related locations.
 */
function sameName(name: string, others: string, root: string): Diagnostic {
  const places = others.split(" and ").map((place) => {
    const [, file, line, column] = /^(.+):(\d+):(\d+)$/.exec(place)!;
    return { file: file!, line: Number(line) - 1, character: Number(column) - 1 };
  });
  return {
    range: { start: { line: 0, character: 6 }, end: { line: 0, character: 6 + name.length } },
    severity: 1,
    code: "output-name",
    codeDescription: { href: expect.stringMatching(/\/docs\/rules\/output-name\.md$/) as string },
    source: "b24layout",
    message: `'${name}' is also the badge declared in ${places.map((p) => p.file).join(" and ")}: both would be written to '${name}.badge.json'. Give each declaration its own name.`,
    relatedInformation: places.map((p) => ({
      location: { uri: pathToFileURL(join(root, p.file)).href, range: { start: { line: p.line, character: p.character }, end: { line: p.line, character: p.character + name.length } } },
      message: `the badge '${name}'`,
    })),
  };
}

/**
 * The diagnostics the server publishes on `uri`, in order, until they are `expected` (those it
 * published before are looked at first): the project's findings follow a change in a later
 * publication, so a test waits for them. Fails with what was published if they never come.
 */
async function published(client: TestClient, uri: string, expected: Diagnostic[], timeout = 10_000): Promise<void> {
  const seen: Diagnostic[][] = [];
  const deadline = Date.now() + timeout;
  for (;;) {
    const next = await Promise.race([client.diagnosticsFor(uri), new Promise<undefined>((r) => setTimeout(() => r(undefined), Math.max(0, deadline - Date.now())))]);
    if (next === undefined) break;
    seen.push(next.diagnostics);
    try {
      expect(next.diagnostics).toEqual(expected);
      return;
    } catch {
      // Not yet: an earlier state.
    }
  }
  expect(seen.at(-1), `published on ${uri}: ${JSON.stringify(seen)}`).toEqual(expected);
}

describe("a client that watches files", () => {
  let client: TestClient;
  let dir: string;
  const uri = (name: string) => pathToFileURL(join(dir, name)).href;

  beforeAll(async () => {
    dir = workspace();
    client = await startClient(pathToFileURL(dir).href);
    await client.logged(/the project check covers 3 file\(s\)/);
  }, 30_000);
  afterAll(async () => client.stop());

  it("shows a finding about two files on both: the open one and the one on disk", async () => {
    // b.b24layout is not open: the server published the project's findings on it after its walk.
    await published(client, uri("b.b24layout"), [sameName("same", "a.b24layout:1:7", dir)]);
    // The files the walk does not find (ignored, node_modules, a dot-folder, links) are not named.
    const opened = await client.open(uri("a.b24layout"), badge("same", "A"));
    expect(opened).toEqual({ uri: uri("a.b24layout"), version: 1, diagnostics: [sameName("same", "b.b24layout:1:7", dir)] });
  });

  it("follows the open document as it is typed: a new name clears the finding on both files, the old one brings it back", async () => {
    const renamed = await client.change(uri("a.b24layout"), 2, [{ range: { start: { line: 0, character: 6 }, end: { line: 0, character: 10 } }, text: "mine" }]);
    expect(renamed.diagnostics).toEqual([]);
    await published(client, uri("b.b24layout"), []);
    const back = await client.change(uri("a.b24layout"), 3, [{ range: { start: { line: 0, character: 6 }, end: { line: 0, character: 10 } }, text: "same" }]);
    expect(back.diagnostics).toEqual([sameName("same", "b.b24layout:1:7", dir)]);
    await published(client, uri("b.b24layout"), [sameName("same", "a.b24layout:1:7", dir)]);
  });

  it("takes a file created, changed or deleted on disk in at the watched-files event", async () => {
    writeFileSync(join(dir, "d.b24layout"), `\n${badge("same")}`);
    await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: uri("d.b24layout"), type: FileChangeType.Created }] });
    await published(client, uri("a.b24layout"), [sameName("same", "b.b24layout:1:7 and d.b24layout:2:7", dir)]);
    await published(client, uri("d.b24layout"), [{ ...sameName("same", "a.b24layout:1:7 and b.b24layout:1:7", dir), range: { start: { line: 1, character: 6 }, end: { line: 1, character: 10 } } }]);
    writeFileSync(join(dir, "d.b24layout"), badge("dee"));
    await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: uri("d.b24layout"), type: FileChangeType.Changed }] });
    await published(client, uri("d.b24layout"), []);
    await published(client, uri("a.b24layout"), [sameName("same", "b.b24layout:1:7", dir)]);
    writeFileSync(join(dir, "e.b24layout"), badge("same"));
    await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: uri("e.b24layout"), type: FileChangeType.Created }] });
    await published(client, uri("e.b24layout"), [sameName("same", "a.b24layout:1:7 and b.b24layout:1:7", dir)]);
    await published(client, uri("a.b24layout"), [sameName("same", "b.b24layout:1:7 and e.b24layout:1:7", dir)]);
    rmSync(join(dir, "e.b24layout"));
    await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: uri("e.b24layout"), type: FileChangeType.Deleted }] });
    // The deleted file's findings are cleared, and the others no longer name it.
    await published(client, uri("e.b24layout"), []);
    await published(client, uri("a.b24layout"), [sameName("same", "b.b24layout:1:7", dir)]);
  });

  it("counts a closed document as it is on disk again", async () => {
    await client.open(uri("b.b24layout"), badge("same", "B"));
    const changed = await client.change(uri("b.b24layout"), 2, [{ range: { start: { line: 0, character: 6 }, end: { line: 0, character: 10 } }, text: "bbbb" }]);
    expect(changed.diagnostics).toEqual([]);
    await published(client, uri("a.b24layout"), []);
    // Closed without saving: the disk's `same` is back, on both.
    const closing = client.diagnosticsFor(uri("b.b24layout"));
    await client.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri: uri("b.b24layout") } });
    expect((await closing).diagnostics).toEqual([sameName("same", "a.b24layout:1:7", dir)]);
    await published(client, uri("a.b24layout"), [sameName("same", "b.b24layout:1:7", dir)]);
  });

  it("leaves an open document the walk does not find alone: it is checked on its own", async () => {
    expect((await client.open(uri("generated/g.b24layout"), badge("same"))).diagnostics).toEqual([]);
  });

  it("moves the project's findings with the text, their fixes too (a suppression of a project rule that suppresses nothing)", async () => {
    // With an import, every change is checked in full: the positions are new objects each time.
    writeFileSync(join(dir, "lib.b24layout"), 'fragment note {\n  text "n"\n}\n');
    const text = `import { note } from "./lib.b24layout"\n${badge("first")}// b24layout-disable-next-line output-name\n${badge("solo")}blocks withNote {\n  use note\n}\n`;
    const u = uri("moved.b24layout");
    const opened = await client.open(u, text);
    expect(opened.diagnostics.map((d) => [d.code, d.range.start.line, d.range.start.character, d.range.end.character])).toEqual([["unused-suppression", 5, 0, 42]]);
    // A character typed on the second line: the comment keeps its line and column, its offset moves by one.
    const typed = await client.change(u, 2, [{ range: { start: { line: 2, character: 9 }, end: { line: 2, character: 9 } }, text: "x" }]);
    expect(typed.diagnostics).toEqual(opened.diagnostics);
    const actions = await client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri: u }, range: typed.diagnostics[0]!.range, context: { diagnostics: typed.diagnostics } });
    const removal = (actions ?? []).find((a) => a.title === "Remove the suppression");
    // The comment's line goes, exactly: from the start of line 5 to the start of line 6.
    expect(removal && "edit" in removal ? removal.edit?.changes?.[u] : undefined).toEqual([{ range: { start: { line: 5, character: 0 }, end: { line: 6, character: 0 } }, newText: "" }]);
  });

  it("honours a suppression comment in a file that is not open", async () => {
    writeFileSync(join(dir, "f.b24layout"), `// b24layout-disable-next-line output-name -- generated elsewhere\n${badge("other")}`);
    await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: uri("f.b24layout"), type: FileChangeType.Created }] });
    // c.b24layout gets the finding; f.b24layout, whose comment suppresses it, gets none.
    await published(client, uri("c.b24layout"), [sameName("other", "f.b24layout:2:7", dir)]);
  });
});

describe("a client that watches no files and declares no capability", () => {
  let client: TestClient;
  let dir: string;
  const uri = (name: string) => pathToFileURL(join(dir, name)).href;

  beforeAll(async () => {
    dir = scratch({ "package.json": "{}", "a.b24layout": badge("same"), "sub/b.b24layout": badge("solo") });
    client = await startClient(pathToFileURL(dir).href, { capabilities: {} });
    await client.logged(/the project check covers 2 file\(s\)/);
  }, 30_000);
  afterAll(async () => client.stop());

  /** Without codeDescription: the client did not declare it takes one. */
  const plain = (d: Diagnostic): Diagnostic => {
    const rest = { ...d };
    delete rest.codeDescription;
    // Nor relatedInformation: the other places are lines of the message.
    delete rest.relatedInformation;
    const lines = (d.relatedInformation ?? []).map((r) => `${r.message} at ${fileURLToPath(r.location.uri)}:${r.location.range.start.line + 1}:${r.location.range.start.character + 1}`);
    return { ...rest, message: [d.message as string, ...lines].join("\n") };
  };

  it("sees a file created on disk at the next save, deleted at the next change, created again at the next open", async () => {
    expect((await client.open(uri("a.b24layout"), badge("same"))).diagnostics).toEqual([]);
    writeFileSync(join(dir, "sub/c.b24layout"), badge("same"));
    await client.connection.sendNotification(DidSaveTextDocumentNotification.type, { textDocument: { uri: uri("a.b24layout") } });
    await published(client, uri("a.b24layout"), [plain(sameName("same", "sub/c.b24layout:1:7", dir))]);
    await published(client, uri("sub/c.b24layout"), [plain(sameName("same", "a.b24layout:1:7", dir))]);
    rmSync(join(dir, "sub/c.b24layout"));
    await client.change(uri("a.b24layout"), 2, [{ range: { start: { line: 1, character: 9 }, end: { line: 1, character: 9 } }, text: "x" }]);
    await published(client, uri("a.b24layout"), []);
    await published(client, uri("sub/c.b24layout"), []);
    writeFileSync(join(dir, "sub/c.b24layout"), badge("same"));
    await client.open(uri("sub/b.b24layout"), badge("solo"));
    await published(client, uri("a.b24layout"), [plain(sameName("same", "sub/c.b24layout:1:7", dir))]);
    rmSync(join(dir, "sub/c.b24layout"));
    await client.connection.sendNotification(DidSaveTextDocumentNotification.type, { textDocument: { uri: uri("a.b24layout") } });
    await published(client, uri("a.b24layout"), []);
  });

  it("applies the settings to the project's findings (output-name off)", async () => {
    writeFileSync(join(dir, "sub/d.b24layout"), badge("same"));
    await client.connection.sendNotification(DidSaveTextDocumentNotification.type, { textDocument: { uri: uri("a.b24layout") } });
    await published(client, uri("a.b24layout"), [plain(sameName("same", "sub/d.b24layout:1:7", dir))]);
    await published(client, uri("sub/d.b24layout"), [plain(sameName("same", "a.b24layout:1:7", dir))]);
    await client.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: { b24layout: { rules: { "output-name": "off" } } } });
    await published(client, uri("a.b24layout"), []);
    await published(client, uri("sub/d.b24layout"), []);
  });
});
