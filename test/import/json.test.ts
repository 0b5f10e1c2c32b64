/** Reading the JSON: strict syntax errors at their line and column, duplicate keys, every key kept. */
import { describe, expect, it } from "vitest";
import { formatImportDiagnostic, importJson } from "../../src/import/index.js";
import { roundTrip, layoutJson } from "./helpers.js";

function firstError(text: string): string {
  const result = importJson(text, { fileName: "in.json" });
  expect(result.text).toBeUndefined();
  const errors = result.diagnostics.filter((d) => d.severity === "error");
  expect(errors).toHaveLength(1);
  expect(errors[0]!.code).toBe("invalid-json");
  return formatImportDiagnostic(errors[0]!, "in.json");
}

describe("invalid JSON", () => {
  const cases: [string, string, string][] = [
    ["an empty input", "", "in.json:1:1: the input is empty: expected a JSON object or list"],
    ["only white space", " \n\t\n", "in.json:1:1: the input is empty: expected a JSON object or list"],
    ["a trailing comma in an object", '{"a": 1,}', "in.json:1:9: not valid JSON: a trailing comma before '}' is not allowed (PropertyNameExpected)"],
    ["a trailing comma in a list", "[1, 2, ]", "in.json:1:8: not valid JSON: a trailing comma before ']' is not allowed (ValueExpected)"],
    ["a missing comma", '{"a": 1 "b": 2}', "in.json:1:9: not valid JSON: expected ',' between two entries (CommaExpected)"],
    ["a misspelt literal", '{"a": tru}', "in.json:1:7: not valid JSON: unexpected 'tru' (InvalidSymbol)"],
    ["single quotes", "{'a': 1}", "in.json:1:2: not valid JSON: strings and property names need double quotes, not ' (InvalidSymbol)"],
    ["a missing colon", '{"a" 1}', "in.json:1:6: not valid JSON: expected ':' after the property name (ColonExpected)"],
    ["an unclosed list", "[1, 2", "in.json:1:6: not valid JSON: expected ']' to close the list (CloseBracketExpected)"],
    ["an unclosed object", '{"a": 1', "in.json:1:8: not valid JSON: expected '}' to close the object (CloseBraceExpected)"],
    ["a comment", "// the layout\n{}", "in.json:1:1: not valid JSON: comments are not allowed in JSON (InvalidCommentToken)"],
    ["text after the value", "{} x", "in.json:1:4: not valid JSON: unexpected 'x' after the end of the JSON value (InvalidSymbol)"],
    ["an unterminated string", '{"a": "x', "in.json:1:7: not valid JSON: the string is not closed on its line (UnexpectedEndOfString)"],
    ["a bad escape", '{"a": "\\q"}', "in.json:1:7: not valid JSON: invalid escape '\\q': JSON has \\\" \\\\ \\/ \\b \\f \\n \\r \\t and \\uXXXX (InvalidEscapeCharacter)"],
    ["a number without its leading digit", '{"a": .5}', "in.json:1:7: not valid JSON: unexpected '.5' (InvalidSymbol)"],
    ["an error on a later line", '{\n  "blocks": {\n    "a": 1,,\n  }\n}', "in.json:3:12: not valid JSON: expected a property name in double quotes (PropertyNameExpected)"],
    ["CRLF line breaks", '{\r\n  "a": 1\r\n  "b": 2\r\n}', "in.json:3:3: not valid JSON: expected ',' between two entries (CommaExpected)"],
    ["a byte-order mark (not counted as a column)", '\ufeff{"a": 1,}', "in.json:1:9: not valid JSON: a trailing comma before '}' is not allowed (PropertyNameExpected)"],
  ];

  it.each(cases)("%s", (_what, text, expected) => {
    expect(firstError(text)).toBe(expected);
  });
});

describe("keys", () => {
  it("keeps a key written twice at its first place with its last value, as JSON.parse does, and says so", () => {
    const json = '{"icon": {"code": "info"}, "header": {"title": "A", "title": "B"}, "body": {"logo": {"code": "document"}, "blocks": {}}}';
    const r = roundTrip(json, { fileName: "dup.json" });
    expect(r.result.diagnostics.map((d) => formatImportDiagnostic(d, "dup.json"))).toEqual([
      'dup.json:1:53: header.title: the key "title" is written twice: the later value is kept, as JSON.parse does',
    ]);
    expect(r.text).toContain('header "B"');
  });

  it("keeps every key, __proto__ and keys that are not words included, in their order", () => {
    // Written as JSON text: in a JavaScript object literal `__proto__` would set the prototype.
    const json = `{"icon": {"code": "info"}, "header": {"title": "T"}, "body": {"logo": {"code": "document"}, "blocks": {
      "__proto__": {"type": "text", "properties": {"value": "p"}},
      "1": {"type": "text", "properties": {"value": "one"}},
      "my key": {"type": "text", "properties": {"value": "spaced"}},
      "constructor": {"type": "link", "properties": {"text": "c", "action": {"type": "openRestApp", "actionParams": {"__proto__": 1, "a b": 2, "toString": "x"}}}}
    }}}`;
    const r = roundTrip(json);
    expect(r.text).toContain('__proto__: text "p"');
    expect(r.text).toContain('"1": text "one"');
    expect(r.text).toContain('"my key": text "spaced"');
    expect(r.text).toContain('constructor: link "c" -> openRestApp { __proto__: 1, "a b": 2, toString: "x" }');
  });

  it("writes words the lexer reads otherwise (true, null, import) as quoted keys", () => {
    const r = roundTrip(layoutJson({ true: { type: "text", properties: { value: "t" } }, null: { type: "deadline" }, import: { type: "deadline" } }));
    expect(r.text).toContain('"true": text "t"');
    expect(r.text).toContain('"null": deadline');
    expect(r.text).toContain('"import": deadline');
  });
});

describe("numbers and strings", () => {
  it("writes numbers as the JSON has them", () => {
    const json = `{"blocks": {"a": {"type": "link", "properties": {"text": "n", "action": {"type": "openRestApp",
      "actionParams": {"half": 1.5, "neg": -3, "exp": 1e3, "big": 12345678901234567890, "small": 2.5E-7, "zero": -0}}}}}}`;
    const r = roundTrip(json);
    expect(r.text).toContain("{ half: 1.5, neg: -3, exp: 1e3, big: 12345678901234567890, small: 2.5E-7, zero: -0 }");
  });

  it.each([
    ["quotes and backslashes", 'say "hi" \\ bye'],
    ["an interpolation-like ${x}", "price ${x} EUR"],
    ["a lone dollar", "$5 and ${"],
    ["tabs and line breaks", "a\tb\nc"],
    ["control characters", "bell\u0007 null\u0000 del\u007f"],
    ["line and paragraph separators", "a\u2028b\u2029c"],
    ["non-Latin text and emoji", "Müller Привет 你好 😀"],
    ["a lone surrogate", "x\ud800y"],
    ["many lines", "one\n  two\n\nthree\n"],
    ["many lines with quotes and backslashes", 'one "\n\\two\\\n${three}\n'],
    ["many lines with carriage returns", "one\r\ntwo\r\nthree"],
    ["many lines with triple quotes", 'one\n"""\nthree'],
    ["many lines ending in white space", "one\ntwo\n   "],
    ["many lines starting with a blank line", "\n\nstart"],
  ])("keeps %s", (_what, value) => {
    roundTrip(layoutJson({ text: { type: "largeText", properties: { value } }, t: { type: "text", properties: { value, title: value } } }));
  });

  it('writes a text of three lines or more as a """ block', () => {
    const r = roundTrip(layoutJson({ notes: { type: "largeText", properties: { value: "Arrive after lunch.\nEntrance from the courtyard.\nRing twice." } } }));
    expect(r.text).toContain(['    notes: largeText """', "      Arrive after lunch.", "      Entrance from the courtyard.", "      Ring twice.", '      """'].join("\n"));
  });
});

describe("hostile JSON", () => {
  const deep = (open: string, close: string, n: number) => `{"blocks": {"a": {"type": "text", "properties": {"value": ${open.repeat(n)}${close.repeat(n)}}}}}`;

  it.each([
    ["lists", "[", "]"],
    ["objects", '{"a":', "}"],
  ])("refuses %s nested thousands of levels deep at the first level too many, without overflowing", (_what, open, close) => {
    const result = importJson(deep(open, close, 20_000), { fileName: "deep.json" });
    expect(result.text).toBeUndefined();
    expect(result.diagnostics.map((d) => [d.code, formatImportDiagnostic(d, "deep.json")])).toEqual([
      // The payload's own 4 levels, then 60 of the value's: the 61st opens at column 59 + 60 × its width.
      ["too-deep", `deep.json:1:${59 + 60 * open.length}: the JSON nests deeper than 64 levels here; b24layout reads at most 64 (a Bitrix24 payload has about 12)`],
    ]);
  });

  it("imports JSON nested as deep as it allows", () => {
    const r = roundTrip(deep("[", "]", 60));
    expect(r.text).toContain(`${"[".repeat(60)}${"]".repeat(60)}`);
  });

  it("refuses more values than it imports, at the first value too many", () => {
    const items = Array.from({ length: 150_000 }, () => "1").join(",");
    const result = importJson(`{"blocks": {"a": {"type": "text", "properties": {"value": [${items}]}}}}`, { fileName: "many.json" });
    expect(result.diagnostics.map((d) => [d.code, formatImportDiagnostic(d, "many.json")])).toEqual([
      // 4 objects, the string "text" and the list come first: the 100,001st value is the list's 99,995th item.
      ["too-large", `many.json:1:${60 + 2 * 99_994}: the JSON holds more than 100,000 values; b24layout reads at most that many (a Bitrix24 payload has a few hundred)`],
    ]);
  });

  it("imports a long string whole", () => {
    const value = "x".repeat(5_000_000) + "\n" + "é".repeat(1000);
    const r = roundTrip(layoutJson({ a: { type: "text", properties: { value } } }));
    expect(r.text.length).toBeGreaterThan(5_000_000);
  });

  // `B24LAYOUT_HUGE_TESTS=1` runs it: about 4 seconds.
  it.runIf(process.env["B24LAYOUT_HUGE_TESTS"] === "1")("imports 100 MB", () => {
    const value = "x".repeat(100 * 1024 * 1024);
    const result = importJson(JSON.stringify({ blocks: { a: { type: "text", properties: { value } } } }));
    expect(result.diagnostics).toEqual([]);
    expect(result.text!.length).toBeGreaterThan(100 * 1024 * 1024);
  });

  it("keeps lone surrogates, escaped and as they are, and the later of duplicate keys", () => {
    const json = '{"blocks": {"a": {"type": "text", "properties": {"value": "\\ud800 \\udc00 \\ud83d\\ude00", "value": "x\\udfffy"}}, "b": {"type": "text", "properties": {"value": "' + "\ud800" + '"}}}}';
    const r = roundTrip(json);
    expect(r.text).toContain('a: text "x\\udfffy"');
    expect(r.text).toContain('b: text "\\ud800"');
    expect(r.result.diagnostics.map((d) => d.code)).toEqual(["duplicate-key"]);
  });

  it("keeps __proto__ wherever it is: a member, a field of a block, a key of a raw value", () => {
    const json = '{"blocks": {"__proto__": {"type": "text", "properties": {"value": "p", "__proto__": {"__proto__": 1}}}, "b": {"__proto__": 2}}}';
    const r = roundTrip(json);
    expect(r.text).toContain('  __proto__: text "p" {\n    __proto__ json { __proto__: 1 }\n  }');
    expect(r.text).toContain("b: json { __proto__: 2 }");
    expect(r.checkErrors).toEqual(["unknown-property", "required-field", "unknown-property"]);
  });
});
