/**
 * Invalid examples still import, faithfully, and the checker then reports what is wrong with
 * them: the importer decompiles, it does not judge.
 */
import { describe, expect, it } from "vitest";
import { check } from "../../src/index.js";
import { importJson } from "../../src/import/index.js";
import { roundTrip } from "./helpers.js";

const j = (v: unknown) => JSON.stringify(v, null, 2);
const LAYOUT = { icon: { code: "info" }, header: { title: "T" }, body: { logo: { code: "document" }, blocks: { t: { type: "text", properties: { value: "x" } } } } };

describe("invalid examples", () => {
  const cases: [string, unknown, string[]][] = [
    // what, input, the checker's errors on the imported text
    ["a body without its logo (the docs' Python add example)", { ...LAYOUT, body: { blocks: LAYOUT.body.blocks } }, ["required-field"]],
    ["an incoming activity with a deadline (the docs' update example)", { id: 1, fields: { isIncomingChannel: true, deadline: "2025-02-01T12:00:00+03:00" } }, ["incoming-with-deadline"]],
    ["an add with both an id and an owner", { id: 1, ownerTypeId: 2, ownerId: 3, layout: LAYOUT }, ["activity-target"]],
    ["an add without a layout", { ownerTypeId: 2, ownerId: 3, fields: { completed: false } }, ["activity-target"]],
    ["three tags", { ...LAYOUT, header: { title: "T", tags: { a: { title: "a", type: "warning" }, b: { title: "b", type: "warning" }, c: { title: "c", type: "warning" } } } }, ["collection-limit"]],
    ["a tag type the server refuses", { ...LAYOUT, header: { title: "T", tags: { a: { title: "a", type: "lavender" } } } }, ["enum-value"]],
    ["a withTitle inside a withTitle", { ...LAYOUT, body: { logo: { code: "document" }, blocks: { w: { type: "withTitle", properties: { title: "a", block: { type: "withTitle", properties: { title: "b", block: { type: "deadline" } } } } } } } }, ["block-nesting"]],
    ["a key with a space", { ...LAYOUT, body: { logo: { code: "document" }, blocks: { "my block": { type: "deadline" } } } }, ["key-pattern"]],
    ["an unknown field in a block", { ...LAYOUT, body: { logo: { code: "document" }, blocks: { t: { type: "text", properties: { value: "x", italic: true } } } } }, ["unknown-property"]],
    ["an unknown field in the layout", { ...LAYOUT, sidebar: { width: 3 } }, ["unknown-property"]],
    ["an unknown field in slider parameters", { ...LAYOUT, header: { title: "T", titleAction: { type: "openRestApp", sliderParams: { height: 5 } } } }, ["unknown-property"]],
    ["an unknown content block type", { ...LAYOUT, body: { logo: { code: "document" }, blocks: { i: { type: "image", properties: { src: "x" } } } } }, ["enum-value"]],
    ["a restEvent without its id", { ...LAYOUT, header: { title: "T", titleAction: { type: "restEvent" } } }, ["required-field"]],
    ["a card for an entity without card configuration", { entityTypeId: 5, data: [{ name: "a", title: "A", elements: [{ name: "X" }] }] }, ["card-entity"]],
    ["a card with the extras of another entity", { entityTypeId: 3, extras: { dealCategoryId: 1 }, data: [{ name: "a", title: "A", elements: [{ name: "X" }] }] }, ["card-extras"]],
    ["a blank section title", { entityTypeId: 2, data: [{ name: "a", title: " ", elements: [{ name: "TITLE" }] }] }, ["blank-value"]],
    ["a badge without a value", { code: "b", title: "T", type: "failure" }, ["required-field"]],
  ];

  it.each(cases)("%s", (_what, input, errors) => {
    const r = roundTrip(j(input));
    expect(r.checkErrors).toEqual(errors);
  });

  it("imports a layout action type named like an Object.prototype member without crashing the compiler", () => {
    const r = importJson(j({ ...LAYOUT, header: { title: "T", titleAction: { type: "toString" } } }));
    expect(r.text).toContain('header "T" {\n    titleAction {\n      type "toString"\n    }\n  }');
    expect(() => check(r.text!)).not.toThrow();
  });
});
