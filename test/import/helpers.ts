/**
 * The round trip every import test rests on: the imported text, compiled, gives the JSON it was
 * imported from, after the changes the import reported (its JSON Patch operations) are applied;
 * the only changes are docs quirks normalised without --keep-quirks. Where the checker finds
 * errors (an example that is invalid on purpose), `compile` writes nothing and the checked
 * program is emitted directly, to show the text is still faithful.
 */
import { expect } from "vitest";
import { check, compile } from "../../src/index.js";
import { emitProgram, type Json } from "../../src/emit/json.js";
import { applyChanges, importJson, valueAt, type ImportOptions, type ImportResult } from "../../src/import/index.js";

export interface RoundTrip {
  readonly result: ImportResult;
  readonly text: string;
  /** Rule ids of the checker's errors on the imported text, in order. */
  readonly checkErrors: readonly string[];
  readonly checkWarnings: readonly string[];
}

/**
 * JSON text with every object's keys sorted: compares like deep equality, and keys such as
 * `constructor` (which vitest's strict equality reads as the object's class) stay data.
 */
export function canonical(value: Json | undefined): string {
  const sort = (v: Json): Json => {
    if (Array.isArray(v)) return v.map(sort);
    if (v === null || typeof v !== "object") return v;
    const out = Object.create(null) as { [key: string]: Json };
    for (const k of Object.keys(v).sort()) out[k] = sort(v[k]!);
    return out;
  };
  return value === undefined ? "(nothing)" : JSON.stringify(sort(value), null, 1);
}

/** Imports `json`, compiles the text, and asserts that each declaration gives its part of the (changed) input. */
export function roundTrip(json: string, options: ImportOptions = {}): RoundTrip {
  const result = importJson(json, options);
  const errors = result.diagnostics.filter((d) => d.severity === "error");
  expect(errors, errors.map((d) => d.message).join("\n")).toEqual([]);
  const text = result.text!;
  const checked = check(text);
  const checkErrors = checked.diagnostics.filter((d) => d.severity === "error").map((d) => d.ruleId);
  const checkWarnings = checked.diagnostics.filter((d) => d.severity === "warning").map((d) => d.ruleId);
  // The importer never repairs: the only changes are the docs quirks it normalises (none with --keep-quirks) and the owner of an activity read as an update.
  const changed = result.diagnostics.filter((d) => d.change !== undefined && !(d.ruleId === "normalised" && options.keepQuirks !== true) && d.ruleId !== "left-out");
  expect(changed, text).toEqual([]);
  const outputs = checkErrors.length === 0 ? compile(text).outputs.map((o) => o.value) : emitProgram(checked.program).map((o) => o.value);
  expect(outputs, text).toHaveLength(result.declarations.length);
  const expected = applyChanges(JSON.parse(json) as Json, result.diagnostics.flatMap((d) => (d.change ? [d.change] : [])));
  result.declarations.forEach((d, i) => {
    expect(canonical(valueAt(outputs[i]!, d.outputPath)), text).toBe(canonical(valueAt(expected, d.inputPath)));
  });
  return { result, text, checkErrors, checkWarnings };
}

/** `code path` of every warning, for tables. */
export function warningsOf(result: ImportResult): string[] {
  return result.diagnostics.filter((d) => d.severity === "warning").map((d) => `${d.ruleId} ${d.path ? pathText(d.path) : ""}`.trimEnd());
}

function pathText(path: readonly (string | number)[]): string {
  return path.map((s) => (typeof s === "number" ? `[${s}]` : `.${s}`)).join("").replace(/^\./, "");
}

/** A LayoutDto with the given body blocks and optional extra top-level parts. */
export function layoutJson(blocks: Record<string, unknown>, extra: Record<string, unknown> = {}): string {
  return JSON.stringify({ icon: { code: "info" }, header: { title: "T" }, body: { logo: { code: "document" }, blocks }, ...extra }, null, 2);
}
