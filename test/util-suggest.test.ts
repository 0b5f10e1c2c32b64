import { describe, expect, it } from "vitest";
import { closest, editDistance } from "../src/util/suggest.js";

describe("closest", () => {
  it.each([
    ["name", ["NAME", "TITLE"], "NAME"],
    ["lineOfBlock", ["lineOfBlocks", "link"], "lineOfBlocks"],
    ["boldd", ["bold", "size"], "bold"],
    ["xyz", ["bold", "size"], undefined],
    // A transposition is one edit: a five-letter word allows one.
    ["titel", ["title", "text"], "title"],
    ["tilte", ["title", "text"], "title"],
    ["shopp", ["shop", "shopping"], "shop"],
  ])("%s → %s", (word, candidates, expected) => {
    expect(closest(word, candidates)).toBe(expected);
  });
});

describe("editDistance", () => {
  it.each([
    ["title", "title", 0],
    ["titel", "title", 1],
    ["tilte", "title", 1],
    ["ab", "ba", 1],
    ["Ab", "ba", 1],
    ["abc", "ca", 3],
    ["kitten", "sitting", 3],
    ["Bold", "bold", 0.5],
    ["", "abc", 3],
  ])("%s → %s: %d", (a, b, expected) => {
    expect(editDistance(a, b)).toBe(expected);
    expect(editDistance(b, a)).toBe(expected);
  });
});
