import { getScalar } from "../../lower/ir.js";
import { getField } from "../../model/dtos.js";
import type { FieldType } from "../../model/types.js";
import { defineRule } from "../rule.js";

/** An incoming activity with a deadline (INCOMING_ACTIVITY_CAN_NOT_BE_WITH_DEADLINE, spec §6, §14.4). */
export default defineRule({
  meta: {
    id: "incoming-with-deadline",
    description: "Disallow a deadline on an incoming activity.",
    why: "crm.activity.configurable.add / update reject `isIncomingChannel` true together with a non-empty `deadline` with INCOMING_ACTIVITY_CAN_NOT_BE_WITH_DEADLINE (\"Incoming activity cannot have a deadline\", spec §2.1, §6). The docs' own update example does exactly this (spec §14.4).",
    severity: "error",
    spec: "§6, §14.4",
    messages: {
      incomingWithDeadline: "An incoming activity cannot have a deadline: the server answers INCOMING_ACTIVITY_CAN_NOT_BE_WITH_DEADLINE (\"Incoming activity cannot have a deadline\"). Remove 'deadline' or set 'isIncomingChannel' to false.",
    },
    examples: {
      incorrect: [{ code: 'activity a {\n  id 42\n  isIncomingChannel true\n  deadline "2025-01-01T10:00:00+03:00"\n}\n' }],
      correct: [
        { code: 'activity a {\n  id 42\n  isIncomingChannel true\n}\n' },
        { code: 'activity a {\n  id 42\n  isIncomingChannel false\n  deadline "2025-01-01T10:00:00+03:00"\n}\n' },
      ],
    },
  },
  create(context) {
    return {
      object({ object, dto }) {
        if (dto?.name !== "ActivityFields") return;
        const incoming = getScalar(object, "isIncomingChannel");
        const deadline = getScalar(object, "deadline");
        const type = getField(dto, "isIncomingChannel")?.type;
        if (!incoming || !deadline || !type || !readsAsTrue(incoming.value, type) || isEmpty(deadline.value)) return;
        context.report({ messageId: "incomingWithDeadline", range: deadline.range });
      },
    };
  },
});

/** Whether crm.activity.configurable reads the value as true: `true`, or one of the field's true strings and their numbers (spec §6). */
function readsAsTrue(value: string | number | boolean | null, type: FieldType): boolean {
  if (typeof value === "boolean") return value;
  if (value === null || type.kind !== "bool" || !type.strings) return false;
  const key = String(value);
  return Object.hasOwn(type.strings, key) && type.strings[key] === true;
}

/** PHP `empty()`, which the server applies to the deadline. */
function isEmpty(value: string | number | boolean | null): boolean {
  return value === null || value === "" || value === "0" || value === 0 || value === false;
}
