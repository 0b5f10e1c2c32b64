/** src/syntax, as the rest of src/ sees it (docs/development.md, "Layers"). Text to syntax tree: tokens, the grammar, the tree's types, string literals and limits. Re-exports only. */
export { type ActionClause, type Argument, type Body, type Comment, type Document, type Identifier, type ImportDeclaration, type Interpolation, type Label, type LiteralType, type MapEntry, type MapLiteral, type Node, type Parameter, type ParameterList, type ParamRef, type Position, type Range, type RecordField, type RecordType, type Statement, type StringLiteral, type TranslationRef, type TypeNode, type UnionType, type Value } from "./ast.js";
export { BINARY_FILE_MESSAGE, bytesLookBinary, looksBinary } from "./binary.js";
export { lexText } from "./lex.js";
export { MAX_NESTING_DEPTH, MAX_TOKENS } from "./limits.js";
export { TOO_MANY_TOKENS_MESSAGE } from "./messages.js";
export { parse, type ParseResult, parseWithOpenBraces } from "./parser.js";
export { SYNTAX_RULE_ID } from "./rule-id.js";
export { isName } from "./tokens.js";
export { argumentValues, statementsWithin } from "./walk.js";
export { keepsErrorsInside, type LineStart, type ParsedSection, parseSection, positionMover, statementAgreesWithBraces } from "./sections.js";
