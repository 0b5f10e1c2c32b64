/**
 * Which declaration a JSON input becomes, recognised by its shape: the payload itself (a
 * LayoutDto, `{ blocks }`, badge params, activity params, card params, a card's sections), the
 * request params that carry one (`crm.timeline.layout.blocks.set`), and the REST responses that
 * return one (`{ result: … }`, `result.badge`, `result.activity`). Inputs that hold nothing to
 * import (get/delete params, error responses, icon lists, a fragment of a layout) are refused
 * with a message saying what they are.
 *
 * The DTOs, the REST method envelopes around them (the ids next to a blocks `layout`) and the REST
 * `result` wrapper come from the model (`dtos.ts`, `methods.ts`).
 */
import { DTOS, getDto } from "../model/dtos.js";
import { BITRIX_LANGUAGES } from "../model/languages.js";
import { DECLARATIONS } from "../model/statements.js";
import type { DtoSpec } from "../model/types.js";
import type { Range } from "../syntax/ast.js";
import type { JsonPath } from "../json/index.js";
import { describeNode, property, type JsonArray, type JsonNode, type JsonObject, type JsonProperty } from "../json/index.js";
import { cardFieldsOf, CONTENT_BLOCK, declarationByKeyword } from "../model/binding.js";
import { methodsOf, REST_RESPONSE } from "../model/methods.js";
import { withArticle } from "../util/wording.js";

/** The kinds `--kind` takes: the declaration keywords. */
export const IMPORT_KINDS: readonly string[] = DECLARATIONS.map((d) => d.keyword);

/** The card declaration's DTO and where its parts are. */
const CARD_DECLARATION = declarationByKeyword("card")!;
const CARD_DTO = CARD_DECLARATION.dto;
const CARD = cardFieldsOf(CARD_DTO);

/** The keys next to `result` in a REST response. */
const ENVELOPE_KEYS: ReadonlySet<string> = new Set(REST_RESPONSE.besideResult);
/** The methods taking a `blocks` payload (crm.timeline.layout.blocks.set, crm.activity.layout.blocks.set), and the parameter that holds it. */
const BLOCKS_METHODS = methodsOf("blocks");
const BLOCKS_PARAM = BLOCKS_METHODS[0]!.payloadParam!;
/** The ids those methods take besides the payload (spec §5). */
const BLOCKS_METHOD_IDS = [...new Set(BLOCKS_METHODS.flatMap((m) => (m.targetParams ?? []).map((p) => p.name)))];
/** The ids that name a record (not its entity type): one of them beside a `layout` makes the params of a blocks method. */
const BLOCKS_RECORD_IDS: ReadonlySet<string> = new Set(
  BLOCKS_METHODS.flatMap((m) => (m.targetParams ?? []).filter((p) => !(p.type.kind === "int" && p.type.entityType)).map((p) => p.name)),
);
/** The ids only one blocks method takes (`timelineId`, `activityId`), which tell the methods apart. */
function ownIds(method: (typeof BLOCKS_METHODS)[number]): string[] {
  return (method.targetParams ?? []).map((p) => p.name).filter((id) => BLOCKS_METHODS.every((m) => m === method || !(m.targetParams ?? []).some((p) => p.name === id)));
}

export interface Payload {
  /** The object (or, for a card's sections, the list) a declaration is built from. */
  readonly node: JsonNode;
  /** Where it is in the input. */
  readonly path: JsonPath;
}

export interface Shape {
  /** The declaration keyword. */
  readonly kind: string;
  /** What the input is, for the header comment: "crm.timeline.layout.blocks.set params". */
  readonly description: string;
  readonly payloads: readonly Payload[];
  /** A card given as its sections only: the list is the card's `data`. */
  readonly sectionsOnly?: boolean;
  /** The declaration's directive the payload's form is for: `legacy` for card params without entityTypeId (crm.<entity>.details.configuration.set). */
  readonly directive?: string;
  /** Entries of the input that are not part of the declaration (the ids around a blocks `layout`), and the method that takes them. */
  readonly notImported?: { readonly entries: readonly JsonProperty[]; readonly path: JsonPath; readonly method: string };
  /** The request's own params around the payload (a blocks `layout`'s entityTypeId, entityId, timelineId): written in the declaration's body. */
  readonly target?: { readonly node: JsonObject; readonly path: JsonPath };
  /** A get response read back as an update: these keys of the payload are left out. */
  readonly leftOut?: readonly JsonProperty[];
}

export type Detection =
  | { readonly ok: true; readonly shape: Shape }
  | {
      readonly ok: false;
      /** The importer's sentence: what the input is, what is expected, and --kind. */
      readonly message: string;
      readonly range: Range;
      /** What the input was found to be, without the importer's wording: "an error response of the REST API", "found an empty object". */
      readonly found: string;
      /** What was expected: every kind, or the one given. */
      readonly expected: string;
    };

/** Recognises the input's shape; `kind` (`--kind`) skips the recognition and reads the input as that kind. */
export function detectShape(root: JsonNode, kind?: string): Detection {
  const { node, path, wrapped } = unwrapEnvelope(root);
  const found = kind !== undefined ? asKind(kind, node, path) : recognise(node, path);
  if (found) return { ok: true, shape: wrapped ? { ...found, description: `${found.description}, in the result of a REST response` } : found };
  if (kind !== undefined) {
    const expected = KIND_DESCRIPTIONS.get(kind) ?? "an object";
    return { ok: false, message: `cannot read ${describeNode(node)} as ${kind}: ${expected}`, range: node.range, found: describeNode(node), expected };
  }
  const other = recogniseOther(node, wrapped) ?? `found ${describeNode(node)}`;
  return { ok: false, message: refusal(node, wrapped), range: node.range, found: other, expected: EXPECTED };
}

/** `{ "result": X, "time": … }` → X. */
function unwrapEnvelope(root: JsonNode): { node: JsonNode; path: JsonPath; wrapped: boolean } {
  if (root.kind === "object") {
    const result = property(root, REST_RESPONSE.resultKey);
    if (result && root.entries.every((e) => e.key === REST_RESPONSE.resultKey || ENVELOPE_KEYS.has(e.key))) return { node: result.value, path: [REST_RESPONSE.resultKey], wrapped: true };
  }
  return { node: root, path: [], wrapped: false };
}

// ----- recognition -----

function recognise(node: JsonNode, path: JsonPath): Shape | undefined {
  if (node.kind === "array") return isSections(node) ? cardSections(node, path) : undefined;
  if (node.kind !== "object") return undefined;
  if (has(node, "error") && node.entries.every((e) => e.key === "error" || e.key.startsWith("error_"))) return undefined;
  if (isCatalogueEntry(node)) return undefined;
  return (
    badgeList(node, path) ??
    single(node, "badge", path, badgeShape) ??
    single(node, "activity", path, activityGet, isActivityRecord) ??
    single(node, "layout", path, layoutInParams, isLayout) ??
    blocksShape(node, path) ??
    (has(node, CARD.sections) ? cardParams(node, path) : undefined) ??
    (isActivity(node) ? activityParams(node, path) : undefined) ??
    (isBadge(node) ? badgeShape(node, path) : undefined) ??
    (isLayout(node) ? layoutShape(node, path) : undefined) ??
    (has(node, "blocks") && !has(node, "logo") ? blocksBare(node, path) : undefined)
  );
}

/** With `--kind`: the kind's own wrappers when they are there, else the input itself. */
function asKind(kind: string, node: JsonNode, path: JsonPath): Shape | undefined {
  switch (kind) {
    case "layout":
      return node.kind === "object" ? (single(node, "layout", path, layoutInParams, isLayout) ?? layoutShape(node, path)) : undefined;
    case "blocks":
      return node.kind === "object" ? (blocksShape(node, path) ?? blocksBare(node, path)) : undefined;
    case "badge":
      return node.kind === "object" ? (badgeList(node, path) ?? single(node, "badge", path, badgeShape) ?? badgeShape(node, path)) : undefined;
    case "activity":
      return node.kind === "object" ? (single(node, "activity", path, activityGet) ?? activityParams(node, path)) : undefined;
    case "card":
      if (node.kind === "array") return cardSections(node, path);
      return node.kind === "object" ? cardParams(node, path) : undefined;
    default:
      return undefined;
  }
}

function has(node: JsonObject, key: string): boolean {
  return property(node, key) !== undefined;
}

/** `{ key: { … } }` and nothing else: the object inside (when it passes `test`). */
function single(node: JsonObject, key: string, path: JsonPath, shape: (inner: JsonObject, path: JsonPath) => Shape, test?: (inner: JsonObject) => boolean): Shape | undefined {
  const only = node.entries.length === 1 ? node.entries[0]! : undefined;
  if (only?.key !== key || only.value.kind !== "object" || (test && !test(only.value))) return undefined;
  return shape(only.value, [...path, key]);
}

/** The activity of a get response: with its fields or layout (an add or update answers with the id only). */
function isActivityRecord(node: JsonObject): boolean {
  return has(node, "fields") || has(node, "layout");
}

/** `{ icon: { code, isSystem, fileUri } }`: an entry of the icon or logo catalogue (crm.timeline.icon.get), not a layout. */
function isCatalogueEntry(node: JsonObject): boolean {
  const only = node.entries.length === 1 ? node.entries[0]! : undefined;
  return (only?.key === "icon" || only?.key === "logo") && only.value.kind === "object" && (has(only.value, "fileUri") || has(only.value, "isSystem"));
}

function isSections(node: JsonArray): boolean {
  return (
    node.items.length > 0 &&
    node.items.every(
      (i) =>
        i.kind === "object" &&
        (has(i, CARD.elements) || (has(i, "name") && has(i, "title"))) &&
        !i.entries.some((e) => e.key === CARD.sectionType?.field && !(e.value.kind === "scalar" && e.value.value === CARD.sectionType.value)),
    )
  );
}

function isActivity(node: JsonObject): boolean {
  const target = has(node, "ownerTypeId") || has(node, "ownerId") || has(node, "id");
  return property(node, "fields")?.value.kind === "object" || (target && property(node, "layout")?.value.kind === "object");
}

function isBadge(node: JsonObject): boolean {
  if (has(node, "code")) return has(node, "title") || has(node, "value");
  return has(node, "title") && has(node, "value") && has(node, "type");
}

function isLayout(node: JsonObject): boolean {
  return (has(node, "icon") || has(node, "header") || has(node, "body")) && !has(node, "logo") && !has(node, "blocks");
}

// ----- shapes -----

function layoutShape(node: JsonObject, path: JsonPath): Shape {
  return { kind: "layout", description: "a LayoutDto (the layout of crm.activity.configurable.add / update)", payloads: [{ node, path }] };
}

/** `{ layout: { icon, header, body } }`: the layout param of crm.activity.configurable.add on its own. */
function layoutInParams(node: JsonObject, path: JsonPath): Shape {
  return { kind: "layout", description: "the layout of crm.activity.configurable.add / update params", payloads: [{ node, path }] };
}

function blocksBare(node: JsonObject, path: JsonPath): Shape {
  return { kind: "blocks", description: "a RestAppLayoutDto (additional content blocks)", payloads: [{ node, path }] };
}

/** The params of crm.timeline/activity.layout.blocks.set, or a get response `{ layout }`. */
function blocksShape(node: JsonObject, path: JsonPath): Shape | undefined {
  const layout = property(node, BLOCKS_PARAM);
  if (layout?.value.kind !== "object") return undefined;
  const others = node.entries.filter((e) => e.key !== BLOCKS_PARAM);
  if (others.length === 0 && has(layout.value, "blocks")) {
    return { kind: "blocks", description: "the layout of a crm.timeline.layout.blocks.get / crm.activity.layout.blocks.get response", payloads: [{ node: layout.value, path: [...path, BLOCKS_PARAM] }] };
  }
  if (!others.some((e) => BLOCKS_RECORD_IDS.has(e.key))) return undefined;
  const method = BLOCKS_METHODS.find((m) => ownIds(m).some((id) => has(node, id)))?.name ?? BLOCKS_METHODS.map((m) => m.name).join(" / ");
  // The ids the declaration can say (BlocksSetParams) go into it; anything else stays a comment.
  const params = getDto(DECLARATIONS.find((d) => d.keyword === "blocks")!.request!.dto)!;
  const isParam = (key: string) => params.fields.some((f) => f.name === key);
  const target = others.filter((e) => isParam(e.key));
  const rest = others.filter((e) => !isParam(e.key));
  return {
    kind: "blocks",
    description: `${method} params`,
    payloads: [{ node: layout.value, path: [...path, BLOCKS_PARAM] }],
    target: { node: { ...node, entries: target }, path },
    ...(rest.length > 0 ? { notImported: { entries: rest, path, method } } : {}),
  };
}

function badgeShape(node: JsonObject, path: JsonPath): Shape {
  const inResponse = path[path.length - 1] === "badge";
  return { kind: "badge", description: inResponse ? "a badge of a crm.activity.badge.add / get response" : "crm.activity.badge.add params", payloads: [{ node, path }] };
}

/** `{ badges: [ … ] }` of crm.activity.badge.list: one badge declaration each. */
function badgeList(node: JsonObject, path: JsonPath): Shape | undefined {
  const list = property(node, "badges");
  if (list?.value.kind !== "array" || list.value.items.length === 0 || !list.value.items.every((i) => i.kind === "object")) return undefined;
  if (!node.entries.every((e) => e.key === "badges" || ENVELOPE_KEYS.has(e.key))) return undefined;
  return {
    kind: "badge",
    description: "the badges of a crm.activity.badge.list response",
    payloads: list.value.items.map((item, i) => ({ node: item, path: [...path, "badges", i] })),
  };
}

function activityParams(node: JsonObject, path: JsonPath): Shape {
  const method = has(node, "id") && !has(node, "ownerTypeId") && !has(node, "ownerId") ? "update" : "add";
  return { kind: "activity", description: `crm.activity.configurable.${method} params`, payloads: [{ node, path }] };
}

/**
 * `{ activity: { id, ownerTypeId, ownerId, fields, layout } }` of crm.activity.configurable.get,
 * read back as an update: update takes `id` and no owner, so the owner is left out.
 */
function activityGet(node: JsonObject, path: JsonPath): Shape {
  const owner = has(node, "id") ? node.entries.filter((e) => e.key === "ownerTypeId" || e.key === "ownerId") : [];
  return {
    kind: "activity",
    description: "the activity of a crm.activity.configurable.get response, as an update",
    payloads: [{ node, path }],
    ...(owner.length > 0 ? { leftOut: owner } : {}),
  };
}

function cardParams(node: JsonObject, path: JsonPath): Shape {
  // The form whose method names what the params leave out (the legacy methods name the entity).
  const directive = CARD_DECLARATION.directives?.find((d) => d.omits !== undefined && d.omits.length > 0 && d.omits.every((f) => !has(node, f)));
  return {
    kind: "card",
    description: directive
      ? `${cardMethod(directive.word)} params (the ${directive.word} form, without ${directive.omits!.join(", ")})`
      : `${cardMethod(undefined)} params`,
    payloads: [{ node, path }],
    ...(directive ? { directive: directive.word } : {}),
  };
}

/** The card method of the form a directive (or none) selects. */
function cardMethod(directive: string | undefined): string {
  return methodsOf(CARD_DECLARATION.keyword).find((m) => m.directive === directive)!.name;
}

function cardSections(node: JsonArray, path: JsonPath): Shape {
  return {
    kind: "card",
    description: path.length > 0 ? "the sections of a crm.item.details.configuration.get response" : "the sections of a card (the data of crm.item.details.configuration.set)",
    payloads: [{ node, path }],
    sectionsOnly: true,
  };
}

// ----- refusals -----

function dtoFields(name: string): string {
  return getDto(name)!.fields.map((f) => f.name).join(", ");
}

/** The kinds in one sentence, for the refusal. */
const EXPECTED =
  "a layout (a LayoutDto), blocks (a RestAppLayoutDto, or the params of crm.timeline.layout.blocks.set or crm.activity.layout.blocks.set), " +
  "a badge (crm.activity.badge.add params or a badge response), an activity (crm.activity.configurable.add / update params or a get response) " +
  "or a card (crm.item.details.configuration.set params, legacy or not, or a card's sections)";

const KIND_DESCRIPTIONS: ReadonlyMap<string, string> = new Map([
  ["layout", `a LayoutDto { ${dtoFields("LayoutDto")} }`],
  ["blocks", `a RestAppLayoutDto { ${dtoFields("RestAppLayoutDto")} }, the params of crm.timeline.layout.blocks.set or crm.activity.layout.blocks.set, or their get response { layout }`],
  ["badge", `crm.activity.badge.add params { ${dtoFields("BadgeParams")} }, or the badge (or badges) of an add, get or list response`],
  ["activity", "crm.activity.configurable.add / update params, or a get response { activity }"],
  ["card", "crm.item.details.configuration.set params, the legacy crm.<entity>.details.configuration.set params, or a card's sections [ … ] (as get returns them)"],
]);

/** Why the input is not imported: what it looks like, then what is expected. */
function refusal(node: JsonNode, wrapped: boolean): string {
  const expected = `Expected ${EXPECTED}; --kind ${IMPORT_KINDS.join("|")} reads the input as one of them.`;
  const what = recogniseOther(node, wrapped);
  return `${what ?? `not a shape b24layout imports: found ${describeNode(node)}`}. ${expected}`;
}

function recogniseOther(node: JsonNode, wrapped: boolean): string | undefined {
  if (node.kind === "scalar") {
    if (wrapped && node.value === true) return "a REST response whose result is true (the answer of a set, reset or delete): there is nothing to import";
    if (wrapped && node.value === null) return "a REST response whose result is null (a get that found no configuration): there is nothing to import";
    return undefined;
  }
  if (node.kind === "array") {
    const what = wrapped ? `a REST response whose result is ${describeNode(node)}` : describeNode(node);
    if (node.items.length === 0) return `${what}: there are no card sections to import`;
    return `${what}, not of card sections { name, title, type: "section", elements }`;
  }
  if (node.kind === "unknown") return undefined;
  const keys = node.entries.map((e) => e.key);
  const only = (allowed: readonly string[]) => keys.length > 0 && keys.every((k) => allowed.includes(k));
  const single = node.entries.length === 1 ? node.entries[0]! : undefined;
  if (has(node, "error")) {
    const description = property(node, "error_description")?.value;
    const text = description?.kind === "scalar" && typeof description.value === "string" ? ` (${JSON.stringify(description.value)})` : "";
    return `an error response of the REST API${text}: there is nothing to import`;
  }
  if (isCatalogueEntry(node)) return `${describeNode(node)}: an entry of the icon or logo catalogue (crm.timeline.icon.get / add, crm.timeline.logo.get / add), with nothing to import`;
  if (single?.key === "activity" && single.value.kind === "object") {
    return "an activity without fields or layout: the answer of crm.activity.configurable.add / update (the activity's id), with nothing to import";
  }
  if (only(["code"])) return "only a code: the params of crm.activity.badge.get or .delete (or an icon or logo object), with nothing to import";
  if (only(["id"])) return "only an id: the params of crm.activity.configurable.get or .delete, with nothing to import";
  const card = getDto(CARD_DTO)!.fields.map((f) => f.name).filter((f) => f !== CARD.sections);
  if (only(card)) return "card configuration params without 'data' (crm.item.details.configuration.get, reset or forceCommonScopeForAll, or their legacy forms): there are no sections to import";
  if (only(BLOCKS_METHOD_IDS)) return "the ids of crm.timeline.layout.blocks.get / delete or crm.activity.layout.blocks.get / delete, without a layout: there is nothing to import";
  if (single && single.value.kind === "array") return `${describeNode(node)} (${describeNode(single.value)}): a list response, such as crm.timeline.icon.list's, with nothing to import`;
  const languages = new Set(BITRIX_LANGUAGES.map((l) => l.id));
  if (keys.length > 0 && keys.every((k) => languages.has(k)) && node.entries.every((e) => e.value.kind === "scalar" && typeof e.value.value === "string")) {
    return "a language map (a textWithTranslation value), which is only a part of a layout, blocks or a badge";
  }
  const fragment = fragmentOf(node);
  if (fragment) return fragment;
  return undefined;
}

/** "It looks like a body (BodyDto), only a part of a layout (at body)": the DTOs whose fields the object has, all of them and their required ones. */
function fragmentOf(node: JsonObject): string | undefined {
  const keys = node.entries.map((e) => e.key);
  if (keys.length === 0) return undefined;
  const declared = new Set(DECLARATIONS.map((d) => d.dto));
  const matches = DTOS.filter((d) => d.closed && d.fields.length > 0 && !declared.has(d.name))
    .filter((d) => keys.every((k) => d.fields.some((f) => f.name === k)) && d.fields.every((f) => !(f.required?.server ?? false) || keys.includes(f.name)))
    .sort((a, b) => a.fields.length - b.fields.length);
  if (matches.length === 0) return undefined;
  const described = matches.slice(0, 3).map((d) => {
    const where = placeOf(d);
    return `${withArticle(d.title)} (${d.name}${where ? `, found at ${where}` : ""})`;
  });
  return `${describeNode(node)}: it looks like ${described.join(" or ")}, only a part of what b24layout imports`;
}

/** The shortest path from a declaration's DTO to `target`: `layout.body`, `blocks.blocks.<key>`. */
function placeOf(target: DtoSpec): string | undefined {
  const queue: { dto: string; path: string }[] = DECLARATIONS.map((d) => ({ dto: d.dto, path: d.keyword }));
  const seen = new Set(queue.map((q) => q.dto));
  while (queue.length > 0) {
    const { dto, path } = queue.shift()!;
    for (const f of getDto(dto)?.fields ?? []) {
      const t = f.type;
      const next = t.kind === "object" ? { dto: t.dto, path: `${path}.${f.name}` } : t.kind === "collection" ? { dto: t.of, path: `${path}.${f.name}.<key>` } : t.kind === "block" ? { dto: CONTENT_BLOCK.dto, path: `${path}.${f.name}` } : t.kind === "list" && t.dto ? { dto: t.dto, path: `${path}.${f.name}[…]` } : undefined;
      if (!next) continue;
      if (next.dto === target.name) return next.path;
      if (!seen.has(next.dto)) {
        seen.add(next.dto);
        queue.push(next);
      }
    }
  }
  return undefined;
}
