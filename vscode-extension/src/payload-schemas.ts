/**
 * JSON Schemas for payload files in VS Code's own JSON editor (completion, hover, validation), by
 * the `b24layout.payloadFiles` setting (src/lsp/payload-files.ts).
 *
 * VS Code has no API to associate a schema with files by a setting of another extension: the
 * manifest's `jsonValidation` is fixed when the extension is packaged, and writing `json.schemas`
 * into the user's settings would change files that are theirs. So:
 * - the schemas are served under `b24layout-schema://` by a content provider, generated from the
 *   model as `b24layout schema <kind>` prints them (VS Code's JSON support reads any scheme through
 *   `openTextDocument`, which activates this extension: `onFileSystem:b24layout-schema`);
 * - the manifest associates each default glob (`*.layout.json`, …) with `b24layout-schema://default/<kind>.json`,
 *   whose content follows the setting: the kind's schema while the setting keeps the glob for that
 *   kind, an empty schema once it is turned off or remapped;
 * - the globs the setting adds are associated through the JSON extension's schema association API
 *   where VS Code has it (feature-detected: VS Code 1.91 has none). Elsewhere they get the language
 *   server's diagnostics only, and the README shows the `json.schemas` entry to add by hand.
 */
import { EventEmitter, extensions, Uri, workspace, type Disposable, type ExtensionContext, type TextDocument } from "vscode";
import {
  DEFAULT_SCHEMA_AUTHORITY,
  dynamicSchemaKind,
  PAYLOAD_FILES_SETTING,
  PAYLOAD_KINDS,
  readPayloadFiles,
  SCHEMA_SCHEME,
  schemaText,
  schemaUri,
  type PayloadFiles,
} from "../../src/lsp/payload-files.js";

/** The part of the API of VS Code's JSON extension used here (newer VS Code only, so every member is optional). */
interface JsonLanguageFeatures {
  registerSchemaAssociationProvider?(provider: { provideSchemaAssociation(document: TextDocument): Uri | null | undefined }): Disposable;
  schemaAssociationChanged?(uri: Uri | Uri[]): boolean;
}

const JSON_EXTENSION_ID = "vscode.json-language-features";

export function registerPayloadSchemas(context: ExtensionContext, section: string): void {
  const read = (): PayloadFiles => readPayloadFiles(workspace.getConfiguration(section).get<unknown>(PAYLOAD_FILES_SETTING));
  let files = read();
  const changed = new EventEmitter<Uri>();
  let json: JsonLanguageFeatures | undefined;

  context.subscriptions.push(
    changed,
    workspace.registerTextDocumentContentProvider(SCHEMA_SCHEME, {
      onDidChange: changed.event,
      // Undefined for a URI that names no schema: VS Code then says it cannot load it.
      provideTextDocumentContent: (uri) => schemaText(uri.authority, uri.path, files),
    }),
    workspace.onDidChangeConfiguration((event) => {
      if (!event.affectsConfiguration(`${section}.${PAYLOAD_FILES_SETTING}`)) return;
      files = read();
      for (const kind of PAYLOAD_KINDS) changed.fire(Uri.parse(schemaUri(kind, DEFAULT_SCHEMA_AUTHORITY)));
      // The API asks the provider again only for documents it associated before.
      json?.schemaAssociationChanged?.(workspace.textDocuments.filter(isJson).map((d) => d.uri));
    }),
  );

  const provider = {
    provideSchemaAssociation(document: TextDocument): Uri | undefined {
      if (!isJson(document) || document.uri.scheme !== "file") return undefined;
      const kind = dynamicSchemaKind(files, workspace.asRelativePath(document.uri, false).replaceAll("\\", "/"));
      return kind === undefined ? undefined : Uri.parse(schemaUri(kind));
    },
  };
  const extension = extensions.getExtension<JsonLanguageFeatures>(JSON_EXTENSION_ID);
  extension?.activate().then(
    (api) => {
      if (typeof api?.registerSchemaAssociationProvider !== "function") return;
      json = api;
      context.subscriptions.push(api.registerSchemaAssociationProvider(provider));
    },
    () => undefined,
  );
}

function isJson(document: TextDocument): boolean {
  return document.languageId === "json" || document.languageId === "jsonc";
}
