import { describe, expect, it } from "vitest";
import { invalidRows, RuleTester, ruleById, validRows } from "../support/rule-tester.js";
import { check } from "../../src/index.js";
import { inLayoutBody, type Finding } from "../helpers.js";

const ruleTester = new RuleTester();
const ID = "unknown-parameter";
const error = (message: string, at: string, to: string): Finding => ({ ruleId: ID, severity: "error", message, at, to });
const unknown = (name: string, declaration: string, suggestion?: string) =>
  `Unknown parameter '${name}': it names no parameter of '${declaration}' and no loop variable.${suggestion ? ` Did you mean '${suggestion}'?` : ""}`;
const noParameters = (name: string, keyword: string, declaration: string, param: string) =>
  `'${name}' refers to a parameter, but '${declaration}' has none: declare it after the name (${keyword} ${declaration}(${param}: string) { … }), or write \\\${ for a literal '\${'.`;
const PRODUCTS = "products: { name: string, price: int }[]";

describe(ID, () => {
  ruleTester.run(ruleById(ID), {
    valid: [],
    invalid: invalidRows([
      [
        "a misspelt parameter in an interpolation",
        'blocks b(client: string) {\n  text "Client: ${cleint}"\n}\n',
        [error(unknown("$cleint", "b", "$client"), "2:17", "2:26")],
      ],
      ["a misspelt parameter as a whole value", "blocks b(client: string) {\n  text $cleint\n}\n", [error(unknown("$cleint", "b", "$client"), "2:8", "2:15")]],
      ["a name close to no parameter", 'blocks b(client: string) {\n  text "${zzzzzz}"\n}\n', [error(unknown("$zzzzzz", "b"), "2:9", "2:18")]],
      [
        "a name differing only in case, in a link",
        'layout l(dealId: int) {\n  icon info\n  header "T" -> redirect "/crm/deal/details/${dealid}/"\n  body { logo document; text "x" }\n}\n',
        [error(unknown("$dealid", "l", "$dealId"), "3:45", "3:54")],
      ],
      [
        "a misspelt parameter in actionParams",
        'blocks b(dealId: int) {\n  link "a" -> openRestApp { id: $dealid }\n}\n',
        [error(unknown("$dealid", "b", "$dealId"), "2:33", "2:40")],
      ],
      ["a misspelt parameter in a condition", 'blocks b(missed: bool) {\n  when $mised {\n    text "a"\n  }\n}\n', [error(unknown("$mised", "b", "$missed"), "2:8", "2:14")]],
      [
        "a misspelt list in each",
        'blocks b(items: string[]) {\n  each x in $itemz {\n    text "a"\n  }\n}\n',
        [error(unknown("$itemz", "b", "$items"), "2:13", "2:19")],
      ],
      [
        "a misspelt loop variable",
        `blocks b(${PRODUCTS}) {\n  each product in $products {\n    text "\${prodct}"\n  }\n}\n`,
        [error(unknown("$prodct", "b", "$product"), "3:11", "3:20")],
      ],
      [
        "a loop variable used after its each",
        `blocks b(${PRODUCTS}) {\n  each product in $products {\n    text "\${product.name}"\n  }\n  text "\${product}"\n}\n`,
        [error(unknown("$product", "b", "$products"), "5:9", "5:19")],
      ],
      [
        "a reference in a declaration without parameters",
        'blocks b {\n  text "Costs ${price}"\n}\n',
        [error(noParameters("$price", "blocks", "b", "price"), "2:15", "2:23")],
      ],
      ["a whole-value reference in a declaration without parameters", "blocks b {\n  text $price\n}\n", [error(noParameters("$price", "blocks", "b", "price"), "2:8", "2:14")]],
      ["a reference in a layout without parameters", inLayoutBody('    text "${x}"'), [error(noParameters("$x", "layout", "l", "x"), "6:11", "6:15")]],
      [
        "a misspelt record field",
        'blocks b(p: { name: string, price: int }) {\n  text "${p.prise}"\n}\n',
        [error("'$p' has no field 'prise': it is { name: string, price: int }. Did you mean 'price'?", "2:9", "2:19")],
      ],
      [
        "a misspelt field of a loop variable",
        `blocks b(${PRODUCTS}) {\n  each product in $products {\n    text "\${product.nam}"\n  }\n}\n`,
        [error("'$product' has no field 'nam': it is { name: string, price: int }. Did you mean 'name'?", "3:11", "3:25")],
      ],
      [
        "a record field close to none",
        'blocks b(p: { name: string, price: int }) {\n  text "${p.zzzz}"\n}\n',
        [error("'$p' has no field 'zzzz': it is { name: string, price: int }.", "2:9", "2:18")],
      ],
      ["a field of a string", 'blocks b(client: string) {\n  text "${client.name}"\n}\n', [error("'$client' is string, which has no field 'name'.", "2:9", "2:23")]],
      [
        "a field of a record's string field",
        'blocks b(p: { name: string }) {\n  text "${p.name.first}"\n}\n',
        [error("'$p.name' is string, which has no field 'first'.", "2:9", "2:24")],
      ],
      [
        "a misspelt parameter inside a fragment, once however often it is used",
        'fragment f(name: string) {\n  text "${nme}"\n}\nblocks b {\n  use f { name: "a" }\n  use f { name: "b" }\n}\n',
        [error(unknown("$nme", "f", "$name"), "2:9", "2:15")],
      ],
      [
        "a reference in a fragment without parameters",
        'fragment f {\n  text "${x}"\n}\nblocks b(x: string) {\n  use f\n}\n',
        [error(noParameters("$x", "fragment", "f", "x"), "2:9", "2:13")],
      ],
    ]),
  });

  ruleTester.run(ruleById(ID), {
    valid: validRows([
      ["a parameter and an escaped \\${", 'blocks b(client: string) {\n  text "Client: ${client}"\n  text "Literal: \\${client}"\n}\n'],
      ["a $ not followed by { in a string", 'blocks b(price: int) {\n  text "Costs $5 and $price"\n}\n'],
      ["a whole-value reference", "blocks b(client: string) {\n  text $client\n}\n"],
      ["record fields of a loop variable", `blocks b(${PRODUCTS}) {\n  each product in $products {\n    text "\${product.name}: \${product.price}"\n  }\n}\n`],
      [
        "an outer loop variable inside an inner each",
        'blocks b(ps: { name: string, tags: string[] }[]) {\n  each p in $ps {\n    line: lineOfBlocks {\n      each t in $p.tags {\n        text "${p.name} ${t}"\n      }\n    }\n  }\n}\n',
      ],
      ["references in conditions", 'blocks b(missed: bool, channel: "web" | "mobile") {\n  when $missed and $channel is "web" {\n    text "a"\n  }\n}\n'],
    ]),
    invalid: [],
  });
});

describe(`${ID} fixes`, () => {
  it.each([
    ["a reference", 'blocks b(client: string) {\n  text "x" {\n    value $cleint\n  }\n}\n', "$client"],
    ["an interpolation", 'blocks b(client: string) {\n  text "Hi ${cleint}"\n}\n', "${client}"],
    ["a record field", 'blocks b(p: { name: string }) {\n  text "${p.nme}"\n}\n', "${p.name}"],
  ])("suggests the name a misspelt one in %s is close to (never a fix)", (_name, code, replacement) => {
    const d = check(code).diagnostics.find((x) => x.ruleId === ID);
    expect(d?.fix).toBeUndefined();
    expect(d?.suggestions?.map((s) => s.edits.map((e) => e.newText))).toEqual([[replacement]]);
  });
});
