/**
 * Finding and reading `b24layout.config.json` for the CLI: the nearest one above each checked file,
 * or the one given with --config for every file. A config with mistakes is a usage error that
 * lists each mistake at its line and column.
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import { CONFIG_FILE, ConfigError, checkOptionsFor, isIgnored, parseConfig, type Config } from "../config/config.js";
import type { CheckOptions } from "../check/checker.js";
import { describeFsError } from "./files.js";
import { CliError } from "./io.js";
import { displayPath } from "./output.js";

export class ConfigFinder {
  /** Configs by folder (undefined: none at or above it). */
  private readonly byDir = new Map<string, Config | undefined>();
  private readonly fixed: Config | undefined;

  constructor(
    private readonly cwd: string,
    configPath: string | undefined,
  ) {
    this.fixed = configPath === undefined ? undefined : this.read(resolve(cwd, configPath));
  }

  /** The config that applies to a file, if any. */
  configFor(file: string): Config | undefined {
    if (this.fixed) return this.fixed;
    return this.lookup(dirname(file));
  }

  /** What the config of `file` says about it: the check options, and whether it is ignored. */
  settingsFor(file: string): { options: CheckOptions; ignored: boolean } {
    const config = this.configFor(file);
    if (!config) return { options: {}, ignored: false };
    const rel = relative(config.dir, file).split(sep).join("/");
    return { options: checkOptionsFor(config, rel), ignored: isIgnored(config, rel) };
  }

  private lookup(dir: string): Config | undefined {
    if (this.byDir.has(dir)) return this.byDir.get(dir);
    const candidate = join(dir, CONFIG_FILE);
    const parent = dirname(dir);
    const config = existsSync(candidate) ? this.read(candidate) : parent === dir ? undefined : this.lookup(parent);
    this.byDir.set(dir, config);
    return config;
  }

  private read(path: string): Config {
    const shown = displayPath(path, this.cwd);
    let text: string;
    try {
      text = readFileSync(path, "utf8");
    } catch (error) {
      throw new CliError(`cannot read the config '${shown}': ${describeFsError(error)}`);
    }
    try {
      return parseConfig(text.replace(/^\uFEFF/, ""), shown, dirname(path));
    } catch (error) {
      if (error instanceof ConfigError) throw new CliError(error.message);
      throw error;
    }
  }
}
