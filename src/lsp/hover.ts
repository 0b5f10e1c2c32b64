/**
 * Hover: the model's documentation for statement names and head words (what it does in Bitrix24,
 * the values, the limits), the texts of `@key` in every language, a parameter's type, and the head
 * of the fragment or layout a reference or an import names (from its own file for an imported one).
 */
import { MarkupKind, type Hover } from "vscode-languageserver";
import { bindingPlan, bodyDtoOf, headWordMeaning, mapDto, memberDto } from "../model/index.js";
import { translationTexts, type IrProgram } from "../lower/index.js";
import { getBlockType, getDto, getField } from "../model/index.js";
import { DECLARATIONS, RAW_FORM } from "../model/index.js";
import type { FieldType } from "../model/index.js";
import { FRAGMENT_KEYWORD, TEMPLATE_KEYWORDS } from "../model/index.js";
import type { Document, Identifier, Interpolation, Node, ParamRef, Statement, TranslationRef } from "../syntax/index.js";
import { argumentValues } from "../syntax/index.js";
import { cursorContext, dtoOfBody } from "./context.js";
import { toLspRange } from "./convert.js";
import { dtoDoc, fieldDoc } from "./docs.js";
import { rawAt, rawContainerType, rawForms, rawSlotType } from "./raw.js";
import { findTemplate, parametersOf, parameterSignature, templateSignature, valuesReferences, type TemplateLookup, type TemplateSource } from "./references.js";
import { IMPORTABLE_KEYWORDS } from "../lower/index.js";

function contains(node: { range: Node["range"] }, offset: number): boolean {
  return node.range.start.offset <= offset && offset <= node.range.end.offset;
}

/** The word, reference or interpolation of a statement's head or action at `offset`. */
function argumentAt(statement: Statement, offset: number): Identifier | TranslationRef | ParamRef | Interpolation | undefined {
  for (const a of argumentValues(statement)) {
    if (!contains(a, offset)) continue;
    if (a.kind === "Identifier" || a.kind === "TranslationRef" || a.kind === "ParamRef") return a;
    if (a.kind === "String") return a.parts?.find((p): p is Interpolation => typeof p !== "string" && contains(p, offset));
  }
  return undefined;
}

function statementsAt(statements: readonly Statement[], offset: number): Statement | undefined {
  for (const s of statements) {
    if (s.body && s.body.range.start.offset < offset && offset < s.body.range.end.offset) return statementsAt(s.body.statements, offset) ?? undefined;
    if (contains(s, offset)) return s;
  }
  return undefined;
}

function markdown(value: string, range: Node["range"]): Hover {
  return { contents: { kind: MarkupKind.Markdown, value }, range: toLspRange(range) };
}

function wordDoc(dto: string, word: string): string | undefined {
  const model = getDto(dto);
  const meaning = headWordMeaning(dto, word);
  if (!model || !meaning) return undefined;
  switch (meaning.kind) {
    case "field":
    case "keyword":
      // A keyword argument (`for`): the field it sets, as lowering reads it.
      return fieldDoc(meaning.field);
    case "enum":
      return `\`${word}\`: ${meaning.value.doc}\n\n(${model.title} \`${meaning.field.name}\`)`;
    case "wordPositional":
      return `\`${word}\`: the ${model.title} \`${meaning.field.name}\`.\n\n${fieldDoc(meaning.field)}`;
    case "flag":
      return `\`${word}\` sets \`${meaning.field.name}\` to \`${JSON.stringify(meaning.value)}\`.`;
  }
}

/** The range of `[start, end)` in `text`, as the syntax tree gives ranges (1-based lines and columns). */
function rangeOf(text: string, start: number, end: number): Node["range"] {
  const at = (offset: number) => {
    let line = 1;
    let lineStart = 0;
    for (let i = text.indexOf("\n"); i >= 0 && i < offset; i = text.indexOf("\n", i + 1)) {
      line++;
      lineStart = i + 1;
    }
    return { offset, line, column: offset - lineStart + 1 };
  };
  return { start: at(start), end: at(end) };
}

/** On the raw form's `json`: what the form does; on a key of its value, the field it names where the model knows the slot. */
function rawHover(document: Document, text: string, offset: number): Hover | null | undefined {
  const forms = rawForms(document);
  const word = forms.find((f) => contains(f.word, offset))?.word;
  if (word) return markdown(`\`${RAW_FORM.syntax}\`\n\n${RAW_FORM.doc}`, word.range);
  // The cursor on a character of a key: its token holds the offset after that character.
  const raw = offset < text.length ? rawAt(document, text, offset + 1) : undefined;
  if (!raw) return undefined;
  const token = raw.cursor.token;
  if (raw.cursor.where !== "key" || !token) return null;
  const container = rawContainerType(rawSlotType(document, text, raw.form), raw.cursor.path);
  const dto = container ? getDto(mapDto(container)) : undefined;
  const field = dto?.closed ? getField(dto, token.text) : undefined;
  return field ? markdown(fieldDoc(field), rangeOf(text, token.start, token.end)) : null;
}

/** On a key of a reference's values (`use f { name: … }`, `layout card { dealId: … }`): the parameter it gives, with its type and default. */
function referenceKeyHover(document: Document, text: string, offset: number, template: TemplateLookup | undefined): Hover | null | undefined {
  for (const reference of valuesReferences(document)) {
    const key = reference.values?.entries.find((e) => contains(e.key, offset))?.key;
    if (!key) continue;
    const found = template ? template(reference.target) : { statement: findTemplate(document, reference.target), text };
    const parameter = found?.statement ? parametersOf(found.statement).find((p) => p.name.name === key.value) : undefined;
    if (!found || !parameter) return null;
    return markdown(`\`${parameterSignature(parameter, found.text)}\`\n\nParameter of \`${reference.target.keyword} ${reference.target.name}\`.`, key.range);
  }
  return undefined;
}

/** A template's head (`layout card(dealId: int)`), and for an imported one the file and line it is declared on. */
function templateDoc(found: TemplateSource): string {
  const from = found.from === undefined ? "" : `\n\nImported from \`${found.from}\` (line ${found.statement.range.start.line}).`;
  return `\`${templateSignature(found.statement, found.text)}\`${from}`;
}

/**
 * On the name a reference gives (`use row`, an activity's `layout card`) or an import lists: the
 * template's head with its parameters, from the file it is imported from for an imported one.
 */
function templateNameHover(document: Document, text: string, offset: number, template: TemplateLookup | undefined): Hover | null | undefined {
  const lookup: TemplateLookup = template ?? ((target) => {
    const statement = findTemplate(document, target);
    return statement && { statement, text };
  });
  for (const reference of valuesReferences(document)) {
    if (!contains(reference.targetName, offset)) continue;
    const found = lookup(reference.target);
    return found ? markdown(templateDoc(found), reference.targetName.range) : undefined;
  }
  for (const imp of document.imports) {
    const name = imp.names.find((n) => contains(n, offset));
    if (!name) continue;
    for (const keyword of [FRAGMENT_KEYWORD, ...IMPORTABLE_KEYWORDS]) {
      const found = lookup({ keyword, name: name.name });
      if (found) return markdown(templateDoc(found), name.range);
    }
    return null;
  }
  return undefined;
}

export function hoverAt(document: Document, program: IrProgram, text: string, offset: number, template?: TemplateLookup): Hover | null {
  const raw = rawHover(document, text, offset);
  if (raw !== undefined) return raw;
  const key = referenceKeyHover(document, text, offset, template);
  if (key !== undefined) return key;
  const named = templateNameHover(document, text, offset, template);
  if (named !== undefined) return named;
  const statement = statementsAt(document.statements, offset);
  if (!statement) return null;
  const context = cursorContext(document, text, statement.range.start.offset + 1);
  const parent = context.body;

  const ref = argumentAt(statement, offset);
  if (ref?.kind === "TranslationRef") {
    const texts = translationTexts(program, ref.key);
    return markdown(texts.length === 0 ? `\`@${ref.key}\` is not in the translation table.` : [`\`@${ref.key}\``, "", ...texts.map(([l, t]) => `- **${l}**: ${t}`)].join("\n"), ref.range);
  }
  if (ref?.kind === "ParamRef" || ref?.kind === "Interpolation") {
    const p = context.declaration ? parametersOf(context.declaration).find((x) => x.name.name === ref.path[0]) : undefined;
    return p ? markdown(`\`${parameterSignature(p, text)}\``, ref.range) : null;
  }

  // The DTO of the body the statement is in, and the one the statement builds.
  const parentDto = dtoOfBody(parent);
  const name = statement.name.name;
  const top = context.chain.length === 0 ? DECLARATIONS.find((d) => d.keyword === name) : undefined;
  const own = top ? top.dto : parentDto ? memberDto(parentDto, name) : undefined;

  if (contains(statement.name, offset)) {
    if (top) return markdown(`**${top.keyword}**: ${top.doc}\n\nFor ${top.method}.\n\n${dtoDoc(top.dto)}`, statement.name.range);
    const template = TEMPLATE_KEYWORDS.find((k) => k.keyword === name);
    if (template) return markdown(`\`${template.syntax}\`\n\n${template.doc}`, statement.name.range);
    const block = getBlockType(name);
    if (parentDto && own) return markdown([block ? `**${name}** block: ${block.doc}` : "", dtoDoc(bodyDtoOf(own))].filter(Boolean).join("\n\n"), statement.name.range);
    const field = parentDto ? wordDoc(parentDto, name) : undefined;
    return field ? markdown(field, statement.name.range) : null;
  }
  if (ref?.kind === "Identifier") {
    if (statement.action && contains(statement.action, offset)) {
      const arrowDto = own ? arrowType(own) : undefined;
      const actionDto = arrowDto?.kind === "object" ? arrowDto.dto : undefined;
      const doc = actionDto ? wordDoc(actionDto, ref.name) : undefined;
      return doc ? markdown(doc, ref.range) : null;
    }
    const doc = own ? wordDoc(own, ref.name) : parentDto ? wordDoc(parentDto, name) : undefined;
    return doc ? markdown(doc, ref.range) : null;
  }
  if (statement.action && contains(statement.action.name, offset) && own) {
    const arrow = arrowType(own);
    const doc = arrow?.kind === "object" ? wordDoc(arrow.dto, statement.action.name.name) : undefined;
    return doc ? markdown(doc, statement.action.name.range) : null;
  }
  return null;
}

/** The type of the field `-> …` sets on a `dto` statement (an action). */
function arrowType(dto: string): FieldType | undefined {
  const plan = bindingPlan(dto);
  return plan.arrow !== undefined ? plan.fields.get(plan.arrow)?.type : undefined;
}
