/**
 * Completion by context, from the model: the statements a body accepts (no `withTitle` inside a
 * `lineOfBlocks`), the words of a statement's head line, enum values, icon and logo codes, entity
 * types and a card's field names, action types, translation keys, parameters, fragments and the
 * declarations a field refers to. Whole blocks come as snippets (src/lsp/capabilities.ts makes
 * them plain for clients without snippets).
 *
 * Only what the checker accepts is offered: for the configured `target`, no field or value the
 * model marks as not accepted there (the `accepted` columns); no field already set in the body or
 * on the head line (a member, which repeats, is always offered); only members inside `when`,
 * `else` and `each`; a card's field once per card.
 *
 * Nothing is offered inside comments or strings, except where a string holds names: a `${…}`
 * interpolation (the parameters in scope) and an import's path (the folders and `.b24layout` files
 * next to the document).
 */
import { CompletionItemKind, InsertTextFormat, MarkupKind, type CompletionItem, type Range as LspRange } from "vscode-languageserver";
import type { TextDocument } from "vscode-languageserver-textdocument";
import { readdirSync, type Dirent } from "node:fs";
import { dirname, resolve } from "node:path";
import type { CheckOptions } from "../check/index.js";
import { bindingPlan, bodyFieldIn, headWordMeaning, headWordsIn, keywordFieldIn, mapDto, memberDto, rawFieldIn, rawMemberFieldIn, statementNamesIn } from "../model/index.js";
import { translationTexts, type IrProgram, type ParamType } from "../lower/index.js";
import { CODE_CATALOGUES } from "../model/index.js";
import { getBlockType, getDto, getField } from "../model/index.js";
import { ENTITY_TYPES, CARD_COMPOSITE_FIELDS, entityByWord } from "../model/index.js";
import { BITRIX_LANGUAGES } from "../model/index.js";
import { DECLARATIONS, RAW_FORM, RAW_KEYWORD, TRANSLATIONS_KEYWORD } from "../model/index.js";
import { EACH_KEYWORD, ELSE_KEYWORD, FRAGMENT_KEYWORD, TEMPLATE_KEYWORDS, USE_KEYWORD, WHEN_KEYWORD } from "../model/index.js";
import type { EnumValue, FieldSpec, FieldType, Support } from "../model/index.js";
import type { Argument, Document, Statement } from "../syntax/index.js";
import { SOURCE_EXTENSION } from "../workspace/index.js";
import { statementsWithin } from "../syntax/index.js";
import { cursorContext, dtoOfBody, textPlace, type CursorContext, type TextPlace } from "./context.js";
import { fieldDoc, dtoDoc } from "./docs.js";
import { rawAt, rawContainerType, rawCursorAt, rawSlotType, rawValueType, rawWordBefore, type RawCursor, type RawForm } from "./raw.js";
import { findTemplate, isRequired, namesInScope, parametersOf, parameterSignature, paramTypeOf, templateNameOf, templateSignature, valuesReferenceBefore, type TemplateName, type TemplateSource } from "./references.js";
import { IMPORTABLE_KEYWORDS } from "../lower/index.js";
import { importFix, importPath, summarize } from "../check/index.js";
import { toLspRange } from "./convert.js";
import { assignable, literalsOf } from "../lower/index.js";

interface Sources {
  readonly document: Document;
  readonly program: IrProgram;
  readonly options: CheckOptions;
  /** The document's path, for completing import paths; undefined for a document not on disk. */
  readonly file?: string | undefined;
  /** Whether the client takes snippets: a parameter's key then comes with a placeholder for its value. */
  readonly snippets?: boolean;
  /** The fragment or declaration a reference names: in the document, or imported (the server reads the other file). */
  readonly template?: (target: TemplateName) => TemplateSource | undefined;
  /** The file an import's path (as written) names, parsed: for the names it can give. */
  readonly importedDocument?: (source: string) => { document: Document; text: string } | undefined;
  /** The declarations of a keyword that other files of the project declare (and this one may import), by file path. */
  readonly elsewhere?: (keyword: string) => readonly { path: string; name: string }[];
}

/** The template a reference names: `sources.template`, else the document's own declaration. */
function templateFor(target: TemplateName, sources: Sources, text: string): TemplateSource | undefined {
  if (sources.template) return sources.template(target);
  const statement = findTemplate(sources.document, target);
  return statement && { statement, text };
}

type Target = NonNullable<CheckOptions["target"]>;

function targetOf(sources: Sources): Target {
  return sources.options.target ?? "server";
}

/**
 * Whether the model's `accepted` column (of a field or an enum value) lets the checker take it
 * under `target` (absent: everywhere): field-support and enum-value report the others, as errors
 * or, where the target is not the side that refuses, as warnings.
 */
function acceptedUnder(accepted: Support | undefined, target: Target): boolean {
  return accepted === undefined || accepted[target];
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
  const model = getDto(dto);
  const first = model ? bindingPlan(dto).positional?.[0] : undefined;
  const firstType = first !== undefined && model ? getField(model, first)?.type : undefined;
  const head = firstType && (firstType.kind === "text" || firstType.kind === "string") ? ` "\${1:${first}}"` : "";
  const hasMembers = model?.fields.some((f) => f.type.kind === "collection" || f.type.kind === "block" || f.type.kind === "object") ?? false;
  return hasMembers ? `${name}${head} {\n\t$0\n}` : `${name}${head}$0`;
}

/**
 * The statements a body of `dto` accepts under the target: members (which repeat) always, fields
 * only when not set yet (`taken`) and not `membersOnly` (inside `when`, `else`, `each`).
 */
function statementItems(dto: string, range: LspRange, target: Target, taken: ReadonlySet<string> = new Set(), membersOnly = false): CompletionItem[] {
  const model = getDto(dto)!;
  return [...statementNamesIn(dto).flatMap((name) => {
    const setsField = bodyFieldIn(dto, name);
    if (setsField && (membersOnly || taken.has(name) || !acceptedUnder(setsField.accepted, target) || excludedBy(dto, name, taken, target))) return [];
    const member = memberDto(dto, name);
    const field = getField(model, name);
    const block = getBlockType(name);
    const doc = block ? block.doc : field ? fieldDoc(field) : member ? dtoDoc(member) : "";
    return [
      item(name, member ? CompletionItemKind.Class : CompletionItemKind.Property, range, {
        detail: member ? getDto(member)?.title : field ? `${model.title} field` : undefined,
        documentation: markdown(doc),
        insertTextFormat: InsertTextFormat.Snippet,
        textEdit: { range, newText: statementSnippet(name, member) },
      }),
    ];
  }), ...requestItems(dto, range, taken, membersOnly)];
}

/** Whether `name` sets one of the request's own params in a body of `dto` (`entityId` in a `blocks` body). */
function requestFieldIn(dto: string, name: string): boolean {
  const request = DECLARATIONS.find((d) => d.dto === dto)?.request;
  return request !== undefined && name !== request.payloadField && getDto(request.dto)?.fields.some((f) => f.name === name) === true;
}

/** In a `blocks` body, the ids of its request (`entityTypeId`, `entityId`, `timelineId`, `activityId`) that are not set yet. */
function requestItems(dto: string, range: LspRange, taken: ReadonlySet<string>, membersOnly: boolean): CompletionItem[] {
  const request = DECLARATIONS.find((d) => d.dto === dto)?.request;
  const params = request && !membersOnly ? getDto(request.dto) : undefined;
  if (!params) return [];
  return params.fields
    .filter((f) => f.name !== request!.payloadField && !taken.has(f.name))
    .map((f) =>
      item(f.name, CompletionItemKind.Property, range, {
        detail: `${params.title} field`,
        documentation: markdown(fieldDoc(f)),
        insertTextFormat: InsertTextFormat.Snippet,
        textEdit: { range, newText: `${f.name} $0` },
      }),
    );
}

/** Whether a field must not be set because one it excludes is (sliderParams `width` / `leftBoundary`), where the target enforces that. */
function excludedBy(dto: string, name: string, taken: ReadonlySet<string>, target: Target): boolean {
  return (getDto(dto)?.exclusive ?? []).some((g) => g.support[target] && g.fields.includes(name) && g.fields.some((f) => f !== name && taken.has(f)));
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

/** Values a field takes, as words or literals: the enum values the target accepts, booleans, entity types, codes, declarations. */
function valueItems(field: FieldSpec, sources: Sources, range: LspRange): CompletionItem[] {
  const t: FieldType = field.type;
  const target = targetOf(sources);
  if (t.kind === "enum") {
    return t.values
      .filter((v) => acceptedUnder(v.accepted, target))
      .flatMap((v) => [v.value, ...(v.aliases ?? [])].map((w) => item(w, CompletionItemKind.EnumMember, range, { documentation: markdown(v.doc) })));
  }
  if (t.kind === "bool") return ["true", "false"].map((w) => item(w, CompletionItemKind.Value, range));
  if (t.kind === "int" && t.entityType) return ENTITY_TYPES.map((e) => item(e.word, CompletionItemKind.EnumMember, range, { detail: `${e.name} (${e.id})` }));
  if (t.kind === "string" && t.codes) {
    if (t.codes === "badge") return declarationNames(sources.document, "badge").map((n) => item(n, CompletionItemKind.Reference, range, { detail: "badge declared here" }));
    return codeCatalogue(t.codes, sources).map((c) => item(c, CompletionItemKind.Constant, range, { detail: `${t.codes} code` }));
  }
  if (t.kind === "object") {
    const declaration = DECLARATIONS.find((d) => d.dto === t.dto);
    return declaration ? declarationItems(declaration.keyword, sources, range) : [];
  }
  return [];
}

/**
 * The declarations of `keyword` a reference may name (`layout |`): the file's own, those it
 * imports, then those other files of the project declare, which the item imports as it is taken
 * (an edit of the file's imports, as the quick fix for an unknown reference makes it).
 */
function declarationItems(keyword: string, sources: Sources, range: LspRange): CompletionItem[] {
  const reference = (name: string, detail: string, first: boolean, extra: Partial<CompletionItem> = {}) =>
    item(name, CompletionItemKind.Reference, range, { detail, sortText: `${first ? 0 : 1}${name}`, ...extra });
  const local = declarationNames(sources.document, keyword);
  const imported = [...(sources.program.imports ?? [])].filter(([, i]) => i.declaration.spec.keyword === keyword);
  const items = [...local.map((n) => reference(n, `${keyword} declared here`, true)), ...imported.map(([n, i]) => reference(n, `${keyword} imported from ${i.source}`, true))];
  const file = sources.file;
  if (file === undefined || !IMPORTABLE_KEYWORDS.has(keyword) || !sources.elsewhere) return items;
  const known = new Set([...local, ...imported.map(([n]) => n), ...sources.document.imports.flatMap((i) => i.names.map((n) => n.name))]);
  const summary = summarize(sources.program, sources.document);
  const elsewhere = [...sources.elsewhere(keyword)].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  for (const other of elsewhere) {
    if (known.has(other.name)) continue;
    const fix = importFix(file, summary, other.path, other.name);
    if (!fix) continue;
    const source = importPath(file, other.path);
    items.push(reference(other.name, `${keyword} in ${source}`, false, { documentation: markdown(`Imports it: \`import { ${other.name} } from ${JSON.stringify(source)}\`.`), additionalTextEdits: fix.edits.map((e) => ({ range: toLspRange(e.range), newText: e.newText })) }));
  }
  return items;
}

/** The system codes of a catalogue and the portal's own, from the config (as the unknown-code rule gets them). */
function codeCatalogue(codes: "icon" | "logo", sources: Sources): string[] {
  const registered = sources.options.ruleOptions?.["unknown-code"]?.[codes === "icon" ? "icons" : "logos"];
  const portal = Array.isArray(registered) ? registered.filter((c): c is string => typeof c === "string") : [];
  return [...new Set([...CODE_CATALOGUES[codes].systemCodes, ...portal])];
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

function fragmentItems(sources: Sources, range: LspRange): CompletionItem[] {
  const local = declarationNames(sources.document, FRAGMENT_KEYWORD);
  // An imported layout is not a fragment: `use` cannot take it.
  const imported = sources.document.imports.flatMap((i) => i.names.map((n) => n.name)).filter((n) => n !== TRANSLATIONS_KEYWORD && !sources.program.imports?.has(n));
  return [...local, ...imported].map((n) => item(n, CompletionItemKind.Function, range, { detail: "fragment" }));
}

/** A card's field names for the entity after `for`, but those the card already shows (a field appears once per card). */
function cardFieldItems(declaration: Statement | undefined, offset: number, range: LspRange): CompletionItem[] {
  const forIndex = declaration?.args.findIndex((a) => a.kind === "Identifier" && a.name === "for") ?? -1;
  const word = forIndex >= 0 ? declaration!.args[forIndex + 1] : undefined;
  const entity = word?.kind === "Identifier" ? entityByWord(word.name) : undefined;
  const names = new Set([...(entity?.fields ?? []), ...CARD_COMPOSITE_FIELDS]);
  const shown = new Set<string>();
  for (const { statement: s } of statementsWithin(declaration?.body?.statements ?? [])) {
    // The element being typed is not shown yet.
    if (names.has(s.name.name) && !(s.range.start.offset <= offset && offset <= s.range.end.offset)) shown.add(s.name.name);
  }
  return [...names].filter((n) => !shown.has(n)).map((n) => item(n, CompletionItemKind.Field, range, { detail: entity ? `${entity.name} field` : "card field" }));
}

const TEMPLATE_BODIES: ReadonlySet<string> = new Set([WHEN_KEYWORD, ELSE_KEYWORD, EACH_KEYWORD]);

/** A label before the word being typed (`a: |`, `"1": ta|`, `width: |`): its text. */
function labelBefore(text: string, wordStart: number): string | undefined {
  const lineStart = text.lastIndexOf("\n", wordStart - 1) + 1;
  const match = /(?:^|[\s{;,])(?:"((?:[^"\\]|\\.)*)"|([A-Za-z0-9_][A-Za-z0-9_-]*))[ \t]*:[ \t]*$/.exec(text.slice(lineStart, wordStart));
  return match ? (match[1] ?? match[2]) : undefined;
}

/** The fields a body's statements set (not `except`, the one being typed): they are not offered again. */
function fieldsSetIn(dto: string, statements: readonly Statement[], except: number): Set<string> {
  const taken = new Set<string>();
  for (const s of statements) {
    if (s.range.start.offset <= except && except <= s.range.end.offset) continue;
    if (bodyFieldIn(dto, s.name.name) || requestFieldIn(dto, s.name.name)) taken.add(s.name.name);
  }
  return taken;
}

export function completions(document: TextDocument, offset: number, sources: Sources): CompletionItem[] {
  const text = document.getText();
  const place = textPlace(sources.document, text, offset);
  if (place.kind === "comment") return [];
  const names = importNameItems(document, offset, sources);
  if (names) return names;
  const raw = rawAt(sources.document, text, offset);
  if (raw) return rawValueItems(document, offset, raw, sources);
  const values = referenceValueItems(document, offset, sources);
  if (values) return values;
  const context = cursorContext(sources.document, text, offset);
  if (place.kind === "string") return stringItems(document, offset, place, context, sources);
  const range = { start: document.positionAt(context.wordStart), end: document.positionAt(offset) };
  if (context.word.startsWith("@")) return translationItems(sources, range);
  if (context.word.startsWith("$")) return parameterItems(context, range);
  const body = context.body;
  const target = targetOf(sources);
  const siblings = context.chain.at(-1)?.body?.statements ?? sources.document.statements;
  const previousStatement = [...siblings].reverse().find((s) => s.range.end.offset <= context.wordStart);
  // `when`, `else` and `each` hold members of the body around them, never fields.
  const inTemplate = TEMPLATE_BODIES.has(context.chain.at(-1)?.name.name ?? "");
  const label = labelBefore(text, context.wordStart);

  const mapValue = mapValueItems(text, offset, context, sources, range);
  if (mapValue) return mapValue;

  if (context.part === "name" || (label !== undefined && context.statement?.name.name === "")) {
    if (label !== undefined) return labelledItems(label, context, sources, range);
    if (body.kind === "top") return topLevelItems(range);
    if (body.kind === "translations") {
      if (body.language === undefined) {
        const present = new Set(siblings.map((s) => s.name.name));
        return BITRIX_LANGUAGES.filter((l) => !present.has(l.id)).map((l) => item(l.id, CompletionItemKind.Module, range, { detail: l.name }));
      }
      // The keys other languages have and this one lacks.
      const present = new Set(siblings.filter((s) => !(s.range.start.offset <= offset && offset <= s.range.end.offset)).map((s) => s.name.name));
      return translationItems(sources, range)
        .filter((i) => !present.has(i.label.slice(1)))
        .map((i) => ({ ...i, label: i.label.slice(1), textEdit: { range, newText: `${i.label.slice(1)} ""` } }));
    }
    if (body.kind === "fragment") return [...statementItems(dtoOfBody(body)!, range, target, new Set(), true), ...rawMemberItems(dtoOfBody(body)!, range, target, false), ...templateItems(range, previousStatement)];
    if (body.kind !== "dto") return [];
    if (bindingPlan(body.dto).membersByName) return [...cardFieldItems(context.declaration, offset, range), ...rawMemberItems(body.dto, range, target, false), ...templateItems(range, previousStatement)];
    const owner = context.chain.at(-1);
    // The fields set by the statements of the body and by its owner's head line (`tag warning "a" { … }` has its type and title).
    const taken = inTemplate ? new Set<string>() : new Set([...fieldsSetIn(body.dto, siblings, offset), ...(owner ? fieldsSetOnHead(body.dto, context.chain.length === 1 ? owner.args.slice(1) : owner.args, offset) : [])]);
    const hasMembers = statementNamesIn(body.dto).some((name) => !bodyFieldIn(body.dto, name));
    return [...statementItems(body.dto, range, target, taken, inTemplate), ...rawMemberItems(body.dto, range, target, false), ...(hasMembers ? templateItems(range, previousStatement) : [])];
  }

  const statement = context.statement;
  if (!statement) return [];
  // After `json` comes its value (completed above once it is begun), nothing of the statement's own.
  if (rawWordBefore(statement, body.kind !== "top", context.wordStart)) return [];
  if (statement.name.name === USE_KEYWORD) return fragmentItems(sources, range);
  // The DTO the statement builds (`text` → TextDto), or the field it sets (`size`).
  const parentDto = dtoOfBody(body);
  if (body.kind === "top") {
    const declaration = getDeclaration(statement);
    return declaration ? [...headItems(declaration, statement, sources, range, context.part, context.wordStart), ...rawDeclarationItems(statement, context, range)] : [];
  }
  if (!parentDto) return [];
  // `name json <value>`: any field, right after its name.
  const first = context.part === "head" && statement.args.every((a) => a.range.end.offset >= context.wordStart);
  const rawValue = first && rawFieldIn(parentDto, statement.name.name) ? [rawKeywordItem(range, false)] : [];
  // `layout card`: a declaration of the file by name (its values, `{ … }`, are completed above), not the structure's own words.
  const named = bodyFieldIn(parentDto, statement.name.name);
  if (named?.type.kind === "object" && DECLARATIONS.some((d) => named.type.kind === "object" && d.dto === named.type.dto)) return first ? [...valueItems(named, sources, range), ...rawValue] : [];
  const own = memberDto(parentDto, statement.name.name);
  if (own) return [...headItems(own, statement, sources, range, context.part, context.wordStart), ...rawValue];
  const field = bodyFieldIn(parentDto, statement.name.name);
  // `bold |`: the field's values, once (`bold true |` has its value).
  return [...(field && first ? valueItems(field, sources, range) : []), ...rawValue];
}

/** `json`: its documentation from the model; as a member, a snippet with the braces of a map. */
function rawKeywordItem(range: LspRange, member: boolean): CompletionItem {
  const documentation = markdown(`\`${RAW_FORM.syntax}\`\n\n${RAW_FORM.doc}`);
  return member
    ? item(RAW_KEYWORD, CompletionItemKind.Keyword, range, { detail: "raw JSON member", documentation, insertTextFormat: InsertTextFormat.Snippet, textEdit: { range, newText: `${RAW_KEYWORD} { $0 }` } })
    : item(RAW_KEYWORD, CompletionItemKind.Keyword, range, { detail: "raw JSON value", documentation });
}

/**
 * `[key:] json { … }` where a body of `dto` takes a raw member (its member field accepted under the
 * target); after a label only for a collection, whose members have keys.
 */
function rawMemberItems(dto: string, range: LspRange, target: Target, labelled: boolean): CompletionItem[] {
  const field = rawMemberFieldIn(dto);
  if (!field || !acceptedUnder(field.accepted, target) || (labelled && field.type.kind !== "collection")) return [];
  return [rawKeywordItem(range, true)];
}

/** `badge b json { … }`: after a declaration's name (and its parameters and head words), before any value. */
function rawDeclarationItems(statement: Statement, context: CursorContext, range: LspRange): CompletionItem[] {
  const before = statement.args.filter((a) => a.range.end.offset <= context.wordStart);
  if (context.part !== "head" || before[0]?.kind !== "Identifier" || before.some((a) => (a.kind !== "Identifier" && a.kind !== "ParameterList") || (a.kind === "Identifier" && a.name === RAW_KEYWORD))) return [];
  return [rawKeywordItem(range, false)];
}

/**
 * After a label: in a body of members (`a: |` in a header), the members (a label names a member);
 * in an object's body (`sliderParams { width: | }`, read as a body while it is incomplete) or a
 * `use`'s arguments (`use f { flag: | }`), the values of the field or parameter.
 */
function labelledItems(label: string, context: CursorContext, sources: Sources, range: LspRange): CompletionItem[] {
  const dto = dtoOfBody(context.body);
  if (!dto) return [];
  const field = bodyFieldIn(dto, label);
  if (field) return valueItems(field, sources, range);
  return [...statementItems(dto, range, targetOf(sources), new Set(), true), ...rawMemberItems(dto, range, targetOf(sources), true)];
}

/**
 * Inside the values of a reference (`use f { … }`, `layout card { … }`): at a key, the target's
 * parameters not given yet (required ones first; with a snippet client, a placeholder for the
 * value, with the choices of a boolean or a union of literals); after `name: `, the values its
 * type takes: its literals, `true` / `false`, and the names in scope whose type fits. Undefined
 * when the cursor is not in such values.
 */
function referenceValueItems(document: TextDocument, offset: number, sources: Sources): CompletionItem[] | undefined {
  const text = document.getText();
  const reference = valuesReferenceBefore(sources.document, offset);
  const cursor = reference ? rawCursorAt(text, reference.targetName.range.end.offset, offset) : undefined;
  if (!reference || !cursor || cursor.path.length === 0) return undefined;
  const frame = cursor.path[0]!;
  // Inside a value (a record or list given to a parameter), or at no place for a name or value.
  if (cursor.path.length > 1 || frame.kind !== "map" || cursor.where === "none") return [];
  const template = templateFor(reference.target, sources, text);
  if (!template) return [];
  const token = cursor.token;
  const quoted = token?.quoted === true;
  const from = !token ? offset : token.start + (!quoted ? 0 : text.startsWith('"""', token.start) ? 3 : 1);
  if (from > offset) return [];
  const range = { start: document.positionAt(from), end: document.positionAt(offset) };
  const parameters = parametersOf(template.statement);
  if (cursor.where === "key") {
    const colon = quoted || /^[^\S\n]*:/.test(text.slice(token ? token.end : offset));
    return parameters
      .filter((p) => !frame.keys.has(p.name.name))
      .map((p, i) => {
        const name = p.name.name;
        const choices = literalChoices(paramTypeOf(p.type));
        const snippet = sources.snippets === true && !colon ? `${name}: ${choices ? `\${1|${choices.map(escapeChoice).join(",")}|}` : "$0"}` : undefined;
        return item(name, CompletionItemKind.Field, range, {
          detail: parameterSignature(p, template.text),
          documentation: markdown(`Parameter of \`${reference.target.keyword} ${reference.target.name}\`${isRequired(p) ? " (required)" : ""}.`),
          // Required parameters first, then in their order.
          sortText: `${isRequired(p) ? 0 : 1}${String(i).padStart(4, "0")}`,
          ...(snippet ? { insertTextFormat: InsertTextFormat.Snippet } : {}),
          textEdit: { range, newText: snippet ?? (colon ? name : `${name}: `) },
        });
      });
  }
  const parameter = parameters.find((p) => p.name.name === cursor.key);
  if (!parameter) return [];
  const type = paramTypeOf(parameter.type);
  // Inside a string, only a string literal's text can go.
  if (quoted) return (type ? (literalsOf(type) ?? []) : []).map((v) => item(v, CompletionItemKind.Value, range));
  const items = (literalChoices(type) ?? []).map((v) => item(v, CompletionItemKind.Value, range));
  // The caller's own names: those of a type the parameter takes (or whose type cannot be read).
  const chain = [...statementsAround(sources.document, reference.statement)];
  for (const n of namesInScope(chain)) {
    for (const path of fieldPaths(n.name, n.type)) {
      if (type !== undefined && path.type !== undefined && !assignable(path.type, type)) continue;
      items.push(item(`$${path.path}`, CompletionItemKind.Variable, range, { detail: path.path === n.name ? (n.loop ? "loop variable" : "parameter") : "field" }));
    }
  }
  return items;
}

/** A name and, for a record, the paths of its fields (`p`, `p.name`, `p.price`), a few levels deep. */
function fieldPaths(name: string, type: ParamType | undefined, depth = 0): { path: string; type: ParamType | undefined }[] {
  const out: { path: string; type: ParamType | undefined }[] = [{ path: name, type }];
  if (type?.kind === "record" && depth < 3) for (const f of type.fields) out.push(...fieldPaths(`${name}.${f.name}`, f.type, depth + 1));
  return out;
}

/** A snippet choice's text: `,` `|` `$` `}` and `\` are escaped (LSP snippet syntax). */
function escapeChoice(text: string): string {
  return text.replace(/[\\,|$}]/g, "\\$&");
}

/** The values a type lists: `true` / `false`, or its string literals as JSON. */
function literalChoices(type: ParamType | undefined): string[] | undefined {
  if (type?.kind === "bool") return ["true", "false"];
  const literals = type ? literalsOf(type) : undefined;
  return literals?.map((l) => JSON.stringify(l));
}

/** The statements whose bodies hold `statement`, outermost first. */
function statementsAround(document: Document, statement: Statement): readonly Statement[] {
  for (const { statement: s, chain } of statementsWithin(document.statements)) if (s === statement) return chain;
  return [];
}

/**
 * Inside a raw `json` value, typed by the model where the model knows the slot: at a map's key, the
 * fields of its structure it does not have yet (a language map's languages); at a value, what the
 * key takes, written as JSON (`"primary"`, `true`, a content block's `"type"` among the blocks its
 * slot allows), or without quotes inside a string.
 */
function rawValueItems(document: TextDocument, offset: number, raw: { form: RawForm; cursor: RawCursor }, sources: Sources): CompletionItem[] {
  const { cursor } = raw;
  if (cursor.where === "none") return [];
  const text = document.getText();
  const token = cursor.token;
  const quoted = token?.quoted === true;
  const from = !token ? offset : token.start + (!quoted ? 0 : text.startsWith('"""', token.start) ? 3 : 1);
  if (from > offset) return [];
  const range = { start: document.positionAt(from), end: document.positionAt(offset) };
  const target = targetOf(sources);
  const slot = rawSlotType(sources.document, text, raw.form);
  const container = rawContainerType(slot, cursor.path);
  if (cursor.where === "key") {
    const frame = cursor.path.at(-1);
    const present = frame?.kind === "map" ? frame.keys : new Set<string>();
    // Editing a key that has its colon already: the name alone.
    const colon = quoted || /^[^\S\n]*:/.test(text.slice(token ? token.end : offset));
    const key = (name: string, extra: Partial<CompletionItem>) => item(name, CompletionItemKind.Property, range, { ...extra, textEdit: { range, newText: colon ? name : `${name}: ` } });
    if (container?.kind === "text") return BITRIX_LANGUAGES.filter((l) => !present.has(l.id)).map((l) => key(l.id, { kind: CompletionItemKind.Module, detail: l.name }));
    const dto = container ? getDto(mapDto(container)) : undefined;
    if (!dto?.closed) return [];
    return dto.fields.filter((f) => !present.has(f.name) && acceptedUnder(f.accepted, target)).map((f) => key(f.name, { detail: `${dto.title} field`, documentation: markdown(fieldDoc(f)) }));
  }
  const type = rawValueType(slot, cursor);
  if (!type) return [];
  // A literal: as JSON, or its text alone inside a string (where only strings can go).
  const literal = (value: string | number | boolean, kind: CompletionItemKind, extra: Partial<CompletionItem> = {}): CompletionItem[] =>
    quoted ? (typeof value === "string" ? [item(value, kind, range, extra)] : []) : [item(JSON.stringify(value), kind, range, extra)];
  switch (type.kind) {
    case "enum": {
      // A content block's type, where its slot takes only some blocks (a withTitle's block, a lineOfBlocks' members).
      const allowed = container?.kind === "block" && cursor.key === "type" ? new Set(container.blockTypes) : undefined;
      return type.values
        .filter((v) => acceptedUnder(v.accepted, target) && (allowed === undefined || allowed.has(v.value)))
        .flatMap((v) => literal(type.valueType === "int" ? Number(v.value) : v.value, CompletionItemKind.EnumMember, { documentation: markdown(v.doc) }));
    }
    case "bool":
      return [...literal(true, CompletionItemKind.Value), ...literal(false, CompletionItemKind.Value)];
    case "constant":
      return literal(type.value, CompletionItemKind.Constant);
    case "int":
      return type.entityType ? ENTITY_TYPES.flatMap((e) => literal(e.id, CompletionItemKind.EnumMember, { detail: `${e.name} (${e.word})` })) : [];
    case "string": {
      if (!type.codes) return [];
      const codes = type.codes === "badge" ? declarationNames(sources.document, "badge") : codeCatalogue(type.codes, sources);
      return codes.flatMap((c) => literal(c, CompletionItemKind.Constant, { detail: `${type.codes} code` }));
    }
    default:
      return [];
  }
}

/** Inside a map argument, after `key:` (`sliderParams { width: 700, leftBoundary: | }`): the values of that field of the object the map builds. */
function mapValueItems(text: string, offset: number, context: CursorContext, sources: Sources, range: LspRange): CompletionItem[] | undefined {
  const statements = [...(context.chain.at(-1)?.body?.statements ?? sources.document.statements)];
  const holder = statements.find((s) => s.args.some((a) => a.kind === "Map" && a.range.start.offset < offset && offset < a.range.end.offset));
  if (!holder) return undefined;
  const map = holder.args.find((a) => a.kind === "Map" && a.range.start.offset < offset && offset < a.range.end.offset)!;
  const key = labelBefore(text.slice(map.range.start.offset, context.wordStart), context.wordStart - map.range.start.offset);
  if (key === undefined) return [];
  const parent = dtoOfBody(context.body);
  const field = parent ? bodyFieldIn(parent, holder.name.name) : undefined;
  const inner = field?.type.kind === "object" ? getDto(field.type.dto) : undefined;
  const keyField = inner ? getField(inner, key) : undefined;
  return keyField ? valueItems(keyField, sources, range) : [];
}

/** In a string: parameters after `${`, paths in an import's source; nothing elsewhere. */
function stringItems(document: TextDocument, offset: number, place: Extract<TextPlace, { kind: "string" }>, context: CursorContext, sources: Sources): CompletionItem[] {
  if (place.node.kind !== "String") return [];
  const interpolation = /(?:^|[^\\])(?:\\\\)*\$\{[ \t]*([A-Za-z_][A-Za-z0-9_]*)?$/.exec(place.before);
  if (interpolation) {
    const word = interpolation[1] ?? "";
    const range = { start: document.positionAt(offset - word.length), end: document.positionAt(offset) };
    return parameterItems(context, range).map((i) => ({ ...i, label: i.label.slice(1), textEdit: { range, newText: i.label.slice(1) } }));
  }
  const imported = sources.document.imports.find((i) => i.source?.range.start.offset === place.node.range.start.offset);
  return imported && sources.file ? importPathItems(document, offset, place.before.slice(1), sources.file) : [];
}

/**
 * Inside an import's braces (`import { c| } from "./layouts.b24layout"`): what the file it names
 * can give (its fragments, the declarations others refer to, its translation table), but the
 * names the document imports already. Undefined when the cursor is not inside an import's braces.
 */
function importNameItems(document: TextDocument, offset: number, sources: Sources): CompletionItem[] | undefined {
  const imp = sources.document.imports.find((i) => i.range.start.offset < offset && offset <= i.range.end.offset);
  if (!imp) return undefined;
  const text = document.getText();
  const open = text.indexOf("{", imp.range.start.offset);
  const close = text.indexOf("}", open);
  const end = imp.source?.range.start.offset ?? imp.range.end.offset;
  // Its path is completed as a string; elsewhere in the import (`from`) nothing goes.
  if (imp.source && imp.source.range.start.offset < offset) return undefined;
  if (open < 0 || offset <= open || (close >= 0 && close < offset) || offset > end) return [];
  const word = /[A-Za-z0-9_-]*$/.exec(text.slice(open + 1, offset))![0];
  const range = { start: document.positionAt(offset - word.length), end: document.positionAt(offset) };
  const other = imp.source ? sources.importedDocument?.(imp.source.value) : undefined;
  if (!other) return [];
  const taken = new Set(sources.document.imports.flatMap((i) => i.names.filter((n) => !(n.range.start.offset <= offset && offset <= n.range.end.offset)).map((n) => n.name)));
  const items: CompletionItem[] = [];
  for (const s of other.document.statements) {
    const name = templateNameOf(s)?.name;
    if (s.name.name === TRANSLATIONS_KEYWORD && !taken.has(TRANSLATIONS_KEYWORD)) {
      taken.add(TRANSLATIONS_KEYWORD);
      items.push(item(TRANSLATIONS_KEYWORD, CompletionItemKind.Module, range, { detail: "translation table" }));
    }
    if (name === undefined || taken.has(name) || !(s.name.name === FRAGMENT_KEYWORD || IMPORTABLE_KEYWORDS.has(s.name.name))) continue;
    taken.add(name);
    items.push(item(name, s.name.name === FRAGMENT_KEYWORD ? CompletionItemKind.Function : CompletionItemKind.Reference, range, { detail: templateSignature(s, other.text) }));
  }
  return items;
}

/** The folders and `.b24layout` files in the folder the path typed so far names, relative to the document. */
function importPathItems(document: TextDocument, offset: number, typed: string, file: string): CompletionItem[] {
  const slash = typed.lastIndexOf("/");
  const folder = resolve(dirname(file), typed.slice(0, slash + 1) || ".");
  const range = { start: document.positionAt(offset - (typed.length - slash - 1)), end: document.positionAt(offset) };
  let entries: Dirent[];
  try {
    entries = readdirSync(folder, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries
    .filter((e) => !e.name.startsWith(".") && e.name !== "node_modules" && (e.isDirectory() || (e.isFile() && e.name.endsWith(SOURCE_EXTENSION) && resolve(folder, e.name) !== file)))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .slice(0, 1000)
    .map((e) => (e.isDirectory() ? item(`${e.name}/`, CompletionItemKind.Folder, range) : item(e.name, CompletionItemKind.File, range)));
}

function getDeclaration(statement: Statement): string | undefined {
  return DECLARATIONS.find((d) => d.keyword === statement.name.name)?.dto;
}

/** The field a bare word on a `dto` statement's head line sets: a flag or keyword (`bold`, `size`), an enum word (`sm`), an alias, or a code. */
function fieldOfWord(dto: string, word: string): { field: FieldSpec; value?: EnumValue } | undefined {
  const meaning = headWordMeaning(dto, word);
  if (!meaning) return undefined;
  return meaning.kind === "enum" ? { field: meaning.field, value: meaning.value } : { field: meaning.field };
}

/** The fields the head line's arguments before `before` set: words, keyword arguments with their values, and positional values. */
function fieldsSetOnHead(dto: string, args: readonly Argument[], before: number): Set<string> {
  const taken = new Set<string>();
  const positional = [...(bindingPlan(dto).positional ?? [])];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a.range.end.offset > before) break;
    if (a.kind === "Identifier") {
      const set = fieldOfWord(dto, a.name);
      if (!set) continue;
      taken.add(set.field.name);
      // `size sm`, `title "T"`: the next argument is the keyword's value.
      if (keywordFieldIn(dto, a.name) && set.field.type.kind !== "bool") i++;
    } else if (a.kind !== "ParameterList") {
      const next = positional.find((f) => !taken.has(f));
      if (next !== undefined) taken.add(next);
    }
  }
  return taken;
}

/** Head words the target accepts and whose field is not set yet. */
function headWordItems(dto: string, args: readonly Argument[], before: number, target: Target, range: LspRange, kind: CompletionItemKind): CompletionItem[] {
  const taken = fieldsSetOnHead(dto, args, before);
  return headWordsIn(dto).flatMap((w) => {
    const set = fieldOfWord(dto, w);
    if (set && (taken.has(set.field.name) || !acceptedUnder(set.field.accepted, target) || (set.value !== undefined && !acceptedUnder(set.value.accepted, target)))) return [];
    const isField = set !== undefined && set.value === undefined && set.field.name === w;
    return [item(w, isField ? CompletionItemKind.Property : kind, range, isField ? { documentation: markdown(fieldDoc(set.field)) } : {})];
  });
}

/** The head line of a statement building `dto`: its words, the values of a keyword argument, codes, or action types. */
function headItems(dto: string, statement: Statement, sources: Sources, range: LspRange, part: CursorContext["part"], wordStart: number): CompletionItem[] {
  const plan = bindingPlan(dto);
  const target = targetOf(sources);
  if (part === "action-name" || part === "action") {
    const arrow = plan.arrow !== undefined ? plan.fields.get(plan.arrow) : undefined;
    const actionDto = arrow?.type.kind === "object" ? arrow.type.dto : undefined;
    if (!actionDto) return [];
    if (part === "action-name") {
      const actionPlan = bindingPlan(actionDto);
      const type = actionPlan.variantField !== undefined ? actionPlan.fields.get(actionPlan.variantField) : undefined;
      return type ? valueItems(type, sources, range).map((i) => ({ ...i, kind: CompletionItemKind.Function })) : [];
    }
    return headWordItems(actionDto, statement.action?.args ?? [], wordStart, target, range, CompletionItemKind.Keyword).map((i) => ({ ...i, kind: CompletionItemKind.Keyword }));
  }
  const done = statement.args.filter((a) => a.range.end.offset <= wordStart);
  // After a keyword argument (`size`, `for`, `ownerTypeId`): its values.
  const last = done.at(-1);
  if (last?.kind === "Identifier") {
    const field = keywordFieldIn(dto, last.name);
    if (field && field.type.kind !== "bool") {
      const values = valueItems(field, sources, range);
      if (values.length > 0) return values;
    }
  }
  const model = getDto(dto)!;
  const taken = fieldsSetOnHead(dto, statement.args, wordStart);
  const codes = plan.wordPositional.flatMap((name) => {
    const field = getField(model, name);
    return field && !taken.has(name) ? valueItems(field, sources, range) : [];
  });
  return [...codes, ...headWordItems(dto, statement.args, wordStart, target, range, CompletionItemKind.EnumMember)];
}
