/**
 * The workspace as the command line, the language server and the Prettier plugin all see it: the
 * source extension, project roots, reading imported files (bounded by the project's real root), and
 * file-system errors as short phrases.
 */
import { existsSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import type { SourceHost } from "../lower/imports.js";
import { readFileInside, realPath } from "./real-paths.js";
import { decodeText } from "./text-file.js";

/** The extension of source files; a directory argument means every such file under it. */
export const SOURCE_EXTENSION = ".b24layout";

/**
 * The extensions of JSON payloads (`b24layout check payload.json`): checked when named or matched
 * by a glob given, and, in a directory given, when a config's `include` takes them.
 */
export const PAYLOAD_EXTENSIONS = [".json", ".jsonc"] as const;

/** Whether `path` is a JSON payload to check as JSON (by its extension), not a `.b24layout` source. */
export function isPayloadPath(path: string): boolean {
  const lower = path.toLowerCase();
  return PAYLOAD_EXTENSIONS.some((e) => lower.endsWith(e));
}

export function errorCode(error: unknown): string | undefined {
  return error instanceof Error && "code" in error && typeof error.code === "string" ? error.code : undefined;
}

/** A file-system error as a short phrase, without the path Node puts in its messages. */
export function describeFsError(error: unknown): string {
  switch (errorCode(error)) {
    case "ENOENT":
      return "no such file or directory";
    case "EACCES":
    case "EPERM":
      return "permission denied";
    case "EISDIR":
      return "is a directory";
    case "ENOTDIR":
      return "a parent is not a directory";
    case "EROFS":
      return "read-only file system";
    case "ENOSPC":
      return "no space left on device";
    default:
      return error instanceof Error ? error.message : String(error);
  }
}

/** The nearest folder, from `start` up (to `stop` included, else to the file system's root), that holds one of `names`. */
export function findUpward(start: string, names: readonly string[], stop?: string): string | undefined {
  for (let dir = start; ; dir = dirname(dir)) {
    if (names.some((n) => existsSync(join(dir, n)))) return dir;
    if (dir === stop || dirname(dir) === dir) return undefined;
  }
}

/** Files that mark the root of a project: imports do not reach above it. */
const ROOT_MARKERS = ["package.json", ".git"];

const roots = new Map<string, string>();

/**
 * The project root of a source file: the nearest folder above it with a package.json or .git;
 * without one, the working directory when the file is inside it, else the file's own folder.
 */
export function projectRoot(file: string, cwd: string): string {
  const start = dirname(file);
  const known = roots.get(start);
  if (known !== undefined) return known;
  const root = findUpward(start, ROOT_MARKERS) ?? (relative(cwd, file).startsWith("..") ? start : cwd);
  roots.set(start, root);
  return root;
}

/**
 * Reads imported files from the disk (a byte-order mark dropped), bounded by the real path of the
 * file's project root: a file whose real path is outside it is never read (see readFileInside).
 * A file that is not UTF-8 text is not read either: `readProblem` says why.
 */
export function sourceHost(file: string, cwd: string): SourceHost {
  const root = projectRoot(file, cwd);
  const realRoot = realPath(root) ?? root;
  const problems = new Map<string, string>();
  return {
    root,
    realPath,
    readFile(path: string): string | undefined {
      const bytes = readFileInside(path, realRoot);
      if (bytes === undefined) return undefined;
      const read = decodeText(bytes);
      if (!read.problem) return read.text;
      problems.set(path, read.problem.reason);
      return undefined;
    },
    readProblem: (path: string) => problems.get(path),
  };
}
