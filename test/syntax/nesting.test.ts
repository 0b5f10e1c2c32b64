/**
 * The nesting limit (MAX_NESTING_DEPTH): 64 levels of blocks, maps, lists and parameter types are
 * read; the bracket that opens level 65 is an error at its place, what it holds is skipped, and
 * the rest of the file is read as usual, however deep the input goes.
 */
import { describe, expect, it } from "vitest";
import { MAX_NESTING_DEPTH } from "../../src/syntax/limits.js";
import { parse } from "../../src/syntax/parser.js";
import { renderDiagnostic, renderDocument } from "./render.js";

const TOO_DEEP = (bracket: string) =>
  `Nested too deeply: this '${bracket}' opens level 65, but blocks, maps, lists and parameter types may nest at most 64 levels.`;

/** The same construct nested `depth` times, and what follows it. */
const NESTED = {
  blocks: (depth: number) => `${"a {\n".repeat(depth)}${"}\n".repeat(depth)}b`,
  maps: (depth: number) => `a ${"{k: ".repeat(depth)}1${"}".repeat(depth)}\nb`,
  lists: (depth: number) => `a ${"[".repeat(depth)}1${"]".repeat(depth)}\nb`,
  // The parameter list is the first level.
  "record types": (depth: number) => `a(p: ${"{k: ".repeat(depth - 1)}string${"}".repeat(depth - 1)})\nb`,
  "list types": (depth: number) => `a(p: string${"[]".repeat(depth - 1)})\nb`,
  "maps in lists in blocks": (depth: number) => `${"a {\n".repeat(depth - 2)}x [{k: 1}]\n${"}\n".repeat(depth - 2)}b`,
};

describe(`nesting up to ${MAX_NESTING_DEPTH} levels`, () => {
  it.each(Object.entries(NESTED))("%s: read without error", (_name, nested) => {
    const { document, diagnostics } = parse(nested(MAX_NESTING_DEPTH));
    expect(diagnostics).toEqual([]);
    expect(renderDocument(document).at(-1)).toBe("b");
  });
});

describe("one level deeper", () => {
  it.each([
    ["blocks", "65:3-65:4", "{"],
    ["maps", "1:259-1:260", "{"],
    ["lists", "1:67-1:68", "["],
    ["record types", "1:258-1:259", "{"],
    ["list types", "1:138-1:139", "["],
    ["maps in lists in blocks", "64:4-64:5", "{"],
  ] as const)("%s: an error at the bracket that opens level 65, and the rest is read", (name, at, bracket) => {
    const { document, diagnostics } = parse(NESTED[name](MAX_NESTING_DEPTH + 1));
    expect(diagnostics.map(renderDiagnostic)).toEqual([`${at} ${TOO_DEEP(bracket)}`]);
    expect(renderDocument(document).at(-1)).toBe("b");
  });

  it("the level too deep is left out of the tree, and what is around it is kept", () => {
    const text = `${"a {\n".repeat(MAX_NESTING_DEPTH)}x { y { z } }\nw\n${"}\n".repeat(MAX_NESTING_DEPTH)}`;
    const { document } = parse(text);
    let statement = document.statements[0]!;
    for (let level = 1; level < MAX_NESTING_DEPTH; level++) statement = statement.body!.statements[0]!;
    expect(statement.body!.statements.map((s) => `${s.name.name}${s.body ? ` {${s.body.statements.length}}` : ""}`)).toEqual(["x {0}", "w"]);
  });
});

describe("any depth", () => {
  it.each(Object.entries(NESTED))("%s nested 100,000 deep: one error, no crash", (_name, nested) => {
    const { document, diagnostics } = parse(nested(100_000));
    expect(diagnostics.map((d) => d.message)).toEqual([TOO_DEEP(diagnostics[0]!.message.includes("'['") ? "[" : "{")]);
    expect(renderDocument(document).at(-1)).toBe("b");
  });

  it("brackets left open 100,000 deep: an error, no crash", () => {
    const { diagnostics } = parse("a ".concat("[{k: ".repeat(50_000)));
    expect(diagnostics[0]!.message).toBe(TOO_DEEP("["));
  });
});
