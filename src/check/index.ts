/** src/check, as the rest of src/ sees it (docs/development.md, "Layers"). The checker: rules with their metadata, the project check, fixes and suppressions. Re-exports only. */
export { type CheckOptions, checkProgram, problemDiagnostics, RuleRun, sortedUnique } from "./checker.js";
export { applyFixes, fixText } from "./fixer.js";
export { checkProjectFiles, type FileSummary, importFix, importPath, type ProjectFindings, projectLines, summarize, withProjectFindings } from "./project.js";
export { ruleDoc, ruleDocPath, RULE_DOCS_DIR, severitySummary } from "./rule-docs.js";
export { formatMessage, messageSpec, type Rule, type RuleMeta, severityFor, type Target, toDiagnostic } from "./rule.js";
export { ALL_RULES } from "./rules/index.js";
export { fileDiagnostics } from "./suppressions.js";
/** The rule whose messages the CLI words a params file's unknown keys with (src/cli/params.ts, preview.ts). */
export { default as templateArguments } from "./rules/template-arguments.js";
export { appliesTo } from "./rule.js";
export { getRule } from "./rules/index.js";
/** The rule whose message the JSON front end reports a key written twice with (src/pipeline/json.ts). */
export { default as duplicateKey } from "./rules/duplicate-key.js";
