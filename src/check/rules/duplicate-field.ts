import { isRepeated, type IrGuard, type IrScalar } from "../../lower/index.js";
import { areExclusive } from "../guards.js";
import { defineRule } from "../rule.js";
import { cardSections, isCard } from "../rule-helpers/card-sections.js";

/** The same field twice in one card, in any section (spec §11.2). */
export default defineRule({
  meta: {
    id: "duplicate-field",
    description: "Disallow showing the same field twice in one card.",
    why: "A card shows each field once: an element `name` is a field id (spec §11.2, §13), and the card editor cannot place one field in two spots, so a second occurrence is at best dropped.",
    severity: "error",
    scope: "declaration",
    spec: "§11.2, §13",
    messages: {
      duplicate: "Field '{name}' is already in section '{section}'; a field can appear only once in a card.",
      repeated: { text: "Field '{name}' is inside 'each', so it would appear once per item of the list; a field can appear only once in a card.", severity: "warning" },
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
        const seen = new Map<string, { name: IrScalar; section: string; sectionGuard: IrGuard | undefined; guard: IrGuard | undefined; sectionIndex: number }[]>();
        for (const section of cardSections(declaration)) {
          const sectionName = typeof section.name?.value === "string" ? section.name.value : `#${section.index}`;
          for (const element of section.elements) {
            const name = element.name;
            if (typeof name?.value !== "string") continue;
            if (isRepeated(section.guard) || isRepeated(element.guard)) {
              context.report({ messageId: "repeated", data: { name: name.value }, range: name.range });
              continue;
            }
            const earlier = seen.get(name.value) ?? [];
            // A field under `when` and the same field under its `else` are never shown together.
            const first = earlier.find((x) =>
              x.sectionIndex === section.index ? !areExclusive(x.guard, element.guard) : !areExclusive(x.sectionGuard, section.guard),
            );
            if (!first) {
              seen.set(name.value, [...earlier, { name, section: sectionName, sectionGuard: section.guard, guard: element.guard, sectionIndex: section.index }]);
              continue;
            }
            context.report({
              messageId: "duplicate",
              data: { name: name.value, section: first.section },
              range: name.range,
              related: [{ message: "first placed", range: first.name.range }],
            });
          }
        }
      },
    };
  },
});
