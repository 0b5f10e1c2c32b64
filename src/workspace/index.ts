/** The workspace helpers shared by the CLI, the language server and the Prettier plugin (see files.ts). */
export * from "./config-files.js";
export * from "./files.js";
export * from "./real-paths.js";
export * from "./text-file.js";
