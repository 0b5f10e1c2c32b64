/**
 * How deep a JSON text nests, found without recursion: JSON readers that build a tree
 * (jsonc-parser's parseTree) recurse once per level, and a text of a few hundred thousand `[`
 * overflows the stack.
 */
import { createScanner } from "jsonc-parser";

// jsonc-parser's SyntaxKind, a const enum (which isolated modules cannot read).
const OPEN_BRACE = 1;
const CLOSE_BRACE = 2;
const OPEN_BRACKET = 3;
const CLOSE_BRACKET = 4;
const EOF = 17;

/** The offset of the first `{` or `[` that opens level `max + 1`, or undefined when the text nests no deeper than `max`. */
export function jsonTooDeepAt(text: string, max: number): number | undefined {
  const scanner = createScanner(text, true);
  let depth = 0;
  for (let kind: number = scanner.scan(); kind !== EOF; kind = scanner.scan()) {
    if (kind === OPEN_BRACE || kind === OPEN_BRACKET) {
      if (++depth > max) return scanner.getTokenOffset();
    } else if (kind === CLOSE_BRACE || kind === CLOSE_BRACKET) {
      depth = Math.max(0, depth - 1);
    }
  }
  return undefined;
}
