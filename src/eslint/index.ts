/**
 * The ESLint plugin (`b24layout/eslint`), for ESLint's flat config (v9+):
 *
 *   import b24layout from "b24layout/eslint";
 *   export default [...b24layout.configs.recommended];
 *
 * It brings the `.b24layout` language (`language: "b24layout/b24layout"`), every checker rule as
 * `b24layout/<rule-id>` for that language (rules.ts), the rules for JavaScript and TypeScript code
 * (code-rules.ts), and two configs: `recommended` (every rule at its own severity) and `strict`
 * (every rule an error). docs/eslint.md is its guide.
 */
import type { ESLint, Linter } from "eslint";
import pkg from "../../package.json" with { type: "json" };
import { B24LayoutLanguage } from "./language.js";
import { LANGUAGE_CHECKER_RULES, LANGUAGE_RULES, recommendedSeverity } from "./rules.js";
import { CODE_RULES } from "./code-rules.js";

export { B24LayoutLanguage, B24LayoutSourceCode, type B24LayoutLanguageOptions } from "./language.js";
export { configFromFile } from "./config-file.js";

/** The files the language lints. */
export const LAYOUT_FILES = ["**/*.b24layout"];
/** The files the code rules lint. */
export const CODE_FILES = ["**/*.{js,mjs,cjs,jsx,ts,mts,cts,tsx}"];

const NAMESPACE = "b24layout";

type Level = "error" | "warn";

/** The configs' rule settings: `level` gives the severity of each rule (undefined: not in the config). */
function rulesOf<T>(rules: Readonly<Record<string, T>>, level: (rule: T, name: string) => Level | undefined): Linter.RulesRecord {
  const out: Linter.RulesRecord = {};
  for (const [name, rule] of Object.entries(rules)) {
    const severity = level(rule, name);
    if (severity) out[`${NAMESPACE}/${name}`] = severity;
  }
  return out;
}

const plugin = {
  meta: { name: pkg.name, version: pkg.version, namespace: NAMESPACE },
  languages: { b24layout: new B24LayoutLanguage() },
  rules: { ...LANGUAGE_RULES, ...CODE_RULES },
  configs: {} as Record<"recommended" | "strict", Linter.Config[]>,
} satisfies ESLint.Plugin;

/**
 * A config: the language and its rules for `.b24layout` files, and the code rules (when there are
 * any) for JavaScript and TypeScript files.
 */
function config(name: string, layoutLevel: (meta: (typeof LANGUAGE_CHECKER_RULES)[number]["meta"]) => Level, codeLevel: (recommended: boolean) => Level | undefined): Linter.Config[] {
  const byId = new Map(LANGUAGE_CHECKER_RULES.map((r) => [r.meta.id, r.meta]));
  const layouts: Linter.Config = {
    name: `${NAMESPACE}/${name}`,
    files: LAYOUT_FILES,
    plugins: { [NAMESPACE]: plugin },
    language: `${NAMESPACE}/b24layout`,
    rules: rulesOf(LANGUAGE_RULES, (_rule, id) => layoutLevel(byId.get(id)!)),
  };
  const codeRules = rulesOf(CODE_RULES, (rule) => codeLevel(rule.meta?.docs?.recommended === true));
  if (Object.keys(codeRules).length === 0) return [layouts];
  return [layouts, { name: `${NAMESPACE}/${name}/code`, files: CODE_FILES, plugins: { [NAMESPACE]: plugin }, rules: codeRules }];
}

/** Every rule at its own severity (an error where any of its messages is one); the code rules their docs recommend. */
plugin.configs.recommended = config("recommended", recommendedSeverity, (recommended) => (recommended ? "error" : undefined));
/** Every rule an error, the code rules too. */
plugin.configs.strict = config("strict", () => "error", () => "error");

export default plugin;
