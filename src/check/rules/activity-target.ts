import { getEntry } from "../../lower/ir.js";
import { ENTITY_TYPES, SMART_PROCESS_TYPE_IDS } from "../../model/entities.js";
import { defineRule } from "../rule.js";
import { ENTITY_WORD_MESSAGES, resolveEntityType, unknownEntityReport } from "../rule-helpers/entity-word.js";

/** The fields that say which method an activity goes to. */
const TARGET_FIELDS = ["id", "ownerTypeId", "ownerId", "layout"];

/** An activity must either add (ownerTypeId + ownerId + layout) or update (id) — spec §1, §6. */
export default defineRule({
  meta: {
    id: "activity-target",
    description: "Require an activity to be either an add (`ownerTypeId`, `ownerId` and a layout) or an update (`id`), with a known owner type.",
    why: "crm.activity.configurable.add takes `ownerTypeId` and `ownerId` and answers ERROR_EMPTY_LAYOUT (\"The field \\\"layout\\\" is required.\") without a layout; crm.activity.configurable.update takes only `id` (spec §1, §2.1, §6). An activity with both or neither has no single method to go to. `ownerTypeId` is a CRM entityTypeId (spec §12).",
    severity: "error",
    scope: "declaration",
    hasSuggestions: true,
    spec: "§1, §6, §12",
    messages: {
      both: "Activity '{name}' has both 'id' (update) and '{owner}' (add); write 'id' to update an existing activity, or 'ownerTypeId' and 'ownerId' to add one.",
      neither: "Activity '{name}' has no target: write 'ownerTypeId' and 'ownerId' to add it, or 'id' to update an existing activity.",
      missingOwner: "Activity '{name}' has '{present}' but no '{missing}'; crm.activity.configurable.add needs both.",
      emptyLayout: "Activity '{name}' has no layout; crm.activity.configurable.add answers ERROR_EMPTY_LAYOUT (\"The field \"layout\" is required.\").",
      unknownOwnerType: { text: "ownerTypeId {id} is neither a known CRM entity type ({known}) nor a smart-process id ({spa}).", severity: "warning" },
      ...ENTITY_WORD_MESSAGES,
    },
    examples: {
      incorrect: [
        { code: 'activity a {\n  ownerTypeId deal\n  ownerId 1\n}\n', note: "An add without a layout: ERROR_EMPTY_LAYOUT." },
        { code: 'activity a {\n  id 42\n  ownerTypeId deal\n  ownerId 1\n}\n', note: "Both an update and an add." },
        { code: 'activity a {\n  ownerTypeId deall\n  ownerId 1\n  layout {\n    icon call\n    header "T"\n    body {\n      logo call-incoming\n      text "x"\n    }\n  }\n}\n' },
      ],
      correct: [
        { code: 'activity a {\n  ownerTypeId deal\n  ownerId 1\n  layout {\n    icon call\n    header "T"\n    body {\n      logo call-incoming\n      text "x"\n    }\n  }\n}\n' },
        { code: 'activity a {\n  id 42\n  completed true\n}\n' },
      ],
    },
  },
  create(context) {
    return {
      declaration(declaration) {
        const root = declaration.root;
        if (root.dto !== "ActivityParams") return;
        const name = declaration.name;
        const id = getEntry(root, "id");
        const ownerTypeId = getEntry(root, "ownerTypeId");
        const ownerId = getEntry(root, "ownerId");
        const layout = getEntry(root, "layout");
        // A misspelt field (`ownerTypId`) is reported as unknown; what else is wrong waits until it is fixed.
        if (root.misspelt?.some((f) => TARGET_FIELDS.includes(f))) return;
        // Keys not written may be there (a spread in a JSON payload of JavaScript code): only what is written can be wrong.
        if (root.partial && !(id && (ownerTypeId || ownerId))) return;

        if (id && (ownerTypeId || ownerId)) {
          context.report({ messageId: "both", data: { name, owner: (ownerTypeId ?? ownerId)!.key }, range: id.keyRange });
        } else if (!id && !ownerTypeId && !ownerId) {
          context.report({ messageId: "neither", data: { name }, range: declaration.nameRange });
        } else if (!id) {
          const [present, missing] = ownerTypeId ? ["ownerTypeId", "ownerId"] : ["ownerId", "ownerTypeId"];
          if (!ownerTypeId || !ownerId) context.report({ messageId: "missingOwner", data: { name, present, missing }, range: declaration.nameRange });
          const empty = !layout || (layout.value.kind === "object" && layout.value.entries.length === 0 && !layout.value.partial);
          if (empty) context.report({ messageId: "emptyLayout", data: { name }, range: layout?.range ?? declaration.nameRange });
        }

        const owner = resolveEntityType(ownerTypeId?.value);
        if (owner?.kind === "unknownWord") {
          context.report(unknownEntityReport(owner.scalar));
        } else if (owner?.kind === "unknownId") {
          context.report({
            messageId: "unknownOwnerType",
            data: { id: owner.id, known: [...ENTITY_TYPES].sort((a, b) => a.id - b.id).map((e) => `${e.id} ${e.word}`).join(", "), spa: SMART_PROCESS_TYPE_IDS },
            range: owner.range,
          });
        }
      },
    };
  },
});
