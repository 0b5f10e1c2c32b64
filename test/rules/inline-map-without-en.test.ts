import { describe } from "vitest";
import { invalidRows, RuleTester, ruleById, validRows } from "../support/rule-tester.js";
import { inLayoutBody } from "../helpers.js";

const ruleTester = new RuleTester();
const ID = "inline-map-without-en";

describe(ID, () => {
  ruleTester.run(ruleById(ID), {
    valid: [],
    invalid: invalidRows([
      [
        "a text map without en",
        inLayoutBody('    text { de: "Anruf", ru: "Звонок" }'),
        [{ ruleId: ID, severity: "warning", message: "This language map has no 'en' entry; users whose language is not in it see the first entry ('de').", at: "6:10", to: "6:39" }],
      ],
      [
        "a map written as a body",
        'layout l {\n  icon call\n  header {\n    title {\n      ru "Звонок"\n    }\n  }\n  body {\n    logo call-incoming\n    text "x"\n  }\n}\n',
        [{ ruleId: ID, severity: "warning", message: "This language map has no 'en' entry; users whose language is not in it see the first entry ('ru').", at: "4:11", to: "6:6" }],
      ],
      [
        "a badge value map without en",
        'badge missedCall failure {\n  title "Call status"\n  value { de: "Verpasst" }\n}\n',
        [{ ruleId: ID, severity: "warning", message: "This language map has no 'en' entry; users whose language is not in it see the first entry ('de').", at: "3:9", to: "3:27" }],
      ],
      [
        "a translations table without en, once",
        'translations {\n  de { a "A" }\n  ru { a "A" }\n}\nblocks b {\n  text @a\n}\n',
        [{ ruleId: ID, severity: "warning", message: "The translations table has no 'en' language; users whose language is not in it see the first language ('de').", at: "1:1", to: "1:13" }],
      ],
    ]),
  });

  ruleTester.run(ruleById(ID), {
    valid: validRows([
      ["a map with en", inLayoutBody('    text { de: "Anruf", en: "Call" }')],
      ["an empty map (empty-translation-map reports it)", inLayoutBody("    text {\n      value {}\n    }")],
      ["a table with en", 'translations {\n  de { a "A" }\n  en { a "A" }\n}\nblocks b {\n  text @a\n}\n'],
      ["action parameters, which are not a language map", inLayoutBody('    link "Open" -> openRestApp { clientId: 456 }')],
    ]),
    invalid: [],
  });

});
