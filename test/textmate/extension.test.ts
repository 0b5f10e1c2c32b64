/**
 * The VS Code extension (vscode-extension/). VS Code itself cannot run here, so: its manifest
 * points at what scripts/build-extension.mjs makes and agrees with the language (id, file
 * extension, grammar, settings, rule ids, language ids); its language configuration does what it
 * says; and the extension, built into a folder outside the repository (so that no node_modules can
 * help its bundles) and packaged as a .vsix, runs its bundled language server over stdio:
 * diagnostics with rule pages from the copied docs, formatting with a project's .prettierrc, and
 * the b24layout.* settings.
 */
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { builtinModules } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  ConfigurationRequest,
  createProtocolConnection,
  DidChangeConfigurationNotification,
  DidOpenTextDocumentNotification,
  DocumentFormattingRequest,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
} from "vscode-languageserver-protocol/node";
import { TextDocument } from "vscode-languageserver-textdocument";
import { ALL_RULES } from "../../src/check/rules/index.js";
import { SOURCE_EXTENSION } from "../../src/workspace/files.js";
import { CONFIG_FILE, configSchema } from "../../src/config/config.js";
import { formatText } from "../../src/format/format.js";
import { languages as prettierLanguages } from "../../src/format/plugin.js";
import { BITRIX_LANGUAGES } from "../../src/model/languages.js";
import { GRAMMAR_PATH, ROOT } from "./textmate.js";

const EXTENSION = join(ROOT, "vscode-extension");

interface Setting {
  type?: string;
  enum?: string[];
  default?: unknown;
  description?: string;
  markdownDescription?: string;
  items?: { enum?: string[] };
  properties?: Record<string, Setting>;
  additionalProperties?: unknown;
}
interface Manifest {
  name: string;
  publisher: string;
  version: string;
  main: string;
  engines: { vscode: string };
  activationEvents: string[];
  contributes: {
    languages: { id: string; extensions: string[]; aliases: string[]; configuration: string }[];
    grammars: { language: string; scopeName: string; path: string }[];
    configuration: { properties: Record<string, Setting> };
    configurationDefaults: Record<string, Record<string, unknown>>;
  };
}
const readJson = <T>(path: string): T => JSON.parse(readFileSync(path, "utf8")) as T;
const manifest = readJson<Manifest>(join(EXTENSION, "package.json"));
const language = manifest.contributes.languages[0]!;

/** The names of the entries of a zip file (a .vsix), from its central directory. */
function zipEntries(zip: Buffer): string[] {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (end < 0) throw new Error("not a zip file");
  const count = zip.readUInt16LE(end + 10);
  let offset = zip.readUInt32LE(end + 16);
  const names: string[] = [];
  for (let i = 0; i < count; i++) {
    if (zip.readUInt32LE(offset) !== 0x02014b50) throw new Error(`bad central directory entry at ${offset}`);
    const nameLength = zip.readUInt16LE(offset + 28);
    names.push(zip.toString("utf8", offset + 46, offset + 46 + nameLength));
    offset += 46 + nameLength + zip.readUInt16LE(offset + 30) + zip.readUInt16LE(offset + 32);
  }
  return names;
}

/** `^1.91.0` → [1, 91, 0]. */
const minimum = (range: string) => range.replace(/^\^/, "").split(".").map(Number);
const atLeast = (a: number[], b: number[]) => a[0]! > b[0]! || (a[0] === b[0] && (a[1]! > b[1]! || (a[1] === b[1] && a[2]! >= b[2]!)));

let built: string;
let buildOutput: string;
beforeAll(() => {
  built = mkdtempSync(join(tmpdir(), "b24layout-extension-"));
  buildOutput = execFileSync(process.execPath, [join(ROOT, "scripts", "build-extension.mjs"), "--out-dir", built, "--no-typecheck"], {
    cwd: ROOT,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
  });
}, 60_000);
afterAll(() => {
  if (built) rmSync(built, { recursive: true, force: true });
});

describe("the manifest", () => {
  it("names the extension as the brief says", () => {
    expect(manifest).toMatchObject({ name: "b24layout", publisher: "b24layout", version: "0.1.0", main: "./dist/extension.js" });
    expect(manifest.engines.vscode).toBe("^1.91.0");
    // JSON too: payload files get the checker's diagnostics (test/textmate/payload-schemas.test.ts).
    expect(manifest.activationEvents[0]).toBe(`onLanguage:${language.id}`);
  });

  it("points at files the build makes, and the .vsix holds them (and nothing of the sources)", () => {
    const pointed = [manifest.main, language.configuration, ...manifest.contributes.grammars.map((g) => g.path)];
    for (const path of pointed) expect(existsSync(join(built, path)), `${path}\n${buildOutput}`).toBe(true);
    const entries = zipEntries(readFileSync(join(built, `${manifest.name}-${manifest.version}.vsix`)));
    const expected = [
      ...pointed.map((p) => `extension/${p.replace(/^\.\//, "")}`),
      "extension/package.json",
      "extension/dist/server.js",
      "extension/readme.md",
      "extension/changelog.md",
      "extension/LICENSE.txt",
      "extension/ThirdPartyNotices.txt",
      ...readdirSync(join(ROOT, "docs", "rules")).map((f) => `extension/docs/rules/${f}`),
    ];
    expect(entries).toEqual(expect.arrayContaining(expected));
    expect(entries.filter((e) => /^extension\/(src|node_modules)\/|\.ts$|tsconfig|\.vsix$/.test(e))).toEqual([]);
  });

  it("has the language of the toolchain: its id, its file extension and the grammar", () => {
    expect(language.id).toBe("b24layout");
    expect(prettierLanguages[0]!.vscodeLanguageIds).toContain(language.id);
    expect(language.extensions).toEqual([SOURCE_EXTENSION]);
    expect(language.extensions).toEqual(prettierLanguages[0]!.extensions);
    const [contributed] = manifest.contributes.grammars;
    expect(contributed).toEqual({ language: language.id, scopeName: "source.b24layout", path: "./syntaxes/b24layout.tmLanguage.json" });
    expect(readFileSync(join(built, contributed!.path), "utf8")).toBe(readFileSync(GRAMMAR_PATH, "utf8"));
    expect(readJson<{ scopeName: string }>(GRAMMAR_PATH).scopeName).toBe(contributed!.scopeName);
    expect(manifest.contributes.configurationDefaults[`[${language.id}]`]?.["editor.defaultFormatter"]).toBe(`${manifest.publisher}.${manifest.name}`);
  });

  it("starts the client for that language and JSON files on disk, watching the config and source files", () => {
    const source = readFileSync(join(EXTENSION, "src", "extension.ts"), "utf8");
    expect(source).toContain(`export const LANGUAGE_ID = "${language.id}";`);
    expect(source).toContain('documentSelector: [{ language: LANGUAGE_ID }, { scheme: "file", language: "json" }, { scheme: "file", language: "jsonc" }]');
    expect(source).toContain(`"**/${CONFIG_FILE}"`);
    expect(source).toContain(`"**/*${SOURCE_EXTENSION}"`);
    expect(source).toContain('join("dist", "server.js")');
  });

  it("asks for a VS Code that vscode-languageclient supports, and is typed against no newer API", () => {
    const client = readJson<{ engines: { vscode: string } }>(join(ROOT, "node_modules", "vscode-languageclient", "package.json"));
    expect(atLeast(minimum(manifest.engines.vscode), minimum(client.engines.vscode))).toBe(true);
    const types = readJson<{ version: string }>(join(ROOT, "node_modules", "@types", "vscode", "package.json"));
    expect(atLeast(minimum(manifest.engines.vscode), minimum(types.version))).toBe(true);
  });

  it("loads the client bundle (with a stand-in for the vscode module), which exports activate and deactivate", () => {
    // Every property of the stand-in is another stand-in, also usable as a class to extend.
    const script = `
      const Module = require("node:module");
      const make = () => new Proxy(class {}, { get: (target, key) => (key === "prototype" ? target.prototype : make()), apply: () => make(), construct: () => make() });
      const load = Module._load;
      Module._load = function (request, ...rest) { return request === "vscode" ? make() : load.call(this, request, ...rest); };
      const extension = require(process.argv[1]);
      console.log(JSON.stringify({ activate: typeof extension.activate, deactivate: typeof extension.deactivate, id: extension.LANGUAGE_ID }));
    `;
    const output = execFileSync(process.execPath, ["-e", script, join(built, "dist", "extension.js")], { cwd: built, encoding: "utf8" });
    expect(JSON.parse(output)).toEqual({ activate: "function", deactivate: "function", id: language.id });
  });

  it("ships the notices of the packages it bundles, with their license texts", () => {
    const notices = readFileSync(join(built, "ThirdPartyNotices.txt"), "utf8");
    const version = (name: string) => (JSON.parse(readFileSync(join(ROOT, "node_modules", name, "package.json"), "utf8")) as { version: string }).version;
    for (const [name, license] of [
      ["chevrotain", "Apache-2.0"],
      ["vscode-languageclient", "MIT"],
      ["vscode-languageserver", "MIT"],
      ["prettier", "MIT"],
      ["jsonc-parser", "MIT"],
    ] as const) {
      expect(notices).toContain(`- ${name} ${version(name)} (${license})`);
    }
    expect(notices).toContain("Apache License");
    expect(notices).not.toContain("holds no license file");
  });

  it("bundles need nothing but Node's built-in modules and, for the client, vscode", () => {
    const required = (file: string) => [...readFileSync(join(built, "dist", file), "utf8").matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1]!);
    const builtin = (name: string) => builtinModules.includes(name.replace(/^node:/, ""));
    expect(required("extension.js").filter((n) => !builtin(n) && n !== "vscode")).toEqual([]);
    expect(required("server.js").filter((n) => !builtin(n))).toEqual([]);
  });
});

describe("the settings", () => {
  const properties = manifest.contributes.configuration.properties;
  const readme = readFileSync(join(EXTENSION, "README.md"), "utf8");

  it("are the five the server reads, each with a default, a description and a row in the README", () => {
    expect(Object.keys(properties)).toEqual(["b24layout.target", "b24layout.languages", "b24layout.rules", "b24layout.payloadFiles", "b24layout.trace.server"]);
    for (const [name, setting] of Object.entries(properties)) {
      expect(setting.markdownDescription ?? setting.description, name).toBeTruthy();
      expect(setting.default, name).toBeDefined();
      expect(readme, name).toContain(`| \`${name}\` | \`${JSON.stringify(setting.default)}\` |`);
    }
  });

  it("take the values of b24layout.config.json", () => {
    const schema = configSchema() as { properties: { target: { enum: string[] } } };
    expect(properties["b24layout.target"]!.enum).toEqual(schema.properties.target.enum);
    expect(properties["b24layout.languages"]!.items!.enum).toEqual(BITRIX_LANGUAGES.map((l) => l.id));
    const rules = properties["b24layout.rules"]!;
    expect(Object.keys(rules.properties!)).toEqual(ALL_RULES.map((r) => r.meta.id));
    for (const [id, rule] of Object.entries(rules.properties!)) {
      expect(rule.enum, id).toEqual(["off", "warn", "error"]);
      expect(rule.markdownDescription, id).toBeTruthy();
    }
    expect(rules.additionalProperties).toBe(false);
    expect(properties["b24layout.trace.server"]!.enum).toEqual(["off", "messages", "verbose"]);
  });
});

describe("the language configuration", () => {
  const config = readJson<{
    comments: { lineComment: string; blockComment: [string, string] };
    brackets: [string, string][];
    autoClosingPairs: { open: string; close: string }[];
    surroundingPairs: [string, string][];
    indentationRules: { increaseIndentPattern: string; decreaseIndentPattern: string };
    folding: { markers: { start: string; end: string } };
    wordPattern: string;
  }>(join(EXTENSION, "language-configuration.json"));

  it("has the language's comments, brackets and quotes", () => {
    expect(config.comments).toEqual({ lineComment: "//", blockComment: ["/*", "*/"] });
    expect(config.brackets).toEqual([["{", "}"], ["[", "]"], ["(", ")"]]);
    const pairs = config.autoClosingPairs.map((p) => p.open + p.close);
    expect(pairs).toEqual(expect.arrayContaining(["{}", "[]", "()", '""', '""""""']));
    expect(config.surroundingPairs).toEqual(expect.arrayContaining([["{", "}"], ['"', '"']]));
  });

  it("selects whole words, inner hyphens included, and numbers", () => {
    const words = (text: string) => text.match(new RegExp(config.wordPattern, "g"));
    expect(words("icon call-completed")).toEqual(["icon", "call-completed"]);
    expect(words("link bold-> redirect")).toEqual(["link", "bold", "redirect"]);
    expect(words("color base_70 size -1.5")).toEqual(["color", "base_70", "size", "-1.5"]);
  });

  it("indents after an opening bracket at the end of a line and outdents at a closing one", () => {
    const increase = new RegExp(config.indentationRules.increaseIndentPattern);
    const decrease = new RegExp(config.indentationRules.decreaseIndentPattern);
    for (const line of ["layout call {", "  body {   ", "layout call(", "  x [", '  header "T" { // tags', "  } else {"]) expect(increase.test(line), line).toBe(true);
    for (const line of ['  text "x"', "  // a {", "  }", '  value { en: "x" }']) expect(increase.test(line), line).toBe(false);
    for (const line of ["}", "  }", "  ] ", ") {", "  } else {"]) expect(decrease.test(line), line).toBe(true);
    for (const line of ['  text "}"', "  body {"]) expect(decrease.test(line), line).toBe(false);
    expect(new RegExp(config.folding.markers.start).test("  // #region texts")).toBe(true);
    expect(new RegExp(config.folding.markers.end).test("  // #endregion")).toBe(true);
  });
});

describe("the bundled language server", () => {
  const UNFORMATTED = 'layout a {\nicon my-own-icon\n  header "T" {\n tag lavender "x"\n  }\n  body {\n logo call\n    text "x"\n  }\n}\n';

  let project: string;
  let child: ChildProcess;
  let connection: ProtocolConnection;
  let stderr = "";
  let settings: Record<string, unknown> = {};
  const published: PublishDiagnosticsParams[] = [];
  const waiting: { uri: string; resolve: (p: PublishDiagnosticsParams) => void }[] = [];
  const nextDiagnostics = (uri: string) =>
    new Promise<PublishDiagnosticsParams>((resolve) => {
      const i = published.findIndex((p) => p.uri === uri);
      if (i >= 0) resolve(published.splice(i, 1)[0]!);
      else waiting.push({ uri, resolve });
    });
  /** The first diagnostics published for `uri` that satisfy `test` (earlier ones are skipped). */
  const diagnosticsWhere = async (uri: string, test: (p: PublishDiagnosticsParams) => boolean, timeout = 5_000): Promise<PublishDiagnosticsParams> => {
    let timer: NodeJS.Timeout | undefined;
    const expired = new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), timeout)));
    try {
      for (;;) {
        const next = await Promise.race([nextDiagnostics(uri), expired]);
        if (!next) throw new Error(`no such diagnostics for ${uri} within ${timeout} ms; stderr: ${stderr}`);
        if (test(next)) return next;
      }
    } finally {
      clearTimeout(timer);
    }
  };

  beforeAll(async () => {
    project = join(built, "project");
    mkdirSync(project);
    writeFileSync(join(project, "package.json"), "{}\n");
    // YAML, so that the bundle's Prettier needs its YAML parser to read it.
    writeFileSync(join(project, ".prettierrc"), "# the project's style\ntabWidth: 4\n");
    child = spawn(process.execPath, [join(built, "dist", "server.js"), "--stdio"], { cwd: project, stdio: ["pipe", "pipe", "pipe"], env: { ...process.env, NODE_PATH: "" } });
    child.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
      const i = waiting.findIndex((w) => w.uri === params.uri);
      if (i >= 0) waiting.splice(i, 1)[0]!.resolve(params);
      else published.push(params);
    });
    connection.onRequest(ConfigurationRequest.type, (params) => params.items.map((item) => (item.section === "b24layout" ? settings : null)));
    connection.listen();
    await connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: pathToFileURL(project).href,
      // As VS Code declares them, for what this test looks at: settings on request, rule pages as links.
      capabilities: { workspace: { configuration: true }, textDocument: { publishDiagnostics: { codeDescriptionSupport: true } } },
      workspaceFolders: [{ uri: pathToFileURL(project).href, name: "project" }],
    });
    await connection.sendNotification(InitializedNotification.type, {});
  }, 30_000);

  afterAll(async () => {
    if (!connection) return;
    await connection.sendRequest(ShutdownRequest.type);
    await connection.sendNotification(ExitNotification.type);
    await new Promise<void>((resolve) => (child.exitCode !== null ? resolve() : child.once("exit", () => resolve())));
    connection.dispose();
  });

  it("runs from a folder with no node_modules above it", () => {
    for (let dir = built; dirname(dir) !== dir; dir = dirname(dir)) expect(existsSync(join(dir, "node_modules")), dir).toBe(false);
  });

  it("reports diagnostics, linking each rule to its page in the extension's docs, formats, and applies the settings", async () => {
    const uri = pathToFileURL(join(project, "a.b24layout")).href;
    const opened = nextDiagnostics(uri);
    await connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: language.id, version: 1, text: UNFORMATTED } });
    const first = await opened;
    const codes = first.diagnostics.map((d) => d.code);
    expect(codes, stderr).toContain("enum-value");
    expect(codes).toContain("unknown-code");
    const error = first.diagnostics.find((d) => d.code === "enum-value")!;
    expect(error.severity).toBe(1);
    expect(error.codeDescription?.href).toBe(pathToFileURL(join(built, "docs", "rules", "enum-value.md")).href);
    expect(existsSync(fileURLToPath(error.codeDescription!.href))).toBe(true);

    const edits = await connection.sendRequest(DocumentFormattingRequest.type, { textDocument: { uri }, options: { tabSize: 2, insertSpaces: true } });
    expect(edits?.length, stderr).toBeGreaterThan(0);
    const formatted = TextDocument.applyEdits(TextDocument.create(uri, language.id, 1, UNFORMATTED), edits!);
    // The project's .prettierrc, not the editor's tabSize: what `b24layout fmt` writes.
    const expected = await formatText(UNFORMATTED, { tabWidth: 4 });
    expect(expected.ok && expected.text).toBe(formatted);
    expect(formatted).toContain('\n    header "T" {\n        tag ');

    // The server asks for the settings (workspace/configuration) when they change.
    settings = { rules: { "unknown-code": "off" }, target: "server", languages: [] };
    const rechecked = diagnosticsWhere(uri, (p) => !p.diagnostics.some((d) => d.code === "unknown-code"));
    await connection.sendNotification(DidChangeConfigurationNotification.type, { settings: { b24layout: settings } });
    expect((await rechecked).diagnostics.map((d) => d.code)).toContain("enum-value");
    expect(stderr).toBe("");
  }, 20_000);
});
