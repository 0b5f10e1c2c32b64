/**
 * The library API: parse, check and compile `.b24layout` text.
 */
import { compareDiagnostics, type Diagnostic } from "./diagnostic.js";
import { parse as parseText, type ParseResult } from "./syntax/parser.js";
import { lower } from "./lower/lower.js";
import type { IrProgram } from "./lower/ir.js";
import { checkProgram, type CheckOptions } from "./check/checker.js";
import { fileDiagnostics } from "./check/suppressions.js";
import { formatJson, type EmittedDeclaration, type Json } from "./emit/json.js";
import type { Document } from "./syntax/ast.js";
import { renderProgram, type ProgramArguments } from "./emit/render.js";
import { ModuleCache, resolveImports, type SourceHost } from "./lower/imports.js";
import type { FormatOptions, FormatResult } from "./format/format.js";

export { ModuleCache, type SourceHost };

export type { Diagnostic, Fix, Severity, TextEdit } from "./diagnostic.js";
export type * from "./syntax/ast.js";
export type { CheckOptions } from "./check/checker.js";
export type { EmittedDeclaration, Json } from "./emit/json.js";
export type { Rule, RuleMeta } from "./check/rule.js";
export { ALL_RULES, getRule } from "./check/rules/index.js";
export { formatJson };

export interface CheckResult {
  readonly document: Document;
  readonly program: IrProgram;
  /** Syntax errors and rule findings, in source order. */
  readonly diagnostics: readonly Diagnostic[];
}

export interface CompileResult {
  readonly diagnostics: readonly Diagnostic[];
  /** One payload per declaration; empty when there is any error. */
  readonly outputs: readonly EmittedDeclaration[];
}

/** Parses text into an AST. Never throws; syntax errors are diagnostics. */
export function parse(text: string): ParseResult {
  return parseText(text);
}

/** Where a text comes from, for its imports. */
export interface SourceOptions {
  /** The text's absolute path: its imports are resolved from there. */
  readonly file?: string;
  /** Reads the imported files and bounds them to the project root. */
  readonly host?: SourceHost;
  /** Imported files already lowered, shared by the checks of one run. */
  readonly modules?: ModuleCache;
}

/** Parses and checks text against every Bitrix24 rule. */
export function check(text: string, options: CheckOptions & SourceOptions = {}): CheckResult {
  const parsed = parseText(text);
  const imported = parsed.document.imports.length === 0 ? undefined : resolveImports(parsed.document, options.file, options.host, options.modules);
  const lowered = lower(parsed.document, imported?.scope);
  const problems = imported ? [...imported.problems, ...lowered.problems] : lowered.problems;
  const ruleDiagnostics = checkProgram(parsed.document, lowered.program, problems, options);
  const diagnostics = fileDiagnostics(parsed.diagnostics, ruleDiagnostics, parsed.document.comments);
  return { document: parsed.document, program: lowered.program, diagnostics };
}

export interface CompileOptions extends CheckOptions, SourceOptions {
  /** Values of template parameters, by declaration name: `{ incomingCall: { dealId: 42 } }`. */
  readonly params?: ProgramArguments;
}

/**
 * Checks text and, when it has no errors, compiles every declaration to its REST payload. A
 * template is rendered with `options.params` (and its defaults); one that lacks values gets a
 * `template-arguments` error.
 */
export function compile(text: string, options: CompileOptions = {}): CompileResult {
  const checked = check(text, options);
  if (checked.diagnostics.some((d) => d.severity === "error")) return { diagnostics: checked.diagnostics, outputs: [] };
  const rendered = renderProgram(checked.program, options.params);
  if (rendered.diagnostics.length === 0) return { diagnostics: checked.diagnostics, outputs: rendered.outputs };
  const diagnostics = [...checked.diagnostics, ...rendered.diagnostics].sort(compareDiagnostics);
  return { diagnostics, outputs: rendered.outputs };
}

export type { Json as JsonValue };

/** JSON Schema (draft-07) of each output kind, generated from the Bitrix24 model. */
export { allSchemas, schemaFor, SCHEMA_KINDS, type JsonSchema } from "./emit/schema.js";

export type { FormatOptions, FormatResult };

/**
 * Formats text in the canonical style (the Prettier plugin's, as `b24layout fmt` does). A text
 * with syntax errors is not formatted: the result then carries the errors. Prettier is loaded on
 * the first call.
 */
export async function format(text: string, options?: FormatOptions): Promise<FormatResult> {
  const { formatText } = await import("./format/format.js");
  return formatText(text, options);
}

/** The importer: Bitrix24 REST JSON to `.b24layout` text (`b24layout import`; format the text with `format`). */
export { importJson, IMPORT_KINDS, type ImportOptions, type ImportResult, type ImportDiagnostic } from "./import/index.js";
