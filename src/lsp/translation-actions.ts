/**
 * Code actions for translations: add a key a language lacks (copying the text of the language
 * Bitrix24 would fall back to, to be translated), add an unknown `@key` to every language of the
 * table, and extract a string into the table as a new key.
 */
import { CodeActionKind, type CodeAction, type Range as LspRange, type TextEdit as LspTextEdit } from "vscode-languageserver";
import type { TextDocument } from "vscode-languageserver-textdocument";
import type { IrProgram, TranslationLanguage } from "../lower/index.js";
import { keyForText } from "../import/index.js";
import { TRANSLATIONS_KEYWORD } from "../model/index.js";
import { getDto, getField } from "../model/index.js";
import { bindingPlan, memberDto } from "../model/index.js";
import { cursorContext, dtoOfBody } from "./context.js";
import { statementsWithin } from "../syntax/index.js";
import type { Document, Statement, StringLiteral } from "../syntax/index.js";

function overlaps(range: { start: { offset: number }; end: { offset: number } }, from: number, to: number): boolean {
  return range.start.offset <= to && range.end.offset >= from;
}

function quote(text: string): string {
  return JSON.stringify(text).replace(/\$\{/g, "\\${");
}

/** An edit that adds `key "text"` as the last statement of a language block. */
function addToLanguage(document: TextDocument, languageStatement: Statement, key: string, text: string): LspTextEdit | undefined {
  const body = languageStatement.body;
  if (!body) return undefined;
  const close = body.range.end.offset - 1;
  const source = document.getText();
  if (source[close] !== "}") return undefined;
  const last = body.statements.at(-1);
  const oneLine = !source.slice(body.range.start.offset, close).includes("\n");
  if (oneLine) {
    const at = last ? last.range.end.offset : body.range.start.offset + 1;
    return { range: { start: document.positionAt(at), end: document.positionAt(at) }, newText: `${last ? ";" : ""} ${key} ${quote(text)}` };
  }
  const lineStart = source.lastIndexOf("\n", close) + 1;
  const indent = (last ? source.slice(source.lastIndexOf("\n", last.range.start.offset) + 1, last.range.start.offset) : `${source.slice(lineStart, close)}  `).replace(/\S/g, " ");
  return { range: { start: document.positionAt(lineStart), end: document.positionAt(lineStart) }, newText: `${indent}${key} ${quote(text)}\n` };
}

function table(document: Document): Statement | undefined {
  return document.statements.find((s) => s.name.name === TRANSLATIONS_KEYWORD);
}

function languageStatements(document: Document): Map<string, Statement> {
  return new Map((table(document)?.body?.statements ?? []).map((s) => [s.name.name, s]));
}

function action(title: string, uri: string, edits: LspTextEdit[]): CodeAction {
  return { title, kind: CodeActionKind.QuickFix, edit: { changes: { [uri]: edits } } };
}

export function translationActions(textDocument: TextDocument, document: Document, program: IrProgram, range: LspRange): CodeAction[] {
  const from = textDocument.offsetAt(range.start);
  const to = textDocument.offsetAt(range.end);
  const uri = textDocument.uri;
  const actions: CodeAction[] = [];
  const blocks = languageStatements(document);
  const languages = [...program.translations.languages.values()];

  // A language block in range that lacks keys others have.
  for (const language of languages) {
    if (!overlaps(language.range, from, to)) continue;
    const statement = blocks.get(language.language);
    if (!statement) continue;
    for (const key of new Set(program.translations.all.map((e) => e.key))) {
      if (language.entries.has(key)) continue;
      const source = fallback(languages, key);
      if (!source) continue;
      const edit = addToLanguage(textDocument, statement, key, source.entries.get(key)!.value);
      if (edit) actions.push(action(`Add '${key}' to ${language.language} (the ${source.language} text, to translate)`, uri, [edit]));
    }
  }

  // `@key` in range that the table does not have: add it to every language.
  const known = new Set(program.translations.all.map((e) => e.key));
  for (const ref of translationRefs(document)) {
    if (!overlaps(ref.range, from, to) || known.has(ref.key) || blocks.size === 0) continue;
    const edits = [...blocks.values()].flatMap((s) => addToLanguage(textDocument, s, ref.key, "") ?? []);
    if (edits.length > 0) actions.push(action(`Add '${ref.key}' to the translation table`, uri, edits));
  }

  // A string in range: extract it to a new key.
  const string = stringAt(document, textDocument.getText(), from, to);
  if (string && !string.parts && !string.multiline) {
    const base = keyForText(string.value) ?? "text";
    let key = base;
    for (let n = 2; known.has(key); n++) key = `${base}${n}`;
    const replace: LspTextEdit = { range: { start: textDocument.positionAt(string.range.start.offset), end: textDocument.positionAt(string.range.end.offset) }, newText: `@${key}` };
    const first = [...blocks.values()][0];
    const add = first ? addToLanguage(textDocument, first, key, string.value) : undefined;
    const create: LspTextEdit = { range: { start: textDocument.positionAt(insertionPoint(document)), end: textDocument.positionAt(insertionPoint(document)) }, newText: `translations {\n  en { ${key} ${quote(string.value)} }\n}\n\n` };
    actions.push({ ...action(`Extract ${quote(string.value)} to the translation key '${key}'`, uri, [add ?? create, replace]), kind: CodeActionKind.RefactorExtract });
  }
  return actions;
}

function fallback(languages: readonly TranslationLanguage[], key: string): TranslationLanguage | undefined {
  const having = languages.filter((l) => l.entries.has(key));
  return having.find((l) => l.language === "en") ?? having[0];
}

function insertionPoint(document: Document): number {
  const last = document.imports.at(-1);
  if (!last) return document.statements[0]?.range.start.offset ?? 0;
  return last.range.end.offset + 1;
}

function translationRefs(document: Document): { key: string; range: StringLiteral["range"] }[] {
  const out: { key: string; range: StringLiteral["range"] }[] = [];
  for (const { statement: s } of statementsWithin(document.statements)) for (const a of [...s.args, ...(s.action?.args ?? [])]) if (a.kind === "TranslationRef") out.push({ key: a.key, range: a.range });
  return out;
}

/**
 * The string touching the range that fills a text field (one that takes a language map, so a
 * `@key` too): the first value of a statement whose first positional field is text (`text "…"`,
 * `header "…"`), or the value of a text field statement (`title "…"`).
 */
function stringAt(document: Document, text: string, from: number, to: number): StringLiteral | undefined {
  for (const { statement: s } of statementsWithin(document.statements.filter((x) => x.name.name !== TRANSLATIONS_KEYWORD))) {
    const value = s.args.find((a) => a.kind === "String" || a.kind === "Map" || a.kind === "TranslationRef");
    if (value?.kind !== "String" || !overlaps(value.range, from, to)) continue;
    const context = cursorContext(document, text, s.range.start.offset + 1);
    const parent = dtoOfBody(context.body);
    if (!parent) continue;
    const own = memberDto(parent, s.name.name);
    const target = own ? bindingPlan(own).positional?.[0] : undefined;
    const field = own && target !== undefined ? getField(getDto(own)!, target) : getField(getDto(parent)!, s.name.name);
    if (field?.type.kind === "text") return value;
  }
  return undefined;
}
