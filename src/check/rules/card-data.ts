import type { IrValue } from "../../lower/index.js";
import { getDto } from "../../model/index.js";
import { getDeclaration } from "../../model/index.js";
import { defineRule } from "../rule.js";
import { cardSections, isCard } from "../rule-helpers/card-sections.js";

/**
 * A card's `data` that the server does not take as a list of sections, and sections whose type is
 * not `section` (spec §11.2, §11.5). Statements always write a list of sections of type
 * `section`; these come from the raw `json` form, which writes what `b24layout import` reads.
 */
export default defineRule({
  meta: {
    id: "card-data",
    description: "Require a card's data to be a list of sections whose type is 'section'.",
    why:
      "crm.item.details.configuration.set checks the shape of `data` first: a value that is not an array gets \"Parameter 'data' must be array.\", an object whose keys are not 0, 1, 2, … " +
      "\"The data must be indexed array.\", and an empty one \"There are no data to write.\" (spec §11.5). " +
      "A section whose `type` is anything but `section` is rejected with \"Section at index {i} have type '{type}'. The expected type is 'section'.\"; a missing or blank type is read as `section` (spec §11.2). " +
      "Statements always write a list of sections of type `section`: these come from the raw `json` form.",
    severity: "error",
    scope: "declaration",
    spec: "§11.2, §11.5",
    messages: {
      notArray: "'{field}' is {actual}, not a list of sections; the server answers \"Parameter '{field}' must be array.\"",
      notList: "'{field}' is a map whose keys are not 0, 1, 2, …; the server answers \"The data must be indexed array.\"",
      noData: "'{field}' is an empty map, which the server reads as no sections; it answers \"There are no data to write.\"",
      sectionType: "This section's type is {written}, not 'section'; the server answers \"Section at index {index} have type '{type}'. The expected type is 'section'.\"",
    },
    examples: {
      incorrect: [
        { code: 'card c for deal {\n  data json { main: { name: "main", title: "Main" } }\n}\n', note: "`data` is keyed by name instead of a list." },
        { code: 'card c for deal {\n  json { name: "main", title: "Main", type: "column" }\n}\n', note: "A section of another type." },
      ],
      correct: [
        { code: 'card c for deal {\n  main: section "Main" {\n    TITLE\n  }\n}\n' },
        { code: 'card c for deal {\n  json { name: "main", title: "Main", elements: [{ name: "TITLE" }] }\n}\n', note: "Without a type, the server reads `section`." },
      ],
    },
  },
  create(context) {
    return {
      fieldTypes: ["list"],
      field({ field, value }) {
        const t = field.type;
        if (t.kind !== "list" || t.indexedArray !== true) return;
        const data = { field: field.name };
        if (value.kind === "object" || value.kind === "collection") {
          const keys = value.entries.map((e) => e.key);
          if (keys.length === 0) context.report({ messageId: "noData", data, range: value.range });
          // PHP reads an object keyed 0, 1, 2, … in order as the list itself.
          else if (!keys.every((k, i) => k === String(i))) context.report({ messageId: "notList", data, range: value.range });
          return;
        }
        if (value.kind === "scalar") context.report({ messageId: "notArray", data: { ...data, actual: describe(value) }, range: value.range });
      },
      declaration(declaration) {
        if (!isCard(declaration)) return;
        for (const section of cardSections(declaration)) {
          const entry = section.object.entries.find((e) => e.key === SECTION_TYPE_FIELD);
          if (!entry || entry.value.kind === "paramRef" || entry.value.kind === "template") continue;
          const v = entry.value;
          const defaulted = SECTION_CONSTANT.type.blankDefault === true && v.kind === "scalar" && (v.value === null || (typeof v.value === "string" && isBlank(v.value)));
          if (defaulted || (v.kind === "scalar" && v.value === SECTION_TYPE)) continue;
          context.report({ messageId: "sectionType", data: { written: describe(v), index: section.index, type: phpString(v) }, range: v.range });
        }
      },
    };
  },
});

/** A section's `type`, read from the model: the constant field of the items of the card's indexed `data`. */
const SECTION_CONSTANT = (() => {
  const data = getDto(getDeclaration("card")!.dto)!.fields.find((f) => f.type.kind === "list" && f.type.indexedArray === true)!;
  const section = getDto(data.type.kind === "list" ? data.type.dto! : "")!;
  const field = section.fields.find((f) => f.type.kind === "constant")!;
  return { field: field.name, type: field.type as { kind: "constant"; value: string | number | boolean; blankDefault?: boolean } };
})();
const SECTION_TYPE_FIELD = SECTION_CONSTANT.field;
const SECTION_TYPE = SECTION_CONSTANT.type.value;

/** The characters PHP's `trim()` removes. */
const PHP_TRIMMED = new Set([" ", "\t", "\n", "\r", "\0", "\v"]);

function isBlank(s: string): boolean {
  return [...s].every((c) => PHP_TRIMMED.has(c));
}

function describe(v: IrValue): string {
  if (v.kind !== "scalar") return v.kind === "array" ? "a list" : "a map";
  if (v.value === null) return "null";
  return typeof v.value === "string" ? `the string ${JSON.stringify(v.value)}` : `the ${typeof v.value} ${String(v.value)}`;
}

/** How PHP writes the value into the server's message. */
function phpString(v: IrValue): string {
  if (v.kind !== "scalar") return "Array";
  if (typeof v.value === "boolean") return v.value ? "1" : "";
  return String(v.value);
}
