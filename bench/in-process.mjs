#!/usr/bin/env node
/**
 * Worker of bench/run.mjs for measurement (a), run in a fresh process so that one process in a
 * bad JIT state cannot decide the figure: library `compile` over the 1,000 corpus sources vs
 * `JSON.parse` + a compiled ajv validator over the 1,000 corpus JSON texts. Warms both up, then
 * times interleaved rounds and prints `{ ours: [ms…], baseline: [ms…] }`. No forced GC between
 * rounds: a full `gc()` makes the following compile round ~40% slower here (heap resizing and
 * lost JIT state), which is not how the library runs.
 *
 * Usage: node bench/in-process.mjs --lib dist/index.mjs --schema schema.json [--strict false]
 *        [--warmup N] [--rounds N]
 */
import { fail, runWorkerAgainstAjv } from "./common.mjs";

runWorkerAgainstAjv("bench/in-process", (lib, sources) => () => {
  let outputs = 0;
  for (const s of sources) outputs += lib.compile(s.text).outputs.length;
  if (outputs !== sources.length) fail(`compile produced ${outputs} outputs for ${sources.length} sources`);
});
