/**
 * The build manifest: `.b24layout-manifest.json` in the output folder, naming every file a build
 * wrote there with the SHA-256 of what it wrote and the source it was built from. `build --clean`
 * removes the files an earlier build wrote from this build's sources (or from a source that is
 * gone) that this build no longer writes (a renamed declaration's old `<name>.<kind>.json`), and
 * only those: another build's files into the same folder, of other sources, stay. A file is
 * removed only when the manifest is ours (a regular file of this user that no one else may
 * write), names it as a plain file name in the folder (no path, no `..`),
 * it is a regular file there (not a link) and its content is still what the build wrote. Anything
 * else is left, with a warning. The manifest is read as hostile input: a bad one is ignored whole
 * (a warning says why), a bad entry is dropped.
 */
import { createHash } from "node:crypto";
import { closeSync, constants, fstatSync, openSync, readFileSync, type Stats } from "node:fs";
import { lstat, readFile, unlink } from "node:fs/promises";
import { join, relative, resolve, sep } from "node:path";
import { errorCode } from "./files.js";

export const MANIFEST_FILE = ".b24layout-manifest.json";
const GENERATOR = "b24layout build";
/** 2 names each file's source; a manifest of version 1 (hashes only) is still read. */
const VERSION = 2;
/** No build writes a manifest this big: a bigger one is not read. */
const MAX_MANIFEST_BYTES = 8 * 1024 * 1024;

/** What a manifest says of one file: the hash of what was written, and the source it was built from (absolute; unknown for a shared file such as the types module, or in a version 1 manifest). */
export interface ManifestEntry {
  readonly sha256: string;
  readonly source?: string;
}

/** What a manifest says: each file by its name in the output folder. */
export type Manifest = ReadonlyMap<string, ManifestEntry>;

export function sha256(text: string | Uint8Array): string {
  return createHash("sha256").update(text).digest("hex");
}

/** A name a manifest may hold: a plain file name in the folder, never a path, a dot name or the manifest itself. */
function isManifestEntryName(name: string): boolean {
  return name.length > 0 && name.length <= 255 && !/[\\/\0]/.test(name) && name !== "." && name !== ".." && name !== MANIFEST_FILE;
}

/** The manifest's text for these files in `outDir` (sorted, so an unchanged build writes the same bytes; sources relative to the folder, so it may move). */
export function manifestText(files: Manifest, outDir: string): string {
  const sorted = Object.create(null) as Record<string, { sha256: string; source?: string }>;
  for (const name of [...files.keys()].sort()) {
    const { sha256: hash, source } = files.get(name)!;
    sorted[name] = source === undefined ? { sha256: hash } : { sha256: hash, source: relative(outDir, source).split(sep).join("/") };
  }
  return `${JSON.stringify({ generator: GENERATOR, version: VERSION, files: sorted }, null, 2)}\n`;
}

/**
 * The manifest in `outDir`: empty when there is none; `problem` says why one that is there is not
 * believed (it is then as if there were none: nothing is removed on its word).
 */
export function readManifest(outDir: string): { readonly files: Manifest; readonly problem?: string; readonly dropped: number } {
  const path = join(outDir, MANIFEST_FILE);
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    const code = errorCode(error);
    if (code === "ENOENT" || code === "ENOTDIR") return { files: new Map(), dropped: 0 };
    return { files: new Map(), dropped: 0, problem: code === "ELOOP" ? "it is a symbolic link" : "it cannot be read" };
  }
  let text: string;
  try {
    const stats = fstatSync(fd);
    const distrust = untrusted(stats);
    if (distrust) return { files: new Map(), dropped: 0, problem: distrust };
    text = readFileSync(fd, "utf8");
  } catch {
    return { files: new Map(), dropped: 0, problem: "it cannot be read" };
  } finally {
    closeSync(fd);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { files: new Map(), dropped: 0, problem: "it is not JSON" };
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) return { files: new Map(), dropped: 0, problem: "it is not a b24layout build manifest" };
  const record = parsed as Record<string, unknown>;
  const version = record["version"];
  if (record["generator"] !== GENERATOR || (version !== 1 && version !== VERSION)) return { files: new Map(), dropped: 0, problem: "it is not a b24layout build manifest of this version" };
  const entries = record["files"];
  if (typeof entries !== "object" || entries === null || Array.isArray(entries)) return { files: new Map(), dropped: 0, problem: "its files are not an object" };
  const files = new Map<string, ManifestEntry>();
  let dropped = 0;
  for (const [name, value] of Object.entries(entries as Record<string, unknown>)) {
    const entry = version === 1 ? { sha256: value } : typeof value === "object" && value !== null ? (value as Record<string, unknown>) : {};
    const hash = entry["sha256"];
    const source = entry["source"];
    if (!isManifestEntryName(name) || typeof hash !== "string" || !/^[0-9a-f]{64}$/.test(hash) || (source !== undefined && (typeof source !== "string" || source.length === 0 || source.includes("\0")))) {
      dropped++;
      continue;
    }
    files.set(name, source === undefined ? { sha256: hash } : { sha256: hash, source: resolve(outDir, source) });
  }
  return { files, dropped };
}

/** Why a manifest may have been written by someone else; undefined when it is to be believed. */
function untrusted(stats: Stats): string | undefined {
  if (!stats.isFile()) return "it is not a regular file";
  if (stats.size > MAX_MANIFEST_BYTES) return "it is too big to be one b24layout wrote";
  const uid = process.getuid?.();
  if (uid === undefined) return undefined;
  if (stats.uid !== uid) return `it is owned by another user (uid ${stats.uid})`;
  if ((stats.mode & 0o022) !== 0) return "others may write it";
  return undefined;
}

export interface CleanReport {
  readonly removed: readonly string[];
  /** Files left, each with why (changed since the build wrote it, not a regular file, …). */
  readonly kept: readonly { readonly name: string; readonly why: string }[];
}

/** Removes the files of `stale` (names from a believed manifest) that are still as the build wrote them. */
export async function removeStaleOutputs(outDir: string, stale: Manifest): Promise<CleanReport> {
  const removed: string[] = [];
  const kept: { name: string; why: string }[] = [];
  for (const [name, { sha256: hash }] of stale) {
    if (!isManifestEntryName(name)) continue;
    const path = join(outDir, name);
    try {
      const stats = await lstat(path);
      if (!stats.isFile()) {
        kept.push({ name, why: "it is no longer a regular file" });
        continue;
      }
      // Not through a link: lstat said a regular file; a swap after it only costs a wrong hash.
      const content = await readFile(path, { flag: constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0) });
      if (sha256(content) !== hash) {
        kept.push({ name, why: "it changed since b24layout wrote it" });
        continue;
      }
      await unlink(path);
      removed.push(name);
    } catch (error) {
      if (errorCode(error) === "ENOENT") continue;
      kept.push({ name, why: "it cannot be examined or removed" });
    }
  }
  return { removed, kept };
}
