import { DOCS_ONLY, type DtoSpec, type FieldSpec, type Support } from "../../model/index.js";
import { getEntry, getScalar, type IrObject } from "../../lower/index.js";
import { CONTENT_BLOCK, getBlockType, getDto, getField } from "../../model/index.js";
import { implicitWhenAbsent } from "../../model/index.js";
import { omittedByDirectives } from "../../model/index.js";
import { defineRule } from "../rule.js";

/** A required field is missing (FIELD_IS_REQUIRED, spec §2.1), including per-variant requirements such as `redirect` needing `uri`. */
export default defineRule({
  meta: {
    id: "required-field",
    description: "Require the fields Bitrix24 requires.",
    why:
      "The server answers FIELD_IS_REQUIRED when a required key is absent (spec §2.2), and its layout validator names the structure (`Field blocks is required for BodyDto.`, spec §2.1). " +
      "Where only the docs require a field (withTitle's title) the rule warns and says so. A body written as statements sends `\"blocks\": {}` when it has no blocks; " +
      "in the raw `json` form an absent key is absent, and reported. A content block written without properties (`text` alone sends `{ \"type\": \"text\" }`) is not checked by the server, " +
      "which validates a block's properties only when it has them (spec §4.6): what its type requires is then required by the docs only, a warning.",
    severity: "error",
    scope: "declaration",
    spec: "§2.1, §2.2, §4, §5, §8, §11.2",
    messages: {
      missing: "{what} is missing required '{field}'.",
      missingAnswer: "{what} is missing required '{field}'; the server answers \"{answer}\".",
      missingField: "{what} is missing required '{field}'; the server answers \"Field {field} is required for {parent}.\"",
      missingDocsOnly: { text: "{what} is missing '{field}': the docs require it, but the server accepts it without.", severity: "warning", basis: "docs" },
      missingServerOnly: {
        text: "{what} is missing '{field}': the server requires it, although the docs do not mark it required. It answers \"Field {field} is required for {parent}.\"",
        basis: "server",
      },
      missingVariant: "A {variant} action is missing required '{field}'; the server answers \"Field {field} is required for {parent}.\"",
      missingVariantDocsOnly: { text: "A {variant} action is missing '{field}': the docs require it, but the server accepts it without.", severity: "warning", basis: "docs" },
    },
    examples: {
      incorrect: [
        { code: "layout l {\n  icon info\n  body {\n    logo document\n    text \"x\"\n  }\n}\n", note: "No header." },
        { code: "blocks b json {}\n", note: "In the raw `json` form an absent key is absent: no `\"blocks\": {}` is added." },
      ],
      correct: [{ code: "layout l {\n  icon info\n  header \"Title\"\n  body {\n    logo document\n    text \"x\"\n  }\n}\n" }],
    },
  },
  create(context) {
    const report = (required: Support, what: string, field: string, range: Parameters<typeof context.report>[0]["range"], dto: DtoSpec, answer?: string) => {
      if (!required.docs && !required.server) return;
      // The server's DTO validator names the structure (FIELD_IS_REQUIRED, spec §2.1); a method that reads its parameters itself has its own words, where the spec gives them.
      const both = dto.serverClass !== undefined ? "missingField" : answer !== undefined ? "missingAnswer" : "missing";
      const messageId = required.server && required.docs ? both : required.server ? "missingServerOnly" : "missingDocsOnly";
      const data = { what: capitalize(what), field, parent: dto.serverClass ?? dto.name, ...(answer !== undefined ? { answer } : {}) };
      context.report({ messageId, data, range });
    };
    return {
      object({ object, dto, declaration }) {
        // Keys not written may be there (a spread in a JSON payload of JavaScript code, a card's sections checked alone).
        if (!dto || object.partial) return;
        const isRoot = object === declaration.root;
        // A form of the declaration's method that does not send the field (a legacy card's params name the entity in the method).
        const omitted = isRoot ? omittedByDirectives(declaration.spec, declaration.directives) : undefined;
        for (const f of requiredFields(dto, object.raw === true)) {
          // A misspelt statement stands for it (`heder "T"`): the misspelling is the finding.
          if (getEntry(object, f.name) !== undefined || object.misspelt?.includes(f.name) || omitted?.includes(f.name)) continue;
          const what = isRoot ? `${declaration.spec.keyword} '${declaration.name}'` : `This ${dto.title}`;
          report(f.required!, what, f.name, isRoot ? declaration.nameRange : object.range, dto, f.requiredAnswer);
        }
        // Content blocks only: no callback made for every other object.
        if (propertiesField(dto) !== null) propertiesUnchecked(object, dto, (f, blockDto) => report(DOCS_ONLY, `This ${blockDto.title}`, f.name, object.range, blockDto));
        const variants = dto.variants;
        if (!variants) return;
        const variant = getScalar(object, variants.by)?.value;
        if (typeof variant !== "string") return;
        const cases = variants.cases[variant];
        if (cases?.required === undefined) return;
        for (const [field, required] of requiredOfVariant(cases.required)) {
          if (getEntry(object, field) !== undefined) continue;
          if (!required.server && !required.docs) continue;
          context.report({
            messageId: required.server && !required.docs ? "missingServerOnly" : required.server ? "missingVariant" : "missingVariantDocsOnly",
            data: { what: `This ${variant} action`, variant, field, parent: dto.serverClass ?? dto.name },
            range: object.range,
          });
        }
      },
    };
  },
});

/**
 * A content block without `properties` (`text` alone sends `{ "type": "text" }`): the server checks
 * a block's properties only when it has them (spec §4.6), so what its type requires is required by
 * the docs only. Calls `missing` with each such field and the type's DTO.
 */
function propertiesUnchecked(object: IrObject, dto: DtoSpec, missing: (field: FieldSpec, blockDto: DtoSpec) => void): void {
  const properties = propertiesField(dto);
  if (!properties || getEntry(object, properties.name) !== undefined) return;
  const type = getScalar(object, "type")?.value;
  const blockDto = typeof type === "string" ? getDto(getBlockType(type)?.dto ?? "") : undefined;
  if (!blockDto) return;
  for (const f of requiredFields(blockDto, object.raw === true)) if (f.required?.docs) missing(f, blockDto);
}

/** The field of the content block's DTO that holds its properties (the model's CONTENT_BLOCK); null for any other DTO. */
function propertiesField(dto: DtoSpec): FieldSpec | null {
  return dto.name === CONTENT_BLOCK.dto ? (getField(dto, CONTENT_BLOCK.propertiesField) ?? null) : null;
}

type VariantRequirements = NonNullable<NonNullable<DtoSpec["variants"]>["cases"][string]["required"]>;
const variantRequirements = new Map<VariantRequirements, readonly (readonly [string, Support])[]>();

/** A variant's required fields as a list, made once per variant (the model does not change). */
function requiredOfVariant(required: VariantRequirements): readonly (readonly [string, Support])[] {
  let list = variantRequirements.get(required);
  if (list === undefined) {
    list = Object.entries(required);
    variantRequirements.set(required, list);
  }
  return list;
}

const requiredByDto = new Map<DtoSpec, readonly FieldSpec[]>();
const requiredInRaw = new Map<DtoSpec, readonly FieldSpec[]>();

/**
 * The fields an author must write. A body of statements writes some itself when they are absent
 * (`"blocks": {}`, implicitWhenAbsent); the raw `json` form writes nothing, so there every
 * required field must be written.
 */
function requiredFields(dto: DtoSpec, raw: boolean): readonly FieldSpec[] {
  const cache = raw ? requiredInRaw : requiredByDto;
  let fields = cache.get(dto);
  if (!fields) {
    fields = dto.fields.filter((f) => f.required && (raw || implicitWhenAbsent(f) === undefined));
    cache.set(dto, fields);
  }
  return fields;
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
