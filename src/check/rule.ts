/**
 * A checker rule is metadata plus behaviour (the ESLint shape): `meta` names the rule, its default
 * severity, its message templates and its documentation; `create` returns handlers called during
 * the one traversal of the IR. Reports name a message id, never inline text.
 */
import type { Diagnostic, Fix, RelatedLocation, Severity } from "../diagnostic.js";
import type { Document, Range } from "../syntax/ast.js";
import type { DtoSpec, FieldSpec } from "../model/types.js";
import type { IrCollection, IrDeclaration, IrEntry, IrObject, IrProgram, IrValue } from "../lower/ir.js";

export interface RuleExample {
  /** `.b24layout` source. */
  readonly code: string;
  /** A sentence on what the example shows. */
  readonly note?: string;
  /** For project rules: the path of `code`'s file (default `example.b24layout`)… */
  readonly path?: string;
  /** …and the other files checked with it… */
  readonly files?: readonly { readonly path: string; readonly code: string }[];
  /** …and files of the project that are not checked with it (which it may import). */
  readonly others?: readonly { readonly path: string; readonly code: string }[];
}

/**
 * A message of a rule: its template and, where they are not the rule's, what it reports. Every
 * report of the message has this severity (the configuration may override a rule's severities),
 * so the rule docs can state it.
 */
export interface MessageSpec {
  readonly text: string;
  /** The message's severity where it is not the rule's `severity`. */
  readonly severity?: Severity;
  /**
   * Whether the message reports where the docs and the server disagree (spec §14): `server`, the
   * server rejects what the docs allow; `docs`, the docs forbid what the server accepts. The
   * `target` setting decides what each means (`severityFor`).
   */
  readonly basis?: "server" | "docs";
}

/** Which Bitrix24 the checker checks against where the docs and the server disagree (CheckOptions.target). */
export type Target = "server" | "docs";

export interface RuleMeta {
  /** Stable id, kebab-case: `collection-limit`. */
  readonly id: string;
  /** One sentence: what the rule checks. */
  readonly description: string;
  /** Why it matters: the Bitrix24 behaviour it prevents, with the spec section. */
  readonly why: string;
  readonly severity: Severity;
  /**
   * What the rule's findings in a declaration depend on, for the editor's incremental checker
   * (src/check/incremental.ts), which keeps a declaration's findings while what they depend on
   * does not change:
   * - absent or `file`: anything in the file: the rule runs over the whole file at every change
   *   (the default, so a rule that says nothing is right in the editor);
   * - `declaration`: only that declaration's text, the rule's options, the model, the file's
   *   translation tables and fragments and whether the file uses templates; its `program` and
   *   `done` hooks report nothing and it keeps no state across declarations. Where a finding
   *   stands (its range, its fixes', its related places) lies inside the declaration, and its
   *   message quotes no position (another place is a `related` location, not "on line 12");
   * - `declarations`: as `declaration`, and also the keyword, name and name field of every
   *   declaration of the file;
   * - `split`: its `declaration`, `object`, `collection` and `field` hooks are as for
   *   `declaration`, and its `program` and `done` hooks report on the file as a whole, sharing
   *   nothing with them.
   */
  readonly scope?: "declaration" | "declarations" | "split" | "file";
  /**
   * Messages by id: the template (`{name}` placeholders are filled from the report's data), or the
   * template with the severity and basis of the message where they are not the rule's.
   */
  readonly messages: Readonly<Record<string, string | MessageSpec>>;
  /**
   * Whether reports may carry a `fix`, which `b24layout check --fix` applies: only changes that mean
   * the same to every reader (the server, the compiler, a person), such as a string boolean written
   * as the boolean the server casts it to.
   */
  readonly fixable?: boolean;
  /**
   * Whether reports may carry `suggestions`: changes that are a guess at what was meant (a
   * did-you-mean), offered in the editor and never applied by `--fix`.
   */
  readonly hasSuggestions?: boolean;
  /** Spec sections the rule enforces. */
  readonly spec: string;
  /**
   * Who reports it: the checker (default); `compile` (problems of a particular output, such as
   * JSON from a template without its values), whose examples are run through `compile`; or
   * `project`, the project check of every file of a run (src/check/project.ts: `b24layout check`
   * and `build`, the library's `checkProject`), whose examples are run through `checkProject`.
   */
  readonly phase?: "check" | "compile" | "project";
  /** The options the rule takes (from b24layout.config.json), by name: what each does. */
  readonly options?: Readonly<Record<string, string>>;
  /** Examples for the rule docs; each is run through the checker in a test. */
  readonly examples?: { readonly incorrect: readonly RuleExample[]; readonly correct: readonly RuleExample[] };
}

export interface Report {
  readonly messageId: string;
  readonly data?: Readonly<Record<string, string | number>>;
  readonly range: Range;
  /** A change that means the same to every reader (RuleMeta.fixable). */
  readonly fix?: Fix;
  /** Guesses at what was meant, for the editor (RuleMeta.hasSuggestions). */
  readonly suggestions?: readonly Fix[];
  /** Other places the finding speaks of ("first defined" at the first of two duplicates). */
  readonly related?: readonly RelatedLocation[];
}

/**
 * Where a value sits: the chain of DTOs and keys from the declaration's root. The traversal shares
 * one path array between visits: read it during the call, copy it (`[...path]`) to keep it.
 */
export interface PathStep {
  readonly object: IrObject | IrCollection;
  readonly key: string;
  readonly entry: IrEntry;
}

export interface ObjectVisit {
  readonly object: IrObject;
  readonly dto: DtoSpec | undefined;
  /** The entry holding this object in its parent; undefined for a declaration's root. */
  readonly entry: IrEntry | undefined;
  /** The field of the parent DTO that holds this object, when known. */
  readonly field: FieldSpec | undefined;
  readonly path: readonly PathStep[];
  readonly declaration: IrDeclaration;
}

export interface CollectionVisit {
  readonly collection: IrCollection;
  readonly field: FieldSpec;
  readonly owner: IrObject;
  readonly ownerDto: DtoSpec;
  readonly path: readonly PathStep[];
  readonly declaration: IrDeclaration;
}

export interface FieldVisit {
  readonly owner: IrObject;
  readonly ownerDto: DtoSpec;
  readonly field: FieldSpec;
  readonly entry: IrEntry;
  readonly value: IrValue;
  readonly path: readonly PathStep[];
  readonly declaration: IrDeclaration;
}

export interface RuleHandlers {
  /** Once per file, before the traversal. */
  program?(program: IrProgram): void;
  declaration?(declaration: IrDeclaration): void;
  object?(visit: ObjectVisit): void;
  collection?(visit: CollectionVisit): void;
  /** Every entry of a closed DTO whose key is a known field. */
  field?(visit: FieldVisit): void;
  /** Once per file, after the traversal. */
  done?(): void;
}

export interface RuleContext {
  readonly program: IrProgram;
  readonly document: Document;
  /** Options from configuration (for rules that take any). */
  readonly options: Readonly<Record<string, unknown>>;
  report(report: Report): void;
}

export interface Rule {
  readonly meta: RuleMeta;
  create(context: RuleContext): RuleHandlers;
}

export function defineRule(rule: Rule): Rule {
  return rule;
}

/** Fills `{name}` placeholders of a message template. */
export function formatMessage(template: string, data: Readonly<Record<string, string | number>> | undefined): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => {
    const v = data?.[key];
    return v === undefined ? whole : String(v);
  });
}

/** A message of `meta` with its severity and basis spelt out. */
export function messageSpec(meta: RuleMeta, messageId: string): Required<Pick<MessageSpec, "text" | "severity">> & MessageSpec {
  const message = meta.messages[messageId];
  if (message === undefined) throw new Error(`Rule ${meta.id} has no message '${messageId}'.`);
  return typeof message === "string" ? { text: message, severity: meta.severity } : { ...message, severity: message.severity ?? meta.severity };
}

/**
 * The severity a message is reported with for `target`, or undefined when it is not reported.
 * `server` (default): as the message states. `docs`: what only the docs forbid is an error, and
 * what only the server rejects is not reported.
 */
export function severityFor(message: MessageSpec & { severity: Severity }, target: Target = "server"): Severity | undefined {
  if (target === "docs" && message.basis === "docs") return "error";
  if (target === "docs" && message.basis === "server") return undefined;
  return message.severity;
}

/**
 * Turns a report into a diagnostic using the rule's metadata, with the severity its message states
 * for `target`; undefined when the message is not reported for `target`.
 */
export function toDiagnostic(meta: RuleMeta, report: Report): Diagnostic;
export function toDiagnostic(meta: RuleMeta, report: Report, target: Target | undefined): Diagnostic | undefined;
export function toDiagnostic(meta: RuleMeta, report: Report, target: Target = "server"): Diagnostic | undefined {
  const message = messageSpec(meta, report.messageId);
  const severity = severityFor(message, target);
  if (severity === undefined) return undefined;
  // A fix is applied without asking, so only a rule that declares itself fixable makes one; any
  // other change is only offered (test/rules/documented-severity.test.ts fails on such a rule).
  const fix = meta.fixable ? report.fix : undefined;
  const suggestions = report.fix && !fix ? [...(report.suggestions ?? []), report.fix] : report.suggestions;
  return {
    ruleId: meta.id,
    severity,
    message: formatMessage(message.text, report.data),
    range: report.range,
    ...(fix ? { fix } : {}),
    ...(suggestions?.length ? { suggestions } : {}),
    ...(report.related?.length ? { related: report.related } : {}),
  };
}

/** The wording used when the docs and the server disagree (spec §14). */
export function divergenceNote(server: boolean): string {
  return server
    ? "the server rejects it"
    : "the docs forbid it, but the server accepts it";
}
