import { RAW_KEYWORD } from "../../model/statements.js";
import { RAW_JSON } from "../../messages/index.js";
import { defineRule } from "../rule.js";

/**
 * The raw `json` form written where it cannot work: without a value, holding template values, as
 * a member of a structure without members, or as a declaration that is not a map. Reported while
 * lowering (src/lower/raw-json.ts), through the rule's messages (src/messages/raw-json.ts); what
 * the JSON itself says is judged by the other rules.
 */
export default defineRule({
  meta: {
    id: RAW_JSON.ruleId,
    description: `Require the raw \`${RAW_KEYWORD}\` form to hold one JSON value where a field, a member or a declaration can take it.`,
    why:
      `\`${RAW_KEYWORD}\` writes JSON exactly as given (what \`b24layout import\` uses for what statements cannot say: a missing key, a value of the wrong shape). ` +
      "It holds JSON only, so that what is checked is what is sent: a translation key, a parameter or an interpolation inside it would be sent as nothing.",
    severity: "error",
    appliesTo: ["b24layout"],
    spec: "—",
    messages: RAW_JSON.messages,
    examples: {
      incorrect: [
        { code: `blocks b ${RAW_KEYWORD} {\n  blocks: { a: { type: "text", properties: { value: @hello } } }\n}\n`, note: "A translation key is not JSON." },
        { code: `layout l {\n  ${RAW_KEYWORD} { icon: { code: "info" } }\n}\n`, note: "A layout has no members; its fields are set with `icon ${RAW_KEYWORD} { … }`." },
      ],
      correct: [
        { code: `blocks b ${RAW_KEYWORD} {\n  blocks: { a: { type: "text", properties: { value: "Hello" } } }\n}\n` },
        { code: `blocks b {\n  a: ${RAW_KEYWORD} { type: "text", properties: { value: "Hello" } }\n}\n` },
      ],
    },
  },
  create: () => ({}),
});
