import { describe, expect, it } from "vitest";
import { parse } from "../../src/syntax/parser.js";
import type { Position, Range, Statement, StringLiteral } from "../../src/syntax/ast.js";
import { renderDiagnostic, renderDocument } from "./render.js";

/** Parses text that must be free of syntax errors and renders its statements. */
function shape(text: string): string[] {
  const result = parse(text);
  expect(result.diagnostics.map(renderDiagnostic)).toEqual([]);
  return renderDocument(result.document);
}

/** A copy of a syntax tree without its `range` properties, to compare shapes. */
function withoutRanges(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(withoutRanges);
  if (node === null || typeof node !== "object") return node;
  return Object.fromEntries(Object.entries(node).filter(([k]) => k !== "range").map(([k, v]) => [k, withoutRanges(v)]));
}

function errors(text: string): string[] {
  return parse(text).diagnostics.map(renderDiagnostic);
}

function pos(offset: number, line: number, column: number): Position {
  return { offset, line, column };
}

function range(start: Position, end: Position): Range {
  return { start, end };
}

function firstStatement(text: string): Statement {
  const result = parse(text);
  expect(result.diagnostics).toEqual([]);
  return result.document.statements[0]!;
}

function stringValue(text: string): StringLiteral {
  const arg = firstStatement(text).args[0]!;
  expect(arg.kind).toBe("String");
  return arg as StringLiteral;
}

describe("statements", () => {
  it.each([
    ["a bare name", "icon", ["icon"]],
    ["a word argument with inner hyphens", "icon call-completed", ["icon call-completed"]],
    ["a word never ends with a hyphen, so `bold->` splits", 'link "x" bold-> redirect "/y"', ['link "x" bold -> redirect "/y"']],
    ["a label", 'client: text "x"', ['client: text "x"']],
    ["a quoted label", '"1": text "x"', ['"1": text "x"']],
    ["a quoted label with spaces and escapes", '"a b\\"c": text', ['"a b\\"c": text']],
    ["words that start like keywords are words", "x trueish nullable false-y", ["x trueish nullable false-y"]],
    ["statements end at a line break", "a 1\nb 2\n\n\nc", ["a 1", "b 2", "c"]],
    ["`;` separates statements on one line", "a 1; b 2;; c", ["a 1", "b 2", "c"]],
    ["CRLF and CR line breaks end statements too", "a\r\nb\rc", ["a", "b", "c"]],
    ["a file may be empty", "", []],
    ["a file of blank lines, separators and comments has no statements", "\n ;\n// x\n/* y */\n", []],
  ])("%s", (_name, text, expected) => {
    expect(shape(text)).toEqual(expected);
  });
});

describe("arguments of every kind", () => {
  it.each([
    ["strings", 'x "a" "b c"', ['x "a" "b c"']],
    ["multi-line strings", 'x """a"""', ['x """"a""""']],
    ["integers, negatives, decimals and exponents", "x 0 7 -3 1.5 -0.25 2e3 1E-2", ["x 0 7 -3 1.5 -0.25 2e3 1E-2"]],
    ["booleans and null", "x true false null", ["x true false null"]],
    ["translation references, with inner hyphens", "x @incoming @call-status @a_b", ["x @incoming @call-status @a_b"]],
    ["words", "x primary base_70 call-completed UF_CRM_1", ["x primary base_70 call-completed UF_CRM_1"]],
    ["lists", "x [60, 300] [] [\"a\", @b, true, null]", ['x [60, 300] [] ["a", @b, true, null]']],
    ["nested lists and maps in lists", "x [[1, 2], [3]] [{ a: 1 }]", ["x [[1, 2], [3]] [map{a: 1}]"]],
    ["a multi-line list with commas and line breaks", "x [\n  1,\n  2\n  3,\n]", ["x [1, 2, 3]"]],
    ["everything in one head line", 'x word "s" 1 true null @k [1] { a: 2 }', ['x word "s" 1 true null @k [1] map{a: 2}']],
  ])("%s", (_name, text, expected) => {
    expect(shape(text)).toEqual(expected);
  });

  it("keeps each value's decoded form and source", () => {
    const s = firstStatement('x "a" 2e3 -1.5 true null @key word [1] { k: "v" }');
    expect(withoutRanges(s.args)).toEqual([
      { kind: "String", value: "a", multiline: false },
      { kind: "Number", value: 2000, raw: "2e3" },
      { kind: "Number", value: -1.5, raw: "-1.5" },
      { kind: "Boolean", value: true },
      { kind: "Null" },
      { kind: "TranslationRef", key: "key" },
      { kind: "Identifier", name: "word" },
      { kind: "List", items: [{ kind: "Number", value: 1, raw: "1" }] },
      {
        kind: "Map",
        entries: [
          {
            kind: "MapEntry",
            key: { kind: "Label", value: "k", quoted: false },
            value: { kind: "String", value: "v", multiline: false },
          },
        ],
      },
    ]);
  });

  it("builds the whole statement node: label, name, arguments, action and body", () => {
    const s = firstStatement('k: link "t" bold -> redirect "/x" { scope web }');
    expect(withoutRanges(s)).toEqual({
      kind: "Statement",
      label: { kind: "Label", value: "k", quoted: false },
      name: { kind: "Identifier", name: "link" },
      args: [
        { kind: "String", value: "t", multiline: false },
        { kind: "Identifier", name: "bold" },
      ],
      action: {
        kind: "Action",
        name: { kind: "Identifier", name: "redirect" },
        args: [{ kind: "String", value: "/x", multiline: false }],
      },
      body: {
        kind: "Body",
        statements: [
          {
            kind: "Statement",
            label: undefined,
            name: { kind: "Identifier", name: "scope" },
            args: [{ kind: "Identifier", name: "web" }],
            action: undefined,
            body: undefined,
          },
        ],
      },
    });
  });
});

describe("maps", () => {
  it.each([
    ["a language map", 'value { en: "Missed", de: "Verpasst" }', ['value map{en: "Missed", de: "Verpasst"}']],
    ["nested maps and lists as values", "x { a: { b: 1, c: { d: true } }, e: [1, 2] }", ["x map{a: map{b: 1, c: map{d: true}}, e: [1, 2]}"]],
    ["quoted keys", 'x { "en-US": "a", "1": 2 }', ['x map{"en-US": "a", "1": 2}']],
    ["entries on their own lines, no commas", 'x {\n  en: "a"\n  de: "b"\n}', ['x map{en: "a", de: "b"}']],
    ["entries on their own lines, with commas and a trailing comma", 'x {\n  en: "a",\n  de: "b",\n}', ['x map{en: "a", de: "b"}']],
    ["a leading comma on the next line", 'x { en: "a"\n  , de: "b" }', ['x map{en: "a", de: "b"}']],
    ["the value on the line after its key", 'x { en:\n  "a" }', ['x map{en: "a"}']],
    ["the first entry on the line after `{`", 'x {\n\n  en: "a" }', ['x map{en: "a"}']],
    ["a map of @refs and numbers", "x { a: @k, b: -1 }", ["x map{a: @k, b: -1}"]],
  ])("%s", (_name, text, expected) => {
    expect(shape(text)).toEqual(expected);
  });
});

describe("map or body: the first entry decides", () => {
  it.each([
    ["`{ en: \"x\" }` is a map argument", 'value { en: "x" }', ['value map{en: "x"}']],
    ["`{ text \"x\" }` is a body", 'inline { text "x" }', ['inline { text "x" }']],
    ["`{ client: text \"x\" }` is a body: a label and a statement", 'body { client: text "x" }', ['body { client: text "x" }']],
    ["`{ en: x }` is a body: a bare word is not a map value", "x { en: x }", ["x { en: x }"]],
    ["`{}` after a statement head is a body", "menu {}", ["menu { }"]],
    ["`{}` after head arguments is a body", 'button primary "x" {}', ['button primary "x" { }']],
    ["`{}` in action arguments is a map", 'button "x" -> openRestApp {}', ['button "x" -> openRestApp map{}']],
    ["a map in action arguments, then a body", 'button "x" -> openRestApp { a: 1 } {\n  scope web\n}', ['button "x" -> openRestApp map{a: 1} { scope web }']],
    ["a body after action arguments", 'link "x" -> redirect "/y" { bold true }', ['link "x" -> redirect "/y" { bold true }']],
    ["a map argument then a body", 'x { a: 1 } { b 2 }', ["x map{a: 1} { b 2 }"]],
  ])("%s", (_name, text, expected) => {
    expect(shape(text)).toEqual(expected);
  });
});

describe("bodies", () => {
  it.each([
    ["statements on their own lines", "layout l {\n  icon info\n  header \"T\"\n}", ['layout l { icon info; header "T" }']],
    ["statements separated by `;`", 'en { incoming "a"; client "b" }', ['en { incoming "a"; client "b" }']],
    ["nested bodies", "a { b { c { d } } }", ["a { b { c { d } } }"]],
    ["a body on one line with a labelled statement", 'x { k: text "v"; bold }', ['x { k: text "v"; bold }']],
    ["blank lines and separators inside a body", "a {\n\n ;\n b\n\n}", ["a { b }"]],
    ["an empty body spanning lines", "a {\n}", ["a { }"]],
  ])("%s", (_name, text, expected) => {
    expect(shape(text)).toEqual(expected);
  });
});

describe("actions", () => {
  it.each([
    ["an action with a string", 'link "x" -> redirect "/crm/"', ['link "x" -> redirect "/crm/"']],
    ["an action with several arguments", 'item "x" -> restEvent "confirm" loader', ['item "x" -> restEvent "confirm" loader']],
    [
      "an action with a map, a word and a map",
      'b -> openRestApp { clientId: 456 } sliderParams { width: 700 }',
      ["b -> openRestApp map{clientId: 456} sliderParams map{width: 700}"],
    ],
    ["a line starting with `->` continues the statement", 'button primary "x"\n  -> redirect "/y"', ['button primary "x" -> redirect "/y"']],
    ["the continuation may follow blank lines and comments", "a\n\n  // why\n  -> b", ["a -> b"]],
    ["a continued action may open a body", 'a\n  -> b "c" {\n  d\n}', ['a -> b "c" { d }']],
    ["an action right after the name", "a -> b", ["a -> b"]],
    ["an action and a labelled statement", 'k: link "t" -> redirect "/"', ['k: link "t" -> redirect "/"']],
  ])("%s", (_name, text, expected) => {
    expect(shape(text)).toEqual(expected);
  });
});

describe("comments", () => {
  it("collects line and block comments in document.comments, with their ranges", () => {
    const text = "// head\na 1 // tail\n/* one\n   two */ b /* in */ 2\n";
    const result = parse(text);
    expect(result.diagnostics).toEqual([]);
    expect(renderDocument(result.document)).toEqual(["a 1", "b 2"]);
    expect(result.document.comments).toEqual([
      { kind: "Comment", text: "// head", block: false, range: range(pos(0, 1, 1), pos(7, 1, 8)) },
      { kind: "Comment", text: "// tail", block: false, range: range(pos(12, 2, 5), pos(19, 2, 12)) },
      { kind: "Comment", text: "/* one\n   two */", block: true, range: range(pos(20, 3, 1), pos(36, 4, 10)) },
      { kind: "Comment", text: "/* in */", block: true, range: range(pos(39, 4, 13), pos(47, 4, 21)) },
    ]);
  });

  it("a comment does not end a statement that continues with `->`", () => {
    expect(shape("a /* x */\n-> b // y\n")).toEqual(["a -> b"]);
  });

  it("`//` and `/*` inside strings are text", () => {
    expect(shape('x "http://a/*b*/"')).toEqual(['x "http://a/*b*/"']);
    expect(parse('x "http://a"').document.comments).toEqual([]);
  });
});

describe("ranges", () => {
  const text = 'layout l {\n  header @t -> redirect "/x" {\n    k: tag warning "y"\n  }\n}\n';
  const layout = () => firstStatement(text);
  const header = () => layout().body!.statements[0]!;

  it("a statement spans from its first to its last token; the document spans the text", () => {
    expect(layout().range).toEqual(range(pos(0, 1, 1), pos(70, 5, 2)));
    expect(header().range).toEqual(range(pos(13, 2, 3), pos(68, 4, 4)));
    expect(parse(text).document.range).toEqual(range(pos(0, 1, 1), pos(71, 6, 1)));
  });

  it("names, arguments, actions and bodies have exact ranges", () => {
    const h = header();
    expect(h.name.range).toEqual(range(pos(13, 2, 3), pos(19, 2, 9)));
    expect(h.args[0]!.range).toEqual(range(pos(20, 2, 10), pos(22, 2, 12)));
    expect(h.action!.range).toEqual(range(pos(23, 2, 13), pos(39, 2, 29)));
    expect(h.action!.name.range).toEqual(range(pos(26, 2, 16), pos(34, 2, 24)));
    expect(h.body!.range).toEqual(range(pos(40, 2, 30), pos(68, 4, 4)));
  });

  it("a labelled statement starts at its label", () => {
    const tag = header().body!.statements[0]!;
    expect(tag.label!.range).toEqual(range(pos(46, 3, 5), pos(47, 3, 6)));
    expect(tag.range).toEqual(range(pos(46, 3, 5), pos(64, 3, 23)));
    expect(tag.args[1]!.range).toEqual(range(pos(61, 3, 20), pos(64, 3, 23)));
  });

  it("map entries span key to value; maps and lists span their brackets", () => {
    const s = firstStatement('x { en: "a",\n  de: [1] }');
    const map = s.args[0]!;
    expect(map.range).toEqual(range(pos(2, 1, 3), pos(24, 2, 12)));
    if (map.kind !== "Map") throw new Error("expected a map");
    expect(map.entries[1]!.range).toEqual(range(pos(15, 2, 3), pos(22, 2, 10)));
    expect(map.entries[1]!.value.range).toEqual(range(pos(19, 2, 7), pos(22, 2, 10)));
  });

  it("a continued action's statement ends where the action ends", () => {
    const s = firstStatement('b "t"\n  -> redirect "/x"');
    expect(s.range).toEqual(range(pos(0, 1, 1), pos(24, 2, 19)));
  });

  it("counts CRLF as one line break, and lines after a multi-line string", () => {
    const result = parse('a\r\nb """\r\n  x\r\n  """ c\r\nd');
    expect(result.diagnostics).toEqual([]);
    const [, b, d] = result.document.statements;
    expect(b!.name.range.start).toEqual(pos(3, 2, 1));
    expect(b!.args[1]!.range).toEqual(range(pos(21, 4, 7), pos(22, 4, 8)));
    expect(d!.range.start).toEqual(pos(24, 5, 1));
  });

  it("columns count UTF-16 code units", () => {
    const s = firstStatement('x "😀" y');
    expect(s.args[1]!.range).toEqual(range(pos(7, 1, 8), pos(8, 1, 9)));
  });
});

describe("string escapes", () => {
  it.each([
    ["\\n", '"a\\nb"', "a\nb"],
    ["\\t", '"a\\tb"', "a\tb"],
    ['\\"', '"a\\"b"', 'a"b'],
    ["\\\\", '"a\\\\b"', "a\\b"],
    ["\\/", '"a\\/b"', "a/b"],
    ["\\r", '"a\\rb"', "a\rb"],
    ["\\uXXXX", '"\\u0041\\u00e9"', "Aé"],
    ["\\u{…} beyond the BMP", '"\\u{1F600}"', "😀"],
    ["\\u{…} with few digits", '"\\u{41}"', "A"],
    ["an escaped backslash before a quote", '"\\\\"', "\\"],
    ["escapes in multi-line strings", '"""a\\tb\\u0041"""', "a\tbA"],
  ])("%s", (_name, literal, value) => {
    expect(stringValue(`x ${literal}`).value).toBe(value);
  });

  it.each([
    ["an unknown escape", 'x "a\\qb"', ["1:5-1:7 Unknown escape sequence '\\q'. Use \\n, \\t, \\\", \\\\ or \\uXXXX."]],
    ["\\u with too few digits", 'x "\\u12"', ["1:4-1:6 Invalid unicode escape: write \\uXXXX or \\u{X…} with hexadecimal digits."]],
    ["\\u{…} beyond U+10FFFF", 'x "\\u{110000}"', ["1:4-1:6 Invalid unicode escape: write \\uXXXX or \\u{X…} with hexadecimal digits."]],
    ["\\u{} with no digits", 'x\ny "ab\\u{}"', ["2:6-2:8 Invalid unicode escape: write \\uXXXX or \\u{X…} with hexadecimal digits."]],
    [
      "two bad escapes in one string",
      'x "\\a\\b\\c"',
      ["1:4-1:6 Unknown escape sequence '\\a'. Use \\n, \\t, \\\", \\\\ or \\uXXXX.", "1:8-1:10 Unknown escape sequence '\\c'. Use \\n, \\t, \\\", \\\\ or \\uXXXX."],
    ],
    ["a bad escape in a quoted label", '"a\\z": x', ["1:3-1:5 Unknown escape sequence '\\z'. Use \\n, \\t, \\\", \\\\ or \\uXXXX."]],
    [
      "a bad escape in a multi-line string, on its second line",
      'x """\n  ok\n  \\q\n  """',
      ["3:3-3:5 Unknown escape sequence '\\q'. Use \\n, \\t, \\\", \\\\ or \\uXXXX."],
    ],
  ])("%s is reported at its exact position", (_name, text, expected) => {
    expect(errors(text)).toEqual(expected);
  });

  it("keeps the character after an unknown escape, so the rest of the text survives", () => {
    expect(parse('x "a\\qb"').document.statements[0]!.args[0]).toMatchObject({ kind: "String", value: "aqb" });
  });
});

describe('multi-line strings (""")', () => {
  it.each([
    ["the closing quotes' indentation is removed from every line", 'x """\n    Long text\n    second line\n    """', "Long text\nsecond line"],
    ["deeper lines keep their extra indentation", 'x """\n  a\n    b\n  """', "a\n  b"],
    ["a less indented line loses only its own indentation", 'x """\n    a\n  b\n    """', "a\nb"],
    ["tabs count as indentation", 'x """\n\t\ta\n\t\t"""', "a"],
    ["blank lines inside are kept", 'x """\n  a\n\n  b\n  """', "a\n\nb"],
    ["CRLF line breaks become \\n", 'x """\r\n  a\r\n  b\r\n  """', "a\nb"],
    ["a one-line form keeps its text as is", 'x """a "quoted" b"""', 'a "quoted" b'],
    ["the closing quotes after text keep everything", 'x """\n  a\n  b"""', "  a\n  b"],
    ["an empty string", 'x """"""', ""],
    ["an empty block", 'x """\n  """', ""],
    ["single quotes and backslash escapes inside", 'x """\n  say "hi"\\n\n  """', 'say "hi"\n'],
  ])("%s", (_name, text, value) => {
    const s = stringValue(text);
    expect(s.multiline).toBe(true);
    expect(s.value).toBe(value);
  });

  it("the brief's largeText example", () => {
    const body = firstStatement('body {\n    largeText """\n      Long text\n      second line\n      """\n  }').body!;
    expect(body.statements[0]!.args[0]).toMatchObject({ kind: "String", value: "Long text\nsecond line", multiline: true });
  });
});

describe("unterminated strings and comments", () => {
  it.each([
    [
      "a string without its closing quote",
      'text "abc\nbold',
      ["1:6-1:10 Unterminated string: add the closing '\"' before the end of the line."],
      ['text "abc"', "bold"],
    ],
    [
      "a string ending in a backslash",
      'text "ab\\\nbold',
      ["1:6-1:10 Unterminated string: add the closing '\"' before the end of the line.", "1:9-1:10 A string cannot end with a lone backslash."],
      ['text "ab"', "bold"],
    ],
    [
      "a multi-line string without closing quotes",
      'a\nx """abc\n  def',
      ["2:3-2:6 Unterminated multi-line string: '\"\"\"' has no matching '\"\"\"'."],
      ["a", 'x """"abc\\n  def""""'],
    ],
    ["a block comment without `*/`", "a\nb /* x\n c", ["2:3-2:5 Unterminated comment: '/*' has no matching '*/'."], ["a", "b"]],
  ])("%s", (_name, text, expected, statements) => {
    const result = parse(text);
    expect(result.diagnostics.map(renderDiagnostic)).toEqual(expected);
    expect(renderDocument(result.document)).toEqual(statements);
  });
});
