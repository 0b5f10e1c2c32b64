import type { FieldSpec, FieldType } from "../../model/types.js";
import { getDto } from "../../model/dtos.js";
import type { IrParamRef, IrValue, ParamType } from "../../lower/ir.js";
import { describeType, isScalarType, isStringType, literalsOf } from "../../lower/templates.js";
import { type MessageData, TEMPLATE_TYPE } from "../../messages/index.js";
import { defineRule, type MessageId, type Report } from "../rule.js";

/**
 * A template value whose type does not fit where it is used: the field it fills, the string it is
 * interpolated into, the condition it decides, the list `each` walks (partly reported while
 * lowering, where the types of conditions and lists are resolved, through the same messages:
 * src/messages/template-type.ts).
 */
export default defineRule({
  meta: {
    id: TEMPLATE_TYPE.ruleId,
    description: "Require template parameters to have types that fit where they are used: fields, strings, conditions and lists.",
    why: "A parameter's type is what the generated factory function accepts, so a type that fits the field means every call produces a payload the server takes: a bool parameter in a text field would be sent as a boolean, and an open string in an enum field could send a value the server rejects.",
    severity: "error",
    appliesTo: ["b24layout"],
    spec: "templates",
    hasSuggestions: true,
    messages: TEMPLATE_TYPE.messages,
    examples: {
      incorrect: [
        { code: 'blocks b(urgent: bool) {\n  text "Call back" color $urgent\n}\n', note: "`color` takes one of its colour names, not a boolean." },
        { code: 'blocks b(items: string) {\n  each item in $items {\n    text "${item}"\n  }\n}\n' },
        { code: 'blocks b(tone: "base_90" | "loud") {\n  text "Hi" color $tone\n}\n', note: "`loud` is not a text colour." },
      ],
      correct: [
        {
          code: 'blocks b(tone: "base_90" | "base_70" = "base_90", urgent: bool = false) {\n  text "Call back" color $tone bold $urgent\n}\n',
        },
      ],
    },
  },
  create(context) {
    // A file without templates has no template values or guarded members to look at.
    if (!context.program.templated) return {};
    type M = typeof TEMPLATE_TYPE.messages;
    const report = <K extends MessageId<M>>(messageId: K, data: MessageData<M, K>, range: Report["range"]) => context.report({ messageId, data, range });
    const shown = (ref: IrParamRef) => `$${ref.path.join(".")}`;

    /** A reference or template filling a value of `type`, in the field named `field`. */
    const check = (value: IrValue, type: FieldType, field: FieldSpec | undefined, fieldName: string): void => {
      if (value.kind === "array" && type.kind === "list") {
        for (const item of value.items) check(item, type.of, undefined, fieldName);
        return;
      }
      if (value.kind === "template") {
        if (type.kind !== "text" && type.kind !== "string") {
          report("templateField", { field: fieldName, expected: expected(type) }, value.range);
        }
        for (const part of value.parts) {
          if (typeof part === "string" || !part.type) continue;
          if (!isScalarType(part.type)) report("interpolate", { name: shown(part), type: describeType(part.type) }, part.range);
          else if (part.optional) report("mayBeMissing", { name: shown(part), where: "a string" }, part.range);
        }
        return;
      }
      if (value.kind !== "paramRef" || !value.type) return;
      const t = value.type;
      const name = shown(value);
      if (value.optional && (field?.required?.server || field?.required?.docs)) {
        report("mayBeMissing", { name, where: `'${fieldName}'` }, value.range);
      }
      if (fits(t, type)) {
        if (type.kind === "enum") {
          const accepted = type.values.filter((v) => v.accepted?.server !== false).map((v) => v.value);
          for (const literal of literalsOf(t) ?? []) {
            if (!accepted.includes(literal)) report("enumValue", { name, value: literal, field: fieldName, values: accepted.join(", ") }, value.range);
          }
        }
        return;
      }
      if (type.kind === "enum") {
        const accepted = type.values.filter((v) => v.accepted?.server !== false).map((v) => JSON.stringify(v.value));
        report("enumOpen", { name, type: describeType(t), field: fieldName, values: accepted.join(", "), example: accepted.slice(0, 2).join(" | ") }, value.range);
        return;
      }
      const data = { name, type: describeType(t), field: fieldName, expected: expected(type), path: value.path.join(".") };
      report((type.kind === "text" || type.kind === "string") && isScalarType(t) ? "fieldText" : "field", data, value.range);
    };

    return {
      field({ field, value }) {
        check(value, field.type, field, field.name);
      },
      object({ object, dto }) {
        // Values of open maps (`actionParams { id: $dealId }`) and language maps (`{ en: "${x}" }`).
        if (dto?.closed) return;
        const valueType: FieldType = object.dto === "LanguageMap" ? { kind: "string" } : { kind: "scalarMap", limits: {} };
        for (const e of object.entries) {
          const v = e.value;
          if (v.kind === "template") check(v, { kind: "string" }, undefined, e.key);
          else if (v.kind === "paramRef" && v.type) {
            const ok = valueType.kind === "string" ? isStringType(v.type) : isScalarType(v.type);
            if (!ok) report("field", { name: shown(v), type: describeType(v.type), field: e.key, expected: valueType.kind === "string" ? "a string" : "a string, number or boolean" }, v.range);
          }
        }
      },
    };
  },
});

/** Whether every value of the parameter type is a value of the field type. */
function fits(t: ParamType, type: FieldType): boolean {
  switch (type.kind) {
    case "text":
    case "string":
      return isStringType(t);
    case "int":
      return t.kind === "int";
    case "bool":
      return t.kind === "bool";
    case "enum":
      return type.valueType === "int" ? t.kind === "int" : literalsOf(t) !== undefined;
    case "list":
      return t.kind === "list" && isScalarType(t.of) && fits(t.of, type.of);
    default:
      return false;
  }
}

function expected(type: FieldType): string {
  switch (type.kind) {
    case "bool":
      return "a boolean";
    case "int":
      return "an integer";
    case "text":
      return "a text";
    case "string":
      return "a string";
    case "enum":
      return "one of its values";
    case "list":
      return "a list";
    case "object":
      return `a ${getDto(type.dto)?.title ?? type.dto}`;
    default:
      return "members";
  }
}
