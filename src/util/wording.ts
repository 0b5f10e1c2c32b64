/** English for messages. */

/** "header's", "additional content blocks'". */
export function possessive(title: string): string {
  return /[^s]s$/.test(title) ? `${title}'` : `${title}'s`;
}
