import { defineRule } from "../rule.js";

/**
 * A layout imported from a file that is not among the files checked and built with the file that
 * imports it (spec §6: the activity's layout, which the TypeScript target imports from that file's
 * module). Reported by the project check (src/check/project.ts); this is its metadata.
 */
export default defineRule({
  meta: {
    id: "unlisted-import",
    description: "Require a file whose layouts another file imports to be checked and built with that file.",
    why: "An activity's `layout card` of an imported layout is the layout's payload in JSON, and in TypeScript and JavaScript a call of the function `build --target ts` writes into the module of the layout's file, which the activity's module imports (`import { card } from \"./layouts.js\"`). That module is written only by a build given the layout's file, so a build without it would write a module whose import names nothing there; and the layout's own findings are reported in its file, so a check without it would not see them. Like TypeScript's \"file is not listed within the file list of project\", the file must be one of those given to `b24layout check` and `build` (a folder or glob that holds both is enough).",
    severity: "error",
    appliesTo: ["b24layout"],
    phase: "project",
    spec: "§6",
    messages: {
      notListed:
        "{names} is imported from '{source}', which is not among the files checked: build --target ts would write '{module}.ts' importing './{importedModule}.js', which only a build of that file writes, and that file's findings would go unseen. Check and build '{source}' with this file.",
      notListedMany:
        "{names} are imported from '{source}', which is not among the files checked: build --target ts would write '{module}.ts' importing './{importedModule}.js', which only a build of that file writes, and that file's findings would go unseen. Check and build '{source}' with this file.",
      otherName:
        "'{source}' is among the files checked as {other}, whose module build --target ts writes as '{actual}.ts', but this import would make '{module}.ts' import './{importedModule}.js': import it by the name it is built under.",
    },
    examples: {
      incorrect: [
        {
          path: "activities.b24layout",
          code: 'import { card } from "./layouts.b24layout"\n\nactivity reminder {\n  ownerTypeId deal; ownerId 7\n  layout card\n}\n',
          others: [{ path: "layouts.b24layout", code: 'layout card {\n  icon info\n  header "Deal"\n  body {\n    logo document\n    text "x"\n  }\n}\n' }],
          note: "`b24layout check activities.b24layout` alone: layouts.b24layout is not among the files checked.",
        },
      ],
      correct: [
        {
          path: "activities.b24layout",
          code: 'import { card } from "./layouts.b24layout"\n\nactivity reminder {\n  ownerTypeId deal; ownerId 7\n  layout card\n}\n',
          files: [{ path: "layouts.b24layout", code: 'layout card {\n  icon info\n  header "Deal"\n  body {\n    logo document\n    text "x"\n  }\n}\n' }],
          note: "`b24layout check activities.b24layout layouts.b24layout`, or the folder.",
        },
      ],
    },
  },
  create: () => ({}),
});
