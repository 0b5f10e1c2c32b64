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

/**
 * "2,000,000": a whole number with its thousands grouped as in English. Not `toLocaleString` or
 * `Intl.NumberFormat`: their first call loads the ICU locale data, ~14 ms of every start when a
 * module constant uses it. Numbers past 1e21, which `String` writes as "1e+23", are written out
 * in digits.
 */
export function groupedDigits(n: number): string {
  return plainDigits(n).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

/** "100000000000000000000000" for 1e23: a whole number's shortest decimal digits, never in exponent form. */
function plainDigits(n: number): string {
  const written = String(Math.round(n));
  const exponent = /^(-?)(\d)(?:\.(\d+))?e\+(\d+)$/.exec(written);
  if (exponent === null) return written;
  const [, sign = "", first = "", rest = "", power = "0"] = exponent;
  return sign + first + rest + "0".repeat(Number(power) - rest.length);
}

/**
 * A count as a reader writes it: "20", "12,000", "100,000,000,000,000,000,000,000" (not
 * `String(1e23)`'s "1e+23"). A product of list bounds can pass every double: "more than can be counted".
 */
export function countWords(n: number): string {
  return Number.isFinite(n) ? groupedDigits(n) : "more than can be counted";
}
