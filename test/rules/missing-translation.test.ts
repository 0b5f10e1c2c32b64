import { describe } from "vitest";
import { invalidRows, RuleTester, ruleById, validRows } from "../support/rule-tester.js";

const ruleTester = new RuleTester();
const ID = "missing-translation";
const USE = '\nblocks b {\n  text @a\n  text @b\n}\n';

describe(ID, () => {
  ruleTester.run(ruleById(ID), {
    valid: [],
    invalid: invalidRows([
      [
        "a key missing in the second language",
        'translations {\n  en { a "A"; b "B" }\n  de { a "A" }\n}' + USE,
        [{ ruleId: ID, severity: "warning", message: "Translation 'b' is missing in language 'de'; users of 'de' see the 'en' text instead.", at: "3:3", to: "3:5" }],
      ],
      [
        "keys missing in two languages",
        'translations {\n  en { a "A"; b "B" }\n  de { a "A" }\n  ru { b "B" }\n}' + USE,
        [
          { ruleId: ID, severity: "warning", message: "Translation 'b' is missing in language 'de'; users of 'de' see the 'en' text instead.", at: "3:3", to: "3:5" },
          { ruleId: ID, severity: "warning", message: "Translation 'a' is missing in language 'ru'; users of 'ru' see the 'en' text instead.", at: "4:3", to: "4:5" },
        ],
      ],
      [
        "a key missing in en: the fallback is the first language that has it",
        'translations {\n  en { a "A" }\n  de { a "A"; b "B" }\n  ru { a "A"; b "B" }\n}' + USE,
        [{ ruleId: ID, severity: "warning", message: "Translation 'b' is missing in language 'en'; users of 'en' see the 'de' text instead.", at: "2:3", to: "2:5" }],
      ],
    ]),
  });

  ruleTester.run(ruleById(ID), {
    valid: validRows([
      ["complete languages", 'translations {\n  en { a "A"; b "B" }\n  de { b "B"; a "A" }\n}' + USE],
      ["a single language", 'translations {\n  en { a "A"; b "B" }\n}' + USE],
      ["no table", 'blocks b {\n  text "x"\n}\n'],
    ]),
    invalid: [],
  });

});
