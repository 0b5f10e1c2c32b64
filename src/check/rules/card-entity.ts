import { getEntry } from "../../lower/index.js";
import { ENTITY_TYPES, SMART_PROCESS_TYPE_IDS } from "../../model/index.js";
import { defineRule } from "../rule.js";
import { isCard } from "../rule-helpers/card-sections.js";
import { ENTITY_WORD_MESSAGES, resolveEntityType, unknownEntityReport } from "../rule-helpers/entity-word.js";

const LEGACY = "legacy";

/** A card for an entity type whose card cannot be configured, or `legacy` where no legacy method exists (spec §11.5, §12). */
export default defineRule({
  meta: {
    id: "card-entity",
    description: "Require a card's entity type to support card configuration, and `legacy` only where the legacy method exists.",
    why: "crm.item.details.configuration.set supports leads, deals, contacts, companies and factory-based types (quotes, smart invoices, smart processes); for others the server answers \"The entity type 'INVOICE' is not supported in current context.\" (spec §11.5, §12). The legacy crm.<entity>.details.configuration.set methods exist only for leads, deals, contacts and companies (spec §1, §11).",
    severity: "error",
    scope: "declaration",
    hasSuggestions: true,
    spec: "§1, §11.5, §12",
    messages: {
      unsupported: "Cards of '{word}' cannot be configured: the server answers \"The entity type '{serverName}' is not supported in current context.\"",
      unknownId: "entityTypeId {id} is neither a known CRM entity type ({known}) nor a smart-process id ({spa}).",
      noLegacy: "'legacy' does not work for {what}: there is no crm.{word}.details.configuration.set. Remove 'legacy' to use crm.item.details.configuration.set.",
      noLegacySpa: "'legacy' does not work for smart processes: only {legacy} cards have crm.<entity>.details.configuration.set. Remove 'legacy' to use crm.item.details.configuration.set.",
      ...ENTITY_WORD_MESSAGES,
    },
    examples: {
      incorrect: [
        { code: 'card c for invoice {\n  main: section "Main" {\n    TITLE\n  }\n}\n', note: "The old invoice has no configurable card." },
        { code: 'card c for quote legacy {\n  main: section "Main" {\n    TITLE\n  }\n}\n', note: "There is no crm.quote.details.configuration.set." },
      ],
      correct: [
        { code: 'card c for quote {\n  main: section "Main" {\n    TITLE\n  }\n}\n' },
        { code: 'card c for deal legacy {\n  main: section "Main" {\n    TITLE\n  }\n}\n' },
      ],
    },
  },
  create(context) {
    return {
      declaration(declaration) {
        if (!isCard(declaration)) return;
        const entity = resolveEntityType(getEntry(declaration.root, "entityTypeId")?.value);
        if (entity?.kind === "unknownWord") {
          context.report(unknownEntityReport(entity.scalar));
        } else if (entity?.kind === "unknownId") {
          const known = ENTITY_TYPES.filter((e) => e.cardConfig).sort((a, b) => a.id - b.id);
          context.report({
            messageId: "unknownId",
            data: { id: entity.id, known: known.map((e) => `${e.id} ${e.word}`).join(", "), spa: SMART_PROCESS_TYPE_IDS },
            range: entity.range,
          });
        } else if (entity?.kind === "entity" && !entity.entity.cardConfig) {
          context.report({ messageId: "unsupported", data: { word: entity.entity.word, serverName: entity.entity.name }, range: entity.range });
          return;
        }

        if (!declaration.directives.has(LEGACY)) return;
        const legacyWord = declaration.statement.args.find((a) => a.kind === "Identifier" && a.name === LEGACY);
        const range = legacyWord?.range ?? declaration.nameRange;
        if (entity?.kind === "entity" && !entity.entity.legacyCardMethods) {
          context.report({ messageId: "noLegacy", data: { what: `${entity.entity.word} cards`, word: entity.entity.word }, range });
        } else if (entity?.kind === "smartProcess") {
          const legacy = ENTITY_TYPES.filter((e) => e.legacyCardMethods).map((e) => e.word);
          context.report({ messageId: "noLegacySpa", data: { legacy: joinWords(legacy) }, range });
        }
      },
    };
  },
});

/** "a, b and c". */
function joinWords(words: readonly string[]): string {
  return words.length <= 1 ? words.join("") : `${words.slice(0, -1).join(", ")} and ${words.at(-1)!}`;
}
