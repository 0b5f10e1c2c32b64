import { defineRule } from "../rule.js";

/** The same key twice in one language of the translations table (spec §9). */
export default defineRule({
  meta: {
    id: "duplicate-translation",
    description: "Disallow defining a translation key twice in the same language.",
    why: "A `@key` compiles to one text per language (spec §3, §9); with two definitions only the first is used and the second is silently lost, which is almost always an editing mistake.",
    severity: "error",
    appliesTo: ["b24layout"],
    scope: "file",
    spec: "§3, §9",
    messages: {
      duplicate: "Translation '{key}' is already defined in language '{language}'; only the first definition is used.",
    },
    examples: {
      incorrect: [
        {
          code: 'translations {\n  en {\n    incoming "Incoming call"\n    incoming "Incoming"\n  }\n}\nlayout l {\n  icon call\n  header @incoming\n  body {\n    logo call-incoming\n    text "x"\n  }\n}\n',
        },
      ],
      correct: [
        {
          code: 'translations {\n  en { incoming "Incoming call" }\n  de { incoming "Eingehender Anruf" }\n}\nlayout l {\n  icon call\n  header @incoming\n  body {\n    logo call-incoming\n    text "x"\n  }\n}\n',
        },
      ],
    },
  },
  create(context) {
    return {
      program({ translations }) {
        for (const entry of translations.all) {
          const first = translations.languages.get(entry.language)?.entries.get(entry.key);
          if (!first || first === entry) continue;
          context.report({
            messageId: "duplicate",
            data: { key: entry.key, language: entry.language },
            range: entry.keyRange,
            related: [{ message: "first defined", range: first.keyRange }],
          });
        }
      },
    };
  },
});
