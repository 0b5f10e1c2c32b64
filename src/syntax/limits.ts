/**
 * Limits on what the toolchain reads, so that no input can exhaust the call stack. The parser,
 * lowering, the checker, the emitters, the formatter and the editor services all walk the tree
 * recursively; a limit on how deep the tree can be bounds every one of those walks.
 */

/**
 * How deep blocks `{ … }`, maps, lists, parameter lists and the record and list types inside them
 * may nest, counted together (`body { k: lineOfBlocks { … } }` is two levels, a map inside it a
 * third). Real layouts nest fewer than 10 levels. Parsing costs about 3.2 KB of stack per level in
 * a cold process, the deepest walk of them all: measured with `node --stack-size`, a file nested 64
 * levels goes through parsing, checking, every target, the formatter and the editor's services in
 * at most 280 KB of Node's default 984 KB stack (80 KB of it is Node's own), a margin of more than
 * three times for whatever calls them (the language server's handlers, a test runner). Going past
 * it is an error at the bracket too deep, never a crash.
 */
export const MAX_NESTING_DEPTH = 64;

/**
 * How many tokens (names, values and punctuation; comments and runs of characters no token starts
 * with count too) a file may have. Each costs some 400 bytes once parsed, lowered and checked,
 * so 2 million of them (a file of about 150,000 declarations; real ones have a few hundred) fit in
 * Node's default heap with room to spare, and take seconds, not minutes, to check. Past it the
 * file gets one error at the first token too many and is not parsed (graphql-js's `maxTokens`
 * guards its parser the same way).
 */
export const MAX_TOKENS = 2_000_000;
