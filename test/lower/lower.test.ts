import { describe, expect, it } from "vitest";
import { parse } from "../../src/syntax/parser.js";
import { lower } from "../../src/lower/lower.js";
import { emitProgram } from "../../src/emit/json.js";
import { check } from "../../src/index.js";

/** Lowers and emits without running rules: what the compiler would write for `code`. */
function emit(code: string): Record<string, unknown> {
  const parsed = parse(code);
  expect(parsed.diagnostics).toEqual([]);
  const { program, problems } = lower(parsed.document);
  expect(problems).toEqual([]);
  const out: Record<string, unknown> = {};
  for (const o of emitProgram(program)) out[o.fileName] = JSON.parse(JSON.stringify(o.value));
  return out;
}

function problems(code: string): string[] {
  const { program, problems } = lower(parse(code).document);
  void program;
  return problems.map((p) => `${p.range.start.line}:${p.range.start.column} ${p.ruleId}/${p.messageId} ${JSON.stringify(p.data)}`);
}

describe("generated keys", () => {
  it.each([
    ["unlabelled blocks are numbered by position", 'blocks b {\n  text "a"\n  text "b"\n}\n', ["block_1", "block_2"]],
    ["labels keep their key; others count positions", 'blocks b {\n  x: text "a"\n  text "b"\n}\n', ["x", "block_2"]],
    ["a label that takes a generated key's name pushes it aside", 'blocks b {\n  text "a"\n  block_1: text "b"\n}\n', ["block_1_2", "block_1"]],
    ["quoted numeric labels", 'blocks b {\n  "1": text "a"\n}\n', ["1"]],
  ])("%s", (_name, code, keys) => {
    const out = emit(code)["b.blocks.json"] as { blocks: Record<string, unknown> };
    expect(Object.keys(out.blocks)).toEqual(keys);
  });

  it("numbers tags, buttons and menu items with their own prefixes", () => {
    const out = emit(
      'layout l {\n  icon info\n  header "T" { tag success "a" }\n  body { logo document; text "x" }\n  footer {\n    button primary "b" -> redirect "/x"\n    menu { item "i" -> restEvent "e" }\n  }\n}\n',
    )["l.layout.json"] as { header: { tags: object }; footer: { buttons: object; menu: { items: object } } };
    expect(Object.keys(out.header.tags)).toEqual(["tag_1"]);
    expect(Object.keys(out.footer.buttons)).toEqual(["button_1"]);
    expect(Object.keys(out.footer.menu.items)).toEqual(["item_1"]);
  });
});

describe("head-line shorthands", () => {
  it.each([
    ["flags and enum words", 'text "Hi" bold size sm color base_70', { value: "Hi", bold: true, size: "sm", color: "base_70" }],
    ["keyword arguments", 'text "Hi" size xs multiline true', { value: "Hi", size: "xs", multiline: true }],
    ["explicit false after a flag name", 'text "Hi" bold false', { value: "Hi", bold: false }],
    ["body statements", 'text {\n    value "Hi"\n    bold true\n  }', { value: "Hi", bold: true }],
    ["multi-line strings", 'text """\n    one\n      two\n    """ multiline', { value: "one\n  two", multiline: true }],
  ])("%s", (_name, block, properties) => {
    const out = emit(`blocks b {\n  x: ${block}\n}\n`)["b.blocks.json"] as { blocks: { x: { properties: unknown } } };
    expect(out.blocks.x.properties).toStrictEqual(properties);
  });

  it("omits empty properties (a bare deadline block)", () => {
    const out = emit("blocks b {\n  x: withTitle \"Due\" { deadline }\n}\n")["b.blocks.json"] as { blocks: { x: unknown } };
    expect(out.blocks.x).toStrictEqual({ type: "withTitle", properties: { title: "Due", block: { type: "deadline" } } });
  });

  it.each([
    ['-> redirect "/crm/deal/details/1/"', { type: "redirect", uri: "/crm/deal/details/1/" }],
    ['-> restEvent "go" loader { a: 1 }', { type: "restEvent", id: "go", animationType: "loader", actionParams: { a: 1 } }],
    ['-> restEvent "go" animationType disable', { type: "restEvent", id: "go", animationType: "disable" }],
    ['-> openRestApp { clientId: 456 } sliderParams { width: 700, title: "T" }', { type: "openRestApp", actionParams: { clientId: 456 }, sliderParams: { width: 700, title: "T" } }],
  ])("actions: %s", (action, expected) => {
    const out = emit(`blocks b {\n  x: link "L" ${action}\n}\n`)["b.blocks.json"] as { blocks: { x: { properties: { action: unknown } } } };
    expect(out.blocks.x.properties.action).toStrictEqual(expected);
  });

  it("continues an action on the next line", () => {
    const out = emit('blocks b {\n  x: link "L"\n    -> redirect "/x"\n}\n')["b.blocks.json"] as { blocks: { x: { properties: { action: unknown } } } };
    expect(out.blocks.x.properties.action).toStrictEqual({ type: "redirect", uri: "/x" });
  });
});

describe("declarations", () => {
  it("resolves translation references to every language of the table", () => {
    const out = emit('translations {\n  en { hi "Hello" }\n  de { hi "Hallo" }\n}\nblocks b {\n  x: text @hi\n}\n')["b.blocks.json"];
    expect(out).toStrictEqual({ blocks: { x: { type: "text", properties: { value: { en: "Hello", de: "Hallo" } } } } });
  });

  it("builds badge params with the name as code and the type from the head", () => {
    expect(emit('badge missedCall failure {\n  title "Call"\n  value { en: "Missed", de: "Verpasst" }\n}\n')["missedCall.badge.json"]).toStrictEqual({
      code: "missedCall",
      title: "Call",
      value: { en: "Missed", de: "Verpasst" },
      type: "failure",
    });
  });

  it("lets an explicit code win over the declaration name", () => {
    expect(emit('badge b warning {\n  code "CUSTOM"\n  title "T"\n  value "V"\n}\n')["b.badge.json"]).toStrictEqual({ code: "CUSTOM", title: "T", value: "V", type: "warning" });
  });

  it("routes activity fields into `fields` and resolves a layout reference", () => {
    const out = emit(
      'layout l {\n  icon info\n  header "T"\n  body { logo document; text "x" }\n}\nactivity a {\n  ownerTypeId deal\n  ownerId 7\n  completed false\n  pingOffsets [0, 15]\n  layout l\n}\n',
    )["a.activity.json"] as Record<string, unknown>;
    expect(out).toStrictEqual({
      ownerTypeId: 2,
      ownerId: 7,
      fields: { completed: false, pingOffsets: [0, 15] },
      layout: { icon: { code: "info" }, header: { title: "T" }, body: { logo: { code: "document" }, blocks: { block_1: { type: "text", properties: { value: "x" } } } } },
    });
  });

  it("builds card params: entity word, scope alias, extras, sections with elements and options", () => {
    const out = emit(
      'card c for deal {\n  scope common\n  dealCategoryId 9\n  main: section "Main" {\n    TITLE always\n    CLIENT { defaultCountry "DE" }\n  }\n}\n',
    )["c.card.json"];
    expect(out).toStrictEqual({
      entityTypeId: 2,
      scope: "C",
      extras: { dealCategoryId: 9 },
      data: [{ name: "main", title: "Main", type: "section", elements: [{ name: "TITLE", optionFlags: 1 }, { name: "CLIENT", options: { defaultCountry: "DE" } }] }],
    });
  });

  it("drops entityTypeId in the legacy card form", () => {
    const out = emit('card c for lead legacy {\n  leadCustomerType repeat\n  s: section "S" { NAME }\n}\n')["c.card.json"];
    expect(out).toStrictEqual({ extras: { leadCustomerType: 2 }, data: [{ name: "s", title: "S", type: "section", elements: [{ name: "NAME" }] }] });
  });

  it("writes an empty body's blocks as {} (the server requires the key)", () => {
    const out = emit('layout l {\n  icon info\n  header "T"\n  body { logo document }\n}\n')["l.layout.json"] as { body: unknown };
    expect(out.body).toStrictEqual({ logo: { code: "document" }, blocks: {} });
  });

  it("keeps author keys that are special in JavaScript", () => {
    const out = emit('blocks b {\n  "__proto__": text "p"\n  constructor: link "c" -> openRestApp { __proto__: 1 }\n}\n')["b.blocks.json"] as { blocks: object };
    expect(Object.keys(out.blocks)).toEqual(["__proto__", "constructor"]);
    const json = JSON.stringify(emitProgram(lower(parse('blocks b {\n  "__proto__": text "p"\n}\n').document).program)[0]!.value);
    expect(json).toBe('{"blocks":{"__proto__":{"type":"text","properties":{"value":"p"}}}}');
  });
  it("does not take Object.prototype's members for the model's words (-> constructor, toString)", () => {
    const action = check('blocks b {\n  link "x" -> constructor\n}\n').diagnostics.map((d) => `${d.range.start.line}:${d.range.start.column} ${d.ruleId}`);
    expect(action).toEqual(["2:15 enum-value"]);
    const word = check('card c for deal {\n  s: section "S" { TITLE toString }\n}\n').diagnostics.map((d) => `${d.range.start.line}:${d.range.start.column} ${d.ruleId} ${d.message}`);
    expect(word).toEqual(["2:26 invalid-argument Unexpected word 'toString' in a card field."]);
  });
});

describe("what lowering cannot place", () => {
  it.each([
    ["unknown statement with suggestion", "blocks b {\n  lineOfBlock { text \"a\" }\n}\n", ['2:3 unknown-property/unknownStatementSuggest {"name":"lineOfBlock","where":"the additional content blocks","suggestion":"lineOfBlocks"}']],
    ["unknown declaration", 'layuot l {\n}\n', ['1:1 unknown-property/unknownStatementSuggest {"name":"layuot","where":"the top level of a file","suggestion":"layout"}']],
    ["misspelt flag", 'blocks b {\n  text "a" boldd\n}\n', ['2:12 invalid-argument/unknownWordSuggest {"word":"boldd","what":"a text block","suggestion":"bold"}']],
    ["extra value", 'blocks b {\n  text "a" "b"\n}\n', ['2:12 invalid-argument/unexpectedValue {"what":"a text block","expected":"one value (value)"}']],
    ["declaration without a name", 'layout {\n}\n', ['1:1 invalid-argument/declarationName {"keyword":"layout"}']],
    ["arrow on a block that has no action", 'blocks b {\n  text "a" -> redirect "/x"\n}\n', ['2:12 invalid-argument/noAction {"what":"a text block"}']],
    ["keyword argument without value", 'blocks b {\n  text "a" size\n}\n', ["2:12 invalid-argument/missingValue {\"name\":\"size\"}"]],
  ])("%s", (_name, code, expected) => {
    expect(problems(code)).toEqual(expected);
  });
});

describe("fixes from review", () => {
  it("merges an explicit `fields { … }` into fields written directly before it", () => {
    const out = emit('activity a {\n  id 5\n  completed true\n  fields { responsibleId 1 }\n}\n')["a.activity.json"];
    expect(out).toStrictEqual({ id: 5, fields: { completed: true, responsibleId: 1 } });
  });

  it("reads `header { en: …, de: … }` as a translated title", () => {
    const out = emit('layout l {\n  icon info\n  header { en: "E", de: "D" }\n  body { logo document; text "x" }\n}\n')["l.layout.json"] as { header: unknown };
    expect(out.header).toStrictEqual({ title: { en: "E", de: "D" } });
  });
});
