/**
 * The checker's findings of one `.b24layout` file, made once for all the ESLint rules of the file:
 * each rule, when ESLint creates it, says that it is on and with which options (ESLint creates
 * every rule of a file before it walks the tree), and the first to report runs the checker with
 * exactly those rules on, then each takes its own findings.
 */
import { isAbsolute } from "node:path";
import { checkParsed } from "../pipeline/index.js";
import { ALL_RULES } from "../check/index.js";
import type { Target } from "../check/index.js";
import { sourceHost } from "../workspace/index.js";
import type { Diagnostic, Severity } from "../diagnostic.js";
import type { Document } from "../syntax/index.js";
import type { B24LayoutSourceCode } from "./language.js";

interface FileState {
  /** The rules ESLint has on for the file, with their options. */
  readonly requested: Map<string, Readonly<Record<string, unknown>> | undefined>;
  /** The findings by rule id, once the checker has run. */
  findings?: ReadonlyMap<string, readonly Diagnostic[]>;
}

const states = new WeakMap<B24LayoutSourceCode, FileState>();

function stateOf(source: B24LayoutSourceCode): FileState {
  let state = states.get(source);
  if (!state) states.set(source, (state = { requested: new Map() }));
  return state;
}

/** Says that rule `id` is on for the file, with `options` (its first ESLint option). */
export function requestRule(source: B24LayoutSourceCode, id: string, options: Readonly<Record<string, unknown>> | undefined): void {
  stateOf(source).requested.set(id, options);
}

export interface FileRun {
  /** The file's path on disk (ESLint's `physicalFilename`): its imports are resolved from there. */
  readonly file: string;
  /** ESLint's working directory: the project root of a file with no package.json or .git above it. */
  readonly cwd: string;
  readonly target: Target | undefined;
}

/** The findings of rule `id` in the file. */
export function findingsFor(source: B24LayoutSourceCode, id: string, run: FileRun): readonly Diagnostic[] {
  const state = stateOf(source);
  state.findings ??= checkFile(source.ast, state.requested, run);
  return state.findings.get(id) ?? [];
}

function checkFile(document: Document, requested: FileState["requested"], run: FileRun): ReadonlyMap<string, readonly Diagnostic[]> {
  const severities: Record<string, Severity | "off"> = {};
  const ruleOptions: Record<string, Readonly<Record<string, unknown>>> = {};
  for (const { meta } of ALL_RULES) {
    if (!requested.has(meta.id)) severities[meta.id] = "off";
    const options = requested.get(meta.id);
    if (options) ruleOptions[meta.id] = options;
  }
  // A text ESLint was given without a path (`--stdin` without `--stdin-filename`) has no imports to resolve.
  const located = isAbsolute(run.file) ? { file: run.file, host: sourceHost(run.file, run.cwd) } : {};
  // ESLint lints only a text that parsed without an error (language.ts): its tree is checked as it is, not parsed again.
  const { diagnostics } = checkParsed({ document, diagnostics: [] }, { ...located, severities, ruleOptions, ...(run.target ? { target: run.target } : {}) });
  const byRule = new Map<string, Diagnostic[]>();
  for (const d of diagnostics) {
    let list = byRule.get(d.ruleId);
    if (!list) byRule.set(d.ruleId, (list = []));
    list.push(d);
  }
  return byRule;
}
