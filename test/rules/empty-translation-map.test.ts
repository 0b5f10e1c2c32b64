import { describe } from "vitest";
import { invalidRows, RuleTester, ruleById, validRows } from "../support/rule-tester.js";
import { inLayoutBody } from "../helpers.js";

const ruleTester = new RuleTester();
const ID = "empty-translation-map";

describe(ID, () => {
  ruleTester.run(ruleById(ID), {
    valid: [],
    invalid: invalidRows([
      [
        "an empty map in a layout",
        inLayoutBody("    text {\n      value {}\n    }"),
        [{ ruleId: ID, severity: "warning", message: "This language map is empty; the text shows as blank.", at: "7:13", to: "7:15" }],
      ],
      [
        "an empty text in a layout map",
        inLayoutBody('    text { en: "Call", de: "" }'),
        [{ ruleId: ID, severity: "warning", message: "The 'de' text is empty; users of 'de' see a blank text.", at: "6:28", to: "6:30" }],
      ],
      [
        "an empty badge map",
        'badge b failure {\n  title {}\n  value "V"\n}\n',
        [{ ruleId: ID, severity: "error", message: "The badge's 'title' is an empty language map; a badge needs a non-empty title.", at: "2:9", to: "2:11" }],
      ],
      [
        "an empty text in a badge map",
        'badge b failure {\n  title "T"\n  value { en: "", de: "Verpasst" }\n}\n',
        [{ ruleId: ID, severity: "error", message: "The badge's 'value' is empty in language 'en'; the server answers \"Wrong value of field `value` for language en\".", at: "3:15", to: "3:17" }],
      ],
      [
        "an empty text in the translations table",
        'translations {\n  en { a "" }\n}\nblocks b {\n  text @a\n}\n',
        [{ ruleId: ID, severity: "warning", message: "Translation 'a' is empty in language 'en'.", at: "2:8", to: "2:9" }],
      ],
      [
        "a badge text referring to a key that is empty in one language",
        'translations {\n  en { s "Status" }\n  de { s "" }\n}\nbadge b failure {\n  title @s\n  value "V"\n}\n',
        [
          { ruleId: ID, severity: "warning", message: "Translation 's' is empty in language 'de'.", at: "3:8", to: "3:9" },
          { ruleId: ID, severity: "error", message: "The badge's 'title' uses '@s', which is empty in language 'de'; the server answers \"Wrong value of field `title` for language de\".", at: "6:9", to: "6:11" },
        ],
      ],
    ]),
  });

  ruleTester.run(ruleById(ID), {
    valid: validRows([
      ["non-empty texts", inLayoutBody('    text { en: "Call", de: "Anruf" }')],
      ["a plain empty string (not a map)", inLayoutBody('    text ""')],
      ["empty action parameters", inLayoutBody('    link "Open" -> openRestApp {}')],
      ["a layout text referring to a non-empty key", 'translations {\n  en { a "A" }\n}\nblocks b {\n  text @a\n}\n'],
    ]),
    invalid: [],
  });

});
