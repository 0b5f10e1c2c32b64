import { defineRule } from "../rule.js";

/** Misplaced or malformed parameter lists, `when`, `else` and `each` (reported while lowering). */
export default defineRule({
  meta: {
    id: "template-structure",
    description: "Require parameter lists only after declaration names, `when`, `else` and `each` to be well formed and to contain only members, and `use` to name a fragment with the values it needs.",
    why: "Conditions and repetition decide which blocks, tags, buttons, menu items, card sections and elements are sent; a field of a structure is either there or not, so it cannot be conditional. A malformed head leaves nothing to decide with.",
    severity: "error",
    hasSuggestions: true,
    spec: "templates",
    messages: {
      parametersNotHere: "A parameter list can only follow the name of a declaration: layout name(param: type) { … }.",
      duplicateParameter: "Parameter '{name}' is declared twice.",
      parameterName: "Parameter names cannot contain '-': a reference '${name}' would end at the '-'. Write '{suggestion}'.",
      duplicateField: "Field '{name}' is declared twice in this record type.",
      shadows: "Loop variable '{name}' hides a parameter or loop variable of the same name: pick another name.",
      membersOnly:
        "Only members (blocks, tags, buttons, menu items, card sections and elements) can be inside '{keyword}'; '{name}' sets a field, which cannot be conditional.",
      missingBody: "'{keyword}' needs a block with its members: {syntax}.",
      missingCondition: "'when' needs a condition: when $flag { … }, when not $flag { … } or when $channel is \"web\" { … }.",
      badCondition: "Unexpected {what} in a condition: write $flag, not $flag or $value is <value>, joined with 'and' / 'or'.",
      incompleteCondition: "The condition stops after the {after}: write $flag, not $flag or $value is <value>, joined with 'and' / 'or'.",
      conditionTooLong: "A condition can have at most {max} 'and', 'or' and 'not': this one has more.",
      elseWithoutWhen: "'else' must come right after a 'when { … }' in the same block.",
      eachSyntax: "Write 'each <name> in $list { … }': a name for the item, the word 'in', and a list parameter.",
      useSyntax: "Write 'use <fragment>' or 'use <fragment> { param: value, … }'.",
      unknownFragment: "Unknown fragment '{name}': no fragment declaration in this file has that name.",
      unknownFragmentSuggest: "Unknown fragment '{name}': no fragment declaration in this file has that name. Did you mean '{suggestion}'?",
      duplicateFragment: "Fragment '{name}' is already declared in this file.",
      fragmentImported: "Fragment '{name}' is also imported: rename one of them.",
      fragmentCycle: "Fragment '{name}' uses itself ({chain}): its members would never end.",
      fragmentTooDeep: "Fragment '{name}' is used {max} levels deep ({chain}): fragments, blocks and the 'when' and 'each' inside them can nest at most {max} levels.",
      unknownArgument: "Fragment '{fragment}' has no parameter '{name}'.",
      unknownArgumentSuggest: "Fragment '{fragment}' has no parameter '{name}'. Did you mean '{suggestion}'?",
      missingArguments: "Fragment '{fragment}' needs values for {params}.",
      argumentValue: "The value for '{name}' must be a literal, a $reference or a string: a parameter given where it is used holds one value.",
      duplicateArgument: "'{name}' is given a value twice: keep one.",
      inheritedName:
        "'{name}' cannot name a {what}: every JavaScript object already has a '{name}', so the generated function could not tell whether it was given. Rename it.",
    },
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
