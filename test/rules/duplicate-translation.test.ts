import { describe } from "vitest";
import { invalidRows, RuleTester, ruleById, validRows } from "../support/rule-tester.js";

const ruleTester = new RuleTester();
const ID = "duplicate-translation";
const USE = '\nblocks b {\n  text @a\n}\n';

describe(ID, () => {
  ruleTester.run(ruleById(ID), {
    valid: [],
    invalid: invalidRows([
      [
        "a key twice in one language",
        'translations {\n  en {\n    a "A"\n    a "B"\n  }\n}' + USE,
        [{ ruleId: ID, severity: "error", message: "Translation 'a' is already defined in language 'en'; only the first definition is used.", at: "4:5", to: "4:6", related: ["first defined 3:5"] }],
      ],
      [
        "a key three times: every repetition",
        'translations {\n  en { a "A"; a "B"; a "C" }\n}' + USE,
        [
          { ruleId: ID, severity: "error", message: "Translation 'a' is already defined in language 'en'; only the first definition is used.", at: "2:15", to: "2:16", related: ["first defined 2:8"] },
          { ruleId: ID, severity: "error", message: "Translation 'a' is already defined in language 'en'; only the first definition is used.", at: "2:22", to: "2:23", related: ["first defined 2:8"] },
        ],
      ],
      [
        "a key repeated in a second block of the same language",
        'translations {\n  en { a "A" }\n  de { a "A" }\n  en { a "B" }\n}' + USE,
        [{ ruleId: ID, severity: "error", message: "Translation 'a' is already defined in language 'en'; only the first definition is used.", at: "4:8", to: "4:9", related: ["first defined 2:8"] }],
      ],
    ]),
  });

  ruleTester.run(ruleById(ID), {
    valid: validRows([
      ["one key in several languages", 'translations {\n  en { a "A" }\n  de { a "A" }\n}' + USE],
      ["different keys", 'translations {\n  en { a "A"; b "B" }\n}' + USE],
    ]),
    invalid: [],
  });

});
