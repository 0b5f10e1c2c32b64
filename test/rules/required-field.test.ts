import { describe, expect, it } from "vitest";
import { invalidRows, RuleTester, ruleById, validRows } from "../support/rule-tester.js";
import { check } from "../../src/index.js";
import { findings, type Finding } from "../helpers.js";

const ruleTester = new RuleTester();
const ID = "required-field";
const error = (message: string, at: string, to: string): Finding => ({ ruleId: ID, severity: "error", message, at, to });
const LAYOUT_HEAD = 'layout l {\n  icon info\n  header "T"\n';

describe(ID, () => {
  ruleTester.run(ruleById(ID), {
    valid: validRows([
      ["a body without blocks written as statements (it sends \"blocks\": {})", `${LAYOUT_HEAD}  body { logo document }\n}\n`],
      ["blocks without blocks written as statements", "blocks b {}\n"],
      ["a lineOfBlocks without blocks written as statements", 'blocks b {\n  lineOfBlocks\n}\n'],
      ["a badge named by its code", 'badge b failure {\n  title "T"\n  value "V"\n}\n'],
      ["a raw section without its type (the server reads section)", 'card c for deal {\n  json { name: "a", title: "A" }\n}\n'],
    ]),
    invalid: [],
  });

  ruleTester.run(ruleById(ID), {
    valid: [],
    invalid: invalidRows([
      [
        "a raw body without blocks",
        `${LAYOUT_HEAD}  body json { logo: { code: "document" } }\n}\n`,
        [error('This body is missing required \'blocks\'; the server answers "Field blocks is required for BodyDto."', "4:13", "4:43")],
      ],
      ["raw blocks without blocks", "blocks b json {}\n", [error('Blocks \'b\' is missing required \'blocks\'; the server answers "Field blocks is required for RestAppLayoutBlocksDto."', "1:8", "1:9")]],
      [
        "a raw lineOfBlocks without blocks",
        'blocks b {\n  json { type: "lineOfBlocks", properties: { scope: "web" } }\n}\n',
        [error('This lineOfBlocks block is missing required \'blocks\'; the server answers "Field blocks is required for LineOfBlocksDto."', "2:44", "2:60")],
      ],
      ["a raw badge without its code", 'badge b json { title: "T", value: "V", type: "failure" }\n', [error("Badge 'b' is missing required 'code'.", "1:7", "1:8")]],
      [
        "a header without its title names the server's class",
        'layout l {\n  icon info\n  header { tag warning "x" }\n  body { logo document; text "x" }\n}\n',
        [error('This header is missing required \'title\'; the server answers "Field title is required for HeaderDto."', "3:3", "3:29")],
      ],
      [
        "a card without its entity type gets the item method's answer",
        'card c {\n  main: section "Main" { TITLE }\n}\n',
        [error("Card 'c' is missing required 'entityTypeId'; the server answers \"Parameter 'entityTypeId' is not defined\".", "1:6", "1:7")],
      ],
      ["a card section without its name keeps the card's own wording", 'card c for deal {\n  section "Main" { TITLE }\n}\n', [error("This section is missing required 'name'.", "2:3", "2:27")]],
    ]),
  });

  it("holds a block without properties, which the server does not check (spec §4.6), to the docs", () => {
    const warning = (message: string, at: string, to: string): Finding => ({ ruleId: ID, severity: "warning", message, at, to });
    expect(findings('blocks b {\n  note: text\n  open: link\n  json { type: "largeText" }\n  deadline\n  lineOfBlocks\n}\n', ID)).toEqual<Finding[]>([
      warning("This text block is missing 'value': the docs require it, but the server accepts it without.", "2:3", "2:13"),
      warning("This link block is missing 'action': the docs require it, but the server accepts it without.", "3:3", "3:13"),
      warning("This link block is missing 'text': the docs require it, but the server accepts it without.", "3:3", "3:13"),
      warning("This largeText block is missing 'value': the docs require it, but the server accepts it without.", "4:8", "4:29"),
    ]);
    expect(check("blocks b {\n  text\n}\n", { target: "docs" }).diagnostics.map((d) => [d.ruleId, d.severity])).toEqual([[ID, "error"]]);
  });

  it("tells a missing blocks key (an error) from an empty one (the docs' warning)", () => {
    expect(findings("blocks b json {}\n", "collection-limit")).toEqual([]);
    expect(findings("blocks b json { blocks: {} }\n", ID)).toEqual([]);
    expect(findings("blocks b json { blocks: {} }\n", "collection-limit").map((f) => [f.severity, f.message])).toEqual([
      ["warning", "The additional content blocks' 'blocks' should have at least 1 item: the docs require it, but the server accepts fewer."],
    ]);
  });
});
