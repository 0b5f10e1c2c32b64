import { describe, expect, it } from "vitest";
import { invalidRows, RuleTester, ruleById, validRows } from "../support/rule-tester.js";
import { check } from "../../src/index.js";
import { inLayoutBody } from "../helpers.js";

const ruleTester = new RuleTester();
const ID = "unknown-language";
const wrongLang = (language: string) => `the server answers "The language ${language} was not found."`;

describe(ID, () => {
  ruleTester.run(ruleById(ID), {
    valid: [],
    invalid: invalidRows([
      [
        "an ISO code where Bitrix24 has its own id (uk → ua)",
        inLayoutBody('    text { en: "Call", uk: "Дзвінок" }'),
        [{ ruleId: ID, severity: "error", message: `Unknown language 'uk'; ${wrongLang("uk")}. Bitrix24's id for Ukrainian is 'ua'.`, at: "6:24", to: "6:26" }],
      ],
      [
        "es → la",
        inLayoutBody('    text { en: "Call", es: "Llamada" }'),
        [{ ruleId: ID, severity: "error", message: `Unknown language 'es'; ${wrongLang("es")}. Bitrix24's id for Spanish is 'la'.`, at: "6:24", to: "6:26" }],
      ],
      [
        "zh → sc (the primary subtag of zh-CN)",
        inLayoutBody('    text { en: "Call", zh: "电话" }'),
        [{ ruleId: ID, severity: "error", message: `Unknown language 'zh'; ${wrongLang("zh")}. Bitrix24's id for Chinese (Simplified) is 'sc'.`, at: "6:24", to: "6:26" }],
      ],
      [
        "a full BCP 47 tag (pt-BR → br)",
        inLayoutBody('    text { en: "Call", "pt-BR": "Chamada" }'),
        [{ ruleId: ID, severity: "error", message: `Unknown language 'pt-BR'; ${wrongLang("pt-BR")}. Bitrix24's id for Portuguese (Brazil) is 'br'.`, at: "6:24", to: "6:31" }],
      ],
      [
        "a language id in upper case",
        inLayoutBody('    text { EN: "Call" }'),
        [{ ruleId: ID, severity: "error", message: `Unknown language 'EN'; ${wrongLang("EN")}. Did you mean 'en'?`, at: "6:12", to: "6:14" }],
      ],
      [
        "an id close to none",
        inLayoutBody('    text { en: "Call", xx: "?" }'),
        [
          {
            ruleId: ID,
            severity: "error",
            message: `Unknown language 'xx'; ${wrongLang("xx")}. Bitrix24 language ids are ar, br, de, en, fr, id, in, it, ja, kz, la, ms, pl, ru, sc, tc, th, tr, ua, vn.`,
            at: "6:24",
            to: "6:26",
          },
        ],
      ],
      [
        "a language of the translations table",
        'translations {\n  en { a "A" }\n  uk { a "A" }\n}\nblocks b {\n  text @a\n}\n',
        [{ ruleId: ID, severity: "error", message: `Unknown language 'uk'; ${wrongLang("uk")}. Bitrix24's id for Ukrainian is 'ua'.`, at: "3:3", to: "3:5" }],
      ],
      [
        "a badge map, with the badge method's own error",
        'badge b failure {\n  title "T"\n  value { en: "Missed", uk: "Пропущений" }\n}\n',
        [{ ruleId: ID, severity: "error", message: "Unknown language 'uk'; the server answers \"Language `uk` was not found\". Bitrix24's id for Ukrainian is 'ua'.", at: "3:25", to: "3:27" }],
      ],
    ]),
  });

  ruleTester.run(ruleById(ID), {
    valid: validRows([
      ["Bitrix24 ids", inLayoutBody('    text { en: "Call", ua: "Дзвінок", la: "Llamada", sc: "电话", br: "Chamada" }')],
      ["a table of Bitrix24 ids", 'translations {\n  en { a "A" }\n  kz { a "A" }\n}\nblocks b {\n  text @a\n}\n'],
      ["action parameter keys", inLayoutBody('    link "Open" -> openRestApp { uk: 1 }')],
    ]),
    invalid: [],
  });

  it("suggests the Bitrix24 id for an ISO code: a portal may have its own language, so never a fix", () => {
    const d = check(inLayoutBody('    text { en: "Call", uk: "Дзвінок" }')).diagnostics.find((x) => x.ruleId === ID);
    expect(d?.fix).toBeUndefined();
    expect(d?.suggestions?.map((s) => s.edits.map((e) => e.newText))).toEqual([["ua"]]);
  });

});
