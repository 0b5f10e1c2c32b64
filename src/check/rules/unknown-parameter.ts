import { UNKNOWN_PARAMETER } from "../../messages/index.js";
import { defineRule } from "../rule.js";

/**
 * `$name` and `${name}` naming no parameter, loop variable or record field: reported while lowering
 * (src/lower/templates.ts), through the rule's messages (src/messages/unknown-parameter.ts).
 */
export default defineRule({
  meta: {
    id: UNKNOWN_PARAMETER.ruleId,
    description: "Require every `$name` and `${name}` to name a parameter of the declaration, a loop variable, or a field of one.",
    why: "A template value that names nothing has no value to send: the generated code would not compile, and a JSON build would put a hole in the payload. A misspelt name is usually a typo, so the rule suggests the closest name in scope.",
    severity: "error",
    appliesTo: ["b24layout"],
    hasSuggestions: true,
    spec: "templates",
    messages: UNKNOWN_PARAMETER.messages,
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
