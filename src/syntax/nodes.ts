/** The constructors of the syntax tree's nodes and of syntax diagnostics. */
import type {
  ActionClause,
  Argument,
  Body,
  BooleanLiteral,
  Comment,
  Document,
  Identifier,
  ImportDeclaration,
  Interpolation,
  Label,
  ListLiteral,
  MapEntry,
  MapLiteral,
  NullLiteral,
  NumberLiteral,
  Parameter,
  ParameterList,
  ParamRef,
  Position,
  Range,
  RecordField,
  Statement,
  StringLiteral,
  StringPart,
  TranslationRef,
  TypeNode,
  Value,
} from "./ast.js";
import type { Diagnostic } from "../diagnostic.js";
import { plainConstructor, type Writable } from "../util/index.js";
import { SourceRange } from "./positions.js";
import { SYNTAX_RULE_ID } from "./rule-id.js";

// Every node is made by a plain constructor, not an object literal: see util/plain-constructor.ts.
const plain = plainConstructor;

export const IdentifierNode = plain(function (this: Writable<Identifier>, name: string, range: Range) {
  this.kind = "Identifier";
  this.name = name;
  this.range = range;
});

export const StatementNode = plain(function (
  this: Writable<Statement>,
  label: Label | undefined,
  name: Identifier,
  args: readonly Argument[],
  action: ActionClause | undefined,
  body: Body | undefined,
  range: Range,
) {
  this.kind = "Statement";
  this.label = label;
  this.name = name;
  this.args = args;
  this.action = action;
  this.body = body;
  this.range = range;
});

export const LabelNode = plain(function (this: Writable<Label>, value: string, quoted: boolean, range: Range) {
  this.kind = "Label";
  this.value = value;
  this.quoted = quoted;
  this.range = range;
});

export const ActionNode = plain(function (this: Writable<ActionClause>, name: Identifier, args: readonly Argument[], range: Range) {
  this.kind = "Action";
  this.name = name;
  this.args = args;
  this.range = range;
});

export const BodyNode = plain(function (this: Writable<Body>, statements: readonly Statement[], range: Range) {
  this.kind = "Body";
  this.statements = statements;
  this.range = range;
});

export const StringNode = plain(function (
  this: Writable<StringLiteral>,
  value: string,
  multiline: boolean,
  range: Range,
  parts: readonly StringPart[] | undefined,
) {
  this.kind = "String";
  this.value = value;
  this.multiline = multiline;
  this.range = range;
  if (parts !== undefined) this.parts = parts;
});

export const ParamRefNode = plain(function (this: Writable<ParamRef>, path: readonly string[], range: Range) {
  this.kind = "ParamRef";
  this.path = path;
  this.range = range;
});

export const NumberNode = plain(function (this: Writable<NumberLiteral>, value: number, raw: string, range: Range) {
  this.kind = "Number";
  this.value = value;
  this.raw = raw;
  this.range = range;
});

export const BooleanNode = plain(function (this: Writable<BooleanLiteral>, value: boolean, range: Range) {
  this.kind = "Boolean";
  this.value = value;
  this.range = range;
});

export const NullNode = plain(function (this: Writable<NullLiteral>, range: Range) {
  this.kind = "Null";
  this.range = range;
});

export const InterpolationNode = plain(function (this: Writable<Interpolation>, path: readonly string[], range: Range) {
  this.kind = "Interpolation";
  this.path = path;
  this.range = range;
});

export const ParameterListNode = plain(function (this: Writable<ParameterList>, parameters: readonly Parameter[], range: Range) {
  this.kind = "ParameterList";
  this.parameters = parameters;
  this.range = range;
});

export const ParameterNode = plain(function (
  this: Writable<Parameter>,
  name: Identifier,
  optional: boolean,
  type: TypeNode | undefined,
  defaultValue: Value | undefined,
  range: Range,
) {
  this.kind = "Parameter";
  this.name = name;
  this.optional = optional;
  this.type = type;
  this.defaultValue = defaultValue;
  this.range = range;
});

export const RecordFieldNode = plain(function (this: Writable<RecordField>, name: Identifier, optional: boolean, type: TypeNode | undefined, range: Range) {
  this.kind = "RecordField";
  this.name = name;
  this.optional = optional;
  this.type = type;
  this.range = range;
});

export const TranslationRefNode = plain(function (this: Writable<TranslationRef>, key: string, range: Range) {
  this.kind = "TranslationRef";
  this.key = key;
  this.range = range;
});

export const MapNode = plain(function (this: Writable<MapLiteral>, entries: readonly MapEntry[], range: Range) {
  this.kind = "Map";
  this.entries = entries;
  this.range = range;
});

export const MapEntryNode = plain(function (this: Writable<MapEntry>, key: Label, value: Value, range: Range) {
  this.kind = "MapEntry";
  this.key = key;
  this.value = value;
  this.range = range;
});

export const ListNode = plain(function (this: Writable<ListLiteral>, items: readonly Value[], range: Range) {
  this.kind = "List";
  this.items = items;
  this.range = range;
});

export const CommentNode = plain(function (this: Writable<Comment>, text: string, block: boolean, range: Range) {
  this.kind = "Comment";
  this.text = text;
  this.block = block;
  this.range = range;
});

export const DocumentNode = plain(function (
  this: Writable<Document>,
  statements: readonly Statement[],
  comments: readonly Comment[],
  range: Range,
  imports: readonly ImportDeclaration[],
) {
  this.kind = "Document";
  this.statements = statements;
  this.comments = comments;
  this.range = range;
  this.imports = imports;
});

export const ImportNode = plain(function (this: Writable<ImportDeclaration>, names: readonly Identifier[], source: StringLiteral | undefined, range: Range) {
  this.kind = "Import";
  this.names = names;
  this.source = source;
  this.range = range;
});

export const SyntaxDiagnostic = plain(function (this: Writable<Diagnostic>, message: string, range: Range) {
  this.ruleId = SYNTAX_RULE_ID;
  this.severity = "error";
  this.message = message;
  this.range = range;
});

/** An empty name at `at`, where a name is missing. */
export function emptyIdentifier(at: Position): Identifier {
  return new IdentifierNode("", new SourceRange(at, at));
}
