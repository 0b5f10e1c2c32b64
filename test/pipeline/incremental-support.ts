/**
 * What the incremental checker's hand-made cases share: feeding a history of texts to one checker
 * and comparing its result for the last with `check`'s, and small rules made for a test.
 */
import { expect } from "vitest";
import { check } from "../../src/index.js";
import { IncrementalChecker } from "../../src/pipeline/incremental.js";
import type { CheckOptions } from "../../src/check/checker.js";
import {
  defineRule,
  type Rule,
  type RuleHandlers,
  type RuleContext,
} from "../../src/check/rule.js";

/** Feeds `texts` to one incremental checker and compares its result for the last with `check`'s. */
export function expectSame(
  texts: readonly string[],
  options: CheckOptions = {},
): void {
  const checker = new IncrementalChecker();
  let got: ReturnType<IncrementalChecker["check"]> | undefined;
  for (const text of texts) got = checker.check(text, options);
  const want = check(texts[texts.length - 1]!, options);
  expect(JSON.stringify(got!.diagnostics)).toBe(
    JSON.stringify(want.diagnostics),
  );
  expect(JSON.stringify(got!.document)).toBe(JSON.stringify(want.document));
  expect(JSON.stringify(got!.program.declarations.map((d) => d.root))).toBe(
    JSON.stringify(want.program.declarations.map((d) => d.root)),
  );
}

/** A rule for a test: `id`, one message per id, and its handlers. */
export function testRule(
  id: string,
  description: string,
  messages: Readonly<Record<string, string>>,
  create: (context: RuleContext) => RuleHandlers,
): Rule {
  return defineRule({
    meta: {
      id,
      description,
      why: "A test rule.",
      severity: "warning",
      spec: "-",
      messages,
    },
    create,
  });
}
