import { CODE_CATALOGUES } from "../../model/index.js";
import { closest } from "../../util/index.js";
import { defineRule } from "../rule.js";
import { replaceScalar } from "../rule-helpers/fix.js";

/** An icon or logo code outside the system catalogues (spec §10, §14.15). */
export default defineRule({
  meta: {
    id: "unknown-code",
    description: "Warn about icon and logo codes that are not system codes.",
    why: "The server accepts system codes and codes the portal registered with crm.timeline.icon.add / crm.timeline.logo.add (spec §10), so an unknown code is only a warning — but it is usually a typo, or an icon code used as a logo: the docs' own `call` logo example is an icon code (spec §14.15).",
    severity: "warning",
    scope: "declaration",
    hasSuggestions: true,
    spec: "§10, §14.15",
    options: {
      icons: "Icon codes the portal registered with crm.timeline.icon.add. Set by the config's `portal.icons`.",
      logos: "Logo codes the portal registered with crm.timeline.logo.add. Set by the config's `portal.logos`.",
    },
    messages: {
      unknown: "Unknown {kind} code '{code}': it is not a system {kind}, so the portal must have registered it with {method}.",
      unknownSuggest: "Unknown {kind} code '{code}': it is not a system {kind}, so the portal must have registered it with {method}. Did you mean '{suggestion}'?",
      otherCatalogue: "'{code}' is a system {other} code, not {aKind} code; as {aKind} it works only if the portal registered it with {method}.",
      otherCatalogueSuggest: "'{code}' is a system {other} code, not {aKind} code; as {aKind} it works only if the portal registered it with {method}. Did you mean '{suggestion}'?",
    },
    examples: {
      incorrect: [
        { code: 'layout l {\n  icon call-complted\n  header "T"\n  body {\n    logo document\n    text "x"\n  }\n}\n', note: "A typo of `call-completed`." },
        { code: 'layout l {\n  icon info\n  header "T"\n  body {\n    logo call\n    text "x"\n  }\n}\n', note: "`call` is an icon code, not a logo code." },
      ],
      correct: [{ code: 'layout l {\n  icon call-completed\n  header "T"\n  body {\n    logo call-incoming\n    text "x"\n  }\n}\n' }],
    },
  },
  create(context) {
    return {
      fieldTypes: ["string"],
      field({ field, value }) {
        if (field.type.kind !== "string" || value.kind !== "scalar" || typeof value.value !== "string") return;
        const catalogueName = field.type.codes;
        if (catalogueName !== "icon" && catalogueName !== "logo") return;
        const catalogue = CODE_CATALOGUES[catalogueName];
        const code = value.value;
        if (systemCodes(catalogue).has(code)) return;
        // Codes the portal registered (b24layout.config.json "portal").
        const registered = context.options[catalogueName === "icon" ? "icons" : "logos"];
        if (Array.isArray(registered) && registered.includes(code)) return;
        const other = Object.values(CODE_CATALOGUES).find((c) => c !== catalogue && c.systemCodes.includes(code));
        const suggestion = caseInsensitive(code, catalogue.systemCodes) ?? closest(code, catalogue.systemCodes);
        const base = other ? "otherCatalogue" : "unknown";
        context.report({
          messageId: suggestion === undefined ? base : `${base}Suggest`,
          data: {
            kind: catalogue.title,
            aKind: `${/^[aeiou]/.test(catalogue.title) ? "an" : "a"} ${catalogue.title}`,
            code,
            method: catalogue.addMethod,
            ...(other ? { other: other.title } : {}),
            ...(suggestion === undefined ? {} : { suggestion }),
          },
          range: value.range,
          ...(suggestion === undefined ? {} : { suggestions: [replaceScalar(value, suggestion)] }),
        });
      },
    };
  },
});

const codeSets = new Map<(typeof CODE_CATALOGUES)["icon"], ReadonlySet<string>>();

/** A catalogue's system codes as a set (a catalogue has hundreds; looked up for every icon and logo). */
function systemCodes(catalogue: (typeof CODE_CATALOGUES)["icon"]): ReadonlySet<string> {
  let codes = codeSets.get(catalogue);
  if (codes === undefined) codeSets.set(catalogue, (codes = new Set(catalogue.systemCodes)));
  return codes;
}

function caseInsensitive(word: string, candidates: readonly string[]): string | undefined {
  return candidates.find((c) => c !== word && c.toLowerCase() === word.toLowerCase());
}
