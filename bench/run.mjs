#!/usr/bin/env node
/**
 * The b24layout benchmark (`npm run bench`). Every figure is a median, compared with a baseline
 * measured in the same run, interleaved with ours, because the machine is shared and noisy:
 *
 *   a. in-process: library `compile` over the 1,000 corpus sources vs `JSON.parse` + a compiled
 *      ajv validator of the layout schema over the 1,000 corpus JSON texts (target ≤ 4×), in
 *      fresh worker processes (bench/in-process.mjs) so one process in a bad JIT state cannot
 *      decide the figure;
 *   b. whole process: `node dist/cli.js check bench/corpus/src` vs ajv-cli validating the JSON
 *      corpus against the same schema (target ≤ 0.5×);
 *   c. cold start: `node dist/cli.js check <one file>` vs `node -e 0` (target ≤ 1.6×);
 *
 * plus, for information, the parse+check latency of one ~2,000-line file (the editor's case), and
 * the language server's keystroke-to-diagnostics latency on it for every kind of edit (bench/lsp.mjs,
 * against its targets p50 ≤ 10 ms and p95 ≤ 25 ms).
 *
 * Prints a table and writes bench/results.json. Exits 0 when a target is missed (this is a
 * report, not a test) and 1 when something fails to run or produces wrong results.
 *
 * Usage: node bench/run.mjs [--dist dir] [--quick]
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { isDeepStrictEqual, parseArgs } from "node:util";
import { ajvFor, BenchError, compileValidator, corpusDir as corpus, fail, interleave, loadCorpus, median, quantile, ratioRow, runAjvWorkers, timed } from "./common.mjs";
import { DEFAULT_COUNT, generatorHash } from "./generate.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, "..");
const tmp = join(here, ".tmp");

const { values: opts } = parseArgs({
  options: {
    dist: { type: "string", default: join(root, "dist") },
    quick: { type: "boolean", default: false },
  },
});
const dist = resolve(opts.dist);
const libPath = join(dist, "index.mjs");
/** The package's bin, as `npx b24layout` runs it. */
const cliPath = join(dist, "cli.js");

/** Rounds per measurement (`--quick` is for trying the script, not for figures). */
const ROUNDS = opts.quick
  ? { inProcessWorkers: 1, inProcessWarmup: 1, inProcess: 3, whole: 2, cold: 5, large: 5 }
  : { inProcessWorkers: 3, inProcessWarmup: 5, inProcess: 7, whole: 7, cold: 21, large: 25 };

const TARGETS = { inProcess: 4, whole: 0.5, cold: 1.6 };

function rel(p) {
  return relative(root, p) || ".";
}

function log(message) {
  process.stderr.write(`bench: ${message}\n`);
}

// ---------------------------------------------------------------------------------------------
// Processes

/** Runs a process to completion; returns its wall time in ms. */
function runProcess(command, args, { expectStatus = 0, what } = {}) {
  const started = performance.now();
  const r = spawnSync(command, args, { cwd: root, encoding: "utf8", maxBuffer: 512 * 1024 * 1024 });
  const ms = performance.now() - started;
  if (r.error) fail(`${what ?? command} failed to start: ${r.error.message}`);
  if (expectStatus !== undefined && r.status !== expectStatus) {
    const output = `${r.stdout ?? ""}${r.stderr ?? ""}`.trim().split("\n").slice(0, 20).join("\n");
    fail(`${what ?? command} exited with ${r.status ?? r.signal} (expected ${expectStatus}):\n  $ ${[command, ...args].join(" ")}\n${output}`);
  }
  return { ms, stdout: r.stdout, stderr: r.stderr };
}

// ---------------------------------------------------------------------------------------------
// Corpus

function readManifest() {
  try {
    return JSON.parse(readFileSync(join(corpus, "manifest.json"), "utf8"));
  } catch {
    return undefined;
  }
}

function ensureCorpus() {
  const manifest = readManifest();
  const hash = generatorHash();
  const fresh =
    manifest &&
    manifest.generator === hash &&
    manifest.count === DEFAULT_COUNT &&
    existsSync(join(corpus, "large.b24layout")) &&
    readdirSync(join(corpus, "src")).filter((f) => f.endsWith(".b24layout")).length === DEFAULT_COUNT &&
    readdirSync(join(corpus, "json")).filter((f) => f.endsWith(".json")).length === DEFAULT_COUNT;
  if (fresh) return manifest;
  log(manifest ? "corpus is stale; regenerating" : "generating the corpus");
  const r = spawnSync(process.execPath, [join(here, "generate.mjs"), "--lib", libPath], { cwd: root, stdio: "inherit" });
  if (r.status !== 0) fail("bench/generate.mjs failed (see above)");
  return readManifest() ?? fail("bench/generate.mjs wrote no manifest");
}

// ---------------------------------------------------------------------------------------------
// Schema and ajv

/** The layout schema: `schemaFor("layout")` from the library, else `cli.cjs schema layout`. */
function layoutSchema(lib) {
  if (typeof lib.schemaFor === "function") {
    const s = lib.schemaFor("layout");
    if (!s || typeof s !== "object") fail("schemaFor('layout') returned no schema");
    return { schema: JSON.parse(JSON.stringify(s)), source: "schemaFor('layout') of dist/index.mjs" };
  }
  const r = runProcess(process.execPath, [cliPath, "schema", "layout"], { what: "dist/cli.js schema layout" });
  try {
    return { schema: JSON.parse(r.stdout), source: "`node dist/cli.js schema layout`" };
  } catch (e) {
    return fail(`dist/cli.js schema layout printed no JSON: ${e.message}`);
  }
}

// ---------------------------------------------------------------------------------------------
// Measurements

/**
 * (a) in fresh worker processes (bench/in-process.mjs), each warming up and timing interleaved
 * rounds; the figure is the median of the workers' medians, so one process in a bad JIT state
 * cannot decide it.
 */
function measureInProcess(schemaPath, strict) {
  const perWorker = runAjvWorkers(join(here, "in-process.mjs"), { libPath, schemaPath, strict, workers: ROUNDS.inProcessWorkers, warmup: ROUNDS.inProcessWarmup, rounds: ROUNDS.inProcess });
  const medians = perWorker.map((w) => ({ ours: median(w.ours), baseline: median(w.baseline) }));
  return {
    ours: medians.map((m) => m.ours),
    baseline: medians.map((m) => m.baseline),
    allOurs: perWorker.flatMap((w) => w.ours),
    allBaseline: perWorker.flatMap((w) => w.baseline),
    workerRatios: medians.map((m) => m.ours / m.baseline),
  };
}

/** First pass: every source compiles without errors to its JSON, and ajv accepts every JSON. */
function verifyCorpus(lib, validate, data) {
  const { sources, jsons } = data;
  for (let i = 0; i < sources.length; i++) {
    const r = lib.compile(sources[i].text);
    const errors = r.diagnostics.filter((d) => d.severity === "error");
    if (errors.length) {
      const d = errors[0];
      fail(`bench/corpus/src/${sources[i].id}.b24layout has ${errors.length} error(s) with the current dist/, first ${d.range.start.line}:${d.range.start.column} [${d.ruleId}] ${d.message} (regenerate with node bench/generate.mjs)`);
    }
    const expected = JSON.parse(jsons[i].text);
    if (r.outputs.length !== 1 || !isDeepStrictEqual(JSON.parse(JSON.stringify(r.outputs[0].value)), expected)) {
      fail(`bench/corpus/src/${sources[i].id}.b24layout no longer compiles to bench/corpus/json/${jsons[i].id}.json with the current dist/`);
    }
    if (!validate(expected)) {
      fail(`the layout schema rejects bench/corpus/json/${jsons[i].id}.json: ${JSON.stringify(validate.errors?.slice(0, 3))}`);
    }
  }
}

function measureWholeProcess(schemaPath, spec, strict) {
  const ours = [process.execPath, [cliPath, "check", rel(join(corpus, "src"))]];
  const ajvBin = join(root, "node_modules/.bin/ajv");
  if (!existsSync(ajvBin)) fail("node_modules/.bin/ajv is missing (ajv-cli is a devDependency; run npm install)");
  const baseArgs = [ajvBin, "validate", "-s", rel(schemaPath), "-d", `${rel(join(corpus, "json"))}/*.json`, `--spec=${spec}`];
  if (!strict) baseArgs.push("--strict=false");
  const baseline = [process.execPath, baseArgs];
  // Warm-up (and failure check: both must exit 0 on the valid corpus).
  runProcess(...ours, { what: "dist/cli.js check bench/corpus/src" });
  runProcess(...baseline, { what: "ajv-cli validate" });
  return {
    ...interleave(
      ROUNDS.whole,
      () => runProcess(...ours, { what: "dist/cli.js check" }).ms,
      () => runProcess(...baseline, { what: "ajv-cli validate" }).ms,
    ),
    commands: { ours: `node ${rel(cliPath)} ${ours[1].slice(1).join(" ")}`, baseline: `node ${baseArgs.map((a) => (a === ajvBin ? rel(a) : a.includes("*") ? `"${a}"` : a)).join(" ")}` },
  };
}

function measureColdStart() {
  const file = rel(join(corpus, "src", "0001.b24layout"));
  const ours = [process.execPath, [cliPath, "check", file]];
  const baseline = [process.execPath, ["-e", "0"]];
  for (let i = 0; i < 2; i++) {
    runProcess(...ours, { what: `dist/cli.js check ${file}` });
    runProcess(...baseline, { what: "node -e 0" });
  }
  return {
    ...interleave(
      ROUNDS.cold,
      () => runProcess(...ours, { what: "dist/cli.js check" }).ms,
      () => runProcess(...baseline, { what: "node -e 0" }).ms,
    ),
    commands: { ours: `node ${rel(cliPath)} check ${file}`, baseline: "node -e 0" },
  };
}

function measureLargeFile(lib, text) {
  const check = typeof lib.check === "function" ? lib.check : lib.compile;
  const parse = typeof lib.parse === "function" ? lib.parse : undefined;
  const first = check(text);
  const errors = first.diagnostics.filter((d) => d.severity === "error");
  if (errors.length) fail(`bench/corpus/large.b24layout has ${errors.length} error(s): ${errors[0].message}`);
  for (let i = 0; i < 5; i++) check(text);
  const checkMs = [];
  const parseMs = [];
  for (let i = 0; i < ROUNDS.large; i++) {
    checkMs.push(timed(() => check(text))());
    if (parse) parseMs.push(timed(() => parse(text))());
  }
  return { checkMs, parseMs, fn: check === lib.check ? "check" : "compile" };
}

// ---------------------------------------------------------------------------------------------
// Report

function fmtMs(ms) {
  return ms >= 100 ? ms.toFixed(0) : ms >= 10 ? ms.toFixed(1) : ms.toFixed(2);
}

function table(rows, header) {
  const all = [header, ...rows];
  const widths = header.map((_, i) => Math.max(...all.map((r) => String(r[i]).length)));
  const line = (r) => r.map((c, i) => (i === 0 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join("  ");
  return [line(header), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)].join("\n");
}

async function main() {
  const startedAt = performance.now();
  const loadBefore = os.loadavg()[0];
  if (!existsSync(libPath)) fail(`${rel(libPath)} is missing; run \`npm run build\` first (\`npm run bench\` does).`);
  if (!existsSync(cliPath)) fail(`${rel(cliPath)} is missing; run \`npm run build\` first (\`npm run bench\` does).`);
  const lib = await import(pathToFileURL(libPath).href);
  if (typeof lib.compile !== "function") fail(`${rel(libPath)} does not export compile()`);

  const manifest = ensureCorpus();
  const data = loadCorpus();
  mkdirSync(tmp, { recursive: true });

  const { schema, source: schemaSource } = layoutSchema(lib);
  const schemaPath = join(tmp, "layout.schema.json");
  writeFileSync(schemaPath, `${JSON.stringify(schema, null, 2)}\n`);
  const { spec } = ajvFor(schema);
  const { validate, strict } = compileValidator(schema);
  log(`layout schema from ${schemaSource} (${spec}${strict ? "" : ", strict: false"}) → ${rel(schemaPath)}`);

  verifyCorpus(lib, validate, data);
  const srcBytes = data.sources.reduce((s, x) => s + Buffer.byteLength(x.text), 0);
  const jsonBytes = data.jsons.reduce((s, x) => s + Buffer.byteLength(x.text), 0);
  log(`corpus verified: ${data.sources.length} sources (${(srcBytes / 1e6).toFixed(2)} MB) compile to their JSON (${(jsonBytes / 1e6).toFixed(2)} MB); the schema accepts all`);

  log(`a. in-process (${ROUNDS.inProcessWorkers} process(es) × ${ROUNDS.inProcess} interleaved rounds)…`);
  const a = measureInProcess(schemaPath, strict);
  log(`b. whole process (${ROUNDS.whole} interleaved runs)…`);
  const b = measureWholeProcess(schemaPath, spec, strict);
  log(`c. cold start (${ROUNDS.cold} interleaved runs)…`);
  const c = measureColdStart();
  log(`large file (${manifest.largeFile?.lines ?? "?"} lines, ${ROUNDS.large} runs)…`);
  const large = measureLargeFile(lib, data.large);
  log(`language server: keystroke to diagnostics on the ${manifest.largeFile?.lines ?? "?"}-line file over stdio, every kind of edit (bench/lsp.mjs)…`);
  const lspInfo = await (await import("./lsp.mjs")).lspRows(cliPath, data.large, corpus, { changes: opts.quick ? 20 : 60 });

  const measurements = [
    { name: "in-process: compile 1,000 sources vs JSON.parse + ajv over 1,000 JSON", m: a, target: TARGETS.inProcess },
    { name: "whole process: cli check corpus vs ajv-cli validate corpus", m: b, target: TARGETS.whole },
    { name: "cold start: cli check one file vs node -e 0", m: c, target: TARGETS.cold },
  ].map(({ name, m, target }) => ({
    ...ratioRow(name, m, target),
    ...(m.workerRatios ? { process_ratios: m.workerRatios.map((r) => Number(r.toFixed(3))) } : {}),
    ...(m.commands ? { commands: m.commands } : {}),
  }));

  measurements.push(...(await (await import("./json.mjs")).measureJsonPayloads({ lib, cliPath, root, corpus, data, quick: opts.quick })));
  const largeLines = data.large.split("\n").length - 1;
  const info = [
    {
      name: `diagnostics latency: ${large.fn}() of one ${largeLines}-line file (parse+check, in-process)`,
      median_ms: Number(median(large.checkMs).toFixed(2)),
      p90_ms: Number(quantile(large.checkMs, 0.9).toFixed(2)),
      runs: large.checkMs.length,
    },
  ];
  info.push(...lspInfo);
  if (large.parseMs.length) {
    info.push({
      name: `of which parse() alone (${largeLines} lines)`,
      median_ms: Number(median(large.parseMs).toFixed(2)),
      p90_ms: Number(quantile(large.parseMs, 0.9).toFixed(2)),
      runs: large.parseMs.length,
    });
  }
  const oursA = median(a.ours);
  const baseA = median(a.baseline);
  info.push(
    { name: "in-process throughput: compile (source MB/s)", value: Number((srcBytes / 1e3 / oursA).toFixed(2)) },
    { name: "in-process throughput: JSON.parse + ajv (JSON MB/s)", value: Number((jsonBytes / 1e3 / baseA).toFixed(2)) },
  );

  const reporting = await (await import("./report.mjs")).measureReporting(cliPath, { quick: opts.quick, log }); measurements.push(...reporting.measurements); info.push(...reporting.info); // prettier-ignore
  log("front end: parse() alone vs the in-process baseline (bench/front-end.mjs)…"); info.push(...(await (await import("./front-end.mjs")).frontEndRows({ libPath, schemaPath, strict, quick: opts.quick }))); // prettier-ignore
  const rows = measurements.map((m) => [m.name.split(":")[0], fmtMs(m.ours_ms), fmtMs(m.baseline_ms), `${m.ratio.toFixed(2)}×`, `≤ ${m.target}×`, m.met ? "yes" : "NO"]);
  console.log("");
  console.log(table(rows, ["measurement", "ours ms", "baseline ms", "ratio", "target", "met"]));
  console.log("");
  for (const m of measurements) {
    console.log(`${m.name}`);
    console.log(`  ours ${m.ours_range_ms.join("–")} ms, baseline ${m.baseline_range_ms.join("–")} ms (min–max of ${m.runs} runs)`);
    if (m.process_ratios) console.log(`  ratio of each worker process's medians: ${m.process_ratios.map((r) => `${r.toFixed(2)}×`).join(", ")}`);
    if (m.commands) console.log(`  ours: ${m.commands.ours}\n  baseline: ${m.commands.baseline}`);
  }
  console.log("");
  console.log("not targets:");
  for (const i of info) {
    const verdict =
      (i.met === undefined ? "" : i.met ? " — met" : " — NOT met");
    const p95 = i.p95_ms === undefined ? "" : `, p95 ${fmtMs(i.p95_ms)} ms`;
    console.log(i.median_ms !== undefined ? `  ${i.name}: median ${fmtMs(i.median_ms)} ms, p90 ${fmtMs(i.p90_ms)} ms${p95} (${i.runs} runs)${verdict}` : `  ${i.name}: ${i.value}`);
  }

  const loadAfter = os.loadavg()[0];
  const cpus = os.cpus().length;
  console.log(`\nload average (1 min): ${loadBefore.toFixed(2)} before, ${loadAfter.toFixed(2)} after, on ${cpus} CPUs`);
  if (Math.max(loadBefore, loadAfter) > cpus) {
    console.log("  the machine was busy during the run: absolute times are inflated; the ratios are the figures to read");
  }

  const results = {
    date: new Date().toISOString(),
    node: process.version,
    cpus,
    cpuModel: os.cpus()[0]?.model,
    loadavg1m: { before: Number(loadBefore.toFixed(2)), after: Number(loadAfter.toFixed(2)) },
    corpus: { files: data.sources.length, sourceBytes: srcBytes, jsonBytes, largeFileLines: largeLines, seed: manifest.seed },
    schema: { source: schemaSource, spec, strict },
    measurements: measurements.map(({ name, ours_ms, baseline_ms, ratio, target, met, runs, ours_range_ms, baseline_range_ms, process_ratios, commands }) => ({
      name,
      ours_ms,
      baseline_ms,
      ratio,
      target,
      met,
      runs,
      ours_range_ms,
      baseline_range_ms,
      ...(process_ratios ? { process_ratios } : {}),
      ...(commands ? { commands } : {}),
    })),
    info,
  };
  writeFileSync(join(here, "results.json"), `${JSON.stringify(results, null, 2)}\n`);
  const met = measurements.filter((m) => m.met).length;
  console.log(`\n${met}/${measurements.length} targets met; figures in ${rel(join(here, "results.json"))} (bench took ${((performance.now() - startedAt) / 1000).toFixed(0)} s)`);
}

main().catch((e) => {
  if (e instanceof BenchError) console.error(`bench: FAILED: ${e.message}`);
  else console.error(`bench: FAILED: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
  process.exit(1);
});
