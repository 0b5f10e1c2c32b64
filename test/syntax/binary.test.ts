/** A binary text is one diagnostic, for the library (and so the editor) as for the command line. */
import { describe, expect, it } from "vitest";
import { check, format } from "../../src/index.js";
import { IncrementalChecker } from "../../src/pipeline/incremental.js";
import { parse } from "../../src/syntax/parser.js";

const PNG = "\u0089PNG\r\n\u001a\n\u0000\u0000\u0000\rIHDR\u0000\u0000\u0001\u0000§{[\"\u001b[2J".repeat(50);
const ONE = [{ ruleId: "syntax-error", severity: "error", message: "File appears to be binary.", range: { start: { offset: 0, line: 1, column: 1 }, end: { offset: 0, line: 1, column: 1 } } }];

describe("a binary text", () => {
  it("parses to nothing, with one error at its start", () => {
    const { document, diagnostics } = parse(PNG);
    expect(document.statements).toEqual([]);
    expect(JSON.parse(JSON.stringify(diagnostics))).toEqual(ONE);
  });

  it("checks and formats to that one error, also in the editor's incremental checker", async () => {
    expect(JSON.parse(JSON.stringify(check(PNG).diagnostics))).toEqual(ONE);
    expect(JSON.parse(JSON.stringify(await format(PNG)))).toEqual({ ok: false, diagnostics: ONE });
    const incremental = new IncrementalChecker();
    incremental.check('blocks b { text "x" }\n');
    expect(JSON.parse(JSON.stringify(incremental.check(`blocks b { text "x" }\n${PNG}`).diagnostics))).toEqual(ONE);
    expect(JSON.parse(JSON.stringify(incremental.check(`blocks b { text "y" }\n${PNG}`).diagnostics))).toEqual(ONE);
  });

  it("is told by a NUL in its first 8,000 characters; a NUL later is an unexpected character", () => {
    expect(parse(`${"\n".repeat(7999)}\u0000`).diagnostics.map((d) => d.message)).toEqual(["File appears to be binary."]);
    expect(parse(`${"\n".repeat(8000)}\u0000`).diagnostics.map((d) => d.message)).toEqual(["Unexpected character U+0000."]);
  });
});
