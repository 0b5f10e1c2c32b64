/** Applying rule fixes: non-overlapping edits per pass, passes until nothing is fixable, never a text that does not parse. */
import { describe, expect, it } from "vitest";
import { check } from "../../src/index.js";
import { applyFixes, fixText } from "../../src/check/fixer.js";
import type { Diagnostic } from "../../src/diagnostic.js";

const at = (offset: number) => ({ offset, line: 1, column: offset + 1 });
const edit = (from: number, to: number, newText: string) => ({ range: { start: at(from), end: at(to) }, newText });
const withFix = (...edits: ReturnType<typeof edit>[]): Diagnostic => ({
  ruleId: "r",
  severity: "error",
  message: "m",
  range: edits[0]!.range,
  fix: { description: "f", edits },
});

describe("applyFixes", () => {
  it("applies every fix whose edits do not overlap an earlier fix, whole", () => {
    const text = "abcdefghij";
    const result = applyFixes(text, [withFix(edit(0, 2, "AB")), withFix(edit(1, 3, "xx")), withFix(edit(5, 6, "F"), edit(8, 9, "I"))]);
    expect(result).toEqual({ text: "ABcdeFghIj", count: 2 });
  });

  it("takes a line a deletion leaves blank with it, and only then", () => {
    expect(applyFixes("a\n  xx\nb\n", [withFix(edit(4, 6, ""))]).text).toBe("a\nb\n");
    expect(applyFixes("a\n  xx y\nb\n", [withFix(edit(4, 6, ""))]).text).toBe("a\n   y\nb\n");
    expect(applyFixes("a\r\n  xx\r\nb", [withFix(edit(5, 7, ""))]).text).toBe("a\r\nb");
  });

  it("leaves a text without fixes alone", () => {
    expect(applyFixes("abc", [{ ruleId: "r", severity: "warning", message: "m", range: { start: at(0), end: at(1) } }])).toEqual({ text: "abc", count: 0 });
  });
});

describe("fixText", () => {
  const diagnostics = (text: string) => check(text).diagnostics;

  it("applies the safe fixes until none is left, and returns the findings of the result", () => {
    const text = 'layout l {\n  icon info\n  header "T"\n  body {\n    logo document\n    text "a" { bold "false" }\n    link "b" -> openRestApp sliderParams { width: "700", labelColor: "#fff" }\n  }\n}\n';
    const fixed = fixText(text, diagnostics);
    expect(fixed.text).toBe('layout l {\n  icon info\n  header "T"\n  body {\n    logo document\n    text "a" { bold false }\n    link "b" -> openRestApp sliderParams { width: 700, labelColor: "#ffffff" }\n  }\n}\n');
    expect(fixed.applied).toBe(3);
    expect(fixed.diagnostics.map((d) => d.ruleId)).toEqual(["field-support"]);
  });

  it("never applies suggestions: a did-you-mean is a guess (the code may be the portal's own)", () => {
    const text = 'layout l {\n  icon infoo\n  header "T"\n  body {\n    logo shopp\n    lineOfBlock {\n      text "a"\n    }\n  }\n}\n';
    const before = diagnostics(text);
    expect(before.filter((d) => d.suggestions).map((d) => d.suggestions![0]!.edits[0]!.newText)).toEqual(["info", "shop", "lineOfBlocks"]);
    expect(fixText(text, diagnostics)).toEqual({ text, applied: 0, diagnostics: before });
  });

  it("leaves a text with a syntax error alone, even where a fix is far from the error", () => {
    const text = 'layout l {\n  icon info\n  header "T"\n  body {\n    logo document\n    text "x" { bold "true" }\n    text "y" {\n  }\n}\n';
    const before = diagnostics(text);
    expect(before.some((d) => d.ruleId === "syntax-error")).toBe(true);
    expect(before.some((d) => d.fix !== undefined)).toBe(true);
    expect(fixText(text, diagnostics)).toEqual({ text, applied: 0, diagnostics: before, syntaxErrors: true });
  });

  it("never returns a text that does not parse", () => {
    const breaking: Diagnostic = { ...withFix(edit(0, 6, "blocks {")), range: { start: at(0), end: at(6) } };
    const text = 'blocks b {\n  text "x"\n}\n';
    const fixed = fixText(text, (t) => (t === text ? [breaking] : check(t).diagnostics));
    expect(fixed).toEqual({ text, applied: 0, diagnostics: [breaking] });
  });
});
