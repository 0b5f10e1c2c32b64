/**
 * JSON as a second source syntax: the positioned tree a JSON text parses to (every key and value
 * with its range), paths into it, and the plain JSON value type. The importer reads it, and so
 * does the JSON front end of the checker (src/lower/json-payload.ts, src/pipeline/json.ts).
 */
export * from "./json-tree.js";
export * from "./json-path.js";
export type { Json } from "./json-value.js";
