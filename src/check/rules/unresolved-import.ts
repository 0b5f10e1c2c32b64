import { defineRule } from "../rule.js";

/** An import that brings nothing in (reported while resolving imports). */
export default defineRule({
  meta: {
    id: "unresolved-import",
    description: "Require every import to name a file in the project and names that file has: its fragments, its layouts, or `translations` for its table; and an imported layout to be free of errors.",
    why: "What an import names is used as if written in the importing file: a missing file or name leaves the `use`, `layout` or `@key` that needs it with nothing, and a cycle would never end. An imported layout is checked in its own file, and an activity sends it as it is: its errors there would be this file's payload's, so they are reported at the import too (checked with this file's settings). Of a file's declarations only those another declaration names can be imported (a layout, for an activity's `layout`); a badge or a card is a payload of its own. Imports stay inside the project root, by name and by real path (a symbolic link cannot lead outside), so a build cannot depend on, or read, files outside the repository.",
    severity: "error",
    fixable: false,
    spec: "templates",
    messages: {
      noHost: "Imports are resolved from files: check this file by its path (b24layout check FILE), or give check() a file and a source host.",
      notFound: "Cannot find '{path}' (looked for {resolved}).",
      unreadable: "Cannot read '{path}' as text: {reason}.",
      outsideRoot: "'{path}' is outside the project root: imports cannot reach outside it.",
      outsideRootLink: "'{path}' leads through a symbolic link to '{real}', which is outside the project root '{root}': imports cannot reach outside it.",
      cycle: "Import cycle: {chain}.",
      unknownName: "'{path}' has no fragment or layout '{name}' (imports name fragments, layouts, or translations for its table).",
      unknownNameSuggest: "'{path}' has no fragment or layout '{name}'. Did you mean '{suggestion}'?",
      notImportable: "'{path}' declares '{name}' as a {keyword}, which cannot be imported: a file imports fragments, {importable} (what an activity's layout names) and the translations table of another.",
      importedDeclarationErrors: "The {keyword} '{name}' has {count} error(s) in '{path}', and this file's payload would carry it as it is: correct it there.",
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
