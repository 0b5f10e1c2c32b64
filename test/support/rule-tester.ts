/**
 * The rule tester: a rule's tests as tables of valid and invalid cases (ESLint's `RuleTester`,
 * graphql-js's `expectValidationErrors`), each run through the public entry points as a user runs
 * them (`check`, or `checkProject` for the project rules and for cases of several files), with
 * every other rule running too, and only the tested rule's findings asserted.
 *
 * - A valid case asserts that the rule reports nothing.
 * - An invalid case asserts every finding of the rule, in source order: its message (an id of
 *   `rule.meta.messages`, with `data` if given, or the exact text), its exact range and, where
 *   given, its severity, suggestions and related locations. A count mismatch fails with the
 *   findings that were made.
 * - A case whose findings carry a fix must state `output`: the whole text after applying the
 *   rule's fixes the way `--fix` does (in passes, until none is left). The output is checked
 *   again: the rule must report nothing there but `outputErrors` (none by default), so a fix that
 *   does not settle what it fixes fails. `output: null` asserts that nothing is fixed.
 * - A suggestion is asserted by the whole text after applying it (as the editor's quick fix does),
 *   checked again: it must parse, and the finding it answers must be gone. Suggestions a case does
 *   not state are applied too, and must parse.
 * - Malformed tables are rejected before anything runs: duplicate cases, message ids the rule does
 *   not have, a finding without its full range, an invalid case without findings.
 *
 * It lives in test/support/ with the other helpers shared by test files (a module, not a test
 * file: vitest only collects `*.test.ts`); its own tests are test/support/rule-tester.test.ts.
 */
import { describe, expect, it } from "vitest";
import {
  check,
  checkProject,
  compile,
  type CheckOptions,
  type Diagnostic,
  type Fix,
  type ProjectOptions,
  type Rule,
  type Severity,
  type SourceHost,
  getRule,
} from "../../src/index.js";
import { applyFixes, hasSyntaxError } from "../../src/check/fixer.js";
import { formatMessage } from "../../src/check/rule.js";
import type { Finding } from "../helpers.js";

/** A range as ESLint states it: 1-based lines and columns, the end just past the last character. */
export interface ExpectedRange {
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
}

export interface ExpectedSuggestion {
  /** The suggestion's description (`Replace with 'x'`). */
  readonly desc?: string;
  /** The whole text after applying the suggestion. */
  readonly output: string;
}

/**
 * A related location (`Diagnostic.related`). Its start is always asserted; its end where given
 * (test/helpers.ts states a related place by its start only, `first defined 2:3`).
 */
export interface ExpectedRelated {
  readonly message?: string;
  /** The file of the related location, where it is not the finding's own (`RelatedLocation.file`). */
  readonly path?: string;
  readonly line: number;
  readonly column: number;
  readonly endLine?: number;
  readonly endColumn?: number;
}

/** One finding of an invalid case. At least one of `messageId` and `message`. */
export interface ExpectedFinding extends ExpectedRange {
  /** The rule's id, where a table states it (a finding of another rule is a mistake in the table). */
  readonly ruleId?: string;
  /** A message id of the rule; its template must match the message (exactly, filled with `data`, when `data` is given). */
  readonly messageId?: string;
  readonly data?: Readonly<Record<string, string | number>>;
  /** The exact text of the message. */
  readonly message?: string;
  readonly severity?: Severity;
  /** For project cases: the file it is reported in (default the case's `path`). */
  readonly path?: string;
  /** Every suggestion, in order; `[]` asserts that there is none. Not asserted when absent. */
  readonly suggestions?: readonly ExpectedSuggestion[];
  /** Every related location (`Diagnostic.related`), in order. Not asserted when absent. */
  readonly related?: readonly ExpectedRelated[];
}

/** Another file checked with the case's (a project case). */
export interface CaseFile {
  readonly path: string;
  readonly code: string;
  /** That file's own settings (a config's overrides). */
  readonly settings?: CheckOptions;
}

/** The settings a case is checked with, besides the rule's options. */
export type CaseSettings = CheckOptions & {
  readonly file?: string;
  readonly host?: SourceHost;
  readonly params?: ProjectOptions["params"];
  readonly display?: ProjectOptions["display"];
};

export interface ValidCase {
  /** The test's name (default: the code). */
  readonly name?: string;
  readonly code: string;
  /** The rule's options (what `ruleOptions[rule id]` of the config gives it). */
  readonly options?: Readonly<Record<string, unknown>>;
  readonly settings?: CaseSettings;
  /** For project cases: the path of `code`'s file (default `a.b24layout`). */
  readonly path?: string;
  /** Other files checked with it: the case is checked with `checkProject`. */
  readonly files?: readonly CaseFile[];
  /** Run only this case (while working on it). */
  readonly only?: boolean;
}

export interface InvalidCase extends ValidCase {
  /** Every finding of the rule, in order (by file, then by position). */
  readonly errors: readonly ExpectedFinding[];
  /** The text after `--fix` applies the rule's fixes; `null`: nothing is fixed. Required when a finding has a fix. */
  readonly output?: string | null;
  /** What the rule still reports in `output` (default: nothing). */
  readonly outputErrors?: readonly ExpectedFinding[];
}

export interface RuleTests {
  readonly valid: readonly (ValidCase | string)[];
  readonly invalid: readonly InvalidCase[];
}

/** `"7:24"`, `"7:31"` (start and end as `line:column`) as an ExpectedRange. */
export function span(start: string, end: string): ExpectedRange {
  const [line, column] = start.split(":").map(Number);
  const [endLine, endColumn] = end.split(":").map(Number);
  return { line: line!, column: column!, endLine: endLine!, endColumn: endColumn! };
}

/** Valid cases from a table of `[name, code]` rows. */
export function validRows(rows: readonly (readonly [name: string, code: string])[]): ValidCase[] {
  return rows.map(([name, code]) => ({ name, code }));
}

/**
 * Invalid cases from a table of `[name, code, findings, output?, outputFindings?]` rows, the
 * findings as test/helpers.ts states them (`at` and `to` as `line:column`).
 */
export function invalidRows(
  rows: readonly (readonly [name: string, code: string, findings: readonly Finding[], output?: string | null, outputFindings?: readonly Finding[]])[],
): InvalidCase[] {
  return rows.map(([name, code, findings, output, outputFindings]) => ({
    name,
    code,
    errors: findings.map(expectedFinding),
    ...(output !== undefined ? { output } : {}),
    ...(outputFindings !== undefined ? { outputErrors: outputFindings.map(expectedFinding) } : {}),
  }));
}

/**
 * A finding as test/helpers.ts states it, as the tester does. A Finding without `related` states
 * that there is none, as `findings()` compares it.
 */
export function expectedFinding(f: Finding): ExpectedFinding {
  return { ruleId: f.ruleId, message: f.message, severity: f.severity as Severity, ...span(f.at, f.to), related: (f.related ?? []).map(expectedRelated) };
}

/**
 * A related place as test/helpers.ts states it (`first defined 2:3`, `imported b.b24layout:1:8`:
 * the message, then the start as `[file:]line:column`), as the tester does.
 */
export function expectedRelated(text: string): ExpectedRelated {
  const match = /^(.+) (?:(.+):)?(\d+):(\d+)$/.exec(text);
  if (match === null) throw new Error(`A related place is 'message [file:]line:column', not '${text}'.`);
  const [, message, path, line, column] = match;
  return { message: message!, ...(path !== undefined ? { path } : {}), line: Number(line), column: Number(column) };
}

const DEFAULT_PATH = "a.b24layout";

/**
 * A rule by its id, through the public registry: test files name the rule they test by id, so
 * moving a rule's module changes no test.
 */
export function ruleById(id: string): Rule {
  const rule = getRule(id);
  if (rule === undefined) throw new Error(`No rule '${id}'.`);
  return rule;
}

/** A finding of the rule, with the file it is in. */
interface Found {
  readonly path: string;
  readonly diagnostic: Diagnostic;
}

export class RuleTester {
  /** The cases run so far, by rule id, then by what decides their result: a duplicate in a later table of the rule is found too. */
  private readonly seen = new Map<string, Map<string, string>>();

  /** Settings every case of this tester is checked with (a case's own settings override them). */
  constructor(private readonly defaults: CaseSettings = {}) {}

  /**
   * One vitest `describe` for the rule, with a test per case. Throws on a malformed table (see
   * the module comment): the test file fails to load, before anything runs.
   */
  run(rule: Rule, tests: RuleTests): void {
    const valid = this.validate(rule, tests);
    describe(rule.meta.id, () => {
      // An empty suite is an error to vitest: a table may hold only valid or only invalid cases.
      if (valid.length > 0) {
        describe("valid", () => {
          for (const c of valid) (c.only ? it.only : it)(caseName(c), () => this.verifyValid(rule, c));
        });
      }
      if (tests.invalid.length > 0) {
        describe("invalid", () => {
          for (const c of tests.invalid) (c.only ? it.only : it)(caseName(c), () => this.verifyInvalid(rule, c));
        });
      }
    });
  }

  /**
   * Checks a table without running it (run() does this first), and records its cases: a case
   * that repeats one of them, in this table or a later one of the rule, is a duplicate.
   */
  validate(rule: Rule, tests: RuleTests): ValidCase[] {
    const valid = tests.valid.map((c) => (typeof c === "string" ? { code: c } : c));
    this.seen.set(rule.meta.id, validateTable(rule, valid, tests.invalid, this.seen.get(rule.meta.id)));
    return valid;
  }

  /** Asserts that the rule reports nothing for `c`. */
  verifyValid(rule: Rule, c: ValidCase): void {
    const found = this.findings(rule, c, c.code);
    expect(found.map(show), `${rule.meta.id} should report nothing`).toEqual([]);
  }

  /** Asserts every finding of `c`, its fixed output and its suggestions. */
  verifyInvalid(rule: Rule, c: InvalidCase): void {
    validateInvalid(rule, c);
    const found = this.findings(rule, c, c.code);
    this.assertFindings(rule, c, c.code, found, c.errors);

    const fixed = found.filter((f) => f.diagnostic.fix !== undefined);
    if (c.output === undefined) {
      expect(fixed.map(show), `${rule.meta.id} fixes these findings: the case must state its \`output\``).toEqual([]);
      return;
    }
    if (c.output === null) {
      expect(fixed.map(show), "the case states that nothing is fixed (output: null)").toEqual([]);
      return;
    }
    expect(fixed.length, "the case states an output, but no finding has a fix").toBeGreaterThan(0);
    const output = this.fix(rule, c);
    expect(output, "the text after the rule's fixes").toBe(c.output);
    const after = this.findings(rule, c, output);
    this.assertFindings(rule, c, output, after, c.outputErrors ?? [], "in the fixed output: ");
  }

  /** The text after applying the rule's fixes in passes, as `b24layout check --fix` does. */
  private fix(rule: Rule, c: ValidCase): string {
    let text = c.code;
    for (let pass = 0; pass < 10; pass++) {
      const found = this.findings(rule, c, text).filter((f) => f.path === mainPath(c));
      const { text: next, count } = applyFixes(text, found.map((f) => f.diagnostic));
      if (count === 0) break;
      expect(hasSyntaxError(this.diagnostics(rule, c, next)), `a fix of ${rule.meta.id} made a syntax error:\n${next}`).toBe(false);
      text = next;
    }
    return text;
  }

  private assertFindings(rule: Rule, c: ValidCase, code: string, found: readonly Found[], expected: readonly ExpectedFinding[], where = ""): void {
    expect(found.length, `${where}should have ${expected.length} finding(s) of ${rule.meta.id}, but had ${found.length}:\n${found.map(show).join("\n")}`).toBe(expected.length);
    expected.forEach((e, i) => {
      const { path, diagnostic: d } = found[i]!;
      const label = `${where}finding ${i + 1} (${show(found[i]!)})`;
      expect(path, `${label}: file`).toBe(e.path ?? mainPath(c));
      // A rule without message templates (syntax-error: the parser words its errors) is matched by text only.
      if (Object.keys(rule.meta.messages).length > 0) expect(templateOf(rule, d.message), `${label}: the message matches none of the rule's templates`).toBeDefined();
      if (e.message !== undefined) expect(d.message, `${label}: message`).toBe(e.message);
      if (e.messageId !== undefined) {
        const template = messageText(rule, e.messageId);
        if (e.data !== undefined) expect(d.message, `${label}: message ${e.messageId} with its data`).toBe(formatMessage(template, e.data));
        else expect(d.message, `${label}: message ${e.messageId}`).toMatch(templatePattern(template));
      }
      if (e.severity !== undefined) expect(d.severity, `${label}: severity`).toBe(e.severity);
      expect(rangeOf(d.range), `${label}: range`).toEqual(expectedRange(e));
      if (e.suggestions !== undefined) this.assertSuggestions(rule, c, code, d, e.suggestions, label);
      else this.assertSuggestionsParse(rule, c, code, d, label);
      if (e.related !== undefined) expect(relatedOf(d, e.related), `${label}: related`).toEqual(e.related.map(relatedAsStated));
    });
  }

  private assertSuggestions(rule: Rule, c: ValidCase, code: string, d: Diagnostic, expected: readonly ExpectedSuggestion[], label: string): void {
    const actual = d.suggestions ?? [];
    expect(actual.map((s) => s.description), `${label}: suggestions`).toHaveLength(expected.length);
    expected.forEach((e, i) => {
      const s = actual[i]!;
      if (e.desc !== undefined) expect(s.description, `${label}: suggestion ${i + 1}'s description`).toBe(e.desc);
      const output = applySuggestion(code, d, s);
      expect(output, `${label}: the text after suggestion ${i + 1}`).toBe(e.output);
      const again = this.diagnostics(rule, { ...c, code: output }, output);
      expect(again.filter((x) => x.ruleId === "syntax-error").map((x) => x.message), `${label}: suggestion ${i + 1} made a syntax error`).toEqual([]);
      const same = again.filter((x) => x.ruleId === rule.meta.id && x.message === d.message);
      expect(same.map((x) => x.message), `${label}: suggestion ${i + 1} leaves the finding it answers`).toEqual([]);
    });
  }

  /** Suggestions a case does not state are applied all the same: none may make a syntax error. */
  private assertSuggestionsParse(rule: Rule, c: ValidCase, code: string, d: Diagnostic, label: string): void {
    (d.suggestions ?? []).forEach((s, i) => {
      const output = applySuggestion(code, d, s);
      const errors = this.diagnostics(rule, { ...c, code: output }, output).filter((x) => x.ruleId === "syntax-error");
      expect(errors.map((x) => x.message), `${label}: suggestion ${i + 1} ('${s.description}') made a syntax error:\n${output}`).toEqual([]);
    });
  }

  /** The rule's findings for `c` with `code` as its text, by file in the order given, then by position. */
  private findings(rule: Rule, c: ValidCase, code: string): Found[] {
    if (!isProject(rule, c)) {
      return this.diagnostics(rule, c, code).filter((d) => d.ruleId === rule.meta.id).map((diagnostic) => ({ path: mainPath(c), diagnostic }));
    }
    return checkProject(projectFiles(c, code), this.settings(rule, c)).flatMap((r) =>
      r.diagnostics.filter((d) => d.ruleId === rule.meta.id).map((diagnostic) => ({ path: r.path, diagnostic })),
    );
  }

  /** Every diagnostic of `code`, checked as the case is. */
  private diagnostics(rule: Rule, c: ValidCase, code: string): readonly Diagnostic[] {
    if (isProject(rule, c)) return checkProject(projectFiles(c, code), this.settings(rule, c))[0]!.diagnostics;
    const settings = this.settings(rule, c);
    return rule.meta.phase === "compile" ? compile(code, settings).diagnostics : check(code, settings).diagnostics;
  }

  private settings(rule: Rule, c: ValidCase): CaseSettings {
    const settings = { ...this.defaults, ...c.settings };
    if (c.options === undefined) return settings;
    return { ...settings, ruleOptions: { ...settings.ruleOptions, [rule.meta.id]: c.options } };
  }
}

function isProject(rule: Rule, c: ValidCase): boolean {
  return rule.meta.phase === "project" || c.files !== undefined;
}

function mainPath(c: ValidCase): string {
  return c.path ?? DEFAULT_PATH;
}

function projectFiles(c: ValidCase, code: string) {
  return [{ path: mainPath(c), text: code }, ...(c.files ?? []).map((f) => ({ path: f.path, text: f.code, ...(f.settings ? { options: f.settings } : {}) }))];
}

function caseName(c: ValidCase): string {
  return c.name ?? c.code;
}

/**
 * Throws on what makes a table wrong whatever the rule does: duplicate cases (among themselves
 * and with `before`, the rule's cases of earlier tables), unknown message ids, missing ranges.
 * Answers the cases seen, `before`'s and these.
 */
function validateTable(rule: Rule, valid: readonly ValidCase[], invalid: readonly InvalidCase[], before?: ReadonlyMap<string, string>): Map<string, string> {
  const seen = new Map(before);
  for (const [kind, cases] of [["valid", valid], ["invalid", invalid]] as const) {
    for (const c of cases) {
      const key = caseKey(c);
      const earlier = seen.get(key);
      if (earlier !== undefined) throw new Error(`${rule.meta.id}: duplicate ${kind} case '${caseName(c)}' (the same as ${earlier}).`);
      seen.set(key, `${kind} case '${caseName(c)}'`);
      if (kind === "valid" && ("errors" in c || "output" in c)) throw new Error(`${rule.meta.id}: valid case '${caseName(c)}' has errors or output: make it an invalid case.`);
    }
  }
  for (const c of invalid) validateInvalid(rule, c);
  return seen;
}

/** What is compared to find duplicates: everything that decides a case's result. */
function caseKey(c: ValidCase): string {
  const { code, options, settings, path, files } = c;
  return JSON.stringify({ code, options, settings, path, files });
}

function validateInvalid(rule: Rule, c: InvalidCase): void {
  const where = `${rule.meta.id}: invalid case '${caseName(c)}'`;
  // A table written in JavaScript may leave errors out: it is an invalid case all the same.
  const errors: readonly ExpectedFinding[] | undefined = c.errors;
  if (errors === undefined || errors.length === 0) throw new Error(`${where} states no findings: an invalid case lists every finding of the rule.`);
  if (c.output === c.code) throw new Error(`${where}: output is the code itself; use output: null to state that nothing is fixed.`);
  for (const e of [...errors, ...(c.outputErrors ?? [])]) {
    if (e.messageId === undefined && e.message === undefined) throw new Error(`${where}: a finding needs a messageId or a message.`);
    if (e.messageId !== undefined && !Object.hasOwn(rule.meta.messages, e.messageId)) {
      throw new Error(`${where}: unknown message id '${e.messageId}'; ${rule.meta.id} has ${Object.keys(rule.meta.messages).map((m) => `'${m}'`).join(", ")}.`);
    }
    if (e.ruleId !== undefined && e.ruleId !== rule.meta.id) throw new Error(`${where}: a finding of ${e.ruleId} in a table of ${rule.meta.id}.`);
    if (e.data !== undefined && e.messageId === undefined) throw new Error(`${where}: data is given without a messageId.`);
    for (const key of ["line", "column", "endLine", "endColumn"] as const) {
      if (!Number.isInteger(e[key]) || e[key] < 1) throw new Error(`${where}: a finding needs its exact range (${key} is ${String(e[key])}).`);
    }
    for (const r of e.related ?? []) {
      if ((r.endLine === undefined) !== (r.endColumn === undefined)) throw new Error(`${where}: a related location states its end as both endLine and endColumn, or not at all.`);
      for (const key of ["line", "column", "endLine", "endColumn"] as const) {
        const value = r[key];
        if ((key === "line" || key === "column" || value !== undefined) && (!Number.isInteger(value) || value! < 1)) throw new Error(`${where}: a related location needs whole positive line and column numbers (${key} is ${String(value)}).`);
      }
    }
  }
}

function messageText(rule: Rule, messageId: string): string {
  const m = rule.meta.messages[messageId]!;
  return typeof m === "string" ? m : m.text;
}

/** A template as a pattern of the whole message: each `{name}` stands for any text. */
function templatePattern(template: string): RegExp {
  const parts = template.split(/\{\w+\}/).map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
  return new RegExp(`^${parts.join("[\\s\\S]*")}$`);
}

/** The first of the rule's message ids whose template matches `message`. */
function templateOf(rule: Rule, message: string): string | undefined {
  return Object.keys(rule.meta.messages).find((id) => templatePattern(messageText(rule, id)).test(message));
}

function rangeOf(range: Diagnostic["range"]): ExpectedRange {
  return { line: range.start.line, column: range.start.column, endLine: range.end.line, endColumn: range.end.column };
}

function expectedRange(e: ExpectedRange): ExpectedRange {
  return { line: e.line, column: e.column, endLine: e.endLine, endColumn: e.endColumn };
}

/** An expected related location with what it does not state left out: its message, its end. */
function relatedAsStated(r: ExpectedRelated): Record<string, unknown> {
  return {
    ...(r.message !== undefined ? { message: r.message } : {}),
    ...(r.path !== undefined ? { path: r.path } : {}),
    line: r.line,
    column: r.column,
    ...(r.endLine !== undefined ? { endLine: r.endLine } : {}),
    ...(r.endColumn !== undefined ? { endColumn: r.endColumn } : {}),
  };
}

/**
 * A diagnostic's related locations as the tester states them, each as much as `expected`'s entry
 * at its index states (its message always, its end where the entry gives one): a location more
 * or less than expected still fails on the count.
 */
function relatedOf(d: Diagnostic, expected: readonly ExpectedRelated[]): Record<string, unknown>[] {
  return (d.related ?? []).map((r, i) => {
    const stated = expected[i];
    const range = rangeOf(r.range);
    return {
      ...(stated === undefined || stated.message !== undefined ? { message: r.message } : {}),
      ...(r.file !== undefined ? { path: r.file } : {}),
      line: range.line,
      column: range.column,
      ...(stated?.endLine !== undefined || stated === undefined ? { endLine: range.endLine } : {}),
      ...(stated?.endColumn !== undefined || stated === undefined ? { endColumn: range.endColumn } : {}),
    };
  });
}

/** The text after the editor applies a suggestion as a quick fix (src/lsp/code-actions.ts does it with applyFixes). */
function applySuggestion(code: string, d: Diagnostic, suggestion: Fix): string {
  return applyFixes(code, [{ ...d, fix: suggestion }]).text;
}

function show(f: Found): string {
  const { range, severity, message } = f.diagnostic;
  return `${f.path}:${range.start.line}:${range.start.column}-${range.end.line}:${range.end.column} ${severity} ${message}${f.diagnostic.fix ? " [fix]" : ""}`;
}
