import { describe, expect, it } from "vitest";
import { invalidRows, RuleTester, ruleById, validRows } from "../support/rule-tester.js";
import { inLayoutBody, type Finding } from "../helpers.js";
import { check } from "../../src/index.js";
import { fixText } from "../../src/check/fixer.js";

const ruleTester = new RuleTester();
const ID = "duplicate-key";
const error = (message: string, at: string, to: string, related?: string[]): Finding => ({ ruleId: ID, severity: "error", message, at, to, ...(related ? { related } : {}) });

describe("duplicate-key", () => {
  ruleTester.run(ruleById(ID), {
    valid: validRows([
      ["distinct labels", inLayoutBody('    a: text "x"\n    b: text "y"')],
      ["a label that looks like a generated key", inLayoutBody('    text "x"\n    block_1: text "y"\n    text "z"')],
      ["the same label in different collections", inLayoutBody('    a: text "x"\n    lineOfBlocks { a: text "y" }')],
      ["the same field in different objects", inLayoutBody('    text "a" bold\n    text "b" bold')],
      ["a badge whose code is written in its body", 'badge b failure {\n  code "missedCall"\n  title "T"\n  value "V"\n}\n'],
      ["flattened activity fields next to a fields body", 'activity a {\n  ownerTypeId deal; ownerId 1\n  fields { completed false }\n  responsibleId 1\n  layout {\n    icon info\n    header "T"\n    body { logo document; text "x" }\n  }\n}\n'],
    ]),
    invalid: [],
  });

  ruleTester.run(ruleById(ID), {
    valid: [],
    invalid: invalidRows([
      [
        "a block label used twice",
        inLayoutBody('    client: text "a"\n    phone: text "b"\n    client: text "c"'),
        [error("Duplicate key 'client' in the body's 'blocks': it is already used. Each member needs its own key.", "8:5", "8:11", ["first used 6:5"])],
      ],
      [
        "a tag key used three times",
        'layout l {\n  icon info\n  header "T" {\n    s: tag warning "a"\n    s: tag failure "b"\n    s: tag primary "c"\n  }\n  body { logo document; text "x" }\n}\n',
        [
          error("Duplicate key 's' in the header's 'tags': it is already used. Each member needs its own key.", "5:5", "5:6", ["first used 4:5"]),
          error("Duplicate key 's' in the header's 'tags': it is already used. Each member needs its own key.", "6:5", "6:6", ["first used 4:5"]),
        ],
      ],
      [
        "a field set on the head line and again in the body",
        inLayoutBody('    text "a" bold {\n      bold false\n    }'),
        [error("'bold' is set twice in this text block. Remove one of them.", "7:7", "7:11", ["first set 6:14"])],
      ],
      [
        "two icon statements in a layout",
        'layout l {\n  icon info\n  header "T"\n  icon document\n  body { logo document; text "x" }\n}\n',
        [error("'icon' is set twice in this layout. Remove one of them.", "4:3", "4:7", ["first set 2:3"])],
      ],
      [
        "a key twice in a language map",
        inLayoutBody('    text { en: "a", de: "b", en: "c" }'),
        [error("Duplicate key 'en' in 'value': it is already used.", "6:30", "6:32", ["first used 6:12"])],
      ],
      [
        "a key twice in actionParams",
        inLayoutBody('    link "a" -> openRestApp { id: 1, id: 2 }'),
        [error("Duplicate key 'id' in 'actionParams': it is already used.", "6:38", "6:40", ["first used 6:31"])],
      ],
      [
        "a field twice in a map literal",
        inLayoutBody('    link "a" -> openRestApp sliderParams { width: 1, width: 2 }'),
        [error("'width' is set twice in these slider parameters. Remove one of them.", "6:54", "6:59", ["first set 6:44"])],
      ],
      [
        "an activity field set directly and in its fields body",
        'activity a {\n  ownerTypeId deal; ownerId 1\n  fields { completed false }\n  completed true\n  layout {\n    icon info\n    header "T"\n    body { logo document; text "x" }\n  }\n}\n',
        [error("'completed' is set twice in these activity fields. Remove one of them.", "4:3", "4:12", ["first set 3:12"])],
      ],
    ]),
  });

});

describe("duplicate-key fixes", () => {
  it.each([
    ["the same value twice in a body, with its line", 'blocks b {\n  text "a" {\n    bold true\n    bold true\n  }\n}\n', 'blocks b {\n  text "a" {\n    bold true\n  }\n}\n'],
    ["the same flag twice on the head line", 'blocks b {\n  text "a" bold bold\n}\n', 'blocks b {\n  text "a" bold \n}\n'],
  ])("removes %s", (_name, code, fixed) => {
    expect(fixText(code, (t) => check(t).diagnostics).text).toBe(fixed);
  });

  it("leaves two different values for the author", () => {
    const d = check('blocks b {\n  text "a" bold {\n    bold false\n  }\n}\n').diagnostics.find((x) => x.ruleId === "duplicate-key");
    expect(d?.fix).toBeUndefined();
  });
});
