/**
 * Findings as LSP diagnostics: the rule id as `code`, its documentation page as `codeDescription`,
 * and the fixes a rule declares as quick fixes.
 */
import { pathToFileURL } from "node:url";
import { join } from "node:path";
import {
  CodeActionKind,
  DiagnosticSeverity,
  type CodeAction,
  type Diagnostic as LspDiagnostic,
  type Range as LspRange,
} from "vscode-languageserver";
import type { Diagnostic, Fix } from "../diagnostic.js";
import { ruleDocPath } from "../check/rule-docs.js";
import { SYNTAX_RULE_ID } from "../syntax/parser.js";
import { toLspRange } from "./convert.js";

export const SOURCE = "b24layout";

/**
 * Where the rule pages are: docs/rules in the installed package. `root` is the package folder
 * (the server's bundle sits in its dist/).
 */
export function ruleDocUri(root: string, ruleId: string): string | undefined {
  if (ruleId === SYNTAX_RULE_ID) return undefined;
  return pathToFileURL(join(root, ruleDocPath(ruleId))).href;
}

export function toLspDiagnostic(d: Diagnostic, docsRoot: string): LspDiagnostic {
  const href = ruleDocUri(docsRoot, d.ruleId);
  return {
    range: toLspRange(d.range),
    severity: d.severity === "error" ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
    code: d.ruleId,
    ...(href ? { codeDescription: { href } } : {}),
    source: SOURCE,
    message: d.message,
  };
}

function overlaps(a: LspRange, b: LspRange): boolean {
  const before = (x: LspRange["start"], y: LspRange["start"]) => x.line < y.line || (x.line === y.line && x.character < y.character);
  return !before(a.end, b.start) && !before(b.end, a.start);
}

function action(fix: Fix, d: Diagnostic, uri: string, preferred: boolean, docsRoot: string): CodeAction {
  return {
    title: fix.description,
    kind: CodeActionKind.QuickFix,
    diagnostics: [toLspDiagnostic(d, docsRoot)],
    isPreferred: preferred,
    edit: { changes: { [uri]: fix.edits.map((e) => ({ range: toLspRange(e.range), newText: e.newText })) } },
  };
}

/** The quick fixes of the findings in `range`: each rule's fix (preferred) and its suggestions. */
export function quickFixes(diagnostics: readonly Diagnostic[], range: LspRange, uri: string, docsRoot: string): CodeAction[] {
  const actions: CodeAction[] = [];
  for (const d of diagnostics) {
    if (!overlaps(toLspRange(d.range), range)) continue;
    if (d.fix) actions.push(action(d.fix, d, uri, true, docsRoot));
    for (const s of d.suggestions ?? []) actions.push(action(s, d, uri, false, docsRoot));
  }
  return actions;
}
