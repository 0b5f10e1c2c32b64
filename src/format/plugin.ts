/**
 * The Prettier plugin of `.b24layout`: `prettier --plugin=b24layout/prettier --write "**\/*.b24layout"`,
 * a `plugins` entry in `.prettierrc`, or `plugins: [plugin]` in Prettier's API. `b24layout fmt`
 * runs the same plugin.
 */
import type { Parser, Plugin, SupportLanguage } from "prettier";
import { parse } from "../syntax/index.js";
import { lexText } from "../syntax/index.js";
import { locEnd, locStart, printer, type AttachedComment, type Printable } from "./printer.js";

export const PARSER_NAME = "b24layout";
const AST_FORMAT = "b24layout-ast";

/** A syntax error as Prettier reports it: the message, and where (`loc`, 1-based lines and columns). */
export class B24SyntaxError extends SyntaxError {
  constructor(
    message: string,
    readonly loc: { readonly start: { readonly line: number; readonly column: number } },
  ) {
    super(`${message} (${loc.start.line}:${loc.start.column})`);
    this.name = "SyntaxError";
  }
}

/** Parses for Prettier: the tree, or the first syntax error (a file that does not parse is never reprinted). */
function parseForPrettier(text: string): Printable {
  const { document, diagnostics } = parse(text);
  const first = diagnostics[0];
  if (first) throw new B24SyntaxError(first.message, { start: { line: first.range.start.line, column: first.range.start.column } });
  for (const comment of document.comments as AttachedComment[]) comment.value = comment.text;
  return document;
}

/** Spaces the language skips that Prettier does not take for spaces (it only knows spaces and tabs). */
const OTHER_SPACES = /[\f\v\u00a0\ufeff]/;

/**
 * The text with every such space between tokens made a plain space (one UTF-16 unit for one, so
 * no position moves): otherwise Prettier misjudges whether a comment is on a line of its own.
 * Strings and comments keep theirs.
 */
export function plainSpaces(text: string): string {
  if (!OTHER_SPACES.test(text)) return text;
  const lexed = lexText(text);
  // Too many tokens to read: the parser says so, and nothing is printed.
  if (lexed.tooLong) return text;
  const kept = [...lexed.tokens, ...(lexed.groups["comments"] ?? [])].sort((a, b) => a.startOffset - b.startOffset);
  let out = "";
  let from = 0;
  for (const token of kept) {
    out += text.slice(from, token.startOffset).replace(/[\f\v\u00a0\ufeff]/g, " ") + token.image;
    from = token.startOffset + token.image.length;
  }
  return out + text.slice(from).replace(/[\f\v\u00a0\ufeff]/g, " ");
}

export const languages: SupportLanguage[] = [
  {
    name: "b24layout",
    parsers: [PARSER_NAME],
    extensions: [".b24layout"],
    vscodeLanguageIds: ["b24layout"],
  },
];

export const parsers: Record<string, Parser<Printable>> = {
  [PARSER_NAME]: { parse: parseForPrettier, preprocess: plainSpaces, astFormat: AST_FORMAT, locStart, locEnd },
};

export const printers = { [AST_FORMAT]: printer };

/** The canonical style's width and indentation, also when Prettier runs the plugin without a config. */
export const defaultOptions = { printWidth: 100, tabWidth: 2 };

const plugin: Plugin<Printable> = { languages, parsers, printers, defaultOptions };
export default plugin;
