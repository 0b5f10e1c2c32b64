/**
 * `b24layout build`: compile every declaration to `<name>.<kind>.json`, all or nothing.
 */
import { join, resolve } from "node:path";
import { emitProgram, formatJson, type Json } from "../emit/json.js";
import { writeFilesAtomically } from "./atomic-write.js";
import { checkInputs, hasErrors, reportDiagnostics, type LoweredFile, type OutputOptions } from "./check.js";
import { describeFsError } from "./files.js";
import { CliError, EXIT_OK, EXIT_PROBLEMS, type CliIo } from "./io.js";
import { colorsFor, displayPath, plural, useColors } from "./output.js";

/** Where `build` writes when no `--out-dir` is given (relative to the working directory). */
export const DEFAULT_OUT_DIR = "dist/b24layout";

export interface BuildOptions extends OutputOptions {
  readonly outDir?: string;
  readonly stdout?: boolean;
}

interface Output {
  readonly key: string;
  readonly content: Json;
  /** `file:line:col (keyword name)` of the declaration, for collision messages. */
  readonly origin: string;
}

/**
 * Diagnostics and progress go to stderr: stdout carries the JSON with `--stdout`, so it stays
 * parseable even when there are warnings.
 */
export async function runBuild(args: readonly string[], options: BuildOptions, io: CliIo): Promise<number> {
  const files = await checkInputs(args, io, { keepPrograms: true });
  const c = colorsFor(useColors(io.stderr, io.env, options.color));
  const problems = files.some((f) => f.diagnostics.length > 0);
  if (problems) reportDiagnostics(files, io.stderr, io, options);
  if (hasErrors(files)) {
    io.stderr.write(`${c.red("Nothing was written.")}\n`);
    return EXIT_PROBLEMS;
  }

  const outputs = collectOutputs(files, options.stdout === true);
  const collisions = findCollisions(outputs);
  if (collisions.length > 0) {
    for (const message of collisions) io.stderr.write(`${c.red("error:")} ${message}\n`);
    io.stderr.write(`${c.red("Nothing was written.")}\n`);
    return EXIT_PROBLEMS;
  }

  if (options.stdout) {
    // A null prototype keeps a declaration named `__proto__` as an ordinary key.
    const all = Object.create(null) as { [key: string]: Json };
    for (const o of outputs) all[o.key] = o.content;
    io.stdout.write(formatJson(all));
    return EXIT_OK;
  }

  const outDir = resolve(io.cwd, options.outDir ?? DEFAULT_OUT_DIR);
  const shownDir = displayPath(outDir, io.cwd);
  let report;
  try {
    report = await writeFilesAtomically(outputs.map((o) => ({ path: join(outDir, o.key), content: formatJson(o.content) })));
  } catch (error) {
    throw new CliError(`cannot write to '${shownDir}': ${describeFsError(error)}`);
  }
  const unchanged = report.unchanged.length > 0 ? ` (${report.unchanged.length} unchanged)` : "";
  io.stderr.write(`${c.green(`✔ built ${plural(outputs.length, "file")} in ${shownDir}${unchanged}`)}\n`);
  return EXIT_OK;
}

/** One output per declaration, keyed by its file name, or by its name with `--stdout`. */
function collectOutputs(files: readonly LoweredFile[], byName: boolean): Output[] {
  const out: Output[] = [];
  for (const f of files) {
    const emitted = emitProgram(f.program);
    f.program.declarations.forEach((declaration, i) => {
      const e = emitted[i]!;
      const at = declaration.nameRange.start;
      if (!byName && !isPlainFileName(e.fileName)) {
        throw new CliError(`${f.display}:${at.line}:${at.column} the name '${e.name}' cannot be used in a file name.`, EXIT_PROBLEMS);
      }
      out.push({
        key: byName ? e.name : e.fileName,
        content: e.value,
        origin: `${f.display}:${at.line}:${at.column} (${declaration.spec.keyword} ${declaration.name})`,
      });
    });
  }
  return out;
}

function isPlainFileName(name: string): boolean {
  return !/[\\/\0]/.test(name) && name !== "." && name !== ".." && !name.startsWith(".");
}

function findCollisions(outputs: readonly Output[]): string[] {
  const byKey = new Map<string, Output[]>();
  for (const o of outputs) {
    const list = byKey.get(o.key);
    if (list) list.push(o);
    else byKey.set(o.key, [o]);
  }
  const messages: string[] = [];
  for (const [key, list] of byKey) {
    if (list.length < 2) continue;
    const origins = list.map((o) => o.origin);
    const what = key.endsWith(".json") ? `output file '${key}'` : `output key '${key}'`;
    messages.push(`${what} is produced by ${list.length} declarations: ${origins.slice(0, -1).join(", ")} and ${origins.at(-1)!}. Rename one of them.`);
  }
  return messages;
}
