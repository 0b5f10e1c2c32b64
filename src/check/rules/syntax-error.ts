import { defineRule } from "../rule.js";

/** The text is not valid `.b24layout`: reported by the lexer and parser. */
export default defineRule({
  meta: {
    id: "syntax-error",
    description: "The text cannot be parsed as `.b24layout`.",
    why: "Nothing can be checked or compiled where the structure cannot be read; the parser reports every error it can recover from in one run.",
    severity: "error",
    spec: "—",
    messages: {},
    examples: {
      incorrect: [{ code: 'layout broken {\n  icon info\n  header "Unclosed\n}\n', note: "The string is not closed." }],
      correct: [{ code: 'blocks ok {\n  text "Closed"\n}\n' }],
    },
  },
  create: () => ({}),
});
