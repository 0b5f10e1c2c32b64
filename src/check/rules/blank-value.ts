import { getScalar, type IrScalar } from "../../lower/ir.js";
import { getDeclaration } from "../../model/statements.js";
import { defineRule } from "../rule.js";
import { cardSections, isCard } from "./card-sections.js";

const BADGE = getDeclaration("badge");
const BADGE_TEXT_FIELDS = ["title", "value"] as const;

/** Blank section names and titles (spec §11.5) and empty badge texts (spec §8). */
export default defineRule({
  meta: {
    id: "blank-value",
    description: "Disallow blank card section names and titles and empty badge titles and values.",
    why: "crm.item.details.configuration.set trims section names and titles and rejects blank ones with \"Section at index {i} does not have name.\" / \"… title.\" (spec §11.5). crm.activity.badge.add rejects an empty title or value as a missing required argument (spec §8); a title of spaces passes but shows nothing.",
    severity: "error",
    spec: "§8, §11.2, §11.5",
    messages: {
      sectionName: "This section's name is blank; the server answers \"Section at index {index} does not have name.\"",
      sectionTitle: "Section '{name}' has a blank title; the server answers \"Section at index {index} does not have title.\"",
      unnamedSectionTitle: "This section's title is blank; the server answers \"Section at index {index} does not have title.\"",
      badgeEmpty: "The badge's '{field}' is empty; crm.activity.badge.add rejects it as a missing required argument.",
      badgeBlank: "The badge's '{field}' is only spaces; the server accepts it, but the badge shows no text.",
    },
    examples: {
      incorrect: [
        { code: 'card c for contact {\n  main: section " " {\n    NAME\n  }\n}\n', note: "A blank section title." },
        { code: 'badge missedCall failure {\n  title "Call status"\n  value ""\n}\n' },
      ],
      correct: [
        { code: 'card c for contact {\n  main: section "Main" {\n    NAME\n  }\n}\n' },
        { code: 'badge missedCall failure {\n  title "Call status"\n  value "Missed"\n}\n' },
      ],
    },
  },
  create(context) {
    return {
      declaration(declaration) {
        if (BADGE && declaration.spec.keyword === BADGE.keyword) {
          for (const field of BADGE_TEXT_FIELDS) {
            const text = getScalar(declaration.root, field);
            if (!isBlank(text)) continue;
            if (text.value === "") context.report({ messageId: "badgeEmpty", data: { field }, range: text.range });
            else context.report({ messageId: "badgeBlank", data: { field }, range: text.range, severity: "warning" });
          }
          return;
        }
        if (!isCard(declaration)) return;
        for (const section of cardSections(declaration)) {
          const name = section.name;
          if (isBlank(name)) context.report({ messageId: "sectionName", data: { index: section.index }, range: name.range });
          const title = getScalar(section.object, "title");
          if (!isBlank(title)) continue;
          const named = typeof name?.value === "string" && !isBlank(name) ? name.value : undefined;
          if (named !== undefined) {
            context.report({ messageId: "sectionTitle", data: { name: named, index: section.index }, range: title.range });
          } else {
            context.report({ messageId: "unnamedSectionTitle", data: { index: section.index }, range: title.range });
          }
        }
      },
    };
  },
});

/** The characters PHP's `trim()` removes, which the server applies (it keeps no-break spaces). */
const PHP_TRIMMED = new Set([" ", "\t", "\n", "\r", "\0", "\v"]);

/** A string scalar that is blank as the server sees it. */
function isBlank(scalar: IrScalar | undefined): scalar is IrScalar & { value: string } {
  return typeof scalar?.value === "string" && [...scalar.value].every((c) => PHP_TRIMMED.has(c));
}
