/**
 * The built executable, run as a subprocess: what a user or a CI job sees. The bundle is built
 * once into a temporary directory so the tests never race with other builds of `dist/`.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { chmodSync, chownSync, existsSync, lstatSync, mkdirSync, readFileSync, readdirSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { formatJson } from "../../src/emit/json.js";
import { schemaFor, SCHEMA_KINDS } from "../../src/emit/schema.js";
import pkg from "../../package.json" with { type: "json" };
import { runBuiltCli, useBuiltCli, type CliRun } from "./bundle.js";
import { ANSI, findingLines, BADGE, BADGE_JSON, BLOCKS, BLOCKS_JSON, scratch, WITH_ERROR, WITH_WARNING } from "./fixtures.js";

const built = useBuiltCli();

/** The code cache the build makes next to the bundle. */
const cacheName = `b24layout-${process.version}-${process.arch}.cache`;

/** Runs the CLI in `cwd` with a minimal environment (no NO_COLOR/FORCE_COLOR unless given). */
const run = (cwd: string, args: readonly string[], env: Record<string, string> = {}) => runBuiltCli(built.cli, cwd, args, env);

describe("the bundle", () => {
  it("is the package's bin, at the path it has always had", () => {
    // `npx b24layout` in a clone links the bin path it saw on its first run, for good: a renamed bin
    // makes the README's first command fail with "b24layout: not found" on every such machine.
    expect(pkg.bin).toEqual({ b24layout: "dist/cli.js" });
  });

  it("is an executable file with a shebang", () => {
    expect(readFileSync(built.cli, "utf8").startsWith("#!/usr/bin/env node\n")).toBe(true);
    expect(statSync(built.cli).mode & 0o111).toBe(0o111);
    const direct = spawnSync(built.cli, ["--version"], { encoding: "utf8" });
    expect(direct.stdout).toBe(`${pkg.version}\n`);
  });

  it("starts from the code cache made at build time, and then writes none of its own", async () => {
    expect(statSync(join(built.dir, cacheName)).size).toBeGreaterThan(100_000);
    const temp = scratch();
    const dir = scratch({ "w.b24layout": WITH_WARNING });
    const r = await run(dir, ["check", "w.b24layout"], { TMPDIR: temp });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("1 warning");
    expect(readdirSync(temp)).toEqual([]);
  });

  it("starts without what `check` does not use: no ES module loader, no node:child_process, and the parser's lookahead tables built in", async () => {
    const preload = join(scratch(), "list-modules.cjs");
    const listed = join(scratch(), "modules.txt");
    writeFileSync(preload, `process.on("exit", () => require("node:fs").writeFileSync(${JSON.stringify(listed)}, process.moduleLoadList.join("\\n")));`);
    const dir = scratch({ "w.b24layout": WITH_WARNING });
    const r = await run(dir, ["check", "w.b24layout"], { NODE_OPTIONS: `--require ${preload}` });
    expect(r.stdout).toContain("1 warning");
    const modules = readFileSync(listed, "utf8").split("\n");
    expect(modules).toContain("NativeModule fs");
    expect(modules).not.toContain("NativeModule child_process");
    // Nor node:crypto (with Node's streams), node:fs/promises, or the stream machinery of process.stdout (net, tty).
    for (const unused of ["crypto", "stream", "fs/promises", "net", "tty"]) expect(modules).not.toContain(`NativeModule ${unused}`);
    // The bin is CommonJS (dist/package.json): an ES module bin would start Node's ES module loader first.
    expect(modules).not.toContain("NativeModule internal/modules/esm/module_job");
    // As a string of JSON for JSON.parse: V8 builds the tables from it faster than from an object literal in the code.
    expect(readFileSync(join(built.dir, "b24layout.cjs"), "utf8")).toMatch(/JSON\.parse\('\{"[^']*"statementList\/Alternation0":/);
    // Chevrotain's table of all 65,536 code units is not filled at start (scripts/bundle.mjs computes its entries).
    expect(readFileSync(join(built.dir, "b24layout.cjs"), "latin1")).not.toMatch(/new Array\(65536\)/);
  });

  it("lexes characters above U+00FF as the unbundled lexer does (its first-character buckets computed, not read from a table)", async () => {
    // Stray characters in every bucket range (Latin-1 edge, Cyrillic, CJK, a surrogate pair, U+FFFF), between tokens and in names.
    const text = `layout c\u00ffx {\n  header "T" \u0100 \u0436\n  body { text "x" \u4e2d \ud83d\ude00 }\n}\n\uffff layout \u0436d { header "T" }\n`;
    const dir = scratch({ "odd.b24layout": text });
    const bundled = await run(dir, ["check", "odd.b24layout", "--format", "json"]);
    const { main } = await import("../../src/cli/main.js");
    let fromSource = "";
    const sink = { write: (s: string) => void (fromSource += s) };
    const code = await main(["check", "odd.b24layout", "--format", "json"], { stdout: sink, stderr: { write: () => {} }, env: {}, cwd: dir });
    expect(bundled.code).toBe(code);
    expect(JSON.parse(bundled.stdout)).toEqual(JSON.parse(fromSource));
    expect((JSON.parse(fromSource) as { files: { diagnostics: unknown[] }[] }).files[0]!.diagnostics.length).toBeGreaterThan(3);
  });

  it("runs without a usable cache, and leaves one in a private folder of the user's for the next run", () => {
    const copy = copyOfBundle();
    writeFileSync(join(copy, cacheName), "not a V8 code cache");
    const temp = scratch();
    const dir = scratch({ "e.b24layout": WITH_ERROR });
    const first = runCopy(copy, dir, temp, ["check", "e.b24layout"]);
    expect(first.code).toBe(1);
    expect(first.stdout).toContain("1 error");
    const folder = join(temp, `b24layout-code-cache-${process.getuid!()}`);
    expect(lstatSync(folder).mode & 0o777).toBe(0o700);
    const written = readdirSync(folder);
    expect(written).toEqual([userCacheName(copy)]);
    expect(lstatSync(join(folder, written[0]!)).mode & 0o777).toBe(0o600);
    const second = runCopy(copy, dir, temp, ["check", "e.b24layout"]);
    expect(second).toEqual(first);
  });
});

/**
 * A V8 code cache is code: V8 takes one made from any source of the same length. These plant
 * caches made from foreign code of exactly the bundle's length, as another local user could, and
 * show that the foreign code never runs.
 */
describe("the code cache runs no code but the bundle's", () => {
  const FOREIGN = "FOREIGN CODE RAN";
  const version = ["--version"];
  const real = { code: 0, stdout: `${pkg.version}\n`, stderr: "" };
  /** What a cache made from `bundle` starts with: a tag and a copy of the bundle. */
  const header = (bundle: string | Buffer) => Buffer.concat([Buffer.from("b24layout code cache 2\n"), typeof bundle === "string" ? readFileSync(bundle) : bundle]);
  /** Another bundle of the same length: an earlier or a planted build. */
  const otherBundle = (bundle: string) => {
    const bytes = Buffer.from(readFileSync(bundle));
    bytes[bytes.length - 2] = bytes[bytes.length - 2] === 0x20 ? 0x09 : 0x20;
    return bytes;
  };

  /** A code cache made from foreign code the length of `bundle`, wrapped as the loader wraps it (see the attack this guards against: src/cli/loader.ts). */
  function foreignCache(bundle: string): Buffer {
    const made = join(scratch(), "cache");
    const script = `
      const { readFileSync, writeFileSync } = require("node:fs");
      const { Script } = require("node:vm");
      const [bundle, out] = process.argv.slice(1);
      const length = readFileSync(bundle, "utf8").length;
      const code = 'module.exports = { run: async () => { process.stdout.write(${JSON.stringify(FOREIGN)}) }, main: async () => 0 };';
      const foreign = code + "/*" + "x".repeat(length - code.length - 4) + "*/";
      const script = new Script("(function (exports, require, module, __filename, __dirname) {" + foreign + "\\n})", { filename: bundle });
      const m = { exports: {} };
      script.runInThisContext()(m.exports, require, m, bundle, "");
      m.exports.run(); // compiled now, so the cache holds it
      writeFileSync(out, script.createCachedData());`;
    execFileSync(process.execPath, ["-e", script, bundle, made]);
    return readFileSync(made);
  }

  it("is really a threat: the foreign cache, given to V8 as the old loader did, runs the foreign code", () => {
    const copy = copyOfBundle();
    const cache = foreignCache(join(copy, "b24layout.cjs"));
    const probe = `
      const { readFileSync } = require("node:fs");
      const { Script } = require("node:vm");
      const [bundle, cache] = process.argv.slice(1);
      const source = readFileSync(bundle, "utf8");
      const script = new Script("(function (exports, require, module, __filename, __dirname) {" + source + "\\n})", { filename: bundle, cachedData: readFileSync(cache) });
      const m = { exports: {} };
      script.runInThisContext()(m.exports, require, m, bundle, "");
      m.exports.run();`;
    const planted = join(copy, "foreign.cache");
    writeFileSync(planted, cache);
    expect(execFileSync(process.execPath, ["-e", probe, join(copy, "b24layout.cjs"), planted], { encoding: "utf8" })).toBe(FOREIGN);
  });

  it("ignores a foreign cache planted where the old loader looked (a shared folder keyed by the bundle's length)", () => {
    const copy = copyOfBundle();
    const temp = scratch();
    const length = readFileSync(join(copy, "b24layout.cjs"), "utf8").length;
    mkdirSync(join(temp, "b24layout-code-cache"));
    writeFileSync(join(temp, "b24layout-code-cache", `${length}-${cacheName}`), foreignCache(join(copy, "b24layout.cjs")));
    expect(runCopy(copy, temp, temp, version)).toEqual(real);
  });

  it("refuses a built cache made from another bundle of the same length (a stale or planted one)", () => {
    const copy = copyOfBundle();
    writeFileSync(join(copy, cacheName), foreignCache(join(copy, "b24layout.cjs")));
    const temp = scratch();
    expect(runCopy(copy, temp, temp, version)).toEqual(real);
    // Even when it says so: it begins with a copy of that other bundle, one byte apart from this one.
    const bundle = join(copy, "b24layout.cjs");
    writeFileSync(join(copy, cacheName), Buffer.concat([header(otherBundle(bundle)), foreignCache(bundle)]));
    expect(runCopy(copy, temp, temp, version)).toEqual(real);
  });

  it("refuses a built cache that someone may write who may not write the bundle, whatever it says it was made from", () => {
    const copy = copyOfBundle();
    const bundle = join(copy, "b24layout.cjs");
    writeFileSync(join(copy, cacheName), Buffer.concat([header(bundle), foreignCache(bundle)]));
    chmodSync(join(copy, cacheName), 0o666);
    const temp = scratch();
    expect(runCopy(copy, temp, temp, version)).toEqual(real);
  });

  it("refuses a user cache made from another bundle, even in the user's own folder", () => {
    const copy = copyOfBundle();
    const temp = scratch();
    const folder = join(temp, `b24layout-code-cache-${process.getuid!()}`);
    mkdirSync(folder, { mode: 0o700 });
    const bundle = join(copy, "b24layout.cjs");
    writeFileSync(join(folder, userCacheName(copy)), Buffer.concat([header(otherBundle(bundle)), foreignCache(bundle)]), { mode: 0o600 });
    expect(runCopy(copy, temp, temp, version)).toEqual(real);
  });

  it.each<[string, (folder: string) => void]>([
    ["open to other users' writes", (folder) => {
      mkdirSync(folder);
      chmodSync(folder, 0o777);
    }],
    ["a symbolic link to a folder someone else prepared", (folder) => {
      const elsewhere = scratch();
      chmodSync(elsewhere, 0o700);
      symlinkSync(elsewhere, folder);
    }],
    ...(process.getuid?.() === 0
      ? [["owned by another user", (folder: string) => {
          mkdirSync(folder, { mode: 0o700 });
          chownSync(folder, 65534, 65534);
        }] as [string, (folder: string) => void]]
      : []),
  ])("uses no user cache folder that is %s, and writes nothing into it", (_what, plant) => {
    const copy = copyOfBundle();
    const bundle = join(copy, "b24layout.cjs");
    const temp = scratch();
    const folder = join(temp, `b24layout-code-cache-${process.getuid!()}`);
    plant(folder);
    const cache = join(folder, userCacheName(copy));
    // The planted cache says it was made from the bundle: only the folder's check stands in its way.
    writeFileSync(cache, Buffer.concat([header(bundle), foreignCache(bundle)]), { mode: 0o600 });
    expect(runCopy(copy, temp, temp, version)).toEqual(real);
    expect(readdirSync(folder)).toEqual([userCacheName(copy)]);
  });

  it("never writes through a link planted where its cache file goes", () => {
    const copy = copyOfBundle();
    const temp = scratch();
    const folder = join(temp, `b24layout-code-cache-${process.getuid!()}`);
    mkdirSync(folder, { mode: 0o700 });
    const victim = join(temp, "victim.txt");
    writeFileSync(victim, "keep me\n");
    symlinkSync(victim, join(folder, userCacheName(copy)));
    expect(runCopy(copy, temp, temp, version)).toEqual(real);
    expect(readFileSync(victim, "utf8")).toBe("keep me\n");
    expect(lstatSync(join(folder, userCacheName(copy))).isFile()).toBe(true);
  });
});

/** The executable without its built cache, in a folder of its own (a test may plant files there). */
function copyOfBundle(): string {
  const copy = scratch();
  for (const f of ["cli.js", "cli.cjs", "b24layout.cjs"]) writeFileSync(join(copy, f), readFileSync(join(built.dir, f)));
  return copy;
}

/** The name of the user cache of the bundle in `copy` (run without Node flags). */
function userCacheName(copy: string): string {
  return `${createHash("sha256").update(readFileSync(join(copy, "b24layout.cjs"))).digest("hex").slice(0, 32)}-${process.version}-${process.arch}.cache`;
}

function runCopy(copy: string, cwd: string, temp: string, args: readonly string[]): CliRun {
  const r = spawnSync(process.execPath, [join(copy, "cli.js"), ...args], { cwd, encoding: "utf8", env: { PATH: process.env["PATH"] ?? "", TMPDIR: temp } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe.concurrent("build", () => {
  it("writes one <name>.<kind>.json per declaration, with exact JSON", async () => {
    const dir = scratch({ "a.b24layout": BADGE, "b.b24layout": BLOCKS });
    const r = await run(dir, ["build", "a.b24layout", "b.b24layout", "--out-dir", "out"]);
    expect(r).toMatchObject({ code: 0, stdout: "" });
    expect(r.stderr).toBe("✔ built 2 files in out\n");
    expect(readdirSync(join(dir, "out")).sort()).toEqual([".b24layout-manifest.json", "extra.blocks.json", "missedCall.badge.json"]);
    expect(readFileSync(join(dir, "out/missedCall.badge.json"), "utf8")).toBe(BADGE_JSON);
    expect(readFileSync(join(dir, "out/extra.blocks.json"), "utf8")).toBe(BLOCKS_JSON);
  });

  it("writes to dist/b24layout by default, creating it", async () => {
    const dir = scratch({ "a.b24layout": BADGE });
    const r = await run(dir, ["build", "a.b24layout"]);
    expect(r.code).toBe(0);
    expect(readFileSync(join(dir, "dist/b24layout/missedCall.badge.json"), "utf8")).toBe(BADGE_JSON);
  });

  it("leaves files with unchanged content untouched", async () => {
    const dir = scratch({ "a.b24layout": BADGE, "out/missedCall.badge.json": BADGE_JSON });
    const before = statSync(join(dir, "out/missedCall.badge.json")).mtimeMs;
    const r = await run(dir, ["build", "a.b24layout", "-o", "out"]);
    expect(r.stderr).toBe("✔ built 1 file in out (1 unchanged)\n");
    expect(statSync(join(dir, "out/missedCall.badge.json")).mtimeMs).toBe(before);
  });

  it("writes nothing when any file has an error, and leaves existing outputs alone", async () => {
    const dir = scratch({ "a.b24layout": BADGE, "bad.b24layout": WITH_ERROR, "out/missedCall.badge.json": "old\n" });
    const r = await run(dir, ["build", "a.b24layout", "bad.b24layout", "--out-dir", "out"]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe("");
    expect(findingLines(r.stderr)).toEqual([expect.stringMatching(/^bad\.b24layout:6:5 error collection-limit \S/)]);
    expect(r.stderr).toContain("✖ 1 problem (1 error, 0 warnings) in 1 file\nNothing was written.\n");
    expect(readdirSync(join(dir, "out"))).toEqual(["missedCall.badge.json"]);
    expect(readFileSync(join(dir, "out/missedCall.badge.json"), "utf8")).toBe("old\n");
  });

  it("prints warnings to stderr but still builds", async () => {
    const dir = scratch({ "w.b24layout": WITH_WARNING });
    const r = await run(dir, ["build", "w.b24layout", "-o", "out"]);
    expect(r.code).toBe(0);
    expect(findingLines(r.stderr)).toEqual([expect.stringMatching(/^w\.b24layout:2:8 warning unknown-code \S/)]);
    expect(r.stderr).toContain("⚠ 1 problem (0 errors, 1 warning) in 1 file\n✔ built 1 file in out\n");
    expect(existsSync(join(dir, "out/custom.layout.json"))).toBe(true);
  });

  it("refuses two declarations from different files that write the same file, at each of them, as check does", async () => {
    const dir = scratch({ "one.b24layout": BADGE, "two.b24layout": `\n${BADGE}` });
    const r = await run(dir, ["build", "one.b24layout", "two.b24layout", "-o", "out"]);
    expect(r.code).toBe(1);
    const reported = [
      "one.b24layout:1:7 error output-name 'missedCall' is also the badge declared in two.b24layout: both would be written to 'missedCall.badge.json'. Give each declaration its own name.",
      "two.b24layout:2:7 error output-name 'missedCall' is also the badge declared in one.b24layout: both would be written to 'missedCall.badge.json'. Give each declaration its own name.",
    ];
    expect(findingLines(r.stderr)).toEqual(reported);
    expect(r.stderr).toContain("✖ 2 problems (2 errors, 0 warnings) in 2 files\nNothing was written.\n");
    expect(existsSync(join(dir, "out"))).toBe(false);
    const checked = await run(dir, ["check", "one.b24layout", "two.b24layout"]);
    expect(checked.code).toBe(1);
    expect(findingLines(checked.stdout)).toEqual(reported);
  });

  it("--stdout prints every payload keyed by name and writes nothing; __proto__ survives", async () => {
    const dir = scratch({ "a.b24layout": BADGE, "p.b24layout": `badge __proto__ success { title "T"; value "V" }\n${BLOCKS}` });
    const r = await run(dir, ["build", "a.b24layout", "p.b24layout", "--stdout"]);
    expect(r).toMatchObject({ code: 0, stderr: "" });
    expect(r.stdout.endsWith("}\n")).toBe(true);
    expect(r.stdout).toContain('\n  "__proto__": {\n    "code": "__proto__",');
    const parsed = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(Object.keys(parsed)).toEqual(["missedCall", "__proto__", "extra"]);
    expect(Object.getOwnPropertyDescriptor(parsed, "__proto__")?.value).toEqual({ code: "__proto__", title: "T", value: "V", type: "success" });
    expect(r.stdout).toBe(`{\n  "missedCall": ${indent(BADGE_JSON)},\n  "__proto__": ${indent(formatJson(JSON.parse('{"code":"__proto__","title":"T","value":"V","type":"success"}') as never))},\n  "extra": ${indent(BLOCKS_JSON)}\n}\n`);
    expect(existsSync(join(dir, "dist"))).toBe(false);
  });

  it("--stdout refuses two declarations with the same name, which check reports in both files", async () => {
    const dir = scratch({ "a.b24layout": BADGE, "b.b24layout": `blocks missedCall { text "x" }\n` });
    const r = await run(dir, ["build", "a.b24layout", "b.b24layout", "--stdout"]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe("");
    const reported = [
      "a.b24layout:1:7 error output-name 'missedCall' is also the name of the blocks declared in b.b24layout: build --stdout would print both under the key 'missedCall'. Give each declaration its own name.",
      "b.b24layout:1:8 error output-name 'missedCall' is also the name of the badge declared in a.b24layout: build --stdout would print both under the key 'missedCall'. Give each declaration its own name.",
    ];
    expect(findingLines(r.stderr)).toEqual(reported);
    expect(r.stderr).toContain("Nothing was written.\n");
    const checked = await run(dir, ["check", "a.b24layout", "b.b24layout", "--format", "json"]);
    expect(checked.code).toBe(1);
    const json = JSON.parse(checked.stdout) as { files: { path: string; diagnostics: { ruleId: string; range: { start: { line: number; column: number } } }[] }[] };
    expect(json.files.map((f) => [f.path, f.diagnostics.map((d) => `${d.range.start.line}:${d.range.start.column} ${d.ruleId}`)])).toEqual([
      ["a.b24layout", ["1:7 output-name"]],
      ["b.b24layout", ["1:8 output-name"]],
    ]);
  });

  it("reports an output directory that cannot be created (exit 2)", async () => {
    const dir = scratch({ "a.b24layout": BADGE, out: "a file" });
    const r = await run(dir, ["build", "a.b24layout", "-o", "out"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^error: cannot write to 'out': /);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});

/** `text` (a formatted JSON value) indented one level, as it appears inside the --stdout object. */
function indent(text: string): string {
  return text.trimEnd().replace(/\n/g, "\n  ");
}

describe.concurrent("check", () => {
  it("prints the findings grouped by file, one row each, then the summary; exit 1 on errors", async () => {
    const dir = scratch({ "src/bad.b24layout": WITH_ERROR, "src/ok.b24layout": BADGE });
    const r = await run(dir, ["check", "src"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe("");
    expect(r.stdout).toMatch(/^src\/bad\.b24layout\n {2}6:5 {2}error {2}\S.* {2}collection-limit\n\n✖ 1 problem \(1 error, 0 warnings\) in 1 file\n$/);
    expect(r.stdout).not.toMatch(ANSI);
  });

  it("--format codeframe prints file:line:col severity rule-id message with the source under it", async () => {
    const dir = scratch({ "src/bad.b24layout": WITH_ERROR, "src/ok.b24layout": BADGE });
    const r = await run(dir, ["check", "src", "--format", "codeframe"]);
    expect(r.code).toBe(1);
    const lines = r.stdout.split("\n");
    expect(lines[0]).toMatch(/^src\/bad\.b24layout:6:5 error collection-limit \S.*$/);
    expect(lines.slice(1, 5)).toEqual(['  5 |     tag primary "b"', '> 6 |     tag secondary "c"', "    |     ^^^^^^^^^^^^^^^^^", "  7 |   }"]);
    expect(r.stdout.endsWith("\n✖ 1 problem (1 error, 0 warnings) in 1 file\n")).toBe(true);
  });

  it("exits 0 with warnings only", async () => {
    const dir = scratch({ "w.b24layout": WITH_WARNING });
    const r = await run(dir, ["check", "w.b24layout"]);
    expect(r.code).toBe(0);
    expect(findingLines(r.stdout)).toEqual([expect.stringMatching(/^w\.b24layout:2:8 warning unknown-code Unknown icon code 'my-custom-icon'/)]);
    expect(r.stdout.endsWith("⚠ 1 problem (0 errors, 1 warning) in 1 file\n")).toBe(true);
  });

  it("says so when everything is clean", async () => {
    const dir = scratch({ "a.b24layout": BADGE, "b.b24layout": BLOCKS });
    expect(await run(dir, ["check", "."])).toEqual({ code: 0, stdout: "✔ 2 files checked, no problems\n", stderr: "" });
  });

  it("expands globs relative to the working directory", async () => {
    const dir = scratch({ "layouts/a.b24layout": BADGE, "layouts/deep/b.b24layout": BLOCKS, "layouts/c.txt": "not a layout" });
    expect((await run(dir, ["check", "layouts/**/*.b24layout"])).stdout).toBe("✔ 2 files checked, no problems\n");
    expect((await run(dir, ["check", "layouts/*.b24layout"])).stdout).toBe("✔ 1 file checked, no problems\n");
  });

  it("prints paths relative to the working directory", async () => {
    const dir = scratch({ "x/bad.b24layout": WITH_ERROR });
    const r = await run(join(dir, "x"), ["check", join(dir, "x/bad.b24layout")]);
    expect(r.stdout.split("\n")[0]).toBe("bad.b24layout");
  });

  describe("colours", () => {
    const dir = () => scratch({ "bad.b24layout": WITH_ERROR });

    it("none when stdout is not a terminal", async () => {
      expect((await run(dir(), ["check", "bad.b24layout"])).stdout).not.toMatch(ANSI);
    });

    it("FORCE_COLOR turns them on", async () => {
      expect((await run(dir(), ["check", "bad.b24layout"], { FORCE_COLOR: "1" })).stdout).toMatch(ANSI);
    });

    it("NO_COLOR wins over FORCE_COLOR", async () => {
      expect((await run(dir(), ["check", "bad.b24layout"], { FORCE_COLOR: "1", NO_COLOR: "1" })).stdout).not.toMatch(ANSI);
    });

    it("--color wins over NO_COLOR", async () => {
      expect((await run(dir(), ["check", "--color", "bad.b24layout"], { NO_COLOR: "1" })).stdout).toMatch(ANSI);
    });
  });
});

describe.concurrent("usage errors exit 2 with a message and no stack trace", () => {
  const cases: [string, string[], Record<string, string>, RegExp][] = [
    ["a missing file", ["check", "nope.b24layout"], {}, /^error: cannot read 'nope\.b24layout': no such file or directory\n$/],
    ["a missing file (build)", ["build", "nope.b24layout"], {}, /^error: cannot read 'nope\.b24layout': no such file or directory\n$/],
    ["no input files", ["check"], {}, /^error: no input files: give files, directories or globs/],
    ["a glob that matches nothing", ["check", "*.nothing"], {}, /^error: no files match '\*\.nothing'\n$/],
    ["a directory without sources", ["check", "empty"], {}, /^error: no \.b24layout files in directory 'empty'\n$/],
    ["an unknown command", ["chek", "a.b24layout"], {}, /^error: unknown command 'chek'\n\(Did you mean check\?\)\n$/],
    ["an unknown option", ["check", "--fixx", "a.b24layout"], {}, /^error: unknown option '--fixx'\n\(Did you mean --fix\?\)\n$/],
    ["an unknown schema kind", ["schema", "layouts"], {}, /^error: unknown schema kind 'layouts'\. Did you mean 'layout'\? Kinds: layout, blocks, badge, activity, card\.\n$/],
  ];

  it.each(cases)("%s", async (_what, args, env, stderr) => {
    const dir = scratch({ "a.b24layout": BADGE });
    mkdirSync(join(dir, "empty"));
    const r = await run(dir, args, env);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(stderr);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it("every problem with the inputs is reported, not only the first", async () => {
    const dir = scratch({ "a.b24layout": BADGE });
    const r = await run(dir, ["check", "a.b24layout", "x.b24layout", "y/*.b24layout"]);
    expect(r).toEqual({ code: 2, stdout: "", stderr: "error: cannot read 'x.b24layout': no such file or directory\nerror: no files match 'y/*.b24layout'\n" });
  });

  it("no command prints the help on stderr", async () => {
    const r = await run(scratch(), []);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("Usage: b24layout [options] [command]");
  });
});

describe.concurrent("schema", () => {
  it.each(SCHEMA_KINDS)("schema %s prints that kind's schema", async (kind) => {
    const r = await run(scratch(), ["schema", kind]);
    expect(r).toEqual({ code: 0, stdout: formatJson(schemaFor(kind)!), stderr: "" });
  });

  it("without a kind prints every schema keyed by kind", async () => {
    const r = await run(scratch(), ["schema"]);
    expect(r.code).toBe(0);
    const all = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(Object.keys(all)).toEqual([...SCHEMA_KINDS]);
    expect(all["badge"]).toEqual(schemaFor("badge"));
  });
});

describe.concurrent("help and version", () => {
  it.each([["--version"], ["-v"]])("%s prints the package version", async (flag) => {
    expect(await run(scratch(), [flag])).toEqual({ code: 0, stdout: `${pkg.version}\n`, stderr: "" });
  });

  it("--help lists the commands and the exit codes", async () => {
    const r = await run(scratch(), ["--help"]);
    expect(r.code).toBe(0);
    for (const text of ["check [options] [paths...]", "build [options] [paths...]", "schema [kind]", "Exit codes: 0"]) expect(r.stdout).toContain(text);
  });

  it.each([
    ["check", "Usage: b24layout check [options] [paths...]"],
    ["build", "--out-dir <dir>"],
    ["schema", "Usage: b24layout schema [options] [kind]"],
  ])("%s --help", async (command, text) => {
    const r = await run(scratch(), [command, "--help"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(text);
  });
});

describe("output pipes", () => {
  it("a reader that closes the pipe early is not an error", () => {
    const dir = scratch({ "a.b24layout": BADGE });
    writeFileSync(join(dir, "many.b24layout"), Array.from({ length: 300 }, (_, i) => `blocks b${i} { text "${"x".repeat(200)}" }\n`).join(""));
    const r = spawnSync("bash", ["-c", `set -o pipefail; "${process.execPath}" "${built.cli}" build --stdout many.b24layout | head -c 11`], { cwd: dir, encoding: "utf8" });
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('{\n  "b0": {');
    expect(r.stderr).toBe("");
  });
});
