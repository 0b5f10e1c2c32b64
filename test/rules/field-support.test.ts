import { describe } from "vitest";
import { invalidRows, RuleTester, ruleById, validRows } from "../support/rule-tester.js";
import { inLayoutBody, type Finding } from "../helpers.js";

const ruleTester = new RuleTester();
const ID = "field-support";
const error = (message: string, at: string, to: string): Finding => ({ ruleId: ID, severity: "error", message, at, to });
const warning = (message: string, at: string, to: string): Finding => ({ ruleId: ID, severity: "warning", message, at, to });

const header = (tag: string) => `layout l {\n  icon info\n  header "T" {\n    ${tag}\n  }\n  body { logo document; text "x" }\n}\n`;
const footer = (content: string) => `layout l {\n  icon info\n  header "T"\n  body { logo document; text "x" }\n  footer {\n    ${content}\n  }\n}\n`;
const LABEL_NOTE = "removed from the docs in 2025-09; the server still accepts it";

describe("field-support", () => {
  ruleTester.run(ruleById(ID), {
    valid: validRows([
      ["documented tag fields", header('tag warning "a" -> redirect "/x"')],
      ["scope and hideIfReadonly on a footer button", footer('button primary "B" scope web hideIfReadonly -> restEvent "x"')],
      ["scope on a menu item", footer('menu { item "I" scope mobile hideIfReadonly -> restEvent "x" }')],
      ["documented sliderParams fields", inLayoutBody('    link "a" -> openRestApp sliderParams { width: 700, title: "App" }')],
    ]),
    invalid: [],
  });

  ruleTester.run(ruleById(ID), {
    valid: [],
    invalid: invalidRows([
      [
        "scope on a tag (spec §14.7)",
        header('tag warning "a" scope web'),
        [error("The tag does not accept 'scope': the docs list `scope` on tags, but the server's TagDto has no such property and answers FIELD_IS_REDUNDANT.", "4:21", "4:26")],
      ],
      [
        "hideIfReadonly on a tag, in a body",
        header('tag warning "a" {\n      hideIfReadonly true\n    }'),
        [
          error(
            "The tag does not accept 'hideIfReadonly': the docs list `hideIfReadonly` on tags, but the server's TagDto has no such property and answers FIELD_IS_REDUNDANT.",
            "5:7",
            "5:21",
          ),
        ],
      ],
      [
        "footer showNote (spec §14.12)",
        footer("showNote true"),
        [warning("'showNote' is undocumented in the footer (the server accepts `showNote` but the docs do not describe it); it works, but may stop working without notice.", "6:5", "6:13")],
      ],
      [
        "the sliderParams label fields (spec §14.10)",
        inLayoutBody('    link "a" -> openRestApp sliderParams { labelText: "Close", labelColor: "#ffffff", labelBgColor: "aqua" }'),
        [
          warning(`'labelText' is undocumented in the slider parameters (${LABEL_NOTE}); it works, but may stop working without notice.`, "6:44", "6:53"),
          warning(`'labelColor' is undocumented in the slider parameters (${LABEL_NOTE}); it works, but may stop working without notice.`, "6:64", "6:74"),
          warning(`'labelBgColor' is undocumented in the slider parameters (${LABEL_NOTE}); it works, but may stop working without notice.`, "6:87", "6:99"),
        ],
      ],
    ]),
  });

});
