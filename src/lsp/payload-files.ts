/**
 * Which JSON files an editor treats as Bitrix24 payloads, by the `b24layout.payloadFiles` setting:
 * globs to the kind of payload the file holds. The language server checks the files it matches
 * (src/lsp/json-documents.ts), and the VS Code extension gives them the JSON Schema of their kind
 * (vscode-extension/src/payload-schemas.ts): one reading of the setting for both.
 *
 * By default the names `b24layout build` writes are associated (`*.layout.json`, `*.badge.json`, …,
 * src/util/output-names.ts). The setting adds globs, maps a default one to another kind, or turns
 * it off with "off". A glob without `/` matches the file's name in any folder; one with `/` matches
 * its path from the workspace folder. When several match, the last one written wins (the defaults
 * come first), as `overrides` do in b24layout.config.json.
 */
import picomatch from "picomatch";
import { DECLARATIONS } from "../model/index.js";
import { outputFileName } from "../util/index.js";
import { formatJson } from "../emit/index.js";
import { schemaFor } from "../emit/index.js";

/** The setting, under `b24layout.`. */
export const PAYLOAD_FILES_SETTING = "payloadFiles";

/** The kinds a payload file can be given: those `b24layout schema` knows (layout, blocks, badge, activity, card). */
export const PAYLOAD_KINDS: readonly string[] = DECLARATIONS.map((d) => d.outputKind);
/** Recognise the kind from the payload's shape: checked, but no schema can be associated. */
export const AUTO_KIND = "auto";
/** Takes a glob (a default one) back: the files it matches are not payloads. */
export const OFF = "off";

/** `*.layout.json` → `layout`, …: the files `b24layout build` writes. */
export const DEFAULT_PAYLOAD_FILES: Readonly<Record<string, string>> = Object.fromEntries(PAYLOAD_KINDS.map((kind) => [outputFileName("*", kind), kind]));

export interface PayloadFileAssociation {
  readonly glob: string;
  /** A kind of PAYLOAD_KINDS, AUTO_KIND or OFF. */
  readonly kind: string;
  readonly matches: (relativePath: string) => boolean;
}

export interface PayloadFiles {
  readonly associations: readonly PayloadFileAssociation[];
  /** What was wrong with the setting, as sentences (the entries concerned are left out). */
  readonly problems: readonly string[];
}

/**
 * The associations of a setting's value: the defaults, then the setting's entries (VS Code has
 * already put the defaults under what the user wrote; another client sends only its own).
 */
export function readPayloadFiles(raw: unknown): PayloadFiles {
  const entries = new Map(Object.entries(DEFAULT_PAYLOAD_FILES));
  const problems: string[] = [];
  if (raw !== undefined && raw !== null) {
    if (typeof raw !== "object" || Array.isArray(raw)) problems.push(`The setting b24layout.${PAYLOAD_FILES_SETTING} must be an object of globs to kinds, such as { "payloads/*.json": "activity" }.`);
    else {
      for (const [glob, kind] of Object.entries(raw as Record<string, unknown>)) {
        const allowed = [...PAYLOAD_KINDS, AUTO_KIND, OFF];
        if (typeof kind !== "string" || !allowed.includes(kind)) {
          problems.push(`The kind of '${glob}' in b24layout.${PAYLOAD_FILES_SETTING} must be one of ${allowed.map((k) => `"${k}"`).join(", ")}.`);
          continue;
        }
        // A glob given again moves to the end: written later, it wins.
        entries.delete(glob);
        entries.set(glob, kind);
      }
    }
  }
  const associations: PayloadFileAssociation[] = [];
  for (const [glob, kind] of entries) {
    try {
      const matcher = picomatch(glob, { dot: true, basename: !glob.includes("/") });
      associations.push({ glob, kind, matches: (path) => matcher(path) });
    } catch (error) {
      problems.push(`The glob '${glob}' in b24layout.${PAYLOAD_FILES_SETTING} cannot be read: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return { associations, problems };
}

/**
 * The kind the setting gives a file (its path from the workspace folder, with `/`), or undefined
 * when it is no payload file. A path outside every workspace folder is matched by its name only.
 */
export function payloadKindOf(files: PayloadFiles, relativePath: string): string | undefined {
  let kind: string | undefined;
  for (const a of files.associations) if (a.matches(relativePath)) kind = a.kind;
  return kind === OFF ? undefined : kind;
}

/** The scheme of the schemas the VS Code extension serves to VS Code's JSON support. */
export const SCHEMA_SCHEME = "b24layout-schema";
/** `b24layout-schema://schema/activity.json`: the schema of a kind, as `b24layout schema activity` prints it. */
export const SCHEMA_AUTHORITY = "schema";
/**
 * `b24layout-schema://default/layout.json`: what the manifest associates statically with the default
 * glob of a kind (contributes.jsonValidation cannot be configured): the kind's schema while the
 * setting keeps that glob for that kind, else an empty schema, which asks nothing.
 */
export const DEFAULT_SCHEMA_AUTHORITY = "default";

/** The URI of the schema of a kind. */
export function schemaUri(kind: string, authority = SCHEMA_AUTHORITY): string {
  return `${SCHEMA_SCHEME}://${authority}/${kind}.json`;
}

/** The text a schema URI of the extension stands for, under the setting; undefined for a URI that is none. */
export function schemaText(authority: string, path: string, files: PayloadFiles): string | undefined {
  const kind = /^\/([a-z]+)\.json$/.exec(path)?.[1];
  if (kind === undefined || !PAYLOAD_KINDS.includes(kind)) return undefined;
  const schema = schemaFor(kind);
  if (!schema) return undefined;
  if (authority === SCHEMA_AUTHORITY) return formatJson(schema);
  if (authority !== DEFAULT_SCHEMA_AUTHORITY) return undefined;
  return keepsDefault(files, kind) ? formatJson(schema) : formatJson({});
}

/**
 * The kind whose schema a file must be given beyond the manifest's static associations, or
 * undefined: none for `auto` or a file that is no payload, and none where the static default glob
 * of the same kind already gives it (VS Code would apply the schema twice).
 */
export function dynamicSchemaKind(files: PayloadFiles, relativePath: string): string | undefined {
  const kind = payloadKindOf(files, relativePath);
  if (kind === undefined || !PAYLOAD_KINDS.includes(kind)) return undefined;
  const name = relativePath.slice(relativePath.lastIndexOf("/") + 1);
  return keepsDefault(files, kind) && picomatch.isMatch(name, outputFileName("*", kind), { dot: true }) ? undefined : kind;
}

/** Whether the setting leaves the default glob of a kind to that kind. */
function keepsDefault(files: PayloadFiles, kind: string): boolean {
  const glob = outputFileName("*", kind);
  return files.associations.findLast((a) => a.glob === glob)?.kind === kind;
}
