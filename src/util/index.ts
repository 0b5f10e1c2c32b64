/** src/util, as the rest of src/ sees it (docs/development.md, "Layers"). Helpers with no knowledge of the language: wording, paths, line positions, JSON depth, output names. Re-exports only. */
export { appendAll } from "./append.js";
export { jsonTooDeepAt } from "./json-depth.js";
export { LineIndex } from "./line-index.js";
export { identifierFor, isDeclarationFileName, moduleName, outputFileName, TYPES_MODULE } from "./output-names.js";
export { isInside } from "./paths.js";
export { plainConstructor, type Writable } from "./plain-constructor.js";
export { closest } from "./suggest.js";
export { countWords, groupedDigits, listed, possessive, withArticle } from "./wording.js";
