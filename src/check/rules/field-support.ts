import { DTOS, type FieldType } from "../../model/index.js";
import { defineRule } from "../rule.js";

/** The kinds of field type the model marks `accepted` on: the walk calls the handler for those fields only. */
const KINDS_WITH_SUPPORT_NOTES: readonly FieldType["kind"][] = [...new Set(DTOS.flatMap((d) => d.fields.filter((f) => f.accepted !== undefined).map((f) => f.type.kind)))];

/** A field only the docs or only the server know: tag `scope` is rejected, footer `showNote` is undocumented (spec §14.7, §14.10, §14.12). */
export default defineRule({
  meta: {
    id: "field-support",
    description: "Report fields the docs list but the server rejects (error), and fields the server accepts but the docs do not describe (warning).",
    why:
      "The docs list `scope` and `hideIfReadonly` on tags, but the server's TagDto has no such properties and rejects the layout with FIELD_IS_REDUNDANT (spec §4.4, §14.7). " +
      "The server accepts footer `showNote` and the sliderParams label fields, which the docs do not (or no longer) describe (spec §4.8, §4.12, §14.10, §14.12): " +
      "they work today, but nothing promises they keep working.",
    severity: "error",
    scope: "declaration",
    spec: "§4.4, §4.8, §4.12, §14",
    messages: {
      rejected: "The {what} does not accept '{field}': {note}.",
      rejectedDocumented: { text: "The {what} does not accept '{field}': {note}.", basis: "server" },
      undocumented: { text: "'{field}' is undocumented in the {what} ({note}); it works, but may stop working without notice.", severity: "warning", basis: "docs" },
    },
    examples: {
      incorrect: [
        { code: 'layout l {\n  icon info\n  header "T" {\n    tag warning "New" scope web\n  }\n  body {\n    logo document\n    text "x"\n  }\n}\n', note: "Tags have no `scope` on the server." },
        { code: 'layout l {\n  icon info\n  header "T"\n  body {\n    logo document\n    text "x"\n  }\n  footer {\n    showNote false\n  }\n}\n' },
      ],
      correct: [{ code: 'layout l {\n  icon info\n  header "T" {\n    tag warning "New"\n  }\n  body {\n    logo document\n    text "x"\n  }\n}\n' }],
    },
  },
  create(context) {
    return {
      fieldTypes: KINDS_WITH_SUPPORT_NOTES,
      field({ field, ownerDto, entry }) {
        const accepted = field.accepted;
        if (!accepted) return;
        if (!accepted.server) {
          const note = field.note ?? (accepted.docs ? "the docs list it, but the server rejects it with FIELD_IS_REDUNDANT" : "the server rejects it with FIELD_IS_REDUNDANT");
          context.report({ messageId: accepted.docs ? "rejectedDocumented" : "rejected", data: { what: ownerDto.title, field: field.name, note }, range: entry.keyRange });
        } else if (!accepted.docs) {
          const note = field.note ?? "the server accepts it but the docs do not (or no longer) describe it";
          context.report({ messageId: "undocumented", data: { what: ownerDto.title, field: field.name, note }, range: entry.keyRange });
        }
      },
    };
  },
});
