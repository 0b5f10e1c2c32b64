#!/usr/bin/env node
/**
 * Diagnostics latency of the language server through a real LSP client over stdio: a 2,000-line
 * document is opened, then changed one character at a time (incremental sync), and each change is
 * timed from sending didChange to receiving the diagnostics of that version.
 *
 * `where` picks the line typed into: "middle" (a string of a layout in the middle of the file:
 * the server re-checks that declaration), "translations" (a text of the translation table, which
 * every declaration depends on: all of them are lowered and checked again) or "newline" (a line
 * break typed before a line in the middle and deleted again: every later line moves, and with it
 * the positions the project check reports).
 *
 * `workspace` puts the document in a workspace folder with the corpus's 1,000 files on disk
 * (prepareWorkspace): the server then runs the project check over 1,001 files, and every
 * keystroke keeps the document's summary up to date; without it the document is the project.
 *
 * Run directly, it compares two builds in one run (`node bench/lsp.mjs --baseline DIR` with the
 * dist/ of an earlier build): the same measurements, interleaved process by process, and the
 * ratio of their medians.
 */
import { spawn } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parseArgs } from "node:util";

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
  // A line in the middle, changed by typing a character into a string and deleting it again.
  const lines = text.split("\n");
  const table = lines.findIndex((l) => l.startsWith("translations"));
  const line = lines.findIndex((l, i) => (where === "translations" ? i > table : i > lines.length / 2) && l.includes('"'));
  if (line < 0) throw new Error(`no line to type into (${where})`);
  const character = where === "newline" ? 0 : lines[line].indexOf('"') + 1;
  const typedText = where === "newline" ? "\n" : "x";
  const ms = [];
  for (let version = 2; version < changes + 2; version++) {
    const typed = version % 2 === 0;
    const change = typed
      ? { range: { start: { line, character }, end: { line, character } }, text: typedText }
      : { range: { start: { line, character }, end: where === "newline" ? { line: line + 1, character: 0 } : { line, character: character + 1 } }, text: "" };
    const published = next(version);
    const start = performance.now();
    await connection.sendNotification(protocol.DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: [change] });
    await published;
    ms.push(performance.now() - start);
  }
  await connection.sendRequest(protocol.ShutdownRequest.type);
  await connection.sendNotification(protocol.ExitNotification.type);
  connection.dispose();
  return { ms, initialDiagnostics: first.diagnostics.length, ...(project ? { project } : {}) };
}

// ---------------------------------------------------------------------------------------------
// `node bench/lsp.mjs --baseline DIR`: two builds, one run.

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

async function compareBuilds() {
  const root = resolve(here, "..");
  const { values } = parseArgs({
    options: {
      dist: { type: "string", default: join(root, "dist") },
      baseline: { type: "string" },
      rounds: { type: "string", default: "5" },
      changes: { type: "string", default: "40" },
    },
  });
  if (!values.baseline) throw new Error("usage: node bench/lsp.mjs --baseline <dist folder of the build to compare with> [--dist dist] [--rounds 5] [--changes 40]");
  const corpusDir = join(here, "corpus");
  if (!existsSync(join(corpusDir, "large.b24layout"))) throw new Error("no bench/corpus: run `node bench/generate.mjs --lib dist/index.mjs` (or npm run bench) first");
  const text = readFileSync(join(corpusDir, "large.b24layout"), "utf8");
  const workspace = prepareWorkspace(corpusDir);
  const builds = { baseline: join(resolve(values.baseline), "cli.js"), ours: join(resolve(values.dist), "cli.js") };
  const cases = {
    "a character typed in a string, the document alone (no workspace folder)": { where: "middle" },
    [`a character typed in a string, in a workspace of ${workspace.files} files`]: { where: "middle", workspace },
    [`a line break typed and deleted, in a workspace of ${workspace.files} files`]: { where: "newline", workspace },
  };
  const ms = {};
  for (let round = 0; round < Number(values.rounds); round++) {
    // Interleaved, the order turned every round: a busy moment of the machine hits both.
    const order = round % 2 === 0 ? ["baseline", "ours"] : ["ours", "baseline"];
    for (const [name, c] of Object.entries(cases)) {
      for (const build of order) {
        const r = await measureLspLatency(builds[build], text, Number(values.changes), c.where, c.workspace ? { workspace: c.workspace } : {});
        (ms[`${build} ${name}`] ??= []).push(...r.ms);
        if (r.project) process.stderr.write(`bench: ${build}: ${r.project.message}\n`);
      }
    }
  }
  for (const name of Object.keys(cases)) {
    const b = median(ms[`baseline ${name}`]);
    const o = median(ms[`ours ${name}`]);
    console.log(`${name}: median ${o.toFixed(2)} ms, baseline ${b.toFixed(2)} ms, ratio ${(o / b).toFixed(3)} (${ms[`ours ${name}`].length} changes each)`);
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  compareBuilds().catch((e) => {
    console.error(`bench/lsp: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  });
}
