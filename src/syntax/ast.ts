/**
 * The abstract syntax tree of a `.b24layout` document.
 *
 * The grammar is deliberately generic: a document is a list of statements, and a statement is
 * `[key:] name argument… [-> action argument…] [{ statement… }]`. What a statement *means*
 * (which names are valid where, which arguments fill which field) is decided by the Bitrix24
 * model in `src/model`, not by the parser. That keeps the parser small and tolerant, and puts
 * every Bitrix24 fact in one place.
 */

// Positions are the diagnostics' vocabulary too; they live in the layer below syntax so both can use them.
import type { Position, Range } from "../diagnostic.js";
export type { Position, Range };

interface NodeBase {
  readonly range: Range;
}

export interface Document extends NodeBase {
  readonly kind: "Document";
  readonly statements: readonly Statement[];
  readonly comments: readonly Comment[];
  /** `import { … } from "…"` declarations, in order (kept apart: they are not Bitrix24 structures). */
  readonly imports: readonly ImportDeclaration[];
}

/** `import { clientInfo, translations } from "./common.b24layout"` */
export interface ImportDeclaration extends NodeBase {
  readonly kind: "Import";
  readonly names: readonly Identifier[];
  /** The path as written; missing only when the text is broken (reported). */
  readonly source: StringLiteral | undefined;
}

export interface Comment extends NodeBase {
  readonly kind: "Comment";
  /** The comment text including its delimiters (`// …` or `/* … *\/`). */
  readonly text: string;
  readonly block: boolean;
}

/** `[label:] name args… [-> action] [{ body }]` */
export interface Statement extends NodeBase {
  readonly kind: "Statement";
  readonly label: Label | undefined;
  readonly name: Identifier;
  readonly args: readonly Argument[];
  readonly action: ActionClause | undefined;
  readonly body: Body | undefined;
}

/** The key before a colon: `client:` or `"1":`. */
export interface Label extends NodeBase {
  readonly kind: "Label";
  readonly value: string;
  readonly quoted: boolean;
}

/** A bare word: a statement name, a flag (`bold`), an enum value (`primary`) or a code (`call-completed`). */
export interface Identifier extends NodeBase {
  readonly kind: "Identifier";
  readonly name: string;
}

/** `-> redirect "/crm/deal/details/1/"` */
export interface ActionClause extends NodeBase {
  readonly kind: "Action";
  readonly name: Identifier;
  readonly args: readonly Argument[];
}

export interface Body extends NodeBase {
  readonly kind: "Body";
  readonly statements: readonly Statement[];
}

export interface StringLiteral extends NodeBase {
  readonly kind: "String";
  /** The decoded value (escapes resolved, multi-line indentation removed). */
  readonly value: string;
  /** True for the `"""…"""` form. */
  readonly multiline: boolean;
  /**
   * Present when the string interpolates (`"/crm/deal/details/${dealId}/"`): the text split into
   * literal pieces (escapes resolved) and interpolations, in order. `value` then holds the text
   * with each interpolation written as `${path}`.
   */
  readonly parts?: readonly StringPart[];
}

export type StringPart = string | Interpolation;

/** `${client.name}` inside a string. */
export interface Interpolation extends NodeBase {
  readonly kind: "Interpolation";
  /** `["client", "name"]` */
  readonly path: readonly string[];
}

/** `$dealId` or `$product.name`: a parameter, a loop variable, or a field of one. */
export interface ParamRef extends NodeBase {
  readonly kind: "ParamRef";
  readonly path: readonly string[];
}

/** `(client: string, missed?: bool = false)` after a declaration name. */
export interface ParameterList extends NodeBase {
  readonly kind: "ParameterList";
  readonly parameters: readonly Parameter[];
}

export interface Parameter extends NodeBase {
  readonly kind: "Parameter";
  readonly name: Identifier;
  /** Written `name?: type`: the caller may leave it out. */
  readonly optional: boolean;
  /** Missing only when the text is broken (reported). */
  readonly type: TypeNode | undefined;
  readonly defaultValue: Value | undefined;
}

/** A parameter's type: `string`, `"web" | "mobile"`, `{ name: string, price: int }[]`. */
export type TypeNode = NamedType | LiteralType | ListType | RecordType | UnionType;

/** `string`, `int`, `bool`, `url`, `datetime`. */
export interface NamedType extends NodeBase {
  readonly kind: "NamedType";
  readonly name: string;
}

/** `"web"`: exactly this string. */
export interface LiteralType extends NodeBase {
  readonly kind: "LiteralType";
  readonly value: string;
}

/** `T[]`, or `T[max 9]`: a list of at most 9 items. */
export interface ListType extends NodeBase {
  readonly kind: "ListType";
  readonly of: TypeNode;
  /** The most items the list may have, as written (`max 9`). */
  readonly max?: NumberLiteral;
}

/** `{ name: string, price?: int }` */
export interface RecordType extends NodeBase {
  readonly kind: "RecordType";
  readonly fields: readonly RecordField[];
}

export interface RecordField extends NodeBase {
  readonly kind: "RecordField";
  readonly name: Identifier;
  readonly optional: boolean;
  readonly type: TypeNode | undefined;
}

/** `"web" | "mobile"` */
export interface UnionType extends NodeBase {
  readonly kind: "UnionType";
  readonly members: readonly TypeNode[];
}

export interface NumberLiteral extends NodeBase {
  readonly kind: "Number";
  readonly value: number;
  /** The source text, kept so that the formatter can print it unchanged. */
  readonly raw: string;
}

export interface BooleanLiteral extends NodeBase {
  readonly kind: "Boolean";
  readonly value: boolean;
}

export interface NullLiteral extends NodeBase {
  readonly kind: "Null";
}

/** `@incoming`: a key of the project's translation table. */
export interface TranslationRef extends NodeBase {
  readonly kind: "TranslationRef";
  readonly key: string;
}

/** `{ en: "Missed", de: "Verpasst" }`, `{ clientId: 456 }` */
export interface MapLiteral extends NodeBase {
  readonly kind: "Map";
  readonly entries: readonly MapEntry[];
}

export interface MapEntry extends NodeBase {
  readonly kind: "MapEntry";
  readonly key: Label;
  readonly value: Value;
}

/** `[60, 300]` */
export interface ListLiteral extends NodeBase {
  readonly kind: "List";
  readonly items: readonly Value[];
}

export type Value =
  | StringLiteral
  | NumberLiteral
  | BooleanLiteral
  | NullLiteral
  | TranslationRef
  | ParamRef
  | MapLiteral
  | ListLiteral;

export type Argument = Value | Identifier | ParameterList;

export type Node =
  | Document
  | Comment
  | Statement
  | Label
  | Identifier
  | ActionClause
  | Body
  | MapEntry
  | Value
  | Interpolation
  | ParameterList
  | Parameter
  | TypeNode
  | RecordField
  | ImportDeclaration;
