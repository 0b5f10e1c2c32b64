/**
 * Finding and reading `b24layout.config.json` for the CLI: the nearest one above each checked
 * file (up to the repository root, and only one that no one else can have written: see
 * config-files.ts), or the one given with --config for every file. A config with mistakes is a
 * usage error that lists each mistake at its line and column; a found config that is not believed
 * is a warning naming it and why, and the files it would apply to get the defaults. The config
 * reader (and the JSON parser it uses) is loaded only when there is a config to read: a run
 * without one starts as fast as before.
 */
import { dirname, join, relative, resolve, sep } from "node:path";
import type { CheckOptions } from "../check/checker.js";
import type * as ConfigModule from "../config/index.js";
import { decodeText, findConfigUpward, readRegularFileOrThrow, untrustedConfigReason } from "../workspace/index.js";
import { describeFsError } from "./files.js";
import { CliError, type CliIo } from "./io.js";
import { colorsFor, displayPath, useColors } from "./output.js";

/** The name looked for; also in config/config.ts (CONFIG_FILE), which this file does not load up front. */
const CONFIG_FILE = "b24layout.config.json";

/** What finding configs needs of a run: where it runs, and where to warn. */
export type ConfigIo = Pick<CliIo, "cwd" | "stderr" | "env">;

export class ConfigFinder {
  private constructor(
    private readonly configs: ReadonlyMap<string, ConfigModule.Config>,
    private readonly fixed: ConfigModule.Config | undefined,
    private readonly module: typeof ConfigModule | undefined,
    private readonly fixedPath?: string,
  ) {}

  /**
   * Reads the configs that apply to `files` (or the one at `configPath` for all of them). A found
   * config that is not believed is said on stderr, once a run.
   */
  static async forFiles(io: ConfigIo, configPath: string | undefined, files: readonly string[]): Promise<ConfigFinder> {
    const cwd = io.cwd;
    const paths = new Set<string>();
    /** The config file that applies to each folder of a checked file. */
    const byDir = new Map<string, string | undefined>();
    const lookup = (dir: string): string | undefined => {
      if (!byDir.has(dir)) {
        const found = findConfigUpward(dir, [CONFIG_FILE], cwd);
        byDir.set(dir, found === undefined ? undefined : join(found, CONFIG_FILE));
      }
      return byDir.get(dir);
    };
    const fixedPath = configPath === undefined ? undefined : resolve(cwd, configPath);
    if (fixedPath) paths.add(fixedPath);
    else for (const f of files) {
      const found = lookup(dirname(f));
      if (found) paths.add(found);
    }
    if (paths.size === 0) return new ConfigFinder(new Map(), undefined, undefined);
    const module = await import("../config/index.js");
    const configs = new Map<string, ConfigModule.Config>();
    for (const path of paths) {
      const config = read(module, path, io, path !== fixedPath);
      if (config) configs.set(path, config);
    }
    const byFileDir = new Map<string, ConfigModule.Config>();
    if (!fixedPath) {
      for (const [dir, path] of byDir) {
        const config = path === undefined ? undefined : configs.get(path);
        if (config) byFileDir.set(dir, config);
      }
    }
    return new ConfigFinder(byFileDir, fixedPath ? configs.get(fixedPath) : undefined, module, fixedPath);
  }

  /** The config that applies to `file` and its path (undefined: none, the defaults apply), for --print-config. */
  configFor(file: string): { readonly config: ConfigModule.Config; readonly path: string; readonly module: typeof ConfigModule } | undefined {
    const config = this.fixed ?? this.configs.get(dirname(file));
    if (!config || !this.module) return undefined;
    return { config, path: this.fixedPath ?? join(config.dir, CONFIG_FILE), module: this.module };
  }

  /** Settings by file: asked for once to filter the files and once to check each. */
  private readonly settings = new Map<string, FileSettings>();

  /** What the config of `file` says about it: the check options, whether it is ignored, and for a JSON payload whether it is included and its kind. */
  settingsFor(file: string): FileSettings {
    let found = this.settings.get(file);
    if (!found) {
      const config = this.fixed ?? this.configs.get(dirname(file));
      const rel = config ? relative(config.dir, file).split(sep).join("/") : "";
      const kind = config && this.module ? this.module.payloadKindFor(config, rel) : undefined;
      found =
        config && this.module
          ? { options: this.module.checkOptionsFor(config, rel), ignored: this.module.isIgnored(config, rel), included: this.module.isIncluded(config, rel), ...(kind !== undefined ? { kind } : {}) }
          : { options: {}, ignored: false, included: false };
      this.settings.set(file, found);
    }
    return found;
  }
}

/** What a config says about one file. */
export interface FileSettings {
  readonly options: CheckOptions;
  /** The config's `ignore` takes it: left out when a folder or glob found it. */
  readonly ignored: boolean;
  /** The config's `include` takes it: a JSON payload found in a folder is checked. */
  readonly included: boolean;
  /** The kind of payload an override says the JSON file is. */
  readonly kind?: string;
}

/** Warnings already given in a run (by its stderr; `--fix` finds the configs again): each is said once. */
const warned = new WeakMap<object, Set<string>>();

/** Says `message` on stderr as a warning, unless this run said it already. */
export function warnOnce(io: Pick<CliIo, "stderr" | "env">, message: string): void {
  let said = warned.get(io.stderr);
  if (!said) warned.set(io.stderr, (said = new Set()));
  if (said.has(message)) return;
  said.add(message);
  io.stderr.write(`${colorsFor(useColors(io.stderr, io.env)).yellow("warning:")} ${message}\n`);
}

/**
 * The config at `path`; undefined when it was `found` by looking upward (not named with
 * --config) and is not believed. A folder, FIFO or device there is an error, never waited on.
 */
function read(module: typeof ConfigModule, path: string, io: ConfigIo, found: boolean): ConfigModule.Config | undefined {
  const shown = displayPath(path, io.cwd);
  let file: ReturnType<typeof readRegularFileOrThrow>;
  try {
    file = readRegularFileOrThrow(path);
  } catch (error) {
    throw new CliError(`cannot read the config '${shown}': ${describeFsError(error)}`);
  }
  const untrusted = found ? untrustedConfigReason(path, file.stats) : undefined;
  if (untrusted !== undefined) {
    warnOnce(io, `the config '${shown}' is not used, as ${untrusted}: the default settings apply to the files below it instead. Only a config that no one else can have written applies; name it with --config to use it all the same.`);
    return undefined;
  }
  const text = decodeText(file.bytes);
  if (text.problem) throw new CliError(`${shown}:${text.problem.line}:${text.problem.column}: ${text.problem.message}`);
  try {
    return module.parseConfig(text.text, shown, dirname(path));
  } catch (error) {
    if (error instanceof module.ConfigError) throw new CliError(error.message);
    throw error;
  }
}
