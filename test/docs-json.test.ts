/** docs/json.md: its example payload gives the findings shown, and its config reads as it says. */
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { checkJson, PAYLOAD_KINDS } from "../src/index.js";
import { isIncluded, isIgnored, parseConfig, payloadKindFor, checkOptionsFor } from "../src/config/index.js";

const ROOT = resolve(import.meta.dirname, "..");
const page = readFileSync(join(ROOT, "docs", "json.md"), "utf8");

describe("docs/json.md", () => {
  it("shows the findings its call.json gives, at their lines and columns", () => {
    const payload = /for this `call\.json`:\n\n```json\n([\s\S]*?)```/.exec(page)![1]!;
    const shown = /```text\n\$ b24layout check call\.json --format unix\n([\s\S]*?)\n\n\d+ problems\n```/.exec(page)![1]!.split("\n");
    const { kind, diagnostics } = checkJson(payload, { fileName: "call.json" });
    expect(kind).toBe("layout");
    expect(diagnostics.map((d) => `call.json:${d.range.start.line}:${d.range.start.column}: ${d.message} [${d.severity === "error" ? "Error" : "Warning"}/${d.ruleId}]`)).toEqual(shown);
  });

  it("lists every kind in its table", () => {
    const table = page.slice(page.indexOf("| kind | the JSON is |"), page.indexOf("A REST response's envelope"));
    expect([...table.matchAll(/^\| `(\w+)` \|/gm)].map((m) => m[1])).toEqual([...PAYLOAD_KINDS]);
  });

  it("has a config that reads as the page says", () => {
    const text = /```json\n(\{\n {2}"\$schema"[\s\S]*?)```/.exec(page)![1]!;
    const config = parseConfig(text, "b24layout.config.json", "/project");
    expect(isIncluded(config, "payloads/calls/missed.json")).toBe(true);
    expect(isIncluded(config, "fixtures/a/b.jsonc")).toBe(true);
    expect(isIncluded(config, "package.json")).toBe(false);
    expect(isIgnored(config, "payloads/drafts/x.json")).toBe(true);
    expect(payloadKindFor(config, "payloads/badges/missed.json")).toBe("badge");
    expect(payloadKindFor(config, "payloads/calls/missed.json")).toBeUndefined();
    expect(checkOptionsFor(config, "fixtures/x.jsonc").severities?.["string-boolean"]).toBe("off");
  });
});
