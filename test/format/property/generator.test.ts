/**
 * The generator of the formatter's property tests generates only what parses: every program parses
 * without a diagnostic, to the statements, arguments, actions, bodies and imports it was built from.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parse } from "../../../src/syntax/parser.js";
import { expectedSkeleton, parsedSkeleton, programArb, render } from "./generator.js";

describe("the program generator", () => {
  it("generates programs that parse without diagnostics, to the structure they were built from", () => {
    fc.assert(
      fc.property(programArb(), (program) => {
        const text = render(program);
        const { document, diagnostics } = parse(text);
        expect(diagnostics.map((d) => `${d.range.start.line}:${d.range.start.column} ${d.message}`)).toEqual([]);
        expect(parsedSkeleton(document)).toEqual(expectedSkeleton(program));
      }),
      { numRuns: 2000 },
    );
  });
});
