/**
 * The VS Code extension: starts the b24layout language server (dist/server.js, bundled with
 * everything it needs) as a Node process over stdio, for every `.b24layout` document and every
 * JSON file on disk (the server checks the payloads among them and leaves the others alone), and
 * gives payload files their JSON Schema (payload-schemas.ts).
 */
import { join } from "node:path";
import { workspace, type ExtensionContext } from "vscode";
import { LANGUAGE_SERVER_NODE_FLAGS } from "../../src/lsp/heap.js";
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from "vscode-languageclient/node";
import { registerPreview } from "./preview.js";
import { registerPayloadSchemas } from "./payload-schemas.js";

/** The language id of contributes.languages, and the section of the settings (`b24layout.*`). */
export const LANGUAGE_ID = "b24layout";

let client: LanguageClient | undefined;

export async function activate(context: ExtensionContext): Promise<void> {
  const module = context.asAbsolutePath(join("dist", "server.js"));
  const serverOptions: ServerOptions = {
    // The server's V8 flags (a young generation that holds a whole check) only work on the command line.
    run: { module, transport: TransportKind.stdio, options: { execArgv: [...LANGUAGE_SERVER_NODE_FLAGS] } },
    debug: { module, transport: TransportKind.stdio, options: { execArgv: [...LANGUAGE_SERVER_NODE_FLAGS, "--nolazy", "--inspect=6009"] } },
  };
  const clientOptions: LanguageClientOptions = {
    // JSON only on disk: whether it is a payload depends on its path (the config's include, b24layout.payloadFiles).
    documentSelector: [{ language: LANGUAGE_ID }, { scheme: "file", language: "json" }, { scheme: "file", language: "jsonc" }],
    synchronize: {
      // The b24layout.* settings, sent at start and whenever they change; the server may also ask
      // for them (workspace/configuration).
      configurationSection: LANGUAGE_ID,
      // A config file or an imported file changed on disk: the server checks the open documents again.
      fileEvents: [workspace.createFileSystemWatcher("**/b24layout.config.json"), workspace.createFileSystemWatcher("**/*.b24layout")],
    },
  };
  // The id `b24layout` makes `b24layout.trace.server` the trace setting.
  client = new LanguageClient(LANGUAGE_ID, "b24layout", serverOptions, clientOptions);
  registerPreview(context, () => client, LANGUAGE_ID);
  registerPayloadSchemas(context, LANGUAGE_ID);
  await client.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
