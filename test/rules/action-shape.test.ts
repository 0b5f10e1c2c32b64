import { describe } from "vitest";
import { invalidRows, RuleTester, ruleById, validRows } from "../support/rule-tester.js";
import { inLayoutBody, type Finding } from "../helpers.js";

const ruleTester = new RuleTester();
const ID = "action-shape";
const error = (message: string, at: string, to: string): Finding => ({ ruleId: ID, severity: "error", message, at, to });
const warning = (message: string, at: string, to: string): Finding => ({ ruleId: ID, severity: "warning", message, at, to });

const footer = (content: string) => `layout l {\n  icon info\n  header "T"\n  body { logo document; text "x" }\n  footer {\n    ${content}\n  }\n}\n`;
const MOBILE = "openRestApp is not supported with scope mobile: this {owner} is shown only in the mobile app, and the action would do nothing there.";

describe("action-shape", () => {
  ruleTester.run(ruleById(ID), {
    valid: validRows([
      ["a redirect with its uri", inLayoutBody('    link "a" -> redirect "/crm/deal/details/1/"')],
      ["a restEvent with params and loader", inLayoutBody('    link "a" -> restEvent "x" { clientId: 1, name: "n", ok: true } loader')],
      ["an openRestApp with params and sliderParams", inLayoutBody('    link "a" -> openRestApp { clientId: 1 } sliderParams { width: 700 }')],
      ["disable on a footer button's restEvent", footer('button primary "B" -> restEvent "x" disable')],
      ["openRestApp on a web-only button", footer('button primary "B" scope web -> openRestApp')],
      ["openRestApp on a button shown everywhere", footer('button primary "B" -> openRestApp')],
      ["leftBoundary alone", inLayoutBody('    link "a" -> openRestApp sliderParams { leftBoundary: 100 }')],
      ["an unknown action type (enum-value's)", inLayoutBody('    link "a" -> jump "/x"')],
    ]),
    invalid: [],
  });

  ruleTester.run(ruleById(ID), {
    valid: [],
    invalid: invalidRows([
      ["uri on a restEvent", inLayoutBody('    link "a" -> restEvent "x" uri "/x"'), [warning("'uri' has no effect for a restEvent action; remove it.", "6:31", "6:34")]],
      [
        "sliderParams and actionParams on a redirect",
        inLayoutBody('    link "a" -> redirect "/x" actionParams { a: 1 } sliderParams { width: 700 }'),
        [
          warning("'actionParams' has no effect for a redirect action; remove it.", "6:31", "6:43"),
          warning("'sliderParams' has no effect for a redirect action; remove it.", "6:53", "6:65"),
        ],
      ],
      [
        "animationType and id on an openRestApp",
        inLayoutBody('    link "a" -> openRestApp loader id "x"'),
        [
          warning("'animationType' has no effect for an openRestApp action; remove it.", "6:29", "6:35"),
          warning("'id' has no effect for an openRestApp action; remove it.", "6:36", "6:38"),
        ],
      ],
      [
        "width together with leftBoundary (a docs-only rule, spec §14.11)",
        inLayoutBody('    link "a" -> openRestApp sliderParams { width: 700, leftBoundary: 100 }'),
        [warning("'leftBoundary' must not be set together with 'width': the docs forbid it, but the server accepts it.", "6:56", "6:68")],
      ],
      [
        "openRestApp on a mobile-only footer button",
        footer('button primary "B" scope mobile -> openRestApp'),
        [warning(MOBILE.replace("{owner}", "footer button"), "6:40", "6:51")],
      ],
      [
        "openRestApp on a mobile-only menu item",
        footer('menu {\n      item "I" { scope mobile; action openRestApp }\n    }'),
        [warning(MOBILE.replace("{owner}", "menu item"), "7:39", "7:50")],
      ],
      [
        "disable outside a footer button",
        inLayoutBody('    link "a" -> restEvent "x" disable') + footer('menu { item "I" -> restEvent "y" disable }').replace("layout l", "layout m"),
        [
          warning("'animationType disable' only works on the action of a footer button: this action belongs to a link block.", "6:31", "6:38"),
          warning("'animationType disable' only works on the action of a footer button: this action belongs to a menu item.", "14:38", "14:45"),
        ],
      ],
      [
        "disable on a header title action",
        'layout l {\n  icon info\n  header "T" -> restEvent "x" disable\n  body { logo document; text "x" }\n}\n',
        [warning("'animationType disable' only works on the action of a footer button: this action belongs to a header.", "3:31", "3:38")],
      ],
      [
        "a list and a map as actionParams values (spec §4.12)",
        inLayoutBody('    link "a" -> openRestApp { ids: [1, 2], deal: { id: 1 }, ok: 1 }'),
        [
          error("Action parameter 'ids' must be a scalar (string, number or boolean), not a list; the server rejects it with WRONG_FIELD_VALUE.", "6:36", "6:42"),
          error("Action parameter 'deal' must be a scalar (string, number or boolean), not a map; the server rejects it with WRONG_FIELD_VALUE.", "6:50", "6:59"),
        ],
      ],
      [
        "a translation as an actionParams value",
        `translations { en { t "T" } }\n${inLayoutBody('    link "a" -> restEvent "x" { label: @t }')}`,
        [
          error(
            "Action parameter 'label' must be a scalar (string, number or boolean), not the translation '@t' (a language map); the server rejects it with WRONG_FIELD_VALUE.",
            "7:40",
            "7:42",
          ),
        ],
      ],
    ]),
  });

});
