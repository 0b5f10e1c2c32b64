import { closest } from "../../util/suggest.js";
import { defineRule } from "../rule.js";
import { replaceWith } from "./fix.js";

/** `layout <name>` in an activity naming no layout declared in the file (spec §6). */
export default defineRule({
  meta: {
    id: "unknown-reference",
    description: "Require references such as an activity's `layout <name>` to name a declaration of that kind in the file.",
    why: "An activity's `layout` is sent inline with crm.activity.configurable.add / update (spec §6); a name that resolves to no layout leaves nothing to send, and an add without a layout fails with ERROR_EMPTY_LAYOUT.",
    severity: "error",
    scope: "declarations",
    hasSuggestions: true,
    spec: "§6",
    messages: {
      unknown: "Unknown {keyword} '{name}': no {keyword} declaration in this file has that name.",
      unknownSuggest: "Unknown {keyword} '{name}': no {keyword} declaration in this file has that name. Did you mean '{suggestion}'?",
      wrongKind: "'{name}' is a {actual} declaration, not a {keyword}.",
      declaredElsewhere: "Unknown {keyword} '{name}': this file has no {keyword} of that name, but {where} has. Import it to use it here: {import}.",
    },
    examples: {
      incorrect: [
        {
          code: 'layout incomingCall {\n  icon call\n  header "Incoming call"\n  body {\n    logo call-incoming\n    text "x"\n  }\n}\nactivity a {\n  ownerTypeId deal; ownerId 1\n  layout incomingCal\n}\n',
          note: "A typo of `incomingCall`.",
        },
      ],
      correct: [
        {
          code: 'layout incomingCall {\n  icon call\n  header "Incoming call"\n  body {\n    logo call-incoming\n    text "x"\n  }\n}\nactivity a {\n  ownerTypeId deal; ownerId 1\n  layout incomingCall\n}\n',
        },
      ],
    },
  },
  create(context) {
    const declarations = context.program.declarations;
    return {
      field({ value }) {
        if (value.kind !== "declarationRef") return;
        const keyword = value.declaration;
        if (declarations.some((d) => d.spec.keyword === keyword && d.name === value.name)) return;
        const other = declarations.find((d) => d.name === value.name);
        if (other) {
          context.report({ messageId: "wrongKind", data: { name: value.name, actual: other.spec.keyword, keyword }, range: value.range });
          return;
        }
        const suggestion = closest(
          value.name,
          declarations.filter((d) => d.spec.keyword === keyword).map((d) => d.name),
        );
        context.report({
          messageId: suggestion === undefined ? "unknown" : "unknownSuggest",
          data: { keyword, name: value.name, ...(suggestion === undefined ? {} : { suggestion }) },
          range: value.range,
          ...(suggestion === undefined ? {} : { suggestions: [replaceWith(value.range, suggestion)] }),
        });
      },
    };
  },
});
