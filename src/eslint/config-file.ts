/**
 * `b24layout.config.json` as ESLint config objects, for a project that checks with both tools
 * (`...configFromFile("b24layout.config.json")` after a config of the plugin), as @eslint/compat's
 * `includeIgnoreFile` turns a .gitignore into one: its rule settings, its overrides, its ignored
 * files, its `target`, and what its `portal` and `languages` mean for the rules that take them.
 * The file is named by the user, so it is read whoever owns it (as `b24layout check --config`).
 */
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { Linter } from "eslint";
import { parseConfig, type Config, type RuleSetting } from "../config/index.js";
import { decodeText, describeFsError, readRegularFileOrThrow } from "../workspace/index.js";
import { LANGUAGE_RULES, LANGUAGE_CHECKER_RULES, recommendedSeverity } from "./rules.js";

const NAMESPACE = "b24layout";

/**
 * The config objects of a `b24layout.config.json` (a path, relative to the working directory, or a
 * `file:` URL). Its globs (`overrides[].files`, `ignore`) are ESLint's from then on, relative to
 * the folder of eslint.config.js: keep the two files side by side. Its project rules and
 * `portal.badges` (for unknown-badge-code, a project rule) mean nothing to ESLint and are left out.
 * Throws, with the file, line and column of each problem, when the file is not a valid config.
 */
export function configFromFile(file: string | URL): Linter.Config[] {
  const path = typeof file === "string" ? resolve(file) : fileURLToPath(file);
  let bytes: Buffer;
  try {
    bytes = readRegularFileOrThrow(path).bytes;
  } catch (error) {
    throw new Error(`b24layout: cannot read the config '${path}': ${describeFsError(error)}`, { cause: error });
  }
  const decoded = decodeText(bytes);
  if (decoded.problem) throw new Error(`${path}:${decoded.problem.line}:${decoded.problem.column}: ${decoded.problem.message}`);
  const config = parseConfig(decoded.text, path, dirname(path));
  const base: Linter.Config = {
    name: `${NAMESPACE}/config-file`,
    files: ["**/*.b24layout"],
    languageOptions: { target: config.target },
    rules: eslintRules(config, config.rules, true),
  };
  const overrides = config.overrides.map((o, i): Linter.Config => ({ name: `${NAMESPACE}/config-file/overrides/${i}`, files: [...o.files], rules: eslintRules(config, o.rules, false) }));
  const ignores: Linter.Config[] = config.ignore.length > 0 ? [{ name: `${NAMESPACE}/config-file/ignore`, ignores: [...config.ignore] }] : [];
  return [base, ...overrides, ...ignores];
}

/**
 * ESLint's settings of `settings` (the config's `rules` or an override's). The rules that take
 * what `portal` and `languages` say get them with their options (checkOptionsFor does the same
 * for `b24layout check`): in the config's own `rules` (`withProjectOptions`) always, at their
 * recommended severity where the config sets none; in an override, where the override sets them.
 */
function eslintRules(config: Config, settings: Readonly<Record<string, RuleSetting>>, withProjectOptions: boolean): Linter.RulesRecord {
  const projectOptions: Record<string, Record<string, unknown>> = {};
  if (config.portal.icons.length > 0 || config.portal.logos.length > 0) projectOptions["unknown-code"] = { icons: [...config.portal.icons], logos: [...config.portal.logos] };
  if (config.languages) projectOptions["missing-translation"] = { languages: [...config.languages] };
  const rules: Linter.RulesRecord = {};
  const ids = new Set([...Object.keys(settings), ...(withProjectOptions ? Object.keys(projectOptions) : [])]);
  for (const id of ids) {
    if (!(id in LANGUAGE_RULES)) continue;
    const setting = settings[id];
    const meta = LANGUAGE_CHECKER_RULES.find((r) => r.meta.id === id)!.meta;
    const [severity, options] = setting === undefined ? [recommendedSeverity(meta), {}] : typeof setting === "string" ? [setting, {}] : [setting[0], setting[1]];
    const level = severity === "warning" ? "warn" : severity;
    const merged = { ...options, ...projectOptions[id] };
    rules[`${NAMESPACE}/${id}`] = Object.keys(merged).length > 0 && meta.options ? [level, merged] : level;
  }
  return rules;
}
