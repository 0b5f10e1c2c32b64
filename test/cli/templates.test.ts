/**
 * `b24layout build` with templates, as a user runs it: `--target ts` / `js`, `--params`, and the
 * errors for what cannot be built (positioned, no stack trace, nothing written).
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runBuiltCliSync, useBuiltCli } from "./bundle.js";
import { scratch, findingLines } from "./fixtures.js";

const built = useBuiltCli();

const run = (cwd: string, args: readonly string[]) => runBuiltCliSync(built.cli, cwd, args);

const GREETING = 'blocks greeting(client: string, vip: bool = false) {\n  text "Hello, ${client}"\n  when $vip {\n    text "VIP" bold\n  }\n}\n';

describe("build with templates", () => {
  it("leaves a template without values out of the JSON with a note naming what is missing and both ways out", () => {
    const dir = scratch({ "g.b24layout": GREETING });
    const r = run(dir, ["build", "g.b24layout", "-o", "out"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe("");
    expect(r.stderr).toBe(
      "note: g.b24layout:1:8 'greeting' is a template: without values for 'client' it is not a payload, so no JSON was written for it. Its references give it values; to write it on its own, give them with --params FILE ({ \"greeting\": { … } }), or build it with --target ts for a typed function.\n✔ built 0 files in out\n",
    );
    expect(existsSync(join(dir, "out"))).toBe(false);
  });

  it("renders the template with --params", () => {
    const dir = scratch({ "g.b24layout": GREETING, "p.json": '{ "greeting": { "client": "Ann", "vip": true } }\n' });
    const r = run(dir, ["build", "g.b24layout", "--params", "p.json", "--stdout"]);
    expect(r).toMatchObject({ code: 0, stderr: "" });
    expect(JSON.parse(r.stdout)).toEqual({
      greeting: { blocks: { block_1: { type: "text", properties: { value: "Hello, Ann" } }, block_2: { type: "text", properties: { value: "VIP", bold: true } } } },
    });
  });

  it("reports values that do not fit the parameters", () => {
    const dir = scratch({ "g.b24layout": GREETING, "p.json": '{ "greeting": { "client": 7 } }' });
    const r = run(dir, ["build", "g.b24layout", "--params", "p.json", "--stdout"]);
    expect(r.code).toBe(1);
    expect(findingLines(r.stderr)).toEqual(["g.b24layout:1:8 error template-arguments The values given for 'greeting' do not fit its parameters: 'client' must be string, not 7."]);
  });

  it.each([
    ["invalid JSON, with its position", "{\n  \"greeting\": { client: 1 }\n}\n", /^error: p\.json:2:17: not valid JSON: /],
    ["JSON that is not an object", "[1]", /^error: p\.json: expected an object of parameter values by declaration name/],
  ])("reports a --params file with %s (exit 2, no stack trace)", (_name, text, expected) => {
    const dir = scratch({ "g.b24layout": GREETING, "p.json": text });
    const r = run(dir, ["build", "g.b24layout", "--params", "p.json"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(expected);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it("reports a --params file that does not exist", () => {
    const dir = scratch({ "g.b24layout": GREETING });
    const r = run(dir, ["build", "g.b24layout", "--params", "nope.json"]);
    expect(r).toMatchObject({ code: 2, stderr: "error: cannot read 'nope.json': no such file or directory\n" });
  });

  it.each([
    [["--target", "ts", "--params", "p.json"], "error: --params renders templates to JSON; it does not go with --target ts, whose functions take the values when called\n"],
    [["--target", "js", "--stdout"], "error: --stdout prints JSON; it does not go with --target js\n"],
  ])("refuses %j as a usage error", (args, message) => {
    const dir = scratch({ "g.b24layout": GREETING, "p.json": "{}" });
    const r = run(dir, ["build", "g.b24layout", ...args]);
    expect(r).toMatchObject({ code: 2, stderr: message });
  });

  it("--target ts writes one module per file and the types module", () => {
    const dir = scratch({ "src/g.b24layout": GREETING, "src/other.b24layout": 'blocks plain {\n  text "x"\n}\n' });
    const r = run(dir, ["build", "src", "--target", "ts", "-o", "gen"]);
    expect(r).toMatchObject({ code: 0, stdout: "", stderr: "✔ built 3 files in gen\n" });
    expect(readdirSync(join(dir, "gen")).sort()).toEqual([".b24layout-manifest.json", "b24layout-types.ts", "g.ts", "other.ts"]);
    const g = readFileSync(join(dir, "gen/g.ts"), "utf8");
    expect(g).toContain("export function greeting(p: GreetingParams): RestAppLayoutDto {");
    expect(readFileSync(join(dir, "gen/other.ts"), "utf8")).toContain("export function plain(): RestAppLayoutDto {");
  });

  it("--target js writes JavaScript that runs, with .d.ts files", async () => {
    const dir = scratch({ "g.b24layout": GREETING, "package.json": '{ "type": "module" }\n' });
    const r = run(dir, ["build", "g.b24layout", "--target", "js", "-o", "gen"]);
    expect(r.code).toBe(0);
    expect(readdirSync(join(dir, "gen")).sort()).toEqual([".b24layout-manifest.json", "b24layout-types.d.ts", "g.d.ts", "g.js"]);
    expect(readFileSync(join(dir, "gen/g.d.ts"), "utf8")).toContain("export declare function greeting(p: GreetingParams): RestAppLayoutDto;");
    const mod = (await import(join(dir, "gen/g.js"))) as { greeting(p: { client: string }): unknown };
    expect(mod.greeting({ client: "Bo" })).toEqual({ blocks: { block_1: { type: "text", properties: { value: "Hello, Bo" } } } });
  });

  it("--target ts refuses two declarations that would be the same function, at the second, as check does", () => {
    const dir = scratch({ "c.b24layout": 'blocks call-row {\n  text "a"\n}\nblocks callRow {\n  text "b"\n}\n' });
    const message = "c.b24layout:4:8 error output-name 'callRow' and the blocks 'call-row' would both be the function 'callRow' of the TypeScript module. Rename one of them.";
    const r = run(dir, ["build", "c.b24layout", "--target", "ts", "-o", "gen"]);
    expect(r.code).toBe(1);
    expect(findingLines(r.stderr)).toEqual([message]);
    expect(r.stderr).toContain("Nothing was written.\n");
    expect(existsSync(join(dir, "gen"))).toBe(false);
    const checked = run(dir, ["check", "c.b24layout"]);
    expect(checked.code).toBe(1);
    expect(findingLines(checked.stdout)).toEqual([message]);
    // The other declaration is a related location: a line under the finding says where it is.
    expect(r.stderr).toMatch(/\n +the blocks 'call-row' at c\.b24layout:1:8\n/);
    expect(checked.stdout).toMatch(/\n +the blocks 'call-row' at c\.b24layout:1:8\n/);
  });

});

describe("check and build with imports", () => {
  const COMMON = 'translations {\n  en { client "Client" }\n}\nfragment clientInfo(name: string) {\n  client: withTitle @client inline { text "${name}" }\n}\n';

  it("resolves imports from the disk, relative to the file, inside the project root", () => {
    const dir = scratch({
      "package.json": "{}\n",
      "shared/common.b24layout": COMMON,
      "src/call.b24layout": 'import { clientInfo } from "../shared/common.b24layout"\nblocks call {\n  use clientInfo { name: "Ann" }\n}\n',
    });
    expect(run(dir, ["check", "src"])).toMatchObject({ code: 0, stdout: "✔ 1 file checked, no problems\n" });
    const r = run(dir, ["build", "src", "--stdout"]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({
      call: { blocks: { client: { type: "withTitle", properties: { title: { en: "Client" }, block: { type: "text", properties: { value: "Ann" } }, inline: true } } } },
    });
  });

  it("reports a missing file and a path outside the project root at the import", () => {
    const dir = scratch({
      "p/package.json": "{}\n",
      "p/a.b24layout": 'import { f } from "./nope.b24layout"\nimport { g } from "../outside.b24layout"\nblocks a {\n  text "x"\n}\n',
      "outside.b24layout": 'fragment g {\n  text "y"\n}\n',
    });
    const r = run(join(dir, "p"), ["check", "a.b24layout"]);
    expect(r.code).toBe(1);
    expect(findingLines(r.stdout)).toEqual([
      "a.b24layout:1:19 error unresolved-import Cannot find './nope.b24layout' (looked for nope.b24layout).",
      "a.b24layout:2:19 error unresolved-import '../outside.b24layout' is outside the project root: imports cannot reach outside it.",
    ]);
  });
});
