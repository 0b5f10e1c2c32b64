/** The messages of the unresolved-import rule (src/check/rules/unresolved-import.ts), reported by the import resolver (src/lower/imports.ts) and the library's check (src/index.ts: the errors of an imported declaration). */
import { defineMessages } from "./catalogue.js";

export const UNRESOLVED_IMPORT = defineMessages("unresolved-import", {
  noHost: "Imports are resolved from files: check this file by its path (b24layout check FILE), or give check() a file and a source host.",
  notFound: "Cannot find '{path}' (looked for {resolved}).",
  unreadable: "Cannot read '{path}' as text: {reason}.",
  outsideRoot: "'{path}' is outside the project root: imports cannot reach outside it.",
  outsideRootLink: "'{path}' leads through a symbolic link to '{real}', which is outside the project root '{root}': imports cannot reach outside it.",
  cycle: "Import cycle: {chain}.",
  unknownName: "'{path}' has no fragment or layout '{name}' (imports name fragments, layouts, or translations for its table).",
  unknownNameSuggest: "'{path}' has no fragment or layout '{name}'. Did you mean '{suggestion}'?",
  notImportable:
    "'{path}' declares '{name}' as a {keyword}, which cannot be imported: a file imports fragments, {importable} (what an activity's layout names) and the translations table of another.",
  importedDeclarationErrors:
    "The {keyword} '{name}' has {count} error(s) in '{path}', and this file's payload would carry it as it is: correct it there.",
  noTranslations: "'{path}' has no translations table to import.",
  importedTwice: "'{name}' is imported twice.",
  importedErrors: "'{path}' has {count} error(s) of its own: check that file.",
});
