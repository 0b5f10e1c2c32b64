/**
 * Rendering a checked program to JSON: every declaration, a template with the values of its
 * parameters (checked, and completed with defaults). A template given no values that has parameters
 * without defaults is not a payload but a function of its values: it is left out and listed, not
 * an error, so that what `check` passes always builds (its references give their values where
 * they use it; --params gives values to render it on its own). Shared by the library's `compile`
 * and `b24layout build`.
 */
import type { Diagnostic } from "../diagnostic.js";
import type { IrDeclaration, IrProgram } from "../lower/index.js";
import { problemDiagnostics } from "../check/index.js";
import { problemOf, TEMPLATE_ARGUMENTS, type MessageData, type MessageId, type Problem } from "../messages/index.js";
import { emitDeclaration, emitProgram, type EmittedDeclaration } from "./json.js";
import { resolveArguments, TemplateError, type TemplateArguments } from "./template-values.js";

export interface RenderResult {
  readonly outputs: readonly EmittedDeclaration[];
  /** `template-arguments` errors; no outputs when there is any. */
  readonly diagnostics: readonly Diagnostic[];
  /** The templates left out: given no values (no key in the params), they have parameters without defaults. */
  readonly withoutValues: readonly TemplateWithoutValues[];
}

/** A template that `renderProgram` leaves out, and the parameters it has no value for. */
export interface TemplateWithoutValues {
  readonly declaration: IrDeclaration;
  readonly missing: readonly string[];
}

/** Parameter values by declaration name (`--params FILE`). */
export type ProgramArguments = Readonly<Record<string, unknown>>;

export function renderProgram(program: IrProgram, params: ProgramArguments = {}): RenderResult {
  // Without templates (and so without references to one) there are no values to check, unless some are given.
  if (!program.declarations.some((d) => d.params.length > 0 || Object.hasOwn(params, d.name))) return { outputs: emitProgram(program), diagnostics: [], withoutValues: [] };
  // The values' problems are the template-arguments rule's, worded by its messages (src/messages).
  const problems: Problem[] = [];
  const report = <K extends MessageId<typeof TEMPLATE_ARGUMENTS.messages>>(d: IrDeclaration, messageId: K, data: MessageData<typeof TEMPLATE_ARGUMENTS.messages, K>) =>
    problems.push(problemOf(TEMPLATE_ARGUMENTS, messageId, data, d.nameRange));
  const resolved = new Map<IrDeclaration, TemplateArguments>();
  const withoutValues: TemplateWithoutValues[] = [];
  for (const d of program.declarations) {
    const given = Object.hasOwn(params, d.name) ? params[d.name] : undefined;
    const { args, problems } = resolveArguments(d, given);
    const missing = d.params.filter((p) => !p.optional && !Object.hasOwn(args, p.name)).map((p) => p.name);
    if (given === undefined && missing.length > 0) withoutValues.push({ declaration: d, missing });
    else if (problems.length > 0) report(d, "badValues", { name: d.name, problems: problems.join("; ") });
    else resolved.set(d, args);
  }
  if (problems.length > 0) return { outputs: [], diagnostics: problemDiagnostics(problems, {}), withoutValues };
  const outputs: EmittedDeclaration[] = [];
  for (const d of program.declarations) {
    if (!resolved.has(d)) continue;
    try {
      outputs.push({ name: d.name, kind: d.spec.outputKind, fileName: `${d.name}.${d.spec.outputKind}.json`, value: emitDeclaration(d, program, resolved.get(d)) });
    } catch (error) {
      if (!(error instanceof TemplateError)) throw error;
      report(d, "limit", { message: error.message });
    }
  }
  return problems.length > 0 ? { outputs: [], diagnostics: problemDiagnostics(problems, {}), withoutValues } : { outputs, diagnostics: [], withoutValues };
}
