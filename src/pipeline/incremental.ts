/**
 * Checking a text again after an edit: the language server's check. It gives what `check` gives
 * for the same text, by construction rather than by a list of cases where it is safe:
 *
 * - Every version's syntax tree is the one a parse of the whole text gives: only the top-level
 *   statements an edit touched are parsed again, where that is certain (src/pipeline/reparse.ts),
 *   the statements before them keep their trees (the same objects), and those after them get
 *   copies moved by the edit's offset and line count. Anything uncertain (a syntax error, a `{`
 *   left open, an import, a CR line break) parses the whole text.
 * - A statement whose tree is the previous version's own object keeps its lowering (the same
 *   declaration and problems) when the `fragment` statements are the previous version's objects too:
 *   a statement's lowering reads nothing else of the file. Every other statement is lowered again,
 *   and the file-level statements (translation tables, fragments) are lowered at every version.
 * - Beyond trees and lowerings, what is kept from one version to the next is what the rules that declare it
 *   (RuleMeta.scope `declaration`, `declarations`, and the walk of `split`) found in one
 *   declaration, keyed by everything those findings may depend on: the declaration's source text
 *   (from the start of its first line, so its columns are the same), the fragments' text, the
 *   translation tables' languages and keys and which of their texts are empty (typing into a
 *   text keeps every declaration's findings), whether the file uses templates, and, for rules of scope
 *   `declarations`, the keyword, name, name field and parameters of every declaration (their
 *   findings are kept apart from the others', so that typing a new declaration's name keeps the
 *   others'). The rules and options are the same for every entry (a change of either starts again
 *   from nothing).
 * - A rule that declares no scope runs over the whole program at every check: a new rule is right
 *   in the editor before anyone thinks about reuse.
 * - Kept findings are never changed: a declaration that moved gets copies of them moved by the
 *   same offset and line count (its columns are the same), and a result once returned is never
 *   touched again. Findings are kept only when every range they carry (their own, their fixes',
 *   their related locations') lies inside the declaration, and only for declarations the parser
 *   read without an error inside them and without a `{` left open anywhere in the file (then
 *   where blocks end depends on the whole text: src/syntax/open-blocks.ts), unless the parse
 *   proved that the `{` left open after them cannot change them (src/pipeline/reparse.ts).
 *
 * A text with imports is checked by `check` (what it imports may have changed without it).
 */
import type { Diagnostic, Fix } from "../diagnostic.js";
import { check as checkText, type CheckResult, type SourceOptions } from "./pipeline.js";
import { lowerFile, type StatementLowering } from "../lower/index.js";
import { getScalar, type IrDeclaration, type TranslationTable } from "../lower/index.js";
import { positionMover, type Position, type Range, type Statement } from "../syntax/index.js";
import { reparse, reusableParse, type ReusableParse } from "./reparse.js";
import { problemDiagnostics, RuleRun, sortedUnique, type CheckOptions } from "../check/index.js";
import type { Rule } from "../check/index.js";
import { ALL_RULES } from "../check/index.js";
import { fileDiagnostics } from "../check/index.js";
import { projectLines, summarize } from "../check/index.js";
import { TRANSLATIONS_KEYWORD } from "../model/index.js";
import { FRAGMENT_KEYWORD } from "../model/index.js";
import { appendAll } from "../util/index.js";

/** What the reusable rules found in one declaration, where it stood when they ran. */
interface KeptFindings {
  readonly start: Position;
  readonly diagnostics: readonly Diagnostic[];
}

/** What one group of reusable rules (`ruleGroups`) found, declaration by declaration. */
interface KeptGroup {
  /** What every kept finding depends on beyond its declaration's text (see the module comment). */
  readonly contextKey: string;
  /** By a declaration's source text from the start of its first line. */
  readonly kept: ReadonlyMap<string, KeptFindings>;
}

/**
 * The rules whose findings in a declaration are kept, in groups kept apart: those of scope
 * `declarations` read every declaration's name and parameters, so typing a new declaration's name
 * finds theirs again, but not the others'. By rule list (the same list gives the same groups).
 */
const groupsByRules = new WeakMap<readonly Rule[], readonly (readonly Rule[])[]>();
function ruleGroups(rules: readonly Rule[]): readonly (readonly Rule[])[] {
  let groups = groupsByRules.get(rules);
  if (!groups) groupsByRules.set(rules, (groups = [rules.filter((r) => r.meta.scope !== "declarations"), rules.filter((r) => r.meta.scope === "declarations")]));
  return groups;
}

/** What one version left for the next: its text and result, and the findings that may be kept. */
interface State {
  readonly text: string;
  readonly optionsKey: string;
  readonly rules: readonly Rule[];
  /** The findings that may be kept, by group of rules (`ruleGroups`). */
  readonly groups: readonly KeptGroup[];
  readonly result: CheckResult;
  /** The parse the next version may build on (src/pipeline/reparse.ts), when there is one. */
  readonly parse: ReusableParse | undefined;
  /** How each top-level statement of this version was lowered, by the statement (its tree is kept, not copied, when nothing before it moved). */
  readonly lowerings: ReadonlyMap<Statement, StatementLowering>;
  /** The `fragment` statements of this version: a statement's lowering depends on them. */
  readonly fragments: readonly Statement[];
}

/**
 * How the last `check` was made, for tests and the benchmark: `unchanged` (the same text and
 * options), `incremental` (some declaration's findings were kept) or `full` (none were).
 */
export type CheckKind = "full" | "incremental" | "unchanged";

/**
 * Checks successive versions of one text (see the module comment). A text with imports is always
 * checked in full, by `check`, and so is any text when the options hold more than plain data (a
 * Set, a function, a cycle), which cannot be compared with the previous ones.
 */
export class IncrementalChecker {
  private state: State | undefined;
  /** How the last `check` was made. */
  lastKind: CheckKind = "full";
  /** How many declarations' findings (of one group of rules or more, `ruleGroups`) the last `check` kept. */
  lastKept = 0;
  /** How many top-level statements the last `check` did not parse again (src/pipeline/reparse.ts). */
  lastKeptStatements = 0;
  /** How many top-level statements the last `check` did not lower again. */
  lastKeptLowerings = 0;

  check(text: string, options: CheckOptions & SourceOptions = {}): CheckResult {
    const rules = options.rules ?? ALL_RULES;
    const optionsKey = plainKey([options.severities ?? {}, options.ruleOptions ?? {}, options.target ?? "server"]);
    this.lastKind = "full";
    this.lastKept = 0;
    this.lastKeptStatements = 0;
    this.lastKeptLowerings = 0;
    if (optionsKey === undefined) {
      this.state = undefined;
      return checkText(text, options);
    }
    const previous = this.state?.optionsKey === optionsKey && this.state.rules === rules ? this.state : undefined;
    if (previous?.text === text) {
      this.lastKind = "unchanged";
      return previous.result;
    }
    this.state = undefined;
    const next = analyse(text, options, rules, optionsKey, previous);
    if (!next) return checkText(text, options);
    this.state = next.state;
    this.lastKept = next.kept;
    this.lastKeptStatements = next.keptStatements;
    this.lastKeptLowerings = next.keptLowerings;
    if (next.kept > 0) this.lastKind = "incremental";
    return next.state.result;
  }

  /** Forgets the previous text: the next check keeps nothing. */
  reset(): void {
    this.state = undefined;
  }
}

/** Parses, lowers and checks `text`, keeping what `previous` found where it provably still holds; undefined for a text with imports. */
function analyse(
  text: string,
  options: CheckOptions,
  rules: readonly Rule[],
  optionsKey: string,
  previous: State | undefined,
): { state: State; kept: number; keptStatements: number; keptLowerings: number } | undefined {
  const parsed = reparse(text, previous?.parse);
  const document = parsed.document;
  if (document.imports.length > 0) return undefined;
  const lowering = lowerFile(document);
  const found: Diagnostic[] = problemDiagnostics(lowering.problems, options);
  // A statement whose tree is the previous version's own object keeps its lowering, when the fragments it may use are the same objects too.
  const fragmentStatements = document.statements.filter((s) => s.name.name === FRAGMENT_KEYWORD);
  const earlierLowerings = previous && sameItems(previous.fragments, fragmentStatements) ? previous.lowerings : undefined;
  const lowerings = new Map<Statement, StatementLowering>();
  let keptLowerings = 0;
  const lowered = document.statements.map((s) => {
    let l = earlierLowerings?.get(s);
    if (l) keptLowerings++;
    else l = lowering.statement(s);
    lowerings.set(s, l);
    return { statement: s, lowering: l };
  });
  const declarations: IrDeclaration[] = [];
  let templated = false;
  for (const { lowering: l } of lowered) {
    if (l.declaration) declarations.push(l.declaration);
    if (l.templated) templated = true;
    appendAll(found, problemDiagnostics(l.problems, options));
  }
  const program = lowering.program(declarations, templated);

  const fragments = fragmentStatements.map((s) => text.slice(s.range.start.offset, s.range.end.offset));
  const tables = document.statements.reduce((n, s) => (s.name.name === TRANSLATIONS_KEYWORD ? n + 1 : n), 0);
  const rulesByGroup = ruleGroups(rules);
  const sharedKey = JSON.stringify([templated, fragments, tables, translationsSignature(program.translations)]);
  const contextKeys = [sharedKey, rulesByGroup[1]!.length > 0 ? `${sharedKey}\u0000${declarationsSignature(declarations)}` : sharedKey];

  // The reusable rules, group by group and declaration by declaration: kept findings where they hold, a run otherwise.
  const groups = rulesByGroup.map((groupRules, g) => {
    const earlier = previous?.groups[g];
    const run = new RuleRun(document, program, options, groupRules, found, "local");
    run.begin();
    return { contextKey: contextKeys[g]!, previousKept: earlier !== undefined && earlier.contextKey === contextKeys[g] ? earlier.kept : undefined, kept: new Map<string, KeptFindings>(), run };
  });
  let keptCount = 0;
  const touchesSyntaxError = syntaxErrorTest(parsed.diagnostics);
  // With a `{` left open, only the statements the parse proved unaffected by it (reparse.ts, `settled`) parse as they would anywhere.
  const unaffected = parsed.openBraces ? (parsed.settled?.statements ?? 0) : lowered.length;
  for (let i = 0; i < lowered.length; i++) {
    const { statement, lowering: l } = lowered[i]!;
    const declaration = l.declaration;
    if (!declaration) continue;
    const key = i >= unaffected || touchesSyntaxError(statement.range) ? undefined : sourceKey(text, statement);
    let keptSome = false;
    for (const group of groups) {
      const earlier = key === undefined ? undefined : group.previousKept?.get(key);
      if (earlier) {
        const moved = rebased(earlier, statement.range.start);
        appendAll(found, moved);
        group.kept.set(key!, { start: statement.range.start, diagnostics: moved });
        keptSome = true;
        continue;
      }
      const own: Diagnostic[] = [];
      group.run.diagnostics = own;
      group.run.declaration(declaration);
      appendAll(found, own);
      if (key !== undefined && own.every((d) => within(d, statement.range))) group.kept.set(key, { start: statement.range.start, diagnostics: own });
    }
    if (keptSome) keptCount++;
  }
  for (const { run } of groups) {
    run.diagnostics = found;
    run.end();
  }

  // The other rules, over the whole program.
  const fileRun = new RuleRun(document, program, options, rules, found, "file");
  fileRun.begin();
  for (const d of declarations) fileRun.declaration(d);
  fileRun.end();

  const diagnostics = fileDiagnostics(parsed.diagnostics, sortedUnique(found), document.comments, () => projectLines(summarize(program, document)));
  const result: CheckResult = { document, program, diagnostics };
  const state: State = { text, optionsKey, rules, groups: groups.map(({ contextKey, kept }) => ({ contextKey, kept })), result, parse: reusableParse(text, parsed), lowerings, fragments: fragmentStatements };
  return { state, kept: keptCount, keptStatements: parsed.keptStatements, keptLowerings };
}

function sameItems<T>(a: readonly T[], b: readonly T[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** A declaration's text from the start of its first line (so that equal keys mean equal columns). */
function sourceKey(text: string, statement: Statement): string {
  const start = statement.range.start;
  return text.slice(start.offset - (start.column - 1), statement.range.end.offset);
}

/**
 * Whether a syntax error touches a range (recovery inside it may depend on the text around it),
 * in O(log n) a range, so that a file of thousands of statements and errors is no square.
 */
function syntaxErrorTest(syntax: readonly Diagnostic[]): (range: Range) => boolean {
  if (syntax.length === 0) return () => false;
  const byStart = syntax.map((d) => d.range).sort((a, b) => a.start.offset - b.start.offset);
  // The furthest end among the errors that start at or before each one.
  const furthestEnd: number[] = [];
  let furthest = -1;
  for (const r of byStart) furthestEnd.push((furthest = Math.max(furthest, r.end.offset)));
  return (range) => {
    // How many errors start at or before the range's end: one of them touches it when the furthest of their ends reaches its start.
    let low = 0;
    let high = byStart.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (byStart[mid]!.start.offset <= range.end.offset) low = mid + 1;
      else high = mid;
    }
    return low > 0 && furthestEnd[low - 1]! >= range.start.offset;
  };
}

/** Whether every range `d` carries lies inside `range` (only then does it move with its declaration). */
function within(d: Diagnostic, range: Range): boolean {
  const inside = (r: Range) => r.start.offset >= range.start.offset && r.end.offset <= range.end.offset;
  const fixInside = (f: Fix) => f.edits.every((e) => inside(e.range));
  return (
    inside(d.range) &&
    (d.fix === undefined || fixInside(d.fix)) &&
    (d.suggestions ?? []).every(fixInside) &&
    (d.related ?? []).every((r) => r.file === undefined && inside(r.range))
  );
}

/** `kept`'s findings for its declaration now starting at `start`: the same objects if it did not move, moved copies if it did (`within` made sure every range they carry moves with it). */
function rebased(kept: KeptFindings, start: Position): readonly Diagnostic[] {
  const offsets = start.offset - kept.start.offset;
  const lines = start.line - kept.start.line;
  if (offsets === 0 && lines === 0) return kept.diagnostics;
  return positionMover(offsets, lines)(kept.diagnostics);
}

/**
 * What rules of scope `declaration` read of the translation tables: their languages and keys, in
 * order, and which texts are empty (a text typed into stays out of it).
 */
function translationsSignature(translations: TranslationTable): string {
  let signature = "";
  for (const language of translations.languages.values()) {
    signature += `\u0001${language.language}`;
    for (const [key, entry] of language.entries) signature += entry.value === "" ? `\u0000${key}\u0002` : `\u0000${key}`;
  }
  return signature;
}

/** What rules of scope `declarations` read of the other declarations: keyword, name, name field, parameters. */
function declarationsSignature(declarations: readonly IrDeclaration[]): string {
  return declarations
    .map((d) => {
      const nameField = d.spec.nameField ? getScalar(d.root, d.spec.nameField)?.value : undefined;
      const params = d.params.length === 0 ? "" : JSON.stringify(d.params.map((p) => [p.name, p.optional, p.type]));
      return `${d.spec.keyword}\u0000${d.name}\u0000${String(nameField)}\u0000${params}`;
    })
    .join("\n");
}

/**
 * A text for `value` that is equal only for equal plain data (JSON's null, booleans, numbers,
 * strings, arrays and plain objects, and undefined); undefined for anything else (a Set, a
 * function, an array with holes), a cycle or very big options.
 */
function plainKey(value: unknown): string | undefined {
  let nodes = 0;
  const fail = new Error("not plain");
  const encode = (v: unknown, depth: number): string => {
    if (++nodes > 10_000 || depth > 32) throw fail;
    if (v === undefined) return "u";
    if (v === null || typeof v === "boolean" || typeof v === "string") return JSON.stringify(v);
    if (typeof v === "number") {
      if (Object.is(v, -0)) return "-0";
      if (!Number.isFinite(v)) throw fail;
      return String(v);
    }
    if (Array.isArray(v)) {
      if (Object.keys(v).length !== v.length) throw fail;
      return `[${v.map((x) => encode(x, depth + 1)).join(",")}]`;
    }
    if (typeof v !== "object") throw fail;
    const proto = Object.getPrototypeOf(v) as unknown;
    if (proto !== Object.prototype && proto !== null) throw fail;
    return `{${Object.entries(v).map(([k, x]) => `${JSON.stringify(k)}:${encode(x, depth + 1)}`).join(",")}}`;
  };
  try {
    return encode(value, 0);
  } catch (error) {
    if (error === fail) return undefined;
    throw error;
  }
}
