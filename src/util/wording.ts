/** English for messages. */

/** "header's", "additional content blocks'". */
export function possessive(title: string): string {
  return /[^s]s$/.test(title) ? `${title}'` : `${title}'s`;
}

/** "a", "a and b", "a, b and c". */
export function listed(items: readonly string[]): string {
  return items.length <= 1 ? items.join("") : `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]!}`;
}
