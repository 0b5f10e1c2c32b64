/** docs/rules/ is generated from the rules' metadata and must stay equal to it (npm run docs). */
import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { ALL_RULES } from "../src/index.js";
import { RULE_DOCS_DIR, ruleDoc, ruleIndex } from "../src/check/rule-docs.js";

const DIR = join(resolve(import.meta.dirname, ".."), RULE_DOCS_DIR);

describe("docs/rules", () => {
  it("has one page per rule and the index, nothing else", () => {
    expect(readdirSync(DIR).sort()).toEqual([...ALL_RULES.map((r) => `${r.meta.id}.md`), "README.md"].sort());
  });

  it.each(ALL_RULES.map((r) => [r.meta.id, r.meta] as const))("the page of %s is up to date (npm run docs)", (id, meta) => {
    expect(readFileSync(join(DIR, `${id}.md`), "utf8")).toBe(ruleDoc(meta));
  });

  it("the index is up to date and links every page", () => {
    const index = readFileSync(join(DIR, "README.md"), "utf8");
    expect(index).toBe(ruleIndex(ALL_RULES.map((r) => r.meta)));
    for (const r of ALL_RULES) expect(index).toContain(`[\`${r.meta.id}\`](${r.meta.id}.md)`);
  });

  it("shows every example of a rule, which the rule-examples test runs through the checker", () => {
    for (const r of ALL_RULES) {
      const page = ruleDoc(r.meta);
      for (const e of [...(r.meta.examples?.incorrect ?? []), ...(r.meta.examples?.correct ?? [])]) expect(page).toContain(e.code.trimEnd());
    }
  });
});
