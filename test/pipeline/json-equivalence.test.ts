/**
 * The JSON front end agrees with the language: every JSON file of the shared corpus (verbatim
 * copies in test/golden/corpus and test/import/corpus), checked as JSON, gives the same findings —
 * rule ids at the same JSON paths — as importing it (`b24layout import --keep-quirks`) and checking
 * the `.b24layout` text, apart from the rules that only the language has (RuleMeta.appliesTo) and
 * what the import itself reports changing (its warnings name the paths). A file the importer
 * refuses is a payload-kind finding as JSON.
 */
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { check, checkJson, getRule } from "../../src/index.js";
import { importJson } from "../../src/import/index.js";
import { appliesTo } from "../../src/check/rule.js";
import type { Diagnostic, Range } from "../../src/diagnostic.js";
import type { IrProgram, IrValue } from "../../src/lower/ir.js";

const HERE = dirname(fileURLToPath(import.meta.url));
const DIRS = [join(HERE, "..", "golden", "corpus"), join(HERE, "..", "import", "corpus")];
const FILES = DIRS.flatMap((dir) => readdirSync(dir).filter((f) => f.endsWith(".json")).map((f) => ({ file: f, path: join(dir, f) })));

type Path = readonly (string | number)[];

const contains = (outer: Range, inner: Range) => outer.start.offset <= inner.start.offset && inner.end.offset <= outer.end.offset;

/**
 * The compiled-JSON path of the innermost IR key or value holding `range`, and the index of its
 * declaration. Searched through the whole tree: an object the lowering makes for flattened
 * statements (an activity's `fields`) has no range of its own that holds its entries.
 */
function irPathAt(program: IrProgram, range: Range): { declaration: number; path: Path } | undefined {
  const declaration = program.declarations.findIndex((d) => contains(d.range, range));
  if (declaration < 0) return undefined;
  let best: Path = [];
  const visit = (value: IrValue, path: Path) => {
    if (value.kind === "object" || value.kind === "collection") {
      for (const e of value.entries) {
        const here = [...path, e.key];
        if ((contains(e.keyRange, range) || contains(e.value.range, range)) && here.length > best.length) best = here;
        visit(e.value, here);
      }
    } else if (value.kind === "array") {
      value.items.forEach((item, i) => {
        const here = [...path, i];
        if (contains(item.range, range) && here.length > best.length) best = here;
        visit(item, here);
      });
    }
  };
  visit(program.declarations[declaration]!.root, []);
  return { declaration, path: best };
}

/** Findings compared over the corpus (59 on the files the importer takes, when written). */
let compared = 0;
const COMPARED_AT_LEAST = 50;

const key = (ruleId: string, path: Path) => `${ruleId} ${JSON.stringify(path)}`;
const startsWith = (path: Path, prefix: Path) => prefix.every((s, i) => path[i] === s);

describe("checking a corpus file as JSON gives the findings of checking its import", () => {
  it("covers the whole shared corpus", () => {
    expect(FILES.length).toBe(52);
  });

  it.each(FILES)("$file", ({ file, path }) => {
    const text = readFileSync(path, "utf8");
    const asJson = checkJson(text, { fileName: file });
    const imported = importJson(text, { fileName: file, keepQuirks: true });
    if (imported.text === undefined) {
      // Refused by the importer: not a payload, said once at the top.
      expect(asJson.diagnostics.map((d) => d.ruleId)).toEqual(["payload-kind"]);
      return;
    }
    expect(asJson.kind).toBe(imported.kind);
    // The paths the import changed (a value normalised, an owner left out, an entity assumed): the language's text differs from the JSON there.
    // An entity assumed for a card changes only the card as a whole (its root), not the values below it.
    const changed = imported.diagnostics.flatMap((d) => (d.path === undefined ? [] : [{ path: d.path, below: d.code !== "assumed" }]));
    const untouched = (p: Path) => !changed.some((c) => (c.below ? startsWith(p, c.path) && c.path.length > 0 : JSON.stringify(p) === JSON.stringify(c.path)));
    const inBoth = (d: Diagnostic) => appliesTo(getRule(d.ruleId)!.meta, "b24layout") && appliesTo(getRule(d.ruleId)!.meta, "json");

    const jsonFindings = asJson.diagnostics.filter(inBoth).filter((d) => untouched(d.path!)).map((d) => key(d.ruleId, d.path!));
    const checked = check(imported.text);
    const languageFindings = checked.diagnostics.filter(inBoth).flatMap((d) => {
      const at = irPathAt(checked.program, d.range);
      if (!at) return [key(d.ruleId, ["<outside any declaration>"])];
      const declaration = imported.declarations[at.declaration]!;
      // The compiled declaration's path → the input's: its payload sits at outputPath in it and at inputPath in the input.
      const inInput = startsWith(at.path, declaration.outputPath)
        ? [...declaration.inputPath, ...at.path.slice(declaration.outputPath.length)]
        : [...declaration.inputPath.slice(0, declaration.inputPath.length - declaration.outputPath.length), ...at.path];
      return untouched(inInput) ? [key(d.ruleId, inInput)] : [];
    });
    expect(jsonFindings.sort()).toEqual(languageFindings.sort());
    compared += jsonFindings.length;
  });

  it("compares findings, not empty lists (run after the files)", () => {
    expect(compared).toBeGreaterThanOrEqual(COMPARED_AT_LEAST);
  });
});
