/**
 * The library API: parse, check and compile `.b24layout` text.
 */
import { formatJson, type Json } from "./emit/json.js";
import type { CheckOptions } from "./check/checker.js";
import { ModuleCache, type SourceHost } from "./lower/imports.js";
import type { FormatOptions, FormatResult } from "./format/format.js";
import { renderPage, type PageOptions, type ParamSet } from "./preview/index.js";
import { check, type SourceOptions } from "./pipeline/index.js";

export { ModuleCache, type SourceHost };

export type { Diagnostic, Fix, Position, Range, RelatedLocation, Severity, TextEdit } from "./diagnostic.js";
export type * from "./syntax/ast.js";
export type { CheckOptions } from "./check/checker.js";
export type { EmittedDeclaration, Json } from "./emit/json.js";
export type { Rule, RuleMeta } from "./check/rule.js";
export { ALL_RULES, getRule } from "./check/rules/index.js";
export { formatJson };

export {
  check,
  checkProject,
  compile,
  parse,
  type CheckResult,
  type CompileOptions,
  type CompileResult,
  type ProjectFileInput,
  type ProjectFileResult,
  type ProjectOptions,
  type SourceOptions,
  type TemplateValueOptions,
} from "./pipeline/index.js";

export type { Json as JsonValue };

/**
 * The JSON front end: a REST payload checked in place, as a JSON text (`checkJson`) or as a tree
 * with ranges (`checkPayload`: another front end, such as an object literal in JavaScript code,
 * builds the tree with its own positions, `unknown` values and `partial` objects).
 */
export {
  checkJson,
  checkPayload,
  PAYLOAD_KINDS,
  type JsonCheckOptions,
  type JsonCheckResult,
  type PayloadCheckOptions,
  type PayloadCheckResult,
} from "./pipeline/index.js";
export { parseJson, pathAt, type JsonArray, type JsonNode, type JsonObject, type JsonProperty, type JsonScalar, type JsonUnknown, type ParsedJson } from "./json/index.js";

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

export type { PageOptions as PreviewPageOptions, ParamSet, Platform, Theme } from "./preview/index.js";

export interface PreviewOptions extends CheckOptions, SourceOptions, Omit<PageOptions, "paramSets"> {
  /** How the page names the text (default: `options.file`, else "untitled"). */
  readonly display?: string;
  /** Named sets of template values, shown side by side: `[{ name: "vip", values: { call: { vip: true } } }]`. */
  readonly paramSets?: readonly ParamSet[];
}

/**
 * The preview of a text as one self-contained HTML page (what `b24layout preview` writes): every
 * declaration drawn as Bitrix24 shows it, with its findings, switches for language, platform and
 * theme, and each template once per set of values. Never throws for bad input: its errors are
 * shown on the page, which says Bitrix24 would reject the payload.
 */
export function preview(text: string, options: PreviewOptions = {}): string {
  const { display, ...rest } = options;
  const checked = check(text, rest);
  return renderPage([{ display: display ?? options.file ?? "untitled", program: checked.program, diagnostics: checked.diagnostics }], rest);
}
