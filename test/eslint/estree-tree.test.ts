/**
 * The params of a call as the positioned tree the checker reads: statically known parts with
 * their exact source ranges (1-based columns, 0-based offsets, as src/diagnostic.ts says), every
 * other part an unknown node, objects with spreads or unknown keys partial.
 */
import { Linter, type Rule } from "eslint";
import tseslint from "typescript-eslint";
import { describe, expect, it } from "vitest";
import { convertPayload, type ConvertedPayload } from "../../src/eslint/estree-tree.js";
import type { JsonNode } from "../../src/json/index.js";

/** The tree of the first argument of the first call `check(…)` in `code`. */
function converted(code: string, parser: "espree" | "typescript" = "espree"): ConvertedPayload {
  let result: ConvertedPayload | undefined;
  const collect: Rule.RuleModule = {
    create: () => ({
      CallExpression(node) {
        if (result === undefined && node.arguments[0]) result = convertPayload(node.arguments[0]);
      },
    }),
  };
  const messages = new Linter({ configType: "flat" }).verify(
    code,
    [{ files: ["**/*.js", "**/*.ts"], plugins: { test: { rules: { collect } } }, rules: { "test/collect": "error" }, ...(parser === "typescript" ? { languageOptions: { parser: tseslint.parser } } : {}) }],
    parser === "typescript" ? "file.ts" : "file.js",
  );
  expect(messages).toEqual([]);
  return result!;
}

/** A tree with each range written `line:column-line:column` and checked against its offsets in `code`. */
function shown(code: string, node: JsonNode): unknown {
  const at = (range: { start: { line: number; column: number; offset: number }; end: { line: number; column: number; offset: number } }) => {
    // The offsets and the line/column pairs name the same places.
    for (const p of [range.start, range.end]) {
      const lines = code.slice(0, p.offset).split("\n");
      expect({ line: lines.length, column: lines.at(-1)!.length + 1 }).toEqual({ line: p.line, column: p.column });
    }
    return `${range.start.line}:${range.start.column}-${range.end.line}:${range.end.column}`;
  };
  switch (node.kind) {
    case "object":
      return { at: at(node.range), ...(node.partial ? { partial: true } : {}), entries: node.entries.map((e) => [e.key, at(e.keyRange), shown(code, e.value)]) };
    case "array":
      return { at: at(node.range), ...(node.partial ? { partial: true } : {}), items: node.items.map((i) => shown(code, i)) };
    case "scalar":
      return { at: at(node.range), value: node.value };
    case "unknown":
      return { at: at(node.range), unknown: true };
  }
}

function tree(code: string, parser: "espree" | "typescript" = "espree"): unknown {
  return shown(code, converted(code, parser).tree);
}

describe("convertPayload", () => {
  it("gives every key and value its exact range, over several lines", () => {
    const code = 'check({\n  icon: { code: "info" },\n  "header": { title: `Hi` },\n  1: [true, null, -2.5],\n});';
    expect(tree(code)).toEqual({
      at: "1:7-5:2",
      entries: [
        ["icon", "2:3-2:7", { at: "2:9-2:25", entries: [["code", "2:11-2:15", { at: "2:17-2:23", value: "info" }]] }],
        ["header", "3:3-3:11", { at: "3:13-3:28", entries: [["title", "3:15-3:20", { at: "3:22-3:26", value: "Hi" }]] }],
        ["1", "4:3-4:4", { at: "4:6-4:24", items: [{ at: "4:7-4:11", value: true }, { at: "4:13-4:17", value: null }, { at: "4:19-4:23", value: -2.5 }] }],
      ],
    });
  });

  it("counts columns in UTF-16 code units, as offsets do", () => {
    expect(tree('check({ t: "😀", code: 1 });')).toEqual({
      at: "1:7-1:27",
      entries: [
        ["t", "1:9-1:10", { at: "1:12-1:16", value: "😀" }],
        ["code", "1:18-1:22", { at: "1:24-1:25", value: 1 }],
      ],
    });
  });

  it("makes the parts it cannot know unknown, and keeps them as present", () => {
    expect(tree("check({ a: x, b: f(), c: `t${x}`, d: undefined, e: 1n, f: /r/, g() {}, h, get i() { return 1; } });")).toEqual({
      at: "1:7-1:98",
      entries: [
        ["a", "1:9-1:10", { at: "1:12-1:13", unknown: true }],
        ["b", "1:15-1:16", { at: "1:18-1:21", unknown: true }],
        ["c", "1:23-1:24", { at: "1:26-1:33", unknown: true }],
        ["d", "1:35-1:36", { at: "1:38-1:47", unknown: true }],
        ["e", "1:49-1:50", { at: "1:52-1:54", unknown: true }],
        ["f", "1:56-1:57", { at: "1:59-1:62", unknown: true }],
        ["g", "1:64-1:65", { at: "1:65-1:70", unknown: true }],
        ["h", "1:72-1:73", { at: "1:72-1:73", unknown: true }],
        ["i", "1:79-1:80", { at: "1:80-1:96", unknown: true }],
      ],
    });
  });

  it("makes an object with a spread partial, and the values written before the spread unknown", () => {
    expect(tree("check({ a: 1, ...rest, b: 2 });")).toEqual({
      at: "1:7-1:30",
      partial: true,
      entries: [
        ["a", "1:9-1:10", { at: "1:12-1:13", unknown: true }],
        ["b", "1:24-1:25", { at: "1:27-1:28", value: 2 }],
      ],
    });
  });

  it("makes an object with an unknown computed key partial, and reads a computed key that is a literal", () => {
    expect(tree('check({ a: 1, [k]: 2, ["b"]: 3 });')).toEqual({
      at: "1:7-1:33",
      partial: true,
      entries: [
        ["a", "1:9-1:10", { at: "1:12-1:13", unknown: true }],
        ["b", "1:24-1:27", { at: "1:30-1:31", value: 3 }],
      ],
    });
  });

  it("keeps a key written twice at its first place with the later value", () => {
    expect(tree("check({ a: 1, b: 2, a: 3 });")).toEqual({
      at: "1:7-1:27",
      entries: [
        ["a", "1:21-1:22", { at: "1:24-1:25", value: 3 }],
        ["b", "1:15-1:16", { at: "1:18-1:19", value: 2 }],
      ],
    });
  });

  it("leaves out `__proto__:`, which sets the prototype, and keeps a computed one, which makes a key", () => {
    expect(tree('check({ "__proto__": { a: 1 }, ["__proto__"]: 2, b: 3 });')).toEqual({
      at: "1:7-1:56",
      entries: [
        ["__proto__", "1:33-1:44", { at: "1:47-1:48", value: 2 }],
        ["b", "1:50-1:51", { at: "1:53-1:54", value: 3 }],
      ],
    });
  });

  it("makes a list with a spread partial, and a hole unknown", () => {
    expect(tree("check([1, ...xs, 2, , 3]);")).toEqual({
      at: "1:7-1:25",
      partial: true,
      items: [{ at: "1:8-1:9", value: 1 }, { at: "1:18-1:19", value: 2 }, { at: "1:7-1:25", unknown: true }, { at: "1:23-1:24", value: 3 }],
    });
  });

  it("reads static strings and numbers: concatenation, templates without expressions, signs", () => {
    expect(tree('check(["a" + "b" + 1, 1 + 2 + "c", `x`, +3, -(-4), -"5", "a" - "b"]);')).toEqual({
      at: "1:7-1:68",
      items: [
        { at: "1:8-1:21", value: "ab1" },
        { at: "1:23-1:34", value: "3c" },
        { at: "1:36-1:39", value: "x" },
        { at: "1:41-1:43", value: 3 },
        { at: "1:45-1:50", value: 4 },
        { at: "1:52-1:56", unknown: true },
        { at: "1:58-1:67", unknown: true },
      ],
    });
  });

  it("reads through TypeScript's wrappers and points at what they wrap", () => {
    const code = 'check({ icon: { code: "info" as const }!, tags: <T>[{ type: "primary" } satisfies Tag] } as Params);';
    expect(tree(code, "typescript")).toEqual({
      at: "1:7-1:89",
      entries: [
        ["icon", "1:9-1:13", { at: "1:15-1:40", entries: [["code", "1:17-1:21", { at: "1:23-1:29", value: "info" }]] }],
        ["tags", "1:43-1:47", { at: "1:52-1:87", items: [{ at: "1:53-1:72", entries: [["type", "1:55-1:59", { at: "1:61-1:70", value: "primary" }]] }] }],
      ],
    });
  });

  it("lists the literals a fix may rewrite: values and keys, telling identifiers from strings", () => {
    const { literals } = converted('check({ a: "x", "b": 1, c: "p" + "q", d: `t`, [e]: 2 });');
    expect([...literals.entries()]).toEqual([
      ["8:9", { kind: "key", identifier: true }],
      ["11:14", { kind: "value", identifier: false }],
      ["16:19", { kind: "key", identifier: false }],
      ["21:22", { kind: "value", identifier: false }],
      ["24:25", { kind: "key", identifier: true }],
      ["38:39", { kind: "key", identifier: true }],
      ["41:44", { kind: "value", identifier: false }],
    ]);
  });

  it("stops reading at a depth no payload reaches, so no input exhausts the stack", () => {
    const depth = 200;
    const code = `check(${"[".repeat(depth)}1${"]".repeat(depth)});`;
    let node = converted(code).tree;
    let levels = 0;
    while (node.kind === "array") {
      node = node.items[0]!;
      levels++;
    }
    expect(levels).toBe(64);
    expect(node.kind).toBe("unknown");
  });
});
