/**
 * The V8 flags the language server runs with. Every change checks the document again and drops
 * the previous result; with Node's default young generation (16 MB semi-spaces at most) one check
 * of a 2,000-line file fills it several times and the collector promotes half-built results to the
 * old generation, a third of a change's time. A 64 MB semi-space holds a whole check.
 *
 * V8 sizes its heap when the process starts: the flag must be on the command line (setting it
 * later with `v8.setFlagsFromString` leaves the young generation as it was). `b24layout lsp`
 * therefore starts the server in a child process with these flags when it was not given them
 * (src/cli/loader.ts), and the VS Code extension passes them to the server it starts.
 */
export const LANGUAGE_SERVER_NODE_FLAGS: readonly string[] = ["--max-semi-space-size=64"];

/** Whether this process was started with the server's flags. */
export function hasLanguageServerFlags(execArgv: readonly string[]): boolean {
  return LANGUAGE_SERVER_NODE_FLAGS.every((flag) => execArgv.includes(flag));
}
