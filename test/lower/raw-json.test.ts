/**
 * The raw `json` form (src/lower/raw-json.ts): what it emits (exactly what was written, in its
 * order, nothing implicit), the IR it lowers to (typed by the model, so the rules report on it at
 * positions inside the literal), and the problems of the form itself.
 */
import { describe, expect, it } from "vitest";
import { parse } from "../../src/syntax/parser.js";
import { lower } from "../../src/lower/lower.js";
import { emitProgram } from "../../src/emit/json.js";
import { check } from "../../src/index.js";
import { allFindings, type Finding } from "../helpers.js";

/** What the compiler writes for `code`, whatever the checker says: key order kept (JSON text). */
function emitted(code: string): string[] {
  const parsed = parse(code);
  expect(parsed.diagnostics).toEqual([]);
  return emitProgram(lower(parsed.document).program).map((o) => JSON.stringify(o.value));
}

const LAYOUT_HEAD = 'layout l {\n  icon info\n  header "T"\n';

describe("the raw form emits exactly what is written", () => {
  it.each<[string, string, string]>([
    ["a declaration without the key its statements would add", "blocks b json {}\n", "{}"],
    ["a badge without a code: the name sets nothing", 'badge b json { title: "T", value: "V", type: "failure" }\n', '{"title":"T","value":"V","type":"failure"}'],
    ["a declaration's keys in written order", 'badge b json { type: "failure", value: "V", title: "T", code: "c" }\n', '{"type":"failure","value":"V","title":"T","code":"c"}'],
    ["an empty map written as `json {}`", "blocks b {\n  blocks json {}\n}\n", '{"blocks":{}}'],
    ["a list where the blocks map goes", 'blocks b {\n  blocks json [{ type: "deadline" }]\n}\n', '{"blocks":[{"type":"deadline"}]}'],
    ["a body without blocks", `${LAYOUT_HEAD}  body json { logo: { code: "document" } }\n}\n`, '{"icon":{"code":"info"},"header":{"title":"T"},"body":{"logo":{"code":"document"}}}'],
    [
      "a section without a type, and one with another type, keys in their order",
      'card c for deal {\n  json { title: "A", name: "a" }\n  json { name: "b", title: "B", type: "column", elements: [] }\n}\n',
      '{"entityTypeId":2,"data":[{"title":"A","name":"a"},{"name":"b","title":"B","type":"column","elements":[]}]}',
    ],
    ["a card's data that is not a list", 'card c for deal {\n  data json { "0": { name: "a" } }\n}\n', '{"entityTypeId":2,"data":{"0":{"name":"a"}}}'],
    [
      "members among statements, keyed by label or position",
      'blocks b {\n  text "a"\n  x: json { properties: { value: "b" }, type: "text" }\n  json 5\n}\n',
      '{"blocks":{"block_1":{"type":"text","properties":{"value":"a"}},"x":{"properties":{"value":"b"},"type":"text"},"block_3":5}}',
    ],
    ["a lineOfBlocks without its blocks", 'blocks b {\n  json { type: "lineOfBlocks", properties: {} }\n}\n', '{"blocks":{"block_1":{"type":"lineOfBlocks","properties":{}}}}'],
    ["a withTitle's block", 'blocks b {\n  withTitle "T" {\n    json { type: "deadline", extra: 1 }\n  }\n}\n', '{"blocks":{"block_1":{"type":"withTitle","properties":{"title":"T","block":{"type":"deadline","extra":1}}}}}'],
    ["a card element", 'card c for deal {\n  main: section "Main" {\n    TITLE\n    json { optionFlags: "1" }\n  }\n}\n', '{"entityTypeId":2,"data":[{"name":"main","title":"Main","type":"section","elements":[{"name":"TITLE"},{"optionFlags":"1"}]}]}'],
    ["a key the structure does not have, after its fields", `${LAYOUT_HEAD}  sidebar json { width: 3 }\n  body { logo document; text "x" }\n}\n`, '{"icon":{"code":"info"},"header":{"title":"T"},"body":{"logo":{"code":"document"},"blocks":{"block_1":{"type":"text","properties":{"value":"x"}}}},"sidebar":{"width":3}}'],
    ["a plain field", 'blocks b {\n  text "a" {\n    bold json "yes"\n  }\n}\n', '{"blocks":{"block_1":{"type":"text","properties":{"value":"a","bold":"yes"}}}}'],
    ["an activity's flattened field", "activity a {\n  id 1\n  completed json \"Y\"\n}\n", '{"id":1,"fields":{"completed":"Y"}}'],
    ["an action", 'blocks b {\n  link "L" {\n    action json { uri: "/x", type: "redirect" }\n  }\n}\n', '{"blocks":{"block_1":{"type":"link","properties":{"text":"L","action":{"uri":"/x","type":"redirect"}}}}}'],
    ["keys such as __proto__ stay data", 'blocks b {\n  blocks json { "__proto__": { type: "deadline" } }\n}\n', '{"blocks":{"__proto__":{"type":"deadline"}}}'],
    ["a key written twice: the later value, at the first key's place (JSON.parse)", 'blocks b json { blocks: {}, blocks: { a: { type: "deadline" } } }\n', '{"blocks":{"a":{"type":"deadline"}}}'],
    ["strings, numbers, booleans and null as written", 'blocks b json { blocks: { a: { type: "text", properties: { value: "\\u00e9\\ud800", bold: null, x: [1.5e3, -0, true] } } } }\n', '{"blocks":{"a":{"type":"text","properties":{"value":"é\\ud800","bold":null,"x":[1500,0,true]}}}}'],
  ])("%s", (_name, code, json) => {
    expect(emitted(code)).toEqual([json]);
  });

  it("is not the raw form without a value: `logo json` is the logo code json", () => {
    expect(emitted(`${LAYOUT_HEAD}  body {\n    logo json\n  }\n}\n`)).toEqual(['{"icon":{"code":"info"},"header":{"title":"T"},"body":{"logo":{"code":"json"},"blocks":{}}}']);
  });

  it("is the raw form for a field that takes a word: `icon json \"x\"` is the icon itself", () => {
    expect(emitted('layout l {\n  icon json "x"\n}\n')).toEqual(['{"icon":"x"}']);
  });

  it("keeps `json` an ordinary key in an open map written as a body", () => {
    expect(emitted('blocks b {\n  link "L" {\n    action restEvent "e" {\n      actionParams {\n        json 5\n      }\n    }\n  }\n}\n')).toEqual([
      '{"blocks":{"block_1":{"type":"link","properties":{"text":"L","action":{"type":"restEvent","id":"e","actionParams":{"json":5}}}}}}',
    ]);
  });
});

describe("the raw form lowers to the IR statements give", () => {
  it("types maps by the model: blocks, their properties by type, sections and elements", () => {
    const { program } = lower(
      parse('blocks b {\n  blocks json { a: { type: "lineOfBlocks", properties: { blocks: { t: { type: "text", properties: { value: "x" } } } } } }\n}\n').document,
    );
    const blocks = program.declarations[0]!.root.entries[0]!.value;
    expect(blocks.kind).toBe("collection");
    const a = blocks.kind === "collection" ? blocks.entries[0]!.value : undefined;
    expect(a).toMatchObject({ kind: "object", dto: "ContentBlockDto", raw: true, fromMap: true });
    const props = a?.kind === "object" ? a.entries[1]!.value : undefined;
    expect(props).toMatchObject({ kind: "object", dto: "LineOfBlocksDto" });
    const inner = props?.kind === "object" ? props.entries[0]!.value : undefined;
    expect(inner).toMatchObject({ kind: "collection", of: "ContentBlockDto" });
  });

  it("is checked like statements, at positions inside the literal", () => {
    const code = 'blocks b {\n  a: json { type: "text", properties: { value: "x", italc: true, size: "lg" } }\n  c: json { type: "withTitle", properties: { title: "T", block: { type: "withTitle", properties: { title: "U" } } } }\n}\n';
    expect(allFindings(code)).toEqual<Finding[]>([
      { ruleId: "unknown-property", severity: "error", message: "Unknown property 'italc' in the text block; the server answers \"Field italc is not required for TextDto.\"", at: "2:53", to: "2:58" },
      {
        ruleId: "enum-value",
        severity: "error",
        message: "'lg' is not a valid 'size' for a text block; expected xs, sm or md. The server answers \"The value of size in TextDto is incorrect.\"",
        at: "2:72",
        to: "2:76",
      },
      {
        ruleId: "block-nesting",
        severity: "error",
        message: "A withTitle block cannot be placed in a withTitle block: only text, link or deadline blocks are allowed in its 'block'.",
        at: "3:73",
        to: "3:84",
      },
      { ruleId: "required-field", severity: "error", message: 'This withTitle block is missing required \'block\'; the server answers "Field block is required for WithTitleDto."', at: "3:98", to: "3:112" },
    ]);
  });
});

describe("what the raw form cannot do", () => {
  it.each<[string, string, Finding[]]>([
    [
      "a member without a value",
      'blocks b {\n  text "a"\n  x: json\n}\n',
      [{ ruleId: "raw-json", severity: "error", message: "'json' needs a value: a map { … }, a list [ … ], a string, a number, true, false or null.", at: "3:6", to: "3:10" }],
    ],
    [
      "a member where there are no members",
      `${LAYOUT_HEAD}  body { logo document; text "x" }\n  json {}\n}\n`,
      [{ ruleId: "raw-json", severity: "error", message: "json members are not allowed in a layout, which has no members: set a field with '<field> json <value>'.", at: "5:3", to: "5:7" }],
    ],
    [
      "template values",
      'blocks b {\n  blocks json { a: { type: "text", properties: { value: @hello, title: $t, bold: "${x}" } } }\n}\n',
      [
        { ruleId: "raw-json", severity: "error", message: "A json value holds JSON only, not the translation '@hello': write the value itself.", at: "2:57", to: "2:63" },
        { ruleId: "raw-json", severity: "error", message: "A json value holds JSON only, not the parameter '$t': write the value itself.", at: "2:72", to: "2:74" },
        { ruleId: "raw-json", severity: "error", message: "A json value holds JSON only, not an interpolation (`${…}`): write the value itself.", at: "2:82", to: "2:88" },
        { ruleId: "value-type", severity: "error", message: "'bold' expects a boolean (true or false), not the string \"${x}\"; the server does not reject it but silently casts it to false.", at: "2:82", to: "2:88" },
      ],
    ],
    [
      "a declaration that is not a map",
      "blocks b json [1]\n",
      [
        { ruleId: "required-field", severity: "error", message: 'Blocks \'b\' is missing required \'blocks\'; the server answers "Field blocks is required for RestAppLayoutBlocksDto."', at: "1:8", to: "1:9" },
        { ruleId: "raw-json", severity: "error", message: "A blocks written as json needs a map { … }, not a list.", at: "1:15", to: "1:18" },
      ],
    ],
    [
      "arguments after the value, an action and a body",
      'blocks b {\n  blocks json { a: { type: "deadline" } } extra -> redirect "/x"\n}\nblocks c {\n  blocks json { a: { type: "deadline" } } { text "x" }\n}\n',
      [
        { ruleId: "invalid-argument", severity: "error", message: "Unexpected argument after the value of 'blocks'.", at: "2:43", to: "2:48" },
        { ruleId: "invalid-argument", severity: "error", message: "'->' is not allowed on 'blocks'.", at: "2:49", to: "2:65" },
        { ruleId: "invalid-argument", severity: "error", message: "'blocks' takes a value, not a block.", at: "5:43", to: "5:55" },
      ],
    ],
    [
      "a field under when",
      'layout l(x: bool) {\n  icon info\n  header "T"\n  body {\n    logo document\n    when $x {\n      blocks json { a: { type: "deadline" } }\n    }\n  }\n}\n',
      [{ ruleId: "template-structure", severity: "error", message: "Only members (blocks, tags, buttons, menu items, card sections and elements) can be inside 'when'; 'blocks' sets a field, which cannot be conditional.", at: "7:7", to: "7:13" }],
    ],
    [
      "a label on a field",
      'blocks b {\n  k: blocks json { a: { type: "deadline" } }\n}\n',
      [{ ruleId: "invalid-argument", severity: "error", message: "A key label is not allowed on 'blocks'.", at: "2:3", to: "2:4" }],
    ],
  ])("%s", (_name, code, expected) => {
    expect(allFindings(code)).toEqual(expected);
  });

  it("reports a key the structure does not have at its name, with a did-you-mean suggestion (never a --fix), and sends it", () => {
    const r = check(`${LAYOUT_HEAD}  body { logo document; text "x" }\n  footr json {}\n}\n`);
    expect(r.diagnostics.map((d) => [d.ruleId, d.message, `${d.range.start.line}:${d.range.start.column}`])).toEqual([
      ["unknown-property", "Unknown property 'footr' in the layout; the server answers \"Field footr is not required for LayoutDto.\" Did you mean 'footer'?", "5:3"],
    ]);
    expect(r.diagnostics[0]!.fix).toBeUndefined();
    expect(r.diagnostics[0]!.suggestions?.[0]?.edits).toEqual([{ range: r.diagnostics[0]!.range, newText: "footer" }]);
  });

  it("keeps members under when guarded", () => {
    const code = 'blocks b(x: bool) {\n  when $x {\n    a: json { type: "deadline" }\n  }\n  text "y"\n}\n';
    expect(check(code).diagnostics).toEqual([]);
    const { program } = lower(parse(code).document);
    const blocks = program.declarations[0]!.root.entries[0]!.value;
    expect(blocks.kind === "collection" && blocks.guarded).toBe(true);
  });
});
