/**
 * Every `.b24layout` file of the project (examples, templates, golden twins; the formatter's
 * expected outputs are proven by fixtures.test.ts) is in the canonical style already: formatting it changes nothing. That also
 * proves idempotency and meaning on real files (formatText refuses a result that means something else).
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { globSync } from "tinyglobby";
import { describe, expect, it } from "vitest";
import { formatText } from "../../src/format/index.js";

const ROOT = resolve(import.meta.dirname, "../..");
const FILES = globSync(["examples/**/*.b24layout", "templates/**/*.b24layout", "test/golden/*.b24layout"], { cwd: ROOT }).sort();

describe("the project's files are formatted", () => {
  it("finds them", () => {
    expect(FILES.length).toBeGreaterThan(30);
  });

  it.each(FILES)("%s", async (file) => {
    const text = readFileSync(resolve(ROOT, file), "utf8");
    expect(await formatText(text)).toEqual({ ok: true, text, changed: false });
  });
});
