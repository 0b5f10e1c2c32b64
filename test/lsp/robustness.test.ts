/**
 * The editor services on half-written text: every example cut at many points, with every service
 * asked at every few offsets, and the files heavy with the raw `json` form and with template
 * values asked at every offset of their whole text too. None may throw (the server would answer
 * with an error instead of completions), and every range it returns must lie inside the text.
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { globSync } from "tinyglobby";
import { TextDocument } from "vscode-languageserver-textdocument";
import { describe, expect, it } from "vitest";
import { check } from "../../src/index.js";
import { completions } from "../../src/lsp/completion.js";
import { hoverAt } from "../../src/lsp/hover.js";
import { occurrences, symbolAt } from "../../src/lsp/navigation.js";
import { semanticTokens } from "../../src/lsp/semantic-tokens.js";
import { documentSymbols, foldingRanges } from "../../src/lsp/symbols.js";
import { translationActions } from "../../src/lsp/translation-actions.js";

const ROOT = resolve(import.meta.dirname, "../..");
const FILES = globSync(["examples/*.b24layout", "templates/**/*.b24layout"], { cwd: ROOT }).sort();
/** Files heavy with the raw `json` form and with values given to templates. */
const RAW_FILES = ["test/lsp/fixtures/raw.b24layout", "test/lsp/fixtures/values.b24layout", "test/format/fixtures/raw-json.input.b24layout", "test/format/fixtures/raw-json.output.b24layout"];

/** Every service on `text`, at the offsets `step` apart; the number of offsets asked. */
function askEverywhere(text: string, step: number): number {
  let asked = 0;
  const doc = TextDocument.create("file:///x.b24layout", "b24layout", 1, text);
  const result = check(text);
  documentSymbols(result.document);
  foldingRanges(result.document);
  const tokens = semanticTokens(result.document).data;
  for (let i = 0; i < tokens.length; i += 5) expect(tokens[i + 2]).toBeGreaterThan(0);
  for (let offset = 0; offset <= text.length; offset += step) {
    asked++;
    // A client with snippets and one without, at alternate offsets.
    const items = completions(doc, offset, { document: result.document, program: result.program, options: {}, snippets: offset % 2 === 0 });
    for (const i of items) {
      const edit = i.textEdit as { range: { start: { line: number }; end: { line: number } } } | undefined;
      if (edit) expect(edit.range.end.line).toBeLessThan(doc.lineCount);
    }
    const hover = hoverAt(result.document, result.program, text, offset);
    if (hover?.range) expect(hover.range.end.line).toBeLessThan(doc.lineCount);
    const symbol = symbolAt(result.document, offset);
    if (symbol) for (const o of occurrences(result.document, symbol)) expect(o.range.end.offset).toBeLessThanOrEqual(text.length);
    translationActions(doc, result.document, result.program, { start: doc.positionAt(offset), end: doc.positionAt(offset) });
  }
  return asked;
}

describe("editor services on broken text", () => {
  // The formatter's raw fixtures are covered at every offset below; the editor's own ones cut too.
  it.each([...FILES, ...RAW_FILES.filter((f) => f.startsWith("test/lsp/"))])("%s, cut at every 37th character", (file) => {
    const full = readFileSync(resolve(ROOT, file), "utf8");
    let asked = 0;
    for (let cut = 0; cut <= full.length; cut += 37) asked += askEverywhere(full.slice(0, cut), 11);
    expect(asked).toBeGreaterThan(full.length / 37);
  });

  it.each(RAW_FILES)("%s, at every offset of the whole text", (file) => {
    const full = readFileSync(resolve(ROOT, file), "utf8");
    expect(askEverywhere(full, 1)).toBe(full.length + 1);
  });
});
