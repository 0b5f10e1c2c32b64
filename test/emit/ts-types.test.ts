/**
 * The TypeScript types generated from the model: they compile under `--strict`, every payload the
 * compiler writes for the examples and the golden twins is assignable to its type, and payloads
 * the server rejects are not.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { check, compile } from "../../src/index.js";
import { payloadTypeName, typesModule } from "../../src/emit/ts-types.js";
import { typeCheck } from "../support/typescript.js";

const ROOT = resolve(import.meta.dirname, "../..");
const TYPES = "bitrix24.ts";

function sources(dir: string): { name: string; text: string }[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith(".b24layout"))
    .sort()
    .map((f) => ({ name: f, text: readFileSync(join(dir, f), "utf8") }));
}

/** A module assigning each payload to a constant of its type. */
function payloadModule(payloads: readonly { kind: string; directives?: readonly string[]; value: unknown }[]): string {
  const typeOf = (p: (typeof payloads)[number]) => payloadTypeName(p.kind, p.directives);
  const kinds = [...new Set(payloads.map(typeOf))].sort();
  const lines = [`import type { ${kinds.join(", ")} } from "./bitrix24.js";`];
  payloads.forEach((p, i) => lines.push(`export const p${i}: ${typeOf(p)} = ${JSON.stringify(p.value)};`));
  return `${lines.join("\n")}\n`;
}

describe("typesModule", () => {
  it("compiles under --strict on its own", () => {
    expect(typeCheck({ [TYPES]: typesModule() })).toEqual([]);
  });

  it.each([
    ["examples", join(ROOT, "examples")],
    ["golden twins", join(ROOT, "test/golden")],
  ])("accepts every payload compiled from the %s", (_, dir) => {
    // Only payloads without findings: golden twins reproduce docs quirks (`"optionFlags": "1"`) on purpose.
    const payloads = sources(dir).flatMap((s) => {
      const compiled = compile(s.text);
      if (compiled.diagnostics.length > 0) return [];
      const declarations = check(s.text).program.declarations;
      return compiled.outputs.map((o, i) => ({ kind: o.kind, directives: [...declarations[i]!.directives], value: o.value }));
    });
    expect(payloads.length).toBeGreaterThan(10);
    expect(typeCheck({ [TYPES]: typesModule(), "payloads.ts": payloadModule(payloads) })).toEqual([]);
  });

  it.each([
    ["a tag colour the server rejects", "layout", { icon: { code: "info" }, header: { title: "T", tags: { t: { title: "x", type: "lavender" } } }, body: { logo: { code: "document" }, blocks: {} } }, "lavender"],
    ["a missing header", "layout", { icon: { code: "info" }, body: { logo: { code: "document" }, blocks: {} } }, "header"],
    ["a block type that does not exist", "blocks", { blocks: { b: { type: "image", properties: {} } } }, "image"],
    ["a withTitle inside lineOfBlocks", "layout", { icon: { code: "info" }, header: { title: "T" }, body: { logo: { code: "document" }, blocks: { l: { type: "lineOfBlocks", properties: { blocks: { w: { type: "withTitle", properties: { block: { type: "text", properties: { value: "x" } } } } } } } } } }, "withTitle"],
    ["a string where a boolean goes", "layout", { icon: { code: "info" }, header: { title: "T" }, body: { logo: { code: "document" }, blocks: { t: { type: "text", properties: { value: "x", bold: "yes" } } } } }, "'string' is not assignable to type 'boolean"],
    ["a card scope word instead of its letter", "card", { entityTypeId: 3, scope: "personal", data: [] }, "personal"],
  ])("rejects %s", (_, kind, value, mentioned) => {
    const errors = typeCheck({ [TYPES]: typesModule(), "payloads.ts": payloadModule([{ kind, value }]) });
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.join("\n")).toContain(mentioned);
  });

  it("types legacy cards without entityTypeId", () => {
    const value = { entityTypeId: 3, data: [{ name: "main", title: "Main", elements: [] }] };
    const errors = typeCheck({ [TYPES]: typesModule(), "payloads.ts": payloadModule([{ kind: "card", directives: ["legacy"], value }]) });
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/entityTypeId.*does not exist in type 'LegacyCardParams'/);
    const legacy = { data: value.data };
    expect(typeCheck({ [TYPES]: typesModule(), "payloads.ts": payloadModule([{ kind: "card", directives: ["legacy"], value: legacy }]) })).toEqual([]);
  });
});
