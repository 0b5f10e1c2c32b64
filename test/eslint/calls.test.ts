/**
 * Which calls the payload rule finds in JavaScript and TypeScript, with which method and which
 * params: each call shape of BX24 and @bitrix24/b24jssdk, the batch forms, and the calls whose
 * method or params are not known statically (not found, never guessed).
 */
import { Linter, type Rule } from "eslint";
import tseslint from "typescript-eslint";
import { describe, expect, it } from "vitest";
import { payloadCalls } from "../../src/eslint/calls.js";

interface Found {
  readonly method: string;
  /** The params' source text, or null when the call passes none. */
  readonly params: string | null;
  /** Where the method's name is, as ESLint gives it (1-based line, 0-based column). */
  readonly at: string;
}

function found(code: string, parser: "espree" | "typescript" = "espree"): Found[] {
  const calls: Found[] = [];
  const collect: Rule.RuleModule = {
    create(context) {
      return {
        CallExpression(node) {
          for (const call of payloadCalls(node)) {
            const { line, column } = call.methodNode.loc!.start;
            calls.push({ method: call.method, params: call.params ? context.sourceCode.getText(call.params) : null, at: `${line}:${column}` });
          }
        },
      };
    },
  };
  const linter = new Linter({ configType: "flat" });
  const messages = linter.verify(code, [
    {
      files: ["**/*.ts", "**/*.js"],
      plugins: { test: { rules: { collect } } },
      rules: { "test/collect": "error" },
      ...(parser === "typescript" ? { languageOptions: { parser: tseslint.parser } } : {}),
    },
  ], parser === "typescript" ? "file.ts" : "file.js");
  expect(messages).toEqual([]);
  return calls;
}

describe("payloadCalls", () => {
  it.each([
    ['BX24.callMethod("crm.activity.badge.add", { code: "a" }, (r) => r);', "crm.activity.badge.add", '{ code: "a" }'],
    ['$b24.callMethod("crm.activity.badge.add", { code: "a" });', "crm.activity.badge.add", '{ code: "a" }'],
    ['callMethod("crm.activity.badge.add", { code: "a" });', "crm.activity.badge.add", '{ code: "a" }'],
    ['this.app.b24?.callMethod("crm.activity.badge.add", { code: "a" });', "crm.activity.badge.add", '{ code: "a" }'],
    ['api["callMethod"]("crm.activity.badge.add", { code: "a" });', "crm.activity.badge.add", '{ code: "a" }'],
    ['BX24.callMethod(`crm.activity.badge.add`, { code: "a" });', "crm.activity.badge.add", '{ code: "a" }'],
    ['BX24.callMethod("crm.activity." + "badge.add", { code: "a" });', "crm.activity.badge.add", '{ code: "a" }'],
    ['b24.actions.v2.call.make({ method: "crm.activity.badge.add", params: { code: "a" } });', "crm.activity.badge.add", '{ code: "a" }'],
    ['b24.actions.v3.call.make({ params: { code: "a" }, method: "crm.activity.badge.add", requestId: "r" });', "crm.activity.badge.add", '{ code: "a" }'],
    ['b24.getHttpClient(ApiVersion.v2).call("crm.activity.badge.add", { code: "a" }, "r");', "crm.activity.badge.add", '{ code: "a" }'],
  ])("finds %s", (code, method, params) => {
    expect(found(code)).toEqual([{ method, params, at: expect.any(String) as string }]);
  });

  it("gives the method's place and passes absent params as null", () => {
    expect(found('\n  BX24.callMethod("crm.activity.configurable.add");')).toEqual([{ method: "crm.activity.configurable.add", params: null, at: "2:18" }]);
  });

  it.each([
    ["tuples in a list", 'BX24.callBatch([["crm.activity.badge.add", { code: "a" }], ["crm.item.get", { id: 1 }]]);'],
    ["command objects in a list", 'b24.callBatch([{ method: "crm.activity.badge.add", params: { code: "a" } }, { method: "crm.item.get", params: { id: 1 } }], true);'],
    ["named commands, both forms", 'BX24.callBatch({ first: ["crm.activity.badge.add", { code: "a" }], second: { method: "crm.item.get", params: { id: 1 } } }, cb);'],
    ["callBatchByChunk", '$b24.callBatchByChunk([["crm.activity.badge.add", { code: "a" }], ["crm.item.get", { id: 1 }]], true);'],
    ["actions.v2.batch.make", 'b24.actions.v2.batch.make({ calls: [["crm.activity.badge.add", { code: "a" }], { method: "crm.item.get", params: { id: 1 } }], options: { isHaltOnError: true } });'],
    ["actions.v3.batchByChunk.make", 'b24.actions.v3.batchByChunk.make({ calls: { a: ["crm.activity.badge.add", { code: "a" }], b: ["crm.item.get", { id: 1 }] } });'],
    ["the HTTP client's batch", 'b24.getHttpClient(v).batch([["crm.activity.badge.add", { code: "a" }], ["crm.item.get", { id: 1 }]], {});'],
  ])("finds every command of a batch: %s", (_, code) => {
    expect(found(code).map(({ method, params }) => ({ method, params }))).toEqual([
      { method: "crm.activity.badge.add", params: '{ code: "a" }' },
      { method: "crm.item.get", params: "{ id: 1 }" },
    ]);
  });

  it("skips the commands of a batch that are not written out, and finds the others", () => {
    expect(found('BX24.callBatch([command, ...more, ["crm.item.get", { id: 1 }], [name, { id: 2 }]]);').map((c) => c.method)).toEqual(["crm.item.get"]);
  });

  it.each([
    ["a method held in a variable", "BX24.callMethod(method, { code: 1 });"],
    ["a method built from a template with expressions", "BX24.callMethod(`crm.${kind}.add`, { code: 1 });"],
    ["a spread before the arguments", 'BX24.callMethod(...args, { code: "a" });'],
    ["a spread in place of the params", 'BX24.callMethod("crm.item.get", ...rest);'],
    ["a method that a later spread may replace", 'b24.actions.v2.call.make({ method: "crm.item.get", ...options });'],
    ["a method given by a computed key", 'b24.actions.v2.call.make({ [key]: "crm.item.get" });'],
    ["options held in a variable", "b24.actions.v2.call.make(options);"],
    ["a make that is not the SDK's actions", 'factory.call.make({ method: "crm.item.get" });'],
    ["Function.prototype.call", 'send.call("crm.item.get", { id: 1 });'],
    ["another method's name", 'BX24.callMethods("crm.item.get", { id: 1 });'],
  ])("does not find %s", (_, code) => {
    expect(found(code)).toEqual([]);
  });

  it("takes params written after a spread, and the last of two written keys", () => {
    expect(found('b24.actions.v2.call.make({ ...defaults, method: "crm.item.get", params: { id: 1 }, params: { id: 2 } });')).toEqual([
      { method: "crm.item.get", params: "{ id: 2 }", at: "1:48" },
    ]);
  });

  it("reads through TypeScript's type assertions and non-null assertions", () => {
    const code = [
      'BX24!.callMethod("crm.activity.badge.add" as const, { code: "a" } satisfies object);',
      '(b24.actions as Actions).v2.call.make(<Options>{ method: "crm.item.get" as string, params: { id: 1 } as const });',
      'b24.callBatch([["crm.item.get", { id: 2 }]] as Batch);',
    ].join("\n");
    expect(found(code, "typescript")).toEqual([
      { method: "crm.activity.badge.add", params: '{ code: "a" } satisfies object', at: "1:17" },
      { method: "crm.item.get", params: "{ id: 1 } as const", at: "2:57" },
      { method: "crm.item.get", params: "{ id: 2 }", at: "3:16" },
    ]);
  });
});
