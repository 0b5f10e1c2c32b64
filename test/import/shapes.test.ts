/** Recognising what the JSON is, `--kind`, and refusing what holds nothing to import. */
import { describe, expect, it } from "vitest";
import { formatImportDiagnostic, IMPORT_KINDS, importJson } from "../../src/import/index.js";
import { compile } from "../../src/index.js";
import { roundTrip } from "./helpers.js";

const LAYOUT = { icon: { code: "info" }, header: { title: "T" }, body: { logo: { code: "document" }, blocks: { t: { type: "text", properties: { value: "x" } } } } };
const BLOCKS = { blocks: { t: { type: "text", properties: { value: "x" } } } };
const BADGE = { code: "missedCall", title: "Call status", value: "Missed", type: "failure" };
const SECTIONS = [{ name: "main", title: "Main", type: "section", elements: [{ name: "TITLE" }] }];
const TIME = { start: 1724068028.331234, finish: 1724068028.726591, duration: 0.39 };

const j = (v: unknown) => JSON.stringify(v, null, 2);

describe("shapes", () => {
  const cases: [string, unknown, string, string, string[]][] = [
    // what, input, kind, description, [inputPath of each declaration]
    ["a LayoutDto", LAYOUT, "layout", "a LayoutDto (the layout of crm.activity.configurable.add / update)", [""]],
    ["a RestAppLayoutDto", BLOCKS, "blocks", "a RestAppLayoutDto (additional content blocks)", [""]],
    ["an empty RestAppLayoutDto", { blocks: {} }, "blocks", "a RestAppLayoutDto (additional content blocks)", [""]],
    [
      "crm.timeline.layout.blocks.set params",
      { entityTypeId: 2, entityId: 4, timelineId: 8, layout: BLOCKS },
      "blocks",
      "crm.timeline.layout.blocks.set params",
      ["layout"],
    ],
    [
      "crm.activity.layout.blocks.set params",
      { entityTypeId: 2, entityId: 4, activityId: 8, layout: BLOCKS },
      "blocks",
      "crm.activity.layout.blocks.set params",
      ["layout"],
    ],
    [
      "a crm.timeline.layout.blocks.get response",
      { result: { layout: BLOCKS }, time: TIME },
      "blocks",
      "the layout of a crm.timeline.layout.blocks.get / crm.activity.layout.blocks.get response, in the result of a REST response",
      ["result.layout"],
    ],
    ["crm.activity.badge.add params", BADGE, "badge", "crm.activity.badge.add params", [""]],
    ["a badge add response", { result: { badge: BADGE }, time: TIME }, "badge", "a badge of a crm.activity.badge.add / get response, in the result of a REST response", ["result.badge"]],
    ["a bare badge record (the 2024 get example)", { badge: { ...BADGE, title: { ru: "Статус", en: "Status" } } }, "badge", "a badge of a crm.activity.badge.add / get response", ["badge"]],
    [
      "a badge list response",
      { result: { badges: [BADGE, { ...BADGE, code: "callBack", type: "primary" }] }, total: 2, time: TIME },
      "badge",
      "the badges of a crm.activity.badge.list response, in the result of a REST response",
      ["result.badges.0", "result.badges.1"],
    ],
    ["the layout param on its own", { layout: LAYOUT }, "layout", "the layout of crm.activity.configurable.add / update params", ["layout"]],
    ["crm.activity.configurable.add params", { ownerTypeId: 2, ownerId: 1, fields: { typeId: "CONFIGURABLE" }, layout: LAYOUT }, "activity", "crm.activity.configurable.add params", [""]],
    ["crm.activity.configurable.update params", { id: 42, layout: LAYOUT }, "activity", "crm.activity.configurable.update params", [""]],
    ["an update of the fields only", { id: 42, fields: { completed: true } }, "activity", "crm.activity.configurable.update params", [""]],
    [
      "a crm.activity.configurable.get response",
      { result: { activity: { id: 42, ownerTypeId: 2, ownerId: 1, fields: { completed: false }, layout: LAYOUT } } },
      "activity",
      "the activity of a crm.activity.configurable.get response, as an update, in the result of a REST response",
      ["result.activity"],
    ],
    ["crm.item.details.configuration.set params", { entityTypeId: 2, data: SECTIONS }, "card", "crm.item.details.configuration.set params", [""]],
    [
      "legacy crm.deal.details.configuration.set params",
      { scope: "P", extras: { dealCategoryId: 1 }, data: SECTIONS },
      "card",
      "crm.<entity>.details.configuration.set params (the legacy form, without entityTypeId)",
      [""],
    ],
    ["a card's sections", SECTIONS, "card", "the sections of a card (the data of crm.item.details.configuration.set)", [""]],
    ["a card get response", { result: SECTIONS, time: TIME }, "card", "the sections of a crm.item.details.configuration.get response, in the result of a REST response", ["result"]],
  ];

  it.each(cases)("%s", (_what, input, kind, description, paths) => {
    const r = roundTrip(j(input), { entity: "deal" });
    expect(r.result.kind).toBe(kind);
    expect(r.result.description).toBe(description);
    expect(r.result.declarations.map((d) => d.inputPath.join("."))).toEqual(paths);
    expect(r.text.split("\n")[0]).toBe(`// Imported from JSON: ${description}.`);
  });

  it("names the input file in the header comment", () => {
    expect(importJson(j(LAYOUT), { fileName: "some/dir/call.json" }).text!.split("\n")[0]).toBe(
      "// Imported from call.json: a LayoutDto (the layout of crm.activity.configurable.add / update).",
    );
  });

  it("offers the declaration keywords as kinds", () => {
    expect(IMPORT_KINDS).toEqual(["layout", "blocks", "badge", "activity", "card"]);
  });

  it("writes the ids of a blocks.set call in the declaration, so build gives back the whole params", () => {
    const input = { entityTypeId: 2, entityId: 4, timelineId: 8, layout: BLOCKS };
    const r = roundTrip(j(input), { fileName: "set.json" });
    expect(r.text).toBe(
      [
        "// Imported from set.json: crm.timeline.layout.blocks.set params.",
        "blocks set {",
        "  entityTypeId deal",
        "  entityId 4",
        "  timelineId 8",
        '  t: text "x"',
        "}",
        "",
      ].join("\n"),
    );
    expect(r.result.diagnostics).toEqual([]);
    expect(r.checkErrors).toEqual([]);
    expect(compile(r.text).outputs[0]!.value).toEqual(input);
  });

  it("keeps what the declaration cannot say about a blocks.set call as a comment", () => {
    const r = roundTrip(j({ entityTypeId: 2, entityId: 4, activityId: 8, auth: "x", layout: BLOCKS }), { fileName: "set.json" });
    expect(r.text.split("\n").slice(0, 6)).toEqual([
      "// Imported from set.json: crm.activity.layout.blocks.set params.",
      '// Not part of the declaration: auth "x". Pass them to crm.activity.layout.blocks.set with the layout.',
      "blocks set {",
      "  entityTypeId deal",
      "  entityId 4",
      "  activityId 8",
    ]);
    expect(r.result.diagnostics.map((d) => formatImportDiagnostic(d, "set.json"))).toEqual([
      "set.json:5:3: auth: not part of the blocks declaration: crm.activity.layout.blocks.set takes it next to the layout",
    ]);
  });

  it("reads a get response as an update: the owner is left out, in a comment", () => {
    const input = { result: { activity: { id: 42, ownerTypeId: 2, ownerId: 7, fields: { completed: false, originatorId: null }, layout: LAYOUT } } };
    const r = roundTrip(j(input), { fileName: "get.json" });
    expect(r.checkErrors).toEqual([]);
    expect(r.text.split("\n").slice(0, 5)).toEqual([
      "// Imported from get.json: the activity of a crm.activity.configurable.get response, as an update, in the result of a REST response.",
      "// The owner of the activity read (ownerTypeId 2, ownerId 7) is left out: crm.activity.configurable.update takes only the id.",
      "activity get {",
      "  id 42",
      "  completed false",
    ]);
    expect(r.result.diagnostics.map((d) => formatImportDiagnostic(d, "get.json"))).toEqual([
      "get.json:5:7: result.activity.ownerTypeId: crm.activity.configurable.update takes only the id, not the owner: ownerTypeId 2 is left out",
      "get.json:6:7: result.activity.ownerId: crm.activity.configurable.update takes only the id, not the owner: ownerId 7 is left out",
    ]);
  });

  it("makes one badge declaration per badge of a list, named by their codes", () => {
    const r = roundTrip(j({ badges: [BADGE, { ...BADGE, code: "call back" }, { ...BADGE, code: "missedCall" }] }), { fileName: "badges.json" });
    expect(r.result.declarations.map((d) => d.name)).toEqual(["missedCall", "badges", "badges2"]);
  });
});

describe("--kind", () => {
  it("reads an object the shapes do not recognise as the kind given, and the checker reports what is wrong", () => {
    const r = roundTrip(j({ title: "Only a title" }), { kind: "layout" });
    expect(r.result.kind).toBe("layout");
    expect(r.checkErrors).toEqual(["required-field", "required-field", "required-field", "unknown-property"]);
  });

  it("overrides the recognised shape", () => {
    const r = roundTrip(j({ blocks: BLOCKS.blocks, logo: { code: "x" } }), { kind: "blocks" });
    expect(r.result.kind).toBe("blocks");
    expect(r.text).toContain('logo json { code: "x" }');
  });

  it("still unwraps the kind's own wrappers", () => {
    expect(roundTrip(j({ result: { badge: BADGE } }), { kind: "badge" }).result.declarations[0]!.inputPath).toEqual(["result", "badge"]);
    expect(roundTrip(j(SECTIONS), { kind: "card", entity: "lead" }).result.declarations[0]!.outputPath).toEqual(["data"]);
  });

  it.each([
    ["layout", j(SECTIONS), 'cannot read a list of 1 object as layout: a LayoutDto { icon, header, body, footer }'],
    ["badge", '"missedCall"', 'cannot read the string "missedCall" as badge: crm.activity.badge.add params { code, title, value, type }, or the badge (or badges) of an add, get or list response'],
  ])("refuses a value of the wrong JSON type for --kind %s", (kind, text, message) => {
    const r = importJson(text, { kind });
    expect(r.diagnostics.map((d) => d.message)).toEqual([message]);
  });

  it("refuses an unknown kind", () => {
    expect(importJson("{}", { kind: "blox" }).diagnostics.map((d) => d.message)).toEqual(["unknown kind 'blox': expected layout, blocks, badge, activity, card"]);
  });
});

describe("refusals", () => {
  const EXPECTED =
    "Expected a layout (a LayoutDto), blocks (a RestAppLayoutDto, or the params of crm.timeline.layout.blocks.set or crm.activity.layout.blocks.set), " +
    "a badge (crm.activity.badge.add params or a badge response), an activity (crm.activity.configurable.add / update params or a get response) " +
    "or a card (crm.item.details.configuration.set params, legacy or not, or a card's sections); --kind layout|blocks|badge|activity|card reads the input as one of them.";

  it("says what the input is and lists what is expected", () => {
    const r = importJson('{\n  "foo": 1\n}', { fileName: "x.json" });
    expect(r.diagnostics.map((d) => formatImportDiagnostic(d, "x.json"))).toEqual([`x.json:1:1: not a shape b24layout imports: found an object with the key "foo". ${EXPECTED}`]);
  });

  const cases: [string, string, string][] = [
    ["null", "null", "not a shape b24layout imports: found null"],
    ["a number", "42", "not a shape b24layout imports: found the number 42"],
    ["an empty object", "{}", "not a shape b24layout imports: found an empty object"],
    ["an empty list", "[]", "an empty list: there are no card sections to import"],
    ["a list of numbers", "[1, 2]", 'a list of 2 numbers, not of card sections { name, title, type: "section", elements }'],
    ["a set or delete response", '{"result": true, "time": {}}', "a REST response whose result is true (the answer of a set, reset or delete): there is nothing to import"],
    ["a get response without a configuration", '{"result": null}', "a REST response whose result is null (a get that found no configuration): there is nothing to import"],
    ["crm.activity.configurable.get params", '{"id": 42}', "only an id: the params of crm.activity.configurable.get or .delete, with nothing to import"],
    ["crm.timeline.layout.blocks.get params", '{"entityTypeId": 2, "entityId": 4, "timelineId": 8}', "the ids of crm.timeline.layout.blocks.get / delete or crm.activity.layout.blocks.get / delete, without a layout: there is nothing to import"],
    ["an error response", '{"error": "ACCESS_DENIED", "error_description": "Access denied."}', 'an error response of the REST API ("Access denied."): there is nothing to import'],
    ["an add or update response", '{"result": {"activity": {"id": 999}}}', "an activity without fields or layout: the answer of crm.activity.configurable.add / update (the activity's id), with nothing to import"],
    [
      "an icon catalogue entry",
      '{"result": {"icon": {"code": "info", "isSystem": false, "fileUri": "/upload/x"}}}',
      'an object with the key "icon": an entry of the icon or logo catalogue (crm.timeline.icon.get / add, crm.timeline.logo.get / add), with nothing to import',
    ],
    ["a tag", '{"title": "t", "type": "warning"}', 'an object with the keys "title", "type": it looks like a tag (TagDto, found at layout.header.tags.<key>), only a part of what b24layout imports'],
    ["slider parameters", '{"width": 700}', 'an object with the key "width": it looks like the slider parameters (ActionSliderParamsDto, found at layout.header.titleAction.sliderParams), only a part of what b24layout imports'],
    ["a card section", '{"name": "main", "title": "Main", "elements": []}', 'an object with the keys "name", "title", "elements": it looks like a section (SectionDto, found at card.data[…]), only a part of what b24layout imports'],
  ];

  it.each(cases)("refuses %s", (_what, text, message) => {
    const r = importJson(text);
    expect(r.text).toBeUndefined();
    expect(r.diagnostics.map((d) => d.message.split(". Expected")[0])).toEqual([message]);
  });
});

describe("an activity of a get response", () => {
  it("leaves out its owner also when the activity is written in the raw form", () => {
    const r = roundTrip(JSON.stringify({ activity: { id: 5, ownerTypeId: 2, ownerId: 7, fields: { completed: true }, "my key": 1 } }), { name: "a" });
    expect(r.text).toContain('activity a json { id: 5, fields: { completed: true }, "my key": 1 }');
    expect(r.result.diagnostics.map((d) => d.ruleId)).toEqual(["left-out", "left-out"]);
  });
});
