import { defineRule } from "../rule.js";

/** A `b24layout-disable…` comment that suppresses nothing (reported by the suppression pass, suppressions.ts). */
export default defineRule({
  meta: {
    id: "unused-suppression",
    description: "Report `b24layout-disable` comments that suppress nothing, and rule ids in them that do not exist.",
    why: "A suppression outlives the problem it was written for; left in place it would hide the next, real problem on that line. A misspelt rule id suppresses nothing at all. Whether a suppression of a project rule (output-name, unknown-badge-code, unlisted-import) is used is known only when the files are checked together (`b24layout check`, `build`, the library's `checkProject`), so the one-file `check()` leaves those alone; a suppression of every rule on a line where a project rule may report (a declaration's name, a `badgeCode`, an import) is removed by `--fix` only when the files checked together show it suppresses nothing (the one-file check only suggests its removal).",
    severity: "warning",
    appliesTo: ["b24layout"],
    fixable: true,
    hasSuggestions: true,
    spec: "—",
    messages: {
      unused: "This suppression suppresses nothing: remove it.",
      unusedRule: "'{rule}' reports nothing here: remove it from the suppression.",
      unknownRule: "Unknown rule '{rule}' in the suppression.",
      unknownRuleSuggest: "Unknown rule '{rule}' in the suppression. Did you mean '{suggestion}'?",
    },
    examples: {
      incorrect: [{ code: '// b24layout-disable-next-line unknown-code -- a portal icon\nblocks b {\n  text "x"\n}\n', note: "Nothing on the next line is reported." }],
      correct: [
        {
          code: 'layout l {\n  // b24layout-disable-next-line unknown-code -- registered on our portal\n  icon my-portal-icon\n  header "T"\n  body {\n    logo document\n    text "x"\n  }\n}\n',
        },
      ],
    },
  },
  create: () => ({}),
});
