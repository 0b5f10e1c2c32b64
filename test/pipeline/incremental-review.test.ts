/**
 * A review of the incremental checker (src/pipeline/incremental.ts) after rule scopes, incremental
 * checks beside syntax errors and `plainKey` came in: a checker fed a sequence of texts must give,
 * for the last one, what `check` gives (diagnostics, syntax tree, declarations).
 *
 * The first groups hold the cases the review found wrong (fixed since), with what went wrong; the
 * last one tricky cases that held, kept as regression tests.
 */
import { describe, expect, it } from "vitest";
import { ALL_RULES, check } from "../../src/index.js";
import { IncrementalChecker } from "../../src/pipeline/incremental.js";
import type { CheckOptions } from "../../src/check/checker.js";
import type { Rule } from "../../src/check/rule.js";
import { expectSame, testRule } from "./incremental-support.js";

/** A small valid layout of 8 lines. */
function layout(name: string): string {
  return `layout ${name} {\n  icon info\n  header "T"\n  body {\n    logo document\n    text "x"\n  }\n}\n`;
}

/** `text` with its last `}` (the one before the final line break) followed by `after` on that line. */
function afterLastBrace(text: string, after: string): string {
  return text.replace(/}\n$/, `}${after}\n`);
}

const A = layout("a");
const B = layout("b");
const C = layout("c");

// Where the old text has syntax errors, edit() checks that the old region parsed alone gives what
// the whole parse gave there. That does not show the parser was between two top-level statements
// where the region starts: something broken after the `}` of the statement before the region, on
// its line, may still be open there (a map or list of a stray `-> action`, a stray multi-line
// string, which no statement, comment or diagnostic spans). The region is then parsed as
// statements while the whole text reads it as part of that construct.
// The fix (src/pipeline/incremental.ts, edit()): give up when an old syntax diagnostic starts in
// [before.range.end.offset, start) — the first stray token after a statement is always reported.
describe("the incremental checker beside syntax errors: a construct left open after the statement before the region", () => {
  // `} -> y { k: "v"` opens a map (the stray action's argument) that runs over the blank line to
  // the `}` on the next statement's line. Typing `;` on the blank line ends the map early: the
  // full parse reports the missing '}' and a stray '}', the incremental one reported nothing.
  it("a map opened by a stray '->' after the previous statement's '}'", () => {
    const opened = afterLastBrace(A, ' -> y { k: "v"');
    expectSame([opened + "\n}; " + B, opened + ";\n}; " + B]);
  });

  it("a map opened by a stray '->' after the previous statement's '}', a layout typed inside it", () => {
    const opened = afterLastBrace(A, ' -> y { k: "v"');
    expectSame([opened + "\n}; " + B, opened + layout("x") + "}; " + B]);
  });

  // `} : """`: the ':' is reported, the multi-line string after it (same stray run) is not. A
  // layout typed on the line inside the string becomes a declaration incrementally; in full it is
  // text of the string.
  it("a multi-line string in a stray run after the previous statement's '}'", () => {
    const opened = afterLastBrace(A, ' : """');
    expectSame([opened + '\n"""; ' + B, opened + layout("x") + '"""; ' + B]);
  });

  it("an unterminated multi-line string in a stray run after the last statement's '}' (to the end of the file)", () => {
    const opened = afterLastBrace(A, ' : """');
    expectSame([opened + "\n", opened + layout("x")]);
  });

  // `}"""` at the end: the stray string's diagnostic spans to the end of the text, which is where
  // the (empty) region starts, so it does not "cross" it; typing there makes the string longer,
  // and the kept diagnostic keeps its old end.
  it("a stray unterminated multi-line string that ends where the region starts", () => {
    const text = A + afterLastBrace(B, '"""');
    expectSame([text, text + ";"]);
  });
});

// A stray `-> action` on the line of the statement after the region, before it (`-> y; layout c`),
// is reported with a message made from the statement before it in the list: the region's last one
// ("already has an action" quoting its line, "must come before the statement's block") and whether
// only line breaks separate them (a `;` makes it "must follow the arguments"). The region's
// statements change while that diagnostic, after the region, is kept as it was.
// The fix (same place): give up when an old syntax diagnostic starts in
// [end, next.range.start.offset), i.e. on the next statement's line before it.
describe("the incremental checker beside syntax errors: a stray '->' right after the region", () => {
  it("a ';' typed after the region's last statement", () => {
    expectSame([A + B + "-> y; " + C, A + afterLastBrace(B, ";") + "-> y; " + C]);
  });

  it("the region's last statement loses its action", () => {
    const withAction = B.replace("layout b {", "layout b -> x {");
    expectSame([A + withAction + "-> y; " + C, A + B + "-> y; " + C]);
  });

  it("the region's statements blanked out at the start of the file", () => {
    const withAction = B.replace("layout b {", "layout b -> x {");
    const blank = withAction.replace(/[^\n]/g, " ");
    expectSame([withAction + "-> y; " + C, blank + "-> y; " + C]);
  });
});

// plainKey (src/pipeline/incremental.ts) is to give equal texts only for equal plain data, but
// JSON.stringify also made one text of: an array hole and null, -0 and 0, and an object key holding
// undefined and no key at all. A rule that tells these apart kept a stale finding on the
// declarations not edited. The fix: plainKey encodes -0 and undefined, and refuses holes.
describe("the incremental checker: options that plainKey cannot tell apart", () => {
  const probe = testRule("options-probe", "Reports what its options look like.", { seen: "{what}" }, (context) => {
    const o = context.options;
    const names = o["names"];
    const what = [
      `holes: ${Array.isArray(names) && names.includes(undefined)}`,
      `negative zero: ${Object.is(o["n"], -0)}`,
      `keys: ${Object.keys(o).join(",")}`,
    ].join("; ");
    return { declaration: (d) => context.report({ messageId: "seen", data: { what }, range: d.nameRange }) };
  });
  const rules: readonly Rule[] = [...ALL_RULES, probe];
  const withOptions = (options: Record<string, unknown>): CheckOptions => ({ rules, ruleOptions: { "options-probe": options } });
  const edited = A + B.replace('text "x"', 'text "y"');

  /** `a` is checked with `first`, then the text with `b` edited with `second`: `a`'s finding must follow `second`. */
  function expectOptionsFollowed(first: CheckOptions, second: CheckOptions): void {
    const checker = new IncrementalChecker();
    checker.check(A + B, first);
    const got = checker.check(edited, second);
    expect(JSON.stringify(got.diagnostics)).toBe(JSON.stringify(check(edited, second).diagnostics));
  }

  it("an array hole and null", () => {
    const holes: unknown[] = [];
    holes[1] = "x";
    expectOptionsFollowed(withOptions({ names: [null, "x"] }), withOptions({ names: holes }));
  });

  it("-0 and 0", () => {
    expectOptionsFollowed(withOptions({ n: 0 }), withOptions({ n: -0 }));
  });

  it("a key holding undefined and no key", () => {
    expectOptionsFollowed(withOptions({}), withOptions({ extra: undefined }));
  });
});

// A rule given in `options.rules` without a scope once ran in the local part, where what its
// `program` hook reported was lost. A rule without a scope now runs over the whole file at every
// check (RuleMeta.scope), so its program hook's findings are always there.
describe("the incremental checker: a custom rule without a scope whose program hook reports", () => {
  const counting = testRule("declaration-count", "Reports how many declarations the file has.", { count: "The file has {n} declarations." }, (context) => {
    return {
      program(program) {
        const first = program.declarations[0];
        if (first) context.report({ messageId: "count", data: { n: program.declarations.length }, range: first.nameRange });
      },
    };
  });
  const rules: readonly Rule[] = [...ALL_RULES, counting];

  it("on the first check", () => {
    expectSame([A + B], { rules });
  });

  it("after a declaration is added", () => {
    expectSame([A + B, A + B + C], { rules });
  });
});

describe("the incremental checker beside syntax errors: cases that hold", () => {
  it("a stray '{' after the previous statement's '}' closed on the next statement's line (the region is lifted out of it)", () => {
    const opened = afterLastBrace(A, " {");
    expectSame([opened + B + "} " + C, opened + B.replace('"x"', '"xy"') + "} " + C]);
    expectSame([opened + B + "} " + C, opened + B + layout("d") + "} " + C]);
  });

  it("a stray '{' on its own line (given to the statement before it) after the region, with and without a line added", () => {
    const detached = B.replace("layout b {", "layout b\n{");
    const text = A + detached + C;
    expectSame([text, text.replace('header "T"', 'header "U"')]);
    expectSame([text, text.replace('header "T"', 'header "T"\n')]);
    // And inside it: moving the brace back fixes it.
    expectSame([text, A + B + C]);
  });

  it("a block left open at the end of the file ('found end of file'), edits before it", () => {
    const text = A + B + C.replace(/}\n$/, "");
    expectSame([text, text.replace('header "T"', 'header "Title"')]);
    expectSame([text, text.replace('header "T"', 'header "T"\n')]);
    // Closing it: the region runs to the end of the file.
    expectSame([text, text + "}\n"]);
  });

  it("a stray '}' between two declarations, edits around it", () => {
    const text = A + "}\n" + B + C;
    expectSame([text, text.replace('layout b {\n  icon info\n  header "T"', 'layout b {\n  icon info\n  header "U"')]);
    expectSame([text, text.replace("}\nlayout b", "\nlayout b")]);
    expectSame([text, A.replace('header "T"', 'header "U"') + "}\n" + B + C]);
  });

  it("unterminated strings and comments, unexpected characters and bad escapes in a declaration not edited", () => {
    const broken = [
      B.replace('text "x"', 'text "x'),
      B.replace('text "x"', 'text "\\q" %'),
      B.replace('header "T"', "header 'T' é"),
      B + "/* not closed\n",
    ];
    for (const b of broken) {
      const text = A + b + C;
      expectSame([text, text.replace('header "T"', 'header "U"')]);
      expectSame([text, text.replace('header "T"', 'header "T"\n')]);
      expectSame([text, text.replace(/header "T"\n(?![\s\S]*header "T")/, 'header "V"\n')]);
    }
  });

  it("'->' twice in a statement after the region (a message quoting its line), lines added before it", () => {
    const twice = B.replace("logo document", "logo document -> x -> y");
    const text = A + twice + C;
    expectSame([text, text.replace('header "T"', 'header "T"\n\n')]);
    expectSame([text, text.replace('header "T"', 'header "Z"')]);
  });

  it("an edit that fixes the error in the region, another error before it", () => {
    const text = "%\n" + A + B.replace('text "x"', 'text "x" ]') + C;
    expectSame([text, text.replace('text "x" ]', 'text "x"')]);
    expectSame([text, text.replace('text "x" ]', 'text "x"'), text]);
  });

  it("an edit that leaves the region's last statement without a body, beside an error", () => {
    const text = "%\n" + A + B + C;
    expectSame([text, text.replace(B, "layout b\n")]);
  });
});
