/**
 * Docs quirks the import normalises: scalars of the wrong JSON type that the checker would fix the
 * same way (string-boolean, and value-type's fixable cases). `"false"` where the model says bool
 * becomes false, `"1"` where it says integer (or an integer enum such as optionFlags) becomes 1,
 * `1`/`0` for a bool become true/false. Values the model types loosely (actionParams, language
 * maps) keep their JSON type. With `--keep-quirks` nothing is normalised.
 */
import { serverReadsAsTrue, BOOLEAN_STRINGS } from "../model/index.js";
import type { FieldType } from "../model/index.js";

export interface Normalised {
  readonly value: string | number | boolean | null;
  /** What happened, for the warning: `the string "false" became the boolean false`. */
  readonly note: string;
}

/** The value a scalar of `type` is normalised to, or undefined when it stays as written. */
export function normaliseScalar(type: FieldType, value: string | number | boolean | null): Normalised | undefined {
  if (type.kind === "bool") {
    if (typeof value === "string") {
      const strings = type.strings ?? BOOLEAN_STRINGS;
      if (!Object.hasOwn(strings, value)) return undefined;
      const meant = strings[value]!;
      const cast = type.strings ? meant : serverReadsAsTrue(value);
      const server = cast === meant ? "" : ` (the server would have read the string as ${String(cast)})`;
      return { value: meant, note: `the string ${JSON.stringify(value)} became the boolean ${String(meant)}${server}` };
    }
    if (value === 0 || value === 1) {
      const strings = type.strings;
      if (strings && !Object.hasOwn(strings, String(value))) return undefined;
      return { value: value === 1, note: `the number ${value} became the boolean ${String(value === 1)}` };
    }
    return undefined;
  }
  const integer = type.kind === "int" || (type.kind === "enum" && type.valueType === "int");
  if (integer && typeof value === "string" && /^-?\d+$/.test(value)) {
    const n = Number(value);
    if (Number.isSafeInteger(n) && String(n) === value) return { value: n, note: `the string ${JSON.stringify(value)} became the number ${value}` };
  }
  return undefined;
}
