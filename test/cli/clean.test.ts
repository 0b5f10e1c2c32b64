/**
 * `build --clean` through the built executable: the files an earlier build wrote that this one
 * does not write are removed, and nothing else, whatever the manifest says.
 */
import { chmodSync, existsSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { createHash } from "node:crypto";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runBuiltCli, useBuiltCli } from "./bundle.js";
import { BADGE, scratch } from "./fixtures.js";

const built = useBuiltCli();
const run = (cwd: string, args: readonly string[]) => runBuiltCli(built.cli, cwd, args);
const MANIFEST = ".b24layout-manifest.json";
const sha = (text: string) => createHash("sha256").update(text).digest("hex");
const renamed = BADGE.replace("badge missedCall", "badge missed");

describe("build --clean", () => {
  it("removes the output of a renamed declaration, also one left by builds without --clean, and keeps the user's own files", async () => {
    const dir = scratch({ "a.b24layout": BADGE, "out/notes.txt": "mine\n" });
    expect((await run(dir, ["build", "a.b24layout", "-o", "out"])).code).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, "out", MANIFEST), "utf8"))).toEqual({
      generator: "b24layout build",
      version: 2,
      files: { "missedCall.badge.json": { sha256: sha(readFileSync(join(dir, "out/missedCall.badge.json"), "utf8")), source: "../a.b24layout" } },
    });
    writeFileSync(join(dir, "a.b24layout"), renamed);
    // Without --clean the old file stays, and the manifest still names it.
    expect((await run(dir, ["build", "a.b24layout", "-o", "out"])).code).toBe(0);
    expect(readdirSync(join(dir, "out")).sort()).toEqual([MANIFEST, "missed.badge.json", "missedCall.badge.json", "notes.txt"]);
    const cleaned = await run(dir, ["build", "a.b24layout", "-o", "out", "--clean"]);
    expect(cleaned).toMatchObject({ code: 0, stderr: "✔ built 1 file in out (1 unchanged)\n✔ removed 1 stale file: missedCall.badge.json\n" });
    expect(readdirSync(join(dir, "out")).sort()).toEqual([MANIFEST, "missed.badge.json", "notes.txt"]);
    expect(Object.keys((JSON.parse(readFileSync(join(dir, "out", MANIFEST), "utf8")) as { files: object }).files)).toEqual(["missed.badge.json"]);
  });

  it("removes only files of this build's sources (or of sources that are gone): another build's files in the same folder stay", async () => {
    const card = 'card dealCard for deal {\n  main: section "Deal" {\n    TITLE always\n  }\n}\n';
    const dir = scratch({ "layouts/a.b24layout": BADGE, "cards/c.b24layout": card });
    expect((await run(dir, ["build", "layouts", "-o", "out"])).code).toBe(0);
    expect((await run(dir, ["build", "cards", "-o", "out"])).code).toBe(0);
    expect(readdirSync(join(dir, "out")).sort()).toEqual([MANIFEST, "dealCard.card.json", "missedCall.badge.json"]);
    writeFileSync(join(dir, "layouts/a.b24layout"), renamed);
    const cleaned = await run(dir, ["build", "layouts", "-o", "out", "--clean"]);
    expect(cleaned).toMatchObject({ code: 0, stderr: "✔ built 1 file in out\n✔ removed 1 stale file: missedCall.badge.json\n" });
    expect(readdirSync(join(dir, "out")).sort()).toEqual([MANIFEST, "dealCard.card.json", "missed.badge.json"]);
    // The cards' build is still named in the manifest, so it is removed once its source is gone.
    rmSync(join(dir, "cards/c.b24layout"));
    const gone = await run(dir, ["build", "layouts", "-o", "out", "--clean"]);
    expect(gone.stderr).toContain("✔ removed 1 stale file: dealCard.card.json\n");
    expect(readdirSync(join(dir, "out")).sort()).toEqual([MANIFEST, "missed.badge.json"]);
  });

  it("leaves a stale file that was changed since the build wrote it, and says so", async () => {
    const dir = scratch({ "a.b24layout": BADGE });
    await run(dir, ["build", "a.b24layout", "-o", "out"]);
    writeFileSync(join(dir, "out/missedCall.badge.json"), "edited by hand\n");
    writeFileSync(join(dir, "a.b24layout"), renamed);
    const r = await run(dir, ["build", "a.b24layout", "-o", "out", "--clean"]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain("warning: 'out/missedCall.badge.json' was written by an earlier build, which this one does not write, but it was left, as it changed since b24layout wrote it.");
    expect(readFileSync(join(dir, "out/missedCall.badge.json"), "utf8")).toBe("edited by hand\n");
  });

  it("removes nothing a planted manifest names outside the folder, through a link, or by a path", async () => {
    const victim = "precious\n";
    const dir = scratch({ "a.b24layout": renamed, "victim.json": victim, "out/sub/inner.json": victim, "elsewhere/target.json": victim });
    symlinkSync(join(dir, "elsewhere/target.json"), join(dir, "out/link.json"));
    const hash = sha(victim);
    const files = { "../victim.json": hash, [join(dir, "victim.json")]: hash, "sub/inner.json": hash, "link.json": hash, "..": hash, "bad.json": "not a hash" };
    writeFileSync(join(dir, "out", MANIFEST), JSON.stringify({ generator: "b24layout build", version: 1, files }));
    const r = await run(dir, ["build", "a.b24layout", "-o", "out", "--clean"]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain("warning: 'out/link.json' was written by an earlier build, which this one does not write, but it was left, as it is no longer a regular file.");
    for (const f of ["victim.json", "out/sub/inner.json", "elsewhere/target.json", "out/link.json"]) expect(readFileSync(join(dir, f), "utf8")).toBe(victim);
  });

  it("does not believe a manifest others may write, a link, or one that is not ours, and writes a new one", async () => {
    for (const plant of ["world-writable", "link", "not JSON", "not ours"] as const) {
      const dir = scratch({ "a.b24layout": renamed, "out/old.json": "x", "decoy.json": "{}" });
      const manifest = join(dir, "out", MANIFEST);
      const content = JSON.stringify({ generator: "b24layout build", version: 1, files: { "old.json": sha("x") } });
      if (plant === "link") {
        writeFileSync(join(dir, "decoy.json"), content);
        symlinkSync(join(dir, "decoy.json"), manifest);
      } else if (plant === "not JSON") writeFileSync(manifest, "{ nope");
      else if (plant === "not ours") writeFileSync(manifest, JSON.stringify({ generator: "something else", version: 1, files: { "old.json": sha("x") } }));
      else {
        writeFileSync(manifest, content);
        chmodSync(manifest, 0o666);
      }
      const r = await run(dir, ["build", "a.b24layout", "-o", "out", "--clean"]);
      expect(r.code).toBe(0);
      expect(r.stderr).toMatch(/^warning: the build manifest 'out\/\.b24layout-manifest\.json' is not used, as (others may write it|it is a symbolic link|it is not JSON|it is not a b24layout build manifest of this version): no stale output is removed on its word/);
      expect(existsSync(join(dir, "out/old.json"))).toBe(true);
      expect(Object.keys((JSON.parse(readFileSync(manifest, "utf8")) as { files: object }).files)).toEqual(["missed.badge.json"]);
    }
  });

  it("is refused with --stdout", async () => {
    expect(await run(scratch({ "a.b24layout": BADGE }), ["build", "a.b24layout", "--stdout", "--clean"])).toMatchObject({ code: 2, stdout: "" });
  });
});
