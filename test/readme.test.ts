/**
 * The README and the docs/*.md pages it links to: every snippet in them is run here (or, for
 * the install of the packed package, by scripts/pack-test.mjs), and every relative link resolves.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { check, checkProject, compile } from "../src/index.js";

const ROOT = resolve(import.meta.dirname, "..");
const readme = readFileSync(join(ROOT, "README.md"), "utf8");
const doc = (name: string) => readFileSync(join(ROOT, "docs", name), "utf8");
const templates = doc("templates.md");

describe("README", () => {
  it("stays short: under 12 KB", () => {
    expect(Buffer.byteLength(readme)).toBeLessThan(12 * 1024);
  });

  it("has relative links, in it and in docs/*.md, that all resolve", () => {
    const pages = ["README.md", ...readdirSync(join(ROOT, "docs")).filter((f) => f.endsWith(".md")).map((f) => `docs/${f}`)];
    const broken: string[] = [];
    for (const page of pages) {
      const text = readFileSync(join(ROOT, page), "utf8").replace(/```[\s\S]*?```/g, "");
      for (const [, target] of text.matchAll(/\]\(([^)\s#]+)(?:#[^)\s]*)?\)/g)) {
        if (/^[a-z]+:/.test(target!)) continue;
        const path = join(dirname(join(ROOT, page)), target!);
        if (!existsSync(path)) broken.push(`${page}: ${target!}`);
      }
    }
    expect(broken).toEqual([]);
  });

  it("walks through a first layout with the real CLI: it checks clean, the mistake prints the report shown, it builds the JSON shown and previews", async () => {
    const { runMain, scratch } = await import("./cli/fixtures.js");
    const section = readme.slice(readme.indexOf("## Your first layout"), readme.indexOf("## Use it in your app"));
    const source = /```\n(\/\/ hello\.b24layout\n[\s\S]*?)```/.exec(section)![1]!;
    const dir = scratch({ "hello.b24layout": source });
    const commands = [...section.matchAll(/`npx b24layout ([^`]+)`/g)].map((m) => m[1]!);
    expect(commands.slice(0, 3)).toEqual(["check hello.b24layout", "build hello.b24layout --out-dir out", "preview hello.b24layout -o preview.html"]);
    const clean = await runMain(dir, ["check", "hello.b24layout"]);
    expect(section).toContain(`\`npx b24layout check hello.b24layout\` prints \`${clean.stdout.trim()}\``);
    expect(clean).toEqual({ code: 0, stdout: "✔ 1 file checked, no problems\n", stderr: "" });
    const mistake = scratch({ "hello.b24layout": source.replace("color base_70", "color base_07") });
    const shown = /```text\n\$ npx b24layout (check hello\.b24layout)\n([\s\S]*?)```/.exec(section)!;
    const found = await runMain(mistake, shown[1]!.split(" "));
    expect(found).toEqual({ code: 1, stdout: shown[2]!, stderr: "" });
    const built = await runMain(dir, commands[1]!.split(" "));
    expect(built.code).toBe(0);
    const json = JSON.parse(/```json\n([\s\S]*?)```/.exec(section)![1]!) as unknown;
    expect(JSON.parse(readFileSync(join(dir, "out", "hello.layout.json"), "utf8"))).toEqual(json);
    expect(readdirSync(join(dir, "out")).filter((f) => !f.startsWith("."))).toEqual(["hello.layout.json"]);
    const previewed = await runMain(dir, commands[2]!.split(" "));
    expect(previewed.code).toBe(0);
    expect(readFileSync(join(dir, "preview.html"), "utf8")).toContain("Müller GmbH");
  });

  it("has a template example that checks clean (its list has a max), and renders with the --params values shown", () => {
    const section = templates;
    const code = /```\n([\s\S]*?)```/.exec(section)![1]!;
    expect(check(code).diagnostics).toEqual([]);
    expect(check(code.replace("[max 9]", "[max 10]")).diagnostics.map((d) => `${d.ruleId} ${d.severity}`)).toEqual(["runtime-limit error"]);
    const params = JSON.parse(/echo '(.*)' > call\.params\.json/.exec(section)![1]!) as Record<string, unknown>;
    const compiled = compile(code, { params });
    expect(compiled.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(compiled.outputs.map((o) => o.name)).toEqual(["incomingCall"]);
  });

  it("has an import example whose two files check clean together", () => {
    const section = templates.slice(templates.indexOf("**Fragments and imports.**"));
    const [shared, call] = [...section.matchAll(/```\n\/\/ (\S+)\n([\s\S]*?)```/g)].slice(0, 2).map((m) => ({ path: `/project/${m[1]!}`, text: m[2]! }));
    expect([shared!.path, call!.path]).toEqual(["/project/shared/common.b24layout", "/project/src/call.b24layout"]);
    const host = { root: "/project", readFile: (p: string) => (p === shared!.path ? shared!.text : undefined) };
    expect(check(call!.text, { file: call!.path, host }).diagnostics).toEqual([]);
    expect(check(shared!.text).diagnostics).toEqual([]);
  });

  it("has a layout import example whose two files check clean together and render the layout into the activity", () => {
    const section = templates.slice(templates.indexOf("**Layouts from another file.**"));
    const [layouts, reminders] = [...section.matchAll(/```\n\/\/ (\S+)\n([\s\S]*?)```/g)].slice(0, 2).map((m) => ({ path: `/project/${m[1]!}`, text: m[2]! }));
    expect([layouts!.path, reminders!.path]).toEqual(["/project/shared/layouts.b24layout", "/project/src/reminders.b24layout"]);
    const host = { root: "/project", readFile: (p: string) => (p === layouts!.path ? layouts!.text : undefined) };
    const results = checkProject([reminders!, layouts!], { host });
    expect(results.flatMap((r) => r.diagnostics)).toEqual([]);
    const compiled = compile(reminders!.text, { file: reminders!.path, host, params: { callBack: { deal: 42 } } });
    expect(JSON.stringify(compiled.outputs[0]!.value)).toContain('"uri":"/crm/deal/details/42/"');
    // Alone, the layouts' file is not among the files checked.
    expect(checkProject([reminders!], { host })[0]!.diagnostics.map((d) => d.ruleId)).toEqual(["unlisted-import"]);
  });

  it("has a first command, `npx b24layout build examples`, that prints nothing but what it built (no warning, no note)", async () => {
    const { runMain, scratch } = await import("./cli/fixtures.js");
    const out = scratch();
    const examples = await runMain(ROOT, ["build", "examples", "--out-dir", out]);
    expect(examples).toEqual({ code: 0, stdout: "", stderr: `✔ built ${readdirSync(out).filter((f) => f.endsWith(".json") && !f.startsWith(".")).length} files in ${out}\n` });
    // The template app too, built as its README says (to TypeScript).
    const templates = await runMain(ROOT, ["build", "templates", "--target", "ts", "--out-dir", join(out, "ts")]);
    expect(templates).toEqual({ code: 0, stdout: "", stderr: `✔ built 2 files in ${join(out, "ts")}\n` });
  });

  it("opens with the two set-up commands CI runs", () => {
    const ci = readFileSync(new URL("../.ci/run", import.meta.url), "utf8");
    expect(readme).toMatch(/npm ci && npx b24layout build examples/);
    expect(ci).toMatch(/npx b24layout build examples/);
    expect(ci).toMatch(/npm test/);
  });
});

describe("docs/formatting.md example", () => {
  it("formats the 'before' into the 'after'", async () => {
    const { formatText } = await import("../src/format/index.js");
    const section = doc("formatting.md");
    const [before, after] = [...section.matchAll(/```\n\/\/ (?:before|after)\n([\s\S]*?)```/g)].map((m) => m[1]!);
    expect(before).toBeDefined();
    expect(await formatText(before!)).toEqual({ ok: true, text: after!, changed: true });
  });
});

describe("docs/import.md example", () => {
  it("shows what b24layout import prints for the corpus example", async () => {
    const { formatImportDiagnostic, importJson } = await import("../src/import/index.js");
    const { formatText } = await import("../src/format/index.js");
    const section = doc("import.md");
    const shown = /```sh\n\$ npx b24layout import (\S+)\n([\s\S]*?)\n {2}…\n```/.exec(section)!;
    const file = shown[1]!;
    const result = importJson(readFileSync(new URL(`../${file}`, import.meta.url), "utf8"), { fileName: file.replace(/^.*\//, "") });
    const formatted = await formatText(result.text!);
    expect(formatted.ok).toBe(true);
    const printed = [...result.diagnostics.map((d) => `warning: ${formatImportDiagnostic(d, file)}`), ...(formatted.ok ? formatted.text.split("\n") : [])];
    const lines = shown[2]!.split("\n");
    expect(printed.slice(0, lines.length)).toEqual(lines);
  });
});

describe("docs/cli.md", () => {
  const cliDoc = readFileSync(new URL("../docs/cli.md", import.meta.url), "utf8");

  it("prints what every sample shows, run in a project holding the sample's file", async () => {
    const { runMain, scratch } = await import("./cli/fixtures.js");
    const fixture = /```b24layout\n\/\/ (\S+)\n([\s\S]*?)```/.exec(cliDoc)!;
    const samples = [...cliDoc.matchAll(/```text\n\$ b24layout (.*)\n([\s\S]*?)```/g)].map((m) => ({ args: m[1]!.split(" "), shown: m[2]! }));
    expect(samples.map((s) => s.args.join(" "))).toEqual([
      "init",
      "check layouts",
      "check layouts --code-frame",
      "check layouts --format codeframe",
      "check layouts --format compact",
      "check layouts --format unix",
    ]);
    for (const { args, shown } of samples) {
      const dir = scratch({ "package.json": "{}\n", ...(args[0] === "init" ? {} : { [fixture[1]!]: fixture[2]! }) });
      const r = await runMain(dir, args);
      expect(r.stdout).toBe(shown);
    }
  });

  it("documents every command and every report format", async () => {
    const { FORMATS } = await import("../src/cli/formats.js");
    for (const command of ["init", "check", "build", "fmt", "import", "lsp", "schema"]) expect(cliDoc).toMatch(new RegExp(`^#+ .*\`${command}\`$`, "m"));
    for (const format of FORMATS) expect(cliDoc).toMatch(new RegExp(`\`(--format )?${format}\``));
  });
});
