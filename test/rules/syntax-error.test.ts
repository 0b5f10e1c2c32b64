/**
 * syntax-error: what the parser cannot read, worded by the parser (the rule has no message
 * templates, so the cases state the exact text).
 */
import { RuleTester, ruleById, span } from "../support/rule-tester.js";

const ruleTester = new RuleTester();

ruleTester.run(ruleById("syntax-error"), {
  valid: [
    { name: "a closed block and string", code: 'blocks ok {\n  text "Closed"\n}\n' },
    { name: "an empty file", code: "" },
    { name: "comments only", code: "// nothing yet\n/* still nothing */\n" },
  ],
  invalid: [
    {
      name: "a string not closed before the end of the line",
      code: 'layout broken {\n  icon info\n  header "Unclosed\n}\n',
      errors: [{ message: "Unterminated string: add the closing '\"' before the end of the line.", severity: "error", ...span("3:10", "3:19") }],
    },
    {
      name: "a block not closed before the end of the file, at the end",
      code: 'blocks b {\n  text "x"\n',
      errors: [{ message: "Expected '}' to close the block opened at line 1, column 10, but found end of file.", severity: "error", ...span("3:1", "3:1") }],
    },
    {
      name: "a '}' with no open block",
      code: 'blocks b {\n  text "x" }\n}\n',
      errors: [{ message: "Unexpected '}': there is no open block to close.", severity: "error", ...span("3:1", "3:2") }],
    },
    {
      name: "characters a name cannot hold",
      code: 'blocks b {\n  text "x" ยง\n}\n',
      errors: [
        {
          message: "Unexpected characters 'ยง': names may only contain ASCII letters, digits, '_' and inner '-'; write other text in quotes.",
          severity: "error",
          ...span("2:12", "2:14"),
        },
      ],
    },
  ],
});
