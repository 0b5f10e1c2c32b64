/**
 * The process's stdout and stderr for the CLI, written with `fs.writeSync` on their file
 * descriptors. Touching `process.stdout` makes Node load its stream machinery (net, streams and,
 * for a terminal, tty): about 3 ms of every run, for the one line a check of a clean file prints.
 *
 * A write to a descriptor someone else left non-blocking can fail with EAGAIN when the reader is
 * slow (a full pipe): from then on the stream hands everything, starting with what was not yet
 * written, to Node's own stream (`fallback`), which waits for the reader. Order is kept, because
 * every earlier write was complete when it returned.
 */
import { fstatSync, statSync, writeSync } from "node:fs";
import type { CliStream } from "./io.js";

/** What an fd stream needs of its process; tests give their own. */
export interface FdStreamHost {
  readonly fd: number;
  /** `fs.writeSync(fd, bytes, offset)`: the number of bytes written. */
  readonly write: (fd: number, bytes: Uint8Array, offset: number) => number;
  /** Whether `fd` is a terminal (asked only of a character device other than /dev/null). */
  readonly isTerminal: (fd: number) => boolean;
  /** Whether `fd` may be a terminal: a character device (a pipe or a file never is) that is not /dev/null. */
  readonly mayBeTerminal: (fd: number) => boolean;
  /** Node's stream for the descriptor, taken when a write would block. */
  readonly fallback: () => { write(chunk: string | Uint8Array): unknown };
  /** The reader went away (EPIPE): the caller decides how the process ends. */
  readonly closed: () => void;
  /** Any other failure of the descriptor. */
  readonly failed: (error: NodeJS.ErrnoException) => void;
}

export function fdStream(host: FdStreamHost): CliStream {
  let slow: ReturnType<FdStreamHost["fallback"]> | undefined;
  let tty: boolean | undefined;
  return {
    write(text: string): void {
      if (slow) {
        slow.write(text);
        return;
      }
      const bytes = Buffer.from(text, "utf8");
      let offset = 0;
      while (offset < bytes.length) {
        try {
          offset += host.write(host.fd, bytes, offset);
        } catch (error) {
          const code = (error as NodeJS.ErrnoException).code;
          if (code === "EAGAIN") {
            slow = host.fallback();
            // Bytes, not text: the write may have stopped inside a character.
            slow.write(bytes.subarray(offset));
            return;
          }
          if (code === "EPIPE") host.closed();
          else host.failed(error as NodeJS.ErrnoException);
          return;
        }
      }
    },
    get isTTY(): boolean {
      tty ??= host.mayBeTerminal(host.fd) && host.isTerminal(host.fd);
      return tty;
    },
  };
}

/** Whether `fd` may be a terminal: a character device (a pipe or a file never is) that is not /dev/null. */
export function mayBeTerminal(fd: number): boolean {
  try {
    const stats = fstatSync(fd);
    if (!stats.isCharacterDevice()) return false;
    const devNull = statSync("/dev/null", { throwIfNoEntry: false });
    return !(devNull && devNull.dev === stats.dev && devNull.ino === stats.ino);
  } catch {
    return false;
  }
}

/**
 * Standard output or error of this process (fd 1 or 2) as an fd stream. `closed` and `failed` are
 * called for the descriptor's failures, and for those of Node's stream once it took over.
 */
export function processFdStream(fd: 1 | 2, closed: () => void, failed: (error: NodeJS.ErrnoException) => void): CliStream {
  return fdStream({
    fd,
    write: (target, bytes, offset) => writeSync(target, bytes, offset),
    mayBeTerminal,
    // node:tty loads net: only a character device other than /dev/null (a terminal) pays for it.
    isTerminal: (target) => process.getBuiltinModule("node:tty").isatty(target),
    fallback: () => {
      const stream = fd === 1 ? process.stdout : process.stderr;
      stream.on("error", (error: NodeJS.ErrnoException) => (error.code === "EPIPE" ? closed() : failed(error)));
      return stream;
    },
    closed,
    failed,
  });
}
