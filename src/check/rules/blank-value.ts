import { getScalar, type IrObject, type IrScalar } from "../../lower/index.js";
import { getDeclaration } from "../../model/index.js";
import { defineRule, type PathStep } from "../rule.js";

const BADGE = getDeclaration("badge");
const BADGE_TEXT_FIELDS = ["title", "value"] as const;
/** Badge parameters the method requires non-empty (its code, its texts). */
const BADGE_REQUIRED = ["code", ...BADGE_TEXT_FIELDS] as const;

/**
 * Strings the server rejects when blank (the model's `nonBlank`: activity typeId, card section and
 * element names and titles, spec §6, §11.5) and empty badge texts (spec §8).
 */
export default defineRule({
  meta: {
    id: "blank-value",
    description: "Disallow blank card section names and titles, blank card element names, an empty activity typeId or deadline, and empty badge codes, titles and values.",
    why:
      "crm.item.details.configuration.set trims section names, section titles and element names and rejects blank ones with \"Section at index {i} does not have name.\" / \"… title.\" / " +
      "\"Element at index {j} in section at index {i} does not have name.\" (spec §11.5). An activity's typeId must be a non-empty string: `CONFIGURABLE` or a type the app registered (spec §6). " +
      "crm.activity.badge.add rejects an empty code, title or value as a missing required argument (spec §8); a title of spaces passes but shows nothing. " +
      "An empty deadline is ignored, so it cannot clear one (spec §6): a warning.",
    severity: "error",
    scope: "declaration",
    spec: "§6, §8, §11.2, §11.5",
    messages: {
      sectionName: "This section's name is blank; the server answers \"Section at index {index} does not have name.\"",
      sectionTitle: "Section '{name}' has a blank title; the server answers \"Section at index {index} does not have title.\"",
      unnamedSectionTitle: "This section's title is blank; the server answers \"Section at index {index} does not have title.\"",
      elementName: "This card field's name is blank; the server answers \"Element at index {index} in section at index {section} does not have name.\"",
      activityField: "The activity's '{field}' is empty; the server rejects it with WRONG_FIELD_VALUE (\"The value of {field} is incorrect.\").",
      blank: "'{field}' of the {owner} is blank; the server rejects a blank {field}.",
      badgeEmpty: "The badge's '{field}' is empty; crm.activity.badge.add rejects it as a missing required argument.",
      emptyIgnored: { text: "'{field}' is empty: the server ignores an empty {field}, as {why}. Leave it out.", severity: "warning" },
      badgeBlank: { text: "The badge's '{field}' is only spaces; the server accepts it, but the badge shows no text.", severity: "warning" },
    },
    examples: {
      incorrect: [
        { code: 'card c for contact {\n  main: section " " {\n    NAME\n  }\n}\n', note: "A blank section title." },
        { code: 'card c for contact {\n  main: section "Main" {\n    field "" always\n  }\n}\n', note: "A blank element name." },
        { code: 'badge missedCall failure {\n  title "Call status"\n  value ""\n}\n' },
        {
          code: 'activity a {\n  ownerTypeId deal; ownerId 1\n  typeId ""\n  layout {\n    icon info\n    header "T"\n    body {\n      logo document\n      text "x"\n    }\n  }\n}\n',
          note: "An empty typeId: leave it out for `CONFIGURABLE`.",
        },
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
        if (!BADGE || declaration.spec.keyword !== BADGE.keyword) return;
        for (const field of BADGE_REQUIRED) {
          const text = getScalar(declaration.root, field);
          if (!isBlank(text)) continue;
          if (text.value === "") context.report({ messageId: "badgeEmpty", data: { field }, range: text.range });
          // A code of spaces is a code; texts of spaces show nothing.
          else if (field !== "code") context.report({ messageId: "badgeBlank", data: { field }, range: text.range });
        }
      },
      fieldTypes: ["string"],
      field({ owner, ownerDto, field, value, path }) {
        if (field.type.kind !== "string" || value.kind !== "scalar") return;
        if (field.type.emptyIgnored !== undefined && value.value === "") {
          return context.report({ messageId: "emptyIgnored", data: { field: field.name, why: field.type.emptyIgnored }, range: value.range });
        }
        if (field.type.nonBlank === undefined) return;
        if (field.type.nonBlank === "empty" ? value.value !== "" : !isBlank(value)) return;
        // The server's texts count the sections and elements from 0 (spec §11.5).
        const [index = 0, outer = 0] = listIndexes(path, owner).reverse();
        switch (`${ownerDto.name}.${field.name}`) {
          case "SectionDto.name":
            return context.report({ messageId: "sectionName", data: { index }, range: value.range });
          case "SectionDto.title": {
            const name = getScalar(owner, "name");
            if (typeof name?.value === "string" && !isBlank(name)) {
              return context.report({ messageId: "sectionTitle", data: { name: name.value, index }, range: value.range });
            }
            return context.report({ messageId: "unnamedSectionTitle", data: { index }, range: value.range });
          }
          case "ElementDto.name":
            return context.report({ messageId: "elementName", data: { index, section: outer }, range: value.range });
          case "ActivityFields.typeId":
            return context.report({ messageId: "activityField", data: { field: field.name }, range: value.range });
          default:
            return context.report({ messageId: "blank", data: { field: field.name, owner: ownerDto.title }, range: value.range });
        }
      },
    };
  },
});

/** The position of each list item on the way to `owner` (a card element's: its section's, then its own). */
function listIndexes(path: readonly PathStep[], owner: IrObject): number[] {
  const out: number[] = [];
  path.forEach((step, i) => {
    const list = step.entry.value;
    if (list.kind !== "array") return;
    const item = path[i + 1]?.object ?? owner;
    const index = list.items.indexOf(item);
    if (index >= 0) out.push(index);
  });
  return out;
}

/** The characters PHP's `trim()` removes, which the server applies (it keeps no-break spaces). */
const PHP_TRIMMED = new Set([" ", "\t", "\n", "\r", "\0", "\v"]);

/** A string scalar that is blank as the server sees it. */
export function isBlank(scalar: IrScalar | undefined): scalar is IrScalar & { value: string } {
  return typeof scalar?.value === "string" && [...scalar.value].every((c) => PHP_TRIMMED.has(c));
}
