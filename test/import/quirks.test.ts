/**
 * Docs quirks: normalised where the model types the field (string booleans, integer strings,
 * 0/1 for booleans), each change a warning naming the JSON path; written literally with
 * --keep-quirks. Loosely typed values (actionParams, language maps, texts) keep their JSON type.
 */
import { describe, expect, it } from "vitest";
import { formatImportDiagnostic } from "../../src/import/index.js";
import { layoutJson, roundTrip } from "./helpers.js";

const j = (v: unknown) => JSON.stringify(v, null, 2);

function warnings(json: string, options = {}): { lines: string[]; text: string } {
  const r = roundTrip(json, { fileName: "q.json", ...options });
  return { lines: r.result.diagnostics.map((d) => formatImportDiagnostic(d, "q.json")), text: r.text };
}

describe("normalised quirks", () => {
  it("turns the docs' string booleans into booleans (spec §14.1)", () => {
    const json = layoutJson({ t: { type: "text", properties: { value: "x" } } }, { footer: { menu: { showPostponeItem: "false", showPinItem: "Y", showDeleteItem: "1" } } });
    const { lines, text } = warnings(json);
    expect(lines).toEqual([
      'q.json:23:27: footer.menu.showPostponeItem: the string "false" became the boolean false',
      'q.json:24:22: footer.menu.showPinItem: the string "Y" became the boolean true',
      'q.json:25:25: footer.menu.showDeleteItem: the string "1" became the boolean true (the server would have read the string as false)',
    ]);
    expect(text).toContain(["    menu {", "      showPostponeItem false", "      showPinItem true", "      showDeleteItem true", "    }"].join("\n"));
  });

  it("reads activity booleans with their own exact strings, and numbers 0/1 as booleans", () => {
    const json = j({ id: 1, fields: { completed: "y", isIncomingChannel: 0 } });
    expect(warnings(json).lines).toEqual([
      'q.json:4:18: fields.completed: the string "y" became the boolean true',
      "q.json:5:26: fields.isIncomingChannel: the number 0 became the boolean false",
    ]);
  });

  it("turns integer strings into numbers where the model says integer, in lists and maps too", () => {
    const json = j({
      ownerTypeId: "2",
      ownerId: "999",
      fields: { pingOffsets: ["60", 300], responsibleId: "007" },
      layout: JSON.parse(layoutJson({ l: { type: "link", properties: { text: "x", action: { type: "openRestApp", sliderParams: { width: "700" } } } } })) as unknown,
    });
    const { lines, text } = warnings(json);
    expect(lines).toEqual([
      'q.json:2:18: ownerTypeId: the string "2" became the number 2',
      'q.json:3:14: ownerId: the string "999" became the number 999',
      'q.json:6:7: fields.pingOffsets[0]: the string "60" became the number 60',
      'q.json:30:26: layout.body.blocks.l.properties.action.sliderParams.width: the string "700" became the number 700',
    ]);
    // Only canonical integers: "007" stays (the checker reports it).
    expect(text).toContain('responsibleId "007"');
    expect(text).toContain("ownerTypeId deal");
    expect(text).toContain("pingOffsets [60, 300]");
    expect(text).toContain("sliderParams { width: 700 }");
  });

  it("turns string optionFlags into numbers: 1 is `always` (spec §14.2)", () => {
    const json = j({ entityTypeId: 1, extras: { leadCustomerType: "2" }, data: [{ name: "main", title: "Main", type: "section", elements: [{ name: "TITLE", optionFlags: "1" }, { name: "NAME", optionFlags: "0" }] }] });
    const { lines, text } = warnings(json);
    expect(lines).toEqual([
      'q.json:4:25: extras.leadCustomerType: the string "2" became the number 2',
      'q.json:14:26: data[0].elements[0].optionFlags: the string "1" became the number 1',
      'q.json:18:26: data[0].elements[1].optionFlags: the string "0" became the number 0',
    ]);
    expect(text).toContain("leadCustomerType repeat");
    expect(text).toContain(["    TITLE always", "    NAME optionFlags 0"].join("\n"));
  });

  it("keeps the JSON type of actionParams, language maps and texts", () => {
    const json = layoutJson({
      l: { type: "link", properties: { text: 5, action: { type: "restEvent", id: "x", actionParams: { a: "1", b: 1, c: "false", d: true } } } },
      t: { type: "text", properties: { value: { en: "true", de: "1" } } },
    });
    const { lines, text } = warnings(json);
    expect(lines).toEqual([]);
    expect(text).toContain('l: link 5 -> restEvent "x" { a: "1", b: 1, c: "false", d: true }');
    expect(text).toContain('t: text { en: "true", de: "1" }');
  });

  it("leaves strings that spell no boolean for the checker", () => {
    const r = roundTrip(layoutJson({ t: { type: "text", properties: { value: "x", bold: "yes" } } }));
    expect(r.result.diagnostics).toEqual([]);
    expect(r.text).toContain('t: text "x" {\n      bold "yes"\n    }');
    expect(r.checkErrors).toEqual(["value-type"]);
  });
});

describe("--keep-quirks", () => {
  it("writes the quirks literally, so the round trip is exact", () => {
    const json = j({
      id: "5",
      fields: { completed: "N", pingOffsets: ["60"] },
      layout: JSON.parse(layoutJson({ t: { type: "text", properties: { value: "x", bold: "true" } } }, { footer: { menu: { showPostponeItem: "false" } } })) as unknown,
    });
    const r = roundTrip(json, { keepQuirks: true });
    expect(r.result.diagnostics).toEqual([]);
    expect(r.text).toContain('id "5"');
    expect(r.text).toContain('completed "N"');
    expect(r.text).toContain('pingOffsets ["60"]');
    expect(r.text).toContain('showPostponeItem "false"');
    // A bool keyword in a head takes only true/false after it: the string goes in the body.
    expect(r.text).toContain('t: text "x" {\n        bold "true"\n      }');
  });

  it('keeps optionFlags "0" and "1" as the get response returns them', () => {
    const r = roundTrip(j([{ name: "main", title: "Main", type: "section", elements: [{ name: "TITLE", optionFlags: "1" }, { name: "NAME", optionFlags: "0" }] }]), { keepQuirks: true, entity: "deal" });
    expect(r.text).toContain(['    TITLE optionFlags "1"', '    NAME optionFlags "0"'].join("\n"));
    expect(r.checkErrors).toEqual([]);
  });
});
