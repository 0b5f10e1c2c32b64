import { defineRule } from "../rule.js";

/** An import that brings nothing in (reported while resolving imports). */
export default defineRule({
  meta: {
    id: "unresolved-import",
    description: "Require every import to name a file in the project and names that file has: its fragments, or `translations` for its table.",
    why: "What an import names is used as if written in the importing file: a missing file or name leaves the `use` or `@key` that needs it with nothing, and a cycle would never end. Imports stay inside the project root, so a build cannot depend on files outside the repository.",
    severity: "error",
    fixable: false,
    spec: "templates",
    messages: {
      noHost: "Imports are resolved from files: check this file by its path (b24layout check FILE), or give check() a file and a source host.",
      notFound: "Cannot find '{path}' (looked for {resolved}).",
      unreadable: "Cannot read '{path}' as text: {reason}.",
      outsideRoot: "'{path}' is outside the project root: imports cannot reach outside it.",
      cycle: "Import cycle: {chain}.",
      unknownName: "'{path}' has no fragment '{name}' (imports name fragments, or translations for its table).",
      unknownNameSuggest: "'{path}' has no fragment '{name}'. Did you mean '{suggestion}'?",
      noTranslations: "'{path}' has no translations table to import.",
      importedTwice: "'{name}' is imported twice.",
      importedErrors: "'{path}' has {count} error(s) of its own: check that file.",
    },
    examples: {
      incorrect: [{ code: 'import { clientInfo } from "./missing.b24layout"\nblocks b {\n  text "x"\n}\n', note: "No such file." }],
      correct: [{ code: 'blocks b {\n  text "x"\n}\n' }],
    },
  },
  create: () => ({}),
});
