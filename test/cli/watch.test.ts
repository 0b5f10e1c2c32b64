/**
 * `--watch` through the built executable: spawned, a file edited, the next run's output waited
 * for, then killed. Waits are for output, never for a time.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { useBuiltCli } from "./bundle.js";
import { BADGE, scratch } from "./fixtures.js";

const built = useBuiltCli();
const children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children.splice(0)) child.kill();
});

/**
 * Starts the CLI (on a pseudo-terminal under util-linux `script` with `terminal`: stdout and stderr
 * both arrive on stdout); `until(stream, text)` resolves once the stream has printed `text` `times` times in all.
 */
function start(cwd: string, args: readonly string[], terminal = false) {
  const command = [process.execPath, built.cli, ...args].map((a) => `'${a}'`).join(" ");
  const child = terminal
    ? spawn("script", ["-qec", command, "/dev/null"], { cwd, env: { PATH: process.env["PATH"] ?? "", TERM: "xterm" } })
    : spawn(process.execPath, [built.cli, ...args], { cwd, env: { PATH: process.env["PATH"] ?? "" } });
  children.push(child);
  const seen = { stdout: "", stderr: "" };
  const waiters: (() => void)[] = [];
  for (const name of ["stdout", "stderr"] as const) {
    child[name].setEncoding("utf8").on("data", (s: string) => {
      seen[name] += s;
      for (const w of [...waiters]) w();
    });
  }
  const until = (name: "stdout" | "stderr", text: string, times = 1) =>
    new Promise<void>((resolvePromise, reject) => {
      const test = () => {
        if (seen[name].split(text).length - 1 >= times) {
          waiters.splice(waiters.indexOf(test), 1);
          resolvePromise();
        }
      };
      waiters.push(test);
      child.on("exit", (code) => reject(new Error(`exited with ${code} before '${text}': ${seen.stdout}${seen.stderr}`)));
      test();
    });
  return { child, seen, until };
}

const WATCHING = "watching for changes (Ctrl-C to stop)";

describe("--watch", () => {
  it("check: runs again when a file changes and when a file is added, keeps going through errors, separates runs in a pipe", async () => {
    const dir = scratch({ "package.json": "{}\n", "layouts/a.b24layout": BADGE });
    const w = start(dir, ["check", "layouts", "--watch"]);
    // stdout and stderr are two pipes: what one prints may arrive after what the other printed
    // later, so each run is waited for on both.
    await w.until("stderr", WATCHING);
    await w.until("stdout", "✔ 1 file checked, no problems\n");
    expect(w.seen.stdout).toBe("✔ 1 file checked, no problems\n");
    writeFileSync(join(dir, "layouts/a.b24layout"), BADGE.replace('title "Call status"', 'title "Call status"\n  bogus 1'));
    await w.until("stderr", WATCHING, 2);
    await w.until("stdout", "✖ 1 problem");
    expect(w.seen.stderr).toContain("layouts/a.b24layout changed: running again\n");
    expect(w.seen.stdout).toContain("Unknown statement 'bogus' in a badge.");
    // An error in the input: reported, the watch goes on.
    writeFileSync(join(dir, "layouts/b.b24layout"), "badge b {\n");
    await w.until("stderr", WATCHING, 3);
    await w.until("stdout", "layouts/b.b24layout\n");
    expect(w.seen.stdout).toMatch(/layouts\/b\.b24layout\n\s+\d+:\d+\s+error/);
    expect(w.child.exitCode).toBe(null);
    // The screen is cleared only on a terminal.
    expect(w.seen.stdout).not.toContain("\u001b[2J");
  });

  it("check: runs again when the config changes; a broken config is reported and the watch goes on", async () => {
    const dir = scratch({ "package.json": "{}\n", "a.b24layout": 'layout l {\n  icon my-icon\n  header "T"\n  body {\n    logo document\n    text "x"\n  }\n}\n' });
    const w = start(dir, ["check", "a.b24layout", "--watch"]);
    await w.until("stderr", WATCHING);
    await w.until("stdout", "warning");
    writeFileSync(join(dir, "b24layout.config.json"), "{ nope");
    await w.until("stderr", WATCHING, 2);
    expect(w.seen.stderr).toMatch(/error: b24layout\.config\.json:1:\d+: /);
    writeFileSync(join(dir, "b24layout.config.json"), '{ "rules": { "unknown-code": "off" } }');
    await w.until("stdout", "✔ 1 file checked, no problems\n");
    expect(w.child.exitCode).toBe(null);
  });

  it("check: runs again when an imported file or a JSON payload among its inputs changes, not for its own --output-file", async () => {
    const layout = 'import { chip } from "../shared/chip.b24layout"\nlayout a {\n  icon info\n  header "A"\n  body {\n    logo document\n    use chip { name: "x" }\n  }\n}\n';
    const chip = 'fragment chip(name: string) {\n  c: text "${name}"\n}\n';
    const payload = '{ "blocks": { "a": { "type": "text", "properties": { "value": "v" } } } }\n';
    const dir = scratch({ "package.json": "{}\n", "layouts/a.b24layout": layout, "shared/chip.b24layout": chip, "payloads/extra.json": payload });
    const w = start(dir, ["check", "layouts", "payloads/extra.json", "--watch", "--format", "json", "--output-file", "layouts/report.json"]);
    await w.until("stderr", WATCHING);
    await w.until("stdout", "✔ 2 files checked, no problems\n");
    // The import, outside the folder checked:
    writeFileSync(join(dir, "shared/chip.b24layout"), chip.replace('"${name}"', '"${name}" colour base_70'));
    await w.until("stderr", "shared/chip.b24layout changed: running again");
    await w.until("stdout", "Unexpected word 'colour' in a text block");
    await w.until("stderr", WATCHING, 2);
    writeFileSync(join(dir, "shared/chip.b24layout"), chip);
    await w.until("stdout", "✔ 2 files checked, no problems\n", 2);
    await w.until("stderr", WATCHING, 3);
    // The JSON payload named as an input:
    writeFileSync(join(dir, "payloads/extra.json"), payload.replace('"v" }', '"v", "color": "red" }'));
    await w.until("stderr", "payloads/extra.json changed: running again");
    await w.until("stdout", "'red' is not a valid 'color' for a text block");
    await w.until("stderr", WATCHING, 4);
    // Four runs, each writing layouts/report.json inside the folder checked: none was for that.
    expect(w.seen.stderr.split("changed: running again").length - 1).toBe(3);
    expect(w.seen.stderr).not.toContain("report.json changed");
  });

  it("build: writes again on change and does not run again for its own outputs", async () => {
    const dir = scratch({ "package.json": "{}\n", "src/a.b24layout": BADGE });
    const w = start(dir, ["build", "src", "--out-dir", "src/out", "--watch", "--clean"]);
    await w.until("stderr", WATCHING);
    expect(existsSync(join(dir, "src/out/missedCall.badge.json"))).toBe(true);
    writeFileSync(join(dir, "src/a.b24layout"), BADGE.replace("badge missedCall", "badge missed"));
    await w.until("stderr", "✔ removed 1 stale file: missedCall.badge.json\n");
    await w.until("stderr", WATCHING, 2);
    expect(existsSync(join(dir, "src/out/missed.badge.json"))).toBe(true);
    // Its own writes into src/out made no third run: an unrelated change shows the count.
    writeFileSync(join(dir, "src/a.b24layout"), BADGE);
    await w.until("stderr", WATCHING, 3);
    expect(w.seen.stderr.split("changed: running again").length - 1).toBe(2);
  });

  it("build: writes again when the --params file changes, which may be outside the inputs' folder", async () => {
    const template = 'badge b(word: string) failure {\n  title "Status"\n  value "${word}"\n}\n';
    const dir = scratch({ "package.json": "{}\n", "src/a.b24layout": template, "config/values.json": '{ "b": { "word": "Missed" } }\n' });
    const w = start(dir, ["build", "src", "--out-dir", "out", "--params", "config/values.json", "--watch"]);
    await w.until("stderr", WATCHING);
    expect(JSON.parse(readFileSync(join(dir, "out/b.badge.json"), "utf8"))).toMatchObject({ value: "Missed" });
    writeFileSync(join(dir, "config/values.json"), '{ "b": { "word": "Verpasst" } }\n');
    await w.until("stderr", "config/values.json changed: running again");
    await w.until("stderr", WATCHING, 2);
    expect(JSON.parse(readFileSync(join(dir, "out/b.badge.json"), "utf8"))).toMatchObject({ value: "Verpasst" });
  });

  it("with no paths: the usage error of a run without --watch, and exit 2 (it ended at once with 0, silently)", () => {
    const r = spawnSync(process.execPath, [built.cli, "check", "--watch"], { cwd: scratch({ "package.json": "{}\n" }), encoding: "utf8", env: { PATH: process.env["PATH"] ?? "" }, timeout: 60_000 });
    expect({ code: r.status, stdout: r.stdout, stderr: r.stderr }).toEqual({ code: 2, stdout: "", stderr: 'error: no input files: give files, directories or globs, e.g. `.` or "src/**/*.b24layout"\n' });
  });

  it("on a terminal: each run clears the screen and prints its report again", async () => {
    const dir = scratch({ "package.json": "{}\n", "layouts/a.b24layout": BADGE });
    const w = start(dir, ["check", "layouts", "--watch"], true);
    await w.until("stdout", WATCHING);
    expect(w.seen.stdout.startsWith("\u001b[2J\u001b[3J\u001b[H")).toBe(true);
    writeFileSync(join(dir, "layouts/a.b24layout"), BADGE.replace('title "Call status"', 'title "Call status"\n  bogus 1'));
    await w.until("stdout", WATCHING, 2);
    const runs = w.seen.stdout.split("\u001b[2J\u001b[3J\u001b[H").slice(1);
    expect(runs).toHaveLength(2);
    expect(runs[0]).toContain("1 file checked, no problems");
    expect(runs[1]).toContain("Unknown statement 'bogus' in a badge.");
    // What started the run is said on the cleared screen too, first.
    expect(runs[0]).not.toContain("changed: running again");
    expect(runs[1]).toMatch(/^\S*\[\d\d:\d\d:\d\d\] layouts\/a\.b24layout changed: running again/);
    expect(runs[1]).not.toContain("no problems");
  });
});
