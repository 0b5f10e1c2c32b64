import { describe, expect, it } from "vitest";
import { check, importJson } from "../../src/index.js";
import { allFindings, findings, inLayoutBody, type Finding } from "../helpers.js";
import { invalidRows, RuleTester, ruleById, validRows } from "../support/rule-tester.js";

const ruleTester = new RuleTester();

const ID = "look-alike";
const PLACEMENT = "the built-in interface of a CRM_…_DETAIL_ACTIVITY placement (useBuiltInInterface = Y)";
const SEND = "That is a different structure, which b24layout does not compile; send it with BX24.placement.call('setLayout', …) in the placement's handler.";
/** `related`: where each piece of the evidence is (Diagnostic.related), as `what line:column`. */
const lookAlike = (name: string, what: string, evidence: string, at: string, to: string, related: string[]): Finding => ({
  ruleId: ID,
  severity: "error",
  message: `'${name}' is not ${what} of a timeline record but the layout of ${PLACEMENT}: it has ${evidence}. ${SEND}`,
  at,
  to,
  related,
});

/** The placement interface as an author writes it in .b24layout. */
const FORM =
  'layout contactForm {\n  name: input {\n    title "Name"\n    placeholder "Enter the name"\n  }\n  city: select {\n    title "City"\n    values { msk: "Moscow", spb: "St Petersburg" }\n  }\n' +
  '  link "Help" -> click "/crm/deal/details/1/"\n  primaryButton { title: "Save" }\n  secondaryButton { title: "Cancel" }\n}\n';

/** The third example of the placement's docs (api-reference/widgets/crm/detail-activity-area.md), with a layoutEvent link. */
const FORM_JSON = JSON.stringify({
  blocks: {
    name: { type: "input", properties: { value: "Ivan", placeholder: "Enter the name", title: "Name" } },
    help: { type: "link", properties: { text: "Help", action: { type: "layoutEvent", value: "helpClicked" } } },
  },
  primaryButton: { title: "Save" },
  secondaryButton: { title: "Cancel" },
});

describe(ID, () => {
  // The rule's own findings; the tests below assert that nothing else is reported either.
  ruleTester.run(ruleById(ID), {
    valid: validRows([
      ["a timeline layout with one such block (the usual rules report it)", inLayoutBody('    name: input { title "Name" }\n    text "x"')],
      ["a card's sections", 'card c for contact {\n  main: section "Main" {\n    NAME\n  }\n}\n'],
    ]),
    invalid: invalidRows([
      [
        "a placement interface written as a layout, at its name",
        FORM,
        [lookAlike("contactForm", "a layout", "an 'input' block, a 'select' block and the action 'click'", "1:8", "1:19", ["an 'input' block 2:9", "a 'select' block 6:9", "the action 'click' 10:18"])],
      ],
      ["additional content blocks with one part of it", 'blocks extra {\n  text "Hello"\n  primaryButton { title: "Save" }\n}\n', [lookAlike("extra", "the additional content blocks", "'primaryButton'", "1:8", "1:13", ["'primaryButton' 3:3"])]],
    ]),
  });

  it("reports a placement interface written as a layout once, at its name, and nothing else", () => {
    expect(allFindings(FORM)).toEqual([
      lookAlike("contactForm", "a layout", "an 'input' block, a 'select' block and the action 'click'", "1:8", "1:19", [
        "an 'input' block 2:9",
        "a 'select' block 6:9",
        "the action 'click' 10:18",
      ]),
    ]);
  });

  it("names what gives it away when there is one part only", () => {
    expect(allFindings('blocks extra {\n  text "Hello"\n  primaryButton { title: "Save" }\n}\n')).toEqual([
      lookAlike("extra", "the additional content blocks", "'primaryButton'", "1:8", "1:13", ["'primaryButton' 3:3"]),
    ]);
  });

  it("reports the placement's JSON, imported, once", () => {
    const imported = importJson(FORM_JSON, { fileName: "form.json" });
    expect(imported.text).toBeDefined();
    const found = check(imported.text!).diagnostics;
    expect(found.map((d) => d.ruleId)).toEqual([ID]);
    expect(found[0]!.message).toContain("it has an 'input' block");
    expect(found[0]!.related?.map((r) => r.message)).toEqual(expect.arrayContaining(["an 'input' block", "the action 'layoutEvent'"]));
  });

  it("checks nothing else of it: an activity may still name it", () => {
    const code = `${FORM}activity a {\n  ownerTypeId deal; ownerId 1\n  layout contactForm\n}\n`;
    expect(allFindings(code).map((f) => f.ruleId)).toEqual([ID]);
  });

  it("leaves a timeline layout with one such block to the usual rules, with a message that says where the block belongs", () => {
    const code = inLayoutBody('    name: input { title "Name" }\n    text "x"');
    expect(findings(code, ID)).toEqual([]);
    expect(allFindings(code)).toEqual([
      {
        ruleId: "unknown-property",
        severity: "error",
        message: `Unknown statement 'input' in a body: 'input' is a block of ${PLACEMENT}, which timeline records do not have.`,
        at: "6:11",
        to: "6:16",
      },
    ]);
  });

  it("does not take a card's sections for the placement's", () => {
    expect(allFindings('card c for contact {\n  main: section "Main" {\n    NAME\n  }\n}\n')).toEqual([]);
  });
});
