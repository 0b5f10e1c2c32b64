/**
 * The `b24layout` program, bundled into `dist/b24layout.cjs` and started by the loader
 * (`loader.ts`, `dist/cli.cjs`, started by the bin `dist/cli.js`): `run` connects `main` to the real process. The exit code is set
 * rather than forced so that buffered output to a pipe is flushed first.
 */
import { processFdStream } from "./fd-stream.js";
import { main, type CliIo } from "./main.js";
import { readAll } from "./stdin.js";

export { main };

export async function run(): Promise<void> {
  // `b24layout build --stdout | head` closes the pipe early: that is not an error. Any other failure
  // of an output stream leaves nowhere to report it, so it only sets the exit code.
  const closed = () => process.exit(process.exitCode ?? 0);
  const failed = () => process.exit(2);
  // Written through their file descriptors: process.stdout would load Node's streams (see fd-stream.ts).
  const stdout = processFdStream(1, closed, failed);
  const stderr = processFdStream(2, closed, failed);
  const io: CliIo = { stdout, stderr, env: process.env, cwd: process.cwd(), readStdin: () => readAll(process.stdin) };
  process.exitCode = await main(process.argv.slice(2), io);
}
