/**
 * `--watch` for `check` and `build`, as `tsc -w` does: run, then run again whenever a source, an
 * imported file, a config or the --params file changes, until the process is stopped. A run that
 * fails (a file with errors, a missing file, a broken config) is reported and the watch goes on.
 * On a terminal each run clears the screen first; in a pipe a timestamped line separates the
 * runs. Changes that come together (an editor's save, a `git checkout`) make one run: events are
 * debounced, and a change during a run makes one more run after it.
 *
 * What is watched: the project root of each input (the folder with its package.json or .git,
 * which imports cannot leave, and where the config search stops), for `*.b24layout` files and
 * `b24layout.config.json`, and the --config and --params files by name; never node_modules,
 * .git, nor the build's own output folder.
 */
import { basename, dirname, join, resolve, sep } from "node:path";
import picomatch from "picomatch";
import { projectRoot, SOURCE_EXTENSION } from "./files.js";
import { CliError, type CliIo } from "./io.js";
import { colorsFor, displayPath, useColors } from "./output.js";

/** How long to wait after a change for the others that come with it. */
const DEBOUNCE_MS = 150;
const CONFIG_FILE = "b24layout.config.json";
const CLEAR_SCREEN = "\u001b[2J\u001b[3J\u001b[H";

export interface WatchOptions {
  /** The paths, directories and globs given. */
  readonly inputs: readonly string[];
  /** Files to watch by name (--config, --params). */
  readonly files: readonly string[];
  /** The build's output folder, whose changes are the watch's own. */
  readonly outDir?: string;
  /** `--color` / `--no-color`. */
  readonly color?: boolean;
}

/** The folders watched for the inputs: the project root of each. */
export function watchedRoots(inputs: readonly string[], cwd: string): string[] {
  const roots = new Set<string>();
  for (const input of inputs) {
    const base = picomatch.scan(input).base || ".";
    roots.add(projectRoot(join(resolve(cwd, base), "_"), cwd));
  }
  return [...roots];
}

/** Runs `run` now and again at every relevant change; never returns (the process is stopped with a signal). */
export async function watch(run: () => Promise<number>, options: WatchOptions, io: CliIo): Promise<never> {
  const { watch: chokidarWatch } = await import("chokidar");
  const c = colorsFor(useColors(io.stderr, io.env, options.color));
  const tty = io.stdout.isTTY === true;
  const named = new Set(options.files.map((f) => resolve(io.cwd, f)));
  const outDir = options.outDir === undefined ? undefined : resolve(io.cwd, options.outDir);
  const inside = (path: string, dir: string) => path === dir || path.startsWith(dir + sep);
  const ignored = (path: string) => {
    if (named.has(path)) return false;
    if (outDir !== undefined && inside(path, outDir)) return true;
    return path.split(sep).some((part) => part === "node_modules" || part === ".git");
  };
  const relevant = (path: string) => named.has(path) || path.endsWith(SOURCE_EXTENSION) || basename(path) === CONFIG_FILE;
  const time = () => new Date().toTimeString().slice(0, 8);

  const once = async (): Promise<void> => {
    try {
      await run();
    } catch (error) {
      // What `main` would print and exit on: here it is printed, and the watch goes on.
      if (error instanceof CliError) for (const line of error.message.split("\n")) io.stderr.write(`${c.red("error:")} ${line}\n`);
      else io.stderr.write(`${c.red("internal error:")} ${error instanceof Error ? error.message : String(error)}\n`);
    }
    io.stderr.write(`${c.dim(`[${time()}] watching for changes (Ctrl-C to stop)`)}\n`);
  };

  let running = false;
  let again: string | undefined;
  let timer: NodeJS.Timeout | undefined;
  const rerun = async (changed: string): Promise<void> => {
    if (running) {
      again = changed;
      return;
    }
    await runThenCatchUp(changed);
  };
  /** A run (the first when `changed` is undefined), then one more if something changed meanwhile. */
  const runThenCatchUp = async (changed: string | undefined): Promise<void> => {
    running = true;
    if (tty) io.stdout.write(CLEAR_SCREEN);
    else if (changed !== undefined) io.stderr.write(`\n${c.dim(`[${time()}] ${displayPath(changed, io.cwd)} changed: running again`)}\n`);
    await once();
    running = false;
    if (again !== undefined) {
      const next = again;
      again = undefined;
      await rerun(next);
    }
  };

  // Watching starts before the first run, so no change made once it is reported goes unseen.
  const roots = watchedRoots(options.inputs, io.cwd);
  const watcher = chokidarWatch([...roots, ...[...named].map((f) => dirname(f))], { ignoreInitial: true, ignored, persistent: true });
  watcher.on("all", (_event, path) => {
    const absolute = resolve(io.cwd, path);
    if (!relevant(absolute) || ignored(absolute)) return;
    clearTimeout(timer);
    timer = setTimeout(() => void rerun(absolute), DEBOUNCE_MS);
  });
  watcher.on("error", (error) => io.stderr.write(`${c.yellow("warning:")} watching: ${error instanceof Error ? error.message : String(error)}\n`));
  await new Promise<void>((ready) => watcher.once("ready", () => ready()));
  await runThenCatchUp(undefined);
  return new Promise<never>(() => {});
}
