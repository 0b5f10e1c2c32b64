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
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { BenchError, compileValidator, fail, interleave, loadCorpus, timed } from "./common.mjs";

const { values: opts } = parseArgs({
  options: {
    lib: { type: "string" },
    schema: { type: "string" },
    strict: { type: "string", default: "true" },
    warmup: { type: "string", default: "5" },
    rounds: { type: "string", default: "7" },
  },
});

async function main() {
  if (!opts.lib || !opts.schema) fail("--lib and --schema are required");
  const lib = await import(pathToFileURL(resolve(opts.lib)).href);
  const schema = JSON.parse(readFileSync(opts.schema, "utf8"));
  const { validate } = compileValidator(schema, { strict: opts.strict !== "false" });
  const { sources, jsons } = loadCorpus();

  const compileAll = () => {
    let outputs = 0;
    for (const s of sources) outputs += lib.compile(s.text).outputs.length;
    if (outputs !== sources.length) fail(`compile produced ${outputs} outputs for ${sources.length} sources`);
  };
  const validateAll = () => {
    let valid = 0;
    for (const j of jsons) if (validate(JSON.parse(j.text))) valid++;
    if (valid !== jsons.length) fail(`ajv accepted only ${valid} of ${jsons.length} JSON files`);
  };
  for (let i = 0; i < Number(opts.warmup); i++) {
    compileAll();
    validateAll();
  }
  const result = interleave(Number(opts.rounds), timed(compileAll), timed(validateAll));
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

main().catch((e) => {
  process.stderr.write(`bench/in-process: ${e instanceof BenchError ? e.message : e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
