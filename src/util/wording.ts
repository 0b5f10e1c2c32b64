/** English for messages. */

/** "header's", "additional content blocks'". */
export function possessive(title: string): string {
  return /[^s]s$/.test(title) ? `${title}'` : `${title}'s`;
}

/** "a", "a and b", "a, b and c". */
export function listed(items: readonly string[]): string {
  return items.length <= 1 ? items.join("") : `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]!}`;
}

const CHAR_S = 0x73;
const VOWELS = "aeiouAEIOU";

/** "a text block", "an action", "the additional content blocks". */
export function withArticle(title: string): string {
  // A plural ends in one `s` ("blocks", not "class"); an initial vowel letter takes "an".
  const n = title.length;
  if (n >= 2 && title.charCodeAt(n - 1) === CHAR_S && title.charCodeAt(n - 2) !== CHAR_S) return `the ${title}`;
  return n > 0 && VOWELS.includes(title.charAt(0)) ? `an ${title}` : `a ${title}`;
}

const WHOLE_NUMBER = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 });

/**
 * A count as a reader writes it: "20", "12,000", "100,000,000,000,000,000,000,000" (not
 * `String(1e23)`'s "1e+23"). A product of list bounds can pass every double: "more than can be counted".
 */
export function countWords(n: number): string {
  return Number.isFinite(n) ? WHOLE_NUMBER.format(n) : "more than can be counted";
}
