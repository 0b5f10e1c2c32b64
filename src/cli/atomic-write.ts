/**
 * Writes a set of files so that a reader never sees a half-written file and a failure leaves the
 * old files in place: every file goes to a temporary file in its own directory first, and only
 * when all of them are written are they renamed over their targets (rename is atomic within a
 * directory).
 */
import { mkdir, readFile, rename, unlink, writeFile } from "node:fs/promises";
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

/** The current content; a target that exists but cannot be read (a directory) fails here, before any rename. */
async function readIfExists(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, "utf8");
  } catch (error) {
    if (error instanceof Error && "code" in error && error.code === "ENOENT") return undefined;
    throw error;
  }
}
