// Language ids (LIDs) a Bitrix24 portal can have installed. Bitrix uses its own
// ids, which are not always ISO 639-1 codes (e.g. "ua", "la", "br", "sc", "tc",
// "vn", "kz", "in").
//
// Sources read:
//   - npm package @bitrix24/b24jssdk@2.2.0, dist/esm/core/language/list.mjs
//     (enum B24LangList, "List of supported languages in B24.Cloud", and
//     B24LocaleMap, which maps each id to a locale)
//   - bitrix24/b24jssdk, packages/jssdk/src/core/language/list.ts (older
//     versions, without "kz" and "in") and
//     https://app.unpkg.com/@bitrix24/b24jssdk@1.0.4/files/dist/esm/core/language/list.mjs.map
//     (already with "kz" -> "kk" and "in" -> "hi-IN")
//   - bitrix24/b24ui, src/runtime/locale/index.ts (native names of the same 20
//     ids), src/runtime/locale/in.ts (name "Indian", locale "hi_IN") and
//     src/runtime/locale/kz.ts (locale "kk")
//   - mesilov/bitrix24-php-sdk, src/presets/lang.php (ua = Ukrainian,
//     la = Spanish, tc = Chinese traditional, sc = Chinese simplified,
//     br = Portuguese)
//   - avshatalov48/bitrix24-core-corp, component lang/ folders (de, en, ru, ua)
//
// `isoCode` is the ISO 639-1 code of the language. Where B24LocaleMap ties the
// id to a region that matters (Brazilian Portuguese, simplified and
// traditional Chinese), the BCP 47 tag from that map is given instead.
// On-premise ("box") portals usually have only one or two of these installed.

/** One language a Bitrix24 portal can have installed (its LID). */
export interface BitrixLanguage {
  /** Bitrix LID, e.g. "ua". */
  readonly id: string;
  /** English name, e.g. "Ukrainian". */
  readonly name: string;
  /** The ISO 639-1 / BCP 47 code people might type instead, e.g. "uk". */
  readonly isoCode: string;
}

export const BITRIX_LANGUAGES: readonly BitrixLanguage[] = [
  { id: "ar", name: "Arabic", isoCode: "ar" },
  { id: "br", name: "Portuguese (Brazil)", isoCode: "pt-BR" },
  { id: "de", name: "German", isoCode: "de" },
  { id: "en", name: "English", isoCode: "en" },
  { id: "fr", name: "French", isoCode: "fr" },
  { id: "id", name: "Indonesian", isoCode: "id" },
  { id: "in", name: "Hindi", isoCode: "hi" },
  { id: "it", name: "Italian", isoCode: "it" },
  { id: "ja", name: "Japanese", isoCode: "ja" },
  { id: "kz", name: "Kazakh", isoCode: "kk" },
  { id: "la", name: "Spanish", isoCode: "es" },
  { id: "ms", name: "Malay", isoCode: "ms" },
  { id: "pl", name: "Polish", isoCode: "pl" },
  { id: "ru", name: "Russian", isoCode: "ru" },
  { id: "sc", name: "Chinese (Simplified)", isoCode: "zh-CN" },
  { id: "tc", name: "Chinese (Traditional)", isoCode: "zh-TW" },
  { id: "th", name: "Thai", isoCode: "th" },
  { id: "tr", name: "Turkish", isoCode: "tr" },
  { id: "ua", name: "Ukrainian", isoCode: "uk" },
  { id: "vn", name: "Vietnamese", isoCode: "vi" },
];
