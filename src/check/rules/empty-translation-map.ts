import { defineRule } from "../rule.js";
import { badgeField } from "../rule-helpers/badge-text.js";
import { forEachTranslationRef, holdsTranslationRef } from "../rule-helpers/translation-refs.js";

/** An empty language map or an empty text in a map or the translations table (spec §3, §8). */
export default defineRule({
  meta: {
    id: "empty-translation-map",
    description: "Disallow empty language maps and empty texts in language maps and the translations table.",
    why: "The layout validator accepts `{}` and `\"\"` (only key presence is required, spec §2, §3), so the record just shows nothing; the docs ask for a non-empty map (spec §3). Badges are stricter: the server answers \"Wrong value of field `title` for language xx\" for an empty text, and the docs require a non-empty title and value (spec §8).",
    severity: "warning",
    scope: "split",
    spec: "§3, §8, §9",
    messages: {
      emptyMap: { text: "This language map is empty; the text shows as blank.", basis: "docs" },
      emptyBadgeMap: { text: "The badge's '{field}' is an empty language map; a badge needs a non-empty {field}.", severity: "error" },
      emptyText: "The '{language}' text is empty; users of '{language}' see a blank text.",
      emptyBadgeText: {
        text: "The badge's '{field}' is empty in language '{language}'; the server answers \"Wrong value of field `{field}` for language {language}\".",
        severity: "error",
      },
      emptyTableText: "Translation '{key}' is empty in language '{language}'.",
      emptyBadgeRef: {
        text: "The badge's '{field}' uses '@{key}', which is empty in language '{language}'; the server answers \"Wrong value of field `{field}` for language {language}\".",
        severity: "error",
      },
    },
    examples: {
      incorrect: [
        { code: 'badge missedCall failure {\n  title "Call status"\n  value { en: "", de: "Verpasst" }\n}\n', note: "Empty badge text: an error." },
        { code: 'layout l {\n  icon call\n  header {\n    title {}\n  }\n  body {\n    logo call-incoming\n    text "x"\n  }\n}\n' },
      ],
      correct: [{ code: 'badge missedCall failure {\n  title "Call status"\n  value { en: "Missed", de: "Verpasst" }\n}\n' }],
    },
  },
  create(context) {
    const table = context.program.translations;
    return {
      program({ translations }) {
        for (const entry of translations.all) {
          if (entry.value !== "") continue;
          context.report({ messageId: "emptyTableText", data: { key: entry.key, language: entry.language }, range: entry.keyRange });
        }
      },
      object({ object, path }) {
        if (object.dto === "LanguageMap") {
          const field = badgeField(path);
          // A map with a spread in it (a JSON payload of JavaScript code) may have entries there.
          if (object.entries.length === 0 && !object.partial) {
            if (field === undefined) context.report({ messageId: "emptyMap", range: object.range });
            else context.report({ messageId: "emptyBadgeMap", data: { field }, range: object.range });
            return;
          }
          for (const e of object.entries) {
            if (e.value.kind !== "scalar" || e.value.value !== "") continue;
            if (field === undefined) context.report({ messageId: "emptyText", data: { language: e.key }, range: e.value.range });
            else context.report({ messageId: "emptyBadgeText", data: { field, language: e.key }, range: e.value.range });
          }
          return;
        }
        // A badge text written as `@key` compiles to a map of the table's texts.
        if (!holdsTranslationRef(object)) return;
        forEachTranslationRef(object, (ref, entry) => {
          const field = badgeField([...path, { object, key: entry.key, entry }]);
          if (field === undefined) return;
          for (const language of table.languages.values()) {
            if (language.entries.get(ref.key)?.value !== "") continue;
            context.report({
              messageId: "emptyBadgeRef",
              data: { field, key: ref.key, language: language.language },
              range: ref.range,
            });
          }
        });
      },
    };
  },
});
