/**
 * The entity type of a card whose JSON does not name one: the legacy
 * crm.<entity>.details.configuration.set params, and a card's bare sections. `--entity` names it;
 * otherwise it is inferred (the extras key, the file name, the element names against each
 * entity's fields in the model) and the import says what it assumed.
 */
import { CARD_COMPOSITE_FIELDS, ENTITY_TYPES, entityById, entityByWord, isSmartProcessTypeId, type EntityType } from "../model/entities.js";
import type { JsonNode } from "../json/index.js";
import type { CardFields } from "../model/binding.js";

/** When nothing in the input points to an entity type: the most common card. */
const FALLBACK_ENTITY = "deal";

export interface CardEntity {
  /** As written after `for`: a word (`deal`) or an entityTypeId (`1032`). */
  readonly text: string;
  /** Why it was chosen, when it was assumed. */
  readonly assumed?: string;
}

/** The entity types a card can be for (the legacy methods exist only for some). */
function candidates(legacy: boolean): EntityType[] {
  return ENTITY_TYPES.filter((e) => e.cardConfig && (!legacy || e.legacyCardMethods));
}

/** `--entity NAME`: an entity word or an entityTypeId; the error message when it is neither. */
export function parseEntityOption(option: string): CardEntity | { readonly error: string } {
  const entity = entityByWord(option);
  if (entity) return { text: entity.word };
  if (/^[1-9][0-9]*$/.test(option)) {
    const id = Number(option);
    const byId = entityById(id);
    if (byId) return { text: byId.word };
    if (isSmartProcessTypeId(id)) return { text: option };
  }
  const words = candidates(false).map((e) => e.word);
  return { error: `unknown entity '${option}': expected ${words.slice(0, -1).join(", ")} or ${words.at(-1)!}, or a smart process's entityTypeId` };
}

/** The entity for a card without entityTypeId: the extras key, else the file name, else the element names. */
export function inferCardEntity(extrasKeys: readonly string[], fileName: string | undefined, elementNames: readonly string[], legacy: boolean): CardEntity {
  const options = candidates(legacy);
  for (const key of extrasKeys) {
    const e = options.find((x) => x.extras === key);
    if (e) return { text: e.word, assumed: `its extras key '${key}' is the ${e.word}'s` };
  }
  const tokens = new Set((fileName ?? "").replace(/^.*[\\/]/, "").toLowerCase().split(/[^a-z]+/));
  const named = options.filter((e) => tokens.has(e.word.toLowerCase()));
  if (named.length === 1) return { text: named[0]!.word, assumed: "from the file name" };
  const composite = new Set(CARD_COMPOSITE_FIELDS);
  const scores = options.map((e) => ({ e, n: elementNames.filter((n) => e.fields.includes(n) && !composite.has(n)).length }));
  const best = Math.max(0, ...scores.map((s) => s.n));
  const top = scores.filter((s) => s.n === best);
  if (best > 0 && top.length === 1) return { text: top[0]!.e.word, assumed: `its fields are ${top[0]!.e.word} fields` };
  return { text: FALLBACK_ENTITY, assumed: "nothing in the input names one" };
}

/** The element names of a card's sections, for `inferCardEntity`. */
export function elementNames(sections: JsonNode | undefined, fields: CardFields): string[] {
  const names: string[] = [];
  if (sections?.kind !== "array") return names;
  for (const s of sections.items) {
    if (s.kind !== "object") continue;
    const elements = s.entries.find((e) => e.key === fields.elements)?.value;
    if (elements?.kind !== "array") continue;
    for (const el of elements.items) {
      const name = el.kind === "object" ? el.entries.find((e) => e.key === fields.elementName)?.value : undefined;
      if (name?.kind === "scalar" && typeof name.value === "string") names.push(name.value);
    }
  }
  return names;
}
