/**
 * `--watch` for `check` and `build` (and what `preview --serve` watches), as `tsc -w` does: run, then run again whenever a source, an
 * imported file, a config or the --params file changes, until the process is stopped. A run that
 * fails (a file with errors, a missing file, a broken config) is reported and the watch goes on.
 * On a terminal each run clears the screen first; a timestamped line names the file that started
 * it (in a pipe, it separates the runs). Changes that come together (an editor's save, a `git checkout`) make one run: events are
 * debounced, and a change during a run makes one more run after it.
 *
 * What is watched: the project root of each input (the folder with its package.json or .git,
 * which imports cannot leave, and where the config search stops), for `*.b24layout` files and
 * `b24layout.config.json`, the --config and --params files by name, and, for `check`, the JSON
 * payloads among its inputs (a JSON file named, matched by a glob, or under a folder given);
 * never node_modules, .git, nor what the run writes itself (the build's output folder, check's
 * --output-file and cache).
 */
import { basename, dirname, join, resolve, sep } from "node:path";
import picomatch from "picomatch";
import { isPayloadPath, projectRoot, refuseNoInputs, SOURCE_EXTENSION } from "./files.js";
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
  /** Files the run writes itself (check's --output-file and cache): never a reason to run again. */
  readonly writes?: readonly string[];
  /** Whether JSON files among the inputs are inputs too (`check`, which checks them as payloads). */
  readonly payloads?: boolean;
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

/** Whether a path (absolute) is a JSON payload that `inputs` take: named, matched by a glob, or under a folder given. Each input's matcher is made once. */
export function payloadInputs(inputs: readonly string[], cwd: string): (path: string) => boolean {
  const matchers = inputs.map((input): ((path: string) => boolean) => {
    const absolute = resolve(cwd, input);
    if (!picomatch.scan(input).isGlob) return (path) => path === absolute || path.startsWith(absolute.endsWith(sep) ? absolute : absolute + sep);
    const matches = picomatch(absolute.split(sep).join("/"), { dot: false });
    return (path) => matches(path.split(sep).join("/"));
  });
  return (path) => isPayloadPath(path) && matchers.some((m) => m(path));
}

/** A running watch of the inputs (see `watchInputs`). */
export interface InputWatch {
  close(): Promise<void>;
}

/**
 * Watches what a run over `options.inputs` reads (see the top of this file) and calls `changed`
 * with the last path of each burst of changes, once they settle. Resolves once the watch is ready,
 * so no change made after it resolves goes unseen.
 */
export async function watchInputs(options: WatchOptions, cwd: string, changed: (path: string) => void, failed: (error: unknown) => void): Promise<InputWatch> {
  const { watch: chokidarWatch } = await import("chokidar");
  const named = new Set(options.files.map((f) => resolve(cwd, f)));
  const writes = new Set((options.writes ?? []).map((f) => resolve(cwd, f)));
  const outDir = options.outDir === undefined ? undefined : resolve(cwd, options.outDir);
  const inside = (path: string, dir: string) => path === dir || path.startsWith(dir + sep);
  const ignored = (path: string) => {
    if (named.has(path)) return false;
    if (writes.has(path)) return true;
    if (outDir !== undefined && inside(path, outDir)) return true;
    return path.split(sep).some((part) => part === "node_modules" || part === ".git");
  };
  const isPayloadInput = options.payloads === true ? payloadInputs(options.inputs, cwd) : () => false;
  const relevant = (path: string) => named.has(path) || path.endsWith(SOURCE_EXTENSION) || basename(path) === CONFIG_FILE || isPayloadInput(path);
  let timer: NodeJS.Timeout | undefined;
  const roots = watchedRoots(options.inputs, cwd);
  const watcher = chokidarWatch([...roots, ...[...named].map((f) => dirname(f))], { ignoreInitial: true, ignored, persistent: true });
  watcher.on("all", (_event, path) => {
    const absolute = resolve(cwd, path);
    if (!relevant(absolute) || ignored(absolute)) return;
    clearTimeout(timer);
    timer = setTimeout(() => changed(absolute), DEBOUNCE_MS);
  });
  watcher.on("error", failed);
  await new Promise<void>((ready) => watcher.once("ready", () => ready()));
  return {
    close: async () => {
      clearTimeout(timer);
      await watcher.close();
    },
  };
}

/** Runs `run` now and again at every relevant change; never returns (the process is stopped with a signal). */
export async function watch(run: () => Promise<number>, options: WatchOptions, io: CliIo): Promise<never> {
  // Nothing to watch would be a process with nothing to wait for: it ended at once, silently, with 0.
  refuseNoInputs(options.inputs);
  const c = colorsFor(useColors(io.stderr, io.env, options.color));
  const tty = io.stdout.isTTY === true;
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
    // On a cleared screen too (as tsc -w says so), or the same report could look like no run at all.
    if (changed !== undefined) io.stderr.write(`${tty ? "" : "\n"}${c.dim(`[${time()}] ${displayPath(changed, io.cwd)} changed: running again`)}\n`);
    await once();
    running = false;
    if (again !== undefined) {
      const next = again;
      again = undefined;
      await rerun(next);
    }
  };

  // Watching starts before the first run, so no change made once it is reported goes unseen.
  await watchInputs(
    options,
    io.cwd,
    (path) => void rerun(path),
    (error) => io.stderr.write(`${c.yellow("warning:")} watching: ${error instanceof Error ? error.message : String(error)}\n`),
  );
  await runThenCatchUp(undefined);
  return new Promise<never>(() => {});
}
