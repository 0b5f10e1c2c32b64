#!/usr/bin/env node
/**
 * Diagnostics latency of the language server through a real LSP client over stdio: a 2,000-line
 * document is opened, then changed one keystroke at a time (incremental sync), and each change is
 * timed from sending didChange to receiving the diagnostics of that version.
 *
 * The kinds of edit (EDIT_KINDS, `where`):
 * - "middle": a character typed into a string of a layout in the middle of the file, and deleted
 *   again (inside a declaration);
 * - "translations": the same in a text of the translation table, which every declaration reads;
 * - "newline": a line break typed before a line in the middle and deleted again: every later line
 *   moves, and with it the positions of every later finding;
 * - "syntax": a stray `=` typed before a field of a layout in the middle (a syntax error added)
 *   and deleted again (removed): `typed` and `deleted` time the two apart;
 * - "end": a new layout typed at the end of the file one character at a time (its `{` open until
 *   its `}` comes), then deleted one character at a time.
 *
 * `workspace` puts the document in a workspace folder with the corpus's 1,000 files on disk
 * (prepareWorkspace): the server then runs the project check over 1,001 files, and every
 * keystroke keeps the document's summary up to date; without it the document is the project.
 *
 * `lspRows` makes the rows `npm run bench` writes into bench/results.json (every kind, p50 and
 * p95 against the targets). Run directly, this compares two builds in one run (`node
 * bench/lsp.mjs --baseline DIR` with the dist/ of an earlier build): the same measurements,
 * interleaved process by process, p50 and p95 of each kind for both, and the load average.
 */
import { spawn } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import os from "node:os";
import { fail, median, quantile } from "./common.mjs";

const require = createRequire(import.meta.url);
const protocol = require("vscode-languageserver-protocol/node");

const here = dirname(fileURLToPath(import.meta.url));

/**
 * A workspace folder for the server: the corpus's sources and the large file, copied into
 * bench/.tmp (the server walks no symbolic link). Returns the folder and the large file's path.
 */
export function prepareWorkspace(corpusDir) {
  const dir = join(here, ".tmp", "lsp-workspace");
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, "src"), { recursive: true });
  writeFileSync(join(dir, "package.json"), "{}\n");
  const sources = readdirSync(join(corpusDir, "src")).filter((f) => f.endsWith(".b24layout"));
  for (const f of sources) copyFileSync(join(corpusDir, "src", f), join(dir, "src", f));
  copyFileSync(join(corpusDir, "large.b24layout"), join(dir, "large.b24layout"));
  return { dir, file: join(dir, "large.b24layout"), files: sources.length + 1 };
}

/** The kinds of edit measured (see the module comment), by `where`, with what a row calls them. */
export const EDIT_KINDS = {
  middle: "a character typed into a string of a layout in the middle, and deleted",
  translations: "a character typed into a text of the translation table, and deleted",
  newline: "a line break typed before a line in the middle, and deleted",
  syntax: "a syntax error typed into a layout in the middle (a stray '='), and deleted",
  end: "a new layout typed at the end of the file character by character, and deleted",
};

/** The layout typed at the end of the file ("end"). */
const TYPED_AT_END = 'layout typedAtEnd {\n  icon info\n  header "Typed at the end"\n}\n';

/**
 * The LSP content changes of an edit kind, in order (`changes` of them; for "end", two for each
 * character of the layout), each with whether it types (`typing`) or deletes what was typed.
 */
export function keystrokes(text, where, changes) {
  const lines = text.split("\n");
  if (where === "end") {
    // Where each character of TYPED_AT_END goes, typed after the last line end (all of it: `changes` does not apply).
    const at = [];
    let line = lines.length - 1;
    let character = lines[line].length;
    for (const c of TYPED_AT_END) {
      at.push({ line, character });
      if (c === "\n") {
        line++;
        character = 0;
      } else character++;
    }
    const after = (i) => at[i + 1] ?? { line, character };
    const typedChanges = at.map((p, i) => ({ change: { range: { start: p, end: p }, text: TYPED_AT_END[i] }, typing: true }));
    const deletedChanges = at.map((p, i) => ({ change: { range: { start: p, end: after(i) }, text: "" }, typing: false })).reverse();
    return [...typedChanges, ...deletedChanges];
  }
  const table = lines.findIndex((l) => l.startsWith("translations"));
  const line = lines.findIndex((l, i) => (where === "translations" ? i > table : i > lines.length / 2) && l.includes('"'));
  if (line < 0) throw new Error(`no line to type into (${where})`);
  const character = where === "newline" ? 0 : where === "syntax" ? lines[line].search(/\S/) : lines[line].indexOf('"') + 1;
  const typedText = where === "newline" ? "\n" : where === "syntax" ? "=" : "x";
  const end = where === "newline" ? { line: line + 1, character: 0 } : { line, character: character + typedText.length };
  const start = { line, character };
  return Array.from({ length: changes }, (_, i) =>
    i % 2 === 0 ? { change: { range: { start, end: start }, text: typedText }, typing: true } : { change: { range: { start, end }, text: "" }, typing: false },
  );
}

export async function measureLspLatency(cliPath, text, changes, where = "middle", { workspace } = {}) {
  const child = spawn(process.execPath, [cliPath, "lsp", "--stdio"], { stdio: ["pipe", "pipe", "inherit"] });
  const connection = protocol.createProtocolConnection(new protocol.StreamMessageReader(child.stdout), new protocol.StreamMessageWriter(child.stdin));
  const waiting = new Map();
  const uri = workspace ? pathToFileURL(workspace.file).href : "file:///bench/large.b24layout";
  connection.onNotification(protocol.PublishDiagnosticsNotification.type, (params) => {
    if (params.uri !== uri) return;
    const resolve = waiting.get(params.version);
    if (resolve) {
      waiting.delete(params.version);
      resolve(params);
    }
  });
  // The server logs when its first walk of the workspace is done (a build without the project check never does).
  let scanned;
  const walked = new Promise((resolve) => (scanned = resolve));
  connection.onNotification(protocol.LogMessageNotification.type, (params) => {
    const m = /the project check covers (\d+) file/.exec(params.message);
    if (m) scanned({ files: Number(m[1]), message: params.message });
  });
  connection.listen();
  // Diagnostics carry their document version only for a client that declares versionSupport.
  await connection.sendRequest(protocol.InitializeRequest.type, {
    processId: process.pid,
    rootUri: workspace ? pathToFileURL(workspace.dir).href : null,
    capabilities: { textDocument: { publishDiagnostics: { versionSupport: true } } },
    workspaceFolders: null,
  });
  await connection.sendNotification(protocol.InitializedNotification.type, {});
  let project;
  if (workspace) project = await Promise.race([walked, new Promise((resolve) => setTimeout(() => resolve(undefined), 30_000))]);
  const next = (version) => new Promise((resolve) => waiting.set(version, resolve));
  const opened = next(1);
  await connection.sendNotification(protocol.DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: "b24layout", version: 1, text } });
  const first = await opened;
  const ms = [];
  const typed = [];
  const deleted = [];
  let version = 2;
  for (const { change, typing } of keystrokes(text, where, changes)) {
    const published = next(version);
    const start = performance.now();
    await connection.sendNotification(protocol.DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: [change] });
    await published;
    const took = performance.now() - start;
    ms.push(took);
    (typing ? typed : deleted).push(took);
    version++;
  }
  await connection.sendRequest(protocol.ShutdownRequest.type);
  await connection.sendNotification(protocol.ExitNotification.type);
  connection.dispose();
  return { ms, typed, deleted, initialDiagnostics: first.diagnostics.length, ...(project ? { project } : {}) };
}

// ---------------------------------------------------------------------------------------------
// The rows of bench/results.json

/** The language server's latency targets (issue 15): keystroke to diagnostics on the 2,000-line file. */
export const LSP_TARGETS = { p50: 10, p95: 25 };

const round2 = (x) => Number(x.toFixed(2));

/** A row of latencies `ms` against the targets. */
function latencyRow(name, ms, extra = {}) {
  const p50 = median(ms);
  const p95 = quantile(ms, 0.95);
  return {
    name,
    median_ms: round2(p50),
    p90_ms: round2(quantile(ms, 0.9)),
    p95_ms: round2(p95),
    range_ms: [round2(Math.min(...ms)), round2(Math.max(...ms))],
    runs: ms.length,
    target_ms: LSP_TARGETS.p50,
    target_p95_ms: LSP_TARGETS.p95,
    met: p50 <= LSP_TARGETS.p50 && p95 <= LSP_TARGETS.p95,
    ...extra,
  };
}

/**
 * The language server's rows for bench/run.mjs: every kind of edit of the large file (the
 * document alone), a syntax error's adding and removing apart, and the middle edit with the
 * document in a workspace of the corpus's files. Throws when the server reports anything on the
 * unedited file.
 */
export async function lspRows(cliPath, text, corpusDir, { changes = 60 } = {}) {
  const lines = text.split("\n").length - 1;
  const rows = [];
  const clean = (r, where) => {
    if (r.initialDiagnostics !== 0) fail(`the language server reports ${r.initialDiagnostics} diagnostic(s) on the large file (${where})`);
    return r;
  };
  for (const [where, what] of Object.entries(EDIT_KINDS)) {
    const r = clean(await measureLspLatency(cliPath, text, changes, where), where);
    const name = `language server: ${what}, ${lines}-line file, keystroke to diagnostics over stdio (target p50 ≤ ${LSP_TARGETS.p50} ms, p95 ≤ ${LSP_TARGETS.p95} ms)`;
    if (where === "syntax") {
      rows.push(latencyRow(name.replace(", and deleted", ": added"), r.typed));
      rows.push(latencyRow(name.replace(", and deleted", ": removed"), r.deleted));
    } else rows.push(latencyRow(name, r.ms));
  }
  const workspace = prepareWorkspace(corpusDir);
  const r = clean(await measureLspLatency(cliPath, text, changes, "middle", { workspace }), "workspace");
  const walk = r.project ? `; its first walk: ${r.project.message.replace(/^.*\((\d+ ms)\)\.$/, "$1")}` : "";
  rows.push(latencyRow(`language server: ${EDIT_KINDS.middle}, the document in a workspace folder of ${workspace.files} files (the project check covers them${walk})`, r.ms));
  return rows;
}

// ---------------------------------------------------------------------------------------------
// `node bench/lsp.mjs --baseline DIR`: two builds, one run.

async function compareBuilds() {
  const root = resolve(here, "..");
  const { values } = parseArgs({
    options: {
      dist: { type: "string", default: join(root, "dist") },
      baseline: { type: "string" },
      rounds: { type: "string", default: "5" },
      changes: { type: "string", default: "40" },
      kinds: { type: "string", default: [...Object.keys(EDIT_KINDS), "workspace"].join(",") },
    },
  });
  if (!values.baseline) {
    throw new Error(
      `usage: node bench/lsp.mjs --baseline <dist folder of the build to compare with> [--dist dist] [--rounds 5] [--changes 40] [--kinds ${Object.keys(EDIT_KINDS).join(",")},workspace]`,
    );
  }
  const corpusDir = join(here, "corpus");
  if (!existsSync(join(corpusDir, "large.b24layout"))) throw new Error("no bench/corpus: run `node bench/generate.mjs --lib dist/index.mjs` (or npm run bench) first");
  const text = readFileSync(join(corpusDir, "large.b24layout"), "utf8");
  const kinds = values.kinds.split(",");
  for (const k of kinds) if (k !== "workspace" && !(k in EDIT_KINDS)) throw new Error(`unknown kind '${k}' (${Object.keys(EDIT_KINDS).join(", ")}, workspace)`);
  const workspace = kinds.includes("workspace") ? prepareWorkspace(corpusDir) : undefined;
  const builds = { baseline: join(resolve(values.baseline), "cli.js"), ours: join(resolve(values.dist), "cli.js") };
  const cases = Object.fromEntries(kinds.map((k) => (k === "workspace" ? [`${k}: ${EDIT_KINDS.middle}, in a workspace of ${workspace.files} files`, { where: "middle", workspace }] : [`${k}: ${EDIT_KINDS[k]}`, { where: k }])));
  const ms = {};
  const load = [os.loadavg()[0]];
  for (let round = 0; round < Number(values.rounds); round++) {
    // Interleaved, the order turned every round: a busy moment of the machine hits both.
    const order = round % 2 === 0 ? ["baseline", "ours"] : ["ours", "baseline"];
    for (const [name, c] of Object.entries(cases)) {
      for (const build of order) {
        const r = await measureLspLatency(builds[build], text, Number(values.changes), c.where, c.workspace ? { workspace: c.workspace } : {});
        const parts = c.where === "syntax" ? { [`${name} (added)`]: r.typed, [`${name} (removed)`]: r.deleted } : { [name]: r.ms };
        for (const [n, xs] of Object.entries(parts)) (ms[n] ??= { baseline: [], ours: [] })[build].push(...xs);
      }
    }
    load.push(os.loadavg()[0]);
  }
  const f = (x) => x.toFixed(2).padStart(6);
  for (const [name, { baseline, ours }] of Object.entries(ms)) {
    console.log(`${name}\n  ours     p50 ${f(median(ours))} ms  p95 ${f(quantile(ours, 0.95))} ms\n  baseline p50 ${f(median(baseline))} ms  p95 ${f(quantile(baseline, 0.95))} ms  (p50 ratio ${(median(ours) / median(baseline)).toFixed(2)}, ${ours.length} changes each)`);
  }
  console.log(`load average (1 min) over the run: ${Math.min(...load).toFixed(2)}–${Math.max(...load).toFixed(2)} on ${os.cpus().length} CPUs`);
}
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  compareBuilds().catch((e) => {
    console.error(`bench/lsp: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  });
}
