/**
 * Every rule of the checker as an ESLint rule of the `.b24layout` language (`b24layout/<rule-id>`),
 * with its metadata: the checker runs once per file, with the rules ESLint has turned on and their
 * options (findings.ts), and each ESLint rule reports its own rule's findings, with their fixes and
 * suggestions.
 *
 * Left out: `syntax-error` (a syntax error is a fatal parsing error, reported before any rule runs,
 * and cannot be turned off, as in `b24layout check`) and the project rules (`phase: "project"`:
 * output-name, unknown-badge-code, unlisted-import), which need every file of a run together:
 * ESLint lints one file at a time, so in one file they would report nothing or report what other
 * files declare (docs/eslint.md, "What ESLint does not run").
 */
import { relative } from "node:path";
import type { RuleDefinition, RuleFixer, RulesMeta, RuleContext, RuleVisitor } from "@eslint/core";
import { messageSpec, severityFor, type Rule, type RuleMeta } from "../check/index.js";
import { ALL_RULES } from "../check/index.js";
import { SYNTAX_RULE_ID } from "../syntax/index.js";
import type { Diagnostic, Fix } from "../diagnostic.js";
import type { B24LayoutLanguageOptions, B24LayoutSourceCode } from "./language.js";
import { findingsFor, requestRule } from "./findings.js";
import { ruleDocUrl } from "./docs-url.js";
import { eslintMessages, RELATED_PLACEHOLDER } from "./message-ids.js";

/** The checker's rules ESLint runs on `.b24layout` files: all but `syntax-error` and the project rules. */
export const LANGUAGE_CHECKER_RULES: readonly Rule[] = ALL_RULES.filter((r) => r.meta.id !== SYNTAX_RULE_ID && r.meta.phase !== "project");

/** The checker's rules ESLint does not run, with why (docs/eslint.md). */
export const RULES_LEFT_OUT: Readonly<Record<string, string>> = Object.fromEntries(
  ALL_RULES.filter((r) => !LANGUAGE_CHECKER_RULES.includes(r)).map((r) => [
    r.meta.id,
    r.meta.id === SYNTAX_RULE_ID ? "a syntax error is a fatal parsing error" : "a project rule: it needs every file of a run together (b24layout check)",
  ]),
);

/**
 * The severity of a rule in the `recommended` config: ESLint gives a rule one severity where the
 * checker gives each message its own, so a rule is an error when any of its messages is one (for
 * the server: the default target), a warning otherwise.
 */
export function recommendedSeverity(meta: RuleMeta): "error" | "warn" {
  const errors = Object.keys(meta.messages).some((id) => severityFor(messageSpec(meta, id), "server") === "error");
  return errors ? "error" : "warn";
}

type LanguageRuleContext = RuleContext<{
  LangOptions: B24LayoutLanguageOptions;
  Code: B24LayoutSourceCode;
  RuleOptions: unknown[];
  Node: unknown;
  MessageIds: string;
}>;

export type LanguageRule = RuleDefinition<{
  LangOptions: B24LayoutLanguageOptions;
  Code: B24LayoutSourceCode;
  RuleOptions: unknown[];
  Visitor: RuleVisitor;
  Node: unknown;
  MessageIds: string;
  ExtRuleDocs: Record<string, unknown>;
}>;

/** The ESLint rule of a checker rule. */
export function languageRule(rule: Rule): LanguageRule {
  const { meta } = rule;
  const eslintMeta: RulesMeta<string, unknown[], Record<string, unknown>> = {
    type: recommendedSeverity(meta) === "error" ? "problem" : "suggestion",
    docs: { description: meta.description, recommended: true, url: ruleDocUrl(meta.id) },
    ...(meta.fixable ? { fixable: "code" as const } : {}),
    ...(meta.hasSuggestions ? { hasSuggestions: true } : {}),
    messages: eslintMessages(meta),
    schema: optionsSchema(meta),
  };
  return {
    meta: eslintMeta,
    create(context: LanguageRuleContext) {
      const options = context.options[0];
      requestRule(context.sourceCode, meta.id, isOptions(options) ? options : undefined);
      return {
        Document() {
          for (const d of findingsFor(context.sourceCode, meta.id, { file: context.physicalFilename, cwd: context.cwd, target: context.languageOptions.target })) {
            report(context, meta, d);
          }
        },
      };
    },
  };
}

function isOptions(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * The options of a rule that takes any: one object of the named options. Every option a rule
 * takes today is a list of codes or language ids.
 */
function optionsSchema(meta: RuleMeta): RulesMeta["schema"] {
  if (!meta.options) return [];
  const properties = Object.fromEntries(Object.entries(meta.options).map(([name, description]) => [name, { type: "array", items: { type: "string" }, description }]));
  return [{ type: "object", properties, additionalProperties: false }];
}

function report(context: LanguageRuleContext, meta: RuleMeta, d: Diagnostic): void {
  const { start, end } = d.range;
  const related = relatedPlaces(d, context.cwd);
  context.report({
    // A finding not made from one of the rule's messages (none is known) is reported as it is rather than lost.
    ...(d.messageId !== undefined && Object.hasOwn(meta.messages, d.messageId)
      ? { messageId: d.messageId, data: { ...stringValues(d.data), [RELATED_PLACEHOLDER]: related } }
      : { message: `${d.message}${related}` }),
    loc: { start: { line: start.line, column: start.column }, end: { line: end.line, column: end.column } },
    ...(d.fix ? { fix: editsOf(d.fix) } : {}),
    // ESLint stops at a suggestion from a rule whose metadata has none; the checker's own tests
    // (test/rules/documented-severity.test.ts) keep its rules from making one.
    ...(d.suggestions?.length && meta.hasSuggestions ? { suggest: d.suggestions.map((s) => ({ desc: s.description, fix: editsOf(s) })) } : {}),
  });
}

/** ESLint fills a message's placeholders with strings: the checker's numbers are written as its messages write them. */
function stringValues(data: Diagnostic["data"]): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [name, value] of Object.entries(data ?? {})) values[name] = String(value);
  return values;
}

/**
 * The other places a finding speaks of, to end its message (` (first defined at 3:5)`), as the
 * language server gives them to a client without related information: ESLint has no such field.
 */
function relatedPlaces(d: Diagnostic, cwd: string): string {
  if (!d.related?.length) return "";
  const places = d.related.map((r) => `${r.message} at ${r.file === undefined ? "" : `${relative(cwd, r.file)}:`}${r.range.start.line}:${r.range.start.column}`);
  return ` (${places.join("; ")})`;
}

function editsOf(fix: Fix): RuleFixer {
  return (fixer) => fix.edits.map((e) => fixer.replaceTextRange([e.range.start.offset, e.range.end.offset], e.newText));
}

/** `b24layout/<rule-id>` for every rule ESLint runs on `.b24layout` files, by id. */
export const LANGUAGE_RULES: Readonly<Record<string, LanguageRule>> = Object.fromEntries(LANGUAGE_CHECKER_RULES.map((r) => [r.meta.id, languageRule(r)]));
