/** Every rule's documented examples, run through the checker: docs cannot drift from code. */
import { describe, expect, it } from "vitest";
import { ALL_RULES, check, compile } from "../../src/index.js";

describe.each(ALL_RULES.map((r) => [r.meta.id, r] as const))("%s examples", (id, rule) => {
  const examples = rule.meta.examples;
  const diagnostics = (code: string) => (rule.meta.phase === "compile" ? compile(code) : check(code)).diagnostics;

  it("has at least one incorrect and one correct example", () => {
    expect(examples?.incorrect.length).toBeGreaterThan(0);
    expect(examples?.correct.length).toBeGreaterThan(0);
  });

  it.each((examples?.incorrect ?? []).map((e) => [e.code]))("incorrect example %# reports the rule", (code) => {
    expect(diagnostics(code).filter((d) => d.ruleId === id).length).toBeGreaterThan(0);
  });

  it.each((examples?.correct ?? []).map((e) => [e.code]))("correct example %# has no findings at all", (code) => {
    expect(diagnostics(code)).toEqual([]);
  });
});
