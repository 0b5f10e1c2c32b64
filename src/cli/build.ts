/**
 * `b24layout build`: compile every declaration to `<name>.<kind>.json`, all or nothing.
 */
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { formatJson, type Json } from "../emit/index.js";
import { moduleName } from "../util/index.js";
import { typesModule } from "../emit/index.js";
import { emitTypeScriptModule, TYPES_MODULE } from "../emit/index.js";
import { appendAll } from "../util/index.js";
import { writeFilesAtomically } from "./atomic-write.js";
import { checkInputs, hasErrors, reportDiagnostics, withParamsFindings, type InputOptions, type LoweredFile, type OutputOptions } from "./check.js";
import { describeFsError, refusePayloadPaths } from "./files.js";
import { readParams } from "./params.js";
import { warnOnce } from "./config.js";
import { MANIFEST_FILE, manifestText, readManifest, removeStaleOutputs, sha256, type ManifestEntry } from "./manifest.js";
import { readStdinSource, refuseStdinWithPaths } from "./stdin.js";
import { showsProgress, startProgress } from "./progress.js";
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
  /** `--stdin [--stdin-filename FILE]`: build standard input as the file FILE (with --stdout). */
  readonly readStdin?: boolean;
  readonly stdinFilename?: string;
  /** `--clean`: remove the files an earlier build wrote into the output folder that this one does not write (see manifest.ts). */
  readonly clean?: boolean;
}

/**
 * Diagnostics and progress go to stderr: stdout carries the JSON with `--stdout`, so it stays
 * parseable even when there are warnings.
 */
export async function runBuild(args: readonly string[], options: BuildOptions, io: CliIo): Promise<number> {
  const target = options.target ?? "json";
  if (target !== "json" && options.params !== undefined) throw new CliError(`--params renders templates to JSON; it does not go with --target ${target}, whose functions take the values when called`);
  if (target !== "json" && options.stdout) throw new CliError(`--stdout prints JSON; it does not go with --target ${target}`);
  refusePayloadPaths(options.stdinFilename === undefined ? args : [...args, options.stdinFilename], "build");
  if (options.clean && options.stdout) throw new CliError("--clean removes stale files from the output folder; with --stdout nothing is written there");
  if (options.readStdin) {
    refuseStdinWithPaths(args, "--stdin");
    if (!options.stdout) throw new CliError("--stdin builds standard input: give --stdout too, to print the payloads (build writes files only of files)");
  } else if (options.stdinFilename !== undefined) {
    throw new CliError("--stdin-filename names the text read with --stdin: give --stdin too");
  }
  const stdin = options.readStdin ? await readStdinSource(io, options.stdinFilename) : undefined;
  // JSON is the templates rendered with their values: checked as `check --params` checks them.
  const paramsFile = target === "json" && options.params !== undefined ? readParams(options.params, io) : undefined;
  const params = target === "json" ? (paramsFile?.values ?? {}) : undefined;
  const progress = startProgress(io, "checked", showsProgress(io, (options.report ?? "stylish") === "stylish"));
  const files = await checkInputs(args, io, { progress, keepPrograms: true, ...(stdin === undefined ? {} : { stdin }), ...(options.config === undefined ? {} : { config: options.config }), ...(params === undefined ? {} : { params }) });
  progress.end();
  // What `check --params` reports of the params file, reported alike.
  const reported = paramsFile ? await withParamsFindings(files, paramsFile, io) : files;
  const c = colorsFor(useColors(io.stderr, io.env, options.color));
  if (reported.some((f) => f.diagnostics.length > 0)) reportDiagnostics(reported, io.stderr, io, options);
  if (hasErrors(reported)) {
    io.stderr.write(`${c.red("Nothing was written.")}\n`);
    return EXIT_PROBLEMS;
  }
  const plan = planBuild(files, target, options.stdout === true);
  if (plan.problems.length > 0) {
    // The project check reports all of these first; one here is a bug of that check.
    for (const message of plan.problems) io.stderr.write(`${c.red("error:")} ${message}\n`);
    io.stderr.write(`${c.red("Nothing was written.")}\n`);
    return EXIT_PROBLEMS;
  }
  for (const note of plan.notes) io.stderr.write(`${c.yellow("note:")} ${note}\n`);
  if (plan.stdout !== undefined) {
    io.stdout.write(plan.stdout);
    return EXIT_OK;
  }
  const outDir = resolve(io.cwd, options.outDir ?? DEFAULT_OUT_DIR);
  const shownDir = displayPath(outDir, io.cwd);
  // The manifest names what this build writes, and what earlier builds wrote that is still there
  // (until a --clean build removes it): see manifest.ts.
  const previous = readManifest(outDir);
  if (previous.problem) warnOnce(io, `the build manifest '${displayPath(join(outDir, MANIFEST_FILE), io.cwd)}' is not used, as ${previous.problem}: no stale output is removed on its word, and this build writes a new one.`);
  const written = new Map(plan.outputs.map((o) => [o.key, o.source === undefined ? { sha256: sha256(o.text) } : { sha256: sha256(o.text), source: o.source }]));
  // A file of a source this build did not take is another build's (`build cards -o out` beside
  // `build layouts -o out`): not stale, unless its source is gone.
  const sources = new Set(files.map((f) => f.source.path));
  const ours = (entry: ManifestEntry) => entry.source === undefined || sources.has(entry.source) || !existsSync(entry.source);
  const previousOnly = [...previous.files].filter(([name]) => !written.has(name));
  const stale = new Map(previousOnly.filter(([, entry]) => ours(entry)));
  const othersFiles = previousOnly.filter(([, entry]) => !ours(entry));
  const manifest = new Map([...(options.clean ? othersFiles : previousOnly), ...written]);
  const manifestPath = join(outDir, MANIFEST_FILE);
  let report;
  try {
    // A build that writes nothing into a folder that has no manifest leaves no trace (not even the folder).
    const withManifest = manifest.size > 0 || previous.files.size > 0 ? [{ path: manifestPath, content: manifestText(manifest, outDir) }] : [];
    // The same progress line as the check's: a run that is long because it writes many files shows it too.
    report = await writeFilesAtomically([...plan.outputs.map((o) => ({ path: join(outDir, o.key), content: o.text })), ...withManifest], (done) => progress.tick(Math.min(done, plan.outputs.length), plan.outputs.length, "wrote"));
  } catch (error) {
    throw new CliError(`cannot write to '${shownDir}': ${describeFsError(error)}`);
  } finally {
    progress.end();
  }
  const unchangedCount = report.unchanged.filter((p) => p !== manifestPath).length;
  const unchanged = unchangedCount > 0 ? ` (${unchangedCount} unchanged)` : "";
  io.stderr.write(`${c.green(`✔ built ${plural(plan.outputs.length, "file")} in ${shownDir}${unchanged}`)}\n`);
  if (options.clean) {
    const cleaned = await removeStaleOutputs(outDir, stale);
    if (cleaned.removed.length > 0) io.stderr.write(`${c.green(`✔ removed ${plural(cleaned.removed.length, "stale file")}: ${cleaned.removed.join(", ")}`)}\n`);
    for (const { name, why } of cleaned.kept) warnOnce(io, `'${displayPath(join(outDir, name), io.cwd)}' was written by an earlier build, which this one does not write, but it was left, as ${why}. Remove it yourself if it is not needed.`);
  }
  return EXIT_OK;
}

/** A file `build` writes, by its name in the output directory. */
export interface TextOutput {
  readonly key: string;
  readonly text: string;
  /** The source file it is built from (absolute); none for the types module every module shares. */
  readonly source?: string;
  /** `file:line:col (keyword name)` of the declaration, or the source file, for collision messages. */
  readonly origin: string;
}

/** What a build of checked files writes: files, or the text of `--stdout`; or the problems that stop it. */
export interface BuildPlan {
  readonly outputs: readonly TextOutput[];
  readonly stdout?: string;
  readonly problems: readonly string[];
  /** What was left out, and why (JSON: templates given no values). */
  readonly notes: readonly string[];
}

/**
 * The outputs of files without errors (for JSON, rendered: `LoweredFile.rendered`). Two outputs
 * of one name are problems here, which the project check (output-name) reports before: one here is
 * a bug of that check, and the build writes nothing rather than one output over another.
 */
export function planBuild(files: readonly LoweredFile[], target: BuildTarget, stdout: boolean): BuildPlan {
  if (target !== "json") {
    const outputs = moduleOutputs(files, target);
    return { outputs, problems: findCollisions(outputs), notes: [] };
  }
  const outputs: TextOutput[] = [];
  const problems: string[] = [];
  const notes: string[] = [];
  const all = Object.create(null) as { [key: string]: Json };
  for (const f of files) {
    const emitted = f.rendered ?? [];
    const withoutValues = new Map((f.withoutValues ?? []).map((t) => [t.declaration, t.missing]));
    let next = 0;
    f.program.declarations.forEach((declaration) => {
      const at = declaration.nameRange.start;
      const missing = withoutValues.get(declaration);
      if (missing) {
        const params = missing.map((p) => `'${p}'`).join(", ");
        notes.push(`${f.display}:${at.line}:${at.column} '${declaration.name}' is a template: without values for ${params} it is not a payload, so no JSON was written for it. Its references give it values; to write it on its own, give them with --params FILE ({ "${declaration.name}": { … } }), or build it with --target ts for a typed function.`);
        return;
      }
      const e = emitted[next++];
      if (!e) {
        problems.push(`${f.display}:${at.line}:${at.column} '${declaration.name}' was not rendered.`);
        return;
      }
      if (!stdout && !isPlainFileName(e.fileName)) problems.push(`${f.display}:${at.line}:${at.column} the name '${e.name}' cannot be used in a file name.`);
      const origin = `${f.display}:${at.line}:${at.column} (${declaration.spec.keyword} ${declaration.name})`;
      if (stdout) {
        // A null prototype keeps a declaration named `__proto__` as an ordinary key.
        all[e.name] = e.value;
        outputs.push({ key: e.name, text: "", origin });
      } else {
        outputs.push({ key: e.fileName, text: formatJson(e.value), origin, source: f.source.path });
      }
    });
  }
  appendAll(problems, findCollisions(outputs));
  return stdout ? { outputs: [], stdout: formatJson(all), problems, notes } : { outputs, problems, notes };
}

/**
 * One module per source file (`call.b24layout` → `call.ts`, or `call.js` with `call.d.ts`), and
 * the types module they import (`b24layout-types.ts`, or `.d.ts` beside JavaScript).
 */
function moduleOutputs(files: readonly LoweredFile[], target: "ts" | "js"): TextOutput[] {
  const types = target === "ts" ? `${TYPES_MODULE}.ts` : `${TYPES_MODULE}.d.ts`;
  const out: TextOutput[] = [{ key: types, text: typesModule(), origin: "the types module" }];
  for (const f of files) {
    if (f.program.declarations.length === 0) continue;
    const name = moduleName(f.source.path);
    const source = { source: f.display };
    if (target === "ts") {
      out.push({ key: `${name}.ts`, text: emitTypeScriptModule(f.program, source), origin: f.display, source: f.source.path });
    } else {
      out.push({ key: `${name}.js`, text: emitTypeScriptModule(f.program, { ...source, mode: "js" }), origin: f.display, source: f.source.path });
      out.push({ key: `${name}.d.ts`, text: emitTypeScriptModule(f.program, { ...source, mode: "dts" }), origin: f.display, source: f.source.path });
    }
  }
  return out;
}

function isPlainFileName(name: string): boolean {
  return !/[\\/\0]/.test(name) && name !== "." && name !== ".." && !name.startsWith(".");
}

/** Every output name that two declarations (or files) produce, as a sentence each. */
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
