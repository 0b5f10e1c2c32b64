/**
 * Rendering a checked program to JSON: every declaration (a template with the values of its parameters
 * (checked, and completed with defaults), or a `template-arguments` diagnostic saying what is
 * missing. Shared by the library's `compile` and `b24layout build`.
 */
import type { Diagnostic } from "../diagnostic.js";
import type { IrDeclaration, IrProgram } from "../lower/ir.js";
import { toDiagnostic } from "../check/rule.js";
import templateArguments from "../check/rules/template-arguments.js";
import { emitDeclaration, emitProgram, type EmittedDeclaration } from "./json.js";
import { resolveArguments, TemplateError, type TemplateArguments } from "./template-values.js";

export interface RenderResult {
  readonly outputs: readonly EmittedDeclaration[];
  /** `template-arguments` errors; no outputs when there is any. */
  readonly diagnostics: readonly Diagnostic[];
}

/** Parameter values by declaration name (`--params FILE`). */
export type ProgramArguments = Readonly<Record<string, unknown>>;

const list = (names: readonly string[]) => names.map((n) => `'${n}'`).join(", ");

export function renderProgram(program: IrProgram, params: ProgramArguments = {}): RenderResult {
  // Without templates (and so without references to one) there are no values to check, unless some are given.
  if (!program.declarations.some((d) => d.params.length > 0 || Object.hasOwn(params, d.name))) return { outputs: emitProgram(program), diagnostics: [] };
  const diagnostics: Diagnostic[] = [];
  const report = (d: IrDeclaration, messageId: string, data: Record<string, string>, range = d.nameRange) =>
    diagnostics.push(toDiagnostic(templateArguments.meta, { messageId, data, range }));
  const resolved = new Map<IrDeclaration, TemplateArguments>();
  for (const d of program.declarations) {
    const given = Object.hasOwn(params, d.name) ? params[d.name] : undefined;
    const { args, problems } = resolveArguments(d, given);
    const missing = d.params.filter((p) => !p.optional && !Object.hasOwn(args, p.name)).map((p) => p.name);
    if (given === undefined && missing.length > 0) report(d, "required", { name: d.name, params: list(missing) });
    else if (problems.length > 0) report(d, "badValues", { name: d.name, problems: problems.join("; ") });
    resolved.set(d, args);
  }
  if (diagnostics.length > 0) return { outputs: [], diagnostics };
  const outputs: EmittedDeclaration[] = [];
  for (const d of program.declarations) {
    try {
      outputs.push({ name: d.name, kind: d.spec.outputKind, fileName: `${d.name}.${d.spec.outputKind}.json`, value: emitDeclaration(d, program, resolved.get(d)) });
    } catch (error) {
      if (!(error instanceof TemplateError)) throw error;
      report(d, "limit", { message: error.message });
    }
  }
  return diagnostics.length > 0 ? { outputs: [], diagnostics } : { outputs, diagnostics };
}
