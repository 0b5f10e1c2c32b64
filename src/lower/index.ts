/** src/lower, as the rest of src/ sees it (docs/development.md, "Layers"). Syntax tree to IR: lowering, imported files, templates, and the IR's types. Re-exports only. */
export { IMPORTABLE_KEYWORDS, type Module, ModuleCache, resolveImports, type SourceHost } from "./imports.js";
export { constantCondition, getEntry, getScalar, getValue, guardChain, type ImportedDeclaration, type IrArgument, type IrArray, type IrCollection, type IrCondition, type IrDeclaration, type IrDeclarationRef, type IrEntry, type IrGuard, type IrObject, type IrParamRef, type IrProgram, type IrScalar, type IrTemplate, type IrTranslationRef, type IrValue, type IrWhen, isElseOf, isRepeated, memberRuns, type ParamType, resolveReference, type TranslationLanguage, type TranslationTable, translationTexts } from "./ir.js";
export { lower, lowerFile, type LoweringProblem, type StatementLowering } from "./lower.js";
export { assignable, describeType, isScalarType, isStringType, literalsOf, typeMismatch } from "./templates.js";
export { type JsonPayload, lowerJsonPayloads } from "./json-payload.js";
