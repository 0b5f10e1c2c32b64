/** HTML text and attribute escaping, and reading the untyped REST JSON the renderer gets. */
import type { Json } from "../emit/index.js";
import { BOOL_TRUE_STRINGS } from "../model/index.js";

const ESCAPES: Readonly<Record<string, string>> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Escapes text for an element's content or a quoted attribute value. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

/** JSON inside `<script type="application/json">`: `<` escaped so no `</script>` or `<!--` ends it early. */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, "\\u003c").replace(/\u2028/g, "\\u2028").replace(/\u2029/g, "\\u2029");
}

export type JsonObject = { readonly [key: string]: Json };

export function asObject(value: Json | undefined): JsonObject | undefined {
  return value !== null && typeof value === "object" && !Array.isArray(value) ? value : undefined;
}

export function asString(value: Json | undefined): string | undefined {
  return typeof value === "string" ? value : typeof value === "number" ? String(value) : undefined;
}

/** The entries of an object in written order; `__proto__` included (payload objects have no prototype). */
export function entriesOf(value: Json | undefined): [string, Json][] {
  const object = asObject(value);
  return object ? Object.keys(object).map((k) => [k, object[k]!]) : [];
}

/**
 * A boolean of the payload as the server reads it: a string is cast (spec §2.6: true only for
 * `BOOL_TRUE_STRINGS`, so `"false"` and `"N"` are false), or, for a field with its own spellings
 * (an activity's `completed`), looked up in them (any other string is undefined: rejected).
 */
export function asBoolean(value: Json | undefined, strings?: Readonly<Record<string, boolean>>): boolean | undefined {
  if (typeof value === "boolean") return value;
  if (typeof value === "number") return value !== 0;
  if (typeof value !== "string") return undefined;
  if (strings) return Object.hasOwn(strings, value) ? strings[value] : undefined;
  return BOOL_TRUE_STRINGS.includes(value.toUpperCase());
}
