/**
 * Arguments of a template rendered to JSON (`b24layout build --params file.json`): checked
 * against the parameters' types and completed with their defaults before the emitter sees them.
 */
import type { Json } from "./json-value.js";
import type { IrDeclaration } from "../lower/index.js";
import { describeType, typeMismatch } from "../lower/index.js";

export { typeMismatch };

/** Values by parameter name. */
export type TemplateArguments = Readonly<Record<string, Json>>;

/** A render that cannot produce a valid payload with the values given. */
export class TemplateError extends Error {
  override readonly name = "TemplateError";
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
      const problem = typeMismatch(p.type, values[p.name], p.name);
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
