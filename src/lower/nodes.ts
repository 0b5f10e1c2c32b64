/**
 * Allocation of IR nodes. Each node is a plain object with the same keys in the same order as the
 * object literal it replaces, built by a plain constructor (see util/plain-constructor.ts for why).
 */
import type { Range, Statement } from "../syntax/index.js";
import type { DeclarationSpec } from "../model/index.js";
import type {
  IrArgument,
  IrArray,
  IrCollection,
  IrDeclaration,
  IrDeclarationRef,
  IrEntry,
  IrObject,
  IrParam,
  IrProgram,
  IrScalar,
  IrTranslationRef,
  IrValue,
  ScalarSource,
  TranslationEntry,
  TranslationLanguage,
  TranslationTable,
} from "./ir.js";
import { plainConstructor, type Writable } from "../util/index.js";

const EMPTY: never[] = [];
const NO_PARAMS: readonly IrParam[] = Object.freeze([]);

/** A fresh empty list (a copy of an empty array: made by a builtin, so never pretenured). */
export function newList<T>(): T[] {
  return EMPTY.slice();
}

const ObjectNode = plainConstructor(function (this: Writable<IrObject>, dto: string, entries: IrEntry[], range: Range, fromMap: boolean) {
  this.kind = "object";
  this.dto = dto;
  this.entries = entries;
  this.range = range;
  if (fromMap) this.fromMap = true;
});

export function newObject(dto: string, range: Range, fromMap = false): IrObject {
  return new ObjectNode(dto, newList(), range, fromMap);
}

const CollectionNode = plainConstructor(function (this: Writable<IrCollection>, of: string, keyPrefix: string, entries: IrEntry[], range: Range) {
  this.kind = "collection";
  this.of = of;
  this.keyPrefix = keyPrefix;
  this.entries = entries;
  this.range = range;
});

export function newCollection(of: string, keyPrefix: string, range: Range): IrCollection {
  return new CollectionNode(of, keyPrefix, newList(), range);
}

const ArrayNode = plainConstructor(function (this: Writable<IrArray>, items: IrValue[], range: Range) {
  this.kind = "array";
  this.items = items;
  this.range = range;
});

export function newArray(items: IrValue[], range: Range): IrArray {
  return new ArrayNode(items, range);
}

const ScalarNode = plainConstructor(function (
  this: Writable<IrScalar>,
  value: IrScalar["value"],
  range: Range,
  source: ScalarSource,
  written: string | undefined,
) {
  this.kind = "scalar";
  this.value = value;
  this.range = range;
  this.source = source;
  if (written !== undefined) this.written = written;
});

export function scalar(value: IrScalar["value"], range: Range, source: ScalarSource, written?: string): IrScalar {
  return new ScalarNode(value, range, source, written);
}

const TranslationRefNode = plainConstructor(function (this: Writable<IrTranslationRef>, key: string, range: Range) {
  this.kind = "translationRef";
  this.key = key;
  this.range = range;
});

export function translationRef(key: string, range: Range): IrTranslationRef {
  return new TranslationRefNode(key, range);
}

const DeclarationRefNode = plainConstructor(function (
  this: Writable<IrDeclarationRef>,
  declaration: string,
  name: string,
  range: Range,
  args: readonly IrArgument[] | undefined,
) {
  this.kind = "declarationRef";
  this.declaration = declaration;
  this.name = name;
  this.range = range;
  if (args !== undefined) this.args = args;
});

export function declarationRef(declaration: string, name: string, range: Range, args?: readonly IrArgument[]): IrDeclarationRef {
  return new DeclarationRefNode(declaration, name, range, args);
}

const EntryNode = plainConstructor(function (this: Writable<IrEntry>, key: string, keyRange: Range, value: IrValue, range: Range, generated: boolean) {
  this.key = key;
  this.keyRange = keyRange;
  this.value = value;
  this.range = range;
  if (generated) this.generated = true;
});

export function entry(key: string, keyRange: Range, value: IrValue, range: Range): IrEntry {
  return new EntryNode(key, keyRange, value, range, false);
}

/** A collection member without a label: its key is assigned once the collection is complete. */
export function generatedEntry(keyRange: Range, value: IrValue, range: Range): IrEntry {
  return new EntryNode("", keyRange, value, range, true);
}

const RangeNode = plainConstructor(function (this: Writable<Range>, start: Range["start"], end: Range["end"]) {
  this.start = start;
  this.end = end;
});

/** From the start of `a` to the end of `b`. */
export function span(a: Range, b: Range): Range {
  return new RangeNode(a.start, b.end);
}

const DeclarationNode = plainConstructor(function (
  this: Writable<IrDeclaration>,
  spec: DeclarationSpec,
  name: string,
  nameRange: Range,
  range: Range,
  root: IrObject,
  directives: ReadonlySet<string>,
  statement: Statement,
  params: readonly IrParam[] = NO_PARAMS,
) {
  this.spec = spec;
  this.name = name;
  this.nameRange = nameRange;
  this.range = range;
  this.root = root;
  this.directives = directives;
  this.statement = statement;
  this.params = params;
});

/** A declaration; a plain one (not a template) has no parameters. */
export function newDeclaration(...args: ConstructorParameters<typeof DeclarationNode>): IrDeclaration {
  return new DeclarationNode(...args);
}

const TranslationTableNode = plainConstructor(function (this: Writable<TranslationTable>, languages: TranslationTable["languages"], all: TranslationEntry[]) {
  this.languages = languages;
  this.all = all;
});

export function newTranslationTable(): TranslationTable {
  return new TranslationTableNode(new Map(), newList());
}

const TranslationLanguageNode = plainConstructor(function (
  this: Writable<TranslationLanguage>,
  language: string,
  range: Range,
  entries: TranslationLanguage["entries"],
) {
  this.language = language;
  this.range = range;
  this.entries = entries;
});

export function newTranslationLanguage(language: string, range: Range): TranslationLanguage {
  return new TranslationLanguageNode(language, range, new Map());
}

const TranslationEntryNode = plainConstructor(function (
  this: Writable<TranslationEntry>,
  language: string,
  key: string,
  value: string,
  range: Range,
  keyRange: Range,
) {
  this.language = language;
  this.key = key;
  this.value = value;
  this.range = range;
  this.keyRange = keyRange;
});

export function newTranslationEntry(language: string, key: string, value: string, range: Range, keyRange: Range): TranslationEntry {
  return new TranslationEntryNode(language, key, value, range, keyRange);
}

const ProgramNode = plainConstructor(function (this: Writable<IrProgram>, declarations: IrDeclaration[], translations: TranslationTable) {
  this.declarations = declarations;
  this.translations = translations;
});

export function newProgram(declarations: IrDeclaration[], translations: TranslationTable): IrProgram {
  return new ProgramNode(declarations, translations);
}
