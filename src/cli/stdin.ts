/**
 * Source text from standard input (`check --stdin`, `build --stdin`, `fmt --stdin-filepath`), as
 * editors and pre-commit hooks hand it over. The file name given with it stands for the file the
 * text belongs to: it picks the config, it is the path reported, and imports resolve relative to
 * it; the file need not exist. Without one the text is `<stdin>` in the working directory.
 */
import { resolve } from "node:path";
import { problemDiagnostic, type SourceFile } from "./files.js";
import { CliError, type CliIo } from "./io.js";
import { decodeText, type TextFile } from "../workspace/index.js";

/** The name of text read from stdin without a file name. */
export const STDIN_NAME = "<stdin>";

/** The bytes of standard input, decoded as a source file is (UTF-8, a byte-order mark dropped). */
export async function readStdinText(io: CliIo): Promise<TextFile> {
  if (!io.readStdin) throw new CliError("there is no standard input to read");
  return decodeText(await io.readStdin());
}

/** Standard input as the source file `filename` (relative to the working directory), or `<stdin>`. */
export async function readStdinSource(io: CliIo, filename: string | undefined): Promise<SourceFile> {
  const path = resolve(io.cwd, filename ?? STDIN_NAME);
  const read = await readStdinText(io);
  return read.problem ? { path, text: read.text, unreadable: problemDiagnostic(read.problem, read.text) } : { path, text: read.text };
}

/** The paths and --stdin go one without the other. */
export function refuseStdinWithPaths(paths: readonly string[], flag: string): void {
  if (paths.length > 0) throw new CliError(`${flag} reads the source from standard input: give no paths with it (they were: ${paths.join(" ")})`);
}

/**
 * The most standard input read: past it, the text is refused rather than held. No source is near
 * it (a file has at most 2,000,000 tokens), and an endless pipe (`yes | b24layout check --stdin`)
 * would otherwise fill the memory; it also stays well under the longest string V8 can hold.
 */
export const MAX_STDIN_BYTES = 256 * 1024 * 1024;

/** Reads all of a stream, for `CliIo.readStdin` of the real process; refuses more than `maxBytes` and stops reading there. */
export function readAll(stream: NodeJS.ReadableStream & { destroy?: () => void }, maxBytes = MAX_STDIN_BYTES): Promise<Uint8Array> {
  return new Promise((resolvePromise, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer | string) => {
      const bytes = typeof chunk === "string" ? Buffer.from(chunk) : chunk;
      size += bytes.length;
      if (size > maxBytes) {
        stream.removeListener("data", onData);
        chunks.length = 0;
        if (typeof stream.destroy === "function") stream.destroy();
        else stream.pause();
        reject(new CliError(`standard input has more than ${maxBytes % (1024 * 1024) === 0 ? `${maxBytes / (1024 * 1024)} MiB` : `${maxBytes} bytes`}, more than b24layout reads from it: give the file's path instead`));
        return;
      }
      chunks.push(bytes);
    };
    stream.on("data", onData);
    stream.on("end", () => resolvePromise(Buffer.concat(chunks)));
    stream.on("error", reject);
  });
}
