/** The progress line of long runs, with the terminal and the clock given to `main` in-process. */
/* eslint-disable no-control-regex -- the progress line is terminal escapes */
import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { main, type CliIo } from "../../src/cli/main.js";
import { useBuiltCli } from "./bundle.js";
import { BADGE, scratch } from "./fixtures.js";

/** Ten files, each run's clock moving 300 ms at every look: past a second after four files. */
function run(cwd: string, args: readonly string[], options: { tty: boolean; env?: Record<string, string> }) {
  let stdout = "";
  let stderr = "";
  let t = 0;
  const io: CliIo = {
    stdout: { write: (s) => (stdout += s), isTTY: options.tty },
    stderr: { write: (s) => (stderr += s), isTTY: options.tty },
    env: options.env ?? {},
    cwd,
    clock: () => (t += 300),
  };
  return main(args, io).then((code) => ({ code, stdout, stderr }));
}

const files = Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`f${i}.b24layout`, BADGE.replace("missedCall", `b${i}`)]));
const LINE = /\r\u001b\[Kchecked (\d+)\/10 files/g;

describe("progress", () => {
  it("check on a terminal: one updating line on stderr once past a second, erased before the report", async () => {
    const r = await run(scratch(files), ["check", "."], { tty: true });
    expect(r.code).toBe(0);
    const counts = [...r.stderr.matchAll(LINE)].map((m) => Number(m[1]));
    expect(counts.length).toBeGreaterThan(2);
    expect(counts[0]).toBeGreaterThan(0);
    expect(counts).toEqual([...counts].sort((a, b) => a - b));
    expect(r.stderr.endsWith("\r\u001b[K")).toBe(true);
    expect(r.stdout).not.toContain("checked 1/");
  });

  it.each<[string, readonly string[], { tty: boolean; env?: Record<string, string> }]>([
    ["not on a terminal", [], { tty: false }],
    ["in CI", [], { tty: true, env: { CI: "true" } }],
    ["with TERM=dumb", [], { tty: true, env: { TERM: "dumb" } }],
    ["with --format json", ["--format", "json"], { tty: true }],
    ["with --format compact", ["--format", "compact"], { tty: true }],
  ])("never %s", async (_what, flags, options) => {
    const r = await run(scratch(files), ["check", ".", ...flags], options);
    expect(r.stderr).toBe("");
  });

  it("fmt --check and build show it too", async () => {
    const dir = scratch(files);
    const fmt = await run(dir, ["fmt", "--check", "."], { tty: true });
    expect(fmt.stderr).toMatch(/\r\u001b\[Kchecked \d+\/10 files/);
    const build = await run(dir, ["build", ".", "-o", "out"], { tty: true });
    expect(build.stderr).toMatch(/\r\u001b\[Kchecked \d+\/10 files[^]*\r\u001b\[K[^]*✔ built 10 files in out/);
    // Writing the files moves the line on too, and it is erased before the last line.
    expect(build.stderr).toMatch(/\r\u001b\[Kwrote \d+\/10 files(\r\u001b\[Kwrote \d+\/10 files)*\r\u001b\[K(\u001b\[32m)?✔ built 10 files in out/);
  });
});

describe("progress of the real executable on a pseudo-terminal (util-linux `script`)", () => {
  const built = useBuiltCli();
  /** Each look at the clock 300 ms later, so a run of ten files is past a second without taking it. */
  const clock = "let t = Date.now(); Date.now = () => (t += 300);\n";

  /** Runs `b24layout <args>` under `script`, its stdout and stderr on a terminal unless `shell` redirects them; what the terminal showed. */
  function onTerminal(dir: string, args: string, env: Record<string, string> = {}, shell = ""): string {
    writeFileSync(join(dir, "clock.mjs"), clock);
    const command = `"${process.execPath}" --import ./clock.mjs "${built.cli}" ${args}${shell}`;
    const r = spawnSync("script", ["-qec", command, "/dev/null"], { cwd: dir, encoding: "utf8", env: { PATH: process.env["PATH"] ?? "", TERM: "xterm", ...env } });
    expect(r.status).toBe(0);
    return r.stdout;
  }

  it("shows one updating line on a terminal, erased before the report; none in CI nor when stderr is a pipe", () => {
    const dir = scratch(files);
    const shown = onTerminal(dir, "check .");
    expect(shown).toMatch(/^(\r\u001b\[Kchecked \d+\/10 files)+\r\u001b\[K/);
    expect(shown).toContain("✔ 10 files checked, no problems");
    expect(onTerminal(dir, "check .", { CI: "true" })).not.toMatch(/checked \d+\/10 files/);
    expect(onTerminal(dir, "check .", {}, " 2>&1 | cat")).not.toContain("\u001b[K");
  });
});
