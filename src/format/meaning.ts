/**
 * What formatting must keep: the syntax tree without its positions, and every comment's text in
 * order. `fmt` compares both before it writes anything, and the tests compare them for every
 * fixture, example and generated program.
 */
import type { Document } from "../syntax/index.js";

/** Keys that say where, not what. */
const POSITION_KEYS = new Set(["range", "comments"]);

/** A node as plain data without its positions (and without what Prettier attaches to it). */
export function withoutPositions(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(withoutPositions);
  if (node === null || typeof node !== "object") return node;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    if (POSITION_KEYS.has(key) || value === undefined) continue;
    out[key] = withoutPositions(value);
  }
  return out;
}

/**
 * A comment's text as formatting keeps it: its line breaks become the output's, and spaces at the
 * end of its lines are trimmed like every line's.
 */
function commentText(text: string): string {
  return text
    .split(/\r\n?|\n/)
    .map((line) => line.trimEnd())
    .join("\n");
}

/** The meaning of a document: its tree without positions, and its comments' texts in order. */
export function meaningOf(document: Document): { readonly tree: unknown; readonly comments: readonly string[] } {
  return { tree: withoutPositions(document), comments: document.comments.map((c) => commentText(c.text)) };
}

/** Where two documents first differ in meaning, in words; undefined when they mean the same. */
export function differenceInMeaning(before: Document, after: Document): string | undefined {
  const a = meaningOf(before);
  const b = meaningOf(after);
  if (a.comments.length !== b.comments.length) return `the number of comments changed from ${a.comments.length} to ${b.comments.length}`;
  const changed = a.comments.findIndex((text, i) => text !== b.comments[i]);
  if (changed >= 0) return `comment ${changed + 1} changed from ${JSON.stringify(a.comments[changed])} to ${JSON.stringify(b.comments[changed])}`;
  const path = firstDifference(a.tree, b.tree, "document");
  return path === undefined ? undefined : `the syntax tree changed at ${path}`;
}

function firstDifference(a: unknown, b: unknown, path: string): string | undefined {
  if (a === b) return undefined;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return path;
  if (Array.isArray(a) !== Array.isArray(b)) return path;
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const key of keys) {
    const found = firstDifference((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key], Array.isArray(a) ? `${path}[${key}]` : `${path}.${key}`);
    if (found !== undefined) return found;
  }
  return undefined;
}
