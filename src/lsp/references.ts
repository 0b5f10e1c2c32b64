/**
 * References that give a template's parameters their values: `use clientInfo { name: $client }`
 * (a fragment) and an activity's `layout card { dealId: $deal }` (a declaration a field names, as
 * lowering reads it: a field whose structure is a declaration's). The keys of the map are the
 * target's parameter names; completion, hover, definition and rename read them from here.
 */
import type { Document, Identifier, MapLiteral, Parameter, Range, Statement, TypeNode } from "../syntax/index.js";
import { statementsWithin } from "../syntax/index.js";
import { bodyFieldIn } from "../model/index.js";
import type { ParamType } from "../lower/index.js";
import { DECLARATIONS } from "../model/index.js";
import { DTOS } from "../model/index.js";
import { EACH_KEYWORD, FRAGMENT_KEYWORD, PARAM_TYPE_NAMES, USE_KEYWORD } from "../model/index.js";
import { bodyKindOf, dtoOfBody } from "./context.js";

/** A template a reference names, with the text of its file (to quote its parameters' types). */
export interface TemplateSource {
  readonly statement: Statement;
  readonly text: string;
  /** For an imported one: the path its file is imported by (`./layouts.b24layout`). */
  readonly from?: string;
}

/** Finds the template a reference names: in the document, or in the file it is imported from. */
export type TemplateLookup = (target: TemplateName) => TemplateSource | undefined;

/** What a reference names: a fragment, or a declaration by its keyword (`layout`). */
export interface TemplateName {
  readonly keyword: string;
  readonly name: string;
}

export interface ValuesReference {
  readonly statement: Statement;
  readonly target: TemplateName;
  /** The target's name as written in the reference. */
  readonly targetName: Identifier;
  /** The values, when the parser read them as a map (a half-typed one may be read as a body). */
  readonly values: MapLiteral | undefined;
}

/** The names of the fields that name a declaration (an activity's `layout`), in any structure: only these can be such references. */
const DECLARATION_FIELDS: ReadonlySet<string> = new Set(
  DTOS.flatMap((d) => d.fields.filter((f) => f.type.kind === "object" && DECLARATIONS.some((x) => x.dto === (f.type as { dto: string }).dto)).map((f) => f.name)),
);

/** The declaration keyword a field of a body of `dto` names by a bare word (`layout card`: `layout`), if it names one. */
function referencedDeclaration(dto: string | undefined, field: string): string | undefined {
  const type = dto === undefined ? undefined : bodyFieldIn(dto, field)?.type;
  return type?.kind === "object" ? DECLARATIONS.find((d) => d.dto === type.dto)?.keyword : undefined;
}

/** The values reference a statement is (`chain`: the statements whose bodies hold it), if it is one. */
export function valuesReferenceOf(statement: Statement, chain: readonly Statement[]): ValuesReference | undefined {
  const first = statement.args[0];
  if (chain.length === 0 || first?.kind !== "Identifier") return undefined;
  const second = statement.args[1];
  const values = second?.kind === "Map" ? second : undefined;
  if (statement.name.name === USE_KEYWORD) return { statement, target: { keyword: FRAGMENT_KEYWORD, name: first.name }, targetName: first, values };
  if (!DECLARATION_FIELDS.has(statement.name.name)) return undefined;
  const keyword = referencedDeclaration(dtoOfBody(bodyKindOf(chain)), statement.name.name);
  return keyword === undefined ? undefined : { statement, target: { keyword, name: first.name }, targetName: first, values };
}

/** Every values reference of a document, in source order. */
export function valuesReferences(document: Document): ValuesReference[] {
  const out: ValuesReference[] = [];
  for (const { statement, chain } of statementsWithin(document.statements)) {
    const reference = valuesReferenceOf(statement, chain);
    if (reference) out.push(reference);
  }
  return out;
}

/** The last values reference whose target's name ends at or before `offset`: the one whose values the cursor may be in. */
export function valuesReferenceBefore(document: Document, offset: number): ValuesReference | undefined {
  let last: ValuesReference | undefined;
  for (const { statement, chain } of statementsWithin(document.statements)) {
    if (statement.range.start.offset >= offset) break;
    const reference = valuesReferenceOf(statement, chain);
    if (reference && reference.targetName.range.end.offset <= offset) last = reference;
  }
  return last;
}

/** The top-level declaration of a document with this keyword and name. */
export function findTemplate(document: Document, target: TemplateName): Statement | undefined {
  return document.statements.find((s) => s.name.name === target.keyword && s.args[0]?.kind === "Identifier" && s.args[0].name === target.name);
}

/** The name of a top-level statement that declares one (`layout card`: `{ layout, card }`). */
export function templateNameOf(statement: Statement): TemplateName | undefined {
  const first = statement.args[0];
  return first?.kind === "Identifier" ? { keyword: statement.name.name, name: first.name } : undefined;
}

export function parametersOf(statement: Statement): readonly Parameter[] {
  const list = statement.args.find((a) => a.kind === "ParameterList");
  return list?.kind === "ParameterList" ? list.parameters : [];
}

/** A parameter as written, for hover: `name?: type = default`. */
export function parameterSignature(p: Parameter, text: string): string {
  const type = p.type ? text.slice(p.type.range.start.offset, p.type.range.end.offset) : "?";
  const value = p.defaultValue ? ` = ${text.slice(p.defaultValue.range.start.offset, p.defaultValue.range.end.offset)}` : "";
  return `${p.name.name}${p.optional ? "?" : ""}: ${type}${value}`;
}

/** A template's head as written, for hover and completion: `layout card(dealId: int, note: string = "")`, `layout plain`. */
export function templateSignature(statement: Statement, text: string): string {
  const name = templateNameOf(statement);
  const head = `${statement.name.name}${name ? ` ${name.name}` : ""}`;
  const parameters = statement.args.some((a) => a.kind === "ParameterList") ? `(${parametersOf(statement).map((p) => parameterSignature(p, text)).join(", ")})` : "";
  return `${head}${parameters}`;
}

/** Whether a caller must give this parameter a value: not optional, and without a default. */
export function isRequired(p: Parameter): boolean {
  return !p.optional && p.defaultValue === undefined;
}

/** A parameter's type as lowering types it (src/lower/templates.ts), or undefined for a type with a mistake. */
export function paramTypeOf(node: TypeNode | undefined): ParamType | undefined {
  switch (node?.kind) {
    case undefined:
      return undefined;
    case "NamedType": {
      const known = PARAM_TYPE_NAMES.find((t) => t.name === node.name);
      return known ? { kind: known.name } : undefined;
    }
    case "LiteralType":
      return { kind: "literal", value: node.value };
    case "ListType": {
      const of = paramTypeOf(node.of);
      return of && { kind: "list", of };
    }
    case "UnionType": {
      const members = node.members.map(paramTypeOf);
      return members.every((m) => m !== undefined) ? { kind: "union", members } : undefined;
    }
    case "RecordType": {
      const fields = node.fields.map((f) => ({ name: f.name.name, optional: f.optional, type: paramTypeOf(f.type) }));
      return fields.every((f) => f.type !== undefined) ? { kind: "record", fields: fields as { name: string; optional: boolean; type: ParamType }[] } : undefined;
    }
  }
}

/**
 * The names in scope where a reference stands, with their types when they can be read off the
 * text: the parameters of the declaration around it, and the variables of the `each`s around it
 * (the item type of the list they go over).
 */
export function namesInScope(chain: readonly Statement[]): { name: string; type: ParamType | undefined; loop: boolean }[] {
  const out: { name: string; type: ParamType | undefined; loop: boolean }[] = [];
  const declaration = chain[0];
  const typeOf = (path: readonly string[]): ParamType | undefined => {
    let type = out.find((n) => n.name === path[0])?.type;
    for (const field of path.slice(1)) type = type?.kind === "record" ? type.fields.find((f) => f.name === field)?.type : undefined;
    return type;
  };
  for (const p of declaration ? parametersOf(declaration) : []) out.push({ name: p.name.name, type: paramTypeOf(p.type), loop: false });
  for (const s of chain) {
    const variable = s.args[0];
    if (s.name.name !== EACH_KEYWORD || variable?.kind !== "Identifier") continue;
    const list = s.args.find((a) => a.kind === "ParamRef");
    const listType = list?.kind === "ParamRef" ? typeOf(list.path) : undefined;
    out.push({ name: variable.name, type: listType?.kind === "list" ? listType.of : undefined, loop: true });
  }
  return out;
}

/** The range of a map key without its quotes: what a rename replaces. */
export function keyNameRange(key: { range: Range; quoted: boolean }): Range {
  if (!key.quoted) return key.range;
  const { start, end } = key.range;
  return { start: { ...start, offset: start.offset + 1, column: start.column + 1 }, end: { ...end, offset: end.offset - 1, column: end.column - 1 } };
}
