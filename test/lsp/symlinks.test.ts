/**
 * The language server resolves imports as the CLI does: through real paths, bounded by the real
 * project root (test/cli/symlinks.test.ts has the cases; this is the editor's side of one).
 */
import { symlinkSync } from "node:fs";
import { ReferencesRequest } from "vscode-languageserver-protocol/node";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { scratch } from "../cli/fixtures.js";
import { startClient, type TestClient } from "./client.js";

let client: TestClient;
let dir: string;

beforeAll(async () => {
  dir = scratch({
    "proj/package.json": "{}",
    "proj/lib/common.b24layout": 'fragment note {\n  text "Common"\n}\n',
    "proj/user.b24layout": 'import { note } from "./lib/common.b24layout"\nblocks u {\n  use note\n}\n',
    "outside/secret.b24layout": 'fragment note {\n  text "Not yours"\n}\n',
    "outside/user.b24layout": 'import { note } from "./lib/common.b24layout"\nblocks o {\n  use note\n}\n',
  });
  symlinkSync(join(dir, "outside"), join(dir, "proj/shared"));
  symlinkSync(join(dir, "outside/user.b24layout"), join(dir, "proj/linked-user.b24layout"));
  client = await startClient(pathToFileURL(join(dir, "proj")).href);
}, 30_000);
afterAll(async () => client.stop());

describe("imports in the editor", () => {
  it("refuses a file that a linked folder leads outside the project, with the CLI's message", async () => {
    const uri = pathToFileURL(join(dir, "proj/main.b24layout")).href;
    const published = await client.open(uri, 'import { note } from "./shared/secret.b24layout"\nblocks b {\n  use note\n}\n');
    const unresolved = published.diagnostics.filter((d) => d.code === "unresolved-import");
    expect(unresolved.map((d) => ({ message: d.message, range: d.range }))).toEqual([
      {
        message: `'./shared/secret.b24layout' leads through a symbolic link to '${join(dir, "outside/secret.b24layout")}', which is outside the project root '${join(dir, "proj")}': imports cannot reach outside it.`,
        range: { start: { line: 0, character: 21 }, end: { line: 0, character: 48 } },
      },
    ]);
  });
});

describe("workspace files", () => {
  it("finds references in the workspace's own files only: its walk follows no link (a rename would edit files outside)", async () => {
    const uri = pathToFileURL(join(dir, "proj/lib/common.b24layout")).href;
    await client.open(uri, 'fragment note {\n  text "Common"\n}\n');
    const found = await client.connection.sendRequest(ReferencesRequest.type, { textDocument: { uri }, position: { line: 0, character: 10 }, context: { includeDeclaration: false } });
    expect((found ?? []).map((l) => `${l.uri.slice(pathToFileURL(dir).href.length + 1)}:${l.range.start.line}`)).toEqual(["proj/user.b24layout:0", "proj/user.b24layout:2"]);
  });
});
