/**
 * The TextMate grammar as VS Code runs it: vscode-textmate with the Oniguruma regular expressions
 * of vscode-oniguruma (WebAssembly). Tokenizes texts line by line into tokens with their scopes.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { resolve } from "node:path";
import type * as TextMate from "vscode-textmate";
import type * as Oniguruma from "vscode-oniguruma";

const require = createRequire(import.meta.url);
const textmate = require("vscode-textmate") as typeof TextMate;
const oniguruma = require("vscode-oniguruma") as typeof Oniguruma;

export const ROOT = resolve(import.meta.dirname, "../..");
export const GRAMMAR_PATH = resolve(ROOT, "grammar/b24layout.tmLanguage.json");
export const SCOPE_NAME = "source.b24layout";

export interface Token {
  readonly text: string;
  /** Outermost first; the first is always `source.b24layout`. */
  readonly scopes: readonly string[];
}

export interface Tokenized {
  /** The tokens of each line. */
  readonly lines: readonly (readonly Token[])[];
  /** Whether the text ends where it started: every string, comment, brace and parameter list closed. */
  readonly closed: boolean;
}

let wasm: Promise<void> | undefined;

/** Loads the grammar file at `path` (the committed one by default). */
export async function loadGrammar(path = GRAMMAR_PATH): Promise<TextMate.IGrammar> {
  wasm ??= oniguruma.loadWASM(readFileSync(require.resolve("vscode-oniguruma/release/onig.wasm")));
  await wasm;
  const registry = new textmate.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (sources: string[]) => oniguruma.createOnigScanner(sources),
      createOnigString: (text: string) => oniguruma.createOnigString(text),
    }),
    loadGrammar: (scopeName: string) => Promise.resolve(scopeName === SCOPE_NAME ? textmate.parseRawGrammar(readFileSync(path, "utf8"), path) : null),
  });
  const grammar = await registry.loadGrammar(SCOPE_NAME);
  if (!grammar) throw new Error(`cannot load ${path}`);
  return grammar;
}

export function tokenize(grammar: TextMate.IGrammar, text: string): Tokenized {
  const lines: Token[][] = [];
  let state = textmate.INITIAL;
  for (const line of text.split(/\r\n?|\n/)) {
    const result = grammar.tokenizeLine(line, state);
    if (result.stoppedEarly) throw new Error(`tokenizing stopped early at: ${line}`);
    lines.push(result.tokens.map((t) => ({ text: line.slice(t.startIndex, t.endIndex), scopes: t.scopes })));
    state = result.ruleStack;
  }
  const start = grammar.tokenizeLine("", textmate.INITIAL).ruleStack;
  return { lines, closed: state.equals(start) };
}

/** The tokens of a one-line text that are not blank, as `[text, innermost scope]`. */
export function innermost(grammar: TextMate.IGrammar, text: string): [string, string][] {
  return tokenize(grammar, text)
    .lines.flat()
    .filter((t) => t.text.trim() !== "")
    .map((t) => [t.text, t.scopes[t.scopes.length - 1]!]);
}
