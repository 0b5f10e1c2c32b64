import type { DtoSpec, FieldSpec, Support } from "../../model/types.js";
import { getScalar } from "../../lower/ir.js";
import { defineRule } from "../rule.js";

/** A required field is missing (FIELD_IS_REQUIRED, spec §2.1), including per-variant requirements such as `redirect` needing `uri`. */
export default defineRule({
  meta: {
    id: "required-field",
    description: "Require the fields Bitrix24 requires.",
    why: "The server answers FIELD_IS_REQUIRED when a required key is absent (spec §2.2). Where only the docs require a field (withTitle's title) the rule warns and says so.",
    severity: "error",
    spec: "§2.2, §4, §8, §11.2",
    messages: {
      missing: "{what} is missing required '{field}'.",
      missingDocsOnly: { text: "{what} is missing '{field}': the docs require it, but the server accepts it without.", severity: "warning", basis: "docs" },
      missingServerOnly: { text: "{what} is missing '{field}': the server requires it, although the docs do not mark it required.", basis: "server" },
      missingVariant: "A {variant} action is missing required '{field}'.",
      missingVariantDocsOnly: { text: "A {variant} action is missing '{field}': the docs require it, but the server accepts it without.", severity: "warning", basis: "docs" },
    },
    examples: {
      incorrect: [{ code: "layout l {\n  icon info\n  body {\n    logo document\n    text \"x\"\n  }\n}\n", note: "No header." }],
      correct: [{ code: "layout l {\n  icon info\n  header \"Title\"\n  body {\n    logo document\n    text \"x\"\n  }\n}\n" }],
    },
  },
  create(context) {
    const report = (required: Support, what: string, field: string, range: Parameters<typeof context.report>[0]["range"]) => {
      if (!required.docs && !required.server) return;
      const messageId = required.server && required.docs ? "missing" : required.server ? "missingServerOnly" : "missingDocsOnly";
      context.report({ messageId, data: { what: capitalize(what), field }, range });
    };
    return {
      object({ object, dto, declaration }) {
        if (!dto) return;
        const isRoot = object === declaration.root;
        for (const f of requiredFields(dto)) {
          // A misspelt statement stands for it (`heder "T"`): the misspelling is the finding.
          if (object.entries.some((e) => e.key === f.name) || object.misspelt?.includes(f.name)) continue;
          const what = isRoot ? `${declaration.spec.keyword} '${declaration.name}'` : `This ${dto.title}`;
          report(f.required!, what, f.name, isRoot ? declaration.nameRange : object.range);
        }
        const variants = dto.variants;
        if (!variants) return;
        const variant = getScalar(object, variants.by)?.value;
        if (typeof variant !== "string") return;
        const cases = variants.cases[variant];
        for (const [field, required] of Object.entries(cases?.required ?? {})) {
          if (object.entries.some((e) => e.key === field)) continue;
          if (!required.server && !required.docs) continue;
          context.report({
            messageId: required.server && !required.docs ? "missingServerOnly" : required.server ? "missingVariant" : "missingVariantDocsOnly",
            data: { what: `This ${variant} action`, variant, field },
            range: object.range,
          });
        }
      },
    };
  },
});

const requiredByDto = new Map<DtoSpec, readonly FieldSpec[]>();

/** The fields an author must write. Constants and collections are written by the compiler when absent (`"blocks": {}`). */
function requiredFields(dto: DtoSpec): readonly FieldSpec[] {
  let fields = requiredByDto.get(dto);
  if (!fields) {
    fields = dto.fields.filter((f) => f.required && f.type.kind !== "constant" && f.type.kind !== "collection");
    requiredByDto.set(dto, fields);
  }
  return fields;
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
