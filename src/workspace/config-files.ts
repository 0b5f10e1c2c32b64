/**
 * Where config files are looked for, and which found ones are believed: `b24layout.config.json`
 * (by the CLI and the language server) and the Prettier config `fmt` and the editor's formatting
 * read. A config changes what a check reports and how files are formatted, so one that someone
 * else could have written must not apply silently to your files.
 *
 * - The search goes up from a file's folder and stops at the repository root (the nearest folder
 *   with `.git`), or without one at the nearest `package.json`, or without either at the working
 *   directory (when the file is in it) or the file's own folder: a config in /tmp, /home or /
 *   never applies to a project below it. A monorepo's config at its repository root still
 *   applies to every package.
 * - A found config is used only when no one but you (or root) can have written it: its owner is
 *   you or root, it is not writable by everyone, and neither is the folder it is in (a folder
 *   everyone may write, such as /tmp, is accepted when it is sticky, as only a file's owner may
 *   then replace it). This is the rule OpenSSH applies to its own config files.
 * - A config named on the command line (`--config FILE`) is the user's explicit choice: it is
 *   read whoever owns it. It must still be a regular file (never a FIFO that would block).
 */
import { statSync, type Stats } from "node:fs";
import { dirname } from "node:path";
import { isInside } from "../util/index.js";
import { findUpward } from "./files.js";
import { realPath } from "./real-paths.js";

/** The folder where the search for configs from `dir` upward stops (it is still looked in). */
export function configSearchStop(dir: string, cwd: string): string {
  return findUpward(dir, [".git"]) ?? findUpward(dir, ["package.json"]) ?? (isInside(cwd, dir) ? cwd : dir);
}

/** The nearest folder from `dir` up to the search's stop (see configSearchStop) that holds one of `names`. */
export function findConfigUpward(dir: string, names: readonly string[], cwd: string): string | undefined {
  return findUpward(dir, names, configSearchStop(dir, cwd));
}

const WRITABLE_BY_EVERYONE = 0o002;
const STICKY = 0o1000;

/**
 * Why the config file `path` (whose `fstat` is `stats`) may have been written by someone else, as
 * a phrase ("it is owned by another user (uid 65534)"); undefined when it is to be believed.
 * Without user ids (Windows) every file is believed.
 */
export function untrustedConfigReason(path: string, stats: Stats): string | undefined {
  const uid = process.getuid?.();
  if (uid === undefined) return undefined;
  if (stats.uid !== uid && stats.uid !== 0) return `it is owned by another user (uid ${stats.uid})`;
  if ((stats.mode & WRITABLE_BY_EVERYONE) !== 0) return "everyone may write it";
  // The folder of the name found and, through a link, the folder of the file read.
  const real = realPath(path);
  const folders = new Set([dirname(path), ...(real === undefined ? [] : [dirname(real)])]);
  for (const folder of folders) {
    let dir: Stats;
    try {
      dir = statSync(folder);
    } catch {
      return `its folder '${folder}' cannot be examined`;
    }
    if (dir.uid !== uid && dir.uid !== 0) return `its folder '${folder}' is owned by another user (uid ${dir.uid}), who may replace it`;
    if ((dir.mode & WRITABLE_BY_EVERYONE) !== 0 && (dir.mode & STICKY) === 0) return `its folder '${folder}' is writable by everyone, who may replace it`;
  }
  return undefined;
}
