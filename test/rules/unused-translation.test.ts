import { describe } from "vitest";
import { invalidRows, RuleTester, ruleById, validRows } from "../support/rule-tester.js";

const ruleTester = new RuleTester();
const ID = "unused-translation";

describe(ID, () => {
  ruleTester.run(ruleById(ID), {
    valid: [],
    invalid: invalidRows([
      [
        "a key no reference uses",
        'translations {\n  en { used "U"; spare "S" }\n}\nblocks b {\n  text @used\n}\n',
        [{ ruleId: ID, severity: "warning", message: "Translation 'spare' is never used; reference it as '@spare' or remove it.", at: "2:18", to: "2:23" }],
      ],
      [
        "an unused key in several languages, once, at its first language",
        'translations {\n  en { used "U"\n    spare "S" }\n  de { spare "S"; used "U" }\n}\nblocks b {\n  text @used\n}\n',
        [{ ruleId: ID, severity: "warning", message: "Translation 'spare' is never used; reference it as '@spare' or remove it.", at: "3:5", to: "3:10" }],
      ],
      [
        "a key defined only in a later language",
        'translations {\n  en { used "U" }\n  de { used "U"; only "O" }\n}\nblocks b {\n  text @used\n}\n',
        [{ ruleId: ID, severity: "warning", message: "Translation 'only' is never used; reference it as '@only' or remove it.", at: "3:18", to: "3:22" }],
      ],
    ]),
  });

  ruleTester.run(ruleById(ID), {
    valid: validRows([
      ["a file of translations only: a library for `import { translations }`", 'translations {\n  en { a "A"; b "B" }\n}\n'],
      ["keys a fragment uses, even where it is not used", 'translations {\n  en { a "A" }\n}\nfragment f {\n  text @a\n}\nblocks b {\n  text "x"\n}\n'],
    ]),
    invalid: [],
  });

  ruleTester.run(ruleById(ID), {
    valid: validRows([
      ["a key used by a badge", 'translations {\n  en { status "Status" }\n}\nbadge b failure {\n  title @status\n  value "V"\n}\n'],
      [
        "a key used in an activity's inline layout",
        'translations {\n  en { t "T" }\n}\nactivity a {\n  ownerTypeId deal; ownerId 1\n  layout {\n    icon call\n    header @t\n    body {\n      logo call-incoming\n      text "x"\n    }\n  }\n}\n',
      ],
      ["a key used in a footer button", 'translations {\n  en { ok "OK" }\n}\nlayout l {\n  icon call\n  header "T"\n  body {\n    logo call-incoming\n    text "x"\n  }\n  footer {\n    button primary @ok -> restEvent "ok"\n  }\n}\n'],
    ]),
    invalid: [],
  });

});
