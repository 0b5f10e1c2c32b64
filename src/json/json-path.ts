/**
 * Paths into the imported JSON: how messages show them (`footer.menu.showPostponeItem`,
 * `data[0].elements[2]`, `blocks["my key"]`) and the changes an import makes, as JSON Patch
 * operations (RFC 6902) on those paths, so a caller can apply them and compare.
 */
import type { Json } from "./json-value.js";

export type JsonPath = readonly (string | number)[];

const PLAIN_KEY = /^[A-Za-z_$][A-Za-z0-9_$-]*$/;

/** `footer.menu.showPostponeItem`, `data[0].name`, `blocks["1"]`; the empty path is `(the top level)`. */
export function formatPath(path: JsonPath): string {
  if (path.length === 0) return "(the top level)";
  let out = "";
  for (const segment of path) {
    if (typeof segment === "number") out += `[${segment}]`;
    else if (PLAIN_KEY.test(segment)) out += out === "" ? segment : `.${segment}`;
    else out += `[${JSON.stringify(segment)}]`;
  }
  return out;
}

/**
 * A change the import made to the JSON it read (a docs quirk normalised, a value the language
 * cannot write left out or made explicit): applied to the input, it gives what the imported text
 * compiles to. `path` is from the top of the input.
 */
export type JsonChange =
  | { readonly op: "replace"; readonly path: JsonPath; readonly value: Json }
  | { readonly op: "add"; readonly path: JsonPath; readonly value: Json }
  | { readonly op: "remove"; readonly path: JsonPath };

/** `path` as a JSON Pointer (RFC 6901): `/footer/menu/showPostponeItem`. */
export function toPointer(path: JsonPath): string {
  return path.map((s) => `/${String(s).replace(/~/g, "~0").replace(/\//g, "~1")}`).join("");
}

/**
 * Applies changes to a copy of `value` (plain JSON, as JSON.parse gives it). Paths are those of
 * the input: removals go last, deepest and highest index first, so no removal shifts the list
 * index another change names.
 */
export function applyChanges(value: Json, changes: readonly JsonChange[]): Json {
  let root = structuredClone(value);
  const removals = changes.filter((c) => c.op === "remove").sort((a, b) => comparePaths(b.path, a.path));
  for (const change of [...changes.filter((c) => c.op !== "remove"), ...removals]) {
    if (change.path.length === 0) {
      if (change.op !== "remove") root = structuredClone(change.value);
      continue;
    }
    const parent = resolve(root, change.path.slice(0, -1));
    const last = change.path[change.path.length - 1]!;
    if (Array.isArray(parent)) {
      const i = Number(last);
      if (change.op === "remove") parent.splice(i, 1);
      else if (change.op === "add") parent.splice(i, 0, structuredClone(change.value));
      else parent[i] = structuredClone(change.value);
    } else if (parent !== null && typeof parent === "object") {
      if (change.op === "remove") delete parent[String(last)];
      else Object.defineProperty(parent, String(last), { value: structuredClone(change.value), enumerable: true, writable: true, configurable: true });
    }
  }
  return root;
}

/** Path order: segment by segment, numbers by value; a path before the paths inside it. */
function comparePaths(a: JsonPath, b: JsonPath): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x === y) continue;
    if (typeof x === "number" && typeof y === "number") return x - y;
    return String(x) < String(y) ? -1 : 1;
  }
  return a.length - b.length;
}

function resolve(value: Json, path: JsonPath): Json {
  let current = value;
  for (const segment of path) {
    if (current === null || typeof current !== "object") return null;
    current = Array.isArray(current) ? current[Number(segment)]! : Object.hasOwn(current, String(segment)) ? current[String(segment)]! : null;
  }
  return current;
}

/** The value at `path`, or undefined. */
export function valueAt(value: Json, path: JsonPath): Json | undefined {
  let current: Json | undefined = value;
  for (const segment of path) {
    if (current === null || current === undefined || typeof current !== "object") return undefined;
    if (Array.isArray(current)) current = current[Number(segment)];
    else current = Object.hasOwn(current, String(segment)) ? current[String(segment)] : undefined;
  }
  return current;
}
