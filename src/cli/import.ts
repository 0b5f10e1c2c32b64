/**
 * `b24layout import <file.json…>`: Bitrix24 REST JSON to `.b24layout`, on stdout, into one file
 * (`--out`) or one `<input>.b24layout` per input (`--out-dir`), all or nothing: when any input
 * cannot be imported, nothing is written. Warnings (what the import normalised, left out or
 * assumed) and errors go to stderr as `file:line:col: path: message`. The text is written in the
 * canonical style of `fmt`.
 */
import { basename, join, resolve } from "node:path";
import { formatImportDiagnostic, IMPORT_KINDS, importJson, optionError, type ImportOptions } from "../import/index.js";
import { writeFilesAtomically } from "./atomic-write.js";
import { describeFsError, SOURCE_EXTENSION } from "./files.js";
import { readTextFile } from "../workspace/index.js";
import { CliError, EXIT_OK, EXIT_USAGE, type CliIo } from "./io.js";
import { colorsFor, displayPath, plural, useColors } from "./output.js";

export { IMPORT_KINDS };

/** The flags of `import`, as the command line gives them. */
export interface ImportFlags {
  /** Write the one input's text to this file. */
  readonly out?: string;
  /** Write `<input basename>.b24layout` per input into this directory. */
  readonly outDir?: string;
  /** Read every input as this kind (one of IMPORT_KINDS) instead of recognising its shape. */
  readonly kind?: string;
  /** The entity type of cards whose JSON has no entityTypeId. */
  readonly entity?: string;
  readonly extractTranslations?: boolean;
  readonly keepQuirks?: boolean;
  /** The declaration's name (one input only). */
  readonly name?: string;
  readonly color?: boolean;
}

interface Imported {
  readonly input: string;
  readonly display: string;
  readonly text: string;
}

/**
 * Imports every file and returns the exit code: 0 when all were imported (warnings allowed), 2 when
 * any input is unusable (unreadable, not JSON, not a known shape) or the flags do not fit.
 */
export async function runImport(files: readonly string[], flags: ImportFlags, io: CliIo): Promise<number> {
  if (files.length === 0) throw new CliError("no input files: give the JSON files to import, e.g. `b24layout import layout.json`");
  if (flags.out !== undefined && flags.outDir !== undefined) throw new CliError("--out and --out-dir do not go together: --out writes one file, --out-dir one file per input");
  if (flags.out !== undefined && files.length > 1) throw new CliError(`--out writes one file, but ${files.length} inputs were given; use --out-dir for several`);
  if (flags.name !== undefined && files.length > 1) throw new CliError(`--name names the declaration of one input, but ${files.length} inputs were given`);

  const c = colorsFor(useColors(io.stderr, io.env, flags.color));
  const options: ImportOptions = {
    ...(flags.kind !== undefined ? { kind: flags.kind } : {}),
    ...(flags.entity !== undefined ? { entity: flags.entity } : {}),
    ...(flags.name !== undefined ? { name: flags.name } : {}),
    extractTranslations: flags.extractTranslations === true,
    keepQuirks: flags.keepQuirks === true,
  };
  const invalid = optionError(options);
  if (invalid !== undefined) throw new CliError(invalid);

  const { formatText } = await import("../format/index.js");
  const imported: Imported[] = [];
  let failed = false;
  for (const file of files) {
    const path = resolve(io.cwd, file);
    const display = displayPath(path, io.cwd);
    let text: string;
    try {
      const read = readTextFile(path);
      if (read.problem) {
        io.stderr.write(`${c.red("error:")} ${display}:${read.problem.line}:${read.problem.column}: ${read.problem.message}\n`);
        failed = true;
        continue;
      }
      text = read.text;
    } catch (error) {
      io.stderr.write(`${c.red("error:")} cannot read '${display}': ${describeFsError(error)}\n`);
      failed = true;
      continue;
    }
    const result = importJson(text, { ...options, fileName: basename(path) });
    for (const d of result.diagnostics) {
      const severity = d.severity === "error" ? c.red("error:") : c.yellow("warning:");
      io.stderr.write(`${severity} ${formatImportDiagnostic(d, display)}\n`);
    }
    if (result.text === undefined) {
      failed = true;
      continue;
    }
    const formatted = await formatText(result.text);
    // The importer writes only what parses: anything else is its bug, never written.
    if (!formatted.ok) throw new Error(`the import of '${display}' does not parse: ${formatted.diagnostics[0]!.message}`);
    imported.push({ input: path, display, text: formatted.text });
  }
  if (failed) {
    if (flags.out !== undefined || flags.outDir !== undefined || files.length > 1) io.stderr.write(`${c.red("Nothing was written.")}\n`);
    return EXIT_USAGE;
  }

  if (flags.out === undefined && flags.outDir === undefined) {
    io.stdout.write(imported.map((i) => i.text).join("\n"));
    return EXIT_OK;
  }

  const targets = imported.map((i) => ({
    ...i,
    path: flags.out !== undefined ? resolve(io.cwd, flags.out) : join(resolve(io.cwd, flags.outDir!), outputName(i.input)),
  }));
  const seen = new Map<string, string>();
  for (const t of targets) {
    const earlier = seen.get(t.path);
    if (earlier !== undefined) throw new CliError(`'${earlier}' and '${t.display}' would both be written to '${displayPath(t.path, io.cwd)}': import them into different directories`);
    seen.set(t.path, t.display);
  }
  const where = flags.out !== undefined ? displayPath(resolve(io.cwd, flags.out), io.cwd) : displayPath(resolve(io.cwd, flags.outDir!), io.cwd);
  try {
    await writeFilesAtomically(targets.map((t) => ({ path: t.path, content: t.text })));
  } catch (error) {
    throw new CliError(`cannot write to '${where}': ${describeFsError(error)}`);
  }
  io.stderr.write(`${c.green(`✔ imported ${plural(targets.length, "file")} into ${where}`)}\n`);
  return EXIT_OK;
}

/** `layout.json` → `layout.b24layout`; a name without `.json` gets the extension added. */
function outputName(input: string): string {
  return `${basename(input).replace(/\.json$/i, "")}${SOURCE_EXTENSION}`;
}
