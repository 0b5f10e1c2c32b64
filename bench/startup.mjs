#!/usr/bin/env node
/**
 * Before and after, for the two whole-process rows of `npm run bench`: the cold start (`check` of
 * one file against `node -e 0`, target ≤ 1.6×) and `check` of the 1,000-file corpus (against
 * ajv-cli on the JSON, target ≤ 0.5×), for the build in `dist/` and an earlier build's (`--baseline
 * DIR`, its `dist/`), interleaved in one run: every round runs the reference, this build and the
 * other in a rotating order, so load on the shared machine falls on all three alike.
 *
 * Besides wall time it reports CPU time (user + system), which load on the shared machine disturbs
 * far less: every process measured (the reference too) is started with a preload that writes
 * process.cpuUsage() to stderr when it exits (through process._rawDebug, which loads nothing).
 *
 * Usage: node bench/startup.mjs --baseline DIR [--dist DIR] [--cold-rounds 31] [--whole-rounds 7]
 * (the corpus must exist: `npm run bench` or `node bench/generate.mjs` makes it).
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { ajvFor, compileValidator, corpusDir, fail, median, rangeOf } from "./common.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, "..");

const { values: opts } = parseArgs({
  options: {
    dist: { type: "string", default: join(root, "dist") },
    baseline: { type: "string" },
    "cold-rounds": { type: "string", default: "31" },
    "whole-rounds": { type: "string", default: "7" },
  },
});
if (!opts.baseline) fail("give the earlier build to compare with: --baseline DIR (its dist/)");
const builds = { after: resolve(opts.dist), before: resolve(opts.baseline) };
for (const dir of Object.values(builds)) if (!existsSync(join(dir, "cli.js"))) fail(`${dir}/cli.js is missing`);
if (!existsSync(join(corpusDir, "src"))) fail("bench/corpus is missing: run `node bench/generate.mjs` first");

const tmp = join(here, ".tmp");
mkdirSync(tmp, { recursive: true });
const CPU_MARK = "b24layout-bench-cpu-us ";
const cpuPreload = join(tmp, "report-cpu.cjs");
writeFileSync(cpuPreload, `process.on("exit", () => { const u = process.cpuUsage(); process._rawDebug(${JSON.stringify(CPU_MARK)} + (u.user + u.system)); });\n`);
const env = { ...process.env, NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ""} --require ${cpuPreload}`.trim() };

/** Runs a process to completion (output read and dropped); resolves with its wall time and CPU time in ms. */
function runTimed(command, args) {
  return new Promise((done, reject) => {
    const started = performance.now();
    const child = spawn(command, args, { cwd: root, env, stdio: ["ignore", "pipe", "pipe"] });
    child.stdout.resume();
    let stderr = "";
    child.stderr.on("data", (d) => (stderr += d));
    child.on("error", reject);
    child.on("exit", (code) => {
      const ms = performance.now() - started;
      if (code !== 0) reject(new Error(`${command} ${args.join(" ")} exited with ${code}: ${stderr.slice(0, 500)}`));
      else {
        const cpu = stderr.split("\n").find((line) => line.startsWith(CPU_MARK));
        if (cpu === undefined) reject(new Error(`${command} ${args.join(" ")} reported no CPU time (the preload did not run)`));
        else done({ ms, cpuMs: Number(cpu.slice(CPU_MARK.length)) / 1000 });
      }
    });
  });
}

async function measure(rows, rounds) {
  const names = Object.keys(rows);
  const wall = Object.fromEntries(names.map((n) => [n, []]));
  const cpu = Object.fromEntries(names.map((n) => [n, []]));
  for (const n of names) await runTimed(...rows[n]); // warm-up: the file cache, and any user code cache
  for (let i = 0; i < rounds; i++) {
    const order = names.map((_, k) => names[(k + i) % names.length]);
    for (const n of order) {
      const { ms, cpuMs } = await runTimed(...rows[n]);
      wall[n].push(ms);
      cpu[n].push(cpuMs);
    }
  }
  return { wall, cpu };
}

function report(title, { wall, cpu }, target) {
  console.log(`\n${title} (target ≤ ${target}×)`);
  for (const [what, times] of [["wall", wall], ["CPU", cpu]]) {
    const reference = median(times.reference);
    for (const [name, runs] of Object.entries(times)) {
      const ratio = median(runs) / reference;
      const range = rangeOf(runs);
      console.log(`  ${what.padEnd(4)} ${name.padEnd(9)} median ${median(runs).toFixed(1).padStart(7)} ms  (min–max ${range[0]}–${range[1]})${name === "reference" ? "" : `  ratio ${ratio.toFixed(3)}×`}`);
    }
  }
}

const oneFile = relative(root, join(corpusDir, "src", "0001.b24layout"));
const corpusSrc = relative(root, join(corpusDir, "src"));
const schemaRun = spawnSync(process.execPath, [join(builds.after, "cli.js"), "schema", "layout"], { encoding: "utf8" });
if (schemaRun.status !== 0) fail(`dist/cli.js schema layout failed: ${schemaRun.stderr}`);
const schema = JSON.parse(schemaRun.stdout);
const schemaPath = join(tmp, "layout.schema.json");
writeFileSync(schemaPath, `${JSON.stringify(schema, null, 2)}\n`);
const { spec } = ajvFor(schema);
const { strict } = compileValidator(schema);
const ajv = [process.execPath, [join(root, "node_modules/.bin/ajv"), "validate", "-s", relative(root, schemaPath), "-d", `${relative(root, join(corpusDir, "json"))}/*.json`, `--spec=${spec}`, ...(strict ? [] : ["--strict=false"])]];

const loadBefore = os.loadavg()[0];
const onlyCold = opts["whole-rounds"] === "0";
const cold = await measure(
  {
    reference: [process.execPath, ["-e", "0"]],
    before: [process.execPath, [join(builds.before, "cli.js"), "check", oneFile]],
    after: [process.execPath, [join(builds.after, "cli.js"), "check", oneFile]],
  },
  Number(opts["cold-rounds"]),
);
report(`cold start: check ${oneFile} against node -e 0`, cold, 1.6);
const whole = onlyCold ? undefined : await measure(
  {
    reference: ajv,
    before: [process.execPath, [join(builds.before, "cli.js"), "check", corpusSrc]],
    after: [process.execPath, [join(builds.after, "cli.js"), "check", corpusSrc]],
  },
  Number(opts["whole-rounds"]),
);
if (whole) report(`whole process: check ${corpusSrc} against ajv-cli on the JSON`, whole, 0.5);
console.log(`\nbefore: ${builds.before}\nafter: ${builds.after}\nload average (1 min): ${loadBefore.toFixed(2)} before, ${os.loadavg()[0].toFixed(2)} after, on ${os.cpus().length} CPUs`);
