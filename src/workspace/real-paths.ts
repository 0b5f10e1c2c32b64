/**
 * Files reached through symbolic links. Imports are bounded, and input files told apart, by where
 * a file really is, not by the name it was reached through: a link inside a project can name any
 * file on the machine (with `ln -s / root`, `root/etc/passwd` is a path inside the project).
 */
import { closeSync, constants, fstatSync, openSync, readFileSync, realpathSync, statSync, type Stats } from "node:fs";
import { isInside } from "../util/index.js";

/** The real path of `path` (every link on the way followed); undefined when it does not exist, or is a dangling link or a loop of links. */
export function realPath(path: string): string | undefined {
  try {
    return realpathSync.native(path);
  } catch {
    return undefined;
  }
}

/**
 * Opening never waits: a FIFO where a file is expected would otherwise block the read forever.
 * Windows has no O_NONBLOCK (and no FIFOs in the file system).
 */
const OPEN_FOR_READING = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

/** `use` of `path` opened for reading (without waiting), closed after. Throws what opening throws. */
function withOpenFile<T>(path: string, use: (fd: number) => T): T {
  const fd = openSync(path, OPEN_FOR_READING);
  try {
    return use(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * The bytes of `path` when it is a regular file whose real path lies inside `realRoot`; undefined
 * when it is missing, elsewhere or not a regular file. The file is opened first, and the file its
 * real path names must be the one that was opened (same device and inode): what is read is the
 * file that was checked, even when a link on the way is changed in between.
 */
export function readFileInside(path: string, realRoot: string): Buffer | undefined {
  try {
    return withOpenFile(path, (fd) => {
      const opened = fstatSync(fd, { bigint: true });
      const real = realPath(path);
      if (!opened.isFile() || real === undefined || !isInside(realRoot, real)) return undefined;
      const named = statSync(real, { bigint: true });
      return named.dev === opened.dev && named.ino === opened.ino ? readFileSync(fd) : undefined;
    });
  } catch {
    return undefined;
  }
}

/**
 * The bytes of `path` (links followed) when it is a regular file that `accept` accepts;
 * undefined when it is missing, unreadable, a FIFO, a device or a folder, or refused.
 */
export function readRegularFile(path: string, accept: (stats: Stats) => boolean = () => true): Buffer | undefined {
  try {
    return withOpenFile(path, (fd) => {
      const stats = fstatSync(fd);
      return stats.isFile() && accept(stats) ? readFileSync(fd) : undefined;
    });
  } catch {
    return undefined;
  }
}

/** A path that names something other than a regular file where a file is to be read: a FIFO, socket or device. */
export class NotAFileError extends Error {
  readonly code = "ENOTFILE";
  constructor(kind: string) {
    super(`it is ${kind}, not a regular file`);
    this.name = "NotAFileError";
  }
}

/**
 * The bytes of the regular file `path` (links followed) and what `fstat` says of it. Throws what
 * the file system throws (a missing file, say), EISDIR for a folder and NotAFileError for a FIFO,
 * socket or device, which are never read: the open does not wait, and nothing is read from them.
 */
export function readRegularFileOrThrow(path: string): { readonly bytes: Buffer; readonly stats: Stats } {
  return withOpenFile(path, (fd) => {
    const stats = fstatSync(fd);
    if (stats.isDirectory()) throw Object.assign(new Error(`EISDIR: illegal operation on a directory, read '${path}'`), { code: "EISDIR" });
    if (!stats.isFile()) throw new NotAFileError(stats.isFIFO() ? "a FIFO" : stats.isSocket() ? "a socket" : "a device");
    return { bytes: readFileSync(fd), stats };
  });
}

/**
 * Whether a file holds data only this user (or root) can have written: it is this user's and
 * not writable by everyone. Group-writable is allowed: with a private group per user (umask 002)
 * every file is. Without user ids (Windows) every file passes.
 */
export function writtenOnlyByThisUser(stats: Stats): boolean {
  const uid = process.getuid?.();
  return uid === undefined || (stats.uid === uid && (stats.mode & 0o002) === 0);
}
