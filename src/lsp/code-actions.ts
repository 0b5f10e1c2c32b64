/**
 * Code actions from the rules: each finding's `fix` as the preferred quick fix, each of its
 * `suggestions` as a quick fix that is not preferred (a suggestion may change what the author
 * meant, so it is offered, never applied by `--fix` or "fix all"), and "fix all" (`source.fixAll`),
 * which applies what `check --fix` applies, in the same passes: `fix`es only.
 *
 * An edit is the one `--fix` makes: a deletion that leaves its line blank takes the line.
 */
import { CodeActionKind, type CodeAction, type Command, type Range as LspRange, type TextEdit as LspTextEdit, type WorkspaceEdit } from "vscode-languageserver";
import type { TextDocument } from "vscode-languageserver-textdocument";
import type { Diagnostic, Fix, TextEdit } from "../diagnostic.js";
import { applyFixes, fixText } from "../check/index.js";
import { SYNTAX_RULE_ID } from "../syntax/index.js";
import type { ClientFeatures } from "./capabilities.js";
import { toLspRange } from "./convert.js";
import { toLspDiagnostic, type DiagnosticStyle } from "./diagnostics.js";
import { minimalEdit } from "./formatting.js";

/** "Fix all" of this server, under `source.fixAll` (so "fix all on save" settings find it). */
export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.b24layout`;
/** The command that applies an action's edit, for clients that take only commands (no CodeAction literals). */
export const APPLY_EDIT_COMMAND = "b24layout.applyEdit";

/** Whether a request that asked `only` for these kinds wants an action of `kind` (a kind covers its sub-kinds). */
export function isWanted(kind: string | undefined, only: readonly string[] | undefined): boolean {
  if (!only || only.length === 0) return true;
  return kind !== undefined && only.some((o) => kind === o || kind.startsWith(`${o}.`));
}

function overlaps(a: LspRange, b: LspRange): boolean {
  const before = (x: LspRange["start"], y: LspRange["start"]) => x.line < y.line || (x.line === y.line && x.character < y.character);
  return !before(a.end, b.start) && !before(b.end, a.start);
}

/** A deletion's range widened to its whole line when nothing else is on it, as `--fix` deletes (src/check/fixer.ts). */
function asFixDeletes(text: string, edit: TextEdit): { from: number; to: number; newText: string } {
  const from = edit.range.start.offset;
  const to = edit.range.end.offset;
  if (edit.newText !== "") return { from, to, newText: edit.newText };
  const lineStart = Math.max(text.lastIndexOf("\n", from - 1), text.lastIndexOf("\r", from - 1)) + 1;
  let lineEnd = to;
  while (lineEnd < text.length && text[lineEnd] !== "\n" && text[lineEnd] !== "\r") lineEnd++;
  if (text.slice(lineStart, from).trim() !== "" || text.slice(to, lineEnd).trim() !== "") return { from, to, newText: "" };
  return { from: lineStart, to: text.startsWith("\r\n", lineEnd) ? lineEnd + 2 : lineEnd < text.length ? lineEnd + 1 : lineEnd, newText: "" };
}

/**
 * The edits of one fix as `--fix` makes them: the rule's own, a deletion taking its line when it
 * would leave it blank. Checked against what `--fix` gives (applyFixes); should they differ, the
 * one change that turns the text into `--fix`'s result.
 */
function fixEdits(document: TextDocument, text: string, d: Diagnostic, fix: Fix): LspTextEdit[] {
  const fixed = applyFixes(text, [{ ...d, fix }]).text;
  const edits = fix.edits.map((e) => asFixDeletes(text, e)).sort((a, b) => b.from - a.from);
  let mine = text;
  for (const e of edits) mine = mine.slice(0, e.from) + e.newText + mine.slice(e.to);
  if (mine !== fixed) return minimalEdit(document, text, fixed);
  return edits.reverse().map((e) => ({ range: { start: document.positionAt(e.from), end: document.positionAt(e.to) }, newText: e.newText }));
}

/** The fix and suggestions of each finding that touches `range`. */
export function ruleFixActions(document: TextDocument, diagnostics: readonly Diagnostic[], range: LspRange, style: DiagnosticStyle): CodeAction[] {
  const text = document.getText();
  const actions: CodeAction[] = [];
  for (const d of diagnostics) {
    if (!overlaps(toLspRange(d.range), range)) continue;
    const action = (fix: Fix, preferred: boolean): CodeAction => ({
      title: fix.description,
      kind: CodeActionKind.QuickFix,
      diagnostics: [toLspDiagnostic(d, style, document.uri)],
      isPreferred: preferred,
      edit: { changes: { [document.uri]: fixEdits(document, text, d, fix) } },
    });
    if (d.fix) actions.push(action(d.fix, true));
    for (const s of d.suggestions ?? []) actions.push(action(s, false));
  }
  return actions;
}

/**
 * "Fix all": what `check --fix` would write, as one edit; undefined when it changes nothing or the
 * text has a syntax error (`--fix` leaves such a file alone). `check` checks a text as the document is.
 */
export function fixAllAction(document: TextDocument, diagnostics: readonly Diagnostic[], check: (text: string) => readonly Diagnostic[]): CodeAction | undefined {
  if (diagnostics.some((d) => d.ruleId === SYNTAX_RULE_ID) || !diagnostics.some((d) => d.fix !== undefined)) return undefined;
  const text = document.getText();
  const result = fixText(text, check);
  if (result.applied === 0 || result.text === text) return undefined;
  return { title: "Fix all auto-fixable problems (b24layout)", kind: FIX_ALL_KIND, edit: { changes: { [document.uri]: minimalEdit(document, text, result.text) } } };
}

/**
 * Actions as the client takes them: CodeAction literals (without `isPreferred` where it is not
 * known), or, for a client without literals, commands the server carries out by asking the client
 * to apply the edit (none when it cannot ask).
 */
export function toClientActions(actions: readonly CodeAction[], features: ClientFeatures): (CodeAction | Command)[] {
  if (features.codeActionLiterals) {
    return features.codeActionPreferred ? [...actions] : actions.map(({ isPreferred: _preferred, ...rest }) => rest);
  }
  if (!features.applyEdit) return [];
  return actions.flatMap((a) => (a.edit ? [{ title: a.title, command: APPLY_EDIT_COMMAND, arguments: [a.edit] satisfies WorkspaceEdit[] }] : []));
}
