import { describe, expect, it } from "vitest";
import { invalidRows, RuleTester, ruleById, validRows } from "../support/rule-tester.js";
import { check } from "../../src/index.js";
import { inLayoutBody, type Finding } from "../helpers.js";

const ruleTester = new RuleTester();
const ID = "string-boolean";
const warning = (message: string, at: string, to: string): Finding => ({ ruleId: ID, severity: "warning", message, at, to });
const CAST = 'The server casts strings (only "true" and "Y", in any case, become true; any other string is false)';

const menu = (statements: string) =>
  `layout l {\n  icon info\n  header "T"\n  body { logo document; text "x" }\n  footer {\n    menu {\n      ${statements}\n    }\n  }\n}\n`;
const activity = (fields: string) =>
  `activity a {\n  ownerTypeId deal; ownerId 1\n  ${fields}\n  layout {\n    icon info\n    header "T"\n    body { logo document; text "x" }\n  }\n}\n`;

describe("string-boolean", () => {
  ruleTester.run(ruleById(ID), {
    valid: validRows([
      ["real booleans", menu("showPostponeItem false; showPinItem true")],
      ["a flag", inLayoutBody('    text "a" bold')],
      ["a string that is no boolean (value-type's)", inLayoutBody('    text "a" { bold "yes" }')],
      ["a string in a text field", inLayoutBody('    text "false"')],
      ["real booleans on an activity", activity("completed false; isIncomingChannel true")],
    ]),
    invalid: [],
  });

  ruleTester.run(ruleById(ID), {
    valid: [],
    invalid: invalidRows([
      [
        'showPostponeItem "false", as in the docs (spec §14.1)',
        menu('showPostponeItem "false"'),
        [warning(`'showPostponeItem' expects a boolean, not the string "false". ${CAST}, so this one means false; write false.`, "7:24", "7:31")],
        menu("showPostponeItem false"),
      ],
      [
        '"true" and "Y"',
        menu('showPinItem "true"; showDeleteItem "Y"'),
        [
          warning(`'showPinItem' expects a boolean, not the string "true". ${CAST}, so this one means true; write true.`, "7:19", "7:25"),
          warning(`'showDeleteItem' expects a boolean, not the string "Y". ${CAST}, so this one means true; write true.`, "7:42", "7:45"),
        ],
        menu("showPinItem true; showDeleteItem true"),
      ],
      [
        '"1", which the server casts to false',
        inLayoutBody('    text "a" { bold "1"; multiline "0" }'),
        [
          warning(`'bold' expects a boolean, not the string "1". ${CAST}, so this one becomes false, not true; write true.`, "6:21", "6:24"),
          warning(`'multiline' expects a boolean, not the string "0". ${CAST}, so this one means false; write false.`, "6:36", "6:39"),
        ],
        inLayoutBody('    text "a" { bold "1"; multiline false }'),
        // "1" has only a suggestion: the server reads it as false, so true is a guess.
        [warning(`'bold' expects a boolean, not the string "1". ${CAST}, so this one becomes false, not true; write true.`, "6:21", "6:24")],
      ],
      [
        "the words Y and n",
        inLayoutBody('    withTitle "a" { inline Y; text "b" { bold n } }'),
        [
          warning(`'inline' expects a boolean, not the string 'Y'. ${CAST}, so this one means true; write true.`, "6:28", "6:29"),
          warning(`'bold' expects a boolean, not the string 'n'. ${CAST}, so this one means false; write false.`, "6:47", "6:48"),
        ],
        inLayoutBody('    withTitle "a" { inline true; text "b" { bold false } }'),
      ],
      [
        "card options written as strings, as in the docs (spec §11.3)",
        'card c for deal {\n  main: section "Main" {\n    OPPORTUNITY_WITH_CURRENCY { isPayButtonVisible "false" }\n  }\n}\n',
        [warning(`'isPayButtonVisible' expects a boolean, not the string "false". ${CAST}, so this one means false; write false.`, "3:52", "3:59")],
        'card c for deal {\n  main: section "Main" {\n    OPPORTUNITY_WITH_CURRENCY { isPayButtonVisible false }\n  }\n}\n',
      ],
      [
        "activity strings the server accepts exactly (spec §6)",
        activity('completed "Y"; isIncomingChannel "0"'),
        [
          warning("'completed' expects a boolean, not the string \"Y\". The server accepts it here and reads it as true; write true.", "3:13", "3:16"),
          warning("'isIncomingChannel' expects a boolean, not the string \"0\". The server accepts it here and reads it as false; write false.", "3:36", "3:39"),
        ],
        activity("completed true; isIncomingChannel false"),
      ],
    ]),
  });

  it.each([
    [menu('showPostponeItem "false"'), "false"],
    [activity('completed "Y"'), "true"],
  ])("fixes %# with the boolean the server reads it as", (code, newText) => {
    const d = check(code).diagnostics.find((x) => x.ruleId === ID);
    expect(d?.fix?.edits.map((e) => e.newText)).toEqual([newText]);
    expect(d?.fix?.edits[0]?.range).toEqual(d?.range);
    expect(d?.suggestions).toBeUndefined();
  });

  it("only suggests the boolean a string spells where the server reads it otherwise ('1' is false to it)", () => {
    const d = check(inLayoutBody('    text "a" { bold "1" }')).diagnostics.find((x) => x.ruleId === ID);
    expect(d?.fix).toBeUndefined();
    expect(d?.suggestions?.map((s) => s.edits.map((e) => [e.newText, e.range]))).toEqual([[["true", d?.range]]]);
  });

});
