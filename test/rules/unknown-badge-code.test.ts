/**
 * unknown-badge-code is a project rule: a badge may be declared in any file checked with the
 * activity (badges.b24layout is the natural place), so the project check reports it, knowing the
 * badges of every file; the one-file check() leaves badgeCode alone.
 */
import { describe, expect, it } from "vitest";
import { invalidRows, RuleTester, ruleById, validRows } from "../support/rule-tester.js";
import { check, checkProject, type CheckOptions, type ProjectFileInput } from "../../src/index.js";
import { toFinding, type Finding } from "../helpers.js";

const ruleTester = new RuleTester();
const ID = "unknown-badge-code";
const BADGE = 'badge missedCall failure {\n  title "Call status"\n  value "Missed"\n}\n';
/** An update activity after BADGE (4 lines): `badgeCode` is on line 7. */
const activity = (code: string, before = BADGE) => `${before}activity a {\n  id 42\n  badgeCode ${code}\n}\n`;
const PORTAL = "it must exist on the portal (crm.activity.badge.add) or the server answers WRONG_FIELD_VALUE";
const warning = (message: string, at: string, to: string): Finding => ({ ruleId: ID, severity: "warning", message, at, to });

/** The rule's findings in each file of a project, by path. */
function projectFindings(files: readonly ProjectFileInput[], options: CheckOptions = {}): Record<string, Finding[]> {
  return Object.fromEntries(checkProject(files, options).map((r) => [r.path, r.diagnostics.filter((d) => d.ruleId === ID).map(toFinding)]));
}

describe(ID, () => {
  ruleTester.run(ruleById(ID), {
    valid: [],
    invalid: invalidRows([
      [
        "a misspelt badge code",
        activity("misedCall"),
        [{ ...warning(`Badge 'misedCall' is declared in none of the files checked; ${PORTAL}. Did you mean 'missedCall'?`, "7:13", "7:22"), related: ["the badge 'missedCall' 1:7"] }],
      ],
      ["a code no badge has, written as a string", activity('"vipClient"'), [warning(`Badge 'vipClient' is declared in none of the files checked; ${PORTAL}.`, "7:13", "7:24")]],
      [
        "a badge's name when its body sets another code",
        activity("missedCall", 'badge missedCall failure {\n  code "missed"\n  title "T"\n  value "V"\n}\n'),
        [warning(`Badge 'missedCall' is declared in none of the files checked; ${PORTAL}.`, "8:13", "8:23")],
      ],
    ]),
  });

  ruleTester.run(ruleById(ID), {
    valid: validRows([
      ["a declared badge", activity("missedCall")],
      ["a badge declared after the activity", `activity a {\n  id 42\n  badgeCode missedCall\n}\n${BADGE}`],
      ["an empty code, which removes the badge", activity('""', "")],
      ["a code set in the badge's body", activity('"missed"', 'badge missedCall failure {\n  code "missed"\n  title "T"\n  value "V"\n}\n')],
    ]),
    invalid: [],
  });

  describe("across the files checked together", () => {
    it("knows a badge declared in another file", () => {
      const files = [
        { path: "activities.b24layout", text: activity("missedCall", "") },
        { path: "badges.b24layout", text: BADGE },
      ];
      expect(projectFindings(files)).toEqual({ "activities.b24layout": [], "badges.b24layout": [] });
    });

    it("suggests the badge of another file a misspelt code is close to, saying where it is, as a suggestion written alike", () => {
      const [a] = checkProject([
        { path: "/p/activities.b24layout", text: activity('"misedCall"', "") },
        { path: "/p/shared/badges.b24layout", text: `\n${BADGE}` },
      ], { display: (p) => p.slice(3) });
      expect(a!.diagnostics.map(toFinding)).toEqual([
        { ...warning(`Badge 'misedCall' is declared in none of the files checked; ${PORTAL}. Did you mean 'missedCall'?`, "3:13", "3:24"), related: ["the badge 'missedCall' /p/shared/badges.b24layout:2:7"] },
      ]);
      expect(a!.diagnostics[0]!.fix).toBeUndefined();
      expect(a!.diagnostics[0]!.suggestions?.map((s) => s.edits.map((e) => e.newText))).toEqual([['"missedCall"']]);
    });

    it("reports a code declared in none of them in the file that uses it", () => {
      const files = [
        { path: "activities.b24layout", text: activity("vipClient", "") },
        { path: "badges.b24layout", text: BADGE },
      ];
      expect(projectFindings(files)).toEqual({ "activities.b24layout": [warning(`Badge 'vipClient' is declared in none of the files checked; ${PORTAL}.`, "3:13", "3:22")], "badges.b24layout": [] });
    });
  });

  it("accepts codes listed in the externalBadges option, of the file's own settings", () => {
    const external = { ruleOptions: { [ID]: { externalBadges: ["vipClient"] } } };
    const files = [
      { path: "a.b24layout", text: activity("vipClient", ""), options: external },
      { path: "b.b24layout", text: activity("vipClient", "") },
    ];
    expect(projectFindings(files)).toEqual({ "a.b24layout": [], "b.b24layout": [warning(`Badge 'vipClient' is declared in none of the files checked; ${PORTAL}.`, "3:13", "3:22")] });
    expect(projectFindings([files[1]!], external)).toEqual({ "b.b24layout": [] });
  });

  it("takes the severity of the file's settings", () => {
    const [a] = checkProject([{ path: "a.b24layout", text: activity("vipClient", "") }], { severities: { [ID]: "error" } });
    expect(a!.diagnostics.map((d) => `${d.ruleId} ${d.severity}`)).toEqual([`${ID} error`]);
    const [off] = checkProject([{ path: "a.b24layout", text: activity("vipClient", "") }], { severities: { [ID]: "off" } });
    expect(off!.diagnostics).toEqual([]);
  });

  it("is not reported by the one-file check(), which cannot see the other files", () => {
    expect(check(activity("misedCall")).diagnostics).toEqual([]);
    expect(check(activity("vipClient", "")).diagnostics).toEqual([]);
  });

  it("honours a suppression in the project check, which the one-file check leaves alone", () => {
    const suppressed = (code: string) => `activity a {\n  id 42\n  // b24layout-disable-next-line ${ID}\n  badgeCode ${code}\n}\n`;
    expect(checkProject([{ path: "a.b24layout", text: suppressed("vipClient") }])[0]!.diagnostics).toEqual([]);
    expect(check(suppressed("vipClient")).diagnostics).toEqual([]);
    // A badge of another file: the suppression suppresses nothing, which only the project check knows.
    const [a] = checkProject([{ path: "a.b24layout", text: suppressed("missedCall") }, { path: "b.b24layout", text: BADGE }]);
    expect(a!.diagnostics.map(toFinding)).toEqual([
      { ruleId: "unused-suppression", severity: "warning", message: `'${ID}' reports nothing here: remove it from the suppression.`, at: "3:3", to: "3:52" },
    ]);
    expect(check(suppressed("missedCall")).diagnostics).toEqual([]);
  });
});
