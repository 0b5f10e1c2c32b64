/**
 * The `b24layout` executable: runs `main` against the real process. The exit code is set rather
 * than forced so that buffered output to a pipe is flushed first.
 */
import { main } from "./main.js";

// `b24layout build --stdout | head` closes the pipe early: that is not an error. Any other failure
// of an output stream leaves nowhere to report it, so it only sets the exit code.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (error: NodeJS.ErrnoException) => {
    process.exit(error.code === "EPIPE" ? (process.exitCode ?? 0) : 2);
  });
}

process.exitCode = await main(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  cwd: process.cwd(),
});
