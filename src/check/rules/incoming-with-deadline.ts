import { getScalar, getValue, resolveReference, type IrValue } from "../../lower/ir.js";
import type { Range } from "../../syntax/ast.js";
import { getDto, getField } from "../../model/dtos.js";
import type { FieldType } from "../../model/types.js";
import { defineRule } from "../rule.js";

/** An incoming activity with a deadline (INCOMING_ACTIVITY_CAN_NOT_BE_WITH_DEADLINE, spec §6, §14.4). */
export default defineRule({
  meta: {
    id: "incoming-with-deadline",
    description: "Disallow a deadline on an incoming activity, and warn about deadline blocks that an activity without a deadline does not show.",
    why: "crm.activity.configurable.add / update reject `isIncomingChannel` true together with a non-empty `deadline` with INCOMING_ACTIVITY_CAN_NOT_BE_WITH_DEADLINE (\"Incoming activity cannot have a deadline\", spec §2.1, §6). The docs' own update example does exactly this (spec §14.4). " +
      "A `deadline` content block is not shown for an incoming activity, nor for one without a deadline (spec §4.6): in the layout of such an activity it shows nothing, a warning.",
    severity: "error",
    scope: "file",
    spec: "§4.6, §6, §14.4",
    messages: {
      incomingWithDeadline: "An incoming activity cannot have a deadline: the server answers INCOMING_ACTIVITY_CAN_NOT_BE_WITH_DEADLINE (\"Incoming activity cannot have a deadline\"). Remove 'deadline' or set 'isIncomingChannel' to false.",
      hiddenDeadlineBlock: {
        text: "Activity '{name}' {why}, so the deadline block of its layout is not shown.",
        severity: "warning",
      },
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
      declaration(declaration) {
        if (declaration.spec.dto !== "ActivityParams") return;
        const root = declaration.root;
        const fields = getValue(root, "fields");
        const fieldsObject = fields?.kind === "object" ? fields : undefined;
        const incomingField = fieldsObject ? getScalar(fieldsObject, "isIncomingChannel") : undefined;
        const incomingType = ACTIVITY_FIELDS ? getField(ACTIVITY_FIELDS, "isIncomingChannel")?.type : undefined;
        const incoming = incomingField !== undefined && incomingType !== undefined && readsAsTrue(incomingField.value, incomingType);
        const deadline = fieldsObject ? getScalar(fieldsObject, "deadline") : undefined;
        // An update keeps the deadline it has: only an add is known to have none.
        // A deadline not known statically, or fields with a spread (a JSON payload of JavaScript code), may be there.
        const unknownDeadline = (fieldsObject ? getValue(fieldsObject, "deadline") !== undefined && deadline === undefined : fields !== undefined) || fieldsObject?.partial === true || root.partial === true;
        const withoutDeadline = getValue(root, "id") === undefined && !unknownDeadline && (deadline === undefined || isEmpty(deadline.value));
        if (!incoming && !withoutDeadline) return;
        const layout = getValue(root, "layout");
        const layoutRoot = layout?.kind === "object" ? layout : layout?.kind === "declarationRef" ? resolveReference(context.program, layout)?.declaration.root : undefined;
        const block = layoutRoot ? firstDeadlineBlock(getValue(layoutRoot, "body")) : undefined;
        if (!block || !layout) return;
        const why = incoming ? "is incoming (incoming activities have no deadline)" : "is added without a deadline";
        // A layout of its own is reported at its block; a named one at the name, in this declaration.
        const range = layout.kind === "declarationRef" ? layout.range : block;
        // At the block itself there is nothing else to point at; at a layout's name, the block is the other place.
        const related = range === block ? undefined : [{ message: "the deadline block", range: block }];
        context.report({ messageId: "hiddenDeadlineBlock", data: { name: declaration.name, why }, range, ...(related ? { related } : {}) });
      },
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

const ACTIVITY_FIELDS = getDto("ActivityFields");

/** Where the first `deadline` block of a body is (among its blocks, a withTitle's block and a lineOfBlocks' blocks). */
function firstDeadlineBlock(body: IrValue | undefined): Range | undefined {
  const visit = (value: IrValue | undefined): Range | undefined => {
    if (value?.kind === "collection") {
      for (const e of value.entries) {
        const found = visit(e.value);
        if (found) return found;
      }
      return undefined;
    }
    if (value?.kind !== "object") return undefined;
    if (getScalar(value, "type")?.value === "deadline") return value.range;
    const properties = getValue(value, "properties");
    if (properties?.kind !== "object") return undefined;
    return visit(getValue(properties, "block")) ?? visit(getValue(properties, "blocks"));
  };
  return body?.kind === "object" ? visit(getValue(body, "blocks")) : undefined;
}

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
