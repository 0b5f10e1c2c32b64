/** The messages of the template-arguments rule (src/check/rules/template-arguments.ts), reported by the rule (references) and the JSON renderer (src/emit/render.ts: the values of `--params`). */
import { defineMessages } from "./catalogue.js";

export const TEMPLATE_ARGUMENTS = defineMessages("template-arguments", {
  badValues: "The values given for '{name}' do not fit its parameters: {problems}.",
  unknownDeclaration: "The --params file gives values for '{name}', which none of the files checked declares: they would go unused.",
  unknownDeclarationSuggest: "The --params file gives values for '{name}', which none of the files checked declares: they would go unused. Did you mean '{suggestion}'?",
  limit: "{message}",
  referenced: "'{name}' uses {keyword} '{target}' without values for {params}: give them where it is used, as in '{keyword} {target} { {example} }'.",
  noParameters: "The {keyword} '{target}' has no parameters, so its reference takes no values.",
  unknownArgument: "The {keyword} '{target}' has no parameter '{name}'.",
  unknownArgumentSuggest: "The {keyword} '{target}' has no parameter '{name}'. Did you mean '{suggestion}'?",
  argumentType: "The value given for '{name}' is {actual}, but the {keyword} '{target}' takes {type}.",
  mayBeMissing: "'{value}' may be left out, but the {keyword} '{target}' needs a value for '{name}': give '{value}' a default, or make it required.",
});
