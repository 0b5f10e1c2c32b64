/** Helpers shared by bench/run.mjs, its rows' modules and their in-process workers (bench/in-process.mjs, bench/front-end.mjs). */
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);

export const corpusDir = join(here, "corpus");

export class BenchError extends Error {}

/** The smallest and largest of `xs`, to the hundredth. */
export function rangeOf(xs) {
  return [Number(Math.min(...xs).toFixed(2)), Number(Math.max(...xs).toFixed(2))];
}

/**
 * A row of bench/results.json for two interleaved measurements `m` (`ours`, `baseline`, and all
 * the runs as `allOurs` / `allBaseline` where `ours` / `baseline` are per-worker medians): their
 * medians and ranges, and their ratio against `target` (`ratio` where it is not the medians' ratio,
 * e.g. net of start-up).
 */
export function ratioRow(name, m, target, ratio = median(m.ours) / median(m.baseline)) {
  const allOurs = m.allOurs ?? m.ours;
  const allBaseline = m.allBaseline ?? m.baseline;
  return {
    name,
    ours_ms: Number(median(m.ours).toFixed(2)),
    baseline_ms: Number(median(m.baseline).toFixed(2)),
    ratio: Number(ratio.toFixed(3)),
    target,
    met: ratio <= target,
    runs: allOurs.length,
    ours_range_ms: rangeOf(allOurs),
    baseline_range_ms: rangeOf(allBaseline),
  };
}

/** Throws a BenchError: the bench reports it and exits 1. */
export function fail(message) {
  throw new BenchError(message);
}

export function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

export function quantile(xs, q) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))];
}

/** Wraps `fn` into a function returning its wall time in ms. */
export function timed(fn) {
  return () => {
    const t = performance.now();
    fn();
    return performance.now() - t;
  };
}

/** Runs two timed functions `rounds` times each, alternating which goes first. */
export function interleave(rounds, ours, baseline, { beforeEach } = {}) {
  const a = [];
  const b = [];
  for (let i = 0; i < rounds; i++) {
    const order = i % 2 === 0 ? ["ours", "baseline"] : ["baseline", "ours"];
    for (const which of order) {
      beforeEach?.();
      if (which === "ours") a.push(ours());
      else b.push(baseline());
    }
  }
  return { ours: a, baseline: b };
}

/** The corpus texts: `sources[i]` compiles to `jsons[i]`. */
export function loadCorpus() {
  const names = readdirSync(join(corpusDir, "src"))
    .filter((f) => f.endsWith(".b24layout"))
    .sort();
  const sources = [];
  const jsons = [];
  for (const n of names) {
    const id = n.slice(0, -".b24layout".length);
    sources.push({ id, text: readFileSync(join(corpusDir, "src", n), "utf8") });
    jsons.push({ id, text: readFileSync(join(corpusDir, "json", `${id}.json`), "utf8") });
  }
  return { sources, jsons, large: readFileSync(join(corpusDir, "large.b24layout"), "utf8") };
}

/** The ajv class and the ajv-cli `--spec` value for a schema's `$schema` dialect. */
export function ajvFor(schema) {
  const dialect = String(schema.$schema ?? "http://json-schema.org/draft-07/schema#");
  if (dialect.includes("2020-12")) return { Ajv: require("ajv/dist/2020").default, spec: "draft2020" };
  if (dialect.includes("2019-09")) return { Ajv: require("ajv/dist/2019").default, spec: "draft2019" };
  if (dialect.includes("draft-07") || dialect.includes("draft-06")) return { Ajv: require("ajv").default, spec: "draft7" };
  return fail(`unsupported $schema '${dialect}'`);
}

/** Compiles a validator in ajv's strict mode, or with `strict: false` when the schema needs it. */
export function compileValidator(schema, { strict } = {}) {
  const { Ajv } = ajvFor(schema);
  if (strict === false) return { validate: new Ajv({ strict: false }).compile(schema), strict: false };
  try {
    return { validate: new Ajv().compile(schema), strict: true };
  } catch (e) {
    if (strict === true) throw e;
    process.stderr.write(`bench: ajv strict mode rejects the schema (${e.message}); using strict: false\n`);
    return { validate: new Ajv({ strict: false }).compile(schema), strict: false };
  }
}

/**
 * The body of an in-process worker (bench/in-process.mjs, bench/front-end.mjs): reads
 * `--lib --schema [--strict] [--warmup] [--rounds]`, loads the library and the corpus, warms up
 * `ours(lib, sources)` and `JSON.parse` + the compiled ajv validator over the JSON texts, then
 * prints `{ ours: [ms…], baseline: [ms…] }` of interleaved rounds. A failure is one line on stderr
 * and exit 1.
 */
export function runWorkerAgainstAjv(name, ours) {
  const run = async () => {
    const { parseArgs } = await import("node:util");
    const { values: opts } = parseArgs({
      options: {
        lib: { type: "string" },
        schema: { type: "string" },
        strict: { type: "string", default: "true" },
        warmup: { type: "string", default: "5" },
        rounds: { type: "string", default: "7" },
      },
    });
    if (!opts.lib || !opts.schema) fail("--lib and --schema are required");
    const { resolve } = await import("node:path");
    const { pathToFileURL } = await import("node:url");
    const lib = await import(pathToFileURL(resolve(opts.lib)).href);
    const { validate } = compileValidator(JSON.parse(readFileSync(opts.schema, "utf8")), { strict: opts.strict !== "false" });
    const { sources, jsons } = loadCorpus();
    const oursAll = ours(lib, sources);
    const validateAll = () => {
      let valid = 0;
      for (const j of jsons) if (validate(JSON.parse(j.text))) valid++;
      if (valid !== jsons.length) fail(`ajv accepted only ${valid} of ${jsons.length} JSON files`);
    };
    for (let i = 0; i < Number(opts.warmup); i++) {
      oursAll();
      validateAll();
    }
    process.stdout.write(`${JSON.stringify(interleave(Number(opts.rounds), timed(oursAll), timed(validateAll)))}\n`);
  };
  run().catch((e) => {
    process.stderr.write(`${name}: ${e instanceof BenchError ? e.message : e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exit(1);
  });
}

/**
 * Runs `workers` fresh processes of an in-process worker (`worker`: bench/in-process.mjs or
 * bench/front-end.mjs, which call runWorkerAgainstAjv) one after the other, and returns what each
 * printed: `{ ours: [ms…], baseline: [ms…] }`.
 */
export function runAjvWorkers(worker, { libPath, schemaPath, strict, workers, warmup, rounds }) {
  const perWorker = [];
  for (let w = 0; w < workers; w++) {
    const args = [worker, "--lib", libPath, "--schema", schemaPath, "--strict", String(strict), "--warmup", String(warmup), "--rounds", String(rounds)];
    const r = spawnSync(process.execPath, args, { cwd: join(here, ".."), encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
    if (r.error) fail(`${worker} failed to start: ${r.error.message}`);
    if (r.status !== 0) fail(`${worker} exited with ${r.status ?? r.signal}:\n${(r.stderr ?? "").trim()}`);
    perWorker.push(JSON.parse(r.stdout));
  }
  return perWorker;
}
