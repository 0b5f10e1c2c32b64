/**
 * Error recovery: one run reports every syntax error of a file, each in words at its exact place,
 * and the tree keeps the statements before, between and after the errors.
 */
import { describe, expect, it } from "vitest";
import { parse } from "../../src/syntax/parser.js";
import { renderDiagnostic, renderDocument } from "./render.js";

function errors(text: string): string[] {
  return parse(text).diagnostics.map(renderDiagnostic);
}

function statements(text: string): string[] {
  return renderDocument(parse(text).document);
}

describe("several errors in one file", () => {
  const text = [
    "layout broken {", //                        1
    "  icon info", //                            2
    '  header "Call" :', //                      3  stray ':'
    "  body {", //                               4
    "    client:", //                            5  a label without a name
    '    text "ok" § bold', //                   6  a character no token starts with
    "    logo document", //                      7
    "  }", //                                    8
    "}", //                                      9
    "badge b failure {", //                      10
    '  value { en: "a", de: deutsch }', //       11 a bare word as a map value
    "  deadline", //                             12
    '    -> redirect "/x"', //                   13
    '    -> redirect "/y"', //                   14 a second action
    "}", //                                      15
    "blocks extra {", //                         16
    '  text "Hello"', //                         17 missing '}' at the end of the file
  ].join("\n");

  it("are all reported, in order, each at its exact position", () => {
    expect(errors(text)).toEqual([
      "3:17-3:18 Unexpected ':': a label ('key:') must be at the start of a statement.",
      "5:5-5:12 Expected a statement name after the label 'client:', but found end of line.",
      "6:15-6:16 Unexpected character '§'.",
      "11:24-11:31 Map values must be literals: write \"deutsch\" in quotes instead of the bare word 'deutsch' after 'de:'.",
      "14:5-14:7 Unexpected '->': the statement on line 12 already has an action, and a statement has only one.",
      "17:15-17:15 Expected '}' to close the block opened at line 16, column 14, but found end of file.",
    ]);
  });

  it("keep the statements before, between and after the errors", () => {
    expect(statements(text)).toEqual([
      'layout broken { icon info; header "Call"; body { client: <missing>; text "ok" bold; logo document } }',
      'badge b failure { value map{en: "a"}; deadline -> redirect "/x" }',
      'blocks extra { text "Hello" }',
    ]);
  });
});

describe("one error at a time", () => {
  it.each([
    // Missing and unexpected brackets
    ["a missing '}' at the end of the file", "a {\n  b\n", ["3:1-3:1 Expected '}' to close the block opened at line 1, column 3, but found end of file."], ["a { b }"]],
    [
      "two blocks left open: both are named",
      "a {\n  b {\n    c",
      [
        "3:6-3:6 Expected '}' to close the block opened at line 2, column 5, but found end of file.",
        "3:6-3:6 Expected '}' to close the block opened at line 1, column 3, but found end of file.",
      ],
      ["a { b { c } }"],
    ],
    ["a '}' with no open block", "a }\nb", ["1:3-1:4 Unexpected '}': there is no open block to close."], ["a", "b"]],
    ["a '}' too many after a block", "a { c }}\nd", ["1:8-1:9 Unexpected '}': there is no open block to close."], ["a { c }", "d"]],
    ["a ']' where a statement starts", "a\n]\nb", ["2:1-2:2 Unexpected ']' where a statement was expected."], ["a", "b"]],
    ["a ']' inside a body", "a {\n  ]\n}", ["2:3-2:4 Unexpected ']' where a statement or '}' was expected."], ["a { }"]],
    ["a list left open at the end of its line", "a [1, 2\nb", ["1:8-1:8 Expected ']' to close the list opened at line 1, column 3, but found end of line."], ["a [1, 2]", "b"]],
    [
      "a list left open before the '}' of its block",
      "a {\n  b [1, 2 }\nc",
      ["2:11-2:11 Expected ']' to close the list opened at line 2, column 5, but found '}'."],
      ["a { b [1, 2] }", "c"],
    ],
    [
      "a map left open at the end of its line",
      'a { en: "x"\nb c\n}',
      ["1:12-1:12 Expected '}' to close the map opened at line 1, column 3, but found end of line.", "3:1-3:2 Unexpected '}': there is no open block to close."],
      ['a map{en: "x"}', "b c"],
    ],
    [
      "a '{' on the line after its statement",
      "a\n{\n  b\n}\nc",
      ["2:1-2:2 A block must start on the same line as its statement: move this '{' to the end of line 1."],
      ["a { b }", "c"],
    ],
    [
      "a block with no statement",
      "a {}\n{ b }",
      ["2:1-2:2 Unexpected '{': a block must follow a statement name on the same line ('name { … }')."],
      ["a { }", "b"],
    ],

    // Labels and names
    ["a label at the end of a line", "a {\n  client:\n  text \"x\"\n}", ["2:3-2:10 Expected a statement name after the label 'client:', but found end of line."], ['a { client: <missing>; text "x" }']],
    ["a label at the end of the file", "client:", ["1:1-1:8 Expected a statement name after the label 'client:', but found end of file."], ["client: <missing>"]],
    ["a label before a value", 'k: "v"', ['1:4-1:7 Expected a statement name after the label \'k:\', but found the string "v".'], ['k: <missing> "v"']],
    ["a quoted label before '}'", 'x { "1": }', ["1:10-1:11 Expected a statement name after the label '\"1\":', but found '}'."], ['x { "1": <missing> }']],
    ["a stray ':' at the start of a line", ": b", ["1:1-1:2 Unexpected ':': a label ('key:') must be at the start of a statement."], ["b"]],
    ["a label in the middle of a statement", "a b: c", ["1:4-1:5 Unexpected ':': a label ('key:') must be at the start of a statement."], ["a b", "c"]],
    ["a string where a statement starts", '"x"\nb', ['1:1-1:4 Unexpected string "x" where a statement was expected.'], ["b"]],
    ["a value where a statement starts: one message for the run", "[1, 2] b\nc", ["1:1-1:2 Unexpected '[' where a statement was expected."], ["b", "c"]],
    [
      "a comma between statements",
      "a 1, b 2",
      ["1:4-1:5 Unexpected ',': end a statement with a new line or ';' (commas separate the entries of maps and lists)."],
      ["a 1", "b 2"],
    ],

    // Actions
    ["an arrow with no action name", "a ->\nb", ["1:3-1:5 Expected an action name after '->', but found end of line."], ["a -> <missing>", "b"]],
    ["an arrow before a value", 'a -> "z"', ['1:6-1:9 Expected an action name after \'->\', but found the string "z".'], ['a -> <missing> "z"']],
    ["two arrows in a row", "a -> -> b\nc", ["1:6-1:8 Expected an action name after '->', but found '->'."], ["a -> <missing>", "c"]],
    ["an arrow with no statement", "-> b\nc", ["1:1-1:3 Unexpected '->': an action must follow the arguments of a statement."], ["c"]],
    ["an arrow after ';'", "a; -> b", ["1:4-1:6 Unexpected '->': an action must follow the arguments of a statement."], ["a"]],
    ["an arrow after a block", "a {}\n-> b", ["2:1-2:3 Unexpected '->': an action must come before the statement's block '{ … }'."], ["a { }"]],
    [
      "a second continued action",
      "a -> b\n  -> c\nd",
      ["2:3-2:5 Unexpected '->': the statement on line 1 already has an action, and a statement has only one."],
      ["a -> b", "d"],
    ],

    // Maps and lists
    [
      "a value without its key",
      "x { a: 1, 2 }",
      ["1:11-1:12 Unexpected '2' in a map: write each entry as 'key: value', separated by commas or new lines."],
      ["x map{a: 1}"],
    ],
    [
      "a key without its colon",
      'x { en: "a", de "b" }',
      ["1:14-1:16 Unexpected 'de' in a map: write each entry as 'key: value', separated by commas or new lines."],
      ['x map{en: "a"}'],
    ],
    ["a key without its value", "x { a: 1, b: }", ["1:14-1:15 Expected a value after 'b:', but found '}'."], ["x map{a: 1}"]],
    ["a key without its value at the end of the file", "x { a: 1, b:", ["1:11-1:13 Expected a value after 'b:', but found end of file.", "1:13-1:13 Expected '}' to close the map opened at line 1, column 3, but found end of file."], ["x map{a: 1}"]],
    [
      "a bare word in a list",
      "x [1, two, 3]",
      ["1:7-1:10 Unexpected word 'two' in a list: list items are values; write \"two\" in quotes for a text."],
      ["x [1, 3]"],
    ],
    ["a colon in a list", "x [1: 2]", ["1:5-1:6 Unexpected ':' in a list: write the items as values separated by commas."], ["x [1, 2]"]],

    // Characters
    ["a character no token starts with", "a § b", ["1:3-1:4 Unexpected character '§'."], ["a b"]],
    ["a run of such characters", "a §§§ b", ["1:3-1:6 Unexpected characters '§§§'."], ["a b"]],
    ["an emoji outside a string", "a 😀 b", ["1:3-1:5 Unexpected character '😀'."], ["a b"]],
    ["an invisible control character", "a \u0007 b", ["1:3-1:4 Unexpected character U+0007."], ["a b"]],
    [
      "a non-ASCII letter in a name",
      "größe 1",
      ["1:3-1:5 Unexpected characters 'öß': names may only contain ASCII letters, digits, '_' and inner '-'; write other text in quotes."],
      ["gr e 1"],
    ],
    ["'@' without a key", "x @ y", ["1:3-1:4 Expected a translation key after '@' (for example @incoming)."], ["x y"]],
    [
      "single quotes",
      "text 'Hi'",
      ["1:6-1:7 Unexpected character \"'\": write strings in double quotes (\"…\").", "1:9-1:10 Unexpected character \"'\": write strings in double quotes (\"…\")."],
      ["text Hi"],
    ],
  ])("%s", (_name, text, expectedErrors, expectedStatements) => {
    expect(errors(text)).toEqual(expectedErrors);
    expect(statements(text)).toEqual(expectedStatements);
  });
});

describe("messages are written for people", () => {
  const BROKEN = [
    "a {",
    "a }",
    "a ]",
    "a [",
    "a [1 {",
    "{ }",
    "client:",
    "a 1 : b",
    "a ,",
    "a ;; , :",
    "a -> ",
    "a -> -> b",
    "-> b",
    'a "x',
    'a """x',
    "a /* x",
    'a "\\q"',
    "a { x: 1, 2 }",
    "a { x: }",
    "a { x: y, z: 1 }",
    'a { "k" "v" }',
    "a [x: 1]",
    "a @",
    "a § # $ %",
    "\"x\"\n'y'",
    "layout l {\n  header \"x\" {\n    tag warning\n  body {\n",
    "}}}]]]",
    "a\n{\n{\n}",
    ":::",
    "x { a: { b: [1, { c: ] } }",
  ];

  it.each(BROKEN)("%j: no token type names or parser jargon", (text) => {
    const messages = parse(text).diagnostics.map((d) => d.message);
    expect(messages.length).toBeGreaterThan(0);
    for (const m of messages) {
      expect(m).not.toMatch(/RBrace|LBrace|RBracket|LBracket|Identifier|StringToken|NumberToken|Newline|EOF|AnyToken|-->|<--|token of type|Redundant input|Expecting/);
      expect(m).toMatch(/^[A-Z].*\.$/s);
    }
  });

  it.each(BROKEN)("%j: every error is a syntax error with a well-formed range", (text) => {
    for (const d of parse(text).diagnostics) {
      expect(d.ruleId).toBe("syntax-error");
      expect(d.severity).toBe("error");
      expect(d.range.start.offset).toBeLessThanOrEqual(d.range.end.offset);
      expect(d.range.end.offset).toBeLessThanOrEqual(text.length);
    }
  });
});

describe("a missing '}' is found where the block ends", () => {
  const UNCLOSED = "This '{' has no matching '}':";

  it.each([
    [
      "a header left open: its block ends where the indentation goes back",
      ["layout call {", "  icon call", '  header "T" {', '    tag warning "x"', "  body {", '    text "x"', "  }", "}", "", "badge b failure {", '  value "y"', "}"],
      [`3:14-3:15 ${UNCLOSED} the block seems to end before line 5, which is indented no deeper than this line. Add the '}' there.`],
      ['layout call { icon call; header "T" { tag warning "x" }; body { text "x" } }', 'badge b failure { value "y" }'],
    ],
    [
      "two blocks left open before a declaration at the left margin: both are named",
      ["layout call {", "  body {", '    text "x"', "", "badge b failure {", '  value "y"', "}"],
      [
        `1:13-1:14 ${UNCLOSED} the block seems to end before line 5, where 'badge' starts a new declaration. Add the '}' there.`,
        `2:8-2:9 ${UNCLOSED} the block seems to end before line 5, where 'badge' starts a new declaration. Add the '}' there.`,
      ],
      ['layout call { body { text "x" } }', 'badge b failure { value "y" }'],
    ],
    [
      "a '}' indented like an outer block's closes that block",
      ["layout call {", "  body {", '    text "x"', "}", 'blocks extra { text "y" }'],
      [`2:8-2:9 ${UNCLOSED} the '}' on line 4 is indented like an outer block's and closes that one. Add a '}' before it.`],
      ['layout call { body { text "x" } }', 'blocks extra { text "y" }'],
    ],
    [
      "no indentation: a declaration keyword at the left margin still ends the block",
      ["layout call {", 'header "x"', "badge b failure {", 'title "x"', "}"],
      [`1:13-1:14 ${UNCLOSED} the block seems to end before line 3, where 'badge' starts a new declaration. Add the '}' there.`],
      ['layout call { header "x" }', 'badge b failure { title "x" }'],
    ],
    [
      "a field named like a declaration, without a block, is not a new declaration",
      ["activity a {", "layout incoming", "ownerId 1", "", "blocks b {", '  text "x"', "}"],
      [`1:12-1:13 ${UNCLOSED} the block seems to end before line 5, where 'blocks' starts a new declaration. Add the '}' there.`],
      ["activity a { layout incoming; ownerId 1 }", 'blocks b { text "x" }'],
    ],
  ])("%s", (_name, lines, expectedErrors, expectedStatements) => {
    const text = lines.join("\n");
    expect(errors(text)).toEqual(expectedErrors);
    expect(statements(text)).toEqual(expectedStatements);
  });

  it.each([
    ["braces that balance, however indented", ["layout a {", "body {", '      text "x"', "  }", "      }", "badge b failure {", '  value "y"', "}"]],
    ["a block closed on the line of its last statement", ["layout a {", "  body {", '    text "x" }', "  footer { }", "}"]],
  ])("%s: parsed as before, without errors", (_name, lines) => {
    expect(errors(lines.join("\n"))).toEqual([]);
  });

  it("indentation that does not explain the missing '}' is not trusted: the error stays at the end of the file", () => {
    // By indentation, the body would end at line 4 and the '}' on line 6 would be one too many: more
    // braces missing than by matching them one by one, so the braces are matched one by one.
    const text = ["layout a {", "  body {", '    text "x"', '  text "y"', "  }", "}", "blocks c {", '  text "z"'].join("\n");
    expect(errors(text)).toEqual(["8:11-8:11 Expected '}' to close the block opened at line 7, column 10, but found end of file."]);
  });
});
