import { resolveReference } from "../../lower/index.js";
import { closest } from "../../util/index.js";
import { defineRule } from "../rule.js";
import { replaceWith } from "../rule-helpers/fix.js";

/** `layout <name>` in an activity naming no layout declared in the file or imported into it (spec §6). */
export default defineRule({
  meta: {
    id: "unknown-reference",
    description: "Require references such as an activity's `layout <name>` to name a declaration of that kind in the file, or one the file imports.",
    why: "An activity's `layout` is sent inline with crm.activity.configurable.add / update (spec §6); a name that resolves to no layout leaves nothing to send, and an add without a layout fails with ERROR_EMPTY_LAYOUT. A layout of another file is used through an import (`import { card } from \"./layouts.b24layout\"`); where another file checked with this one (`b24layout check`, `build`, the library's `checkProject`) declares the name, the finding says where, and suggests the import.",
    severity: "error",
    appliesTo: ["b24layout"],
    scope: "declarations",
    hasSuggestions: true,
    spec: "§6",
    messages: {
      unknown: "Unknown {keyword} '{name}': this file neither declares nor imports a {keyword} of that name.",
      unknownSuggest: "Unknown {keyword} '{name}': this file neither declares nor imports a {keyword} of that name. Did you mean '{suggestion}'?",
      wrongKind: "'{name}' is a {actual} declaration, not a {keyword}.",
      declaredElsewhere: "Unknown {keyword} '{name}': this file has no {keyword} of that name, but {otherFile} has. Import it to use it here: {import}.",
    },
    examples: {
      incorrect: [
        {
          code: 'layout incomingCall {\n  icon call\n  header "Incoming call"\n  body {\n    logo call-incoming\n    text "x"\n  }\n}\nactivity a {\n  ownerTypeId deal; ownerId 1\n  layout incomingCal\n}\n',
          note: "A typo of `incomingCall`.",
        },
        {
          path: "activities.b24layout",
          code: 'activity a {\n  ownerTypeId deal; ownerId 1\n  layout incomingCall\n}\n',
          files: [{ path: "layouts.b24layout", code: 'layout incomingCall {\n  icon call\n  header "Incoming call"\n  body {\n    logo call-incoming\n    text "x"\n  }\n}\n' }],
          note: "The layout is another file's, which this one does not import: the finding says where it is, and the editor offers to add the import.",
        },
      ],
      correct: [
        {
          path: "activities.b24layout",
          code: 'import { incomingCall } from "./layouts.b24layout"\n\nactivity a {\n  ownerTypeId deal; ownerId 1\n  layout incomingCall\n}\n',
          files: [{ path: "layouts.b24layout", code: 'layout incomingCall {\n  icon call\n  header "Incoming call"\n  body {\n    logo call-incoming\n    text "x"\n  }\n}\n' }],
          note: "A layout of another file, imported.",
        },
        {
          code: 'layout incomingCall {\n  icon call\n  header "Incoming call"\n  body {\n    logo call-incoming\n    text "x"\n  }\n}\nactivity a {\n  ownerTypeId deal; ownerId 1\n  layout incomingCall\n}\n',
        },
      ],
    },
  },
  create(context) {
    const program = context.program;
    const declarations = program.declarations;
    return {
      // A reference is only ever the value of an object field (`layout card`, fieldStatementValue in the lowering).
      fieldTypes: ["object"],
      field({ value }) {
        if (value.kind !== "declarationRef") return;
        const keyword = value.declaration;
        if (resolveReference(program, value)) return;
        const other = declarations.find((d) => d.name === value.name);
        if (other) {
          context.report({ messageId: "wrongKind", data: { name: value.name, actual: other.spec.keyword, keyword }, range: value.range });
          return;
        }
        const imported = [...(program.imports?.values() ?? [])].map((i) => i.declaration);
        const suggestion = closest(
          value.name,
          [...declarations, ...imported].filter((d) => d.spec.keyword === keyword).map((d) => d.name),
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
