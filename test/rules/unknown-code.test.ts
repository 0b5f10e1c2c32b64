import { describe, expect, it } from "vitest";
import { invalidRows, RuleTester, ruleById, validRows } from "../support/rule-tester.js";
import { check } from "../../src/index.js";

const ruleTester = new RuleTester();
const ID = "unknown-code";
/** A layout with the given icon (line 2) and logo (line 5). */
const layout = (icon: string, logo: string) => `layout l {\n  icon ${icon}\n  header "T"\n  body {\n    logo ${logo}\n    text "x"\n  }\n}\n`;
const ICON_ADD = "the portal must have registered it with crm.timeline.icon.add";
const LOGO_ADD = "the portal must have registered it with crm.timeline.logo.add";

describe(ID, () => {
  ruleTester.run(ruleById(ID), {
    valid: [],
    invalid: invalidRows([
      [
        "a misspelt icon code",
        layout("call-complted", "document"),
        [{ ruleId: ID, severity: "warning", message: `Unknown icon code 'call-complted': it is not a system icon, so ${ICON_ADD}. Did you mean 'call-completed'?`, at: "2:8", to: "2:21" }],
      ],
      [
        "an icon code in the wrong case",
        layout("im", "document"),
        [{ ruleId: ID, severity: "warning", message: `Unknown icon code 'im': it is not a system icon, so ${ICON_ADD}. Did you mean 'IM'?`, at: "2:8", to: "2:10" }],
      ],
      [
        "an unknown icon code close to none",
        layout('"my-custom-icon"', "document"),
        [{ ruleId: ID, severity: "warning", message: `Unknown icon code 'my-custom-icon': it is not a system icon, so ${ICON_ADD}.`, at: "2:8", to: "2:24" }],
      ],
      [
        "an icon code used as a logo (the docs' `call`)",
        layout("info", "call"),
        [{ ruleId: ID, severity: "warning", message: "'call' is a system icon code, not a logo code; as a logo it works only if the portal registered it with crm.timeline.logo.add.", at: "5:10", to: "5:14" }],
      ],
      [
        "a logo code used as an icon",
        layout("call-play-record", "document"),
        [{ ruleId: ID, severity: "warning", message: "'call-play-record' is a system logo code, not an icon code; as an icon it works only if the portal registered it with crm.timeline.icon.add.", at: "2:8", to: "2:24" }],
      ],
      [
        "a misspelt logo code written as a string",
        layout("info", '"documnt"'),
        [{ ruleId: ID, severity: "warning", message: `Unknown logo code 'documnt': it is not a system logo, so ${LOGO_ADD}. Did you mean 'document'?`, at: "5:10", to: "5:19" }],
      ],
    ]),
  });

  ruleTester.run(ruleById(ID), {
    valid: validRows([
      ["system codes", layout("call-completed", "call-incoming")],
      ["a code in both catalogues", layout("document", "document")],
      ["the upper-case IM icon", layout("IM", "notification")],
    ]),
    invalid: [],
  });

  it.each<[string, string, string]>([
    ["a word", layout("call-complted", "document"), "call-completed"],
    ["a string, kept quoted", layout("info", '"documnt"'), '"document"'],
  ])("suggests a code for %s: it may be the portal's own, so never a fix", (_name, code, newText) => {
    const d = check(code).diagnostics.find((x) => x.ruleId === ID);
    expect(d?.fix).toBeUndefined();
    expect(d?.suggestions?.map((s) => s.edits.map((e) => e.newText))).toEqual([[newText]]);
  });

});
