import { INVALID_ARGUMENT } from "../../messages/index.js";
import { defineRule } from "../rule.js";

/**
 * An argument, label, arrow or body that a statement cannot use. Reported while lowering, where
 * statements are matched against the model, through the rule's messages in
 * src/messages/invalid-argument.ts (INVALID_ARGUMENT).
 */
export default defineRule({
  meta: {
    id: INVALID_ARGUMENT.ruleId,
    description: "Disallow arguments, labels, actions and bodies that a statement does not take.",
    why: "A word or value the compiler cannot place would otherwise be dropped silently, and the JSON would not say what the author meant.",
    severity: "error",
    appliesTo: ["b24layout"],
    hasSuggestions: true,
    spec: "—",
    messages: INVALID_ARGUMENT.messages,
    examples: {
      incorrect: [{ code: 'blocks b {\n  text "Hello" boldd\n}\n', note: "`boldd` is a typo of the flag `bold`." }],
      correct: [{ code: 'blocks b {\n  text "Hello" bold\n}\n' }],
    },
  },
  create: () => ({}),
});
