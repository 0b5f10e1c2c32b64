import { getEntry } from "../../lower/index.js";
import { CARD_COMPOSITE_FIELDS, OPEN_FIELD_PATTERNS } from "../../model/index.js";
import { closest } from "../../util/index.js";
import { defineRule } from "../rule.js";
import { isBlank } from "./blank-value.js";
import { cardSections, isCard } from "../rule-helpers/card-sections.js";
import { resolveEntityType } from "../rule-helpers/entity-word.js";
import { replaceScalar } from "../rule-helpers/fix.js";

/** A card element naming no field of the card's entity (spec §11.2, §13). */
export default defineRule({
  meta: {
    id: "unknown-field-name",
    description: "Warn about card elements that name no field of the card's entity, no card-only composite field and no user field.",
    why: "An element `name` is a field id: a REST field of the entity, a card-only composite field such as CLIENT, a user field UF_CRM_… or a smart-process link PARENT_ID_… (spec §13). The server does not check names (spec §11.2), so a typo is stored silently and the field never appears — a warning. Entities whose field list the model does not know (smart processes, smart invoices) are not checked.",
    severity: "warning",
    scope: "declaration",
    hasSuggestions: true,
    spec: "§11.2, §13",
    messages: {
      unknown: "Unknown field '{name}' for a {entity} card; the server stores it unchecked, but the card has no such field.",
      unknownSuggest: "Unknown field '{name}' for a {entity} card; the server stores it unchecked, but the card has no such field. Did you mean '{suggestion}'?",
    },
    examples: {
      incorrect: [{ code: 'card c for contact {\n  main: section "Main" {\n    LAST_NAEM\n  }\n}\n', note: "A typo of `LAST_NAME`." }],
      correct: [{ code: 'card c for contact {\n  main: section "Main" {\n    NAME\n    CLIENT\n    UF_CRM_1720697698689\n  }\n}\n' }],
    },
  },
  create(context) {
    return {
      declaration(declaration) {
        if (!isCard(declaration)) return;
        const entity = resolveEntityType(getEntry(declaration.root, "entityTypeId")?.value);
        if (entity?.kind !== "entity" || entity.entity.fields.length === 0) return;
        const known = new Set([...entity.entity.fields, ...CARD_COMPOSITE_FIELDS]);
        for (const section of cardSections(declaration)) {
          for (const element of section.elements) {
            const scalar = element.name;
            // A blank name is blank-value's (the server rejects it), not a field that may exist.
            if (typeof scalar?.value !== "string" || isBlank(scalar)) continue;
            const name = scalar.value;
            if (known.has(name) || OPEN_FIELD_PATTERNS.some((p) => p.test(name))) continue;
            const suggestion = [...known].find((k) => k.toLowerCase() === name.toLowerCase()) ?? closest(name, known);
            context.report({
              messageId: suggestion === undefined ? "unknown" : "unknownSuggest",
              data: { name, entity: entity.entity.word, ...(suggestion === undefined ? {} : { suggestion }) },
              range: scalar.range,
              ...(suggestion === undefined ? {} : { suggestions: [replaceScalar(scalar, suggestion)] }),
            });
          }
        }
      },
    };
  },
});
