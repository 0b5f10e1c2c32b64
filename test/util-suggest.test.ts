import { describe, expect, it } from "vitest";
import { closest } from "../src/util/suggest.js";

describe("closest", () => {
  it.each([
    ["name", ["NAME", "TITLE"], "NAME"],
    ["lineOfBlock", ["lineOfBlocks", "link"], "lineOfBlocks"],
    ["boldd", ["bold", "size"], "bold"],
    ["xyz", ["bold", "size"], undefined],
  ])("%s → %s", (word, candidates, expected) => {
    expect(closest(word, candidates)).toBe(expected);
  });
});
