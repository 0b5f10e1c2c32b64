/** The `@key` references held directly by an object (its entries and their lists), for the translation rules. */
import type { IrDeclaration, IrEntry, IrObject, IrTranslationRef, IrValue } from "../../lower/index.js";

/** Calls `visit` for every translation reference among `object`'s entries, including inside lists. */
export function forEachTranslationRef(object: IrObject, visit: (ref: IrTranslationRef, entry: IrEntry) => void): void {
  for (const entry of object.entries) visitValue(entry.value, entry, visit);
}

/** Whether `object` holds a translation reference among its entries (including inside lists); allocates nothing. */
export function holdsTranslationRef(object: IrObject): boolean {
  for (const entry of object.entries) if (isOrHoldsRef(entry.value)) return true;
  return false;
}

function isOrHoldsRef(value: IrValue): boolean {
  if (value.kind === "translationRef") return true;
  if (value.kind === "array") for (const item of value.items) if (isOrHoldsRef(item)) return true;
  return false;
}

function visitValue(value: IrValue, entry: IrEntry, visit: (ref: IrTranslationRef, entry: IrEntry) => void): void {
  if (value.kind === "translationRef") visit(value, entry);
  else if (value.kind === "array") for (const item of value.items) visitValue(item, entry, visit);
}

/** By declaration (a lowered declaration does not change): the keys of translationKeysIn. */
const keysByDeclaration = new WeakMap<IrDeclaration, ReadonlySet<string>>();

/**
 * The `@key`s of every object of a declaration, in the objects the checker's walk visits (those of
 * entries, of collections' entries and of lists); made once per declaration, so that a checker
 * that keeps a declaration between checks (src/pipeline/incremental.ts) does not walk it again.
 */
export function translationKeysIn(declaration: IrDeclaration): ReadonlySet<string> {
  let keys = keysByDeclaration.get(declaration);
  if (keys) return keys;
  const found = new Set<string>();
  addKeysOf(declaration.root, found);
  keys = found;
  keysByDeclaration.set(declaration, keys);
  return keys;
}

/** Adds the `@key`s of `object` and of the objects under it (of entries, of collections' entries, of lists) to `found`. */
function addKeysOf(object: IrObject, found: Set<string>): void {
  for (const e of object.entries) {
    const v = e.value;
    if (v.kind === "translationRef") found.add(v.key);
    else if (v.kind === "object") addKeysOf(v, found);
    else if (v.kind === "collection") {
      for (const c of v.entries) if (c.value.kind === "object") addKeysOf(c.value, found);
    } else if (v.kind === "array") {
      for (const item of v.items) {
        if (item.kind === "object") addKeysOf(item, found);
        else addRefsOf(item, found);
      }
    }
  }
}

/** The `@key`s of a list's item that is no object (a reference, or a list of them). */
function addRefsOf(value: IrValue, found: Set<string>): void {
  if (value.kind === "translationRef") found.add(value.key);
  else if (value.kind === "array") for (const item of value.items) addRefsOf(item, found);
}
