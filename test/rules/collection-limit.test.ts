/**
 * collection-limit: how many members a collection holds. Members under `when` and `each` are in
 * template-limits.test.ts.
 */
import { RuleTester, ruleById, span } from "../support/rule-tester.js";

const ruleTester = new RuleTester();
const header = (tags: string) => `layout l {\n  icon info\n  header "T" {\n${tags}\n  }\n  body {\n    logo document\n    text "x"\n  }\n}\n`;
const footer = (buttons: number) =>
  `layout l {\n  icon info\n  header "T"\n  body { logo document; text "x" }\n  footer {\n${Array.from({ length: buttons }, (_, i) => `    button "b${i}" -> redirect "https://x"\n`).join("")}  }\n}\n`;

ruleTester.run(ruleById("collection-limit"), {
  valid: [
    { name: "two tags", code: header('    tag success "a"\n    tag failure "b"') },
    { name: "two buttons", code: footer(2) },
    { name: "one block", code: 'blocks b {\n  text "x"\n}\n' },
  ],
  invalid: [
    {
      name: "three tags, at the third",
      code: header('    tag success "a"\n    tag failure "b"\n    tag primary "c"'),
      errors: [
        {
          messageId: "tooMany",
          message: "The header's 'tags' can hold at most 2 items; found 3. The server answers \"The field tags of HeaderDto can only contain up to 2 values.\"",
          severity: "error",
          ...span("6:5", "6:20"),
        },
      ],
    },
    {
      name: "five buttons, once, at the third",
      code: footer(5),
      errors: [
        {
          messageId: "tooMany",
          data: { what: "The footer's 'buttons'", max: 2, items: "items", count: 5, field: "buttons", parent: "FooterDto" },
          severity: "error",
          ...span("8:5", "8:40"),
        },
      ],
    },
    {
      name: "no blocks, which the docs require and the server accepts",
      code: "blocks b {\n}\n",
      errors: [
        {
          messageId: "tooFewDocs",
          message: "The additional content blocks' 'blocks' should have at least 1 item: the docs require it, but the server accepts fewer.",
          severity: "warning",
          ...span("1:8", "1:9"),
        },
      ],
    },
    {
      name: "no blocks, an error for the docs target",
      code: "blocks b {\n}\n",
      settings: { target: "docs" },
      errors: [{ messageId: "tooFewDocs", severity: "error", ...span("1:8", "1:9") }],
    },
  ],
});
