/**
 * Type-checks TypeScript with the real compiler, `--strict` and then some, as an app that uses the
 * generated modules would. The files are written to a temporary directory first, so module
 * resolution works exactly as on disk. Returns the diagnostics as `file:line:col message` lines,
 * with paths relative to that directory.
 */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";
import ts from "typescript";

/** What the generated code must pass: `--strict` and then some, as an app that uses it would compile it. */
export const STRICT_OPTIONS: ts.CompilerOptions = {
  strict: true,
  noEmit: true,
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  noUnusedLocals: true,
  noUnusedParameters: true,
  exactOptionalPropertyTypes: true,
  noUncheckedIndexedAccess: true,
  skipLibCheck: true,
  types: [],
};

/**
 * `files` maps a relative path (`a.ts`) to its text. With `nodeModules`, the project sees that
 * folder as its node_modules (for real packages such as an SDK), and `types` lists the @types it loads.
 */
export function typeCheck(files: Readonly<Record<string, string>>, project: { readonly nodeModules?: string; readonly types?: string[] } = {}): string[] {
  const dir = mkdtempSync(join(tmpdir(), "b24layout-tsc-"));
  try {
    writeFileSync(join(dir, "package.json"), '{ "type": "module" }\n');
    if (project.nodeModules !== undefined) symlinkSync(project.nodeModules, join(dir, "node_modules"), "dir");
    const roots = Object.entries(files).map(([name, text]) => {
      const path = join(dir, name);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, text);
      return path;
    });
    const program = ts.createProgram(roots, project.types ? { ...STRICT_OPTIONS, types: project.types } : STRICT_OPTIONS);
    return ts.getPreEmitDiagnostics(program).map((d) => {
      const message = ts.flattenDiagnosticMessageText(d.messageText, "\n");
      if (!d.file || d.start === undefined) return message;
      const { line, character } = d.file.getLineAndCharacterOfPosition(d.start);
      return `${relative(dir, d.file.fileName)}:${line + 1}:${character + 1} ${message}`;
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
