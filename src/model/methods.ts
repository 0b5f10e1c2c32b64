/**
 * The REST methods each declaration's payload is sent with, and the envelopes around payloads:
 * the parameter that holds the payload, the ids beside it that name the record, and the `result`
 * wrapper of responses (spec §1, §5). The importer recognises inputs by them; a target field a
 * method gains is one entry here.
 */
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
