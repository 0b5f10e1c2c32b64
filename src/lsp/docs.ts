/**
 * The model's documentation as Markdown, for hover and completion: what a field or structure does
 * in Bitrix24, the values it takes, its limits, where it is required, and where the docs and the
 * server disagree.
 */
import { getDto } from "../model/index.js";
import type { Bound, DtoSpec, FieldSpec, FieldType, Support } from "../model/index.js";

function where(support: Support): string {
  return support.docs && support.server ? "" : support.server ? " (by the server; the docs do not say so)" : " (by the docs; the server does not enforce it)";
}

function bound(b: Bound | undefined): string | undefined {
  if (!b) return undefined;
  if (b.docs !== undefined && b.server !== undefined && b.docs !== b.server) return `${b.server} on the server, ${b.docs} in the docs`;
  const n = b.server ?? b.docs;
  return n === undefined ? undefined : `${n}${b.server === undefined ? " (docs)" : b.docs === undefined ? " (server)" : ""}`;
}

/** The type in words. */
export function typeText(t: FieldType): string {
  switch (t.kind) {
    case "text":
      return "text: a string, or a language map `{ en: \"…\", de: \"…\" }`, or `@key`";
    case "string":
      return t.format ? `string (${t.format})` : t.codes ? `${t.codes} code` : "string";
    case "int":
      return t.entityType ? "CRM entity type (`deal`, `lead`, … or its id)" : t.min !== undefined ? `whole number ≥ ${t.min}` : "whole number";
    case "bool":
      return "boolean";
    case "enum":
      return "one of the values below";
    case "object":
      return getDto(t.dto)?.title ?? t.dto;
    case "collection":
      return `members (${getDto(t.of)?.title ?? t.of}), keyed by their labels`;
    case "block":
      return `one block: ${t.blockTypes.join(", ")}`;
    case "scalarMap":
      return "a map of scalar values `{ key: 1, other: \"x\" }`";
    case "list":
      return `a list of ${typeText(t.of)}`;
    case "constant":
      return `always ${JSON.stringify(t.value)}`;
  }
}

export function fieldDoc(field: FieldSpec): string {
  const lines = [`**${field.name}**: ${field.doc}`, "", `Type: ${typeText(field.type)}.`];
  const t = field.type;
  if (t.kind === "enum") {
    lines.push("", ...t.values.map((v) => `- \`${v.value}\`${v.aliases?.length ? ` (also ${v.aliases.map((a) => `\`${a}\``).join(", ")})` : ""}: ${v.doc}${v.accepted?.server === false ? ` Not accepted: ${v.note ?? "refused by the server"}.` : ""}`));
  }
  const limits = t.kind === "collection" || t.kind === "list" || t.kind === "scalarMap" ? t.limits : undefined;
  const min = bound(limits?.min);
  const max = bound(limits?.max);
  if (min || max) lines.push("", `Limits: ${[min && `at least ${min}`, max && `at most ${max}`].filter(Boolean).join(", ")}.`);
  if (field.required) lines.push("", `Required${where(field.required)}.`);
  if (field.default !== undefined) lines.push("", `Default: \`${field.default}\`.`);
  if (field.note) lines.push("", `Note: ${field.note}.`);
  if (field.spec) lines.push("", `Spec ${field.spec}.`);
  return lines.join("\n");
}

export function dtoDoc(name: string): string {
  const dto: DtoSpec | undefined = getDto(name);
  if (!dto) return "";
  const fields = dto.fields.map((f) => `- \`${f.name}\`${f.required?.server ? " (required)" : ""}: ${f.doc}`);
  return [`**${dto.title}** (${dto.name}): ${dto.doc}`, "", ...fields, "", `Spec ${dto.spec}.`].join("\n");
}
