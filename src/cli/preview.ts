/**
 * `b24layout preview`: one self-contained HTML page showing every declaration of the files as
 * Bitrix24 draws it (src/preview), written atomically; or, with `--serve`, a server on 127.0.0.1
 * that renders the page again when a file changes and makes open pages reload.
 */
import { statSync } from "node:fs";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { basename, dirname, extname, join, resolve } from "node:path";
import type { PageOptions, ParamSet, Platform, Theme } from "../preview/index.js";
import { writeFilesAtomically } from "./atomic-write.js";
import { checkInputs, hasErrors, reportDiagnostics, withParamsFindings, type CheckedFile } from "./check.js";
import { describeFsError, isPayloadPath } from "./files.js";
import { realPath } from "../workspace/index.js";
import { DEFAULT_OUT_DIR } from "./build.js";
import { CliError, EXIT_OK, EXIT_PROBLEMS, type CliIo } from "./io.js";
import { colorsFor, displayPath, plural, useColors } from "./output.js";
import { readParams, type ParamsFile } from "./params.js";
import { findNodeAtLocation, parseTree } from "jsonc-parser";
import type { Diagnostic } from "../diagnostic.js";
import type { IrProgram } from "../lower/index.js";
import { BITRIX_LANGUAGES } from "../model/index.js";
import { toDiagnostic } from "../check/index.js";
import { templateArguments } from "../check/index.js";
import { LineIndex } from "../util/index.js";

/** Where the page goes without `-o`: next to what `build` writes. */
export const DEFAULT_PREVIEW_FILE = join(DEFAULT_OUT_DIR, "preview.html");
/** The port of `--serve` without `--port`. */
export const DEFAULT_PREVIEW_PORT = 4724;
/** The key of a params file that holds several named sets: `{ "$sets": { "vip": { … }, "new": { … } } }`. */
export const PARAM_SETS_KEY = "$sets";

export interface PreviewFlags {
  readonly output?: string;
  readonly lang?: string;
  readonly platform?: Platform;
  readonly theme?: Theme;
  /** `--params FILE`, repeatable: each file one set (named after it), or several under `$sets`. */
  readonly params?: readonly string[];
  readonly config?: string;
  readonly serve?: boolean;
  readonly port?: number;
  readonly color: boolean | undefined;
  /** Ends `--serve` (tests; the process's SIGINT/SIGTERM otherwise). */
  readonly signal?: AbortSignal;
}

/** The named sets of one params file: its `$sets`, or the whole file as one set named after it. */
function setsOf(file: ParamsFile, io: CliIo): ParamSet[] {
  const shown = displayPath(file.path, io.cwd);
  if (!Object.hasOwn(file.values, PARAM_SETS_KEY)) return [{ name: basename(file.path, extname(file.path)), values: file.values }];
  const sets = file.values[PARAM_SETS_KEY];
  if (sets === null || typeof sets !== "object" || Array.isArray(sets)) throw new CliError(`${shown}: "${PARAM_SETS_KEY}" must be an object of named sets, e.g. { "${PARAM_SETS_KEY}": { "vip": { "incomingCall": { "vip": true } } } }`);
  return Object.entries(sets as Record<string, unknown>).map(([name, values]) => {
    if (values === null || typeof values !== "object" || Array.isArray(values)) throw new CliError(`${shown}: the set "${name}" must be an object of parameter values by declaration name`);
    return { name, values: values as ParamSet["values"] };
  });
}

/** The page of the files as they are on disk now, and their findings for the terminal. */
async function renderPreview(paths: readonly string[], flags: PreviewFlags, io: CliIo): Promise<{ html: string; files: readonly CheckedFile[]; count: number; sources: readonly string[] }> {
  // The renderer draws the programs of .b24layout files; a JSON payload named outright would be read as one.
  const json = paths.find((p) => isPayloadPath(p) && isFile(resolve(io.cwd, p)));
  if (json !== undefined) {
    throw new CliError(`'${json}' is a JSON payload: preview draws .b24layout files. Check it with \`b24layout check ${json}\`, or turn it into .b24layout with \`b24layout import ${json}\` and preview that.`);
  }
  if (flags.lang !== undefined && !BITRIX_LANGUAGES.some((l) => l.id === flags.lang)) {
    throw new CliError(`--lang '${flags.lang}' is not a language of Bitrix24: use one of ${BITRIX_LANGUAGES.map((l) => l.id).join(", ")}.`);
  }
  const paramsFiles = (flags.params ?? []).map((p) => readParams(p, io));
  const sets = paramsFiles.flatMap((f) => setsOf(f, io));
  const names = new Set<string>();
  for (const set of sets) {
    if (names.has(set.name)) throw new CliError(`two sets of template values are named '${set.name}': name the sets of one file under "${PARAM_SETS_KEY}", or rename a file`);
    names.add(set.name);
  }
  const files = await checkInputs(paths, io, { keepPrograms: true, ...(flags.config === undefined ? {} : { config: flags.config }) });
  let reported: readonly CheckedFile[] = files;
  // A key of a params file (of one of its sets) that names no declaration is reported as `check --params` does.
  const declared = files.flatMap((f) => f.summary?.declarations.map((d) => d.name) ?? []);
  for (const file of paramsFiles) {
    if (!Object.hasOwn(file.values, PARAM_SETS_KEY)) {
      reported = await withParamsFindings(reported, file, io);
      continue;
    }
    const diagnostics = unknownSetKeys(file, declared);
    if (diagnostics.length > 0) reported = [...reported, { source: { path: file.path, text: file.text }, display: displayPath(file.path, io.cwd), diagnostics }];
  }
  const { renderPage } = await import("../preview/index.js");
  const options: PageOptions = {
    ...(flags.lang !== undefined ? { language: flags.lang } : {}),
    ...(flags.platform !== undefined ? { platform: flags.platform } : {}),
    ...(flags.theme !== undefined ? { theme: flags.theme } : {}),
    ...(sets.length > 0 ? { paramSets: sets } : {}),
    ...(flags.serve ? { live: "/events" } : {}),
  };
  const html = renderPage(
    // A file that is not text (binary, not UTF-8) comes back without a program, whatever its type says.
    files.map((f) => ({ display: f.display, program: (f.program as IrProgram | undefined) ?? undefined, diagnostics: f.diagnostics })),
    options,
  );
  return { html, files: reported, count: files.length, sources: [...files.map((f) => f.source.path), ...paramsFiles.map((f) => f.path)] };
}

/** The keys of the sets of a `$sets` params file that name no declaration: template-arguments errors at the keys. */
function unknownSetKeys(file: ParamsFile, declared: readonly string[]): Diagnostic[] {
  const names = new Set(declared);
  const sets = findNodeAtLocation(parseTree(file.text)!, [PARAM_SETS_KEY]);
  const lines = new LineIndex(file.text);
  return (sets?.children ?? []).flatMap((set) =>
    (set.children?.[1]?.children ?? []).flatMap((property) => {
      const key = property.children?.[0];
      if (!key || typeof key.value !== "string" || names.has(key.value)) return [];
      const range = { start: lines.position(key.offset), end: lines.position(key.offset + key.length) };
      return [toDiagnostic(templateArguments.meta, { messageId: "unknownDeclaration", data: { name: key.value }, range })];
    }),
  );
}

/** Whether `path` is a file; a path that cannot be looked at (a loop of links, a file on the way) is not: reading it says why. */
function isFile(path: string): boolean {
  try {
    return statSync(path, { throwIfNoEntry: false })?.isFile() === true;
  } catch {
    return false;
  }
}

/** The real path of `path`, or `path` itself when it does not exist (yet). */
function realOrSelf(path: string): string {
  return realPath(path) ?? path;
}

/**
 * Refuses an output path before anything is written: one of the files previewed (a source or a
 * params file, through any symlink: the page would replace it), or one below a file.
 */
function checkOutputPath(output: string, given: string, sources: readonly string[], cwd: string): void {
  const target = realOrSelf(output);
  if (sources.some((s) => realOrSelf(resolve(cwd, s)) === target)) throw new CliError(`-o '${given}' is a file being previewed: the page would overwrite it. Give the page its own name, e.g. -o preview.html`);
  for (let folder = dirname(output); ; folder = dirname(folder)) {
    let found;
    try {
      found = statSync(folder, { throwIfNoEntry: false });
    } catch (error) {
      throw new CliError(`cannot write '${displayPath(output, cwd)}': ${describeFsError(error)}`);
    }
    if (found) {
      if (!found.isDirectory()) throw new CliError(`cannot write '${displayPath(output, cwd)}': '${displayPath(folder, cwd)}' is a file, not a folder`);
      return;
    }
    if (dirname(folder) === folder) return;
  }
}

export async function runPreview(paths: readonly string[], flags: PreviewFlags, io: CliIo): Promise<number> {
  if (flags.serve) return servePreview(paths, flags, io);
  const { html, files, count, sources } = await renderPreview(paths, flags, io);
  const c = colorsFor(useColors(io.stderr, io.env, flags.color));
  const output = resolve(io.cwd, flags.output ?? DEFAULT_PREVIEW_FILE);
  const shown = displayPath(output, io.cwd);
  checkOutputPath(output, flags.output ?? DEFAULT_PREVIEW_FILE, sources, io.cwd);
  if (files.some((f) => f.diagnostics.length > 0)) reportDiagnostics(files, io.stderr, io, { color: flags.color });
  try {
    await writeFilesAtomically([{ path: output, content: html }]);
  } catch (error) {
    throw new CliError(`cannot write '${shown}': ${describeFsError(error)}`);
  }
  const rejected = hasErrors(files);
  io.stderr.write(`${rejected ? c.yellow(`✔ wrote ${shown} (${plural(count, "file")}; the page marks the errors: Bitrix24 would reject those payloads)`) : c.green(`✔ wrote ${shown} (${plural(count, "file")})`)}\n`);
  return rejected ? EXIT_PROBLEMS : EXIT_OK;
}

/**
 * `--serve`: the page at http://127.0.0.1:PORT/, rendered again when a source or params file
 * changes; open pages listen on /events and reload. Only loopback, and only requests whose Host
 * names it (a page of another site cannot read the preview through DNS rebinding).
 */
async function servePreview(paths: readonly string[], flags: PreviewFlags, io: CliIo): Promise<number> {
  const wanted = flags.port ?? DEFAULT_PREVIEW_PORT;
  if (!Number.isInteger(wanted) || wanted < 0 || wanted > 65535) throw new CliError(`--port ${wanted} is not a port: give one from 1 to 65535, or 0 for a free one`);
  const c = colorsFor(useColors(io.stderr, io.env, flags.color));
  let current = await renderPreview(paths, flags, io);
  if (current.files.some((f) => f.diagnostics.length > 0)) reportDiagnostics(current.files, io.stderr, io, { color: flags.color });
  const listeners = new Set<ServerResponse>();
  let port = 0;
  const allowedHosts = () => new Set([`127.0.0.1:${port}`, `localhost:${port}`]);

  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    if (!allowedHosts().has(request.headers.host ?? "")) {
      response.writeHead(421, { "content-type": "text/plain" }).end("Misdirected request\n");
      return;
    }
    const path = new URL(request.url ?? "/", "http://127.0.0.1").pathname;
    if (request.method !== "GET") {
      response.writeHead(405, { allow: "GET", "content-type": "text/plain" }).end("Method not allowed\n");
    } else if (path === "/") {
      response.writeHead(200, { "content-type": "text/html; charset=utf-8", "cache-control": "no-store", "x-content-type-options": "nosniff" }).end(current.html);
    } else if (path === "/events") {
      response.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-store", connection: "keep-alive" });
      response.write(": connected\n\n");
      listeners.add(response);
      request.on("close", () => listeners.delete(response));
    } else {
      response.writeHead(404, { "content-type": "text/plain" }).end("Not found\n");
    }
  });
  await new Promise<void>((done, fail) => {
    server.once("error", (error: NodeJS.ErrnoException) =>
      fail(
        new CliError(
          error.code === "EADDRINUSE"
            ? `port ${wanted} is in use: choose another with --port`
            : error.code === "EACCES"
              ? `port ${wanted} needs privileges this user does not have: choose one above 1023 with --port`
              : `cannot serve the preview: ${describeFsError(error)}`,
        ),
      ),
    );
    server.listen(wanted, "127.0.0.1", () => done());
  });
  const address = server.address();
  port = typeof address === "object" && address !== null ? address.port : 0;

  // Watched as `check --watch` watches: sources, imported files and configs under the inputs'
  // project roots, and the --params and --config files by name.
  let renders = 0;
  const rerender = () => {
    // A render that ends after a later one began is stale: only the latest is shown.
    const render = ++renders;
    renderPreview(paths, flags, io).then(
      (next) => {
        if (render !== renders) return;
        const changed = next.html !== current.html;
        current = next;
        if (!changed) return;
        if (next.files.some((f) => f.diagnostics.length > 0)) reportDiagnostics(next.files, io.stderr, io, { color: flags.color });
        io.stderr.write(`re-rendered the preview\n`);
        for (const listener of listeners) listener.write("event: reload\ndata: \n\n");
      },
      (error: unknown) => io.stderr.write(`${c.red("error:")} ${error instanceof Error ? error.message : String(error)}\n`),
    );
  };
  const { watchInputs } = await import("./watch.js");
  const watching = await watchInputs(
    { inputs: paths, files: [...(flags.params ?? []), ...(flags.config === undefined ? [] : [flags.config])] },
    io.cwd,
    rerender,
    (error) => io.stderr.write(`${c.yellow("warning:")} watching: ${error instanceof Error ? error.message : String(error)}\n`),
  );
  // Said once the watch is ready: a change made after the line is seen.
  io.stderr.write(`${c.green(`serving the preview at http://127.0.0.1:${port}/`)} (it reloads when a file changes; Ctrl+C stops)\n`);

  await new Promise<void>((done) => {
    const stop = () => {
      flags.signal?.removeEventListener("abort", stop);
      process.off("SIGINT", stop).off("SIGTERM", stop);
      done();
    };
    if (flags.signal?.aborted) return stop();
    flags.signal?.addEventListener("abort", stop);
    process.once("SIGINT", stop).once("SIGTERM", stop);
  });
  await watching.close();
  for (const listener of listeners) listener.end();
  await new Promise<void>((done) => server.close(() => done()));
  return EXIT_OK;
}
