/**
 * Seeded violations of the Bitrix24 rules, section by section of the spec: each case is one change
 * to a valid base program, and the checker must answer it with the right rule, at the right line
 * and column, with the right severity and words (the server's text where the spec gives one), and
 * with nothing else (no knock-on finding). The bases and a table of valid variants must be clean,
 * so a finding comes from the change and not from a false positive; a sample of the bases' JSON is
 * compared with what the spec says the server accepts.
 */
import { describe, expect, it } from "vitest";
import { check, checkProject, compile, type Diagnostic } from "../../src/index.js";
import { BASES, CASES, lines, type SeededCase } from "./seeded-violations.cases.js";

function sourceOf(c: SeededCase): string {
  const base = BASES[c.base];
  // An empty `from` adds the change after the base (a declaration of its own).
  return c.from === "" ? base + c.to : base.replace(c.from, c.to);
}

function diagnosticsOf(c: SeededCase, source: string): readonly Diagnostic[] {
  if (c.project) return checkProject([{ path: "/project/seeded.b24layout", text: source }], c.options ?? {})[0]!.diagnostics;
  return check(source, c.options ?? {}).diagnostics;
}

const at = (d: Diagnostic) => `${d.range.start.line}:${d.range.start.column}`;

describe("seeded violations", () => {
  it.each(Object.entries(BASES))("the base %s has no findings", (_name, text) => {
    expect(check(text).diagnostics.map((d) => `${at(d)} ${d.ruleId}: ${d.message}`)).toEqual([]);
    expect(compile(text).outputs.length).toBeGreaterThan(0);
  });

  it("changes each base in one place, and no two cases alike", () => {
    for (const c of CASES) if (c.from !== "") expect(BASES[c.base].split(c.from).length - 1, c.violation).toBe(1);
    expect(new Set(CASES.map((c) => `${sourceOf(c)}\0${JSON.stringify(c.options ?? {})}`)).size).toBe(CASES.length);
    expect(new Set(CASES.map((c) => c.violation)).size).toBe(CASES.length);
  });

  it.each(CASES.map((c) => [`${c.spec}: ${c.violation}`, sourceOf(c), c.rule, c.at, c] as const))("%s", (_name, source, rule, position, c) => {
    const diagnostics = diagnosticsOf(c, source);
    // Of its rule at its place (a block may miss two fields there), the one that names what was broken.
    const here = diagnostics.filter((d) => d.ruleId === rule && at(d) === position);
    const found = here.find((d) => d.message.includes(c.says)) ?? here[0];
    expect(found, diagnostics.map((d) => `${at(d)} ${d.severity} ${d.ruleId}: ${d.message}`).join("\n")).toBeDefined();
    expect(found!.severity).toBe(c.severity);
    expect(found!.message).toContain(c.says);
    const others = diagnostics.filter((d) => d !== found).map((d) => d.ruleId);
    expect(others.sort()).toEqual([...(c.also ?? [])].sort());
  });
});

/** Payloads the spec says the server accepts, written the ways an author may: none may be reported. */
const VALID: readonly (readonly [string, string])[] = [
  ["integer-like and pattern keys (§2.4)", 'blocks b {\n  "1": text "first"\n  a-b_C9: text "second"\n}\n'],
  ["a deadline block without properties (§4.6)", "blocks b {\n  deadline\n}\n"],
  ["a withTitle holding a deadline, inline (§4.6)", 'blocks b {\n  withTitle "Due" inline { deadline readonly }\n}\n'],
  ["every text size and colour (§4.6)", `blocks b {\n${["xs", "sm", "md"].map((s, i) => `  s${i}: text "x" size ${s}`).join("\n")}\n${["base_50", "base_60", "base_70", "base_90"].map((c) => `  ${c}: text "x" color ${c}`).join("\n")}\n}\n`],
  ["a block scope (§3)", 'blocks b {\n  text "web" scope web\n  link "mobile" scope mobile -> redirect "/crm/deal/details/1/"\n}\n'],
  ["the limits themselves: 20 blocks, 20 in a lineOfBlocks (§7)", `blocks b {\n${lines(19, (i) => `  t${i}: text "${i}"`)}\n  row: lineOfBlocks {\n${lines(20, (i) => `    r${i}: text "${i}"`)}\n  }\n}\n`],
  [
    "2 tags, 2 buttons, 10 menu items, 20 actionParams (§7)",
    `layout l {\n  icon info\n  header "T" {\n    a: tag success "a"\n    b: tag secondary "b"\n  }\n  body { logo document; text "x" }\n  footer {\n    one: button primary "1" -> restEvent "one" { ${lines(20, (i) => `p${i}: ${i}`).replace(/\n/g, ", ")} }\n    two: button secondary "2" -> redirect "https://example.com/"\n    menu {\n${lines(10, (i) => `      i${i}: item "${i}" -> restEvent "i${i}"`)}\n    }\n  }\n}\n`,
  ],
  ["language ids that are not ISO codes (§3)", 'blocks b {\n  text { en: "Hello", ua: "Привіт", la: "Hola", sc: "你好", tc: "你好" }\n}\n'],
  ["a badge in every colour (§8)", ["success", "failure", "warning", "primary", "secondary"].map((t) => `badge ${t}Badge ${t} {\n  title "T"\n  value "V"\n}\n`).join("")],
  ["an activity that removes its badge and clears its pings (§6)", 'activity a {\n  id 7\n  badgeCode ""\n  pingOffsets []\n  originatorId ""\n  originId ""\n}\n'],
  ["an incoming activity without a deadline (§6)", 'activity a {\n  ownerTypeId lead; ownerId 1\n  isIncomingChannel true\n  layout { icon call-incoming; header "In"; body { logo call-incoming; text "x" } }\n}\n'],
  ["an activity of a smart process (§12)", 'activity a {\n  ownerTypeId 1032; ownerId 5\n  layout { icon info; header "x"; body { logo document; text "x" } }\n}\n'],
  ["cards of a quote, a smart invoice and smart processes (§12)", 'card q for quote { main: section "Main" { TITLE } }\ncard i for smartInvoice { main: section "Main" { TITLE } }\ncard s128 for 128 { main: section "Main" { TITLE } }\ncard s192 for 192 { main: section "Main" { TITLE } }\ncard s1030 for 1030 { main: section "Main" { TITLE } }\n'],
  ["repeat leads by their word (§11.4)", "card l for lead {\n  leadCustomerType repeat\n  main: section \"Main\" { TITLE; NAME }\n}\n"],
  ["card-only composite fields, user fields and SPA links (§13)", "card d for deal {\n  main: section \"Main\" { CLIENT; PRODUCT_ROW_SUMMARY; UTM; UF_CRM_DEAL_1; PARENT_ID_164; OBSERVER }\n}\n"],
  ["a raw section whose blank type the server reads as section (§11.2, §14.20)", 'card c for deal {\n  json { name: "main", title: "Main", type: "", elements: [{ name: "TITLE", optionFlags: 1 }] }\n}\n'],
  ["every documented address type (§11.6)", `card c for company {\n  main: section "Main" {\n    ADDRESS { defaultAddressType 6 }\n  }\n}\n`],
];

describe("valid payloads are not reported", () => {
  it.each(VALID)("%s", (_name, text) => {
    expect(check(text).diagnostics.map((d) => `${at(d)} ${d.ruleId}: ${d.message}`)).toEqual([]);
  });
});

/** What the spec says the server accepts, for a sample of the bases' parts (spec §4, §6, §11). */
describe("the valid versions compile to what the server accepts", () => {
  const payload = (text: string, name: string) => compile(text).outputs.find((o) => o.name === name)?.value;

  it("a layout: keyed tags and blocks, a block without properties, scalar actionParams, booleans (§4)", () => {
    expect(payload(BASES.LAYOUT, "l")).toMatchObject({
      icon: { code: "call-completed" },
      header: { title: "Call", tags: { status: { title: "late", type: "warning", action: { type: "redirect", uri: "/crm/deal/details/1/" } } } },
      body: {
        logo: { code: "call-incoming" },
        blocks: {
          note: { type: "text", properties: { value: "Hello", multiline: true, bold: true, size: "sm", color: "base_70", title: "hint", scope: "web" } },
          client: { type: "withTitle", properties: { title: "Client", inline: true, block: { type: "text", properties: { value: "Muller" } } } },
          row: { type: "lineOfBlocks", properties: { blocks: { c: { type: "deadline", properties: { readonly: true } } } } },
          due: { type: "deadline" },
        },
      },
      footer: {
        buttons: {
          about: { type: "primary", scope: "web", action: { type: "openRestApp", actionParams: { clientId: 456 }, sliderParams: { width: 700, title: "Client" } } },
          done: { type: "secondary", hideIfReadonly: true, action: { type: "restEvent", id: "done", animationType: "disable" } },
        },
        menu: { showPinItem: false, showPostponeItem: false, showDeleteItem: true, items: { confirm: { action: { animationType: "loader", actionParams: { reason: "x" } } } } },
      },
    });
  });

  it("an activity: the owner's id for its word, booleans, the layout inline (§6)", () => {
    expect(payload(BASES.ACTIVITY, "call1")).toMatchObject({
      ownerTypeId: 2,
      ownerId: 999,
      fields: { typeId: "CONFIGURABLE", completed: false, isIncomingChannel: false, deadline: "2025-03-03T10:00:00+01:00", pingOffsets: [15, 60], badgeCode: "missedCall" },
      layout: { icon: { code: "call" }, body: { logo: { code: "call-outgoing" } } },
    });
    expect(payload(BASES.ACTIVITY, "update1")).toEqual({ id: 42, fields: { completed: true } });
    expect(payload(BASES.ACTIVITY, "missedCall")).toEqual({ code: "missedCall", title: { en: "Call status", de: "Anrufstatus" }, value: { en: "Missed", de: "Verpasst" }, type: "failure" });
  });

  it("a card: an indexed list of sections of type section, integer optionFlags, scope C, extras (§11)", () => {
    const deal = payload(BASES.CARD, "dealCard") as { data: unknown[] };
    expect(deal).toMatchObject({ entityTypeId: 2, scope: "C", extras: { dealCategoryId: 32 } });
    expect(Array.isArray(deal.data)).toBe(true);
    expect(deal.data[0]).toEqual({
      name: "main",
      title: "About the deal",
      type: "section",
      elements: [
        { name: "TITLE", optionFlags: 1 },
        { name: "OPPORTUNITY_WITH_CURRENCY", options: { isPayButtonVisible: false, isPaymentDocumentsVisible: true } },
        { name: "CLIENT", optionFlags: 1, options: { defaultCountry: "DE" } },
        { name: "UF_CRM_1700000000" },
      ],
    });
    expect(payload(BASES.CARD, "leadCard")).toMatchObject({ extras: { leadCustomerType: 2 } });
    expect(payload(BASES.CARD, "leadCard")).not.toHaveProperty("entityTypeId");
    expect(payload(BASES.CARD, "spaCard")).toMatchObject({ entityTypeId: 156, extras: { categoryId: 3 } });
  });
});
