import type { IrEntry } from "../../lower/index.js";
import { defineRule } from "../rule.js";
import { possessive } from "../../util/index.js";

/** The server's key pattern for associative collections and action parameters (spec §2.4). */
const KEY_PATTERN = /^[a-zA-Z0-9_-]+$/;

/** A collection key (label) or action parameter key with characters outside `[A-Za-z0-9_-]` (KEY_CONTAIN_WRONG_SYMBOLS, spec §2.4). */
export default defineRule({
  meta: {
    id: "key-pattern",
    description: "Require labels of tags, blocks, buttons and menu items, and actionParams keys, to use only Latin letters, digits, '-' and '_'.",
    why:
      "The server checks every string key of an associative collection (header tags, body and lineOfBlocks blocks, footer buttons, menu items) and of actionParams " +
      "against `^[a-zA-Z0-9-_]+$` and rejects the layout with KEY_CONTAIN_WRONG_SYMBOLS (spec §2.4, §4.12). Generated keys (block_1) always match.",
    severity: "error",
    scope: "declaration",
    hasSuggestions: true,
    spec: "§2.4, §4.12",
    messages: {
      wrongSymbols:
        "Key '{key}' in {what} contains characters the server does not allow: use only Latin letters, digits, '-' and '_'. The server answers \"The value of {key} includes invalid characters.\"",
      empty: "An empty key is not allowed in {what}: use only Latin letters, digits, '-' and '_'. The server answers KEY_CONTAIN_WRONG_SYMBOLS.",
    },
    examples: {
      incorrect: [
        { code: 'blocks b {\n  "client name": text "Ltd."\n}\n', note: "A space in a block key." },
        { code: 'blocks b {\n  link "Open" -> openRestApp { "client.id": 456 }\n}\n' },
      ],
      correct: [{ code: 'blocks b {\n  client_name: text "Ltd."\n  link "Open" -> openRestApp { clientId: 456 }\n}\n' }],
    },
  },
  create(context) {
    /** Reports `e`, a key that does not fit (`fits`); `what` names its map. */
    const check = (e: IrEntry, what: string) => {
      const written = e.keyRange.end.offset - e.keyRange.start.offset;
      const fixed = e.key.replace(/[^a-zA-Z0-9_-]+/g, "_");
      // A quoted label stays quoted; a key made only of symbols (`статус`) gets no suggestion.
      const newText = written === e.key.length ? fixed : JSON.stringify(fixed);
      const suggestion = /[a-zA-Z0-9]/.test(fixed) ? [{ description: `Rename to '${fixed}'`, edits: [{ range: e.keyRange, newText }] }] : [];
      context.report({
        messageId: e.key === "" ? "empty" : "wrongSymbols",
        data: { key: e.key, what },
        range: e.keyRange,
        ...(suggestion.length ? { suggestions: suggestion } : {}),
      });
    };
    return {
      collection({ collection, field, ownerDto }) {
        for (const e of collection.entries) if (!fits(e)) check(e, `the ${possessive(ownerDto.title)} '${field.name}'`);
      },
      fieldTypes: ["scalarMap"],
      field({ field, value }) {
        if (field.type.kind !== "scalarMap" || value.kind !== "object") return;
        for (const e of value.entries) if (!fits(e)) check(e, `'${field.name}'`);
      },
    };
  },
});

/** Whether the key of `e` needs no report: generated, or made of the allowed symbols. */
function fits(e: IrEntry): boolean {
  return e.generated === true || KEY_PATTERN.test(e.key);
}
