/**
 * The JSON emitter: the exact payload each REST method takes. Keys of closed DTOs follow the
 * model's field order; author-chosen keys (collections, maps, translations) keep their written
 * order. Objects have no prototype, so a key such as `__proto__` survives as data.
 */
import type { IrDeclaration, IrEntry, IrObject, IrProgram, IrValue } from "../lower/ir.js";
import { DTOS, getDto } from "../model/dtos.js";

export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

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
    const t = field.type;
    if (t.kind === "constant") {
      absent.push("constant");
      constants.push(t.value);
    } else {
      // A required collection the author left empty is still sent, as `{}` (the server requires the key).
      absent.push(t.kind === "collection" && field.required?.server ? "emptyObject" : "omit");
      constants.push(null);
    }
  }
  closedLayouts.set(name, { names: dto.fields.map((f) => f.name), absent, constants });
}

/** The first entry for `key`: an author who writes a field twice gets the first. */
function firstEntry(entries: readonly IrEntry[], key: string): IrEntry | undefined {
  for (let i = 0; i < entries.length; i++) if (entries[i]!.key === key) return entries[i];
  return undefined;
}

/** Emits every declaration. Call only on a program without errors. */
export function emitProgram(program: IrProgram): EmittedDeclaration[] {
  return program.declarations.map((d) => ({
    name: d.name,
    kind: d.spec.outputKind,
    fileName: `${d.name}.${d.spec.outputKind}.json`,
    value: emitDeclaration(d, program),
  }));
}

export function emitDeclaration(declaration: IrDeclaration, program: IrProgram): Json {
  const emitter = new JsonEmitter(program);
  const value = emitter.object(declaration.root) as { [key: string]: Json };
  if (declaration.spec.keyword === "card" && declaration.directives.has("legacy")) {
    // crm.<entity>.details.configuration.set names the entity in the method, not in the params.
    delete value["entityTypeId"];
  }
  return value;
}

class JsonEmitter {
  constructor(private readonly program: IrProgram) {}

  value(v: IrValue): Json {
    switch (v.kind) {
      case "scalar":
        return v.value;
      case "object":
        return this.object(v);
      case "collection":
        return this.entries(v.entries);
      case "array": {
        const items = v.items;
        const out: Json[] = [];
        for (let i = 0; i < items.length; i++) out.push(this.value(items[i]!));
        return out;
      }
      case "translationRef": {
        const out = dict();
        for (const [language, table] of this.program.translations.languages) {
          const t = table.entries.get(v.key);
          if (t) out[language] = t.value;
        }
        return out;
      }
      case "declarationRef": {
        const target = this.program.declarations.find((d) => d.spec.keyword === v.declaration && d.name === v.name);
        return target ? this.object(target.root) : null;
      }
    }
  }

  object(obj: IrObject): Json {
    const layout = closedLayouts.get(obj.dto);
    if (layout === undefined) return this.entries(obj.entries);
    const entries = obj.entries;
    const { names, absent } = layout;
    const out = dict();
    for (let i = 0; i < names.length; i++) {
      const name = names[i]!;
      const e = firstEntry(entries, name);
      if (e !== undefined) {
        const v = e.value;
        out[name] = v.kind === "scalar" ? v.value : this.value(v);
      } else if (absent[i] === "constant") out[name] = layout.constants[i]!;
      else if (absent[i] === "emptyObject") out[name] = dict();
    }
    return out;
  }

  /** Written keys in written order: collections and open DTOs. A repeated key keeps its first place and its last value. */
  entries(entries: readonly IrEntry[]): Json {
    const out = dict();
    for (let i = 0; i < entries.length; i++) {
      const e = entries[i]!;
      const v = e.value;
      out[e.key] = v.kind === "scalar" ? v.value : this.value(v);
    }
    return out;
  }
}

/** Deterministic text: 2-space indentation and a final newline. */
export function formatJson(value: Json): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
