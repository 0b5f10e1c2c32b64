/**
 * renameProblem's last check, with the checker given: a rename that the checks by kind let through
 * but that would add an error (of any rule) to a renamed file is refused with that error.
 */
import { describe, expect, it } from "vitest";
import { check } from "../../src/index.js";
import { renameProblem, type RenameContext } from "../../src/lsp/rename.js";
import { occurrences, symbolAt } from "../../src/lsp/navigation.js";
import type { Diagnostic } from "../../src/diagnostic.js";

const TEXT = 'layout first {\n  icon info\n  header "T"\n  body { logo call; text "x" }\n}\n';

function contextFor(text: string, extraRule: (text: string) => Diagnostic[]): { context: RenameContext; symbol: NonNullable<ReturnType<typeof symbolAt>> } {
  const document = check(text).document;
  const symbol = symbolAt(document, text.indexOf("first") + 1)!;
  return {
    symbol,
    context: {
      files: [{ file: "/p/a.b24layout", document, ranges: occurrences(document, symbol) }],
      home: { file: "/p/a.b24layout", document },
      documentOf: () => undefined,
      workspaceFiles: () => [],
      textOf: () => text,
      check: (_file, t) => [...check(t).diagnostics, ...extraRule(t)],
    },
  };
}

describe("renaming into a new error", () => {
  it("refuses a rename after which a rule reports an error it did not report before", () => {
    const banned = (t: string): Diagnostic[] =>
      t.includes("layout forbidden")
        ? [{ ruleId: "made-up", severity: "error", message: "The name 'forbidden' is not allowed.", range: { start: { offset: 7, line: 1, column: 8 }, end: { offset: 16, line: 1, column: 17 } } }]
        : [];
    const { context, symbol } = contextFor(TEXT, banned);
    expect(renameProblem(symbol, "forbidden", context)).toBe("Cannot rename 'first' to 'forbidden': it would make an error (a.b24layout, line 1, made-up): The name 'forbidden' is not allowed.");
    expect(renameProblem(symbol, "second", context)).toBeUndefined();
  });

  it("does not count an error the text already had", () => {
    const always = (): Diagnostic[] => [{ ruleId: "made-up", severity: "error", message: "Always.", range: { start: { offset: 0, line: 1, column: 1 }, end: { offset: 1, line: 1, column: 2 } } }];
    const { context, symbol } = contextFor(TEXT, always);
    expect(renameProblem(symbol, "second", context)).toBeUndefined();
  });
});
