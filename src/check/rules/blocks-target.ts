import { getEntry } from "../../lower/ir.js";
import { ENTITY_TYPES, SMART_PROCESS_TYPE_IDS } from "../../model/entities.js";
import { requestMethodsOf } from "../../model/requests.js";
import { getDeclaration } from "../../model/statements.js";
import { listed } from "../../util/wording.js";
import { defineRule } from "../rule.js";
import { ENTITY_WORD_MESSAGES, resolveEntityType, unknownEntityReport } from "../rule-helpers/entity-word.js";

const BLOCKS = getDeclaration("blocks")!;
const METHODS = requestMethodsOf(BLOCKS.request!.dto);

/**
 * Additional blocks written with a target go to exactly one …layout.blocks.set method, which
 * needs all of its ids (spec §1, §5); REQUEST_METHODS says which.
 */
export default defineRule({
  meta: {
    id: "blocks-target",
    description: "Require additional blocks written with a target to have every id of one method: `entityTypeId`, `entityId` and `timelineId` or `activityId`.",
    why:
      "crm.timeline.layout.blocks.set takes `entityTypeId`, `entityId` and `timelineId`; crm.activity.layout.blocks.set takes `entityTypeId`, `entityId` and `activityId` (spec §1, §5). A request missing one is refused, and one with both ids has no single method to go to. Without any of them, the output is the `layout` parameter alone, for the app to send with ids it knows at run time. Neither method accepts a configurable (app) activity: the server answers UNSUITABLE_ACTIVITY_TYPE_ERROR (\"This activity type is not supported for adding layout blocks\").",
    severity: "error",
    hasSuggestions: true,
    spec: "§1, §5, §12",
    messages: {
      both: "Blocks '{name}' has both 'timelineId' (crm.timeline.layout.blocks.set) and 'activityId' (crm.activity.layout.blocks.set); write the one of the record the blocks are for.",
      noRecord: "Blocks '{name}' has '{present}' but neither 'timelineId' (crm.timeline.layout.blocks.set) nor 'activityId' (crm.activity.layout.blocks.set).",
      missing: "Blocks '{name}' is for {method}, which also needs {missing}.",
      unknownEntityType: { text: "entityTypeId {id} is neither a known CRM entity type ({known}) nor a smart-process id ({spa}).", severity: "warning" },
      ...ENTITY_WORD_MESSAGES,
    },
    examples: {
      incorrect: [
        { code: 'blocks b {\n  entityTypeId deal\n  timelineId 7\n  text "Delivered"\n}\n', note: "crm.timeline.layout.blocks.set also needs `entityId`." },
        { code: 'blocks b {\n  entityTypeId deal\n  entityId 42\n  timelineId 7\n  activityId 9\n  text "Delivered"\n}\n', note: "Two records: which method?" },
      ],
      correct: [
        { code: 'blocks b {\n  entityTypeId deal\n  entityId 42\n  activityId 9\n  text "Delivered"\n}\n', note: "The whole params of crm.activity.layout.blocks.set." },
        { code: 'blocks b {\n  text "Delivered"\n}\n', note: "No target: the `layout` parameter alone." },
      ],
    },
  },
  create(context) {
    return {
      declaration(declaration) {
        const root = declaration.root;
        if (root.dto !== BLOCKS.request!.dto) return;
        const name = declaration.name;
        const written = METHODS.filter((m) => getEntry(root, m.selectedBy) !== undefined);
        if (written.length > 1) {
          context.report({ messageId: "both", data: { name }, range: getEntry(root, written[1]!.selectedBy)!.keyRange });
        } else if (written.length === 0) {
          // Keys not written may be there (a spread in a JSON payload of JavaScript code): nothing is missing for sure.
          const present = root.partial ? undefined : root.entries.find((e) => e.key !== BLOCKS.request!.payloadField);
          if (present) context.report({ messageId: "noRecord", data: { name, present: present.key }, range: declaration.nameRange });
        } else {
          const method = written[0]!;
          const missing = method.requires.filter((f) => getEntry(root, f) === undefined);
          if (missing.length > 0 && !root.partial) context.report({ messageId: "missing", data: { name, method: method.method, missing: listed(missing.map((f) => `'${f}'`)) }, range: declaration.nameRange });
        }

        const entityType = resolveEntityType(getEntry(root, "entityTypeId")?.value);
        if (entityType?.kind === "unknownWord") {
          context.report(unknownEntityReport(entityType.scalar));
        } else if (entityType?.kind === "unknownId") {
          context.report({
            messageId: "unknownEntityType",
            data: { id: entityType.id, known: [...ENTITY_TYPES].sort((a, b) => a.id - b.id).map((e) => `${e.id} ${e.word}`).join(", "), spa: SMART_PROCESS_TYPE_IDS },
            range: entityType.range,
          });
        }
      },
    };
  },
});
