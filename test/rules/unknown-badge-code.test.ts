import { describe, expect, it } from "vitest";
import { check } from "../../src/index.js";
import { findings, toFinding, type Finding } from "../helpers.js";

const ID = "unknown-badge-code";
const BADGE = 'badge missedCall failure {\n  title "Call status"\n  value "Missed"\n}\n';
/** An update activity after BADGE (4 lines): `badgeCode` is on line 7. */
const activity = (code: string, before = BADGE) => `${before}activity a {\n  id 42\n  badgeCode ${code}\n}\n`;
const PORTAL = "it must exist on the portal (crm.activity.badge.add) or the server answers WRONG_FIELD_VALUE";

describe(ID, () => {
  it.each<[string, string, Finding[]]>([
    [
      "a misspelt badge code",
      activity("misedCall"),
      [{ ruleId: ID, severity: "warning", message: `Badge 'misedCall' is not declared in this file; ${PORTAL}. Did you mean 'missedCall'?`, at: "7:13", to: "7:22" }],
    ],
    [
      "a code no badge has, written as a string",
      activity('"vipClient"'),
      [{ ruleId: ID, severity: "warning", message: `Badge 'vipClient' is not declared in this file; ${PORTAL}.`, at: "7:13", to: "7:24" }],
    ],
    [
      "a badge's name when its body sets another code",
      activity("missedCall", 'badge missedCall failure {\n  code "missed"\n  title "T"\n  value "V"\n}\n'),
      [{ ruleId: ID, severity: "warning", message: `Badge 'missedCall' is not declared in this file; ${PORTAL}.`, at: "8:13", to: "8:23" }],
    ],
  ])("reports %s", (_name, code, expected) => {
    expect(findings(code, ID)).toEqual(expected);
  });

  it.each<[string, string]>([
    ["a declared badge", activity("missedCall")],
    ["a badge declared after the activity", `activity a {\n  id 42\n  badgeCode missedCall\n}\n${BADGE}`],
    ["an empty code, which removes the badge", activity('""', "")],
    ["a code set in the badge's body", activity('"missed"', 'badge missedCall failure {\n  code "missed"\n  title "T"\n  value "V"\n}\n')],
  ])("accepts %s", (_name, code) => {
    expect(findings(code, ID)).toEqual([]);
  });

  it("accepts codes listed in the externalBadges option", () => {
    const code = activity("vipClient", "");
    const diagnostics = check(code, { ruleOptions: { [ID]: { externalBadges: ["vipClient"] } } }).diagnostics;
    expect(diagnostics.filter((d) => d.ruleId === ID).map(toFinding)).toEqual([]);
    expect(findings(code, ID)).toHaveLength(1);
  });

  it("suggests the badge a misspelt code is close to: it may be a badge on the portal, so never a fix", () => {
    const d = check(activity("misedCall")).diagnostics.find((x) => x.ruleId === ID);
    expect(d?.fix).toBeUndefined();
    expect(d?.suggestions?.map((s) => s.edits.map((e) => e.newText))).toEqual([["missedCall"]]);
  });

});
