/**
 * Every Bitrix24 structure b24layout emits, as data. Sources are the spec sections cited on each
 * DTO (`../shared/spec/bitrix24-layout-spec.md`). A changed limit, a new field or a new enum value
 * is one edit here.
 */
import {
  BOTH,
  DOCS_ONLY,
  NEITHER,
  SERVER_ONLY,
  type BlockTypeSpec,
  type DtoSpec,
  type EnumValue,
  type FieldSpec,
  type FieldType,
} from "./types.js";
import { targetFieldsOf } from "./methods.js";

/**
 * Strings that spell a boolean, and the boolean each spells: exactly the strings
 * crm.activity.configurable accepts for `completed` and `isIncomingChannel` (spec §6).
 */
export const BOOLEAN_STRINGS: Readonly<Record<string, boolean>> = {
  Y: true, y: true, "1": true, true: true,
  N: false, n: false, "0": false, false: false,
};

/** The DTO framework's bool caster: a string is true only if its upper-case form is one of these; any other string is false (spec §2.6). */
export const BOOL_TRUE_STRINGS: readonly string[] = ["TRUE", "Y"];

/** How the server casts a string sent for a boolean: true only for `BOOL_TRUE_STRINGS`, in any case (spec §2.6). */
export function serverReadsAsTrue(text: string): boolean {
  return BOOL_TRUE_STRINGS.includes(text.toUpperCase());
}

const text: FieldType = { kind: "text" };
const bool: FieldType = { kind: "bool" };
const str: FieldType = { kind: "string" };
const action: FieldType = { kind: "object", dto: "ActionDto" };
/** A closed set of values, which the docs and the server both hold to. */
const strictEnum = (values: readonly EnumValue[]): FieldType => ({ kind: "enum", strict: BOTH, values });

/** Block types allowed inside withTitle and lineOfBlocks (spec §4.7). */
export const SIMPLE_BLOCK_TYPES = ["text", "link", "deadline"] as const;

export const BLOCK_TYPES: readonly BlockTypeSpec[] = [
  { type: "text", dto: "TextDto", doc: "Plain text, optionally bold, sized, coloured or multi-line." },
  { type: "largeText", dto: "LargeTextDto", doc: "Long multi-line text collapsed into a preview with “show more”." },
  { type: "link", dto: "LinkDto", doc: "A clickable text that runs an action." },
  { type: "deadline", dto: "DeadlineDto", doc: "The activity deadline, with quick editing. Not shown for incoming or deadline-less activities." },
  { type: "withTitle", dto: "WithTitleDto", doc: "A caption and a value; the value is a text, link or deadline block." },
  { type: "lineOfBlocks", dto: "LineOfBlocksDto", doc: "Several text, link or deadline blocks on one line." },
];
const ALL_BLOCK_TYPES = BLOCK_TYPES.map((b) => b.type);

/**
 * The DTO named by a content block's `properties`: not a structure of its own, but the one of the
 * block's `type` (BLOCK_TYPES), which the lowering and the checker look up per block.
 */
export const BLOCK_PROPERTIES_DTO = "ContentBlockProperties";

function scopeField(strict: typeof BOTH, doc = "Where it is shown: absent everywhere, `web` only in the browser, `mobile` only in the mobile app."): FieldSpec {
  return {
    name: "scope",
    doc,
    spec: "§3",
    type: {
      kind: "enum",
      strict,
      values: [
        { value: "web", doc: "Shown only in the browser." },
        { value: "mobile", doc: "Shown only in the mobile app." },
      ],
    },
  };
}
/** Content blocks declare `scope` but the server does not validate it (spec §3). */
const blockScope = scopeField(DOCS_ONLY);

/** The content blocks of a body and of additional blocks: one field, so that their limits are one edit (spec §4.5, §5). */
const contentBlocks: FieldSpec = {
  name: "blocks",
  type: {
    kind: "collection",
    of: "ContentBlockDto",
    keyPrefix: "block",
    blockTypes: ALL_BLOCK_TYPES,
    limits: { min: { docs: 1 }, max: { docs: 20, server: 20 } },
  },
  required: BOTH,
  doc: "Content blocks, 1 to 20 (the server accepts none).",
};

const hideIfReadonly: FieldSpec = {
  name: "hideIfReadonly",
  type: bool,
  doc: "Hide when the user has no edit access to the record.",
  default: "false",
};

const TAG_TYPES: readonly EnumValue[] = [
  { value: "warning", doc: "Yellow." },
  { value: "success", doc: "Green." },
  { value: "failure", doc: "Red." },
  { value: "primary", doc: "Blue." },
  { value: "secondary", doc: "Grey." },
  { value: "lavender", doc: "Lavender.", accepted: NEITHER, note: "it exists inside Bitrix24 but is rejected via REST" },
];

const BADGE_TYPES: readonly EnumValue[] = TAG_TYPES.filter((t) => t.value !== "lavender");

export const DTOS: readonly DtoSpec[] = [
  // ----- LayoutDto tree (spec §4) -----
  {
    name: "LayoutDto",
    serverClass: "LayoutDto",
    title: "layout",
    doc: "The appearance of a configurable activity in the CRM timeline.",
    spec: "§4.1",
    closed: true,
    fields: [
      { name: "icon", type: { kind: "object", dto: "IconDto" }, required: BOTH, doc: "The icon left of the record." },
      { name: "header", type: { kind: "object", dto: "HeaderDto" }, required: BOTH, doc: "The record's title line with tags." },
      { name: "body", type: { kind: "object", dto: "BodyDto" }, required: BOTH, doc: "The logo and the content blocks." },
      { name: "footer", type: { kind: "object", dto: "FooterDto" }, doc: "Buttons and the “…” menu." },
    ],
  },
  {
    name: "IconDto",
    serverClass: "IconDto",
    title: "icon",
    doc: "The icon left of the record: a system icon code or a custom one registered with crm.timeline.icon.add.",
    spec: "§4.2",
    closed: true,
    fields: [{ name: "code", type: { kind: "string", codes: "icon" }, required: BOTH, doc: "Icon code (spec §10.1)." }],
  },
  {
    name: "HeaderDto",
    serverClass: "HeaderDto",
    title: "header",
    doc: "The title line of the record. Its title is also the activity's subject.",
    spec: "§4.3",
    closed: true,
    fields: [
      { name: "title", type: text, required: BOTH, doc: "The title; also used as the activity SUBJECT." },
      { name: "titleAction", type: action, doc: "What a click on the title does." },
      {
        name: "tags",
        type: { kind: "collection", of: "TagDto", keyPrefix: "tag", limits: { max: { docs: 2, server: 2 } } },
        doc: "Coloured labels next to the title (at most 2).",
      },
    ],
  },
  {
    name: "TagDto",
    serverClass: "TagDto",
    title: "tag",
    doc: "A coloured label in the header.",
    spec: "§4.4",
    closed: true,
    fields: [
      { name: "title", type: text, required: BOTH, doc: "The label text." },
      { name: "type", type: strictEnum(TAG_TYPES), required: BOTH, doc: "The colour." },
      { name: "action", type: action, doc: "What a click on the tag does." },
      {
        ...scopeField(BOTH),
        accepted: DOCS_ONLY,
        note: "the docs list `scope` on tags, but the server's TagDto has no such property and answers FIELD_IS_REDUNDANT",
      },
      {
        ...hideIfReadonly,
        accepted: DOCS_ONLY,
        note: "the docs list `hideIfReadonly` on tags, but the server's TagDto has no such property and answers FIELD_IS_REDUNDANT",
      },
    ],
  },
  {
    name: "BodyDto",
    serverClass: "BodyDto",
    title: "body",
    doc: "The logo and the content blocks of the record.",
    spec: "§4.5",
    closed: true,
    fields: [
      { name: "logo", type: { kind: "object", dto: "LogoDto" }, required: BOTH, doc: "The picture left of the content." },
      contentBlocks,
    ],
  },
  {
    name: "BlocksSetParams",
    title: "additional blocks request",
    doc: "Parameters of crm.timeline.layout.blocks.set (with timelineId) or crm.activity.layout.blocks.set (with activityId): the target and the blocks.",
    spec: "§5",
    closed: true,
    fields: [
      // The target ids: the table of REST methods (methods.ts) has them.
      ...targetFieldsOf("blocks"),
      { name: "layout", type: { kind: "object", dto: "RestAppLayoutDto" }, doc: "The blocks: the body of the `blocks` declaration." },
    ],
  },
  {
    name: "LogoDto",
    serverClass: "LogoDto",
    title: "logo",
    doc: "The picture left of the content: a system logo code or a custom one registered with crm.timeline.logo.add.",
    spec: "§4.5",
    closed: true,
    fields: [
      { name: "code", type: { kind: "string", codes: "logo" }, required: BOTH, doc: "Logo code (spec §10.2)." },
      { name: "action", type: action, doc: "What a click on the logo does." },
    ],
  },
  {
    name: "ContentBlockDto",
    serverClass: "ContentBlockDto",
    title: "content block",
    doc: "One content block: `{ type, properties }`.",
    spec: "§4.6",
    closed: true,
    fields: [
      {
        name: "type",
        type: strictEnum(BLOCK_TYPES.map((b) => ({ value: b.type, doc: b.doc }))),
        required: BOTH,
        doc: "The block type.",
      },
      {
        name: "properties",
        type: { kind: "object", dto: BLOCK_PROPERTIES_DTO },
        doc: "The block's properties; their shape depends on the type. The server does not require them.",
      },
    ],
  },
  {
    name: "TextDto",
    serverClass: "TextDto",
    title: "text block",
    doc: "Plain text.",
    spec: "§4.6",
    closed: true,
    fields: [
      { name: "value", type: text, required: BOTH, doc: "The text." },
      { name: "multiline", type: bool, default: "false", doc: "Turn `\\n` into line breaks." },
      { name: "title", type: text, doc: "The HTML title attribute (shown on hover)." },
      { name: "bold", type: bool, default: "false", doc: "Bold text." },
      {
        name: "size",
        default: "md",
        doc: "Text size.",
        type: strictEnum([
          { value: "xs", doc: "Extra small." },
          { value: "sm", doc: "Small." },
          { value: "md", doc: "Medium (default)." },
        ]),
      },
      {
        name: "color",
        doc: "Text colour.",
        type: strictEnum([
          { value: "base_50", doc: "Lightest grey." },
          { value: "base_60", doc: "Light grey." },
          { value: "base_70", doc: "Grey." },
          { value: "base_90", doc: "Near black." },
          {
            value: "green",
            doc: "Green.",
            accepted: NEITHER,
            note: "older docs listed it, but the server's TextDto enum does not contain it",
          },
        ]),
      },
      blockScope,
    ],
  },
  {
    name: "LargeTextDto",
    serverClass: "LargeTextDto",
    title: "largeText block",
    doc: "Long multi-line text collapsed into a preview.",
    spec: "§4.6",
    closed: true,
    fields: [{ name: "value", type: text, required: BOTH, doc: "The text; `\\n` starts a new line." }, blockScope],
  },
  {
    name: "LinkDto",
    serverClass: "LinkDto",
    title: "link block",
    doc: "A clickable text. HTML is not supported.",
    spec: "§4.6",
    closed: true,
    fields: [
      { name: "text", type: text, required: BOTH, doc: "The link text (no HTML)." },
      { name: "action", type: action, required: BOTH, doc: "What a click does." },
      { name: "bold", type: bool, default: "false", doc: "Bold text." },
      blockScope,
    ],
  },
  {
    name: "WithTitleDto",
    serverClass: "WithTitleDto",
    title: "withTitle block",
    doc: "A caption and a value block.",
    spec: "§4.6",
    closed: true,
    fields: [
      {
        name: "title",
        type: text,
        required: DOCS_ONLY,
        note: "the docs require a title; the server accepts a withTitle block without one",
        doc: "The caption.",
      },
      { name: "block", type: { kind: "block", blockTypes: SIMPLE_BLOCK_TYPES }, required: BOTH, doc: "The value: a text, link or deadline block." },
      { name: "inline", type: bool, default: "false", doc: "Caption and value on one line." },
      blockScope,
    ],
  },
  {
    name: "LineOfBlocksDto",
    serverClass: "LineOfBlocksDto",
    title: "lineOfBlocks block",
    doc: "Several blocks on one line.",
    spec: "§4.6",
    closed: true,
    fields: [
      {
        name: "blocks",
        type: {
          kind: "collection",
          of: "ContentBlockDto",
          keyPrefix: "block",
          blockTypes: SIMPLE_BLOCK_TYPES,
          limits: { max: { server: 20 } },
        },
        required: BOTH,
        doc: "Text, link or deadline blocks (at most 20 on the server).",
      },
      blockScope,
    ],
  },
  {
    name: "DeadlineDto",
    serverClass: "DeadlineDto",
    title: "deadline block",
    doc: "The activity deadline with quick editing.",
    spec: "§4.6",
    closed: true,
    fields: [
      { name: "readonly", type: bool, default: "false", doc: "No quick editing. Forced when the user cannot edit the item or the activity is completed." },
      blockScope,
    ],
  },
  {
    name: "FooterDto",
    serverClass: "FooterDto",
    title: "footer",
    doc: "Buttons and the “…” menu under the record.",
    spec: "§4.8",
    closed: true,
    fields: [
      {
        name: "buttons",
        type: { kind: "collection", of: "FooterButtonDto", keyPrefix: "button", limits: { max: { docs: 2, server: 2 } } },
        doc: "At most 2 buttons.",
      },
      { name: "menu", type: { kind: "object", dto: "FooterMenuDto" }, doc: "The “…” menu." },
      {
        name: "showNote",
        type: bool,
        accepted: SERVER_ONLY,
        note: "the server accepts `showNote` but the docs do not describe it",
        doc: "Undocumented: accepted by the server's FooterDto.",
      },
    ],
  },
  {
    name: "FooterButtonDto",
    serverClass: "FooterButtonDto",
    title: "footer button",
    doc: "A button in the footer.",
    spec: "§4.9",
    closed: true,
    fields: [
      { name: "title", type: text, required: BOTH, doc: "The button text." },
      {
        name: "type",
        required: BOTH,
        doc: "The button style.",
        type: strictEnum([
          { value: "primary", doc: "Blue." },
          { value: "secondary", doc: "White." },
          { value: "ai", doc: "AI style.", accepted: NEITHER, note: "it exists inside Bitrix24 but is not allowed via REST" },
        ]),
      },
      { name: "action", type: action, required: BOTH, doc: "What a click does." },
      scopeField(BOTH),
      hideIfReadonly,
    ],
  },
  {
    name: "FooterMenuDto",
    serverClass: "FooterMenuDto",
    title: "menu",
    doc: "The “…” menu of the record.",
    spec: "§4.10",
    closed: true,
    fields: [
      { name: "showPinItem", type: bool, default: "true", doc: "Show the built-in “Pin” item." },
      { name: "showPostponeItem", type: bool, default: "true", doc: "Show the built-in “Postpone” item (not for incoming, deadline-less or completed activities)." },
      { name: "showDeleteItem", type: bool, default: "true", doc: "Show the built-in “Delete” item." },
      {
        name: "items",
        type: { kind: "collection", of: "MenuItemDto", keyPrefix: "item", limits: { max: { server: 10 } } },
        doc: "Menu items (at most 10 on the server).",
      },
    ],
  },
  {
    name: "MenuItemDto",
    serverClass: "MenuItemDto",
    title: "menu item",
    doc: "An item of the “…” menu.",
    spec: "§4.11",
    closed: true,
    fields: [
      { name: "title", type: text, required: BOTH, doc: "The item text." },
      { name: "action", type: action, required: BOTH, doc: "What a click does." },
      scopeField(BOTH),
      hideIfReadonly,
    ],
  },
  {
    name: "ActionDto",
    serverClass: "ActionDto",
    title: "action",
    doc: "What a click does: open a link, send an event to the app, or open the app's slider.",
    spec: "§4.12",
    closed: true,
    fields: [
      {
        name: "type",
        required: BOTH,
        doc: "The kind of action.",
        type: strictEnum([
          { value: "redirect", doc: "Open `uri`: Bitrix24 objects in a slider, other relative links in place, links with a domain in a new tab." },
          { value: "restEvent", doc: "Send onCrmTimelineItemAction with `id` and `actionParams` to the app that created the record." },
          { value: "openRestApp", doc: "Open the app's slider with `actionParams`. Not supported in the mobile app." },
        ]),
      },
      { name: "uri", type: { kind: "string", link: true }, doc: "The link to open (redirect)." },
      { name: "id", type: str, doc: "The event id sent to the app (restEvent)." },
      {
        name: "actionParams",
        type: { kind: "scalarMap", limits: { max: { server: 20 } } },
        doc: "Scalar values passed to the app (at most 20); they come back as strings.",
      },
      {
        name: "animationType",
        doc: "What happens while the app handles the event, until it calls crm.activity.configurable.update.",
        type: strictEnum([
          { value: "loader", doc: "Lock the whole record with a loader." },
          { value: "disable", doc: "Disable the clicked footer button.", effectiveIn: ["FooterButtonDto"] },
        ]),
      },
      { name: "sliderParams", type: { kind: "object", dto: "ActionSliderParamsDto" }, doc: "How the app's slider opens (openRestApp)." },
    ],
    variants: {
      by: "type",
      cases: {
        redirect: { required: { uri: SERVER_ONLY }, effective: ["uri"], doc: "Open a link." },
        restEvent: { required: { id: BOTH }, effective: ["id", "actionParams", "animationType"], doc: "Send an event to the app." },
        openRestApp: { effective: ["actionParams", "sliderParams"], scopes: ["web"], doc: "Open the app's slider. Not supported in the mobile app." },
      },
    },
  },
  {
    name: "ActionSliderParamsDto",
    serverClass: "ActionSliderParamsDto",
    title: "slider parameters",
    doc: "How the app's slider opens.",
    spec: "§4.12",
    closed: true,
    exclusive: [{ fields: ["width", "leftBoundary"], support: DOCS_ONLY }],
    fields: [
      { name: "width", type: { kind: "int", min: 1 }, doc: "Slider width in pixels. Not together with `leftBoundary`." },
      { name: "leftBoundary", type: { kind: "int", min: 0 }, doc: "Full-width slider starting this many pixels from the left. Not together with `width`." },
      { name: "title", type: str, doc: "The browser window title." },
      {
        name: "labelText",
        type: str,
        accepted: SERVER_ONLY,
        note: "removed from the docs in 2025-09; the server still accepts it",
        doc: "Close-button label text.",
      },
      {
        name: "labelColor",
        type: { kind: "string", format: "hexColor" },
        accepted: SERVER_ONLY,
        note: "removed from the docs in 2025-09; the server still accepts it",
        doc: "Close-button label colour, `#RRGGBB`.",
      },
      {
        name: "labelBgColor",
        accepted: SERVER_ONLY,
        note: "removed from the docs in 2025-09; the server still accepts it",
        doc: "Close-button label background.",
        type: {
          kind: "enum",
          strict: BOTH,
          values: ["aqua", "green", "orange", "brown", "pink", "blue", "grey", "violet"].map((value) => ({ value, doc: `${value} background.` })),
        },
      },
    ],
  },

  // ----- RestAppLayoutDto (spec §5) -----
  {
    name: "RestAppLayoutDto",
    serverClass: "RestAppLayoutBlocksDto",
    title: "additional content blocks",
    doc: "Extra content blocks an app adds to a timeline record or activity (crm.timeline.layout.blocks.set, crm.activity.layout.blocks.set).",
    spec: "§5",
    closed: true,
    fields: [
      contentBlocks,
    ],
  },

  // ----- Badges (spec §8) -----
  {
    name: "BadgeParams",
    title: "badge",
    doc: "A kanban badge (crm.activity.badge.add). Only the most recently added badge shows on a card.",
    spec: "§8",
    closed: true,
    fields: [
      { name: "code", type: str, required: BOTH, doc: "Unique code; activities refer to it as `badgeCode`." },
      { name: "title", type: text, required: BOTH, doc: "The badge caption: a non-empty string or language map." },
      { name: "value", type: text, required: BOTH, doc: "The text in the badge, shown upper-case: a non-empty string or language map." },
      { name: "type", type: strictEnum(BADGE_TYPES), required: BOTH, refusedAnswer: "Wrong value of field `type`", doc: "The colour." },
    ],
  },

  // ----- Activities (spec §6) -----
  {
    name: "ActivityParams",
    title: "activity",
    doc: "Parameters of crm.activity.configurable.add (with ownerTypeId and ownerId) or .update (with id).",
    spec: "§6",
    closed: true,
    fields: [
      { name: "ownerTypeId", type: { kind: "int", min: 1, entityType: true }, doc: "The CRM type of the owner item (2 for a deal)." },
      { name: "ownerId", type: { kind: "int", min: 1 }, doc: "The owner item's id." },
      { name: "id", type: { kind: "int", min: 1 }, doc: "The activity to update (crm.activity.configurable.update)." },
      { name: "fields", type: { kind: "object", dto: "ActivityFields" }, doc: "The activity's fields." },
      { name: "layout", type: { kind: "object", dto: "LayoutDto" }, doc: "The activity's layout: a `layout { … }` body, or the name of a layout declaration of the file, or of one it imports, with the values of its parameters (`layout card { dealId: $deal }`)." },
    ],
  },
  {
    name: "ActivityFields",
    title: "activity fields",
    doc: "The `fields` of a configurable activity. Unknown keys are ignored by the server.",
    spec: "§6",
    closed: true,
    unknownKeys: { server: "ignored", note: "ignores keys of `fields` it does not know (no FIELD_IS_REDUNDANT at this level), so it has no effect" },
    fields: [
      { name: "typeId", type: { kind: "string", nonBlank: "empty" }, default: "CONFIGURABLE", doc: "`CONFIGURABLE`, or a type the same app registered with crm.activity.type.add." },
      { name: "completed", type: { kind: "bool", strings: BOOLEAN_STRINGS }, doc: "Whether the activity is completed. A badge is removed when it is." },
      { name: "deadline", type: { kind: "string", format: "datetime", emptyIgnored: "a deadline cannot be cleared" }, doc: "Deadline, `YYYY-MM-DDThh:mm:ss±hh:mm`. Cannot be cleared." },
      {
        name: "pingOffsets",
        type: { kind: "list", of: { kind: "int", min: 0 } },
        doc: "Reminders, in minutes before the deadline (each ≥ 0). `[]` clears them.",
      },
      { name: "isIncomingChannel", type: { kind: "bool", strings: BOOLEAN_STRINGS }, doc: "An incoming activity. Incoming activities cannot have a deadline." },
      { name: "responsibleId", type: { kind: "int", min: 1 }, doc: "The responsible user (> 0). Defaults to the calling user on add." },
      { name: "badgeCode", type: { kind: "string", codes: "badge" }, doc: "A badge added with crm.activity.badge.add; `\"\"` removes the badge." },
      { name: "originatorId", type: str, doc: "External system id; `\"\"` clears it." },
      { name: "originId", type: str, doc: "Id in the external system; `\"\"` clears it." },
    ],
  },

  // ----- Card configuration (spec §11) -----
  {
    name: "CardParams",
    title: "card",
    doc: "Parameters of crm.item.details.configuration.set (or the legacy crm.<entity>.details.configuration.set).",
    spec: "§11.1",
    closed: true,
    fields: [
      {
        name: "entityTypeId",
        type: { kind: "int", min: 1, entityType: true },
        required: BOTH,
        requiredAnswer: "Parameter 'entityTypeId' is not defined",
        doc: "The CRM type whose card is configured.",
      },
      {
        name: "scope",
        doc: "`personal` (P, the default) or `common` (C, for everyone; needs admin rights).",
        type: strictEnum([
          { value: "P", aliases: ["personal"], doc: "Personal settings of one user (default)." },
          { value: "C", aliases: ["common"], doc: "Common settings for everyone." },
        ]),
      },
      { name: "userId", type: { kind: "int", min: 1 }, doc: "The user whose personal settings are set; defaults to the caller." },
      { name: "extras", type: { kind: "object", dto: "CardExtras" }, doc: "Entity-specific selectors: deal pipeline, SPA category, repeat leads." },
      {
        name: "data",
        type: { kind: "list", of: { kind: "object", dto: "SectionDto" }, dto: "SectionDto", limits: { min: { docs: 1, server: 1 }, tooFewAnswer: "There are no data to write." }, indexedArray: true },
        required: BOTH,
        doc: "The card's sections, in order.",
      },
    ],
  },
  {
    name: "CardExtras",
    title: "card extras",
    doc: "Entity-specific card selectors (spec §11.4).",
    spec: "§11.4",
    closed: true,
    fields: [
      {
        name: "leadCustomerType",
        doc: "Leads only: `1` simple leads, `2` repeat leads (separate card configurations).",
        type: {
          kind: "enum",
          strict: BOTH,
          valueType: "int",
          values: [
            { value: "1", aliases: ["simple"], doc: "Simple leads." },
            { value: "2", aliases: ["repeat"], doc: "Repeat leads." },
          ],
        },
      },
      { name: "dealCategoryId", type: { kind: "int", min: 0 }, doc: "Deals only: the pipeline id (crm.category.list); the default pipeline if omitted." },
      { name: "categoryId", type: { kind: "int", min: 0 }, doc: "Smart processes only: the pipeline id; the default if omitted." },
    ],
  },
  {
    name: "SectionDto",
    title: "section",
    doc: "A section of the card.",
    spec: "§11.2",
    closed: true,
    unknownKeys: { server: "unchecked", note: "does not check the keys of a section (only its type, name and title), so it has no effect" },
    fields: [
      { name: "name", type: { kind: "string", nonBlank: "trimmed" }, required: BOTH, doc: "The section id (non-blank)." },
      { name: "title", type: { kind: "string", nonBlank: "trimmed" }, required: BOTH, doc: "The section heading (non-blank). A plain string: cards have no translation maps." },
      {
        name: "type",
        type: { kind: "constant", value: "section", blankDefault: true },
        doc: "Always `section`; the server reads a missing or blank type as `section` and rejects any other.",
      },
      { name: "elements", type: { kind: "list", of: { kind: "object", dto: "ElementDto" }, dto: "ElementDto" }, doc: "The fields shown in the section, in order." },
    ],
  },
  {
    name: "ElementDto",
    title: "card field",
    doc: "A field shown in a card section.",
    spec: "§11.2",
    closed: true,
    unknownKeys: { server: "unchecked", note: "keeps only `name`, `optionFlags` and `options` of a card field and drops the rest" },
    fields: [
      { name: "name", type: { kind: "string", nonBlank: "trimmed" }, required: BOTH, doc: "The field id (from crm.item.fields, or a card-only composite field)." },
      {
        name: "optionFlags",
        doc: "`1` always show the field, `0` show when filled (default). Write `always` for 1.",
        type: {
          kind: "enum",
          strict: BOTH,
          valueType: "int",
          values: [
            { value: "0", doc: "Show when filled (default)." },
            { value: "1", aliases: ["always"], doc: "Always show." },
          ],
        },
      },
      { name: "options", type: { kind: "object", dto: "ElementOptions" }, doc: "Field-specific options." },
    ],
  },
  {
    name: "ElementOptions",
    title: "field options",
    doc: "Options of a card field; which apply depends on the field (spec §11.3).",
    spec: "§11.3",
    closed: true,
    unknownKeys: { server: "unchecked", note: "stores the options as they are without checking their keys, and no field reads an option of that name" },
    fields: [
      { name: "defaultAddressType", type: { kind: "int", min: 1 }, doc: "ADDRESS: the default address type (crm.enum.addresstype id)." },
      { name: "defaultCountry", type: { kind: "string", format: "countryCode" }, doc: "PHONE, CLIENT, COMPANY, CONTACT, MYCOMPANY_ID: default phone country, two letters (ISO 3166-1)." },
      { name: "isPayButtonVisible", type: bool, default: "true", doc: "OPPORTUNITY_WITH_CURRENCY: show the payment button." },
      { name: "isPaymentDocumentsVisible", type: bool, default: "true", doc: "OPPORTUNITY_WITH_CURRENCY: show the “Payment and Delivery” block." },
    ],
  },

  // ----- Open maps -----
  {
    name: "LanguageMap",
    title: "language map",
    doc: "Texts by portal language id; shown in the user's language, else `en`, else the first entry.",
    spec: "§3",
    closed: false,
    fields: [],
  },
  {
    name: "ScalarMap",
    title: "action parameters",
    doc: "Scalar values passed to the app.",
    spec: "§4.12",
    closed: false,
    fields: [],
  },
];

const byName = new Map(DTOS.map((d) => [d.name, d]));

export function getDto(name: string): DtoSpec | undefined {
  return byName.get(name);
}

const fieldIndex = new Map<DtoSpec, ReadonlyMap<string, FieldSpec>>(
  DTOS.map((d) => [d, new Map(d.fields.map((f) => [f.name, f]))]),
);

export function getField(dto: DtoSpec, name: string): FieldSpec | undefined {
  const index = fieldIndex.get(dto);
  return index ? index.get(name) : dto.fields.find((f) => f.name === name);
}

/** The fields of a DTO of the model by name, as getField finds them (one map per DTO, built once). */
export function fieldsOf(dto: DtoSpec): ReadonlyMap<string, FieldSpec> {
  return fieldIndex.get(dto) ?? new Map(dto.fields.map((f) => [f.name, f]));
}

const blockByType = new Map(BLOCK_TYPES.map((b) => [b.type, b]));

export function getBlockType(type: string): BlockTypeSpec | undefined {
  return blockByType.get(type);
}

/**
 * The message of unknown-property for a key `dto` does not declare, written in the raw form or a map
 * (and so sent): the DTO framework's FIELD_IS_REDUNDANT with its text, what the REST method does
 * with it instead (`unknownKeys`), or, for the parameters of a method the spec says nothing about, no claim.
 */
export function unknownKeyReport(dto: DtoSpec, name: string, where: string, suggestion: string | undefined): UnknownKeyReport {
  const hint = suggestion === undefined ? {} : { suggestion };
  const id = <Base extends string>(base: Base) => (suggestion === undefined ? base : (`${base}Suggest` as const));
  if (dto.unknownKeys) return { messageId: id("unknownKeyIgnored"), data: { name, where, note: dto.unknownKeys.note, ...hint } };
  if (dto.serverClass !== undefined) return { messageId: id("unknownKey"), data: { name, where, parent: dto.serverClass, ...hint } };
  return { messageId: id("unknownParameter"), data: { name, where, ...hint } };
}

/** One of the unknown-property rule's messages for an unknown key (src/messages/unknown-property.ts), with its data. */
export interface UnknownKeyReport {
  readonly messageId: `${"unknownKeyIgnored" | "unknownKey" | "unknownParameter"}${"" | "Suggest"}`;
  readonly data: { readonly name: string; readonly where: string; readonly note?: string; readonly parent?: string; readonly suggestion?: string };
}
