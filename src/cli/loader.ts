/**
 * The `b24layout` executable (`dist/cli.cjs`): starts the bundled program (`dist/b24layout.cjs`)
 * from a V8 code cache, so a run does not spend its first tens of milliseconds compiling the
 * bundle. Node 20 has no compile cache of its own (`module.enableCompileCache` came in Node 22).
 *
 * The cache is made at build time (`scripts/bundle.mjs` runs the loader with
 * B24LAYOUT_WRITE_CODE_CACHE set to a folder of examples to check in-process first, so the
 * functions a run needs are in it) and named after the Node version that made it: V8 refuses a
 * cache made by another version (or with other V8 flags). Without a usable one the bundle is
 * compiled from source, and the loader leaves a cache in the temporary directory for the next run.
 * A refused or unreadable cache only costs time, never correctness.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Script } from "node:vm";
import type { CliIo } from "./io.js";

interface Program {
  run(): Promise<void>;
  main(argv: readonly string[], io: CliIo): Promise<number>;
}

const bundle = join(__dirname, "b24layout.cjs");
const source = readFileSync(bundle, "utf8");
/** V8 only takes a cache made by the same Node version: the name says which one it was made by. */
const cacheName = `b24layout-${process.version}-${process.arch}.cache`;
const builtCache = join(__dirname, cacheName);
const userCache = join(tmpdir(), "b24layout-code-cache", `${source.length}-${cacheName}`);

function readCache(path: string): Buffer | undefined {
  try {
    return readFileSync(path);
  } catch {
    return undefined;
  }
}

/** Writes a cache file in one step (another run may be reading it). Failure only means no cache next time. */
function writeCache(path: string, data: Buffer): void {
  try {
    mkdirSync(join(path, ".."), { recursive: true });
    const temporary = `${path}.${process.pid}.tmp`;
    writeFileSync(temporary, data);
    renameSync(temporary, path);
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
    writeFileSync(builtCache, script.createCachedData());
  })();
} else {
  // A cache in the temporary directory only exists when the built one was missing or refused.
  const cachedData = readCache(userCache) ?? readCache(builtCache);
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
        if (needsCache) writeCache(userCache, script.createCachedData());
      },
      (error: unknown) => {
        process.stderr.write(`b24layout: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
        process.exitCode = 2;
      },
    );
}
