/**
 * Formatting a `.b24layout` text: the Prettier plugin run through Prettier's standalone core, and
 * then proven: the result must parse, and mean what the input meant (the same tree without
 * positions, the same comments). A text that does not parse is never reformatted.
 */
import { format as prettierFormat } from "prettier/standalone";
import type { Diagnostic } from "../diagnostic.js";
import { parse, SYNTAX_RULE_ID, TOO_MANY_TOKENS_MESSAGE } from "../syntax/index.js";
import { MAX_TOKENS } from "../syntax/index.js";
import { groupedDigits } from "../util/index.js";
import { differenceInMeaning } from "./meaning.js";
import plugin, { defaultOptions, PARSER_NAME } from "./plugin.js";

/** The Prettier options the formatter honours. */
export interface FormatOptions {
  /** Where lines are broken (default 100). */
  readonly printWidth?: number;
  /** Spaces per level (default 2). */
  readonly tabWidth?: number;
  readonly useTabs?: boolean;
  /** Line endings of the output (default `lf`; `auto` keeps the input's). */
  readonly endOfLine?: "lf" | "crlf" | "cr" | "auto";
}

/** The canonical style: the defaults `fmt` and the plugin use when nothing else is configured. */
export const DEFAULT_FORMAT_OPTIONS: FormatOptions = { ...defaultOptions, useTabs: false, endOfLine: "lf" };

export type FormatResult =
  | { readonly ok: true; readonly text: string; readonly changed: boolean }
  /** The input has syntax errors (or would be too long to read back once formatted): it is left as it is. */
  | { readonly ok: false; readonly diagnostics: readonly Diagnostic[] };

/** The formatter produced something that does not mean what its input meant: a bug, never written. */
export class FormatterBugError extends Error {
  constructor(detail: string) {
    super(`The formatter changed the meaning of the text (${detail}); the file was left as it is.`);
    this.name = "FormatterBugError";
  }
}

/** Formats a text in the canonical style. Throws FormatterBugError rather than return a text that means something else. */
export async function formatText(text: string, options: FormatOptions = {}): Promise<FormatResult> {
  const before = parse(text);
  if (before.diagnostics.length > 0) return { ok: false, diagnostics: before.diagnostics };
  const formatted = await prettierFormat(text, { ...DEFAULT_FORMAT_OPTIONS, ...options, parser: PARSER_NAME, plugins: [plugin] });
  const after = parse(formatted);
  // Formatting adds line breaks (a token each): a text near the token limit may go past it. It
  // is left as it is, rather than written in a form that could not be read back.
  if (after.diagnostics.length === 1 && after.diagnostics[0]!.message === TOO_MANY_TOKENS_MESSAGE) {
    const start = { offset: 0, line: 1, column: 1 };
    const message = `Formatted, this file would have more than ${groupedDigits(MAX_TOKENS)} tokens (names, values, punctuation, comments and line breaks), more than b24layout reads: it is left as it is. Split it into several files.`;
    return { ok: false, diagnostics: [{ ruleId: SYNTAX_RULE_ID, severity: "error", message, range: { start, end: start } }] };
  }
  if (after.diagnostics.length > 0) {
    const first = after.diagnostics[0]!;
    throw new FormatterBugError(`the result has a syntax error at ${first.range.start.line}:${first.range.start.column}: ${first.message}`);
  }
  const difference = differenceInMeaning(before.document, after.document);
  if (difference !== undefined) throw new FormatterBugError(difference);
  return { ok: true, text: formatted, changed: formatted !== text };
}
