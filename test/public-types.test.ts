/**
 * The library's declarations (dist/types, written by `npm run build`) as an app gets them: an app
 * that imports `b24layout` from its node_modules type-checks, names every type the API hands it
 * (the checked program, one Diagnostic shape for findings and import problems), and is refused
 * where it misuses them. scripts/pack-test.mjs does the same on the packed tarball, in CI.
 */
import { existsSync, mkdtempSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { typeCheck } from "./support/typescript.js";

const ROOT = resolve(import.meta.dirname, "..");
let nodeModules: string;

beforeAll(() => {
  if (!existsSync(join(ROOT, "dist/types/index.d.ts"))) throw new Error("dist/types/index.d.ts is missing: run `npm run build` first (npm test does).");
  nodeModules = mkdtempSync(join(tmpdir(), "b24layout-consumer-"));
  // The package itself, as `npm install` of a folder links it: resolved through its package.json's "exports".
  symlinkSync(ROOT, join(nodeModules, "b24layout"), "dir");
});

afterAll(() => rmSync(nodeModules, { recursive: true, force: true }));

const APP = `import { check, importJson, type CheckResult, type Diagnostic, type ImportDiagnostic, type IrDeclaration, type IrProgram, type IrValue, type RelatedLocation } from "b24layout";

const result: CheckResult = check('blocks extra {\\n  text "Hello"\\n}\\n');
const program: IrProgram = result.program;
export const names: string[] = program.declarations.map((d: IrDeclaration) => d.name);
export const kinds: string[] = program.declarations.map((d) => {
  const value: IrValue = d.root;
  return value.kind;
});

// Findings, and an import's problems, are one shape.
const imported: readonly ImportDiagnostic[] = importJson("{}").diagnostics;
export const all: Diagnostic[] = [...result.diagnostics, ...imported];
export const places: RelatedLocation[] = all.flatMap((d) => d.related ?? []);
export const lines: number[] = all.map((d) => d.range.start.line);
`;

describe("the package's declarations, in an app", () => {
  it("type-check an app that names the checked program and treats import problems as Diagnostics", () => {
    expect(typeCheck({ "app.ts": APP }, { nodeModules })).toEqual([]);
  });

  it("refuse what the types do not allow (the check has teeth)", () => {
    const wrong = `import { importJson, type IrProgram } from "b24layout";\nexport const code: string = importJson("{}").diagnostics[0]!.code;\nexport const count: number = ({} as IrProgram).declarations;\n`;
    const errors = typeCheck({ "app.ts": wrong }, { nodeModules });
    expect(errors).toEqual([
      expect.stringMatching(/^app\.ts:2:\d+ Property 'code' does not exist on type 'ImportDiagnostic'/) as unknown,
      expect.stringMatching(/^app\.ts:3:14 Type 'IrDeclaration\[\]' is not assignable to type 'number'/) as unknown,
    ]);
  });
});
