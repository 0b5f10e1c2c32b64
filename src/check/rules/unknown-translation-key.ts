import type { IrTranslationRef } from "../../lower/index.js";
import { TRANSLATIONS_KEYWORD } from "../../model/index.js";
import { closest } from "../../util/index.js";
import { defineRule } from "../rule.js";
import { replaceWith } from "../rule-helpers/fix.js";
import { forEachTranslationRef } from "../rule-helpers/translation-refs.js";

/** `@key` must name a key of the file's translations table (spec §3, §9). */
export default defineRule({
  meta: {
    id: "unknown-translation-key",
    description: "Disallow `@key` references to keys the translations table does not define.",
    why: "A `@key` compiles to the language map `{ <lang>: <text> }` built from the translations table (spec §3, §9). A key the table does not define has no text in any language, so the field would be sent as an empty map and the record would show nothing.",
    severity: "error",
    appliesTo: ["b24layout"],
    scope: "declaration",
    hasSuggestions: true,
    spec: "§3, §9",
    messages: {
      unknownKey: "Unknown translation '@{key}': the translations table does not define it.",
      unknownKeySuggest: "Unknown translation '@{key}': the translations table does not define it. Did you mean '@{suggestion}'?",
      noTable: "Unknown translation '@{key}': the file has no translations table.",
    },
    examples: {
      incorrect: [
        {
          code: 'translations {\n  en { incoming "Incoming call" }\n}\nlayout l {\n  icon call\n  header @incomming\n  body {\n    logo call-incoming\n    text "x"\n  }\n}\n',
          note: "`@incomming` is a typo of `@incoming`.",
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
    // The table's keys, gathered at the first reference (a file without any needs none of this).
    let keys: Set<string> | undefined;
    let hasTable = false;
    const knownKeys = (): ReadonlySet<string> => {
      if (keys !== undefined) return keys;
      const imported = context.program.importedTranslations;
      hasTable = context.document.statements.some((s) => s.name.name === TRANSLATIONS_KEYWORD) || imported !== undefined;
      keys = new Set<string>();
      for (const table of [context.program.translations, imported]) {
        for (const language of table?.languages.values() ?? []) for (const key of language.entries.keys()) keys.add(key);
      }
      return keys;
    };
    const checkReference = (ref: IrTranslationRef): void => {
      const known = knownKeys();
      if (known.has(ref.key)) return;
      if (!hasTable) {
        context.report({ messageId: "noTable", data: { key: ref.key }, range: ref.range });
        return;
      }
      const suggestion = closest(ref.key, known);
      context.report({
        messageId: suggestion === undefined ? "unknownKey" : "unknownKeySuggest",
        data: { key: ref.key, ...(suggestion === undefined ? {} : { suggestion }) },
        range: ref.range,
        ...(suggestion === undefined ? {} : { suggestions: [replaceWith(ref.range, `@${suggestion}`)] }),
      });
    };
    return {
      object({ object }) {
        forEachTranslationRef(object, checkReference);
      },
    };
  },
});
