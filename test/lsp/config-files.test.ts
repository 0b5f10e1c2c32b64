/**
 * The language server reads configs as the CLI does (src/cli/config-files.ts): not above the
 * repository root, not one someone else could have written (said on the config and in the log),
 * and a FIFO where a config is never blocks it.
 */
import { execFileSync } from "node:child_process";
import { chmodSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DiagnosticSeverity } from "vscode-languageserver-protocol/node";
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
