import { getEntry } from "../../lower/index.js";
import { getDto } from "../../model/index.js";
import { SPA_EXTRAS } from "../../model/index.js";
import { defineRule } from "../rule.js";
import { isCard } from "../rule-helpers/card-sections.js";
import { resolveEntityType } from "../rule-helpers/entity-word.js";

/** A card `extras` key that does not belong to the card's entity type (spec §11.4). */
export default defineRule({
  meta: {
    id: "card-extras",
    description: "Allow only the `extras` key that applies to the card's entity: `leadCustomerType` for leads, `dealCategoryId` for deals, `categoryId` for smart processes.",
    why: "Each entity type selects its card configuration with its own `extras` key: leads by customer type, deals by pipeline, smart processes by category; contacts, companies, quotes and smart invoices take none (spec §11.4). A key for another entity does not select anything, so the configuration lands on the default card instead of the one meant.",
    severity: "error",
    scope: "declaration",
    spec: "§11.4",
    messages: {
      otherKey: "'{key}' does not apply to {what} cards; they use '{applies}'.",
      noExtras: "'{key}' does not apply to {what} cards, which take no extras.",
    },
    examples: {
      incorrect: [{ code: 'card c for contact {\n  dealCategoryId 3\n  main: section "Main" {\n    NAME\n  }\n}\n' }],
      correct: [{ code: 'card c for deal {\n  dealCategoryId 3\n  main: section "Main" {\n    TITLE\n  }\n}\n' }],
    },
  },
  create(context) {
    return {
      declaration(declaration) {
        if (!isCard(declaration)) return;
        const extras = getEntry(declaration.root, "extras")?.value;
        if (extras?.kind !== "object") return;
        const entity = resolveEntityType(getEntry(declaration.root, "entityTypeId")?.value);
        let what: string;
        let applies: string | undefined;
        if (entity?.kind === "entity" && entity.entity.cardConfig) {
          what = entity.entity.word;
          applies = entity.entity.extras;
        } else if (entity?.kind === "smartProcess") {
          what = "smart-process";
          applies = SPA_EXTRAS;
        } else {
          return;
        }
        const known = getDto(extras.dto)?.fields.map((f) => f.name) ?? [];
        for (const e of extras.entries) {
          // A key no entity takes (`lead.customer.type`, the docs' spelling) is unknown-property's, with its did-you-mean.
          if (e.key === applies || !known.includes(e.key)) continue;
          context.report({
            messageId: applies === undefined ? "noExtras" : "otherKey",
            data: { key: e.key, what, ...(applies === undefined ? {} : { applies }) },
            range: e.keyRange,
          });
        }
      },
    };
  },
});
