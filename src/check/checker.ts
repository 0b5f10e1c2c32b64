/**
 * Runs every rule over a lowered program in one traversal.
 */
import { compareDiagnostics, type Diagnostic, type Severity } from "../diagnostic.js";
import type { Document } from "../syntax/index.js";
import type { IrCollection, IrDeclaration, IrEntry, IrObject, IrProgram, IrValue } from "../lower/index.js";
import type { LoweringProblem } from "../lower/index.js";
import { getDto, getField } from "../model/index.js";
import type { DtoSpec, FieldSpec } from "../model/index.js";
import {
  toDiagnostic,
  type CollectionVisit,
  type FieldVisit,
  type ObjectVisit,
  type PathStep,
  type Rule,
  type RuleHandlers,
  type RuleMeta,
  type Target,
} from "./rule.js";
import { ALL_RULES } from "./rules/index.js";

export interface CheckOptions {
  /** The rules to run; all of them by default. */
  readonly rules?: readonly Rule[];
  /** Severity overrides by rule id; `off` disables a rule. */
  readonly severities?: Readonly<Record<string, Severity | "off">>;
  /** Options by rule id. */
  readonly ruleOptions?: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
  /**
   * Which Bitrix24 to check against where the docs and the server disagree (spec §14). `server`
   * (default): what the server rejects is an error, what only the docs forbid a warning. `docs`:
   * what the docs forbid is an error, and what they allow is not reported even where the server
   * rejects it.
   */
  readonly target?: Target;
}

/** Rule metadata by id, for reports made by lowering on behalf of a rule. */
let metaById: ReadonlyMap<string, RuleMeta> | undefined;

export function checkProgram(
  document: Document,
  program: IrProgram,
  problems: readonly LoweringProblem[],
  options: CheckOptions = {},
): Diagnostic[] {
  const diagnostics = problemDiagnostics(problems, options);
  const run = new RuleRun(document, program, options, options.rules ?? ALL_RULES, diagnostics);
  run.begin();
  for (const declaration of program.declarations) run.declaration(declaration);
  run.end();
  return sortedUnique(diagnostics);
}

/** What lowering reported on behalf of rules, as those rules' diagnostics (with `options`' severities). */
export function problemDiagnostics(problems: readonly LoweringProblem[], options: CheckOptions): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  if (problems.length === 0) return diagnostics;
  const rules = options.rules ?? ALL_RULES;
  metaById ??= new Map(ALL_RULES.map((r) => [r.meta.id, r.meta]));
  for (const p of problems) {
    const meta = metaById.get(p.ruleId);
    if (!meta) throw new Error(`Lowering reported through unknown rule '${p.ruleId}'.`);
    if (rules !== ALL_RULES && !rules.some((r) => r.meta.id === p.ruleId)) continue;
    // Lowering's replacements are did-you-means: guesses, offered in the editor, never applied by --fix.
    const suggestion =
      p.replacement !== undefined
        ? { description: `Replace with '${p.replacement}'`, edits: [{ range: p.range, newText: p.replacement }] }
        : undefined;
    const report = { messageId: p.messageId, data: p.data, range: p.range, ...(suggestion ? { suggestions: [suggestion] } : {}), ...(p.related ? { related: p.related } : {}) };
    withSeverity(diagnostics, options, toDiagnostic(meta, report, options.target));
  }
  return diagnostics;
}

/** Adds `d` to `out` with the severity `options` give its rule, unless they turn the rule off (or `d` is not reported for the target). */
function withSeverity(out: Diagnostic[], options: CheckOptions, d: Diagnostic | undefined): void {
  if (d === undefined) return;
  const severity = options.severities?.[d.ruleId] ?? d.severity;
  if (severity === "off") return;
  out.push(severity === d.severity ? d : { ...d, severity });
}

/**
 * Which part of the rules a RuleRun runs, for the incremental checker (RuleMeta.scope): `local`,
 * the hooks whose findings in a declaration can be kept while it does not change (scopes
 * `declaration` and `declarations`, and the walk of `split`); `file`, the others (every rule that
 * declares no scope among them), run over the whole file at every change.
 */
export type RulePart = "local" | "file";

/** Whether `part` of `rule` has `hook`. */
function inPart(rule: Rule, part: RulePart | undefined, hook: "walk" | "file"): boolean {
  if (part === undefined) return true;
  const scope = rule.meta.scope;
  const local = scope === "declaration" || scope === "declarations" || (scope === "split" && hook === "walk");
  return (part === "local") === local;
}

/**
 * Some rules run over one program: `begin`, then `declaration` for each declaration to check,
 * then `end`. Reports go to `diagnostics`, which the caller may replace between calls (the
 * incremental checker collects each declaration's apart). With `part`, only that part of them.
 */
export class RuleRun {
  private readonly hooks = new Hooks();

  constructor(
    document: Document,
    private readonly program: IrProgram,
    options: CheckOptions,
    rules: readonly Rule[],
    public diagnostics: Diagnostic[] = [],
    part?: RulePart,
  ) {
    const severities = options.severities;
    for (const rule of rules) {
      if (severities?.[rule.meta.id] === "off") continue;
      const walk = inPart(rule, part, "walk");
      const file = inPart(rule, part, "file");
      if (!walk && !file) continue;
      this.hooks.add(
        rule.create({
          program,
          document,
          options: options.ruleOptions?.[rule.meta.id] ?? {},
          report: (r) => withSeverity(this.diagnostics, options, toDiagnostic(rule.meta, r, options.target)),
        }),
        walk,
        file,
      );
    }
  }

  begin(): void {
    for (const h of this.hooks.program) h(this.program);
  }

  declaration(declaration: IrDeclaration): void {
    // Another structure (spec §15), reported once by lowering: its parts are not this one's.
    if (declaration.lookAlike !== undefined) return;
    const hooks = this.hooks;
    for (const h of hooks.declaration) h(declaration);
    if (hooks.object.length + hooks.collection.length + hooks.field.length === 0) return;
    new Walker(declaration, hooks).object(declaration.root, undefined, undefined);
  }

  end(): void {
    for (const h of this.hooks.done) h();
  }
}

/** The rules' handlers, one list per hook, so that a node only meets the rules that look at it. */
class Hooks {
  readonly program: ((program: IrProgram) => void)[] = [];
  readonly declaration: ((declaration: IrDeclaration) => void)[] = [];
  readonly object: ((visit: ObjectVisit) => void)[] = [];
  readonly collection: ((visit: CollectionVisit) => void)[] = [];
  readonly field: ((visit: FieldVisit) => void)[] = [];
  readonly done: (() => void)[] = [];

  /** Adds a rule's handlers: those of the walk (declaration, object, collection, field) and those of the file (program, done), or only one kind. */
  add(h: RuleHandlers, walk = true, file = true): void {
    if (file && h.program) this.program.push(h.program.bind(h));
    if (walk && h.declaration) this.declaration.push(h.declaration.bind(h));
    if (walk && h.object) this.object.push(h.object.bind(h));
    if (walk && h.collection) this.collection.push(h.collection.bind(h));
    if (walk && h.field) this.field.push(h.field.bind(h));
    if (file && h.done) this.done.push(h.done.bind(h));
  }
}

/** One declaration's traversal. Every node gets one visit object, shared by all handlers. */
class Walker {
  /** The path to the current node; shared by all visits (see PathStep). */
  private readonly path: PathStep[] = [];

  constructor(
    private readonly declaration: IrDeclaration,
    private readonly hooks: Hooks,
  ) {}

  object(object: IrObject, entry: IrEntry | undefined, field: FieldSpec | undefined): void {
    const { hooks, path, declaration } = this;
    const dto = getDto(object.dto);
    if (hooks.object.length > 0) {
      const visit: ObjectVisit = { object, dto, entry, field, path, declaration };
      for (const h of hooks.object) h(visit);
    }
    for (const e of object.entries) {
      const f = dto ? getField(dto, e.key) : undefined;
      if (dto && f && hooks.field.length > 0) {
        const visit: FieldVisit = { owner: object, ownerDto: dto, field: f, entry: e, value: e.value, path, declaration };
        for (const h of hooks.field) h(visit);
      }
      const value = e.value;
      if (value.kind !== "object" && value.kind !== "collection" && value.kind !== "array") continue;
      path.push({ object, key: e.key, entry: e });
      this.value(value, e, f, dto, object);
      path.pop();
    }
  }

  private value(value: IrValue, entry: IrEntry, field: FieldSpec | undefined, ownerDto: DtoSpec | undefined, owner: IrObject): void {
    switch (value.kind) {
      case "object":
        this.object(value, entry, field);
        return;
      case "collection":
        if (field && ownerDto && this.hooks.collection.length > 0) {
          const visit: CollectionVisit = { collection: value, field, owner, ownerDto, path: this.path, declaration: this.declaration };
          for (const h of this.hooks.collection) h(visit);
        }
        this.collection(value);
        return;
      case "array":
        for (const item of value.items) {
          if (item.kind === "object") this.object(item, entry, field);
        }
        return;
      default:
        return;
    }
  }

  private collection(collection: IrCollection): void {
    const path = this.path;
    for (const e of collection.entries) {
      if (e.value.kind !== "object") continue;
      path.push({ object: collection, key: e.key, entry: e });
      this.object(e.value, e, undefined);
      path.pop();
    }
  }
}

/** Findings in source order, each once (the same rule, place and message only once). */
export function sortedUnique(diagnostics: Diagnostic[]): Diagnostic[] {
  diagnostics.sort(compareDiagnostics);
  return dedupe(diagnostics);
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
