/**
 * The REST methods whose params wrap a payload with the ids of its target (spec §1, §5), read off
 * the one table of methods (methods.ts): which id picks the method, and which ids each one needs
 * beside the payload.
 */
import { methodsOf } from "./methods.js";
import { DECLARATIONS } from "./statements.js";

export interface RequestMethod {
  readonly method: string;
  /** The params DTO (dtos.ts); the declaration that writes it names the payload's field (DeclarationSpec.request). */
  readonly dto: string;
  /** The id only this method takes: written, it picks the method. */
  readonly selectedBy: string;
  /** Every id the method needs beside the payload, in the order the server documents them. */
  readonly requires: readonly string[];
}

/** The methods whose params are `dto`: those of the declarations writing it that take target ids. */
export function requestMethodsOf(dto: string): readonly RequestMethod[] {
  const result: RequestMethod[] = [];
  for (const declaration of DECLARATIONS) {
    if (declaration.request?.dto !== dto) continue;
    const methods = methodsOf(declaration.keyword).filter((m) => m.targetParams !== undefined);
    for (const m of methods) {
      const requires = m.targetParams!.map((f) => f.name);
      const own = requires.filter((id) => !methods.some((other) => other !== m && other.targetParams!.some((f) => f.name === id)));
      if (own.length !== 1) throw new Error(`${m.name}: exactly one target id must pick the method, found ${own.length}.`);
      result.push({ method: m.name, dto, selectedBy: own[0]!, requires });
    }
  }
  return result;
}
