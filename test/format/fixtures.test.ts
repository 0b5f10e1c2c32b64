/**
 * Formatting fixtures, each proven three ways (as Prettier's own tests do): the output is the
 * expected one (`NAME.output.b24layout`; `vitest -u` rewrites them), formatting the output again
 * changes nothing, and the output means what the input meant (the same syntax tree without
 * positions, the same comments). A fixture's first line may set options:
 * `// options: {"printWidth": 60}`.
 */
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { formatText, differenceInMeaning, type FormatOptions } from "../../src/format/index.js";
import { parse } from "../../src/syntax/parser.js";

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), "fixtures");
const INPUT = ".input.b24layout";

function optionsOf(text: string): FormatOptions {
  const m = /^\/\/ options: (\{.*\})/.exec(text);
  return m ? (JSON.parse(m[1]!) as FormatOptions) : {};
}

async function formatted(text: string, options: FormatOptions): Promise<string> {
  const result = await formatText(text, options);
  if (!result.ok) throw new Error(`does not parse: ${result.diagnostics.map((d) => d.message).join("; ")}`);
  return result.text;
}

const names = readdirSync(FIXTURES)
  .filter((f) => f.endsWith(INPUT))
  .map((f) => f.slice(0, -INPUT.length))
  .sort();

describe("formatting fixtures", () => {
  it("has fixtures", () => {
    expect(names.length).toBeGreaterThan(5);
  });

  describe.each(names)("%s", (name) => {
    const input = readFileSync(join(FIXTURES, name + INPUT), "utf8");
    const options = optionsOf(input);

    it("gives the expected output", async () => {
      await expect(await formatted(input, options)).toMatchFileSnapshot(join(FIXTURES, `${name}.output.b24layout`));
    });

    it("is idempotent", async () => {
      const once = await formatted(input, options);
      expect(await formatted(once, options)).toBe(once);
    });

    it("keeps the meaning: the tree without positions and every comment", async () => {
      const out = await formatted(input, options);
      const before = parse(input);
      const after = parse(out);
      expect(after.diagnostics).toEqual([]);
      expect(differenceInMeaning(before.document, after.document)).toBeUndefined();
      expect(after.document.comments.map((c) => c.text)).toEqual(before.document.comments.map((c) => c.text));
    });
  });
});
