/**
 * Runs every rule over a lowered program in one traversal.
 */
import { compareDiagnostics, type Diagnostic, type Severity } from "../diagnostic.js";
import type { Document } from "../syntax/ast.js";
import type { IrCollection, IrDeclaration, IrEntry, IrObject, IrProgram, IrValue } from "../lower/ir.js";
import type { LoweringProblem } from "../lower/lower.js";
import { getDto, getField } from "../model/dtos.js";
import type { DtoSpec, FieldSpec } from "../model/types.js";
import { toDiagnostic, type PathStep, type Rule, type RuleHandlers } from "./rule.js";
import { ALL_RULES } from "./rules/index.js";

export interface CheckOptions {
  /** The rules to run; all of them by default. */
  readonly rules?: readonly Rule[];
  /** Severity overrides by rule id; `off` disables a rule. */
  readonly severities?: Readonly<Record<string, Severity | "off">>;
  /** Options by rule id. */
  readonly ruleOptions?: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
}

export function checkProgram(
  document: Document,
  program: IrProgram,
  problems: readonly LoweringProblem[],
  options: CheckOptions = {},
): Diagnostic[] {
  const rules = options.rules ?? ALL_RULES;
  const diagnostics: Diagnostic[] = [];
  const severityOf = (id: string, s: Severity): Severity | "off" => options.severities?.[id] ?? s;

  const push = (d: Diagnostic) => {
    const severity = severityOf(d.ruleId, d.severity);
    if (severity === "off") return;
    diagnostics.push(severity === d.severity ? d : { ...d, severity });
  };

  const metaById = new Map(ALL_RULES.map((r) => [r.meta.id, r.meta]));
  for (const p of problems) {
    const meta = metaById.get(p.ruleId);
    if (!meta) throw new Error(`Lowering reported through unknown rule '${p.ruleId}'.`);
    if (!rules.some((r) => r.meta.id === p.ruleId)) continue;
    const fix =
      p.replacement !== undefined
        ? { description: `Replace with '${p.replacement}'`, edits: [{ range: p.range, newText: p.replacement }] }
        : undefined;
    push(toDiagnostic(meta, { messageId: p.messageId, data: p.data, range: p.range, ...(fix ? { fix } : {}) }));
  }

  const handlers: RuleHandlers[] = rules.map((rule) =>
    rule.create({
      program,
      document,
      options: options.ruleOptions?.[rule.meta.id] ?? {},
      report: (r) => push(toDiagnostic(rule.meta, r)),
    }),
  );

  for (const h of handlers) h.program?.(program);
  for (const declaration of program.declarations) {
    for (const h of handlers) h.declaration?.(declaration);
    walkObject(declaration.root, undefined, undefined, [], declaration, handlers);
  }
  for (const h of handlers) h.done?.();

  diagnostics.sort(compareDiagnostics);
  return dedupe(diagnostics);
}

function walkObject(
  object: IrObject,
  entry: IrEntry | undefined,
  field: FieldSpec | undefined,
  path: PathStep[],
  declaration: IrDeclaration,
  handlers: readonly RuleHandlers[],
): void {
  const dto = getDto(object.dto);
  for (const h of handlers) h.object?.({ object, dto, entry, field, path, declaration });
  for (const e of object.entries) {
    const f = dto ? getField(dto, e.key) : undefined;
    if (dto && f) {
      for (const h of handlers) h.field?.({ owner: object, ownerDto: dto, field: f, entry: e, value: e.value, path, declaration });
    }
    walkValue(e.value, e, f, dto, object, [...path, { object, key: e.key, entry: e }], declaration, handlers);
  }
}

function walkValue(
  value: IrValue,
  entry: IrEntry,
  field: FieldSpec | undefined,
  ownerDto: DtoSpec | undefined,
  owner: IrObject,
  path: PathStep[],
  declaration: IrDeclaration,
  handlers: readonly RuleHandlers[],
): void {
  switch (value.kind) {
    case "object":
      walkObject(value, entry, field, path, declaration, handlers);
      return;
    case "collection":
      if (field && ownerDto) {
        for (const h of handlers) h.collection?.({ collection: value, field, owner, ownerDto, path, declaration });
      }
      walkCollection(value, path, declaration, handlers);
      return;
    case "array":
      for (const item of value.items) {
        if (item.kind === "object") walkObject(item, entry, field, path, declaration, handlers);
      }
      return;
    default:
      return;
  }
}

function walkCollection(collection: IrCollection, path: PathStep[], declaration: IrDeclaration, handlers: readonly RuleHandlers[]): void {
  for (const e of collection.entries) {
    if (e.value.kind === "object") {
      walkObject(e.value, e, undefined, [...path, { object: collection, key: e.key, entry: e }], declaration, handlers);
    }
  }
}

function dedupe(diagnostics: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return diagnostics.filter((d) => {
    const key = `${d.ruleId}|${d.range.start.offset}|${d.range.end.offset}|${d.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
