import { getScalar } from "../../lower/ir.js";
import { getDeclaration } from "../../model/statements.js";
import { closest } from "../../util/suggest.js";
import { defineRule } from "../rule.js";
import { replaceScalar } from "./fix.js";

const BADGE = getDeclaration("badge");

/** An activity's `badgeCode` that no badge in the file declares (spec §6, §8). Option `externalBadges`: codes known to exist on the portal. */
export default defineRule({
  meta: {
    id: "unknown-badge-code",
    description: "Warn when an activity's `badgeCode` is not a badge declared in the file (or listed in the `externalBadges` option).",
    why: "crm.activity.configurable.add / update answer WRONG_FIELD_VALUE for a `badgeCode` that is not a badge added with crm.activity.badge.add (spec §6, §8). The badge may already exist on the portal, so this is a warning; list such codes in the rule's `externalBadges` option. `\"\"` removes the badge and is always accepted.",
    severity: "warning",
    scope: "declarations",
    hasSuggestions: true,
    spec: "§6, §8",
    options: {
      externalBadges: "Badge codes declared elsewhere (another file or app): [\"missedCall\"]. The config's `portal.badges` adds to them.",
    },
    messages: {
      unknown: "Badge '{code}' is not declared in this file; it must exist on the portal (crm.activity.badge.add) or the server answers WRONG_FIELD_VALUE.",
      unknownSuggest: "Badge '{code}' is not declared in this file; it must exist on the portal (crm.activity.badge.add) or the server answers WRONG_FIELD_VALUE. Did you mean '{suggestion}'?",
    },
    examples: {
      incorrect: [
        {
          code: 'badge missedCall failure {\n  title "Call status"\n  value "Missed"\n}\nactivity a {\n  id 42\n  badgeCode misedCall\n}\n',
          note: "A typo of `missedCall`.",
        },
      ],
      correct: [
        {
          code: 'badge missedCall failure {\n  title "Call status"\n  value "Missed"\n}\nactivity a {\n  id 42\n  badgeCode missedCall\n}\n',
        },
        { code: 'activity a {\n  id 42\n  badgeCode ""\n}\n', note: "An empty code removes the badge." },
      ],
    },
  },
  create(context) {
    const declared = new Set<string>();
    for (const d of context.program.declarations) {
      if (!BADGE || d.spec.keyword !== BADGE.keyword) continue;
      const code = getScalar(d.root, BADGE.nameField ?? "code")?.value;
      if (typeof code === "string") declared.add(code);
    }
    const external = context.options["externalBadges"];
    const known = new Set([...declared, ...(Array.isArray(external) ? external.filter((c): c is string => typeof c === "string") : [])]);
    return {
      field({ field, value }) {
        if (field.type.kind !== "string" || field.type.codes !== "badge") return;
        if (value.kind !== "scalar" || typeof value.value !== "string") return;
        const code = value.value;
        if (code === "" || known.has(code)) return;
        const suggestion = closest(code, declared);
        context.report({
          messageId: suggestion === undefined ? "unknown" : "unknownSuggest",
          data: { code, ...(suggestion === undefined ? {} : { suggestion }) },
          range: value.range,
          ...(suggestion === undefined ? {} : { suggestions: [replaceScalar(value, suggestion)] }),
        });
      },
    };
  },
});
