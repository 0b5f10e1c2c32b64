/** `b24layout check --print-config FILE`, through the built executable. */
import { describe, expect, it } from "vitest";
import { ALL_RULES } from "../../src/index.js";
import { runBuiltCli, useBuiltCli } from "./bundle.js";
import { scratch } from "./fixtures.js";

const built = useBuiltCli();
const run = (cwd: string, args: readonly string[]) => runBuiltCli(built.cli, cwd, args);

interface Printed {
  file: string;
  config: string | null;
  ignored: boolean;
  target: string;
  rules: Record<string, { severity: string; from: string; options?: Record<string, unknown>; messages?: Record<string, string> }>;
}

const CONFIG = JSON.stringify({
  rules: { "unknown-code": "error", "string-boolean": "warn", "unknown-badge-code": ["warn", { externalBadges: ["fromCrm"] }] },
  overrides: [
    { files: ["legacy/**"], rules: { "unknown-code": "off" } },
    { files: ["legacy/old/**"], rules: { "unknown-code": "warn" } },
  ],
  ignore: ["vendor/**"],
  languages: ["en", "de"],
  target: "docs",
});

describe("check --print-config", () => {
  it("prints every rule with the severity it has for the file and where that comes from, the last matching override winning", async () => {
    const dir = scratch({ "package.json": "{}\n", "b24layout.config.json": CONFIG });
    const printed = async (file: string) => {
      const r = await run(dir, ["check", "--print-config", file]);
      expect(r).toMatchObject({ code: 0, stderr: "" });
      return JSON.parse(r.stdout) as Printed;
    };
    const plain = await printed("src/a.b24layout");
    expect(plain).toMatchObject({ file: "src/a.b24layout", config: "b24layout.config.json", ignored: false, target: "docs" });
    expect(Object.keys(plain.rules)).toEqual(ALL_RULES.filter((r) => r.meta.appliesTo?.includes("b24layout") ?? true).map((r) => r.meta.id));
    expect(plain.rules["payload-kind"]).toBeUndefined();
    expect(plain).not.toHaveProperty("payload");
    expect(plain.rules["unknown-code"]).toEqual({ severity: "error", from: "rules", options: { icons: [], logos: [] } });
    expect(plain.rules["string-boolean"]).toEqual({ severity: "warning", from: "rules" });
    expect(plain.rules["unknown-badge-code"]).toEqual({ severity: "warning", from: "rules", options: { externalBadges: ["fromCrm"] } });
    expect(plain.rules["missing-translation"]).toMatchObject({ from: "default", options: { languages: ["en", "de"] } });
    expect(plain.rules["unknown-property"]).toEqual({ severity: "error", from: "default", messages: { unknownKeyIgnored: "warning", unknownKeyIgnoredSuggest: "warning" } });
    // The config's "target": "docs" reports what only the server refuses not at all, and what only the docs forbid as an error.
    expect(plain.rules["required-field"]).toEqual({ severity: "error", from: "default", messages: { missingServerOnly: "off" } });
    expect((await printed("legacy/a.b24layout")).rules["unknown-code"]).toMatchObject({ severity: "off", from: "overrides[0]" });
    expect((await printed("legacy/old/a.b24layout")).rules["unknown-code"]).toMatchObject({ severity: "warning", from: "overrides[1]" });
    expect(await printed("vendor/x.b24layout")).toMatchObject({ ignored: true });
  });

  it("says no config applies where there is none, and takes --config; paths with it are a usage error", async () => {
    const dir = scratch({ "package.json": "{}\n", "strict.json": '{ "rules": { "value-range": "warn" } }' });
    const none = JSON.parse((await run(dir, ["check", "--print-config", "a.b24layout"])).stdout) as Printed;
    expect(none).toMatchObject({ config: null, ignored: false, target: "server" });
    expect(none.rules["value-range"]).toEqual({ severity: "error", from: "default" });
    expect(none.rules["required-field"]).toEqual({ severity: "error", from: "default", messages: { missingDocsOnly: "warning", missingVariantDocsOnly: "warning" } });
    expect(Object.values(none.rules).map((r) => r.severity).filter((s) => !["error", "warning", "off"].includes(s))).toEqual([]);
    const named = JSON.parse((await run(dir, ["check", "--print-config", "a.b24layout", "--config", "strict.json"])).stdout) as Printed;
    expect(named).toMatchObject({ config: "strict.json" });
    expect(named.rules["value-range"]).toEqual({ severity: "warning", from: "rules" });
    expect(await run(dir, ["check", "--print-config", "a.b24layout", "b.b24layout"])).toMatchObject({ code: 2, stdout: "", stderr: expect.stringContaining("--print-config prints the settings of the one file it names") as unknown });
  });

  it("for a JSON payload: whether the config's include takes it, the kind an override gives it, and only the rules that check payloads", async () => {
    const config = { include: ["payloads/**/*.json"], overrides: [{ files: ["payloads/badges/*.json"], kind: "badge" }] };
    const dir = scratch({ "package.json": "{}\n", "b24layout.config.json": JSON.stringify(config) });
    const printed = async (file: string) => JSON.parse((await run(dir, ["check", "--print-config", file])).stdout) as Printed & { payload?: unknown };
    const badge = await printed("payloads/badges/missed.json");
    expect(badge).toMatchObject({ file: "payloads/badges/missed.json", payload: { included: true, kind: "badge" } });
    expect(Object.keys(badge.rules)).toEqual(ALL_RULES.filter((r) => r.meta.appliesTo?.includes("json") ?? true).map((r) => r.meta.id));
    expect(badge.rules["payload-kind"]).toEqual({ severity: "error", from: "default" });
    expect(badge.rules["missing-translation"]).toBeUndefined();
    expect((await printed("other/x.json")).payload).toEqual({ included: false, kind: null });
  });
});
