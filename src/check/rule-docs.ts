/**
 * The documentation of each rule, generated from its metadata (`docs/rules/<id>.md`, written by
 * `npm run docs`), and the index of them. The same text is the SARIF rules' help, so a code
 * scanning alert shows the rule's page. Every example in it is run through the checker in a test.
 */
import type { RuleMeta } from "./rule.js";

/** Where the docs are, relative to the package root. */
export const RULE_DOCS_DIR = "docs/rules";

/** The file of a project rule's example without a `path`. */
export const PROJECT_EXAMPLE_PATH = "example.b24layout";

const REPORTED_BY = {
  check: "`check` and `build`",
  compile: "`compile` and `b24layout build` (not `check`)",
  project: "`b24layout check` and `build`, which see every file they are given together (the library's `checkProject`; not the one-file `check`)",
} as const;

export function ruleDocPath(id: string): string {
  return `${RULE_DOCS_DIR}/${id}.md`;
}

export function ruleDoc(meta: RuleMeta): string {
  const lines = [
    `# \`${meta.id}\``,
    "",
    meta.description,
    "",
    `- Default severity: **${meta.severity}**`,
    `- Fixable: ${meta.fixable ? "yes (`b24layout check --fix`)" : "no"}`,
    `- Reported by: ${REPORTED_BY[meta.phase ?? "check"]}`,
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
    ...Object.entries(meta.messages).map(([id, text]) => `- \`${id}\`: ${text}`),
  ];
  if (Object.keys(meta.messages).length === 0) lines.push("Reported with messages made by the parser, which name what was expected and what was found.");
  for (const [title, examples] of [
    ["Incorrect", meta.examples?.incorrect ?? []],
    ["Correct", meta.examples?.correct ?? []],
  ] as const) {
    if (examples.length === 0) continue;
    lines.push("", `## ${title}`);
    for (const e of examples) {
      if (meta.phase === "project") {
        for (const f of [{ path: e.path ?? PROJECT_EXAMPLE_PATH, code: e.code }, ...(e.files ?? [])]) lines.push("", "```b24layout", `// ${f.path}`, f.code.trimEnd(), "```");
      } else {
        lines.push("", "```b24layout", e.code.trimEnd(), "```");
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

/** `docs/rules/README.md`: every rule with its severity and description. */
export function ruleIndex(rules: readonly RuleMeta[]): string {
  return [
    "# Rules",
    "",
    "Generated from the rules' metadata by `npm run docs`; do not edit.",
    "",
    "| rule | default | fixable | checks |",
    "|---|---|---|---|",
    ...rules.map((r) => `| [\`${r.id}\`](${r.id}.md) | ${r.severity} | ${r.fixable ? "yes" : ""} | ${r.description.replace(/\|/g, "\\|")} |`),
    "",
  ].join("\n");
}
