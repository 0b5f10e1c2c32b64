import { getScalar, getValue } from "../../lower/index.js";
import { getDto, getField } from "../../model/index.js";
import { defineRule } from "../rule.js";

const ACTIVITY_FIELDS = getDto("ActivityFields");

/** A badge set on an activity that the same call completes (spec §6, §8): the badge is removed at once. */
export default defineRule({
  meta: {
    id: "badge-on-completed",
    description: "Warn about a badgeCode on an activity that the same call marks completed.",
    why:
      "A kanban badge shows only while its activity is open: when the activity is completed, crm.activity.configurable removes its badge (spec §6, §8). " +
      "An add or update that sets `completed` true and a `badgeCode` sends a badge that is removed at once. `badgeCode \"\"`, which removes the badge, is fine.",
    severity: "warning",
    scope: "declaration",
    spec: "§6, §8",
    messages: {
      removed: "Activity '{name}' is completed here, and a completed activity's badge is removed: badge '{code}' never shows. Leave out 'badgeCode', or send it while the activity is open.",
    },
    examples: {
      incorrect: [{ code: 'activity done {\n  id 42\n  completed true\n  badgeCode callMissed\n}\n', note: "The badge is removed as the activity is completed." }],
      correct: [
        { code: 'activity open {\n  id 42\n  completed false\n  badgeCode callMissed\n}\n' },
        { code: 'activity done {\n  id 42\n  completed true\n  badgeCode ""\n}\n', note: "Removing the badge." },
      ],
    },
  },
  create(context) {
    return {
      objectDtos: ["ActivityFields"],
      object({ object, dto, declaration }) {
        if (dto !== ACTIVITY_FIELDS || !ACTIVITY_FIELDS) return;
        const completed = getScalar(object, "completed");
        const badge = getValue(object, "badgeCode");
        if (!completed || badge?.kind !== "scalar" || typeof badge.value !== "string" || badge.value === "") return;
        const strings = getField(ACTIVITY_FIELDS, "completed")?.type;
        // Exactly what crm.activity.configurable reads as true (spec §6); other values are value-type's.
        const value = completed.value;
        const isTrue = value === true || (strings?.kind === "bool" && strings.strings !== undefined && value !== null && Object.hasOwn(strings.strings, String(value)) && strings.strings[String(value)] === true);
        if (!isTrue) return;
        context.report({ messageId: "removed", data: { name: declaration.name, code: badge.value }, range: badge.range });
      },
    };
  },
});
