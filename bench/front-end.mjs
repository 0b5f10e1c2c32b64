#!/usr/bin/env node
/**
 * The front end's share of measurement (a): library `parse` (lexing and the syntax tree, nothing
 * after) over the 1,000 corpus sources vs `JSON.parse` + the compiled ajv validator over the 1,000
 * JSON texts, interleaved, in fresh worker processes like bench/in-process.mjs. Not a target of its
 * own: it says how much of the in-process target (compile ≤ 4× the baseline) parsing alone takes,
 * which is the floor of every later phase.
 *
 * As a module: `frontEndRows(...)` runs the workers and returns rows for bench/results.json.
 * As a worker: node bench/front-end.mjs --lib dist/index.mjs --schema schema.json [--strict false]
 *              [--warmup N] [--rounds N]; prints `{ ours: [ms…], baseline: [ms…] }`.
 */
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { BenchError, compileValidator, fail, interleave, loadCorpus, median, rangeOf, timed } from "./common.mjs";

const self = fileURLToPath(import.meta.url);

/**
 * Rows for bench/results.json: the median time of `parse` over the corpus, and its ratio to the
 * baseline (the median of each worker's ratio), with min–max.
 */
export async function frontEndRows({ libPath, schemaPath, strict, quick }) {
  const rounds = quick ? { workers: 1, warmup: 1, rounds: 3 } : { workers: 3, warmup: 5, rounds: 7 };
  const perWorker = [];
  for (let w = 0; w < rounds.workers; w++) {
    const args = [self, "--lib", libPath, "--schema", schemaPath, "--strict", String(strict), "--warmup", String(rounds.warmup), "--rounds", String(rounds.rounds)];
    const r = spawnSync(process.execPath, args, { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
    if (r.status !== 0) fail(`bench/front-end.mjs exited with ${r.status ?? r.signal}:\n${(r.stderr ?? "").trim()}`);
    perWorker.push(JSON.parse(r.stdout));
  }
  const ours = perWorker.flatMap((w) => w.ours);
  const ratios = perWorker.map((w) => median(w.ours) / median(w.baseline));
  return [
    {
      name: "front end: parse() of the 1,000 sources (lexing + syntax tree, in-process)",
      median_ms: Number(median(ours).toFixed(2)),
      p90_ms: Number([...ours].sort((a, b) => a - b)[Math.min(ours.length - 1, Math.floor(0.9 * ours.length))].toFixed(2)),
      runs: ours.length,
    },
    {
      name: "front end: parse() of the 1,000 sources vs JSON.parse + ajv over 1,000 JSON (ratio; the compile target is ≤ 4×)",
      value: Number(median(ratios).toFixed(3)),
      ratio_range: rangeOf(ratios),
    },
  ];
}

async function worker() {
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
  const lib = await import(pathToFileURL(resolve(opts.lib)).href);
  const { validate } = compileValidator(JSON.parse(readFileSync(opts.schema, "utf8")), { strict: opts.strict !== "false" });
  const { sources, jsons } = loadCorpus();
  const parseAll = () => {
    let statements = 0;
    for (const s of sources) statements += lib.parse(s.text).document.statements.length;
    if (statements < sources.length) fail(`parse found ${statements} statements in ${sources.length} sources`);
  };
  const validateAll = () => {
    let valid = 0;
    for (const j of jsons) if (validate(JSON.parse(j.text))) valid++;
    if (valid !== jsons.length) fail(`ajv accepted only ${valid} of ${jsons.length} JSON files`);
  };
  for (let i = 0; i < Number(opts.warmup); i++) {
    parseAll();
    validateAll();
  }
  process.stdout.write(`${JSON.stringify(interleave(Number(opts.rounds), timed(parseAll), timed(validateAll)))}\n`);
}

if (process.argv[1] === self) {
  worker().catch((e) => {
    process.stderr.write(`bench/front-end: ${e instanceof BenchError ? e.message : e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exit(1);
  });
}
