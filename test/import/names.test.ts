/** Declaration names, and the entity type of a card whose JSON does not name one. */
import { describe, expect, it } from "vitest";
import { formatImportDiagnostic, importJson } from "../../src/import/index.js";
import { nameFromFile } from "../../src/import/names.js";
import type { Diagnostic } from "../../src/index.js";
import { roundTrip } from "./helpers.js";

const j = (v: unknown) => JSON.stringify(v, null, 2);
const SECTIONS = [{ name: "main", title: "Main", type: "section", elements: [{ name: "TITLE" }] }];

describe("names from file names", () => {
  it.each([
    ["layout-object-example.json", "layout", "layoutObjectExample"],
    ["dir/sub/Incoming_Call.JSON", "layout", "incomingCall"],
    ["2024-report.json", "blocks", "blocks2024Report"],
    ["müller gmbh.json", "card", "mullerGmbh"],
    ["звонок.json", "badge", "importedBadge"],
    [undefined, "activity", "importedActivity"],
    ["true.json", "layout", "trueLayout"],
    ["null.json", "card", "nullCard"],
  ])("%s → %s %s", (file, keyword, name) => {
    expect(nameFromFile(file, keyword)).toBe(name);
  });

  it("takes --name", () => {
    expect(importJson(j({ blocks: {} }), { name: "extra" }).text).toContain("blocks extra {}");
  });

  it("refuses a --name that is not a name", () => {
    expect(importJson(j({ blocks: {} }), { name: "my blocks" }).diagnostics.map((d) => d.message)).toEqual([
      "'my blocks' cannot be a declaration name: use letters, digits, '_' and inner '-', starting with a letter or '_'",
    ]);
  });

  it("reports an option that does not fit as a Diagnostic, at the start of the input (it has no place of its own)", () => {
    const [d, ...rest] = importJson(j({ blocks: {} }), { name: "my blocks" }).diagnostics;
    expect(rest).toEqual([]);
    const start = { offset: 0, line: 1, column: 1 };
    const diagnostic: Diagnostic = d!;
    expect(diagnostic).toEqual({ ruleId: "invalid-option", severity: "error", message: expect.stringContaining("'my blocks' cannot be") as unknown, range: { start, end: start } });
    expect(formatImportDiagnostic(d!, "b.json")).toBe("b.json:1:1: 'my blocks' cannot be a declaration name: use letters, digits, '_' and inner '-', starting with a letter or '_'");
  });

  it.each([
    ["a code that is a name: the code is the name", { code: "missedCall" }, {}, "badge missedCall failure {\n  title"],
    ["a code that is not a name: the file name, and the code written", { code: "missed call" }, { fileName: "b.json" }, 'badge b failure {\n  code "missed call"\n'],
    ["a --name other than the code: the code written", { code: "missedCall" }, { name: "other" }, 'badge other failure {\n  code "missedCall"\n'],
    ["a --name equal to the code", { code: "missedCall" }, { name: "missedCall" }, "badge missedCall failure {\n  title"],
  ])("names a badge with %s", (_what, code, options, start) => {
    const r = roundTrip(j({ ...code, title: "T", value: "V", type: "failure" }), options);
    expect(r.text).toContain(start);
  });

  it("writes a badge without a code as it is: its name does not become its code", () => {
    const r = roundTrip(j({ title: "T", value: "V", type: "failure" }), { fileName: "b.json" });
    expect(r.result.diagnostics).toEqual([]);
    expect(r.text).toContain('badge b json { title: "T", value: "V", type: "failure" }\n');
    expect(r.checkErrors).toEqual(["required-field"]);
  });

  it("writes a code that is not a string in the body", () => {
    const r = roundTrip(j({ code: 5, title: "T", value: "V", type: "failure" }), { fileName: "b.json" });
    expect(r.text).toContain("badge b failure {\n  code 5\n");
    expect(r.checkErrors).toEqual([]);
    expect(r.checkWarnings).toEqual(["value-type"]);
  });
});

describe("card entity types", () => {
  it.each([
    ["--entity", { data: SECTIONS }, { entity: "company" }, "company", undefined],
    ["--entity as a smart process's id", SECTIONS, { entity: "1032" }, "1032", undefined],
    ["--entity as an id with a word", SECTIONS, { entity: "3" }, "contact", undefined],
    ["the extras key", { extras: { leadCustomerType: 1 }, data: SECTIONS }, {}, "lead", "its extras key 'leadCustomerType' is the lead's"],
    ["the file name", SECTIONS, { fileName: "company-card.json" }, "company", "from the file name"],
    ["the element names", [{ name: "m", title: "M", elements: [{ name: "STAGE_ID" }, { name: "CLOSEDATE" }] }], {}, "deal", "its fields are deal fields"],
    ["nothing", [{ name: "m", title: "M", elements: [{ name: "UF_CRM_1" }] }], {}, "deal", "nothing in the input names one"],
  ])("takes %s", (_what, input, options, entity, assumed) => {
    const r = roundTrip(j(input), options);
    expect(r.text).toMatch(new RegExp(`^card \\w+ for ${entity}( legacy)? \\{`, "m"));
    const warning = r.result.diagnostics.find((d) => d.ruleId === "assumed");
    expect(warning?.message.match(/\((.*)\), written/)?.[1]).toBe(assumed);
  });

  it("says which entity it assumed and how to choose another", () => {
    const r = importJson(j({ scope: "P", data: SECTIONS }), { fileName: "deal-set.json" });
    expect(r.diagnostics.map((d) => formatImportDiagnostic(d, "deal-set.json"))).toEqual([
      "deal-set.json:1:1: no entity type in the input: assumed 'deal' (from the file name), written as `card … for deal legacy`; --entity NAME chooses another",
    ]);
  });

  it("writes the legacy form only with legacy methods in mind: the file name's quote is not a legacy entity", () => {
    const r = roundTrip(j({ data: SECTIONS }), { fileName: "quote.json" });
    expect(r.text).toContain("card quote for deal legacy {");
  });

  it("uses the input's entityTypeId over --entity, and says so", () => {
    const r = roundTrip(j({ entityTypeId: 3, data: SECTIONS }), { entity: "deal", fileName: "c.json" });
    expect(r.text).toContain("for contact {");
    expect(r.result.diagnostics.map((d) => formatImportDiagnostic(d, "c.json"))).toEqual(["c.json:2:3: entityTypeId: --entity deal is not used: the input has entityTypeId 3"]);
  });

  it("refuses an unknown --entity", () => {
    expect(importJson(j(SECTIONS), { entity: "deals" }).diagnostics.map((d) => d.message)).toEqual([
      "unknown entity 'deals': expected lead, deal, contact, company, quote or smartInvoice, or a smart process's entityTypeId",
    ]);
  });
});
