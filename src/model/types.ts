/**
 * The vocabulary the Bitrix24 model is written in. The model itself (`dtos.ts`, `statements.ts`,
 * `codes.ts`, `entities.ts`, …) is plain data in these shapes; the lowering, every checker rule,
 * the JSON Schema export and the editor services read it.
 */

/**
 * Where a fact holds: in the official docs, on the real server, or both. The docs and the server
 * disagree in places (spec §14); the checker reports what the server rejects as an error and what
 * only the docs forbid as a warning, and says which in the message.
 */
export interface Support {
  readonly docs: boolean;
  readonly server: boolean;
}

export const BOTH: Support = { docs: true, server: true };
export const DOCS_ONLY: Support = { docs: true, server: false };
export const SERVER_ONLY: Support = { docs: false, server: true };
export const NEITHER: Support = { docs: false, server: false };

/** A bound that may differ between the docs and the server. */
export interface Bound {
  readonly docs?: number;
  readonly server?: number;
}

export interface Limits {
  readonly min?: Bound;
  readonly max?: Bound;
  /** The server's answer to fewer than `min.server` items, where the spec gives its text. */
  readonly tooFewAnswer?: string;
}

export interface EnumValue {
  readonly value: string;
  readonly doc: string;
  /** Words accepted in `.b24layout` for this value (`personal` for `P`). */
  readonly aliases?: readonly string[];
  /** Where the value is accepted. Values known to Bitrix24 but refused via REST have `server: false`. */
  readonly accepted?: Support;
  /** Why a refused value is refused, for the message. */
  readonly note?: string;
  /**
   * The DTOs in which the value has an effect, named by the DTO holding the object the value is set
   * on (animationType `disable` only acts on a FooterButtonDto's action). Absent: everywhere.
   */
  readonly effectiveIn?: readonly string[];
}

export type StringFormat = "datetime" | "hexColor" | "countryCode";

/** Catalogues a code must come from (the portal may add its own, so unknown codes are warnings). */
export type CodeCatalogue = "icon" | "logo" | "badge";

export type FieldType =
  /** `textWithTranslation`: a string or a map of language id → string (spec §3). */
  | { readonly kind: "text" }
  /** A string that cannot be a language map (card titles, sliderParams.title). */
  | {
      readonly kind: "string";
      readonly format?: StringFormat;
      readonly codes?: CodeCatalogue;
      /** A link (an action's `uri`): template values interpolated into it are percent-encoded, so none can change its path. */
      readonly link?: boolean;
      /**
       * The server rejects a blank value: `empty`, the empty string (activity `typeId`); `trimmed`,
       * also a string PHP's `trim()` leaves empty (card section and element names).
       */
      readonly nonBlank?: "empty" | "trimmed";
      /** The server ignores the empty string here, so it cannot clear the value: why, for messages (an activity's `deadline`, spec §6). */
      readonly emptyIgnored?: string;
    }
  | { readonly kind: "int"; readonly min?: number; readonly entityType?: boolean }
  | {
      readonly kind: "bool";
      /**
       * The strings the server accepts for this field, exactly, and what each means (activity
       * `completed`, `isIncomingChannel`: spec §6); any other string is rejected. Absent: the DTO
       * framework casts any string, true only for `BOOL_TRUE_STRINGS` (spec §2.6).
       */
      readonly strings?: Readonly<Record<string, boolean>>;
    }
  | {
      readonly kind: "enum";
      readonly values: readonly EnumValue[];
      /** Where a value outside the set is rejected (block `scope` is declared but not validated by the server). */
      readonly strict: Support;
      /** The JSON type of the values. */
      readonly valueType?: "string" | "int";
    }
  | { readonly kind: "object"; readonly dto: string }
  /** An associative collection keyed by the author (`header.tags`, `body.blocks`, …), spec §2.4. */
  | {
      readonly kind: "collection";
      readonly of: string;
      readonly limits: Limits;
      /** Prefix of generated keys (`block_1`). */
      readonly keyPrefix: string;
      /** Block types allowed as members, for collections of content blocks. */
      readonly blockTypes?: readonly string[];
    }
  /** A single content block (withTitle.block). */
  | { readonly kind: "block"; readonly blockTypes: readonly string[] }
  /** `actionParams`: scalar values under pattern-checked keys. */
  | { readonly kind: "scalarMap"; readonly limits: Limits }
  | {
      readonly kind: "list";
      readonly of: FieldType;
      readonly limits?: Limits;
      readonly dto?: string;
      /**
       * The server rejects a value that is not an array, and an array that is not a list (keys
       * other than 0, 1, 2, …), each with a message of its own (a card's `data`, spec §11.5).
       */
      readonly indexedArray?: boolean;
    }
  /**
   * A fixed value the compiler always writes (a card section's `"type": "section"`).
   * `blankDefault`: the server reads a missing, null or blank value as this one (spec §11.2).
   */
  | { readonly kind: "constant"; readonly value: string | number | boolean; readonly blankDefault?: boolean };

export interface FieldSpec {
  /** The JSON property name, and the statement name that sets it inside a body. */
  readonly name: string;
  readonly type: FieldType;
  /** What the field does in Bitrix24, one or two sentences (hover text, schema description). */
  readonly doc: string;
  /** Where the field is required. Absent: optional everywhere. */
  readonly required?: Support;
  /**
   * The server's exact answer to a value it refuses, where the structure is not one of the DTO
   * framework's (which names the field and its class itself, spec §2.1): crm.activity.badge.add's
   * for a badge `type` (spec §8).
   */
  readonly refusedAnswer?: string;
  /** The same, for the field left out (crm.item.details.configuration.set without `entityTypeId`, spec §11.5). */
  readonly requiredAnswer?: string;
  /** Where the field is accepted at all. Absent: both. */
  readonly accepted?: Support;
  /** Explains a docs/server disagreement about the field, for messages. */
  readonly note?: string;
  readonly default?: string;
  /** Spec section, cited in rule docs. */
  readonly spec?: string;
}

/** Per-variant facts of a DTO discriminated by one of its fields (ActionDto by `type`). */
export interface VariantSpec {
  /** Fields required for this variant, and where. */
  readonly required?: Readonly<Record<string, Support>>;
  /** Fields that have an effect for this variant; others are accepted by the server but ignored. */
  readonly effective: readonly string[];
  /** The `scope` values of the clicked element where this variant works (openRestApp: not in the mobile app). Absent: everywhere. */
  readonly scopes?: readonly string[];
  readonly doc: string;
}

export interface DtoSpec {
  readonly name: string;
  /** How messages name it: "tag", "text block", "footer button". */
  readonly title: string;
  readonly doc: string;
  readonly fields: readonly FieldSpec[];
  /** Closed objects reject unknown keys (`FIELD_IS_REDUNDANT`, spec §2.1). */
  readonly closed: boolean;
  /**
   * What the server does with a key a closed structure does not declare, where it does not reject
   * it: the REST methods that read their parameters themselves ignore such keys (activity fields,
   * spec §6) or store the card configuration without checking them (spec §11.2, §11.5). The note
   * completes "the server …" in messages. Absent: the DTO framework rejects it (FIELD_IS_REDUNDANT)
   * when the structure has a `serverClass`, and for other structures nothing is known.
   */
  readonly unknownKeys?: { readonly server: "ignored" | "unchecked"; readonly note: string };
  readonly spec: string;
  /**
   * The server's class for this structure, which its DTO validator names as #PARENT_OBJECT# in
   * its messages (`Field blocks is required for BodyDto.`, spec §2.1). Absent for the parameters
   * the REST methods check themselves (badges, activities, cards).
   */
  readonly serverClass?: string;
  readonly variants?: { readonly by: string; readonly cases: Readonly<Record<string, VariantSpec>> };
  /** Groups of fields that must not be set together, and where that is enforced (sliderParams `width` / `leftBoundary`: docs only). */
  readonly exclusive?: readonly { readonly fields: readonly string[]; readonly support: Support }[];
}

/** A content block type: the `type` of a ContentBlockDto and the DTO of its `properties`. */
export interface BlockTypeSpec {
  readonly type: string;
  readonly dto: string;
  readonly doc: string;
}

/**
 * How a `.b24layout` statement builds a DTO: which fields its arguments fill. Everything written
 * in a body (`bold true`) works for every field; these are the shorthands for the head line.
 */
export interface StatementSpec {
  readonly dto: string;
  /** Fields filled, in order, by arguments that are values (strings, numbers, maps, @refs). */
  readonly positional?: readonly string[];
  /** Per-variant positional fields (ActionDto: `redirect "/uri"`, `restEvent "id"`). */
  readonly positionalByVariant?: Readonly<Record<string, readonly string[]>>;
  /** Enum fields whose values may be written as bare words (`tag warning …`). */
  readonly words?: readonly string[];
  /** Fields a bare word (not a value) fills when it is not a flag or enum word (`icon call-completed`). */
  readonly wordPositional?: readonly string[];
  /** The ActionDto field set by `-> action`. */
  readonly arrow?: string;
  /** Other names for keyword arguments (`for deal` sets `entityTypeId`). */
  readonly keywordAliases?: Readonly<Record<string, string>>;
  /** Bare words that set a field to a fixed value (`always` sets `optionFlags` to 1). */
  readonly flagAliases?: Readonly<Record<string, { readonly field: string; readonly value: string | number | boolean }>>;
  /** Object fields whose own fields may be written directly in this body (activity `fields`, card `extras`). */
  readonly flatten?: readonly string[];
  /** A list field whose members are written as statements named by their data (card section elements). */
  readonly membersByName?: {
    readonly field: string;
    readonly nameField: string;
    /** The statement whose first value is the name instead (`field "UF_CRM_${code}" always`), for names a template computes. */
    readonly byValue?: string;
  };
  /** A field filled by the statement's key label (`main: section …` sets the section `name`). */
  readonly labelField?: string;
  /** A field filled by the statement's body when the body is data rather than statements (element `options`). */
  readonly bodyField?: string;
}

/** A top-level declaration kind: what it is called, what it builds, the file it writes. */
export interface DeclarationSpec {
  readonly keyword: string;
  /** The DTO built from the declaration's body. */
  readonly dto: string;
  /** Output file suffix: `<name>.<outputKind>.json`. */
  readonly outputKind: string;
  readonly doc: string;
  /** The REST method(s) the output is for. */
  readonly method: string;
  /** Bare words allowed after the name that are directives, not fields (`legacy`). */
  readonly directives?: readonly DirectiveSpec[];
  /** A field filled from the declaration name when not written (badge `code`). */
  readonly nameField?: string;
  /**
   * The REST request the payload is one parameter of, when the request's other parameters may be
   * written in the body (`blocks`: `entityTypeId`, `entityId`, `timelineId`): with any of them
   * written, the output is the whole request, the payload under `payloadField`.
   */
  readonly request?: { readonly dto: string; readonly payloadField: string };
}

/** A bare word after a declaration's name that changes which REST method the payload is for (`card … legacy`). */
export interface DirectiveSpec {
  readonly word: string;
  readonly doc: string;
  /** Root fields the payload leaves out in this form: the method names them itself (the legacy card methods name the entity). */
  readonly omits?: readonly string[];
}

/**
 * A REST method a declaration's payload is sent with: where the payload goes in its parameters,
 * and the parameters beside it that name the record it is for (spec §1, §5).
 */
export interface RestMethodSpec {
  readonly name: string;
  /** The declaration keyword whose payload the method takes. */
  readonly declaration: string;
  /** The parameter holding the payload (`layout`); absent: the parameters are the payload. */
  readonly payloadParam?: string;
  /** Parameters beside the payload that name the record, with their types (`entityTypeId`, `timelineId`). */
  readonly targetParams?: readonly FieldSpec[];
  /** The directive that selects this method (`legacy`); absent: the declaration's form without directives. */
  readonly directive?: string;
}
