/**
 * Every finding has a severity its rule's page states for its message, for both targets, and a fix
 * or suggestions only where the page says the rule makes them: the docs
 * (docs/rules/<id>.md, generated from the metadata) cannot say "warning" for a message reported as
 * an error. Run over every documented example, the bundled examples, the golden sources and cases
 * that reach the messages whose severity differs from their rule's.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { ALL_RULES, check, compile } from "../../src/index.js";
import { RULE_DOCS_DIR } from "../../src/check/rule-docs.js";
import { toDiagnostic } from "../../src/check/rule.js";
import type { Diagnostic } from "../../src/diagnostic.js";

const ROOT = resolve(import.meta.dirname, "../..");
type Target = "server" | "docs";

interface DocumentedMessage {
  readonly id: string;
  readonly pattern: RegExp;
  /** The severity stated for each target; undefined: not reported. */
  readonly severity: Readonly<Record<Target, string | undefined>>;
}

/** The messages of a rule page: `- \`id\` (warning; an error with \`"target": "docs"\`): text`. */
function documentedMessages(page: string): DocumentedMessage[] {
  const out: DocumentedMessage[] = [];
  for (const m of page.matchAll(/^- `(\w+)` \(([^)]*)\): (.*)$/gm)) {
    const [, id, stated, text] = m as unknown as [string, string, string, string];
    const [server, docsNote] = stated.split("; ");
    const docs = docsNote === undefined ? server : docsNote.startsWith("not reported") ? undefined : /^an? (error|warning) with/.exec(docsNote)![1];
    const pattern = new RegExp(`^${text.split(/\{\w+\}/).map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("[\\s\\S]*")}$`);
    out.push({ id, pattern, severity: { server: server!, docs } });
  }
  return out;
}

const pages = new Map(ALL_RULES.map((r) => [r.meta.id, readFileSync(join(ROOT, RULE_DOCS_DIR, `${r.meta.id}.md`), "utf8")]));
const messagesByRule = new Map([...pages].map(([id, page]) => [id, documentedMessages(page)]));

/** Sources that reach the messages reported with a severity other than their rule's. */
const CASES = [
  'card c for contact {\n  main: section "Main" {\n    ADDRESS { defaultAddressType 13 }\n    NAME { defaultCountry "GB" }\n  }\n}\n',
  'blocks b {\n  link "Open" -> openRestApp { ids: [1, 2] } sliderParams { width: 700, leftBoundary: 100 }\n}\n',
  'badge b failure {\n  title { en: "" }\n  value {}\n}\n',
  'translations {\n  en { empty "" }\n}\nbadge b failure {\n  title @empty\n  value "  "\n}\n',
  'layout l {\n  icon info\n  header {\n    title {}\n  }\n  body {\n    logo document\n    withTitle { text "x" }\n    lineOfBlocks {\n' +
    '      text "1"; text "2"; text "3"; text "4"; text "5"; text "6"; text "7"; text "8"; text "9"; text "10"\n' +
    '      text "11"; text "12"; text "13"; text "14"; text "15"; text "16"; text "17"; text "18"; text "19"; text "20"; text "21"\n    }\n  }\n' +
    '  footer {\n    showNote false\n    menu {\n' +
    Array.from({ length: 11 }, (_, i) => `      item "${i}" -> restEvent "e"\n`).join("") +
    '    }\n  }\n}\n',
  'layout l {\n  icon info\n  header "T" {\n    tag lavender "x" scope web\n  }\n  body {\n    logo document\n  }\n}\n',
  'blocks b {\n  text "x" scope desktop\n  text "y" { bold 1; size 2 }\n  text 5\n}\n',
  'activity a {\n  ownerTypeId 77777; ownerId 1\n  layout {\n    icon info\n    header "T"\n    body {\n      logo document\n      text "x"\n    }\n  }\n}\n',
  'blocks hello {\n  text "a"\n}\nblocks Hello {\n  text "b"\n}\n',
  'card c(fs: string[]) for contact {\n  main: section "Main" {\n    each f in $fs {\n      NAME\n    }\n  }\n}\n',
];

function sources(): [string, string][] {
  const out: [string, string][] = [];
  for (const r of ALL_RULES) {
    for (const [i, e] of [...(r.meta.examples?.incorrect ?? []), ...(r.meta.examples?.correct ?? [])].entries()) out.push([`${r.meta.id} example ${i}`, e.code]);
  }
  for (const dir of ["examples", "test/golden"]) {
    for (const name of readdirSync(join(ROOT, dir)).filter((n) => n.endsWith(".b24layout")).sort()) out.push([`${dir}/${name}`, readFileSync(join(ROOT, dir, name), "utf8")]);
  }
  CASES.forEach((code, i) => out.push([`case ${i}`, code]));
  return out;
}

/** What is wrong with `d`'s severity, fix or suggestions, as the docs state them; undefined when nothing is. */
function mismatch(d: Diagnostic, target: Target): string | undefined {
  const messages = messagesByRule.get(d.ruleId);
  if (!messages) return `${d.ruleId} has no page`;
  const page = pages.get(d.ruleId)!;
  if (d.fix && !page.includes("- Fixable: yes")) return `${d.ruleId}: a fix, but its page says it is not fixable`;
  if (d.suggestions && !page.includes("- Suggestions: yes")) return `${d.ruleId}: suggestions, but its page says it has none`;
  // Parser messages: the rule's default severity.
  if (messages.length === 0) return page.includes(`- Default severity: **${d.severity}**`) ? undefined : `${d.ruleId}: ${d.severity} is not its default`;
  const matching = messages.filter((m) => m.pattern.test(d.message));
  if (matching.length === 0) return `${d.ruleId}: no documented message reads "${d.message}"`;
  if (matching.some((m) => m.severity[target] === d.severity)) return undefined;
  return `${d.ruleId} ${matching.map((m) => m.id).join("/")}: reported as ${d.severity} with target ${target}, documented as ${matching.map((m) => m.severity[target] ?? "not reported").join("/")}`;
}

describe("documented severities", () => {
  it("reads a severity for every message of every rule page", () => {
    for (const r of ALL_RULES) expect(messagesByRule.get(r.meta.id)!.map((m) => m.id)).toEqual(Object.keys(r.meta.messages));
  });

  it.each<Target>(["server", "docs"])("every finding has the severity its message's docs state (target %s)", (target) => {
    const problems: string[] = [];
    const seen = new Set<string>();
    for (const [name, code] of sources()) {
      for (const d of [...check(code, { target }).diagnostics, ...compile(code, { target }).diagnostics]) {
        seen.add(`${d.ruleId} ${d.severity}`);
        const wrong = mismatch(d, target);
        if (wrong) problems.push(`${name}: ${wrong}`);
      }
    }
    expect(problems).toEqual([]);
    // The cases reach messages of both severities in the rules whose messages differ.
    for (const id of ["element-option", "action-shape", "empty-translation-map", "blank-value"]) {
      expect(seen).toContain(`${id} warning`);
      expect(seen).toContain(`${id} error`);
    }
  });

  it("catches a severity the docs do not state", () => {
    const d = check(CASES[0]!).diagnostics.find((x) => x.ruleId === "element-option" && x.severity === "error")!;
    expect(mismatch(d, "server")).toBeUndefined();
    expect(mismatch({ ...d, severity: "warning" }, "server")).toMatch(/^element-option unknownAddressType: reported as warning with target server, documented as error$/);
    const change = { description: "Replace with 4", edits: [{ range: d.range, newText: "4" }] };
    expect(mismatch({ ...d, fix: change }, "server")).toBe("element-option: a fix, but its page says it is not fixable");
    expect(mismatch({ ...d, suggestions: [change] }, "server")).toBe("element-option: suggestions, but its page says it has none");
  });

  it("offers a fix of a rule that does not declare itself fixable as a suggestion, never as a fix --fix applies", () => {
    const rule = ALL_RULES.find((r) => r.meta.id === "element-option")!;
    const d = check(CASES[0]!).diagnostics.find((x) => x.ruleId === "element-option")!;
    const change = { description: "Replace with 4", edits: [{ range: d.range, newText: "4" }] };
    const made = toDiagnostic(rule.meta, { messageId: "unknownAddressType", data: { value: 13, ids: "1, 4" }, range: d.range, fix: change });
    expect(made.fix).toBeUndefined();
    expect(made.suggestions).toEqual([change]);
  });
});
