/**
 * The `b24layout.config.json` of each open document, as the CLI finds it: the nearest one in the
 * document's folder or above, up to the repository root, used only when no one else can have
 * written it (src/workspace/config-files.ts; a refused one says why, and the defaults apply). Read once and kept until the editor reports that a config changed,
 * or, for an editor that does not watch files, until `refresh` finds that one did (by the files'
 * size, modification time and inode, and by looking again for the nearest config).
 * A config with mistakes gives its problems (shown on the config file) and the defaults.
 */
import { statSync } from "node:fs";
import { dirname, join, relative, sep } from "node:path";
import type { CheckOptions } from "../check/index.js";
import { checkOptionsFor, CONFIG_FILE, ConfigError, configProblem, isIgnored, isIncluded, parseConfig, payloadKindFor, type Config, type ConfigProblem } from "../config/index.js";
import { decodeText, findConfigUpward, readRegularFileOrThrow, untrustedConfigReason } from "../workspace/index.js";

export interface ConfigState {
  /** The config file that applies, if any. */
  readonly path: string | undefined;
  readonly config: Config | undefined;
  readonly problems: readonly ConfigProblem[];
  /** Set when the config was found but is not used, as someone else could have written it: why, as a sentence. */
  readonly refused?: string;
}

export class ConfigCache {
  private readonly byDir = new Map<string, string | undefined>();
  private readonly byPath = new Map<string, ConfigState>();
  /** What each config file was when it was read: its stamp (see `stampOf`). */
  private readonly stamps = new Map<string, string>();

  /**
   * @param cwdFor where the search from a folder stops when no repository or package.json does
   *   (as the working directory does for the CLI): the workspace folder it is in, else itself.
   */
  constructor(private readonly cwdFor: (dir: string) => string = (dir) => dir) {}

  private find(dir: string): string | undefined {
    const found = findConfigUpward(dir, [CONFIG_FILE], this.cwdFor(dir));
    return found === undefined ? undefined : join(found, CONFIG_FILE);
  }

  /** The check options for a file on disk. */
  optionsFor(file: string): CheckOptions {
    const state = this.stateFor(file);
    return state.config ? checkOptionsFor(state.config, relative(state.config.dir, file).split(sep).join("/")) : {};
  }

  /** Whether the config's `ignore` leaves a file out of the walk of a folder (as `b24layout check <folder>` does). */
  isIgnored(file: string): boolean {
    const state = this.stateFor(file);
    return state.config ? isIgnored(state.config, relative(state.config.dir, file).split(sep).join("/")) : false;
  }

  /**
   * What the config says of a JSON file: whether its `include` takes it (as `b24layout check` of
   * the folder would: not when `ignore` leaves it out, never the config itself), and the kind the
   * last override naming one gives it.
   */
  payloadOf(file: string): { readonly included: boolean; readonly kind: string | undefined } {
    const state = this.stateFor(file);
    if (!state.config) return { included: false, kind: undefined };
    const path = relative(state.config.dir, file).split(sep).join("/");
    const included = file !== state.path && isIncluded(state.config, path) && !isIgnored(state.config, path);
    return { included, kind: payloadKindFor(state.config, path) };
  }

  stateFor(file: string): ConfigState {
    const dir = dirname(file);
    if (!this.byDir.has(dir)) this.byDir.set(dir, this.find(dir));
    const path = this.byDir.get(dir);
    if (path === undefined) return { path: undefined, config: undefined, problems: [] };
    let state = this.byPath.get(path);
    if (!state) {
      this.stamps.set(path, stampOf(path));
      state = read(path);
      this.byPath.set(path, state);
    }
    return state;
  }

  /**
   * Forgets what it read when a config it read changed on disk, or when a folder it looked in now
   * has a different nearest config (one was created or deleted); true if so. A few `stat`s: cheap
   * enough for every change of a document.
   */
  refresh(): boolean {
    let changed = false;
    for (const [path, stamp] of this.stamps) if (stampOf(path) !== stamp) changed = true;
    for (const [dir, path] of this.byDir) {
      if (changed) break;
      if (this.find(dir) !== path) changed = true;
    }
    if (changed) this.clear();
    return changed;
  }

  /** Forgets everything: a config was created, changed or deleted. */
  clear(): void {
    this.byDir.clear();
    this.byPath.clear();
    this.stamps.clear();
  }
}

/** A file's identity and version as `stat` sees them ("" when it cannot be read). */
function stampOf(path: string): string {
  try {
    const s = statSync(path, { bigint: true });
    return `${s.ino}:${s.size}:${s.mtimeNs}:${s.ctimeNs}`;
  } catch {
    return "";
  }
}

function read(path: string): ConfigState {
  let text: string;
  try {
    const { bytes, stats } = readRegularFileOrThrow(path);
    const untrusted = untrustedConfigReason(path, stats);
    if (untrusted !== undefined) {
      const refused = `This config is not used, as ${untrusted}: the default settings apply to the files below it instead. Only a config that no one else can have written applies.`;
      return { path, config: undefined, problems: [], refused };
    }
    const file = decodeText(bytes);
    if (file.problem) return { path, config: undefined, problems: [configProblem(file.problem, file.problem.message)] };
    text = file.text;
  } catch (error) {
    return { path, config: undefined, problems: [configProblem({ offset: 0, line: 1, column: 1 }, `cannot read the config: ${error instanceof Error ? error.message : String(error)}`)] };
  }
  try {
    return { path, config: parseConfig(text, path, dirname(path)), problems: [] };
  } catch (error) {
    if (error instanceof ConfigError) return { path, config: undefined, problems: error.problems };
    throw error;
  }
}
