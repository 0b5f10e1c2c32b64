/**
 * `b24layout build`: compile every declaration to `<name>.<kind>.json`, all or nothing.
 */
import { basename, join, resolve } from "node:path";
import { formatJson, type EmittedDeclaration, type Json } from "../emit/json.js";
import { renderProgram, type ProgramArguments } from "../emit/render.js";
import { typesModule } from "../emit/ts-types.js";
import { emitTypeScriptModule, functionNameClashes, TYPES_MODULE } from "../emit/typescript.js";
import { SOURCE_EXTENSION } from "./files.js";
import { readTextFile } from "./text-file.js";
import { writeFilesAtomically } from "./atomic-write.js";
import { checkInputs, hasErrors, reportDiagnostics, type InputOptions, type LoweredFile, type OutputOptions } from "./check.js";
import { describeFsError } from "./files.js";
import { CliError, EXIT_OK, EXIT_PROBLEMS, type CliIo } from "./io.js";
import { colorsFor, displayPath, plural, useColors } from "./output.js";

/** Where `build` writes when no `--out-dir` is given (relative to the working directory). */
export const DEFAULT_OUT_DIR = "dist/b24layout";

/** What `build` writes: JSON payloads, or TypeScript modules with one factory per declaration. */
export const BUILD_TARGETS = ["json", "ts", "js"] as const;
export type BuildTarget = (typeof BUILD_TARGETS)[number];

export interface BuildOptions extends OutputOptions, InputOptions {
  readonly outDir?: string;
  readonly stdout?: boolean;
  readonly target?: BuildTarget;
  /** A JSON file of template parameter values by declaration name (JSON target). */
  readonly params?: string;
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
  const target = options.target ?? "json";
  if (target !== "json" && options.params !== undefined) throw new CliError(`--params renders templates to JSON; it does not go with --target ${target}, whose functions take the values when called`);
  if (target !== "json" && options.stdout) throw new CliError(`--stdout prints JSON; it does not go with --target ${target}`);
  const params = options.params === undefined ? {} : readParams(resolve(io.cwd, options.params), displayPath(resolve(io.cwd, options.params), io.cwd));
  const checked = await checkInputs(args, io, { keepPrograms: true, ...(options.config === undefined ? {} : { config: options.config }) });
  // Rendering to JSON adds its own errors: template values missing or not fitting (template-arguments).
  const rendered = target === "json" ? checked.map((f) => renderFile(f, params)) : checked.map((f) => ({ file: f, outputs: undefined }));
  const files = rendered.map((r) => r.file);
  const c = colorsFor(useColors(io.stderr, io.env, options.color));
  const problems = files.some((f) => f.diagnostics.length > 0);
  if (problems) reportDiagnostics(files, io.stderr, io, options);
  if (hasErrors(files)) {
    io.stderr.write(`${c.red("Nothing was written.")}\n`);
    return EXIT_PROBLEMS;
  }
  if (target !== "json") return writeOutputs(moduleOutputs(files, target), options, io);

  const outputs = collectOutputs(rendered, options.stdout === true);
  if (reportCollisions(outputs, io, c)) return EXIT_PROBLEMS;

  if (options.stdout) {
    // A null prototype keeps a declaration named `__proto__` as an ordinary key.
    const all = Object.create(null) as { [key: string]: Json };
    for (const o of outputs) all[o.key] = o.content;
    io.stdout.write(formatJson(all));
    return EXIT_OK;
  }

  return writeOutputs(
    outputs.map((o) => ({ key: o.key, text: formatJson(o.content), origin: o.origin })),
    options,
    io,
  );
}

interface TextOutput {
  readonly key: string;
  readonly text: string;
  readonly origin: string;
}

/** Writes every output into the output directory, all or nothing; reports collisions instead. */
async function writeOutputs(outputs: readonly TextOutput[], options: BuildOptions, io: CliIo): Promise<number> {
  const c = colorsFor(useColors(io.stderr, io.env, options.color));
  if (reportCollisions(outputs, io, c)) return EXIT_PROBLEMS;
  const outDir = resolve(io.cwd, options.outDir ?? DEFAULT_OUT_DIR);
  const shownDir = displayPath(outDir, io.cwd);
  let report;
  try {
    report = await writeFilesAtomically(outputs.map((o) => ({ path: join(outDir, o.key), content: o.text })));
  } catch (error) {
    throw new CliError(`cannot write to '${shownDir}': ${describeFsError(error)}`);
  }
  const unchanged = report.unchanged.length > 0 ? ` (${report.unchanged.length} unchanged)` : "";
  io.stderr.write(`${c.green(`✔ built ${plural(outputs.length, "file")} in ${shownDir}${unchanged}`)}\n`);
  return EXIT_OK;
}

interface RenderedFile {
  readonly file: LoweredFile;
  /** The payloads; undefined for a file with errors. */
  readonly outputs: readonly EmittedDeclaration[] | undefined;
}

/** A file rendered to JSON, its `template-arguments` errors added to its diagnostics. */
function renderFile(file: LoweredFile, params: ProgramArguments): RenderedFile {
  if (hasErrors([file])) return { file, outputs: undefined };
  const rendered = renderProgram(file.program, params);
  if (rendered.diagnostics.length === 0) return { file, outputs: rendered.outputs };
  return { file: { ...file, diagnostics: [...file.diagnostics, ...rendered.diagnostics] }, outputs: undefined };
}

/** `--params FILE`: an object of parameter values by declaration name. */
function readParams(path: string, shown: string): ProgramArguments {
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

/**
 * One module per source file (`call.b24layout` → `call.ts`, or `call.js` with `call.d.ts`), and
 * the types module they import (`b24layout-types.ts`, or `.d.ts` beside JavaScript).
 */
function moduleOutputs(files: readonly LoweredFile[], target: "ts" | "js"): TextOutput[] {
  const types = target === "ts" ? `${TYPES_MODULE}.ts` : `${TYPES_MODULE}.d.ts`;
  const out: TextOutput[] = [{ key: types, text: typesModule(), origin: "the types module" }];
  const clashes = files.flatMap((f) =>
    functionNameClashes(f.program).map(({ fn, declarations }) => {
      const at = declarations.map((d) => `'${d.name}' (${f.display}:${d.nameRange.start.line}:${d.nameRange.start.column})`);
      return `${at.join(" and ")} would both be the function '${fn}': rename one of them.`;
    }),
  );
  if (clashes.length > 0) throw new CliError(clashes.join("\n"), EXIT_PROBLEMS);
  for (const f of files) {
    if (f.program.declarations.length === 0) continue;
    const name = basename(f.source.path).replace(new RegExp(`\\${SOURCE_EXTENSION}$`), "");
    const source = { source: f.display };
    if (target === "ts") {
      out.push({ key: `${name}.ts`, text: emitTypeScriptModule(f.program, source), origin: f.display });
    } else {
      out.push({ key: `${name}.js`, text: emitTypeScriptModule(f.program, { ...source, mode: "js" }), origin: f.display });
      out.push({ key: `${name}.d.ts`, text: emitTypeScriptModule(f.program, { ...source, mode: "dts" }), origin: f.display });
    }
  }
  return out;
}

/** One output per declaration, keyed by its file name, or by its name with `--stdout`. */
function collectOutputs(files: readonly RenderedFile[], byName: boolean): Output[] {
  const out: Output[] = [];
  for (const { file: f, outputs } of files) {
    // Only files without errors get here: every one has its outputs.
    const emitted = outputs!;
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

/** Prints every output name that two declarations (or files) produce; true when there is one. */
function reportCollisions(outputs: readonly { readonly key: string; readonly origin: string }[], io: CliIo, c: ReturnType<typeof colorsFor>): boolean {
  const collisions = findCollisions(outputs);
  if (collisions.length === 0) return false;
  for (const message of collisions) io.stderr.write(`${c.red("error:")} ${message}\n`);
  io.stderr.write(`${c.red("Nothing was written.")}\n`);
  return true;
}

function findCollisions(outputs: readonly { readonly key: string; readonly origin: string }[]): string[] {
  const byKey = new Map<string, { readonly key: string; readonly origin: string }[]>();
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
