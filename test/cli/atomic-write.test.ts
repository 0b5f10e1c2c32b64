import { spawnSync } from "node:child_process";
import { chownSync, existsSync, readdirSync, readFileSync, symlinkSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { removeStaleTemporaries, temporaryName, writeFilesAtomically } from "../../src/cli/atomic-write.js";
import { main } from "../../src/cli/main.js";
import { scratch } from "./fixtures.js";

/** The id of a process that has ended (a child that ran and exited): one for all tests, as starting Node takes time. */
let ended: number | undefined;
function endedPid(): number {
  ended ??= spawnSync(process.execPath, ["-e", "0"]).pid;
  return ended;
}

/** Sets a file's modification time `days` days back. */
function age(path: string, days: number): void {
  const t = new Date(Date.now() - days * 24 * 60 * 60 * 1000);
  utimesSync(path, t, t);
}

describe("writeFilesAtomically", () => {
  it("creates directories, writes new files, skips identical ones and leaves no temporary files", async () => {
    const dir = scratch({ "out/same.json": "same\n", "out/old.json": "old\n" });
    const report = await writeFilesAtomically([
      { path: join(dir, "out/same.json"), content: "same\n" },
      { path: join(dir, "out/old.json"), content: "new\n" },
      { path: join(dir, "out/deep/fresh.json"), content: "fresh\n" },
    ]);
    expect(report).toEqual({ written: [join(dir, "out/old.json"), join(dir, "out/deep/fresh.json")], unchanged: [join(dir, "out/same.json")] });
    expect(readFileSync(join(dir, "out/old.json"), "utf8")).toBe("new\n");
    expect(readFileSync(join(dir, "out/deep/fresh.json"), "utf8")).toBe("fresh\n");
    expect(readdirSync(join(dir, "out")).sort()).toEqual(["deep", "old.json", "same.json"]);
  });

  it("changes nothing and cleans up when one file cannot be written", async () => {
    const dir = scratch({ "out/a.json": "old\n", "locked/x": "" });
    // A directory in place of the second target: found before anything is renamed.
    const error = await writeFilesAtomically([
      { path: join(dir, "out/a.json"), content: "new\n" },
      { path: join(dir, "locked"), content: "x\n" },
    ]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect(readdirSync(dir).sort()).toEqual(["locked", "out"]);
    expect(readdirSync(join(dir, "out"))).toEqual(["a.json"]);
    expect(readFileSync(join(dir, "out/a.json"), "utf8")).toBe("old\n");
  });

  it("fails before writing when a directory cannot be created", async () => {
    const dir = scratch({ "out/a.json": "old\n", blocker: "a file" });
    const error = await writeFilesAtomically([
      { path: join(dir, "out/a.json"), content: "new\n" },
      { path: join(dir, "blocker/b.json"), content: "b\n" },
    ]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect(readFileSync(join(dir, "out/a.json"), "utf8")).toBe("old\n");
    expect(readdirSync(join(dir, "out"))).toEqual(["a.json"]);
  });
});

describe("temporary files of killed writes", () => {
  it("a write removes those a killed earlier write left in its folder, and writes its own files", async () => {
    const dir = scratch({ "out/a.json": "old\n" });
    const killed = temporaryName(join(dir, "out/a.json"), endedPid(), "0badc0de", 0);
    const other = temporaryName(join(dir, "out/gone.json"), endedPid(), "0badc0de", 3);
    writeFileSync(killed, "half");
    writeFileSync(other, "half");
    expect(readdirSync(join(dir, "out")).length).toBe(3);
    await writeFilesAtomically([{ path: join(dir, "out/a.json"), content: "new\n" }]);
    expect(readdirSync(join(dir, "out"))).toEqual(["a.json"]);
    expect(readFileSync(join(dir, "out/a.json"), "utf8")).toBe("new\n");
  });

  it("b24layout build cleans up after a build that was killed in the same output folder", async () => {
    const dir = scratch({ "a.b24layout": 'blocks extra {\n  text "Hello"\n}\n' });
    const killed = temporaryName(join(dir, "out/extra.blocks.json"), endedPid(), "0badc0de", 0);
    await main(["build", "a.b24layout", "--out-dir", "out"], { stdout: { write: () => true }, stderr: { write: () => true }, env: {}, cwd: dir });
    writeFileSync(killed, "half");
    const io = { stdout: { write: () => true }, stderr: { write: () => true }, env: {}, cwd: dir };
    expect(await main(["build", "a.b24layout", "--out-dir", "out"], io)).toBe(0);
    expect(readdirSync(join(dir, "out"))).toEqual([".b24layout-manifest.json", "extra.blocks.json"]);
  });

  it("leaves a concurrent write's files: its process runs, and a fresh file of another machine", async () => {
    const dir = scratch({});
    const running = temporaryName(join(dir, "a.json"), process.ppid, "0badc0de", 0);
    writeFileSync(running, "half");
    const otherMachine = join(dir, `.b.json.ffffffff-${endedPid()}-0badc0de.0.tmp`);
    writeFileSync(otherMachine, "half");
    expect(await removeStaleTemporaries(dir)).toEqual([]);
    // A day later neither can still be written: both are stale.
    age(running, 2);
    age(otherMachine, 2);
    expect((await removeStaleTemporaries(dir)).sort()).toEqual([otherMachine, running].sort());
  });

  it("removes a day-old file of the older naming, and keeps a fresh one", async () => {
    const dir = scratch({ ".a.json.123.0badc0de.0.tmp": "half", ".b.json.456.0badc0de.1.tmp": "half" });
    age(join(dir, ".a.json.123.0badc0de.0.tmp"), 2);
    expect(await removeStaleTemporaries(dir)).toEqual([join(dir, ".a.json.123.0badc0de.0.tmp")]);
    expect(readdirSync(dir)).toEqual([".b.json.456.0badc0de.1.tmp"]);
  });

  it("never touches what is not provably its own: other names, symbolic links (not followed), other users' files", async () => {
    const dir = scratch({ ".a.json.tmp": "x", "a.json.0badc0de.tmp": "x", "target.txt": "keep\n" });
    const link = temporaryName(join(dir, "l.json"), endedPid(), "0badc0de", 0);
    symlinkSync(join(dir, "target.txt"), link);
    const foreign = temporaryName(join(dir, "f.json"), endedPid(), "0badc0de", 0);
    writeFileSync(foreign, "theirs");
    const ownedByOther = process.getuid?.() === 0;
    if (ownedByOther) chownSync(foreign, 65534, 65534);
    age(join(dir, ".a.json.tmp"), 2);
    expect(await removeStaleTemporaries(dir)).toEqual(ownedByOther ? [] : [foreign]);
    expect(existsSync(link)).toBe(true);
    expect(readFileSync(join(dir, "target.txt"), "utf8")).toBe("keep\n");
    expect(existsSync(join(dir, ".a.json.tmp"))).toBe(true);
    expect(existsSync(join(dir, "a.json.0badc0de.tmp"))).toBe(true);
  });
});
