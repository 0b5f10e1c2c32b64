/**
 * Writes a set of files so that a reader never sees a half-written file and a failure leaves the
 * old files in place: every file goes to a temporary file in its own directory first, and only
 * when all of them are written are they renamed over their targets (rename is atomic within a
 * directory). A write also removes the temporary files an earlier write left there when it was
 * killed, and only those that are provably such files (removeStaleTemporaries).
 */
import { constants } from "node:fs";
import { lstat, mkdir, open, readdir, rename, unlink, writeFile, type FileHandle } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { createHash, randomBytes } from "node:crypto";
import { hostname } from "node:os";

export interface FileToWrite {
  readonly path: string;
  readonly content: string;
}

export interface WriteReport {
  readonly written: readonly string[];
  /** Files whose content was already the same; left untouched so their mtime does not change. */
  readonly unchanged: readonly string[];
}

let host: string | undefined;

/**
 * This machine, in temporary names: a process id says whether the writer still runs only on the
 * machine that ran it. Computed on the first write, not at start-up: hashing loads node:crypto.
 */
function thisHost(): string {
  host ??= createHash("sha256").update(hostname()).digest("hex").slice(0, 8);
  return host;
}

/**
 * The temporary name of `path` for the write of process `pid`: `.<name>.<host>-<pid>-<random>.<i>.tmp`
 * beside it (hidden, and never a name the compiler writes).
 */
export function temporaryName(path: string, pid: number, random: string, index: number): string {
  return join(dirname(path), `.${basename(path)}.${thisHost()}-${pid}-${random}.${index}.tmp`);
}

/** Our temporary names: the current form, and the form before the host was part of it (`.<name>.<pid>.<random>.<i>.tmp`). */
const TEMPORARY = /^\..+\.([0-9a-f]{8})-(\d+)-[0-9a-f]{8}\.\d+\.tmp$/;
const OLD_TEMPORARY = /^\..+\.\d+\.[0-9a-f]{8}\.\d+\.tmp$/;

/** Past this age a temporary file is stale whoever wrote it: no write takes a day between writing and renaming. */
const STALE_AFTER_MS = 24 * 60 * 60 * 1000;

export async function writeFilesAtomically(files: readonly FileToWrite[], onProgress?: (done: number, total: number) => void): Promise<WriteReport> {
  const dirs = new Set(files.map((f) => dirname(f.path)));
  for (const dir of dirs) await mkdir(dir, { recursive: true });
  for (const dir of dirs) await removeStaleTemporaries(dir);

  const pending: { readonly temp: string; readonly path: string }[] = [];
  const unchanged: string[] = [];
  const random = randomBytes(4).toString("hex");
  try {
    for (const [i, f] of files.entries()) {
      onProgress?.(i, files.length);
      if ((await readIfExists(f.path)) === f.content) {
        unchanged.push(f.path);
        continue;
      }
      const temp = temporaryName(f.path, process.pid, random, i);
      pending.push({ temp, path: f.path });
      await writeFile(temp, f.content, { encoding: "utf8", flag: "wx" });
    }
    const written: string[] = [];
    for (const p of pending) {
      await rename(p.temp, p.path);
      written.push(p.path);
    }
    return { written, unchanged };
  } catch (error) {
    await Promise.all(pending.map((p) => unlink(p.temp).catch(() => undefined)));
    throw error;
  }
}

/**
 * Removes from `dir` the temporary files of writes that were killed before they renamed them, and
 * nothing else: a file (never a symbolic link, which is not followed) with our temporary name,
 * owned by the user running this, whose writer is known to have ended: its process, on this
 * machine, no longer runs, or it is a day old. A concurrent write's files, of a live process or
 * another machine sharing the folder, are left alone. Where file owners cannot be told (Windows),
 * nothing is removed. Best effort: a file that cannot be examined or removed is left.
 */
export async function removeStaleTemporaries(dir: string, now = Date.now()): Promise<string[]> {
  const uid = process.getuid?.();
  if (uid === undefined) return [];
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    const current = TEMPORARY.exec(name);
    if (!current && !OLD_TEMPORARY.test(name)) continue;
    const path = join(dir, name);
    try {
      const stats = await lstat(path);
      if (!stats.isFile() || stats.uid !== uid) continue;
      const old = now - stats.mtimeMs > STALE_AFTER_MS;
      // Only a process of this machine can be asked whether it still runs.
      const ended = current !== null && current[1] === thisHost() && Number(current[2]) !== process.pid && !isRunning(Number(current[2]));
      if (!old && !ended) continue;
      await unlink(path);
      removed.push(path);
    } catch {
      // Gone already, or not ours to remove.
    }
  }
  return removed;
}

/**
 * Whether process `pid` may run: false only when the system says there is no such process (a
 * process of another user counts, as signal 0 is refused, not unknown). A number that names no
 * single process (0 would signal the process group) is never taken for an ended writer.
 */
function isRunning(pid: number): boolean {
  if (!Number.isSafeInteger(pid) || pid <= 0) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return !(error instanceof Error && "code" in error && error.code === "ESRCH");
  }
}

/**
 * The current content of a regular file at `path`; undefined when there is none to compare. A
 * target that exists but cannot be replaced (a directory) fails here, before any rename. The
 * target is opened without following a link and without waiting: a link planted there (to
 * /dev/zero, to another user's file) is never read through, nor does a FIFO block the write; the
 * rename then replaces the link or FIFO itself, never what it names.
 */
async function readIfExists(path: string): Promise<string | undefined> {
  let handle: FileHandle;
  try {
    handle = await open(path, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    const code = error instanceof Error && "code" in error ? error.code : undefined;
    // ELOOP (EMLINK on BSD): the target is a link, which O_NOFOLLOW refuses to open.
    if (code === "ENOENT" || code === "ELOOP" || code === "EMLINK") return undefined;
    throw error;
  }
  try {
    const stats = await handle.stat();
    if (stats.isDirectory()) throw Object.assign(new Error(`EISDIR: illegal operation on a directory, open '${path}'`), { code: "EISDIR" });
    return stats.isFile() ? await handle.readFile("utf8") : undefined;
  } finally {
    await handle.close();
  }
}
