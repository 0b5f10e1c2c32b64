/**
 * Positions between the syntax tree (1-based lines and columns, UTF-16 offsets) and the Language
 * Server Protocol (0-based lines, UTF-16 characters). The one place that converts them.
 */
import type { Range as LspRange, Position as LspPosition } from "vscode-languageserver";
import type { Position, Range } from "../syntax/index.js";

export function toLspPosition(position: Position): LspPosition {
  return { line: position.line - 1, character: position.column - 1 };
}

export function toLspRange(range: Range): LspRange {
  return { start: toLspPosition(range.start), end: toLspPosition(range.end) };
}
