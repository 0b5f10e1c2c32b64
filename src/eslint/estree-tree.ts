/**
 * A payload written as a JavaScript or TypeScript expression, as the positioned tree the JSON
 * front end checks: the parts known statically become objects, lists and scalars with their
 * source ranges; every other part becomes an `unknown` node (present, not checked), and an object
 * whose keys are not all known (a spread, a computed key) is `partial` (no finding about a
 * missing field there). Nothing is guessed.
 */
import type * as ESTree from "estree";
import type { Range } from "../diagnostic.js";
import { MAX_JSON_DEPTH, type JsonArray, type JsonNode, type JsonObject, type JsonProperty } from "../json/index.js";
import { propertyName, staticScalar, unwrap, type SourceNode } from "./static-value.js";

/**
 * A place in the source a checker fix may rewrite: a literal value, or an object key written as
 * an identifier or a literal. Fixes are offered only where every edit lands exactly on one.
 */
export interface LiteralSite {
  readonly kind: "value" | "key";
  /** A key written as an identifier (`icon:`), not as a string (`"icon":`). */
  readonly identifier: boolean;
}

export interface ConvertedPayload {
  readonly tree: JsonNode;
  /** The literal sites by `"start:end"` offsets. */
  readonly literals: ReadonlyMap<string, LiteralSite>;
}

/** The tree of an expression, with ranges in the source its nodes were parsed from. */
export function convertPayload(expression: SourceNode): ConvertedPayload {
  const literals = new Map<string, LiteralSite>();
  const tree = convert(expression, 0, literals);
  return { tree, literals };
}

/** The half-open range of a node, with 1-based columns as in src/diagnostic.ts (ESTree's are 0-based). */
export function rangeOf(node: SourceNode): Range {
  const [start, end] = node.range!;
  const { loc } = node;
  return {
    start: { offset: start, line: loc!.start.line, column: loc!.start.column + 1 },
    end: { offset: end, line: loc!.end.line, column: loc!.end.column + 1 },
  };
}

export function siteKey(range: Range): string {
  return `${range.start.offset}:${range.end.offset}`;
}

function convert(node: SourceNode, depth: number, literals: Map<string, LiteralSite>): JsonNode {
  const expression = unwrap(node);
  const range = rangeOf(expression);
  // As deep as the JSON front end reads JSON (a payload nests about 12 levels): no input exhausts the stack.
  if (depth >= MAX_JSON_DEPTH) return { kind: "unknown", range };
  if (expression.type === "ObjectExpression") return convertObject(expression, range, depth, literals);
  if (expression.type === "ArrayExpression") return convertArray(expression, range, depth, literals);
  const value = staticScalar(expression);
  if (value === undefined) return { kind: "unknown", range };
  if (expression.type === "Literal" || expression.type === "TemplateLiteral") literals.set(siteKey(range), { kind: "value", identifier: false });
  return { kind: "scalar", value, range };
}

function convertObject(object: ESTree.ObjectExpression, range: Range, depth: number, literals: Map<string, LiteralSite>): JsonObject {
  // As JavaScript builds the object: a later key replaces an earlier one, and a spread may
  // replace any key written before it (that key is still there, its value is not known).
  const entries = new Map<string, JsonProperty>();
  let partial = false;
  for (const property of object.properties) {
    if (property.type === "SpreadElement") {
      partial = true;
      for (const [key, entry] of entries) entries.set(key, { ...entry, value: { kind: "unknown", range: entry.value.range } });
      continue;
    }
    const key = propertyName(property.key, property.computed);
    if (key === undefined) {
      // An unknown key may be any key, the ones already written included.
      partial = true;
      for (const [name, entry] of entries) entries.set(name, { ...entry, value: { kind: "unknown", range: entry.value.range } });
      continue;
    }
    // `__proto__: x` (not computed, not shorthand) sets the object's prototype: it is no key, and
    // JSON.stringify and the SDK's encoders send nothing for it.
    if (key === "__proto__" && !property.computed && !property.shorthand && !property.method && property.kind === "init") continue;
    const keyNode = unwrap(property.key);
    const keyRange = rangeOf(keyNode);
    if (keyNode.type === "Identifier" && !property.computed) literals.set(siteKey(keyRange), { kind: "key", identifier: true });
    else if (keyNode.type === "Literal" || keyNode.type === "TemplateLiteral") literals.set(siteKey(keyRange), { kind: "key", identifier: false });
    // A method, getter or setter is a function, not a value a payload can hold: not guessed at.
    const value: JsonNode =
      property.kind === "init" && !property.method && !property.shorthand
        ? convert(property.value, depth + 1, literals)
        : { kind: "unknown", range: rangeOf(property.value) };
    // A key written again keeps its place in the object (JavaScript's order) and takes the later value.
    entries.set(key, { key, keyRange, value });
  }
  return partial ? { kind: "object", entries: [...entries.values()], range, partial: true } : { kind: "object", entries: [...entries.values()], range };
}

function convertArray(array: ESTree.ArrayExpression, range: Range, depth: number, literals: Map<string, LiteralSite>): JsonArray {
  const items: JsonNode[] = [];
  let partial = false;
  for (const element of array.elements) {
    if (element === null) {
      // A hole: `undefined` at run time, which a request sends as nothing or `null` depending on how it is encoded.
      items.push({ kind: "unknown", range });
    } else if (element.type === "SpreadElement") {
      // Items after a spread stand at unknown indexes; the spread adds an unknown number of items.
      partial = true;
    } else {
      items.push(convert(element, depth + 1, literals));
    }
  }
  return partial ? { kind: "array", items, range, partial: true } : { kind: "array", items, range };
}
