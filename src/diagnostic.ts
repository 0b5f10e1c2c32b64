import type { Range } from "./syntax/ast.js";

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
 * One finding. The same object feeds the terminal output, the machine-readable formats and the
 * editor: nothing downstream recomputes positions or wording.
 */
export interface Diagnostic {
  readonly ruleId: string;
  readonly severity: Severity;
  readonly message: string;
  readonly range: Range;
  readonly fix?: Fix;
  readonly suggestions?: readonly Fix[];
}

export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return (
    a.range.start.offset - b.range.start.offset ||
    a.range.end.offset - b.range.end.offset ||
    a.ruleId.localeCompare(b.ruleId) ||
    a.message.localeCompare(b.message)
  );
}
