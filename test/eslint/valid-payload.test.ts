/**
 * `b24layout/valid-payload` in ESLint's Linter, with ESLint's own parser and with
 * typescript-eslint's: every call shape and batch form reports the checker's findings at the exact
 * source text (asserted as line:column and as the text there), the parts not known statically
 * are not checked, unknown methods are not this rule's, and the options turn rules off, drop
 * warnings and register portal codes.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Linter } from "eslint";
import tseslint from "typescript-eslint";
import { describe, expect, it } from "vitest";
import { sourceFix, validPayload, type ValidPayloadOptions } from "../../src/eslint/valid-payload.js";
import type { Range } from "../../src/diagnostic.js";

interface Shown {
  /** `line:column-line:column`, 1-based columns as ESLint prints them. */
  readonly at: string;
  /** The source text the finding covers. */
  readonly text: string;
  readonly message: string;
}

function lint(code: string, options?: ValidPayloadOptions, parser: "espree" | "typescript" = "espree"): Shown[] {
  const linter = new Linter({ configType: "flat" });
  const file = parser === "typescript" ? "file.ts" : "file.js";
  const messages = linter.verify(
    code,
    [
      {
        files: ["**/*.js", "**/*.ts"],
        plugins: { b24layout: { rules: { "valid-payload": validPayload } } },
        rules: { "b24layout/valid-payload": options ? ["error", options] : "error" },
        ...(parser === "typescript" ? { languageOptions: { parser: tseslint.parser } } : {}),
      },
    ],
    file,
  );
  const lines = code.split("\n");
  const offset = (line: number, column: number) => lines.slice(0, line - 1).reduce((n, l) => n + l.length + 1, 0) + column - 1;
  return messages.map((m) => {
    expect(m.ruleId).toBe("b24layout/valid-payload");
    return {
      at: `${m.line}:${m.column}-${m.endLine}:${m.endColumn}`,
      text: code.slice(offset(m.line, m.column), offset(m.endLine!, m.endColumn!)),
      message: m.message,
    };
  });
}

const DANGER = `'danger' is not a valid 'type' for a badge; expected warning, success, failure, primary or secondary. The server answers "Wrong value of field \`type\`" (b24layout/enum-value)`;
/** Badge params with one mistake: a type that does not exist. */
const BADGE = '{ code: "missedCall", title: "Call", value: "Missed", type: "danger" }';

describe("b24layout/valid-payload", () => {
  it("reports the mistakes real apps made at the property or value in the source", () => {
    const code = [
      'BX24.callMethod("crm.activity.configurable.add", {',
      "  ownerTypeId: 2,",
      "  ownerId: dealId,",
      '  fields: { typeId: "CONFIGURABLE", completed: false },',
      "  layout: {",
      '    header: { title: "Call back" },',
      "    body: {",
      "      blocks: {",
      '        note: { type: "text", properties: { value: "Overdue", color: "failure" } },',
      '        open: { type: "link", properties: { text: "Open", action: { type: "openUrl", uri: "/crm/deal/details/1/" } } },',
      "      },",
      "    },",
      "  },",
      "});",
    ].join("\n");
    const found = lint(code);
    expect(found.map(({ at, message }) => ({ at, message }))).toEqual([
      { at: "5:11-13:4", message: `This layout is missing required 'icon'; the server answers "Field icon is required for LayoutDto." (b24layout/required-field)` },
      { at: "7:11-12:6", message: `This body is missing required 'logo'; the server answers "Field logo is required for BodyDto." (b24layout/required-field)` },
      {
        at: "9:70-9:79",
        message: `'failure' is not a valid 'color' for a text block; expected base_50, base_60, base_70 or base_90. The server answers "The value of color in TextDto is incorrect." (b24layout/enum-value)`,
      },
      {
        at: "10:75-10:84",
        message: `'openUrl' is not a valid 'type' for an action; expected redirect, restEvent or openRestApp. The server answers "The value of type in ActionDto is incorrect." (b24layout/enum-value)`,
      },
    ]);
    expect(found.map((f) => f.text.split("\n")[0])).toEqual(["{", "{", '"failure"', '"openUrl"']);
  });

  it.each([
    ["BX24.callMethod", `BX24.callMethod("crm.activity.badge.add", ${BADGE}, (result) => result);`],
    ["$b24.callMethod", `await $b24.callMethod("crm.activity.badge.add", ${BADGE});`],
    ["a bare callMethod", `callMethod("crm.activity.badge.add", ${BADGE});`],
    ["any <expr>.callMethod", `this.b24?.callMethod("crm.activity.badge.add", ${BADGE});`],
    ["actions.v2.call.make", `b24.actions.v2.call.make({ method: "crm.activity.badge.add", params: ${BADGE}, requestId: "r1" });`],
    ["actions.v3.call.make", `b24.actions.v3.call.make({ params: ${BADGE}, method: "crm.activity.badge.add" });`],
    ["the HTTP client's call", `b24.getHttpClient(ApiVersion.v2).call("crm.activity.badge.add", ${BADGE});`],
    ["a method's name built from literals", `BX24.callMethod("crm.activity." + "badge.add", ${BADGE});`],
  ])("checks the params of %s", (_, code) => {
    const found = lint(code);
    expect(found).toEqual([{ at: `1:${code.indexOf('"danger"') + 1}-1:${code.indexOf('"danger"') + 9}`, text: '"danger"', message: DANGER }]);
  });

  it.each([
    ["BX24.callBatch with tuples in a list", ["BX24.callBatch([", '  ["crm.activity.badge.add", PARAMS],', '  ["crm.item.get", { id: 1 }],', "]);"]],
    ["BX24.callBatch with named commands", ["BX24.callBatch({", '  first: ["crm.activity.badge.add", PARAMS],', '  second: { method: "crm.item.get", params: { id: 1 } },', "}, callback);"]],
    ["callBatch with command objects", ["$b24.callBatch([", '  { method: "crm.activity.badge.add", params: PARAMS },', '  { method: "crm.item.get", params: { id: 1 } },', "], true);"]],
    ["callBatchByChunk", ["$b24.callBatchByChunk([", '  ["crm.activity.badge.add", PARAMS],', '  ["crm.item.get", { id: 1 }],', "], true);"]],
    ["actions.v2.batch.make", ["b24.actions.v2.batch.make({ calls: {", '  first: { method: "crm.activity.badge.add", params: PARAMS },', '  second: ["crm.item.get", { id: 1 }],', "}, options: { isHaltOnError: true } });"]],
    ["actions.v3.batchByChunk.make", ["b24.actions.v3.batchByChunk.make({ calls: [", '  ["crm.activity.badge.add", PARAMS],', '  ["crm.item.get", { id: 1 }],', "] });"]],
  ])("checks every command of a batch: %s", (_, [open, command, other, close]) => {
    // Two commands with a mistake each, and a command of a method the checker does not know.
    const first = command!.replace("PARAMS", BADGE);
    const second = command!.replace("PARAMS", BADGE.replace('"danger"', '"dangerous"')).replace("first", "third");
    const code = [open, first, other, second, close].join("\n");
    const column = first.indexOf('"danger"') + 1;
    expect(lint(code).map(({ at, text }) => ({ at, text }))).toEqual([
      { at: `2:${column}-2:${column + 8}`, text: '"danger"' },
      { at: `4:${column}-4:${column + 11}`, text: '"dangerous"' },
    ]);
  });

  it("checks what is known around what is not, and guesses nothing", () => {
    const code = [
      // A spread before: the type written after it is known; nothing is missing (the spread may hold it).
      'BX24.callMethod("crm.activity.badge.add", { ...common, type: "danger" });',
      // A spread after: the type may be replaced by it.
      'BX24.callMethod("crm.activity.badge.add", { code: "c", title: "T", value: "V", type: "danger", ...overrides });',
      // Values not known statically: present, not checked.
      'BX24.callMethod("crm.activity.badge.add", { code, title: t("call"), value: `${count} missed`, type: kind });',
      // A key not known statically may be any field.
      'BX24.callMethod("crm.activity.badge.add", { [field]: "x", code: "c" });',
      // Params not written out.
      'BX24.callMethod("crm.activity.badge.add", params);',
      'BX24.callMethod("crm.activity.badge.add", buildParams());',
      // A method not known statically.
      "BX24.callMethod(method, { type: 1 });",
      // Known variables are still variables: what the missing field list leaves out is what is missing.
      'BX24.callMethod("crm.activity.badge.add", { code, title, value });',
    ].join("\n");
    expect(lint(code)).toEqual([
      { at: "1:62-1:70", text: '"danger"', message: DANGER },
      { at: "8:43-8:44", text: "{", message: "Badge 'badge' is missing required 'type'. (b24layout/required-field)" },
    ]);
  });

  it("skips the parts of a layout that are not written out: no missing icon beside a spread, nothing inside a variable", () => {
    const code = [
      'BX24.callMethod("crm.activity.configurable.add", {',
      "  ownerTypeId: 2,",
      "  ownerId: 1,",
      '  fields: { typeId: "CONFIGURABLE" },',
      "  layout: {",
      "    ...baseLayout,",
      '    header: { title: "Call back" },',
      "    body: { logo, blocks: makeBlocks() },",
      "    footer: footerFor(user),",
      "  },",
      "});",
    ].join("\n");
    expect(lint(code)).toEqual([]);
  });

  it("ignores the methods the checker does not know", () => {
    const code = [
      'BX24.callMethod("crm.deal.add", { fields: { TITLE: 1, icon: { code: "nope" } } });',
      'BX24.callMethod("batch", { halt: 0, cmd: { a: "crm.activity.badge.add?type=danger" } });',
      'BX24.callMethod("crm.activity.badge.get", { code: 5, extra: true });',
      'BX24.callBatch([["crm.item.update", { id: 1, fields: { type: "danger" } }]]);',
    ].join("\n");
    expect(lint(code)).toEqual([]);
  });

  it("reports absent params at the method's name", () => {
    expect(lint('BX24.callMethod("crm.activity.badge.add");').map((f) => f.at + " " + f.message)).toEqual([
      "1:17-1:18 Badge 'badge' is missing required 'code'. (b24layout/required-field)",
      "1:17-1:18 Badge 'badge' is missing required 'title'. (b24layout/required-field)",
      "1:17-1:18 Badge 'badge' is missing required 'type'. (b24layout/required-field)",
      "1:17-1:18 Badge 'badge' is missing required 'value'. (b24layout/required-field)",
    ]);
  });

  describe("with typescript-eslint's parser", () => {
    it("reads through `as`, `as const`, `satisfies`, `!` and `<T>` to the literals", () => {
      const code = [
        "const params = <Params>{ ownerTypeId: 2, ownerId: 1, fields: { typeId: 'CONFIGURABLE' as const } };",
        "BX24!.callMethod('crm.activity.badge.add' as const, {",
        "  code: 'missedCall',",
        "  title: 'Call' satisfies string,",
        "  value: ('Missed' as string)!,",
        "  type: 'danger' as BadgeType,",
        "} satisfies BadgeParams);",
        "b24.actions.v2.call.make<Result>({ method: 'crm.activity.badge.add', params: <BadgeParams>{ code: 'c', title: 'T', value: 'V', type: 'dangerous' } });",
      ].join("\n");
      expect(lint(code, undefined, "typescript").map(({ at, text }) => ({ at, text }))).toEqual([
        { at: "6:9-6:17", text: "'danger'" },
        { at: "8:134-8:145", text: "'dangerous'" },
      ]);
    });
  });

  describe("options", () => {
    const layout = (icon: string, extra = "") =>
      `BX24.callMethod("crm.activity.layout.blocks.set", { entityTypeId: 2, entityId: 1, activityId: 3, layout: { blocks: { a: { type: "text", properties: { value: "x", color: "failure" } }${extra} } } });` +
      `\nBX24.callMethod("crm.activity.configurable.add", { ownerTypeId: 2, ownerId: 1, fields: { typeId: "CONFIGURABLE" }, layout: { icon: { code: "${icon}" }, header: { title: "T" }, body: { logo: { code: "call-incoming" }, blocks: { a: { type: "text", properties: { value: "x" } } } } } });`;

    it("reports a finding the checker rates as a warning as such, in the message", () => {
      expect(lint(layout("my-icon")).map((f) => f.message)).toEqual([
        expect.stringMatching(/^'failure' is not a valid 'color' .* \(b24layout\/enum-value\)$/) as string,
        expect.stringMatching(/^.*'my-icon'.* \(b24layout\/unknown-code, a warning\)$/) as string,
      ]);
    });

    it("takes the portal's registered codes", () => {
      expect(lint(layout("my-icon"), { portal: { icons: ["my-icon"] } }).map((f) => f.message)).toEqual([expect.stringContaining("(b24layout/enum-value)") as string]);
    });

    it("turns checker rules off, as b24layout.config.json does", () => {
      expect(lint(layout("my-icon"), { rules: { "enum-value": "off", "unknown-code": "off" } })).toEqual([]);
    });

    it("leaves warnings out when asked", () => {
      expect(lint(layout("my-icon"), { warnings: false }).map((f) => f.message)).toEqual([expect.stringContaining("(b24layout/enum-value)") as string]);
    });

    it("rates a rule as its setting says", () => {
      expect(lint(layout("my-icon"), { rules: { "unknown-code": "error", "enum-value": "warn" } }).map((f) => f.message.slice(f.message.lastIndexOf("(")))).toEqual([
        "(b24layout/enum-value, a warning)",
        "(b24layout/unknown-code)",
      ]);
    });

    it.each([
      [{ rules: { "no-such-rule": "off" } }],
      [{ rules: { "enum-value": "sometimes" } }],
      [{ rules: { "unknown-code": ["warn", { icons: [] }] } }],
      [{ rules: { "missing-translation": "warn" } }],
      [{ target: "portal" }],
      [{ portal: { icon: ["x"] } }],
      [{ warnings: "no" }],
      [{ colour: true }],
    ])("refuses options its schema does not describe: %j", (options) => {
      expect(() => lint("BX24.callMethod('crm.activity.badge.add', {});", options as unknown as ValidPayloadOptions)).toThrow(/Key "b24layout\/valid-payload":\s+Value [\s\S]* should /);
    });
  });
});

describe("sourceFix", () => {
  const at = (start: number, end: number): Range => ({ start: { offset: start, line: 1, column: start + 1 }, end: { offset: end, line: 1, column: end + 1 } });
  const literals = new Map([
    ["10:19", { kind: "value" as const, identifier: false }],
    ["2:6", { kind: "key" as const, identifier: true }],
    ["30:36", { kind: "key" as const, identifier: false }],
  ]);
  const applied = (edits: { range: Range; newText: string }[]): string[] | undefined => {
    const fix = sourceFix({ description: "d", edits }, literals);
    if (!fix) return undefined;
    const made = fix({ replaceTextRange: (range: [number, number], text: string) => ({ range, text }) } as never) as unknown as { range: [number, number]; text: string }[];
    return made.map((e) => `${e.range[0]}-${e.range[1]}:${e.text}`);
  };

  it("rewrites a literal value with the edit's JSON text", () => {
    expect(applied([{ range: at(10, 19), newText: '"primary"' }])).toEqual(['10-19:"primary"']);
  });

  it("writes a key as an identifier where it was one and can be, else as a string", () => {
    expect(applied([{ range: at(2, 6), newText: '"icon"' }])).toEqual(["2-6:icon"]);
    expect(applied([{ range: at(2, 6), newText: '"data-x"' }])).toEqual(['2-6:"data-x"']);
    expect(applied([{ range: at(30, 36), newText: '"icon"' }])).toEqual(['30-36:"icon"']);
  });

  it("offers nothing when an edit does not land exactly on a literal, or is not JSON", () => {
    expect(applied([{ range: at(10, 19), newText: '"a"' }, { range: at(20, 20), newText: ', "b": 1' }])).toBeUndefined();
    expect(applied([{ range: at(10, 18), newText: '"a"' }])).toBeUndefined();
    expect(applied([{ range: at(10, 19), newText: "primary" }])).toBeUndefined();
    expect(applied([{ range: at(2, 6), newText: "1" }])).toBeUndefined();
    expect(applied([{ range: at(10, 19), newText: '{"__proto__": {}}' }])).toBeUndefined();
  });
});

describe("the rule's metadata", () => {
  it("links its section of the plugin's guide, which is there", () => {
    const url = validPayload.meta!.docs!.url!;
    expect(url).toMatch(/^file:\/\/.*\/docs\/eslint\.md#javascript-and-typescript-payloads$/);
    const guide = readFileSync(fileURLToPath(url.replace(/#.*$/, "")), "utf8");
    expect(guide).toContain("\n## JavaScript and TypeScript payloads\n");
  });
});
