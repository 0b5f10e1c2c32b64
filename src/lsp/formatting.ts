/**
 * Document and range formatting: the formatter of `b24layout fmt` with the settings `fmt` uses for
 * the file (its `.prettierrc` / `.editorconfig`, else the defaults), never the editor's indentation,
 * so that a formatted document passes `fmt --check`. The edit is reduced to the lines that change
 * (so the editor keeps the cursor and the undo step small). A range formats the whole declarations
 * it touches.
 */
import type { Range as LspRange, TextEdit as LspTextEdit } from "vscode-languageserver";
import type { TextDocument } from "vscode-languageserver-textdocument";
import { formatText, type FormatOptions, type FormatResult } from "../format/index.js";
import { parse } from "../syntax/index.js";
import type { Document } from "../syntax/index.js";

const BOM = "\uFEFF";

/** `fmt`'s result for a text: a byte order mark is kept and the rest formatted, as `fmt` does with a file. */
async function formatLikeFmt(text: string, options: FormatOptions): Promise<FormatResult> {
  if (!text.startsWith(BOM)) return formatText(text, options);
  const result = await formatText(text.slice(1), options);
  return result.ok ? { ...result, text: BOM + result.text } : result;
}

/** The one edit that turns `before` into `after`: their common start and end are left alone. */
export function minimalEdit(document: TextDocument, before: string, after: string): LspTextEdit[] {
  if (before === after) return [];
  let start = 0;
  const shorter = Math.min(before.length, after.length);
  while (start < shorter && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let end = 0;
  while (end < shorter - start && before.charCodeAt(before.length - 1 - end) === after.charCodeAt(after.length - 1 - end)) end++;
  // An LSP position cannot be between the \r and \n of a line break: an edit that would start or end there takes the whole break.
  if (start > 0 && before[start - 1] === "\r" && before[start] === "\n") start--;
  if (end > 0 && before[before.length - end - 1] === "\r" && before[before.length - end] === "\n") end--;
  return [{ range: { start: document.positionAt(start), end: document.positionAt(before.length - end) }, newText: after.slice(start, after.length - end) }];
}

/** Formatting edits for the whole document with the file's settings; none when it has syntax errors. */
export async function formatDocument(document: TextDocument, settings: FormatOptions = {}): Promise<LspTextEdit[]> {
  const text = document.getText();
  const result = await formatLikeFmt(text, settings);
  return result.ok ? minimalEdit(document, text, result.text) : [];
}

/** Top-level children (imports and declarations) in source order. */
function children(document: Document): { start: number; end: number }[] {
  return [...document.imports, ...document.statements].map((n) => ({ start: n.range.start.offset, end: n.range.end.offset })).sort((a, b) => a.start - b.start);
}

/**
 * Formatting edits for the declarations that `range` touches: the document is formatted, and only
 * the text of those declarations is replaced by theirs (formatting keeps the declarations, in order).
 */
export async function formatRange(document: TextDocument, range: LspRange, settings: FormatOptions = {}): Promise<LspTextEdit[]> {
  const text = document.getText();
  const result = await formatLikeFmt(text, settings);
  if (!result.ok || !result.changed) return [];
  const from = document.offsetAt(range.start);
  const to = document.offsetAt(range.end);
  const before = children(parse(text).document);
  const after = children(parse(result.text).document);
  if (before.length !== after.length) return formatDocument(document, settings);
  const touched = before.map((c, i) => ({ c, i })).filter(({ c }) => c.start <= to && c.end >= from);
  if (touched.length === 0) return [];
  const first = touched[0]!.i;
  const last = touched[touched.length - 1]!.i;
  const original = text.slice(before[first]!.start, before[last]!.end);
  const formatted = result.text.slice(after[first]!.start, after[last]!.end);
  if (original === formatted) return [];
  return [{ range: { start: document.positionAt(before[first]!.start), end: document.positionAt(before[last]!.end) }, newText: formatted }];
}
