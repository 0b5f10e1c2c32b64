/**
 * What the CLI touches of its process: two output streams, the environment and the working
 * directory. `main` takes them as an argument so tests can run it in-process.
 */
export interface CliStream {
  write(text: string): void;
  /** Whether the stream is a terminal (colours are only used on terminals). */
  readonly isTTY?: boolean;
}

export interface CliIo {
  readonly stdout: CliStream;
  readonly stderr: CliStream;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd: string;
  /** All of standard input, for `--stdin`; absent where there is none to read. */
  readonly readStdin?: () => Promise<Uint8Array>;
  /** The time in milliseconds (Date.now by default), for progress: tests give their own. */
  readonly clock?: () => number;
}

/**
 * A failure the user can act on (a missing file, a bad argument): printed as `error: <message>`
 * without a stack trace. Exit code 2 is a usage error, 1 a problem found in the input.
 */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: 1 | 2 = 2,
  ) {
    super(message);
    this.name = "CliError";
  }
}

/** Exit codes: 0 clean (warnings allowed), 1 errors found, 2 usage error or internal failure. */
export const EXIT_OK = 0;
export const EXIT_PROBLEMS = 1;
export const EXIT_USAGE = 2;
