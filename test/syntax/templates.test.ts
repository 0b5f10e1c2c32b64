/**
 * Parsing of templates: parameter lists with every type form, `$references` and `${interpolation}`
 * in strings, and the syntax errors of each, in words and at their exact places.
 */
import { describe, expect, it } from "vitest";
import { parse } from "../../src/syntax/parser.js";
import type { Argument, ParameterList, Position, Range, Statement, StringLiteral, StringPart } from "../../src/syntax/ast.js";
import { renderDiagnostic, renderDocument } from "./render.js";

/** Parses text that must be free of syntax errors and renders its statements. */
function shape(text: string): string[] {
  const result = parse(text);
  expect(result.diagnostics.map(renderDiagnostic)).toEqual([]);
  return renderDocument(result.document);
}

function errors(text: string): string[] {
  return parse(text).diagnostics.map(renderDiagnostic);
}

function statements(text: string): string[] {
  return renderDocument(parse(text).document);
}

/** A copy of a syntax tree without its `range` properties, to compare shapes. */
function withoutRanges(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(withoutRanges);
  if (node === null || typeof node !== "object") return node;
  return Object.fromEntries(
    Object.entries(node)
      .filter(([k]) => k !== "range")
      .map(([k, v]) => [k, withoutRanges(v)]),
  );
}

function pos(offset: number, line: number, column: number): Position {
  return { offset, line, column };
}

function range(start: Position, end: Position): Range {
  return { start, end };
}

/** `line:column-line:column`, as in the diagnostics. */
function at(r: Range): string {
  return `${r.start.line}:${r.start.column}-${r.end.line}:${r.end.column}`;
}

function firstStatement(text: string): Statement {
  const result = parse(text);
  expect(result.diagnostics.map(renderDiagnostic)).toEqual([]);
  return result.document.statements[0]!;
}

/** The parameter list of the first statement (its only argument that is one). */
function parameterList(text: string): ParameterList {
  const list = firstStatement(text).args.find((a): a is ParameterList => a.kind === "ParameterList");
  expect(list).toBeDefined();
  return list!;
}

function stringArgument(arg: Argument | undefined): StringLiteral {
  expect(arg?.kind).toBe("String");
  return arg as StringLiteral;
}

/** The parts of a string, an interpolation shown as `${path}@range`. */
function parts(s: StringLiteral): (string | undefined)[] | undefined {
  return s.parts?.map((p: StringPart) => (typeof p === "string" ? p : `\${${p.path.join(".")}}@${at(p.range)}`));
}

describe("parameter lists", () => {
  it.each([
    // Types
    ["every named type", "layout l(a: string, b: int, c: bool, d: url, e: datetime) { icon info }", ["layout l (a: string, b: int, c: bool, d: url, e: datetime) { icon info }"]],
    ["an unknown type name still parses (the checker reports it)", "blocks b(a: money) {}", ["blocks b (a: money) { }"]],
    ["a string literal type", 'blocks b(mode: "web") {}', ['blocks b (mode: "web") { }']],
    ["a literal type with escapes", 'blocks b(mode: "a\\"b") {}', ['blocks b (mode: "a\\"b") { }']],
    ["a union of literals", 'blocks b(mode: "web" | "mobile" | "desk") {}', ['blocks b (mode: "web" | "mobile" | "desk") { }']],
    ["a union of a named type and a literal", 'blocks b(v: int | "none") {}', ['blocks b (v: int | "none") { }']],
    ["lists, and lists of lists", "blocks b(items: string[], m: int[][]) {}", ["blocks b (items: string[], m: int[][]) { }"]],
    ["bounded lists", "blocks b(items: string[max 9], m: int[max 2][], r: { a: int }[max 0]) {}", ["blocks b (items: string[max 9], m: int[max 2][], r: { a: int }[max 0]) { }"]],
    ["a union of lists", 'blocks b(v: string[] | "none") {}', ['blocks b (v: string[] | "none") { }']],
    ["a record with an optional field", "blocks b(r: { name: string, price?: int }) {}", ["blocks b (r: { name: string, price?: int }) { }"]],
    ["an empty record", "blocks b(r: {}) {}", ["blocks b (r: {  }) { }"]],
    ["a list of records", "blocks b(products: { name: string, price: int }[]) {}", ["blocks b (products: { name: string, price: int }[]) { }"]],
    [
      "records and lists nested in each other",
      'blocks b(r: { name: string, tags: { t: "a" | "b", at?: datetime[] }[] }[]) {}',
      ['blocks b (r: { name: string, tags: { t: "a" | "b", at?: datetime[] }[] }[]) { }'],
    ],

    // Optional parameters and defaults
    ["optional parameters, of named and record types", "blocks b(a?: string, b?: { x?: int }) {}", ["blocks b (a?: string, b?: { x?: int }) { }"]],
    ["an optional parameter with a default", 'blocks b(a?: string = "x") {}', ['blocks b (a?: string = "x") { }']],
    ["a string default", 'blocks b(a: string = "x") {}', ['blocks b (a: string = "x") { }']],
    ["an empty string default", 'blocks b(a: string = "") {}', ['blocks b (a: string = "") { }']],
    ["a multi-line string default", 'blocks b(a: string = """t""") {}', ['blocks b (a: string = """"t"""") { }']],
    ["integer, negative and decimal defaults", "blocks b(a: int = 0, b: int = -3, c: int = 1.5) {}", ["blocks b (a: int = 0, b: int = -3, c: int = 1.5) { }"]],
    ["boolean defaults", "blocks b(c: bool = true, d: bool = false) {}", ["blocks b (c: bool = true, d: bool = false) { }"]],
    ["a null default", "blocks b(e: string = null) {}", ["blocks b (e: string = null) { }"]],
    ["an empty list default", "blocks b(f: string[] = [], g: { a: int }[] = []) {}", ["blocks b (f: string[] = [], g: { a: int }[] = []) { }"]],
    ["a literal-union default", 'blocks b(channel: "web" | "mobile" = "web") {}', ['blocks b (channel: "web" | "mobile" = "web") { }']],

    // Layout of the text
    ["an empty parameter list", "blocks b() {}", ["blocks b () { }"]],
    ["no spaces at all", 'blocks b(a:string,b?:int=1,c:"x"|"y") {}', ['blocks b (a: string, b?: int = 1, c: "x" | "y") { }']],
    ["one parameter a line", "blocks b(\n  a: string,\n  b: int\n) {}", ["blocks b (a: string, b: int) { }"]],
    ["a trailing comma", "blocks b(a: string, b: int,) {}", ["blocks b (a: string, b: int) { }"]],
    ["a trailing comma before a line break, then a body", 'blocks b(\n  a: string,\n  b: int,\n) {\n  text "x"\n}', ['blocks b (a: string, b: int) { text "x" }']],
    ["leading commas", "blocks b(\n  a: string\n  , b: int\n) {}", ["blocks b (a: string, b: int) { }"]],
    ["comments between parameters", "blocks b(\n  a: string // the name\n  , b: int /* n */\n) {}", ["blocks b (a: string, b: int) { }"]],
    ["record fields one a line, without commas", "blocks b(r: {\n  name: string\n  price: int\n}) {}", ["blocks b (r: { name: string, price: int }) { }"]],
    ["record fields one a line, with a trailing comma", "blocks b(r: {\n  a: int,\n  b: int,\n}) {}", ["blocks b (r: { a: int, b: int }) { }"]],
    ["a union continued after '|' on the next line", 'blocks b(m: "a" |\n    "b") {}', ['blocks b (m: "a" | "b") { }']],
    ["a union continued with '|' at the start of the next line", 'blocks b(m: "a"\n  | "b") {}', ['blocks b (m: "a" | "b") { }']],
    ["the type on the line after ':'", "blocks b(a:\n    string) {}", ["blocks b (a: string) { }"]],
    ["the default on the line after '='", 'blocks b(a: string =\n    "x") {}', ['blocks b (a: string = "x") { }']],
    [
      "the whole background example",
      [
        'layout incomingCall(clientName: string, dealId: int, missed: bool = false, channel: "web" | "mobile" = "web", products: { name: string, price: int }[] = []) {',
        "  icon call-completed",
        "}",
      ].join("\n"),
      ['layout incomingCall (clientName: string, dealId: int, missed: bool = false, channel: "web" | "mobile" = "web", products: { name: string, price: int }[] = []) { icon call-completed }'],
    ],
  ])("%s", (_name, text, expected) => {
    expect(shape(text)).toEqual(expected);
  });

  it("builds parameter, type and default nodes", () => {
    const list = parameterList('blocks b(a?: string = "x", r: { n: int, o?: "p" | "q" }[]) {}');
    expect(withoutRanges(list)).toEqual({
      kind: "ParameterList",
      parameters: [
        {
          kind: "Parameter",
          name: { kind: "Identifier", name: "a" },
          optional: true,
          type: { kind: "NamedType", name: "string" },
          defaultValue: { kind: "String", value: "x", multiline: false },
        },
        {
          kind: "Parameter",
          name: { kind: "Identifier", name: "r" },
          optional: false,
          type: {
            kind: "ListType",
            of: {
              kind: "RecordType",
              fields: [
                { kind: "RecordField", name: { kind: "Identifier", name: "n" }, optional: false, type: { kind: "NamedType", name: "int" } },
                {
                  kind: "RecordField",
                  name: { kind: "Identifier", name: "o" },
                  optional: true,
                  type: {
                    kind: "UnionType",
                    members: [
                      { kind: "LiteralType", value: "p" },
                      { kind: "LiteralType", value: "q" },
                    ],
                  },
                },
              ],
            },
          },
          defaultValue: undefined,
        },
      ],
    });
  });

  it.each([
    ["a number", "blocks b(a: int = -3) {}", { kind: "Number", value: -3, raw: "-3" }],
    ["true", "blocks b(a: bool = true) {}", { kind: "Boolean", value: true }],
    ["false", "blocks b(a: bool = false) {}", { kind: "Boolean", value: false }],
    ["null", "blocks b(a: string = null) {}", { kind: "Null" }],
    ["[]", "blocks b(a: int[] = []) {}", { kind: "List", items: [] }],
    ["a multi-line string", 'blocks b(a: string = """\n  x\n  """) {}', { kind: "String", value: "x", multiline: true }],
  ])("keeps a default of %s as its value node", (_name, text, expected) => {
    expect(withoutRanges(parameterList(text).parameters[0]!.defaultValue)).toEqual(expected);
  });

  it("gives the list, each parameter and each type its exact range", () => {
    const text = 'blocks b(a?: string = "x",\n  r: { n: int }[]) {}';
    const list = parameterList(text);
    expect(list.range).toEqual(range(pos(8, 1, 9), pos(45, 2, 19)));
    const [a, r] = list.parameters;
    expect(a!.range).toEqual(range(pos(9, 1, 10), pos(25, 1, 26)));
    expect(a!.name.range).toEqual(range(pos(9, 1, 10), pos(10, 1, 11)));
    expect(a!.type!.range).toEqual(range(pos(13, 1, 14), pos(19, 1, 20)));
    expect(a!.defaultValue!.range).toEqual(range(pos(22, 1, 23), pos(25, 1, 26)));
    expect(r!.range).toEqual(range(pos(29, 2, 3), pos(44, 2, 18)));
    expect(r!.type!.range).toEqual(range(pos(32, 2, 6), pos(44, 2, 18)));
    const type = r!.type!;
    if (type.kind !== "ListType") throw new Error("expected a list type");
    expect(type.of.range).toEqual(range(pos(32, 2, 6), pos(42, 2, 16)));
  });

  it("a union spans its first to its last member", () => {
    const [p] = parameterList('blocks b(m: "a" | "b") {}').parameters;
    expect(at(p!.type!.range)).toBe("1:13-1:22");
  });

  it("a declaration's body follows its parameter list", () => {
    const s = firstStatement('layout l(a: string) {\n  icon info\n  header "${a}"\n}');
    expect(s.args.map((a) => a.kind)).toEqual(["Identifier", "ParameterList"]);
    expect(renderDocument(parse('layout l(a: string) {\n  icon info\n  header "${a}"\n}').document)).toEqual(['layout l (a: string) { icon info; header template"${a}" }']);
  });
});

describe("parameter references", () => {
  it.each([
    ["in statement arguments, with fields", "x $a $a.b.c", ["x $a $a.b.c"]],
    ["in action arguments", "x -> redirect $u", ["x -> redirect $u"]],
    ["as map values", "x { a: $p.q, b: [$x, 1] }", ["x map{a: $p.q, b: [$x, 1]}"]],
    ["in lists", "x [$a, $b.c]", ["x [$a, $b.c]"]],
    ["in a map of an action", 'x -> restEvent "e" { id: $item.id }', ['x -> restEvent "e" map{id: $item.id}']],
    ["in conditions of when", 'when $a is "x" { t: text "y" }', ['when $a is "x" { t: text "y" }']],
    ["in the list of each", 'each p in $ps { t: text "${p.name}" }', ['each p in $ps { t: text template"${p.name}" }']],
    ["with digits and underscores", "x $a_1.b2", ["x $a_1.b2"]],
  ])("%s", (_name, text, expected) => {
    expect(shape(text)).toEqual(expected);
  });

  it("keeps the path and the range of each reference", () => {
    const s = firstStatement("x $a.b.c { k: [$d] }");
    expect(withoutRanges(s.args)).toEqual([
      { kind: "ParamRef", path: ["a", "b", "c"] },
      {
        kind: "Map",
        entries: [{ kind: "MapEntry", key: { kind: "Label", value: "k", quoted: false }, value: { kind: "List", items: [{ kind: "ParamRef", path: ["d"] }] } }],
      },
    ]);
    expect(s.args[0]!.range).toEqual(range(pos(2, 1, 3), pos(8, 1, 9)));
  });

  it.each([
    ["a '$' alone", "x $", ["1:3-1:4 Unexpected character '$'."], ["x"]],
    ["a '$' before a digit", "x $1", ["1:3-1:4 Unexpected character '$'."], ["x 1"]],
    ["a hyphen in a reference", "x $a-b", ["1:5-1:6 Unexpected character '-'."], ["x $a b"]],
  ])("%s", (_name, text, expectedErrors, expectedStatements) => {
    expect(errors(text)).toEqual(expectedErrors);
    expect(statements(text)).toEqual(expectedStatements);
  });
});

describe("interpolation", () => {
  it.each([
    ["one in the middle", 'x "a ${b} c"', "a ${b} c", ["a ", "${b}@1:6-1:10", " c"]],
    ["one with fields, alone", 'x "${a.b.c}"', "${a.b.c}", ["${a.b.c}@1:4-1:12"]],
    ["spaces inside the braces", 'x "${ a }"', "${a}", ["${a}@1:4-1:10"]],
    ["two in a row", 'x "${a}${b}"', "${a}${b}", ["${a}@1:4-1:8", "${b}@1:8-1:12"]],
    ["after an escape", 'x "a\\n${b.c} ${d}"', "a\n${b.c} ${d}", ["a\n", "${b.c}@1:7-1:13", " ", "${d}@1:14-1:18"]],
    ["after an escaped `${`", 'x "\\${a} ${b}"', "${a} ${b}", ["${a} ", "${b}@1:10-1:14"]],
    ["after an escaped backslash: `\\\\${a}`", 'x "\\\\${a}"', "\\${a}", ["\\", "${a}@1:6-1:10"]],
    ["in a URI", 'x -> redirect "/crm/deal/details/${dealId}/"', "/crm/deal/details/${dealId}/", ["/crm/deal/details/", "${dealId}@1:34-1:43", "/"]],
  ])("in a quoted string: %s", (_name, text, value, expected) => {
    const s = firstStatement(text);
    const str = stringArgument(s.action ? s.action.args[0] : s.args[0]);
    expect(str.value).toBe(value);
    expect(parts(str)).toEqual(expected);
  });

  it.each([
    ["`\\${` is a literal", 'x "\\${a}"', "${a}"],
    ["`$name` without braces is text", 'x "$a"', "$a"],
    ["a `$` before other text", 'x "costs 5$ {a}"', "costs 5$ {a}"],
    ["`\\${` in a multi-line string", 'x """\n  \\${a}\n  """', "${a}"],
  ])("no interpolation: %s", (_name, text, value) => {
    const str = stringArgument(firstStatement(text).args[0]);
    expect(str.value).toBe(value);
    expect(str.parts).toBeUndefined();
  });

  it("in a multi-line string: parts follow the indentation rule, positions stay on their lines", () => {
    const text = 'x """\n  line ${a}\n    ${b.c} end\n  """';
    const str = stringArgument(firstStatement(text).args[0]);
    expect(str.multiline).toBe(true);
    expect(str.value).toBe("line ${a}\n  ${b.c} end");
    expect(parts(str)).toEqual(["line ", "${a}@2:8-2:12", "\n  ", "${b.c}@3:5-3:11", " end"]);
  });

  it("in a multi-line string with CRLF line breaks", () => {
    const text = 'x """\r\n  l ${e}\r\n    ${f}\r\n  """';
    const str = stringArgument(firstStatement(text).args[0]);
    expect(str.value).toBe("l ${e}\n  ${f}");
    expect(parts(str)).toEqual(["l ", "${e}@2:5-2:9", "\n  ", "${f}@3:5-3:9"]);
  });

  it("interpolation nodes carry their path and exact range", () => {
    const str = stringArgument(firstStatement('x "a ${b.c}"').args[0]);
    expect(str.parts).toEqual(["a ", { kind: "Interpolation", path: ["b", "c"], range: range(pos(5, 1, 6), pos(11, 1, 12)) }]);
  });

  it.each([
    ["unterminated in a quoted string", 'x "a ${b"', ["1:6-1:8 Unterminated interpolation: '${' has no matching '}'. Write \\${ for a literal '${'."]],
    ["unterminated in a multi-line string", 'x """\n  a ${b\n  """', ["2:5-2:7 Unterminated interpolation: '${' has no matching '}'. Write \\${ for a literal '${'."]],
    ["a name starting with a digit", 'x "${1x}"', ["1:4-1:9 Invalid interpolation '${1x}': write ${name} or ${name.field} (a parameter or loop variable), or \\${ for a literal '${'."]],
    ["empty braces", 'x "${}"', ["1:4-1:7 Invalid interpolation '${}': write ${name} or ${name.field} (a parameter or loop variable), or \\${ for a literal '${'."]],
    ["a trailing dot", 'x "${a.}"', ["1:4-1:9 Invalid interpolation '${a.}': write ${name} or ${name.field} (a parameter or loop variable), or \\${ for a literal '${'."]],
    ["a hyphen", 'x "${a-b}"', ["1:4-1:10 Invalid interpolation '${a-b}': write ${name} or ${name.field} (a parameter or loop variable), or \\${ for a literal '${'."]],
    ["after other text, in a URI", 'x -> redirect "/d/${1x}/"', ["1:19-1:24 Invalid interpolation '${1x}': write ${name} or ${name.field} (a parameter or loop variable), or \\${ for a literal '${'."]],
  ])("%s", (_name, text, expected) => {
    expect(errors(text)).toEqual(expected);
  });
});

describe("syntax errors in parameter lists", () => {
  it.each([
    // ':' and types
    ["a missing ':'", 'blocks b(a string) {\n  text "x"\n}', ["1:12-1:18 Expected ':' and a type after parameter 'a' (for example 'a: string')."], ['blocks b () { text "x" }']],
    ["a name alone", "blocks b(a) {}", ["1:10-1:11 Expected ':' and a type after parameter 'a' (for example 'a: string')."], ["blocks b () { }"]],
    ["a doubled '?'", "blocks b(a?? : string) {}", ["1:12-1:13 Expected ':' and a type after parameter 'a' (for example 'a: string')."], ["blocks b () { }"]],
    ["a missing type before ')'", "blocks b(a:) {}", ["1:11-1:12 Expected a type (string, int, bool, url, datetime, a \"literal\", a record '{ … }' or a list 'T[]'), but found ')'."], ["blocks b () { }"]],
    [
      "a missing type before ',': the next parameter is kept",
      "blocks b(a: , b: int) {}",
      ["1:13-1:14 Expected a type (string, int, bool, url, datetime, a \"literal\", a record '{ … }' or a list 'T[]'), but found ','."],
      ["blocks b (b: int) { }"],
    ],
    ["two words as a type", "blocks b(a: str ing) {}", ["1:17-1:20 Expected ',' or ')' after the parameter, but found 'ing'."], ["blocks b (a: str) { }"]],
    ["a list type without ']'", "blocks b(a: string[) {}", ["1:19-1:20 Expected ']' after '[' in a list type ('T[]' or 'T[max 9]'), but found ')'."], ["blocks b () { }"]],
    ["a list's max without a number", "blocks b(a: string[max]) {}", ["1:23-1:24 Expected a whole number after 'max' in a list type ('T[max 9]'), but found ']'."], ["blocks b () { }"]],
    ["a list's max that is no whole number", "blocks b(a: string[max 2.5]) {}", ["1:24-1:27 Expected a whole number after 'max' in a list type ('T[max 9]'), but found '2.5'."], ["blocks b () { }"]],
    ["a word instead of max", "blocks b(a: string[most 2]) {}", ["1:20-1:24 Expected ']' after '[' in a list type ('T[]' or 'T[max 9]'), but found 'most'."], ["blocks b () { }"]],
    ["a record field without ':'", "blocks b(r: { a string }) {}", ["1:17-1:23 Expected ':' and a type after field 'a'."], ["blocks b () { }"]],
    ["a record field without a type", "blocks b(r: { a: }) {}", ["1:18-1:19 Expected a type (string, int, bool, url, datetime, a \"literal\", a record '{ … }' or a list 'T[]'), but found '}'."], ["blocks b () { }"]],
    ["record fields without a separator", "blocks b(r: { a: int b: int }) {}", ["1:22-1:23 Expected ',' or '}' after a record field, but found 'b'."], ["blocks b () { }"]],

    // Names and separators
    ["a number as a name", "blocks b(1: string) {}", ["1:10-1:11 Expected a parameter name, but found '1'."], ["blocks b () { }"]],
    ["two commas", "blocks b(a: string, , b: int) {}", ["1:21-1:22 Expected a parameter name, but found ','."], ["blocks b (a: string, b: int) { }"]],
    ["a missing comma", "blocks b(a: string b: int) {}", ["1:20-1:21 Expected ',' or ')' after the parameter, but found 'b'."], ["blocks b (a: string) { }"]],

    // Defaults
    ["a missing default", "blocks b(a: string = ) {}", ["1:20-1:21 Expected a default value after '=' (a string, number, true, false, null or []), but found ')'."], ["blocks b () { }"]],
    ["a word as a default", "blocks b(a: string = foo) {}", ["1:22-1:25 Expected a default value after '=' (a string, number, true, false, null or []), but found 'foo'."], ["blocks b () { }"]],
    ["a reference as a default", "blocks b(a: string = $x) {}", ["1:22-1:24 Expected a default value after '=' (a string, number, true, false, null or []), but found '$x'."], ["blocks b () { }"]],
    ["a non-empty list as a default", "blocks b(a: string[] = [1]) {}", ["1:24-1:25 Expected a default value after '=' (a string, number, true, false, null or []), but found '['."], ["blocks b () { }"]],
    [
      "a bad default does not lose the next parameter",
      'blocks b(a: string = foo, c: int) {\n  text "x"\n}',
      ["1:22-1:25 Expected a default value after '=' (a string, number, true, false, null or []), but found 'foo'."],
      ['blocks b (c: int) { text "x" }'],
    ],
    [
      "a map as a default: one error, naming the '{', and the body is kept",
      'blocks b(a: string = {}) {\n  text "x"\n}',
      ["1:22-1:23 Expected a default value after '=' (a string, number, true, false, null or []), but found '{'."],
      ['blocks b () { text "x" }'],
    ],

    // Missing ')'
    ["a missing ')' before the body", 'blocks b(a: string {\n  text "x"\n}', ["1:20-1:20 Expected ')' to close the parameter list opened at line 1, column 9, but found '{'."], ['blocks b (a: string) { text "x" }']],
    [
      "a missing ')' after a record type, before the body",
      'blocks b(r: { name: string, price: int } {\n  text "x"\n}',
      ["1:42-1:42 Expected ')' to close the parameter list opened at line 1, column 9, but found '{'."],
      ['blocks b (r: { name: string, price: int }) { text "x" }'],
    ],
    [
      "a missing ')' at the end of the line: the next declaration is kept",
      "blocks b(a: string\nblocks c {}",
      ["1:19-1:19 Expected ')' to close the parameter list opened at line 1, column 9, but found end of line."],
      ["blocks b (a: string)", "blocks c { }"],
    ],
    ["a missing ')' at the end of the file", "blocks b(a: string", ["1:19-1:19 Expected ')' to close the parameter list opened at line 1, column 9, but found end of file."], ["blocks b (a: string)"]],
  ])("%s", (_name, text, expectedErrors, expectedStatements) => {
    expect(errors(text)).toEqual(expectedErrors);
    expect(statements(text)).toEqual(expectedStatements);
  });

  it("several mistakes in one list are all reported, and the good parameters kept", () => {
    const text = 'layout l(a string, b: int, c: = 1, d: bool = maybe, e: "x" | "y") {\n  icon info\n}';
    expect(errors(text)).toEqual([
      "1:12-1:18 Expected ':' and a type after parameter 'a' (for example 'a: string').",
      "1:31-1:32 Expected a type (string, int, bool, url, datetime, a \"literal\", a record '{ … }' or a list 'T[]'), but found '='.",
      "1:46-1:51 Expected a default value after '=' (a string, number, true, false, null or []), but found 'maybe'.",
    ]);
    expect(statements(text)).toEqual(['layout l (b: int, e: "x" | "y") { icon info }']);
  });

  it("a missing ')' does not swallow the declaration body: its statements are in the tree", () => {
    const text = 'layout l(a: string, b: int {\n  icon info\n  header "${a}"\n  body {\n    logo document\n  }\n}\nblocks next {}';
    const result = parse(text);
    expect(result.diagnostics.map(renderDiagnostic)).toEqual(["1:28-1:28 Expected ')' to close the parameter list opened at line 1, column 9, but found '{'."]);
    const [layout, next] = result.document.statements;
    const list = layout!.args.find((a): a is ParameterList => a.kind === "ParameterList");
    expect(list!.parameters.map((p) => p.name.name)).toEqual(["a", "b"]);
    expect(layout!.body!.statements.map((s) => s.name.name)).toEqual(["icon", "header", "body"]);
    expect(layout!.body!.statements[2]!.body!.statements.map((s) => s.name.name)).toEqual(["logo"]);
    expect(layout!.body!.range.end).toEqual(pos(89, 7, 2));
    expect(next!.name.name).toBe("blocks");
  });
});
