import { getScalar, getValue, resolveReference, type IrDeclaration, type IrObject, type IrValue } from "../../lower/index.js";
import type { Range } from "../../syntax/index.js";
import { getDto, getField } from "../../model/index.js";
import type { FieldType } from "../../model/index.js";
import { defineRule } from "../rule.js";

/** An incoming activity with a deadline (INCOMING_ACTIVITY_CAN_NOT_BE_WITH_DEADLINE, spec §6, §14.4). */
export default defineRule({
  meta: {
    id: "incoming-with-deadline",
    description: "Disallow a deadline on an incoming activity, and warn about deadline blocks that an activity without a deadline does not show.",
    why: "crm.activity.configurable.add / update reject `isIncomingChannel` true together with a non-empty `deadline` with INCOMING_ACTIVITY_CAN_NOT_BE_WITH_DEADLINE (\"Incoming activity cannot have a deadline\", spec §2.1, §6). The docs' own update example does exactly this (spec §14.4). " +
      "A `deadline` content block is not shown for an incoming activity, nor for one without a deadline (spec §4.6): in the layout of such an activity it shows nothing, a warning.",
    severity: "error",
    // Its checks of one declaration are kept while it does not change; an activity's named layout (another declaration) is looked at in the whole file every time.
    scope: "split",
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
    /** The deadline block of `declaration`'s layout that it does not show, reported at `range`. */
    const hiddenDeadlineBlock = (declaration: IrDeclaration, layoutRoot: IrObject | undefined, at: Range | undefined): void => {
      const why = hidesDeadlineBlocks(declaration);
      const block = why !== undefined && layoutRoot ? firstDeadlineBlock(getValue(layoutRoot, "body")) : undefined;
      if (why === undefined || !block) return;
      // At the block itself there is nothing else to point at; at a layout's name, the block is the other place.
      const range = at ?? block;
      const related = at ? [{ message: "the deadline block", range: block }] : undefined;
      context.report({ messageId: "hiddenDeadlineBlock", data: { name: declaration.name, why }, range, ...(related ? { related } : {}) });
    };
    return {
      // A layout of its own: the declaration alone decides (reported at its block).
      declaration(declaration) {
        const layout = activityLayout(declaration);
        if (layout?.kind === "object") hiddenDeadlineBlock(declaration, layout, undefined);
      },
      // A named layout: what it shows is another declaration's (reported at the name, in this one).
      program(program) {
        for (const declaration of program.declarations) {
          // As the traversal does: a look-alike's parts are not this structure's.
          if (declaration.lookAlike !== undefined) continue;
          const layout = activityLayout(declaration);
          if (layout?.kind === "declarationRef") hiddenDeadlineBlock(declaration, resolveReference(program, layout)?.declaration.root, layout.range);
        }
      },
      objectDtos: ["ActivityFields"],
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

/** An activity's `layout` value; undefined for any other declaration. */
function activityLayout(declaration: IrDeclaration): IrValue | undefined {
  return declaration.spec.dto === "ActivityParams" ? getValue(declaration.root, "layout") : undefined;
}

/** Why an activity shows no deadline block (incoming, or added without a deadline); undefined when it may show one. */
function hidesDeadlineBlocks(declaration: IrDeclaration): string | undefined {
  const root = declaration.root;
  const fields = getValue(root, "fields");
  const fieldsObject = fields?.kind === "object" ? fields : undefined;
  const incomingField = fieldsObject ? getScalar(fieldsObject, "isIncomingChannel") : undefined;
  const incomingType = ACTIVITY_FIELDS ? getField(ACTIVITY_FIELDS, "isIncomingChannel")?.type : undefined;
  const incoming = incomingField !== undefined && incomingType !== undefined && readsAsTrue(incomingField.value, incomingType);
  if (incoming) return "is incoming (incoming activities have no deadline)";
  const deadline = fieldsObject ? getScalar(fieldsObject, "deadline") : undefined;
  // A deadline not known statically, or fields with a spread (a JSON payload of JavaScript code), may be there.
  const unknownDeadline = (fieldsObject ? getValue(fieldsObject, "deadline") !== undefined && deadline === undefined : fields !== undefined) || fieldsObject?.partial === true || root.partial === true;
  // An update keeps the deadline it has: only an add is known to have none.
  const withoutDeadline = getValue(root, "id") === undefined && !unknownDeadline && (deadline === undefined || isEmpty(deadline.value));
  return withoutDeadline ? "is added without a deadline" : undefined;
}

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
