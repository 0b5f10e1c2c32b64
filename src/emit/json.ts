/**
 * The JSON emitter: the exact payload each REST method takes. Keys of closed DTOs follow the
 * model's field order; author-chosen keys (collections, maps, translations) keep their written
 * order. Objects have no prototype, so a key such as `__proto__` survives as data.
 */
import type { IrDeclaration, IrObject, IrProgram, IrValue } from "../lower/ir.js";
import { getDto } from "../model/dtos.js";

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
      case "collection": {
        const out = dict();
        for (const e of v.entries) out[e.key] = this.value(e.value);
        return out;
      }
      case "array":
        return v.items.map((item) => this.value(item));
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
    const dto = getDto(obj.dto);
    const out = dict();
    if (!dto || !dto.closed) {
      for (const e of obj.entries) out[e.key] = this.value(e.value);
      return out;
    }
    for (const field of dto.fields) {
      const e = obj.entries.find((x) => x.key === field.name);
      if (e) out[field.name] = this.value(e.value);
      else if (field.type.kind === "constant") out[field.name] = field.type.value;
      // A required collection the author left empty is still sent, as `{}` (the server requires the key).
      else if (field.type.kind === "collection" && field.required?.server) out[field.name] = dict();
    }
    return out;
  }
}

/** Deterministic text: 2-space indentation and a final newline. */
export function formatJson(value: Json): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
