/**
 * The intermediate representation: the JSON a declaration compiles to, with every value's source
 * range and every object's DTO. Rules check it against the model; the emitter strips it to JSON.
 */
import type { Range, Statement } from "../syntax/index.js";
import type { DeclarationSpec } from "../model/index.js";

export type IrValue = IrObject | IrCollection | IrArray | IrScalar | IrTranslationRef | IrDeclarationRef | IrParamRef | IrTemplate;

/** An object whose keys are fields of `dto` (or, for open DTOs, free keys). */
export interface IrObject {
  readonly kind: "object";
  readonly dto: string;
  readonly entries: IrEntry[];
  readonly range: Range;
  /** Where it was written as a map literal rather than as statements. */
  readonly fromMap?: boolean;
  /**
   * Fields a misspelt statement in this object most likely stands for (`heder "T"` for `header`):
   * the misspelling is reported with its did-you-mean, and the field is not reported missing too.
   */
  misspelt?: string[];
  /**
   * Written in the raw `json` form: exactly these entries, in this order. An absent field is
   * absent (nothing implicit: no `"blocks": {}`, no section `type`), and keys keep their order.
   */
  readonly raw?: boolean;
  /**
   * Keys not written here may be there (a JSON payload's object with a spread in JavaScript code,
   * or a card's sections checked without the card's params): nothing may be reported missing from
   * it, and no finding may rest on how many keys it has.
   */
  partial?: boolean;
}

/** An associative collection (`header.tags`, `body.blocks`, …) keyed by labels or generated keys. */
export interface IrCollection {
  readonly kind: "collection";
  /** The DTO of the members. */
  readonly of: string;
  /** Prefix of generated keys (`block` → `block_1`). */
  readonly keyPrefix: string;
  readonly entries: IrEntry[];
  readonly range: Range;
  /** Some member is under `when` or `each`. */
  guarded?: boolean;
  /** Members not written here may be there (a spread in a JSON payload from JavaScript code): no finding may rest on how many there are. */
  partial?: boolean;
}

export interface IrArray {
  readonly kind: "array";
  readonly items: IrValue[];
  readonly range: Range;
  /** The guard of each item written inside `when` or `each` (card sections and elements); absent when none is. */
  guards?: (IrGuard | undefined)[];
  /**
   * The field of the items that keys them (a card section's `name`, written as its label): under
   * `each` it gets the item's position, as collection keys do (`main_1`, `main_2`).
   */
  keyField?: string;
  /** Items not written here may be there (a spread in a JSON payload from JavaScript code): no finding may rest on how many there are. */
  partial?: boolean;
}

/** How a scalar was written, so rules can tell `bold` from `bold "yes"`. */
export type ScalarSource = "string" | "number" | "boolean" | "null" | "word" | "flag" | "label" | "name";

export interface IrScalar {
  readonly kind: "scalar";
  readonly value: string | number | boolean | null;
  readonly range: Range;
  readonly source: ScalarSource;
  /** The word as written when an alias was mapped (`personal` → `P`, `deal` → 2). */
  readonly written?: string;
}

/** `@key`: resolved against the translation table when emitted. */
export interface IrTranslationRef {
  readonly kind: "translationRef";
  readonly key: string;
  readonly range: Range;
}

/** A reference to another declaration by name (`layout incomingCall` inside an activity). */
export interface IrDeclarationRef {
  readonly kind: "declarationRef";
  /** The declaration keyword the reference must resolve to. */
  readonly declaration: string;
  readonly name: string;
  readonly range: Range;
  /**
   * `layout card { dealId: $dealId }`: the values given to the declaration's parameters, as
   * written (checked against them by the template-arguments rule); absent when none are given.
   */
  readonly args?: readonly IrArgument[];
}

/** A value given to a parameter where a template is referenced (`dealId: $dealId`). */
export interface IrArgument {
  readonly name: string;
  readonly nameRange: Range;
  /** A literal, a `$reference` (of the referring declaration) or an interpolated string. */
  readonly value: IrScalar | IrParamRef | IrTemplate;
  /** The whole `name: value` entry. */
  readonly range: Range;
}

export interface IrEntry {
  readonly key: string;
  /** Where the key was written; for generated keys, the member's statement keyword. */
  readonly keyRange: Range;
  readonly value: IrValue;
  /** The whole statement or map entry. */
  readonly range: Range;
  /** The key was generated because the author did not write one. */
  readonly generated?: boolean;
  /** Written inside `when` or `each`: the innermost of them. */
  guard?: IrGuard;
}

// ----- templates -----

/** The type of a template parameter, of a loop variable, or of a field of one. */
export type ParamType =
  | { readonly kind: "string" }
  | { readonly kind: "int" }
  | { readonly kind: "bool" }
  | { readonly kind: "url" }
  | { readonly kind: "datetime" }
  | { readonly kind: "literal"; readonly value: string }
  | { readonly kind: "union"; readonly members: readonly ParamType[] }
  | { readonly kind: "list"; readonly of: ParamType; readonly max?: number }
  | { readonly kind: "record"; readonly fields: readonly RecordFieldType[] };

export interface RecordFieldType {
  readonly name: string;
  readonly optional: boolean;
  readonly type: ParamType;
}

/** A default value: what a parameter is when the caller leaves it out. */
export type ParamDefault = string | number | boolean | null | readonly never[];

export interface IrParam {
  readonly name: string;
  readonly nameRange: Range;
  readonly range: Range;
  /** `name?:` or with a default: the caller may leave it out. */
  readonly optional: boolean;
  readonly type: ParamType;
  readonly defaultValue?: ParamDefault;
  readonly defaultRange?: Range;
}

/** `$dealId`, `$product.name`: a value known when the template is called. */
export interface IrParamRef {
  readonly kind: "paramRef";
  readonly path: readonly string[];
  /** Undefined when the reference names nothing (reported by unknown-parameter). */
  readonly type: ParamType | undefined;
  /** Whether the value may be left out at run time (an optional parameter or record field without a default). */
  readonly optional: boolean;
  readonly range: Range;
  /**
   * A value known when lowering: a fragment parameter given a literal (`use client { name: "x" }`),
   * or left out (`absent`). The emitters write it instead of looking the path up.
   */
  readonly constant?: string | number | boolean | null;
  readonly absent?: boolean;
}

/** `"/crm/deal/details/${dealId}/"`: a string put together when the template is called. */
export interface IrTemplate {
  readonly kind: "template";
  readonly parts: readonly (string | IrParamRef)[];
  /** `uri`: interpolated values are percent-encoded (`encodeURIComponent`), so a value cannot change the path. */
  readonly encoding: "text" | "uri";
  readonly range: Range;
}

/** What `when` tests. */
export type IrCondition =
  /** `$missed`: a bool that is true, or an optional value that is given. */
  | { readonly kind: "ref"; readonly ref: IrParamRef; readonly range: Range }
  /** `$channel is "web"`, `$count is not 0` */
  | { readonly kind: "is"; readonly ref: IrParamRef; readonly value: string | number | boolean; readonly negated: boolean; readonly range: Range }
  | { readonly kind: "not"; readonly operand: IrCondition; readonly range: Range }
  | { readonly kind: "and" | "or"; readonly left: IrCondition; readonly right: IrCondition; readonly range: Range };

/** `when <condition> { … }` (and its `else { … }`, whose guard tests the negation). */
export interface IrWhen {
  readonly kind: "when";
  readonly condition: IrCondition;
  readonly parent: IrGuard | undefined;
  readonly range: Range;
  /** The `when` or `else` keyword. */
  readonly keywordRange: Range;
}

/** `each product in $products { … }` */
export interface IrEach {
  readonly kind: "each";
  readonly variable: string;
  readonly list: IrParamRef;
  readonly itemType: ParamType | undefined;
  readonly parent: IrGuard | undefined;
  readonly range: Range;
  /** The `each` keyword. */
  readonly keywordRange: Range;
}

export type IrGuard = IrWhen | IrEach;

/** Whether `guard` is the `else` of `when`: lowering makes an else's condition the negation of its when's. */
export function isElseOf(guard: IrGuard, when: IrWhen): boolean {
  return guard.kind === "when" && guard.parent === when.parent && guard.condition.kind === "not" && guard.condition.operand === when.condition;
}

/**
 * The value of a condition known without the arguments (it tests only fragment parameters given
 * literals or left out), or undefined when it depends on them.
 */
export function constantCondition(c: IrCondition): boolean | undefined {
  switch (c.kind) {
    case "ref":
      if (c.ref.absent) return false;
      return c.ref.constant === undefined ? undefined : c.ref.constant !== null && c.ref.constant !== false;
    case "is":
      if (c.ref.absent) return c.negated;
      return c.ref.constant === undefined ? undefined : (c.ref.constant === c.value) !== c.negated;
    case "not": {
      const v = constantCondition(c.operand);
      return v === undefined ? undefined : !v;
    }
    case "and":
    case "or": {
      const l = constantCondition(c.left);
      const r = constantCondition(c.right);
      if (c.kind === "and") return l === false || r === false ? false : l === true && r === true ? true : undefined;
      return l === true || r === true ? true : l === false && r === false ? false : undefined;
    }
  }
}

/** The guards of an entry from the outermost in, ending with `guard`. */
export function guardChain(guard: IrGuard | undefined): IrGuard[] {
  const chain: IrGuard[] = [];
  for (let g = guard; g !== undefined; g = g.parent) chain.unshift(g);
  return chain;
}

/**
 * The guard of `guard`'s chain whose parent is `parent`: the `when` or `each` a member sits in,
 * seen from inside `parent`. Undefined when the member sits directly in `parent`.
 */
function childOf(guard: IrGuard | undefined, parent: IrGuard | undefined): IrGuard | undefined {
  let g = guard;
  while (g !== undefined && g.parent !== parent) g = g.parent;
  return g === parent ? undefined : g;
}

/** Whether `guard` is `ancestor` or inside it. */
function within(guard: IrGuard | undefined, ancestor: IrGuard): boolean {
  for (let g = guard; g !== undefined; g = g.parent) if (g === ancestor) return true;
  return false;
}

/** A member written directly in its place, or a run of members under one `when` or `each`. */
export type MemberRun<T> = { readonly kind: "member"; readonly member: T } | { readonly kind: "guarded"; readonly guard: IrGuard; readonly members: readonly T[] };

/**
 * Splits members (in written order) as seen from inside `parent`: each member that sits directly
 * there, and each maximal run of members inside the same `when` or `each` below it.
 */
export function memberRuns<T>(members: readonly T[], guardOf: (m: T) => IrGuard | undefined, parent: IrGuard | undefined): MemberRun<T>[] {
  const runs: MemberRun<T>[] = [];
  let i = 0;
  while (i < members.length) {
    const child = childOf(guardOf(members[i]!), parent);
    if (child === undefined) {
      runs.push({ kind: "member", member: members[i]! });
      i++;
      continue;
    }
    let end = i + 1;
    while (end < members.length && within(guardOf(members[end]!), child)) end++;
    runs.push({ kind: "guarded", guard: child, members: members.slice(i, end) });
    i = end;
  }
  return runs;
}

/** Whether `guard` or one of its parents is an `each`: how often the entry appears is known only at run time. */
export function isRepeated(guard: IrGuard | undefined): boolean {
  for (let g = guard; g !== undefined; g = g.parent) if (g.kind === "each") return true;
  return false;
}

export interface IrDeclaration {
  readonly spec: DeclarationSpec;
  readonly name: string;
  readonly nameRange: Range;
  readonly range: Range;
  readonly root: IrObject;
  readonly directives: ReadonlySet<string>;
  readonly statement: Statement;
  /** Template parameters, in order; empty for a plain declaration. */
  readonly params: readonly IrParam[];
  /**
   * The structure it is written as when that only looks like its own (LOOK_ALIKES, spec §15:
   * `placement`): reported once by lowering, and not checked further.
   */
  readonly lookAlike?: string;
}

export interface TranslationEntry {
  readonly language: string;
  readonly key: string;
  readonly value: string;
  readonly range: Range;
  readonly keyRange: Range;
}

export interface TranslationLanguage {
  readonly language: string;
  readonly range: Range;
  readonly entries: Map<string, TranslationEntry>;
}

export interface TranslationTable {
  readonly languages: Map<string, TranslationLanguage>;
  /** Every entry as written, duplicates included, for the duplicate and unused checks. */
  readonly all: TranslationEntry[];
}

/**
 * A declaration another file declares and this one imports (`import { card } from
 * "./layouts.b24layout"`) to refer to it (`layout card`).
 */
export interface ImportedDeclaration {
  readonly declaration: IrDeclaration;
  /** The program of its file: its translations, and what it refers to, are that file's. */
  readonly program: IrProgram;
  /** Its file's path, resolved from the import: its TypeScript module is named after it. */
  readonly path: string;
  /** Its file's real path (every link followed), which the project check finds it by among the files of a run. */
  readonly realPath: string;
  /** The path as the import writes it. */
  readonly source: string;
  /** The name in the import. */
  readonly nameRange: Range;
}

export interface IrProgram {
  readonly declarations: IrDeclaration[];
  readonly translations: TranslationTable;
  /** Translation tables of imported files, merged; the file's own table wins. */
  importedTranslations?: TranslationTable;
  /** The declarations the file imports, by name. */
  imports?: ReadonlyMap<string, ImportedDeclaration>;
  /** Whether the file uses templates (parameters, `$references`, `when`, `each`, `use`): the template rules look only then. */
  templated?: boolean;
}

/** The texts of `@key` by language: the file's own table, then imported ones. */
export function translationTexts(program: IrProgram, key: string): [language: string, text: string][] {
  const out = new Map<string, string>();
  for (const table of [program.translations, program.importedTranslations]) {
    if (!table) continue;
    for (const [language, entries] of table.languages) {
      const t = entries.entries.get(key);
      if (t && !out.has(language)) out.set(language, t.value);
    }
  }
  return [...out];
}

/** What a reference (`layout card`) names: a declaration of the file, else one it imports; with the program it belongs to. */
export function resolveReference(program: IrProgram, ref: IrDeclarationRef): { declaration: IrDeclaration; program: IrProgram; imported?: ImportedDeclaration } | undefined {
  const declarations = program.declarations;
  for (let i = 0; i < declarations.length; i++) {
    const d = declarations[i]!;
    if (d.name === ref.name && d.spec.keyword === ref.declaration) return { declaration: d, program };
  }
  const imported = program.imports?.get(ref.name);
  return imported && imported.declaration.spec.keyword === ref.declaration ? { declaration: imported.declaration, program: imported.program, imported } : undefined;
}

export function getEntry(obj: IrObject | IrCollection, key: string): IrEntry | undefined {
  // A loop, not `find`: rules call this for every field they look at, and a callback per call adds up.
  const entries = obj.entries;
  for (let i = 0; i < entries.length; i++) if (entries[i]!.key === key) return entries[i];
  return undefined;
}

export function getValue(obj: IrObject, key: string): IrValue | undefined {
  return getEntry(obj, key)?.value;
}

/** The scalar value of a field, when it is a scalar. */
export function getScalar(obj: IrObject, key: string): IrScalar | undefined {
  const v = getValue(obj, key);
  return v?.kind === "scalar" ? v : undefined;
}
