/**
 * The formatting settings a Prettier config (`.prettierrc`, its `overrides`) or an `.editorconfig`
 * gives a file, for `fmt` and the language server. Prettier's full package is loaded only here:
 * formatting itself needs only its standalone core.
 *
 * Prettier's own `resolveConfig` would run code: a `.prettierrc.js`, `prettier.config.ts` and the
 * like are imported, and so is a shared config that a data config names (`"prettier":
 * "@company/prettier-config"` in package.json). b24layout reads configs as data only, and only
 * configs no one else can have written (src/workspace/config-files.ts). So the config is found here,
 * as Prettier finds it (the same names in the same order, package.json only with a "prettier"
 * key) but only up to the repository root; it is used only when it is data, believed, and not
 * the name of a shared config; and only then does Prettier read it (`resolveConfig` with
 * `config`, which applies its `overrides` exactly as Prettier does). A config that is code, or
 * not believed, is said once (`warn`) with the settings used instead. Prettier reads
 * `.editorconfig` files itself, from the file's folder up to the nearest `.git` or `.hg` (or a
 * file with `root = true`), as data; each of those must be a regular file no one else can have
 * written, or no `.editorconfig` is used for that file (and that is said too).
 */
import { existsSync, statSync } from "node:fs";
import { devNull } from "node:os";
import { basename, dirname, extname, join } from "node:path";
import { parse as parseJsonc, parseTree, type ParseError } from "jsonc-parser";
import { configSearchStop, findUpward, readRegularFileOrThrow, untrustedConfigReason } from "../workspace/index.js";
import type { FormatOptions } from "./format.js";

/** The Prettier options that apply to `.b24layout` files and that a Prettier config may set. */
export const PRETTIER_KEYS = ["printWidth", "tabWidth", "useTabs", "endOfLine"] as const;

/** The names of Prettier's config files, in the order Prettier 3 looks for them in a folder. */
export const PRETTIER_CONFIG_FILES = [
  "package.json",
  "package.yaml",
  ".prettierrc",
  ".prettierrc.json",
  ".prettierrc.yml",
  ".prettierrc.yaml",
  ".prettierrc.json5",
  ".prettierrc.js",
  "prettier.config.js",
  ".prettierrc.ts",
  "prettier.config.ts",
  ".prettierrc.mjs",
  "prettier.config.mjs",
  ".prettierrc.mts",
  "prettier.config.mts",
  ".prettierrc.cjs",
  "prettier.config.cjs",
  ".prettierrc.cts",
  "prettier.config.cts",
  ".prettierrc.toml",
] as const;

/** Extensions of configs that are programs: Prettier imports them. */
const CODE_EXTENSIONS = new Set([".js", ".mjs", ".cjs", ".ts", ".mts", ".cts"]);

export class PrettierConfigError extends Error {
  constructor(file: string, cause: unknown) {
    super(`cannot read the Prettier config for '${file}': ${cause instanceof Error ? cause.message : String(cause)}`);
    this.name = "PrettierConfigError";
  }
}

export interface PrettierConfigReaderOptions {
  /** false: every call reads the config files again (the language server, whose configs may change while it runs). */
  readonly cache?: boolean;
  /** Where the search from a folder stops when no repository or package.json does: the working directory (see configSearchStop). */
  readonly cwdFor?: (dir: string) => string;
  /** Told, once for each, of a config not used (code, or not believed) and the settings used instead. */
  readonly warn?: (message: string) => void;
  /** How a path is shown in a warning. */
  readonly display?: (path: string) => string;
}

/** The Prettier config of a folder as found: a file, and whether it can be used. */
type Found =
  | { readonly kind: "none" }
  | { readonly kind: "data"; readonly path: string }
  | { readonly kind: "unused"; readonly path: string; readonly why: string };

/**
 * A reader of the settings for a file; throws PrettierConfigError for a config it cannot read.
 */
export async function prettierConfigReader(options: PrettierConfigReaderOptions = {}): Promise<(file: string) => Promise<FormatOptions>> {
  const { resolveConfig } = await import("prettier");
  // Loaded here, not up front: the formatter's module loads Prettier's core, which no other command needs.
  const { DEFAULT_FORMAT_OPTIONS } = await import("./format.js");
  const cache = options.cache ?? true;
  const display = options.display ?? ((path: string) => path);
  const warned = new Set<string>();
  const warn = (key: string, message: string) => {
    if (warned.has(key)) return;
    warned.add(key);
    options.warn?.(message);
  };
  const foundByDir = new Map<string, Found>();
  return async (file) => {
    const dir = dirname(file);
    let found = cache ? foundByDir.get(dir) : undefined;
    if (!found) {
      try {
        found = await findPrettierConfig(dir, options.cwdFor?.(dir) ?? dir);
      } catch (error) {
        throw new PrettierConfigError(file, error);
      }
      if (cache) foundByDir.set(dir, found);
    }
    const editorconfig = editorconfigProblem(dir);
    let config: Record<string, unknown> | null;
    try {
      // Prettier has no switch to turn its own search off (which would import a .prettierrc.js):
      // without a config to use, it is given the empty one, the null device, read as empty YAML.
      config = await resolveConfig(file, { editorconfig: editorconfig === undefined, useCache: cache, config: found.kind === "data" ? found.path : devNull });
    } catch (error) {
      throw new PrettierConfigError(file, error);
    }
    const picked = pickFormatOptions(config);
    if (editorconfig !== undefined) warn(`editorconfig\0${editorconfig.path}`, `the .editorconfig '${display(editorconfig.path)}' is not used, as ${editorconfig.why}: formatting without .editorconfig files. Only a config that no one else can have written applies.`);
    if (found.kind === "unused") {
      const settings = PRETTIER_KEYS.map((key) => `${key} ${String({ ...DEFAULT_FORMAT_OPTIONS, ...picked }[key])}`).join(", ");
      warn(`prettier\0${found.path}`, `the Prettier config '${display(found.path)}' is not used, as ${found.why}: its files are formatted with ${settings} (the defaults${editorconfig === undefined ? ", and .editorconfig where it says" : ""}; options given on the command line still win).`);
    }
    return picked;
  };
}

/**
 * The Prettier config that applies in `dir`: the first of PRETTIER_CONFIG_FILES in the nearest
 * folder that has one, up to the search's stop. Throws for a package.json or data config that
 * cannot be parsed (Prettier would refuse it too).
 */
async function findPrettierConfig(dir: string, cwd: string): Promise<Found> {
  const stop = configSearchStop(dir, cwd);
  for (let folder = dir; ; folder = dirname(folder)) {
    for (const name of PRETTIER_CONFIG_FILES) {
      const path = join(folder, name);
      if (!existsSync(path)) continue;
      const found = await examine(path);
      if (found) return found;
    }
    if (folder === stop || dirname(folder) === folder) return { kind: "none" };
  }
}

/** What the config file at `path` is; undefined when Prettier would pass it by (a folder, or a package.json without "prettier"). */
async function examine(path: string): Promise<Found | undefined> {
  const name = basename(path);
  let file: ReturnType<typeof readRegularFileOrThrow>;
  try {
    file = readRegularFileOrThrow(path);
  } catch (error) {
    // Prettier passes by what is not a file; a FIFO or device is said, never read.
    const code = error instanceof Error && "code" in error ? error.code : undefined;
    if (code === "ENOTFILE") return { kind: "unused", path, why: (error as Error).message };
    if (code === "EISDIR" || name === "package.json" || name === "package.yaml") return undefined;
    throw error;
  }
  let data: unknown;
  if (name === "package.json" || name === "package.yaml") {
    // Prettier passes by a package file it cannot parse or without the key, as here.
    let parsed: unknown;
    try {
      parsed = name === "package.json" ? parseJsonStrict(file.bytes.toString("utf8")) : await parseYaml(file.bytes.toString("utf8"));
    } catch {
      return undefined;
    }
    data = isObject(parsed) ? parsed["prettier"] : undefined;
    if (data === undefined || data === null) return undefined;
  }
  if (CODE_EXTENSIONS.has(extname(name))) return { kind: "unused", path, why: "it is a program, which b24layout never runs (put the settings in a .prettierrc.json to have them read)" };
  const untrusted = untrustedConfigReason(path, file.stats);
  if (untrusted !== undefined) return { kind: "unused", path, why: untrusted };
  const text = file.bytes.toString("utf8").replace(/^\uFEFF/, "");
  if (name === "package.json" || name === "package.yaml") return sharedConfig(path, data) ?? { kind: "data", path };
  const extension = extname(name);
  if (extension === ".toml") return { kind: "data", path };
  if (extension === ".json5") return startsWithBrace(text) ? { kind: "data", path } : { kind: "unused", path, why: "it does not hold an object of options (a shared config it names would be a program, which b24layout never runs)" };
  // .prettierrc, .json, .yaml, .yml: YAML, of which JSON is a part.
  try {
    data = extension === ".json" ? parseJsonStrict(text) : await parseYaml(text);
  } catch (error) {
    throw new Error(`${path}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  return sharedConfig(path, data) ?? { kind: "data", path };
}

/** A config whose content is the name of a shared config (which Prettier would import) is not used. */
function sharedConfig(path: string, data: unknown): Found | undefined {
  // An empty config sets nothing, and ends the search, as for Prettier.
  if (data === null || data === undefined) return undefined;
  if (typeof data === "string") return { kind: "unused", path, why: `it names the shared config '${data}', a program, which b24layout never runs` };
  if (!isObject(data)) return { kind: "unused", path, why: "it does not hold an object of options" };
  return undefined;
}

/**
 * Whether a JSON5 text is an object: its first token (after comments) is `{`. JSON5's other
 * liberties (unquoted keys, single quotes) are left to Prettier's JSON5 parser; JSONC's tree
 * starts an object node at the brace whatever follows.
 */
function startsWithBrace(text: string): boolean {
  return parseTree(text, [], { allowTrailingComma: true })?.type === "object";
}

function parseJsonStrict(text: string): unknown {
  const errors: ParseError[] = [];
  const value: unknown = parseJsonc(text, errors, { allowTrailingComma: false, disallowComments: true });
  if (errors.length > 0) throw new Error(`not valid JSON at offset ${errors[0]!.offset}`);
  return value;
}

/** YAML (and JSON, a part of it) as Prettier reads `.prettierrc`; the parser is loaded when a YAML config is met. */
async function parseYaml(text: string): Promise<unknown> {
  const { parse } = await import("yaml");
  return parse(text);
}

/**
 * Why Prettier must not read the `.editorconfig` files for `dir` (the first that is not a
 * regular file, or not believed), or undefined. Prettier reads every one from `dir` up to the
 * nearest folder with `.git` or `.hg` (or to the root).
 */
function editorconfigProblem(dir: string): { readonly path: string; readonly why: string } | undefined {
  const root = findUpward(dir, [".git", ".hg"]);
  for (let folder = dir; ; folder = dirname(folder)) {
    const problem = editorconfigFileProblem(join(folder, ".editorconfig"));
    if (problem !== undefined) return problem;
    if (folder === root || dirname(folder) === folder) return undefined;
  }
}

function editorconfigFileProblem(path: string): { readonly path: string; readonly why: string } | undefined {
  let stats;
  try {
    stats = statSync(path);
  } catch {
    // Missing (or gone): Prettier does not find it either.
    return undefined;
  }
  // A folder is passed by, as Prettier's reader does (it reads nothing from it).
  if (stats.isDirectory()) return undefined;
  if (!stats.isFile()) return { path, why: `it is ${stats.isFIFO() ? "a FIFO" : "a device or socket"}, not a regular file` };
  const why = untrustedConfigReason(path, stats);
  return why === undefined ? undefined : { path, why };
}

/** The options among PRETTIER_KEYS that `source` sets. */
export function pickFormatOptions(source: object | null | undefined): FormatOptions {
  const values = source as Readonly<Record<string, unknown>> | null | undefined;
  const picked: Record<string, unknown> = {};
  for (const key of PRETTIER_KEYS) if (values?.[key] !== undefined) picked[key] = values[key];
  return picked;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
