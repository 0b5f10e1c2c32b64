/** The language server of the extension: `b24layout lsp --stdio`, bundled into dist/server.js. */
import { runLanguageServer } from "../../src/lsp/server.js";

runLanguageServer();
