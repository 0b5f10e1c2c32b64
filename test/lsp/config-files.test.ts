/**
 * The language server reads configs as the CLI does (src/workspace/config-files.ts): not above the
 * repository root, not one someone else could have written (said on the config and in the log),
 * and a FIFO where a config is never blocks it.
 */
import { execFileSync } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DiagnosticSeverity, DocumentFormattingRequest } from "vscode-languageserver-protocol/node";
import { TextDocument } from "vscode-languageserver-textdocument";
import { scratch, WITH_WARNING } from "../cli/fixtures.js";
import { startClient, type TestClient } from "./client.js";

const STRICT = '{ "rules": { "unknown-code": "error" } }\n';

let client: TestClient;
let outer: string;
let workspace: string;
const uri = (name: string) => pathToFileURL(join(workspace, name)).href;
/** The severity of the unknown-code finding of WITH_WARNING: an error only when a STRICT config applies. */
const unknownCode = async (name: string) => (await client.open(uri(name), WITH_WARNING)).diagnostics.find((d) => d.code === "unknown-code")?.severity;

beforeAll(async () => {
  outer = scratch({
    "b24layout.config.json": STRICT,
    "ws/package.json": "{}",
    "ws/strict/b24layout.config.json": STRICT,
    "ws/shared/b24layout.config.json": STRICT,
  });
  workspace = join(outer, "ws");
  chmodSync(join(workspace, "shared/b24layout.config.json"), 0o666);
  mkdirSync(join(workspace, "pipe"));
  execFileSync("mkfifo", [join(workspace, "pipe/b24layout.config.json")]);
  client = await startClient(pathToFileURL(workspace).href);
}, 30_000);
afterAll(async () => client.stop());

describe("configs in the language server", () => {
  it("applies a config inside the project, not one above its root", async () => {
    expect(await unknownCode("strict/w.b24layout")).toBe(DiagnosticSeverity.Error);
    expect(await unknownCode("w.b24layout")).toBe(DiagnosticSeverity.Warning);
  });

  it("does not use a config everyone may write, and says so on it and in the log", async () => {
    const config = client.diagnosticsFor(pathToFileURL(join(workspace, "shared/b24layout.config.json")).href);
    expect(await unknownCode("shared/w.b24layout")).toBe(DiagnosticSeverity.Warning);
    const published = (await config).diagnostics;
    expect(published).toHaveLength(1);
    expect(published[0]).toMatchObject({ severity: DiagnosticSeverity.Warning, range: { start: { line: 0, character: 0 } } });
    expect(published[0]!.message).toMatch(/^This config is not used, as everyone may write it: the default settings apply to the files below it instead\./);
    expect(await client.logged(/is not used/)).toMatch(/^b24layout: .*shared\/b24layout\.config\.json: This config is not used, as everyone may write it/);
  });

  it("is not blocked by a FIFO where a config is, and says it cannot read it", async () => {
    const config = client.diagnosticsFor(pathToFileURL(join(workspace, "pipe/b24layout.config.json")).href);
    expect(await unknownCode("pipe/w.b24layout")).toBe(DiagnosticSeverity.Warning);
    expect((await config).diagnostics.map((d) => d.message)).toEqual(["cannot read the config: it is a FIFO, not a regular file"]);
  });
});

describe("formatting in the language server", () => {
  it("never runs a JavaScript Prettier config, formats without it, and says so in the log", async () => {
    mkdirSync(join(workspace, "scripted"));
    writeFileSync(join(workspace, "scripted/.prettierrc.cjs"), 'require("node:fs").writeFileSync(require("node:path").join(__dirname, "RAN"), "");\nmodule.exports = { tabWidth: 8 };\n');
    const messy = 'layout l {\nicon info\nheader "T"\nbody { logo call; text "x" }\n}\n';
    const formatted = async (name: string) => {
      await client.open(uri(name), messy);
      const edits = await client.connection.sendRequest(DocumentFormattingRequest.type, { textDocument: { uri: uri(name) }, options: { tabSize: 8, insertSpaces: true } });
      return TextDocument.applyEdits(TextDocument.create(uri(name), "b24layout", 1, messy), edits ?? []);
    };
    expect((await formatted("scripted/a.b24layout")).split("\n")[1]).toBe("  icon info");
    expect((await formatted("scripted/b.b24layout")).split("\n")[1]).toBe("  icon info");
    expect(existsSync(join(workspace, "scripted/RAN"))).toBe(false);
    expect(await client.logged(/Prettier config/)).toMatch(/^b24layout: the Prettier config '.*scripted\/\.prettierrc\.cjs' is not used, as it is a program, which b24layout never runs/);
  });
});
