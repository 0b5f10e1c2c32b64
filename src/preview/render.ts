/**
 * The payloads as Bitrix24 shows them: a timeline record (LayoutDto), additional content blocks
 * under a record (RestAppLayoutDto), a badge on a kanban card, an activity (its record and badge),
 * and a CRM card's sections. It reads only the compiled REST JSON — what `build` writes — and the
 * checker's findings by JSON path (findings.ts); the visual facts are in styles.ts.
 *
 * Every element that stands for a part of the payload carries `data-path` (its JSON path); one
 * with a finding is outlined and numbered, and the item's list of findings says what it is.
 * Clickable parts carry their action as data: the page shows what Bitrix24 would do instead of
 * following a link. Translated texts carry every language, so the page switches without a rebuild.
 */
import type { Diagnostic } from "../diagnostic.js";
import type { Json } from "../emit/index.js";
import { serverReadsAsTrue, BOOLEAN_STRINGS, getDto } from "../model/index.js";
import type { FindingsByPath, JsonPath } from "./findings.js";
import { joinPath } from "./findings.js";
import { chromeGlyph, iconGlyph, isPictureLogo, logoGlyph } from "./glyphs.js";
import { asObject, asString, entriesOf, escapeHtml, type JsonObject } from "./html.js";

/** What the rendering of one payload needs besides the payload. */
export interface RenderContext {
  /** The language shown first (the page switches it). */
  readonly language: string;
  readonly findings: FindingsByPath;
  /** The badges of the project by code, for an activity's `badgeCode`. */
  readonly badges: ReadonlyMap<string, Json>;
  /** The findings outlined so far, numbered in order; filled by the rendering. */
  readonly marked: Diagnostic[][];
  /** Every path drawn as an element; filled by the rendering (see `assignToRendered`). */
  readonly rendered?: Set<JsonPath>;
}

/**
 * The findings moved to the deepest path drawn as an element (a wrong tag `type` outlines the tag):
 * `rendered` is what a first rendering drew.
 */
export function assignToRendered(findings: FindingsByPath, rendered: ReadonlySet<JsonPath>): FindingsByPath {
  const out = new Map<JsonPath, Diagnostic[]>();
  for (const [path, list] of findings) {
    let at = path;
    while (at !== "" && !rendered.has(at)) at = at.includes("/") ? at.slice(0, at.lastIndexOf("/")) : "";
    out.set(at, [...(out.get(at) ?? []), ...list]);
  }
  return out;
}

/**
 * A boolean of the payload as the server reads it: a string is cast (spec §2.6: true only for
 * `BOOL_TRUE_STRINGS`, so `"false"` and `"N"` are false), or, for a field with its own spellings
 * (an activity's `completed`), looked up in them (any other string is undefined: rejected).
 */
function asBoolean(value: Json | undefined, strings?: Readonly<Record<string, boolean>>): boolean | undefined {
  if (typeof value === "boolean") return value;
  if (typeof value === "number") return value !== 0;
  if (typeof value !== "string") return undefined;
  if (strings) return Object.hasOwn(strings, value) ? strings[value] : undefined;
  return serverReadsAsTrue(value);
}

/** The text a language map shows for `language`: that language, else English, else the first entry (spec: multi-language). */
export function pickText(map: JsonObject, language: string): { text: string; shown: string | undefined } {
  const pick = (l: string) => (Object.hasOwn(map, l) ? asString(map[l]) : undefined);
  const own = pick(language);
  if (own !== undefined) return { text: own, shown: language };
  const english = pick("en");
  if (english !== undefined) return { text: english, shown: "en" };
  const first = Object.keys(map)[0];
  return first === undefined ? { text: "", shown: undefined } : { text: asString(map[first]) ?? "", shown: first };
}

/** A text value: a plain string, or a language map that the page can switch. */
function text(value: Json | undefined, ctx: RenderContext, options: { multiline?: boolean } = {}): string {
  const lines = (s: string) => (options.multiline ? escapeHtml(s).replace(/\r?\n/g, "<br>") : escapeHtml(s));
  const map = asObject(value);
  if (!map) return lines(asString(value) ?? "");
  const { text: shown, shown: language } = pickText(map, ctx.language);
  const fallback = language !== ctx.language ? ` b24-fallback" title="${escapeHtml(`No '${ctx.language}' text: shown in '${language ?? "?"}'`)}` : "";
  const multiline = options.multiline ? " data-multiline" : "";
  return `<span class="b24-i18n${fallback}" data-texts="${escapeHtml(JSON.stringify(map))}"${multiline}>${lines(shown)}</span>`;
}

/** A `title` attribute (a tooltip) of a text value; a language map's follows the page's language switch. */
function tooltip(value: Json | undefined, ctx: RenderContext): string {
  const map = asObject(value);
  if (map) return ` title="${escapeHtml(pickText(map, ctx.language).text)}" data-title-texts="${escapeHtml(JSON.stringify(map))}"`;
  const plain = asString(value);
  return plain === undefined ? "" : ` title="${escapeHtml(plain)}"`;
}

/** The attributes of a part of the payload at `path`: its path, and its outline when it has findings. */
function part(path: JsonPath, ctx: RenderContext, className: string): { attrs: string; mark: string } {
  ctx.rendered?.add(path);
  const found = ctx.findings.get(path);
  if (!found || found.length === 0) return { attrs: `class="${className}" data-path="${escapeHtml(path)}"`, mark: "" };
  ctx.marked.push([...found]);
  const n = ctx.marked.length;
  const severity = found.some((d) => d.severity === "error") ? "error" : "warning";
  const title = found.map((d) => `${d.severity} ${d.ruleId}: ${d.message}`).join("\n");
  return {
    attrs: `class="${className} b24-problem b24-problem--${severity}" data-path="${escapeHtml(path)}" data-finding="${n}" title="${escapeHtml(title)}"`,
    mark: `<sup class="b24-mark b24-mark--${severity}">${n}</sup>`,
  };
}

/** Attributes of an element whose click runs `action`: the page shows what Bitrix24 would do. */
function actionAttrs(action: Json | undefined): string {
  const object = asObject(action);
  if (!object) return "";
  const type = asString(object["type"]) ?? "";
  return ` data-action="${escapeHtml(JSON.stringify(object))}" data-action-type="${escapeHtml(type)}" tabindex="0" role="button"`;
}

/** `scope web|mobile`: shown on that platform only (preview-facts.md, "Platforms"). */
function scopeAttr(value: JsonObject | undefined): string {
  const scope = asString(value?.["scope"]);
  return scope === "web" || scope === "mobile" ? ` data-scope="${scope}"` : "";
}

/** `hideIfReadonly` of a button or menu item: noted, as the preview's user is one who can edit. */
function hideIfReadonly(value: JsonObject | undefined): string {
  return asBoolean(value?.["hideIfReadonly"]) === true ? ` data-hide-if-readonly title="hidden from users who cannot edit the record"` : "";
}

function placeholderGlyph(code: string): string {
  return `<span class="b24-unknown-code" title="${escapeHtml(`'${code}' is not a system code: a portal's own, drawn there from its registered picture`)}">${escapeHtml(code)}</span>`;
}

// ----- the timeline record (LayoutDto) -----

/** Where a record stands, which decides the menu's built-in items (preview-facts.md, "Footer"). */
export interface RecordState {
  /** An activity not completed yet. Unknown for a layout on its own (and for an update that does not say). */
  readonly scheduled: boolean | undefined;
  readonly deadline: string | undefined;
}

export function renderRecord(layout: Json, path: JsonPath, ctx: RenderContext, state: RecordState, extra = ""): string {
  const root = asObject(layout);
  if (!root) return `<div class="b24-record b24-record--broken">The layout is not an object.</div>`;
  const icon = renderIcon(root["icon"], joinPath(path, "icon"), ctx);
  const header = renderHeader(root["header"], joinPath(path, "header"), ctx);
  const body = renderBody(root["body"], joinPath(path, "body"), ctx, state);
  // Without a footer the record still has the "…" menu: its built-in items are on by default (preview-facts.md, "Footer").
  const footer = renderFooter(root["footer"] ?? {}, joinPath(path, "footer"), ctx, state);
  const own = part(path, ctx, "b24-record");
  return `<div ${own.attrs}>${icon}<div class="b24-card">${own.mark}${header}${body}${footer}${extra}</div></div>`;
}

function renderIcon(value: Json | undefined, path: JsonPath, ctx: RenderContext): string {
  const code = asString(asObject(value)?.["code"]) ?? "";
  const glyph = iconGlyph(code);
  const own = part(path, ctx, glyph === undefined ? "b24-icon b24-icon--unknown" : "b24-icon");
  return `<div ${own.attrs} data-code="${escapeHtml(code)}">${glyph ?? placeholderGlyph(code)}${own.mark}</div>`;
}

function renderHeader(value: Json | undefined, path: JsonPath, ctx: RenderContext): string {
  const header = asObject(value);
  const own = part(path, ctx, "b24-header");
  const titlePart = part(joinPath(path, "title"), ctx, `b24-title${header?.["titleAction"] ? " b24-clickable" : ""}`);
  const title = `<span ${titlePart.attrs}${actionAttrs(header?.["titleAction"])}>${text(header?.["title"], ctx)}${titlePart.mark}</span>`;
  const tags = entriesOf(header?.["tags"])
    .map(([key, tag]) => renderTag(key, tag, joinPath(joinPath(path, "tags"), key), ctx))
    .join("");
  return `<div ${own.attrs}>${title}${tags ? `<span class="b24-tags">${tags}</span>` : ""}${own.mark}</div>`;
}

const TAG_TYPES = new Set(["primary", "secondary", "success", "warning", "failure"]);

function renderTag(key: string, value: Json, path: JsonPath, ctx: RenderContext): string {
  const tag = asObject(value);
  const type = asString(tag?.["type"]) ?? "";
  // An unknown type is drawn light grey, as the web client does (preview-facts.md, "Header").
  const colour = TAG_TYPES.has(type) ? type : "secondary";
  const own = part(path, ctx, `b24-tag b24-tag--${colour}${tag?.["action"] ? " b24-clickable" : ""}`);
  return `<span ${own.attrs} data-key="${escapeHtml(key)}"${actionAttrs(tag?.["action"])}>${text(tag?.["title"], ctx)}${own.mark}</span>`;
}

function renderBody(value: Json | undefined, path: JsonPath, ctx: RenderContext, state: RecordState): string {
  const body = asObject(value);
  const own = part(path, ctx, "b24-body");
  const logo = body?.["logo"] === undefined ? "" : renderLogo(body["logo"], joinPath(path, "logo"), ctx);
  const blocks = renderBlocks(body?.["blocks"], joinPath(path, "blocks"), ctx, state);
  return `<div ${own.attrs}>${logo}<div class="b24-blocks">${blocks}</div>${own.mark}</div>`;
}

function renderLogo(value: Json, path: JsonPath, ctx: RenderContext): string {
  const logo = asObject(value);
  const code = asString(logo?.["code"]) ?? "";
  const glyph = logoGlyph(code);
  const kind = glyph === undefined ? " b24-logo--unknown" : isPictureLogo(code) ? " b24-logo--picture" : "";
  const own = part(path, ctx, `b24-logo${kind}${logo?.["action"] ? " b24-clickable" : ""}`);
  return `<div ${own.attrs} data-code="${escapeHtml(code)}"${actionAttrs(logo?.["action"])}>${glyph ?? placeholderGlyph(code)}${own.mark}</div>`;
}

/** The blocks of a collection (`body.blocks`, `lineOfBlocks.blocks`, additional blocks) in written order. */
export function renderBlocks(value: Json | undefined, path: JsonPath, ctx: RenderContext, state: RecordState): string {
  return entriesOf(value)
    .map(([key, block]) => renderBlock(key, block, joinPath(path, key), ctx, state))
    .join("");
}

const TEXT_SIZES = new Set(["xs", "sm", "md"]);
const TEXT_COLOURS = new Set(["base_50", "base_60", "base_70", "base_90"]);

function renderBlock(key: string, value: Json, path: JsonPath, ctx: RenderContext, state: RecordState): string {
  const block = asObject(value);
  const type = asString(block?.["type"]) ?? "";
  const props = asObject(block?.["properties"]) ?? {};
  const propsPath = joinPath(path, "properties");
  // A block's scope is one of its properties (ContentBlockDto), unlike a button's or a menu item's.
  const scope = scopeAttr(props);
  let inner: string;
  let className = `b24-block b24-block--${/^[a-zA-Z]+$/.test(type) ? type : "unknown"}`;
  switch (type) {
    case "text":
      inner = renderTextContent(props, propsPath, ctx);
      break;
    case "largeText":
      inner = `<div class="b24-large-text b24-collapsed">${text(props["value"], ctx, { multiline: true })}</div><button type="button" class="b24-more">more</button>`;
      break;
    case "link":
      inner = renderLinkContent(props, ctx);
      break;
    case "withTitle": {
      const inline = asBoolean(props["inline"]) === true;
      if (inline) className += " b24-block--inline";
      const title = asObject(props["title"]) ? text(props["title"], ctx) : escapeHtml(asString(props["title"]) ?? "");
      const nested = props["block"] === undefined ? "" : renderBlock("block", props["block"], joinPath(propsPath, "block"), ctx, state);
      // The full title as a tooltip, for when the one line cuts it (preview-facts.md, "Body").
      inner = `<div class="b24-with-title__title"${tooltip(props["title"], ctx)}>${title}</div><div class="b24-with-title__value">${nested}</div>`;
      break;
    }
    case "lineOfBlocks":
      inner = renderBlocks(props["blocks"], joinPath(propsPath, "blocks"), ctx, state);
      break;
    case "deadline":
      inner = renderDeadline(props, state);
      break;
    default:
      inner = `<span class="b24-unknown-block">unknown block type '${escapeHtml(type)}'</span>`;
  }
  const own = part(path, ctx, className);
  return `<div ${own.attrs} data-key="${escapeHtml(key)}" data-type="${escapeHtml(type)}"${scope}>${inner}${own.mark}</div>`;
}

/**
 * The activity's deadline as a date pill (spec §4.6): not shown at all for an activity without a
 * deadline (an incoming one has none), read-only when the block says so or the activity is
 * completed. For a layout on its own the activity is not known: the pill stands for its deadline.
 */
function renderDeadline(props: JsonObject, state: RecordState): string {
  const known = state.scheduled !== undefined;
  if (known && state.deadline === undefined) {
    return `<span class="b24-deadline b24-deadline--absent" title="Bitrix24 shows no deadline block for an activity without a deadline">not shown: the activity has no deadline</span>`;
  }
  const readonly = asBoolean(props["readonly"]) === true || state.scheduled === false;
  const why = asBoolean(props["readonly"]) === true ? "read-only" : "read-only: the activity is completed";
  const date = state.deadline ?? "the activity's deadline";
  return `<span class="b24-deadline${readonly ? "" : " b24-deadline--editable"}" title="${readonly ? why : "the user can change the deadline here"}">${chromeGlyph("clock")}${escapeHtml(date)}</span>`;
}

function renderTextContent(props: JsonObject, path: JsonPath, ctx: RenderContext): string {
  const size = asString(props["size"]);
  const colour = asString(props["color"]);
  // The web client falls back to `sm` for a size it does not know (preview-facts.md, "Body").
  const classes = [
    "b24-text",
    `b24-size--${size === undefined ? "md" : TEXT_SIZES.has(size) ? size : "sm"}`,
    colour !== undefined && TEXT_COLOURS.has(colour) ? `b24-colour--${colour}` : "b24-colour--default",
    asBoolean(props["bold"]) === true ? "b24-weight--bold" : "b24-weight--normal",
  ];
  const own = part(joinPath(path, "value"), ctx, classes.join(" "));
  return `<span ${own.attrs}${tooltip(props["title"], ctx)}>${text(props["value"], ctx, { multiline: asBoolean(props["multiline"]) === true })}${own.mark}</span>`;
}

function renderLinkContent(props: JsonObject, ctx: RenderContext): string {
  const weight = asBoolean(props["bold"]) === true ? " b24-weight--bold" : "";
  return `<span class="b24-link b24-clickable${weight}"${actionAttrs(props["action"])}>${text(props["text"], ctx)}</span>`;
}

function renderFooter(value: Json, path: JsonPath, ctx: RenderContext, state: RecordState): string {
  const footer = asObject(value);
  const buttons = entriesOf(footer?.["buttons"])
    .map(([key, b]) => {
      const button = asObject(b);
      const type = asString(button?.["type"]) === "primary" ? "primary" : "secondary";
      const own = part(joinPath(joinPath(path, "buttons"), key), ctx, `b24-button b24-button--${type}`);
      return `<button type="button" ${own.attrs} data-key="${escapeHtml(key)}"${scopeAttr(button)}${hideIfReadonly(button)}${actionAttrs(button?.["action"])}>${text(button?.["title"], ctx)}${own.mark}</button>`;
    })
    .join("");
  const menu = renderMenu(footer?.["menu"], joinPath(path, "menu"), ctx, state);
  const own = part(path, ctx, "b24-footer");
  return `<div ${own.attrs}><div class="b24-buttons">${buttons}</div>${menu}${own.mark}</div>`;
}

/** The built-in items the server adds to the "…" menu (preview-facts.md, "Footer"). */
function builtInItems(menu: JsonObject | undefined, state: RecordState): { name: string; glyph: "pin" | "clock" | "trash"; note?: string }[] {
  // Absent means shown; a string is cast as the server casts it ("false" hides).
  const shown = (flag: string) => asBoolean(menu?.[flag]) !== false;
  const items: { name: string; glyph: "pin" | "clock" | "trash"; note?: string }[] = [];
  if (shown("showPinItem") && state.scheduled !== true) items.push({ name: "Pin", glyph: "pin", ...(state.scheduled === undefined ? { note: "not while the activity is scheduled" } : {}) });
  if (shown("showPostponeItem") && state.scheduled !== false && (state.scheduled === undefined || state.deadline !== undefined)) {
    items.push({ name: "Postpone", glyph: "clock", ...(state.scheduled === undefined ? { note: "only while the activity is scheduled with a deadline" } : {}) });
  }
  if (shown("showDeleteItem")) items.push({ name: "Delete", glyph: "trash" });
  return items;
}

function renderMenu(value: Json | undefined, path: JsonPath, ctx: RenderContext, state: RecordState): string {
  const menu = asObject(value);
  const own = part(path, ctx, "b24-menu");
  const items = entriesOf(menu?.["items"])
    .map(([key, i]) => {
      const item = asObject(i);
      const itemPart = part(joinPath(joinPath(path, "items"), key), ctx, "b24-menu__item b24-clickable");
      return `<li ${itemPart.attrs} data-key="${escapeHtml(key)}"${scopeAttr(item)}${hideIfReadonly(item)}${actionAttrs(item?.["action"])}>${text(item?.["title"], ctx)}${itemPart.mark}</li>`;
    })
    .join("");
  const builtIns = builtInItems(menu, state)
    .map((b) => `<li class="b24-menu__item b24-menu__item--built-in" data-built-in="${b.name}"${b.note ? ` title="${escapeHtml(`Added by Bitrix24, ${b.note}`)}"` : ' title="Added by Bitrix24"'}>${chromeGlyph(b.glyph)}${b.name}</li>`)
    .join("");
  return `<div ${own.attrs}><button type="button" class="b24-menu__toggle" aria-label="menu" aria-expanded="false">${chromeGlyph("more")}</button><ul class="b24-menu__list" hidden>${items}${items && builtIns ? '<li class="b24-menu__separator" role="separator"></li>' : ""}${builtIns}</ul>${own.mark}</div>`;
}

// ----- the other kinds -----

/** Additional content blocks (RestAppLayoutDto) as Bitrix24 shows them: under an existing record. */
export function renderAdditionalBlocks(value: Json, path: JsonPath, ctx: RenderContext): string {
  const blocks = renderBlocks(asObject(value)?.["blocks"], joinPath(path, "blocks"), ctx, { scheduled: undefined, deadline: undefined });
  const own = part(path, ctx, "b24-additional");
  const host = `<div class="b24-host-record" title="the record the app adds these blocks to">An existing timeline record</div>`;
  return `<div class="b24-record b24-record--host"><div class="b24-icon b24-icon--muted"></div><div class="b24-card">${host}<div ${own.attrs}>${blocks}${own.mark}</div></div></div>`;
}

const BADGE_TYPES = new Set(["primary", "secondary", "success", "warning", "failure"]);

/** A badge as it shows on a kanban card: the deal's card with the badge's title and coloured value. */
export function renderBadge(value: Json, path: JsonPath, ctx: RenderContext, cardTitle = "Deal #123"): string {
  const badge = asObject(value);
  const type = asString(badge?.["type"]) ?? "";
  const own = part(path, ctx, "b24-kanban");
  return `<div ${own.attrs}><div class="b24-kanban__title">${escapeHtml(cardTitle)}</div><div class="b24-kanban__meta">1 000 €</div><div class="b24-badge b24-badge--${BADGE_TYPES.has(type) ? type : "secondary"}" data-code="${escapeHtml(asString(badge?.["code"]) ?? "")}"><span class="b24-badge__title">${text(badge?.["title"], ctx)}</span><span class="b24-badge__value">${text(badge?.["value"], ctx)}</span></div>${own.mark}</div>`;
}

/** An activity: a line of its fields, its record, and its badge on a kanban card. */
export function renderActivity(value: Json, path: JsonPath, ctx: RenderContext): string {
  const activity = asObject(value);
  const fields = asObject(activity?.["fields"]);
  const deadline = asString(fields?.["deadline"]);
  const completedField = asBoolean(fields?.["completed"], BOOLEAN_STRINGS);
  const completed = completedField === true;
  const facts = [
    activity?.["id"] !== undefined ? `updates activity ${asString(activity["id"]) ?? "?"}` : `owner type ${asString(activity?.["ownerTypeId"]) ?? "?"}, owner ${asString(activity?.["ownerId"]) ?? "?"}`,
    completed ? "completed" : completedField === false ? "scheduled" : undefined,
    deadline !== undefined ? `deadline ${deadline}` : undefined,
    asString(fields?.["responsibleId"]) !== undefined ? `responsible user ${asString(fields?.["responsibleId"])}` : undefined,
  ].filter((f) => f !== undefined);
  const state: RecordState = { scheduled: completedField === undefined ? undefined : !completed, deadline };
  const record = activity?.["layout"] === undefined ? "" : renderRecord(activity["layout"], joinPath(path, "layout"), ctx, state);
  const badgeCode = asString(fields?.["badgeCode"]);
  let badge = "";
  if (badgeCode && completed) {
    const note = part(joinPath(path, "fields/badgeCode"), ctx, "pv-missing");
    badge = `<div ${note.attrs}>The badge '${escapeHtml(badgeCode)}' is not shown: Bitrix24 removes a badge when its activity is completed.${note.mark}</div>`;
  } else if (badgeCode) {
    const found = ctx.badges.get(badgeCode);
    badge = found === undefined ? `<div class="b24-kanban"><span class="b24-unknown-code">badge ${escapeHtml(badgeCode)}</span></div>` : renderBadge(found, joinPath(path, "fields/badgeCode"), ctx);
  }
  const own = part(path, ctx, "b24-activity");
  return `<div ${own.attrs}><div class="b24-activity__facts">${escapeHtml(facts.join(" · "))}</div>${record}${badge}${own.mark}</div>`;
}

/** A card configuration: its sections and their fields, as a CRM card's details tab. */
export function renderCard(value: Json, path: JsonPath, ctx: RenderContext): string {
  const card = asObject(value);
  const sections = Array.isArray(card?.["data"]) ? card["data"] : [];
  const rendered = sections
    .map((s, i) => {
      const section = asObject(s);
      const sectionPath = joinPath(joinPath(path, "data"), i);
      const elements = Array.isArray(section?.["elements"]) ? section["elements"] : [];
      const rows = elements
        .map((e, j) => {
          const element = asObject(e);
          const always = element?.["optionFlags"] === "1" || element?.["optionFlags"] === 1;
          const options = entriesOf(element?.["options"]).map(([k, v]) => `${k}: ${JSON.stringify(v)}`);
          const own = part(joinPath(joinPath(sectionPath, "elements"), j), ctx, "b24-field");
          return `<div ${own.attrs}><span class="b24-field__name">${escapeHtml(asString(element?.["name"]) ?? "")}</span><span class="b24-field__value">${always ? '<span class="b24-field__always">always shown</span>' : "shown when filled"}${options.length ? ` · ${escapeHtml(options.join(", "))}` : ""}</span>${own.mark}</div>`;
        })
        .join("");
      const own = part(sectionPath, ctx, "b24-section");
      return `<div ${own.attrs} data-key="${escapeHtml(asString(section?.["name"]) ?? "")}"><div class="b24-section__title">${escapeHtml(asString(section?.["title"]) ?? "")}</div>${rows}${own.mark}</div>`;
    })
    .join("");
  const scope = asString(card?.["scope"]);
  const facts = [`entity type ${asString(card?.["entityTypeId"]) ?? "?"}`, scope === "C" ? "for everyone" : scope === "P" ? `for user ${asString(card?.["userId"]) ?? "?"}` : undefined].filter((f) => f !== undefined);
  const own = part(path, ctx, "b24-crm-card");
  return `<div ${own.attrs}><div class="b24-activity__facts">${escapeHtml(facts.join(" · "))}</div>${rendered}${own.mark}</div>`;
}

/** What a click on an action does in Bitrix24, in the model's words (ActionDto's `type` values). */
export function actionDescriptions(): Record<string, string> {
  const type = getDto("ActionDto")?.fields.find((f) => f.name === "type")?.type;
  const out: Record<string, string> = {};
  if (type?.kind === "enum") for (const v of type.values) out[String(v.value)] = v.doc;
  return out;
}
