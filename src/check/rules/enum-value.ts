import type { IrScalar } from "../../lower/index.js";
import type { EnumValue, FieldType } from "../../model/index.js";
import { withArticle } from "../../util/index.js";
import { closest } from "../../util/index.js";
import { defineRule } from "../rule.js";

/** A value outside an enumeration field's set, or one Bitrix24 knows but refuses via REST (spec §2.5). */
export default defineRule({
  meta: {
    id: "enum-value",
    description: "Require enumeration fields (tag and button types, text size and colour, action type, scope, …) to hold one of their values.",
    why:
      "The server checks enumerations with a loose in_array and answers WRONG_FIELD_VALUE (the docs call it ENUM_FIELD) for any other value (spec §2.5). " +
      "Some values exist inside Bitrix24 but are refused via REST: tag `lavender`, button `ai`, text colour `green` (spec §4.4, §4.6, §4.9). " +
      "Content blocks declare `scope` but the server does not check it, so a value outside web/mobile there is a warning (spec §3). " +
      "Aliases (`personal` for P) are accepted; integer-valued enums (optionFlags, leadCustomerType) compare as numbers.",
    severity: "error",
    scope: "declaration",
    fixable: true,
    hasSuggestions: true,
    spec: "§2.5, §3, §4, §11",
    messages: {
      invalid: "'{value}' is not a valid '{field}' for {what}; expected {allowed}.",
      invalidSuggest: "'{value}' is not a valid '{field}' for {what}; expected {allowed}. Did you mean '{suggestion}'?",
      invalidAnswer: "'{value}' is not a valid '{field}' for {what}; expected {allowed}. The server answers \"{answer}\"",
      invalidAnswerSuggest: "'{value}' is not a valid '{field}' for {what}; expected {allowed}. Did you mean '{suggestion}'? The server answers \"{answer}\"",
      refused: "'{value}' is not accepted as '{field}' for {what}: {note}. Use {allowed}.",
      refusedDocumented: { text: "'{value}' is not accepted as '{field}' for {what}: {note}. Use {allowed}.", basis: "server" },
      docsOnly: { text: "'{value}' is not a valid '{field}' for {what}: the docs allow only {allowed}; the server does not check.", severity: "warning", basis: "docs" },
      docsOnlySuggest: {
        text: "'{value}' is not a valid '{field}' for {what}: the docs allow only {allowed}; the server does not check. Did you mean '{suggestion}'?",
        severity: "warning",
        basis: "docs",
      },
    },
    examples: {
      incorrect: [
        { code: 'layout l {\n  icon info\n  header "T" {\n    tag lavender "New"\n  }\n  body {\n    logo document\n    text "x" size lg\n  }\n}\n', note: "`lavender` is refused via REST; `lg` is not a size." },
        { code: 'blocks b {\n  text "x" scope desktop\n}\n', note: "Block `scope` is not checked by the server, so this is a warning." },
      ],
      correct: [{ code: 'layout l {\n  icon info\n  header "T" {\n    tag warning "New"\n  }\n  body {\n    logo document\n    text "x" size sm\n  }\n}\n' }],
    },
  },
  create(context) {
    return {
      fieldTypes: ["enum"],
      field({ field, ownerDto, value }) {
        const type = field.type;
        if (type.kind !== "enum" || value.kind !== "scalar" || value.value === null) return;
        const numeric = type.valueType === "int";
        const written = numeric ? toNumber(value.value) : value.value;
        const hit = valueIndex(type).get(written);
        if (hit && hit.accepted?.server !== false) return;
        // Only a problem from here on: the message's parts are worth building.
        const accepted = type.values.filter((v) => v.accepted?.server !== false);
        const allowed = orList(accepted.map((v) => v.value));
        const what = withArticle(ownerDto.title);
        const data = { field: field.name, value: shown(value), what, allowed };
        if (hit) {
          // A value the docs list but the server refuses (tag `lavender`) is a server-only rejection.
          const messageId = hit.accepted?.docs !== false ? "refusedDocumented" : "refused";
          context.report({ messageId, data: { ...data, note: hit.note ?? "the server rejects it" }, range: value.range });
          return;
        }
        const words = accepted.flatMap((v) => [v.value, ...(v.aliases ?? [])]);
        // An alias written as a string (`"personal"`) is sent as written: suggest the value it stands for.
        const aliased = typeof value.value === "string" ? accepted.find((v) => v.aliases?.includes(String(value.value)))?.value : undefined;
        let suggestion = aliased ?? (typeof value.value === "string" ? closest(value.value, words) : undefined);
        if (suggestion !== undefined && value.source !== "word") {
          // Only words are read as aliases; elsewhere write the value itself.
          suggestion = accepted.find((v) => v.aliases?.includes(suggestion!))?.value ?? suggestion;
        }
        const newText = suggestion === undefined ? "" : numeric || value.source === "word" ? suggestion : JSON.stringify(suggestion);
        const change = suggestion === undefined ? undefined : { description: `Replace with ${newText}`, edits: [{ range: value.range, newText }] };
        const strict = type.strict.server;
        // The DTO framework names the structure (WRONG_FIELD_VALUE, spec §2.1); the methods that read their parameters themselves answer in their own words.
        const answer = ownerDto.serverClass !== undefined ? `The value of ${field.name} in ${ownerDto.serverClass} is incorrect.` : field.refusedAnswer;
        context.report({
          messageId: strict ? `${answer !== undefined ? "invalidAnswer" : "invalid"}${suggestion ? "Suggest" : ""}` : suggestion ? "docsOnlySuggest" : "docsOnly",
          data: { ...data, ...(suggestion ? { suggestion } : {}), ...(answer !== undefined ? { answer } : {}) },
          range: value.range,
          // An alias written as a string means its value to every reader; a similar word is a guess.
          ...(change ? (aliased !== undefined ? { fix: change } : { suggestions: [change] }) : {}),
        });
      },
    };
  },
});

type EnumType = Extract<FieldType, { kind: "enum" }>;

const indexes = new WeakMap<EnumType, ReadonlyMap<unknown, EnumValue>>();

/**
 * An enumeration's values by what they are compared with: the value, or for an integer
 * enumeration its number (so `"2"` finds 2). The first of two equal ones wins, as a search would
 * find it; NaN finds nothing.
 */
function valueIndex(type: EnumType): ReadonlyMap<unknown, EnumValue> {
  let index = indexes.get(type);
  if (index === undefined) {
    const byValue = new Map<unknown, EnumValue>();
    const numeric = type.valueType === "int";
    for (const v of type.values) {
      const key = numeric ? Number(v.value) : v.value;
      if (!byValue.has(key) && !Number.isNaN(key)) byValue.set(key, v);
    }
    indexes.set(type, (index = byValue));
  }
  return index;
}

function toNumber(v: string | number | boolean | null): number {
  if (typeof v === "number") return v;
  if (typeof v === "string" && /^\s*[+-]?\d+(\.\d+)?\s*$/.test(v)) return Number(v);
  return NaN;
}

/** The value as written: the alias or the text. */
function shown(value: IrScalar): string {
  return value.written ?? String(value.value);
}

function orList(items: readonly string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} or ${items[items.length - 1]}`;
}
