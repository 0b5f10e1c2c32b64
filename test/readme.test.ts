import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ALL_RULES, check, compile } from "../src/index.js";

const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");

describe("README", () => {
  it("lists every rule with its default severity and description", () => {
    const rows = readme.split("\n").filter((l) => /^\| `[a-z-]+` \|/.test(l));
    const expected = ALL_RULES.map((r) => `| \`${r.meta.id}\` | ${r.meta.severity} | ${r.meta.description.replace(/\|/g, "\\|")} |`);
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

  it("opens with the two set-up commands CI runs", () => {
    const ci = readFileSync(new URL("../.ci/run", import.meta.url), "utf8");
    expect(readme).toMatch(/npm ci && npx b24layout build examples/);
    expect(ci).toMatch(/npx b24layout build examples/);
    expect(ci).toMatch(/npm test/);
  });
});
