/**
 * The intermediate representation: the JSON a declaration compiles to, with every value's source
 * range and every object's DTO. Rules check it against the model; the emitter strips it to JSON.
 */
import type { Range, Statement } from "../syntax/ast.js";
import type { DeclarationSpec } from "../model/types.js";

export type IrValue = IrObject | IrCollection | IrArray | IrScalar | IrTranslationRef | IrDeclarationRef;

/** An object whose keys are fields of `dto` (or, for open DTOs, free keys). */
export interface IrObject {
  readonly kind: "object";
  readonly dto: string;
  readonly entries: IrEntry[];
  readonly range: Range;
  /** Where it was written as a map literal rather than as statements. */
  readonly fromMap?: boolean;
}

/** An associative collection (`header.tags`, `body.blocks`, …) keyed by labels or generated keys. */
export interface IrCollection {
  readonly kind: "collection";
  /** The DTO of the members. */
  readonly of: string;
  /** Prefix of generated keys (`block` → `block_1`). */
  readonly keyPrefix: string;
  readonly entries: IrEntry[];
  readonly range: Range;
}

export interface IrArray {
  readonly kind: "array";
  readonly items: IrValue[];
  readonly range: Range;
}

/** How a scalar was written, so rules can tell `bold` from `bold "yes"`. */
export type ScalarSource = "string" | "number" | "boolean" | "null" | "word" | "flag" | "label" | "name";

export interface IrScalar {
  readonly kind: "scalar";
  readonly value: string | number | boolean | null;
  readonly range: Range;
  readonly source: ScalarSource;
  /** The word as written when an alias was mapped (`personal` → `P`, `deal` → 2). */
  readonly written?: string;
}

/** `@key`: resolved against the translation table when emitted. */
export interface IrTranslationRef {
  readonly kind: "translationRef";
  readonly key: string;
  readonly range: Range;
}

/** A reference to another declaration by name (`layout incomingCall` inside an activity). */
export interface IrDeclarationRef {
  readonly kind: "declarationRef";
  /** The declaration keyword the reference must resolve to. */
  readonly declaration: string;
  readonly name: string;
  readonly range: Range;
}

export interface IrEntry {
  readonly key: string;
  /** Where the key was written; for generated keys, the member's statement keyword. */
  readonly keyRange: Range;
  readonly value: IrValue;
  /** The whole statement or map entry. */
  readonly range: Range;
  /** The key was generated because the author did not write one. */
  readonly generated?: boolean;
}

export interface IrDeclaration {
  readonly spec: DeclarationSpec;
  readonly name: string;
  readonly nameRange: Range;
  readonly range: Range;
  readonly root: IrObject;
  readonly directives: ReadonlySet<string>;
  readonly statement: Statement;
}

export interface TranslationEntry {
  readonly language: string;
  readonly key: string;
  readonly value: string;
  readonly range: Range;
  readonly keyRange: Range;
}

export interface TranslationLanguage {
  readonly language: string;
  readonly range: Range;
  readonly entries: Map<string, TranslationEntry>;
}

export interface TranslationTable {
  readonly languages: Map<string, TranslationLanguage>;
  /** Every entry as written, duplicates included, for the duplicate and unused checks. */
  readonly all: TranslationEntry[];
}

export interface IrProgram {
  readonly declarations: IrDeclaration[];
  readonly translations: TranslationTable;
}

export function getEntry(obj: IrObject | IrCollection, key: string): IrEntry | undefined {
  return obj.entries.find((e) => e.key === key);
}

export function getValue(obj: IrObject, key: string): IrValue | undefined {
  return getEntry(obj, key)?.value;
}

/** The scalar value of a field, when it is a scalar. */
export function getScalar(obj: IrObject, key: string): IrScalar | undefined {
  const v = getValue(obj, key);
  return v?.kind === "scalar" ? v : undefined;
}
