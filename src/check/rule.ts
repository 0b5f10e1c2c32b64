/**
 * A checker rule is metadata plus behaviour (the ESLint shape): `meta` names the rule, its default
 * severity, its message templates and its documentation; `create` returns handlers called during
 * the one traversal of the IR. Reports name a message id, never inline text.
 */
import type { Diagnostic, Fix, RelatedLocation, Severity } from "../diagnostic.js";
import type { Document, Range } from "../syntax/index.js";
import type { DtoSpec, FieldSpec, FieldType } from "../model/index.js";
import type { IrCollection, IrDeclaration, IrEntry, IrObject, IrProgram, IrValue } from "../lower/index.js";
import type { CommonPlaceholders, MessageData, MessageId, Messages, MessageSpec, MessageValue } from "../messages/index.js";

export interface RuleExample {
  /** `.b24layout` source, or with `language: "json"` a JSON payload. */
  readonly code: string;
  /** `json`: `code` is a JSON payload, checked as `b24layout check payload.json` checks it (for a rule that checks only JSON). */
  readonly language?: "json";
  /** A sentence on what the example shows. */
  readonly note?: string;
  /** For project rules: the path of `code`'s file (default `example.b24layout`)… */
  readonly path?: string;
  /** …and the other files checked with it… */
  readonly files?: readonly { readonly path: string; readonly code: string }[];
  /** …and files of the project that are not checked with it (which it may import). */
  readonly others?: readonly { readonly path: string; readonly code: string }[];
}

export type { MessageSpec, Messages, MessageId } from "../messages/index.js";

/** What a rule can check: `.b24layout` text, or a REST payload in a JSON document (RuleMeta.appliesTo). */
export type RuleSource = "b24layout" | "json";

/** Whether the rule of `meta` checks `source` (RuleMeta.appliesTo: both by default). */
export function appliesTo(meta: RuleMeta, source: RuleSource): boolean {
  return meta.appliesTo === undefined || meta.appliesTo.includes(source);
}

/** Which Bitrix24 the checker checks against where the docs and the server disagree (CheckOptions.target). */
export type Target = "server" | "docs";

export interface RuleMeta<M extends Messages = Messages> {
  /** Stable id, kebab-case: `collection-limit`. */
  readonly id: string;
  /** One sentence: what the rule checks. */
  readonly description: string;
  /** Why it matters: the Bitrix24 behaviour it prevents, with the spec section. */
  readonly why: string;
  readonly severity: Severity;
  /**
   * What the rule's findings in a declaration depend on, for the editor's incremental checker
   * (src/pipeline/incremental.ts), which keeps a declaration's findings while what they depend on
   * does not change:
   * - absent or `file`: anything in the file: the rule runs over the whole file at every change
   *   (the default, so a rule that says nothing is right in the editor);
   * - `declaration`: only that declaration's text, the rule's options, the model, the file's
   *   fragments, the languages and keys of its translation tables and whether each text is empty
   *   (not the texts themselves), and whether the file uses templates; its `program` and
   *   `done` hooks report nothing and it keeps no state across declarations. Where a finding
   *   stands (its range, its fixes', its related places) lies inside the declaration, and its
   *   message quotes no position (another place is a `related` location, not "on line 12");
   * - `declarations`: as `declaration`, and also the keyword, name, name field and parameters
   *   (their names, types and whether they may be left out) of every declaration of the file;
   * - `split`: its `declaration`, `object`, `collection` and `field` hooks are as for
   *   `declaration`, and its `program` and `done` hooks report on the file as a whole, sharing
   *   nothing with them.
   */
  readonly scope?: "declaration" | "declarations" | "split" | "file";
  /**
   * Messages by id: the template (`{name}` placeholders are filled from the report's data), or the
   * template with the severity and basis of the message where they are not the rule's. Declared
   * in the rule (`defineRule` types its reports by them), or, for a rule reported on outside its
   * `create`, in src/messages (`defineMessages`), which the reporters share.
   */
  readonly messages: M;
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
  /**
   * The sources the rule checks: by default both `.b24layout` text and JSON payloads (the JSON
   * front end, src/pipeline/json.ts, which lowers a REST payload to the same IR). A rule about
   * what only the language has (the translations table, templates, imports, statements and their
   * arguments, suppression comments, the files `build` writes) is `["b24layout"]`; one about what
   * only a JSON document has (which payload it is) is `["json"]`.
   */
  readonly appliesTo?: readonly RuleSource[];
  /** The options the rule takes (from b24layout.config.json), by name: what each does. */
  readonly options?: Readonly<Record<string, string>>;
  /** Examples for the rule docs; each is run through the checker in a test. */
  readonly examples?: { readonly incorrect: readonly RuleExample[]; readonly correct: readonly RuleExample[] };
}

/**
 * A report of message `K` of the messages `M`: one of the rule's own message ids, with a value for
 * each placeholder of its template (`data` may be left out when it has none).
 */
export type Report<M extends Messages = Messages, K extends MessageId<M> = MessageId<M>> = ReportBase<K> &
  ([CommonPlaceholders<M, K>] extends [never] ? { readonly data?: MessageData<M, K> } : { readonly data: MessageData<M, K> });

/** A report of any one message of `M`, its data typed by that message (for lists of reports made apart from a rule's `create`). */
export type AnyReport<M extends Messages> = { [K in MessageId<M>]: Report<M, K> }[MessageId<M>];

interface ReportBase<K extends string> {
  readonly messageId: K;
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
 * one path array, and one step object per depth, between visits: read it during the call, copy
 * the steps (`path.map((s) => ({ ...s }))`) to keep them.
 */
export interface PathStep {
  readonly object: IrObject | IrCollection;
  readonly key: string;
  readonly entry: IrEntry;
}

/**
 * What a handler is called with. The traversal allocates nothing per node: each kind of visit is
 * one object, refilled for every node, so a handler reads it during the call and copies what it
 * keeps (the node itself, `visit.object`, is the program's and may be kept).
 */
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

/**
 * A rule's handlers. They are called as plain functions, not as methods (`this` is not the
 * handlers object): the walk calls them about a million times over a thousand small files, and a
 * bound function costs several times as much to call.
 */
export interface RuleHandlers {
  /** Once per file, before the traversal. */
  program?(this: void, program: IrProgram): void;
  declaration?(this: void, declaration: IrDeclaration): void;
  object?(this: void, visit: ObjectVisit): void;
  collection?(this: void, visit: CollectionVisit): void;
  /** Every entry of a closed DTO whose key is a known field. */
  field?(this: void, visit: FieldVisit): void;
  /**
   * The kinds of field type (`FieldSpec.type.kind`) `field` looks at; absent, every field. The walk
   * does not call `field` for the others: most field handlers look at one kind, and a call per
   * field and rule is much of the checker's time.
   */
  readonly fieldTypes?: readonly FieldType["kind"][];
  /** The DTOs (by name, `IrObject.dto`) whose objects `object` looks at; absent, every object. */
  readonly objectDtos?: readonly string[];
  /** Once per file, after the traversal. */
  done?(this: void): void;
}

export interface RuleContext<M extends Messages = Messages> {
  readonly program: IrProgram;
  readonly document: Document;
  /** Options from configuration (for rules that take any). */
  readonly options: Readonly<Record<string, unknown>>;
  /** Reports one of the rule's messages: a message id it does not have, or a placeholder without a value, does not compile. */
  report<K extends MessageId<M>>(report: Report<M, K>): void;
}

/**
 * The data of message `K` of `M` but the placeholders `Given`, for a rule's reporting helper that
 * fills those in itself (value-type's adds `field`).
 */
export type DataWithout<M extends Messages, K extends MessageId<M>, Given extends string> = Readonly<Record<string, MessageValue>> & {
  readonly [P in Exclude<CommonPlaceholders<M, K>, Given>]: MessageValue;
};

/** A rule; `M`, its messages, types its reports (`defineRule`). */
export interface Rule<M extends Messages = Messages> {
  readonly meta: RuleMeta<M>;
  create(context: RuleContext<M>): RuleHandlers;
}

/**
 * Defines a rule, typing its reports by its own messages: `context.report({ messageId })` takes
 * only an id of `meta.messages`, and `data` needs a value for every `{placeholder}` of the message.
 */
export function defineRule<const M extends Messages>(rule: Rule<M>): Rule<M> {
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
export function toDiagnostic<M extends Messages, K extends MessageId<M>>(meta: RuleMeta<M>, report: Report<M, K>): Diagnostic;
export function toDiagnostic<M extends Messages, K extends MessageId<M>>(meta: RuleMeta<M>, report: Report<M, K>, target: Target | undefined): Diagnostic | undefined;
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
    messageId: report.messageId,
    ...(report.data ? { data: report.data } : {}),
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
