import { defineRule } from "../rule.js";
import { forEachTranslationRef } from "./translation-refs.js";

/** A translation key no `@key` refers to (spec §9). */
export default defineRule({
  meta: {
    id: "unused-translation",
    description: "Report translation keys that no `@key` reference uses.",
    why: "Only `@key` references put table texts into the output (spec §3, §9); an unused key is dead text, often left behind by a renamed reference.",
    severity: "warning",
    spec: "§3, §9",
    messages: {
      unused: "Translation '{key}' is never used; reference it as '@{key}' or remove it.",
    },
    examples: {
      incorrect: [
        {
          code: 'translations {\n  en { incoming "Incoming call"; outgoing "Outgoing call" }\n}\nlayout l {\n  icon call\n  header @incoming\n  body {\n    logo call-incoming\n    text "x"\n  }\n}\n',
          note: "`outgoing` is never referenced.",
        },
      ],
      correct: [
        {
          code: 'translations {\n  en { incoming "Incoming call" }\n}\nlayout l {\n  icon call\n  header @incoming\n  body {\n    logo call-incoming\n    text "x"\n  }\n}\n',
        },
      ],
    },
  },
  create(context) {
    const used = new Set<string>();
    return {
      object({ object }) {
        forEachTranslationRef(object, (ref) => used.add(ref.key));
      },
      done() {
        const reported = new Set<string>();
        // `all` is in source order, so the first occurrence is the key in its first language.
        for (const entry of context.program.translations.all) {
          if (used.has(entry.key) || reported.has(entry.key)) continue;
          reported.add(entry.key);
          context.report({ messageId: "unused", data: { key: entry.key }, range: entry.keyRange });
        }
      },
    };
  },
});
