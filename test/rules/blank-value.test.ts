import { describe, expect, it } from "vitest";
import { invalidRows, RuleTester, ruleById, validRows } from "../support/rule-tester.js";
import { allFindings, findings, type Finding } from "../helpers.js";

const ruleTester = new RuleTester();
const ID = "blank-value";
const section = (label: string, title: string) => `  ${label}: section ${title} {\n    NAME\n  }\n`;
const card = (...sections: string[]) => `card c for contact {\n${sections.join("")}}\n`;
const activity = (typeId: string) =>
  `activity a {\n  ownerTypeId deal; ownerId 1\n  typeId ${typeId}\n  layout {\n    icon info\n    header "T"\n    body {\n      logo document\n      text "x"\n    }\n  }\n}\n`;
const badge = (title: string, value: string) => `badge b failure {\n  title ${title}\n  value ${value}\n}\n`;

describe(ID, () => {
  ruleTester.run(ruleById(ID), {
    valid: [],
    invalid: invalidRows([
      [
        "a blank section title",
        card(section("main", '" "')),
        [{ ruleId: ID, severity: "error", message: "Section 'main' has a blank title; the server answers \"Section at index 0 does not have title.\"", at: "2:17", to: "2:20" }],
      ],
      [
        "an empty title of the second section",
        card(section("main", '"Main"'), section("more", '""')),
        [{ ruleId: ID, severity: "error", message: "Section 'more' has a blank title; the server answers \"Section at index 1 does not have title.\"", at: "5:17", to: "5:19" }],
      ],
      [
        "a blank section name",
        card(section('"  "', '"Main"')),
        [{ ruleId: ID, severity: "error", message: "This section's name is blank; the server answers \"Section at index 0 does not have name.\"", at: "2:3", to: "2:7" }],
      ],
      [
        "a blank name and title",
        card(section('""', '" "')),
        [
          { ruleId: ID, severity: "error", message: "This section's name is blank; the server answers \"Section at index 0 does not have name.\"", at: "2:3", to: "2:5" },
          { ruleId: ID, severity: "error", message: "This section's title is blank; the server answers \"Section at index 0 does not have title.\"", at: "2:15", to: "2:18" },
        ],
      ],
      [
        "an empty element name",
        card('  main: section "Main" {\n    NAME\n    field "" always\n  }\n'),
        [{ ruleId: ID, severity: "error", message: "This card field's name is blank; the server answers \"Element at index 1 in section at index 0 does not have name.\"", at: "4:11", to: "4:13" }],
      ],
      [
        "a blank element name in the second section",
        card(section("main", '"Main"'), '  more: section "More" {\n    field "  "\n  }\n'),
        [{ ruleId: ID, severity: "error", message: "This card field's name is blank; the server answers \"Element at index 0 in section at index 1 does not have name.\"", at: "6:11", to: "6:15" }],
      ],
      [
        "an empty activity typeId",
        activity('""'),
        [{ ruleId: ID, severity: "error", message: "The activity's 'typeId' is empty; the server rejects it with WRONG_FIELD_VALUE (\"The value of typeId is incorrect.\").", at: "3:10", to: "3:12" }],
      ],
      [
        "an empty badge value",
        badge('"Call status"', '""'),
        [{ ruleId: ID, severity: "error", message: "The badge's 'value' is empty; crm.activity.badge.add rejects it as a missing required argument.", at: "3:9", to: "3:11" }],
      ],
      [
        "a badge title of spaces",
        badge('"  "', '"Missed"'),
        [{ ruleId: ID, severity: "warning", message: "The badge's 'title' is only spaces; the server accepts it, but the badge shows no text.", at: "2:9", to: "2:13" }],
      ],
    ]),
  });

  ruleTester.run(ruleById(ID), {
    valid: validRows([
      ["named and titled sections", card(section("main", '"Main"'), section("more", '"More"'))],
      ["a title of a no-break space, which PHP's trim keeps", card(section("main", '"\\u00a0"'))],
      ["badge texts", badge('"Call status"', '"Missed"')],
      ["a typeId", activity('"MY_TYPE"')],
      ["a typeId of spaces (the server rejects only an empty one)", activity('" "')],
      ["an element name of a no-break space", card('  main: section "Main" {\n    field "\\u00a0"\n  }\n')],
      ["badge texts as language maps (empty-translation-map checks those)", badge('{ en: "Status" }', '{ en: "" }')],
    ]),
    invalid: [],
  });

  it("is the only finding for a blank element name: no unknown-field-name beside it", () => {
    expect(allFindings(card('  main: section "Main" {\n    field " " always\n  }\n'))).toEqual([
      { ruleId: ID, severity: "error", message: "This card field's name is blank; the server answers \"Element at index 0 in section at index 0 does not have name.\"", at: "3:11", to: "3:14" },
    ]);
  });
});

describe(`${ID}: empty badge codes and deadlines`, () => {
  it("reports an empty badge code as the method's missing argument, and leaves a code of spaces alone", () => {
    expect(findings('badge b failure {\n  code ""\n  title "T"\n  value "V"\n}\n', ID)).toEqual<Finding[]>([
      { ruleId: ID, severity: "error", message: "The badge's 'code' is empty; crm.activity.badge.add rejects it as a missing required argument.", at: "2:8", to: "2:10" },
    ]);
    expect(findings('badge b failure {\n  code " "\n  title "T"\n  value "V"\n}\n', ID)).toEqual([]);
  });

  it("warns about an empty deadline, which the server ignores (spec §6)", () => {
    expect(findings('activity a {\n  id 7\n  deadline ""\n}\n', ID)).toEqual<Finding[]>([
      { ruleId: ID, severity: "warning", message: "'deadline' is empty: the server ignores an empty deadline, as a deadline cannot be cleared. Leave it out.", at: "3:12", to: "3:14" },
    ]);
    expect(allFindings('activity a {\n  id 7\n  deadline "2025-03-03T10:00:00+01:00"\n}\n')).toEqual([]);
  });
});
