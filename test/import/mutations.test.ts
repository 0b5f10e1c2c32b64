/**
 * The importer never repairs, as a property over the corpus and its mutants: every importable
 * corpus file, changed in one place the way real payloads go wrong (a key dropped, a value of the
 * wrong type, a member that is no object, an unknown field, a section of another type, a list
 * where a map goes and the other way round), imports to text that compiles back to it — exactly
 * with --keep-quirks, after the reported quirk normalisations without — and the checker reports
 * each mutation its rules cover. B24LAYOUT_IMPORT_RUNS sets the number of runs (default 300),
 * B24LAYOUT_IMPORT_SEED the seed.
 */
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { check } from "../../src/index.js";
import { importJson, valueAt, type ImportResult, type JsonPath } from "../../src/import/index.js";
import { rawEntryType, rawItemType } from "../../src/model/binding.js";
import { getDto } from "../../src/model/dtos.js";
import { getDeclaration } from "../../src/model/statements.js";
import type { FieldType } from "../../src/model/types.js";
import type { Json } from "../../src/emit/json.js";
import { roundTrip } from "./helpers.js";

const HERE = dirname(fileURLToPath(import.meta.url));
const DIRS = [join(HERE, "..", "golden", "corpus"), join(HERE, "corpus")];
const RUNS = Number(process.env["B24LAYOUT_IMPORT_RUNS"] ?? "300");
const SEED = Number(process.env["B24LAYOUT_IMPORT_SEED"] ?? "12");

interface Base {
  readonly file: string;
  readonly json: Json;
  readonly result: ImportResult;
  /** `ruleId|message` of the checker's errors and warnings on the imported text. */
  readonly findings: readonly string[];
  readonly slots: readonly Slot[];
}

/** A place in a payload and what the model says goes there. */
interface Slot {
  readonly path: JsonPath;
  readonly type: FieldType | undefined;
  /** Whether the model requires the key (of a closed structure) this value is under. */
  readonly required: boolean;
  /** A member of a collection or an item of a list of structures. */
  readonly member: boolean;
}

function findingsOf(text: string): string[] {
  return check(text)
    .diagnostics.filter((d) => d.severity === "error" || d.severity === "warning")
    .map((d) => `${d.ruleId}|${d.message}`);
}

/** Every value of the payload at `path`, typed as the lowering types the raw form (rawEntryType). */
function slotsOf(value: Json, type: FieldType | undefined, path: JsonPath, required: boolean, member: boolean, out: Slot[]): void {
  out.push({ path, type, required, member });
  if (Array.isArray(value)) {
    const of = rawItemType(type);
    value.forEach((item, i) => slotsOf(item, of, [...path, i], false, of?.kind === "object" || of?.kind === "block", out));
  } else if (value !== null && typeof value === "object") {
    const blockType = typeof value["type"] === "string" ? value["type"] : undefined;
    const dto = type?.kind === "object" ? getDto(type.dto) : undefined;
    for (const [key, inner] of Object.entries(value)) {
      const innerType = rawEntryType(type, key, blockType);
      const isMember = type?.kind === "collection";
      const field = dto?.fields.find((f) => f.name === key);
      slotsOf(inner, innerType, [...path, key], field?.required !== undefined && (field.required.docs || field.required.server), isMember, out);
    }
  }
}

const BASES: readonly Base[] = DIRS.flatMap((dir) => readdirSync(dir).filter((f) => f.endsWith(".json")).map((f) => [dir, f] as const))
  .map(([dir, file]) => {
    const text = readFileSync(join(dir, file), "utf8");
    return { file, text, result: importJson(text, { fileName: file, keepQuirks: true }) };
  })
  .filter((b) => b.result.text !== undefined)
  .map(({ file, text, result }) => {
    const json = JSON.parse(text) as Json;
    const slots: Slot[] = [];
    for (const d of result.declarations) {
      const spec = getDeclaration(result.kind!)!;
      const root = getDto(spec.dto)!;
      // A card given as its sections: the payload is the `data` list.
      // Blocks with their target: the payload is the request's `layout`, of the declaration's own DTO.
      const type: FieldType =
        d.outputPath.length === 0 || d.outputPath[0] === spec.request?.payloadField ? { kind: "object", dto: spec.dto } : root.fields.find((f) => f.name === d.outputPath[0])!.type;
      slotsOf(valueAt(json, d.inputPath)!, type, d.inputPath, false, false, slots);
    }
    return { file, json, result, findings: findingsOf(result.text!), slots };
  });

/** A value the model's type does not take, and the checker reports. */
function wrongValue(type: FieldType): Json {
  switch (type.kind) {
    case "bool":
      return "maybe";
    case "int":
      return "abc";
    case "string":
    case "text":
      return [1];
    case "enum":
      return "zz-not-a-value";
    case "constant":
      return "other";
    case "list":
      return "x";
    default:
      return 5;
  }
}

type Mutation = "drop" | "wrongType" | "notObject" | "unknownField" | "sectionType" | "listToMap" | "mapToList";
const MUTATIONS: readonly Mutation[] = ["drop", "wrongType", "notObject", "unknownField", "sectionType", "listToMap", "mapToList"];

/**
 * `json` changed at one slot, and whether the checker must then report something new (`keepQuirks`:
 * when the import keeps the docs quirk); undefined when the mutation does not apply there.
 */
function mutate(base: Base, slot: Slot, mutation: Mutation): { json: Json; mustReport: boolean | "keepQuirks" } | undefined {
  const json = structuredClone(base.json);
  const parentPath = slot.path.slice(0, -1);
  const key = slot.path[slot.path.length - 1];
  const parent = slot.path.length > 0 ? valueAt(json, parentPath) : undefined;
  const value = valueAt(json, slot.path);
  const set = (v: Json): Json => {
    if (slot.path.length === 0) return v;
    if (Array.isArray(parent)) parent[key as number] = v;
    else (parent as { [k: string]: Json })[key as string] = v;
    return json;
  };
  const isObject = (v: Json | undefined): v is { [k: string]: Json } => v !== null && typeof v === "object" && !Array.isArray(v);
  switch (mutation) {
    case "drop":
      if (!isObject(parent) || slot.path.length <= (base.result.declarations[0]?.inputPath.length ?? 0)) return undefined;
      delete parent[key as string];
      // Without entityTypeId, card params are the legacy method's: a different request, and a valid one.
      return { json, mustReport: slot.required && key !== "entityTypeId" };
    case "wrongType":
      if (!slot.type || slot.path.length === 0) return undefined;
      return { json: set(wrongValue(slot.type)), mustReport: true };
    case "notObject":
      if (!slot.member) return undefined;
      return { json: set("x"), mustReport: true };
    case "unknownField": {
      const dto = slot.type?.kind === "object" ? getDto(slot.type.dto) : slot.type?.kind === "block" ? getDto("ContentBlockDto") : undefined;
      if (!dto?.closed || !isObject(value)) return undefined;
      value["zzUnknownKey"] = 1;
      return { json, mustReport: true };
    }
    case "sectionType":
      if (slot.type?.kind !== "object" || slot.type.dto !== "SectionDto" || !isObject(value)) return undefined;
      value["type"] = "column";
      return { json, mustReport: true };
    case "listToMap":
      if (slot.type?.kind !== "list" || !Array.isArray(value)) return undefined;
      return { json: set(Object.fromEntries(value.map((v, i) => [`k${i}`, v]))), mustReport: true };
    case "mapToList":
      // The server reads a list's integer keys as the keys of a collection: a docs quirk the import normalises, and the checker warns about when it is kept.
      if (slot.type?.kind !== "collection" || !isObject(value)) return undefined;
      return { json: set(Object.values(value)), mustReport: "keepQuirks" };
  }
}

/** Whether `mutation` applies at `slot` (mutate would not give undefined). */
function applies(base: Base, slot: Slot, mutation: Mutation): boolean {
  const value = valueAt(base.json, slot.path);
  const parent = slot.path.length > 0 ? valueAt(base.json, slot.path.slice(0, -1)) : undefined;
  const isObject = (v: Json | undefined) => v !== null && v !== undefined && typeof v === "object" && !Array.isArray(v);
  switch (mutation) {
    case "drop":
      return isObject(parent) && slot.path.length > (base.result.declarations[0]?.inputPath.length ?? 0);
    case "wrongType":
      return slot.type !== undefined && slot.path.length > 0;
    case "notObject":
      return slot.member;
    case "unknownField": {
      const dto = slot.type?.kind === "object" ? getDto(slot.type.dto) : slot.type?.kind === "block" ? getDto("ContentBlockDto") : undefined;
      return dto?.closed === true && isObject(value);
    }
    case "sectionType":
      return slot.type?.kind === "object" && slot.type.dto === "SectionDto" && isObject(value);
    case "listToMap":
      return slot.type?.kind === "list" && Array.isArray(value);
    case "mapToList":
      return slot.type?.kind === "collection" && isObject(value);
  }
}

/** Every (corpus file, mutation) with the slots where the mutation applies. */
const TARGETS = BASES.flatMap((base) =>
  // Not the payload itself: another value there is another input, which may not be the same kind.
  MUTATIONS.map((mutation) => ({ base, mutation, slots: base.slots.filter((slot) => !base.result.declarations.some((d) => d.inputPath.length === slot.path.length) && applies(base, slot, mutation)) })),
).filter((t) => t.slots.length > 0);

describe("the corpus and its mutants", () => {
  it("has importable files with places for every mutation", () => {
    expect(BASES.length).toBe(25);
    expect(new Set(TARGETS.map((t) => t.mutation))).toEqual(new Set(MUTATIONS));
  });

  it("round-trip exactly with --keep-quirks and after the normalisations without, and the checker reports every mutation its rules cover", () => {
    let reported = 0;
    fc.assert(
      // Indices, so that a counterexample reads short: the assertions' messages say what it is.
      fc.property(fc.nat(TARGETS.length - 1), fc.nat(10_000), fc.boolean(), (t, s, keepQuirks) => {
        const { base, mutation, slots } = TARGETS[t]!;
        const slot = slots[s % slots.length]!;
        const mutant = mutate(base, slot, mutation)!;
        const text = JSON.stringify(mutant.json, null, 2);
        const options = { fileName: base.file, kind: base.result.kind!, keepQuirks };
        const r = roundTrip(text, options);
        if (mutant.mustReport === false || (mutant.mustReport === "keepQuirks" && !keepQuirks)) return;
        reported++;
        const fresh = findingsOf(r.text).filter((f) => !base.findings.includes(f));
        expect(fresh, `${mutation} at ${JSON.stringify(slot.path)} of ${base.file}:\n${r.text}`).not.toEqual([]);
      }),
      { numRuns: RUNS, seed: SEED },
    );
    // Most mutations are ones the checker must report.
    expect(reported).toBeGreaterThan(RUNS / 2);
  }, Math.max(30_000, RUNS * 10));
});
