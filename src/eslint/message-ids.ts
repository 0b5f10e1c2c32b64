/**
 * The checker's rule messages as ESLint's: a finding names its message id and placeholder values
 * (Diagnostic.messageId and data), and ESLint reports name them too (its JSON output and
 * RuleTester read `messageId`).
 */
import { messageSpec, type RuleMeta } from "../check/index.js";

/** ESLint's placeholder for the other places a finding speaks of (it has no field for them). */
export const RELATED_PLACEHOLDER = "related";

/**
 * The rule's messages for ESLint: `{{name}}` for the checker's `{name}`, and at the end the places
 * the finding speaks of, when it speaks of any (` (first defined at 3:5)`).
 */
export function eslintMessages(meta: RuleMeta): Record<string, string> {
  return Object.fromEntries(Object.keys(meta.messages).map((id) => [id, `${messageSpec(meta, id).text.replace(/\{(\w+)\}/g, "{{$1}}")}{{${RELATED_PLACEHOLDER}}}`]));
}
