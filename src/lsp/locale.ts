/**
 * The Bitrix24 language of an editor's UI language (a BCP 47 tag such as `de`, `pt-BR`, `zh-tw`,
 * `uk`), from the model's language list: the exact code first (`zh-TW` → `tc`), else the primary
 * language (`de-AT` → `de`, `pt` → `br`).
 */
import { BITRIX_LANGUAGES } from "../model/index.js";

export function languageForLocale(locale: string): string | undefined {
  const tag = locale.trim().replace(/_/g, "-").toLowerCase();
  if (tag === "") return undefined;
  const exact = BITRIX_LANGUAGES.find((l) => l.isoCode.toLowerCase() === tag);
  if (exact) return exact.id;
  const primary = tag.split("-")[0]!;
  return BITRIX_LANGUAGES.find((l) => l.isoCode.toLowerCase().split("-")[0] === primary)?.id;
}
