import { defineRule } from "../rule.js";

/**
 * An argument, label, arrow or body that a statement cannot use. Reported while lowering, where
 * statements are matched against the model.
 */
export default defineRule({
  meta: {
    id: "invalid-argument",
    description: "Disallow arguments, labels, actions and bodies that a statement does not take.",
    why: "A word or value the compiler cannot place would otherwise be dropped silently, and the JSON would not say what the author meant.",
    severity: "error",
    hasSuggestions: true,
    spec: "—",
    messages: {
      unknownWord: "Unexpected word '{word}' in {what}.",
      unknownWordSuggest: "Unexpected word '{word}' in {what}. Did you mean '{suggestion}'?",
      unexpectedValue: "Unexpected value: {what} takes {expected} here.",
      unexpectedArgument: "Unexpected argument after {what}.",
      missingValue: "'{name}' needs a value.",
      labelNotAllowed: "A key label is not allowed on {what}.",
      noAction: "'->' is not allowed on {what}.",
      noBody: "'{name}' takes a value, not a block.",
      actionType: "'{name}' needs an action type first: redirect, restEvent or openRestApp.",
      declarationName: "'{keyword}' needs a name: {keyword} <name> {{ … }}.",
      translationValue: "Translation '{key}' in '{language}' needs a string value.",
    },
    examples: {
      incorrect: [{ code: 'blocks b {\n  text "Hello" boldd\n}\n', note: "`boldd` is a typo of the flag `bold`." }],
      correct: [{ code: 'blocks b {\n  text "Hello" bold\n}\n' }],
    },
  },
  create: () => ({}),
});
