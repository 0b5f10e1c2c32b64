/**
 * TypeScript types of every payload b24layout writes, generated from the Bitrix24 model: one
 * interface per DTO, content blocks as a union discriminated by `type`, and one type per output
 * kind. The TypeScript target writes this module next to the generated factories, so an app type-
 * checks what it passes to the REST API without depending on this package at run time.
 *
 * Like the JSON Schema (schema.ts), the types accept what the server accepts: fields the server
 * refuses are left out, enums list the values it takes, and a docs-only enum stays open
 * (`"web" | "mobile" | (string & {})`, so editors still complete the known values).
 */
import { BLOCK_TYPES, DTOS, getDto } from "../model/index.js";
import { DECLARATIONS } from "../model/index.js";
import type { DtoSpec, EnumValue, FieldSpec, FieldType } from "../model/index.js";

/** The type name of a DTO (`LayoutDto`) or of a block type's union member (`TextBlock`). */
function blockTypeName(type: string): string {
  return `${type.charAt(0).toUpperCase()}${type.slice(1)}Block`;
}

/** Names of the union of content blocks allowed in a place (`ContentBlockDto` when all are). */
export function blockUnionName(blockTypes: readonly string[]): string {
  const all = BLOCK_TYPES.map((b) => b.type);
  if (blockTypes.length === all.length && all.every((t) => blockTypes.includes(t))) return "ContentBlockDto";
  return blockTypes.map(blockTypeName).join(" | ");
}

/**
 * The payload type of an output kind (`layout` → `LayoutDto`); with directives that leave fields
 * out (`legacy` cards have no `entityTypeId`), the variant type named after them (`LegacyCardParams`).
 */
export function payloadTypeName(outputKind: string, directives: Iterable<string> = []): string {
  const declaration = DECLARATIONS.find((d) => d.outputKind === outputKind);
  if (!declaration) throw new Error(`No declaration writes '${outputKind}'.`);
  const given = new Set(directives);
  const omitting = (declaration.directives ?? []).filter((d) => given.has(d.word) && d.omits?.length).map((d) => d.word).sort();
  return omitting.length === 0 ? declaration.dto : `${omitting.map(capitalize).join("")}${declaration.dto}`;
}

function capitalize(s: string): string {
  return `${s.charAt(0).toUpperCase()}${s.slice(1)}`;
}

/** `LegacyCardParams = Omit<CardParams, "entityTypeId">`: payload types of directives that leave fields out. */
function directiveTypes(): string[] {
  const out: string[] = [];
  for (const declaration of DECLARATIONS) {
    for (const { word: directive, omits: omitted } of declaration.directives ?? []) {
      if (!omitted?.length) continue;
      const doc = `${declaration.dto} as the \`${directive}\` form of ${declaration.keyword} sends it: without ${omitted.map((f) => `\`${f}\``).join(", ")}.`;
      out.push(`${jsDoc(doc, "")}export type ${payloadTypeName(declaration.outputKind, [directive])} = Omit<${declaration.dto}, ${omitted.map((f) => JSON.stringify(f)).join(" | ")}>;\n`);
    }
  }
  return out;
}

function literal(v: EnumValue, valueType: "string" | "int" | undefined): string {
  return valueType === "int" ? String(Number(v.value)) : JSON.stringify(v.value);
}

/** A JSDoc comment, or nothing for an empty text. */
function jsDoc(text: string, indent: string): string {
  const clean = text.replace(/\*\//g, "*\\/").trim();
  if (!clean) return "";
  return `${indent}/** ${clean} */\n`;
}

/** The TypeScript type of a field's value. */
export function typeOf(type: FieldType): string {
  switch (type.kind) {
    case "text":
      return "TextWithTranslation";
    case "string":
      return "string";
    case "int":
      return "number";
    case "bool": {
      if (!type.strings) return "boolean";
      const spellings = Object.keys(type.strings);
      const numbers = spellings.filter((k) => /^\d+$/.test(k));
      return ["boolean", ...spellings.map((s) => JSON.stringify(s)), ...numbers].join(" | ");
    }
    case "enum": {
      const accepted = type.values.filter((v) => v.accepted?.server !== false);
      const values = accepted.map((v) => literal(v, type.valueType));
      // The server casts numeric strings (`"1"`, as `get` methods return them) and so does the checker.
      if (type.valueType === "int") values.push(...accepted.map((v) => JSON.stringify(v.value)));
      if (type.strict.server) return values.join(" | ");
      return [...values, type.valueType === "int" ? "(number & {})" : "(string & {})"].join(" | ");
    }
    case "object":
      return type.dto;
    case "collection": {
      const member = type.blockTypes ? blockUnionName(type.blockTypes) : type.of;
      return `Record<string, ${member}>`;
    }
    case "block":
      return blockUnionName(type.blockTypes);
    case "scalarMap":
      return "Record<string, string | number | boolean>";
    case "list": {
      const item = typeOf(type.of);
      return /[ |&]/.test(item) ? `(${item})[]` : `${item}[]`;
    }
    case "constant":
      return JSON.stringify(type.value);
  }
}

/**
 * Whether `typeOf(type)` takes a scalar value: false for what the checker only warns about and
 * the JSON target sends as written (`showPostponeItem "false"`, a string where the server casts
 * it to a boolean), which the TypeScript target then writes with a cast.
 */
export function typeTakes(type: FieldType, value: string | number | boolean | null): boolean {
  switch (type.kind) {
    case "text":
    case "string":
      return typeof value === "string";
    case "int":
      return typeof value === "number";
    case "bool":
      return typeof value === "boolean" || (type.strings !== undefined && (Object.hasOwn(type.strings, String(value)) && (typeof value === "string" || /^\d+$/.test(String(value)))));
    case "enum": {
      const accepted = type.values.filter((v) => v.accepted?.server !== false);
      if (type.valueType === "int") {
        const fits = accepted.some((v) => Number(v.value) === value || String(v.value) === value);
        return fits || (!type.strict.server && typeof value === "number");
      }
      return typeof value === "string" && (!type.strict.server || accepted.some((v) => v.value === value));
    }
    case "constant":
      return type.value === value;
    default:
      return false;
  }
}

function fieldDoc(field: FieldSpec): string {
  const values =
    field.type.kind === "enum"
      ? field.type.values
          .filter((v) => v.accepted?.server !== false)
          .map((v) => `\`${v.value}\`: ${v.doc}`)
          .join(" ")
      : "";
  const dflt = field.default !== undefined ? `Default \`${field.default}\`.` : "";
  return [field.doc, values, dflt].filter(Boolean).join(" ");
}

/** Whether the payload must have the field: required by the server, and not left to the compiler. */
function isRequired(field: FieldSpec): boolean {
  return field.required?.server === true && field.type.kind !== "constant";
}

function dtoInterface(dto: DtoSpec): string {
  const lines: string[] = [];
  for (const field of dto.fields) {
    if (field.accepted?.server === false) continue; // FIELD_IS_REDUNDANT on the server
    lines.push(`${jsDoc(fieldDoc(field), "  ")}  ${JSON.stringify(field.name).slice(1, -1)}${isRequired(field) ? "" : "?"}: ${typeOf(field.type)};`);
  }
  if (!dto.closed) lines.push("  [key: string]: unknown;");
  const doc = dto.doc.includes(dto.spec) ? dto.doc : `${dto.doc} (spec ${dto.spec})`;
  return `${jsDoc(doc, "")}export interface ${dto.name} {\n${lines.join("\n")}\n}\n`;
}

/** `TextBlock`: `{ type: "text"; properties?: TextDto }`, built from ContentBlockDto's two fields. */
function blockInterfaces(): string {
  const container = getDto("ContentBlockDto");
  const discriminator = container?.fields.find((f) => f.type.kind === "enum");
  const payload = container?.fields.find((f) => f.type.kind === "object");
  if (!container || !discriminator || !payload) throw new Error("ContentBlockDto needs an enum field and an object field.");
  const out = BLOCK_TYPES.map(
    (b) =>
      `${jsDoc(b.doc, "")}export interface ${blockTypeName(b.type)} {\n  ${discriminator.name}: ${JSON.stringify(b.type)};\n${jsDoc(payload.doc, "  ")}  ${payload.name}${isRequired(payload) ? "" : "?"}: ${b.dto};\n}\n`,
  );
  out.push(`${jsDoc(container.doc, "")}export type ContentBlockDto = ${BLOCK_TYPES.map((b) => blockTypeName(b.type)).join(" | ")};\n`);
  return out.join("\n");
}

/** The whole module: every DTO a payload can contain, the content block union and the text type. */
export function typesModule(): string {
  const skip = new Set(["ContentBlockDto", "LanguageMap", "ScalarMap"]);
  const parts = [
    "// Types of the Bitrix24 REST payloads, generated by b24layout from its model. Do not edit.\n",
    `${jsDoc("A string, or texts by portal language id (`en`, `de`, `ru`, …); shown in the user's language, else `en` (spec §3).", "")}export type TextWithTranslation = string | { readonly [language: string]: string };\n`,
    blockInterfaces(),
    ...DTOS.filter((d) => !skip.has(d.name) && !BLOCK_TYPES.some((b) => b.dto === d.name)).map(dtoInterface),
    ...BLOCK_TYPES.map((b) => getDto(b.dto)).filter((d): d is DtoSpec => d !== undefined).map(dtoInterface),
    ...directiveTypes(),
  ];
  return parts.join("\n");
}
