/**
 * The raw `json` form in every target: the TypeScript module type-checks with `--strict` and its
 * factories return what the JSON target writes, keys in the same order (nothing implicit added).
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { check, compile } from "../../src/index.js";
import { emitTypeScriptModule, identifierFor } from "../../src/emit/typescript.js";
import { typesModule } from "../../src/emit/ts-types.js";
import { typeCheck } from "../support/typescript.js";

const SOURCE = `layout l {
  icon info
  header "T" { tags json { t: { title: "a", type: "warning" } } }
  body {
    logo document
    a: json { properties: { value: "x", bold: true }, type: "text" }
    json { type: "lineOfBlocks", properties: { blocks: { d: { type: "deadline" } } } }
    withTitle "W" { json { type: "link", properties: { text: "L", action: { type: "redirect", uri: "/x" } } } }
  }
  footer json { buttons: { b: { title: "B", type: "primary", action: { type: "restEvent", id: "e" } } } }
}
blocks b json { blocks: { a: { type: "deadline" } } }
card c for deal {
  json { name: "main", title: "Main", elements: [{ name: "TITLE", optionFlags: 1 }] }
  s: section "S" { COMMENTS; json { name: "CONTACT_ID" } }
}
badge g failure json { code: "g", title: "T", value: "V" }
activity a {
  ownerTypeId deal; ownerId 1
  deadline "2025-01-01T10:00:00+03:00"
  layout json { icon: { code: "info" }, header: { title: "T" }, body: { logo: { code: "document" }, blocks: { x: { type: "deadline" } } } }
}
`;

describe("the raw form in the TypeScript and JavaScript targets", () => {
  it("checks clean, type-checks, and its factories return the JSON target's payloads, in the same key order", async () => {
    expect(check(SOURCE).diagnostics).toEqual([]);
    const code = emitTypeScriptModule(check(SOURCE).program, { source: "raw.b24layout" });
    expect(typeCheck({ "b24layout-types.ts": typesModule(), "raw.ts": code })).toEqual([]);
    const dir = mkdtempSync(join(tmpdir(), "b24layout-raw-"));
    try {
      const file = join(dir, "raw.mjs");
      writeFileSync(file, ts.transpileModule(code, { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 } }).outputText);
      const exports = (await import(pathToFileURL(file).href)) as Record<string, () => unknown>;
      for (const output of compile(SOURCE).outputs) {
        expect(JSON.stringify(exports[identifierFor(output.name)]!()), output.name).toBe(JSON.stringify(output.value));
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
