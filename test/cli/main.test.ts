/** `main` run in-process: colour decisions, error handling and the command wiring. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { COMMAND_NAMES, commandsToDefine, main, type CliIo } from "../../src/cli/main.js";
import { ANSI, BADGE, BADGE_JSON, scratch, WITH_ERROR, findingLines } from "./fixtures.js";

interface Captured {
  readonly io: CliIo;
  readonly out: () => string;
  readonly err: () => string;
}

function capture(cwd: string, options: { tty?: boolean; env?: Record<string, string>; failWrites?: boolean } = {}): Captured {
  let out = "";
  let err = "";
  const io: CliIo = {
    stdout: {
      write: (s) => {
        if (options.failWrites) throw new Error("disk full");
        out += s;
      },
      isTTY: options.tty ?? false,
    },
    stderr: { write: (s) => (err += s), isTTY: options.tty ?? false },
    env: options.env ?? {},
    cwd,
  };
  return { io, out: () => out, err: () => err };
}

describe("colours (in-process)", () => {
  const cases: [string, { tty: boolean; env: Record<string, string> }, string[], boolean][] = [
    ["a terminal", { tty: true, env: {} }, [], true],
    ["a terminal with NO_COLOR", { tty: true, env: { NO_COLOR: "1" } }, [], false],
    ["a terminal with an empty NO_COLOR (picocolors: present means off)", { tty: true, env: { NO_COLOR: "" } }, [], false],
    ["a terminal with TERM=dumb", { tty: true, env: { TERM: "dumb" } }, [], false],
    ["a terminal with FORCE_COLOR=0", { tty: true, env: { FORCE_COLOR: "0" } }, [], false],
    ["a pipe", { tty: false, env: {} }, [], false],
    ["a pipe with FORCE_COLOR", { tty: false, env: { FORCE_COLOR: "1" } }, [], true],
    ["a pipe with FORCE_COLOR and NO_COLOR", { tty: false, env: { FORCE_COLOR: "1", NO_COLOR: "1" } }, [], false],
    ["a terminal with --no-color", { tty: true, env: {} }, ["--no-color"], false],
    ["a pipe with --color", { tty: false, env: { NO_COLOR: "1" } }, ["--color"], true],
  ];

  it.each(cases)("%s", async (_what, options, flags, coloured) => {
    const dir = scratch({ "bad.b24layout": WITH_ERROR });
    const c = capture(dir, options);
    expect(await main(["check", ...flags, "bad.b24layout"], c.io)).toBe(1);
    expect(ANSI.test(c.out())).toBe(coloured);
  });

  it("colours a usage error on stderr only when stderr is a terminal", async () => {
    const c = capture(scratch(), { tty: true });
    expect(await main(["check", "missing.b24layout"], c.io)).toBe(2);
    expect(c.err()).toMatch(ANSI);
  });
});

describe("main", () => {
  it("builds into the working directory it is given", async () => {
    const dir = scratch({ "a.b24layout": BADGE });
    const c = capture(dir);
    expect(await main(["build", "a.b24layout", "--out-dir", "gen"], c.io)).toBe(0);
    expect(readFileSync(join(dir, "gen/missedCall.badge.json"), "utf8")).toBe(BADGE_JSON);
    expect(c.out()).toBe("");
    expect(c.err()).toBe("✔ built 1 file in gen\n");
  });

  it("reports an unexpected exception as an internal error with a hint, exit 2", async () => {
    const c = capture(scratch(), { failWrites: true });
    expect(await main(["schema", "badge"], c.io)).toBe(2);
    expect(c.err()).toBe("internal error: disk full\nThis is a bug in b24layout; please report it with the command and the input that caused it.\n");
  });

  it("prints the stack of an internal error only with B24LAYOUT_DEBUG", async () => {
    const c = capture(scratch(), { failWrites: true, env: { B24LAYOUT_DEBUG: "1" } });
    expect(await main(["schema", "badge"], c.io)).toBe(2);
    expect(c.err()).toMatch(/\n\s+at /);
  });

  it("can run twice in one process (no state kept between runs)", async () => {
    const dir = scratch({ "a.b24layout": BADGE, "bad.b24layout": WITH_ERROR });
    expect(await main(["check", "bad.b24layout"], capture(dir).io)).toBe(1);
    expect(await main(["check", "a.b24layout"], capture(dir).io)).toBe(0);
  });

  it("build with an error file returns 1 and prints the diagnostics on stderr", async () => {
    const dir = scratch({ "bad.b24layout": WITH_ERROR });
    const c = capture(dir);
    expect(await main(["build", "bad.b24layout", "--stdout"], c.io)).toBe(1);
    expect(c.out()).toBe("");
    expect(findingLines(c.err())).toEqual([expect.stringMatching(/^bad\.b24layout:6:5 error collection-limit /)]);
  });
});

describe("the commands defined for a run (start-up: a plain check defines only check)", () => {
  const cases: [string, string[], readonly string[]][] = [
    ["a command and its arguments", ["check", "a.b24layout", "--quiet"], ["check"]],
    ["another command", ["schema", "layout"], ["schema"]],
    ["help of one command (it lists the global options too)", ["check", "--help"], COMMAND_NAMES],
    ["-h anywhere", ["build", "src", "-h"], COMMAND_NAMES],
    ["no command (the program's help)", [], COMMAND_NAMES],
    ["a misspelt command (answered with the nearest name)", ["chek", "a.b24layout"], COMMAND_NAMES],
    ["a global option before the command", ["--no-color", "check", "a.b24layout"], COMMAND_NAMES],
    ["commander's help command", ["help", "check"], COMMAND_NAMES],
  ];
  it.each(cases)("%s", (_, argv, expected) => {
    expect(commandsToDefine(argv)).toEqual(expected);
  });

  it("still lists every command in the program's help, and suggests the nearest one", async () => {
    const help = capture(scratch());
    expect(await main(["--help"], help.io)).toBe(0);
    for (const name of COMMAND_NAMES) expect(help.out()).toMatch(new RegExp(`^  ${name}\\b`, "m"));
    const typo = capture(scratch());
    expect(await main(["schem", "layout"], typo.io)).toBe(2);
    expect(typo.err()).toContain("(Did you mean schema?)");
  });

  it("checks with only check defined, and names its own options in a usage error", async () => {
    const dir = scratch({ "e.b24layout": WITH_ERROR });
    const run = capture(dir);
    expect(await main(["check", "e.b24layout", "--format", "unix"], run.io)).toBe(1);
    expect(run.out()).toMatch(/^e\.b24layout:\d+:\d+: /m);
    const usage = capture(dir);
    expect(await main(["check", "--quite", "e.b24layout"], usage.io)).toBe(2);
    expect(usage.err()).toBe("error: unknown option '--quite'\n(Did you mean --quiet?)\n");
  });
});
