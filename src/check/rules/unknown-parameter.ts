import { defineRule } from "../rule.js";

/** `$name` and `${name}` naming no parameter, loop variable or record field (reported while lowering). */
export default defineRule({
  meta: {
    id: "unknown-parameter",
    description: "Require every `$name` and `${name}` to name a parameter of the declaration, a loop variable, or a field of one.",
    why: "A template value that names nothing has no value to send: the generated code would not compile, and a JSON build would put a hole in the payload. A misspelt name is usually a typo, so the rule suggests the closest name in scope.",
    severity: "error",
    hasSuggestions: true,
    spec: "templates",
    messages: {
      unknown: "Unknown parameter '{name}': it names no parameter of '{declaration}' and no loop variable.",
      unknownSuggest: "Unknown parameter '{name}': it names no parameter of '{declaration}' and no loop variable. Did you mean '{suggestion}'?",
      noParameters:
        "'{name}' refers to a parameter, but '{declaration}' has none: declare it after the name ({keyword} {declaration}({param}: string) { … }), or write \\${ for a literal '${'.",
      unknownField: "'{name}' has no field '{field}': it is {type}.",
      unknownFieldSuggest: "'{name}' has no field '{field}': it is {type}. Did you mean '{suggestion}'?",
      notRecord: "'{name}' is {type}, which has no field '{field}'.",
    },
    examples: {
      incorrect: [
        {
          code: 'blocks b(client: string) {\n  text "Client: ${cleint}"\n}\n',
          note: "A typo of `client`.",
        },
        { code: 'blocks b {\n  text "Costs ${price}"\n}\n', note: "A declaration without parameters: the `${` must be escaped to be literal." },
      ],
      correct: [{ code: 'blocks b(client: string) {\n  text "Client: ${client}"\n  text "Literal: \\${client}"\n}\n' }],
    },
  },
  create() {
    return {};
  },
});
