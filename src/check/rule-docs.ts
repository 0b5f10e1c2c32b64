/**
 * The documentation of each rule, generated from its metadata (`docs/rules/<id>.md`, written by
 * `npm run docs`), and the index of them. The same text is the SARIF rules' help, so a code
 * scanning alert shows the rule's page. Every example in it is run through the checker in a test.
 */
import { messageSpec, severityFor, type RuleMeta } from "./rule.js";

/** Where the docs are, relative to the package root. */
export const RULE_DOCS_DIR = "docs/rules";

/** The file of a project rule's example without a `path`. */
export const PROJECT_EXAMPLE_PATH = "example.b24layout";

const REPORTED_BY = {
  check: "`check` and `build`",
  compile: "`compile` and `b24layout build` (not `check`)",
  project: "`b24layout check` and `build`, which see every file they are given together (the library's `checkProject`; not the one-file `check`)",
} as const;

/** What a rule checks (RuleMeta.appliesTo), in words. */
const CHECKS = {
  both: "`.b24layout` files and JSON payloads (`b24layout check payload.json`, [docs/json.md](../json.md))",
  b24layout: "`.b24layout` files only: it is about what only the language has, so JSON payloads are not checked by it",
  json: "JSON payloads only (`b24layout check payload.json`, [docs/json.md](../json.md))",
} as const;

function sourcesOf(meta: RuleMeta): keyof typeof CHECKS {
  if (meta.appliesTo === undefined || meta.appliesTo.length === 2) return "both";
  return meta.appliesTo[0]!;
}

export function ruleDocPath(id: string): string {
  return `${RULE_DOCS_DIR}/${id}.md`;
}

export function ruleDoc(meta: RuleMeta): string {
  const lines = [
    `# \`${meta.id}\``,
    "",
    meta.description,
    "",
    `- Default severity: **${meta.severity}**${severitySummary(meta) === meta.severity ? "" : " (some messages differ: see Messages)"}`,
    `- Fixable: ${meta.fixable ? "yes: `b24layout check --fix` applies the fixes, which mean the same to every reader" : "no"}`,
    `- Suggestions: ${meta.hasSuggestions ? "yes: the editor offers them as quick fixes; `--fix` never applies them, as they are a guess at what was meant" : "no"}`,
    `- Reported by: ${REPORTED_BY[meta.phase ?? "check"]}`,
    `- Checks: ${CHECKS[sourcesOf(meta)]}`,
    `- Spec: ${meta.spec}`,
    "",
    "## Why",
    "",
    meta.why,
    "",
    "## Options",
    "",
    ...(meta.options
      ? [
          ...Object.entries(meta.options).map(([name, text]) => `- \`${name}\`: ${text}`),
          "",
          `In b24layout.config.json: \`"rules": { "${meta.id}": ["${meta.severity === "error" ? "error" : "warn"}", { "${Object.keys(meta.options)[0]!}": … }] }\`.`,
        ]
      : ["None."]),
    "",
    "## Messages",
    "",
    ...(Object.keys(meta.messages).length > 0 ? ["Each with the severity it is reported with; a severity set for the rule in b24layout.config.json applies to all of them.", ""] : []),
    ...Object.keys(meta.messages).map((id) => `- \`${id}\` (${messageSeverityDoc(meta, id)}): ${messageSpec(meta, id).text}`),
  ];
  if (Object.keys(meta.messages).length === 0) lines.push("Reported with messages made by the parser (for a JSON payload, the JSON parser), which name what was expected and what was found.");
  for (const [title, examples] of [
    ["Incorrect", meta.examples?.incorrect ?? []],
    ["Correct", meta.examples?.correct ?? []],
  ] as const) {
    if (examples.length === 0) continue;
    lines.push("", `## ${title}`);
    for (const e of examples) {
      if (meta.phase === "project" || e.files || e.others) {
        for (const f of [{ path: e.path ?? PROJECT_EXAMPLE_PATH, code: e.code }, ...(e.files ?? [])]) lines.push("", "```b24layout", `// ${f.path}`, f.code.trimEnd(), "```");
        for (const f of e.others ?? []) lines.push("", "```b24layout", `// ${f.path} (in the project, not among the files checked)`, f.code.trimEnd(), "```");
      } else {
        lines.push("", e.language === "json" ? "```json" : "```b24layout", e.code.trimEnd(), "```");
      }
      if (e.note) lines.push("", e.note);
    }
  }
  lines.push(
    "",
    "## Turning it off",
    "",
    `For one line: \`// b24layout-disable-next-line ${meta.id} -- why\`; for a file: \`// b24layout-disable ${meta.id} -- why\`.`,
    "",
  );
  return lines.join("\n");
}

/** What a message's severity is, as the docs state it: `warning; an error with "target": "docs"`. */
export function messageSeverityDoc(meta: RuleMeta, messageId: string): string {
  const message = messageSpec(meta, messageId);
  const docs = severityFor(message, "docs");
  if (docs === message.severity) return message.severity;
  return `${message.severity}; ${docs === undefined ? "not reported" : docs === "error" ? "an error" : "a warning"} with \`"target": "docs"\``;
}

/**
 * The severities a rule reports with the default target, the default first: `error`, or
 * `warning, error` for a warning rule with some error messages.
 */
export function severitySummary(meta: RuleMeta): string {
  const all = new Set([meta.severity, ...Object.keys(meta.messages).map((id) => messageSpec(meta, id).severity)]);
  return [...all].join(", ");
}

/** `docs/rules/README.md`: every rule with its severity and description. */
export function ruleIndex(rules: readonly RuleMeta[]): string {
  return [
    "# Rules",
    "",
    "Generated from the rules' metadata by `npm run docs`; do not edit.",
    "",
    "Severity: the default first, then others some of the rule's messages have. Fixable: `b24layout check --fix` applies its fixes. Suggestions: the editor offers guesses at what was meant, which `--fix` never applies.",
    "",
    "| rule | severity | fixable | suggestions | checks |",
    "|---|---|---|---|---|",
    ...rules.map(
      (r) => `| [\`${r.id}\`](${r.id}.md) | ${severitySummary(r)} | ${r.fixable ? "yes" : ""} | ${r.hasSuggestions ? "yes" : ""} | ${r.description.replace(/\|/g, "\\|")} |`,
    ),
    "",
  ].join("\n");
}
