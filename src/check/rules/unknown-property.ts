import { getDto } from "../../model/dtos.js";
import { closest } from "../../util/suggest.js";
import { defineRule } from "../rule.js";

/**
 * A statement or key that the structure it is written in does not have. Bitrix24 DTOs are closed:
 * the server answers FIELD_IS_REDUNDANT for any key it does not declare (spec §2.1).
 */
export default defineRule({
  meta: {
    id: "unknown-property",
    description: "Disallow statements and keys that the enclosing Bitrix24 structure does not have.",
    why: "Every LayoutDto structure is closed: the server rejects the whole request with FIELD_IS_REDUNDANT for one unknown key (spec §2.1). A misspelt name is usually a typo, so the rule suggests the closest valid name.",
    severity: "error",
    hasSuggestions: true,
    spec: "§2.1",
    messages: {
      unknownStatement: "Unknown statement '{name}' in {where}.",
      unknownStatementSuggest: "Unknown statement '{name}' in {where}. Did you mean '{suggestion}'?",
      lookAlikeStatement: "Unknown statement '{name}' in {where}: {member} {lookAlike}, which timeline records do not have.",
      unknownKey: "Unknown property '{name}' in {where}; the server rejects it with FIELD_IS_REDUNDANT.",
      unknownKeySuggest: "Unknown property '{name}' in {where}; the server rejects it with FIELD_IS_REDUNDANT. Did you mean '{suggestion}'?",
    },
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
          context.report({
            messageId: suggestion ? "unknownKeySuggest" : "unknownKey",
            data: { name: e.key, where: `the ${getDto(object.dto)?.title ?? object.dto}`, ...(suggestion ? { suggestion } : {}) },
            range: e.keyRange,
            ...(suggestion ? { suggestions: [{ description: `Replace with '${suggestion}'`, edits: [{ range: e.keyRange, newText: suggestion }] }] } : {}),
          });
        }
      },
    };
  },
});
