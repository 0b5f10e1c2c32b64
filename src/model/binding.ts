/**
 * The binding plan: how `.b24layout` statements bind to the model, worked out once per DTO from
 * `dtos.ts` and `statements.ts`. Which statement name in a body sets which field or adds which
 * member, which bare word on a head line sets which field, in which order those are tried, which
 * fields values fill per variant, what a declaration's directives leave out of the payload, and what
 * a JSON key path under a payload is in the model.
 *
 * Every reader of the language's binding goes through here: the lowering (statements → IR), the
 * importer (JSON → statements, writing only shorthands this plan binds back as meant), the editor's
 * completion and hover, the vocabulary generator, and a JSON front end (`slotAt`). A new block type,
 * member keyword or shorthand is an edit of the model's tables; nothing else restates the order.
 */
import { BLOCK_PROPERTIES_DTO, BLOCK_TYPES, DTOS, getBlockType, getDto, getField } from "./dtos.js";
import { COLLECTION_MEMBER_KEYWORDS, DECLARATIONS, getStatementSpec, hasStatementSpec, LIST_MEMBER_KEYWORDS, memberFieldOf, RAW_KEYWORD } from "./statements.js";
import { EACH_KEYWORD, ELSE_KEYWORD, USE_KEYWORD, WHEN_KEYWORD } from "./templates.js";
import type { DeclarationSpec, DtoSpec, EnumValue, FieldSpec, FieldType, StatementSpec } from "./types.js";

const NO_NAMES: readonly string[] = [];
/** The statement names of content blocks, in the model's order. */
const BLOCK_KEYWORDS: readonly string[] = BLOCK_TYPES.map((b) => b.type);
/** Statements that are template constructs wherever members are written. */
const TEMPLATE_STATEMENTS: ReadonlySet<string> = new Set([WHEN_KEYWORD, ELSE_KEYWORD, EACH_KEYWORD, USE_KEYWORD]);

/** Fields written through member statements or arrows (or never written), not as `name value`. */
export function isStructural(f: FieldSpec): boolean {
  const t = f.type;
  return t.kind === "collection" || t.kind === "block" || t.kind === "constant" || (t.kind === "list" && t.dto !== undefined);
}

/** A field of an object written directly in the body of its owner (activity `completed` for `fields.completed`). */
export interface FlattenedField {
  /** The owner's object field (`fields`). */
  readonly via: FieldSpec;
  /** That object's DTO. */
  readonly dto: DtoSpec;
  readonly field: FieldSpec;
}

/** How a bare word on a statement's head line binds, in the order the lowering tries them. */
export type HeadBinding =
  /** A keyword argument: a field name or keyword alias (`size sm`, `for deal`, a flag `bold`). */
  | { readonly kind: "keyword"; readonly field: FieldSpec }
  /** A flag alias setting a fixed value (`always`). */
  | { readonly kind: "flag"; readonly field: string; readonly value: string | number | boolean }
  /** An enum value of a `words` field (`warning` for a tag's `type`). */
  | { readonly kind: "word"; readonly field: FieldSpec }
  /** The next free word-positional field (`icon call-completed`). */
  | { readonly kind: "wordPositional"; readonly field: string }
  | { readonly kind: "none" };

/** How a statement named `name` in a body is read, in the order the lowering tries them. */
export type BodyBinding =
  /** `[key:] json <value>`: a member written as raw JSON. */
  | { readonly kind: "rawMember" }
  /** `when`, `else`, `each`, `use`. */
  | { readonly kind: "template" }
  /** Any name: a member named by the statement (a card section's elements). */
  | { readonly kind: "namedMember" }
  /** Any name: a key of an open map written as a body (`actionParams { clientId 456 }`). */
  | { readonly kind: "open" }
  /** A member keyword adding to a collection, block or list field (`tag`, `text`, `section`). */
  | { readonly kind: "member"; readonly field: FieldSpec }
  /** `name value` setting a field. */
  | { readonly kind: "plain"; readonly field: FieldSpec }
  /** `name value` setting a field of a flattened object. */
  | { readonly kind: "flattened"; readonly flattened: FlattenedField }
  | { readonly kind: "unknown" };

const HEAD_NONE: HeadBinding = { kind: "none" };
const RAW_MEMBER: BodyBinding = { kind: "rawMember" };
const TEMPLATE: BodyBinding = { kind: "template" };
const NAMED_MEMBER: BodyBinding = { kind: "namedMember" };
const OPEN: BodyBinding = { kind: "open" };
const UNKNOWN: BodyBinding = { kind: "unknown" };

/**
 * What binding knows about one DTO, computed once from the model: the lookups every statement and
 * head-line word would otherwise do by scanning the DTO's fields, and the statement spec's
 * shorthands copied onto one object shape (the model's specs and DTOs each have their own shape,
 * which makes every property read on the lowering's hot path a slow, megamorphic one).
 */
export class BindingPlan {
  readonly name: string;
  readonly title: string;
  readonly closed: boolean;
  readonly labelField: string | undefined;
  readonly arrow: string | undefined;
  readonly bodyField: FieldSpec | undefined;
  readonly membersByName: StatementSpec["membersByName"];
  readonly keywordAliases: StatementSpec["keywordAliases"];
  readonly flagAliases: StatementSpec["flagAliases"];
  readonly positional: StatementSpec["positional"];
  readonly positionalByVariant: StatementSpec["positionalByVariant"];
  readonly wordPositional: readonly string[];
  readonly words: StatementSpec["words"];
  /** The DTO's variant field (an action's `type`): the statement's first word, or the word after `->`, sets it (`action redirect "/x"`). */
  readonly variantField: string | undefined;
  /** Every field by name, as getField resolves it. */
  readonly fields = new Map<string, FieldSpec>();
  /** Fields set by `name value` in a body or by a keyword argument (`size xs`): the non-structural ones. */
  readonly plainFields = new Map<string, FieldSpec>();
  /** The collection, block or list field each member keyword (`tag`, `text`, `section`) adds to. */
  readonly memberFields = new Map<string, FieldSpec>();
  /** The first `spec.words` enum field accepting each bare word (`warning` → `type`). */
  readonly wordFields = new Map<string, FieldSpec>();
  /** Fields of `spec.flatten` objects written directly in this body, first `via` first. */
  readonly flattened = new Map<string, FlattenedField>();
  /** The declaration a bare name refers to when a field of this DTO is written `layout incomingCall`. */
  readonly declaration: DeclarationSpec | undefined;
  /** A one-map argument is a translated title (`header { en: "…" }`), not the object itself. */
  readonly mapIsTitle: boolean;
  /** Whether the model lists a statement for this DTO (statements.ts), not only a declaration or a map building it. */
  readonly hasStatement: boolean;
  /** Whether the head line has any shorthand: values, words, an arrow, flags or keyword aliases. */
  readonly hasHead: boolean;
  /** Head-line words by what they bind to, first binding in the lowering's order winning. */
  private readonly headWordBindings = new Map<string, HeadBinding>();
  /** Body statement names of a closed DTO by what they bind to: members, then plain fields, then flattened ones. */
  private readonly bodyBindings = new Map<string, BodyBinding>();
  /** Suggestion candidates, built on the first unknown word or statement. */
  private headWordList: readonly string[] | undefined = undefined;
  private statementNameList: readonly string[] | undefined = undefined;

  constructor(
    readonly dto: DtoSpec,
    readonly spec: StatementSpec,
  ) {
    this.name = dto.name;
    this.title = dto.title;
    this.closed = dto.closed;
    this.labelField = spec.labelField;
    this.arrow = spec.arrow;
    this.bodyField = spec.bodyField !== undefined ? getField(dto, spec.bodyField) : undefined;
    this.membersByName = spec.membersByName;
    this.keywordAliases = spec.keywordAliases;
    this.flagAliases = spec.flagAliases;
    this.positional = spec.positional;
    this.positionalByVariant = spec.positionalByVariant;
    this.wordPositional = spec.wordPositional ?? NO_NAMES;
    this.words = spec.words;
    this.variantField = dto.variants?.by;
    for (const f of dto.fields) {
      const t = f.type;
      // Through getField, so that a name resolves to the same field as everywhere else.
      const named = getField(dto, f.name)!;
      this.fields.set(f.name, named);
      if (!isStructural(named)) this.plainFields.set(f.name, named);
      if (t.kind === "collection") {
        if (t.blockTypes) for (const k of BLOCK_KEYWORDS) this.addMemberKeyword(k, f);
        else this.addMemberKeyword(COLLECTION_MEMBER_KEYWORDS[t.of], f);
      } else if (t.kind === "block") {
        for (const k of BLOCK_KEYWORDS) this.addMemberKeyword(k, f);
      } else if (t.kind === "list" && t.dto) {
        this.addMemberKeyword(LIST_MEMBER_KEYWORDS[t.dto], f);
      }
    }
    for (const name of spec.words ?? NO_NAMES) {
      const f = getField(dto, name);
      if (f?.type.kind !== "enum") continue;
      for (const v of f.type.values) {
        for (const word of [v.value, ...(v.aliases ?? NO_NAMES)]) if (!this.wordFields.has(word)) this.wordFields.set(word, f);
      }
    }
    for (const viaName of spec.flatten ?? NO_NAMES) {
      const via = getField(dto, viaName);
      if (via?.type.kind !== "object") continue;
      const inner = getDto(via.type.dto);
      if (!inner) continue;
      for (const f of inner.fields) {
        if (!this.flattened.has(f.name)) this.flattened.set(f.name, { via, dto: inner, field: getField(inner, f.name)! });
      }
    }
    this.declaration = DECLARATIONS.find((d) => d.dto === dto.name);
    const firstPositional = spec.positional?.[0];
    this.mapIsTitle = firstPositional !== undefined && getField(dto, firstPositional)?.type.kind === "text";
    this.hasStatement = hasStatementSpec(dto.name);
    this.hasHead =
      (spec.positional?.length ?? 0) > 0 ||
      spec.positionalByVariant !== undefined ||
      (spec.words?.length ?? 0) > 0 ||
      this.wordPositional.length > 0 ||
      spec.arrow !== undefined ||
      spec.flagAliases !== undefined ||
      spec.keywordAliases !== undefined;

    // The binding order, once: a keyword (alias first, then a field name), a flag alias, an enum word.
    const bindHead = (word: string, binding: HeadBinding) => {
      if (!this.headWordBindings.has(word)) this.headWordBindings.set(word, binding);
    };
    for (const [word, target] of Object.entries(spec.keywordAliases ?? {})) {
      const field = getField(dto, target);
      if (field) bindHead(word, { kind: "keyword", field });
    }
    for (const [word, field] of this.plainFields) bindHead(word, { kind: "keyword", field });
    for (const [word, flag] of Object.entries(spec.flagAliases ?? {})) bindHead(word, { kind: "flag", field: flag.field, value: flag.value });
    for (const [word, field] of this.wordFields) bindHead(word, { kind: "word", field });
    // A body: member keywords, then fields set by `name value`, then flattened fields.
    const bindBody = (name: string, binding: BodyBinding) => {
      if (!this.bodyBindings.has(name)) this.bodyBindings.set(name, binding);
    };
    for (const [name, field] of this.memberFields) bindBody(name, { kind: "member", field });
    for (const [name, field] of this.plainFields) bindBody(name, { kind: "plain", field });
    for (const [name, flattened] of this.flattened) bindBody(name, { kind: "flattened", flattened });
  }

  /** The field a keyword argument sets on the head line (`size sm`, `for deal`). */
  keywordField(word: string): FieldSpec | undefined {
    const binding = this.headWordBindings.get(word);
    return binding?.kind === "keyword" ? binding.field : undefined;
  }

  /** The first member keyword that adds to `field` (`tag` for a header's `tags`, `section` for a card's `data`). */
  memberKeyword(field: string): string | undefined {
    for (const [keyword, f] of this.memberFields) if (f.name === field) return keyword;
    return undefined;
  }

  /** What a bare word on the head line binds to, before the word-positional slots (see headWordBinding). */
  headWord(word: string): HeadBinding {
    return this.headWordBindings.get(word) ?? HEAD_NONE;
  }

  /** What a statement named `name` is in a body of this DTO. */
  bodyStatement(name: string): BodyBinding {
    const templated = this.closed || this.membersByName !== undefined;
    if (templated) {
      if (name === RAW_KEYWORD) return RAW_MEMBER;
      if (TEMPLATE_STATEMENTS.has(name)) return TEMPLATE;
    }
    if (this.membersByName) return NAMED_MEMBER;
    if (!this.closed) return OPEN;
    return this.bodyBindings.get(name) ?? UNKNOWN;
  }

  /** The fields values fill on the head line, in order: the variant's own when it has them (`redirect "/uri"`). */
  positionalFor(variant: string | undefined): readonly string[] {
    return (variant !== undefined ? own(this.positionalByVariant, variant) : undefined) ?? this.positional ?? NO_NAMES;
  }

  /** Words the head line of a statement accepts, for suggestions. */
  headWords(): readonly string[] {
    return (this.headWordList ??= headWordsOf(this));
  }

  /** Names valid as statements inside a body of this DTO, for suggestions. */
  statementNames(): readonly string[] {
    return (this.statementNameList ??= statementNamesOf(this));
  }

  private addMemberKeyword(keyword: string | undefined, f: FieldSpec): void {
    if (keyword !== undefined && !this.memberFields.has(keyword)) this.memberFields.set(keyword, f);
  }
}

/** Plans by DTO name, made on first use. */
const plans = new Map<string, BindingPlan>();

/** The plan of a DTO, or undefined when the model has no DTO of that name. */
export function findBindingPlan(name: string): BindingPlan | undefined {
  let plan = plans.get(name);
  if (plan === undefined) {
    const dto = getDto(name);
    if (!dto) return undefined;
    plan = new BindingPlan(dto, getStatementSpec(name));
    plans.set(name, plan);
  }
  return plan;
}

/** The plan of a DTO the model is known to have. */
export function bindingPlan(name: string): BindingPlan {
  const plan = findBindingPlan(name);
  if (!plan) throw new Error(`The model has no DTO '${name}'.`);
  return plan;
}

/** A content block's container, read from the model: its DTO, the field naming its type, and the field holding its properties (spec §4.6). */
export const CONTENT_BLOCK: { readonly dto: string; readonly typeField: string; readonly propertiesField: string } = (() => {
  const isProperties = (f: FieldSpec) => f.type.kind === "object" && f.type.dto === BLOCK_PROPERTIES_DTO;
  const dto = DTOS.find((d) => d.fields.some(isProperties))!;
  return { dto: dto.name, typeField: dto.fields.find((f) => f.type.kind === "enum")!.name, propertiesField: dto.fields.find(isProperties)!.name };
})();

/** The plan of the `properties` of a content block of `type` (made on first use, as every plan: not at start-up). */
export function blockPlan(type: string): BindingPlan | undefined {
  const dto = getBlockType(type)?.dto;
  return dto === undefined ? undefined : bindingPlan(dto);
}

/** The DTO of each content block type's `properties`. */
export function blockDto(type: string): string | undefined {
  return getBlockType(type)?.dto;
}

/**
 * How a bare word on the head line binds, all of it: a keyword, flag or enum word, else the first
 * word-positional field not `taken` by an earlier argument (a word-positional slot fills once).
 */
export function headWordBinding(p: BindingPlan, word: string, taken: ReadonlySet<string> = new Set()): HeadBinding {
  const bound = p.headWord(word);
  if (bound.kind !== "none") return bound;
  const slot = p.wordPositional.find((f) => !taken.has(f));
  return slot !== undefined ? { kind: "wordPositional", field: slot } : HEAD_NONE;
}

/** What a bare word on the head line of a `dto` statement means, for the editor (hover, completion). */
export type WordMeaning =
  /** A field's own name, structural ones too (`bold`, `tags`). */
  | { readonly kind: "field"; readonly field: FieldSpec }
  /** A keyword alias (`for`): the field it sets. */
  | { readonly kind: "keyword"; readonly field: FieldSpec }
  /** A flag alias (`always`): the field it sets and the value. */
  | { readonly kind: "flag"; readonly field: FieldSpec; readonly value: string | number | boolean }
  /** An enum value of a `words` field or of the variant field (`warning`, `redirect`). */
  | { readonly kind: "enum"; readonly field: FieldSpec; readonly value: EnumValue }
  /** Any other word, filling the first word-positional field (`icon call-completed`). */
  | { readonly kind: "wordPositional"; readonly field: FieldSpec };

/** The meaning of `word` on the head line of a `dto` statement, in the binding's order; undefined when it has none. */
export function headWordMeaning(dto: string, word: string): WordMeaning | undefined {
  const plan = findBindingPlan(dto);
  if (!plan) return undefined;
  const own = plan.fields.get(word);
  if (own) return { kind: "field", field: own };
  const bound = plan.headWord(word);
  if (bound.kind === "keyword") return { kind: "keyword", field: bound.field };
  if (bound.kind === "flag") {
    const field = plan.fields.get(bound.field);
    if (field) return { kind: "flag", field, value: bound.value };
  }
  const enumFields = bound.kind === "word" ? [bound.field] : [];
  const variant = plan.variantField !== undefined ? plan.fields.get(plan.variantField) : undefined;
  if (variant) enumFields.push(variant);
  for (const field of enumFields) {
    const value = field.type.kind === "enum" ? field.type.values.find((v) => v.value === word || v.aliases?.includes(word)) : undefined;
    if (value) return { kind: "enum", field, value };
  }
  const slot = plan.wordPositional[0];
  const field = slot !== undefined ? plan.fields.get(slot) : undefined;
  return field ? { kind: "wordPositional", field } : undefined;
}

/** Whether a body of this DTO holds `name value` statements for its fields (not its options, not named members). */
export function bodyTakesFields(p: BindingPlan): boolean {
  return p.closed && p.bodyField === undefined && p.membersByName === undefined;
}

/** Whether a bare word means something on the head line of a `plan` statement: a keyword, flag or enum word. */
export function claimsWord(plan: BindingPlan, word: string): boolean {
  return plan.headWord(word).kind !== "none";
}

function headWordsOf(plan: BindingPlan): string[] {
  const { dto, spec } = plan;
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

function statementNamesOf(plan: BindingPlan): string[] {
  const { dto, spec } = plan;
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

// ----- the body of a DTO as the editor sees it (completion, hover) -----

/** The statement names a body of `dto` accepts: its fields, member keywords and flattened fields. */
export function statementNamesIn(dto: string): readonly string[] {
  return bindingPlan(dto).statementNames();
}

/** The bare words the head line of a `dto` statement accepts: flags, enum words, keyword and flag aliases. */
export function headWordsIn(dto: string): readonly string[] {
  return bindingPlan(dto).headWords();
}

/**
 * The DTO a statement named `name` builds inside a body of `dto` (`text` in a BodyDto: TextDto,
 * `icon` in a LayoutDto: IconDto, any name in a card section: ElementDto), or undefined for a
 * scalar field or an unknown name.
 */
export function memberDto(dto: string, name: string): string | undefined {
  const plan = bindingPlan(dto);
  if (plan.membersByName) {
    const list = getField(plan.dto, plan.membersByName.field)?.type;
    return list?.kind === "list" ? list.dto : undefined;
  }
  const member = plan.memberFields.get(name);
  if (member) {
    const t = member.type;
    if ((t.kind === "collection" && t.blockTypes) || t.kind === "block") return getBlockType(name)?.dto;
    if (t.kind === "collection") return t.of;
    return t.kind === "list" ? t.dto : undefined;
  }
  const field = bodyFieldIn(dto, name);
  return field?.type.kind === "object" ? field.type.dto : undefined;
}

/** The field a `name value` statement sets in a body of `dto`: its own, or one of a flattened object's (activity `completed`). */
export function bodyFieldIn(dto: string, name: string): FieldSpec | undefined {
  const plan = bindingPlan(dto);
  return plan.plainFields.get(name) ?? plan.flattened.get(name)?.field;
}

/**
 * The field `name json <value>` writes in a body of `dto` (the lowering's raw field): any field,
 * structural ones (`blocks`, `tags`) too, but not a member keyword's name; undefined where the body
 * takes no such statement (an open map, a card section's elements by name) or `name` is no field.
 */
export function rawFieldIn(dto: string, name: string): FieldSpec | undefined {
  const plan = bindingPlan(dto);
  if (!plan.closed || plan.membersByName !== undefined || plan.memberFields.has(name)) return undefined;
  return plan.fields.get(name) ?? plan.flattened.get(name)?.field;
}

/** The field a raw member `[key:] json <value>` adds to in a body of `dto`, if the body takes one. */
export function rawMemberFieldIn(dto: string): FieldSpec | undefined {
  const plan = bindingPlan(dto);
  return plan.closed || plan.membersByName !== undefined ? memberFieldOf(plan.dto) : undefined;
}

/** The field a keyword argument sets on the head line of a `dto` statement (`size sm`, `for deal`). */
export function keywordFieldIn(dto: string, word: string): FieldSpec | undefined {
  return bindingPlan(dto).keywordField(word);
}

/** The DTO the body of a `dto` statement describes: itself, or its body field's (a card element's options). */
export function bodyDtoOf(dto: string): string {
  const field = bindingPlan(dto).bodyField;
  return field?.type.kind === "object" ? field.type.dto : dto;
}

// ----- declarations -----

/** The declaration written with `keyword` (`layout`, `card`, …). */
export function declarationByKeyword(keyword: string): DeclarationSpec | undefined {
  return DECLARATIONS.find((d) => d.keyword === keyword);
}

/** Whether `word` after a declaration's name is one of its directives (`legacy`), not a field. */
export function isDirective(declaration: DeclarationSpec, word: string): boolean {
  return declaration.directives?.some((d) => d.word === word) ?? false;
}

/** The root fields the declaration's directives leave out of the payload (`legacy` cards: `entityTypeId`), in the model's order. */
export function omittedByDirectives(declaration: DeclarationSpec, directives: Iterable<string>): readonly string[] {
  const given = new Set(directives);
  const out: string[] = [];
  for (const d of declaration.directives ?? []) if (given.has(d.word)) for (const f of d.omits ?? NO_NAMES) if (!out.includes(f)) out.push(f);
  return out;
}

/** Where a card's parts are, read from the model: its sections list, the entity field `for` sets, the flattened extras, each section's named elements. */
export interface CardFields {
  readonly sections: string;
  readonly entity: string;
  readonly extras: string | undefined;
  readonly elements: string;
  readonly elementName: string;
  /** The section's constant `type` field and its value. */
  readonly sectionType: { readonly field: string; readonly value: string | number | boolean } | undefined;
}

const cardFieldsByDto = new Map<string, CardFields>();

export function cardFieldsOf(cardDto: string): CardFields {
  const known = cardFieldsByDto.get(cardDto);
  if (known) return known;
  const card = bindingPlan(cardDto);
  const sections = [...card.fields.values()].find((f) => f.type.kind === "list" && f.type.dto !== undefined)!;
  const sectionDto = sections.type.kind === "list" ? sections.type.dto! : "";
  const section = bindingPlan(sectionDto);
  const members = section.membersByName!;
  const constant = [...section.fields.values()].find((f) => f.type.kind === "constant");
  const fields: CardFields = {
    sections: sections.name,
    entity: Object.values(card.keywordAliases ?? {})[0] ?? "entityTypeId",
    extras: card.spec.flatten?.[0],
    elements: members.field,
    elementName: members.nameField,
    sectionType: constant && constant.type.kind === "constant" ? { field: constant.name, value: constant.type.value } : undefined,
  };
  cardFieldsByDto.set(cardDto, fields);
  return fields;
}

// ----- JSON key paths (for a front end reading payloads) -----

/** The DTO of a map written where `type` goes; maps the model knows nothing about are typed as statements type them. The lowering's raw form and the editor's (the keys it offers). */
export function mapDto(type: FieldType | undefined): string {
  switch (type?.kind) {
    case "object":
      return type.dto;
    case "block":
      return CONTENT_BLOCK.dto;
    case "text":
      return "LanguageMap";
    default:
      return "ScalarMap";
  }
}

/**
 * The model type of the value under `key` in a map written for a slot of `type`, or undefined
 * when the model does not say. `blockType`: the map's own `type`, which decides what a content
 * block's `properties` are. The lowering types the raw form by it, the importer normalises docs quirks by it, the editor completes raw JSON by it.
 */
export function rawEntryType(type: FieldType | undefined, key: string, blockType: string | undefined): FieldType | undefined {
  switch (type?.kind) {
    case "collection":
    case "list":
      // A map where a list goes (a card's `data` written as `{ "0": … }`): its values are the items.
      return rawItemType(type);
    case "block":
      return dtoFieldType(CONTENT_BLOCK.dto, key, blockType);
    case "object":
      return dtoFieldType(type.dto, key, blockType);
    default:
      return undefined;
  }
}

/** The model type of the items of a list, or of the members of a collection written as a list. */
export function rawItemType(type: FieldType | undefined): FieldType | undefined {
  if (type?.kind === "list") return type.of;
  if (type?.kind === "collection") return type.blockTypes ? { kind: "block", blockTypes: type.blockTypes } : { kind: "object", dto: type.of };
  return undefined;
}

function dtoFieldType(dtoName: string, key: string, blockType: string | undefined): FieldType | undefined {
  const dto = getDto(dtoName);
  const t = dto ? getField(dto, key)?.type : undefined;
  if (t?.kind === "object" && t.dto === BLOCK_PROPERTIES_DTO) {
    const block = blockType !== undefined ? getBlockType(blockType) : undefined;
    return block ? { kind: "object", dto: block.dto } : undefined;
  }
  return t;
}


export type JsonKey = string | number;

/** What the value at a JSON key path under a payload is in the model. */
export interface JsonSlot {
  /** The value's type, as the field that holds it declares it (a payload's root: an object of its DTO). */
  readonly type: FieldType;
  /** The DTO of the object at the path, when it is one the model describes (a content block's `properties`: its block type's). */
  readonly dto: string | undefined;
  /** The field the last key names, and the DTO declaring it; absent for a collection member, a list item or a map entry. */
  readonly field?: FieldSpec;
  readonly parent?: string;
  /** The variant of `parent` the object is (an action's `type`), when `parent` has variants and the discriminator is known. */
  readonly variant?: string;
}

/**
 * The model's slot of the value at `path` under a payload whose root is a `rootDto` (see
 * `declarationByKeyword`), or undefined where the path leaves the model (a key no DTO declares).
 * `valueAt` reads a scalar of the payload at a path: a content block's `properties` take their DTO
 * from the block's `type`, and an object's variant comes from its variant field, so a front end
 * passes its tree; without it, those stay unknown.
 */
export function slotAt(rootDto: string, path: readonly JsonKey[], valueAt: (path: readonly JsonKey[]) => unknown = () => undefined): JsonSlot | undefined {
  let slot: JsonSlot = { type: { kind: "object", dto: rootDto }, dto: getDto(rootDto) ? rootDto : undefined };
  for (let i = 0; i < path.length; i++) {
    const key = path[i]!;
    const next = stepInto(slot, key, path.slice(0, i), valueAt);
    if (!next) return undefined;
    slot = next;
  }
  return slot;
}

const TEXT_ENTRY: FieldType = { kind: "string" };

/** One key further: the field the key names in an object (typed as the raw form types it), a member or item of a collection or list, an entry of a map. */
function stepInto(slot: JsonSlot, key: JsonKey, at: readonly JsonKey[], valueAt: (path: readonly JsonKey[]) => unknown): JsonSlot | undefined {
  const t = slot.type;
  if (t.kind === "collection" || t.kind === "list") {
    const item = rawItemType(t)!;
    return { type: item, dto: slotDto(item) };
  }
  if (t.kind === "text" || t.kind === "scalarMap") return typeof key === "string" ? { type: TEXT_ENTRY, dto: undefined } : undefined;
  const dto = slot.dto === undefined ? undefined : getDto(slot.dto);
  if (!dto || typeof key !== "string") return undefined;
  const field = getField(dto, key);
  if (!field) return dto.closed ? undefined : { type: TEXT_ENTRY, dto: undefined };
  const blockType = dto.name === CONTENT_BLOCK.dto ? valueAt([...at, CONTENT_BLOCK.typeField]) : undefined;
  const type = rawEntryType(t, key, typeof blockType === "string" ? blockType : undefined) ?? field.type;
  const by = dto.variants?.by;
  const discriminator = by === undefined ? undefined : valueAt([...at, by]);
  const variant = typeof discriminator === "string" && dto.variants !== undefined && Object.hasOwn(dto.variants.cases, discriminator) ? discriminator : undefined;
  return { type, dto: slotDto(type), field, parent: dto.name, ...(variant !== undefined ? { variant } : {}) };
}

/** The DTO of an object of this type, when the model describes one (a content block's `properties` of an unknown type: none). */
function slotDto(type: FieldType): string | undefined {
  if (type.kind === "block") return CONTENT_BLOCK.dto;
  return type.kind === "object" && type.dto !== BLOCK_PROPERTIES_DTO ? type.dto : undefined;
}

/**
 * `record[key]` when the record has that key itself: the words looked up are the user's, and
 * `constructor` or `toString` must not find Object.prototype's members.
 */
function own<T>(record: Readonly<Record<string, T>> | undefined, key: string): T | undefined {
  return record !== undefined && Object.hasOwn(record, key) ? record[key] : undefined;
}
