import { describe } from "vitest";
import { invalidRows, RuleTester, ruleById, validRows } from "../support/rule-tester.js";
import { type Finding } from "../helpers.js";

const ruleTester = new RuleTester();
const ID = "runtime-limit";
const warning = (what: string, max: number, fixed: number, at: string, to: string, serverOnly = false): Finding => ({
  ruleId: ID,
  severity: "warning",
  message: `${what} can hold at most ${max} items${serverOnly ? " (a limit of the server, not of the docs)" : ""}; this 'each' adds as many as its list has (${fixed} written without it), so the limit is checked when the template is called: the generated code throws if there are more.`,
  at,
  to,
});
const BLOCKS = "The 'blocks' of the additional content blocks";
/** A layout with a list parameter `ts`, the given header members and footer. */
const layout = (header: string, footer = "") =>
  `layout l(ts: string[]) {\n  icon info\n  header "T" {\n${header}\n  }\n  body { logo document; text "x" }\n${footer}}\n`;

describe(ID, () => {
  ruleTester.run(ruleById(ID), {
    valid: [],
    invalid: invalidRows([
      ["each in additional blocks", 'blocks b(products: string[]) {\n  each product in $products {\n    text "${product}"\n  }\n}\n', [warning(BLOCKS, 20, 0, "2:3", "2:7")]],
      [
        "each in a layout body",
        'layout l(xs: string[]) {\n  icon info\n  header "T"\n  body {\n    logo document\n    each x in $xs {\n      text "${x}"\n    }\n  }\n}\n',
        [warning("The 'blocks' of the body", 20, 0, "6:5", "6:9")],
      ],
      ["each in the header's tags", layout('    each t in $ts {\n      tag primary "${t}"\n    }'), [warning("The 'tags' of the header", 2, 0, "4:5", "4:9")]],
      ["each after a fixed tag", layout('    tag primary "a"\n    each t in $ts {\n      tag primary "${t}"\n    }'), [warning("The 'tags' of the header", 2, 1, "5:5", "5:9")]],
      [
        "each in the footer's buttons and in the menu",
        layout('    tag primary "a"', '  footer {\n    each t in $ts {\n      button primary "${t}" -> restEvent "x"\n    }\n    menu {\n      each t in $ts {\n        item "${t}" -> restEvent "y"\n      }\n    }\n  }\n'),
        [warning("The 'buttons' of the footer", 2, 0, "8:5", "8:9"), warning("The 'items' of the menu", 10, 0, "12:7", "12:11", true)],
      ],
      [
        "each in a lineOfBlocks",
        'blocks b(xs: string[]) {\n  line: lineOfBlocks {\n    each x in $xs {\n      text "${x}"\n    }\n  }\n}\n',
        [warning("The 'blocks' of the lineOfBlocks block", 20, 0, "3:5", "3:9", true)],
      ],
      ["each under when", 'blocks b(xs: string[], m: bool) {\n  when $m {\n    each x in $xs {\n      text "${x}"\n    }\n  }\n}\n', [warning(BLOCKS, 20, 0, "3:5", "3:9")]],
      ["when under each: the each is named", 'blocks b(xs: string[], m: bool) {\n  each x in $xs {\n    when $m {\n      text "${x}"\n    }\n  }\n}\n', [warning(BLOCKS, 20, 0, "2:3", "2:7")]],
      [
        "fixed members counted with a when and its else as one",
        'blocks b(xs: string[], m: bool) {\n  text "a"\n  when $m {\n    text "b"\n  } else {\n    text "c"\n  }\n  each x in $xs {\n    text "${x}"\n  }\n}\n',
        [warning(BLOCKS, 20, 2, "8:3", "8:7")],
      ],
      [
        "each around a lineOfBlocks: only the outer collection repeats",
        'blocks b(xs: string[]) {\n  each x in $xs {\n    line: lineOfBlocks {\n      text "${x}"\n      text "b"\n    }\n  }\n}\n',
        [warning(BLOCKS, 20, 0, "2:3", "2:7")],
      ],
      [
        "each over a bounded list inside an unbounded one",
        'blocks b(xs: { vs: string[max 2] }[]) {\n  each x in $xs {\n    each v in $x.vs {\n      text "${v}"\n    }\n  }\n}\n',
        [warning(BLOCKS, 20, 0, "2:3", "2:7")],
      ],
      [
        "a max one too large for the blocks (an error)",
        'blocks b(xs: string[max 20]) {\n  text "a"\n  each x in $xs {\n    text "${x}"\n  }\n}\n',
        [{ ruleId: ID, severity: "error", message: `${BLOCKS} can hold at most 20 items; with its lists at their 'max', this 'each' makes up to 21 (1 written without it). Lower a list's 'max', or move members out.`, at: "3:3", to: "3:7" }],
      ],
      [
        "nested bounded lists that multiply past the tags (an error)",
        layout('    each t in $ts {\n      tag primary "${t}"\n    }').replace("ts: string[]", "ts: string[max 3]"),
        [{ ruleId: ID, severity: "error", message: "The 'tags' of the header can hold at most 2 items; with its lists at their 'max', this 'each' makes up to 3 (0 written without it). Lower a list's 'max', or move members out.", at: "4:5", to: "4:9" }],
      ],
      [
        "huge bounds, written out in digits (not 1e+23)",
        'blocks b(xs: { vs: string[max 100000000000] }[max 1000000000000]) {\n  each x in $xs {\n    each v in $x.vs {\n      text "${v}"\n    }\n  }\n}\n',
        [{ ruleId: ID, severity: "error", message: `${BLOCKS} can hold at most 20 items; with its lists at their 'max', this 'each' makes up to 100,000,000,000,000,000,000,000 (0 written without it). Lower a list's 'max', or move members out.`, at: "2:3", to: "2:7" }],
      ],
      [
        "bounds whose product passes every double",
        `blocks b(xs: { vs: string[max 1${"0".repeat(200)}] }[max 1${"0".repeat(200)}]) {\n` +
          '  each x in $xs {\n    each v in $x.vs {\n      text "${v}"\n    }\n  }\n}\n',
        [{ ruleId: ID, severity: "error", message: `${BLOCKS} can hold at most 20 items; with its lists at their 'max', this 'each' makes up to more than can be counted (0 written without it). Lower a list's 'max', or move members out.`, at: "2:3", to: "2:7" }],
      ],
    ]),
  });

  ruleTester.run(ruleById(ID), {
    valid: validRows([
      ["members without each", 'blocks b(first: string, second: string) {\n  text "${first}"\n  text "${second}"\n}\n'],
      ["members under when", layout('    when $m {\n      tag primary "a"\n    }').replace("ts: string[]", "m: bool")],
      ["each over a list whose max fits", 'blocks b(xs: string[max 19]) {\n  text "a"\n  each x in $xs {\n    text "${x}"\n  }\n}\n'],
      ["each over a list of records, two members an item, that fit", 'blocks b(xs: { n: string, m: string }[max 10]) {\n  each x in $xs {\n    text "${x.n}"\n    text "${x.m}"\n  }\n}\n'],
      ["nested each over bounded lists, multiplied", 'blocks b(xs: { vs: string[max 4] }[max 5]) {\n  each x in $xs {\n    each v in $x.vs {\n      text "${v}"\n    }\n  }\n}\n'],
      ["each in card sections, which have no maximum", 'card c(ss: string[]) for company {\n  scope common\n  each s in $ss {\n    sec: section "${s}" {\n      TITLE\n    }\n  }\n}\n'],
    ]),
    invalid: [],
  });
});
