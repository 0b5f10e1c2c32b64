/**
 * Arguments of a template rendered to JSON (`b24layout build --params file.json`): checked
 * against the parameters' types and completed with their defaults before the emitter sees them.
 */
import type { Json } from "./json.js";
import type { IrDeclaration, ParamType } from "../lower/ir.js";
import { describeType, literalsOf } from "../lower/templates.js";

/** Values by parameter name. */
export type TemplateArguments = Readonly<Record<string, Json>>;

/** A render that cannot produce a valid payload with the values given. */
export class TemplateError extends Error {
  override readonly name = "TemplateError";
}

const DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/** Why `value` is not of `type` (naming it by `path`), or undefined when it is. */
export function typeMismatch(type: ParamType, value: Json | undefined, path: string): string | undefined {
  const is = (ok: boolean) => (ok ? undefined : `${path} must be ${describeType(type)}, not ${JSON.stringify(value)}`);
  switch (type.kind) {
    case "string":
    case "url":
      return is(typeof value === "string");
    case "datetime":
      return typeof value === "string" && DATETIME.test(value) ? undefined : `${path} must be an ISO 8601 date and time with an offset (2025-01-31T10:00:00+03:00), not ${JSON.stringify(value)}`;
    case "int":
      return is(typeof value === "number" && Number.isInteger(value));
    case "bool":
      return is(typeof value === "boolean");
    case "literal":
    case "union": {
      const literals = literalsOf(type);
      if (literals) return is(typeof value === "string" && literals.includes(value));
      const members = type.kind === "union" ? type.members : [type];
      return members.some((m) => typeMismatch(m, value, path) === undefined) ? undefined : is(false);
    }
    case "list": {
      if (!Array.isArray(value)) return is(false);
      for (let i = 0; i < value.length; i++) {
        const inner = typeMismatch(type.of, value[i], `${path}[${i}]`);
        if (inner) return inner;
      }
      return undefined;
    }
    case "record": {
      if (value === null || typeof value !== "object" || Array.isArray(value)) return is(false);
      for (const f of type.fields) {
        const has = Object.hasOwn(value, f.name);
        if (!has) {
          if (!f.optional) return `${path}.${f.name} is missing`;
          continue;
        }
        const inner = typeMismatch(f.type, value[f.name], `${path}.${f.name}`);
        if (inner) return inner;
      }
      const extra = Object.keys(value).find((k) => !type.fields.some((f) => f.name === k));
      return extra === undefined ? undefined : `${path} has no field '${extra}' (it is ${describeType(type)})`;
    }
  }
}

/**
 * The arguments a declaration is rendered with: `given` checked against its parameters, with the
 * defaults for those not given. Problems come back as sentences, none of them thrown.
 */
export function resolveArguments(declaration: IrDeclaration, given: unknown): { args: TemplateArguments; problems: string[] } {
  const problems: string[] = [];
  const args = Object.create(null) as Record<string, Json>;
  if (given !== undefined && (given === null || typeof given !== "object" || Array.isArray(given))) {
    return { args, problems: [`the values for '${declaration.name}' must be an object of parameter values`] };
  }
  const values = (given ?? {}) as Record<string, Json>;
  for (const p of declaration.params) {
    if (Object.hasOwn(values, p.name)) {
      const problem = typeMismatch(p.type, values[p.name], `'${p.name}'`);
      if (problem) problems.push(problem);
      else args[p.name] = values[p.name]!;
    } else if (p.defaultValue !== undefined) {
      args[p.name] = p.defaultValue as Json;
    } else if (!p.optional) {
      problems.push(`'${p.name}' (${describeType(p.type)}) has no value and no default`);
    }
  }
  for (const name of Object.keys(values)) {
    if (!declaration.params.some((p) => p.name === name)) problems.push(`'${declaration.name}' has no parameter '${name}'`);
  }
  return { args, problems };
}
