#!/usr/bin/env node
/**
 * The fuzzer: runs generated and mutated inputs through everything the CLI and the editor do with
 * a file (scripts/fuzz/pipeline.ts) and counts the uncaught exceptions, in worker processes with
 * Node's default stack, as the CLI runs.
 *
 *   node scripts/fuzz.mjs --count 1000000 --jobs 2     a long run (run it under `nice`)
 *   node scripts/fuzz.mjs --count 300 --seed 7         a short, deterministic one
 *   node scripts/fuzz.mjs --huge                        also 8 inputs of 20 to 100 MB
 *   node scripts/fuzz.mjs --replay test/fuzz/regressions   the inputs saved there, again
 *                                                          (with --count, generated ones too)
 *
 * Every input is made from (seed, index) alone (scripts/fuzz/inputs.ts), so a failure is
 * reproduced by its seed and index; its bytes are also saved in --out (default .scratch/fuzz),
 * with `.base`, the text it was mutated from, for the incremental checker. The exit code is 1
 * when anything failed, hung, killed its worker, or when the incremental checker disagreed with a
 * full check.
 */
import { build } from "esbuild";
import { fork } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const { values } = parseArgs({
  options: {
    count: { type: "string" },
    seed: { type: "string", default: "1" },
    jobs: { type: "string", default: "2" },
    out: { type: "string", default: ".scratch/fuzz" },
    huge: { type: "boolean", default: false },
    replay: { type: "string" },
    chunk: { type: "string", default: "200" },
    timeout: { type: "string", default: "120" },
    quiet: { type: "boolean", default: false },
  },
});
// Without --count, 1,000 inputs, or none when replaying.
const count = Number(values.count ?? (values.replay === undefined ? "1000" : "0"));
const seed = Number(values.seed);
const jobs = Math.max(1, Number(values.jobs));
const chunk = Number(values.chunk);
const out = resolve(root, values.out);
const timeoutMs = Number(values.timeout) * 1000;
const log = values.quiet ? () => {} : (line) => process.stderr.write(`${line}\n`);

// The worker, bundled: TypeScript sources, Prettier loaded from node_modules as the CLI loads it.
// A folder per run: a worker restarted during a long run must load the code the run started with.
const bundleDir = join(root, "node_modules", ".cache", "b24layout-fuzz", String(process.pid));
mkdirSync(bundleDir, { recursive: true });
const worker = join(bundleDir, "worker.mjs");
await build({
  entryPoints: [join(root, "scripts/fuzz/worker.ts")],
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  outfile: worker,
  logLevel: "warning",
  external: ["prettier", "prettier/*"],
  alias: { "jsonc-parser": "jsonc-parser/lib/esm/main.js" },
  banner: { js: 'import { createRequire as __b24CreateRequire } from "node:module"; const require = __b24CreateRequire(import.meta.url);' },
});

/** The programs mutated: every example, template, golden file and formatter fixture. */
function corpusFiles(dir) {
  const found = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) found.push(...corpusFiles(path));
    else if (name.endsWith(".b24layout")) found.push(path);
  }
  return found;
}
const corpus = ["examples", "templates", "test/golden", "test/format/fixtures"].flatMap((d) => corpusFiles(join(root, d))).map((f) => readFileSync(f, "utf8"));
const corpusFile = join(bundleDir, "corpus.json");
writeFileSync(corpusFile, JSON.stringify(corpus));

/** The work, in jobs a worker takes one at a time. */
const queue = [];
if (values.replay !== undefined) {
  const dir = resolve(root, values.replay);
  const files = readdirSync(dir)
    .filter((f) => !f.endsWith(".base") && !f.endsWith(".md"))
    .sort()
    .map((f) => join(dir, f));
  for (let i = 0; i < files.length; i += chunk) queue.push({ kind: "replay", files: files.slice(i, i + chunk) });
}
if (values.huge) queue.push({ kind: "huge" });
for (let from = 0; from < count; from += chunk) queue.push({ kind: "range", from, to: Math.min(count, from + chunk) });

const started = Date.now();
const byKind = {};
let done = 0;
const failures = new Map();
const divergences = new Map();
const deaths = [];

function record(map, key, entry) {
  const known = map.get(key);
  if (known) known.count++;
  else {
    map.set(key, { ...entry, count: 1 });
    log(`fuzz: new: ${key.slice(0, 300)}\n      e.g. ${entry.example}`);
  }
}

function died(entry) {
  deaths.push(entry);
  log(`fuzz: worker died on ${entry.kind} #${entry.index}: ${entry.reason}`);
}

/**
 * A worker that takes jobs one after the other. One that dies or hangs is recorded, and its job
 * goes on, in a new worker, after the input that broke it.
 */
function startWorker() {
  const child = fork(worker, [], {
    // No flags: the default stack size, as the CLI has.
    execArgv: [],
    env: { ...process.env, FUZZ_SEED: String(seed), FUZZ_OUT: out, FUZZ_CORPUS: corpusFile },
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  const state = { child, current: undefined, job: undefined, timer: undefined, onDone: undefined, onDeath: undefined, dead: false };
  const arm = () => {
    clearTimeout(state.timer);
    state.timer = setTimeout(() => {
      died({ ...state.current, reason: `no answer in ${timeoutMs / 1000} s` });
      state.hung = true;
      child.kill("SIGKILL");
    }, timeoutMs);
  };
  child.on("message", (m) => {
    if (m.type === "start") {
      state.current = { index: m.index, kind: m.kind };
      arm();
    } else if (m.type === "failure") {
      record(failures, `${m.stage}: ${m.error}`, { stage: m.stage, error: m.error, example: `${m.kind} #${m.index} (${relative(root, m.saved)})` });
    } else if (m.type === "divergence") {
      record(divergences, m.detail.replace(/\d+:\d+/g, "L:C"), { detail: m.detail, example: `${m.kind} #${m.index} (${relative(root, m.saved)})` });
    } else if (m.type === "done") {
      clearTimeout(state.timer);
      done += m.count;
      for (const [k, n] of Object.entries(m.byKind)) byKind[k] = (byKind[k] ?? 0) + n;
      const finish = state.onDone;
      state.onDone = undefined;
      finish?.();
    }
  });
  child.on("exit", (code, signal) => {
    clearTimeout(state.timer);
    state.dead = true;
    const job = state.job;
    const current = state.current;
    if (!state.onDone) return;
    if (!state.hung) died({ ...current, reason: `worker exited (${signal ?? code})` });
    // Go on after the input that killed the worker.
    if (current !== undefined && job.kind === "range" && current.index >= job.from && current.index + 1 < job.to) {
      done += current.index - job.from + 1;
      queue.unshift({ kind: "range", from: current.index + 1, to: job.to });
    } else if (current !== undefined && job.kind === "huge") {
      // Huge input i has the index -1 - i.
      done++;
      queue.unshift({ kind: "huge", from: -current.index });
    }
    const finish = state.onDone;
    state.onDone = undefined;
    finish();
  });
  return state;
}

function runJob(state, job) {
  return new Promise((resolveJob) => {
    state.job = job;
    state.current = undefined;
    state.hung = false;
    state.onDone = resolveJob;
    state.child.send(job);
  });
}

let lastReport = 0;
async function loop() {
  let state = startWorker();
  while (queue.length > 0) {
    if (state.dead) state = startWorker();
    await runJob(state, queue.shift());
    if (Date.now() - lastReport > 30_000) {
      lastReport = Date.now();
      log(`fuzz: ${done.toLocaleString("en")} inputs, ${[...failures.values()].reduce((n, f) => n + f.count, 0)} failures, ${deaths.length} dead workers, ${((Date.now() - started) / 1000).toFixed(0)} s`);
    }
  }
  if (!state.dead) state.child.disconnect();
}
await Promise.all(Array.from({ length: jobs }, loop));

const failed = [...failures.values()].reduce((n, f) => n + f.count, 0);
const summary = {
  seed,
  inputs: done,
  seconds: Math.round((Date.now() - started) / 1000),
  byKind,
  uncaughtExceptions: failed,
  deadWorkers: deaths,
  failures: [...failures.values()],
  divergences: [...divergences.values()],
};
mkdirSync(out, { recursive: true });
writeFileSync(join(out, `summary-${seed}.json`), `${JSON.stringify(summary, null, 2)}\n`);
log(`fuzz: ${done.toLocaleString("en")} inputs (seed ${seed}) in ${summary.seconds} s: ${failed} uncaught exceptions, ${deaths.length} dead or hung workers, ${summary.divergences.length} kinds of incremental/full differences.`);
for (const f of summary.failures) log(`  ${f.count}× ${f.stage}: ${f.error}\n     e.g. ${f.example}`);
for (const d of deaths) log(`  died: ${d.kind} #${d.index}: ${d.reason}`);
for (const d of summary.divergences) log(`  ${d.count}× ${d.detail}\n     e.g. ${d.example}`);
rmSync(bundleDir, { recursive: true, force: true });
process.exitCode = failed > 0 || deaths.length > 0 || summary.divergences.length > 0 ? 1 : 0;
