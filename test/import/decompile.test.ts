/**
 * The decompiler on shapes built here: every block type, every action variant, every text field
 * with a language map, keys, labels, cards and activities. Each case round-trips; the text is
 * asserted where the form matters (shorthands, labels, the explicit fallbacks).
 */
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { compile } from "../../src/index.js";
import { importJson } from "../../src/import/index.js";
import { layoutJson, roundTrip, warningsOf } from "./helpers.js";

const HERE = dirname(fileURLToPath(import.meta.url));
const j = (v: unknown) => JSON.stringify(v, null, 2);
const redirect = { type: "redirect", uri: "/crm/deal/details/1/" };

describe("a layout with every part", () => {
  const json = `{
  "icon": {"code": "call-completed"},
  "header": {
    "title": {"en": "Call", "de": "Anruf"},
    "titleAction": {"type": "openRestApp", "actionParams": {"a": 1, "b": "x", "c": true, "d": null}, "sliderParams": {"width": 700, "title": "T"}},
    "tags": {
      "tag_1": {"title": "t1", "type": "success", "action": {"type": "redirect", "uri": "/x"}},
      "status-2": {"title": {"en": "t2"}, "type": "warning"}
    }
  },
  "body": {
    "logo": {"code": "call-incoming", "action": {"type": "restEvent", "id": "logo", "actionParams": {"k": "v"}, "animationType": "loader"}},
    "blocks": {
      "block_1": {"type": "text", "properties": {"value": "x", "multiline": false, "title": {"en": "hover", "ru": "наведение"}, "bold": true, "size": "xs", "color": "base_50", "scope": "mobile"}},
      "1": {"type": "largeText", "properties": {"value": {"en": "a\\nb\\nc"}, "scope": "web"}},
      "__proto__": {"type": "link", "properties": {"text": "l", "action": {"type": "restEvent", "id": "go", "actionParams": {"x": 1}}, "bold": false}},
      "block_4": {"type": "deadline"},
      "block_5": {"type": "deadline", "properties": {}},
      "block_6": {"type": "withTitle", "properties": {"title": "wt", "block": {"type": "deadline", "properties": {"readonly": true}}, "inline": true, "scope": "web"}},
      "x-y_z": {"type": "lineOfBlocks", "properties": {"blocks": {"block_1": {"type": "text", "properties": {"value": "1.5"}}, "b": {"type": "link", "properties": {"text": "b", "action": {"type": "redirect", "uri": "/b"}}}}, "scope": "mobile"}},
      "block_8": {"type": "lineOfBlocks", "properties": {"blocks": {}}},
      "block_9": {"type": "text", "properties": {"value": "has \${x} and \\"q\\" \\\\ back\\ttab"}}
    }
  },
  "footer": {
    "buttons": {
      "b1": {"title": "B", "type": "secondary", "action": {"type": "openRestApp"}, "scope": "web", "hideIfReadonly": false},
      "b2": {"title": "C", "type": "primary", "action": {"type": "restEvent", "id": "go", "animationType": "disable"}}
    },
    "menu": {"showPinItem": true, "showPostponeItem": false, "showDeleteItem": false, "items": {
      "item_1": {"title": "i", "action": {"type": "redirect", "uri": "https://x.y/?a=1&b=\${2}"}, "scope": "web", "hideIfReadonly": true},
      "true": {"title": "j", "action": {"type": "openRestApp", "actionParams": {}, "sliderParams": {}}}
    }}
  }
}`;

  it("is written with the shorthands of each statement and compiles back to itself", () => {
    const r = roundTrip(json, { fileName: "every-part.json" });
    expect(r.result.diagnostics).toEqual([]);
    expect(r.checkErrors).toEqual([]);
    expect(r.text).toBe(`// Imported from every-part.json: a LayoutDto (the layout of crm.activity.configurable.add / update).
layout everyPart {
  icon call-completed
  header { en: "Call", de: "Anruf" } -> openRestApp { a: 1, b: "x", c: true, d: null } sliderParams { width: 700, title: "T" } {
    tag success "t1" -> redirect "/x"
    status-2: tag warning { en: "t2" }
  }
  body {
    logo call-incoming -> restEvent "logo" { k: "v" } loader
    text "x" multiline false title { en: "hover", ru: "наведение" } bold size xs color base_50 scope mobile
    "1": largeText { en: "a\\nb\\nc" } scope web
    __proto__: link "l" bold false -> restEvent "go" { x: 1 }
    deadline
    deadline {}
    withTitle "wt" inline scope web { deadline readonly }
    x-y_z: lineOfBlocks {
      text "1.5"
      b: link "b" -> redirect "/b"
      scope mobile
    }
    lineOfBlocks {}
    text "has \\\${x} and \\"q\\" \\\\ back\\ttab"
  }
  footer {
    b1: button secondary "B" scope web hideIfReadonly false -> openRestApp
    b2: button primary "C" -> restEvent "go" disable
    menu {
      showPinItem true
      showPostponeItem false
      showDeleteItem false
      item "i" scope web hideIfReadonly -> redirect "https://x.y/?a=1&b=\\\${2}"
      "true": item "j" -> openRestApp {} sliderParams {}
    }
  }
}
`);
  });
});

describe("blocks", () => {
  const cases: [string, Record<string, unknown>, string][] = [
    ["a text with every property", { t: { type: "text", properties: { value: "v", multiline: true, title: "h", bold: true, size: "sm", color: "base_70", scope: "web" } } }, 't: text "v" multiline title "h" bold size sm color base_70 scope web'],
    ["a large text", { t: { type: "largeText", properties: { value: "v" } } }, 't: largeText "v"'],
    ["a link", { l: { type: "link", properties: { text: "Open", action: redirect, bold: true } } }, 'l: link "Open" bold -> redirect "/crm/deal/details/1/"'],
    ["a deadline without properties", { d: { type: "deadline" } }, "d: deadline"],
    ["a deadline with empty properties", { d: { type: "deadline", properties: {} } }, "d: deadline {}"],
    ["a read-only deadline", { d: { type: "deadline", properties: { readonly: true, scope: "mobile" } } }, "d: deadline readonly scope mobile"],
    ["a withTitle of a text", { w: { type: "withTitle", properties: { title: "Client", inline: true, block: { type: "text", properties: { value: "Müller" } } } } }, 'w: withTitle "Client" inline { text "Müller" }'],
    ["a withTitle of a link", { w: { type: "withTitle", properties: { title: "M", block: { type: "link", properties: { text: "K", action: redirect } } } } }, 'w: withTitle "M" {\n      link "K" -> redirect "/crm/deal/details/1/"\n    }'],
    ["a withTitle without a title", { w: { type: "withTitle", properties: { block: { type: "deadline" } } } }, "w: withTitle { deadline }"],
    ["a withTitle with an empty title map", { w: { type: "withTitle", properties: { title: {}, block: { type: "deadline" } } } }, "w: withTitle {\n      title {}\n      deadline\n    }"],
    ["a lineOfBlocks", { l: { type: "lineOfBlocks", properties: { blocks: { a: { type: "text", properties: { value: "a" } }, block_2: { type: "deadline" } } } } }, 'l: lineOfBlocks {\n      a: text "a"\n      deadline\n    }'],
    ["an empty lineOfBlocks", { l: { type: "lineOfBlocks", properties: { blocks: {} } } }, "l: lineOfBlocks {}"],
    // Statements would send `"blocks": {}`: the raw form says that there is none.
    ["a lineOfBlocks without its blocks", { l: { type: "lineOfBlocks", properties: {} } }, 'l: json { type: "lineOfBlocks", properties: {} }'],
    ["a text whose value is an empty map", { t: { type: "text", properties: { value: {}, bold: true } } }, "t: text bold {\n      value {}\n    }"],
  ];

  it.each(cases)("%s", (_what, blocks, line) => {
    const r = roundTrip(layoutJson(blocks));
    expect(r.text).toContain(`    ${line}\n`);
  });

  it("leaves out a label only where the generated key is the same", () => {
    const r = roundTrip(layoutJson({ block_2: { type: "deadline" }, block_2x: { type: "deadline" }, block_3: { type: "deadline" }, x: { type: "deadline" } }));
    expect(r.text).toContain(["    block_2: deadline", "    block_2x: deadline", "    deadline", "    x: deadline"].join("\n"));
  });

  it("writes a block of an unknown type as it is, in its place: no generated key moves", () => {
    const r = roundTrip(layoutJson({ block_1: { type: "image", properties: { src: "a.png" } }, block_2: { type: "deadline" } }), { fileName: "b.json" });
    expect(r.text).toContain(['    json { type: "image", properties: { src: "a.png" } }', "    deadline"].join("\n"));
    expect(r.result.diagnostics).toEqual([]);
    expect(r.checkErrors).toEqual(["enum-value"]);
  });

  it.each<[string, unknown, string, string[]]>([
    ["a block without a type", { a: { properties: { value: "x" } } }, 'a: json { properties: { value: "x" } }', ["required-field"]],
    ["a block whose type is no word", { a: { type: "my block" } }, 'a: json { type: "my block" }', ["enum-value"]],
    ["a block named like a field of the body", { a: { type: "logo" } }, 'a: json { type: "logo" }', ["enum-value"]],
    ["a block with a key besides type and properties", { a: { type: "deadline", id: 5 } }, 'a: json { type: "deadline", id: 5 }', ["unknown-property"]],
    ["a block whose properties are no object", { a: { type: "deadline", properties: [] } }, 'a: json { type: "deadline", properties: [] }', ["value-type"]],
    ["a member that is no object", { a: "text" }, 'a: json "text"', ["value-type"]],
    ["an unknown field inside a block", { a: { type: "text", properties: { value: "x", italic: true } } }, 'a: text "x" {\n      italic json true\n    }', ["unknown-property"]],
  ])("writes %s as it is, for the checker", (_what, blocks, line, errors) => {
    const r = roundTrip(layoutJson(blocks as Record<string, unknown>));
    expect(r.text).toContain(`    ${line}\n`);
    expect(r.result.diagnostics).toEqual([]);
    expect(r.checkErrors).toEqual(errors);
  });
});

describe("actions", () => {
  const button = (action: unknown) => layoutJson({ t: { type: "text", properties: { value: "x" } } }, { footer: { buttons: { b: { title: "B", type: "primary", action } } } });
  const cases: [string, unknown, string][] = [
    ["redirect", redirect, '-> redirect "/crm/deal/details/1/"'],
    ["restEvent with params and a loader", { type: "restEvent", id: "call", actionParams: { phone: "1" }, animationType: "loader" }, '-> restEvent "call" { phone: "1" } loader'],
    ["restEvent disabling the button", { type: "restEvent", id: "x", animationType: "disable" }, '-> restEvent "x" disable'],
    ["restEvent without an id", { type: "restEvent", actionParams: { a: 1 } }, "-> restEvent actionParams { a: 1 }"],
    ["openRestApp with params and slider parameters", { type: "openRestApp", actionParams: { clientId: 456 }, sliderParams: { width: 700, leftBoundary: 10, title: "T", labelText: "L", labelColor: "#aabbcc", labelBgColor: "blue" } }, '-> openRestApp { clientId: 456 } sliderParams { width: 700, leftBoundary: 10, title: "T", labelText: "L", labelColor: "#aabbcc", labelBgColor: "blue" }'],
    ["openRestApp with slider parameters only", { type: "openRestApp", sliderParams: { width: 500 } }, "-> openRestApp sliderParams { width: 500 }"],
    ["an id of three lines (no \"\"\" block in a clause)", { type: "restEvent", id: "a\nb\nc" }, '-> restEvent "a\\nb\\nc"'],
    ["an action with fields its type does not use", { type: "redirect", uri: "/x", id: "y", animationType: "loader" }, '-> redirect "/x" id "y" loader'],
  ];

  it.each(cases)("%s", (_what, action, clause) => {
    const r = roundTrip(button(action));
    expect(r.text).toContain(`b: button primary "B" ${clause}\n`);
  });

  const explicit: [string, unknown, string, string[]][] = [
    ["an unknown type", { type: "openApp", uri: "/x" }, 'b: button primary "B" -> openApp uri "/x"', ["enum-value"]],
    ["no type", { uri: "/x" }, 'b: button primary "B" {\n      action {\n        uri "/x"\n      }\n    }', ["invalid-argument", "required-field"]],
    ["a type named like an Object.prototype member", { type: "constructor" }, 'b: button primary "B" {\n      action {\n        type "constructor"\n      }\n    }', ["enum-value", "invalid-argument"]],
    ["a type that is not a word", { type: "open app" }, 'b: button primary "B" {\n      action {\n        type "open app"\n      }\n    }', ["enum-value", "invalid-argument"]],
    ["an unknown field", { type: "redirect", uri: "/x", target: "_blank" }, 'b: button primary "B" {\n      action redirect "/x" {\n        target json "_blank"\n      }\n    }', ["unknown-property"]],
  ];

  it.each(explicit)("writes an action with %s in the body, and the checker reports it", (_what, action, text, errors) => {
    const r = roundTrip(button(action));
    expect(r.text).toContain(text);
    expect([...r.checkErrors].sort()).toEqual(errors);
  });
});

describe("language maps in every text field", () => {
  const map = { en: "E", de: "D" };
  const json = j({
    icon: { code: "info" },
    header: { title: map, tags: { t: { title: map, type: "warning" } } },
    body: {
      logo: { code: "document" },
      blocks: {
        a: { type: "text", properties: { value: map, title: map } },
        b: { type: "largeText", properties: { value: map } },
        c: { type: "link", properties: { text: map, action: redirect } },
        d: { type: "withTitle", properties: { title: map, block: { type: "text", properties: { value: map } } } },
      },
    },
    footer: { buttons: { b: { title: map, type: "primary", action: redirect } }, menu: { items: { i: { title: map, action: redirect } } } },
  });

  it("writes them inline", () => {
    const r = roundTrip(json);
    expect(r.text.match(/\{ en: "E", de: "D" \}/g)).toHaveLength(10);
  });

  it("lifts them into one translation with --extract-translations", () => {
    const r = roundTrip(json, { extractTranslations: true });
    expect(r.text.match(/@e\b/g)).toHaveLength(10);
    expect(r.text).toContain('translations {\n  en {\n    e "E"\n  }\n  de {\n    e "D"\n  }\n}');
    expect(r.checkWarnings).toEqual([]);
  });

  it("writes a badge's title and value maps", () => {
    const r = roundTrip(j({ code: "b", title: map, value: { ru: "Р", en: "R" }, type: "primary" }));
    expect(r.text).toContain('badge b primary {\n  title { en: "E", de: "D" }\n  value { ru: "Р", en: "R" }\n}');
  });
});

describe("cards", () => {
  const sections = [{ name: "main", title: "Main", type: "section", elements: [{ name: "TITLE", optionFlags: 1 }, { name: "PHONE", optionFlags: 0, options: { defaultCountry: "DE" } }] }];
  const cases: [string, unknown, string][] = [
    ["a lead card for repeat leads", { entityTypeId: 1, extras: { leadCustomerType: 2 }, data: sections }, "card c for lead {\n  leadCustomerType repeat\n"],
    ["a deal card for a pipeline", { entityTypeId: 2, scope: "C", extras: { dealCategoryId: 9 }, data: sections }, "card c for deal {\n  scope common\n  dealCategoryId 9\n"],
    ["a smart-process card", { entityTypeId: 1032, userId: 1, extras: { categoryId: 7 }, data: sections }, "card c for 1032 {\n  userId 1\n  categoryId 7\n"],
    ["a quote card", { entityTypeId: 7, data: sections }, "card c for quote {\n"],
  ];

  it.each(cases)("%s", (_what, input, start) => {
    const r = roundTrip(j(input), { name: "c" });
    expect(r.text).toContain(start);
    expect(r.text).toContain('  main: section "Main" {\n    TITLE always\n    PHONE optionFlags 0 { defaultCountry "DE" }\n  }');
    expect(r.checkErrors).toEqual([]);
  });

  it("writes element names that are not plain words with `field`", () => {
    const r = roundTrip(j([{ name: "s", title: "S", type: "section", elements: [{ name: "when" }, { name: "my field" }, { name: "import", optionFlags: 1 }, { name: 5 }, { name: "field" }, { name: "json" }] }]), { entity: "deal" });
    expect(r.text).toContain('    field "when"\n    field "my field"\n    field "import" always\n    field 5\n    field\n    field "json"\n');
  });

  it("writes extras it cannot flatten as an extras body", () => {
    const r = roundTrip(j({ entityTypeId: 2, extras: {}, data: sections }));
    expect(r.text).toContain("  extras {}\n");
  });

  it("writes what sections cannot say as it is: an empty list, another type, a field without a name or with an unknown key", () => {
    const input = {
      entityTypeId: 2,
      data: [
        { name: "a", title: "A", type: "section", elements: [] },
        { name: "b", title: "B", type: "column", elements: [{ optionFlags: 1 }] },
        { name: "c", title: "C", type: "section", elements: [{ optionFlags: 1 }, { name: "X", extra: 1 }, { name: "Y" }] },
        { name: "d", title: "D" },
        { name: 5, title: "E", type: "section", elements: [{ name: "Z" }] },
      ],
    };
    const r = roundTrip(j(input), { fileName: "c.json" });
    expect(r.result.diagnostics).toEqual([]);
    expect(r.text).toContain(
      [
        '  json { name: "a", title: "A", type: "section", elements: [] }',
        '  json { name: "b", title: "B", type: "column", elements: [{ optionFlags: 1 }] }',
        '  c: section "C" {',
        "    json { optionFlags: 1 }",
        '    json { name: "X", extra: 1 }',
        "    Y",
        "  }",
        '  json { name: "d", title: "D" }',
        '  json { name: 5, title: "E", type: "section", elements: [{ name: "Z" }] }',
      ].join("\n"),
    );
    expect([...new Set(r.checkErrors)].sort()).toEqual(["card-data", "required-field"]);
    // The server keeps only name, optionFlags and options of a card field: an unknown key is dropped, not refused.
    expect(r.checkWarnings).toContain("unknown-property");
  });
});

describe("activities", () => {
  it("writes an update with its id, the fields flattened, the layout inline", () => {
    const r = roundTrip(j({ id: 42, fields: { completed: true, badgeCode: "", responsibleId: 3 }, layout: JSON.parse(layoutJson({ t: { type: "text", properties: { value: "x" } } })) as unknown }), { name: "done" });
    expect(r.text).toBe(`// Imported from JSON: crm.activity.configurable.update params.
activity done {
  id 42
  completed true
  badgeCode ""
  responsibleId 3
  layout {
    icon info
    header "T"
    body {
      logo document
      t: text "x"
    }
  }
}
`);
  });

  it("writes an add with the owner's entity word", () => {
    const r = roundTrip(j({ ownerTypeId: 3, ownerId: 1, fields: { typeId: "CONFIGURABLE" }, layout: JSON.parse(layoutJson({})) as unknown }));
    expect(r.text).toContain("  ownerTypeId contact\n  ownerId 1\n  typeId \"CONFIGURABLE\"\n");
  });

  it("writes fields with a key the model does not know as a fields body, the key as it is", () => {
    const r = roundTrip(j({ id: 1, fields: { completed: true, colour: "red" } }));
    expect(r.text).toContain('  fields {\n    completed true\n    colour json "red"\n  }');
    expect(warningsOf(r.result)).toEqual([]);
    // The server ignores unknown keys of `fields` (spec §6): reported, as a warning.
    expect(r.checkErrors).toEqual([]);
    expect(r.checkWarnings).toEqual(["unknown-property"]);
  });

  it("writes a key of the activity that statements would put in its fields as the whole activity", () => {
    const r = roundTrip(j({ id: 1, completed: true }), { name: "a", kind: "activity" });
    expect(r.text).toContain("activity a json { id: 1, completed: true }");
    expect(r.checkErrors).toEqual(["unknown-property"]);
  });

  it("writes empty fields", () => {
    expect(roundTrip(j({ id: 1, fields: {} })).text).toContain("  fields {}\n");
  });
});

describe("collections", () => {
  it("writes empty optional collections as they are, and leaves the required ones' {} to the body", () => {
    const json = j({ icon: { code: "info" }, header: { title: "T", tags: {} }, body: { logo: { code: "document" }, blocks: {} }, footer: { buttons: {}, menu: { items: {} } } });
    const r = roundTrip(json, { fileName: "e.json" });
    expect(r.result.diagnostics).toEqual([]);
    expect(r.text).toContain('  header "T" {\n    tags json {}\n  }\n  body {\n    logo document\n  }\n  footer {\n    buttons json {}\n    menu {\n      items json {}\n    }\n  }');
  });

  it("reads a list where Bitrix24 takes an object as members keyed by position", () => {
    const r = roundTrip(layoutJson({}).replace('"blocks": {}', '"blocks": [{"type": "deadline"}, {"type": "text", "properties": {"value": "x"}}]'), { fileName: "l.json" });
    expect(r.text).toContain('    "0": deadline\n    "1": text "x"\n');
    expect(warningsOf(r.result)).toEqual(["normalised body.blocks"]);
  });

  it("keeps such a list with --keep-quirks", () => {
    const r = roundTrip(layoutJson({}).replace('"blocks": {}', '"blocks": [{"type": "deadline"}]'), { keepQuirks: true });
    expect(r.text).toContain('    blocks json [{ type: "deadline" }]\n');
    expect(r.result.diagnostics).toEqual([]);
  });

  it("writes a scalar where members go as it is", () => {
    const r = roundTrip(j({ icon: { code: "info" }, header: { title: "T", tags: "none" }, body: { logo: { code: "document" }, blocks: {} } }));
    expect(r.text).toContain('  header "T" {\n    tags json "none"\n  }');
    expect(r.checkErrors).toEqual(["value-type"]);
  });

  it("writes a body without blocks as it is, which the checker reports (a body of statements would send {})", () => {
    const r = roundTrip(j({ icon: { code: "info" }, header: { title: "T" }, body: { logo: { code: "document" } } }), { fileName: "n.json" });
    expect(r.result.diagnostics).toEqual([]);
    expect(r.text).toContain('  body json { logo: { code: "document" } }\n');
    expect(r.checkErrors).toEqual(["required-field"]);
  });
});

describe("the examples and golden twins, through JSON and back", () => {
  const files = [
    ...readdirSync(join(HERE, "..", "..", "examples")).filter((f) => f.endsWith(".b24layout")).map((f) => join(HERE, "..", "..", "examples", f)),
    ...readdirSync(join(HERE, "..", "golden")).filter((f) => f.endsWith(".b24layout")).map((f) => join(HERE, "..", "golden", f)),
  ];

  it.each(files.map((f) => [f.replace(/^.*\/(examples|golden)\//, "$1/"), f] as const))("%s", (_name, file) => {
    const compiled = compile(readFileSync(file, "utf8"));
    for (const output of compiled.outputs) {
      const json = j(output.value);
      const r = roundTrip(json, { kind: output.kind, name: output.name, keepQuirks: true, entity: "deal" });
      expect(r.result.diagnostics.filter((d) => d.change)).toEqual([]);
    }
  });

  it("imports the layout of docs/language.md to that page's own text", () => {
    const readme = readFileSync(join(HERE, "..", "..", "docs", "language.md"), "utf8");
    const source = /```\n(\/\/ A translation table[\s\S]*?)```/.exec(readme)![1]!;
    const layout = compile(source).outputs.find((o) => o.kind === "layout")!;
    const text = importJson(j(layout.value), { name: "incomingCall" }).text!;
    expect(text).toContain('    client: withTitle { en: "Client", de: "Kunde" } inline { text "Müller GmbH" }');
    expect(text).toContain('      link "Klaus Weber" bold -> redirect "/crm/lead/details/789/"');
    expect(text).toContain('      phone: text "+49 999 888 7777" size sm color base_70');
    // Two lines stay one string; `"""` is for three lines or more.
    expect(text).toContain('    notes: largeText "Arrive after lunch.\\nEntrance from the courtyard."');
    expect(text).toContain("    startCall: button primary \"About the client\" -> openRestApp { clientId: 456 } sliderParams { width: 700 }");
    expect(text).toContain('      confirm: item "Confirm request" -> restEvent "confirm" loader');
  });
});
