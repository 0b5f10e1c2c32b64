/**
 * The JSON limits' quick pass (surelyWithinLimits) against jsonc-parser's scanner, which the exact
 * check (and the parser) read the text with: whenever the quick pass says a text is within the
 * limits, the scanner finds it no deeper than MAX_JSON_DEPTH — for texts made of brackets, quotes,
 * backslashes, line breaks and slashes in every order, where the two could disagree.
 */
import { createScanner } from "jsonc-parser";
import { describe, expect, it } from "vitest";
import { MAX_JSON_DEPTH, parseJson, surelyWithinLimits } from "../../src/json/json-tree.js";
import { Random } from "../../scripts/fuzz/inputs.js";

/** The deepest nesting jsonc-parser's scanner sees (its tokens, as the exact check counts them). */
function scannerDepth(text: string): number {
  const scanner = createScanner(text, true);
  let depth = 0;
  let deepest = 0;
  for (let token = scanner.scan() as number; token !== 17; token = scanner.scan() as number) {
    if (token === 1 || token === 3) deepest = Math.max(deepest, ++depth);
    else if ((token === 2 || token === 4) && depth > 0) depth--;
  }
  return deepest;
}

describe("the JSON limits' quick pass", () => {
  it("never calls a text within the limits that the scanner finds too deep", () => {
    // The fuzzer's generator, so a failure can be replayed from its seed.
    const rng = new Random(20261207);
    const next = (): number => rng.next();
    // Brackets most of the time, so texts pass the depth limit often; the rest are what can hide them.
    const pieces = ["[", "[", "[", "{", "]", "}", '"', "\\", "\n", "\r", "a", ":", ","];
    let judged = 0;
    for (let n = 0; n < 3000; n++) {
      const length = 40 + Math.floor(next() * 200);
      let text = "";
      for (let i = 0; i < length; i++) text += next() < 0.005 ? "/" : pieces[Math.floor(next() * pieces.length)];
      if (!surelyWithinLimits(text)) continue;
      judged++;
      expect(scannerDepth(text), JSON.stringify(text)).toBeLessThanOrEqual(MAX_JSON_DEPTH);
    }
    // The property is not vacuous: many texts were judged by the quick pass alone.
    expect(judged).toBeGreaterThan(300);
  });

  it("leaves to the scanner what it cannot judge, which then refuses it at the place", () => {
    const deep = "[".repeat(MAX_JSON_DEPTH + 1) + "]".repeat(MAX_JSON_DEPTH + 1);
    expect(surelyWithinLimits(deep)).toBe(false);
    const parsed = parseJson(deep);
    expect(parsed.ok).toBe(false);
    expect(parsed.ok ? undefined : [parsed.tooLarge, parsed.error.range.start.column]).toEqual(["depth", MAX_JSON_DEPTH + 1]);
    // Brackets in a string do not nest; an escaped quote does not end the string.
    const inString = `["${"[".repeat(100)}\\"${"{".repeat(100)}"]`;
    expect(surelyWithinLimits(inString)).toBe(true);
    expect(parseJson(inString).ok).toBe(true);
    // A line break ends a string for the scanner, so the brackets after it nest.
    const afterBreak = `"a\n${"[".repeat(MAX_JSON_DEPTH + 1)}`;
    expect(surelyWithinLimits(afterBreak)).toBe(false);
    expect(parseJson(afterBreak).ok ? undefined : (parseJson(afterBreak) as { tooLarge?: string }).tooLarge).toBe("depth");
    // A comment is not judged by the quick pass.
    expect(surelyWithinLimits('{ "a": 1 } // [[[')).toBe(false);
  });
});
