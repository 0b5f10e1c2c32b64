/**
 * How `.b24layout` statements build the DTOs of `dtos.ts`. Inside any body, a statement named
 * after a field sets that field (`bold true`, `scope web`); the entries here add the shorthands
 * of the head line (`text "Hello" bold size sm`) and the declarations at the top of a file.
 */
import type { DeclarationSpec, DtoSpec, FieldSpec, StatementSpec } from "./types.js";

export const STATEMENTS: readonly StatementSpec[] = [
  { dto: "IconDto", wordPositional: ["code"], positional: ["code"] },
  { dto: "HeaderDto", positional: ["title"], arrow: "titleAction" },
  { dto: "TagDto", positional: ["title"], words: ["type"], arrow: "action" },
  { dto: "BodyDto" },
  { dto: "LogoDto", wordPositional: ["code"], positional: ["code"], arrow: "action" },
  { dto: "TextDto", positional: ["value"], words: ["size", "color"] },
  { dto: "LargeTextDto", positional: ["value"] },
  { dto: "LinkDto", positional: ["text"], arrow: "action" },
  { dto: "WithTitleDto", positional: ["title"] },
  { dto: "LineOfBlocksDto" },
  { dto: "DeadlineDto" },
  { dto: "FooterDto" },
  { dto: "FooterButtonDto", positional: ["title"], words: ["type"], arrow: "action" },
  { dto: "FooterMenuDto" },
  { dto: "MenuItemDto", positional: ["title"], arrow: "action" },
  {
    dto: "ActionDto",
    words: ["animationType"],
    positionalByVariant: { redirect: ["uri"], restEvent: ["id", "actionParams"], openRestApp: ["actionParams"] },
  },
  { dto: "ActionSliderParamsDto" },
  { dto: "RestAppLayoutDto" },
  { dto: "BadgeParams", words: ["type"] },
  { dto: "ActivityParams", flatten: ["fields"] },
  { dto: "ActivityFields" },
  { dto: "CardParams", flatten: ["extras"], keywordAliases: { for: "entityTypeId" } },
  { dto: "CardExtras" },
  { dto: "SectionDto", positional: ["title"], labelField: "name", membersByName: { field: "elements", nameField: "name", byValue: "field" } },
  { dto: "ElementDto", flagAliases: { always: { field: "optionFlags", value: 1 } }, bodyField: "options" },
  { dto: "ElementOptions" },
];

const byDto = new Map(STATEMENTS.map((s) => [s.dto, s]));

/** The statement shorthands of a DTO (an empty spec when it has none). */
export function getStatementSpec(dto: string): StatementSpec {
  return byDto.get(dto) ?? { dto };
}

/** Whether the model lists a statement for a DTO (one with no shorthands too). */
export function hasStatementSpec(dto: string): boolean {
  return byDto.has(dto);
}

/** Member keywords of associative collections: `tag` adds to `tags`, and so on. */
export const COLLECTION_MEMBER_KEYWORDS: Readonly<Record<string, string>> = {
  TagDto: "tag",
  FooterButtonDto: "button",
  MenuItemDto: "item",
};

/** Member keywords of lists: `section` adds to a card's `data`. */
export const LIST_MEMBER_KEYWORDS: Readonly<Record<string, string>> = {
  SectionDto: "section",
};

export const DECLARATIONS: readonly DeclarationSpec[] = [
  {
    keyword: "layout",
    dto: "LayoutDto",
    outputKind: "layout",
    method: "crm.activity.configurable.add / update (the `layout` parameter)",
    doc: "A timeline record of a configurable activity (LayoutDto).",
  },
  {
    keyword: "blocks",
    dto: "RestAppLayoutDto",
    outputKind: "blocks",
    method: "crm.timeline.layout.blocks.set / crm.activity.layout.blocks.set (the `layout` parameter)",
    request: { dto: "BlocksSetParams", payloadField: "layout" },
    doc: "Additional content blocks for a timeline record or activity (RestAppLayoutDto); with `entityTypeId`, `entityId` and `timelineId` or `activityId`, the whole request.",
  },
  {
    keyword: "badge",
    dto: "BadgeParams",
    outputKind: "badge",
    method: "crm.activity.badge.add",
    nameField: "code",
    doc: "A kanban badge. Its name is its code unless `code` is written.",
  },
  {
    keyword: "activity",
    dto: "ActivityParams",
    outputKind: "activity",
    method: "crm.activity.configurable.add (with ownerTypeId/ownerId) or .update (with id)",
    doc: "A configurable activity: its fields and its layout.",
  },
  {
    keyword: "card",
    dto: "CardParams",
    outputKind: "card",
    method: "crm.item.details.configuration.set, or crm.<entity>.details.configuration.set with `legacy`",
    directives: [
      {
        word: "legacy",
        doc: "For crm.<entity>.details.configuration.set, which names the entity in the method: the payload has no `entityTypeId`.",
        omits: ["entityTypeId"],
      },
    ],
    doc: "The sections of a CRM item card: `card name for deal { … }`.",
  },
];

export const TRANSLATIONS_KEYWORD = "translations";

const declByKeyword = new Map(DECLARATIONS.map((d) => [d.keyword, d]));

export function getDeclaration(keyword: string): DeclarationSpec | undefined {
  return declByKeyword.get(keyword);
}

/**
 * The raw form: `json` and a value literal writes that JSON exactly as it is, for what the
 * statements cannot say (a missing key, a value of the wrong shape, an unknown field). It is typed
 * by the model where the model knows the slot, so the checker reports on it as on statements.
 */
export const RAW_KEYWORD = "json";

export const RAW_FORM = {
  keyword: RAW_KEYWORD,
  syntax: "<field> json <value> | [<key>:] json <value> | <declaration> <name> json { … }",
  doc:
    "Writes JSON exactly as given: `blocks json {}` sets a field, `[key:] json { … }` adds a member, " +
    "`badge name json { … }` is a whole declaration. Nothing is added (no `\"blocks\": {}`, no section `type`, no badge `code` from the name) " +
    "and keys keep their order. The value is JSON: maps, lists, strings, numbers, booleans and null, without `@keys` or `$parameters`.",
} as const;

/**
 * What a body of statements writes for a field the author left out (the raw `json` form writes
 * nothing): its constant (a section's `"type": "section"`), or `{}` for a collection the server
 * requires (a body's `blocks`). Undefined when an absent field stays absent.
 */
export function implicitWhenAbsent(field: FieldSpec): { readonly value: string | number | boolean } | "emptyObject" | undefined {
  const t = field.type;
  if (t.kind === "constant") return { value: t.value };
  if (t.kind === "collection" && field.required?.server === true) return "emptyObject";
  return undefined;
}

const memberFields = new Map<string, FieldSpec | undefined>();

/**
 * The field a member statement adds to in a body of `dto` (a body's `blocks`, a header's `tags`, a
 * card's `data`, a section's `elements`), where a raw `json` member goes: undefined when the DTO
 * has no member field, or more than one.
 */
export function memberFieldOf(dto: DtoSpec): FieldSpec | undefined {
  if (memberFields.has(dto.name)) return memberFields.get(dto.name);
  const candidates = dto.fields.filter((f) => f.type.kind === "collection" || f.type.kind === "block" || (f.type.kind === "list" && f.type.dto !== undefined));
  const field = candidates.length === 1 ? candidates[0] : undefined;
  memberFields.set(dto.name, field);
  return field;
}
