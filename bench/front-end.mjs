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
import { fileURLToPath } from "node:url";
import { fail, median, quantile, rangeOf, runAjvWorkers, runWorkerAgainstAjv } from "./common.mjs";

const self = fileURLToPath(import.meta.url);

/**
 * Rows for bench/results.json: the median time of `parse` over the corpus, and its ratio to the
 * baseline (the median of each worker's ratio), with min–max.
 */
export async function frontEndRows({ libPath, schemaPath, strict, quick }) {
  const rounds = quick ? { workers: 1, warmup: 1, rounds: 3 } : { workers: 3, warmup: 5, rounds: 7 };
  const perWorker = runAjvWorkers(self, { libPath, schemaPath, strict, ...rounds });
  const ours = perWorker.flatMap((w) => w.ours);
  const ratios = perWorker.map((w) => median(w.ours) / median(w.baseline));
  return [
    {
      name: "front end: parse() of the 1,000 sources (lexing + syntax tree, in-process)",
      median_ms: Number(median(ours).toFixed(2)),
      p90_ms: Number(quantile(ours, 0.9).toFixed(2)),
      runs: ours.length,
    },
    {
      name: "front end: parse() of the 1,000 sources vs JSON.parse + ajv over 1,000 JSON (ratio; the compile target is ≤ 4×)",
      value: Number(median(ratios).toFixed(3)),
      ratio_range: rangeOf(ratios),
    },
  ];
}

if (process.argv[1] === self) {
  runWorkerAgainstAjv("bench/front-end", (lib, sources) => () => {
    let statements = 0;
    for (const s of sources) statements += lib.parse(s.text).document.statements.length;
    if (statements < sources.length) fail(`parse found ${statements} statements in ${sources.length} sources`);
  });
}
