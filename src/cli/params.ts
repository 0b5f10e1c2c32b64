/**
 * `--params FILE` of `check` and `build`: the values of template parameters by declaration name,
 * read the same way for both, so that `check --params FILE` reports what `build --params FILE` does.
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import type { ProgramArguments } from "../emit/render.js";
import { describeFsError } from "./files.js";
import { CliError, type CliIo } from "./io.js";
import { displayPath } from "./output.js";

/** The object of parameter values by declaration name in `file` (relative to the working directory). A file that is not one is a usage error. */
export function readParams(file: string, io: CliIo): ProgramArguments {
  const path = resolve(io.cwd, file);
  const shown = displayPath(path, io.cwd);
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
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
  return value as ProgramArguments;
}

/** `:line:col` of a JSON.parse error, when its message gives a position. */
function jsonErrorPosition(text: string, error: unknown): string {
  const m = error instanceof Error ? /at position (\d+)/.exec(error.message) : null;
  if (!m) return "";
  const before = text.slice(0, Number(m[1]));
  const lines = before.split(/\r\n|\r|\n/);
  return `:${lines.length}:${lines[lines.length - 1]!.length + 1}`;
}
