/**
 * The JSON emitter: the exact payload each REST method takes. Keys of closed DTOs written as
 * statements follow the model's field order (keys the DTO does not have, which the checker
 * reports, come after them); author-chosen keys (collections, maps, translations) and everything
 * written in the raw `json` form keep their written order. Objects have no prototype, so a key
 * such as `__proto__` survives as data.
 */
import type { IrArray, IrCollection, IrCondition, IrDeclaration, IrEntry, IrGuard, IrObject, IrParamRef, IrProgram, IrTemplate, IrValue } from "../lower/index.js";
import { isRepeated, memberRuns, resolveReference, type TranslationTable } from "../lower/index.js";
import { DTOS, getDto, getField } from "../model/index.js";
import { implicitWhenAbsent } from "../model/index.js";
import { omittedByDirectives } from "../model/index.js";
import type { FieldSpec } from "../model/index.js";
import { TemplateError, type TemplateArguments } from "./template-values.js";
import type { Json } from "./json-value.js";

export type { Json };

export interface EmittedDeclaration {
  readonly name: string;
  /** `layout`, `blocks`, `badge`, `activity`, `card`. */
  readonly kind: string;
  /** `<name>.<kind>.json` */
  readonly fileName: string;
  readonly value: Json;
}

function dict(): { [key: string]: Json } {
  return Object.create(null) as { [key: string]: Json };
}

/** What a field the author did not write becomes: nothing, its constant, or an empty object. */
type Absent = "omit" | "constant" | "emptyObject";

/** The keys of a closed DTO in the model's order, and what each becomes when not written. */
interface ClosedLayout {
  readonly names: readonly string[];
  readonly fields: readonly FieldSpec[];
  readonly absent: readonly Absent[];
  readonly constants: readonly Json[];
}

/** Closed DTOs by name; open ones (and names not in the model) keep the written keys. */
const closedLayouts = new Map<string, ClosedLayout>();
for (const name of new Set(DTOS.map((d) => d.name))) {
  const dto = getDto(name)!;
  if (!dto.closed) continue;
  const absent: Absent[] = [];
  const constants: Json[] = [];
  for (const field of dto.fields) {
    // What a body of statements sends for a field it does not write (a required collection as `{}`, a constant).
    const implicit = implicitWhenAbsent(field);
    absent.push(implicit === undefined ? "omit" : implicit === "emptyObject" ? "emptyObject" : "constant");
    constants.push(implicit !== undefined && implicit !== "emptyObject" ? implicit.value : null);
  }
  closedLayouts.set(name, { names: dto.fields.map((f) => f.name), fields: dto.fields.map((f) => getField(dto, f.name)!), absent, constants });
}

/** The first entry for `key`: an author who writes a field twice gets the first. */
function firstEntry(entries: readonly IrEntry[], key: string): IrEntry | undefined {
  for (let i = 0; i < entries.length; i++) if (entries[i]!.key === key) return entries[i];
  return undefined;
}

/**
 * Emits every declaration. Call only on a program without errors. A declaration with parameters
 * is rendered with `args[name]` (checked and completed with the defaults by the caller, see
 * template-values.ts); without them, with its defaults. Throws TemplateError when a value makes
 * the payload invalid (more members than a limit allows).
 */
export function emitProgram(program: IrProgram, args: Readonly<Record<string, TemplateArguments>> = {}): EmittedDeclaration[] {
  return program.declarations.map((d) => ({
    name: d.name,
    kind: d.spec.outputKind,
    fileName: `${d.name}.${d.spec.outputKind}.json`,
    value: emitDeclaration(d, program, Object.hasOwn(args, d.name) ? args[d.name] : undefined),
  }));
}

export function emitDeclaration(declaration: IrDeclaration, program: IrProgram, args?: TemplateArguments): Json {
  const emitter = new JsonEmitter(program, declaration, args ?? defaultArguments(declaration));
  const value = emitter.object(declaration.root) as { [key: string]: Json };
  // A directive's method names these itself (crm.<entity>.details.configuration.set: the entity).
  if (declaration.directives.size > 0) for (const field of omittedByDirectives(declaration.spec, declaration.directives)) delete value[field];
  return value;
}

/** The values a declaration is rendered with when no arguments are given: its defaults. */
function defaultArguments(declaration: IrDeclaration): TemplateArguments {
  const out: Record<string, Json> = Object.create(null) as Record<string, Json>;
  for (const p of declaration.params) if (p.defaultValue !== undefined) out[p.name] = p.defaultValue as Json;
  return out;
}

/** The texts of `key` in `table` by language, for languages `out` does not have yet. */
function addTexts(out: { [key: string]: Json }, table: TranslationTable, key: string): void {
  for (const [language, entries] of table.languages) {
    const t = entries.entries.get(key);
    if (t && !Object.hasOwn(out, language)) out[language] = t.value;
  }
}

/** A value left out at run time (an optional parameter without a default): its field is not sent. */
const ABSENT = Symbol("absent");
type Value = Json | typeof ABSENT;

class JsonEmitter {
  /** Loop variables, innermost last, over the declaration's arguments. */
  private readonly scopes: Map<string, Json>[] = [];

  constructor(
    private readonly program: IrProgram,
    private readonly declaration: IrDeclaration,
    args: TemplateArguments,
  ) {
    this.scopes.push(new Map(Object.entries(args)));
  }

  value(v: IrValue, field?: FieldSpec): Value {
    switch (v.kind) {
      case "scalar":
        return v.value;
      case "object":
        return this.object(v);
      case "collection":
        return v.guarded === true ? this.guardedCollection(v, field) : this.entries(v.entries);
      case "array": {
        if (v.guards) return this.guardedArray(v, field);
        const items = v.items;
        const out: Json[] = [];
        for (let i = 0; i < items.length; i++) {
          const item = this.value(items[i]!);
          if (item !== ABSENT) out.push(item);
        }
        return out;
      }
      case "paramRef":
        return this.ref(v);
      case "template":
        return this.template(v);
      case "translationRef": {
        // The texts of `@key` by language (translationTexts), written straight into the map.
        const out = dict();
        addTexts(out, this.program.translations, v.key);
        const imported = this.program.importedTranslations;
        if (imported) addTexts(out, imported, v.key);
        return out;
      }
      case "declarationRef": {
        // A declaration of the file, or one it imports, which is rendered in its own file's program (its texts).
        const target = resolveReference(this.program, v);
        if (!target) return null;
        // `layout card { dealId: $deal }`: rendered with the values given here, and its defaults for the others.
        const args = defaultArguments(target.declaration) as Record<string, Json>;
        for (const a of v.args ?? []) {
          const given = this.value(a.value);
          if (given !== ABSENT) args[a.name] = given;
        }
        return emitDeclaration(target.declaration, target.program, args);
      }
    }
  }

  object(obj: IrObject): Json {
    const layout = closedLayouts.get(obj.dto);
    // The raw `json` form: exactly what was written, in its order, nothing implicit.
    if (layout === undefined || obj.raw === true) return this.entries(obj.entries);
    const entries = obj.entries;
    const { names, absent } = layout;
    const out = dict();
    let written = 0;
    for (let i = 0; i < names.length; i++) {
      const name = names[i]!;
      const e = firstEntry(entries, name);
      if (e !== undefined) {
        written++;
        const v = e.value;
        if (v.kind === "scalar") {
          out[name] = v.value;
          continue;
        }
        const value = this.value(v, layout.fields[i]);
        if (value !== ABSENT) out[name] = value;
      } else if (absent[i] === "constant") out[name] = layout.constants[i]!;
      else if (absent[i] === "emptyObject") out[name] = dict();
    }
    // Keys the structure does not have (a map's `{ widht: 700 }`, `subtitle json "x"`), which unknown-property reports: sent as written, after the fields.
    if (entries.length > written) this.unknownEntries(entries, layout, out);
    return out;
  }

  private unknownEntries(entries: readonly IrEntry[], layout: ClosedLayout, out: { [key: string]: Json }): void {
    for (const e of entries) {
      if (layout.names.includes(e.key)) continue;
      const value = e.value.kind === "scalar" ? e.value.value : this.value(e.value);
      if (value !== ABSENT) out[e.key] = value;
    }
  }

  /** Written keys in written order: collections and open DTOs. A repeated key keeps its first place and its last value. */
  entries(entries: readonly IrEntry[]): Json {
    const out = dict();
    for (let i = 0; i < entries.length; i++) {
      const e = entries[i]!;
      const v = e.value;
      if (v.kind === "scalar") {
        out[e.key] = v.value;
        continue;
      }
      const value = this.value(v);
      if (value !== ABSENT) out[e.key] = value;
    }
    return out;
  }

  // ----- templates -----

  private ref(ref: IrParamRef): Value {
    if (ref.absent) return ABSENT;
    if (ref.constant !== undefined) return ref.constant;
    const [name, ...fields] = ref.path;
    let value: Json | undefined;
    for (let i = this.scopes.length - 1; i >= 0; i--) {
      const scope = this.scopes[i]!;
      if (scope.has(name!)) {
        value = scope.get(name!);
        break;
      }
    }
    for (const f of fields) {
      if (value === null || typeof value !== "object" || Array.isArray(value) || !Object.hasOwn(value, f)) return ABSENT;
      value = value[f];
    }
    return value === undefined ? ABSENT : value;
  }

  private template(t: IrTemplate): string {
    let out = "";
    for (const part of t.parts) {
      if (typeof part === "string") {
        out += part;
        continue;
      }
      const v = this.ref(part);
      const text = v === ABSENT || v === null ? "" : typeof v === "object" ? JSON.stringify(v) : String(v);
      out += t.encoding === "uri" && part.type?.kind !== "url" ? encodeURIComponent(text) : text;
    }
    return out;
  }

  private holds(c: IrCondition): boolean {
    switch (c.kind) {
      case "ref": {
        const v = this.ref(c.ref);
        return v !== ABSENT && v !== null && v !== false;
      }
      case "is": {
        const v = this.ref(c.ref);
        return (v === c.value) !== c.negated;
      }
      case "not":
        return !this.holds(c.operand);
      case "and":
        return this.holds(c.left) && this.holds(c.right);
      case "or":
        return this.holds(c.left) || this.holds(c.right);
    }
  }

  /**
   * Calls `emit` for each member the arguments select, in written order: a run of members under
   * the same `when` once or not at all, a run under the same `each` once per item (with `_<n>`
   * added to their keys).
   */
  private expand<T>(members: readonly T[], guardOf: (m: T) => IrGuard | undefined, emit: (m: T, suffix: string) => void, parent?: IrGuard, suffix = ""): void {
    for (const run of memberRuns(members, guardOf, parent)) {
      if (run.kind === "member") {
        emit(run.member, suffix);
      } else if (run.guard.kind === "when") {
        if (this.holds(run.guard.condition)) this.expand(run.members, guardOf, emit, run.guard, suffix);
      } else {
        const each = run.guard;
        const list = this.ref(each.list);
        const items = Array.isArray(list) ? list : [];
        items.forEach((item, k) => {
          this.scopes.push(new Map([[each.variable, item]]));
          this.expand(run.members, guardOf, emit, each, `${suffix}_${k + 1}`);
          this.scopes.pop();
        });
      }
    }
  }

  private guardedCollection(c: IrCollection, field: FieldSpec | undefined): Json {
    const out = dict();
    let count = 0;
    this.expand(
      c.entries,
      (e) => e.guard,
      (e, suffix) => {
        const value = this.value(e.value);
        if (value === ABSENT) return;
        const key = `${e.key}${suffix}`;
        // The checker rules out keys that repeat (duplicate-key); this is the last line of defence.
        if (Object.hasOwn(out, key)) throw new TemplateError(`${this.declaration.spec.keyword} ${this.declaration.name}: two members have the key '${key}'.`);
        out[key] = value;
        count++;
      },
    );
    if (c.entries.some((e) => isRepeated(e.guard))) this.checkLimit(field, count);
    return out;
  }

  private guardedArray(a: IrArray, field: FieldSpec | undefined): Json {
    const out: Json[] = [];
    const guards = a.guards!;
    this.expand(
      a.items.map((item, i) => ({ item, guard: guards[i] })),
      (m) => m.guard,
      (m, suffix) => {
        const value = this.value(m.item);
        if (value === ABSENT) return;
        const keyField = a.keyField;
        // Under `each`, the field that keys an item (a section's name) gets the item's position.
        if (suffix && keyField && value && typeof value === "object" && !Array.isArray(value) && typeof value[keyField] === "string") value[keyField] = `${value[keyField]}${suffix}`;
        out.push(value);
      },
    );
    if (guards.some(isRepeated)) this.checkLimit(field, out.length);
    return out;
  }

  /** What the checker could not count: members added by `each` (runtime-limit). */
  private checkLimit(field: FieldSpec | undefined, count: number): void {
    const t = field?.type;
    const max = t?.kind === "collection" || t?.kind === "list" ? t.limits?.max?.server : undefined;
    if (max === undefined || count <= max) return;
    throw new TemplateError(
      `${this.declaration.spec.keyword} ${this.declaration.name}: '${field!.name}' can hold at most ${max} items, but these arguments make ${count}; Bitrix24 would answer TOO_MANY_ITEMS.`,
    );
  }
}


/** Deterministic text: 2-space indentation and a final newline. */
export function formatJson(value: Json): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
