/** The rule tester's own tests: what it passes, and every table and result it must reject. */
import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ALL_RULES, type Rule } from "../../src/index.js";
import type { Finding } from "../helpers.js";
import { expectedFinding, expectedRelated, invalidRows, RuleTester, ruleById, span, type InvalidCase } from "./rule-tester.js";

const tester = new RuleTester();
const stringBoolean = ruleById("string-boolean");
const unknownCode = ruleById("unknown-code");
const unknownBadgeCode = ruleById("unknown-badge-code");

/** A layout whose menu holds `statements` on line 7, from column 7. */
const menu = (statements: string) =>
  `layout l {\n  icon info\n  header "T"\n  body { logo document; text "x" }\n  footer {\n    menu {\n      ${statements}\n    }\n  }\n}\n`;
const CAST = 'The server casts strings (only "true" and "Y", in any case, become true; any other string is false)';
const FALSE_STRING = `'showPostponeItem' expects a boolean, not the string "false". ${CAST}, so this one means false; write false.`;

/** An invalid case of string-boolean that passes: one finding, fixed. */
const fixed: InvalidCase = {
  code: menu('showPostponeItem "false"'),
  errors: [{ messageId: "castSame", message: FALSE_STRING, severity: "warning", ...span("7:24", "7:31") }],
  output: menu("showPostponeItem false"),
};

const BADGE = 'badge missedCall failure {\n  title "Call status"\n  value "Missed"\n}\n';
const activity = (code: string) => `activity a {\n  id 42\n  badgeCode ${code}\n}\n`;
const duplicateSection = ruleById("duplicate-section");
const section = (label: string) => `  ${label}: section "S" {\n    NAME\n  }\n`;
/** An invalid case of duplicate-section that passes: one finding, with the first section as its related location. */
const repeated: InvalidCase = {
  code: `card c for contact {\n${section("main")}${section("main")}}\n`,
  errors: [{ message: "Section 'main' is already defined in this card; section names must be unique within a card.", ...span("5:3", "5:7"), related: [{ message: "first defined", ...span("2:3", "2:7") }] }],
};
const repeatedFinding: Finding = { ruleId: "duplicate-section", severity: "error", message: repeated.errors[0]!.message!, at: "5:3", to: "5:7", related: ["first defined 2:3"] };
/** A rule made for these tests: it reports every declaration with a related location in another file. */
const elsewhere: Rule = {
  meta: { id: "related-elsewhere", description: "", why: "", severity: "warning", spec: "", messages: { name: "The name '{name}'." } },
  create: (context) => ({
    declaration: (d) => context.report({ messageId: "name", data: { name: d.name }, range: d.nameRange, related: [{ message: "declared", range: d.nameRange, file: "other.b24layout" }] }),
  }),
};
const PORTAL = "it must exist on the portal (crm.activity.badge.add) or the server answers WRONG_FIELD_VALUE";

describe("RuleTester passes", () => {
  it("a valid case the rule reports nothing for", () => {
    tester.verifyValid(stringBoolean, { code: menu("showPostponeItem false") });
  });

  it("an invalid case with its message, message id, severity, range and output", () => {
    tester.verifyInvalid(stringBoolean, fixed);
  });

  it("a message id whose template the message matches, and one filled with its data", () => {
    tester.verifyInvalid(stringBoolean, { ...fixed, errors: [{ messageId: "castSame", ...span("7:24", "7:31") }] });
    tester.verifyInvalid(unknownCode, {
      code: 'layout l {\n  icon infoo\n  header "T"\n  body { logo document; text "x" }\n}\n',
      errors: [{ messageId: "unknownSuggest", data: { kind: "icon", code: "infoo", method: "crm.timeline.icon.add", suggestion: "info" }, ...span("2:8", "2:13") }],
    });
  });

  it("suggestions, applied and checked again", () => {
    tester.verifyInvalid(unknownCode, {
      code: 'layout l {\n  icon infoo\n  header "T"\n  body { logo document; text "x" }\n}\n',
      errors: [
        {
          messageId: "unknownSuggest",
          ...span("2:8", "2:13"),
          suggestions: [{ desc: "Replace with 'info'", output: 'layout l {\n  icon info\n  header "T"\n  body { logo document; text "x" }\n}\n' }],
        },
      ],
    });
  });

  it("a project case, its findings in each file", () => {
    tester.verifyValid(unknownBadgeCode, { code: activity("missedCall"), files: [{ path: "badges.b24layout", code: BADGE }] });
    tester.verifyInvalid(unknownBadgeCode, {
      code: BADGE,
      path: "badges.b24layout",
      files: [{ path: "activities.b24layout", code: activity("vipClient") }],
      errors: [{ path: "activities.b24layout", message: `Badge 'vipClient' is declared in none of the files checked; ${PORTAL}.`, ...span("3:13", "3:22") }],
    });
  });

  it("the rule's options and settings per case", () => {
    tester.verifyValid(unknownBadgeCode, { code: activity("vipClient"), options: { externalBadges: ["vipClient"] } });
    tester.verifyValid(unknownBadgeCode, { code: activity("vipClient"), settings: { severities: { "unknown-badge-code": "off" } } });
    tester.verifyInvalid(unknownBadgeCode, {
      code: activity("vipClient"),
      settings: { severities: { "unknown-badge-code": "error" } },
      errors: [{ messageId: "unknown", severity: "error", ...span("3:13", "3:22") }],
    });
  });

  it("no related locations, stated as none", () => {
    tester.verifyInvalid(stringBoolean, { ...fixed, errors: [{ ...fixed.errors[0]!, related: [] }] });
  });

  it("related locations with their message and range, or their start only", () => {
    tester.verifyInvalid(duplicateSection, repeated);
    tester.verifyInvalid(duplicateSection, { ...repeated, errors: [{ ...repeated.errors[0]!, related: [{ message: "first defined", line: 2, column: 3 }] }] });
  });

  it("a related location in another file, by its path", () => {
    const code = 'blocks b {\n  text "x"\n}\n';
    new RuleTester({ rules: [elsewhere] }).verifyInvalid(elsewhere, { code, errors: [{ message: "The name 'b'.", ...span("1:8", "1:9"), related: [{ message: "declared", path: "other.b24layout", ...span("1:8", "1:9") }] }] });
  });

  it("the related places of test/helpers.ts's findings, through invalidRows", () => {
    expect(expectedRelated("first defined 2:3")).toEqual({ message: "first defined", line: 2, column: 3 });
    expect(expectedRelated("the badge 'a' other.b24layout:12:7")).toEqual({ message: "the badge 'a'", path: "other.b24layout", line: 12, column: 7 });
    expect(expectedFinding({ ...repeatedFinding, related: undefined }).related).toEqual([]);
    const [asRow] = invalidRows([["a row", repeated.code, [repeatedFinding]]]);
    expect(asRow!.errors[0]!.related).toEqual([{ message: "first defined", line: 2, column: 3 }]);
    tester.verifyInvalid(duplicateSection, asRow!);
  });
});

describe("RuleTester rejects", () => {
  it("a valid case the rule reports", () => {
    expect(() => tester.verifyValid(stringBoolean, { code: menu('showPostponeItem "false"') })).toThrow(/string-boolean should report nothing/);
  });

  it("an invalid case stating fewer or more findings than the rule makes", () => {
    const two = menu('showPinItem "true"; showDeleteItem "Y"');
    expect(() => tester.verifyInvalid(stringBoolean, { code: two, errors: [{ messageId: "castSame", ...span("7:19", "7:25") }], output: null })).toThrow(
      /should have 1 finding\(s\) of string-boolean, but had 2/,
    );
    expect(() => tester.verifyInvalid(stringBoolean, { ...fixed, errors: [fixed.errors[0]!, fixed.errors[0]!] })).toThrow(/should have 2 finding\(s\) of string-boolean, but had 1/);
  });

  it("an invalid case without findings", () => {
    expect(() => tester.verifyInvalid(stringBoolean, { code: fixed.code, errors: [] })).toThrow(/states no findings/);
  });

  it("a message id the rule does not have, before running anything", () => {
    expect(() => tester.verifyInvalid(stringBoolean, { ...fixed, errors: [{ messageId: "castSameTypo", ...span("7:24", "7:31") }] })).toThrow(
      /unknown message id 'castSameTypo'; string-boolean has 'castSame', 'castDiffers', 'accepted'/,
    );
    expect(() => new RuleTester().run(stringBoolean, { valid: [], invalid: [{ ...fixed, errors: [{ messageId: "nope", ...span("7:24", "7:31") }] }] })).toThrow(/unknown message id 'nope'/);
  });

  it("a message id whose template does not match, or whose data does not fill it to the message", () => {
    expect(() => tester.verifyInvalid(stringBoolean, { ...fixed, errors: [{ messageId: "accepted", ...span("7:24", "7:31") }] })).toThrow(/message accepted/);
    expect(() =>
      tester.verifyInvalid(stringBoolean, { ...fixed, errors: [{ messageId: "castSame", data: { field: "showPinItem", value: '"false"' }, ...span("7:24", "7:31") }] }),
    ).toThrow(/message castSame with its data/);
  });

  it("a wrong message, severity or range", () => {
    const only = (change: object): InvalidCase => ({ ...fixed, errors: [{ ...fixed.errors[0]!, ...change }] });
    expect(() => tester.verifyInvalid(stringBoolean, only({ message: "Something else." }))).toThrow(/message/);
    expect(() => tester.verifyInvalid(stringBoolean, only({ severity: "error" }))).toThrow(/severity/);
    expect(() => tester.verifyInvalid(stringBoolean, only({ endColumn: 30 }))).toThrow(/range/);
    expect(() => tester.verifyInvalid(stringBoolean, only({ line: 6 }))).toThrow(/range/);
  });

  it("a finding without its full range", () => {
    const partial = { ...fixed.errors[0]!, endLine: undefined };
    expect(() => tester.verifyInvalid(stringBoolean, { ...fixed, errors: [partial as never] })).toThrow(/needs its exact range \(endLine is undefined\)/);
  });

  it("a fix the case does not state the output of", () => {
    const withoutOutput = { code: fixed.code, errors: fixed.errors };
    expect(() => tester.verifyInvalid(stringBoolean, withoutOutput)).toThrow(/fixes these findings: the case must state its `output`/);
  });

  it("a wrong output, an output where nothing is fixed, and output: null where something is", () => {
    expect(() => tester.verifyInvalid(stringBoolean, { ...fixed, output: menu("showPostponeItem true") })).toThrow(/the text after the rule's fixes/);
    expect(() => tester.verifyInvalid(stringBoolean, { ...fixed, output: null })).toThrow(/nothing is fixed \(output: null\)/);
    const notFixed = menu('showPinItem "1"');
    expect(() =>
      tester.verifyInvalid(stringBoolean, { code: notFixed, errors: [{ messageId: "castDiffers", ...span("7:19", "7:22") }], output: menu("showPinItem true") }),
    ).toThrow(/no finding has a fix/);
    expect(() => tester.verifyInvalid(stringBoolean, { ...fixed, output: fixed.code })).toThrow(/output is the code itself/);
  });

  it("an output the rule still reports, unless the case states what remains", () => {
    // castDiffers ("1" is false to the server) has no fix, so it stays after the fix of castSame.
    const code = menu('showPostponeItem "false"; showPinItem "1"');
    const errors = [
      { messageId: "castSame", ...span("7:24", "7:31") },
      { messageId: "castDiffers", ...span("7:45", "7:48") },
    ];
    const output = menu('showPostponeItem false; showPinItem "1"');
    expect(() => tester.verifyInvalid(stringBoolean, { code, errors, output })).toThrow(/in the fixed output: should have 0 finding\(s\)/);
    tester.verifyInvalid(stringBoolean, { code, errors, output, outputErrors: [{ messageId: "castDiffers", ...span("7:43", "7:46") }] });
  });

  it("a wrong suggestion output or description", () => {
    const code = 'layout l {\n  icon infoo\n  header "T"\n  body { logo document; text "x" }\n}\n';
    const withSuggestion = (suggestion: { desc?: string; output: string }): InvalidCase => ({ code, errors: [{ messageId: "unknownSuggest", ...span("2:8", "2:13"), suggestions: [suggestion] }] });
    expect(() => tester.verifyInvalid(unknownCode, withSuggestion({ output: code.replace("infoo", "document") }))).toThrow(/the text after suggestion 1/);
    expect(() => tester.verifyInvalid(unknownCode, withSuggestion({ desc: "Replace with 'x'", output: code.replace("infoo", "info") }))).toThrow(/description/);
    expect(() => tester.verifyInvalid(unknownCode, { code, errors: [{ messageId: "unknownSuggest", ...span("2:8", "2:13"), suggestions: [] }] })).toThrow(/suggestions/);
  });

  it("a suggestion it is not told of that makes a syntax error", () => {
    // A rule made for this test: it offers to replace a declaration's name with a '{'.
    const breaking: Rule = {
      meta: { id: "breaking-suggestion", description: "", why: "", severity: "warning", spec: "", messages: { name: "The name '{name}'." } },
      create: (context) => ({
        declaration: (d) => context.report({ messageId: "name", data: { name: d.name }, range: d.nameRange, suggestions: [{ description: "Break it", edits: [{ range: d.nameRange, newText: "{" }] }] }),
      }),
    };
    const code = 'blocks b {\n  text "x"\n}\n';
    const only = new RuleTester({ rules: [breaking] });
    expect(() => only.verifyInvalid(breaking, { code, errors: [{ message: "The name 'b'.", ...span("1:8", "1:9") }] })).toThrow(/suggestion 1 \('Break it'\) made a syntax error/);
  });

  it("related locations the finding does not have", () => {
    expect(() => tester.verifyInvalid(stringBoolean, { ...fixed, errors: [{ ...fixed.errors[0]!, related: [{ message: "here", ...span("1:1", "1:2") }] }] })).toThrow(/related/);
  });

  it("a wrong related message, start, end or file, and one related location more or less", () => {
    const withRelated = (related: InvalidCase["errors"][number]["related"]): InvalidCase => ({ ...repeated, errors: [{ ...repeated.errors[0]!, related }] });
    const first = repeated.errors[0]!.related![0]!;
    expect(() => tester.verifyInvalid(duplicateSection, withRelated([{ ...first, message: "first used" }]))).toThrow(/related/);
    expect(() => tester.verifyInvalid(duplicateSection, withRelated([{ ...first, line: 3 }]))).toThrow(/related/);
    expect(() => tester.verifyInvalid(duplicateSection, withRelated([{ ...first, column: 4 }]))).toThrow(/related/);
    expect(() => tester.verifyInvalid(duplicateSection, withRelated([{ ...first, endColumn: 8 }]))).toThrow(/related/);
    expect(() => tester.verifyInvalid(duplicateSection, withRelated([{ ...first, path: "other.b24layout" }]))).toThrow(/related/);
    expect(() => tester.verifyInvalid(duplicateSection, withRelated([]))).toThrow(/related/);
    expect(() => tester.verifyInvalid(duplicateSection, withRelated([first, first]))).toThrow(/related/);
    const code = 'blocks b {\n  text "x"\n}\n';
    expect(() =>
      new RuleTester({ rules: [elsewhere] }).verifyInvalid(elsewhere, { code, errors: [{ message: "The name 'b'.", ...span("1:8", "1:9"), related: [{ message: "declared", ...span("1:8", "1:9") }] }] }),
    ).toThrow(/related/);
  });

  it("a related location the rule has, left out of a row of test/helpers.ts's findings", () => {
    const [row] = invalidRows([["a row", repeated.code, [{ ...repeatedFinding, related: undefined }]]]);
    expect(() => tester.verifyInvalid(duplicateSection, row!)).toThrow(/related/);
    const [wrong] = invalidRows([["a row", repeated.code, [{ ...repeatedFinding, related: ["first defined 2:4"] }]]]);
    expect(() => tester.verifyInvalid(duplicateSection, wrong!)).toThrow(/related/);
  });

  it("a related place that is not 'message [file:]line:column', or a related location without its start", () => {
    expect(() => expectedRelated("first defined on line 2")).toThrow(/'message \[file:\]line:column'/);
    expect(() => tester.verifyInvalid(duplicateSection, { ...repeated, errors: [{ ...repeated.errors[0]!, related: [{ message: "first defined", line: 2, column: 0 }] }] })).toThrow(
      /a related location needs/,
    );
  });

  it("duplicate cases, valid or invalid, before running anything", () => {
    const code = menu("showPostponeItem false");
    expect(() => new RuleTester().run(stringBoolean, { valid: [code, { name: "again", code }], invalid: [] })).toThrow(/duplicate valid case 'again' \(the same as valid case/);
    expect(() => new RuleTester().run(stringBoolean, { valid: [], invalid: [fixed, { ...fixed, name: "again" }] })).toThrow(/duplicate invalid case 'again'/);
    // The same code with other options is another case.
    expect(() => new RuleTester().run(unknownBadgeCode, { valid: [{ code }, { code, options: { externalBadges: ["b"] } }], invalid: [{ ...fixed, errors: [] }] })).toThrow(/states no findings/);
  });

  it("a duplicate of a case of an earlier table of the same rule", () => {
    const once = new RuleTester();
    const code = menu("showPostponeItem false");
    once.validate(stringBoolean, { valid: [code], invalid: [fixed] });
    once.validate(unknownCode, { valid: [code], invalid: [] });
    expect(() => once.validate(stringBoolean, { valid: [], invalid: [{ ...fixed, name: "again" }] })).toThrow(/duplicate invalid case 'again' \(the same as invalid case/);
    expect(() => once.validate(stringBoolean, { valid: [{ name: "again", code }], invalid: [] })).toThrow(/duplicate valid case 'again' \(the same as valid case/);
  });

  it("a valid case carrying errors or an output", () => {
    expect(() => new RuleTester().run(stringBoolean, { valid: [{ code: "x", output: "y" } as never], invalid: [] })).toThrow(/valid case 'x' has errors or output/);
  });

  it("a project case's finding stated in the wrong file", () => {
    expect(() =>
      tester.verifyInvalid(unknownBadgeCode, {
        code: activity("vipClient"),
        files: [{ path: "badges.b24layout", code: BADGE }],
        errors: [{ path: "badges.b24layout", messageId: "unknown", ...span("3:13", "3:22") }],
      }),
    ).toThrow(/file/);
  });
});

describe("every rule", () => {
  it("has a test file of its own, test/rules/<rule id>.test.ts, that runs it through the RuleTester", () => {
    const without = ALL_RULES.map((r) => r.meta.id).filter((id) => {
      const file = new URL(`../rules/${id}.test.ts`, import.meta.url);
      return !existsSync(file) || !readFileSync(file, "utf8").includes("ruleTester.run(");
    });
    expect(without).toEqual([]);
  });
});

// The tester's run(): one vitest test per case, under the rule's name.
tester.run(stringBoolean, {
  valid: [menu("showPostponeItem false"), { name: "a string in a text field", code: menu('showPostponeItem false; showPinItem true') }],
  invalid: [fixed],
});
