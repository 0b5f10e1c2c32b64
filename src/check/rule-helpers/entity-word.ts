/**
 * What a written entity type names (`card x for deal`, `ownerTypeId 2`): a CRM entity, a smart
 * process, an unknown id, or a word that names no entity (lowering leaves `deall` a string).
 * Shared by `activity-target` and `card-entity`.
 */
import type { IrScalar, IrValue } from "../../lower/index.js";
import { ENTITY_TYPES, entityById, isSmartProcessTypeId, type EntityType } from "../../model/index.js";
import type { Range } from "../../syntax/index.js";
import { closest } from "../../util/index.js";
import { replaceScalar } from "./fix.js";
import type { Report } from "../rule.js";

export type ResolvedEntityType =
  | { readonly kind: "entity"; readonly entity: EntityType; readonly range: Range }
  | { readonly kind: "smartProcess"; readonly id: number; readonly range: Range }
  | { readonly kind: "unknownId"; readonly id: number; readonly range: Range }
  | { readonly kind: "unknownWord"; readonly word: string; readonly range: Range; readonly scalar: IrScalar };

/** Resolves an entity-type value; undefined for values of the wrong type (another rule's concern). */
export function resolveEntityType(value: IrValue | undefined): ResolvedEntityType | undefined {
  if (value?.kind !== "scalar") return undefined;
  const v = value.value;
  if (typeof v === "number") {
    const entity = entityById(v);
    if (entity) return { kind: "entity", entity, range: value.range };
    if (isSmartProcessTypeId(v)) return { kind: "smartProcess", id: v, range: value.range };
    return { kind: "unknownId", id: v, range: value.range };
  }
  if (typeof v === "string" && value.source === "word") return { kind: "unknownWord", word: v, range: value.range, scalar: value };
  return undefined;
}

/** Message templates for an unknown entity word; rules using `unknownEntityReport` spread these into their meta (and have suggestions). */
export const ENTITY_WORD_MESSAGES = {
  unknownEntity: "Unknown entity '{word}'. Write one of {words}, or a numeric entityTypeId.",
  unknownEntitySuggest: "Unknown entity '{word}'. Did you mean '{suggestion}'?",
} as const;

/** The report for a word that names no entity, with a did-you-mean suggestion when one entity is close. */
export function unknownEntityReport(scalar: IrScalar): Report<typeof ENTITY_WORD_MESSAGES, keyof typeof ENTITY_WORD_MESSAGES> {
  const word = String(scalar.value);
  const words = ENTITY_TYPES.map((e) => e.word);
  const suggestion = closest(word, words);
  if (suggestion === undefined) {
    return { messageId: "unknownEntity", data: { word, words: words.join(", ") }, range: scalar.range };
  }
  return { messageId: "unknownEntitySuggest", data: { word, suggestion }, range: scalar.range, suggestions: [replaceScalar(scalar, suggestion)] };
}
