/** Every rule's documented examples, run through the checker: docs cannot drift from code. */
import { describe, expect, it } from "vitest";
import { ALL_RULES, check, checkJson, checkProject, compile } from "../../src/index.js";
import { PROJECT_EXAMPLE_PATH } from "../../src/check/rule-docs.js";
import type { RuleExample } from "../../src/check/rule.js";

/** Where the examples' files are, for their imports. */
const ROOT = "/project";

describe.each(ALL_RULES.map((r) => [r.meta.id, r] as const))("%s examples", (id, rule) => {
  const examples = rule.meta.examples;
  /**
   * A project rule's example, or one of several files, is its files checked together (as `b24layout
   * check` does), in a project that also holds the files not checked with them.
   */
  const diagnostics = (e: RuleExample) => {
    if (rule.meta.phase === "project" || e.files || e.others) {
      const at = (path: string) => `${ROOT}/${path}`;
      const files = [{ path: at(e.path ?? PROJECT_EXAMPLE_PATH), text: e.code }, ...(e.files ?? []).map((f) => ({ path: at(f.path), text: f.code }))];
      const texts = new Map([...files.map((f) => [f.path, f.text] as const), ...(e.others ?? []).map((f) => [at(f.path), f.code] as const)]);
      return checkProject(files, { host: { root: ROOT, readFile: (path) => texts.get(path) } }).flatMap((r) => r.diagnostics);
    }
    if (e.language === "json") return checkJson(e.code).diagnostics;
    return (rule.meta.phase === "compile" ? compile(e.code) : check(e.code)).diagnostics;
  };

  it("has at least one incorrect and one correct example", () => {
    expect(examples?.incorrect.length).toBeGreaterThan(0);
    expect(examples?.correct.length).toBeGreaterThan(0);
  });

  it.each((examples?.incorrect ?? []).map((e) => [e.code, e]))("incorrect example %# reports the rule", (_code, e) => {
    expect(diagnostics(e).filter((d) => d.ruleId === id).length).toBeGreaterThan(0);
  });

  it.each((examples?.correct ?? []).map((e) => [e.code, e]))("correct example %# has no findings at all", (_code, e) => {
    expect(diagnostics(e)).toEqual([]);
  });
});
