/** "Did you mean …?" suggestions. */

/**
 * Optimal string alignment distance (Damerau-Levenshtein in which no substring is edited twice):
 * insertions, deletions, substitutions and transpositions of two adjacent characters (`titel` →
 * `title`) each count as one edit, a difference of case only as half.
 */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  const m = a.length;
  const n = b.length;
  // Three rows: the one before the previous is needed for transpositions.
  let before = new Array<number>(n + 1).fill(0);
  let prev = new Array<number>(n + 1);
  let cur = new Array<number>(n + 1);
  for (let j = 0; j <= n; j++) prev[j] = j;
  for (let i = 1; i <= m; i++) {
    cur[0] = i;
    const ca = a[i - 1]!;
    for (let j = 1; j <= n; j++) {
      const cb = b[j - 1]!;
      const cost = substitutionCost(ca, cb);
      let d = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      // `ab` written for `ba` (either possibly in another case): one edit.
      if (i > 1 && j > 1 && cost > 0 && sameLetter(a[i - 2]!, cb) && sameLetter(ca, b[j - 2]!)) d = Math.min(d, before[j - 2]! + 1);
      cur[j] = d;
    }
    [before, prev, cur] = [prev, cur, before];
  }
  return prev[n]!;
}

function sameLetter(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

function substitutionCost(a: string, b: string): number {
  return a === b ? 0 : a.toLowerCase() === b.toLowerCase() ? 0.5 : 1;
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
