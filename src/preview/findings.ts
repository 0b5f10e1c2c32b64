/**
 * Which rendered element a finding belongs to. The renderer reads the compiled REST JSON, which
 * has no positions; the IR it was emitted from has a range for every entry, under the same keys.
 * Walking the two together gives each JSON path its source range, and a finding goes to the
 * deepest path whose range holds its start. What lies outside every path (a translation table,
 * a parameter list) stays with its declaration.
 */
import type { Diagnostic } from "../diagnostic.js";
import type { IrProgram, IrValue } from "../lower/index.js";
import type { Range } from "../syntax/index.js";

/** A JSON path written as its keys joined by "/", the form the renderer puts in `data-path`. */
export type JsonPath = string;

export function joinPath(parent: JsonPath, key: string | number): JsonPath {
  return parent === "" ? String(key) : `${parent}/${String(key)}`;
}

interface PathRange {
  readonly path: JsonPath;
  readonly range: Range;
  readonly depth: number;
}

function collectRanges(value: IrValue, path: JsonPath, depth: number, out: PathRange[]): void {
  switch (value.kind) {
    case "object":
    case "collection":
      for (const entry of value.entries) {
        const child = joinPath(path, entry.key);
        out.push({ path: child, range: entry.range, depth: depth + 1 });
        collectRanges(entry.value, child, depth + 1, out);
      }
      return;
    case "array":
      value.items.forEach((item, i) => {
        const child = joinPath(path, i);
        out.push({ path: child, range: item.range, depth: depth + 1 });
        collectRanges(item, child, depth + 1, out);
      });
      return;
    default:
      return;
  }
}

/** The findings of one declaration: by JSON path of its payload ("" for the declaration as a whole). */
export type FindingsByPath = ReadonlyMap<JsonPath, readonly Diagnostic[]>;

const within = (offset: number, range: Range): boolean => offset >= range.start.offset && offset <= range.end.offset;

/**
 * The findings of `diagnostics` that lie in each declaration, by the JSON path they concern.
 * Findings outside every declaration (the file's imports, its translation table) are returned
 * apart, for the page's banner.
 */
export function attributeFindings(program: IrProgram, diagnostics: readonly Diagnostic[]): { byDeclaration: Map<string, FindingsByPath>; outside: Diagnostic[] } {
  const byDeclaration = new Map<string, FindingsByPath>();
  const claimed = new Set<Diagnostic>();
  for (const declaration of program.declarations) {
    const ranges: PathRange[] = [];
    collectRanges(declaration.root, "", 0, ranges);
    const found = new Map<JsonPath, Diagnostic[]>();
    for (const diagnostic of diagnostics) {
      const offset = diagnostic.range.start.offset;
      if (!within(offset, declaration.range)) continue;
      claimed.add(diagnostic);
      let best: PathRange | undefined;
      for (const r of ranges) if (within(offset, r.range) && (best === undefined || r.depth > best.depth)) best = r;
      const path = best?.path ?? "";
      const list = found.get(path);
      if (list) list.push(diagnostic);
      else found.set(path, [diagnostic]);
    }
    byDeclaration.set(declaration.name, found);
  }
  return { byDeclaration, outside: diagnostics.filter((d) => !claimed.has(d)) };
}
