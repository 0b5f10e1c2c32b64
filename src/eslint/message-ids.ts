/**
 * The message id and placeholder values of a finding, found again from its text: the checker gives
 * a finding its rule's message already filled in, and ESLint reports name a message id (its JSON
 * output and RuleTester read `messageId`). Each template of the rule becomes a pattern; a match
 * counts only when filling the template with what it captured gives the text back.
 */
import { formatMessage, messageSpec, type RuleMeta } from "../check/rule.js";

interface Template {
  readonly id: string;
  readonly text: string;
  readonly pattern: RegExp;
  readonly names: readonly string[];
  /** The characters that are not placeholders: the more, the more particular the match. */
  readonly literal: number;
}

const templatesByRule = new WeakMap<RuleMeta, readonly Template[]>();

function templatesOf(meta: RuleMeta): readonly Template[] {
  let templates = templatesByRule.get(meta);
  if (templates) return templates;
  templates = Object.keys(meta.messages)
    .map((id) => {
      const text = messageSpec(meta, id).text;
      const pieces = text.split(/\{(\w+)\}/);
      const literals = pieces.filter((_, i) => i % 2 === 0);
      const names = pieces.filter((_, i) => i % 2 === 1);
      const pattern = new RegExp(`^${literals.map(escapeRegExp).join("([\\s\\S]*?)")}$`);
      return { id, text, pattern, names, literal: literals.join("").length };
    })
    .sort((a, b) => b.literal - a.literal);
  templatesByRule.set(meta, templates);
  return templates;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** The message id of `message` among `meta`'s, with the values of its placeholders; undefined when none gives it. */
export function messageIdOf(meta: RuleMeta, message: string): { readonly messageId: string; readonly data: Record<string, string> } | undefined {
  for (const t of templatesOf(meta)) {
    const m = t.pattern.exec(message);
    if (!m) continue;
    const data: Record<string, string> = {};
    t.names.forEach((name, i) => {
      if (!(name in data)) data[name] = m[i + 1]!;
    });
    if (formatMessage(t.text, data) === message) return { messageId: t.id, data };
  }
  return undefined;
}

/** ESLint's placeholder for the other places a finding speaks of (it has no field for them). */
export const RELATED_PLACEHOLDER = "related";

/**
 * The rule's messages for ESLint: `{{name}}` for the checker's `{name}`, and at the end the places
 * the finding speaks of, when it speaks of any (` (first defined at 3:5)`).
 */
export function eslintMessages(meta: RuleMeta): Record<string, string> {
  return Object.fromEntries(Object.keys(meta.messages).map((id) => [id, `${messageSpec(meta, id).text.replace(/\{(\w+)\}/g, "{{$1}}")}{{${RELATED_PLACEHOLDER}}}`]));
}
