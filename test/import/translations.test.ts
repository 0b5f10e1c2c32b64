/** `--extract-translations`: every language map into one table, shared where the texts are the same. */
import { describe, expect, it } from "vitest";
import { layoutJson, roundTrip } from "./helpers.js";

const text = (value: unknown) => ({ type: "text", properties: { value } });

describe("--extract-translations", () => {
  it("keys each map by its English text, and shares a key between equal maps (in any order)", () => {
    const r = roundTrip(
      layoutJson({
        a: text({ en: "Incoming call", de: "Eingehender Anruf" }),
        b: text({ de: "Eingehender Anruf", en: "Incoming call" }),
        c: text({ en: "Incoming call", de: "Anruf" }),
      }),
      { extractTranslations: true },
    );
    expect(r.text).toBe(`// Imported from JSON: a LayoutDto (the layout of crm.activity.configurable.add / update).
translations {
  en {
    incomingCall "Incoming call"
    incomingCall2 "Incoming call"
  }
  de {
    incomingCall "Eingehender Anruf"
    incomingCall2 "Anruf"
  }
}

layout importedLayout {
  icon info
  header "T"
  body {
    logo document
    a: text @incomingCall
    b: text @incomingCall
    c: text @incomingCall2
  }
}
`);
    expect(r.checkWarnings).toEqual([]);
  });

  it.each([
    ["the English text", { de: "Anrufstatus", en: "Call status (missed!)" }, "callStatusMissed"],
    ["the first text without English", { de: "Rückruf geplant", fr: "Rappel" }, "ruckrufGeplant"],
    ["at most four words", { en: "one two three four five six" }, "oneTwoThreeFour"],
    ["a text starting with a digit", { en: "5 minutes" }, "text5Minutes"],
    ["the path, for a text without Latin letters", { ru: "Входящий звонок" }, "aValue"],
  ])("derives the key from %s", (_what, map, key) => {
    const r = roundTrip(layoutJson({ a: text(map) }), { extractTranslations: true });
    expect(r.text).toContain(`a: text @${key}\n`);
  });

  it("keeps maps the table cannot hold inline: empty, with a non-string text, with a language id that is not a word", () => {
    const r = roundTrip(layoutJson({ a: { type: "text", properties: { value: "x", title: {} } }, b: text({ en: 5 }), c: text({ "en us": "x" }) }), { extractTranslations: true });
    expect(r.text).not.toContain("translations");
    expect(r.text).toContain("b: text { en: 5 }");
    expect(r.text).toContain('c: text { "en us": "x" }');
  });

  it("lists a key only in the languages of its map (the checker reports what is missing)", () => {
    const r = roundTrip(layoutJson({ a: text({ en: "A", de: "Ah" }), b: text({ en: "B" }) }), { extractTranslations: true });
    expect(r.text).toContain('translations {\n  en {\n    a "A"\n    b "B"\n  }\n  de {\n    a "Ah"\n  }\n}');
    expect(r.checkWarnings).toEqual(["missing-translation"]);
  });

  it("works for badges", () => {
    const r = roundTrip(JSON.stringify({ code: "missedCall", title: { en: "Call status", de: "Anrufstatus" }, value: { en: "Missed", de: "Verpasst" }, type: "failure" }), { extractTranslations: true });
    expect(r.text).toContain("badge missedCall failure {\n  title @callStatus\n  value @missed\n}");
  });

  it("leaves the inline maps alone without the flag", () => {
    const r = roundTrip(layoutJson({ a: text({ en: "A", de: "Ah" }) }));
    expect(r.text).toContain('a: text { en: "A", de: "Ah" }');
    expect(r.text).not.toContain("translations");
  });
});
