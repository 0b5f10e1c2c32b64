/**
 * The JSON front end's lowering: a REST payload read from a JSON document (src/json) becomes the
 * same IR a `.b24layout` declaration lowers to, typed by the model slot by slot exactly as the raw
 * `json` form is (raw-json.ts: one lowering for both), with every range in the JSON text. The
 * checker then runs on it as on any program, so a finding on a payload is the finding on the
 * declaration it would be, at the key or value of the JSON document.
 *
 * What the front end cannot know (a value a JavaScript front end could not evaluate) is a
 * reference to a value known only at run time, as a template parameter is: never checked, present.
 */
import type { Range } from "../diagnostic.js";
import type { Document, Statement } from "../syntax/ast.js";
import type { JsonNode, JsonProperty } from "../json/index.js";
import { getDeclaration } from "../model/statements.js";
import { cardFieldsOf, rawItemType } from "../model/binding.js";
import { getDto, getField } from "../model/dtos.js";
import type { FieldType } from "../model/types.js";
import type { IrDeclaration, IrObject, IrParamRef, IrProgram, IrValue } from "./ir.js";
import { entry, newArray, newDeclaration, newList, newObject, newProgram, newTranslationTable, scalar, span } from "./nodes.js";
import { lowerRawEntries } from "./raw-json.js";

/** One payload of a JSON document, and the declaration it is checked as. */
export interface JsonPayload {
  /** The declaration keyword (`layout`, `blocks`, `badge`, `activity`, `card`). */
  readonly keyword: string;
  /** How messages name the declaration: where the payload is in the document (`badges[1]`), or its kind for the whole document. */
  readonly name: string;
  /** The payload: the declaration's object, its request params (`request`), or a card's sections (`sectionsOnly`). */
  readonly node: JsonNode;
  /** Where a finding on the declaration as a whole goes: the key holding the payload, or its opening brace. */
  readonly nameRange: Range;
  /** `node` is the request params around the declaration's payload (`crm.timeline.layout.blocks.set` params). */
  readonly request?: boolean;
  /** `node` is a card's sections: the card's data, without the rest of its params (not in the document). */
  readonly sectionsOnly?: boolean;
  /** Directives the payload's form stands for (`legacy`: card params without an entity type). */
  readonly directives?: readonly string[];
  /** Entries of `node` that are not the declaration's (ids a method takes next to it, the owner of a get response): left out. */
  readonly leftOut?: ReadonlySet<JsonProperty>;
}

export interface JsonLowering {
  /** A document of no statements: what the rules that read the syntax see of a JSON payload. */
  readonly document: Document;
  readonly program: IrProgram;
}

/** The payloads of one JSON document as one program, one declaration each. */
export function lowerJsonPayloads(payloads: readonly JsonPayload[], documentRange: Range): JsonLowering {
  const declarations = newList<IrDeclaration>();
  for (const p of payloads) {
    const declaration = lowerPayload(p, p.name);
    if (declaration) declarations.push(declaration);
  }
  const document: Document = { kind: "Document", statements: [], comments: [], imports: [], range: documentRange };
  return { document, program: newProgram(declarations, newTranslationTable()) };
}

function lowerPayload(payload: JsonPayload, name: string): IrDeclaration | undefined {
  const spec = getDeclaration(payload.keyword);
  if (!spec) return undefined;
  const { node, nameRange } = payload;
  let root: IrObject;
  if (payload.sectionsOnly) {
    // The card's data alone: its entity type and the rest of its params are elsewhere, so nothing is missing from it.
    const sections = cardFieldsOf(spec.dto).sections;
    root = newObject(spec.dto, node.range, true);
    root.partial = true;
    const field = getField(getDto(spec.dto)!, sections)!;
    root.entries.push(entry(field.name, nameRange, lowerJsonValue(node, field.type, payload.leftOut), node.range));
  } else {
    const dto = payload.request && spec.request ? spec.request.dto : spec.dto;
    const value = lowerJsonValue(node, { kind: "object", dto }, payload.leftOut);
    root = value.kind === "object" ? value : newObject(dto, node.range, true);
  }
  const statement: Statement = {
    kind: "Statement",
    label: undefined,
    name: { kind: "Identifier", name: spec.keyword, range: nameRange },
    args: [],
    action: undefined,
    body: undefined,
    range: node.range,
  };
  return newDeclaration(spec, name, nameRange, node.range, root, new Set(payload.directives ?? []), statement);
}

/**
 * A JSON value as IR, typed by `type` where the model knows the slot (as the raw form's values
 * are); `leftOut` entries are skipped. An object or list that is `partial` stays so, and an
 * unknown value is a reference to a value known only at run time (IrParamRef with no path).
 */
export function lowerJsonValue(node: JsonNode, type: FieldType | undefined, leftOut?: ReadonlySet<JsonProperty>): IrValue {
  switch (node.kind) {
    case "scalar": {
      const v = node.value;
      return scalar(v, node.range, v === null ? "null" : typeof v === "string" ? "string" : typeof v === "number" ? "number" : "boolean");
    }
    case "unknown":
      return unknownValue(node.range);
    case "array": {
      const of = rawItemType(type);
      const items = newList<IrValue>();
      for (const item of node.items) items.push(lowerJsonValue(item, of, leftOut));
      const array = newArray(items, node.range);
      if (node.partial) array.partial = true;
      return array;
    }
    case "object": {
      const entries = leftOut ? node.entries.filter((e) => !leftOut.has(e)) : node.entries;
      const value = lowerRawEntries(entries, node.range, type, {
        key: (e) => e.key,
        keyRange: (e) => e.keyRange,
        range: (e) => span(e.keyRange, e.value.range),
        stringValue: (e) => (e.value.kind === "scalar" && typeof e.value.value === "string" ? e.value.value : undefined),
        value: (e, of) => lowerJsonValue(e.value, of, leftOut),
      });
      if (node.partial) value.partial = true;
      return value;
    }
  }
}

/** A value not known statically: what a template parameter's value is to the checker, with no parameter behind it. */
function unknownValue(range: Range): IrParamRef {
  return { kind: "paramRef", path: [], type: undefined, optional: false, range };
}
