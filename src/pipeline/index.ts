/** The pipeline for one text or a project (pipeline.ts), and the editor's incremental checker (incremental.ts). */
export * from "./incremental.js";
export * from "./pipeline.js";
export * from "./json.js";
