/**
 * Inline suppressions, as comments:
 *
 *   // b24layout-disable-next-line rule-id, other-rule -- why
 *   text "x" // b24layout-disable-line rule-id -- why
 *   // b24layout-disable rule-id -- why        (the whole file)
 *
 * Without rule ids a suppression covers every rule. Syntax errors cannot be suppressed. A
 * suppression that suppresses nothing, or names a rule that does not exist, is reported
 * (`unused-suppression`), with a fix that removes it.
 */
import { compareDiagnostics, type Diagnostic, type Fix } from "../diagnostic.js";
import type { Comment, Range } from "../syntax/index.js";
import { SYNTAX_RULE_ID } from "../syntax/index.js";
import type { MessageData } from "../messages/index.js";
import { toDiagnostic, type MessageId } from "./rule.js";
import { ALL_RULES } from "./rules/index.js";
import unusedSuppression from "./rules/unused-suppression.js";
import { closest } from "../util/index.js";

type Scope = "next-line" | "line" | "file";

interface Suppression {
  readonly comment: Comment;
  readonly scope: Scope;
  /** Empty: every rule. */
  readonly rules: readonly string[];
  /** The line it applies to (next-line, line). */
  readonly line: number;
}

const DIRECTIVE = /^(?:\/\/|\/\*)\s*b24layout-disable(-next-line|-line)?(?:\s+([^*]*?))?\s*(?:\*\/)?$/;

/** The comments that are suppressions: what a file's project findings need of its comments. */
export function suppressionComments(comments: readonly Comment[]): Comment[] {
  return comments.filter((c) => DIRECTIVE.test(c.text.trim()));
}

/**
 * The rules whose findings come after a file's own check (phase `project`, src/check/project.ts):
 * whether a suppression naming one of them is used is known only then.
 */
let lateRules: ReadonlySet<string> | undefined;
const isLateRule = (id: string) => (lateRules ??= new Set(ALL_RULES.filter((r) => r.meta.phase === "project").map((r) => r.meta.id))).has(id);

function parseSuppressions(comments: readonly Comment[]): Suppression[] {
  const out: Suppression[] = [];
  for (const comment of comments) {
    const m = DIRECTIVE.exec(comment.text.trim());
    if (!m) continue;
    const scope: Scope = m[1] === "-next-line" ? "next-line" : m[1] === "-line" ? "line" : "file";
    // `-- reason` ends the rule list.
    const list = (m[2] ?? "").split(/(?:^|\s)--(?:\s|$)/)[0]!.trim();
    const rules = list === "" ? [] : list.split(/[\s,]+/).filter(Boolean);
    const line = scope === "next-line" ? comment.range.end.line + 1 : comment.range.start.line;
    out.push({ comment, scope, rules, line });
  }
  return out;
}

/**
 * What a check of a file reports: its syntax errors and the rules' findings, less what the file's
 * suppressions suppress, in source order.
 */
/**
 * The lines where a project rule may report, or how to find them: they are only needed for a file
 * with suppression comments, and finding them walks the whole program again.
 */
export type ProjectLines = ReadonlySet<number> | (() => ReadonlySet<number>);

export function fileDiagnostics(syntax: readonly Diagnostic[], findings: readonly Diagnostic[], comments: readonly Comment[], projectLines: ProjectLines): Diagnostic[] {
  const all = [...syntax, ...findings];
  return (comments.length === 0 ? all : applySuppressions(all, comments, projectLines)).sort(compareDiagnostics);
}

/** Whether a suppression covers a line where a project rule may report (`projectLines`, src/check/project.ts). */
function mayCoverProjectFinding(s: Suppression, projectLines: ReadonlySet<number>): boolean {
  return s.scope === "file" ? projectLines.size > 0 : projectLines.has(s.line);
}

const removalOf = (s: Suppression) => ({ description: "Remove the suppression", edits: [{ range: s.comment.range, newText: "" }] });

/**
 * The diagnostics left after the file's suppressions, with a finding for each suppression that did
 * nothing. A suppression without rule ids that suppresses none of them but covers a line where a
 * project rule may report (`projectLines`) is reported with its removal only suggested: the
 * project check, which sees the other files, knows whether it is needed (addLateFindings), and
 * --fix must not remove what it may be needed for.
 */
export function applySuppressions(diagnostics: readonly Diagnostic[], comments: readonly Comment[], lines: ProjectLines): Diagnostic[] {
  const suppressions = parseSuppressions(comments);
  if (suppressions.length === 0) return [...diagnostics];
  const projectLines = typeof lines === "function" ? lines() : lines;
  const used = new Map<Suppression, Set<string>>(suppressions.map((s) => [s, new Set<string>()]));
  const kept = diagnostics.filter((d) => {
    if (d.ruleId === SYNTAX_RULE_ID) return true;
    const by = suppressions.find((s) => (s.scope === "file" || s.line === d.range.start.line) && (s.rules.length === 0 || s.rules.includes(d.ruleId)));
    if (!by) return true;
    used.get(by)!.add(d.ruleId);
    return false;
  });
  const ids = ALL_RULES.map((r) => r.meta.id);
  for (const s of suppressions) {
    const hit = used.get(s)!;
    const removal = removalOf(s);
    const report = <K extends MessageId<typeof unusedSuppression.meta.messages>>(messageId: K, data: MessageData<typeof unusedSuppression.meta.messages, K>, range: Range, fix = true) =>
      kept.push(toDiagnostic(unusedSuppression.meta, { messageId, data, range, ...(fix ? { fix: removal } : { suggestions: [removal] }) }));
    for (const rule of s.rules) {
      if (!ids.includes(rule)) {
        const suggestion = closest(rule, ids);
        report(suggestion ? "unknownRuleSuggest" : "unknownRule", { rule, ...(suggestion ? { suggestion } : {}) }, s.comment.range, false);
      } else if (!hit.has(rule) && !isLateRule(rule)) {
        // Removing the comment is a fix only when none of its rules suppressed anything (a project rule's may, later).
        report("unusedRule", { rule }, s.comment.range, hit.size === 0 && !s.rules.some(isLateRule));
      }
    }
    if (s.rules.length === 0 && hit.size === 0) report("unused", {}, s.comment.range, !mayCoverProjectFinding(s, projectLines));
  }
  return kept;
}

/**
 * A file's diagnostics with the findings made after its own check (the project check's) added:
 * those its suppressions suppress are left out, and so is the "suppresses nothing" report of a
 * suppression without rule ids that suppresses one of them (one that suppresses none gets back the
 * fix its own check could not be sure of); a suppression naming a project rule that suppresses
 * none of its findings is reported here, where that is known.
 */
export function addLateFindings(diagnostics: readonly Diagnostic[], late: readonly Diagnostic[], comments: readonly Comment[], projectLines: ReadonlySet<number>): Diagnostic[] {
  if (late.length === 0 && comments.length === 0) return [...diagnostics];
  const suppressions = parseSuppressions(comments);
  const used = new Map<Suppression, Set<string>>(suppressions.map((s) => [s, new Set<string>()]));
  const kept = late.filter((d) => {
    const by = suppressions.find((s) => (s.scope === "file" || s.line === d.range.start.line) && (s.rules.length === 0 || s.rules.includes(d.ruleId)));
    if (!by) return true;
    used.get(by)!.add(d.ruleId);
    return false;
  });
  const sameRange = (a: Range, b: Range) => a.start.offset === b.start.offset && a.end.offset === b.end.offset;
  const blanket = (d: Diagnostic) => (d.ruleId === unusedSuppression.meta.id && d.messageId === "unused" ? suppressions.find((s) => s.rules.length === 0 && sameRange(s.comment.range, d.range)) : undefined);
  const out: Diagnostic[] = [];
  for (const d of diagnostics) {
    const s = blanket(d);
    if (s === undefined) out.push(d);
    else if (used.get(s)!.size > 0) continue;
    // It suppresses nothing here either: removing it is safe after all.
    else if (d.fix === undefined && mayCoverProjectFinding(s, projectLines)) out.push(withFix(d, removalOf(s)));
    else out.push(d);
  }
  for (const s of suppressions) {
    const hit = used.get(s)!;
    const late = s.rules.filter(isLateRule);
    // Removing the comment is a fix only when every rule it names is a project rule and none suppressed anything.
    const removable = late.length === s.rules.length && hit.size === 0;
    for (const rule of late) {
      if (hit.has(rule)) continue;
      const removal = removalOf(s);
      out.push(toDiagnostic(unusedSuppression.meta, { messageId: "unusedRule", data: { rule }, range: s.comment.range, ...(removable ? { fix: removal } : {}) }));
    }
  }
  return [...out, ...kept].sort(compareDiagnostics);
}

/** `d` with `fix` as its fix: the removal it offered until now becomes the fix. */
function withFix({ suggestions: _offered, ...finding }: Diagnostic, fix: Fix): Diagnostic {
  return { ...finding, fix };
}
