/**
 * JSON Schemas for payload files in the VS Code extension (VS Code cannot run here: a stand-in for
 * the `vscode` module records what the extension registers). The manifest associates each default
 * glob statically with a URI the extension serves; the content follows the `b24layout.payloadFiles`
 * setting; the globs the setting adds go through the JSON extension's association API when VS Code
 * has it, and nothing breaks when it has not.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { formatJson } from "../../src/emit/json.js";
import { schemaFor } from "../../src/emit/schema.js";
import { parse as parseJsonc } from "jsonc-parser";
import { AUTO_KIND, DEFAULT_PAYLOAD_FILES, OFF, PAYLOAD_KINDS, readPayloadFiles, SCHEMA_SCHEME, schemaUri } from "../../src/lsp/payload-files.js";
import { ROOT } from "./textmate.js";

interface FakeUri {
  scheme: string;
  authority: string;
  path: string;
  toString(): string;
}
const parseUri = (text: string): FakeUri => {
  const url = new URL(text);
  return { scheme: url.protocol.slice(0, -1), authority: url.host, path: decodeURIComponent(url.pathname), toString: () => text };
};

/** What the extension did with the stand-in. */
interface Fake {
  setting: unknown;
  providers: Map<string, { provideTextDocumentContent: (uri: unknown) => string | undefined; onDidChange: (listener: (uri: { toString(): string }) => void) => void }>;
  configurationListeners: ((event: { affectsConfiguration: (section: string) => boolean }) => void)[];
  jsonApi: unknown;
  associationProviders: { provideSchemaAssociation: (document: unknown) => { toString(): string } | undefined }[];
  associationChanges: unknown[];
}
const fake = vi.hoisted(
  (): Fake => ({ setting: undefined, providers: new Map(), configurationListeners: [], jsonApi: undefined, associationProviders: [], associationChanges: [] }),
);

vi.mock("vscode", () => {
  class EventEmitter<T> {
    private readonly listeners: ((value: T) => void)[] = [];
    event = (listener: (value: T) => void) => void this.listeners.push(listener);
    fire(value: T): void {
      for (const l of this.listeners) l(value);
    }
    dispose(): void {}
  }
  return {
    EventEmitter,
    Uri: { parse: parseUri },
    workspace: {
      getConfiguration: (section: string) => ({ get: (key: string) => (section === "b24layout" && key === "payloadFiles" ? fake.setting : undefined) }),
      registerTextDocumentContentProvider: (scheme: string, provider: never) => (fake.providers.set(scheme, provider), { dispose() {} }),
      onDidChangeConfiguration: (listener: never) => (fake.configurationListeners.push(listener), { dispose() {} }),
      asRelativePath: (uri: FakeUri) => uri.path.replace(/^\/work\//, ""),
      textDocuments: [],
    },
    extensions: {
      getExtension: (id: string) => (id === "vscode.json-language-features" ? { activate: () => Promise.resolve(fake.jsonApi) } : undefined),
    },
  };
});

// Imported by a path the type-checker does not follow: the extension's sources are checked by
// vscode-extension/tsconfig.json (a CommonJS package, with the vscode types), not by the tests'.
const EXTENSION_MODULE = "../../vscode-extension/src/payload-schemas.js";
const { registerPayloadSchemas } = (await import(/* @vite-ignore */ EXTENSION_MODULE)) as { registerPayloadSchemas: (context: unknown, section: string) => void };

interface Manifest {
  activationEvents: string[];
  contributes: {
    jsonValidation: { fileMatch: string; url: string }[];
    configuration: { properties: Record<string, { default: unknown; scope: string; additionalProperties: { enum: string[] } }> };
  };
}
const manifest = JSON.parse(readFileSync(join(ROOT, "vscode-extension", "package.json"), "utf8")) as Manifest;

const document = (path: string, languageId = "json") => ({ uri: parseUri(`file://${path}`), languageId });

async function register(setting: unknown, jsonApi?: unknown): Promise<{ subscriptions: unknown[] }> {
  fake.setting = setting;
  fake.jsonApi = jsonApi;
  fake.providers.clear();
  fake.configurationListeners.length = 0;
  const context = { subscriptions: [] as unknown[] };
  registerPayloadSchemas(context, "b24layout");
  await new Promise((r) => setTimeout(r, 0));
  return context;
}
const serve = (uri: string) => fake.providers.get(SCHEMA_SCHEME)!.provideTextDocumentContent(parseUri(uri));

describe("the manifest's payload files", () => {
  it("associates each default glob statically with the URI the extension serves for it", () => {
    expect(manifest.contributes.jsonValidation).toEqual(Object.entries(DEFAULT_PAYLOAD_FILES).map(([fileMatch, kind]) => ({ fileMatch, url: schemaUri(kind, "default") })));
  });

  it("has the setting with the defaults and the kinds the server reads, and activates when VS Code asks for a schema or opens JSON", () => {
    const setting = manifest.contributes.configuration.properties["b24layout.payloadFiles"]!;
    expect(setting.default).toEqual(DEFAULT_PAYLOAD_FILES);
    expect(setting.additionalProperties.enum).toEqual([...PAYLOAD_KINDS, AUTO_KIND, OFF]);
    expect(manifest.activationEvents).toEqual(["onLanguage:b24layout", "onLanguage:json", "onLanguage:jsonc", `onFileSystem:${SCHEMA_SCHEME}`]);
  });
});

describe("the schemas the extension serves", () => {
  beforeEach(() => {
    fake.associationProviders.length = 0;
    fake.associationChanges.length = 0;
  });

  it("are what `b24layout schema <kind>` prints, and nothing for a URI that names no schema", async () => {
    await register(undefined);
    for (const kind of PAYLOAD_KINDS) {
      expect(serve(schemaUri(kind))).toBe(formatJson(schemaFor(kind)!));
      expect(serve(schemaUri(kind, "default"))).toBe(formatJson(schemaFor(kind)!));
    }
    expect(serve("b24layout-schema://schema/package.json")).toBeUndefined();
    expect(serve("b24layout-schema://other/layout.json")).toBeUndefined();
  });

  it("follow the setting: a default glob turned off or remapped serves an empty schema, and VS Code is told the content changed", async () => {
    await register({ ...DEFAULT_PAYLOAD_FILES });
    const told: string[] = [];
    fake.providers.get(SCHEMA_SCHEME)!.onDidChange((uri) => told.push(uri.toString()));
    fake.setting = { ...DEFAULT_PAYLOAD_FILES, "*.card.json": "off", "*.badge.json": "activity" };
    for (const l of fake.configurationListeners) l({ affectsConfiguration: (s) => s === "b24layout.payloadFiles" });
    expect(serve(schemaUri("card", "default"))).toBe("{}\n");
    expect(serve(schemaUri("badge", "default"))).toBe("{}\n");
    expect(serve(schemaUri("layout", "default"))).toBe(formatJson(schemaFor("layout")!));
    expect(told).toEqual(PAYLOAD_KINDS.map((k) => schemaUri(k, "default")));
  });

  it("are associated with the globs the setting adds through the JSON extension's API, when VS Code has it", async () => {
    const api = {
      registerSchemaAssociationProvider: (p: (typeof fake.associationProviders)[number]) => (fake.associationProviders.push(p), { dispose() {} }),
      schemaAssociationChanged: (uris: unknown) => fake.associationChanges.push(uris),
    };
    await register({ ...DEFAULT_PAYLOAD_FILES, "payloads/*.json": "activity", "raw/*.json": "auto" }, api);
    expect(fake.associationProviders).toHaveLength(1);
    const associate = (path: string, languageId?: string) => fake.associationProviders[0]!.provideSchemaAssociation(document(path, languageId))?.toString();
    expect(associate("/work/payloads/add.json")).toBe(schemaUri("activity"));
    expect(associate("/work/payloads/add.json", "jsonc")).toBe(schemaUri("activity"));
    expect(associate("/work/payloads/add.json", "plaintext")).toBeUndefined();
    // The manifest's static association gives these already, or no schema applies.
    expect(associate("/work/dist/call.layout.json")).toBeUndefined();
    expect(associate("/work/raw/x.json")).toBeUndefined();
    expect(associate("/work/package.json")).toBeUndefined();
  });

  it("are served without the API on a VS Code that has none", async () => {
    const context = await register({ "payloads/*.json": "activity" }, undefined);
    expect(fake.associationProviders).toEqual([]);
    expect(serve(schemaUri("activity"))).toBe(formatJson(schemaFor("activity")!));
    expect(context.subscriptions.length).toBeGreaterThan(0);
  });
});

describe("the README's JSON payload files section", () => {
  const readme = readFileSync(join(ROOT, "vscode-extension", "README.md"), "utf8");
  const section = readme.slice(readme.indexOf("## JSON payload files"), readme.indexOf("## Settings"));
  const examples = [...section.matchAll(/```jsonc\n([\s\S]*?)```/g)].map((m) => parseJsonc(m[1]!) as Record<string, unknown>);

  it("gives a setting the extension reads without a problem, and a json.schemas entry whose URL it serves", async () => {
    expect(examples).toHaveLength(2);
    const setting = examples[0]!["b24layout.payloadFiles"];
    expect(readPayloadFiles(setting).problems).toEqual([]);
    await register(setting);
    const [entry] = examples[1]!["json.schemas"] as { url: string }[];
    expect(serve(entry!.url)).toBe(formatJson(schemaFor("activity")!));
  });

  it("names the defaults the manifest has", () => {
    for (const glob of Object.keys(DEFAULT_PAYLOAD_FILES)) expect(section).toContain(`\`${glob}\``);
  });
});
