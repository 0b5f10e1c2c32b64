import type { Argument, Statement } from "../../syntax/ast.js";
import { getDeclaration } from "../../model/statements.js";
import { FRAGMENT_KEYWORD } from "../../model/templates.js";
import { defineRule } from "../rule.js";
import { translationKeysIn } from "../rule-helpers/translation-refs.js";

/** A translation key no `@key` refers to (spec §9). */
export default defineRule({
  meta: {
    id: "unused-translation",
    description: "Report translation keys that no `@key` reference uses.",
    why:
      "Only `@key` references put table texts into the output (spec §3, §9); an unused key is dead text, often left behind by a renamed reference. " +
      "A file with no declarations is a library for `import { translations }`: its keys are not reported, and neither are keys used by its fragments.",
    severity: "warning",
    appliesTo: ["b24layout"],
    scope: "file",
    spec: "§3, §9",
    messages: {
      unused: "Translation '{key}' is never used; reference it as '@{key}' or remove it.",
    },
    examples: {
      incorrect: [
        {
          code: 'translations {\n  en { incoming "Incoming call"; outgoing "Outgoing call" }\n}\nlayout l {\n  icon call\n  header @incoming\n  body {\n    logo call-incoming\n    text "x"\n  }\n}\n',
          note: "`outgoing` is never referenced.",
        },
      ],
      correct: [
        {
          code: 'translations {\n  en { incoming "Incoming call" }\n}\nlayout l {\n  icon call\n  header @incoming\n  body {\n    logo call-incoming\n    text "x"\n  }\n}\n',
        },
      ],
    },
  },
  create(context) {
    const used = new Set<string>();
    // Fragments are lowered only where they are used; their `@key`s count wherever they stand.
    for (const s of context.document.statements) if (s.name.name === FRAGMENT_KEYWORD) collectRefs(s, used);
    // A file of translations and fragments only is there to be imported.
    const library = context.program.declarations.length === 0 && !context.document.statements.some((s) => getDeclaration(s.name.name) !== undefined);
    return {
      declaration(declaration) {
        for (const key of translationKeysIn(declaration)) used.add(key);
      },
      done() {
        if (library) return;
        const reported = new Set<string>();
        // `all` is in source order, so the first occurrence is the key in its first language.
        for (const entry of context.program.translations.all) {
          if (used.has(entry.key) || reported.has(entry.key)) continue;
          reported.add(entry.key);
          context.report({ messageId: "unused", data: { key: entry.key }, range: entry.keyRange });
        }
      },
    };
  },
});

/** The `@key`s written anywhere in a statement (arguments, maps, lists, action, body). */
function collectRefs(s: Statement, into: Set<string>): void {
  const visit = (a: Argument) => {
    if (a.kind === "TranslationRef") into.add(a.key);
    else if (a.kind === "Map") for (const e of a.entries) visit(e.value);
    else if (a.kind === "List") for (const item of a.items) visit(item);
  };
  for (const a of s.args) visit(a);
  for (const a of s.action?.args ?? []) visit(a);
  for (const inner of s.body?.statements ?? []) collectRefs(inner, into);
}
