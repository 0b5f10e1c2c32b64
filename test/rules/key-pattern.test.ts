import { describe, expect, it } from "vitest";
import { invalidRows, RuleTester, ruleById, validRows } from "../support/rule-tester.js";
import { check } from "../../src/index.js";
import { inLayoutBody, type Finding } from "../helpers.js";

const ruleTester = new RuleTester();
const ID = "key-pattern";
const error = (message: string, at: string, to: string): Finding => ({ ruleId: ID, severity: "error", message, at, to });
const wrong = (key: string, what: string) =>
  `Key '${key}' in ${what} contains characters the server does not allow: use only Latin letters, digits, '-' and '_'. The server answers "The value of ${key} includes invalid characters."`;

describe("key-pattern", () => {
  ruleTester.run(ruleById(ID), {
    valid: validRows([
      ["letters, digits, - and _", inLayoutBody('    client_name-2: text "a"')],
      ["a numeric key as in the docs (spec §2.4)", inLayoutBody('    "1": text "a"')],
      ["generated keys", inLayoutBody('    text "a"\n    text "b"')],
      ["actionParams keys", inLayoutBody('    link "a" -> openRestApp { clientId: 1, "deal-id": 2 }')],
      ["actionParams written as a body", inLayoutBody('    link "a" { action restEvent "x" { actionParams { client_id 1 } } }')],
      ["language map keys (unknown-language checks them)", inLayoutBody('    text { "en-US": "a" }')],
    ]),
    invalid: [],
  });

  ruleTester.run(ruleById(ID), {
    valid: [],
    invalid: invalidRows([
      ["a space in a block key", inLayoutBody('    "client name": text "a"'), [error(wrong("client name", "the body's 'blocks'"), "6:5", "6:18")]],
      [
        "a non-Latin tag key",
        'layout l {\n  icon info\n  header "T" {\n    "статус": tag warning "a"\n  }\n  body { logo document; text "x" }\n}\n',
        [error(wrong("статус", "the header's 'tags'"), "4:5", "4:13")],
      ],
      [
        "button and menu item keys",
        'layout l {\n  icon info\n  header "T"\n  body { logo document; text "x" }\n  footer {\n    "a.b": button primary "B" -> restEvent "x"\n    menu { "c/d": item "I" -> restEvent "y" }\n  }\n}\n',
        [error(wrong("a.b", "the footer's 'buttons'"), "6:5", "6:10"), error(wrong("c/d", "the menu's 'items'"), "7:12", "7:17")],
      ],
      [
        "a key in lineOfBlocks and in additional blocks",
        'blocks b {\n  "x y": lineOfBlocks {\n    "p q": text "a"\n  }\n}\n',
        [error(wrong("x y", "the additional content blocks' 'blocks'"), "2:3", "2:8"), error(wrong("p q", "the lineOfBlocks block's 'blocks'"), "3:5", "3:10")],
      ],
      ["an actionParams key", inLayoutBody('    link "a" -> openRestApp { "deal id": 1 }'), [error(wrong("deal id", "'actionParams'"), "6:31", "6:40")]],
      [
        "an empty key",
        inLayoutBody('    "": text "a"'),
        [error("An empty key is not allowed in the body's 'blocks': use only Latin letters, digits, '-' and '_'. The server answers KEY_CONTAIN_WRONG_SYMBOLS.", "6:5", "6:7")],
      ],
    ]),
  });

  it("suggests a key with the symbols replaced, still quoted", () => {
    const d = check(inLayoutBody('    "client name": text "a"')).diagnostics.find((x) => x.ruleId === ID);
    expect(d?.fix).toBeUndefined();
    expect(d?.suggestions?.map((s) => s.edits.map((e) => e.newText))).toEqual([['"client_name"']]);
  });

});
