/** The incremental checker on the raw `json` form: the same findings, payloads and tree as `check` after each edit. */
import { describe, it } from "vitest";
import { expectSame } from "./incremental-support.js";

const BASE = `layout l {
  icon info
  header "T" { subtitle json "x" }
  body json { logo: { code: "document" } }
}

blocks b {
  a: json { type: "text", properties: { value: "x", italic: true } }
  text "y"
}

card c for deal {
  json { name: "main", title: "Main", type: "column" }
}

badge g json { title: "T", value: "V", type: "failure" }
`;

describe("the incremental checker on the raw form", () => {
  it.each<[string, readonly string[]]>([
    ["an edit inside a raw member", [BASE, BASE.replace("italic: true", "italic: false"), BASE.replace("italic: true", "bold: true")]],
    ["a raw declaration that becomes statements", [BASE, BASE.replace('badge g json { title: "T", value: "V", type: "failure" }', 'badge g failure { title "T"; value "V" }')]],
    ["a raw field added and removed", [BASE, BASE.replace('header "T" { subtitle json "x" }', 'header "T" { subtitle json "x"; tags json {} }'), BASE]],
    ["a body that gets its blocks", [BASE, BASE.replace('body json { logo: { code: "document" } }', 'body json { logo: { code: "document" }, blocks: {} }')]],
  ])("%s", (_what, texts) => {
    expectSame(texts);
  });
});
