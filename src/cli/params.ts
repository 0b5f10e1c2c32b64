/**
 * `--params FILE` of `check` and `build`: the values of template parameters by declaration name,
 * read the same way for both, so that `check --params FILE` reports what `build --params FILE` does:
 * the values that do not fit (template-arguments, at the declaration), and the keys that name no
 * declaration of the files checked (template-arguments, at the key in FILE).
 */
import { resolve } from "node:path";
import { parseTree } from "jsonc-parser";
import type { Diagnostic } from "../diagnostic.js";
import { toDiagnostic } from "../check/index.js";
import { templateArguments } from "../check/index.js";
import type { ProgramArguments } from "../emit/index.js";
import { closest } from "../util/index.js";
import type { Position } from "../syntax/index.js";
import { describeFsError } from "./files.js";
import { CliError, type CliIo } from "./io.js";
import { displayPath } from "./output.js";
import { readTextFile } from "../workspace/index.js";
import { LineIndex } from "../util/index.js";

/** A params file: where it is, its text (for positions in it) and its values. */
export interface ParamsFile {
  readonly path: string;
  readonly text: string;
  readonly values: ProgramArguments;
}

/** The object of parameter values by declaration name in `file` (relative to the working directory). A file that is not one is a usage error. */
export function readParams(file: string, io: CliIo): ParamsFile {
  const path = resolve(io.cwd, file);
  const shown = displayPath(path, io.cwd);
  let text: string;
  try {
    const read = readTextFile(path);
    if (read.problem) throw new CliError(`${shown}:${read.problem.line}:${read.problem.column}: ${read.problem.message}`);
    text = read.text;
  } catch (error) {
    if (error instanceof CliError) throw error;
    throw new CliError(`cannot read '${shown}': ${describeFsError(error)}`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new CliError(`${shown}${jsonErrorPosition(text, error)}: not valid JSON: ${error instanceof Error ? error.message.replace(/ in JSON at position \d+.*$/, "") : String(error)}`);
  }
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    throw new CliError(`${shown}: expected an object of parameter values by declaration name, e.g. { "incomingCall": { "dealId": 42 } }`);
  }
  return { path, text, values: value as ProgramArguments };
}

/** A key of the params file's object, and where it is written (its quotes included). */
export interface ParamsKey {
  readonly name: string;
  readonly start: Position;
  readonly end: Position;
}

/** The keys of the params file's object, in order, with their places. */
export function paramsKeys(params: ParamsFile): ParamsKey[] {
  const root = parseTree(params.text);
  if (root?.type !== "object") return [];
  const lines = new LineIndex(params.text);
  return (root.children ?? []).flatMap((property) => {
    const key = property.children?.[0];
    return key && typeof key.value === "string" ? [{ name: key.value, start: lines.position(key.offset), end: lines.position(key.offset + key.length) }] : [];
  });
}

/**
 * The keys of the params file that name no declaration of the files checked (`declared`), as
 * template-arguments errors at the keys, with a did-you-mean: values a build would leave unused.
 */
export function unknownParamsKeys(params: ParamsFile, declared: Iterable<string>): Diagnostic[] {
  const names = new Set(declared);
  return paramsKeys(params)
    .filter((key) => !names.has(key.name))
    .map((key) => {
      const range = { start: key.start, end: key.end };
      const suggestion = closest(key.name, names);
      if (suggestion === undefined) return toDiagnostic(templateArguments.meta, { messageId: "unknownDeclaration", data: { name: key.name }, range });
      const replacement = { description: `Replace with '${suggestion}'`, edits: [{ range, newText: JSON.stringify(suggestion) }] };
      return toDiagnostic(templateArguments.meta, { messageId: "unknownDeclarationSuggest", data: { name: key.name, suggestion }, range, suggestions: [replacement] });
    });
}

/** `:line:col` of a JSON.parse error, when its message gives a position. */
function jsonErrorPosition(text: string, error: unknown): string {
  const m = error instanceof Error ? /at position (\d+)/.exec(error.message) : null;
  if (!m) return "";
  const before = text.slice(0, Number(m[1]));
  const lines = before.split(/\r\n|\r|\n/);
  return `:${lines.length}:${lines[lines.length - 1]!.length + 1}`;
}
