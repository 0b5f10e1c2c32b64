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

/** Reads all of a stream, for `CliIo.readStdin` of the real process. */
export function readAll(stream: NodeJS.ReadableStream): Promise<Uint8Array> {
  return new Promise((resolvePromise, reject) => {
    const chunks: Buffer[] = [];
    stream.on("data", (chunk: Buffer | string) => chunks.push(typeof chunk === "string" ? Buffer.from(chunk) : chunk));
    stream.on("end", () => resolvePromise(Buffer.concat(chunks)));
    stream.on("error", reject);
  });
}
