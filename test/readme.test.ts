import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ALL_RULES, check, checkProject, compile } from "../src/index.js";
import { severitySummary } from "../src/check/rule-docs.js";

const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");

describe("README", () => {
  it("lists every rule with its severities (the default first) and description", () => {
    const rows = readme.split("\n").filter((l) => /^\| `[a-z-]+` \|/.test(l));
    const expected = ALL_RULES.map((r) => `| \`${r.meta.id}\` | ${severitySummary(r.meta)} | ${r.meta.description.replace(/\|/g, "\\|")} |`);
    expect(rows).toEqual(expected);
  });

  it("has a template example that checks with only its run-time limit warning, and renders with the --params values shown", () => {
    const section = readme.slice(readme.indexOf("## Templates"));
    const code = /```\n([\s\S]*?)```/.exec(section)![1]!;
    expect(check(code).diagnostics.map((d) => d.ruleId)).toEqual(["runtime-limit"]);
    const params = JSON.parse(/echo '(.*)' > call\.params\.json/.exec(section)![1]!) as Record<string, unknown>;
    const compiled = compile(code, { params });
    expect(compiled.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(compiled.outputs.map((o) => o.name)).toEqual(["incomingCall"]);
  });

  it("has an import example whose two files check clean together", () => {
    const section = readme.slice(readme.indexOf("**Fragments and imports.**"));
    const [shared, call] = [...section.matchAll(/```\n\/\/ (\S+)\n([\s\S]*?)```/g)].slice(0, 2).map((m) => ({ path: `/project/${m[1]!}`, text: m[2]! }));
    expect([shared!.path, call!.path]).toEqual(["/project/shared/common.b24layout", "/project/src/call.b24layout"]);
    const host = { root: "/project", readFile: (p: string) => (p === shared!.path ? shared!.text : undefined) };
    expect(check(call!.text, { file: call!.path, host }).diagnostics).toEqual([]);
    expect(check(shared!.text).diagnostics).toEqual([]);
  });

  it("has a layout import example whose two files check clean together and render the layout into the activity", () => {
    const section = readme.slice(readme.indexOf("**Layouts from another file.**"));
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

  it("opens with the two set-up commands CI runs", () => {
    const ci = readFileSync(new URL("../.ci/run", import.meta.url), "utf8");
    expect(readme).toMatch(/npm ci && npx b24layout build examples/);
    expect(ci).toMatch(/npx b24layout build examples/);
    expect(ci).toMatch(/npm test/);
  });
});

describe("README formatting example", () => {
  it("formats the 'before' into the 'after'", async () => {
    const { formatText } = await import("../src/format/index.js");
    const section = readme.slice(readme.indexOf("## Formatting"));
    const [before, after] = [...section.matchAll(/```\n\/\/ (?:before|after)\n([\s\S]*?)```/g)].map((m) => m[1]!);
    expect(before).toBeDefined();
    expect(await formatText(before!)).toEqual({ ok: true, text: after!, changed: true });
  });
});

describe("README import example", () => {
  it("shows what b24layout import prints for the corpus example", async () => {
    const { formatImportDiagnostic, importJson } = await import("../src/import/index.js");
    const { formatText } = await import("../src/format/index.js");
    const section = readme.slice(readme.indexOf("## Importing"));
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
