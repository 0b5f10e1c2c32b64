/**
 * The JSON front end: a REST payload in a JSON document checked in place. The document's tree
 * (src/json: a range on every key and value) is recognised as a payload (src/import's shapes, or
 * the kind or REST method given), lowered to the IR a `.b24layout` declaration lowers to
 * (src/lower/json-payload.ts) and checked by every rule that applies to JSON payloads
 * (RuleMeta.appliesTo), so its findings are the declaration's findings at the JSON's own keys
 * and values. Nothing is written as `.b24layout` text on the way.
 *
 * The tree may come from elsewhere (an object literal in JavaScript code) with that code's ranges:
 * the findings are then at that code's positions.
 */
import { compareDiagnostics, type Diagnostic, type Range } from "../diagnostic.js";
import { formatPath, nodeAt, parseJson, pathAt, property, type JsonNode, type JsonProperty } from "../json/index.js";
import { methodNames, paramsOfMethod } from "../model/index.js";
import { lowerJsonPayloads, type JsonPayload } from "../lower/index.js";
import type { LoweringProblem } from "../lower/index.js";
import { PAYLOAD_KIND, problemOf } from "../messages/index.js";
import { checkProgram, type CheckOptions } from "../check/index.js";
import { appliesTo, type Rule } from "../check/index.js";
import { ALL_RULES, getRule } from "../check/index.js";
import { duplicateKey } from "../check/index.js";
import { detectShape, IMPORT_KINDS, type Shape } from "../import/index.js";

/** The kinds of payload (`--kind`): the declaration keywords. */
export const PAYLOAD_KINDS: readonly string[] = IMPORT_KINDS;

export interface PayloadCheckOptions extends CheckOptions {
  /** Check the payload as this kind (one of PAYLOAD_KINDS) instead of recognising it from its shape. */
  readonly kind?: string;
  /** The REST method the payload is the params of (`crm.activity.configurable.add`): fixes the kind and the envelope. */
  readonly method?: string;
  /** The document's file name, for messages. */
  readonly fileName?: string;
}

export interface PayloadCheckResult {
  /** The kind the payload was checked as (recognised or given); undefined when it is none (a payload-kind finding says why). */
  readonly kind: string | undefined;
  /** What the payload was recognised as: "crm.timeline.layout.blocks.set params". */
  readonly description?: string;
  /** The findings, in source order, each with its `path` in the document. */
  readonly diagnostics: readonly Diagnostic[];
}

export interface JsonCheckOptions extends PayloadCheckOptions {
  /** JSON with comments and trailing commas (a `.jsonc` file); by default when `fileName` ends in `.jsonc`. */
  readonly comments?: boolean;
}

export interface JsonCheckResult extends PayloadCheckResult {
  /** The document's tree; absent when the text is not JSON (a syntax-error finding says where). */
  readonly tree?: JsonNode;
}

/** The rules that check JSON payloads, of `rules` (all of them by default). */
function jsonRules(rules: readonly Rule[] | undefined): Rule[] {
  return (rules ?? ALL_RULES).filter((r) => appliesTo(r.meta, "json"));
}

/**
 * Checks a JSON text as a REST payload: parses it (a syntax error is a `syntax-error` finding at
 * its place), then as `checkPayload`. A key written twice is a `duplicate-key` finding. Never throws.
 */
export function checkJson(text: string, options: JsonCheckOptions = {}): JsonCheckResult {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const comments = options.comments ?? (options.fileName !== undefined && /\.jsonc$/i.test(options.fileName));
  const parsed = parseJson(source, { comments });
  if (!parsed.ok) {
    const meta = getRule("syntax-error")!.meta;
    const message = `${capitalised(parsed.error.message)}.`;
    return { kind: undefined, diagnostics: [{ ruleId: meta.id, severity: "error", message, range: parsed.error.range }] };
  }
  const duplicates = parsed.duplicates.map((d) => {
    const first = property(d.object, d.key);
    const related = first ? [{ message: "first written", range: first.keyRange }] : undefined;
    // Reported through the duplicate-key rule, which declares the message: the tree found the key, not a rule's walk.
    const problem: LoweringProblem = { ruleId: duplicateKey.meta.id, messageId: "jsonKey", data: { key: d.key }, range: d.range, ...(related ? { related } : {}) };
    return problem;
  });
  const result = checkPayloadWith(parsed.root, options, duplicates);
  return { ...result, tree: parsed.root };
}

/**
 * Checks a REST payload given as a tree (parsed JSON, or an object literal of JavaScript code with
 * its ranges): recognises its kind (or takes `kind` / `method`), and reports every finding of the
 * rules that apply to JSON payloads at the tree's ranges, each with its `path`. Never throws.
 */
export function checkPayload(tree: JsonNode, options: PayloadCheckOptions = {}): PayloadCheckResult {
  return checkPayloadWith(tree, options, []);
}

function checkPayloadWith(tree: JsonNode, options: PayloadCheckOptions, problems: LoweringProblem[]): PayloadCheckResult {
  const { kind: givenKind, method } = options;
  const settings: CheckOptions = {
    rules: jsonRules(options.rules),
    ...(options.severities ? { severities: options.severities } : {}),
    ...(options.ruleOptions ? { ruleOptions: options.ruleOptions } : {}),
    ...(options.target ? { target: options.target } : {}),
  };
  const at = openingOf(tree);
  const refuse = (problem: LoweringProblem): PayloadCheckResult => {
    const empty = lowerJsonPayloads([], tree.range);
    return { kind: undefined, diagnostics: withPaths(tree, checkProgram(empty.document, empty.program, [...problems, problem], settings)) };
  };

  let kind = givenKind;
  let directive: string | undefined;
  if (method !== undefined) {
    const params = paramsOfMethod(method);
    if (!params) return refuse(problemOf(PAYLOAD_KIND, "unknownMethod", { method, methods: methodNames().join(", ") }, at));
    kind = params.declaration;
    directive = params.directive;
  }
  if (kind !== undefined && !PAYLOAD_KINDS.includes(kind)) return refuse(problemOf(PAYLOAD_KIND, "unknownKind", { kind, kinds: PAYLOAD_KINDS.join(", ") }, at));

  const detected = detectShape(tree, kind);
  if (!detected.ok) {
    const problem =
      kind !== undefined
        ? problemOf(PAYLOAD_KIND, "notOfKind", { kind, found: detected.found, expected: detected.expected }, openingOf(nodeAtRange(tree, detected.range)))
        : problemOf(PAYLOAD_KIND, "unrecognised", { reason: detected.found, expected: detected.expected, kinds: PAYLOAD_KINDS.join(", ") }, openingOf(nodeAtRange(tree, detected.range)));
    return refuse(problem);
  }
  const shape = detected.shape;
  const payloads = payloadsOf(tree, shape, directive);
  const lowered = lowerJsonPayloads(payloads, tree.range);
  const diagnostics = checkProgram(lowered.document, lowered.program, problems, settings);
  return { kind: shape.kind, description: shape.description, diagnostics: withPaths(tree, diagnostics) };
}

/** The declarations a recognised shape is checked as. */
function payloadsOf(tree: JsonNode, shape: Shape, directive: string | undefined): JsonPayload[] {
  const directives = [...new Set([shape.directive, directive].filter((d): d is string => d !== undefined))];
  return shape.payloads.map((p) => {
    const base = { keyword: shape.kind, name: p.path.length > 0 ? formatPath(p.path) : shape.kind, ...(directives.length > 0 ? { directives } : {}) };
    if (shape.sectionsOnly) return { ...base, node: p.node, nameRange: nameRangeOf(tree, p.path), sectionsOnly: true };
    if (shape.target) {
      // The request params around the payload: checked whole (the target ids too), without what the method takes beside them.
      const params = nodeAt(tree, shape.target.path)?.node ?? p.node;
      const leftOut = new Set<JsonProperty>(shape.notImported?.entries ?? []);
      const name = shape.target.path.length > 0 ? formatPath(shape.target.path) : shape.kind;
      return { ...base, name, node: params, nameRange: nameRangeOf(tree, shape.target.path), request: true, leftOut };
    }
    const leftOut = new Set<JsonProperty>([...(shape.leftOut ?? []), ...(shape.notImported?.entries ?? [])]);
    return { ...base, node: p.node, nameRange: nameRangeOf(tree, p.path), ...(leftOut.size > 0 ? { leftOut } : {}) };
  });
}

/** Where a finding on a whole declaration goes: the key holding its payload, else the payload's opening brace. */
function nameRangeOf(tree: JsonNode, path: readonly (string | number)[]): Range {
  const found = nodeAt(tree, path);
  if (found?.property) return found.property.keyRange;
  return openingOf(found?.node ?? tree);
}

/** The node whose range is `range` (what the recognition refused), else the root. */
function nodeAtRange(tree: JsonNode, range: Range): JsonNode {
  const found = nodeAt(tree, pathAt(tree, range));
  return found && found.node.range.start.offset === range.start.offset ? found.node : tree;
}

/** An object's or list's opening bracket (a finding on it as a whole should not paint the whole document); a scalar's whole range. */
function openingOf(node: JsonNode): Range {
  if (node.kind !== "object" && node.kind !== "array") return node.range;
  const { start } = node.range;
  return { start, end: { offset: start.offset + 1, line: start.line, column: start.column + 1 } };
}

/** The findings in source order, each with its path in the document. */
function withPaths(tree: JsonNode, diagnostics: readonly Diagnostic[]): Diagnostic[] {
  // Fixes and suggestions are edits of `.b24layout` text (a bare word, a statement); in JSON they could break the document.
  return diagnostics
    .map(({ fix: _fix, suggestions: _suggestions, ...d }) => ({ ...d, path: pathAt(tree, d.range) }))
    .sort(compareDiagnostics);
}

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
