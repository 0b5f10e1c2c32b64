import { TEMPLATE_STRUCTURE } from "../../messages/index.js";
import { defineRule } from "../rule.js";

/**
 * Misplaced or malformed parameter lists, `when`, `else` and `each`: reported while lowering
 * (src/lower/lower.ts, src/lower/templates.ts), through the rule's messages
 * (src/messages/template-structure.ts).
 */
export default defineRule({
  meta: {
    id: TEMPLATE_STRUCTURE.ruleId,
    description: "Require parameter lists only after declaration names, `when`, `else` and `each` to be well formed and to contain only members, and `use` to name a fragment with the values it needs.",
    why: "Conditions and repetition decide which blocks, tags, buttons, menu items, card sections and elements are sent; a field of a structure is either there or not, so it cannot be conditional. A malformed head leaves nothing to decide with.",
    severity: "error",
    appliesTo: ["b24layout"],
    hasSuggestions: true,
    spec: "templates",
    messages: TEMPLATE_STRUCTURE.messages,
    examples: {
      incorrect: [
        {
          code: 'layout l(missed: bool) {\n  icon call\n  header "Call" {\n    when $missed {\n      title "Missed call"\n    }\n  }\n  body {\n    logo call-incoming\n    text "x"\n  }\n}\n',
          note: "`title` is a field of the header, not a member: no field can be conditional.",
        },
        { code: 'blocks b(items: string[]) {\n  each $items {\n    text "x"\n  }\n}\n', note: "The item needs a name." },
      ],
      correct: [
        {
          code: 'blocks b(missed: bool) {\n  when $missed {\n    text "Missed call" bold\n  } else {\n    text "Answered"\n  }\n}\n',
        },
      ],
    },
  },
  create() {
    return {};
  },
});
