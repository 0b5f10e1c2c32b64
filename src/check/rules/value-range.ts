import type { IrValue } from "../../lower/index.js";
import type { FieldType } from "../../model/index.js";
import { defineRule } from "../rule.js";

/** An integer below its field's minimum: a width of 0, a negative ping offset, an id of 0 (spec §4.12, §6, §11). */
export default defineRule({
  meta: {
    id: "value-range",
    description: "Require integers to be at least their field's minimum (ids and widths ≥ 1, offsets and pipeline ids ≥ 0).",
    why:
      "Ids, entity type ids and user ids start at 1, and crm.activity.configurable rejects a responsibleId that is not > 0 and a negative pingOffsets item " +
      "with WRONG_FIELD_VALUE (spec §6). A slider width below 1 or a negative leftBoundary cannot be meant (spec §4.12); pipeline ids start at 0 (spec §11.4). Entity type ids are left to card-entity and activity-target, which know the valid ones.",
    severity: "error",
    scope: "declaration",
    spec: "§4.12, §6, §11",
    messages: {
      tooSmall: "'{field}' must be at least {min}; found {value}.",
    },
    examples: {
      incorrect: [
        {
          code: 'activity a {\n  ownerTypeId deal; ownerId 1\n  responsibleId 0\n  pingOffsets [60, -5]\n  layout {\n    icon info\n    header "T"\n    body {\n      logo document\n      text "x"\n    }\n  }\n}\n',
        },
      ],
      correct: [
        {
          code: 'activity a {\n  ownerTypeId deal; ownerId 1\n  responsibleId 1\n  pingOffsets [0, 60]\n  layout {\n    icon info\n    header "T"\n    body {\n      logo document\n      text "x"\n    }\n  }\n}\n',
        },
      ],
    },
  },
  create(context) {
    const check = (field: string, type: FieldType, value: IrValue): void => {
      if (type.kind === "list" && value.kind === "array") {
        value.items.forEach((item, i) => check(`${field}[${i}]`, type.of, item));
        return;
      }
      // Entity type ids are checked against the known types by card-entity and activity-target.
      if (type.kind !== "int" || type.min === undefined || type.entityType) return;
      if (value.kind !== "scalar" || typeof value.value !== "number") return; // value-type
      if (value.value >= type.min) return;
      context.report({ messageId: "tooSmall", data: { field, min: type.min, value: value.written ?? String(value.value) }, range: value.range });
    };
    return {
      // An integer with a minimum, or a list of them.
      fieldTypes: ["int", "list"],
      field({ field, value }) {
        check(field.name, field.type, value);
      },
    };
  },
});
