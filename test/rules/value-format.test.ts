import { describe, expect, it } from "vitest";
import { invalidRows, RuleTester, ruleById, validRows } from "../support/rule-tester.js";
import { check } from "../../src/index.js";
import { inLayoutBody, type Finding } from "../helpers.js";

const ruleTester = new RuleTester();
const ID = "value-format";
const error = (message: string, at: string, to: string): Finding => ({ ruleId: ID, severity: "error", message, at, to });

const activity = (deadline: string) =>
  `activity a {\n  ownerTypeId deal; ownerId 1\n  deadline ${deadline}\n  layout {\n    icon info\n    header "T"\n    body { logo document; text "x" }\n  }\n}\n`;
/** The colour value starts at column 56 of line 6. */
const labelColor = (color: string) => inLayoutBody(`    link "a" -> openRestApp sliderParams { labelColor: ${color} }`);
const country = (code: string) => `card c for contact {\n  main: section "Main" {\n    PHONE { defaultCountry ${code} }\n  }\n}\n`;
const HEX = "'labelColor' must be a colour written as # and six hex digits (#RRGGBB), not";
const DATETIME = "'deadline' must be a date and time as YYYY-MM-DDThh:mm:ss±hh:mm (or with Z), not";

describe("value-format", () => {
  ruleTester.run(ruleById(ID), {
    valid: validRows([
      ["a #RRGGBB colour", labelColor('"#A1b2C3"')],
      ["a deadline with an offset", activity('"2025-01-01T10:00:00+03:00"')],
      ["a deadline with a negative offset", activity('"2024-02-29T23:59:59-05:30"')],
      ["a deadline in UTC with Z", activity('"2025-01-01T10:00:00Z"')],
      ["an empty deadline (the server ignores it)", activity('""')],
      ["an ISO country code", country('"GB"')],
      ["a number (value-type's)", labelColor("5")],
    ]),
    invalid: [],
  });

  ruleTester.run(ruleById(ID), {
    valid: [],
    invalid: invalidRows([
      ["a colour name", labelColor('"red"'), [error(`${HEX} "red".`, "6:56", "6:61")]],
      ["a three-digit colour", labelColor('"#fff"'), [error(`${HEX} "#fff". Did you mean '#ffffff'?`, "6:56", "6:62")], labelColor('"#ffffff"')],
      ["a colour without #", labelColor('"ff0000"'), [error(`${HEX} "ff0000". Did you mean '#ff0000'?`, "6:56", "6:64")], labelColor('"#ff0000"')],
      ["a colour with a non-hex digit", labelColor('"#12345G"'), [error(`${HEX} "#12345G".`, "6:56", "6:65")]],
      ["a date without a time", activity('"2025-01-01"'), [error(`${DATETIME} "2025-01-01".`, "3:12", "3:24")]],
      ["a date and time without an offset", activity('"2025-01-01T10:00:00"'), [error(`${DATETIME} "2025-01-01T10:00:00".`, "3:12", "3:33")]],
      [
        "a space instead of T",
        activity('"2025-01-01 10:00:00+03:00"'),
        [error(`${DATETIME} "2025-01-01 10:00:00+03:00". Did you mean '2025-01-01T10:00:00+03:00'?`, "3:12", "3:39")],
        activity('"2025-01-01T10:00:00+03:00"'),
      ],
      [
        "a day that does not exist",
        activity('"2025-02-29T10:00:00+03:00"'),
        [error("'deadline' is not a real date and time: \"2025-02-29T10:00:00+03:00\" has the day out of range.", "3:12", "3:39")],
      ],
      [
        "an hour out of range",
        activity('"2025-01-01T24:00:00+03:00"'),
        [error("'deadline' is not a real date and time: \"2025-01-01T24:00:00+03:00\" has the hour out of range.", "3:12", "3:39")],
      ],
      ["a lower-case country code", country('"gb"'), [error("'defaultCountry' must be a two-letter ISO 3166-1 country code, not \"gb\". Did you mean 'GB'?", "3:28", "3:32")], country('"GB"')],
      [
        "a code that is not ISO 3166-1 (UK is only reserved)",
        country('"UK"'),
        [error("'defaultCountry' must be a two-letter ISO 3166-1 country code such as GB or DE, not \"UK\".", "3:28", "3:32")],
      ],
      [
        "a country name",
        country('"Germany"'),
        [error("'defaultCountry' must be a two-letter ISO 3166-1 country code such as GB or DE, not \"Germany\".", "3:28", "3:37")],
      ],
    ]),
  });

  it.each([
    [labelColor('"#fff"'), '"#ffffff"'],
    [activity('"2025-01-01 10:00:00+03:00"'), '"2025-01-01T10:00:00+03:00"'],
    [country('"gb"'), '"GB"'],
  ])("fixes %#", (code, newText) => {
    const d = check(code).diagnostics.find((x) => x.ruleId === ID);
    expect(d?.fix?.edits.map((e) => e.newText)).toEqual([newText]);
  });

});
