/**
 * Runs every rule over a lowered program in one traversal.
 */
import { compareDiagnostics, type Diagnostic, type Severity } from "../diagnostic.js";
import type { Document } from "../syntax/index.js";
import type { IrCollection, IrDeclaration, IrEntry, IrObject, IrProgram } from "../lower/index.js";
import type { LoweringProblem } from "../lower/index.js";
import { fieldsOf, getDto } from "../model/index.js";
import type { DtoSpec, FieldSpec, FieldType } from "../model/index.js";
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
    this.hooks.program.call(this.program);
  }

  declaration(declaration: IrDeclaration): void {
    // Another structure (spec §15), reported once by lowering: its parts are not this one's.
    if (declaration.lookAlike !== undefined) return;
    const hooks = this.hooks;
    hooks.declaration.call(declaration);
    if (hooks.walks) new Walker(declaration, hooks).object(declaration.root, undefined, undefined);
  }

  end(): void {
    this.hooks.done.call(undefined);
  }
}

/** The handlers of one hook, in rule order, each with the handlers object it came from (for its narrowing). */
class HookList<V> {
  readonly fns: ((value: V) => void)[] = [];
  readonly owners: RuleHandlers[] = [];

  add(owner: RuleHandlers, fn: (value: V) => void): void {
    this.fns.push(fn);
    this.owners.push(owner);
  }

  call(value: V): void {
    const fns = this.fns;
    for (let i = 0; i < fns.length; i++) fns[i]!(value);
  }

  /** The object handlers for objects of `dto` (undefined: a DTO none of them names), in the same order (this list itself when that is all of them). */
  forDto(this: HookList<ObjectVisit>, dto: string | undefined): HookList<ObjectVisit> {
    return this.narrowed((h) => h.objectDtos === undefined || (dto !== undefined && h.objectDtos.includes(dto)));
  }

  /** The field handlers for fields of type `kind`, in the same order (this list itself when that is all of them). */
  forKind(this: HookList<FieldVisit>, kind: FieldType["kind"]): HookList<FieldVisit> {
    return this.narrowed((h) => h.fieldTypes === undefined || h.fieldTypes.includes(kind));
  }

  private narrowed(keep: (owner: RuleHandlers) => boolean): HookList<V> {
    const owners = this.owners;
    let i = 0;
    while (i < owners.length && keep(owners[i]!)) i++;
    if (i === owners.length) return this;
    const out = new HookList<V>();
    for (let j = 0; j < owners.length; j++) if (j < i || (j > i && keep(owners[j]!))) out.add(owners[j]!, this.fns[j]!);
    return out;
  }
}

/**
 * The rules' handlers, one list per hook, so that a node only meets the rules that look at it: a
 * field only the handlers for its type's kind (RuleHandlers.fieldTypes), an object only those for
 * its DTO (RuleHandlers.objectDtos). Those lists are made at the first node that needs each.
 */
class Hooks {
  readonly program = new HookList<IrProgram>();
  readonly declaration = new HookList<IrDeclaration>();
  readonly object = new HookList<ObjectVisit>();
  readonly collection = new HookList<CollectionVisit>();
  readonly field = new HookList<FieldVisit>();
  readonly done = new HookList<undefined>();
  /** Whether any handler looks at the nodes of a declaration (objects, collections, fields). */
  walks = false;
  /** The DTOs some object handler narrows itself to; the objects of any other DTO all meet the same handlers. */
  private readonly namedDtos = new Set<string>();
  private objectsOfOthers: HookList<ObjectVisit> | undefined;
  private readonly objectByDto = new Map<string, HookList<ObjectVisit>>();
  private readonly fieldByKind = new Map<string, HookList<FieldVisit>>();

  /** Adds a rule's handlers: those of the walk (declaration, object, collection, field) and those of the file (program, done), or only one kind. */
  add(h: RuleHandlers, walk = true, file = true): void {
    if (file && h.program) this.program.add(h, h.program);
    if (walk && h.declaration) this.declaration.add(h, h.declaration);
    if (walk && h.object) {
      this.object.add(h, h.object);
      if (h.objectDtos) for (const dto of h.objectDtos) this.namedDtos.add(dto);
    }
    if (walk && h.collection) this.collection.add(h, h.collection);
    if (walk && h.field) this.field.add(h, h.field);
    if (file && h.done) this.done.add(h, h.done);
    this.walks ||= this.object.fns.length + this.collection.fns.length + this.field.fns.length > 0;
  }

  /** The object handlers for objects of `dto`. */
  objectsOf(dto: string): HookList<ObjectVisit> {
    if (!this.namedDtos.has(dto)) return (this.objectsOfOthers ??= this.object.forDto(undefined));
    let list = this.objectByDto.get(dto);
    if (list === undefined) this.objectByDto.set(dto, (list = this.object.forDto(dto)));
    return list;
  }

  /** The field handlers for fields of type `kind`. */
  fieldsOf(kind: FieldType["kind"]): HookList<FieldVisit> {
    let list = this.fieldByKind.get(kind);
    if (list === undefined) this.fieldByKind.set(kind, (list = this.field.forKind(kind)));
    return list;
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
  private readonly collectionHooks: HookList<CollectionVisit>;

  constructor(
    declaration: IrDeclaration,
    private readonly hooks: Hooks,
  ) {
    const path = this.path;
    this.collectionHooks = hooks.collection;
    const root = declaration.root;
    this.objectVisit = { object: root, dto: undefined, entry: undefined, field: undefined, path, declaration };
    this.fieldVisit = { owner: root, ownerDto: undefined as unknown as DtoSpec, field: undefined as unknown as FieldSpec, entry: undefined as unknown as IrEntry, value: root, path, declaration };
    this.collectionVisit =
      hooks.collection.fns.length > 0
        ? { collection: undefined as unknown as IrCollection, field: undefined as unknown as FieldSpec, owner: root, ownerDto: undefined as unknown as DtoSpec, path, declaration }
        : undefined;
  }

  object(object: IrObject, entry: IrEntry | undefined, field: FieldSpec | undefined): void {
    const dto = getDto(object.dto);
    const known = dto === undefined ? undefined : fieldsOf(dto);
    const hooks = this.hooks;
    const objectHooks = hooks.objectsOf(object.dto);
    if (objectHooks.fns.length > 0) {
      const visit = this.objectVisit;
      visit.object = object;
      visit.dto = dto;
      visit.entry = entry;
      visit.field = field;
      objectHooks.call(visit);
    }
    const entries = object.entries;
    const checkFields = dto !== undefined && hooks.field.fns.length > 0;
    for (let i = 0; i < entries.length; i++) {
      const e = entries[i]!;
      const value = e.value;
      const f = known === undefined ? undefined : known.get(e.key);
      if (f !== undefined && checkFields) {
        const fieldHooks = hooks.fieldsOf(f.type.kind);
        if (fieldHooks.fns.length > 0) {
          const visit = this.fieldVisit;
          visit.owner = object;
          visit.ownerDto = dto;
          visit.field = f;
          visit.entry = e;
          visit.value = value;
          fieldHooks.call(visit);
        }
      }
      const kind = value.kind;
      if (kind === "object") {
        this.enter(object, e);
        this.object(value, e, f);
        this.path.pop();
      } else if (kind === "collection") {
        this.enter(object, e);
        this.collection(value, f, dto, object);
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

  private collection(collection: IrCollection, field: FieldSpec | undefined, ownerDto: DtoSpec | undefined, owner: IrObject): void {
    const visit = this.collectionVisit;
    if (visit !== undefined && field !== undefined && ownerDto !== undefined) {
      visit.collection = collection;
      visit.field = field;
      visit.owner = owner;
      visit.ownerDto = ownerDto;
      this.collectionHooks.call(visit);
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
