/**
 * Writes a set of files so that a reader never sees a half-written file and a failure leaves the
 * old files in place: every file goes to a temporary file in its own directory first, and only
 * when all of them are written are they renamed over their targets (rename is atomic within a
 * directory).
 */
import { constants } from "node:fs";
import { mkdir, open, rename, unlink, writeFile, type FileHandle } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { randomBytes } from "node:crypto";

export interface FileToWrite {
  readonly path: string;
  readonly content: string;
}

export interface WriteReport {
  readonly written: readonly string[];
  /** Files whose content was already the same; left untouched so their mtime does not change. */
  readonly unchanged: readonly string[];
}

export async function writeFilesAtomically(files: readonly FileToWrite[]): Promise<WriteReport> {
  for (const dir of new Set(files.map((f) => dirname(f.path)))) await mkdir(dir, { recursive: true });

  const pending: { readonly temp: string; readonly path: string }[] = [];
  const unchanged: string[] = [];
  const tag = `${process.pid}.${randomBytes(4).toString("hex")}`;
  try {
    for (const [i, f] of files.entries()) {
      if ((await readIfExists(f.path)) === f.content) {
        unchanged.push(f.path);
        continue;
      }
      const temp = join(dirname(f.path), `.${basename(f.path)}.${tag}.${i}.tmp`);
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
