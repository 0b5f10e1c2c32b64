import { describe } from "vitest";
import { invalidRows, RuleTester, ruleById, validRows } from "../support/rule-tester.js";
import { inLayoutBody, type Finding } from "../helpers.js";

const ruleTester = new RuleTester();
const ID = "block-nesting";
const error = (message: string, at: string, to: string): Finding => ({ ruleId: ID, severity: "error", message, at, to });
const inLine = (type: string) => `A ${type} block cannot be placed in a lineOfBlocks block: only text, link or deadline blocks are allowed in its 'blocks'.`;
const inWithTitle = (type: string) => `A ${type} block cannot be placed in a withTitle block: only text, link or deadline blocks are allowed in its 'block'.`;

describe("block-nesting", () => {
  ruleTester.run(ruleById(ID), {
    valid: validRows([
      ["all six types in a layout body", inLayoutBody('    text "a"\n    largeText "b"\n    link "c" -> redirect "/x"\n    deadline\n    withTitle "d" { text "e" }\n    lineOfBlocks { text "f" }')],
      ["all six types in additional blocks", 'blocks b {\n  largeText "a"\n  lineOfBlocks { text "b" }\n  withTitle "c" { deadline }\n}\n'],
      ["text, link and deadline in lineOfBlocks", inLayoutBody('    lineOfBlocks {\n      text "a"\n      link "b" -> redirect "/x"\n      deadline\n    }')],
      ["a link in withTitle", inLayoutBody('    withTitle "a" inline { link "b" -> redirect "/x" }')],
    ]),
    invalid: [],
  });

  ruleTester.run(ruleById(ID), {
    valid: [],
    invalid: invalidRows([
      [
        "every wrong child of a lineOfBlocks, not only the last one (spec §4.7)",
        inLayoutBody('    lineOfBlocks {\n      largeText "a"\n      text "b"\n      withTitle "c" { text "d" }\n      lineOfBlocks { text "e" }\n    }'),
        [error(inLine("largeText"), "7:7", "7:16"), error(inLine("withTitle"), "9:7", "9:16"), error(inLine("lineOfBlocks"), "10:7", "10:19")],
      ],
      [
        "a labelled child",
        'blocks b {\n  lineOfBlocks {\n    long: largeText "a"\n  }\n}\n',
        [error(inLine("largeText"), "3:11", "3:20")],
      ],
      ["withTitle inside withTitle", inLayoutBody('    withTitle "a" { withTitle "b" { text "c" } }'), [error(inWithTitle("withTitle"), "6:21", "6:30")]],
      ["largeText inside withTitle", inLayoutBody('    withTitle "a" { largeText "b" }'), [error(inWithTitle("largeText"), "6:21", "6:30")]],
      [
        "lineOfBlocks inside withTitle",
        'blocks b {\n  withTitle "a" {\n    lineOfBlocks { text "b" }\n  }\n}\n',
        [error(inWithTitle("lineOfBlocks"), "3:5", "3:17")],
      ],
    ]),
  });

});
