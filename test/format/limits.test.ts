/** The formatter near the token limit: line breaks are tokens, and it adds them. */
import { expect, it } from "vitest";
import { format } from "../../src/index.js";

it("leaves a text that formatting would take past 2,000,000 tokens as it is, and says why", async () => {
  // 1.34 million tokens on one line; one item a line, 2.01 million.
  const result = await format(`x [${"1,".repeat(670_000)}1]\n`);
  expect(result).toEqual({
    ok: false,
    diagnostics: [
      {
        ruleId: "syntax-error",
        severity: "error",
        message:
          "Formatted, this file would have more than 2,000,000 tokens (names, values, punctuation, comments and line breaks), more than b24layout reads: it is left as it is. Split it into several files.",
        range: { start: { offset: 0, line: 1, column: 1 }, end: { offset: 0, line: 1, column: 1 } },
      },
    ],
  });
}, 60_000);
