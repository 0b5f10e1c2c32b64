/**
 * Runs every rule over a lowered program in one traversal.
 */
import { compareDiagnostics, type Diagnostic, type Severity } from "../diagnostic.js";
import type { Document } from "../syntax/index.js";
import type { IrCollection, IrDeclaration, IrEntry, IrObject, IrProgram } from "../lower/index.js";
import type { LoweringProblem } from "../lower/index.js";
import { getDto, getField } from "../model/index.js";
import type { DtoSpec, FieldSpec } from "../model/index.js";
import type { Writable } from "../util/index.js";
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

/** The options of a rule that is given none (shared: a rule reads its options, never writes them). */
const NO_OPTIONS: Readonly<Record<string, unknown>> = Object.freeze({});

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
          options: options.ruleOptions?.[rule.meta.id] ?? NO_OPTIONS,
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

/**
 * One declaration's traversal. Every visit of a kind is the same object, refilled for each node
 * (and every path step the same object per depth), so that the walk allocates nothing per node:
 * handlers read a visit during the call and copy what they keep (see PathStep).
 */
class Walker {
  /** The path to the current node; shared by all visits (see PathStep). */
  private readonly path: Writable<PathStep>[] = [];
  /** The steps of `path` by depth, kept for reuse when the walk climbs back. */
  private readonly steps: Writable<PathStep>[] = [];
  private readonly objectVisit: Writable<ObjectVisit>;
  private readonly fieldVisit: Writable<FieldVisit>;
  private readonly collectionVisit: Writable<CollectionVisit> | undefined;
  private readonly objectHooks: readonly ((visit: ObjectVisit) => void)[];
  private readonly fieldHooks: readonly ((visit: FieldVisit) => void)[];
  private readonly collectionHooks: readonly ((visit: CollectionVisit) => void)[];

  constructor(declaration: IrDeclaration, hooks: Hooks) {
    const path = this.path;
    this.objectHooks = hooks.object;
    this.fieldHooks = hooks.field;
    this.collectionHooks = hooks.collection;
    const root = declaration.root;
    this.objectVisit = { object: root, dto: undefined, entry: undefined, field: undefined, path, declaration };
    this.fieldVisit = { owner: root, ownerDto: undefined as unknown as DtoSpec, field: undefined as unknown as FieldSpec, entry: undefined as unknown as IrEntry, value: root, path, declaration };
    this.collectionVisit =
      hooks.collection.length > 0
        ? { collection: undefined as unknown as IrCollection, field: undefined as unknown as FieldSpec, owner: root, ownerDto: undefined as unknown as DtoSpec, path, declaration }
        : undefined;
  }

  object(object: IrObject, entry: IrEntry | undefined, field: FieldSpec | undefined): void {
    const dto = getDto(object.dto);
    const objectHooks = this.objectHooks;
    if (objectHooks.length > 0) {
      const visit = this.objectVisit;
      visit.object = object;
      visit.dto = dto;
      visit.entry = entry;
      visit.field = field;
      for (let i = 0; i < objectHooks.length; i++) objectHooks[i]!(visit);
    }
    const entries = object.entries;
    const fieldHooks = dto === undefined ? NO_HOOKS : this.fieldHooks;
    for (let i = 0; i < entries.length; i++) {
      const e = entries[i]!;
      const value = e.value;
      const f = dto === undefined ? undefined : getField(dto, e.key);
      if (f !== undefined && fieldHooks.length > 0) {
        const visit = this.fieldVisit;
        visit.owner = object;
        visit.ownerDto = dto!;
        visit.field = f;
        visit.entry = e;
        visit.value = value;
        for (let h = 0; h < fieldHooks.length; h++) fieldHooks[h]!(visit);
      }
      const kind = value.kind;
      if (kind === "object") {
        this.enter(object, e);
        this.object(value, e, f);
        this.path.pop();
      } else if (kind === "collection") {
        this.enter(object, e);
        this.collection(value, e, f, dto, object);
        this.path.pop();
      } else if (kind === "array") {
        this.enter(object, e);
        const items = value.items;
        for (let j = 0; j < items.length; j++) {
          const item = items[j]!;
          if (item.kind === "object") this.object(item, e, f);
        }
        this.path.pop();
      }
    }
  }

  /** Pushes the step into `entry` of `object` onto the path. */
  private enter(object: IrObject | IrCollection, entry: IrEntry): void {
    const path = this.path;
    const depth = path.length;
    let step = this.steps[depth];
    if (step === undefined) this.steps.push((step = { object, key: entry.key, entry }));
    else {
      step.object = object;
      step.key = entry.key;
      step.entry = entry;
    }
    path.push(step);
  }

  private collection(collection: IrCollection, entry: IrEntry, field: FieldSpec | undefined, ownerDto: DtoSpec | undefined, owner: IrObject): void {
    const visit = this.collectionVisit;
    if (visit !== undefined && field !== undefined && ownerDto !== undefined) {
      const hooks = this.collectionHooks;
      visit.collection = collection;
      visit.field = field;
      visit.owner = owner;
      visit.ownerDto = ownerDto;
      for (let h = 0; h < hooks.length; h++) hooks[h]!(visit);
    }
    const entries = collection.entries;
    for (let i = 0; i < entries.length; i++) {
      const e = entries[i]!;
      const value = e.value;
      if (value.kind !== "object") continue;
      this.enter(collection, e);
      this.object(value, e, undefined);
      this.path.pop();
    }
  }
}

const NO_HOOKS: readonly never[] = [];

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
