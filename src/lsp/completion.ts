/**
 * Completion by context, from the model: the statements a body accepts (no `withTitle` inside a
 * `lineOfBlocks`), the words of a statement's head line, enum values, icon and logo codes, entity
 * types and a card's field names, action types, translation keys, parameters, fragments and the
 * declarations a field refers to. Whole blocks come as snippets.
 */
import { CompletionItemKind, InsertTextFormat, MarkupKind, type CompletionItem, type Range as LspRange } from "vscode-languageserver";
import type { TextDocument } from "vscode-languageserver-textdocument";
import type { CheckOptions } from "../check/checker.js";
import { bodyFieldIn, headWordsIn, keywordFieldIn, memberDto, statementNamesIn } from "../lower/lower.js";
import { translationTexts, type IrProgram } from "../lower/ir.js";
import { CODE_CATALOGUES } from "../model/codes.js";
import { getBlockType, getDto, getField } from "../model/dtos.js";
import { ENTITY_TYPES, CARD_COMPOSITE_FIELDS, entityByWord } from "../model/entities.js";
import { BITRIX_LANGUAGES } from "../model/languages.js";
import { DECLARATIONS, getStatementSpec, TRANSLATIONS_KEYWORD } from "../model/statements.js";
import { EACH_KEYWORD, ELSE_KEYWORD, FRAGMENT_KEYWORD, TEMPLATE_KEYWORDS, USE_KEYWORD, WHEN_KEYWORD } from "../model/templates.js";
import type { FieldSpec, FieldType } from "../model/types.js";
import type { Document, Statement } from "../syntax/ast.js";
import { cursorContext, dtoOfBody, type CursorContext } from "./context.js";
import { fieldDoc, dtoDoc } from "./docs.js";

interface Sources {
  readonly document: Document;
  readonly program: IrProgram;
  readonly options: CheckOptions;
  /** The document's path, for completing import paths; undefined for a document not on disk. */
  readonly file?: string | undefined;
}

function item(label: string, kind: CompletionItemKind, range: LspRange, extra: Partial<CompletionItem> = {}): CompletionItem {
  return { label, kind, textEdit: { range, newText: label }, ...extra };
}

function markdown(value: string): CompletionItem["documentation"] {
  return { kind: MarkupKind.Markdown, value };
}

/** A snippet for a whole statement: its first text value as a placeholder, a body when it has members. */
function statementSnippet(name: string, dto: string | undefined): string {
  if (!dto) return name;
  const spec = getStatementSpec(dto);
  const model = getDto(dto);
  const first = spec.positional?.[0];
  const firstType = first !== undefined && model ? getField(model, first)?.type : undefined;
  const head = firstType && (firstType.kind === "text" || firstType.kind === "string") ? ` "\${1:${first}}"` : "";
  const hasMembers = model?.fields.some((f) => f.type.kind === "collection" || f.type.kind === "block" || f.type.kind === "object") ?? false;
  return hasMembers ? `${name}${head} {\n\t$0\n}` : `${name}${head}$0`;
}

/** The statements a body of `dto` accepts. */
function statementItems(dto: string, range: LspRange): CompletionItem[] {
  const model = getDto(dto)!;
  return statementNamesIn(dto).map((name) => {
    const member = memberDto(dto, name);
    const field = getField(model, name);
    const block = getBlockType(name);
    const doc = block ? block.doc : field ? fieldDoc(field) : member ? dtoDoc(member) : "";
    return item(name, member ? CompletionItemKind.Class : CompletionItemKind.Property, range, {
      detail: member ? getDto(member)?.title : field ? `${model.title} field` : undefined,
      documentation: markdown(doc),
      insertTextFormat: InsertTextFormat.Snippet,
      textEdit: { range, newText: statementSnippet(name, member) },
    });
  });
}

function templateItems(range: LspRange, previous: Statement | undefined): CompletionItem[] {
  return TEMPLATE_KEYWORDS.filter((k) => k.keyword !== FRAGMENT_KEYWORD)
    .filter((k) => k.keyword !== ELSE_KEYWORD || previous?.name.name === WHEN_KEYWORD)
    .map((k) => {
      const snippet = k.keyword === WHEN_KEYWORD ? "when \\$${1:flag} {\n\t$0\n}" : k.keyword === EACH_KEYWORD ? "each ${1:item} in \\$${2:list} {\n\t$0\n}" : k.keyword === USE_KEYWORD ? "use ${1:fragment}" : "else {\n\t$0\n}";
      return item(k.keyword, CompletionItemKind.Keyword, range, { documentation: markdown(k.doc), insertTextFormat: InsertTextFormat.Snippet, textEdit: { range, newText: snippet } });
    });
}

function topLevelItems(range: LspRange): CompletionItem[] {
  const declarations = DECLARATIONS.map((d) =>
    item(d.keyword, CompletionItemKind.Keyword, range, {
      detail: d.method,
      documentation: markdown(d.doc),
      insertTextFormat: InsertTextFormat.Snippet,
      textEdit: { range, newText: `${d.keyword} \${1:name}${d.keyword === "card" ? " for ${2:deal}" : ""} {\n\t$0\n}` },
    }),
  );
  const others = [
    item(TRANSLATIONS_KEYWORD, CompletionItemKind.Keyword, range, { documentation: markdown("A translation table: `en { key \"text\" }`, referred to as `@key`."), insertTextFormat: InsertTextFormat.Snippet, textEdit: { range, newText: "translations {\n\t${1:en} {\n\t\t$0\n\t}\n}" } }),
    item(FRAGMENT_KEYWORD, CompletionItemKind.Keyword, range, { documentation: markdown(TEMPLATE_KEYWORDS.find((k) => k.keyword === FRAGMENT_KEYWORD)!.doc), insertTextFormat: InsertTextFormat.Snippet, textEdit: { range, newText: "fragment ${1:name}(${2}) {\n\t$0\n}" } }),
    item("import", CompletionItemKind.Keyword, range, { documentation: markdown("`import { name } from \"./file.b24layout\"`: fragments and translations of another file."), insertTextFormat: InsertTextFormat.Snippet, textEdit: { range, newText: 'import { $2 } from "${1:./file.b24layout}"' } }),
  ];
  return [...declarations, ...others];
}

/** Values a field takes, as words or literals. */
function valueItems(field: FieldSpec, sources: Sources, range: LspRange): CompletionItem[] {
  const t: FieldType = field.type;
  if (t.kind === "enum") {
    return t.values
      .filter((v) => v.accepted?.server !== false)
      .flatMap((v) => [v.value, ...(v.aliases ?? [])].map((w) => item(w, CompletionItemKind.EnumMember, range, { documentation: markdown(v.doc) })));
  }
  if (t.kind === "bool") return ["true", "false"].map((w) => item(w, CompletionItemKind.Value, range));
  if (t.kind === "int" && t.entityType) return ENTITY_TYPES.map((e) => item(e.word, CompletionItemKind.EnumMember, range, { detail: `${e.name} (${e.id})` }));
  if (t.kind === "string" && t.codes) {
    if (t.codes === "badge") return declarationNames(sources.document, "badge").map((n) => item(n, CompletionItemKind.Reference, range, { detail: "badge declared here" }));
    const catalogue = CODE_CATALOGUES[t.codes];
    // The portal's own codes, from the config (as the unknown-code rule gets them).
    const registered = sources.options.ruleOptions?.["unknown-code"]?.[t.codes === "icon" ? "icons" : "logos"];
    const portal = Array.isArray(registered) ? registered.filter((c): c is string => typeof c === "string") : [];
    return [...catalogue.systemCodes, ...portal].map((c) => item(c, CompletionItemKind.Constant, range, { detail: `${t.codes} code` }));
  }
  if (t.kind === "object") {
    const declaration = DECLARATIONS.find((d) => d.dto === t.dto);
    if (declaration) return declarationNames(sources.document, declaration.keyword).map((n) => item(n, CompletionItemKind.Reference, range, { detail: `${declaration.keyword} declared here` }));
  }
  return [];
}

function declarationNames(document: Document, keyword: string): string[] {
  return document.statements.filter((s) => s.name.name === keyword && s.args[0]?.kind === "Identifier").map((s) => (s.args[0] as { name: string }).name);
}

function translationItems(sources: Sources, range: LspRange): CompletionItem[] {
  const keys = new Set<string>();
  for (const table of [sources.program.translations, sources.program.importedTranslations]) {
    for (const language of table?.languages.values() ?? []) for (const key of language.entries.keys()) keys.add(key);
  }
  return [...keys].map((key) => {
    const texts = translationTexts(sources.program, key);
    return item(`@${key}`, CompletionItemKind.Text, range, { detail: texts[0]?.[1], documentation: markdown(texts.map(([l, t]) => `- **${l}**: ${t}`).join("\n")) });
  });
}

function parameterItems(context: CursorContext, range: LspRange): CompletionItem[] {
  const out: CompletionItem[] = [];
  const params = context.declaration?.args.find((a) => a.kind === "ParameterList");
  if (params?.kind === "ParameterList") {
    for (const p of params.parameters) out.push(item(`$${p.name.name}`, CompletionItemKind.Variable, range, { detail: "parameter" }));
  }
  for (const s of context.chain) {
    if (s.name.name === EACH_KEYWORD && s.args[0]?.kind === "Identifier") out.push(item(`$${s.args[0].name}`, CompletionItemKind.Variable, range, { detail: "loop variable" }));
  }
  return out;
}

function fragmentItems(document: Document, range: LspRange): CompletionItem[] {
  const local = declarationNames(document, FRAGMENT_KEYWORD);
  const imported = document.imports.flatMap((i) => i.names.map((n) => n.name)).filter((n) => n !== TRANSLATIONS_KEYWORD);
  return [...local, ...imported].map((n) => item(n, CompletionItemKind.Function, range, { detail: "fragment" }));
}

/** A card's field names for the entity after `for`. */
function cardFieldItems(declaration: Statement | undefined, range: LspRange): CompletionItem[] {
  const forIndex = declaration?.args.findIndex((a) => a.kind === "Identifier" && a.name === "for") ?? -1;
  const word = forIndex >= 0 ? declaration!.args[forIndex + 1] : undefined;
  const entity = word?.kind === "Identifier" ? entityByWord(word.name) : undefined;
  const names = [...(entity?.fields ?? []), ...CARD_COMPOSITE_FIELDS];
  return [...new Set(names)].map((n) => item(n, CompletionItemKind.Field, range, { detail: entity ? `${entity.name} field` : "card field" }));
}

export function completions(document: TextDocument, offset: number, sources: Sources): CompletionItem[] {
  const text = document.getText();
  const context = cursorContext(sources.document, text, offset);
  const range = { start: document.positionAt(context.wordStart), end: document.positionAt(offset) };
  if (context.word.startsWith("@")) return translationItems(sources, range);
  if (context.word.startsWith("$")) return parameterItems(context, range);
  const body = context.body;
  const previousStatement = (() => {
    const list = context.chain.at(-1)?.body?.statements ?? sources.document.statements;
    return [...list].reverse().find((s) => s.range.end.offset <= context.wordStart);
  })();

  if (context.part === "name") {
    if (body.kind === "top") return topLevelItems(range);
    if (body.kind === "translations") {
      if (body.language === undefined) return BITRIX_LANGUAGES.map((l) => item(l.id, CompletionItemKind.Module, range, { detail: l.name }));
      return translationItems(sources, range).map((i) => ({ ...i, label: i.label.slice(1), textEdit: { range, newText: `${i.label.slice(1)} ""` } }));
    }
    if (body.kind === "fragment") return [...statementItems(dtoOfBody(body)!, range), ...templateItems(range, previousStatement)];
    if (body.kind !== "dto") return [];
    const spec = getStatementSpec(body.dto);
    if (spec.membersByName) return [...cardFieldItems(context.declaration, range), ...templateItems(range, previousStatement)];
    return [...statementItems(body.dto, range), ...(getDto(body.dto)?.closed ? templateItems(range, previousStatement) : [])];
  }

  const statement = context.statement;
  if (!statement) return [];
  if (statement.name.name === USE_KEYWORD) return fragmentItems(sources.document, range);
  // The DTO the statement builds (`text` → TextDto), or the field it sets (`size`).
  const parentDto = dtoOfBody(body);
  if (body.kind === "top") {
    const declaration = getDeclaration(statement);
    return declaration ? headItems(declaration, statement, sources, range, context.part) : [];
  }
  if (!parentDto) return [];
  const own = memberDto(parentDto, statement.name.name);
  if (own) return headItems(own, statement, sources, range, context.part);
  const field = bodyFieldIn(parentDto, statement.name.name);
  return field ? valueItems(field, sources, range) : [];
}

function getDeclaration(statement: Statement): string | undefined {
  return DECLARATIONS.find((d) => d.keyword === statement.name.name)?.dto;
}

/** The head line of a statement building `dto`: its words, the values of a keyword argument, codes, or action types. */
function headItems(dto: string, statement: Statement, sources: Sources, range: LspRange, part: CursorContext["part"]): CompletionItem[] {
  const spec = getStatementSpec(dto);
  if (part === "action-name" || part === "action") {
    const arrow = spec.arrow !== undefined ? getField(getDto(dto)!, spec.arrow) : undefined;
    const actionDto = arrow?.type.kind === "object" ? arrow.type.dto : undefined;
    if (!actionDto) return [];
    if (part === "action-name") {
      const type = getField(getDto(actionDto)!, getStatementSpec(actionDto).variantField ?? "type");
      return type ? valueItems(type, sources, range).map((i) => ({ ...i, kind: CompletionItemKind.Function })) : [];
    }
    return headWordsIn(actionDto).map((w) => item(w, CompletionItemKind.Keyword, range));
  }
  // After a keyword argument (`size`, `for`, `ownerTypeId`): its values.
  const last = statement.args.at(-1);
  if (last?.kind === "Identifier") {
    const field = keywordFieldIn(dto, last.name);
    if (field && field.type.kind !== "bool") {
      const values = valueItems(field, sources, range);
      if (values.length > 0) return values;
    }
  }
  const model = getDto(dto)!;
  const words = headWordsIn(dto).map((w) => {
    const field = getField(model, w);
    return item(w, field ? CompletionItemKind.Property : CompletionItemKind.EnumMember, range, field ? { documentation: markdown(fieldDoc(field)) } : {});
  });
  const codes = (spec.wordPositional ?? []).flatMap((name) => {
    const field = getField(model, name);
    return field ? valueItems(field, sources, range) : [];
  });
  return [...codes, ...words];
}
