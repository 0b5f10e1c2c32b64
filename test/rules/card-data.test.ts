import { describe, expect, it } from "vitest";
import { invalidRows, RuleTester, ruleById, validRows } from "../support/rule-tester.js";
import { findings, type Finding } from "../helpers.js";

const ruleTester = new RuleTester();
const ID = "card-data";
const error = (message: string, at: string, to: string): Finding => ({ ruleId: ID, severity: "error", message, at, to });
const card = (body: string) => `card c for deal {\n${body}\n}\n`;

describe(ID, () => {
  ruleTester.run(ruleById(ID), {
    valid: validRows([
      ["sections written as statements", card('  main: section "Main" {\n    TITLE\n  }')],
      ["a raw section of type section", card('  json { name: "main", title: "Main", type: "section" }')],
      ["a raw section without a type (the server reads section)", card('  json { name: "main", title: "Main" }')],
      ["a blank or null type (the server reads section)", card('  json { name: "a", title: "A", type: " " }\n  json { name: "b", title: "B", type: null }')],
      ["data keyed 0, 1, … (PHP reads it as the list)", card('  data json { "0": { name: "a", title: "A" }, "1": { name: "b", title: "B" } }')],
    ]),
    invalid: [],
  });

  ruleTester.run(ruleById(ID), {
    valid: [],
    invalid: invalidRows([
      [
        "data that is not an array",
        card('  data json "main"'),
        [error("'data' is the string \"main\", not a list of sections; the server answers \"Parameter 'data' must be array.\"", "2:13", "2:19")],
      ],
      ["data that is null", card("  data json null"), [error("'data' is null, not a list of sections; the server answers \"Parameter 'data' must be array.\"", "2:13", "2:17")]],
      [
        "data keyed by name",
        card('  data json { main: { name: "main", title: "Main" } }'),
        [error("'data' is a map whose keys are not 0, 1, 2, …; the server answers \"The data must be indexed array.\"", "2:13", "2:54")],
      ],
      ["data keyed 1, 2", card('  data json { "1": { name: "a", title: "A" } }'), [error("'data' is a map whose keys are not 0, 1, 2, …; the server answers \"The data must be indexed array.\"", "2:13", "2:47")]],
      ["an empty map", card("  data json {}"), [error("'data' is an empty map, which the server reads as no sections; it answers \"There are no data to write.\"", "2:13", "2:15")]],
      [
        "a section of another type",
        card('  main: section "Main" { TITLE }\n  json { name: "x", title: "X", type: "column" }'),
        [error("This section's type is the string \"column\", not 'section'; the server answers \"Section at index 1 have type 'column'. The expected type is 'section'.\"", "3:39", "3:47")],
      ],
      [
        "a section type that is a number or a boolean",
        card('  json { name: "a", title: "A", type: 5 }\n  json { name: "b", title: "B", type: true }'),
        [
          error("This section's type is the number 5, not 'section'; the server answers \"Section at index 0 have type '5'. The expected type is 'section'.\"", "2:39", "2:40"),
          error("This section's type is the boolean true, not 'section'; the server answers \"Section at index 1 have type '1'. The expected type is 'section'.\"", "3:39", "3:43"),
        ],
      ],
      [
        "a section type in a raw data list",
        card('  data json [{ name: "a", title: "A", type: "Section" }]'),
        [error("This section's type is the string \"Section\", not 'section'; the server answers \"Section at index 0 have type 'Section'. The expected type is 'section'.\"", "2:45", "2:54")],
      ],
    ]),
  });

  it("leaves a missing data to required-field and an empty list to collection-limit, each once", () => {
    expect(findings(card("  scope personal"), "required-field").map((f) => f.message)).toEqual(["Card 'c' is missing required 'data'."]);
    expect(findings(card("  scope personal"), "collection-limit")).toEqual([]);
    expect(findings(card("  data json []"), "collection-limit").map((f) => f.message)).toEqual(['The card\'s \'data\' needs at least 1 item; found 0. The server answers "There are no data to write."']);
    expect(findings(card('  data json "x"'), "collection-limit")).toEqual([]);
    expect(findings(card('  data json "x"'), "value-type")).toEqual([]);
  });
});
