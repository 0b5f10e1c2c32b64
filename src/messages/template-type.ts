/** The messages of the template-type rule (src/check/rules/template-type.ts), reported by the lowering (src/lower/templates.ts, src/lower/lower.ts), where the types of conditions and lists are resolved, and the rule. */
import { defineMessages } from "./catalogue.js";

export const TEMPLATE_TYPE = defineMessages("template-type", {
  unknownType: "Unknown type '{name}': use string, int, bool, url, datetime, a \"literal\" (or a union of them), a record { … } or a list T[].",
  unknownTypeSuggest: "Unknown type '{name}'. Did you mean '{suggestion}'?",
  defaultType: "The default value of '{name}' is not {type}. (A parameter that may be left out is written '{name}?: type'.)",
  defaultTemplate: "The default value of '{name}' cannot interpolate: defaults are literals.",
  field: "'{name}' is {type}, but '{field}' takes {expected}.",
  fieldText: "'{name}' is {type}, but '{field}' takes {expected}: interpolate it (\"${{path}}\") to send it as text.",
  enumOpen: "'{name}' is {type}, but '{field}' takes only {values}: type the parameter as a union of them, for example {example}.",
  enumValue: "'{name}' can be \"{value}\", which '{field}' does not take; it takes {values}.",
  interpolate: "'{name}' is {type} and cannot be put into a string.",
  mayBeMissing: "'{name}' may be left out, but {where} needs a value: give the parameter a default, or make it required.",
  templateField: "'{field}' takes {expected}, and an interpolated string is a string.",
  condition: "'{name}' is {type}: a condition needs a bool, an optional value (true when given) or a comparison ('{name} is …').",
  neverEqual: "'{name}' is {type}, so it is never {value}.",
  eachList: "'each' needs a list, but '{name}' is {type}.",
  boundTemplate: "'{name}' was given an interpolated string, which can only be used whole or inside another string, not tested or walked.",
  argumentType: "The value given for '{name}' is {actual}, but the fragment's parameter is {type}.",
});
