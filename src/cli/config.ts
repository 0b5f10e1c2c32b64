/**
 * Finding and reading `b24layout.config.json` for the CLI: the nearest one above each checked file,
 * or the one given with --config for every file. A config with mistakes is a usage error that
 * lists each mistake at its line and column. The config reader (and the JSON parser it uses) is
 * loaded only when there is a config to read: a run without one starts as fast as before.
 */
import { dirname, join, relative, resolve, sep } from "node:path";
import type { CheckOptions } from "../check/checker.js";
import type * as ConfigModule from "../config/config.js";
import { describeFsError, findUpward } from "./files.js";
import { CliError } from "./io.js";
import { displayPath } from "./output.js";
import { readTextFile } from "./text-file.js";

/** The name looked for; also in config/config.ts (CONFIG_FILE), which this file does not load up front. */
const CONFIG_FILE = "b24layout.config.json";

export class ConfigFinder {
  private constructor(
    private readonly configs: ReadonlyMap<string, ConfigModule.Config>,
    private readonly fixed: ConfigModule.Config | undefined,
    private readonly module: typeof ConfigModule | undefined,
  ) {}

  /** Reads the configs that apply to `files` (or the one at `configPath` for all of them). */
  static async forFiles(cwd: string, configPath: string | undefined, files: readonly string[]): Promise<ConfigFinder> {
    const paths = new Set<string>();
    /** The config file that applies to each folder of a checked file. */
    const byDir = new Map<string, string | undefined>();
    const lookup = (dir: string): string | undefined => {
      if (!byDir.has(dir)) {
        const found = findUpward(dir, [CONFIG_FILE]);
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
    const module = await import("../config/config.js");
    const configs = new Map<string, ConfigModule.Config>();
    for (const path of paths) configs.set(path, read(module, path, cwd));
    const byFileDir = new Map<string, ConfigModule.Config>();
    if (!fixedPath) {
      for (const [dir, path] of byDir) if (path) byFileDir.set(dir, configs.get(path)!);
    }
    return new ConfigFinder(byFileDir, fixedPath ? configs.get(fixedPath) : undefined, module);
  }

  /** Settings by file: asked for once to filter the files and once to check each. */
  private readonly settings = new Map<string, { options: CheckOptions; ignored: boolean }>();

  /** What the config of `file` says about it: the check options, and whether it is ignored. */
  settingsFor(file: string): { options: CheckOptions; ignored: boolean } {
    let found = this.settings.get(file);
    if (!found) {
      const config = this.fixed ?? this.configs.get(dirname(file));
      const rel = config ? relative(config.dir, file).split(sep).join("/") : "";
      found = config && this.module ? { options: this.module.checkOptionsFor(config, rel), ignored: this.module.isIgnored(config, rel) } : { options: {}, ignored: false };
      this.settings.set(file, found);
    }
    return found;
  }
}

function read(module: typeof ConfigModule, path: string, cwd: string): ConfigModule.Config {
  const shown = displayPath(path, cwd);
  let text: string;
  try {
    const read = readTextFile(path);
    if (read.problem) throw new CliError(`${shown}:${read.problem.line}:${read.problem.column}: ${read.problem.message}`);
    text = read.text;
  } catch (error) {
    if (error instanceof CliError) throw error;
    throw new CliError(`cannot read the config '${shown}': ${describeFsError(error)}`);
  }
  try {
    return module.parseConfig(text, shown, dirname(path));
  } catch (error) {
    if (error instanceof module.ConfigError) throw new CliError(error.message);
    throw error;
  }
}
