/**
 * What an import reports: errors that stop it (invalid JSON, a shape it does not know, a bad
 * option) and warnings about what it changed or assumed, each with the JSON path and position it
 * is about and, for a change, the JSON Patch operation that describes it.
 */
import type { Range } from "../syntax/ast.js";
import { formatPath, type JsonChange, type JsonPath } from "../json/index.js";

export type ImportDiagnosticCode =
  /** The text is not JSON. */
  | "invalid-json"
  /** The JSON nests deeper than b24layout imports (MAX_JSON_DEPTH). */
  | "too-deep"
  /** The JSON holds more values than b24layout imports (MAX_JSON_VALUES). */
  | "too-large"
  /** The JSON is not a shape the importer knows (or not one that holds anything to import). */
  | "unknown-shape"
  /** An option does not fit (an unknown --entity, a --name that is not a name). */
  | "invalid-option"
  /** A docs quirk normalised: a string where the model says boolean or integer, a list where a map of members goes. */
  | "normalised"
  /** A part of a response that the request it is read as does not take (the owner of an activity read as an update). */
  | "left-out"
  /** A fact the input does not give, assumed (a card's entity type). */
  | "assumed"
  /** Input parts that are not part of the declaration (the ids of crm.timeline.layout.blocks.set). */
  | "not-imported"
  /** A key written twice in one JSON object. */
  | "duplicate-key";

export interface ImportDiagnostic {
  readonly severity: "error" | "warning";
  readonly code: ImportDiagnosticCode;
  /** A sentence, without the file or the path. */
  readonly message: string;
  /** The JSON path it is about, from the top of the input. */
  readonly path?: JsonPath;
  readonly range?: Range;
  /** The change made to the input, for `normalised` and `left-out`. */
  readonly change?: JsonChange;
}

/** `file:line:col: path: message`, as the command line prints it (after `error:` or `warning:`). */
export function formatImportDiagnostic(d: ImportDiagnostic, file: string): string {
  const at = d.range ? `${file}:${d.range.start.line}:${d.range.start.column}` : file;
  const path = d.path && d.path.length > 0 ? `${formatPath(d.path)}: ` : "";
  return `${at}: ${path}${d.message}`;
}
