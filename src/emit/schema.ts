/**
 * JSON Schema (draft-07) of every payload b24layout writes, generated from the Bitrix24 model.
 *
 * The schema accepts what the server accepts (required-ness, enum values, collection limits and
 * closed objects at their `server` column) with the JSON types the model gives each field: the
 * server silently casts `"false"` to `false`, but a payload with a string boolean is a mistake worth
 * flagging, as the checker does. Draft-07 because ajv's default `Ajv` class compiles it without
 * extra setup; for the same reason the schema uses no `format` and no non-standard keywords.
 */
import { BLOCK_TYPES, getDto } from "../model/index.js";
import { SYSTEM_ICON_CODES, SYSTEM_LOGO_CODES } from "../model/index.js";
import { ISO_COUNTRY_CODES } from "../model/index.js";
import { DECLARATIONS } from "../model/index.js";
import type { CodeCatalogue, DeclarationSpec, DirectiveSpec, DtoSpec, EnumValue, FieldSpec, FieldType, Limits, StringFormat } from "../model/index.js";
import type { Json } from "./json.js";

export type JsonSchema = { [key: string]: Json };

const DRAFT_07 = "http://json-schema.org/draft-07/schema#";

/**
 * Keys of associative collections and `actionParams` (spec §2 item 4, §4.12). The model has no
 * column for this pattern yet; it belongs next to `Limits` once a rule needs it too.
 */
export const COLLECTION_KEY_PATTERN = "^[a-zA-Z0-9_-]+$";

/** String formats as patterns (spec §6 datetime, §7 label colour). Country codes are an enum. */
const FORMAT_PATTERNS: Readonly<Record<Exclude<StringFormat, "countryCode">, string>> = {
  // Empty is allowed: the server ignores an empty deadline (spec §6).
  datetime: "^$|^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(?:[+-]\\d{2}:\\d{2}|Z)$",
  hexColor: "^#[0-9a-fA-F]{6}$",
};

const CODE_EXAMPLES: Readonly<Record<CodeCatalogue, readonly string[]>> = {
  icon: SYSTEM_ICON_CODES,
  logo: SYSTEM_LOGO_CODES,
  badge: [],
};

/** The output kinds a schema exists for: `layout`, `blocks`, `badge`, `activity`, `card`. */
export const SCHEMA_KINDS: readonly string[] = DECLARATIONS.map((d) => d.outputKind);

/** The JSON Schema of the payload of one output kind, or `undefined` for an unknown kind. */
export function schemaFor(kind: string): JsonSchema | undefined {
  const declaration = DECLARATIONS.find((d) => d.outputKind === kind);
  return declaration ? new SchemaBuilder().declaration(declaration) : undefined;
}

/** Every schema, keyed by output kind. */
export function allSchemas(): JsonSchema {
  const out: JsonSchema = {};
  for (const kind of SCHEMA_KINDS) out[kind] = schemaFor(kind)!;
  return out;
}

function ref(definition: string): JsonSchema {
  return { $ref: `#/definitions/${definition}` };
}

/** Attaches a description without putting keywords next to `$ref` (draft-07 ignores them there). */
function described(schema: JsonSchema, description: string): JsonSchema {
  return "$ref" in schema ? { description, allOf: [schema] } : { description, ...schema };
}

function isServerAccepted(v: EnumValue): boolean {
  return v.accepted?.server !== false;
}

function enumJson(v: EnumValue, valueType: "string" | "int" | undefined): string | number {
  return valueType === "int" ? Number(v.value) : v.value;
}

function defaultJson(field: FieldSpec): Json | undefined {
  if (field.default === undefined) return undefined;
  const t = field.type;
  if (t.kind === "bool") return field.default === "true";
  if (t.kind === "int" || (t.kind === "enum" && t.valueType === "int")) return Number(field.default);
  return field.default;
}

class SchemaBuilder {
  private readonly definitions = new Map<string, JsonSchema>();

  declaration(declaration: DeclarationSpec): JsonSchema {
    const dto = this.requireDto(declaration.dto);
    const payload = this.dtoSchema(dto, declaration.directives ?? []);
    // `blocks` with a target writes the whole request instead of its `layout`: either is valid output.
    const root = declaration.request
      ? { if: { type: "object", required: [declaration.request.payloadField] }, then: this.dtoRef(declaration.request.dto), else: payload }
      : payload;
    const description = `${declaration.doc} For ${declaration.method}.`;
    const definitions: JsonSchema = {};
    for (const name of [...this.definitions.keys()].sort()) definitions[name] = this.definitions.get(name)!;
    return { $schema: DRAFT_07, title: `${declaration.keyword} (${dto.name})`, ...root, description, definitions };
  }

  private requireDto(name: string): DtoSpec {
    const dto = getDto(name);
    if (!dto) throw new Error(`The model has no DTO '${name}'.`);
    return dto;
  }

  /** A reference to the definition of a DTO, building it on first use. */
  private dtoRef(name: string): JsonSchema {
    if (!this.definitions.has(name)) {
      this.definitions.set(name, {}); // reserve first: recursive DTOs refer to themselves
      this.definitions.set(name, this.dtoSchema(this.requireDto(name)));
    }
    return ref(name);
  }

  /** `directives`: those of the declaration whose root this is; a field they leave out is not required. */
  private dtoSchema(dto: DtoSpec, directives: readonly DirectiveSpec[] = []): JsonSchema {
    const properties: JsonSchema = {};
    const required: string[] = [];
    for (const field of dto.fields) {
      if (field.accepted?.server === false) continue; // FIELD_IS_REDUNDANT on the server
      const omittedBy = directives.filter((d) => d.omits?.includes(field.name)).map((d) => `\`${d.word}\``);
      if (field.required?.server && omittedBy.length === 0) required.push(field.name);
      properties[field.name] = this.fieldSchema(field, omittedBy.length > 0 ? `Left out by the ${omittedBy.join(", ")} form.` : "");
    }
    const out: JsonSchema = { type: "object", description: dto.doc, properties };
    if (required.length > 0) out["required"] = required;
    if (dto.closed) out["additionalProperties"] = false;
    const conditions = [...this.variantConditions(dto), ...this.exclusions(dto)];
    if (conditions.length > 0) out["allOf"] = conditions;
    return out;
  }

  /** Server-required fields per variant (ActionDto: `uri` for `redirect`, `id` for `restEvent`). */
  private variantConditions(dto: DtoSpec): Json[] {
    if (!dto.variants) return [];
    const { by, cases } = dto.variants;
    const out: Json[] = [];
    for (const [value, variant] of Object.entries(cases)) {
      const required = Object.entries(variant.required ?? {})
        .filter(([, support]) => support.server)
        .map(([name]) => name);
      if (required.length === 0) continue;
      out.push({ if: { properties: { [by]: { const: value } }, required: [by] }, then: { required } });
    }
    return out;
  }

  /** Fields the server refuses together: no two of a group may be present. */
  private exclusions(dto: DtoSpec): Json[] {
    const out: Json[] = [];
    for (const group of dto.exclusive ?? []) {
      if (!group.support.server) continue;
      group.fields.forEach((a, i) => {
        for (const b of group.fields.slice(i + 1)) out.push({ not: { required: [a, b] } });
      });
    }
    return out;
  }

  private fieldSchema(field: FieldSpec, extraDoc = ""): JsonSchema {
    const doc = [field.doc, this.enumValuesDoc(field.type), field.note ? `Note: ${field.note}.` : "", extraDoc].filter(Boolean).join(" ");
    const schema = described(this.typeSchema(field.type), doc);
    const value = defaultJson(field);
    if (value !== undefined) schema["default"] = value;
    return schema;
  }

  /** Value docs go into the description: draft-07 has no standard keyword for them. */
  private enumValuesDoc(type: FieldType): string {
    if (type.kind !== "enum") return "";
    return type.values
      .filter(isServerAccepted)
      .map((v) => `\`${v.value}\`${v.aliases?.length ? ` (${v.aliases.join(", ")})` : ""}: ${v.doc}`)
      .join(" ");
  }

  private typeSchema(type: FieldType): JsonSchema {
    switch (type.kind) {
      case "text":
        return this.textWithTranslation();
      case "string": {
        const out: JsonSchema = { type: "string" };
        if (type.format === "countryCode") out["enum"] = [...ISO_COUNTRY_CODES].sort();
        else if (type.format) out["pattern"] = FORMAT_PATTERNS[type.format];
        // A blank value the server rejects: empty, or only what PHP's trim() removes.
        if (type.nonBlank === "empty") out["minLength"] = 1;
        else if (type.nonBlank === "trimmed") out["pattern"] = "[^ \\t\\n\\r\\u0000\\u000b]";
        const examples = type.codes ? CODE_EXAMPLES[type.codes] : [];
        if (examples.length > 0) out["examples"] = [...examples];
        return out;
      }
      case "int":
        return type.min === undefined ? { type: "integer" } : { type: "integer", minimum: type.min };
      case "bool": {
        // Where the server accepts an exact set of strings (activity `completed`), they are valid
        // values, and so are the numbers they spell. Elsewhere the server casts any string, which
        // is a mistake worth flagging.
        if (!type.strings) return { type: "boolean" };
        const spellings = Object.keys(type.strings);
        const numbers = spellings.filter((k) => /^\d+$/.test(k)).map(Number);
        return { anyOf: [{ type: "boolean" }, { enum: [...spellings, ...numbers] }] };
      }
      case "enum": {
        const jsonType = type.valueType === "int" ? "integer" : "string";
        const values = type.values.filter(isServerAccepted).map((v) => enumJson(v, type.valueType));
        // A value outside the set is only rejected where `strict` says so (block `scope`).
        return type.strict.server ? { enum: values } : { type: jsonType, examples: values };
      }
      case "object":
        return this.dtoRef(type.dto);
      case "collection": {
        const member = type.blockTypes ? this.blockRef(type.blockTypes) : this.dtoRef(type.of);
        return { type: "object", propertyNames: { pattern: COLLECTION_KEY_PATTERN }, ...this.countLimits(type.limits, "Properties"), additionalProperties: member };
      }
      case "block":
        return this.blockRef(type.blockTypes);
      case "scalarMap":
        return {
          type: "object",
          propertyNames: { pattern: COLLECTION_KEY_PATTERN },
          ...this.countLimits(type.limits, "Properties"),
          additionalProperties: { anyOf: [{ type: "string" }, { type: "number" }, { type: "boolean" }] },
        };
      case "list":
        return { type: "array", items: this.typeSchema(type.of), ...this.countLimits(type.limits, "Items") };
      case "constant":
        return { const: type.value };
    }
  }

  private countLimits(limits: Limits | undefined, what: "Properties" | "Items"): JsonSchema {
    const out: JsonSchema = {};
    if (limits?.min?.server !== undefined) out[`min${what}`] = limits.min.server;
    if (limits?.max?.server !== undefined) out[`max${what}`] = limits.max.server;
    return out;
  }

  /** `textWithTranslation` (spec §3): a string, or texts by language id. */
  private textWithTranslation(): JsonSchema {
    const name = "TextWithTranslation";
    if (!this.definitions.has(name)) {
      const languageMap = this.requireDto("LanguageMap");
      this.definitions.set(name, {
        description: "A string, or a map of portal language id to string (spec §3).",
        anyOf: [{ type: "string" }, { type: "object", description: languageMap.doc, additionalProperties: { type: "string" } }],
      });
    }
    return ref(name);
  }

  /**
   * A content block restricted to `blockTypes`: `{ type, properties }` where the shape of
   * `properties` follows `type` (spec §4.6, §4.7). Built from ContentBlockDto: its enum field is
   * the discriminator, and its object field whose DTO depends on the type holds the properties.
   */
  private blockRef(blockTypes: readonly string[]): JsonSchema {
    const all = BLOCK_TYPES.map((b) => b.type);
    const container = this.requireDto("ContentBlockDto");
    const name = blockTypes.length === all.length && all.every((t) => blockTypes.includes(t)) ? container.name : `${container.name}_${blockTypes.join("_")}`;
    if (this.definitions.has(name)) return ref(name);
    this.definitions.set(name, {});

    const discriminator = container.fields.find((f) => f.type.kind === "enum");
    const payload = container.fields.find((f) => f.type.kind === "object");
    if (!discriminator || !payload) throw new Error("ContentBlockDto needs an enum field and an object field.");
    const types = BLOCK_TYPES.filter((b) => blockTypes.includes(b.type));

    const properties: JsonSchema = {
      [discriminator.name]: { description: `${discriminator.doc} ${types.map((t) => `\`${t.type}\`: ${t.doc}`).join(" ")}`, enum: types.map((t) => t.type) },
      [payload.name]: { description: payload.doc, type: "object" },
    };
    const schema: JsonSchema = {
      type: "object",
      description: `${container.doc} Allowed types: ${types.map((t) => t.type).join(", ")}.`,
      properties,
      required: container.fields.filter((f) => f.required?.server).map((f) => f.name),
      additionalProperties: !container.closed,
      allOf: types.map((t) => ({
        if: { properties: { [discriminator.name]: { const: t.type } }, required: [discriminator.name] },
        then: { properties: { [payload.name]: this.dtoRef(t.dto) } },
      })),
    };
    this.definitions.set(name, schema);
    return ref(name);
  }
}
