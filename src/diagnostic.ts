/** A point in the source. `line` and `column` are 1-based; `offset` is a 0-based UTF-16 index. */
export interface Position {
  readonly offset: number;
  readonly line: number;
  readonly column: number;
}

/** A half-open source range: `end` points just past the last character. */
export interface Range {
  readonly start: Position;
  readonly end: Position;
}

export type Severity = "error" | "warning";

/** A replacement of the text in `range` by `newText`. */
export interface TextEdit {
  readonly range: Range;
  readonly newText: string;
}

/** A change a rule proposes. A `fix` is safe to apply automatically; `suggestions` are not. */
export interface Fix {
  readonly description: string;
  readonly edits: readonly TextEdit[];
}

/**
 * Another place a finding speaks of ("first defined here"): the editor links to it, and the
 * terminal and machine-readable formats name it. Positions live here, never in message text, so a
 * finding that moves with its declaration stays true (src/pipeline/incremental.ts).
 */
export interface RelatedLocation {
  /** What the place is, as a short phrase that reads before "at file:line:col": `first defined`. */
  readonly message: string;
  readonly range: Range;
  /** The file the place is in, when it is not the finding's own. */
  readonly file?: string;
}

/**
 * One finding. The same object feeds the terminal output, the machine-readable formats and the
 * editor: nothing downstream recomputes positions or wording.
 */
export interface Diagnostic {
  readonly ruleId: string;
  readonly severity: Severity;
  readonly message: string;
  /**
   * Which of its rule's messages `message` is, and the values its placeholders were filled with
   * (ESLint reports name the message id). Absent for a syntax error and the like, which have no rule.
   */
  readonly messageId?: string;
  readonly data?: Readonly<Record<string, string | number>>;
  readonly range: Range;
  readonly fix?: Fix;
  readonly suggestions?: readonly Fix[];
  /** Other places the finding speaks of. */
  readonly related?: readonly RelatedLocation[];
  /**
   * Where the finding is in a JSON payload (the JSON front end, src/pipeline/json.ts): the keys and
   * indexes from the document's root to the offending key or value. Absent for `.b24layout` text.
   */
  readonly path?: readonly (string | number)[];
}

/**
 * Source order, then rule id, then message. Strings compare by UTF-16 code unit, not
 * `localeCompare`: the first `localeCompare` of a process loads the ICU collator (~10 ms of a
 * start), and rule ids are lowercase ASCII words and hyphens, which both orders sort alike.
 */
export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return a.range.start.offset - b.range.start.offset || a.range.end.offset - b.range.end.offset || compareCodeUnits(a.ruleId, b.ruleId) || compareCodeUnits(a.message, b.message);
}

function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
