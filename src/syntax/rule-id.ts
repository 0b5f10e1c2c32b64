/** The rule id of everything the lexer and parser report; its own module, so the CLI can name it without loading the parser. */
export const SYNTAX_RULE_ID = "syntax-error";
