/**
 * The whole corpus: `test/golden/corpus` (verbatim copies of the shared corpus that the golden
 * twins reproduce) and `test/import/corpus` (the rest of the shared corpus, verbatim). Every file
 * either round-trips — its import compiles back to it, exactly with --keep-quirks and after the
 * reported normalisations without — or is refused with the exact error given here.
 */
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { formatImportDiagnostic, importJson } from "../../src/import/index.js";
import { roundTrip, warningsOf } from "./helpers.js";

const HERE = dirname(fileURLToPath(import.meta.url));
const DIRS = [join(HERE, "..", "golden", "corpus"), join(HERE, "corpus")];

interface Imported {
  readonly file: string;
  readonly kind: string;
  /** `code path` of each warning without --keep-quirks. */
  readonly warnings: readonly string[];
  /** With --keep-quirks: the warnings that remain (changes the language cannot avoid). */
  readonly keptWarnings?: readonly string[];
  /** The checker's errors on the imported text: the example is invalid as the docs give it. */
  readonly checkErrors?: readonly string[];
}

interface Refused {
  readonly file: string;
  /** `file:line:col: message`, up to ". Expected". */
  readonly error: string;
}

/** `normalised result[i].elements[j].optionFlags` for the given element counts per section. */
function optionFlags(root: string, counts: readonly number[]): string[] {
  return counts.flatMap((n, i) => Array.from({ length: n }, (_, j) => `normalised ${root}[${i}].elements[${j}].optionFlags`));
}

const IMPORTED: readonly Imported[] = [
  { file: "activity-configurable-add-request.json", kind: "activity", warnings: ["normalised fields.isIncomingChannel"], checkErrors: ["value-format"] },
  { file: "activity-configurable-update-request-fields-only.json", kind: "activity", warnings: [] },
  { file: "activity-configurable-update-request-rev2.json", kind: "activity", warnings: ["normalised fields.isIncomingChannel"], checkErrors: ["incoming-with-deadline"] },
  { file: "activity-layout-blocks-get-response.json", kind: "blocks", warnings: [] },
  { file: "badge-add-request.json", kind: "badge", warnings: [] },
  { file: "badge-add-response.json", kind: "badge", warnings: [] },
  { file: "contact-details-configuration-get-response.json", kind: "card", warnings: ["assumed result", ...optionFlags("result", [7, 5])], keptWarnings: ["assumed result"] },
  { file: "deal-details-configuration-set-data.json", kind: "card", warnings: ["assumed"], keptWarnings: ["assumed"] },
  { file: "deal-details-configuration-set.json", kind: "card", warnings: ["assumed"], keptWarnings: ["assumed"] },
  // A LayoutDto with only its icon: imported, and the checker reports the missing header and body.
  { file: "icon-dto-example.json", kind: "layout", warnings: [], checkErrors: ["required-field", "required-field"] },
  { file: "item-details-configuration-get-response-deal-data.json", kind: "card", warnings: ["assumed", ...optionFlags("", [6, 9, 1, 1])], keptWarnings: ["assumed"] },
  { file: "item-details-configuration-get-response-deal.json", kind: "card", warnings: ["assumed result", ...optionFlags("result", [6, 9, 1, 1])], keptWarnings: ["assumed result"] },
  { file: "item-details-configuration-set-contact-data.json", kind: "card", warnings: ["assumed"], keptWarnings: ["assumed"] },
  { file: "item-details-configuration-set-contact.json", kind: "card", warnings: [] },
  { file: "layout-activity-configurable-add.json", kind: "layout", warnings: [] },
  { file: "layout-examples-card-with-fields.json", kind: "layout", warnings: [] },
  { file: "layout-examples-multilanguage-de-en.json", kind: "layout", warnings: [] },
  { file: "layout-examples-text.json", kind: "layout", warnings: [] },
  { file: "layout-object-example.json", kind: "layout", warnings: ["normalised footer.menu.showPostponeItem"] },
  { file: "lead-details-configuration-get-response.json", kind: "card", warnings: ["assumed result", ...optionFlags("result", [3, 2])], keptWarnings: ["assumed result"] },
  { file: "lead-details-configuration-set-data.json", kind: "card", warnings: ["assumed"], keptWarnings: ["assumed"] },
  { file: "lead-details-configuration-set.json", kind: "card", warnings: ["assumed"], keptWarnings: ["assumed"] },
  { file: "rest-app-layout-dto-example.json", kind: "blocks", warnings: [] },
  { file: "rest-app-layout-timeline-blocks-set.json", kind: "blocks", warnings: [] },
  {
    file: "timeline-layout-blocks-set-request.json",
    kind: "blocks",
    warnings: [],
  },
];

const FRAGMENT = "only a part of what b24layout imports";
const NO_SECTIONS =
  "card configuration params without 'data' (crm.item.details.configuration.get, reset or forceCommonScopeForAll, or their legacy forms): there are no sections to import";

const REFUSED: readonly Refused[] = [
  // DTO fragments: no declaration builds a lone action, block, header, button or language map.
  { file: "action-open-rest-app-example.json", error: `1:1: an object with the keys "type", "actionParams", "sliderParams": it looks like an action (ActionDto, found at layout.header.titleAction), ${FRAGMENT}` },
  { file: "action-redirect-example.json", error: `1:1: an object with the keys "type", "uri": it looks like an action (ActionDto, found at layout.header.titleAction), ${FRAGMENT}` },
  { file: "action-rest-event-example.json", error: `1:1: an object with the keys "type", "id", "actionParams", "animationType": it looks like an action (ActionDto, found at layout.header.titleAction), ${FRAGMENT}` },
  { file: "badge-translation-de-en.json", error: "1:1: a language map (a textWithTranslation value), which is only a part of a layout, blocks or a badge" },
  { file: "body-dto-example-empty-blocks.json", error: `1:1: an object with the keys "logo", "blocks": it looks like a body (BodyDto, found at layout.body), ${FRAGMENT}` },
  { file: "content-block-deadline.json", error: `1:1: an object with the keys "type", "properties": it looks like a content block (ContentBlockDto, found at blocks.blocks.<key>), ${FRAGMENT}` },
  { file: "content-block-line-of-blocks.json", error: `1:1: an object with the keys "type", "properties": it looks like a content block (ContentBlockDto, found at blocks.blocks.<key>), ${FRAGMENT}` },
  { file: "content-block-link.json", error: `1:1: an object with the keys "type", "properties": it looks like a content block (ContentBlockDto, found at blocks.blocks.<key>), ${FRAGMENT}` },
  { file: "content-block-with-title-text.json", error: `1:1: an object with the keys "type", "properties": it looks like a content block (ContentBlockDto, found at blocks.blocks.<key>), ${FRAGMENT}` },
  {
    file: "footer-button-dto-example.json",
    error: `1:1: an object with the keys "title", "type", "action", "scope", "hideIfReadonly": it looks like a tag (TagDto, found at layout.header.tags.<key>) or a footer button (FooterButtonDto, found at layout.footer.buttons.<key>), ${FRAGMENT}`,
  },
  { file: "header-dto-example.json", error: `1:1: an object with the keys "title", "titleAction", "tags": it looks like a header (HeaderDto, found at layout.header), ${FRAGMENT}` },
  { file: "menu-item-dto-example.json", error: `1:1: an object with the keys "title", "action", "scope", "hideIfReadonly": it looks like a menu item (MenuItemDto, found at layout.footer.menu.items.<key>), ${FRAGMENT}` },
  { file: "text-with-translation-de-en.json", error: "1:1: a language map (a textWithTranslation value), which is only a part of a layout, blocks or a badge" },
  { file: "text-with-translation-ru-en.json", error: "1:1: a language map (a textWithTranslation value), which is only a part of a layout, blocks or a badge" },
  // Request params and responses with nothing to import.
  { file: "badge-get-request.json", error: "1:1: only a code: the params of crm.activity.badge.get or .delete (or an icon or logo object), with nothing to import" },
  { file: "company-details-configuration-reset-request-common.json", error: `1:1: ${NO_SECTIONS}` },
  { file: "contact-details-configuration-get-request-personal.json", error: `1:1: ${NO_SECTIONS}` },
  { file: "crm-enum-addresstype-response-legacy.json", error: '2:15: a REST response whose result is a list of 6 objects, not of card sections { name, title, type: "section", elements }' },
  { file: "crm-enum-addresstype-response.json", error: '2:15: a REST response whose result is a list of 6 objects, not of card sections { name, title, type: "section", elements }' },
  { file: "deal-details-configuration-force-common-scope-request.json", error: `1:1: ${NO_SECTIONS}` },
  { file: "deal-details-configuration-get-request.json", error: `1:1: ${NO_SECTIONS}` },
  { file: "item-details-configuration-force-common-scope-request.json", error: `1:1: ${NO_SECTIONS}` },
  { file: "item-details-configuration-get-request-deal.json", error: `1:1: ${NO_SECTIONS}` },
  { file: "item-details-configuration-reset-request.json", error: `1:1: ${NO_SECTIONS}` },
  { file: "item-details-configuration-set-error-response.json", error: '1:1: an error response of the REST API ("Element at index 0 in section at index 1 does not have name."): there is nothing to import' },
  { file: "timeline-icon-list-response.json", error: `2:15: an object with the key "icons" (a list of 3 objects): a list response, such as crm.timeline.icon.list's, with nothing to import` },
  { file: "timeline-logo-list-response.json", error: `2:15: an object with the key "logos" (a list of 3 objects): a list response, such as crm.timeline.icon.list's, with nothing to import` },
];

function read(file: string): string {
  for (const dir of DIRS) {
    try {
      return readFileSync(join(dir, file), "utf8");
    } catch {
      // the other directory
    }
  }
  throw new Error(`${file} is in no corpus directory`);
}

describe("the corpus", () => {
  it("lists every corpus file once, as imported or refused", () => {
    const files = DIRS.flatMap((d) => readdirSync(d).filter((f) => f.endsWith(".json"))).sort();
    const listed = [...IMPORTED.map((c) => c.file), ...REFUSED.map((c) => c.file)].sort();
    expect(listed).toEqual(files);
    expect(files).toHaveLength(52);
  });

  describe.each(IMPORTED.map((c) => [c.file, c] as const))("%s", (file, c) => {
    const json = read(file);

    it("round-trips after the reported normalisations", () => {
      const r = roundTrip(json, { fileName: file });
      expect(r.result.kind).toBe(c.kind);
      expect(warningsOf(r.result)).toEqual(c.warnings);
      expect(r.checkErrors).toEqual(c.checkErrors ?? []);
    });

    it("round-trips exactly with --keep-quirks", () => {
      const r = roundTrip(json, { fileName: file, keepQuirks: true });
      expect(warningsOf(r.result)).toEqual(c.keptWarnings ?? []);
      expect(r.result.diagnostics.filter((d) => d.change)).toEqual([]);
    });

    it("round-trips with --extract-translations", () => {
      roundTrip(json, { fileName: file, extractTranslations: true });
    });
  });

  it.each(REFUSED.map((c) => [c.file, c] as const))("refuses %s", (file, c) => {
    const result = importJson(read(file), { fileName: file });
    expect(result.text).toBeUndefined();
    const [error, ...rest] = result.diagnostics;
    expect(rest).toEqual([]);
    expect(error!.ruleId).toBe("unknown-shape");
    expect(formatImportDiagnostic(error!, file).split(". Expected")[0]).toBe(`${file}:${c.error}`);
  });
});
