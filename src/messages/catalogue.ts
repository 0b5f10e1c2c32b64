/**
 * The contract between the rules and everything that reports on their behalf (the lowering, the
 * import resolver, the JSON renderer): a rule's messages by id, typed, so that a report names one
 * of its rule's own message ids and gives a value for every `{placeholder}` of its template, or
 * does not compile. The model is typescript-eslint's `createRule`, whose `messageId`s are checked
 * against the rule's `meta.messages`.
 *
 * This folder sits below the lowering: a rule whose messages are reported outside its `create`
 * declares them here (`defineMessages`), its rule module takes its `meta.messages` from here, and
 * the lowering reports through the same object (`problem(INVALID_ARGUMENT, "noAction", …)`).
 */
import type { RelatedLocation, Severity } from "../diagnostic.js";
import type { Range } from "../syntax/index.js";

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

/** A rule's messages by id: the template, or the template with its severity and basis. */
export type Messages = Readonly<Record<string, string | MessageSpec>>;

/** The ids of `M`'s messages. */
export type MessageId<M extends Messages> = keyof M & string;

/** The template of a message. */
export type MessageText<T> = T extends string ? T : T extends { readonly text: infer S extends string } ? S : never;

type WordChar =
  | "_"
  | "0"
  | "1"
  | "2"
  | "3"
  | "4"
  | "5"
  | "6"
  | "7"
  | "8"
  | "9"
  | "a"
  | "b"
  | "c"
  | "d"
  | "e"
  | "f"
  | "g"
  | "h"
  | "i"
  | "j"
  | "k"
  | "l"
  | "m"
  | "n"
  | "o"
  | "p"
  | "q"
  | "r"
  | "s"
  | "t"
  | "u"
  | "v"
  | "w"
  | "x"
  | "y"
  | "z"
  | "A"
  | "B"
  | "C"
  | "D"
  | "E"
  | "F"
  | "G"
  | "H"
  | "I"
  | "J"
  | "K"
  | "L"
  | "M"
  | "N"
  | "O"
  | "P"
  | "Q"
  | "R"
  | "S"
  | "T"
  | "U"
  | "V"
  | "W"
  | "X"
  | "Y"
  | "Z";

type IsWord<S extends string> = S extends `${infer C}${infer Rest}` ? (C extends WordChar ? (Rest extends "" ? true : IsWord<Rest>) : false) : false;

/**
 * The placeholders of a template, as `formatMessage` fills them (`{name}`, a run of word
 * characters in braces): `Placeholders<"'{name}' is {type}.">` is `"name" | "type"`. A `{` not
 * followed by a word and `}` is text (`{ … }`). A template whose text is not known to the
 * compiler (a `string`) has none that can be checked.
 */
export type Placeholders<T extends string> = string extends T
  ? never
  : T extends `${string}{${infer After}`
    ? After extends `${infer Name}}${infer Rest}`
      ? IsWord<Name> extends true
        ? Name | Placeholders<Rest>
        : Placeholders<After>
      : never
    : never;

/** The placeholders every one of the messages `K` has (all of them for one message). */
export type CommonPlaceholders<M extends Messages, K extends MessageId<M>> = (K extends unknown ? (x: Placeholders<MessageText<M[K]>>) => void : never) extends (
  x: infer Common,
) => void
  ? Common & string
  : never;

/** A placeholder's value. */
export type MessageValue = string | number;

/**
 * The data of a report of message `K` of `M`: a value for each of its placeholders (more are
 * allowed, and ignored). For a report that picks one of several messages (`suggestion ? "xSuggest"
 * : "x"`), the placeholders all of them have.
 */
export type MessageData<M extends Messages, K extends MessageId<M>> = Readonly<Record<string, MessageValue>> & {
  readonly [P in CommonPlaceholders<M, K>]: MessageValue;
};

/** A rule's messages, for reporting on its behalf outside its `create` (see `defineMessages`). */
export interface RuleMessages<M extends Messages = Messages, Id extends string = string> {
  readonly ruleId: Id;
  readonly messages: M;
}

/**
 * Declares the messages of the rule `ruleId` where code outside the rule reports them. The rule's
 * `meta` takes `id` and `messages` from the result, and the reporters check their message ids and
 * data against it.
 */
export function defineMessages<const Id extends string, const M extends Messages>(ruleId: Id, messages: M): RuleMessages<M, Id> {
  return { ruleId, messages };
}

/** A problem reported on behalf of a rule, outside the checker: through the rule's message template. */
export interface Problem {
  readonly ruleId: string;
  readonly messageId: string;
  readonly data: Readonly<Record<string, MessageValue>>;
  readonly range: Range;
  /** A replacement for `range` that fixes the problem (a did-you-mean). */
  readonly replacement?: string;
  /** Other places the problem speaks of (Diagnostic.related). */
  readonly related?: readonly RelatedLocation[];
}

/**
 * How the lowering reports: the rule whose message it is, one of that rule's message ids, the
 * values of the message's placeholders, where, and a did-you-mean replacement for `range`.
 */
export type ProblemReporter = <M extends Messages, K extends MessageId<M>>(...args: ReporterArguments<M, K>) => void;

/** What a report of the lowering says: see ProblemReporter. */
type ReporterArguments<M extends Messages, K extends MessageId<M>> = [
  rule: RuleMessages<M>,
  messageId: K,
  data: MessageData<M, K>,
  range: Range,
  replacement?: string,
  related?: readonly RelatedLocation[],
];

/** A `Problem` of message `messageId` of `rule` (for reporters that collect problems in a list); its parameters are a ProblemReporter's. */
export const problemOf = <M extends Messages, K extends MessageId<M>>(...[rule, messageId, data, range, replacement, related]: ReporterArguments<M, K>): Problem => {
  return {
    ruleId: rule.ruleId,
    messageId,
    data,
    range,
    ...(replacement === undefined ? {} : { replacement }),
    ...(related === undefined ? {} : { related }),
  };
};
