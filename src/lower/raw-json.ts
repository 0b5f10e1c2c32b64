/**
 * The raw `json` form: JSON written exactly as it is, for what statements cannot say (a missing
 * key, a value of the wrong shape, an unknown field). Three places take it:
 *
 * - a field statement, `blocks json { "a": 5 }`: the field, whatever its kind, is that value;
 * - a member, `[key:] json { "type": "text", … }`: a member of the body's one member field;
 * - a declaration, `badge b json { … }`: its whole payload.
 *
 * The value is lowered to the same IR the statements give, typed by the model wherever the model
 * says what a slot holds (a `blocks` map's members are content blocks, a block's `properties`
 * those of its type, a `data` list's items sections), with the positions inside the literal, so
 * every rule reports on it as it does on statements. Objects are marked `raw`: the emitters write
 * their entries as written, in their order, and add nothing an absent field would get from a body
 * (`"blocks": {}`, a section's `type`): in the raw form, absent is absent.
 */
import type { Argument, Body, MapLiteral, Range, Value } from "../syntax/ast.js";
import { getDto, getField } from "../model/dtos.js";
import { CONTENT_BLOCK, mapDto, rawEntryType, rawItemType } from "../model/binding.js";
import { RAW_KEYWORD } from "../model/statements.js";
import type { FieldType } from "../model/types.js";
import type { IrCollection, IrObject, IrValue } from "./ir.js";
import { entry, newArray, newCollection, newList, newObject, scalar } from "./nodes.js";
import type { Writable } from "../util/plain-constructor.js";
import { RAW_JSON, type ProblemReporter } from "../messages/index.js";

/** How the raw lowering reports a problem (Lowering.problem); the form's own are the raw-json rule's (RAW_JSON). */
export type RawProblem = ProblemReporter;

/** The literal a raw form holds: a value written after `json`, or the empty map of `json {}`. */
export interface RawLiteral {
  readonly value: Value;
  /** `json {}`: the parser read the empty braces as the statement's body, which the form takes as the value. */
  readonly bodyIsValue: boolean;
}

/**
 * `json <value>` at `args[at]`, or `json {}` (the parser reads `{}` after a word as an empty
 * body): the literal, or undefined when the arguments are not the raw form (`logo json` is the
 * logo code `json`).
 */
export function rawLiteralAt(args: readonly Argument[], at: number, body: Body | undefined): RawLiteral | undefined {
  const word = args[at];
  if (word?.kind !== "Identifier" || word.name !== RAW_KEYWORD) return undefined;
  return literalAfter(args, at + 1, body);
}

/** The literal of a member statement named `json`: its first argument, or its empty body. */
export function rawMemberLiteral(args: readonly Argument[], body: Body | undefined): RawLiteral | undefined {
  return literalAfter(args, 0, body);
}

function literalAfter(args: readonly Argument[], at: number, body: Body | undefined): RawLiteral | undefined {
  const value = args[at];
  if (value !== undefined) return isValue(value) ? { value, bodyIsValue: false } : undefined;
  if (body !== undefined && body.statements.length === 0) return { value: emptyMap(body.range), bodyIsValue: true };
  return undefined;
}

function isValue(a: Argument): a is Value {
  return a.kind !== "Identifier" && a.kind !== "ParameterList";
}

function emptyMap(range: Range): MapLiteral {
  return { kind: "Map", entries: [], range };
}

/**
 * A raw value as IR, typed by `type` (the field's, when the model knows the slot). Template values
 * (`@key`, `$parameter`, `${…}`) are not JSON: reported, and taken as null or as their text.
 */
export function lowerRawValue(v: Value, type: FieldType | undefined, problem: RawProblem): IrValue {
  switch (v.kind) {
    case "String":
      if (v.parts) problem(RAW_JSON, "notJson", { what: "an interpolation (`${…}`)" }, v.range);
      return scalar(v.value, v.range, "string");
    case "Number":
      return scalar(v.value, v.range, "number");
    case "Boolean":
      return scalar(v.value, v.range, "boolean");
    case "Null":
      return scalar(null, v.range, "null");
    case "TranslationRef":
      problem(RAW_JSON, "notJson", { what: `the translation '@${v.key}'` }, v.range);
      return scalar(null, v.range, "null");
    case "ParamRef":
      problem(RAW_JSON, "notJson", { what: `the parameter '$${v.path.join(".")}'` }, v.range);
      return scalar(null, v.range, "null");
    case "List": {
      const of = rawItemType(type);
      const items = newList<IrValue>();
      for (const item of v.items) items.push(lowerRawValue(item, of, problem));
      return newArray(items, v.range);
    }
    case "Map":
      return lowerRawMap(v, type, problem);
  }
}

function lowerRawMap(map: MapLiteral, type: FieldType | undefined, problem: RawProblem): IrValue {
  return lowerRawEntries(map.entries, map.range, type, {
    key: (e) => e.key.value,
    keyRange: (e) => e.key.range,
    range: (e) => e.range,
    stringValue: (e) => (e.value.kind === "String" ? e.value.value : undefined),
    value: (e, of) => lowerRawValue(e.value, of, problem),
  });
}

/**
 * How `lowerRawEntries` reads the entries of an object, whatever syntax wrote it: the raw form's
 * map literal here, a JSON document's object in json-payload.ts.
 */
export interface RawEntryReader<E> {
  key(e: E): string;
  keyRange(e: E): Range;
  /** The whole `key: value` entry. */
  range(e: E): Range;
  /** The entry's value when it is a string (a content block's `type` picks its properties' DTO). */
  stringValue(e: E): string | undefined;
  /** The entry's value as IR, typed by `type`. */
  value(e: E, type: FieldType | undefined): IrValue;
}

/**
 * An object written as JSON, as IR typed by the model: a collection when the slot is one (a
 * `blocks` map), else an object of the slot's DTO, marked `raw` (exactly these entries, in their
 * order), each entry typed by its field (a block's `properties` by the block's `type`).
 */
export function lowerRawEntries<E>(entries: readonly E[], range: Range, type: FieldType | undefined, read: RawEntryReader<E>): IrObject | IrCollection {
  if (type?.kind === "collection") {
    const collection = newCollection(type.of, type.keyPrefix, range);
    const member = rawItemType(type);
    for (const e of entries) collection.entries.push(entry(read.key(e), read.keyRange(e), read.value(e, member), read.range(e)));
    return collection;
  }
  const obj = newObject(mapDto(type), range, true);
  (obj as Writable<IrObject>).raw = true;
  const blockType = obj.dto === CONTENT_BLOCK.dto ? stringEntry(entries, read) : undefined;
  const dto = getDto(obj.dto);
  for (const e of entries) {
    const key = read.key(e);
    // The model's own string for a field's key, as the statements use (the emitter compares keys by identity).
    const field = dto ? getField(dto, key) : undefined;
    obj.entries.push(entry(field ? field.name : key, read.keyRange(e), read.value(e, rawEntryType(type, key, blockType)), read.range(e)));
  }
  return obj;
}

/** The value of a content block's string `type` entry, if it has one. */
function stringEntry<E>(entries: readonly E[], read: RawEntryReader<E>): string | undefined {
  for (const e of entries) {
    if (read.key(e) !== CONTENT_BLOCK.typeField) continue;
    const value = read.stringValue(e);
    if (value !== undefined) return value;
  }
  return undefined;
}

/** A raw declaration's payload: its map as the declaration's DTO; anything else is reported and gives an empty payload. */
export function lowerRawRoot(literal: Value, dto: string, keyword: string, problem: RawProblem): IrObject {
  if (literal.kind === "Map") return lowerRawMap(literal, { kind: "object", dto }, problem) as IrObject;
  problem(RAW_JSON, "declarationNotMap", { keyword, actual: describeLiteral(literal) }, literal.range);
  const empty = newObject(dto, literal.range, true);
  (empty as Writable<IrObject>).raw = true;
  return empty;
}

function describeLiteral(v: Value): string {
  switch (v.kind) {
    case "List":
      return "a list";
    case "String":
      return "a string";
    case "Number":
      return "a number";
    case "Boolean":
      return "a boolean";
    case "Null":
      return "null";
    default:
      return "a reference";
  }
}
