/**
 * At most MAX_DIAGNOSTICS_PER_DOCUMENT findings of a document go to the client, the errors first,
 * with one more at the start of the document saying how many there are and how to see them all.
 */
import { pathToFileURL } from "node:url";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Diagnostic } from "../../src/diagnostic.js";
import { MAX_DIAGNOSTICS_PER_DOCUMENT, toLspDiagnostics, type DiagnosticStyle } from "../../src/lsp/diagnostics.js";
import { scratch } from "../cli/fixtures.js";
import { startClient, type TestClient } from "./client.js";

const STYLE: DiagnosticStyle = { docsRoot: "/pkg", codeDescription: false, relatedInformation: false };

function finding(line: number, severity: Diagnostic["severity"]): Diagnostic {
  const at = { offset: line * 10, line, column: 1 };
  return { ruleId: severity === "error" ? "unknown-property" : "unused-translation", severity, message: `finding on line ${line}`, range: { start: at, end: at } };
}

describe("toLspDiagnostics", () => {
  it("converts every finding when they fit", () => {
    const found = [finding(1, "warning"), finding(2, "error"), finding(3, "warning")];
    const shown = toLspDiagnostics(found, STYLE, "file:///p/a.b24layout", 3);
    expect(shown.map((d) => d.message)).toEqual(["finding on line 1", "finding on line 2", "finding on line 3"]);
  });

  it("keeps every error and the first warnings, in source order, and says how many there are", () => {
    const found = [1, 2, 3, 4].map((l) => finding(l, "warning")).concat([finding(5, "error"), finding(6, "warning"), finding(7, "error")]);
    const shown = toLspDiagnostics(found, STYLE, "file:///p/a.b24layout", 4);
    expect(shown).toHaveLength(5);
    expect(shown[0]).toEqual({
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      severity: 3,
      source: "b24layout",
      message: "This file has 7 problems (2 errors, 5 warnings); the editor shows its 2 errors and its first 2 warnings, at most 4 problems a file. Run 'b24layout check a.b24layout' to see them all.",
    });
    expect(shown.slice(1).map((d) => d.message)).toEqual(["finding on line 1", "finding on line 2", "finding on line 5", "finding on line 7"]);
  });

  it("shows only the first errors when they alone are more than the bound", () => {
    const found = [finding(1, "warning"), finding(2, "error"), finding(3, "error"), finding(4, "error")];
    const shown = toLspDiagnostics(found, STYLE, "untitled:Untitled-1", 2);
    expect(shown.map((d) => d.message)).toEqual([
      "This file has 4 problems (3 errors, 1 warning); the editor shows its first 2 errors, at most 2 problems a file. Run 'b24layout check' on it to see them all.",
      "finding on line 2",
      "finding on line 3",
    ]);
  });
});

describe("a document with more findings than the bound, over LSP", () => {
  let client: TestClient;
  let dir: string;
  beforeAll(async () => {
    dir = scratch({ "package.json": "{}" });
    client = await startClient(pathToFileURL(dir).href);
  }, 30_000);
  afterAll(async () => client.stop());

  /** A table of `keys` unused keys (a warning each) and two layouts with an unknown statement (an error each). */
  const text = (keys: number) => {
    const table = Array.from({ length: keys }, (_, i) => `    k${i} "v"\n`).join("");
    const layout = (name: string) => `layout ${name} {\n  icon info\n  header "T"\n  bogus 1\n  body {\n    logo call\n    text "x"\n  }\n}\n`;
    return `translations {\n  en {\n${table}  }\n}\n${layout("a")}${layout("b")}`;
  };

  it("publishes the bound and a diagnostic saying how many there are, and all of them once they fit", async () => {
    expect(MAX_DIAGNOSTICS_PER_DOCUMENT).toBe(1000);
    const uri = pathToFileURL(join(dir, "many.b24layout")).href;
    // 1,003 unused keys, 2 unknown-code warnings (`icon info`… `logo call`) and 2 errors: 1,007 problems.
    const published = await client.open(uri, text(1003));
    expect(published.diagnostics).toHaveLength(1001);
    expect(published.diagnostics[0]).toMatchObject({
      severity: 3,
      range: { start: { line: 0, character: 0 } },
      message:
        "This file has 1,007 problems (2 errors, 1,005 warnings); the editor shows its 2 errors and its first 998 warnings, at most 1,000 problems a file. Run 'b24layout check many.b24layout' to see them all.",
    });
    // The errors at the end are there; of the warnings, the first 998 keys.
    expect(published.diagnostics.filter((d) => d.code === "unknown-property").map((d) => d.range.start.line)).toEqual([1010, 1019]);
    const keys = published.diagnostics.filter((d) => d.code === "unused-translation").map((d) => d.range.start.line);
    expect(keys).toHaveLength(998);
    expect([keys[0], keys.at(-1)]).toEqual([2, 2 + 997]);
    // Ten keys fewer: 997 problems, all shown, no notice.
    const fewer = await client.change(uri, 2, [{ text: text(993) }]);
    expect(fewer.diagnostics).toHaveLength(997);
    expect(fewer.diagnostics.every((d) => d.source === "b24layout" && d.code !== undefined)).toBe(true);
  });
});
