/**
 * The JSON tree against independent oracles: its values against JSON.parse, its ranges against the
 * text (each scalar's range slices to its own JSON, each key's to its quoted key, each object's and
 * list's to its brackets) and against line and column counting done here, over the corpus
 * payloads written with LF, CRLF and lone CR line breaks, and JSON with comments.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { jsonValue, parseJson, type JsonNode } from "../../src/json/json-tree.js";
import type { Range } from "../../src/diagnostic.js";
import { expectedPosition } from "../helpers.js";

const corpusDir = join(import.meta.dirname, "..", "golden", "corpus");
const corpus = readdirSync(corpusDir)
  .filter((f) => f.endsWith(".json"))
  .map((f) => [f, readFileSync(join(corpusDir, f), "utf8")] as const);

/** Every range of the tree, each with what its text must be. */
function* rangesOf(node: JsonNode): Generator<{ range: Range; expect: (slice: string) => void }> {
  if (node.kind === "scalar") yield { range: node.range, expect: (slice) => expect(JSON.parse(slice)).toEqual(node.value) };
  else if (node.kind === "object") {
    yield { range: node.range, expect: (slice) => expect(slice[0] + slice.at(-1)!).toBe("{}") };
    for (const e of node.entries) {
      yield { range: e.keyRange, expect: (slice) => expect(JSON.parse(slice)).toBe(e.key) };
      yield* rangesOf(e.value);
    }
  } else if (node.kind === "array") {
    yield { range: node.range, expect: (slice) => expect(slice[0] + slice.at(-1)!).toBe("[]") };
    for (const item of node.items) yield* rangesOf(item);
  }
}

function expectTrueTree(text: string, options: { comments?: boolean } = {}): JsonNode {
  const parsed = parseJson(text, options);
  if (!parsed.ok) throw new Error(parsed.error.message);
  let count = 0;
  for (const { range, expect: expectSlice } of rangesOf(parsed.root)) {
    expect(range.start).toEqual(expectedPosition(text, range.start.offset));
    expect(range.end).toEqual(expectedPosition(text, range.end.offset));
    expectSlice(text.slice(range.start.offset, range.end.offset));
    count++;
  }
  expect(count).toBeGreaterThan(1);
  return parsed.root;
}

describe("the JSON tree", () => {
  it.each(corpus)("%s: values as JSON.parse reads them, every range where its text is, with LF, CRLF and CR", (_name, text) => {
    for (const breaks of ["\n", "\r\n", "\r"]) {
      const written = text.replace(/\r?\n/g, breaks);
      expect(jsonValue(expectTrueTree(written))).toEqual(JSON.parse(written));
    }
  });

  it("reads JSON with comments (a .jsonc file) with its ranges after multi-line comments", () => {
    const text = '/* a\r\ncomment */ {\n  // the icon\n  "icon": { "code": "call" }, /* x\r y */ "list": [1, -2.5e3, true, null, "a\\"b",],\n}\n';
    const root = expectTrueTree(text, { comments: true });
    expect(jsonValue(root)).toEqual({ icon: { code: "call" }, list: [1, -2500, true, null, 'a"b'] });
  });

  it("keeps a number's text, and a key written twice: the later value at the first key's place, the later key reported", () => {
    const text = '{\n  "a": 1e3,\n  "b": 2,\n  "a": -0\n}';
    const parsed = parseJson(text);
    if (!parsed.ok) throw new Error(parsed.error.message);
    const root = parsed.root;
    if (root.kind !== "object") throw new Error("not an object");
    expect(root.entries.map((e) => [e.key, e.keyRange.start.line, e.value.kind === "scalar" ? e.value.raw : undefined])).toEqual([
      ["a", 2, "-0"],
      ["b", 3, "2"],
    ]);
    expect(parsed.duplicates.map((d) => [d.key, d.range.start.line, d.range.start.column, d.object === root])).toEqual([["a", 4, 3, true]]);
  });

  it("words the first syntax error of a text that is not JSON, at its place", () => {
    const parsed = parseJson('{\n  "a": 1,\n}');
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.error.message).toBe("not valid JSON: a trailing comma before '}' is not allowed (PropertyNameExpected)");
    expect(parsed.error.range.start).toEqual({ offset: 12, line: 3, column: 1 });
  });
});
