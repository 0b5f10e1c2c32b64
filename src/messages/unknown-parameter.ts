/** The messages of the unknown-parameter rule (src/check/rules/unknown-parameter.ts), reported by the lowering (src/lower/templates.ts), where the scope of a reference is known. */
import { defineMessages } from "./catalogue.js";

export const UNKNOWN_PARAMETER = defineMessages("unknown-parameter", {
  unknown: "Unknown parameter '{name}': it names no parameter of '{declaration}' and no loop variable.",
  unknownSuggest: "Unknown parameter '{name}': it names no parameter of '{declaration}' and no loop variable. Did you mean '{suggestion}'?",
  noParameters:
    "'{name}' refers to a parameter, but '{declaration}' has none: declare it after the name ({keyword} {declaration}({param}: string) { … }), or write \\${ for a literal '${'.",
  unknownField: "'{name}' has no field '{field}': it is {type}.",
  unknownFieldSuggest: "'{name}' has no field '{field}': it is {type}. Did you mean '{suggestion}'?",
  notRecord: "'{name}' is {type}, which has no field '{field}'.",
});
