/**
 * The binding plan (src/model/binding.ts) is the one place that says how statements bind to the
 * model. The importer writes statements with it and the lowering reads them with it, so a payload
 * built from the model itself — every DTO, every field, every block type, every action variant —
 * comes back from import and compile unchanged, written in shorthands (no raw `json`). And nothing
 * else reads the statement tables the plan is made from.
 */
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { Json } from "../../src/emit/json.js";
import { emitProgram } from "../../src/emit/json.js";
import { schemaFor } from "../../src/emit/schema.js";
import { payloadTypeName } from "../../src/emit/ts-types.js";
import { check } from "../../src/index.js";
import { importJson } from "../../src/import/index.js";
import {
  bindingPlan,
  declarationByKeyword,
  headWordBinding,
  omittedByDirectives,
  slotAt,
  statementNamesIn,
  type JsonKey,
} from "../../src/model/binding.js";
import { SYSTEM_ICON_CODES, SYSTEM_LOGO_CODES } from "../../src/model/codes.js";
import { BLOCK_TYPES, DTOS, getDto } from "../../src/model/dtos.js";
import { methodsOf } from "../../src/model/methods.js";
import { requestMethodsOf } from "../../src/model/requests.js";
import { DECLARATIONS } from "../../src/model/statements.js";
import type { DtoSpec, FieldSpec, FieldType } from "../../src/model/types.js";
import { canonical, roundTrip } from "../import/helpers.js";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "../..");

/** Whether the server takes the field (fields it refuses cannot be written without an error). */
function sent(f: FieldSpec): boolean {
  return f.accepted?.server !== false;
}

/**
 * A valid payload of `dto` built from the model: every field the server takes, once, with a value
 * of its type; content block collections get one block of each type they allow; actions are of
 * `variant`, with the fields that variant uses.
 */
function sample(dto: DtoSpec, variant: string, depth = 0): Record<string, Json> {
  const out: Record<string, Json> = {};
  const cases = dto.variants?.cases;
  const chosen = cases && Object.hasOwn(cases, variant) ? variant : cases ? Object.keys(cases)[0]! : undefined;
  const excluded = new Set((dto.exclusive ?? []).flatMap((g) => g.fields.slice(1)));
  for (const f of dto.fields) {
    if (!sent(f) || excluded.has(f.name)) continue;
    if (chosen !== undefined && cases) {
      if (f.name === dto.variants?.by) {
        out[f.name] = chosen;
        continue;
      }
      if (!cases[chosen]!.effective.includes(f.name) && !(f.name in (cases[chosen]!.required ?? {}))) continue;
    }
    const value = valueOf(f.type, variant, depth);
    if (value !== undefined) out[f.name] = value;
  }
  return out;
}

function valueOf(t: FieldType, variant: string, depth: number): Json | undefined {
  switch (t.kind) {
    case "text":
      return "Some text";
    case "string":
      if (t.format === "datetime") return "2026-01-02T10:00:00+03:00";
      if (t.format === "hexColor") return "#a0b0c0";
      if (t.format === "countryCode") return "DE";
      if (t.codes === "icon") return SYSTEM_ICON_CODES[0]!;
      if (t.codes === "logo") return SYSTEM_LOGO_CODES[0]!;
      if (t.link) return "/crm/deal/details/1/";
      return "PHONE";
    case "int":
      return t.entityType ? 2 : Math.max(t.min ?? 1, 1);
    case "bool":
      return true;
    case "enum": {
      const v = t.values.find((x) => x.accepted?.server !== false && x.effectiveIn === undefined)!;
      return t.valueType === "int" ? Number(v.value) : v.value;
    }
    case "object":
      return depth > 6 || !getDto(t.dto) ? undefined : sample(getDto(t.dto)!, variant, depth + 1);
    case "collection": {
      const members: Record<string, Json> = {};
      if (t.blockTypes) t.blockTypes.forEach((type, i) => (members[`${t.keyPrefix}_${i + 1}`] = block(type, variant, depth)));
      else members[`${t.keyPrefix}_1`] = sample(getDto(t.of)!, variant, depth + 1);
      return members;
    }
    case "block":
      return block(t.blockTypes[0]!, variant, depth);
    case "scalarMap":
      return { clientId: 456 };
    case "list":
      return t.dto ? [sample(getDto(t.dto)!, variant, depth + 1)] : [valueOf(t.of, variant, depth)!];
    case "constant":
      return t.value;
  }
}

function block(type: string, variant: string, depth: number): Json {
  const dto = getDto(BLOCK_TYPES.find((b) => b.type === type)!.dto)!;
  return { type, properties: sample(dto, variant, depth + 1) };
}

const VARIANTS = Object.keys(getDto("ActionDto")!.variants!.cases);

describe("the importer and the lowering share the binding plan", () => {
  for (const declaration of DECLARATIONS) {
    // One case per distinct payload: a declaration without actions has one.
    const payloads = new Map(VARIANTS.map((variant) => [JSON.stringify(sample(getDto(declaration.dto)!, variant)), variant]));
    for (const [json, variant] of payloads) {
      it(`${declaration.keyword}: every field and block type${payloads.size > 1 ? `, with ${variant} actions,` : ""} round-trips in shorthands`, () => {
        const payload = JSON.parse(json) as Json;
        const { text } = roundTrip(JSON.stringify(payload), { kind: declaration.keyword });
        // Everything is said with statements the plan binds: no raw `json` fallback anywhere.
        expect(text).not.toMatch(/\bjson\b/);
      });
    }
    // The whole request around the payload (the blocks' target ids), one case per method.
    const request = declaration.request;
    for (const method of request ? requestMethodsOf(request.dto) : []) {
      it(`${declaration.keyword}: the whole ${method.method} request round-trips`, () => {
        const params = sample(getDto(request!.dto)!, VARIANTS[0]!);
        const kept = new Set([...method.requires, request!.payloadField]);
        for (const key of Object.keys(params)) if (!kept.has(key)) delete params[key];
        expect(Object.keys(params).sort()).toEqual([...kept].sort());
        const { text } = roundTrip(JSON.stringify(params), { kind: declaration.keyword });
        expect(text).not.toMatch(/\bjson\b/);
      });
    }
  }

  it("covers every DTO of the model the declarations reach", () => {
    const reached = new Set<string>();
    const visit = (value: Json, dto: string) => {
      reached.add(dto);
      if (value === null || typeof value !== "object" || Array.isArray(value)) return;
      for (const [key, v] of Object.entries(value)) {
        const field = getDto(dto)?.fields.find((f) => f.name === key);
        const t = field?.type;
        if (t?.kind === "object" && getDto(t.dto)) visit(v, t.dto);
        if (t?.kind === "collection" || t?.kind === "block") {
          const members = t.kind === "block" ? [v] : Object.values(v as Record<string, Json>);
          for (const m of members) {
            reached.add("ContentBlockDto");
            const member = m as Record<string, Json>;
            const of = t.kind === "collection" && !t.blockTypes ? t.of : BLOCK_TYPES.find((b) => b.type === member["type"])!.dto;
            visit(t.kind === "collection" && !t.blockTypes ? member : member["properties"]!, of);
          }
        }
        if (t?.kind === "list" && t.dto) for (const item of v as Json[]) visit(item, t.dto);
      }
    };
    for (const d of DECLARATIONS) {
      for (const variant of VARIANTS) visit(sample(getDto(d.dto)!, variant), d.dto);
      if (d.request) visit(sample(getDto(d.request.dto)!, VARIANTS[0]!), d.request.dto);
    }
    const closed = DTOS.filter((d) => d.closed).map((d) => d.name);
    expect(closed.filter((name) => !reached.has(name))).toEqual([]);
  });

  it("only the plan reads the statement tables: lowering, importer, editor and generators go through it", () => {
    const readers: string[] = [];
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) walk(path);
        else if (/\.(ts|mjs)$/.test(entry.name) && /\b(getStatementSpec|STATEMENTS|COLLECTION_MEMBER_KEYWORDS|LIST_MEMBER_KEYWORDS)\b/.test(readFileSync(path, "utf8"))) {
          readers.push(relative(ROOT, path));
        }
      }
    };
    walk(join(ROOT, "src"));
    walk(join(ROOT, "scripts"));
    expect(readers.sort()).toEqual(["src/model/binding.ts", "src/model/statements.ts"]);
  });
});

describe("the statement tables name only what the model has", () => {
  for (const dto of DTOS) {
    const plan = bindingPlan(dto.name);
    const spec = plan.spec;
    it(`${dto.name}: every field a shorthand names exists, and per-variant values name its variants`, () => {
      const named = [
        ...(spec.positional ?? []),
        ...Object.values(spec.positionalByVariant ?? {}).flat(),
        ...(spec.words ?? []),
        ...(spec.wordPositional ?? []),
        ...(spec.arrow !== undefined ? [spec.arrow] : []),
        ...Object.values(spec.keywordAliases ?? {}),
        ...Object.values(spec.flagAliases ?? {}).map((f) => f.field),
        ...(spec.flatten ?? []),
        ...(spec.labelField !== undefined ? [spec.labelField] : []),
        ...(spec.bodyField !== undefined ? [spec.bodyField] : []),
        ...(spec.membersByName ? [spec.membersByName.field] : []),
      ];
      expect(named.filter((f) => !plan.fields.has(f))).toEqual([]);
      const cases = Object.keys(dto.variants?.cases ?? {});
      expect(Object.keys(spec.positionalByVariant ?? {}).filter((v) => !cases.includes(v))).toEqual([]);
    });
  }
});

describe("head words bind in one order", () => {
  it("a keyword wins over a flag and an enum word, and a word-positional slot fills once", () => {
    expect(headWordBinding(bindingPlan("TextDto"), "bold")).toMatchObject({ kind: "keyword", field: { name: "bold" } });
    expect(headWordBinding(bindingPlan("TextDto"), "sm")).toMatchObject({ kind: "word", field: { name: "size" } });
    expect(headWordBinding(bindingPlan("CardParams"), "for")).toMatchObject({ kind: "keyword", field: { name: "entityTypeId" } });
    expect(headWordBinding(bindingPlan("ElementDto"), "always")).toEqual({ kind: "flag", field: "optionFlags", value: 1 });
    expect(headWordBinding(bindingPlan("IconDto"), "call-completed")).toEqual({ kind: "wordPositional", field: "code" });
    expect(headWordBinding(bindingPlan("IconDto"), "call-completed", new Set(["code"]))).toEqual({ kind: "none" });
    // Words of Object.prototype are the user's words, not the model's.
    expect(headWordBinding(bindingPlan("TextDto"), "constructor")).toEqual({ kind: "none" });
  });

  it("a body reads members, then fields, then flattened fields, and template words only where members go", () => {
    const activity = bindingPlan("ActivityParams");
    expect(activity.bodyStatement("completed")).toMatchObject({ kind: "flattened", flattened: { via: { name: "fields" } } });
    expect(activity.bodyStatement("when")).toEqual({ kind: "template" });
    expect(activity.bodyStatement("json")).toEqual({ kind: "rawMember" });
    expect(bindingPlan("BodyDto").bodyStatement("text")).toMatchObject({ kind: "member", field: { name: "blocks" } });
    expect(bindingPlan("SectionDto").bodyStatement("PHONE")).toEqual({ kind: "namedMember" });
    expect(bindingPlan("ScalarMap").bodyStatement("when")).toEqual({ kind: "open" });
    expect(bindingPlan("TextDto").bodyStatement("italic")).toEqual({ kind: "unknown" });
    expect(statementNamesIn("LineOfBlocksDto")).toEqual(["text", "link", "deadline", "scope"]);
  });
});

describe("declaration directives are a model column", () => {
  const card = declarationByKeyword("card")!;

  it("`legacy` leaves out what the model says, in the JSON, the schema and the TypeScript type alike", () => {
    expect(omittedByDirectives(card, ["legacy"])).toEqual(["entityTypeId"]);
    expect(omittedByDirectives(card, [])).toEqual([]);
    const source = 'card c for deal legacy {\n  main: section "Main" {\n    TITLE\n  }\n}\n';
    const [legacy] = emitProgram(check(source).program);
    expect(Object.keys(legacy!.value as object)).not.toContain("entityTypeId");
    const [plain] = emitProgram(check(source.replace(" legacy", "")).program);
    expect(plain!.value).toMatchObject({ entityTypeId: 2 });
    // The schema of card payloads takes both forms: the field is not required, and says which form leaves it out.
    const root = schemaFor("card")!;
    expect(root["required"]).not.toContain("entityTypeId");
    expect(JSON.stringify((root["properties"] as Record<string, Json>)["entityTypeId"])).toContain("Left out by the `legacy` form.");
    expect(payloadTypeName("card", ["legacy"])).toBe("LegacyCardParams");
    expect(payloadTypeName("card")).toBe("CardParams");
  });

  it("the importer reads card params without the omitted field as the directive's form", () => {
    const json = JSON.stringify({ data: [{ name: "main", title: "Main", type: "section", elements: [{ name: "TITLE" }] }] });
    const result = importJson(json, { entity: "deal" });
    expect(result.text).toMatch(/^card \w+ for deal legacy \{/m);
    expect(result.text).toContain("crm.<entity>.details.configuration.set params (the legacy form, without entityTypeId)");
  });
});

describe("REST method envelopes are a model table", () => {
  for (const method of methodsOf("blocks")) {
    it(`the params of ${method.name} are recognised by its target ids`, () => {
      const params: Record<string, Json> = {};
      for (const p of method.targetParams ?? []) params[p.name] = 7;
      params[method.payloadParam!] = { blocks: { block_1: { type: "text", properties: { value: "x" } } } };
      const result = importJson(JSON.stringify(params));
      expect(result.text).toContain(`${method.name} params`);
      expect(result.declarations.map((d) => d.inputPath)).toEqual([[method.payloadParam!]]);
    });
  }
});

describe("slotAt: what a JSON key path is in the model", () => {
  const layout = sample(getDto("LayoutDto")!, "redirect");
  const valueAt = (path: readonly JsonKey[]): unknown => path.reduce<unknown>((v, k) => (v !== null && typeof v === "object" ? (v as Record<string, unknown>)[k] : undefined), layout);

  it("names the field, its DTO, and the variant of an action", () => {
    expect(slotAt("LayoutDto", ["body", "blocks", "block_1", "properties", "size"], valueAt)).toMatchObject({ parent: "TextDto", field: { name: "size" } });
    expect(slotAt("LayoutDto", ["body", "blocks", "block_1", "properties"], valueAt)).toMatchObject({ dto: "TextDto", parent: "ContentBlockDto" });
    expect(slotAt("LayoutDto", ["header", "tags", "my-tag"])).toMatchObject({ dto: "TagDto" });
    expect(slotAt("LayoutDto", ["header", "titleAction", "uri"], valueAt)).toMatchObject({ parent: "ActionDto", variant: "redirect", field: { name: "uri" } });
    expect(slotAt("LayoutDto", ["header", "title", "de"])).toMatchObject({ type: { kind: "string" } });
    expect(slotAt("CardParams", ["data", 0, "elements", 0, "options", "defaultCountry"])).toMatchObject({ parent: "ElementOptions" });
  });

  it("leaves the model where a closed DTO has no such key, or a block's type is unknown", () => {
    expect(slotAt("LayoutDto", ["header", "subtitle"])).toBeUndefined();
    expect(slotAt("LayoutDto", ["body", "blocks", "block_1", "properties", "value"])).toBeUndefined();
    expect(slotAt("LayoutDto", ["icon", "code", "x"])).toBeUndefined();
    // A collection sent as a list (PHP's empty array) still has members.
    expect(slotAt("LayoutDto", ["header", "tags", 0, "type"])).toMatchObject({ parent: "TagDto" });
  });

  it("resolves every key path of a payload built from the model to the field that declares it", () => {
    const paths: JsonKey[][] = [];
    const walk = (v: unknown, path: JsonKey[]) => {
      if (v === null || typeof v !== "object") return;
      for (const [k, x] of Object.entries(v)) {
        const key: JsonKey = Array.isArray(v) ? Number(k) : k;
        paths.push([...path, key]);
        walk(x, [...path, key]);
      }
    };
    walk(layout, []);
    expect(paths.length).toBeGreaterThan(50);
    for (const path of paths) {
      const slot = slotAt("LayoutDto", path, valueAt);
      expect(slot, path.join(".")).toBeDefined();
      const value = valueAt(path);
      if (value !== null && typeof value === "object" && !Array.isArray(value) && slot!.dto !== undefined && getDto(slot!.dto)!.closed) {
        const fields = getDto(slot!.dto)!.fields.map((f) => f.name);
        expect(Object.keys(value).filter((k) => !fields.includes(k)), path.join(".")).toEqual([]);
      }
    }
    expect(canonical(layout as Json)).toContain('"blocks"');
  });
});
