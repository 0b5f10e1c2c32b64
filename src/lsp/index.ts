/** src/lsp, as the rest of src/ sees it (docs/development.md, "Layers"). The language server. Re-exports only. */
export { runLanguageServer } from "./server.js";
