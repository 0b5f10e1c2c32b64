import type { Range } from "../../syntax/index.js";
import { ISO_COUNTRY_CODES } from "../../model/index.js";
import type { StringFormat } from "../../model/index.js";
import { defineRule } from "../rule.js";

/** A string field with a format (`hexColor`, `datetime`, `countryCode`) holding a string of another shape (spec §4.12, §6, §11.3). */
export default defineRule({
  meta: {
    id: "value-format",
    description: "Require formatted strings to match their format: #RRGGBB colours, ISO 8601 datetimes with an offset, ISO 3166-1 country codes.",
    why:
      "sliderParams.labelColor must be `#` and six hex digits, else WRONG_FIELD_VALUE (spec §4.12, §7). An activity deadline is `YYYY-MM-DDThh:mm:ss±hh:mm` (spec §6); " +
      "the rule also accepts a `Z` offset, which ISO 8601 allows and PHP parses. A card field's defaultCountry is a two-letter ISO 3166-1 code such as `GB` (spec §11.3). " +
      "An empty deadline is left alone: the server ignores it (spec §6).",
    severity: "error",
    scope: "declaration",
    fixable: true,
    spec: "§4.12, §6, §11.3",
    messages: {
      hexColor: "'{field}' must be a colour written as # and six hex digits (#RRGGBB), not {written}.",
      hexColorSuggest: "'{field}' must be a colour written as # and six hex digits (#RRGGBB), not {written}. Did you mean '{suggestion}'?",
      datetime: "'{field}' must be a date and time as YYYY-MM-DDThh:mm:ss±hh:mm (or with Z), not {written}.",
      datetimeSuggest: "'{field}' must be a date and time as YYYY-MM-DDThh:mm:ss±hh:mm (or with Z), not {written}. Did you mean '{suggestion}'?",
      datetimeInvalid: "'{field}' is not a real date and time: {written} has {part} out of range.",
      countryCode: "'{field}' must be a two-letter ISO 3166-1 country code such as GB or DE, not {written}.",
      countryCodeSuggest: "'{field}' must be a two-letter ISO 3166-1 country code, not {written}. Did you mean '{suggestion}'?",
    },
    examples: {
      incorrect: [
        { code: 'card c for contact {\n  main: section "Main" {\n    PHONE { defaultCountry "gb" }\n  }\n}\n', note: "Country codes are upper-case." },
        { code: 'activity a {\n  ownerTypeId deal; ownerId 1\n  deadline "2025-01-01 10:00"\n  layout {\n    icon info\n    header "T"\n    body {\n      logo document\n      text "x"\n    }\n  }\n}\n' },
      ],
      correct: [
        { code: 'card c for contact {\n  main: section "Main" {\n    PHONE { defaultCountry "GB" }\n  }\n}\n' },
        { code: 'activity a {\n  ownerTypeId deal; ownerId 1\n  deadline "2025-01-01T10:00:00+03:00"\n  layout {\n    icon info\n    header "T"\n    body {\n      logo document\n      text "x"\n    }\n  }\n}\n' },
      ],
    },
  },
  create(context) {
    const report = (format: StringFormat, field: string, text: string, range: Range, suggestion: string | undefined) => {
      context.report({
        messageId: suggestion === undefined ? format : `${format}Suggest`,
        data: { field, written: JSON.stringify(text), ...(suggestion !== undefined ? { suggestion } : {}) },
        range,
        ...(suggestion !== undefined ? { fix: { description: `Replace with "${suggestion}"`, edits: [{ range, newText: JSON.stringify(suggestion) }] } } : {}),
      });
    };
    return {
      fieldTypes: ["string"],
      field({ field, value }) {
        if (field.type.kind !== "string" || !field.type.format) return;
        if (value.kind !== "scalar" || typeof value.value !== "string") return; // value-type
        const text = value.value;
        const format = field.type.format;
        switch (format) {
          case "hexColor":
            if (HEX_COLOR.test(text)) return;
            return report(format, field.name, text, value.range, suggestHexColor(text));
          case "datetime": {
            if (text === "") return;
            const m = DATETIME.exec(text);
            if (!m) {
              const spaced = text.replace(" ", "T");
              return report(format, field.name, text, value.range, spaced !== text && DATETIME.test(spaced) && !outOfRange(spaced) ? spaced : undefined);
            }
            const part = outOfRange(text);
            if (part) context.report({ messageId: "datetimeInvalid", data: { field: field.name, written: JSON.stringify(text), part }, range: value.range });
            return;
          }
          case "countryCode": {
            if (ISO_COUNTRY_CODES.has(text)) return;
            const upper = text.toUpperCase();
            return report(format, field.name, text, value.range, ISO_COUNTRY_CODES.has(upper) ? upper : undefined);
          }
        }
      },
    };
  },
});

const HEX_COLOR = /^#[0-9a-fA-F]{6}$/;
/** `YYYY-MM-DDThh:mm:ss` with `±hh:mm` (spec §6) or `Z`. */
const DATETIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:[+-](\d{2}):(\d{2})|Z)$/;

/** `#fff` → `#ffffff`, `ff0000` → `#ff0000`. */
function suggestHexColor(text: string): string | undefined {
  const short = /^#?([0-9a-fA-F])([0-9a-fA-F])([0-9a-fA-F])$/.exec(text);
  if (short) return `#${short[1]!.repeat(2)}${short[2]!.repeat(2)}${short[3]!.repeat(2)}`;
  if (/^[0-9a-fA-F]{6}$/.test(text)) return `#${text}`;
  return undefined;
}

/** The first part of a well-formed datetime that is out of range, if any. */
function outOfRange(text: string): string | undefined {
  const m = DATETIME.exec(text);
  if (!m) return undefined;
  const n = (i: number) => Number(m[i] ?? 0);
  const [year, month, day, hour, minute, second, offH, offM] = [n(1), n(2), n(3), n(4), n(5), n(6), n(7), n(8)];
  if (month < 1 || month > 12) return "the month";
  const last = new Date(0);
  last.setUTCFullYear(year, month, 0);
  const days = last.getUTCDate();
  if (day < 1 || day > days) return "the day";
  if (hour > 23) return "the hour";
  if (minute > 59) return "the minutes";
  if (second > 59) return "the seconds";
  if (offH > 14 || offM > 59) return "the offset";
  return undefined;
}
