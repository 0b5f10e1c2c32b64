/** "Did you mean …?" suggestions. */

/** Damerau-free Levenshtein distance, case-insensitive differences counting as half. */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  const m = a.length;
  const n = b.length;
  let prev = new Array<number>(n + 1);
  let cur = new Array<number>(n + 1);
  for (let j = 0; j <= n; j++) prev[j] = j;
  for (let i = 1; i <= m; i++) {
    cur[0] = i;
    for (let j = 1; j <= n; j++) {
      const ca = a[i - 1]!;
      const cb = b[j - 1]!;
      const cost = ca === cb ? 0 : ca.toLowerCase() === cb.toLowerCase() ? 0.5 : 1;
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
    }
    [prev, cur] = [cur, prev];
  }
  return prev[n]!;
}

/**
 * The closest candidate to `word`, if it is close enough to be a plausible typo: within a third
 * of the word's length (at least 1, at most 3 edits), or the same word in another case.
 */
export function closest(word: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  const limit = Math.min(3, Math.max(1, Math.floor(word.length / 3)));
  const lower = word.toLowerCase();
  for (const c of candidates) {
    if (c === word) continue;
    if (c.toLowerCase() === lower) return c;
    const d = editDistance(word, c);
    const prefixHit = c.length > 3 && word.length > 3 && (c.startsWith(word) || word.startsWith(c)) && Math.abs(c.length - word.length) <= 2;
    if ((d <= limit || prefixHit) && d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  return best;
}

/** " Did you mean 'x'?" or "" — for appending to a message. */
export function didYouMean(suggestion: string | undefined): string {
  return suggestion === undefined ? "" : ` Did you mean '${suggestion}'?`;
}
