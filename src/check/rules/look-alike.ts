import { LOOK_ALIKE } from "../../messages/index.js";
import { defineRule } from "../rule.js";

/**
 * A declaration written as a structure that only looks like its own (spec §15): the interface of
 * a CRM_…_DETAIL_ACTIVITY placement as a `layout` or `blocks`. Reported while lowering, which
 * knows the statements it does not place, through the rule's message (src/messages/look-alike.ts);
 * the model's LOOK_ALIKES say what gives one away.
 */
export default defineRule({
  meta: {
    id: LOOK_ALIKE.ruleId,
    description: "Report a `layout` or `blocks` declaration that is the interface of a CRM_…_DETAIL_ACTIVITY placement, a different structure, once instead of part by part.",
    why:
      "The placement CRM_…_DETAIL_ACTIVITY with `useBuiltInInterface = Y` draws an interface from its own \"LayoutDto\": `blocks` with input, textarea, select, dropdownMenu, list and section blocks, " +
      "`primaryButton` and `secondaryButton`, and `redirect` / `layoutEvent` actions with a `value` (spec §15). It is sent with BX24.placement.call('setLayout', …), not to a REST method, and has " +
      "no icon, header, body or footer. Written as a timeline layout or additional content blocks, each of its parts would be an error of its own; the rule reports the declaration once, " +
      "names what gives it away, and checks it no further. A timeline layout (one with an icon, header, body or footer) with one such block is checked as usual.",
    severity: "error",
    spec: "§15",
    messages: LOOK_ALIKE.messages,
    examples: {
      incorrect: [
        {
          code: 'layout contactForm {\n  name: input {\n    title "Name"\n    placeholder "Enter the name"\n  }\n  primaryButton { title: "Save" }\n  secondaryButton { title: "Cancel" }\n}\n',
          note: "One finding for the declaration, not one for each block and button.",
        },
      ],
      correct: [{ code: 'layout contactForm {\n  icon info\n  header "Contact"\n  body {\n    logo document\n    name: withTitle "Name" { text "Ivan" }\n  }\n}\n' }],
    },
  },
  create: () => ({}),
});
