import { describe } from "vitest";
import { invalidRows, RuleTester, ruleById, validRows } from "../support/rule-tester.js";
import { inLayoutBody, type Finding } from "../helpers.js";

const ruleTester = new RuleTester();
const ID = "value-range";
const error = (message: string, at: string, to: string): Finding => ({ ruleId: ID, severity: "error", message, at, to });

const activity = (fields: string) =>
  `activity a {\n  ${fields}\n  layout {\n    icon info\n    header "T"\n    body { logo document; text "x" }\n  }\n}\n`;
const slider = (params: string) => inLayoutBody(`    link "a" -> openRestApp sliderParams { ${params} }`);
const card = (extras: string, element: string) => `card c for deal {\n  ${extras}\n  main: section "Main" {\n    ${element}\n  }\n}\n`;

describe("value-range", () => {
  ruleTester.run(ruleById(ID), {
    valid: validRows([
      ["the smallest ids", activity("ownerTypeId deal; ownerId 1; responsibleId 1")],
      ["an update id", activity("id 1")],
      ["ping offsets of 0 and more", activity("ownerTypeId deal; ownerId 1; pingOffsets [0, 15, 1440]")],
      ["an empty ping offset list", activity("ownerTypeId deal; ownerId 1; pingOffsets []")],
      ["a width of 1 and a left boundary of 0", slider("width: 1") + slider("leftBoundary: 0")],
      ["the default pipeline 0", card("dealCategoryId 0; userId 1", "ADDRESS { defaultAddressType 1 }")],
      ["entity type ids (card-entity and activity-target check them)", activity("ownerTypeId 0; ownerId 1")],
      ["a value of the wrong type (value-type's)", slider('width: "0"')],
    ]),
    invalid: [],
  });

  ruleTester.run(ruleById(ID), {
    valid: [],
    invalid: invalidRows([
      [
        "ids of 0 (spec §6)",
        activity("ownerTypeId deal; ownerId 0; responsibleId 0"),
        [error("'ownerId' must be at least 1; found 0.", "2:29", "2:30"), error("'responsibleId' must be at least 1; found 0.", "2:46", "2:47")],
      ],
      ["a negative update id", activity("id -3"), [error("'id' must be at least 1; found -3.", "2:6", "2:8")]],
      [
        "a negative ping offset (spec §6)",
        activity("ownerTypeId deal; ownerId 1; pingOffsets [60, -5, -1]"),
        [error("'pingOffsets[1]' must be at least 0; found -5.", "2:49", "2:51"), error("'pingOffsets[2]' must be at least 0; found -1.", "2:53", "2:55")],
      ],
      ["a width of 0", slider("width: 0"), [error("'width' must be at least 1; found 0.", "6:51", "6:52")]],
      ["a negative left boundary", slider("leftBoundary: -10"), [error("'leftBoundary' must be at least 0; found -10.", "6:58", "6:61")]],
      [
        "card ids below their minimum",
        card("dealCategoryId -1; userId 0", "ADDRESS { defaultAddressType 0 }"),
        [
          error("'dealCategoryId' must be at least 0; found -1.", "2:18", "2:20"),
          error("'userId' must be at least 1; found 0.", "2:29", "2:30"),
          error("'defaultAddressType' must be at least 1; found 0.", "4:34", "4:35"),
        ],
      ],
    ]),
  });

});
