import { getDto, unknownKeyReport } from "../../model/index.js";
import { closest } from "../../util/index.js";
import { UNKNOWN_PROPERTY } from "../../messages/index.js";
import { defineRule } from "../rule.js";

/**
 * A statement or key that the structure it is written in does not have. Bitrix24 DTOs are closed:
 * the server answers FIELD_IS_REDUNDANT for any key it does not declare (spec §2.1). Map keys are
 * checked here; statements while lowering, through the same messages (src/messages/unknown-property.ts).
 */
export default defineRule({
  meta: {
    id: UNKNOWN_PROPERTY.ruleId,
    description: "Disallow statements and keys that the enclosing Bitrix24 structure does not have.",
    why:
      "Every LayoutDto structure is closed: the server rejects the whole request with FIELD_IS_REDUNDANT (\"Field x is not required for TagDto.\") for one unknown key (spec §2.1). " +
      "The REST methods that read their parameters themselves do not: crm.activity.configurable ignores unknown keys of `fields` (spec §6), and the card configuration is stored without checking " +
      "the keys of its sections, fields and options (spec §11.2, §11.5); such a key, written in the raw `json` form and so sent, is a warning that says what the server does with it. " +
      "A misspelt name is usually a typo, so the rule suggests the closest valid name.",
    severity: "error",
    scope: "declaration",
    hasSuggestions: true,
    spec: "§2.1",
    messages: UNKNOWN_PROPERTY.messages,
    examples: {
      incorrect: [
        { code: 'blocks b {\n  lineOfBlock {\n    text "a"\n  }\n}\n', note: "`lineOfBlock` is a typo of `lineOfBlocks`." },
        { code: 'blocks b {\n  link "Open" -> openRestApp sliderParams { widht: 700 }\n}\n' },
      ],
      correct: [{ code: 'blocks b {\n  lineOfBlocks {\n    text "a"\n  }\n}\n' }],
    },
  },
  create(context) {
    return {
      object({ object, dto }) {
        // Keys of map literals (`sliderParams { widht: 700 }`); statements are checked while lowering.
        if (!object.fromMap || !dto || !dto.closed) return;
        const names = dto.fields.map((f) => f.name);
        for (const e of object.entries) {
          if (names.includes(e.key)) continue;
          const suggestion = closest(e.key, names);
          const { messageId, data } = unknownKeyReport(dto, e.key, `the ${getDto(object.dto)?.title ?? object.dto}`, suggestion);
          context.report({
            messageId,
            data,
            range: e.keyRange,
            ...(suggestion ? { suggestions: [{ description: `Replace with '${suggestion}'`, edits: [{ range: e.keyRange, newText: suggestion }] }] } : {}),
          });
        }
      },
    };
  },
});
