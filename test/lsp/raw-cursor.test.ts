/**
 * Where the cursor is inside a raw `json` value as it is typed (src/lsp/raw.ts, rawCursorAt):
 * at a key or a value, in which maps and lists, with the keys of its map before and after it.
 */
import { describe, expect, it } from "vitest";
import { rawCursorAt } from "../../src/lsp/raw.js";

/** The cursor at `§` in the value after `json`, as `where key path keys token`. */
function at(source: string): string {
  const text = `json ${source}`;
  const offset = text.indexOf("§");
  const cursor = rawCursorAt(text.replace("§", ""), 4, offset);
  if (!cursor) return "outside";
  const path = cursor.path.map((f) => `${f.kind}${f.via !== undefined ? `(${f.via})` : ""}`).join(">");
  const keys = cursor.path.at(-1)?.kind === "map" ? [...(cursor.path.at(-1) as { keys: Set<string> }).keys].join(",") : "";
  return [cursor.where, cursor.key ?? "-", path || "-", keys || "-", cursor.token ? `${cursor.token.quoted ? "q:" : ""}${cursor.token.text}` : "-"].join(" ");
}

describe("rawCursorAt", () => {
  it.each([
    ["{ § }", "key - map - -"],
    ["{ ty§", "key - map - ty"],
    ['{ "pro§" }', "key - map - q:pro"],
    ["{ a: § }", "value a map a -"],
    ["{ a:\n  § }", "value a map a -"],
    ['{ a: "x§" }', "value a map a q:x"],
    ["{ a: 1 § }", "none - map a -"],
    ["{ a: 1, § }", "key - map a -"],
    ["{ a: 1\n  § }", "key - map a -"],
    ["{ b: 1, a§: 2, c: 3 }", "key - map b,c a"],
    ["[1, § ]", "value - list - -"],
    ["{ a: [{ § }] }", "key - map>list(a)>map - -"],
    ['{ type: "text", properties: { § }, after: 1 }', "key - map>map(properties) - -"],
    ["§{ }", "value - - - -"],
    ["{ } §", "outside"],
    ["{ // a comment §\n}", "outside"],
    ["{ /* § */ }", "outside"],
    ['{ a: "x\\\n§', "key - map a -"],
    ["} §", "outside"],
  ])("%j: %s", (source, expected) => {
    expect(at(source)).toBe(expected);
  });

  it("knows a map's string values after the cursor too (a content block's type after its properties)", () => {
    const text = 'json { properties: { }, type: "link" }';
    const cursor = rawCursorAt(text, 4, text.indexOf("{ }") + 2)!;
    expect(cursor.path[0]).toMatchObject({ kind: "map", strings: new Map([["type", "link"]]) });
  });
});
