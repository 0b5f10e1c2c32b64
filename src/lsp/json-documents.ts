/**
 * JSON documents in the language server: REST payloads written as JSON get the full checker's
 * diagnostics, any other JSON file (package.json, tsconfig.json, …) gets none, and nothing else.
 *
 * A JSON document is a payload when the project's config includes it (`include`), or when the client's
 * `b24layout.payloadFiles` setting associates it (src/lsp/payload-files.ts). Every other handler
 * of the server is written for `.b24layout` text: for a JSON document they answer nothing rather
 * than read JSON as that language (server.ts asks `isJsonDocument` first).
 */
import { basename, isAbsolute, relative, sep } from "node:path";
import { CONFIG_FILE } from "../config/index.js";
import type { Diagnostic as LspDiagnostic } from "vscode-languageserver";
import type { Diagnostic } from "../diagnostic.js";
import { AUTO_KIND, payloadKindOf, readPayloadFiles, type PayloadFiles } from "./payload-files.js";

/** Language ids of JSON documents (VS Code's, Neovim's, Helix's and eglot's). */
const JSON_LANGUAGE_IDS: ReadonlySet<string> = new Set(["json", "jsonc", "json5"]);

/** Whether a document is JSON: by its language id, or by its name for a client that sends another id (an empty one, `plaintext`). */
export function isJsonDocument(document: { readonly languageId: string; readonly uri: string }): boolean {
  if (JSON_LANGUAGE_IDS.has(document.languageId)) return true;
  if (document.languageId === "b24layout") return false;
  return /\.jsonc?$/i.test(document.uri.replace(/[?#].*$/, ""));
}

export interface JsonDocument {
  readonly uri: string;
  readonly languageId: string;
  readonly version: number;
  getText(): string;
}

export interface JsonDocumentsHost {
  /** The path of a `file:` URI, or undefined. */
  pathOf(uri: string): string | undefined;
  /** The workspace folders (paths). */
  folders(): readonly string[];
  /** Whether the project's config includes a file as a payload (`include`), and the kind an override gives it. */
  configPayload(file: string): { readonly included: boolean; readonly kind: string | undefined };
  /** The findings of the checker on a payload's text, of the given kind (`auto`: recognised by its shape); `comments`: JSON with comments. */
  check(text: string, file: string, kind: string, comments: boolean): readonly Diagnostic[];
  /** The findings as the client gets them (bounded per document, as for .b24layout files). */
  toLsp(diagnostics: readonly Diagnostic[], uri: string): LspDiagnostic[];
  publish(uri: string, version: number | undefined, diagnostics: LspDiagnostic[]): void;
  log(message: string): void;
}

export class JsonPayloadDocuments {
  private files: PayloadFiles = readPayloadFiles(undefined);
  /** Documents with findings shown, so that they are cleared when the document stops being a payload or closes. */
  private readonly shown = new Set<string>();
  /** Open documents answered once (an empty list for one that is no payload, so a client sees it was looked at). */
  private readonly answered = new Set<string>();
  /** The last problems of the setting said in the log, so that each change is said once. */
  private loggedProblems = "";

  constructor(private readonly host: JsonDocumentsHost) {}

  /** The value of `b24layout.payloadFiles` (undefined: the defaults). */
  setPayloadFiles(raw: unknown): void {
    this.files = readPayloadFiles(raw);
    const problems = this.files.problems.join(" ");
    if (problems !== "" && problems !== this.loggedProblems) this.host.log(`b24layout: ${problems}`);
    this.loggedProblems = problems;
  }

  /**
   * The kind a JSON document is checked as, or undefined when it is no payload: one the config
   * includes or the setting associates. An override's kind wins over the setting's, as the
   * config's settings win over the editor's.
   */
  kindOf(uri: string): string | undefined {
    const file = this.host.pathOf(uri);
    // The config is read as a config, never as a payload (as `b24layout check` of a folder does).
    if (file === undefined || isConfigFile(file)) return undefined;
    const configured = this.host.configPayload(file);
    const associated = payloadKindOf(this.files, this.relativePath(file));
    if (!configured.included && associated === undefined) return undefined;
    return configured.kind ?? associated ?? AUTO_KIND;
  }

  validate(document: JsonDocument): void {
    // The config's own mistakes are shown on it by the server (showConfigProblems): nothing here may replace them.
    if (isConfigFile(this.host.pathOf(document.uri))) return;
    const kind = this.kindOf(document.uri);
    const file = this.host.pathOf(document.uri);
    if (kind === undefined || file === undefined) {
      this.clear(document.uri, document.version);
      return;
    }
    let diagnostics: LspDiagnostic[];
    try {
      const comments = document.languageId === "jsonc" || /\.jsonc$/i.test(file);
      diagnostics = this.host.toLsp(this.host.check(document.getText(), file, kind, comments), document.uri);
    } catch (error) {
      this.host.log(`b24layout: internal error while checking ${document.uri}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      this.clear(document.uri, document.version);
      return;
    }
    this.shown.add(document.uri);
    this.answered.add(document.uri);
    this.host.publish(document.uri, document.version, diagnostics);
  }

  close(uri: string): void {
    if (isConfigFile(this.host.pathOf(uri))) return;
    this.clear(uri, undefined);
  }

  /** No findings on a document (`version` undefined: it closed): said when it had some, and on its first check; not at every keystroke in package.json. */
  private clear(uri: string, version: number | undefined): void {
    const had = this.shown.delete(uri);
    const first = version !== undefined && !this.answered.has(uri);
    if (version === undefined) this.answered.delete(uri);
    else this.answered.add(uri);
    if (had || first) this.host.publish(uri, version, []);
  }

  /** Its path from the workspace folder it is in, with `/`; its name when it is in none. */
  private relativePath(file: string): string {
    for (const folder of this.host.folders()) {
      const rel = relative(folder, file);
      if (rel !== "" && !rel.startsWith("..") && !isAbsolute(rel)) return rel.split(sep).join("/");
    }
    return file.slice(file.lastIndexOf(sep) + 1);
  }
}

function isConfigFile(file: string | undefined): boolean {
  return file !== undefined && basename(file) === CONFIG_FILE;
}
