/**
 * The editor services on half-written text: every example cut at many points, with every service
 * asked at every few offsets. None may throw (the server would answer with an error instead of
 * completions), and every range it returns must lie inside the text.
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

describe("editor services on broken text", () => {
  it.each(FILES)("%s, cut at every 37th character", (file) => {
    const full = readFileSync(resolve(ROOT, file), "utf8");
    let asked = 0;
    for (let cut = 0; cut <= full.length; cut += 37) {
      const text = full.slice(0, cut);
      const doc = TextDocument.create("file:///x.b24layout", "b24layout", 1, text);
      const result = check(text);
      documentSymbols(result.document);
      foldingRanges(result.document);
      semanticTokens(result.document);
      for (let offset = 0; offset <= text.length; offset += 11) {
        asked++;
        const items = completions(doc, offset, { document: result.document, program: result.program, options: {} });
        for (const i of items) {
          const edit = i.textEdit as { range: { start: { line: number }; end: { line: number } } } | undefined;
          if (edit) expect(edit.range.end.line).toBeLessThan(doc.lineCount);
        }
        hoverAt(result.document, result.program, text, offset);
        const symbol = symbolAt(result.document, offset);
        if (symbol) for (const o of occurrences(result.document, symbol)) expect(o.range.end.offset).toBeLessThanOrEqual(text.length);
        translationActions(doc, result.document, result.program, { start: doc.positionAt(offset), end: doc.positionAt(offset) });
      }
    }
    expect(asked).toBeGreaterThan(0);
  });
});
