import { TRANSLATIONS_KEYWORD } from "../../model/statements.js";
import { defineRule } from "../rule.js";

/** A key defined in one language of the translations table but not in another (spec §3, §9). */
export default defineRule({
  meta: {
    id: "missing-translation",
    description: "Require every translation key in every language of the translations table.",
    why: "Bitrix24 shows a language map in the user's language, else in `en`, else in the first entry (spec §3, §9). A key missing from one language is not an error on the server, but users of that language silently get another language's text.",
    severity: "warning",
    appliesTo: ["b24layout"],
    scope: "file",
    spec: "§3, §9",
    options: {
      languages: "Language ids every key needs a text in, including ones the table has no texts for. Set by the config's `languages`.",
    },
    messages: {
      languageMissing: "The translations table has no texts in '{language}', one of the project's languages (b24layout.config.json).",
      missing: "Translation '{key}' is missing in language '{language}'; users of '{language}' see the '{fallback}' text instead.",
    },
    examples: {
      incorrect: [
        {
          code: 'translations {\n  en { incoming "Incoming call"; client "Client" }\n  de { incoming "Eingehender Anruf" }\n}\nlayout l {\n  icon call\n  header @incoming\n  body {\n    logo call-incoming\n    withTitle @client { text "Ltd." }\n  }\n}\n',
          note: "`client` has no German text.",
        },
      ],
      correct: [
        {
          code: 'translations {\n  en { incoming "Incoming call"; client "Client" }\n  de { incoming "Eingehender Anruf"; client "Kunde" }\n}\nlayout l {\n  icon call\n  header @incoming\n  body {\n    logo call-incoming\n    withTitle @client { text "Ltd." }\n  }\n}\n',
        },
      ],
    },
  },
  create(context) {
    return {
      program({ translations }) {
        const languages = [...translations.languages.values()];
        // The project's languages (b24layout.config.json "languages"): one the table lacks entirely.
        const required = context.options["languages"];
        const table = context.document.statements.find((s) => s.name.name === TRANSLATIONS_KEYWORD);
        if (Array.isArray(required) && table && translations.all.length > 0) {
          for (const language of required) {
            if (typeof language === "string" && !translations.languages.has(language)) {
              context.report({ messageId: "languageMissing", data: { language }, range: table.name.range });
            }
          }
        }
        const keys = new Set<string>();
        for (const entry of translations.all) keys.add(entry.key);
        for (const key of keys) {
          const having = languages.filter((l) => l.entries.has(key));
          // Bitrix24's fallback: `en`, else the first entry of the map the key compiles to.
          const fallback = having.find((l) => l.language === "en") ?? having[0];
          if (!fallback) continue;
          for (const language of languages) {
            if (language.entries.has(key)) continue;
            context.report({
              messageId: "missing",
              data: { key, language: language.language, fallback: fallback.language },
              range: language.range,
            });
          }
        }
      },
    };
  },
});
