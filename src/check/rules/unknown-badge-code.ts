import { defineRule } from "../rule.js";

/**
 * An activity's `badgeCode` that no badge of the files checked together declares (spec §6, §8).
 * Reported by the project check (src/check/project.ts), which sees the badges of every file of a
 * run; this is its metadata. Option `externalBadges`: codes known to exist on the portal.
 */
export default defineRule({
  meta: {
    id: "unknown-badge-code",
    description: "Warn when an activity's `badgeCode` is not a badge declared in any of the files checked together (or listed in the `externalBadges` option).",
    why: "crm.activity.configurable.add / update answer WRONG_FIELD_VALUE for a `badgeCode` that is not a badge added with crm.activity.badge.add (spec §6, §8). Badges often live in a file of their own (`badges.b24layout`), so the rule knows the badges of every file `b24layout check` or `build` is given, and of the files the library's `checkProject` is given; the one-file `check()` sees one file and leaves `badgeCode` alone (give `checkProject` that file alone to check it as a project of one). The badge may already exist on the portal, so this is a warning; list such codes in the rule's `externalBadges` option or the config's `portal.badges`. `\"\"` removes the badge and is always accepted.",
    severity: "warning",
    appliesTo: ["b24layout"],
    phase: "project",
    hasSuggestions: true,
    spec: "§6, §8",
    options: {
      externalBadges: "Badge codes declared outside the files checked (another app, or the portal): [\"missedCall\"]. The config's `portal.badges` adds to them.",
    },
    messages: {
      unknown: "Badge '{code}' is declared in none of the files checked; it must exist on the portal (crm.activity.badge.add) or the server answers WRONG_FIELD_VALUE.",
      unknownSuggest:
        "Badge '{code}' is declared in none of the files checked; it must exist on the portal (crm.activity.badge.add) or the server answers WRONG_FIELD_VALUE. Did you mean '{suggestion}' ({where})?",
    },
    examples: {
      incorrect: [
        {
          path: "activities.b24layout",
          code: 'activity a {\n  id 42\n  badgeCode misedCall\n}\n',
          files: [{ path: "badges.b24layout", code: 'badge missedCall failure {\n  title "Call status"\n  value "Missed"\n}\n' }],
          note: "A typo of `missedCall`, the badge of badges.b24layout.",
        },
      ],
      correct: [
        {
          path: "activities.b24layout",
          code: 'activity a {\n  id 42\n  badgeCode missedCall\n}\n',
          files: [{ path: "badges.b24layout", code: 'badge missedCall failure {\n  title "Call status"\n  value "Missed"\n}\n' }],
          note: "The badge is declared in another file checked with this one.",
        },
        { code: 'activity a {\n  id 42\n  badgeCode ""\n}\n', note: "An empty code removes the badge." },
      ],
    },
  },
  create: () => ({}),
});
