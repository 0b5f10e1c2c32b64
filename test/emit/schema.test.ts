import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Ajv, type ErrorObject, type ValidateFunction } from "ajv";
import { describe, expect, it } from "vitest";
import { compile, formatJson } from "../../src/index.js";
import { schemaFor, SCHEMA_KINDS, type JsonSchema } from "../../src/emit/schema.js";
import { DECLARATIONS } from "../../src/model/statements.js";

/** The docs examples, as the repository keeps them (test/golden/corpus: copies of the spec corpus), wherever it is cloned. */
const CORPUS = join(import.meta.dirname, "../golden/corpus");

function corpus(file: string): unknown {
  return JSON.parse(readFileSync(join(CORPUS, file), "utf8"));
}

/** Picks a member (`layout`) of a corpus payload that wraps the structure. */
function member(file: string, key: string): unknown {
  return (corpus(file) as Record<string, unknown>)[key];
}

const validators = new Map<string, ValidateFunction>();
function validator(kind: string): ValidateFunction {
  let v = validators.get(kind);
  if (!v) {
    // Default options: the schema must compile without extra setup (strict mode included).
    v = new Ajv({ allErrors: true }).compile(schemaFor(kind)!);
    validators.set(kind, v);
  }
  return v;
}

/** A definition of a kind's schema as a schema of its own, to validate corpus fragments. */
function definitionValidator(kind: string, definition: string): ValidateFunction {
  const schema = schemaFor(kind)!;
  return new Ajv({ allErrors: true }).compile({ $ref: `#/definitions/${definition}`, definitions: schema["definitions"]! });
}

/** Errors as `path keyword`, the deepest ones only (anyOf/if wrappers add their own). */
function errorsOf(v: ValidateFunction, data: unknown): string[] {
  if (v(data)) return [];
  const errors = v.errors as ErrorObject[];
  return [...new Set(errors.filter((e) => !["anyOf", "if", "allOf"].includes(e.keyword)).map((e) => `${e.instancePath || "/"} ${e.keyword}`))].sort();
}

describe("SCHEMA_KINDS", () => {
  it("has one kind per declaration, in model order", () => {
    expect(SCHEMA_KINDS).toEqual(["layout", "blocks", "badge", "activity", "card"]);
    expect(SCHEMA_KINDS).toEqual(DECLARATIONS.map((d) => d.outputKind));
  });

  it("returns undefined for an unknown kind", () => {
    expect(schemaFor("layouts")).toBeUndefined();
  });

  it.each(SCHEMA_KINDS)("%s: draft-07, titled, compiles with the default Ajv", (kind) => {
    const schema = schemaFor(kind)!;
    expect(schema["$schema"]).toBe("http://json-schema.org/draft-07/schema#");
    expect(typeof schema["title"]).toBe("string");
    expect(typeof schema["description"]).toBe("string");
    expect(() => validator(kind)).not.toThrow();
  });

  it("is deterministic", () => {
    expect(formatJson(schemaFor("layout")!)).toBe(formatJson(schemaFor("layout")!));
  });
});

describe("corpus payloads", () => {
  // Every corpus example of a structure b24layout writes. Expected: [] (valid) or the errors.
  const cases: [string, string, () => unknown, string[]][] = [
    ["layout", "layout-activity-configurable-add.json", () => corpus("layout-activity-configurable-add.json"), []],
    ["layout", "layout-examples-card-with-fields.json", () => corpus("layout-examples-card-with-fields.json"), []],
    ["layout", "layout-examples-multilanguage-de-en.json", () => corpus("layout-examples-multilanguage-de-en.json"), []],
    ["layout", "layout-examples-text.json", () => corpus("layout-examples-text.json"), []],
    // The docs pass the string "false" for a boolean (spec §14.1); the server casts it, the checker warns.
    ["layout", "layout-object-example.json", () => corpus("layout-object-example.json"), ["/footer/menu/showPostponeItem type"]],
    ["layout", "activity-configurable-add-request.json#layout", () => member("activity-configurable-add-request.json", "layout"), []],
    ["layout", "activity-configurable-update-request-rev2.json#layout", () => member("activity-configurable-update-request-rev2.json", "layout"), []],
    ["blocks", "rest-app-layout-dto-example.json", () => corpus("rest-app-layout-dto-example.json"), []],
    ["blocks", "rest-app-layout-timeline-blocks-set.json", () => corpus("rest-app-layout-timeline-blocks-set.json"), []],
    ["blocks", "timeline-layout-blocks-set-request.json#layout", () => member("timeline-layout-blocks-set-request.json", "layout"), []],
    ["blocks", "activity-layout-blocks-get-response.json#layout", () => member("activity-layout-blocks-get-response.json", "layout"), []],
    ["badge", "badge-add-request.json", () => corpus("badge-add-request.json"), []],
    // The deadline is the placeholder "**put_current_date_time_here**"; "N" is an accepted spelling of false (spec §6).
    ["activity", "activity-configurable-add-request.json", () => corpus("activity-configurable-add-request.json"), ["/fields/deadline pattern"]],
    ["activity", "activity-configurable-update-request-rev2.json", () => corpus("activity-configurable-update-request-rev2.json"), []],
    ["activity", "activity-configurable-update-request-fields-only.json", () => corpus("activity-configurable-update-request-fields-only.json"), []],
    ["card", "item-details-configuration-set-contact.json", () => corpus("item-details-configuration-set-contact.json"), []],
    // Legacy crm.<entity>.details.configuration.set: no entityTypeId.
    ["card", "deal-details-configuration-set.json", () => corpus("deal-details-configuration-set.json"), []],
    ["card", "lead-details-configuration-set.json", () => corpus("lead-details-configuration-set.json"), []],
  ];

  it.each(cases)("%s: %s", (kind, _file, load, expected) => {
    expect(errorsOf(validator(kind), load())).toEqual(expected);
  });

  const fragments: [string, string, string][] = [
    ["layout", "HeaderDto", "header-dto-example.json"],
    ["layout", "FooterButtonDto", "footer-button-dto-example.json"],
    ["layout", "MenuItemDto", "menu-item-dto-example.json"],
    ["layout", "ActionDto", "action-redirect-example.json"],
    ["layout", "ActionDto", "action-rest-event-example.json"],
    ["layout", "ActionDto", "action-open-rest-app-example.json"],
    ["layout", "BodyDto", "body-dto-example-empty-blocks.json"],
    ["layout", "ContentBlockDto", "content-block-link.json"],
    ["layout", "ContentBlockDto", "content-block-with-title-text.json"],
    ["layout", "ContentBlockDto", "content-block-line-of-blocks.json"],
    ["layout", "ContentBlockDto", "content-block-deadline.json"],
    ["layout", "TextWithTranslation", "text-with-translation-de-en.json"],
    ["layout", "TextWithTranslation", "text-with-translation-ru-en.json"],
    ["card", "SectionDto", "item-details-configuration-set-contact-data.json"],
  ];

  it.each(fragments)("%s #/definitions/%s: %s", (kind, definition, file) => {
    const data = corpus(file);
    const v = definitionValidator(kind, definition);
    for (const item of Array.isArray(data) && definition === "SectionDto" ? data : [data]) expect(errorsOf(v, item)).toEqual([]);
  });
});

describe("invalid payloads", () => {
  const layout = (patch: (l: Record<string, unknown>) => void): unknown => {
    const l = structuredClone(corpus("layout-examples-text.json")) as Record<string, unknown>;
    patch(l);
    return l;
  };
  const header = (l: Record<string, unknown>) => l["header"] as Record<string, unknown>;
  const tag = (type: string) => ({ title: "t", type });
  const block = (l: Record<string, unknown>) => Object.values((l["body"] as { blocks: Record<string, Record<string, unknown>> }).blocks)[0]!;

  const cases: [string, string, unknown, string[]][] = [
    ["layout", "three tags (server max 2)", layout((l) => (header(l)["tags"] = { a: tag("success"), b: tag("failure"), c: tag("primary") })), ["/header/tags maxProperties"]],
    ["layout", "an unknown key in a closed DTO", layout((l) => (header(l)["subtitle"] = "x")), ["/header additionalProperties"]],
    ["layout", "a tag type only Bitrix24 itself knows (lavender)", layout((l) => (header(l)["tags"] = { a: tag("lavender") })), ["/header/tags/a/type enum"]],
    ["layout", "tag scope: docs-only, FIELD_IS_REDUNDANT on the server", layout((l) => (header(l)["tags"] = { a: { ...tag("success"), scope: "web" } })), ["/header/tags/a additionalProperties"]],
    ["layout", "a collection key with a space", layout((l) => (header(l)["tags"] = { "my tag": tag("success") })), ["/header/tags pattern", "/header/tags propertyNames"]],
    ["layout", "missing required icon", layout((l) => delete l["icon"]), ["/ required"]],
    ["layout", "text size outside the enum", layout((l) => ((block(l)["properties"] as Record<string, unknown>)["size"] = "lg")), ["/body/blocks/text/properties/size enum"]],
    ["layout", "unknown block type", layout((l) => (block(l)["type"] = "image")), ["/body/blocks/text/type enum"]],
    ["layout", "a text block with link properties", layout((l) => (block(l)["properties"] = { text: "x", action: { type: "redirect", uri: "/" } })), [
      "/body/blocks/text/properties additionalProperties",
      "/body/blocks/text/properties required",
    ]],
    [
      "layout",
      "withTitle holding a largeText (only text, link, deadline)",
      layout((l) => {
        const b = block(l);
        b["type"] = "withTitle";
        b["properties"] = { title: "T", block: { type: "largeText", properties: { value: "x" } } };
      }),
      ["/body/blocks/text/properties/block/type enum"],
    ],
    ["layout", "redirect without uri (required by the server)", layout((l) => (header(l)["titleAction"] = { type: "redirect" })), ["/header/titleAction required"]],
    ["layout", "a language map with a number", layout((l) => (header(l)["title"] = { en: 1 })), ["/header/title type", "/header/title/en type"]],
    ["blocks", "21 blocks (server max 20)", { blocks: Object.fromEntries(Array.from({ length: 21 }, (_, i) => [`b${i}`, { type: "deadline" }])) }, ["/blocks maxProperties"]],
    ["badge", "a badge type tags have but badges do not", { code: "c", title: "T", value: "V", type: "lavender" }, ["/type enum"]],
    ["badge", "missing value", { code: "c", title: "T", type: "success" }, ["/ required"]],
    ["activity", "responsibleId 0 (must be > 0)", { id: 1, fields: { responsibleId: 0 } }, ["/fields/responsibleId minimum"]],
    ["activity", "isIncomingChannel 'yes' (not an accepted spelling)", { id: 1, fields: { isIncomingChannel: "yes" } }, ["/fields/isIncomingChannel enum", "/fields/isIncomingChannel type"]],
    ["card", "no sections", { entityTypeId: 2, data: [] }, ["/data minItems"]],
    ["card", "a section type other than section", { entityTypeId: 2, data: [{ name: "m", title: "M", type: "column" }] }, ["/data/0/type const"]],
    ["card", "scope written as the b24layout word", { entityTypeId: 2, scope: "personal", data: [{ name: "m", title: "M" }] }, ["/scope enum"]],
    ["card", "a lower-case country code", { data: [{ name: "m", title: "M", elements: [{ name: "PHONE", options: { defaultCountry: "gb" } }] }] }, ["/data/0/elements/0/options/defaultCountry enum"]],
  ];

  it.each(cases)("%s: %s", (kind, _what, data, expected) => {
    expect(errorsOf(validator(kind), data)).toEqual(expected);
  });
});

describe("model-driven details", () => {
  const defs = (kind: string) => schemaFor(kind)!["definitions"] as Record<string, JsonSchema>;

  it("takes required from the server column (withTitle.title is docs-only)", () => {
    expect(defs("layout")["WithTitleDto"]!["required"]).toEqual(["block"]);
  });

  it("keeps server-only fields and drops docs-only ones", () => {
    const footer = defs("layout")["FooterDto"]!["properties"] as Record<string, unknown>;
    expect(Object.keys(footer)).toEqual(["buttons", "menu", "showNote"]);
    const tag = defs("layout")["TagDto"]!["properties"] as Record<string, unknown>;
    expect(Object.keys(tag)).toEqual(["title", "type", "action"]);
  });

  it("does not restrict block scope, which the server does not validate", () => {
    const scope = (defs("layout")["TextDto"]!["properties"] as Record<string, JsonSchema>)["scope"]!;
    expect(scope["enum"]).toBeUndefined();
    expect(scope["examples"]).toEqual(["web", "mobile"]);
  });

  it("card: entityTypeId is optional (the legacy form has none) and says why", () => {
    const card = schemaFor("card")!;
    expect(card["required"]).toEqual(["data"]);
    expect((card["properties"] as Record<string, JsonSchema>)["entityTypeId"]!["description"] as string).toContain("`legacy`");
  });

  it("rejects the blank strings the server rejects: an empty typeId, blank card names and titles", () => {
    expect(errorsOf(definitionValidator("activity", "ActivityFields"), { typeId: "" })).toEqual(["/typeId minLength"]);
    expect(errorsOf(definitionValidator("activity", "ActivityFields"), { typeId: " " })).toEqual([]);
    const section = definitionValidator("card", "SectionDto");
    expect(errorsOf(section, { name: " \t", title: "", elements: [{ name: "\n" }, { name: "NAME" }] })).toEqual([
      "/elements/0/name pattern",
      "/name pattern",
      "/title pattern",
    ]);
    expect(errorsOf(section, { name: "main", title: "\u00a0", elements: [{ name: " NAME " }] })).toEqual([]);
  });

  it("offers the system icon codes as examples but accepts a portal's own", () => {
    const code = (defs("layout")["IconDto"]!["properties"] as Record<string, JsonSchema>)["code"]!;
    expect(code["examples"]).toContain("call-completed");
    expect(errorsOf(definitionValidator("layout", "IconDto"), { code: "my-own-icon" })).toEqual([]);
  });
});

describe("compiler output", () => {
  const source = `
translations { en { hi "Hi" } de { hi "Hallo" } }
badge missedCall failure { title "Call status"; value @hi }
layout incomingCall {
  icon call-completed
  header @hi -> redirect "/crm/deal/details/1/" { status: tag warning "new" }
  body {
    logo call-incoming
    client: withTitle "Client" inline { text "Horns and Hooves" }
    line: lineOfBlocks { link "Open" -> restEvent "open" loader; text "x" size sm color base_70 }
    deadline readonly false
    largeText "Long"
  }
  footer {
    button primary "About" -> openRestApp { clientId: 456 } sliderParams { width: 700 }
    menu { showPostponeItem false; item "Confirm" -> restEvent "confirm" }
  }
}
blocks extra { text "Hello" bold multiline }
activity call1 {
  ownerTypeId deal; ownerId 999
  completed false; deadline "2025-01-01T10:00:00+03:00"; pingOffsets [60, 300]
  responsibleId 1; badgeCode missedCall
  layout incomingCall
}
card contactCard for contact {
  scope personal; userId 1
  main: section "Personal data" { NAME always; PHONE always { defaultCountry "GB" }; ADDRESS { defaultAddressType 4 } }
}
card dealCard for deal legacy { dealCategoryId 32; main: section "Main" { TITLE } }
`;

  it("every payload the compiler writes is valid against its kind's schema", () => {
    const result = compile(source);
    expect(result.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(result.outputs.map((o) => o.kind).sort()).toEqual(["activity", "badge", "blocks", "card", "card", "layout"]);
    for (const o of result.outputs) expect([o.fileName, errorsOf(validator(o.kind), o.value)]).toEqual([o.fileName, []]);
  });
});
