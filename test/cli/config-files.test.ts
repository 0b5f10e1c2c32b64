/**
 * Which `b24layout.config.json` applies to a file: the search stops at the repository root, a
 * config someone else could have written is refused with a warning (unless named with --config),
 * and a config, --params or source file that is a FIFO or a folder is an error, never a hang.
 */
import { chmodSync, chownSync, mkdirSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { main, type CliIo } from "../../src/cli/main.js";
import { scratch, WITH_WARNING } from "./fixtures.js";

async function run(cwd: string, args: readonly string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const io: CliIo = { stdout: { write: (s) => (stdout += s) }, stderr: { write: (s) => (stderr += s) }, env: {}, cwd };
  return { code: await main(args, io), stdout, stderr };
}

/** Makes w.b24layout's unknown-code warning an error: whether it is one shows whether the config applied. */
const STRICT = '{ "rules": { "unknown-code": "error" } }\n';
const APPLIED = /^w\.b24layout\n {2}2:8 {2}error {2}\S.* {2}unknown-code$/m;
const NOT_APPLIED = /^w\.b24layout\n {2}2:8 {2}warning {2}\S.* {2}unknown-code$/m;

const asRoot = process.getuid?.() === 0;

describe("the search for b24layout.config.json", () => {
  it("stops at the repository root: a config above it does not apply", async () => {
    const dir = scratch({ "b24layout.config.json": STRICT, "project/w.b24layout": WITH_WARNING });
    mkdirSync(join(dir, "project/.git"));
    const r = await run(join(dir, "project"), ["check", "w.b24layout"]);
    expect(r).toMatchObject({ code: 0, stderr: "" });
    expect(r.stdout).toMatch(NOT_APPLIED);
  });

  it("stops at a package.json outside a repository", async () => {
    const dir = scratch({ "b24layout.config.json": STRICT, "project/package.json": "{}", "project/w.b24layout": WITH_WARNING });
    expect((await run(join(dir, "project"), ["check", "w.b24layout"])).stdout).toMatch(NOT_APPLIED);
  });

  it("without a repository or package.json, stops at the working directory", async () => {
    const dir = scratch({ "b24layout.config.json": STRICT, "work/w.b24layout": WITH_WARNING });
    expect((await run(join(dir, "work"), ["check", "w.b24layout"])).stdout).toMatch(NOT_APPLIED);
    // In the working directory itself, it applies.
    expect((await run(dir, ["check", "work/w.b24layout"])).stdout).toMatch(/^work\/w\.b24layout\n {2}2:8 {2}error {2}\S.* {2}unknown-code$/m);
  });

  it("takes the config at the repository root of a monorepo for files in its packages", async () => {
    const dir = scratch({ "b24layout.config.json": STRICT, "packages/a/package.json": "{}", "packages/a/src/w.b24layout": WITH_WARNING });
    mkdirSync(join(dir, ".git"));
    const r = await run(join(dir, "packages/a/src"), ["check", "w.b24layout"]);
    expect(r.stdout).toMatch(APPLIED);
  });
});

describe("a config someone else could have written", () => {
  const refused = (reason: RegExp) => new RegExp(`^warning: the config '(\\.\\./)*b24layout\\.config\\.json' is not used, as ${reason.source}: the default settings apply`, "m");

  it("is not used when everyone may write it, and the warning says which and why", async () => {
    const dir = scratch({ "b24layout.config.json": STRICT, "w.b24layout": WITH_WARNING });
    chmodSync(join(dir, "b24layout.config.json"), 0o666);
    const r = await run(dir, ["check", "w.b24layout"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(NOT_APPLIED);
    expect(r.stderr).toMatch(refused(/everyone may write it/));
    expect(r.stderr).toContain("name it with --config to use it all the same");
  });

  it("is used when named with --config", async () => {
    const dir = scratch({ "b24layout.config.json": STRICT, "w.b24layout": WITH_WARNING });
    chmodSync(join(dir, "b24layout.config.json"), 0o666);
    const r = await run(dir, ["check", "w.b24layout", "--config", "b24layout.config.json"]);
    expect(r).toMatchObject({ code: 1, stderr: "" });
    expect(r.stdout).toMatch(APPLIED);
  });

  it("is not used when its folder is writable by everyone and not sticky; a sticky one is fine", async () => {
    const dir = scratch({ "shared/b24layout.config.json": STRICT, "shared/w.b24layout": WITH_WARNING });
    const shared = join(dir, "shared");
    chmodSync(shared, 0o777);
    const r = await run(shared, ["check", "w.b24layout"]);
    expect(r.stdout).toMatch(NOT_APPLIED);
    expect(r.stderr).toMatch(refused(/its folder '.*shared' is writable by everyone, who may replace it/));
    chmodSync(shared, 0o1777);
    const sticky = await run(shared, ["check", "w.b24layout"]);
    expect(sticky).toMatchObject({ code: 1, stderr: "" });
    expect(sticky.stdout).toMatch(APPLIED);
  });

  it.runIf(asRoot)("is not used when another user owns it, or its folder", async () => {
    const dir = scratch({ "b24layout.config.json": STRICT, "w.b24layout": WITH_WARNING, "sub/b24layout.config.json": STRICT, "sub/w.b24layout": WITH_WARNING });
    chownSync(join(dir, "b24layout.config.json"), 65534, 65534);
    const r = await run(dir, ["check", "w.b24layout"]);
    expect(r.stdout).toMatch(NOT_APPLIED);
    expect(r.stderr).toMatch(refused(/it is owned by another user \(uid 65534\)/));
    chownSync(join(dir, "sub"), 65534, 65534);
    const inFolder = await run(join(dir, "sub"), ["check", "w.b24layout"]);
    expect(inFolder.stdout).toMatch(NOT_APPLIED);
    expect(inFolder.stderr).toMatch(refused(/its folder '.*sub' is owned by another user \(uid 65534\), who may replace it/));
  });

  it("is said once in a run that finds the configs twice (--fix)", async () => {
    const dir = scratch({ "b24layout.config.json": STRICT, "w.b24layout": WITH_WARNING });
    chmodSync(join(dir, "b24layout.config.json"), 0o666);
    const r = await run(dir, ["check", "w.b24layout", "--fix"]);
    expect(r.stderr.match(/is not used/g)).toHaveLength(1);
  });
});

describe("a config, --params or source that is not a regular file", () => {
  it("is an error, not a hang, when the config found is a FIFO", async () => {
    const dir = scratch({ "w.b24layout": WITH_WARNING });
    execFileSync("mkfifo", [join(dir, "b24layout.config.json")]);
    const r = await run(dir, ["check", "w.b24layout"]);
    expect(r).toMatchObject({ code: 2, stdout: "" });
    expect(r.stderr).toBe("error: cannot read the config 'b24layout.config.json': it is a FIFO, not a regular file\n");
  });

  it.each([
    ["--config", ["check", "w.b24layout", "--config", "pipe.json"], "error: cannot read the config 'pipe.json': it is a FIFO, not a regular file\n"],
    ["--params", ["check", "w.b24layout", "--params", "pipe.json"], "error: cannot read 'pipe.json': it is a FIFO, not a regular file\n"],
    ["a source", ["check", "pipe.json"], "error: cannot read 'pipe.json': it is a FIFO, not a regular file\n"],
    ["a file to import", ["import", "pipe.json"], "error: cannot read 'pipe.json': it is a FIFO, not a regular file\n"],
  ])("is an error, not a hang, when the file of %s is a FIFO", async (_what, args, message) => {
    const dir = scratch({ "w.b24layout": WITH_WARNING });
    execFileSync("mkfifo", [join(dir, "pipe.json")]);
    const r = await run(dir, args);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(message);
  });

  it("is an error when --config names a folder", async () => {
    const dir = scratch({ "w.b24layout": WITH_WARNING, "conf/x": "" });
    const r = await run(dir, ["check", "w.b24layout", "--config", "conf"]);
    expect(r).toMatchObject({ code: 2, stderr: "error: cannot read the config 'conf': is a directory\n" });
  });
});
