/** HTML text and attribute escaping, and reading the untyped REST JSON the renderer gets. */
import type { Json } from "../emit/index.js";

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
