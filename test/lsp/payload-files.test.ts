/**
 * The `b24layout.payloadFiles` setting read once for the language server and the VS Code
 * extension: the defaults are the names `build` writes, entries add, remap or turn off globs, the
 * last match wins, and mistakes are said (never a crash). The extension's schema URIs serve what
 * `b24layout schema <kind>` prints.
 */
import { describe, expect, it } from "vitest";
import { formatJson } from "../../src/emit/json.js";
import { schemaFor, SCHEMA_KINDS } from "../../src/emit/schema.js";
import {
  DEFAULT_PAYLOAD_FILES,
  dynamicSchemaKind,
  payloadKindOf,
  PAYLOAD_KINDS,
  readPayloadFiles,
  schemaText,
  schemaUri,
} from "../../src/lsp/payload-files.js";
import { outputFileName } from "../../src/util/output-names.js";
import { PAYLOAD_KINDS as CHECKED_KINDS } from "../../src/pipeline/index.js";

describe("the payload files of the editor", () => {
  it("are by default the files build writes, one glob per kind", () => {
    // A kind has a schema (for the editor) and is a kind the JSON front end checks.
    expect(PAYLOAD_KINDS).toEqual(SCHEMA_KINDS);
    expect(PAYLOAD_KINDS).toEqual(CHECKED_KINDS);
    expect(DEFAULT_PAYLOAD_FILES).toEqual({
      "*.layout.json": "layout",
      "*.blocks.json": "blocks",
      "*.badge.json": "badge",
      "*.activity.json": "activity",
      "*.card.json": "card",
    });
    const files = readPayloadFiles(undefined);
    expect(files.problems).toEqual([]);
    for (const kind of PAYLOAD_KINDS) expect(payloadKindOf(files, `dist/b24layout/${outputFileName("missed-call", kind)}`)).toBe(kind);
  });

  it.each([
    ["package.json", undefined],
    ["tsconfig.json", undefined],
    [".vscode/settings.json", undefined],
    ["call.layout.jsonc", undefined],
    ["call.layout.json", "layout"],
    [".hidden.badge.json", "badge"],
    ["deep/er/x.card.json", "card"],
  ])("%s is %s without a setting", (path, kind) => {
    expect(payloadKindOf(readPayloadFiles(undefined), path)).toBe(kind);
  });

  it("adds globs, remaps a default one and turns one off; the last glob that matches wins", () => {
    const files = readPayloadFiles({
      "payloads/**/*.json": "activity",
      "payloads/badges/*.json": "badge",
      "*.card.json": "off",
      "*.layout.json": "auto",
    });
    expect(files.problems).toEqual([]);
    expect(payloadKindOf(files, "payloads/add.json")).toBe("activity");
    expect(payloadKindOf(files, "payloads/x/y/update.json")).toBe("activity");
    expect(payloadKindOf(files, "payloads/badges/missed.json")).toBe("badge");
    expect(payloadKindOf(files, "deal.card.json")).toBeUndefined();
    expect(payloadKindOf(files, "call.layout.json")).toBe("auto");
    // A glob with a slash is matched from the workspace folder, not anywhere below it.
    expect(payloadKindOf(files, "src/payloads/add.json")).toBeUndefined();
    // Written later than the default of its name, a glob that matches a default name wins over it.
    expect(payloadKindOf(readPayloadFiles({ "payloads/*.json": "activity" }), "payloads/a.badge.json")).toBe("activity");
  });

  it("says what is wrong with the setting and keeps the rest", () => {
    const files = readPayloadFiles({ "a/*.json": "activities", "b/*.json": 3, "c/[.json": "badge", "d/*.json": "card" });
    expect(files.problems).toEqual([
      `The kind of 'a/*.json' in b24layout.payloadFiles must be one of "layout", "blocks", "badge", "activity", "card", "auto", "off".`,
      `The kind of 'b/*.json' in b24layout.payloadFiles must be one of "layout", "blocks", "badge", "activity", "card", "auto", "off".`,
    ]);
    expect(payloadKindOf(files, "d/x.json")).toBe("card");
    expect(payloadKindOf(files, "a/x.json")).toBeUndefined();
    expect(readPayloadFiles(["*.json"]).problems).toEqual([
      'The setting b24layout.payloadFiles must be an object of globs to kinds, such as { "payloads/*.json": "activity" }.',
    ]);
    expect(payloadKindOf(readPayloadFiles("nonsense"), "x.layout.json")).toBe("layout");
  });

  it("serves each kind's schema as `b24layout schema <kind>` prints it, and nothing for other URIs", () => {
    const files = readPayloadFiles(undefined);
    for (const kind of PAYLOAD_KINDS) {
      const uri = new URL(schemaUri(kind));
      expect(uri.protocol).toBe("b24layout-schema:");
      expect(schemaText(uri.host, uri.pathname, files)).toBe(formatJson(schemaFor(kind)!));
    }
    expect(schemaText("schema", "/activities.json", files)).toBeUndefined();
    expect(schemaText("schema", "/../activity.json", files)).toBeUndefined();
    expect(schemaText("elsewhere", "/activity.json", files)).toBeUndefined();
  });

  it("serves a default glob's schema while the setting keeps the glob for its kind, else an empty schema", () => {
    const kept = readPayloadFiles({ "*.card.json": "card" });
    const off = readPayloadFiles({ "*.card.json": "off" });
    const remapped = readPayloadFiles({ "*.card.json": "activity" });
    expect(schemaText("default", "/card.json", kept)).toBe(formatJson(schemaFor("card")!));
    expect(schemaText("default", "/card.json", off)).toBe("{}\n");
    expect(schemaText("default", "/card.json", remapped)).toBe("{}\n");
    expect(schemaText("default", "/layout.json", off)).toBe(formatJson(schemaFor("layout")!));
  });

  it("associates beyond the manifest only what its static defaults do not give already", () => {
    const files = readPayloadFiles({ "payloads/*.json": "activity", "*.card.json": "activity", "*.badge.json": "off", "raw/*.json": "auto" });
    expect(dynamicSchemaKind(files, "payloads/add.json")).toBe("activity");
    expect(dynamicSchemaKind(files, "deal.card.json")).toBe("activity");
    expect(dynamicSchemaKind(files, "call.layout.json")).toBeUndefined();
    expect(dynamicSchemaKind(files, "missed.badge.json")).toBeUndefined();
    expect(dynamicSchemaKind(files, "raw/x.json")).toBeUndefined();
    expect(dynamicSchemaKind(files, "package.json")).toBeUndefined();
  });
});
