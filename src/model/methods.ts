/**
 * The REST methods each declaration's payload is sent with, and the envelopes around payloads:
 * the parameter that holds the payload, the ids beside it that name the record, and the `result`
 * wrapper of responses (spec §1, §5). The importer recognises inputs by them; a target field a
 * method gains is one entry here.
 */
import { ENTITY_TYPES } from "./entities.js";
import type { FieldSpec, RestMethodSpec } from "./types.js";

const recordId = (name: string, doc: string): FieldSpec => ({ name, type: { kind: "int", min: 1 }, required: { docs: true, server: true }, doc, spec: "§5" });
const entityTypeId: FieldSpec = {
  name: "entityTypeId",
  type: { kind: "int", min: 1, entityType: true },
  required: { docs: true, server: true },
  doc: "The CRM type of the item whose timeline holds the record (2 for a deal).",
  spec: "§5",
};
const entityId = recordId("entityId", "The id of that item.");

export const REST_METHODS: readonly RestMethodSpec[] = [
  { name: "crm.activity.configurable.add", declaration: "layout", payloadParam: "layout" },
  { name: "crm.activity.configurable.update", declaration: "layout", payloadParam: "layout" },
  {
    name: "crm.timeline.layout.blocks.set",
    declaration: "blocks",
    payloadParam: "layout",
    targetParams: [entityTypeId, entityId, recordId("timelineId", "The timeline record (crm.timeline.layout.blocks.set). It must be a configurable timeline item.")],
  },
  {
    name: "crm.activity.layout.blocks.set",
    declaration: "blocks",
    payloadParam: "layout",
    targetParams: [entityTypeId, entityId, recordId("activityId", "The activity (crm.activity.layout.blocks.set). Not a configurable (app) activity: the server answers UNSUITABLE_ACTIVITY_TYPE_ERROR.")],
  },
  { name: "crm.activity.badge.add", declaration: "badge" },
  { name: "crm.activity.configurable.add", declaration: "activity" },
  { name: "crm.activity.configurable.update", declaration: "activity" },
  { name: "crm.item.details.configuration.set", declaration: "card" },
  { name: "crm.<entity>.details.configuration.set", declaration: "card", directive: "legacy" },
];

/** The methods taking the payload of a declaration, in the table's order. */
export function methodsOf(declaration: string): readonly RestMethodSpec[] {
  return REST_METHODS.filter((m) => m.declaration === declaration);
}

/** A REST response: the answer under `result`, beside the keys of the paging and timing envelope. */
export const REST_RESPONSE = {
  resultKey: "result",
  besideResult: ["time", "total", "next"],
} as const;

/**
 * The target ids of a declaration's methods, each once, in the table's order and without
 * `required` (which ids a request needs depends on the method it picks: the blocks-target rule).
 */
export function targetFieldsOf(declaration: string): FieldSpec[] {
  const fields = new Map<string, FieldSpec>();
  for (const m of methodsOf(declaration)) {
    for (const f of m.targetParams ?? []) {
      if (fields.has(f.name)) continue;
      const optional: FieldSpec = { ...f };
      delete (optional as { required?: unknown }).required;
      fields.set(f.name, optional);
    }
  }
  return [...fields.values()];
}

/** What the params of a REST method are: the declaration they are the payload (or, `request`, the request params) of. */
export interface MethodParams {
  readonly method: string;
  /** The declaration keyword. */
  readonly declaration: string;
  /** The params are the declaration's request (the target ids around its payload), not the payload itself. */
  readonly request: boolean;
  /** The declaration's directive the method is for (`legacy`). */
  readonly directive?: string;
  /** The entity a `crm.<entity>.…` method names (`deal`). */
  readonly entity?: string;
}

const ENTITY_PLACEHOLDER = "<entity>";

/** The entities a legacy card method (`crm.<entity>.details.configuration.set`) is named after. */
const LEGACY_CARD_ENTITY_WORDS: readonly string[] = ENTITY_TYPES.filter((e) => e.legacyCardMethods).map((e) => e.word);

/**
 * The params of the method `name` (`crm.activity.configurable.add`, `crm.deal.details.configuration.set`),
 * or undefined for a method no declaration is sent with. A method whose rows differ (the layout
 * is one param of crm.activity.configurable.add, the activity all of them) takes the row of the
 * whole params.
 */
export function paramsOfMethod(name: string): MethodParams | undefined {
  for (const row of REST_METHODS) {
    if (row.payloadParam !== undefined && row.targetParams === undefined) continue;
    let entity: string | undefined;
    if (row.name.includes(ENTITY_PLACEHOLDER)) {
      const [before, after] = row.name.split(ENTITY_PLACEHOLDER) as [string, string];
      if (!name.startsWith(before) || !name.endsWith(after)) continue;
      entity = name.slice(before.length, name.length - after.length);
      if (!LEGACY_CARD_ENTITY_WORDS.includes(entity)) continue;
    } else if (row.name !== name) {
      continue;
    }
    return {
      method: name,
      declaration: row.declaration,
      request: row.targetParams !== undefined,
      ...(row.directive !== undefined ? { directive: row.directive } : {}),
      ...(entity !== undefined ? { entity } : {}),
    };
  }
  return undefined;
}

/** The method names `paramsOfMethod` knows, for messages (`crm.<entity>.…` as written in the table). */
export function methodNames(): string[] {
  return [...new Set(REST_METHODS.filter((m) => m.payloadParam === undefined || m.targetParams !== undefined).map((m) => m.name))];
}
