import { UNRESOLVED_IMPORT } from "../../messages/index.js";
import { defineRule } from "../rule.js";

/**
 * An import that brings nothing in: reported while resolving imports (src/lower/imports.ts) and by
 * the library's check (the errors of an imported declaration), through the rule's messages
 * (src/messages/unresolved-import.ts).
 */
export default defineRule({
  meta: {
    id: UNRESOLVED_IMPORT.ruleId,
    description: "Require every import to name a file in the project and names that file has: its fragments, its layouts, or `translations` for its table; and an imported layout to be free of errors.",
    why: "What an import names is used as if written in the importing file: a missing file or name leaves the `use`, `layout` or `@key` that needs it with nothing, and a cycle would never end. An imported layout is checked in its own file, and an activity sends it as it is: its errors there would be this file's payload's, so they are reported at the import too (checked with this file's settings). Of a file's declarations only those another declaration names can be imported (a layout, for an activity's `layout`); a badge or a card is a payload of its own. Imports stay inside the project root, by name and by real path (a symbolic link cannot lead outside), so a build cannot depend on, or read, files outside the repository.",
    severity: "error",
    appliesTo: ["b24layout"],
    fixable: false,
    spec: "templates",
    messages: UNRESOLVED_IMPORT.messages,
    examples: {
      incorrect: [{ code: 'import { clientInfo } from "./missing.b24layout"\nblocks b {\n  text "x"\n}\n', note: "No such file." }],
      correct: [{ code: 'blocks b {\n  text "x"\n}\n' }],
    },
  },
  create: () => ({}),
});
