/**
 * Findings as LSP diagnostics: the rule id as `code`, its documentation page as `codeDescription`
 * and the places a finding speaks of as `relatedInformation` (for clients that take them; for the
 * others, those places are lines of the message, so that nothing is lost).
 */
import { fileURLToPath, pathToFileURL } from "node:url";
import { basename, join } from "node:path";
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

/** Rule pages by package folder and rule id: a thousand findings of one rule make one URL, not a thousand. */
const ruleDocUris = new Map<string, string | undefined>();

function cachedRuleDocUri(root: string, ruleId: string): string | undefined {
  const key = `${root}\u0000${ruleId}`;
  if (ruleDocUris.has(key)) return ruleDocUris.get(key);
  const href = ruleDocUri(root, ruleId);
  // Rule ids are few; a bound keeps a server that sees many package folders from growing.
  if (ruleDocUris.size > 1000) ruleDocUris.clear();
  ruleDocUris.set(key, href);
  return href;
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
  const href = style.codeDescription ? cachedRuleDocUri(style.docsRoot, d.ruleId) : undefined;
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

/**
 * At most this many findings of one document go to the client: VS Code shows no more than 1,000
 * problems of a file either, and converting and sending tens of thousands at every keystroke (a
 * generated file, a table of unused keys) would make typing wait on them.
 */
export const MAX_DIAGNOSTICS_PER_DOCUMENT = 1000;

/**
 * A document's findings as LSP diagnostics, at most `max` of them: all of them when they fit;
 * otherwise the errors first (a warning never hides an error), each kind in source order, and one
 * more diagnostic at the start of the document that says how many there are and how to see them
 * all. Only the findings shown are converted.
 */
export function toLspDiagnostics(diagnostics: readonly Diagnostic[], style: DiagnosticStyle, uri: string, max = MAX_DIAGNOSTICS_PER_DOCUMENT): LspDiagnostic[] {
  if (diagnostics.length <= max) return diagnostics.map((d) => toLspDiagnostic(d, style, uri));
  let errors = 0;
  for (const d of diagnostics) if (d.severity === "error") errors++;
  // What is left after the errors goes to the others, in source order.
  let othersLeft = Math.max(0, max - errors);
  let errorsLeft = max;
  const shown: LspDiagnostic[] = [tooManyProblems(diagnostics.length, errors, max, uri)];
  for (const d of diagnostics) {
    if (d.severity === "error" ? errorsLeft-- <= 0 : othersLeft-- <= 0) continue;
    shown.push(toLspDiagnostic(d, style, uri));
  }
  return shown;
}

/** The diagnostic that says a document has more findings than are shown, and how to see them all. */
function tooManyProblems(total: number, errors: number, max: number, uri: string): LspDiagnostic {
  const file = uri.startsWith("file:") ? `'b24layout check ${basename(fileURLToPath(uri))}'` : "'b24layout check' on it";
  const shown =
    errors >= max ? `its first ${count(max, "error")}` : errors > 0 ? `its ${count(errors, "error")} and its first ${count(max - errors, "warning")}` : `its first ${count(max, "warning")}`;
  const at = { line: 0, character: 0 };
  return {
    range: { start: at, end: at },
    severity: DiagnosticSeverity.Information,
    source: SOURCE,
    message: `This file has ${count(total, "problem")} (${count(errors, "error")}, ${count(total - errors, "warning")}); the editor shows ${shown}, at most ${count(max, "problem")} a file. Run ${file} to see them all.`,
  };
}

/** `n` and the noun, for a person: `1 error`, `1,200 warnings`. */
function count(n: number, noun: string): string {
  return `${n.toLocaleString("en-US")} ${noun}${n === 1 ? "" : "s"}`;
}

/** A related place as a line of the message, for a client without `relatedInformation`: `first defined at line 3, column 5`. */
function relatedLine(r: RelatedLocation): string {
  const { line, column } = r.range.start;
  return r.file === undefined ? `${r.message} at line ${line}, column ${column}` : `${r.message} at ${r.file}:${line}:${column}`;
}
