/** invalid-argument: words and values a statement does not take, reported by lowering on the rule's behalf. */
import { RuleTester, ruleById, span } from "../support/rule-tester.js";
import { inLayoutBody } from "../helpers.js";

const ruleTester = new RuleTester();
const layout = (head: string) => `layout l {\n${head}\n  header "T"\n  body { logo document; text "x" }\n}\n`;

ruleTester.run(ruleById("invalid-argument"), {
  valid: [
    { name: "a flag", code: 'blocks b {\n  text "Hello" bold\n}\n' },
    { name: "an action on a link", code: inLayoutBody('    link "a" -> openRestApp { id: 1 }') },
    { name: "a labelled block", code: inLayoutBody('    a: text "x"') },
    { name: "a translation with a string value", code: 'translations {\n  en { hello "Hello" }\n}\nblocks b {\n  text @hello\n}\n' },
  ],
  invalid: [
    {
      name: "a misspelt flag, with the flag as a suggestion",
      code: 'blocks b {\n  text "Hello" boldd\n}\n',
      errors: [
        {
          messageId: "unknownWordSuggest",
          data: { word: "boldd", what: "a text block", suggestion: "bold" },
          severity: "error",
          ...span("2:16", "2:21"),
          suggestions: [{ desc: "Replace with 'bold'", output: 'blocks b {\n  text "Hello" bold\n}\n' }],
        },
      ],
    },
    {
      name: "a second word where a statement takes one",
      code: layout("  icon info document"),
      errors: [{ messageId: "unknownWord", message: "Unexpected word 'document' in an icon.", severity: "error", ...span("2:13", "2:21") }],
    },
    {
      name: "a key label on a statement that is no member",
      code: layout("  a: icon info"),
      errors: [{ messageId: "labelNotAllowed", message: "A key label is not allowed on 'icon'.", severity: "error", ...span("2:3", "2:4") }],
    },
    {
      name: "an action on a block that takes none",
      code: inLayoutBody('    text "a" -> openRestApp { id: 1 }'),
      errors: [{ messageId: "noAction", message: "'->' is not allowed on a text block.", severity: "error", ...span("6:14", "6:38") }],
    },
    {
      name: "a declaration without a name",
      code: 'blocks {\n  text "x"\n}\n',
      errors: [{ messageId: "declarationName", message: "'blocks' needs a name: blocks <name> { … }.", severity: "error", ...span("1:1", "1:7") }],
    },
    {
      name: "a translation that is not a string",
      code: 'translations {\n  en { hello 1 }\n}\nblocks b {\n  text @hello\n}\n',
      errors: [{ messageId: "translationValue", data: { key: "hello", language: "en" }, severity: "error", ...span("2:14", "2:15") }],
    },
  ],
});
