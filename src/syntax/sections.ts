/**
 * Parsing part of a text, for the incremental checker (src/pipeline/reparse.ts): a section that
 * starts at the beginning of a line is parsed on its own, and its tree moved to where the section
 * stands in the whole text. Additive: the parser itself is unchanged.
 */
import type { Document, Position } from "./ast.js";
import { parseWithOpenBraces } from "./parser.js";
import { SourcePosition } from "./positions.js";
import { DocumentNode } from "./nodes.js";
import type { Diagnostic } from "../diagnostic.js";

/** Where a section of a text starts: the offset and line of the first character of one of its lines. */
export interface LineStart {
  readonly offset: number;
  readonly line: number;
}

/** What parsing a section gives, with every position already where it stands in the whole text. */
export interface ParsedSection {
  readonly document: Document;
  readonly diagnostics: readonly Diagnostic[];
  readonly openBraces: boolean;
}

/**
 * Parses `section`, the part of a text that starts at `at` (the start of a line, so columns are the
 * same as in the whole text). The positions of the tree, its comments and its problems are those
 * of the whole text.
 */
export function parseSection(section: string, at: LineStart): ParsedSection {
  const parsed = parseWithOpenBraces(section);
  if (at.offset === 0 && at.line === 1) return parsed;
  const move = positionMover(at.offset, at.line - 1);
  const d = parsed.document;
  const document = new DocumentNode(move(d.statements), move(d.comments), move(d.range), move(d.imports));
  return { document, diagnostics: move(parsed.diagnostics), openBraces: parsed.openBraces };
}

/**
 * A copy of a syntax tree (or any part of one: nodes, arrays, problems) with every position moved
 * by `offsets` characters and `lines` lines, for a part of a text whose lines moved as a whole (its
 * columns stay). The tree given is not changed: whoever holds it keeps it as it was. Copies keep
 * the tree's sharing (a position two nodes hold is one position in the copy too).
 */
export function positionMover(offsets: number, lines: number): <T>(node: T) => T {
  const copies = new Map<object, unknown>();
  const copy = (value: unknown): unknown => {
    if (typeof value !== "object" || value === null) return value;
    const known = copies.get(value);
    if (known !== undefined) return known;
    let result: unknown;
    if (Array.isArray(value)) {
      const items = new Array<unknown>(value.length);
      copies.set(value, items);
      for (let i = 0; i < value.length; i++) items[i] = copy(value[i]);
      result = items;
    } else if (isPosition(value)) {
      result = new SourcePosition(value.offset + offsets, value.line + lines, value.column);
      copies.set(value, result);
    } else {
      const object: Record<string, unknown> = Object.create(Object.getPrototypeOf(value) as object | null) as Record<string, unknown>;
      copies.set(value, object);
      for (const key of Object.keys(value)) object[key] = copy((value as Record<string, unknown>)[key]);
      result = object;
    }
    return result;
  };
  return <T>(node: T): T => copy(node) as T;
}

function isPosition(value: object): value is Position {
  const p = value as Partial<Position>;
  return typeof p.offset === "number" && typeof p.line === "number" && typeof p.column === "number" && Object.keys(value).length === 3;
}
