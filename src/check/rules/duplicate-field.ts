import type { IrScalar } from "../../lower/ir.js";
import { defineRule } from "../rule.js";
import { cardSections, isCard } from "./card-sections.js";

/** The same field twice in one card, in any section (spec §11.2). */
export default defineRule({
  meta: {
    id: "duplicate-field",
    description: "Disallow showing the same field twice in one card.",
    why: "A card shows each field once: an element `name` is a field id (spec §11.2, §13), and the card editor cannot place one field in two spots, so a second occurrence is at best dropped.",
    severity: "error",
    spec: "§11.2, §13",
    messages: {
      duplicate: "Field '{name}' is already in section '{section}' on line {line}; a field can appear only once in a card.",
    },
    examples: {
      incorrect: [{ code: 'card c for contact {\n  main: section "Main" {\n    NAME\n  }\n  more: section "More" {\n    NAME\n  }\n}\n' }],
      correct: [{ code: 'card c for contact {\n  main: section "Main" {\n    NAME\n  }\n  more: section "More" {\n    PHONE\n  }\n}\n' }],
    },
  },
  create(context) {
    return {
      declaration(declaration) {
        if (!isCard(declaration)) return;
        const seen = new Map<string, { name: IrScalar; section: string }>();
        for (const section of cardSections(declaration)) {
          const sectionName = typeof section.name?.value === "string" ? section.name.value : `#${section.index}`;
          for (const element of section.elements) {
            const name = element.name;
            if (typeof name?.value !== "string") continue;
            const first = seen.get(name.value);
            if (!first) {
              seen.set(name.value, { name, section: sectionName });
              continue;
            }
            context.report({
              messageId: "duplicate",
              data: { name: name.value, section: first.section, line: first.name.range.start.line },
              range: name.range,
            });
          }
        }
      },
    };
  },
});
