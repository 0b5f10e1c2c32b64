/** The messages of the invalid-argument rule (src/check/rules/invalid-argument.ts), reported by the lowering (src/lower/lower.ts), where statements are matched against the model. */
import { defineMessages } from "./catalogue.js";

export const INVALID_ARGUMENT = defineMessages("invalid-argument", {
  unknownWord: "Unexpected word '{word}' in {what}.",
  unknownWordSuggest: "Unexpected word '{word}' in {what}. Did you mean '{suggestion}'?",
  unexpectedValue: "Unexpected value: {what} takes {expected} here.",
  unexpectedArgument: "Unexpected argument after {what}.",
  missingValue: "'{name}' needs a value.",
  labelNotAllowed: "A key label is not allowed on {what}.",
  noAction: "'->' is not allowed on {what}.",
  noBody: "'{name}' takes a value, not a block.",
  actionType: "'{name}' needs an action type first: redirect, restEvent or openRestApp.",
  declarationName: "'{keyword}' needs a name: {keyword} <name> { … }.",
  translationValue: "Translation '{key}' in '{language}' needs a string value.",
});
