import { describe, expect, it } from "vitest";
import type { Diagnostic } from "../../src/diagnostic.js";
import { colorsFor, displayPath, formatCodeFrameReport, formatDiagnostic, formatStylish, formatSummary } from "../../src/cli/output.js";
import { formatCompactReport, formatUnixReport } from "../../src/cli/formats.js";

const plain = colorsFor(false);

function diagnostic(start: [number, number], end: [number, number], severity: Diagnostic["severity"] = "error"): Diagnostic {
  const at = ([line, column]: [number, number]) => ({ line, column, offset: 0 });
  return { ruleId: "some-rule", severity, message: "Something is wrong.", range: { start: at(start), end: at(end) } };
}

describe("formatDiagnostic", () => {
  const text = 'layout l {\n  header "T"\n\tbody {\n    text "abc"\n  }\n}\n';

  it("underlines a range on one line", () => {
    expect(formatDiagnostic(diagnostic([4, 10], [4, 15]), "a.b24layout", text, plain)).toBe(
      ["a.b24layout:4:10 error some-rule Something is wrong.", "  3 | \tbody {", '> 4 |     text "abc"', "    |          ^^^^^", "  5 |   }", ""].join("\n"),
    );
  });

  it("marks an empty range with one caret", () => {
    expect(formatDiagnostic(diagnostic([2, 3], [2, 3], "warning"), "a.b24layout", text, plain).split("\n").slice(0, 4)).toEqual([
      "a.b24layout:2:3 warning some-rule Something is wrong.",
      "  1 | layout l {",
      '> 2 |   header "T"',
      "    |   ^",
    ]);
  });

  it("keeps tabs so the caret lines up", () => {
    expect(formatDiagnostic(diagnostic([3, 2], [3, 6]), "a.b24layout", text, plain).split("\n")[3]).toBe("    | \t^^^^");
  });

  it("underlines a range over several lines on its first line only", () => {
    const frame = formatDiagnostic(diagnostic([3, 2], [5, 4]), "a.b24layout", text, plain).split("\n");
    expect(frame.slice(1)).toEqual(['  2 |   header "T"', "> 3 | \tbody {", "    | \t^^^^^^", '  4 |     text "abc"', ""]);
  });

  it("counts lines as the parser does (U+2028 is not a line break)", () => {
    const frame = formatDiagnostic(diagnostic([2, 1], [2, 2]), "a.b24layout", 'text "a\u2028b"\nx\n', plain).split("\n");
    expect(frame[2]).toBe("> 2 | x");
  });

  it.each([
    ["an escape sequence", 'text "\u001b[31mred" x', 'text "␛[31mred" x'],
    ["a backspace, a bell and a DEL", 'text "\b\u0007\u007f" x', 'text "␈␇␡" x'],
    ["a bidirectional override", 'text "\u202eabc" x', 'text "\\u{202E}abc" x'],
    ["a zero-width space and a soft hyphen", 'a\u200bb\u00adc x', "a\\u{200B}b\\u{00AD}c x"],
    ["a C1 control", 'text "\u009b" x', 'text "\\u{009B}" x'],
    ["a lone surrogate", 'text "\ud800" x', 'text "\\u{D800}" x'],
    ["a line separator", 'text "\u2028" x', 'text "\\u{2028}" x'],
  ])("spells out %s, and the caret still points at what follows it", (_name, source, shown) => {
    const at = source.lastIndexOf(" x") + 1;
    const d: Diagnostic = {
      ruleId: "some-rule",
      severity: "error",
      message: "Something is wrong.",
      range: { start: { line: 1, column: at + 1, offset: at }, end: { line: 1, column: at + 2, offset: at + 1 } },
    };
    const frame = formatDiagnostic(d, "a.b24layout", source, plain).split("\n");
    expect(frame[1]).toBe(`> 1 | ${shown}`);
    expect(frame[2]).toBe(`    | ${" ".repeat(shown.lastIndexOf(" x") + 1)}^`);
    // eslint-disable-next-line no-control-regex
    expect(frame.join("\n")).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202e\u200b\u00ad\ud800\u2028]/);
  });

  it("spells out what a message and a path quote", () => {
    const d: Diagnostic = { ...diagnostic([1, 1], [1, 2]), message: 'Unknown "\u001b]0;pwned\u0007".' };
    expect(formatDiagnostic(d, "a\u001b.b24layout", "x\n", plain).split("\n")[0]).toBe('a␛.b24layout:1:1 error some-rule Unknown "␛]0;pwned␇".');
  });

  it("shows a window of a long line around the range", () => {
    const long = `${"a".repeat(1000)} bad ${"b".repeat(1_000_000)}`;
    const d: Diagnostic = { ...diagnostic([2, 1002], [2, 1005]) };
    const frame = formatDiagnostic(d, "a.b24layout", `x\n${long}\ny\n`, plain).split("\n");
    expect(frame[2]).toBe(`> 2 | …${"a".repeat(59)} bad ${"b".repeat(136)}…`);
    expect(frame[3]).toBe(`    | ${" ".repeat(61)}^^^`);
    expect(frame.join("\n").length).toBeLessThan(600);
  });

  it("shows no lines of a binary file", () => {
    expect(formatDiagnostic(diagnostic([1, 1], [1, 1]), "a.png", "\u0089PNG\r\n\u001a\n\u0000\u0000\u0000\rIHDR", plain)).toBe("a.png:1:1 error some-rule Something is wrong.\n");
  });

  it("frames the last of a million lines", () => {
    const text = "x\n".repeat(999_999) + "y";
    expect(formatDiagnostic(diagnostic([1_000_000, 1], [1_000_000, 2]), "a.b24layout", text, plain).split("\n").slice(1)).toEqual(["   999999 | x", "> 1000000 | y", "          | ^", ""]);
  });

  it("colours severity and underline when asked", () => {
    // eslint-disable-next-line no-control-regex
    expect(formatDiagnostic(diagnostic([4, 10], [4, 15]), "a.b24layout", text, colorsFor(true))).toMatch(/\u001b\[31merror\u001b\[39m/);
  });
});

describe("formatSummary", () => {
  const cases: [number, number, number, number, string][] = [
    [0, 0, 0, 1, "✔ 1 file checked, no problems"],
    [0, 0, 0, 4, "✔ 4 files checked, no problems"],
    [1, 0, 1, 1, "✖ 1 problem (1 error, 0 warnings) in 1 file"],
    [2, 1, 2, 5, "✖ 3 problems (2 errors, 1 warning) in 2 files"],
    [0, 2, 1, 3, "⚠ 2 problems (0 errors, 2 warnings) in 1 file"],
  ];

  it.each(cases)("%i errors, %i warnings in %i of %i files", (errors, warnings, filesWithProblems, files, expected) => {
    expect(formatSummary({ errors, warnings, filesWithProblems, files }, plain)).toBe(expected);
  });
});

describe("displayPath", () => {
  it.each([
    ["/work/p/a.b24layout", "/work/p", "a.b24layout"],
    ["/work/p/src/a.b24layout", "/work/p", "src/a.b24layout"],
    ["/elsewhere/a.b24layout", "/work/p", "/elsewhere/a.b24layout"],
    ["/work/p", "/work/p", "/work/p"],
  ])("%s from %s", (path, cwd, expected) => {
    expect(displayPath(path, cwd)).toBe(expected);
  });
});

describe("the reports for people and the one-line formats", () => {
  const at = (line: number, column: number) => ({ line, column, offset: 0 });
  const finding = (line: number, column: number, severity: Diagnostic["severity"], ruleId: string, message: string): Diagnostic => ({
    ruleId,
    severity,
    message,
    range: { start: at(line, column), end: at(line, column + 3) },
  });
  const text = 'layout l {\n  header "T"\n  body {\n    text "abc"\n  }\n}\n';
  const files = [
    { display: "src/a.b24layout", source: { text }, diagnostics: [finding(2, 3, "warning", "string-boolean", "Write true."), finding(12, 10, "error", "collection-limit", "Too many tags.")] },
    { display: "src/clean.b24layout", source: { text }, diagnostics: [] },
    { display: "src/b.b24layout", source: { text }, diagnostics: [finding(4, 10, "error", "value-type", "Text\u001b[2J here.")] },
  ];

  it("stylish: a header per file with findings, aligned rows, a blank line, the summary", () => {
    expect(formatStylish(files, plain)).toBe(
      [
        "src/a.b24layout",
        "   2:3   warning  Write true.     string-boolean",
        "  12:10  error    Too many tags.  collection-limit",
        "",
        "src/b.b24layout",
        "  4:10  error  Text␛[2J here.  value-type",
        "",
        "✖ 3 problems (2 errors, 1 warning) in 2 files",
        "",
      ].join("\n"),
    );
  });

  it("stylish with code frames: the source under each row, indented", () => {
    const report = formatStylish([files[2]!], plain, { codeFrame: true });
    expect(report).toBe(["src/b.b24layout", "  4:10  error  Text␛[2J here.  value-type", "    3 |   body {", '  > 4 |     text "abc"', "      |          ^^^", "    5 |   }", "", "✖ 1 problem (1 error, 0 warnings) in 1 file", ""].join("\n"));
  });

  it("codeframe: file:line:col severity rule-id message with its frame, per finding", () => {
    expect(formatCodeFrameReport([files[2]!], plain)).toBe(
      ["src/b.b24layout:4:10 error value-type Text␛[2J here.", "  3 |   body {", '> 4 |     text "abc"', "    |          ^^^", "  5 |   }", "", "✖ 1 problem (1 error, 0 warnings) in 1 file", ""].join("\n"),
    );
  });

  it("compact and unix: one line per finding (control characters spelled out), then the count", () => {
    expect(formatCompactReport(files)).toBe(
      [
        "src/a.b24layout: line 2, col 3, Warning - Write true. (string-boolean)",
        "src/a.b24layout: line 12, col 10, Error - Too many tags. (collection-limit)",
        "src/b.b24layout: line 4, col 10, Error - Text␛[2J here. (value-type)",
        "",
        "3 problems",
        "",
      ].join("\n"),
    );
    expect(formatUnixReport(files)).toBe(
      [
        "src/a.b24layout:2:3: Write true. [Warning/string-boolean]",
        "src/a.b24layout:12:10: Too many tags. [Error/collection-limit]",
        "src/b.b24layout:4:10: Text␛[2J here. [Error/value-type]",
        "",
        "3 problems",
        "",
      ].join("\n"),
    );
    expect(formatUnixReport([files[1]!])).toBe("");
    expect(formatStylish([files[1]!], plain)).toBe("✔ 1 file checked, no problems\n");
  });
});
