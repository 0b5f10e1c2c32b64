/**
 * The `b24layout` executable (`dist/cli.cjs`): starts the bundled program (`dist/b24layout.cjs`)
 * from a V8 code cache, so a run does not spend its first tens of milliseconds compiling the
 * bundle. Node 20 has no compile cache of its own (`module.enableCompileCache` came in Node 22).
 *
 * The cache is made at build time (`scripts/bundle.mjs` runs the loader with
 * B24LAYOUT_WRITE_CODE_CACHE set to a folder of examples to check in-process first, so the
 * functions a run needs are in it) and named after the Node version that made it: V8 refuses a
 * cache made by another version (or with other V8 flags). Without a usable one the bundle is
 * compiled from source, and the loader leaves a cache in a folder of the user's own for the next
 * run. A refused or unreadable cache only costs time, never correctness.
 *
 * A code cache is code: V8 runs what a cache holds as long as the source has the same *length*
 * as the one it was made from. So no cache is ever used that someone could have written who
 * cannot write the bundle itself, nor one made from any other bundle:
 * - every cache starts with a copy of the bundle it was made from, compared byte for byte with
 *   the bundle read now (a stale cache of another build of the same length is refused). A copy
 *   rather than a hash: comparing a megabyte costs less than loading node:crypto (~2.5 ms, with
 *   Node's streams) and hashing it at every start;
 * - the cache next to the bundle is used only when it has the bundle's owner, and no one else may
 *   write it who may not write the bundle;
 * - the user's cache lives in `<tmpdir>/b24layout-code-cache-<uid>`, a folder the loader creates
 *   with mode 0700 and uses only while lstat shows it is a real folder (not a link), owned by this
 *   user and closed to everyone else; a cache file in it must be owned by this user and closed to
 *   others' writes too. Files are opened without following links, and written under a random
 *   name created exclusively (O_EXCL), then renamed into place.
 * Where there is no user id (Windows) there is no user cache.
 *
 * `b24layout lsp` needs V8 flags that only take effect on the command line (src/lsp/heap.ts): the
 * loader starts the same command in a child process with them, sharing its stdin and stdout.
 */
import type * as Crypto from "node:crypto";
import { closeSync, constants, fstatSync, lstatSync, mkdirSync, openSync, readFileSync, renameSync, unlinkSync, writeSync, type Stats } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Script } from "node:vm";
// The loader is bundled alone: lsp/index.ts would bring the whole language server into it (eslint.layers.js, OTHER_FACES).
import { hasLanguageServerFlags, LANGUAGE_SERVER_NODE_FLAGS } from "../lsp/heap.js";
import type { CliIo } from "./io.js";

interface Program {
  run(): Promise<void>;
  main(argv: readonly string[], io: CliIo): Promise<number>;
}

/** Links are never followed to a cache, and a FIFO planted in its place cannot block the start. Windows has neither flag. */
const OPEN_CACHE = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0);

const bundle = join(__dirname, "b24layout.cjs");
const bundleFd = openSync(bundle, constants.O_RDONLY);
const bundleStats = fstatSync(bundleFd);
const bundleBytes = readFileSync(bundleFd);
closeSync(bundleFd);
// The build makes the bundle pure ASCII (scripts/bundle.mjs), so it is its own Latin-1: decoded
// without UTF-8's checks, into a one-byte string.
const source = bundleBytes.toString("latin1");
/** What every cache file starts with, followed by the bundle it was made from. */
const tag = Buffer.from("b24layout code cache 2\n");
/** The SHA-256 of the bundle, computed by the build: it only names the user's cache file (the check is the copy). */
declare const B24LAYOUT_BUNDLE_SHA256: string;
/**
 * V8 only takes a cache made by the same Node version with the same flags: the name says which
 * version made it, and with which flags, if any (the language server's, say: only ever a user cache).
 */
const flags = process.execArgv.length === 0 ? "" : `-${sha256(process.execArgv.join("\0")).slice(0, 12)}`;
const variant = `${process.version}-${process.arch}${flags}`;
const builtCache = join(__dirname, `b24layout-${variant}.cache`);
const uid = process.getuid?.();
const userCacheDir = uid === undefined ? undefined : join(tmpdir(), `b24layout-code-cache-${uid}`);
const userCache = userCacheDir && join(userCacheDir, `${B24LAYOUT_BUNDLE_SHA256.slice(0, 32)}-${variant}.cache`);

/** node:crypto is loaded only where it is needed: with Node flags, and to write a cache. */
function crypto(): typeof Crypto {
  return process.getBuiltinModule("node:crypto");
}

function sha256(text: string): string {
  return crypto().createHash("sha256").update(text).digest("hex");
}

/** The V8 data of the cache at `path`, when `trusted` accepts the file and it was made from this bundle. */
function readCache(path: string, trusted: (stats: Stats) => boolean): Buffer | undefined {
  let fd: number;
  try {
    fd = openSync(path, OPEN_CACHE);
  } catch {
    return undefined;
  }
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile() || !trusted(stats)) return undefined;
    const data = readFileSync(fd);
    const made = tag.length + bundleBytes.length;
    const madeFromBundle = data.length > made && data.subarray(0, tag.length).equals(tag) && data.subarray(tag.length, made).equals(bundleBytes);
    return madeFromBundle ? data.subarray(made) : undefined;
  } catch {
    return undefined;
  } finally {
    closeSync(fd);
  }
}

/** The write permission bits of group and others. */
const OTHERS_WRITE = 0o022;

/** No one may write the built cache who may not write the bundle. */
function trustedBuiltCache(stats: Stats): boolean {
  const groupOk = (stats.mode & 0o020) === 0 || (stats.gid === bundleStats.gid && (bundleStats.mode & 0o020) !== 0);
  return stats.uid === bundleStats.uid && groupOk && (stats.mode & 0o002 & ~bundleStats.mode) === 0;
}

/** A user cache file: this user's, and no one else's to write. */
function trustedUserCache(stats: Stats): boolean {
  return stats.uid === uid && (stats.mode & OTHERS_WRITE) === 0;
}

/** Whether the user's cache folder exists as it must be: a real folder (lstat: no link), this user's, closed to everyone else. */
function userCacheDirIsPrivate(dir: string): boolean {
  try {
    const stats = lstatSync(dir);
    return stats.isDirectory() && stats.uid === uid && (stats.mode & 0o077) === 0;
  } catch {
    return false;
  }
}

function readUserCache(): Buffer | undefined {
  if (!userCacheDir || !userCache || !userCacheDirIsPrivate(userCacheDir)) return undefined;
  return readCache(userCache, trustedUserCache);
}

/**
 * Writes `data` to `path` in one step (another run may be reading it): to a new file under a
 * random name, created exclusively (never through a planted link), then renamed into place.
 */
function writeCacheFile(path: string, dir: string, data: Buffer, mode: number): void {
  const temporary = join(dir, `.${crypto().randomBytes(8).toString("hex")}.tmp`);
  const fd = openSync(temporary, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, mode);
  try {
    for (const part of [tag, bundleBytes, data]) writeAll(fd, part);
  } catch (error) {
    closeSync(fd);
    unlinkSync(temporary);
    throw error;
  }
  closeSync(fd);
  try {
    renameSync(temporary, path);
  } catch (error) {
    unlinkSync(temporary);
    throw error;
  }
}

function writeAll(fd: number, bytes: Buffer): void {
  for (let offset = 0; offset < bytes.length; ) offset += writeSync(fd, bytes, offset);
}

/** Leaves a cache for the next run in the user's folder. Failure (a folder that is not private, a full disk) only means no cache. */
function writeUserCache(data: Buffer): void {
  if (!userCacheDir || !userCache) return;
  try {
    mkdirSync(userCacheDir, { mode: 0o700 });
  } catch {
    // There already (checked next), or cannot be made.
  }
  if (!userCacheDirIsPrivate(userCacheDir)) return;
  try {
    writeCacheFile(userCache, userCacheDir, data, 0o600);
  } catch {
    // Read-only or full disk: the next run compiles from source again.
  }
}

function compile(cachedData: Buffer | undefined): Script {
  // The same wrapper as Node's CommonJS loader, so the bundle sees `require`, `module` and friends.
  const wrapped = `(function (exports, require, module, __filename, __dirname) {${source}\n})`;
  return new Script(wrapped, { filename: bundle, ...(cachedData ? { cachedData } : {}) });
}

function load(script: Script): Program {
  const module = { exports: {} as Program };
  const fn = script.runInThisContext() as (e: object, r: NodeJS.Require, m: object, f: string, d: string) => void;
  fn(module.exports, require, module, bundle, __dirname);
  return module.exports;
}

/**
 * Runs this command again in a child with the language server's V8 flags, on the same stdin,
 * stdout and stderr, and ends as it ends. When no child can be started, the server runs in this
 * process, without the flags (only slower).
 */
function startLanguageServerWithFlags(): void {
  // Loaded here, not at the top: node:child_process (with net, dgram and streams) costs every other command ~2.5 ms.
  const { spawn } = process.getBuiltinModule("node:child_process");
  const child = spawn(process.execPath, [...process.execArgv, ...LANGUAGE_SERVER_NODE_FLAGS, ...process.argv.slice(1)], { stdio: "inherit" });
  const forwarded = ["SIGINT", "SIGTERM", "SIGHUP"] as const;
  for (const signal of forwarded) process.on(signal, () => child.kill(signal));
  child.on("error", () => {
    // No child (a process limit, say): serve from this process, only slower.
    for (const signal of forwarded) process.removeAllListeners(signal);
    runProgram();
  });
  child.on("exit", (code, signal) => {
    if (signal) {
      for (const s of forwarded) process.removeAllListeners(s);
      process.kill(process.pid, signal);
    }
    process.exit(code ?? 1);
  });
}

function runProgram(): void {
  // A user cache only exists when the built one was missing or refused.
  const cachedData = readUserCache() ?? readCache(builtCache, trustedBuiltCache);
  const script = compile(cachedData);
  const needsCache = !cachedData || script.cachedDataRejected === true;
  let program: Program;
  try {
    program = load(script);
  } catch (error) {
    // A broken installation: say so in one line, as for any other internal failure.
    process.stderr.write(`b24layout: internal error: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}\n`);
    process.exit(2);
  }
  program
    .run()
    .then(
      () => {
        if (needsCache) writeUserCache(script.createCachedData());
      },
      (error: unknown) => {
        process.stderr.write(`b24layout: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
        process.exitCode = 2;
      },
    );
}

const warmUp = process.env["B24LAYOUT_WRITE_CODE_CACHE"];
if (warmUp) {
  // Build time: run the commands a user runs most, then save what V8 compiled for them.
  const script = compile(undefined);
  const program = load(script);
  const sink = { write: () => {} };
  const io = { stdout: sink, stderr: sink, env: {}, cwd: process.cwd() };
  void (async () => {
    // Only `check`: a cache with every command's functions is bigger and slower to load than
    // compiling the rest when it is needed.
    await program.main(["check", warmUp], io);
    // Readable by all, writable by its owner only: see trustedBuiltCache.
    writeCacheFile(builtCache, __dirname, script.createCachedData(), 0o644);
  })();
} else if (process.argv[2] === "lsp" && !hasLanguageServerFlags(process.execArgv)) {
  startLanguageServerWithFlags();
} else {
  runProgram();
}
