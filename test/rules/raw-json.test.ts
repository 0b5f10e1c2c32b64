/** raw-json: JSON written as it is sent (`json { … }`) must be JSON, where a json value is allowed. */
import { RuleTester, ruleById, span } from "../support/rule-tester.js";

const ruleTester = new RuleTester();

ruleTester.run(ruleById("raw-json"), {
  valid: [
    { name: "a declaration written as json", code: 'blocks b json {\n  blocks: { a: { type: "text", properties: { value: "Hello" } } }\n}\n' },
    { name: "a member written as json", code: 'blocks b {\n  a: json { type: "text", properties: { value: "Hello" } }\n}\n' },
  ],
  invalid: [
    {
      name: "a translation key in json",
      code: 'blocks b json {\n  blocks: { a: { type: "text", properties: { value: @hello } } }\n}\n',
      errors: [
        {
          messageId: "notJson",
          message: "A json value holds JSON only, not the translation '@hello': write the value itself.",
          severity: "error",
          ...span("2:53", "2:59"),
        },
      ],
    },
    {
      name: "a json member in a layout, which has no members",
      code: 'layout l {\n  json { icon: { code: "info" } }\n}\n',
      errors: [
        {
          messageId: "noMemberField",
          message: "json members are not allowed in a layout, which has no members: set a field with '<field> json <value>'.",
          severity: "error",
          ...span("2:3", "2:7"),
        },
      ],
    },
    {
      name: "json without a value",
      code: "blocks b {\n  a: json\n}\n",
      errors: [
        {
          messageId: "missingValue",
          message: "'json' needs a value: a map { … }, a list [ … ], a string, a number, true, false or null.",
          severity: "error",
          ...span("2:6", "2:10"),
        },
      ],
    },
    {
      name: "a declaration written as a json list",
      code: "blocks b json [1, 2]\n",
      errors: [{ messageId: "declarationNotMap", data: { keyword: "blocks", actual: "a list" }, severity: "error", ...span("1:15", "1:21") }],
    },
  ],
});
