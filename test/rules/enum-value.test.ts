import { describe, expect, it } from "vitest";
import { invalidRows, RuleTester, ruleById, validRows } from "../support/rule-tester.js";
import { check } from "../../src/index.js";
import { inLayoutBody, type Finding } from "../helpers.js";

const ruleTester = new RuleTester();
const ID = "enum-value";
const error = (message: string, at: string, to: string): Finding => ({ ruleId: ID, severity: "error", message, at, to });
const warning = (message: string, at: string, to: string): Finding => ({ ruleId: ID, severity: "warning", message, at, to });

const header = (tags: string) => `layout l {\n  icon info\n  header "T" {\n    ${tags}\n  }\n  body { logo document; text "x" }\n}\n`;
const footer = (buttons: string) => `layout l {\n  icon info\n  header "T"\n  body { logo document; text "x" }\n  footer {\n    ${buttons}\n  }\n}\n`;
const card = (head: string, body: string) => `card c for ${head} {\n  ${body}\n  main: section "Main" { NAME }\n}\n`;
const TAG_TYPES = "warning, success, failure, primary or secondary";

describe("enum-value", () => {
  ruleTester.run(ruleById(ID), {
    valid: validRows([
      ["every tag type", header('tag warning "a"; tag success "b"')],
      ["text size and colour", inLayoutBody('    text "a" size xs color base_90')],
      ["block scope web and mobile", inLayoutBody('    text "a" scope web\n    largeText "b" { scope mobile }')],
      ["action types and animation", inLayoutBody('    link "a" -> restEvent "x" loader\n    link "b" -> redirect "/x"')],
      ["aliases (personal → P)", card("contact", "scope personal")],
      ["the value itself (C)", card("contact", "scope C")],
      ["int enums as numbers and aliases", card("lead", "leadCustomerType 2").replace("NAME", "NAME always\n    PHONE optionFlags 0")],
      ["an int enum written as a numeric string", card("contact", "scope P").replace("NAME", 'NAME optionFlags "1"')],
      ["sliderParams labelBgColor", inLayoutBody("    link \"a\" -> openRestApp sliderParams { labelBgColor: \"aqua\" }")],
    ]),
    invalid: [],
  });

  ruleTester.run(ruleById(ID), {
    valid: [],
    invalid: invalidRows([
      [
        "tag lavender, refused via REST (spec §4.4)",
        header('tag lavender "a"'),
        [error(`'lavender' is not accepted as 'type' for a tag: it exists inside Bitrix24 but is rejected via REST. Use ${TAG_TYPES}.`, "4:9", "4:17")],
      ],
      [
        "button ai, not allowed via REST (spec §4.9)",
        footer('button ai "Ask" -> restEvent "ask"'),
        [error("'ai' is not accepted as 'type' for a footer button: it exists inside Bitrix24 but is not allowed via REST. Use primary or secondary.", "6:12", "6:14")],
      ],
      [
        "text colour green (spec §14.14)",
        inLayoutBody('    text "a" color green'),
        [
          error(
            "'green' is not accepted as 'color' for a text block: older docs listed it, but the server's TextDto enum does not contain it. Use base_50, base_60, base_70 or base_90.",
            "6:20",
            "6:25",
          ),
        ],
      ],
      [
        "a tag type outside the set",
        header('tag orange "a"'),
        [error(`'orange' is not a valid 'type' for a tag; expected ${TAG_TYPES}. The server answers "The value of type in TagDto is incorrect."`, "4:9", "4:15")],
      ],
      [
        "a text size outside the set",
        inLayoutBody('    text "a" { size "lg" }'),
        [error("'lg' is not a valid 'size' for a text block; expected xs, sm or md. The server answers \"The value of size in TextDto is incorrect.\"", "6:21", "6:25")],
      ],
      [
        "a misspelt action type",
        inLayoutBody('    link "a" -> redirct'),
        [error("'redirct' is not a valid 'type' for an action; expected redirect, restEvent or openRestApp. Did you mean 'redirect'? The server answers \"The value of type in ActionDto is incorrect.\"", "6:17", "6:24")],
      ],
      [
        "a block scope outside web/mobile, which the server does not check (spec §3)",
        inLayoutBody('    text "a" scope desktop\n    deadline { scope mobil }'),
        [
          warning("'desktop' is not a valid 'scope' for a text block: the docs allow only web or mobile; the server does not check.", "6:20", "6:27"),
          warning("'mobil' is not a valid 'scope' for a deadline block: the docs allow only web or mobile; the server does not check. Did you mean 'mobile'?", "7:22", "7:27"),
        ],
      ],
      [
        "a button scope outside web/mobile, which the server checks",
        footer('button primary "a" scope all -> restEvent "x"'),
        [error("'all' is not a valid 'scope' for a footer button; expected web or mobile. The server answers \"The value of scope in FooterButtonDto is incorrect.\"", "6:30", "6:33")],
      ],
      [
        "an alias written as a string, which is sent as written",
        card("contact", 'scope "personal"'),
        [error("'personal' is not a valid 'scope' for a card; expected P or C. Did you mean 'P'?", "2:9", "2:19")],
        card("contact", 'scope "P"'),
      ],
      [
        "a misspelt alias",
        card("contact", "scope persnal"),
        [error("'persnal' is not a valid 'scope' for a card; expected P or C. Did you mean 'personal'?", "2:9", "2:16")],
      ],
      [
        "int enums outside their set",
        card("lead", "leadCustomerType 3").replace("NAME", "NAME optionFlags 2"),
        [
          error("'3' is not a valid 'leadCustomerType' for the card extras; expected 1 or 2.", "2:20", "2:21"),
          error("'2' is not a valid 'optionFlags' for a card field; expected 0 or 1.", "3:43", "3:44"),
        ],
      ],
      [
        "a boolean where an enum is expected",
        inLayoutBody('    text "a" { size true }'),
        [error("'true' is not a valid 'size' for a text block; expected xs, sm or md. The server answers \"The value of size in TextDto is incorrect.\"", "6:21", "6:25")],
      ],
    ]),
  });

  it.each([
    [inLayoutBody('    link "a" -> redirct "/x"'), "redirect"],
    [inLayoutBody('    text "a" { size "smm" }'), '"sm"'],
    [card("contact", "scope persnal"), "personal"],
    [card("contact", 'scope "persnal"'), '"P"'],
  ])("suggests %# a value close to a misspelt one, written the same way (a guess: never a fix)", (code, newText) => {
    const d = check(code).diagnostics.find((x) => x.ruleId === ID);
    expect(d?.fix).toBeUndefined();
    expect(d?.suggestions?.map((s) => s.edits.map((e) => e.newText))).toEqual([[newText]]);
  });

  it("fixes an alias written as a string to the value it stands for, which means the same to every reader", () => {
    const d = check(card("contact", 'scope "personal"')).diagnostics.find((x) => x.ruleId === ID);
    expect(d?.fix?.edits.map((e) => e.newText)).toEqual(['"P"']);
    expect(d?.suggestions).toBeUndefined();
  });

});
