import { describe, expect, it } from "vitest";
import { invalidRows, RuleTester, ruleById, validRows } from "../support/rule-tester.js";
import { check } from "../../src/index.js";
import { allFindings, findings, inLayoutBody, type Finding } from "../helpers.js";

const ruleTester = new RuleTester();
const ID = "value-type";
const error = (message: string, at: string, to: string): Finding => ({ ruleId: ID, severity: "error", message, at, to });
const warning = (message: string, at: string, to: string): Finding => ({ ruleId: ID, severity: "warning", message, at, to });

const activity = (fields: string) =>
  `activity a {\n  ownerTypeId deal; ownerId 1\n${fields}\n  layout {\n    icon info\n    header "T"\n    body { logo document; text "x" }\n  }\n}\n`;
const slider = (params: string) => inLayoutBody(`    link "Open" -> openRestApp sliderParams { ${params} }`);

describe("value-type", () => {
  ruleTester.run(ruleById(ID), {
    valid: validRows([
      ["booleans, flags and string booleans", inLayoutBody('    text "a" bold { multiline true; title "t" }\n    text "b" { bold "false" }')],
      ["integers", slider("width: 700")],
      ["texts as strings, language maps and translations", `translations { en { t "T" } }\n${inLayoutBody('    text @t\n    text { en: "a", de: "b" }')}`],
      ["a plain string field with a string", slider('title: "App"')],
      ["a list of integers", activity("  pingOffsets [0, 60]")],
      ["an enum word (enum-value checks the value)", inLayoutBody('    text "a" size lg')],
      [
        "a declaration reference for an object field",
        'layout l2 {\n  icon info\n  header "T"\n  body { logo document; text "x" }\n}\nactivity a {\n  ownerTypeId deal; ownerId 1\n  layout l2\n}\n',
      ],
      ["null", inLayoutBody('    text "a" { bold null }')],
      ["an unknown entity word (left to card-entity)", 'card c for dael {\n  main: section "Main" { NAME }\n}\n'],
      ["a strict boolean string on an activity", activity('  completed "Y"')],
      ["a card's data that is not a list (card-data reports it)", 'card c for deal {\n  data json { main: { name: "main", title: "Main" } }\n}\n'],
    ]),
    invalid: [],
  });

  ruleTester.run(ruleById(ID), {
    valid: [],
    invalid: invalidRows([
      [
        "a word in a bool field",
        inLayoutBody('    text "a" { bold yes }'),
        [error("'bold' expects a boolean (true or false), not the word 'yes'; the server does not reject it but silently casts it to false.", "6:21", "6:24")],
      ],
      [
        "a string in a bool field (spec §2.6: \"yes\" → false)",
        inLayoutBody('    text "a" { bold "yes" }'),
        [error("'bold' expects a boolean (true or false), not the string \"yes\"; the server does not reject it but silently casts it to false.", "6:21", "6:26")],
      ],
      [
        "a string the caster reads as true",
        inLayoutBody('    text "a" { bold "TRUE" }'),
        [error("'bold' expects a boolean (true or false), not the string \"TRUE\"; the server does not reject it but silently casts it to true.", "6:21", "6:27")],
      ],
      [
        "1 and 0 in a bool field",
        inLayoutBody('    text "a" { bold 1; multiline 0 }'),
        [
          warning("'bold' expects a boolean, not the number 1; the server reads it as true, but write true.", "6:21", "6:22"),
          warning("'multiline' expects a boolean, not the number 0; the server reads it as false, but write false.", "6:34", "6:35"),
        ],
        inLayoutBody('    text "a" { bold true; multiline false }'),
      ],
      [
        "another number in a bool field",
        inLayoutBody('    text "a" { bold 2 }'),
        [error("'bold' expects a boolean (true or false), not the number 2; the server does not reject it but silently casts it to true.", "6:21", "6:22")],
      ],
      [
        "a map in a bool field",
        inLayoutBody('    text "a" { bold { en: "x" } }'),
        [error("'bold' expects a boolean (true or false), not a map.", "6:21", "6:32")],
      ],
      [
        "a string outside the activity's exact set (spec §6)",
        activity('  completed "yes"'),
        [error("'completed' expects a boolean (true or false), not the string \"yes\"; the server answers \"The value of completed is incorrect.\"", "3:13", "3:18")],
      ],
      [
        "an upper-case TRUE on an activity, which the server rejects (spec §6)",
        activity('  isIncomingChannel "TRUE"'),
        [error("'isIncomingChannel' expects a boolean (true or false), not the string \"TRUE\"; the server answers \"The value of isIncomingChannel is incorrect.\"", "3:21", "3:27")],
      ],
      [
        "numbers on an activity bool",
        activity("  completed 2; isIncomingChannel 1"),
        [
          error("'completed' expects a boolean (true or false), not the number 2; the server answers \"The value of completed is incorrect.\"", "3:13", "3:14"),
          warning("'isIncomingChannel' expects a boolean, not the number 1; the server reads it as true, but write true.", "3:34", "3:35"),
        ],
        activity("  completed 2; isIncomingChannel true"),
        [error("'completed' expects a boolean (true or false), not the number 2; the server answers \"The value of completed is incorrect.\"", "3:13", "3:14")],
      ],
      [
        "a string with a unit in an int field (spec §2.6: \"700px\" → 700)",
        slider('width: "700px"'),
        [error("'width' expects an integer, not the string \"700px\"; the server does not reject it but silently casts it to 700.", "6:54", "6:61")],
      ],
      [
        "a string of digits in an int field",
        slider('width: "700"'),
        [warning("'width' expects an integer, not the string \"700\"; the server casts it to 700, but write the number.", "6:54", "6:59")],
        slider("width: 700"),
      ],
      [
        "a word in an int field",
        inLayoutBody('    link "Open" { action openRestApp { sliderParams { width wide } } }'),
        [error("'width' expects an integer, not the word 'wide'; the server does not reject it but silently casts it to 0.", "6:61", "6:65")],
      ],
      [
        "a fraction and a boolean in int fields",
        slider("width: 1.5, leftBoundary: true"),
        [
          error("'width' expects an integer, not the number 1.5; the server does not reject it but silently casts it to 1.", "6:54", "6:57"),
          error("'leftBoundary' expects an integer, not the boolean true; the server does not reject it but silently casts it to 1.", "6:73", "6:77"),
        ],
      ],
      [
        "a list in a text field",
        inLayoutBody('    text ["a", "b"]'),
        [error("'value' expects a text (a string or a language map), not a list.", "6:10", "6:20")],
      ],
      [
        "a number and a boolean in text fields (the server casts them)",
        inLayoutBody("    text 42 { title true }"),
        [
          warning("'value' expects a text (a string or a language map), not the number 42; the server casts it to the string \"42\".", "6:10", "6:12"),
          warning("'title' expects a text (a string or a language map), not the boolean true; the server casts it to the string \"1\".", "6:21", "6:25"),
        ],
      ],
      [
        "a non-string text in a language map",
        inLayoutBody('    text { en: "a", de: 5 }'),
        [error("The 'de' text of 'value' must be a string, not the number 5; the server answers \"The value of value[de] in TextDto is incorrect.\"", "6:25", "6:26")],
      ],
      [
        "a translation in sliderParams.title",
        `translations { en { t "T" } }\n${slider("title: @t")}`,
        [error("'title' is a plain string: translation maps are not supported here. Write the text itself.", "7:54", "7:56")],
      ],
      [
        "a language map in sliderParams.title",
        slider('title: { en: "App", de: "App" }'),
        [error("'title' is a plain string: translation maps are not supported here. Write the text itself.", "6:54", "6:78")],
      ],
      [
        "a translation as a redirect uri",
        `translations { en { u "/x" } }\n${inLayoutBody("    link \"Open\" -> redirect @u")}`,
        [error("'uri' is a plain string: translation maps are not supported here. Write the text itself.", "7:29", "7:31")],
      ],
      [
        "a translation and a language map as card section titles",
        'translations { en { t "T" } }\ncard c for contact {\n  a: section @t { NAME }\n  b: section { en: "x" } { PHONE }\n}\n',
        [
          error("'title' is a plain string: translation maps are not supported here. Write the text itself.", "3:14", "3:16"),
          error("'title' is a plain string: translation maps are not supported here. Write the text itself.", "4:14", "4:25"),
        ],
      ],
      [
        "a map that is not a language map in a string field",
        slider("title: { x: 1 }"),
        [error("'title' expects a string, not a map.", "6:54", "6:62")],
      ],
      [
        "a list in a string field",
        inLayoutBody('    link "Open" -> restEvent ["a"]'),
        [error("'id' expects a string, not a list.", "6:30", "6:35")],
      ],
      [
        "a number in a string field",
        inLayoutBody("    link \"Open\" -> restEvent 42"),
        [warning("'id' expects a string, not the number 42; the server casts it to the string \"42\".", "6:30", "6:32")],
      ],
      [
        "a scalar where a list is expected, and a wrong list item",
        activity('  pingOffsets 60\n  pingOffsets ["60", 1.5]'),
        [
          error("'pingOffsets' expects a list [ … ], not the number 60.", "3:15", "3:17"),
          warning("'pingOffsets[0]' expects an integer, not the string \"60\"; the server casts it to 60, but write the number.", "4:16", "4:20"),
          error("'pingOffsets[1]' expects an integer, not the number 1.5; the server does not reject it but silently casts it to 1.", "4:22", "4:25"),
        ],
        activity("  pingOffsets 60\n  pingOffsets [60, 1.5]"),
        [
          error("'pingOffsets' expects a list [ … ], not the number 60.", "3:15", "3:17"),
          error("'pingOffsets[1]' expects an integer, not the number 1.5; the server does not reject it but silently casts it to 1.", "4:20", "4:23"),
        ],
      ],
      [
        "a scalar where actionParams are expected",
        inLayoutBody('    link "Open" -> openRestApp "x"'),
        [error("'actionParams' expects a map of scalar values { key: value }, not the string \"x\".", "6:32", "6:35")],
      ],
      [
        "a map where an enum value is expected",
        inLayoutBody("    text \"a\" { size { a: 1 } }"),
        [error("'size' expects one value (xs, sm, md), not a map.", "6:21", "6:29")],
      ],
      [
        "a scalar where an object is expected",
        inLayoutBody('    link "Open" -> openRestApp sliderParams 5'),
        [error("'sliderParams' expects slider parameters { … }, not the number 5.", "6:45", "6:46")],
      ],
      // Shapes only the raw `json` form can write.
      ["a scalar where the blocks go", "blocks b {\n  blocks json 5\n}\n", [error("'blocks' expects a map of content blocks { key: { … } }, not the number 5.", "2:15", "2:16")]],
      [
        "members that are not objects",
        'blocks b {\n  text "a"\n  json "x"\n  c: json [1]\n}\n',
        [
          error("Member 'block_2' of 'blocks' must be a content block object { … }, not the string \"x\"; the server answers \"The value of blocks[block_2] in RestAppLayoutBlocksDto is incorrect.\"", "3:8", "3:11"),
          error("Member 'c' of 'blocks' must be a content block object { … }, not a list; the server answers \"The value of blocks[c] in RestAppLayoutBlocksDto is incorrect.\"", "4:11", "4:14"),
        ],
      ],
      [
        "a member that is not an object in a list of tags",
        'layout l {\n  icon info\n  header "T" {\n    tags json [{ title: "a", type: "warning" }, true]\n  }\n  body { logo document; text "x" }\n}\n',
        [
          warning("'tags' is a list where the docs describe an object keyed by name; the server reads the positions 0, 1, … as its keys. Write { key: { … } }.", "4:15", "4:54"),
          error("Member '1' of 'tags' must be a tag object { … }, not the boolean true; the server answers \"The value of tags[1] in HeaderDto is incorrect.\"", "4:49", "4:53"),
        ],
      ],
      [
        "a list where the blocks map goes (a warning: the server reads keys 0, 1, …)",
        'blocks b {\n  blocks json [{ type: "deadline" }]\n}\n',
        [warning("'blocks' is a list where the docs describe an object keyed by name; the server reads the positions 0, 1, … as its keys. Write { key: { … } }.", "2:15", "2:37")],
      ],
      ["a withTitle's block that is not a block", 'blocks b {\n  withTitle "T" {\n    block json "x"\n  }\n}\n', [error("'block' expects a content block, not the string \"x\".", "3:16", "3:19")]],
    ]),
  });

  it.each([
    [inLayoutBody('    text "a" { bold 1 }'), "true"],
    [slider('width: "700"'), "700"],
    ['card c for deal {\n  main: section "Main" {\n    TITLE optionFlags "1"\n  }\n}\n', "1"],
  ])("fixes %#", (code, newText) => {
    const d = check(code).diagnostics.find((x) => x.ruleId === ID);
    expect(d?.fix?.edits.map((e) => e.newText)).toEqual([newText]);
  });

  it("warns about an integer enum written as the string of its number, as get returns it (spec §14.2)", () => {
    const card = (flags: string) => `card c for deal {\n  main: section "Main" {\n    TITLE optionFlags ${flags}\n    json { name: "NAME", optionFlags: ${flags} }\n  }\n}\n`;
    expect(findings(card('"0"'), ID)).toEqual<Finding[]>([
      warning("'optionFlags' expects an integer, not the string \"0\"; the server casts it to 0, but write the number.", "3:23", "3:26"),
      warning("'optionFlags' expects an integer, not the string \"0\"; the server casts it to 0, but write the number.", "4:39", "4:42"),
    ]);
    expect(findings(card("1"), ID)).toEqual([]);
    // A string that is no value of the enum is enum-value's.
    expect(findings(card('"2"'), ID)).toEqual([]);
    expect(findings(card('"2"'), "enum-value").map((f) => f.at)).toEqual(["3:23", "4:39"]);
  });

  it("takes a value written after a boolean flag on the head line as the flag's value", () => {
    expect(findings(inLayoutBody('    text "a" bold "yes"'), ID)).toEqual<Finding[]>([
      error("'bold' expects a boolean (true or false), not the string \"yes\"; the server does not reject it but silently casts it to false.", "6:19", "6:24"),
    ]);
    expect(findings(inLayoutBody('    text "a" multiline 2'), ID).map((f) => f.at)).toEqual(["6:24"]);
    // Where a slot takes the value, the flag stays a flag.
    expect(allFindings(inLayoutBody('    withTitle inline "Client" { text "a" }'))).toEqual([]);
  });

  it("has no fix where the intended value is unclear", () => {
    const d = check(inLayoutBody('    text "a" { bold "yes" }')).diagnostics.find((x) => x.ruleId === ID);
    expect(d?.fix).toBeUndefined();
  });

});
