/**
 * One updating line on stderr for runs that take a while ("checked 412/1000 files"), as a
 * terminal user expects of a long `check` or `fmt --check`. It appears only once a run has taken
 * more than a second, is redrawn at most ten times a second, and is erased when the run ends, so
 * the report starts on a clean line. Never when stderr is not a terminal, in CI (`CI` set), with
 * `TERM=dumb`, or with a report format other than stylish (which a machine reads).
 */
import type { CliIo } from "./io.js";

/** A run shorter than this shows no progress. */
const SHOW_AFTER_MS = 1000;
const REDRAW_EVERY_MS = 100;
const ERASE_LINE = "\r\u001b[K";

export interface Progress {
  /** `done` of `total` files are through; `verb` (default the one the progress started with) says what was done to them. */
  tick(done: number, total: number, verb?: string): void;
  /** Erases the line, if one was drawn. */
  end(): void;
}

const SILENT: Progress = { tick: () => {}, end: () => {} };

/** Whether progress may be shown on this run's stderr. */
export function showsProgress(io: Pick<CliIo, "stderr" | "env">, stylish: boolean): boolean {
  const ci = io.env["CI"];
  return stylish && io.stderr.isTTY === true && (ci === undefined || ci === "" || ci === "0" || ci === "false") && io.env["TERM"] !== "dumb";
}

/** A progress line saying `<verb> N/M files`, or nothing when `enabled` is false. */
export function startProgress(io: Pick<CliIo, "stderr" | "clock">, verb: string, enabled: boolean): Progress {
  if (!enabled) return SILENT;
  const now = io.clock ?? Date.now;
  const started = now();
  let drawnAt: number | undefined;
  return {
    tick(done, total, what = verb) {
      const t = now();
      if (t - started < SHOW_AFTER_MS || (drawnAt !== undefined && t - drawnAt < REDRAW_EVERY_MS && done < total)) return;
      drawnAt = t;
      io.stderr.write(`${ERASE_LINE}${what} ${done}/${total} files`);
    },
    end() {
      if (drawnAt !== undefined) io.stderr.write(ERASE_LINE);
      drawnAt = undefined;
    },
  };
}
