/**
 * Every example in `examples/` compiles cleanly: no error and no warning, one output per
 * declaration. The examples are what users copy, so they must show the idiomatic, warning-free way.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { check, compile } from "../src/index.js";

const EXAMPLES = fileURLToPath(new URL("../examples/", import.meta.url));
const FILES = readdirSync(EXAMPLES)
  .filter((f) => f.endsWith(".b24layout"))
  .sort();

describe("examples", () => {
  it("the README lists every example, and only those", () => {
    const readme = readFileSync(join(EXAMPLES, "README.md"), "utf8");
    const listed = [...readme.matchAll(/^\| \[`([^`]+\.b24layout)`\]/gm)].map((m) => m[1]).sort();
    expect(listed).toEqual(FILES);
  });

  it.each(FILES)("%s compiles with no diagnostics", (file) => {
    const text = readFileSync(join(EXAMPLES, file), "utf8");
    const result = compile(text);
    const found = result.diagnostics.map((d) => `${d.range.start.line}:${d.range.start.column} ${d.severity} ${d.ruleId}: ${d.message}`);
    expect(found).toEqual([]);
    expect(result.outputs).toHaveLength(check(text).program.declarations.length);
  });
});
