/** The `@key` references held directly by an object (its entries and their lists), for the translation rules. */
import type { IrEntry, IrObject, IrTranslationRef, IrValue } from "../../lower/ir.js";

/** Calls `visit` for every translation reference among `object`'s entries, including inside lists. */
export function forEachTranslationRef(object: IrObject, visit: (ref: IrTranslationRef, entry: IrEntry) => void): void {
  for (const entry of object.entries) visitValue(entry.value, entry, visit);
}

function visitValue(value: IrValue, entry: IrEntry, visit: (ref: IrTranslationRef, entry: IrEntry) => void): void {
  if (value.kind === "translationRef") visit(value, entry);
  else if (value.kind === "array") for (const item of value.items) visitValue(item, entry, visit);
}
