/** Automatic fixes shared by the rules: replacing one written value with another. */
import type { Fix } from "../../diagnostic.js";
import type { IrScalar } from "../../lower/index.js";
import type { Range } from "../../syntax/index.js";

const BARE_WORD = /^[A-Za-z_][A-Za-z0-9_]*(?:-[A-Za-z0-9_]+)*$/;

/** A fix that replaces the text in `range` with `newText`. */
export function replaceWith(range: Range, newText: string): Fix {
  return { description: `Replace with '${newText}'`, edits: [{ range, newText }] };
}

/** `value` written the way `scalar` was: quoted when it was a string (or cannot be a bare word). */
function writtenLike(scalar: IrScalar, value: string): string {
  return scalar.source === "string" || !BARE_WORD.test(value) ? JSON.stringify(value) : value;
}

/** A fix replacing a scalar with another value, written in the same style. */
export function replaceScalar(scalar: IrScalar, value: string): Fix {
  return replaceWith(scalar.range, writtenLike(scalar, value));
}
