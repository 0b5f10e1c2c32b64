/** Sources and a scratch-directory helper shared by the CLI tests. */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll } from "vitest";
import { main, type CliIo } from "../../src/cli/main.js";

export const BADGE = `badge missedCall failure {
  title "Call status"
  value { en: "Missed", de: "Verpasst" }
}
`;

export const BLOCKS = `blocks extra { text "Hello" bold }
`;

/** Three tags: collection-limit error at 6:5. */
export const WITH_ERROR = `layout broken {
  icon info
  header "T" {
    tag warning "a"
    tag primary "b"
    tag secondary "c"
  }
  body {
    logo document
    text "x"
  }
}
`;

/** An icon code that is not a system code: unknown-code warning at 2:8. */
export const WITH_WARNING = `layout custom {
  icon my-custom-icon
  header "T"
  body {
    logo document
    text "x"
  }
}
`;

export const BADGE_JSON = `{
  "code": "missedCall",
  "title": "Call status",
  "value": {
    "en": "Missed",
    "de": "Verpasst"
  },
  "type": "failure"
}
`;

export const BLOCKS_JSON = `{
  "blocks": {
    "block_1": {
      "type": "text",
      "properties": {
        "value": "Hello",
        "bold": true
      }
    }
  }
}
`;

const dirs: string[] = [];

/** A fresh directory with `files` (path → text or bytes), removed after the test file (tests may run concurrently). */
export function scratch(files: Record<string, string | Uint8Array> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), "b24layout-cli-"));
  dirs.push(dir);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

afterAll(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

// eslint-disable-next-line no-control-regex
export const ANSI = /\u001b\[/;

/** Runs the CLI in this process in `cwd` (no colours: the environment is empty), collecting what it writes. */
export async function runMain(cwd: string, args: readonly string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const io: CliIo = { stdout: { write: (s) => (stdout += s) }, stderr: { write: (s) => (stderr += s) }, env: {}, cwd };
  const code = await main(args, io);
  return { code, stdout, stderr };
}

/**
 * The findings of a stylish report as `file:line:col severity rule-id message` lines, in order:
 * the rows under each file's header, read back into one line each, so tests state a finding in one
 * string whatever the column widths.
 */
export function findingLines(report: string): string[] {
  const out: string[] = [];
  let file: string | undefined;
  for (const line of report.split("\n")) {
    const row = /^ {2}\s*(\d+:\d+)\s+(error|warning)\s+(.*?) {2}\s*([a-z][a-z-]*)$/.exec(line);
    if (row && file !== undefined) out.push(`${file}:${row[1]} ${row[2]} ${row[4]} ${row[3]!.trimEnd()}`);
    else if (/^\S/.test(line) && !/^[✖⚠✔]/.test(line)) file = line;
    else if (line === "") file = undefined;
  }
  return out;
}
