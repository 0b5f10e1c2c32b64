/** src/emit, as the rest of src/ sees it (docs/development.md, "Layers"). IR to output: REST JSON, TypeScript and JavaScript modules, JSON Schema. Re-exports only. */
export { type Json } from "./json-value.js";
export { emitDeclaration, type EmittedDeclaration, formatJson } from "./json.js";
export { type ProgramArguments, renderProgram, type TemplateWithoutValues } from "./render.js";
export { allSchemas, SCHEMA_KINDS, schemaFor } from "./schema.js";
export { typesModule } from "./ts-types.js";
export { emitTypeScriptModule, TYPES_MODULE } from "./typescript.js";
