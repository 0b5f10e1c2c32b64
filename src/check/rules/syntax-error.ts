import { defineRule } from "../rule.js";

/** The text is not valid `.b24layout`: reported by the lexer and parser. */
export default defineRule({
  meta: {
    id: "syntax-error",
    description: "The text cannot be parsed as `.b24layout` (a JSON payload: as JSON).",
    why: "Nothing can be checked or compiled where the structure cannot be read; the parser reports every error it can recover from in one run. It also reports input past what the reader takes (64 levels of nesting, 2,000,000 tokens in a file) and a file that is not text at all: binary, or not UTF-8. " +
      "A JSON payload (`b24layout check payload.json`) gets the JSON parser's first error: JSON has no recovery, and comments and trailing commas are errors except in `.jsonc` files.",
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
