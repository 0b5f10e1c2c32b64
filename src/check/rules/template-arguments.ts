import { resolveReference, type IrArgument, type IrDeclaration, type IrDeclarationRef } from "../../lower/index.js";
import { assignable, describeType, typeMismatch } from "../../lower/index.js";
import { closest } from "../../util/index.js";
import { TEMPLATE_ARGUMENTS } from "../../messages/index.js";
import { defineRule, type MessageId, type Report } from "../rule.js";
import { replaceWith } from "../rule-helpers/fix.js";

/**
 * The values a template is given: where another declaration refers to it (`layout card { dealId:
 * $dealId }` in an activity), checked against its parameters by `check`; and the values of
 * `--params FILE`, checked when the template is rendered to JSON (`check --params`, `build`,
 * `compile`: src/emit/render.ts reports through the same messages, src/messages/template-arguments.ts).
 */
export default defineRule({
  meta: {
    id: TEMPLATE_ARGUMENTS.ruleId,
    description:
      "Require a template to get a value for every parameter without a default, of its type, where it is referenced (`layout card { dealId: $dealId }`) and when it is rendered to JSON (`--params FILE`), and the values to keep Bitrix24's limits.",
    why: "A template renders a payload only with a value for every required parameter. An activity's `layout card` is the layout rendered with the values the reference gives, in every target: JSON, and the typed function the TypeScript and JavaScript targets call. A template built to JSON on its own takes its values from `--params FILE`, keyed by its name (a key that names no declaration of the files checked is an error at the key in FILE: its values would go unused); given none, it is a function of its values, not a payload, and the JSON build leaves it out with a note (what `check` passes always builds); built with --target ts, it becomes a typed function whose caller supplies them. `check` sees the `--params` values only when given the same file (`b24layout check --params FILE`).",
    severity: "error",
    appliesTo: ["b24layout"],
    // A reference of the declaration against the parameters of the declaration it names.
    scope: "declarations",
    hasSuggestions: true,
    spec: "templates, §6, §7",
    messages: TEMPLATE_ARGUMENTS.messages,
    examples: {
      incorrect: [
        {
          code: 'layout card(dealId: int) {\n  icon info\n  header "Deal ${dealId}"\n  body {\n    logo document\n    text "x"\n  }\n}\nactivity reminder {\n  ownerTypeId deal; ownerId 7\n  layout card\n}\n',
          note: "The layout needs a value for `dealId`, and the reference gives none.",
        },
        {
          code: 'layout card(dealId: int) {\n  icon info\n  header "Deal ${dealId}"\n  body {\n    logo document\n    text "x"\n  }\n}\nactivity reminder {\n  ownerTypeId deal; ownerId 7\n  layout card { dealId: "7" }\n}\n',
          note: "`dealId` is an int, not a string.",
        },
      ],
      correct: [
        {
          code: 'layout card(dealId: int) {\n  icon info\n  header "Deal ${dealId}"\n  body {\n    logo document\n    text "x"\n  }\n}\nactivity reminder(deal: int) {\n  ownerTypeId deal; ownerId $deal\n  layout card { dealId: $deal }\n}\n',
        },
      ],
    },
  },
  create(context) {
    const program = context.program;
    return {
      // A reference is only ever the value of an object field (`layout card`, fieldStatementValue in the lowering).
      fieldTypes: ["object"],
      field({ value, declaration }) {
        if (value.kind !== "declarationRef") return;
        // A declaration of the file, or one it imports; a name that resolves to nothing is unknown-reference's.
        const target = resolveReference(program, value)?.declaration;
        if (target) checkReference(value, target, declaration, (r) => context.report(r));
      },
    };
  },
});

/** The values of a reference against the parameters of the declaration it names. */
function checkReference(
  ref: IrDeclarationRef,
  target: IrDeclaration,
  from: IrDeclaration,
  report: <K extends MessageId<typeof TEMPLATE_ARGUMENTS.messages>>(r: Report<typeof TEMPLATE_ARGUMENTS.messages, K>) => void,
): void {
  const keyword = target.spec.keyword;
  const names = { keyword, target: target.name };
  const args = ref.args ?? [];
  if (target.params.length === 0) {
    if (args.length > 0) report({ messageId: "noParameters", data: names, range: { start: args[0]!.range.start, end: args.at(-1)!.range.end } });
    return;
  }
  for (const arg of args) {
    const param = target.params.find((p) => p.name === arg.name);
    if (!param) {
      const suggestion = closest(arg.name, target.params.map((p) => p.name));
      report({
        messageId: suggestion ? "unknownArgumentSuggest" : "unknownArgument",
        data: { ...names, name: arg.name, ...(suggestion ? { suggestion } : {}) },
        range: arg.nameRange,
        ...(suggestion ? { fix: replaceWith(arg.nameRange, suggestion) } : {}),
      });
      continue;
    }
    const actual = mismatch(arg, param.type);
    if (actual !== undefined) {
      report({ messageId: "argumentType", data: { ...names, name: arg.name, actual, type: describeType(param.type) }, range: arg.value.range });
    } else if (arg.value.kind === "paramRef" && arg.value.optional && !param.optional) {
      report({ messageId: "mayBeMissing", data: { ...names, name: arg.name, value: `$${arg.value.path.join(".")}` }, range: arg.value.range });
    }
  }
  const missing = target.params.filter((p) => !p.optional && !args.some((a) => a.name === p.name));
  if (missing.length > 0) {
    const example = missing.map((p) => `${p.name}: …`).join(", ");
    report({
      messageId: "referenced",
      data: { ...names, name: from.name, params: missing.map((p) => `'${p.name}'`).join(", "), example },
      range: ref.range,
    });
  }
}

/** How the value is described when it does not fit `type`; undefined when it fits. */
function mismatch(arg: IrArgument, type: IrDeclaration["params"][number]["type"]): string | undefined {
  const v = arg.value;
  switch (v.kind) {
    case "scalar":
      return typeMismatch(type, v.value, arg.name) === undefined ? undefined : JSON.stringify(v.value);
    case "template":
      return assignable({ kind: "string" }, type) ? undefined : "an interpolated string";
    case "paramRef":
      // A reference that names nothing is unknown-parameter's.
      return v.type === undefined || assignable(v.type, type) ? undefined : describeType(v.type);
  }
}
