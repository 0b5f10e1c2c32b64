import { getEntry } from "../../lower/index.js";
import { ADDRESS_TYPES, ELEMENT_OPTION_TARGETS } from "../../model/index.js";
import { defineRule } from "../rule.js";
import { cardSections, isCard } from "../rule-helpers/card-sections.js";

/** An element option on a field it does not apply to, or an unknown address type (spec §11.3, §11.6). */
export default defineRule({
  meta: {
    id: "element-option",
    description: "Allow element options only on the fields they apply to, and `defaultAddressType` only with a known address type id.",
    why: "Each element option belongs to particular fields: `defaultCountry` to phone and client fields, `defaultAddressType` to ADDRESS, the payment options to OPPORTUNITY_WITH_CURRENCY (spec §11.3). The server keeps options verbatim without checking them (spec §11.2), so a misplaced option is silently ignored (a warning). `defaultAddressType` must be a crm.enum.addresstype id (spec §11.6).",
    severity: "warning",
    scope: "declaration",
    spec: "§11.3, §11.6",
    messages: {
      notApplicable: "Option '{option}' does not apply to '{element}'; it applies to {targets}.",
      unknownAddressType: { text: "Address type {value} does not exist; valid ids are {ids}.", severity: "error" },
    },
    examples: {
      incorrect: [
        { code: 'card c for contact {\n  main: section "Main" {\n    NAME { defaultCountry "GB" }\n  }\n}\n', note: "`defaultCountry` applies to PHONE, not NAME." },
        { code: 'card c for contact {\n  main: section "Main" {\n    ADDRESS { defaultAddressType 13 }\n  }\n}\n' },
      ],
      correct: [{ code: 'card c for contact {\n  main: section "Main" {\n    PHONE { defaultCountry "GB" }\n    ADDRESS { defaultAddressType 4 }\n  }\n}\n' }],
    },
  },
  create(context) {
    return {
      declaration(declaration) {
        if (!isCard(declaration)) return;
        for (const section of cardSections(declaration)) {
          for (const element of section.elements) {
            const options = getEntry(element.object, "options")?.value;
            if (options?.kind !== "object") continue;
            const name = element.name?.value;
            for (const option of options.entries) {
              // The key is the author's: `__proto__` must not find Object.prototype.
              const targets = Object.hasOwn(ELEMENT_OPTION_TARGETS, option.key) ? ELEMENT_OPTION_TARGETS[option.key] : undefined;
              if (targets && typeof name === "string" && !targets.includes(name)) {
                context.report({
                  messageId: "notApplicable",
                  data: { option: option.key, element: name, targets: targets.join(", ") },
                  range: option.keyRange,
                });
              }
              const value = option.value;
              if (option.key === "defaultAddressType" && value.kind === "scalar" && typeof value.value === "number" && !ADDRESS_TYPES.has(value.value)) {
                context.report({ messageId: "unknownAddressType", data: { value: value.value, ids: [...ADDRESS_TYPES.keys()].join(", ") }, range: value.range });
              }
            }
          }
        }
      },
    };
  },
});
