import type { IrScalar } from "../../lower/index.js";
import { defineRule } from "../rule.js";
import { cardSections, isCard } from "../rule-helpers/card-sections.js";

/** Two sections of one card with the same name (spec §11.2). */
export default defineRule({
  meta: {
    id: "duplicate-section",
    description: "Disallow two sections with the same name in one card.",
    why: "A section's `name` is its id in the card editor (spec §11.2); two sections with one id make the card's layout ambiguous when Bitrix24 stores and reads it back.",
    severity: "error",
    scope: "declaration",
    spec: "§11.2",
    messages: {
      duplicate: "Section '{name}' is already defined in this card; section names must be unique within a card.",
    },
    examples: {
      incorrect: [{ code: 'card c for contact {\n  main: section "Main" {\n    NAME\n  }\n  main: section "More" {\n    PHONE\n  }\n}\n' }],
      correct: [{ code: 'card c for contact {\n  main: section "Main" {\n    NAME\n  }\n  more: section "More" {\n    PHONE\n  }\n}\n' }],
    },
  },
  create(context) {
    return {
      declaration(declaration) {
        if (!isCard(declaration)) return;
        const seen = new Map<string, IrScalar>();
        for (const section of cardSections(declaration)) {
          const name = section.name;
          if (typeof name?.value !== "string") continue;
          const first = seen.get(name.value);
          if (!first) {
            seen.set(name.value, name);
            continue;
          }
          context.report({ messageId: "duplicate", data: { name: name.value }, range: name.range, related: [{ message: "first defined", range: first.range }] });
        }
      },
    };
  },
});
