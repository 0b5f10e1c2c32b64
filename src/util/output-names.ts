/**
 * The names of what `b24layout build` writes, in one place: the JSON file and `--stdout` key of a
 * declaration, the TypeScript module of a source file and the function of a declaration. The
 * emitters write by them, and the project check (src/check/project.ts) finds two things that would
 * be written under one of them before a build does.
 */
import { basename } from "node:path";

/** The file name of the types module the generated modules import (`b24layout-types.ts`). */
export const TYPES_MODULE = "b24layout-types";

/** The extension of source files; the module of `call.b24layout` is `call`. */
const SOURCE_EXTENSION = ".b24layout";

const RESERVED = new Set(
  (
    "break case catch class const continue debugger default delete do else enum export extends false finally for function if import in " +
    "instanceof new null return super switch this throw true try typeof var void while with yield let static implements interface package " +
    "private protected public await arguments eval undefined limit p " +
    // Globals the generated code calls: a parameter of the same name would hide them.
    "Object Array RangeError encodeURIComponent String JSON globalThis"
  ).split(" "),
);

/** A name usable as a JavaScript identifier: `missed-call` → `missedCall`, `default` → `default_`. */
export function identifierFor(name: string): string {
  const camel = name.replace(/-([A-Za-z0-9_])/g, (_, c: string) => c.toUpperCase());
  return RESERVED.has(camel) ? `${camel}_` : camel;
}

/** `incomingCall.layout.json`: the file a declaration is written to by the JSON target. */
export function outputFileName(name: string, outputKind: string): string {
  return `${name}.${outputKind}.json`;
}

/** Whether TypeScript reads a file of this name as declarations only (`x.d.ts`, `x.d.css.ts`), however much code it holds. */
export function isDeclarationFileName(fileName: string): boolean {
  return /\.d\.[cm]?ts$/.test(fileName) || /\.d\.[^.]+\.[cm]?ts$/.test(fileName);
}

/** `call` for `src/call.b24layout`: the module the TypeScript and JavaScript targets write for a source file. */
export function moduleName(path: string): string {
  const base = basename(path);
  return base.endsWith(SOURCE_EXTENSION) ? base.slice(0, -SOURCE_EXTENSION.length) : base;
}
