/**
 * Properties of the formatter on random valid programs (generator.ts): formatting succeeds and
 * keeps the meaning, is idempotent, keeps every comment, writes clean lines, and breaks every
 * bracketed construct that does not fit.
 *
 * Property 1 runs `formatText`, which proves its result (it throws FormatterBugError when the
 * output does not parse or means something else). The others call the Prettier plugin the same
 * way `formatText` does but without that proof, so that each property tests its own claim and one
 * bug does not hide the others behind the same FormatterBugError.
 */
import fc from "fast-check";
import { format as prettierFormat } from "prettier/standalone";
import { describe, expect, it } from "vitest";
import { DEFAULT_FORMAT_OPTIONS, formatText, type FormatOptions } from "../../../src/format/format.js";
import plugin, { PARSER_NAME } from "../../../src/format/plugin.js";
import { parse } from "../../../src/syntax/parser.js";
import { lineProblems, widthProblems } from "./checks.js";
import { programArb, render, type GeneratorOptions } from "./generator.js";

type Options = Required<Pick<FormatOptions, "printWidth" | "tabWidth" | "useTabs">> & { endOfLine: "lf" | "crlf" };

const optionsArb: fc.Arbitrary<Options> = fc.record({
  printWidth: fc.constantFrom(20, 40, 80, 100, 120),
  tabWidth: fc.constantFrom(2, 4),
  useTabs: fc.boolean(),
  endOfLine: fc.constantFrom("lf" as const, "crlf" as const),
});

const programText = (options?: GeneratorOptions) => programArb(options).map(render);

/** What `formatText` does before it checks the result: the plugin through Prettier's core. */
function printed(text: string, options: FormatOptions): Promise<string> {
  return prettierFormat(text, { ...DEFAULT_FORMAT_OPTIONS, ...options, parser: PARSER_NAME, plugins: [plugin] });
}

const parses = (text: string) => parse(text).diagnostics.length === 0;
/** Comment texts compared up to line ends and white space at the ends of lines (property 1 compares them exactly). */
const commentTexts = (text: string) => parse(text).document.comments.map((c) => c.text.replace(/\r\n?/g, "\n").replace(/[ \t]+$/gm, ""));

const LF: Options = { printWidth: 100, tabWidth: 2, useTabs: false, endOfLine: "lf" };

// ----- the properties, each a check of one program with one set of options -----

/** 1: `formatText` succeeds (a FormatterBugError means the output does not parse or means something else). */
async function formatsWithoutBug(text: string, options: Options): Promise<void> {
  const result = await formatText(text, options);
  expect(result.ok).toBe(true);
}

/** 2: formatting the output again gives the output. */
async function isIdempotent(text: string, options: Options): Promise<void> {
  const once = await printed(text, options);
  // Output that does not parse is property 1's failure; idempotence is about output that does.
  fc.pre(parses(once));
  expect(await printed(once, options)).toBe(once);
}

/** 3: the output has the input's comments, with the same texts, in the same order. */
async function keepsComments(text: string, options: Options): Promise<void> {
  expect(commentTexts(await printed(text, options))).toEqual(commentTexts(text));
}

/** 4: no trailing white space or tab outside strings and comments, the configured line ends, one final line end. */
async function writesCleanLines(text: string, options: Options): Promise<void> {
  expect(lineProblems(await printed(text, options), options)).toEqual([]);
}

/** 5: no line wider than printWidth holds a map, list, parameter list, record type or body the printer could have broken. */
async function breaksWhatIsTooWide(text: string, options: Options): Promise<void> {
  expect(widthProblems(await printed(text, options), options)).toEqual([]);
}

const RUNS = { numRuns: Number(process.env["FORMAT_RUNS"] ?? 300) } as const;

describe("formatter properties", () => {
  it("1. formats every valid program without a FormatterBugError", async () => {
    await fc.assert(fc.asyncProperty(programText(), optionsArb, formatsWithoutBug), RUNS);
  });

  it("2. is idempotent: formatting the output again changes nothing", async () => {
    await fc.assert(fc.asyncProperty(programText(), optionsArb, isIdempotent), RUNS);
  });

  it("3. keeps every comment, with its text, in order", async () => {
    await fc.assert(fc.asyncProperty(programText(), optionsArb, keepsComments), RUNS);
  });

  // A `prettier-ignore`d node is printed as written, white space, width and all: left out of 4 and 5.
  it("4. writes no trailing white space, no stray tabs, the configured line ends and one final line end", async () => {
    await fc.assert(fc.asyncProperty(programText({ prettierIgnore: false }), optionsArb, writesCleanLines), RUNS);
  });

  it("5. breaks every map, list, parameter list, record type and body on a line that is too wide", async () => {
    await fc.assert(fc.asyncProperty(programText({ prettierIgnore: false }), optionsArb, breaksWhatIsTooWide), RUNS);
  });
});

/**
 * The minimal counterexamples the properties above found (shrunk by fast-check, then by hand), one
 * per distinct bug, so that each bug stays visible once another is fixed.
 */
const COUNTEREXAMPLES: readonly { readonly bug: string; readonly text: string; readonly options?: Partial<Options>; readonly check: (text: string, options: Options) => Promise<void> }[] = [
  { bug: "a body of only `;` after an action is printed `{}`, which reads as a map argument", text: "a -> b { ; }\n", check: formatsWithoutBug },
  { bug: "trailing white space of a line comment is trimmed", text: "a // x \n", check: formatsWithoutBug },
  { bug: "a multi-line block comment gets CRLF line ends with endOfLine crlf", text: "/* a\nb */\n", options: { endOfLine: "crlf" }, check: formatsWithoutBug },
  { bug: "a multi-line block comment in a CRLF file gets LF line ends", text: "/* a\r\nb */\r\n", check: formatsWithoutBug },
  { bug: "a `\"\"\"` string line ending with spaces is trimmed when the string is re-indented", text: 'a """\n  x \n  """\n', check: formatsWithoutBug },
  { bug: "two line comments of a map entry end up on one line, as one comment", text: "a { b: // x\n  1 // y\n}\n", check: keepsComments },
  { bug: "a comment after `key:` and an own-line comment before the value merge, in the wrong order", text: "a { b: // x\n  // y\n  1 }\n", check: keepsComments },
  { bug: "comments around a type's `|` merge into one", text: 'f(a: "" | // x\n  // y\n  string)\n', check: keepsComments },
  { bug: "in an empty construct, a line comment on the opening line is printed before a block comment that precedes it", text: "a [/* x */ // y\n]\n", check: keepsComments },
  { bug: "an own-line comment before a leading comma is printed after the end-of-line comment that follows the comma", text: "a [\n  1\n  // x\n  , // y\n  2\n]\n", check: keepsComments },
  { bug: "a blank line after a member written without a comma is lost on the second run", text: "a {\n  b: 1\n\n  c: 2\n}\n", check: isIdempotent },
  { bug: "a blank line after a member's end-of-line comment is lost on the second run", text: "a [\n  1 // x\n\n  2\n]\n", check: isIdempotent },
  { bug: "an empty construct with a block comment at the end of its opening line is printed with two spaces before the bracket", text: "a [/* x */\n]\n", check: isIdempotent },
  { bug: "an own-line comment before a default value moves on the second run", text: "f(a: int =\n  // c\n  1)\n", check: isIdempotent },
  { bug: "line comments before and after a `|` change lines on the second run", text: "f(a: { b: string// \n |//\n //\n string }) {}\n", options: { printWidth: 20 }, check: isIdempotent },
  { bug: "a block comment at the end of the line after `key:` moves on the second run", text: 'a { k/* */:\n  "" , "b c": $x\n}\n', options: { printWidth: 20 }, check: isIdempotent },
  { bug: "a form feed before an own-line comment makes Prettier reorder the comments", text: "a {\n  b\n  //a\n\n  \f//\n  c\n}\n", options: { printWidth: 20 }, check: formatsWithoutBug },
  { bug: "spaces after a line comment count toward the width, so the second run breaks differently", text: 'a()\n  -> b [\n  @c ] "aa" { // \n  d A//\n}\n', options: { printWidth: 40 }, check: isIdempotent },
  { bug: "a blank line after a member that ends with a multi-line block comment is lost on the second run", text: "a [\n  0/*\n*/\n\n  //\n  , 1\n]\n", options: { printWidth: 20 }, check: isIdempotent },
];

describe("recorded counterexamples", () => {
  for (const { bug, text, options, check } of COUNTEREXAMPLES) {
    it(`${bug}: ${JSON.stringify(text)}`, async () => {
      await check(text, { ...LF, ...options });
    });
  }
});

describe("the checks of properties 4 and 5 find what they look for", () => {
  it("trailing white space, tabs, line ends and the final line end", () => {
    expect(lineProblems("a  \n\tb\n\n", LF)).toEqual([
      "the text ends with an empty line",
      'line 1 ends with white space: "a  "',
      'line 2 has a tab outside strings and comments: "\\tb"',
    ]);
    expect(lineProblems('a "\t" // x \n/* \t \n */\n', LF)).toEqual([]);
    expect(lineProblems("a\nb\r\n", { ...LF, endOfLine: "crlf" })).toEqual(['a line end other than "\\r\\n"']);
    expect(lineProblems("a", LF)).toEqual(["the text does not end with a line end"]);
    expect(lineProblems("", LF)).toEqual([]);
  });

  it("a flat construct on a line that is too wide; not a trailing line comment, nor an unbreakable line", () => {
    const narrow = { ...LF, printWidth: 20 };
    expect(widthProblems("a [1, 2, 3, 4, 5, 6, 7] // a long comment\n", narrow)).toHaveLength(1);
    expect(widthProblems("a { b 1; c 2; d 3; e 4 }\n", narrow)).toHaveLength(1);
    expect(widthProblems("a [1, 2, 3] // a long comment here\n", narrow)).toEqual([]);
    expect(widthProblems('a "a long string that does not fit" []\n', narrow)).toEqual([]);
    expect(widthProblems("a [\n  1,\n] a-long-word-after-the-list\n", narrow)).toEqual([]);
    // Indentation tabs count tabWidth each.
    expect(widthProblems("x {\n\t\t\t\ta [1, 2, 3, 4]\n}\n", { ...narrow, useTabs: true, tabWidth: 4 })).toHaveLength(1);
  });
});
