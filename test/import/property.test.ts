/**
 * The round trip as a property: for JSON built from the model's own names (and strays), whatever
 * the importer accepts compiles back to the input with the reported changes applied. The shapes
 * are wrong in every way a generator finds; the importer must stay faithful, never throw, and
 * write text without syntax errors.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { BLOCK_TYPES, DTOS, getDto } from "../../src/model/dtos.js";
import { DECLARATIONS } from "../../src/model/statements.js";
import type { FieldType } from "../../src/model/types.js";
import { check } from "../../src/index.js";
import { importJson } from "../../src/import/index.js";
import { roundTrip } from "./helpers.js";

const FIELD_NAMES = [...new Set(DTOS.flatMap((d) => d.fields.map((f) => f.name)))];
const WORDS = [...new Set(DTOS.flatMap((d) => d.fields.flatMap((f) => (f.type.kind === "enum" ? f.type.values.map((v) => v.value) : []))))];
const STRAY_KEYS = ["__proto__", "constructor", "1", "my key", "true", "when", "field", "x-y", "", "toString", "json"];

const scalar = fc.oneof(
  fc.constantFrom(...WORDS, "false", "true", "Y", "N", "0", "1", "007", "${x}", "a\nb\nc", "\\", '"'),
  fc.string({ maxLength: 8 }),
  fc.integer({ min: -5, max: 2000 }),
  fc.constantFrom(1.5, -0, 1e21, 2.5e-7),
  fc.boolean(),
  fc.constant(null),
);
const key = fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...FIELD_NAMES) }, { weight: 1, arbitrary: fc.constantFrom(...STRAY_KEYS) });

const { value } = fc.letrec<{ value: unknown; block: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    { weight: 4, arbitrary: scalar },
    { weight: 2, arbitrary: fc.dictionary(key, tie("value"), { maxKeys: 5 }) },
    { weight: 1, arbitrary: fc.array(tie("value"), { maxLength: 3 }) },
    { weight: 2, arbitrary: tie("block") },
  ),
  block: fc.record({ type: fc.constantFrom(...BLOCK_TYPES.map((b) => b.type), "image", "json"), properties: fc.dictionary(key, tie("value"), { maxKeys: 4 }) }, { requiredKeys: ["type"] }),
}));

const blocks = fc.dictionary(fc.oneof(fc.constantFrom("block_1", "block_2", "a", "1", "__proto__"), fc.string({ maxLength: 3 })), value, { maxKeys: 4 });

const inputs = fc.oneof(
  fc.record({ icon: value, header: value, body: fc.record({ logo: value, blocks }), footer: value }, { requiredKeys: ["header"] }),
  fc.record({ blocks }),
  fc.record({ code: value, title: value, value: value, type: value }, { requiredKeys: ["code", "title"] }),
  fc.record({ id: value, ownerTypeId: value, fields: fc.dictionary(key, value, { maxKeys: 5 }), layout: value }, { requiredKeys: ["fields"] }),
  fc.record({ entityTypeId: value, scope: value, extras: value, data: fc.array(fc.record({ name: value, title: value, type: value, elements: fc.array(fc.dictionary(key, value, { maxKeys: 3 }), { maxLength: 3 }) }, { requiredKeys: ["elements"] }), { minLength: 1, maxLength: 3 }) }, { requiredKeys: ["data"] }),
  value,
);

/** Values of a model type: mostly right, sometimes a docs quirk, sometimes wrong. */
function typed(type: FieldType): fc.Arbitrary<unknown> {
  const wrong = fc.oneof(scalar, fc.constant({}), fc.constant([]));
  const right = ((): fc.Arbitrary<unknown> => {
    switch (type.kind) {
      case "text":
        return fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom("a\nb\nc", "x ${y}"), fc.dictionary(fc.constantFrom("en", "de", "ru", "ua"), fc.string({ maxLength: 4 }), { maxKeys: 3 }));
      case "string":
        return fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom("call-completed", "IM", "/crm/deal/details/1/", "constructor", "json"));
      case "int":
        return fc.oneof(fc.integer({ min: 0, max: 2000 }), fc.constantFrom("12", 2, 3, 1032));
      case "bool":
        return fc.oneof(fc.boolean(), fc.constantFrom("false", "Y", "N", "1", 0, 1));
      case "enum":
        return fc.oneof(fc.constantFrom(...type.values.map((v) => (type.valueType === "int" ? Number(v.value) : v.value))), fc.constantFrom("0", "1", "other"));
      case "object":
        return type.dto === "ContentBlockProperties" ? fc.constant({}) : dto(type.dto);
      case "collection":
        return fc.oneof(
          { weight: 5, arbitrary: fc.dictionary(fc.constantFrom("block_1", "block_2", "tag_1", "item_2", "a", "1", "my key"), type.blockTypes ? block(type.blockTypes) : dto(type.of), { maxKeys: 3 }) },
          { weight: 1, arbitrary: fc.array(type.blockTypes ? block(type.blockTypes) : dto(type.of), { maxLength: 2 }) },
        );
      case "block":
        return block(type.blockTypes);
      case "scalarMap":
        return fc.dictionary(fc.constantFrom("a", "clientId", "__proto__", "x y"), scalar, { maxKeys: 3 });
      case "list":
        return fc.array(typed(type.of), { maxLength: 3 });
      case "constant":
        return fc.oneof({ weight: 5, arbitrary: fc.constant(type.value) }, { weight: 1, arbitrary: scalar });
    }
  })();
  return fc.oneof({ weight: 9, arbitrary: right }, { weight: 1, arbitrary: wrong });
}

const dtoArbs = new Map<string, fc.Arbitrary<Record<string, unknown>>>();

function dto(name: string): fc.Arbitrary<Record<string, unknown>> {
  let arb = dtoArbs.get(name);
  if (arb) return arb;
  const fields = getDto(name)!.fields;
  const model: Record<string, fc.Arbitrary<unknown>> = {};
  arb = fc.constant({}).chain(() => {
    for (const f of fields) model[f.name] ??= typed(f.type);
    return fc.tuple(fc.record(model, { requiredKeys: [] }), fc.option(fc.tuple(fc.constantFrom(...STRAY_KEYS), scalar), { freq: 8 })).map(([o, stray]) => (stray ? { ...o, [stray[0]]: stray[1] } : o));
  });
  dtoArbs.set(name, arb);
  return arb;
}

function block(types: readonly string[]): fc.Arbitrary<unknown> {
  return fc
    .constantFrom(...types)
    .chain((type) => fc.record({ type: fc.constant(type), properties: dto(BLOCK_TYPES.find((b) => b.type === type)!.dto) }, { requiredKeys: ["type"] }));
}

describe("the round trip as a property", () => {
  it("holds for payloads built from the model", () => {
    const payloads = fc.constantFrom(...DECLARATIONS.map((d) => d)).chain((d) => dto(d.dto).map((v) => [d.keyword, v] as const));
    fc.assert(
      fc.property(payloads, fc.boolean(), fc.boolean(), ([kind, input], keepQuirks, extractTranslations) => {
        const json = JSON.stringify(input, null, 2);
        const options = { kind, keepQuirks, extractTranslations, entity: "deal" };
        const result = importJson(json, options);
        if (result.text === undefined) return;
        expect(check(result.text).diagnostics.filter((d) => d.ruleId === "syntax-error")).toEqual([]);
        roundTrip(json, options);
      }),
      { numRuns: 400, seed: 42 },
    );
  });

  it("holds for every input the importer accepts, with and without --keep-quirks", () => {
    fc.assert(
      fc.property(inputs, fc.boolean(), fc.boolean(), (input, keepQuirks, extractTranslations) => {
        const json = JSON.stringify(input, null, 2);
        const result = importJson(json, { keepQuirks, extractTranslations, entity: "deal" });
        if (result.text === undefined) return;
        expect(check(result.text).diagnostics.filter((d) => d.ruleId === "syntax-error")).toEqual([]);
        roundTrip(json, { keepQuirks, extractTranslations, entity: "deal" });
      }),
      { numRuns: 400, seed: 24 },
    );
  });
});
