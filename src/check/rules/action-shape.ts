import type { IrObject, IrValue } from "../../lower/index.js";
import { getScalar } from "../../lower/index.js";
import { withArticle } from "../../util/index.js";
import { getDto, getField } from "../../model/index.js";
import type { DtoSpec } from "../../model/index.js";
import { defineRule, divergenceNote, type ObjectVisit } from "../rule.js";

/**
 * Action semantics the server does not enforce (spec §4.12): fields without effect for the action
 * type, exclusive sliderParams, openRestApp in the mobile app, `disable` outside footer buttons,
 * and scalar-only actionParams.
 */
export default defineRule({
  meta: {
    id: "action-shape",
    description: "Check that an action's fields fit its type and the element it is on, and that actionParams hold only scalars.",
    why:
      "Every action type shares one property set on the server, so `uri` on a restEvent or `sliderParams` on a redirect is accepted and ignored (spec §4.12). " +
      "The docs forbid `width` together with `leftBoundary`; the server does not check it (spec §4.12, §14.11). openRestApp is not supported in the mobile app, " +
      "and animationType `disable` only disables a clicked footer button (spec §4.12). actionParams values must be scalars: the server rejects a map or list " +
      "with WRONG_FIELD_VALUE (spec §4.12).",
    severity: "warning",
    scope: "declaration",
    spec: "§4.12, §14.11",
    messages: {
      noEffect: "'{field}' has no effect for {action}; remove it.",
      exclusive: { text: "'{second}' must not be set together with '{first}': {divergence}.", severity: "error" },
      exclusiveServerOnly: { text: "'{second}' must not be set together with '{first}': {divergence}.", severity: "error", basis: "server" },
      exclusiveDocsOnly: { text: "'{second}' must not be set together with '{first}': {divergence}.", basis: "docs" },
      scope: "{variant} is not supported with scope {scope}: this {owner} is {shown}, and the action would do nothing there.",
      valueNoEffect: "'{field} {value}' only works on the action of {places}: this action belongs to {owner}.",
      notScalar: {
        text: "Action parameter '{key}' must be a scalar (string, number or boolean), not {actual}; the server rejects it with WRONG_FIELD_VALUE.",
        severity: "error",
      },
    },
    examples: {
      incorrect: [
        { code: 'blocks b {\n  link "Open" -> restEvent "open" uri "/crm/deal/details/1/"\n}\n', note: "`uri` does nothing for a restEvent." },
        {
          code: 'layout l {\n  icon info\n  header "T"\n  body {\n    logo document\n    text "x"\n  }\n  footer {\n    button primary "Open" scope mobile -> openRestApp sliderParams { width: 700, leftBoundary: 100 }\n  }\n}\n',
          note: "openRestApp in a mobile-only button, and width with leftBoundary.",
        },
        { code: 'blocks b {\n  link "Open" -> openRestApp { ids: [1, 2] }\n}\n' },
      ],
      correct: [
        {
          code: 'layout l {\n  icon info\n  header "T"\n  body {\n    logo document\n    link "Open" -> restEvent "open" { clientId: 456 } loader\n  }\n  footer {\n    button primary "Open" -> openRestApp sliderParams { width: 700 }\n    button secondary "Confirm" -> restEvent "confirm" disable\n  }\n}\n',
        },
      ],
    },
  },
  create(context) {
    const checkVariant = (visit: ObjectVisit, dto: DtoSpec) => {
      const { object, path } = visit;
      const variants = dto.variants;
      if (!variants) return;
      const typeValue = getScalar(object, variants.by);
      const variant = typeValue?.value;
      if (typeof variant !== "string" || !Object.hasOwn(variants.cases, variant)) return;
      const spec = variants.cases[variant]!;
      const owner = path[path.length - 1]?.object;
      const ownerDto = owner?.kind === "object" ? getDto(owner.dto) : undefined;
      for (const e of object.entries) {
        const field = getField(dto, e.key);
        if (!field || e.key === variants.by) continue;
        if (!spec.effective.includes(e.key)) {
          context.report({ messageId: "noEffect", data: { field: e.key, action: withArticle(`${variant} action`) }, range: e.keyRange });
          continue;
        }
        // Values that only act in some places (`disable` on a footer button's action).
        if (field.type.kind !== "enum" || e.value.kind !== "scalar" || !ownerDto) continue;
        const value = e.value.value;
        const known = field.type.values.find((v) => v.value === value);
        if (!known?.effectiveIn || known.effectiveIn.includes(ownerDto.name)) continue;
        const places = known.effectiveIn.map((n) => withArticle(getDto(n)?.title ?? n)).join(" or ");
        context.report({ messageId: "valueNoEffect", data: { field: e.key, value: known.value, places, owner: withArticle(ownerDto.title) }, range: e.value.range });
      }
      if (spec.scopes && owner?.kind === "object" && ownerDto && typeValue) checkScope(owner, ownerDto, variant, spec.scopes, typeValue.range);
    };

    /** The element the action is on is shown only where the action does not work. */
    const checkScope = (owner: IrObject, ownerDto: DtoSpec, variant: string, scopes: readonly string[], range: IrValue["range"]) => {
      const scopeField = getField(ownerDto, "scope");
      const scope = getScalar(owner, "scope")?.value;
      if (typeof scope !== "string" || scopes.includes(scope) || scopeField?.type.kind !== "enum") return;
      const doc = scopeField.type.values.find((v) => v.value === scope)?.doc;
      if (!doc) return; // not a scope value at all: enum-value reports it
      const shown = doc.charAt(0).toLowerCase() + doc.slice(1).replace(/\.$/, "");
      context.report({ messageId: "scope", data: { variant, scope, owner: ownerDto.title, shown }, range });
    };

    const checkExclusive = (object: IrObject, dto: DtoSpec) => {
      const groups = dto.exclusive;
      if (groups === undefined) return;
      for (const group of groups) {
        if (!twoOf(object, group.fields)) continue;
        // The first entry of each field of the group, in source order (a field set twice is duplicate-key's).
        const present = [...new Map(object.entries.filter((e) => group.fields.includes(e.key)).reverse().map((e) => [e.key, e])).values()];
        present.sort((a, b) => a.keyRange.start.offset - b.keyRange.start.offset);
        const [first, second] = present;
        if (!first || !second) continue;
        const { docs, server } = group.support;
        if (!docs && !server) continue;
        context.report({
          messageId: docs && server ? "exclusive" : server ? "exclusiveServerOnly" : "exclusiveDocsOnly",
          data: { first: first.key, second: second.key, divergence: divergenceNote(server) },
          range: second.keyRange,
        });
      }
    };

    return {
      object(visit) {
        const { object, dto, field } = visit;
        if (field?.type.kind === "scalarMap") {
          for (const e of object.entries) {
            // Template values are typed: template-type checks that they are scalars.
            if (e.value.kind === "scalar" || e.value.kind === "paramRef" || e.value.kind === "template") continue;
            context.report({ messageId: "notScalar", data: { key: e.key, actual: describe(e.value) }, range: e.value.range });
          }
          return;
        }
        if (!dto) return;
        checkVariant(visit, dto);
        checkExclusive(object, dto);
      },
    };
  },
});

/** Whether `object` has entries of two different fields of `fields` (asked before sorting them out). */
function twoOf(object: IrObject, fields: readonly string[]): boolean {
  let first: string | undefined;
  for (const e of object.entries) {
    if (!fields.includes(e.key)) continue;
    if (first === undefined) first = e.key;
    else if (e.key !== first) return true;
  }
  return false;
}

function describe(value: IrValue): string {
  switch (value.kind) {
    case "array":
      return "a list";
    case "translationRef":
      return `the translation '@${value.key}' (a language map)`;
    case "declarationRef":
      return `a reference to ${value.declaration} '${value.name}'`;
    default:
      return "a map";
  }
}
