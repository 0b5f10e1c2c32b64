/**
 * Lines and columns of a text, as the parser counts them: lines broken at CR LF, CR and LF;
 * 1-based lines and columns in UTF-16 units. Built once per text in one pass, then each lookup is
 * a binary search, so positioning many problems in a large file stays linear.
 */
export class LineIndex {
  /** The offset where each line starts. */
  private readonly starts: number[] = [0];

  constructor(private readonly text: string) {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) this.starts.push(i + 1);
    }
  }

  /** How many lines the text has (an empty text has one). */
  get count(): number {
    return this.starts.length;
  }

  /** The 1-based line and column of `offset`. */
  position(offset: number): { readonly offset: number; readonly line: number; readonly column: number } {
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.starts[mid]! <= offset) low = mid;
      else high = mid - 1;
    }
    return { offset, line: low + 1, column: offset - this.starts[low]! + 1 };
  }

  /** The offset where line `n` (1-based) starts. */
  lineStart(n: number): number {
    return this.starts[n - 1]!;
  }

  /** Line `n` (1-based), without its line break. */
  line(n: number): string {
    const from = this.starts[n - 1]!;
    let stop = n < this.starts.length ? this.starts[n]! : this.text.length;
    while (stop > from && (this.text.charCodeAt(stop - 1) === 10 || this.text.charCodeAt(stop - 1) === 13)) stop--;
    return this.text.slice(from, stop);
  }
}
