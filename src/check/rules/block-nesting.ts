import type { IrValue } from "../../lower/index.js";
import { getScalar } from "../../lower/index.js";
import { withArticle } from "../../util/index.js";
import { getBlockType } from "../../model/index.js";
import type { DtoSpec, FieldSpec } from "../../model/index.js";
import { defineRule } from "../rule.js";

/** A content block type its container does not take: withTitle's block and lineOfBlocks' blocks take only text, link and deadline (spec §4.7). */
export default defineRule({
  meta: {
    id: "block-nesting",
    description: "Allow only text, link and deadline blocks inside withTitle and lineOfBlocks.",
    why:
      "The server checks the type of a nested block and answers WRONG_FIELD_VALUE (FIELD `type`, PARENT_OBJECT ContentBlockDto) for anything but text, link " +
      "or deadline: no withTitle inside withTitle, no lineOfBlocks or largeText nested (spec §4.7). Its lineOfBlocks check overwrites its result on every child, " +
      "so the server only reports the last one; this rule reports every child.",
    severity: "error",
    scope: "declaration",
    spec: "§4.7",
    messages: {
      notAllowed: "A {type} block cannot be placed in {container}: only {allowed} blocks are allowed in its '{field}'.",
    },
    examples: {
      incorrect: [
        { code: 'blocks b {\n  lineOfBlocks {\n    text "a"\n    largeText "b"\n  }\n}\n' },
        { code: 'blocks b {\n  withTitle "Client" {\n    withTitle "Name" { text "x" }\n  }\n}\n' },
      ],
      correct: [{ code: 'blocks b {\n  lineOfBlocks {\n    text "a"\n    link "b" -> redirect "/crm/deal/details/1/"\n  }\n  largeText "c"\n}\n' }],
    },
  },
  create(context) {
    const check = (block: IrValue, allowed: readonly string[], field: FieldSpec, container: DtoSpec) => {
      if (block.kind !== "object") return;
      const type = getScalar(block, "type");
      // Unknown types are enum-value's to report.
      if (typeof type?.value !== "string" || !getBlockType(type.value) || allowed.includes(type.value)) return;
      context.report({
        messageId: "notAllowed",
        data: { type: type.value, container: withArticle(container.title), field: field.name, allowed: orList(allowed) },
        range: type.range,
      });
    };
    return {
      collection({ collection, field, ownerDto }) {
        if (field.type.kind !== "collection" || !field.type.blockTypes) return;
        for (const e of collection.entries) check(e.value, field.type.blockTypes, field, ownerDto);
      },
      fieldTypes: ["block"],
      field({ field, ownerDto, value }) {
        if (field.type.kind === "block") check(value, field.type.blockTypes, field, ownerDto);
      },
    };
  },
});

function orList(items: readonly string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} or ${items[items.length - 1]}`;
}
