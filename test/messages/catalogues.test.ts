/**
 * The message catalogues (src/messages) are owned by their rules and used by their reporters: each
 * belongs to a registered rule, whose meta takes its id and messages from it; and every message of
 * a catalogue is reported somewhere in src/ (a file that reports through the catalogue, or the
 * rule itself, or a file that reports through the rule's meta, names the message id), so a rule
 * whose checks live in the lowering cannot keep a message nothing reports.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { ALL_RULES } from "../../src/check/rules/index.js";
import * as catalogues from "../../src/messages/index.js";
import type { RuleMessages } from "../../src/messages/catalogue.js";

const ROOT = resolve(import.meta.dirname, "../..");
const SRC = join(ROOT, "src");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sourceFiles(join(dir, e.name)) : e.name.endsWith(".ts") ? [join(dir, e.name)] : []));
}

const SOURCES = sourceFiles(SRC)
  .filter((f) => !relative(SRC, f).startsWith("messages"))
  .map((f) => ({ path: relative(ROOT, f), text: readFileSync(f, "utf8") }));

const CATALOGUES: [string, RuleMessages][] = Object.entries(catalogues).flatMap(([name, value]): [string, RuleMessages][] =>
  typeof value === "object" && "ruleId" in value ? [[name, value]] : [],
);

/**
 * Where message `id` of `ruleId` is reported: files that report through its catalogue `name`, its
 * rule module, or a module its rule takes messages from (`...ENTITY_WORD_MESSAGES`), naming the id.
 */
function reporters(name: string | undefined, ruleId: string, id: string): string[] {
  const ruleFile = SOURCES.find((s) => s.path === `src/check/rules/${ruleId}.ts`)!;
  const shared = [...ruleFile.text.matchAll(/\.\.\.([A-Z_]+_MESSAGES)\b/g)].map((m) => m[1]!);
  const base = id.endsWith("Suggest") ? id.slice(0, -"Suggest".length) : undefined;
  return SOURCES.filter(({ path, text }) => {
    const owner =
      path === ruleFile.path ||
      (name !== undefined && text.includes(name)) ||
      text.includes(`rules/${ruleId}.js"`) ||
      shared.some((m) => text.includes(`export const ${m}`)) ||
      // unknown-property's unknown-key messages, picked by the model for the lowering and the rule.
      (ruleId === "unknown-property" && text.includes("UnknownKeyReport"));
    if (!owner) return false;
    if (text.includes(`"${id}"`)) return true;
    // `${base}Suggest`, `${…}${suggestion ? "Suggest" : ""}`: a did-you-mean variant, built from its base id.
    return base !== undefined && text.includes(`"${base}"`) && /`\$\{\w+\}Suggest`|\? "Suggest" : ""/.test(text);
  }).map((s) => s.path);
}

describe("message catalogues", () => {
  it("are found (one per rule reported on outside its check)", () => {
    expect(CATALOGUES.map(([name]) => name).sort()).toEqual([
      "INVALID_ARGUMENT",
      "LOOK_ALIKE",
      "PAYLOAD_KIND",
      "RAW_JSON",
      "TEMPLATE_ARGUMENTS",
      "TEMPLATE_STRUCTURE",
      "TEMPLATE_TYPE",
      "UNKNOWN_PARAMETER",
      "UNKNOWN_PROPERTY",
      "UNRESOLVED_IMPORT",
    ]);
  });

  it.each(CATALOGUES)("%s belongs to a registered rule, whose messages are the catalogue's", (_name, catalogue) => {
    const rule = ALL_RULES.find((r) => r.meta.id === catalogue.ruleId);
    expect(rule?.meta.messages).toBe(catalogue.messages);
  });

  const messages = CATALOGUES.flatMap(([name, c]) => Object.keys(c.messages).map((id) => [name, c.ruleId, id] as const));
  it.each(messages)("%s (%s): message %s is reported somewhere in src/", (name, ruleId, id) => {
    expect(reporters(name, ruleId, id), `${ruleId}/${id}`).not.toEqual([]);
  });
});

/** Rules whose message ids are put together from parts, and so are not written whole (checked by the rule's own tests). */
const COMPOSED_IDS: Readonly<Record<string, readonly string[]>> = {
  "collection-limit": ["tooMany", "tooManyConditional", "tooManyServerOnly", "tooManyConditionalServerOnly"],
};

describe("every rule's messages", () => {
  const all = ALL_RULES.flatMap((r) => Object.keys(r.meta.messages).map((id) => [r.meta.id, id] as const)).filter(([rule, id]) => !COMPOSED_IDS[rule]?.includes(id));
  it.each(all)("%s: message %s is reported somewhere in src/", (ruleId, id) => {
    const catalogue = CATALOGUES.find(([, c]) => c.ruleId === ruleId);
    expect(reporters(catalogue?.[0], ruleId, id), `${ruleId}/${id}`).not.toEqual([]);
  });
});
