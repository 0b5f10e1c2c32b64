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
 *
 * `b24layout lsp` needs V8 flags that only take effect on the command line (src/lsp/heap.ts): the
 * loader starts the same command in a child process with them, sharing its stdin and stdout.
 */
import { spawn } from "node:child_process";
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Script } from "node:vm";
import { hasLanguageServerFlags, LANGUAGE_SERVER_NODE_FLAGS } from "../lsp/heap.js";
import type { CliIo } from "./io.js";

interface Program {
  run(): Promise<void>;
  main(argv: readonly string[], io: CliIo): Promise<number>;
}

const bundle = join(__dirname, "b24layout.cjs");
const source = readFileSync(bundle, "utf8");
/**
 * V8 only takes a cache made by the same Node version with the same flags: the name says which
 * version made it, and marks one made with the language server's flags (only ever a user cache).
 */
const cacheName = `b24layout-${process.version}-${process.arch}${hasLanguageServerFlags(process.execArgv) ? "-lsp" : ""}.cache`;
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

/**
 * Runs this command again in a child with the language server's V8 flags, on the same stdin,
 * stdout and stderr, and ends as it ends. When no child can be started, the server runs in this
 * process, without the flags (only slower).
 */
function startLanguageServerWithFlags(): void {
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
} else if (process.argv[2] === "lsp" && !hasLanguageServerFlags(process.execArgv)) {
  startLanguageServerWithFlags();
} else {
  runProgram();
}
