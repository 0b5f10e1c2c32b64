/**
 * Lowering: from the generic statements of the AST to the IR, guided by the model. Lowering is
 * permissive: it records what the author wrote where the model puts it, and leaves judging to the
 * rules. It only reports what it cannot place (an unknown statement, an argument it cannot bind).
 */
import type { ActionClause, Argument, Body, Document, Label, MapLiteral, Range, Statement } from "../syntax/ast.js";
import { BLOCK_TYPES, getBlockType, getDto, getField } from "../model/dtos.js";
import {
  COLLECTION_MEMBER_KEYWORDS,
  DECLARATIONS,
  getDeclaration,
  getStatementSpec,
  LIST_MEMBER_KEYWORDS,
  TRANSLATIONS_KEYWORD,
} from "../model/statements.js";
import { entityByWord } from "../model/entities.js";
import type { DtoSpec, FieldSpec, FieldType, StatementSpec } from "../model/types.js";
import { closest } from "../util/suggest.js";
import type {
  IrArray,
  IrCollection,
  IrDeclaration,
  IrEntry,
  IrObject,
  IrProgram,
  IrScalar,
  IrValue,
  TranslationTable,
} from "./ir.js";

/** A problem found while lowering, reported through the named rule's message template. */
export interface LoweringProblem {
  readonly ruleId: string;
  readonly messageId: string;
  readonly data: Readonly<Record<string, string | number>>;
  readonly range: Range;
  /** A replacement for `range` that fixes the problem (a did-you-mean). */
  readonly replacement?: string;
}

export const UNKNOWN_PROPERTY = "unknown-property";
export const INVALID_ARGUMENT = "invalid-argument";

export interface LoweringResult {
  readonly program: IrProgram;
  readonly problems: readonly LoweringProblem[];
}

const BLOCK_KEYWORDS = new Set(BLOCK_TYPES.map((b) => b.type));

export function lower(document: Document): LoweringResult {
  return new Lowering().run(document);
}

class Lowering {
  private readonly problems: LoweringProblem[] = [];
  private readonly translations: TranslationTable = { languages: new Map(), all: [] };
  /** Objects created by a flattened statement (`completed true` creates `fields`), not written by the author. */
  private readonly implicitObjects = new Set<IrValue>();

  run(document: Document): LoweringResult {
    const declarations: IrDeclaration[] = [];
    for (const s of document.statements) {
      const keyword = s.name.name;
      if (keyword === "") continue;
      if (s.label) this.problem(INVALID_ARGUMENT, "labelNotAllowed", { what: withArticle(`${keyword} declaration`) }, s.label.range);
      if (keyword === TRANSLATIONS_KEYWORD) {
        this.lowerTranslations(s);
        continue;
      }
      const spec = getDeclaration(keyword);
      if (!spec) {
        const options = [...DECLARATIONS.map((d) => d.keyword), TRANSLATIONS_KEYWORD];
        this.unknown(s.name.name, s.name.range, "the top level of a file", options);
        continue;
      }
      const decl = this.lowerDeclaration(s, spec);
      if (decl) declarations.push(decl);
    }
    return { program: { declarations, translations: this.translations }, problems: this.problems };
  }

  // ----- reporting -----

  problem(ruleId: string, messageId: string, data: Record<string, string | number>, range: Range, replacement?: string): void {
    this.problems.push({ ruleId, messageId, data, range, ...(replacement !== undefined ? { replacement } : {}) });
  }

  unknown(name: string, range: Range, where: string, candidates: Iterable<string>): void {
    const suggestion = closest(name, candidates);
    this.problem(
      UNKNOWN_PROPERTY,
      suggestion ? "unknownStatementSuggest" : "unknownStatement",
      { name, where, ...(suggestion ? { suggestion } : {}) },
      range,
      suggestion,
    );
  }

  // ----- declarations -----

  lowerDeclaration(s: Statement, spec: (typeof DECLARATIONS)[number]): IrDeclaration | undefined {
    const [first, ...rest] = s.args;
    if (!first || first.kind !== "Identifier") {
      this.problem(INVALID_ARGUMENT, "declarationName", { keyword: spec.keyword }, first?.range ?? s.name.range);
      return undefined;
    }
    const dto = getDto(spec.dto)!;
    const root = newObject(dto.name, s.range);
    const directives = new Set<string>();
    const args: Argument[] = [];
    for (const a of rest) {
      if (a.kind === "Identifier" && spec.directives?.includes(a.name)) directives.add(a.name);
      else args.push(a);
    }
    if (spec.nameField) {
      root.entries.push(entry(spec.nameField, first.range, scalar(first.name, first.range, "name"), first.range));
    }
    this.bindArguments(root, dto, getStatementSpec(dto.name), args, undefined);
    if (s.action) this.problem(INVALID_ARGUMENT, "noAction", { what: withArticle(`${spec.keyword} declaration`) }, s.action.range);
    if (s.body) this.lowerBody(root, dto, s.body);
    if (spec.nameField) {
      // A `code` written in the body wins over the name; drop the name-derived entry then.
      const written = root.entries.filter((e) => e.key === spec.nameField);
      if (written.length > 1) root.entries.splice(root.entries.indexOf(written[0]!), 1);
    }
    return { spec, name: first.name, nameRange: first.range, range: s.range, root, directives, statement: s };
  }

  lowerTranslations(s: Statement): void {
    for (const a of s.args) this.problem(INVALID_ARGUMENT, "unexpectedArgument", { what: "translations" }, a.range);
    for (const langStatement of s.body?.statements ?? []) {
      const language = langStatement.name.name;
      if (language === "") continue;
      if (langStatement.label) this.problem(INVALID_ARGUMENT, "labelNotAllowed", { what: "a language" }, langStatement.label.range);
      for (const a of langStatement.args) this.problem(INVALID_ARGUMENT, "unexpectedArgument", { what: `language '${language}'` }, a.range);
      let lang = this.translations.languages.get(language);
      if (!lang) {
        lang = { language, range: langStatement.name.range, entries: new Map() };
        this.translations.languages.set(language, lang);
      }
      for (const keyStatement of langStatement.body?.statements ?? []) {
        const key = keyStatement.name.name;
        if (key === "") continue;
        const [value, ...extra] = keyStatement.args;
        if (!value || value.kind !== "String") {
          this.problem(INVALID_ARGUMENT, "translationValue", { key, language }, value?.range ?? keyStatement.name.range);
          continue;
        }
        for (const x of extra) this.problem(INVALID_ARGUMENT, "unexpectedArgument", { what: `translation '${key}'` }, x.range);
        const t = { language, key, value: value.value, range: keyStatement.range, keyRange: keyStatement.name.range };
        this.translations.all.push(t);
        if (!lang.entries.has(key)) lang.entries.set(key, t);
      }
    }
  }

  // ----- statements → objects -----

  /** Builds the object a statement describes: head arguments, `-> action`, body. */
  buildObject(s: Statement, dto: DtoSpec, variant?: string, argsFrom = 0): IrObject {
    const obj = newObject(dto.name, s.range);
    const spec = getStatementSpec(dto.name);
    if (spec.labelField && s.label) {
      obj.entries.push(entry(spec.labelField, s.label.range, scalar(s.label.value, s.label.range, "label"), s.label.range));
    }
    this.bindArguments(obj, dto, spec, s.args.slice(argsFrom), variant);
    if (s.action) {
      if (spec.arrow) {
        obj.entries.push(entry(spec.arrow, s.action.range, this.buildAction(s.action), s.action.range));
      } else {
        this.problem(INVALID_ARGUMENT, "noAction", { what: withArticle(dto.title) }, s.action.range);
      }
    }
    if (s.body) {
      if (spec.bodyField) {
        const field = getField(dto, spec.bodyField)!;
        const inner = this.objectFromBody(s.body, field.type);
        obj.entries.push(entry(spec.bodyField, s.body.range, inner, s.body.range));
      } else {
        this.lowerBody(obj, dto, s.body);
      }
    }
    return obj;
  }

  buildAction(clause: ActionClause | Statement, argsFrom = 0): IrObject {
    const dto = getDto("ActionDto")!;
    const isClause = clause.kind === "Action";
    const typeWord = isClause ? clause.name : clause.args[argsFrom - 1];
    const obj = newObject(dto.name, clause.range);
    let variant: string | undefined;
    if (typeWord && typeWord.kind === "Identifier") {
      variant = typeWord.name;
      obj.entries.push(entry("type", typeWord.range, scalar(typeWord.name, typeWord.range, "word"), typeWord.range));
    }
    const args = isClause ? clause.args : clause.args.slice(argsFrom);
    this.bindArguments(obj, dto, getStatementSpec(dto.name), args, variant);
    if (!isClause && clause.body) this.lowerBody(obj, dto, clause.body);
    if (!isClause && clause.action) this.problem(INVALID_ARGUMENT, "noAction", { what: "an action" }, clause.action.range);
    return obj;
  }

  /** A content block statement: `{ type, properties }`, properties omitted when empty. */
  buildBlock(s: Statement): IrObject {
    const type = s.name.name;
    const block = newObject("ContentBlockDto", s.range);
    block.entries.push(entry("type", s.name.range, scalar(type, s.name.range, "word"), s.name.range));
    const propsDto = getDto(getBlockType(type)!.dto)!;
    const props = this.buildObject({ ...s, label: undefined }, propsDto);
    if (props.entries.length > 0 || s.body) block.entries.push(entry("properties", s.range, props, s.range));
    return block;
  }

  // ----- head arguments -----

  bindArguments(obj: IrObject, dto: DtoSpec, spec: StatementSpec, args: readonly Argument[], variant: string | undefined): void {
    const positional = [...((variant !== undefined ? spec.positionalByVariant?.[variant] : undefined) ?? spec.positional ?? [])];
    const wordPositional = [...(spec.wordPositional ?? [])];
    const taken = (field: string) => {
      removeFrom(positional, field);
      removeFrom(wordPositional, field);
    };
    for (let i = 0; i < args.length; i++) {
      const arg = args[i]!;
      if (arg.kind === "Identifier") {
        const word = arg.name;
        const keywordField = spec.keywordAliases?.[word] ?? (getField(dto, word) && !isStructural(getField(dto, word)!) ? word : undefined);
        const field = keywordField !== undefined ? getField(dto, keywordField) : undefined;
        if (field && keywordField !== undefined) {
          taken(keywordField);
          const next = args[i + 1];
          if (field.type.kind === "bool" && next?.kind !== "Boolean") {
            obj.entries.push(entry(keywordField, arg.range, scalar(true, arg.range, "flag"), arg.range));
            continue;
          }
          if (!next) {
            this.problem(INVALID_ARGUMENT, "missingValue", { name: word }, arg.range);
            continue;
          }
          i++;
          obj.entries.push(entry(keywordField, arg.range, this.valueFor(next, field.type), span(arg.range, next.range)));
          continue;
        }
        const flag = spec.flagAliases?.[word];
        if (flag) {
          taken(flag.field);
          obj.entries.push(entry(flag.field, arg.range, { kind: "scalar", value: flag.value, range: arg.range, source: "flag", written: word }, arg.range));
          continue;
        }
        const wordField = spec.words?.find((f) => enumAccepts(getField(dto, f)?.type, word));
        if (wordField) {
          taken(wordField);
          obj.entries.push(entry(wordField, arg.range, this.valueFor(arg, getField(dto, wordField)!.type), arg.range));
          continue;
        }
        const slot = wordPositional[0];
        if (slot !== undefined) {
          taken(slot);
          obj.entries.push(entry(slot, arg.range, scalar(word, arg.range, "word"), arg.range));
          continue;
        }
        const candidates = this.headWords(dto, spec);
        const suggestion = closest(word, candidates);
        const unsetWordField = spec.words?.find((f) => !obj.entries.some((e) => e.key === f));
        if (!suggestion && unsetWordField) {
          // Most likely a misspelt enum value: let the enum rule report it with its own suggestion.
          obj.entries.push(entry(unsetWordField, arg.range, scalar(word, arg.range, "word"), arg.range));
          continue;
        }
        this.problem(
          INVALID_ARGUMENT,
          suggestion ? "unknownWordSuggest" : "unknownWord",
          { word, what: dto.title, ...(suggestion ? { suggestion } : {}) },
          arg.range,
          suggestion,
        );
        continue;
      }
      const slot = positional[0];
      if (slot === undefined) {
        this.problem(INVALID_ARGUMENT, "unexpectedValue", { what: dto.title, expected: this.describeHead(spec, variant) }, arg.range);
        continue;
      }
      taken(slot);
      const field = getField(dto, slot)!;
      obj.entries.push(entry(slot, arg.range, this.valueFor(arg, field.type), arg.range));
    }
  }

  /** Words the head line of a statement accepts, for suggestions. */
  headWords(dto: DtoSpec, spec: StatementSpec): string[] {
    const words: string[] = [];
    for (const f of dto.fields) {
      if (!isStructural(f)) words.push(f.name);
      if (spec.words?.includes(f.name) && f.type.kind === "enum") {
        for (const v of f.type.values) words.push(v.value, ...(v.aliases ?? []));
      }
    }
    words.push(...Object.keys(spec.keywordAliases ?? {}), ...Object.keys(spec.flagAliases ?? {}));
    return words;
  }

  describeHead(spec: StatementSpec, variant: string | undefined): string {
    const positional = (variant !== undefined ? spec.positionalByVariant?.[variant] : undefined) ?? spec.positional ?? [];
    if (positional.length === 0) return "no values, only words";
    return `${positional.length === 1 ? "one value" : `${positional.length} values`} (${positional.join(", ")})`;
  }

  // ----- values -----

  valueFor(arg: Argument, type: FieldType): IrValue {
    switch (arg.kind) {
      case "Identifier":
        return this.wordValue(arg.name, arg.range, type);
      case "String":
        return scalar(arg.value, arg.range, "string");
      case "Number":
        return scalar(arg.value, arg.range, "number");
      case "Boolean":
        return scalar(arg.value, arg.range, "boolean");
      case "Null":
        return scalar(null, arg.range, "null");
      case "TranslationRef":
        return { kind: "translationRef", key: arg.key, range: arg.range };
      case "Map":
        return this.objectFromMap(arg, type);
      case "List": {
        const of: FieldType = type.kind === "list" ? type.of : { kind: "string" };
        const arr: IrArray = { kind: "array", items: arg.items.map((v) => this.valueFor(v, of)), range: arg.range };
        return arr;
      }
    }
  }

  /** A bare word as a value: enum aliases and entity names become the values they stand for. */
  wordValue(word: string, range: Range, type: FieldType): IrScalar {
    if (type.kind === "enum") {
      const v = type.values.find((x) => x.aliases?.includes(word));
      if (v) {
        const value = type.valueType === "int" ? Number(v.value) : v.value;
        return { kind: "scalar", value, range, source: "word", written: word };
      }
    }
    if (type.kind === "int" && type.entityType) {
      const entity = entityByWord(word);
      if (entity) return { kind: "scalar", value: entity.id, range, source: "word", written: word };
    }
    return scalar(word, range, "word");
  }

  /** The DTO a map or body builds for a field of this type. */
  dtoForType(type: FieldType): string {
    if (type.kind === "object") return type.dto;
    if (type.kind === "scalarMap") return "ScalarMap";
    if (type.kind === "text") return "LanguageMap";
    return "ScalarMap";
  }

  objectFromMap(map: MapLiteral, type: FieldType): IrObject {
    const dtoName = this.dtoForType(type);
    const dto = getDto(dtoName);
    const obj: IrObject = { kind: "object", dto: dtoName, entries: [], range: map.range, fromMap: true };
    for (const e of map.entries) {
      const field = dto ? getField(dto, e.key.value) : undefined;
      obj.entries.push(entry(e.key.value, e.key.range, this.valueFor(e.value, field?.type ?? { kind: "string" }), e.range));
    }
    return obj;
  }

  objectFromBody(body: Body, type: FieldType): IrObject {
    const dtoName = this.dtoForType(type);
    const obj = newObject(dtoName, body.range);
    this.lowerBody(obj, getDto(dtoName)!, body);
    return obj;
  }

  // ----- bodies -----

  lowerBody(obj: IrObject, dto: DtoSpec, body: Body): void {
    const spec = getStatementSpec(dto.name);
    const collections = new Map<string, IrCollection>();
    for (const s of body.statements) {
      const name = s.name.name;
      if (name === "") continue;

      if (spec.membersByName) {
        this.addNamedMember(obj, dto, spec.membersByName, s);
        continue;
      }

      if (!dto.closed) {
        this.addOpenEntry(obj, s);
        continue;
      }

      const member = this.memberField(dto, name);
      if (member) {
        this.addMember(obj, member, s, collections);
        continue;
      }

      const field = getField(dto, name);
      if (field && !isStructural(field)) {
        if (s.label) this.problem(INVALID_ARGUMENT, "labelNotAllowed", { what: `'${name}'` }, s.label.range);
        const value = this.fieldStatementValue(s, field);
        const implicit = obj.entries.find((e) => e.key === name && this.implicitObjects.has(e.value));
        if (implicit && implicit.value.kind === "object" && value.kind === "object") {
          // `completed true` created `fields` implicitly; an explicit `fields { … }` adds to it.
          implicit.value.entries.push(...value.entries);
          this.implicitObjects.delete(implicit.value);
          continue;
        }
        obj.entries.push(entry(name, s.name.range, value, s.range));
        continue;
      }

      const routed = this.flattenedField(dto, spec, name);
      if (routed) {
        let inner = obj.entries.find((e) => e.key === routed.via.name)?.value;
        if (!inner || inner.kind !== "object") {
          inner = newObject(routed.dto.name, s.range);
          this.implicitObjects.add(inner);
          obj.entries.push(entry(routed.via.name, s.name.range, inner, s.range));
        }
        if (s.label) this.problem(INVALID_ARGUMENT, "labelNotAllowed", { what: `'${name}'` }, s.label.range);
        inner.entries.push(entry(name, s.name.range, this.fieldStatementValue(s, routed.field), s.range));
        continue;
      }

      this.unknown(name, s.name.range, withArticle(dto.title), this.statementNames(dto, spec));
    }
    for (const c of collections.values()) assignGeneratedKeys(c);
  }

  /** Names valid as statements inside a body of this DTO, for suggestions. */
  statementNames(dto: DtoSpec, spec: StatementSpec): string[] {
    const names: string[] = [];
    for (const f of dto.fields) {
      if (f.type.kind === "collection") {
        if (f.type.blockTypes) names.push(...f.type.blockTypes);
        const kw = COLLECTION_MEMBER_KEYWORDS[f.type.of];
        if (kw) names.push(kw);
      } else if (f.type.kind === "block") {
        names.push(...f.type.blockTypes);
      } else if (f.type.kind === "list" && f.type.dto && LIST_MEMBER_KEYWORDS[f.type.dto]) {
        names.push(LIST_MEMBER_KEYWORDS[f.type.dto]!);
      } else if (!isStructural(f)) {
        names.push(f.name);
      }
    }
    for (const via of spec.flatten ?? []) {
      const f = getField(dto, via);
      if (f?.type.kind === "object") names.push(...(getDto(f.type.dto)?.fields.map((x) => x.name) ?? []));
    }
    return names;
  }

  /** The collection, block or list field a member keyword (`tag`, `text`, `section`) adds to. */
  memberField(dto: DtoSpec, keyword: string): FieldSpec | undefined {
    for (const f of dto.fields) {
      const t = f.type;
      if (t.kind === "collection") {
        if (t.blockTypes ? BLOCK_KEYWORDS.has(keyword) : COLLECTION_MEMBER_KEYWORDS[t.of] === keyword) return f;
      } else if (t.kind === "block") {
        if (BLOCK_KEYWORDS.has(keyword)) return f;
      } else if (t.kind === "list" && t.dto && LIST_MEMBER_KEYWORDS[t.dto] === keyword) {
        return f;
      }
    }
    return undefined;
  }

  addMember(obj: IrObject, field: FieldSpec, s: Statement, collections: Map<string, IrCollection>): void {
    const t = field.type;
    if (t.kind === "block") {
      if (s.label) this.problem(INVALID_ARGUMENT, "labelNotAllowed", { what: "the block inside withTitle" }, s.label.range);
      obj.entries.push(entry(field.name, s.name.range, this.buildBlock(s), s.range));
      return;
    }
    if (t.kind === "list") {
      let arr = obj.entries.find((e) => e.key === field.name)?.value;
      if (!arr || arr.kind !== "array") {
        arr = { kind: "array", items: [], range: s.range };
        obj.entries.push(entry(field.name, s.name.range, arr, s.range));
      }
      arr.items.push(this.buildObject(s, getDto(t.dto!)!));
      return;
    }
    if (t.kind !== "collection") return;
    let c = collections.get(field.name);
    if (!c) {
      c = { kind: "collection", of: t.of, keyPrefix: t.keyPrefix, entries: [], range: s.range };
      collections.set(field.name, c);
      obj.entries.push(entry(field.name, s.name.range, c, s.range));
    }
    const value = t.blockTypes ? this.buildBlock(s) : this.buildObject(s, getDto(t.of)!);
    const label: Label | undefined = s.label;
    c.entries.push(
      label
        ? entry(label.value, label.range, value, s.range)
        : { key: "", keyRange: s.name.range, value, range: s.range, generated: true },
    );
  }

  /** A card section element: the statement name is the element's name. */
  addNamedMember(obj: IrObject, dto: DtoSpec, members: { field: string; nameField: string }, s: Statement): void {
    const field = getField(dto, members.field)!;
    const memberDto = getDto(field.type.kind === "list" ? field.type.dto! : "")!;
    if (s.label) this.problem(INVALID_ARGUMENT, "labelNotAllowed", { what: withArticle(memberDto.title) }, s.label.range);
    let arr = obj.entries.find((e) => e.key === members.field)?.value;
    if (!arr || arr.kind !== "array") {
      arr = { kind: "array", items: [], range: s.range };
      obj.entries.push(entry(members.field, s.name.range, arr, s.range));
    }
    const element = this.buildObject(s, memberDto);
    element.entries.unshift(entry(members.nameField, s.name.range, scalar(s.name.name, s.name.range, "name"), s.name.range));
    arr.items.push(element);
  }

  /** `key value` inside an open map written as a body (`actionParams { clientId 456 }`). */
  addOpenEntry(obj: IrObject, s: Statement): void {
    const [value, ...extra] = s.args;
    for (const x of extra) this.problem(INVALID_ARGUMENT, "unexpectedArgument", { what: `'${s.name.name}'` }, x.range);
    if (!value) {
      this.problem(INVALID_ARGUMENT, "missingValue", { name: s.name.name }, s.name.range);
      return;
    }
    obj.entries.push(entry(s.name.name, s.name.range, this.valueFor(value, { kind: "string" }), s.range));
  }

  flattenedField(dto: DtoSpec, spec: StatementSpec, name: string): { via: FieldSpec; dto: DtoSpec; field: FieldSpec } | undefined {
    for (const viaName of spec.flatten ?? []) {
      const via = getField(dto, viaName);
      if (via?.type.kind !== "object") continue;
      const inner = getDto(via.type.dto);
      const field = inner && getField(inner, name);
      if (inner && field) return { via, dto: inner, field };
    }
    return undefined;
  }

  /** The value of a statement that sets one field: `bold true`, `header "T" { … }`, `action redirect "/x"`. */
  fieldStatementValue(s: Statement, field: FieldSpec): IrValue {
    const t = field.type;
    if (t.kind === "object") {
      const dto = getDto(t.dto)!;
      if (dto.name === "ActionDto") {
        const first = s.args[0];
        if (!first || first.kind !== "Identifier") {
          this.problem(INVALID_ARGUMENT, "actionType", { name: field.name }, first?.range ?? s.name.range);
        }
        return this.buildAction(s, 1);
      }
      const declaration = DECLARATIONS.find((d) => d.dto === dto.name);
      const only = s.args[0];
      if (declaration && s.args.length === 1 && only?.kind === "Identifier" && !s.body) {
        return { kind: "declarationRef", declaration: declaration.keyword, name: only.name, range: only.range };
      }
      // `sliderParams { width: 700 }` is the object itself; `header { en: "…" }` is a translated title.
      const firstPositional = getStatementSpec(dto.name).positional?.[0];
      const mapIsTitle = firstPositional !== undefined && getField(dto, firstPositional)?.type.kind === "text";
      if (s.args.length === 1 && only?.kind === "Map" && !s.body && !s.action && !mapIsTitle) return this.objectFromMap(only, t);
      return this.buildObject({ ...s, label: undefined }, dto);
    }
    if (t.kind === "scalarMap" || (t.kind === "text" && s.body)) {
      if (s.body) {
        for (const a of s.args) this.problem(INVALID_ARGUMENT, "unexpectedArgument", { what: `'${field.name}'` }, a.range);
        return this.objectFromBody(s.body, t);
      }
    }
    if (s.action) this.problem(INVALID_ARGUMENT, "noAction", { what: `'${field.name}'` }, s.action.range);
    if (s.body && t.kind !== "scalarMap") this.problem(INVALID_ARGUMENT, "noBody", { name: field.name }, s.body.range);
    const [value, ...extra] = s.args;
    for (const x of extra) this.problem(INVALID_ARGUMENT, "unexpectedArgument", { what: `'${field.name}'` }, x.range);
    if (!value) {
      if (t.kind === "bool") return scalar(true, s.name.range, "flag");
      this.problem(INVALID_ARGUMENT, "missingValue", { name: field.name }, s.name.range);
      return scalar(null, s.name.range, "null");
    }
    return this.valueFor(value, t);
  }
}

// ----- helpers -----

/** Fields written through member statements or arrows, not as `name value`. */
function isStructural(f: FieldSpec): boolean {
  return f.type.kind === "collection" || f.type.kind === "block" || f.type.kind === "constant" || (f.type.kind === "list" && f.type.dto !== undefined);
}

function enumAccepts(type: FieldType | undefined, word: string): boolean {
  return type?.kind === "enum" && type.values.some((v) => v.value === word || v.aliases?.includes(word));
}

/** "a text block", "an action", "the additional content blocks". */
export function withArticle(title: string): string {
  if (/[^s]s$/.test(title)) return `the ${title}`;
  return /^[aeiou]/i.test(title) ? `an ${title}` : `a ${title}`;
}

function removeFrom(list: string[], item: string): void {
  const i = list.indexOf(item);
  if (i >= 0) list.splice(i, 1);
}

function newObject(dto: string, range: Range): IrObject {
  return { kind: "object", dto, entries: [], range };
}

function scalar(value: string | number | boolean | null, range: Range, source: IrScalar["source"]): IrScalar {
  return { kind: "scalar", value, range, source };
}

function entry(key: string, keyRange: Range, value: IrValue, range: Range): IrEntry {
  return { key, keyRange, value, range };
}

function span(a: Range, b: Range): Range {
  return { start: a.start, end: b.end };
}

/**
 * Keys for members written without a label: `<prefix>_<position>` (1-based among the collection's
 * members), skipping keys the author wrote. Deterministic: the same source gives the same keys.
 */
export function assignGeneratedKeys(collection: IrCollection): void {
  const prefix = collection.keyPrefix;
  const used = new Set(collection.entries.filter((e) => !e.generated).map((e) => e.key));
  collection.entries.forEach((e, index) => {
    if (!e.generated) return;
    let key = `${prefix}_${index + 1}`;
    for (let n = 2; used.has(key); n++) key = `${prefix}_${index + 1}_${n}`;
    used.add(key);
    (e as { key: string }).key = key;
  });
}

