/**
 * Hand-made cases for the incremental checker (src/pipeline/incremental.ts): a checker fed a sequence
 * of texts must give, for the last one, what `check` gives — the same diagnostics (order, ranges,
 * messages, fixes) and the same syntax tree.
 *
 * The first group holds cases a review found wrong (now fixed), with what went wrong; the second
 * covers the situations where a shortcut is easy to get wrong (lines that move, file-level
 * statements, comments and suppressions at the region's edges, line ends, …).
 */
import { describe, expect, it } from "vitest";
import { ALL_RULES, check } from "../../src/index.js";
import { IncrementalChecker } from "../../src/pipeline/incremental.js";
import type { CheckOptions } from "../../src/check/checker.js";
import type { Rule } from "../../src/check/rule.js";
import { expectSame, testRule } from "./incremental-support.js";

/** A small valid layout; `body` goes inside `body { … }`. */
function layout(name: string, body = 'logo document\n    text "x"', header = 'header "T"'): string {
  return `layout ${name} {\n  icon info\n  ${header}\n  body {\n    ${body}\n  }\n}\n`;
}

const THREE = layout("a") + layout("b") + layout("c");

/** `text` with its line ends written as `eol`. */
function withEol(text: string, eol: string): string {
  return text.replace(/\r\n|\r|\n/g, eol);
}

describe("the incremental checker: options and rules a review found it wrong on", () => {
  // A rule passed in `options.rules` quotes a line number: once lines move, the findings of the
  // statements after the edit must be made again (which rules quote lines is read off the rules
  // being run, not only the built-in ones).
  it("re-checks a custom local rule that quotes a line number after lines moved", () => {
    const onLine = testRule("declared-on-line", "Reports where each declaration is.", { at: "'{name}' is declared on line {line}." }, (context) => {
      return {
        declaration(d) {
          context.report({ messageId: "at", data: { name: d.name, line: d.nameRange.start.line }, range: d.nameRange });
        },
      };
    });
    const rules: readonly Rule[] = [...ALL_RULES, onLine];
    expectSame([THREE, THREE.replace('header "T"', 'header "T"\n')], { rules });
  });

  // A rule that declares no scope may read anything in the file: the editor runs it over the whole
  // file at every change. (It was once kept per declaration by default: the count in the first
  // declaration's finding stayed at 3 after a block was added to the last one.)
  it("re-checks a custom rule that declares no scope after an edit of another declaration", () => {
    const counting = testRule("text-count", "Reports how many text blocks the file has.", { count: "'{name}' is in a file with {n} text blocks." }, (context) => {
      const texts = context.program.declarations.reduce((n, d) => n + JSON.stringify(d.root).split('"text"').length - 1, 0);
      return {
        declaration(d) {
          context.report({ messageId: "count", data: { name: d.name, n: texts }, range: d.nameRange });
        },
      };
    });
    const rules: readonly Rule[] = [...ALL_RULES, counting];
    const more = THREE.replace(/text "x"(?![\s\S]*text "x")/, 'text "x"\n    text "y"');
    expect(more).not.toBe(THREE);
    expectSame([THREE, more], { rules });
    expectSame([more, THREE], { rules });
  });

  // Rule options that are not plain data (a Set here) cannot be compared with the previous ones
  // by their JSON (two Sets are both `{}`): such options always get a full check.
  it("re-checks every declaration when a rule option changes to a value JSON cannot tell apart", () => {
    const banned = testRule("banned-name", "Bans some declaration names.", { banned: "'{name}' is a banned name." }, (context) => {
      const names = context.options["names"];
      return {
        declaration(d) {
          if (names instanceof Set && names.has(d.name)) context.report({ messageId: "banned", data: { name: d.name }, range: d.nameRange });
        },
      };
    });
    const rules: readonly Rule[] = [...ALL_RULES, banned];
    const checker = new IncrementalChecker();
    checker.check(THREE, { rules, ruleOptions: { "banned-name": { names: new Set(["a"]) } } });
    const next = THREE.replace('header "T"', 'header "U"');
    const options: CheckOptions = { rules, ruleOptions: { "banned-name": { names: new Set(["c"]) } } };
    const got = checker.check(next, options);
    expect(JSON.stringify(got.diagnostics)).toBe(JSON.stringify(check(next, options).diagnostics));
  });

  // Options with a cycle cannot be serialised: a full check, not an exception.
  it("does not throw where check does not, for options that cannot be serialised", () => {
    const cyclic: Record<string, unknown> = {};
    cyclic["self"] = cyclic;
    const options: CheckOptions = { ruleOptions: { "unknown-code": { icons: ["bogus"], note: cyclic } } };
    expectSame([THREE.replace("icon info", "icon bogus")], options);
  });
});

describe("the incremental checker: regression cases that agree with check", () => {
  describe.each([
    ["LF", "\n"],
    ["CR LF", "\r\n"],
    ["lone CR", "\r"],
  ])("with %s line ends", (_name, eol) => {
    const same = (texts: readonly string[], options?: CheckOptions) => expectSame(texts.map((t) => withEol(t, eol)), options);

    it("a character typed in the middle declaration", () => same([THREE, THREE.replace('layout b {\n  icon info\n  header "T"', 'layout b {\n  icon info\n  header "TT"')]));

    it("a line added above declarations whose findings quote lines (duplicate-key)", () => {
      const text = layout("a") + `\nlayout k {\n  icon info\n  icon call\n  header "h"\n  body { logo document; text "t" }\n}\n`;
      same([text, text.replace('header "T"', 'header "T"\n')]);
    });

    it("a line added above a card whose findings quote lines (duplicate-field, duplicate-section)", () => {
      const card = 'card c for deal {\n  scope common\n  main: section "A" {\n    TITLE\n    TITLE\n  }\n  main: section "B" {\n    STAGE_ID\n  }\n}\n';
      same([layout("a") + card, layout("a").replace('header "T"', 'header "T"\n') + card]);
    });

    it("a blank line added between two fragments of the same name (a lowering problem that quotes a line)", () => {
      const text = 'fragment f {\n  text "1"\n}\n\nfragment f {\n  text "2"\n}\n' + layout("a", "logo document\n    use f");
      same([text, text.replace("}\n\nfragment", "}\n\n\nfragment")]);
      same([text, text.replace('header "T"', 'header "T"\n')]);
    });

    it("lines added above a declaration that uses a fragment twice (its finding quotes the fragment's line)", () => {
      const text = 'fragment lab {\n  one: text "1"\n}\n\n' + layout("z") + layout("u", "logo document\n    use lab\n    use lab");
      same([text, text.replace('layout z {\n  icon info\n  header "T"', 'layout z {\n  icon info\n  header "T"\n')]);
      same([text, text.replace('one: text "1"', 'one: text "11"')]);
    });

    it("a suppression comment written in the region for a declaration kept after it", () => {
      const text = layout("a") + "// x\n" + layout("b", 'logo document\n    text "x" size lg');
      same([text, text.replace("// x", "// b24layout-disable-next-line enum-value")]);
      same([text, text.replace("// x", "// b24layout-disable enum-value -- why")]);
      same([text.replace("// x", "// b24layout-disable-next-line enum-value"), text.replace("// x", "// b24layout-disable-next-line enum-value\n")]);
    });

    it("a line added above a kept `disable-line` suppression", () => {
      const text = layout("a") + layout("b", 'logo document\n    text "x" size lg // b24layout-disable-line enum-value');
      same([text, "// top\n" + text]);
    });

    it("translation tables: a key added, a label, a second table, a declaration turned into a table", () => {
      const text = 'translations {\n  en { hi "Hi" }\n}\n' + layout("a", "logo document\n    text @bye");
      same([text, text.replace('hi "Hi"', 'hi "Hi"; bye "Bye"')]);
      same([text, "x: " + text]);
      same([text, text + 'translations {\n  de { bye "Tschüss" }\n}\n']);
      same([layout("a") + layout("b", "logo document\n    text @hi"), 'translations {\n  en { hi "Hi" }\n}\n' + layout("b", "logo document\n    text @hi")]);
    });

    it("a badge renamed away from, and back to, the code an activity refers to", () => {
      const text = 'badge bc warning {\n  title "t"\n  value "v"\n}\n\nactivity act {\n  ownerTypeId deal\n  ownerId 1\n  badgeCode bc\n  layout {\n    icon info\n    header "H"\n    body { logo document; text "t" }\n  }\n}\n';
      same([text, text.replace("badge bc", "badge bd")]);
      same([text.replace("badge bc", "badge bd"), text]);
    });

    it("a declaration renamed to a duplicate name, with and without a line more", () => {
      same([THREE, THREE.replace("layout b", "layout a")]);
      same([THREE, THREE.replace("layout b {", "layout a {\n")]);
      same([THREE, THREE.replace("layout c", "layout a")]);
    });

    it("the file becoming templated and not any more; a template finding in a kept declaration", () => {
      const templated = THREE.replace('layout b {\n  icon info\n  header "T"', 'layout b(x: string) {\n  icon info\n  header "${x}"');
      same([THREE, templated]);
      same([templated, THREE]);
      const typed = layout("t", 'logo document\n    text "a" color $c').replace("layout t {", "layout t(c: bool) {") + layout("b");
      same([typed, typed.replace("layout b {", "layout bb {")]);
      same([typed, typed.replace("layout b {", "layout bb {\n")]);
    });

    it("one declaration split in two, two merged into one, two on one line", () => {
      same([THREE, THREE.replace('  }\n}\nlayout b', '  }\n}\nlayout q {\n}\nlayout b')]);
      same([THREE, THREE.replace('}\nlayout b {\n  icon info\n  header "T"\n  body {\n    logo document\n    text "x"\n  }\n', "")]);
      same([THREE, THREE.replace("}\nlayout b", "} layout b")]);
      same([THREE.replace("}\nlayout b", "} layout b"), THREE.replace("}\nlayout b", "} layout b").replace('header "T"\n  body {\n    logo document\n    text "x"\n  }\n}\nlayout c', 'header "V"\n  body {\n    logo document\n    text "x"\n  }\n}\nlayout c')]);
    });

    it("fixes after the region move with it", () => {
      const text = layout("a") + layout("b", 'logo documen\n    text "x"').replace("icon info\n  header \"T\"\n  body {\n    logo documen", "icon inf\n  header \"T\"\n  body {\n    logo documen");
      same([text, text.replace('layout a {\n  icon info', 'layout a {\n  icon info\n  icon info')]);
      same([text, text.replace('header "T"', 'header "TTTT"')]);
    });

    it("a block comment between declarations: edited, left open, joined to the next line", () => {
      const text = layout("a") + "/* a\n b */\n" + layout("b");
      same([text, text.replace(" b */", " bb */")]);
      same([text, text.replace("/* a\n b */", "/* a\n b")]);
      same([text, text.replace("/* a\n b */\n", "/* a\n b */ ")]);
    });

    it("a multi-line string: a line added in it, its end broken", () => {
      const text = layout("m", 'logo document\n    text """\n      one\n      two\n    """') + layout("b");
      same([text, text.replace("two", "two\n      three")]);
      same([text, text.replace('    """\n  }', '    ""\n  }')]);
    });

    it("edits at the start and the end of the file, and without a last line end", () => {
      const bare = THREE.trimEnd();
      same([THREE, "// hi\n" + THREE]);
      same([THREE, "x" + THREE]);
      same([bare, bare.replace(/"T"(?![\s\S]*"T")/, '"TT"')]);
      same([bare, bare + " // x"]);
      same([bare, bare + "\nlayout d {\n}"]);
      same([bare, bare + "\n"]);
      same([THREE, THREE.slice(0, THREE.indexOf("layout c"))]);
      same([THREE, THREE.slice(THREE.indexOf("layout b"))]);
    });

    it("empty files, white space and files with only comments", () => {
      same(["", layout("a")]);
      same([layout("a"), ""]);
      same(["   \n  ", layout("a")]);
      same(["// a\n", "// ab\n"]);
      same([THREE, "// only a comment\n"]);
      same(["/* a */\n", "/* a */\n" + layout("a")]);
    });

    it("unicode (a surrogate pair) before the next declaration on its line and in the edit", () => {
      const text = THREE.replace("layout b", "/* 😀😀 */ layout b");
      same([text, text.replace('header "T"', 'header "TT"')]);
      same([text, text.replace('header "T"', 'header "T😀"')]);
    });

    it("options: severities, the docs target, rule options and a subset of the rules", () => {
      const text = layout("a") + layout("b", 'logo document\n    text "x" size lg').replace("icon info", "icon bogus");
      const edited = text.replace('header "T"', 'header "T"\n');
      same([text, edited], { severities: { "enum-value": "off", "unknown-code": "error" } });
      same([text, edited], { target: "docs" });
      same([text, edited], { ruleOptions: { "unknown-code": { icons: ["bogus"] } } });
      const rules = ALL_RULES.filter((r) => r.meta.id !== "enum-value");
      same([text, edited], { rules });
    });
  });

  it("mixed line ends, with a line added by each kind of line end", () => {
    let i = 0;
    const mixed = THREE.replace(/\n/g, () => ["\n", "\r\n", "\r"][i++ % 3]!);
    expectSame([mixed, mixed.replace('"T"', '"TT"')]);
    for (const eol of ["\n", "\r", "\r\n"]) expectSame([mixed, mixed.replace('layout b {', `layout b {${eol}`)]);
  });

  it("a line end made or split next to a lone CR or a CR LF", () => {
    const cr = withEol(THREE, "\r");
    const at = cr.indexOf("layout b");
    expectSame([cr, `${cr.slice(0, at)}\n${cr.slice(at)}`]);
    const crlf = withEol(THREE, "\r\n");
    const lf = crlf.indexOf("\n", crlf.indexOf("layout b"));
    expectSame([crlf, crlf.slice(0, lf) + crlf.slice(lf + 1)]);
    expectSame([crlf, crlf.slice(0, lf - 1) + crlf.slice(lf)]);
  });

  it("a long history of edits to one checker", () => {
    const texts = [THREE];
    let text = THREE;
    for (const [from, to] of [
      ['header "T"', 'header "T"\n'],
      ["layout b", "layout a"],
      ["layout c {", "// b24layout-disable-next-line duplicate-declaration\nlayout c {"],
      ["layout c", "layout a"],
      ['text "x"', 'text "x" size lg'],
      ["\n\n", "\n"],
      ['header "T"', 'header @t'],
      ["layout a {", 'translations {\n  en { t "T" }\n}\nlayout a {'],
    ] as const) {
      text = text.replace(from, to);
      texts.push(text);
      expectSame(texts);
    }
  });
});
