import { describe, expect, it } from "vitest";
import { invalidRows, RuleTester, ruleById, validRows } from "../support/rule-tester.js";
import { allFindings, inLayoutBody, type Finding } from "../helpers.js";

const ruleTester = new RuleTester();
const ID = "unknown-property";
const error = (message: string, at: string, to: string): Finding => ({ ruleId: ID, severity: "error", message, at, to });
const warning = (message: string, at: string, to: string): Finding => ({ ruleId: ID, severity: "warning", message, at, to });

describe(ID, () => {
  ruleTester.run(ruleById(ID), {
    valid: validRows([
      ["a field the block has, on the head line", inLayoutBody('    text "a" bold true')],
      ["a field the block has, in its body", inLayoutBody('    text "a" { bold true; multiline false }')],
      ["known keys of a structure in the raw form", inLayoutBody('    json { type: "text", properties: { value: "x" } }')],
      ["known keys of activity fields", 'activity a {\n  id 1\n  fields json { completed: true }\n}\n'],
    ]),
    invalid: invalidRows([
      [
        "a field the block does not have, with its value, on the head line: one finding",
        inLayoutBody('    text "a" italic true'),
        [error("Unknown field 'italic' in a text block: it has no such field.", "6:14", "6:20")],
      ],
      ["a field of other blocks that a largeText does not have", inLayoutBody('    largeText "a" bold true'), [error("Unknown field 'bold' in a largeText block: it has no such field.", "6:19", "6:23")]],
      [
        "an unknown key of a structure of the DTO framework, in the raw form: the server's text",
        inLayoutBody('    json { type: "deadline", title: "x" }'),
        [error("Unknown property 'title' in the content block; the server answers \"Field title is not required for ContentBlockDto.\"", "6:30", "6:35")],
      ],
      [
        "an unknown key of activity fields, which the server ignores (spec §6)",
        'activity a {\n  id 1\n  fields json { completed: true, colour: "red" }\n}\n',
        [warning("Unknown property 'colour' in the activity fields: the server ignores keys of `fields` it does not know (no FIELD_IS_REDUNDANT at this level), so it has no effect.", "3:34", "3:40")],
      ],
      [
        "an unknown key of a card field, which the server drops (spec §11.5)",
        'card c for deal {\n  main: section "Main" {\n    json { name: "TITLE", width: 2 }\n  }\n}\n',
        [warning("Unknown property 'width' in the card field: the server keeps only `name`, `optionFlags` and `options` of a card field and drops the rest.", "3:27", "3:32")],
      ],
      [
        "an unknown key of a badge: no claim about the server",
        'badge b json { code: "b", title: "T", value: "V", type: "failure", color: "red" }\n',
        [error("Unknown property 'color' in the badge: it has no such field.", "1:68", "1:73")],
      ],
    ]),
  });

  it("leaves a misspelt keyword that takes a value to its did-you-mean, and values a slot takes alone", () => {
    expect(allFindings(inLayoutBody('    text "a" sise sm')).map((f) => [f.ruleId, f.at])).toEqual([["invalid-argument", "6:14"]]);
    expect(allFindings(inLayoutBody("    text bold \"a\""))).toEqual([]);
  });
});
