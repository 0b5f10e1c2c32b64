/**
 * `"target"` (spec §14) means the same in every rule: with `docs`, what only the docs forbid is an
 * error and what only the server rejects is not reported; with `server` (the default), the first is
 * a warning and the second an error.
 */
import { describe, expect, it } from "vitest";
import { check } from "../../src/index.js";
import { inLayoutBody } from "../helpers.js";

const footer = (body: string) => `layout l {\n  icon info\n  header "T"\n  body {\n    logo document\n    text "x"\n  }\n  footer {\n${body}\n  }\n}\n`;

/** The findings as `severity rule-id line:column`, for a target. */
const found = (code: string, target: "server" | "docs") =>
  check(code, { target }).diagnostics.map((d) => `${d.severity} ${d.ruleId} ${d.range.start.line}:${d.range.start.column}`);

describe("target", () => {
  it.each<[string, string, string[], string[]]>([
    [
      "width with leftBoundary (only the docs forbid it)",
      inLayoutBody('    link "Open" -> openRestApp sliderParams { width: 700, leftBoundary: 100 }'),
      ["warning action-shape 6:59"],
      ["error action-shape 6:59"],
    ],
    ["a block scope outside web and mobile (only the docs restrict it)", inLayoutBody('    text "x" scope desktop'), ["warning enum-value 6:20"], ["error enum-value 6:20"]],
    [
      "an empty language map (the docs ask for a non-empty one)",
      inLayoutBody('    text "x"').replace('header "T"', "header {\n    title {}\n  }"),
      ["warning empty-translation-map 4:11"],
      ["error empty-translation-map 4:11"],
    ],
    ["a withTitle without a title (only the docs require it)", inLayoutBody('    withTitle { text "x" }'), ["warning required-field 6:5"], ["error required-field 6:5"]],
    ["a body without blocks (only the docs ask for one)", 'layout l {\n  icon info\n  header "T"\n  body {\n    logo document\n  }\n}\n', ["warning collection-limit 4:3"], ["error collection-limit 4:3"]],
    [
      "eleven menu items (a limit only the server has)",
      footer(`    menu {\n${Array.from({ length: 11 }, (_, i) => `      item "${i}" -> restEvent "e"\n`).join("")}    }`),
      ["error collection-limit 20:7"],
      [],
    ],
    [
      "21 blocks in a lineOfBlocks (a limit only the server has)",
      inLayoutBody(`    lineOfBlocks {\n${Array.from({ length: 21 }, (_, i) => `      text "${i}"\n`).join("")}    }`),
      ["error collection-limit 27:7"],
      [],
    ],
    [
      "'each' in a menu (its limit of 10 items is the server's only)",
      'layout l(ts: string[]) {\n  icon info\n  header "T"\n  body {\n    logo document\n    text "x"\n  }\n  footer {\n    menu {\n      each t in $ts {\n        item "${t}" -> restEvent "y"\n      }\n    }\n  }\n}\n',
      ["warning runtime-limit 10:7"],
      [],
    ],
    ["a tag colour neither the docs nor the server take", inLayoutBody('    text "x"').replace('header "T"', 'header "T" {\n    tag lavender "x"\n  }'), ["error enum-value 4:9"], ["error enum-value 4:9"]],
    ["a tag scope (the docs list it, the server rejects it)", inLayoutBody('    text "x"').replace('header "T"', 'header "T" {\n    tag warning "x" scope web\n  }'), ["error field-support 4:21"], []],
  ])("%s", (_name, code, server, docs) => {
    expect(found(code, "server")).toEqual(server);
    expect(found(code, "docs")).toEqual(docs);
  });
});
