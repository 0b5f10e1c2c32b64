/**
 * What the importer needs to know about each DTO to write it as statements, read from the model
 * (`dtos.ts`, `statements.ts`), and how the lowering reads back a word or a statement name. The
 * binding functions follow the lowering's order exactly (bindArguments for head words,
 * lowerStatements for body statements), so every shorthand the importer writes is one the
 * lowering reads as meant; where it would not be, the importer falls back to an explicit form.
 */
import { BLOCK_TYPES, getDto, getField } from "../model/dtos.js";
import { COLLECTION_MEMBER_KEYWORDS, DECLARATIONS, getStatementSpec, LIST_MEMBER_KEYWORDS, RAW_KEYWORD } from "../model/statements.js";
import { ELSE_KEYWORD, EACH_KEYWORD, USE_KEYWORD, WHEN_KEYWORD } from "../model/templates.js";
import type { DeclarationSpec, DtoSpec, FieldSpec, StatementSpec } from "../model/types.js";

const BLOCK_KEYWORDS: readonly string[] = BLOCK_TYPES.map((b) => b.type);
/** Statement names that are template constructs (or the raw form's member) in bodies where members are written. */
const TEMPLATE_STATEMENTS: ReadonlySet<string> = new Set([WHEN_KEYWORD, ELSE_KEYWORD, EACH_KEYWORD, USE_KEYWORD, RAW_KEYWORD]);

export interface FlattenedField {
  readonly via: FieldSpec;
  readonly dto: DtoSpec;
  readonly field: FieldSpec;
}

export interface Plan {
  readonly dto: DtoSpec;
  readonly spec: StatementSpec;
  readonly fields: ReadonlyMap<string, FieldSpec>;
  /** Fields set by `name value`: the non-structural ones. */
  readonly plainFields: ReadonlyMap<string, FieldSpec>;
  /** The collection, block or list field each member keyword adds to. */
  readonly memberFields: ReadonlyMap<string, FieldSpec>;
  /** The first `spec.words` enum field taking each bare word. */
  readonly wordFields: ReadonlyMap<string, FieldSpec>;
  readonly flattened: ReadonlyMap<string, FlattenedField>;
  readonly bodyField: FieldSpec | undefined;
  /** The declaration whose body builds this DTO. */
  readonly declaration: DeclarationSpec | undefined;
  /** Whether the head line has any shorthand: values, words, an arrow, flags or keyword aliases. */
  readonly hasHead: boolean;
}

/** Fields written through member statements (or never written), not as `name value`. */
export function isStructural(f: FieldSpec): boolean {
  const t = f.type;
  return t.kind === "collection" || t.kind === "block" || t.kind === "constant" || (t.kind === "list" && t.dto !== undefined);
}

const plans = new Map<string, Plan>();

export function planFor(dtoName: string): Plan | undefined {
  const cached = plans.get(dtoName);
  if (cached) return cached;
  const dto = getDto(dtoName);
  if (!dto) return undefined;
  const spec = getStatementSpec(dtoName);
  const fields = new Map<string, FieldSpec>();
  const plainFields = new Map<string, FieldSpec>();
  const memberFields = new Map<string, FieldSpec>();
  const addMember = (keyword: string | undefined, f: FieldSpec) => {
    if (keyword !== undefined && !memberFields.has(keyword)) memberFields.set(keyword, f);
  };
  for (const f of dto.fields) {
    const named = getField(dto, f.name)!;
    fields.set(f.name, named);
    if (!isStructural(named)) plainFields.set(f.name, named);
    const t = named.type;
    if (t.kind === "collection") {
      if (t.blockTypes) for (const k of BLOCK_KEYWORDS) addMember(k, named);
      else addMember(COLLECTION_MEMBER_KEYWORDS[t.of], named);
    } else if (t.kind === "block") {
      for (const k of BLOCK_KEYWORDS) addMember(k, named);
    } else if (t.kind === "list" && t.dto) {
      addMember(LIST_MEMBER_KEYWORDS[t.dto], named);
    }
  }
  const wordFields = new Map<string, FieldSpec>();
  for (const name of spec.words ?? []) {
    const f = getField(dto, name);
    if (f?.type.kind !== "enum") continue;
    for (const v of f.type.values) for (const word of [v.value, ...(v.aliases ?? [])]) if (!wordFields.has(word)) wordFields.set(word, f);
  }
  const flattened = new Map<string, FlattenedField>();
  for (const viaName of spec.flatten ?? []) {
    const via = getField(dto, viaName);
    if (via?.type.kind !== "object") continue;
    const inner = getDto(via.type.dto);
    if (!inner) continue;
    for (const f of inner.fields) if (!flattened.has(f.name)) flattened.set(f.name, { via, dto: inner, field: getField(inner, f.name)! });
  }
  const hasHead =
    (spec.positional?.length ?? 0) > 0 ||
    spec.positionalByVariant !== undefined ||
    (spec.words?.length ?? 0) > 0 ||
    (spec.wordPositional?.length ?? 0) > 0 ||
    spec.arrow !== undefined ||
    spec.flagAliases !== undefined ||
    spec.keywordAliases !== undefined;
  const plan: Plan = {
    dto,
    spec,
    fields,
    plainFields,
    memberFields,
    wordFields,
    flattened,
    bodyField: spec.bodyField !== undefined ? getField(dto, spec.bodyField) : undefined,
    declaration: DECLARATIONS.find((d) => d.dto === dtoName),
    hasHead,
  };
  plans.set(dtoName, plan);
  return plan;
}

/** The plan of a DTO the model is known to have. */
export function plan(dtoName: string): Plan {
  const p = planFor(dtoName);
  if (!p) throw new Error(`The model has no DTO '${dtoName}'.`);
  return p;
}

/** The DTO of each content block type's `properties`. */
export function blockDto(type: string): string | undefined {
  return BLOCK_TYPES.find((b) => b.type === type)?.dto;
}

/** The positional fields of a statement: per variant when the DTO has variants (an action's type). */
export function positionalFields(p: Plan, variant: string | undefined): readonly string[] {
  const byVariant = p.spec.positionalByVariant;
  if (variant !== undefined && byVariant && Object.hasOwn(byVariant, variant)) return byVariant[variant]!;
  return p.spec.positional ?? [];
}

/** How a bare word in a statement's head binds, in bindArguments' order. */
export type HeadBinding =
  | { readonly kind: "keyword"; readonly field: FieldSpec }
  | { readonly kind: "flag"; readonly field: string; readonly value: string | number | boolean }
  | { readonly kind: "word"; readonly field: FieldSpec }
  | { readonly kind: "wordPositional"; readonly field: string }
  | { readonly kind: "none" };

/** `taken`: fields already filled by earlier head arguments (a word-positional slot fills once). */
export function headWordBinding(p: Plan, word: string, taken: ReadonlySet<string> = new Set()): HeadBinding {
  const aliases = p.spec.keywordAliases;
  const alias = aliases && Object.hasOwn(aliases, word) ? aliases[word] : undefined;
  const field = alias !== undefined ? getField(p.dto, alias) : p.plainFields.get(word);
  if (field) return { kind: "keyword", field };
  const flags = p.spec.flagAliases;
  if (flags && Object.hasOwn(flags, word)) return { kind: "flag", field: flags[word]!.field, value: flags[word]!.value };
  const wordField = p.wordFields.get(word);
  if (wordField) return { kind: "word", field: wordField };
  const slot = (p.spec.wordPositional ?? []).find((f) => !taken.has(f));
  if (slot !== undefined) return { kind: "wordPositional", field: slot };
  return { kind: "none" };
}

/** How a statement named `name` in a body of this DTO is read, in lowerStatements' order. */
export type BodyBinding =
  | { readonly kind: "template" }
  | { readonly kind: "namedMember" }
  | { readonly kind: "open" }
  | { readonly kind: "member"; readonly field: FieldSpec }
  | { readonly kind: "plain"; readonly field: FieldSpec }
  | { readonly kind: "flattened"; readonly flattened: FlattenedField }
  | { readonly kind: "unknown" };

export function bodyStatementBinding(p: Plan, name: string): BodyBinding {
  const templated = p.dto.closed || p.spec.membersByName !== undefined;
  if (templated && TEMPLATE_STATEMENTS.has(name)) return { kind: "template" };
  if (p.spec.membersByName) return { kind: "namedMember" };
  if (!p.dto.closed) return { kind: "open" };
  const member = p.memberFields.get(name);
  if (member) return { kind: "member", field: member };
  const plain = p.plainFields.get(name);
  if (plain) return { kind: "plain", field: plain };
  const flattened = p.flattened.get(name);
  if (flattened) return { kind: "flattened", flattened };
  return { kind: "unknown" };
}

/** Whether a body of this DTO holds `name value` statements for its fields (not its options, not named members). */
export function bodyTakesFields(p: Plan): boolean {
  return p.dto.closed && p.bodyField === undefined && p.spec.membersByName === undefined;
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
  const card = plan(cardDto);
  const sections = [...card.fields.values()].find((f) => f.type.kind === "list" && f.type.dto !== undefined)!;
  const sectionDto = sections.type.kind === "list" ? sections.type.dto! : "";
  const section = plan(sectionDto);
  const members = section.spec.membersByName!;
  const constant = [...section.fields.values()].find((f) => f.type.kind === "constant");
  const fields: CardFields = {
    sections: sections.name,
    entity: Object.values(card.spec.keywordAliases ?? {})[0] ?? "entityTypeId",
    extras: card.spec.flatten?.[0],
    elements: members.field,
    elementName: members.nameField,
    sectionType: constant && constant.type.kind === "constant" ? { field: constant.name, value: constant.type.value } : undefined,
  };
  cardFieldsByDto.set(cardDto, fields);
  return fields;
}
