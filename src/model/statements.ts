/**
 * How `.b24layout` statements build the DTOs of `dtos.ts`. Inside any body, a statement named
 * after a field sets that field (`bold true`, `scope web`); the entries here add the shorthands
 * of the head line (`text "Hello" bold size sm`) and the declarations at the top of a file.
 */
import type { DeclarationSpec, StatementSpec } from "./types.js";

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
    variantField: "type",
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
    doc: "Additional content blocks for a timeline record or activity (RestAppLayoutDto).",
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
    directives: ["legacy"],
    doc: "The sections of a CRM item card: `card name for deal { … }`.",
  },
];

export const TRANSLATIONS_KEYWORD = "translations";

const declByKeyword = new Map(DECLARATIONS.map((d) => [d.keyword, d]));

export function getDeclaration(keyword: string): DeclarationSpec | undefined {
  return declByKeyword.get(keyword);
}
