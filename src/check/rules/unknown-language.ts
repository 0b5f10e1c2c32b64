import { BITRIX_LANGUAGES, type BitrixLanguage } from "../../model/index.js";
import type { Range } from "../../syntax/index.js";
import { closest } from "../../util/index.js";
import { defineRule, type Messages, type Report } from "../rule.js";
import { badgeField } from "../rule-helpers/badge-text.js";
import { replaceWith } from "../rule-helpers/fix.js";

const IDS = BITRIX_LANGUAGES.map((l) => l.id);
const ID_SET: ReadonlySet<string> = new Set(IDS);

/** A language id that is not a Bitrix24 language (WRONG_LANG, spec §3, §8, §9). */
/** Declared apart from the rule, so that the reporting helpers below can be typed by them. */
const UNKNOWN_LANGUAGE_MESSAGES = {
  unknown: "Unknown language '{language}'; {rejection}. Bitrix24 language ids are {ids}.",
  unknownSuggest: "Unknown language '{language}'; {rejection}. Did you mean '{suggestion}'?",
  isoCode: "Unknown language '{language}'; {rejection}. Bitrix24's id for {name} is '{suggestion}'.",
} as const satisfies Messages;

export default defineRule({
  meta: {
    id: "unknown-language",
    description: "Disallow language ids that are not Bitrix24 language ids, in language maps and the translations table.",
    why: "Every key of a language map must be a language installed on the portal: the layout validator answers WRONG_LANG (spec §3, §9) and crm.activity.badge.add answers \"Language `xx` was not found\" (spec §8). Bitrix24 uses its own ids, which are not always ISO codes: Ukrainian is `ua`, Spanish `la`, simplified Chinese `sc`.",
    severity: "error",
    scope: "split",
    hasSuggestions: true,
    spec: "§3, §8, §9",
    messages: UNKNOWN_LANGUAGE_MESSAGES,
    examples: {
      incorrect: [
        {
          code: 'layout l {\n  icon call\n  header "T"\n  body {\n    logo call-incoming\n    text { en: "Call", uk: "Дзвінок" }\n  }\n}\n',
          note: "Bitrix24 calls Ukrainian `ua`, not `uk`.",
        },
      ],
      correct: [
        {
          code: 'layout l {\n  icon call\n  header "T"\n  body {\n    logo call-incoming\n    text { en: "Call", ua: "Дзвінок" }\n  }\n}\n',
        },
      ],
    },
  },
  create(context) {
    const check = (language: string, range: Range, badge: string | undefined) => {
      if (ID_SET.has(language)) return;
      const rejection = badge === undefined ? `the server answers "The language ${language} was not found."` : `the server answers "Language \`${language}\` was not found"`;
      context.report(suggestLanguage(language, range, rejection));
    };
    return {
      program({ translations }) {
        for (const language of translations.languages.values()) check(language.language, language.range, undefined);
      },
      objectDtos: ["LanguageMap"],
      object({ object, path }) {
        if (object.dto !== "LanguageMap") return;
        const badge = badgeField(path);
        for (const e of object.entries) check(e.key, e.keyRange, badge);
      },
    };
  },
});

function suggestLanguage(language: string, range: Range, rejection: string): Report<typeof UNKNOWN_LANGUAGE_MESSAGES, "isoCode" | "unknownSuggest" | "unknown"> {
  const caseless = BITRIX_LANGUAGES.find((l) => l.id === language.toLowerCase());
  const iso = caseless ? undefined : byIsoCode(language);
  if (iso) {
    return {
      messageId: "isoCode",
      data: { language, rejection, name: iso.name, suggestion: iso.id },
      range,
      suggestions: [replaceWith(range, iso.id)],
    };
  }
  const suggestion = caseless?.id ?? closest(language, IDS);
  if (suggestion !== undefined) {
    return { messageId: "unknownSuggest", data: { language, rejection, suggestion }, range, suggestions: [replaceWith(range, suggestion)] };
  }
  return { messageId: "unknown", data: { language, rejection, ids: IDS.join(", ") }, range };
}

/** The Bitrix24 language whose ISO code (or its primary subtag: `zh` for `zh-CN`) is `code`. */
function byIsoCode(code: string): BitrixLanguage | undefined {
  const wanted = code.toLowerCase().replace("_", "-");
  return (
    BITRIX_LANGUAGES.find((l) => l.isoCode.toLowerCase() === wanted) ??
    BITRIX_LANGUAGES.find((l) => l.isoCode.toLowerCase().split("-")[0] === wanted)
  );
}
