import { describe, expect, it } from "vitest";
import { compareDiagnostics, type Diagnostic } from "../src/diagnostic.js";
import { ALL_RULES } from "../src/check/rules/index.js";
import { groupedDigits } from "../src/util/wording.js";

describe("groupedDigits", () => {
  it.each([
    [0, "0"],
    [999, "999"],
    [1000, "1,000"],
    [12345, "12,345"],
    [2_000_000, "2,000,000"],
    [1234567890, "1,234,567,890"],
  ])("%d → %s", (n, expected) => {
    expect(groupedDigits(n)).toBe(expected);
  });
});

describe("compareDiagnostics", () => {
  const at = (ruleId: string, message: string, start = 0): Diagnostic => {
    const position = { offset: start, line: 1, column: start + 1 };
    return { ruleId, severity: "error", message, range: { start: position, end: position } };
  };

  it("sorts by position first", () => {
    expect([at("b", "x", 5), at("a", "x", 2)].sort(compareDiagnostics).map((d) => d.range.start.offset)).toEqual([2, 5]);
  });

  it("orders the rule ids as the locale-aware comparison did (lowercase ASCII and hyphens)", () => {
    const ids = [...ALL_RULES.map((r) => r.meta.id), "syntax", "unused-suppression"];
    for (const a of ids) {
      for (const b of ids) expect(Math.sign(compareDiagnostics(at(a, "m"), at(b, "m")))).toBe(Math.sign(a.localeCompare(b)));
    }
  });

  it("orders messages by UTF-16 code unit, the same in every locale", () => {
    const sorted = [at("r", "apple"), at("r", "Zebra"), at("r", "Éclair"), at("r", "'quoted'")].sort(compareDiagnostics);
    expect(sorted.map((d) => d.message)).toEqual(["'quoted'", "Zebra", "apple", "Éclair"]);
  });
});
