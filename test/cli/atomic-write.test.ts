import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { writeFilesAtomically } from "../../src/cli/atomic-write.js";
import { scratch } from "./fixtures.js";

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
