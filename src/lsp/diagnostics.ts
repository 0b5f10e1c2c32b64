/**
 * Findings as LSP diagnostics: the rule id as `code`, its documentation page as `codeDescription`
 * and the places a finding speaks of as `relatedInformation` (for clients that take them; for the
 * others, those places are lines of the message, so that nothing is lost).
 */
import { pathToFileURL } from "node:url";
import { join } from "node:path";
import { DiagnosticSeverity, type Diagnostic as LspDiagnostic } from "vscode-languageserver";
import type { Diagnostic, RelatedLocation } from "../diagnostic.js";
import { ruleDocPath } from "../check/index.js";
import { SYNTAX_RULE_ID } from "../syntax/index.js";
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
  /** Whether the client takes `relatedInformation` (`publishDiagnostics.relatedInformation`). */
  readonly relatedInformation: boolean;
}

/** `d` as an LSP diagnostic of the document `uri`. */
export function toLspDiagnostic(d: Diagnostic, style: DiagnosticStyle, uri: string): LspDiagnostic {
  const href = style.codeDescription ? ruleDocUri(style.docsRoot, d.ruleId) : undefined;
  const related = d.related ?? [];
  const linked = style.relatedInformation && related.length > 0;
  return {
    range: toLspRange(d.range),
    severity: d.severity === "error" ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
    code: d.ruleId,
    ...(href ? { codeDescription: { href } } : {}),
    source: SOURCE,
    message: linked ? d.message : [d.message, ...related.map(relatedLine)].join("\n"),
    ...(linked
      ? { relatedInformation: related.map((r) => ({ location: { uri: r.file === undefined ? uri : pathToFileURL(r.file).href, range: toLspRange(r.range) }, message: r.message })) }
      : {}),
  };
}

/** A related place as a line of the message, for a client without `relatedInformation`: `first defined at line 3, column 5`. */
function relatedLine(r: RelatedLocation): string {
  const { line, column } = r.range.start;
  return r.file === undefined ? `${r.message} at line ${line}, column ${column}` : `${r.message} at ${r.file}:${line}:${column}`;
}
