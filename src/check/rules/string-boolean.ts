import type { IrScalar } from "../../lower/index.js";
import { serverReadsAsTrue, BOOLEAN_STRINGS } from "../../model/index.js";
import { defineRule } from "../rule.js";

/**
 * A string that spells a boolean (`"false"`, `"Y"`, `"0"`) where a boolean is expected: the docs'
 * own examples do it (spec §14.1), and the server's cast turns `"0"` and `"1"` alike into false.
 */
export default defineRule({
  meta: {
    id: "string-boolean",
    description: "Write booleans as true or false, not as the strings \"true\", \"false\", \"Y\", \"N\", \"1\" or \"0\".",
    why:
      "The docs' examples pass `\"showPostponeItem\": \"false\"` (spec §14.1). The layout server casts a string to true only when its upper-case form is TRUE or Y, " +
      "and every other string to false (spec §2.6): `\"false\"` happens to work, but `\"1\"` also becomes false. Activity `completed` and `isIncomingChannel` accept " +
      "exactly \"Y\", \"y\", \"N\", \"n\", \"1\", \"0\", \"true\" and \"false\" (spec §6). A real boolean means the same everywhere: `--fix` writes it where the server reads the string as it reads (`\"false\"`), and the editor offers it where the server does not (`\"1\"`, which the server makes false).",
    severity: "warning",
    scope: "declaration",
    fixable: true,
    hasSuggestions: true,
    spec: "§2.6, §6, §14.1",
    messages: {
      castSame:
        "'{field}' expects a boolean, not the string {written}. The server casts strings (only \"true\" and \"Y\", in any case, become true; any other string is false), so this one means {value}; write {value}.",
      castDiffers:
        "'{field}' expects a boolean, not the string {written}. The server casts strings (only \"true\" and \"Y\", in any case, become true; any other string is false), so this one becomes {cast}, not {value}; write {value}.",
      accepted: "'{field}' expects a boolean, not the string {written}. The server accepts it here and reads it as {value}; write {value}.",
    },
    examples: {
      incorrect: [
        {
          code: 'layout l {\n  icon info\n  header "T"\n  body {\n    logo document\n    text "x"\n  }\n  footer {\n    menu {\n      showPostponeItem "false"\n    }\n  }\n}\n',
          note: "As in the docs' examples.",
        },
      ],
      correct: [
        { code: 'layout l {\n  icon info\n  header "T"\n  body {\n    logo document\n    text "x"\n  }\n  footer {\n    menu {\n      showPostponeItem false\n    }\n  }\n}\n' },
      ],
    },
  },
  create(context) {
    return {
      fieldTypes: ["bool"],
      field({ field, value }) {
        if (field.type.kind !== "bool" || value.kind !== "scalar" || typeof value.value !== "string") return;
        // A field with its own exact string set (activity `completed`) accepts those; value-type reports the rest.
        const strings = field.type.strings ?? BOOLEAN_STRINGS;
        if (!Object.hasOwn(strings, value.value)) return;
        const meant = strings[value.value]!;
        const text = String(meant);
        const cast = field.type.strings ? meant : serverReadsAsTrue(value.value);
        const messageId = field.type.strings ? "accepted" : cast === meant ? "castSame" : "castDiffers";
        const change = { description: `Replace with ${text}`, edits: [{ range: value.range, newText: text }] };
        context.report({
          messageId,
          data: { field: field.name, written: written(value), value: text, cast: String(cast) },
          range: value.range,
          // Where the server reads the string as it reads like, the boolean means the same to every
          // reader; where it does not (`"1"` is cast to false), writing the boolean changes what the
          // server does, so it is only offered.
          ...(cast === meant ? { fix: change } : { suggestions: [change] }),
        });
      },
    };
  },
});

function written(value: IrScalar): string {
  return value.source === "string" ? JSON.stringify(value.value) : `'${String(value.value)}'`;
}
