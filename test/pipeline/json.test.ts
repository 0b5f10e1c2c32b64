/**
 * The JSON front end's library API: checkJson and checkPayload, kind recognition (shape, --kind,
 * REST method), trees from another front end (its own ranges, unknown values, partial objects),
 * and hostile input.
 */
import { describe, expect, it } from "vitest";
import { checkJson, checkPayload, type JsonNode, type JsonProperty, type Range } from "../../src/index.js";

/** A range on line 1 from column `from` to `to` (offsets = columns - 1), as a JavaScript front end would give. */
const at = (from: number, to = from + 1): Range => ({ start: { offset: from - 1, line: 1, column: from }, end: { offset: to - 1, line: 1, column: to } });

let column = 1;
/** Tree builders with made-up, increasing positions. */
const scalar = (value: string | number | boolean | null): JsonNode => ({ kind: "scalar", value, range: at(column++) });
const unknown = (): JsonNode => ({ kind: "unknown", range: at(column++) });
const entry = (key: string, value: JsonNode): JsonProperty => ({ key, keyRange: at(column++), value });
const object = (entries: Record<string, JsonNode>, partial = false): JsonNode => ({
  kind: "object",
  entries: Object.entries(entries).map(([k, v]) => entry(k, v)),
  range: at(column++),
  ...(partial ? { partial: true as const } : {}),
});

const summary = (r: { diagnostics: readonly { ruleId: string; message: string; path?: readonly (string | number)[] }[] }) => r.diagnostics.map((d) => `${d.ruleId} ${JSON.stringify(d.path)}`);

describe("kind recognition", () => {
  it.each([
    ["a LayoutDto", `{ "icon": { "code": "info" }, "header": { "title": "T" }, "body": { "logo": { "code": "document" }, "blocks": {} } }`, "layout"],
    ["configurable.add params", `{ "ownerTypeId": 2, "ownerId": 1, "fields": {}, "layout": {} }`, "activity"],
    ["configurable.update params", `{ "id": 7, "fields": { "completed": true } }`, "activity"],
    ["layout.blocks.set params", `{ "entityTypeId": 2, "entityId": 1, "timelineId": 3, "layout": { "blocks": {} } }`, "blocks"],
    ["a RestAppLayoutDto", `{ "blocks": {} }`, "blocks"],
    ["badge params", `{ "code": "c", "title": "T", "value": "V", "type": "failure" }`, "badge"],
    ["a badge list response", `{ "result": { "badges": [{ "code": "c", "title": "T", "value": "V", "type": "failure" }] }, "time": {} }`, "badge"],
    ["card params", `{ "entityTypeId": 2, "data": [] }`, "card"],
    ["card sections", `[{ "name": "main", "title": "Main", "type": "section", "elements": [] }]`, "card"],
    ["a get response of a layout", `{ "result": { "layout": { "icon": { "code": "info" } } } }`, "layout"],
  ])("%s is %s", (_what, text, kind) => {
    expect(checkJson(text).kind).toBe(kind);
  });

  it("refuses what is no payload, once, at its first character, suggesting --kind", () => {
    const r = checkJson(`\n  { "error": "NOT_FOUND", "error_description": "Not found" }`);
    expect(r.kind).toBeUndefined();
    expect(r.diagnostics).toHaveLength(1);
    const [d] = r.diagnostics;
    expect(d!.ruleId).toBe("payload-kind");
    expect([d!.range.start.line, d!.range.start.column, d!.range.end.column]).toEqual([2, 3, 4]);
    expect(d!.message).toContain('an error response of the REST API ("Not found")');
    expect(d!.message).toContain("Name its kind with --kind (layout, blocks, badge, activity, card)");
  });

  it("takes the kind given, and says when the JSON cannot be that kind", () => {
    expect(checkJson(`{ "code": "c", "title": "T", "value": "V" }`, { kind: "badge" }).kind).toBe("badge");
    const r = checkJson(`[1, 2]`, { kind: "layout" });
    expect(summary(r)).toEqual(["payload-kind []"]);
    expect(r.diagnostics[0]!.message).toMatch(/^This JSON cannot be checked as layout: found a list of 2 numbers, expected a LayoutDto \{ icon, header, body, footer/);
    expect(summary(checkJson(`{}`, { kind: "layouts" }))).toEqual(["payload-kind []"]);
    expect(checkJson(`{}`, { kind: "layouts" }).diagnostics[0]!.message).toBe("'layouts' is not a kind of payload: expected one of layout, blocks, badge, activity, card.");
  });

  it("takes a REST method: its params are the payload", () => {
    const params = `{ "ownerTypeId": 2, "ownerId": 1, "fields": { "typeId": "CONFIGURABLE" }, "layout": { "icon": { "code": "info" }, "header": { "title": "T" }, "body": { "logo": { "code": "document" }, "blocks": { "t": { "type": "text", "properties": { "value": "x" } } } } } }`;
    expect(checkJson(params, { method: "crm.activity.configurable.add" })).toMatchObject({ kind: "activity", diagnostics: [] });
    expect(checkJson(`{ "entityTypeId": 2, "entityId": 1, "activityId": 3, "layout": { "blocks": {} } }`, { method: "crm.activity.layout.blocks.set" }).kind).toBe("blocks");
    // The legacy card methods name the entity: their params have no entityTypeId, and none is missing.
    const legacy = checkJson(`{ "data": [{ "name": "main", "title": "Main", "type": "section", "elements": [{ "name": "TITLE" }] }] }`, { method: "crm.deal.details.configuration.set" });
    expect(legacy).toMatchObject({ kind: "card", diagnostics: [] });
    const unknownMethod = checkJson(`{}`, { method: "crm.activity.add" });
    expect(summary(unknownMethod)).toEqual(["payload-kind []"]);
    expect(unknownMethod.diagnostics[0]!.message).toBe(
      "'crm.activity.add' is not a REST method b24layout checks the params of: expected one of crm.timeline.layout.blocks.set, crm.activity.layout.blocks.set, crm.activity.badge.add, " +
        "crm.activity.configurable.add, crm.activity.configurable.update, crm.item.details.configuration.set, crm.<entity>.details.configuration.set.",
    );
  });
});

describe("findings", () => {
  it("are at the key or value in the JSON, with their path, rule ids and messages of the language", () => {
    const text = `{\n  "code": "missed",\n  "title": "Call",\n  "value": { "en": "" },\n  "type": "red",\n  "extra": 1\n}\n`;
    const r = checkJson(text, { fileName: "badge.json" });
    expect(r.diagnostics.map((d) => [d.ruleId, d.range.start.line, d.range.start.column, d.path, d.message])).toEqual([
      ["empty-translation-map", 4, 20, ["value", "en"], expect.stringContaining("'en'")],
      ["enum-value", 5, 11, ["type"], "'red' is not a valid 'type' for a badge; expected warning, success, failure, primary or secondary. The server answers \"Wrong value of field `type`\""],
      ["unknown-property", 6, 3, ["extra"], expect.stringMatching(/^Unknown property 'extra' in the badge/)],
    ]);
  });

  it("take severities and rules off from the options, as check does", () => {
    const text = `{ "code": "missed", "title": "Call", "value": "V", "type": "red" }`;
    expect(checkJson(text, { severities: { "enum-value": "warning" } }).diagnostics.map((d) => d.severity)).toEqual(["warning"]);
    expect(checkJson(text, { severities: { "enum-value": "off" } }).diagnostics).toEqual([]);
  });

  it("include a key written twice, at the later key", () => {
    const r = checkJson(`{ "code": "a", "code": "b", "title": "T", "value": "V", "type": "failure" }`);
    expect(r.diagnostics.map((d) => [d.ruleId, d.range.start.column, d.message, d.related?.[0]?.range.start.column])).toEqual([
      ["duplicate-key", 16, "'code' is written twice in this object: JSON.parse keeps the later value and drops the first. Remove one of them.", 3],
    ]);
  });

  it("carry no fixes: the language's edits could break the JSON", () => {
    const r = checkJson(`{ "code": "c", "title": "T", "value": "V", "type": "failure", "hideIfReadonly": "true" }`);
    expect(r.diagnostics.length).toBeGreaterThan(0);
    expect(r.diagnostics.every((d) => d.fix === undefined && d.suggestions === undefined)).toBe(true);
  });
});

describe("a tree from another front end", () => {
  it("reports at the tree's own ranges", () => {
    column = 1;
    const type = scalar("red");
    const tree = object({ code: scalar("c"), title: scalar("T"), value: scalar("V"), type });
    const r = checkPayload(tree, { kind: "badge" });
    expect(r.diagnostics.map((d) => [d.ruleId, d.range, d.path])).toEqual([["enum-value", type.range, ["type"]]]);
  });

  it("never checks an unknown value, and counts it as present", () => {
    column = 1;
    const tree = object({ code: unknown(), title: unknown(), value: unknown(), type: unknown() });
    expect(checkPayload(tree, { method: "crm.activity.badge.add" })).toEqual({ kind: "badge", description: "crm.activity.badge.add params", diagnostics: [] });
  });

  it("reports nothing missing from a partial object (a spread), but what is written wrong", () => {
    column = 1;
    const header = object({ title: scalar("T") });
    const partial = object({ header, colour: scalar("red") }, true);
    const r = checkPayload(partial, { kind: "layout" });
    expect(summary(r)).toEqual(['unknown-property ["colour"]']);
    const whole = checkPayload(object({ header }), { kind: "layout" });
    expect(summary(whole).filter((s) => s.startsWith("required-field"))).toEqual(["required-field []", "required-field []"]);
  });

  it("reports too many items of a partial list, never too few", () => {
    column = 1;
    const tag = () => object({ title: scalar("t"), type: scalar("primary") });
    const tags = (n: number, partial: boolean) => object(Object.fromEntries(Array.from({ length: n }, (_, i) => [`t${i}`, tag()])), partial);
    const layout = (t: JsonNode) =>
      object({ icon: object({ code: scalar("info") }), header: object({ title: scalar("T"), tags: t }), body: object({ logo: object({ code: scalar("document") }), blocks: object({}, true) }) });
    // (These made-up ranges do not nest, so the findings' paths say nothing here: the rule ids and messages do.)
    const over = checkPayload(layout(tags(3, true)), { kind: "layout" }).diagnostics;
    expect(over.map((d) => [d.ruleId, d.message.slice(0, 44)])).toEqual([["collection-limit", "The header's 'tags' can hold at most 2 items"]]);
    expect(checkPayload(layout(tags(1, true)), { kind: "layout" }).diagnostics).toEqual([]);
    // The body's blocks: a partial empty map is not "fewer than 1".
    expect(checkPayload(layout(tags(0, false)), { kind: "layout" }).diagnostics).toEqual([]);
  });
});

describe("hostile input", () => {
  it.each([
    ["empty", "", "syntax-error", "The input is empty: expected a JSON object or list."],
    ["a lone string", `"x"`, "payload-kind", undefined],
    ["nested 100,000 deep", "[".repeat(100_000), "syntax-error", "The JSON nests deeper than 64 levels here; b24layout reads at most 64 (a Bitrix24 payload has about 12)."],
    ["over 100,000 values", `[${"0,".repeat(100_001)}0]`, "syntax-error", "The JSON holds more than 100,000 values; b24layout reads at most that many (a Bitrix24 payload has a few hundred)."],
    ["a NUL and lone surrogates", `{ "code": "\u0000\ud800", "title": "\udc00" }`, "syntax-error", undefined],
    ["cut off", `{ "icon": { "code": `, "syntax-error", undefined],
  ])("%s: one finding, no throw", (_what, text, ruleId, message) => {
    const r = checkJson(text);
    expect(r.diagnostics.map((d) => d.ruleId)).toEqual([ruleId]);
    if (message) expect(r.diagnostics[0]!.message).toBe(message);
  });

  it("takes a 5 MB string value and a __proto__ key in its stride", () => {
    const big = "x".repeat(5_000_000);
    const r = checkJson(`{ "code": "c", "title": "${big}", "value": "V", "type": "failure", "__proto__": { "polluted": true } }`);
    expect(summary(r)).toEqual(['unknown-property ["__proto__"]']);
    expect(({} as Record<string, unknown>)["polluted"]).toBeUndefined();
  });
});
