/** Every rule's documented examples, run through the checker: docs cannot drift from code. */
import { describe, expect, it } from "vitest";
import { ALL_RULES, check, checkProject, compile } from "../../src/index.js";
import { PROJECT_EXAMPLE_PATH } from "../../src/check/rule-docs.js";
import type { RuleExample } from "../../src/check/rule.js";

describe.each(ALL_RULES.map((r) => [r.meta.id, r] as const))("%s examples", (id, rule) => {
  const examples = rule.meta.examples;
  /** A project rule's example is its files checked together (as `b24layout check` does). */
  const diagnostics = (e: RuleExample) => {
    if (rule.meta.phase === "project") {
      const files = [{ path: e.path ?? PROJECT_EXAMPLE_PATH, text: e.code }, ...(e.files ?? []).map((f) => ({ path: f.path, text: f.code }))];
      return checkProject(files).flatMap((r) => r.diagnostics);
    }
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
