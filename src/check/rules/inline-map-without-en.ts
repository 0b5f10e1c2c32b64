import { TRANSLATIONS_KEYWORD } from "../../model/index.js";
import { defineRule } from "../rule.js";

/** A language map (or the translations table) without `en`, the language Bitrix24 falls back to (spec §3, §9). */
export default defineRule({
  meta: {
    id: "inline-map-without-en",
    description: "Require an `en` entry in every language map and in the translations table.",
    why: "Bitrix24 shows a language map in the user's language, else in `en`, else in the first entry (spec §3; the same for badges, §8, §9). Without `en`, users whose language is missing see whatever language happens to be first.",
    severity: "warning",
    scope: "split",
    spec: "§3, §8, §9",
    messages: {
      mapWithoutEn: "This language map has no 'en' entry; users whose language is not in it see the first entry ('{first}').",
      tableWithoutEn: "The translations table has no 'en' language; users whose language is not in it see the first language ('{first}').",
    },
    examples: {
      incorrect: [
        {
          code: 'layout l {\n  icon call\n  header "T"\n  body {\n    logo call-incoming\n    text { de: "Anruf", ru: "Звонок" }\n  }\n}\n',
        },
        {
          code: 'translations {\n  de { incoming "Eingehender Anruf" }\n}\nlayout l {\n  icon call\n  header @incoming\n  body {\n    logo call-incoming\n    text "x"\n  }\n}\n',
          note: "The table has no `en` language.",
        },
      ],
      correct: [
        {
          code: 'layout l {\n  icon call\n  header "T"\n  body {\n    logo call-incoming\n    text { en: "Call", de: "Anruf" }\n  }\n}\n',
        },
      ],
    },
  },
  create(context) {
    return {
      program({ translations }) {
        const first = translations.languages.values().next().value;
        if (!first || translations.languages.has("en")) return;
        const keyword = context.document.statements.find((s) => s.name.name === TRANSLATIONS_KEYWORD);
        context.report({ messageId: "tableWithoutEn", data: { first: first.language }, range: keyword?.name.range ?? first.range });
      },
      objectDtos: ["LanguageMap"],
      object({ object }) {
        // A map with a spread in it (a JSON payload of JavaScript code) may have its `en` there.
        if (object.dto !== "LanguageMap" || object.partial) return;
        const first = object.entries[0];
        if (!first || object.entries.some((e) => e.key === "en")) return;
        context.report({ messageId: "mapWithoutEn", data: { first: first.key }, range: object.range });
      },
    };
  },
});
