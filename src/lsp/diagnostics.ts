/**
 * Findings as LSP diagnostics: the rule id as `code`, its documentation page as `codeDescription`
 * (for clients that take one).
 */
import { pathToFileURL } from "node:url";
import { join } from "node:path";
import { DiagnosticSeverity, type Diagnostic as LspDiagnostic } from "vscode-languageserver";
import type { Diagnostic } from "../diagnostic.js";
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

export interface DiagnosticStyle {
  readonly docsRoot: string;
  /** Whether the client takes `codeDescription` (LSP 3.16 `codeDescriptionSupport`). */
  readonly codeDescription: boolean;
}

export function toLspDiagnostic(d: Diagnostic, style: DiagnosticStyle): LspDiagnostic {
  const href = style.codeDescription ? ruleDocUri(style.docsRoot, d.ruleId) : undefined;
  return {
    range: toLspRange(d.range),
    severity: d.severity === "error" ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
    code: d.ruleId,
    ...(href ? { codeDescription: { href } } : {}),
    source: SOURCE,
    message: d.message,
  };
}
