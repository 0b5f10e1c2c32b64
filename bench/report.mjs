/**
 * The reporting and memory rows of the benchmark (issue 15: "linear reporting", "bounded memory",
 * the scaling row), measured on inputs generated here into bench/.tmp/report (never committed):
 *
 *   - one file with 20,000 findings (unused translation keys), reported by `check` as `stylish`,
 *     `stylish --code-frame` and `codeframe` against `--format json` on the same file, interleaved
 *     (target: about the time of json);
 *   - peak RSS of `check` (default reporter) over 63 MB of source as 45,000 files (target
 *     ≤ 400 MB) and over one 63 MB file (target ≤ 1 GB), read from the process itself
 *     (`process.resourceUsage().maxRSS` at exit, through the preloaded bench/max-rss.mjs);
 *   - scaling: `check` of one file 10× longer, and of 10× the files, net of start-up (target
 *     ≤ 11× the time).
 *
 * `measureReporting(cliPath, { quick, log })` returns `{ measurements, info }` rows of the shape
 * bench/run.mjs writes to bench/results.json. `node bench/report.mjs [--dist dir] [--quick]`
 * runs it alone and prints the rows.
 */
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { fail, interleave, median, rangeOf, ratioRow } from "./common.mjs";
import { DEFAULT_SEED, generateLayoutFile } from "./generate.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, "..");
const out = join(here, ".tmp", "report");

/** The sizes of the issue's measurement: 63 MB of source, as 45,000 files or as one file. */
export const TREE_FILES = 45_000;
export const SOURCE_BYTES = 63_000_000;
export const MANY_FINDINGS = 20_000;
const TARGETS = { reportRatio: 1.5, treeRssMb: 400, bigFileRssMb: 1024, scaling: 11 };

// ---------------------------------------------------------------------------------------------
// Inputs

/** One file whose every translation key but one is unused: `count` warnings, one per line from line 3. */
export function manyFindingsText(count) {
  const keys = [];
  for (let i = 0; i < count; i++) keys.push(`    key${i} "Text number ${i}"\n`);
  return `translations {\n  en {\n${keys.join("")}    incoming "Incoming call"\n  }\n}\nlayout l {\n  icon call\n  header @incoming\n  body {\n    logo call-incoming\n    text "x"\n  }\n}\n`;
}

/** The corpus's layout `index` when it has no translations block (it can then be joined to others in one file). */
function standaloneLayout(index) {
  const text = generateLayoutFile(DEFAULT_SEED, index).text;
  return /^translations\b/m.test(text) ? undefined : text;
}

/**
 * `files` files of `bytes` in all: each the corpus's layout of its number, and as many of them as
 * it takes a second layout (without translations) after it, so the tree has the given size.
 */
function writeTree(dir, files, bytes) {
  let written = 0;
  let extra = 1_000_000;
  for (let i = 1; i <= files; i++) {
    let text = generateLayoutFile(DEFAULT_SEED, i).text;
    while (written + text.length < (bytes * i) / files) {
      const more = standaloneLayout(extra++);
      if (more) text += `\n${more}`;
    }
    const sub = join(dir, String(Math.floor((i - 1) / 1000)).padStart(2, "0"));
    if ((i - 1) % 1000 === 0) mkdirSync(sub, { recursive: true });
    writeFileSync(join(sub, `${String(i).padStart(5, "0")}.b24layout`), text);
    written += Buffer.byteLength(text);
  }
  return written;
}

/** One file of `bytes`: the corpus's layouts without translations, one after the other. */
function bigText(bytes, first = 2_000_000) {
  const parts = [];
  let length = 0;
  for (let i = first; length < bytes; i++) {
    const text = standaloneLayout(i);
    if (!text) continue;
    parts.push(text);
    length += Buffer.byteLength(text) + 1;
  }
  return parts.join("\n");
}

/** Changed when the inputs below change shape: the inputs are generated again. */
const INPUTS_VERSION = 1;

function generatorKey() {
  return createHash("sha256")
    .update(String(INPUTS_VERSION))
    .update(readFileSync(join(here, "generate.mjs")))
    .update(readFileSync(join(root, "src/model/codes.ts")))
    .digest("hex")
    .slice(0, 16);
}

/** The inputs, generated once into bench/.tmp/report (again when this script or the generator changes). */
export function ensureReportInputs(log = () => {}) {
  const manifestPath = join(out, "manifest.json");
  const key = generatorKey();
  try {
    const manifest = JSON.parse(readFileSync(manifestPath, "utf8"));
    if (manifest.key === key) return manifest;
  } catch {
    // none yet, or unreadable: generate
  }
  log(`generating the reporting and memory inputs into ${join("bench", ".tmp", "report")} (${TREE_FILES} files, ~${SOURCE_BYTES / 1e6} MB twice)…`);
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const paths = {
    many: join(out, "many-findings.b24layout"),
    tree: join(out, "tree"),
    treeTenth: join(out, "tree-tenth"),
    treeHundredth: join(out, "tree-hundredth"),
    big: join(out, "big.b24layout"),
    one: join(out, "one.b24layout"),
    ten: join(out, "ten.b24layout"),
  };
  writeFileSync(paths.many, manyFindingsText(MANY_FINDINGS));
  const treeBytes = writeTree(paths.tree, TREE_FILES, SOURCE_BYTES);
  writeTree(paths.treeTenth, TREE_FILES / 10, SOURCE_BYTES / 10);
  writeTree(paths.treeHundredth, TREE_FILES / 100, SOURCE_BYTES / 100);
  const big = bigText(SOURCE_BYTES);
  writeFileSync(paths.big, big);
  // The scaling row's one file: 0.63 MB, and the same layouts' kind 10× longer.
  writeFileSync(paths.one, bigText(SOURCE_BYTES / 100, 3_000_000));
  writeFileSync(paths.ten, bigText(SOURCE_BYTES / 10, 3_000_000));
  const manifest = { key, paths, treeFiles: TREE_FILES, treeBytes, bigBytes: Buffer.byteLength(big) };
  writeFileSync(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

// ---------------------------------------------------------------------------------------------
// Processes

const RSS_PRELOAD = pathToFileURL(join(here, "max-rss.mjs")).href;

/** Runs the CLI; returns its wall time and, with `rss`, its peak resident set size in MB. */
function runCli(cliPath, args, { expectStatus, rss = false } = {}) {
  const rssFile = join(out, `rss-${process.pid}.json`);
  rmSync(rssFile, { force: true });
  const nodeArgs = rss ? ["--import", RSS_PRELOAD, cliPath, ...args] : [cliPath, ...args];
  const started = performance.now();
  const r = spawnSync(process.execPath, nodeArgs, {
    cwd: root,
    encoding: "utf8",
    maxBuffer: 1024 * 1024 * 1024,
    env: { ...process.env, NO_COLOR: "1", ...(rss ? { B24LAYOUT_BENCH_RSS_FILE: rssFile } : {}) },
  });
  const ms = performance.now() - started;
  if (r.error) fail(`node dist/cli.js ${args.join(" ")} failed to start: ${r.error.message}`);
  if (expectStatus !== undefined && r.status !== expectStatus) {
    fail(`node dist/cli.js ${args.join(" ")} exited with ${r.status ?? r.signal} (expected ${expectStatus}):\n${`${r.stdout}${r.stderr}`.trim().split("\n").slice(0, 20).join("\n")}`);
  }
  const peakMb = rss ? JSON.parse(readFileSync(rssFile, "utf8")).maxRssKb / 1024 : undefined;
  return { ms, status: r.status, stdout: r.stdout, peakMb };
}

// ---------------------------------------------------------------------------------------------
// Rows

/** The reports of the 20,000-finding file against --format json of it, interleaved. */
function measureManyFindings(cliPath, file, rounds) {
  const rows = [];
  for (const [label, args] of [
    ["stylish", []],
    ["stylish --code-frame", ["--code-frame"]],
    ["codeframe", ["--format", "codeframe"]],
  ]) {
    const ours = ["check", file, ...args];
    const json = ["check", file, "--format", "json"];
    const first = runCli(cliPath, ours, { expectStatus: 0 });
    if (!first.stdout.includes(`${MANY_FINDINGS} warnings`)) fail(`check ${file} ${args.join(" ")} did not report ${MANY_FINDINGS} warnings`);
    runCli(cliPath, json, { expectStatus: 0 });
    const m = interleave(
      rounds,
      () => runCli(cliPath, ours, { expectStatus: 0 }).ms,
      () => runCli(cliPath, json, { expectStatus: 0 }).ms,
    );
    rows.push({
      ...ratioRow(`reporting: check of one file with ${MANY_FINDINGS.toLocaleString("en")} findings, ${label} vs --format json`, m, TARGETS.reportRatio),
      commands: { ours: `node dist/cli.js ${ours.join(" ")}`, baseline: `node dist/cli.js ${json.join(" ")}` },
    });
  }
  return rows;
}

/**
 * Peak RSS of `check` with the default reporter (median of `rounds` runs) and, for comparison,
 * with --quiet (one run), as `info` rows: `value` in MB.
 */
function measurePeakMemory(cliPath, target, what, targetMb, rounds) {
  const rows = [];
  for (const [label, args, n] of [
    ["default reporter", [], rounds],
    ["--quiet", ["--quiet"], 1],
  ]) {
    const runs = [];
    for (let i = 0; i < n; i++) runs.push(runCli(cliPath, ["check", target, ...args], { rss: true }));
    const mb = runs.map((r) => r.peakMb);
    const peak = median(mb);
    // A file past the token limit is refused with one error: say so, as its peak is the refusal's.
    const refused = /more than ([\d,]+) tokens/.exec(runs[0].stdout);
    rows.push({
      name: `peak RSS (MB) of check of ${what}, ${label}${targetMb && label === "default reporter" ? ` (target ≤ ${targetMb} MB)` : ""}${refused ? ` — refused: more than ${refused[1]} tokens (syntax-error)` : ""}`,
      value: Number(peak.toFixed(1)),
      rss_range_mb: rangeOf(mb),
      wall_ms: Number(median(runs.map((r) => r.ms)).toFixed(0)),
      runs: runs.length,
      // Refused is not checked: the target is not met, whatever the peak.
      ...(targetMb && label === "default reporter" ? { target_mb: targetMb, met: !refused && peak <= targetMb } : {}),
    });
  }
  return rows;
}

/** `check` of 10× one file and of 10× the files, each net of the start-up (`check` of an empty file). */
function measureScaling(cliPath, inputs, rounds) {
  const empty = join(out, "empty.b24layout");
  writeFileSync(empty, "");
  const time = (target) => () => runCli(cliPath, ["check", target, "--quiet"]).ms;
  const rows = [];
  for (const [what, small, large] of [
    ["one file 10× longer (6.3 MB vs 0.63 MB)", inputs.one, inputs.ten],
    [`10× the files (${(TREE_FILES / 10).toLocaleString("en")} vs ${(TREE_FILES / 100).toLocaleString("en")} files, 6.3 MB vs 0.63 MB)`, inputs.treeHundredth, inputs.treeTenth],
  ]) {
    const startup = [];
    const m = interleave(rounds, time(large), time(small), { beforeEach: () => startup.push(time(empty)()) });
    const base = median(startup);
    rows.push(ratioRow(`scaling: check of ${what}, net of start-up (${base.toFixed(0)} ms)`, m, TARGETS.scaling, (median(m.ours) - base) / (median(m.baseline) - base)));
  }
  return rows;
}

/**
 * Every row of this module: `measurements` (ratios with targets, the shape of bench/run.mjs's) and
 * `info` (peak memory, with its target in MB).
 */
export async function measureReporting(cliPath, { quick = false, log = () => {} } = {}) {
  const inputs = ensureReportInputs(log).paths;
  const rounds = quick ? { report: 2, memory: 1, scaling: 1 } : { report: 5, memory: 2, scaling: 3 };
  log(`reporting: ${MANY_FINDINGS} findings in one file (${rounds.report} interleaved runs per format)…`);
  const measurements = measureManyFindings(cliPath, inputs.many, rounds.report);
  log(`scaling: 10× one file, 10× the files (${rounds.scaling} interleaved runs)…`);
  measurements.push(...measureScaling(cliPath, inputs, rounds.scaling));
  log(`peak memory: ${TREE_FILES} files, one ${SOURCE_BYTES / 1e6} MB file, one 6.3 MB file (${rounds.memory} runs each)…`);
  const info = [
    ...measurePeakMemory(cliPath, inputs.tree, `${SOURCE_BYTES / 1e6} MB of source as ${TREE_FILES.toLocaleString("en")} files`, TARGETS.treeRssMb, rounds.memory),
    ...measurePeakMemory(cliPath, inputs.big, `one ${SOURCE_BYTES / 1e6} MB file`, TARGETS.bigFileRssMb, rounds.memory),
    ...measurePeakMemory(cliPath, inputs.ten, "one 6.3 MB file", undefined, rounds.memory),
  ];
  return { measurements, info };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({ options: { dist: { type: "string", default: join(root, "dist") }, quick: { type: "boolean", default: false } } });
  const cliPath = join(resolve(values.dist), "cli.js");
  if (!existsSync(cliPath)) fail(`${cliPath} is missing; run \`npm run build\` first`);
  const rows = await measureReporting(cliPath, { quick: values.quick, log: (m) => process.stderr.write(`bench: ${m}\n`) });
  console.log(JSON.stringify(rows, null, 2));
}
