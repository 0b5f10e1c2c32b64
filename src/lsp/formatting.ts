/**
 * Document and range formatting: the formatter of `b24layout fmt`, with the edit reduced to the
 * lines that change (so the editor keeps the cursor and the undo step small). A range formats the
 * whole declarations it touches.
 */
import type { FormattingOptions, Range as LspRange, TextEdit as LspTextEdit } from "vscode-languageserver";
import type { TextDocument } from "vscode-languageserver-textdocument";
import { formatText, type FormatOptions } from "../format/format.js";
import { parse } from "../syntax/parser.js";
import type { Document } from "../syntax/ast.js";

function optionsFrom(editor: FormattingOptions, project: FormatOptions): FormatOptions {
  // The project's Prettier config wins over the editor's indentation, as with `fmt`.
  return { tabWidth: editor.tabSize, useTabs: !editor.insertSpaces, endOfLine: "auto", ...project };
}

/** The one edit that turns `before` into `after`: their common start and end are left alone. */
export function minimalEdit(document: TextDocument, before: string, after: string): LspTextEdit[] {
  if (before === after) return [];
  let start = 0;
  const shorter = Math.min(before.length, after.length);
  while (start < shorter && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let end = 0;
  while (end < shorter - start && before.charCodeAt(before.length - 1 - end) === after.charCodeAt(after.length - 1 - end)) end++;
  return [{ range: { start: document.positionAt(start), end: document.positionAt(before.length - end) }, newText: after.slice(start, after.length - end) }];
}

/** Formatting edits for the whole document; none when it has syntax errors. */
export async function formatDocument(document: TextDocument, editor: FormattingOptions, project: FormatOptions = {}): Promise<LspTextEdit[]> {
  const text = document.getText();
  const result = await formatText(text, optionsFrom(editor, project));
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
export async function formatRange(document: TextDocument, range: LspRange, editor: FormattingOptions, project: FormatOptions = {}): Promise<LspTextEdit[]> {
  const text = document.getText();
  const result = await formatText(text, optionsFrom(editor, project));
  if (!result.ok || !result.changed) return [];
  const from = document.offsetAt(range.start);
  const to = document.offsetAt(range.end);
  const before = children(parse(text).document);
  const after = children(parse(result.text).document);
  if (before.length !== after.length) return formatDocument(document, editor, project);
  const touched = before.map((c, i) => ({ c, i })).filter(({ c }) => c.start <= to && c.end >= from);
  if (touched.length === 0) return [];
  const first = touched[0]!.i;
  const last = touched[touched.length - 1]!.i;
  const original = text.slice(before[first]!.start, before[last]!.end);
  const formatted = result.text.slice(after[first]!.start, after[last]!.end);
  if (original === formatted) return [];
  return [{ range: { start: document.positionAt(before[first]!.start), end: document.positionAt(before[last]!.end) }, newText: formatted }];
}
