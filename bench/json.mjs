/**
 * The JSON front end's rows of `npm run bench`: checking the corpus's 1,000 JSON payloads
 * (bench/corpus/json, what the sources compile to) against checking their 1,000 `.b24layout`
 * twins (bench/corpus/src), target not slower (ratio ≤ 1):
 *
 *   - in-process: the library's `checkJson` over the JSON texts vs `check` over the sources,
 *     interleaved rounds after a warm-up, in this process;
 *   - whole process: `node dist/cli.js check "bench/corpus/json/*.json"` vs
 *     `node dist/cli.js check bench/corpus/src`, interleaved.
 *
 * Both sides must be clean (the payloads are what the clean sources compile to): a finding on
 * either fails the bench.
 */
import { spawnSync } from "node:child_process";
import { join, relative } from "node:path";
import { fail, interleave, ratioRow, timed } from "./common.mjs";

const TARGET = 1;

/**
 * @param {{ lib: any, cliPath: string, root: string, corpus: string, data: { sources: { text: string }[], jsons: { text: string }[] }, quick?: boolean }} options
 * @returns {Promise<object[]>} measurement objects, as bench/run.mjs writes them
 */
export async function measureJsonPayloads({ lib, cliPath, root, corpus, data, quick = false }) {
  if (typeof lib.checkJson !== "function") fail("dist/index.js does not export checkJson()");
  const rounds = quick ? { warmup: 1, inProcess: 3, whole: 2 } : { warmup: 3, inProcess: 9, whole: 7 };
  for (const json of data.jsons) {
    const r = lib.checkJson(json.text, { fileName: `${json.id}.json` });
    if (r.kind !== "layout" || r.diagnostics.length > 0) fail(`checkJson(${json.id}.json) gives kind ${r.kind} and ${r.diagnostics.length} finding(s): ${r.diagnostics[0]?.message ?? ""}`);
  }

  const checkJsons = timed(() => {
    for (const json of data.jsons) lib.checkJson(json.text);
  });
  const checkSources = timed(() => {
    for (const source of data.sources) lib.check(source.text);
  });
  interleave(rounds.warmup, checkJsons, checkSources);
  const inProcess = interleave(rounds.inProcess, checkJsons, checkSources);

  const run = (args) =>
    timed(() => {
      const r = spawnSync(process.execPath, [cliPath, ...args], { cwd: root, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
      if (r.status !== 0) fail(`node dist/cli.js ${args.join(" ")} exited with ${r.status ?? r.signal}:\n${(r.stdout + r.stderr).slice(0, 2000)}`);
    });
  // Relative to the root (the runs' working directory), as a user types them; the CLI expands the glob.
  const jsonArgs = ["check", join(relative(root, corpus), "json", "*.json")];
  const srcArgs = ["check", join(relative(root, corpus), "src")];
  const whole = interleave(rounds.whole, run(jsonArgs), run(srcArgs));

  return [
    row("in-process: checkJson 1,000 JSON payloads vs check their 1,000 .b24layout twins", inProcess),
    { ...row("whole process: cli check 1,000 JSON payloads vs cli check their .b24layout twins", whole), commands: { ours: `node dist/cli.js ${jsonArgs.join(" ")}`, baseline: `node dist/cli.js ${srcArgs.join(" ")}` } },
  ];
}

const row = (name, m) => ratioRow(name, m, TARGET);
