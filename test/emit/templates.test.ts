/**
 * Templates rendered, by both targets: for a table of template sources × argument sets, the JSON
 * that `compile(text, { params })` writes (against hand-written payloads for the key cases), the
 * TypeScript module of the same source (type-checked under --strict with the types module, and
 * called with the same arguments in a checked file), and that module transpiled and run, which
 * must return exactly the JSON rendering. Then the limits only a call can check, and the code of
 * a small template as reviewers will read it.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import ts from "typescript";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { check, compile } from "../../src/index.js";
import { emitTypeScriptModule, identifierFor } from "../../src/emit/typescript.js";
import { typesModule } from "../../src/emit/ts-types.js";
import { typeCheck } from "../support/typescript.js";

/** Values of parameters by declaration name, as `compile` takes them. */
type Params = Readonly<Record<string, Readonly<Record<string, unknown>>>>;

interface Call {
  readonly params: Params;
  /** The payload of each declaration named here, written out by hand. */
  readonly expected?: Readonly<Record<string, unknown>>;
}

interface Template {
  readonly source: string;
  /** Argument sets, by a name that says what they exercise. */
  readonly calls: Readonly<Record<string, Call>>;
}

// ----- the templates -----

const INCOMING_CALL = `
layout incomingCall(clientName: string, dealId: string, missed: bool = false, channel: "web" | "mobile" = "web", products: { name: string, price: int }[] = []) {
  icon call-completed
  header "Incoming call" -> redirect "/crm/deal/details/\${dealId}/" {
    when $missed {
      missed: tag failure "missed"
    }
    tag primary "new"
  }
  body {
    logo call-incoming
    client: withTitle "Client" { text "\${clientName}" }
    each product in $products {
      line: text "\${product.name}: \${product.price}" bold
    }
    when $channel is "web" {
      text "from the web"
    } else {
      text "from the app"
    }
  }
}
`;

const LINKS = `
layout links(dealId: string, site: url, query: string = "a&b=c d") {
  icon info
  header "Deal \${dealId}" -> redirect "/crm/deal/details/\${dealId}/"
  body {
    logo document -> redirect "\${site}"
    open: link "Open \${dealId}" -> redirect "\${site}/deal/\${dealId}?q=\${query}"
  }
}
`;

const OPTIONAL = `
blocks optional(tone?: "base_70" | "base_90", strong?: bool, size?: "xs" | "sm", hint?: string) {
  first: text "Fixed" color $tone bold $strong size $size title $hint
  when $hint {
    hinted: text "hint: \${hint}"
  }
  when $strong {
    strong: text "strong"
  }
}
`;

const CONDITIONS = `
blocks conditions(mode: "a" | "b" | "c" = "a", count: int = 0, on: bool = false, note?: string) {
  when $mode is "a" or $mode is "b" {
    ab: text "a or b"
  } else {
    c: text "c"
  }
  when $on and $count is not 0 {
    on: text "on, count \${count}"
  }
  when not $on {
    off: text "off"
  }
  when $note {
    note: text "a note"
  }
  when $note is "x" or not $on and $mode is "c" {
    x: text "x"
  }
}
`;

const PROTO = `
layout proto(name: string, extra: { title: string }[] = [], show: bool = true) {
  icon info
  header "T" {
    "__proto__": tag primary "\${name}"
  }
  body {
    logo document
    "__proto__": text "\${name}"
    each e in $extra {
      "__proto__": text "\${e.title}"
    }
  }
  footer {
    when $show {
      "__proto__": button primary "Go" -> redirect "/x"
    }
  }
}
`;

const NESTED = `
blocks nested(groups: { title: string, rows: { label: string, vip?: bool }[] }[] = []) {
  each group in $groups {
    group-title: text "\${group.title}" bold
    each row in $group.rows {
      row: lineOfBlocks {
        label: text "\${row.label}"
        when $row.vip {
          vip: text "VIP" color base_70
        }
      }
    }
  }
}
`;

const CARD = `
card dealCard(userId: int, withProducts: bool = false) for deal {
  scope personal
  userId $userId
  main: section "Main" {
    TITLE always
    when $withProducts {
      OPPORTUNITY_WITH_CURRENCY
    }
  }
  when $withProducts {
    products: section "Products" {
      PRODUCT_ROW_SUMMARY
    }
  }
}
`;

const ACTIVITY = `
layout callLayout(title: string = "Call back", urgent: bool = false) {
  icon call
  header "\${title}"
  body {
    logo call-outgoing
    when $urgent {
      urgent: text "Urgent" bold
    }
  }
}

activity callback(ownerId: int, at: datetime) {
  ownerTypeId deal
  ownerId $ownerId
  completed false
  deadline $at
  layout callLayout
}
`;

const STRINGS = `
blocks strings(name: string, count: int, flag: bool) {
  quoted: text "\`\${name}\` costs \\\${price} \\\\ \${count} \${flag}"
  long: largeText """
    Dear \${name},
      you have \${count} calls.
    """
  same: text "\${name}"
  number: text "\${count}"
}
`;

const MENU = `
layout menu(items: { id: string, title: string }[] = [], primary: bool = true) {
  icon info
  header "T"
  body {
    logo document
  }
  footer {
    when $primary {
      go: button primary "Go" -> redirect "/go"
    } else {
      go: button secondary "Go" -> redirect "/go"
    }
    menu {
      each item in $items {
        pick: item "\${item.title}" -> redirect "/pick/\${item.id}"
      }
    }
  }
}
`;

const incomingCallPayload = (tags: Record<string, unknown>, blocks: Record<string, unknown>, uri = "/crm/deal/details/42/") => ({
  icon: { code: "call-completed" },
  header: { title: "Incoming call", titleAction: { type: "redirect", uri }, tags },
  body: { logo: { code: "call-incoming" }, blocks },
});
const NEW_TAG = { title: "new", type: "primary" };
const CLIENT_ANN = { type: "withTitle", properties: { title: "Client", block: { type: "text", properties: { value: "Ann" } } } };
const text = (value: string, more: Record<string, unknown> = {}) => ({ type: "text", properties: { value, ...more } });

const TEMPLATES: Readonly<Record<string, Template>> = {
  incomingCall: {
    source: INCOMING_CALL,
    calls: {
      "only the required values": {
        params: { incomingCall: { clientName: "Ann", dealId: "42" } },
        expected: { incomingCall: incomingCallPayload({ tag_2: NEW_TAG }, { client: CLIENT_ANN, block_3: text("from the web") }) },
      },
      "missed, two products, from the app": {
        params: { incomingCall: { clientName: "Ann", dealId: "42", missed: true, channel: "mobile", products: [{ name: "Lamp", price: 120 }, { name: "Desk", price: 300 }] } },
        expected: {
          incomingCall: incomingCallPayload(
            { missed: { title: "missed", type: "failure" }, tag_2: NEW_TAG },
            { client: CLIENT_ANN, line_1: text("Lamp: 120", { bold: true }), line_2: text("Desk: 300", { bold: true }), block_4: text("from the app") },
          ),
        },
      },
      "a dealId that needs percent-encoding": {
        params: { incomingCall: { clientName: "Ann", dealId: "a/b" } },
        expected: { incomingCall: incomingCallPayload({ tag_2: NEW_TAG }, { client: CLIENT_ANN, block_3: text("from the web") }, "/crm/deal/details/a%2Fb/") },
      },
      "text that would need escaping in code": {
        params: { incomingCall: { clientName: "`${x}` \\ \"q\"\n", dealId: "?#&", products: [{ name: "${name}", price: -1 }] } },
      },
    },
  },
  links: {
    source: LINKS,
    calls: {
      "a url goes in as it is, other values are encoded": {
        params: { links: { dealId: "a/b", site: "https://example.com/x?y=1&z=2" } },
        expected: {
          links: {
            icon: { code: "info" },
            header: { title: "Deal a/b", titleAction: { type: "redirect", uri: "/crm/deal/details/a%2Fb/" } },
            body: {
              logo: { code: "document", action: { type: "redirect", uri: "https://example.com/x?y=1&z=2" } },
              blocks: {
                open: {
                  type: "link",
                  properties: { text: "Open a/b", action: { type: "redirect", uri: "https://example.com/x?y=1&z=2/deal/a%2Fb?q=a%26b%3Dc%20d" } },
                },
              },
            },
          },
        },
      },
      "unicode and reserved characters": { params: { links: { dealId: "Müller & Söhne #1", site: "/relative path", query: "ä?=/" } } },
    },
  },
  optional: {
    source: OPTIONAL,
    calls: {
      "nothing given: the optional fields are left out": {
        params: { optional: {} },
        expected: { optional: { blocks: { first: text("Fixed") } } },
      },
      "everything given, false and empty included": {
        params: { optional: { tone: "base_90", strong: false, size: "sm", hint: "" } },
        expected: { optional: { blocks: { first: text("Fixed", { title: "", bold: false, size: "sm", color: "base_90" }), hinted: text("hint: ") } } },
      },
      "strong, with a hint": { params: { optional: { strong: true, hint: "H" } } },
    },
  },
  conditions: {
    source: CONDITIONS,
    calls: {
      defaults: {
        params: { conditions: {} },
        expected: { conditions: { blocks: { ab: text("a or b"), off: text("off") } } },
      },
      "every other branch": {
        params: { conditions: { mode: "c", count: 2, on: true, note: "x" } },
        expected: { conditions: { blocks: { c: text("c"), on: text("on, count 2"), note: text("a note"), x: text("x") } } },
      },
      "on with count 0, mode b": { params: { conditions: { mode: "b", count: 0, on: true } } },
      "mode c, off, another note": { params: { conditions: { mode: "c", note: "y" } } },
    },
  },
  proto: {
    source: PROTO,
    calls: {
      "`__proto__` as a label of a tag, a block, a repeated block and a guarded button": {
        params: { proto: { name: "N", extra: [{ title: "E" }] } },
        expected: {
          proto: {
            icon: { code: "info" },
            header: { title: "T", tags: { ["__proto__"]: { title: "N", type: "primary" } } },
            body: { logo: { code: "document" }, blocks: { ["__proto__"]: text("N"), ["__proto___1"]: text("E") } },
            footer: { buttons: { ["__proto__"]: { title: "Go", type: "primary", action: { type: "redirect", uri: "/x" } } } },
          },
        },
      },
      "without the guarded button": { params: { proto: { name: "N", show: false } } },
    },
  },
  nested: {
    source: NESTED,
    calls: {
      "two groups, nested rows": {
        params: { nested: { groups: [{ title: "G1", rows: [{ label: "a", vip: true }, { label: "b" }] }, { title: "G2", rows: [] }] } },
        expected: {
          nested: {
            blocks: {
              "group-title_1": text("G1", { bold: true }),
              row_1_1: { type: "lineOfBlocks", properties: { blocks: { label: text("a"), vip: text("VIP", { color: "base_70" }) } } },
              row_1_2: { type: "lineOfBlocks", properties: { blocks: { label: text("b") } } },
              "group-title_2": text("G2", { bold: true }),
            },
          },
        },
      },
      "no groups": { params: { nested: {} }, expected: { nested: { blocks: {} } } },
    },
  },
  dealCard: {
    source: CARD,
    calls: {
      "with products": {
        params: { dealCard: { userId: 5, withProducts: true } },
        expected: {
          dealCard: {
            entityTypeId: 2,
            scope: "P",
            userId: 5,
            data: [
              { name: "main", title: "Main", type: "section", elements: [{ name: "TITLE", optionFlags: 1 }, { name: "OPPORTUNITY_WITH_CURRENCY" }] },
              { name: "products", title: "Products", type: "section", elements: [{ name: "PRODUCT_ROW_SUMMARY" }] },
            ],
          },
        },
      },
      "without products": { params: { dealCard: { userId: 1 } } },
    },
  },
  callback: {
    source: ACTIVITY,
    calls: {
      "an activity with its layout, which keeps the layout's defaults": {
        params: { callback: { ownerId: 999, at: "2025-03-03T10:00:00+01:00" }, callLayout: { urgent: true } },
        expected: {
          callback: {
            ownerTypeId: 2,
            ownerId: 999,
            fields: { completed: false, deadline: "2025-03-03T10:00:00+01:00" },
            layout: { icon: { code: "call" }, header: { title: "Call back" }, body: { logo: { code: "call-outgoing" }, blocks: {} } },
          },
          callLayout: { icon: { code: "call" }, header: { title: "Call back" }, body: { logo: { code: "call-outgoing" }, blocks: { urgent: text("Urgent", { bold: true }) } } },
        },
      },
    },
  },
  strings: {
    source: STRINGS,
    calls: {
      "escapes, multi-line text and non-string values": {
        params: { strings: { name: "Ann", count: 3, flag: true } },
        expected: {
          strings: {
            blocks: {
              quoted: text("`Ann` costs ${price} \\ 3 true"),
              long: { type: "largeText", properties: { value: "Dear Ann,\n  you have 3 calls." } },
              same: text("Ann"),
              number: text("3"),
            },
          },
        },
      },
      "values with backticks and `${`": { params: { strings: { name: "`${a}`\\", count: -0, flag: false } } },
    },
  },
  menu: {
    source: MENU,
    calls: {
      "menu items from a list, the else button": {
        params: { menu: { items: [{ id: "1 2", title: "One" }, { id: "x", title: "X" }], primary: false } },
        expected: {
          menu: {
            icon: { code: "info" },
            header: { title: "T" },
            body: { logo: { code: "document" }, blocks: {} },
            footer: {
              buttons: { go: { title: "Go", type: "secondary", action: { type: "redirect", uri: "/go" } } },
              menu: {
                items: {
                  pick_1: { title: "One", action: { type: "redirect", uri: "/pick/1%202" } },
                  pick_2: { title: "X", action: { type: "redirect", uri: "/pick/x" } },
                },
              },
            },
          },
        },
      },
      defaults: { params: { menu: {} } },
    },
  },
};

/**
 * Minimal inputs where the two targets must agree as well: each is a small template with the
 * arguments that show the case.
 */
const EDGE_TEMPLATES: Readonly<Record<string, Template>> = {
  optionalList: {
    source: 'blocks optionalList(items?: string[]) {\n  each item in $items {\n    line: text "${item}"\n  }\n}\n',
    calls: { "the list left out": { params: { optionalList: {} } }, "the list given": { params: { optionalList: { items: ["a"] } } } },
  },
  paramNamedLikeTheLoopIndex: {
    source: 'blocks paramNamedLikeTheLoopIndex(i1: string, items: string[]) {\n  each item in $items {\n    line: text "${i1}/${item}"\n  }\n}\n',
    calls: {
      "the parameter i1 inside each": {
        params: { paramNamedLikeTheLoopIndex: { i1: "X", items: ["a", "b"] } },
        expected: { paramNamedLikeTheLoopIndex: { blocks: { line_1: text("X/a"), line_2: text("X/b") } } },
      },
    },
  },
  loopVariableNamedLikeTheIndex: {
    source: 'blocks loopVariableNamedLikeTheIndex(items: string[]) {\n  each i1 in $items {\n    line: text "${i1}"\n  }\n}\n',
    calls: { "a loop variable named i1": { params: { loopVariableNamedLikeTheIndex: { items: ["a", "b"] } } } },
  },
  globalNames: {
    source:
      'layout globalNames(encodeURIComponent: string, Object: bool = true) {\n  icon info\n  header "T" -> redirect "/x/${encodeURIComponent}/"\n  body {\n    logo document\n    when $Object {\n      "__proto__": text "x"\n    }\n  }\n}\n',
    calls: { "parameters named like the globals the code uses": { params: { globalNames: { encodeURIComponent: "a b" } } } },
  },
  unusedParameter: {
    source: 'blocks unusedParameter(used: string, unused: int = 0) {\n  text "${used}"\n}\n',
    calls: { "a parameter the body does not use": { params: { unusedParameter: { used: "u" } } } },
  },
  unusedLoopVariable: {
    source: 'blocks unusedLoopVariable(items: string[] = []) {\n  each item in $items {\n    line: text "same"\n  }\n}\n',
    calls: { "a loop variable the body does not use": { params: { unusedLoopVariable: { items: ["a", "b"] } } } },
  },
  card: {
    source: 'card card(userId: int) for contact {\n  scope personal\n  userId $userId\n  main: section "Main" {\n    NAME\n  }\n}\n',
    calls: { "a declaration whose Params interface is named like a payload type": { params: { card: { userId: 1 } } } },
  },
  parameterNamedLikeADeclaration: {
    source:
      'layout callLayout {\n  icon call\n  header "Call"\n  body {\n    logo call-outgoing\n  }\n}\n\nactivity parameterNamedLikeADeclaration(callLayout: int) {\n  ownerTypeId deal\n  ownerId $callLayout\n  completed false\n  layout callLayout\n}\n',
    calls: { "a parameter named like the layout the activity refers to": { params: { parameterNamedLikeADeclaration: { callLayout: 7 } } } },
  },
  referenceValues: {
    source:
      'layout dealLayout(dealId: int, title: string = "Deal", note?: string) {\n  icon info\n  header "${title}" -> redirect "/crm/deal/details/${dealId}/"\n  body {\n    logo document\n    when $note {\n      note: text "${note}"\n    }\n  }\n}\n\nactivity referenceValues(deal: int, who: string, note?: string) {\n  ownerTypeId deal\n  ownerId $deal\n  layout dealLayout { dealId: $deal, title: "Call ${who}", note: $note }\n}\n',
    calls: {
      "values given where the layout is referenced, an optional one left out": {
        params: { referenceValues: { deal: 7, who: "Ann" }, dealLayout: { dealId: 1 } },
        expected: {
          referenceValues: {
            ownerTypeId: 2,
            ownerId: 7,
            layout: { icon: { code: "info" }, header: { title: "Call Ann", titleAction: { type: "redirect", uri: "/crm/deal/details/7/" } }, body: { logo: { code: "document" }, blocks: {} } },
          },
          dealLayout: { icon: { code: "info" }, header: { title: "Deal", titleAction: { type: "redirect", uri: "/crm/deal/details/1/" } }, body: { logo: { code: "document" }, blocks: {} } },
        },
      },
      "the optional one given": { params: { referenceValues: { deal: 7, who: "Ann", note: "N" }, dealLayout: { dealId: 1 } } },
    },
  },
  literalReferenceValues: {
    source:
      'layout litLayout(dealId: int, urgent: bool = false, tone: "a" | "b" = "a") {\n  icon info\n  header "${tone}" -> redirect "/crm/deal/details/${dealId}/"\n  body {\n    logo document\n    when $urgent {\n      u: text "Urgent"\n    }\n  }\n}\n\nactivity literalReferenceValues {\n  ownerTypeId deal\n  ownerId 1\n  layout litLayout { dealId: 5, urgent: true, tone: "b" }\n}\n',
    calls: { "literal values in an activity without parameters": { params: { litLayout: { dealId: 1 } } } },
  },
  inheritedKeys: {
    source:
      'layout inheritedKeys(show: bool = true) {\n  icon info\n  header "T" {\n    constructor: tag primary "c"\n  }\n  body {\n    logo document\n    constructor: text "a" color base_70\n    toString: link "b" -> redirect "/b"\n    valueOf: lineOfBlocks {\n      hasOwnProperty: text "c"\n      isPrototypeOf: text "d"\n    }\n    propertyIsEnumerable: withTitle "T" { text "e" }\n    toLocaleString: text "f"\n    when $show {\n      "1": text "g"\n    }\n  }\n  footer {\n    toString: button primary "Go" -> redirect "/x"\n    menu {\n      valueOf: item "I" -> redirect "/i"\n    }\n  }\n}\n',
    calls: { "keys every object has, for blocks, tags, buttons and menu items": { params: { inheritedKeys: {} } } },
  },
  cardSectionsFromEach: {
    source: 'card cardSectionsFromEach(titles: string[] = []) for contact {\n  main: section "Main" {\n    NAME\n  }\n  each t in $titles {\n    s: section "${t}" {\n      COMMENTS\n    }\n  }\n}\n',
    calls: {
      "two sections from a list": {
        params: { cardSectionsFromEach: { titles: ["A", "B"] } },
        expected: {
          cardSectionsFromEach: {
            entityTypeId: 3,
            data: [
              { name: "main", title: "Main", type: "section", elements: [{ name: "NAME" }] },
              { name: "s_1", title: "A", type: "section", elements: [{ name: "COMMENTS" }] },
              { name: "s_2", title: "B", type: "section", elements: [{ name: "COMMENTS" }] },
            ],
          },
        },
      },
    },
  },
  multiLineInEach: {
    source: 'blocks multiLineInEach(items: string[] = [], name: string) {\n  each item in $items {\n    l: largeText """\n      ${name}\n      ${item}\n      """\n    q: text "a\\nb ${item}"\n  }\n}\n',
    calls: {
      "multi-line text with interpolations inside each": {
        params: { multiLineInEach: { items: ["x"], name: "N" } },
        expected: { multiLineInEach: { blocks: { l_1: { type: "largeText", properties: { value: "N\nx" } }, q_1: text("a\nb x") } } },
      },
    },
  },
  actionParams: {
    source: 'layout actionParams(id: string, n: int) {\n  icon info\n  header "T"\n  body {\n    logo document\n    l: link "x" -> restEvent "pick" { id: $id, label: "row ${n}", n: $n }\n  }\n}\n',
    calls: {
      "a reference and an interpolated string in actionParams": {
        params: { actionParams: { id: "7", n: 3 } },
        expected: {
          actionParams: {
            icon: { code: "info" },
            header: { title: "T" },
            body: { logo: { code: "document" }, blocks: { l: { type: "link", properties: { text: "x", action: { type: "restEvent", id: "pick", actionParams: { id: "7", label: "row 3", n: 3 } } } } } },
          },
        },
      },
    },
  },
};

// ----- both targets, prepared once -----

/** A value as it goes over the wire: what a caller compares. */
function plain(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value)) as unknown;
}

const ALL_TEMPLATES: Readonly<Record<string, Template>> = { ...TEMPLATES, ...EDGE_TEMPLATES };

/** Calls each declaration named in `params` with its values, in a module that tsc checks. */
function callsModule(name: string, template: Template): string {
  const functions = new Set(Object.values(template.calls).flatMap((c) => Object.keys(c.params).map(identifierFor)));
  const lines = [`import { ${[...functions].sort().join(", ")} } from "./${name}.js";`, "", "export const calls = ["];
  for (const call of Object.values(template.calls)) {
    for (const [declaration, values] of Object.entries(call.params)) lines.push(`  ${identifierFor(declaration)}(${JSON.stringify(values)}),`);
  }
  lines.push("];", "");
  return lines.join("\n");
}

type Factory = (params?: unknown) => unknown;

interface Prepared {
  /** tsc's findings in the module and in its calls, `file:line:col message`. */
  readonly typeErrors: string[];
  /** The module's exports, or why it could not be loaded. */
  readonly exports: Readonly<Record<string, unknown>> | Error;
}

const prepared = new Map<string, Prepared>();
let dir = "";

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "b24layout-templates-"));
  const files: Record<string, string> = { "b24layout-types.ts": typesModule() };
  const modules = new Map<string, string>();
  for (const [name, template] of Object.entries(ALL_TEMPLATES)) {
    const code = emitTypeScriptModule(check(template.source).program, { source: `${name}.b24layout` });
    modules.set(name, code);
    files[`${name}.ts`] = code;
    files[`${name}.calls.ts`] = callsModule(name, template);
  }
  const typeErrors = typeCheck(files);
  for (const [name, code] of modules) {
    const js = ts.transpileModule(code, { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 } }).outputText;
    const file = join(dir, `${name}.mjs`);
    writeFileSync(file, js);
    let exports: Readonly<Record<string, unknown>> | Error;
    try {
      exports = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
    } catch (error) {
      exports = error instanceof Error ? error : new Error(String(error));
    }
    prepared.set(name, { typeErrors: typeErrors.filter((e) => e.startsWith(`${name}.ts:`) || e.startsWith(`${name}.calls.ts:`)), exports });
  }
}, 120_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** The generated function for `declaration` in the module of `template`. */
function factory(template: string, declaration: string): Factory {
  const p = prepared.get(template)!;
  if (p.exports instanceof Error) throw p.exports;
  const fn = p.exports[identifierFor(declaration)];
  expect(typeof fn).toBe("function");
  return fn as Factory;
}

/** The JSON payload of every declaration, from `compile`, which must report no error. */
function compiled(source: string, params: Params): Record<string, unknown> {
  const result = compile(source, { params });
  expect(result.diagnostics.filter((d) => d.severity === "error").map((d) => `${d.ruleId}: ${d.message}`)).toEqual([]);
  return Object.fromEntries(result.outputs.map((o) => [o.name, plain(o.value)]));
}

function cases(templates: Readonly<Record<string, Template>>): [string, string, Call][] {
  return Object.entries(templates).flatMap(([name, t]) => Object.entries(t.calls).map(([callName, call]): [string, string, Call] => [name, callName, call]));
}

/** Both targets for one template and one argument set. */
function describeTargets(templates: Readonly<Record<string, Template>>): void {
  it.each(cases(templates))("%s, %s: the JSON rendering", (name, _call, call) => {
    const json = compiled(templates[name]!.source, call.params);
    for (const [declaration, expected] of Object.entries(call.expected ?? {})) {
      expect(json[declaration]).toEqual(expected);
      // Keys in the written order: the order Bitrix24 shows blocks, tags and buttons in.
      expect(JSON.stringify(json[declaration])).toBe(JSON.stringify(expected));
    }
  });

  it.each(Object.keys(templates))("%s: the TypeScript module and calls of it type-check under --strict", (name) => {
    expect(prepared.get(name)!.typeErrors).toEqual([]);
  });

  it.each(cases(templates))("%s, %s: the TypeScript function returns the JSON rendering", (name, _call, call) => {
    const json = compiled(templates[name]!.source, call.params);
    for (const [declaration, values] of Object.entries(call.params)) {
      const fromTs = plain(factory(name, declaration)(values));
      expect(fromTs).toEqual(json[declaration]);
      expect(JSON.stringify(fromTs)).toBe(JSON.stringify(json[declaration]));
    }
  });
}

describe("templates × arguments", () => {
  describeTargets(TEMPLATES);
});

describe("edge cases the two targets must agree on", () => {
  describeTargets(EDGE_TEMPLATES);

  it("refuses a null default, which no parameter type has (`name?: T` leaves a parameter out)", () => {
    const d = check('blocks b(note: string = null) {\n  text "note: ${note}"\n}\n').diagnostics;
    expect(d.map((x) => [x.ruleId, x.message, `${x.range.start.line}:${x.range.start.column}`])).toEqual([
      ["template-type", "The default value of 'note' is not string. (A parameter that may be left out is written 'note?: type'.)", "1:25"],
    ]);
  });

});

describe("limits only a call can check", () => {
  const source = `
layout many(items: string[], labels: string[] = []) {
  icon info
  header "T" {
    each label in $labels {
      tag: tag primary "\${label}"
    }
  }
  body {
    logo document
    each item in $items {
      b: text "\${item}"
    }
  }
}
`;
  const items = (n: number) => Array.from({ length: n }, (_, i) => `item ${i + 1}`);
  let many: Factory;

  beforeAll(async () => {
    const file = join(dir, "many.mjs");
    const code = emitTypeScriptModule(check(source).program, { source: "many.b24layout" });
    writeFileSync(file, ts.transpileModule(code, { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 } }).outputText);
    many = ((await import(pathToFileURL(file).href)) as Record<string, Factory>)["many"]!;
  });

  it("20 body blocks are fine for both targets", () => {
    const params = { many: { items: items(20) } };
    const json = compiled(source, params);
    expect(Object.keys((json["many"] as { body: { blocks: object } }).body.blocks)).toHaveLength(20);
    expect(plain(many(params.many))).toEqual(json["many"]);
  });

  const BLOCKS = "layout many: 'blocks' can hold at most 20 items, but these arguments make 21; Bitrix24 would answer TOO_MANY_ITEMS.";
  const TAGS = "layout many: 'tags' can hold at most 2 items, but these arguments make 3; Bitrix24 would answer TOO_MANY_ITEMS.";

  it.each([
    ["21 body blocks", { items: items(21) }, BLOCKS],
    ["3 tags", { items: [], labels: ["a", "b", "c"] }, TAGS],
  ])("%s: the generated function throws a RangeError naming the declaration and the field", (_name, values, message) => {
    expect(() => many(values)).toThrow(RangeError);
    expect(() => many(values)).toThrow(message);
  });

  it.each([
    ["21 body blocks", { items: items(21) }, BLOCKS],
    ["3 tags", { items: [], labels: ["a", "b", "c"] }, TAGS],
  ])("%s: compile reports template-arguments, with the same message, and writes nothing", (_name, values, message) => {
    const result = compile(source, { params: { many: values } });
    expect(result.outputs).toEqual([]);
    expect(result.diagnostics.filter((d) => d.severity === "error").map((d) => ({ ruleId: d.ruleId, message: d.message, at: `${d.range.start.line}:${d.range.start.column}` }))).toEqual([
      { ruleId: "template-arguments", message, at: "2:8" },
    ]);
  });
});

describe("values compile cannot render", () => {
  it.each([
    [
      "a value of the wrong type",
      { clientName: "Ann", dealId: 42 },
      "The values given for 'incomingCall' do not fit its parameters: 'dealId' must be string, not 42.",
    ],
    [
      "a value outside a union",
      { clientName: "Ann", dealId: "1", channel: "fax" },
      "The values given for 'incomingCall' do not fit its parameters: 'channel' must be \"web\" | \"mobile\", not \"fax\".",
    ],
    [
      "a record with a missing field",
      { clientName: "Ann", dealId: "1", products: [{ name: "Lamp" }] },
      "The values given for 'incomingCall' do not fit its parameters: 'products[0].price' is missing.",
    ],
    [
      "an unknown parameter",
      { clientName: "Ann", dealId: "1", dealID: "2" },
      "The values given for 'incomingCall' do not fit its parameters: 'incomingCall' has no parameter 'dealID'.",
    ],
  ])("%s", (_name, values, message) => {
    const result = compile(INCOMING_CALL, { params: { incomingCall: values } });
    expect(result.outputs).toEqual([]);
    expect(result.diagnostics.filter((d) => d.severity === "error").map((d) => [d.ruleId, d.message])).toEqual([["template-arguments", message]]);
  });
});

describe("the generated code", () => {
  it("stays readable: a tiny template", () => {
    const source = 'blocks greeting(client: string, vip: bool = false) {\n  text "Hello, ${client}"\n  when $vip {\n    badge: text "VIP" bold\n  }\n}\n';
    expect(emitTypeScriptModule(check(source).program, { source: "greeting.b24layout" })).toMatchInlineSnapshot(`
      "// Generated by b24layout from greeting.b24layout. Do not edit: change the .b24layout file and build again.

      import type { ContentBlockDto, RestAppLayoutDto } from "./b24layout-types.js";
      export type * from "./b24layout-types.js";

      /** Parameters of blocks \`greeting\`. */
      export interface GreetingParams {
        client: string;
        /** Default: false. */
        vip?: boolean;
      }

      /** blocks \`greeting\`: the RestAppLayoutDto for crm.timeline.layout.blocks.set / crm.activity.layout.blocks.set (the \`layout\` parameter). */
      export function greeting(p: GreetingParams): RestAppLayoutDto {
        const { client, vip = false } = p;
        const blocks: Record<string, ContentBlockDto> = {};
        blocks["block_1"] = {
          type: "text",
          properties: {
            value: \`Hello, \${client}\`,
          },
        };
        if (vip) {
          blocks["badge"] = {
            type: "text",
            properties: {
              value: "VIP",
              bold: true,
            },
          };
        }
        return {
          blocks,
        };
      }
      "
    `);
  });
});
