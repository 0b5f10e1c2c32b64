/** The Bitrix24 language of an editor's locale (src/lsp/locale.ts), from the model's language list. */
import { describe, expect, it } from "vitest";
import { languageForLocale } from "../../src/lsp/locale.js";

describe("languageForLocale", () => {
  it.each([
    ["en", "en"],
    ["en-US", "en"],
    ["de-AT", "de"],
    ["uk", "ua"],
    ["pt-BR", "br"],
    ["pt", "br"],
    ["zh-tw", "tc"],
    ["zh_CN", "sc"],
    ["zh", "sc"],
    ["es-419", "la"],
    ["kk", "kz"],
    ["xx", undefined],
    ["", undefined],
  ])("%s → %s", (locale, language) => {
    expect(languageForLocale(locale)).toBe(language);
  });
});
