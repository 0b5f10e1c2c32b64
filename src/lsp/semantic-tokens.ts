/**
 * Semantic tokens: what the TextMate grammar cannot know, from the syntax tree and the model —
 * declaration keywords and template keywords as keywords, declaration and fragment names, fields
 * and member keywords as properties, bare words as enum members, action types as functions,
 * `$parameters` and `@translation` keys, and the raw form's `json` as a keyword where the TextMate
 * grammar scopes it `keyword.other.raw` (src/lsp/raw.ts finds it as the grammar does).
 */
import { SemanticTokensBuilder, type SemanticTokens, type SemanticTokensLegend } from "vscode-languageserver";
import type { Document, Range } from "../syntax/index.js";
import { argumentValues, statementsWithin } from "../syntax/index.js";
import { DECLARATIONS, TRANSLATIONS_KEYWORD } from "../model/index.js";
import { FRAGMENT_KEYWORD, TEMPLATE_KEYWORDS } from "../model/index.js";
import { rawFormOf } from "./raw.js";

const TYPES = ["keyword", "type", "function", "property", "enumMember", "parameter", "variable"] as const;
const MODIFIERS = ["declaration", "readonly"] as const;

export const SEMANTIC_TOKENS_LEGEND: SemanticTokensLegend = { tokenTypes: [...TYPES], tokenModifiers: [...MODIFIERS] };

type TokenType = (typeof TYPES)[number];

const KEYWORDS = new Set([...DECLARATIONS.map((d) => d.keyword), TRANSLATIONS_KEYWORD, ...TEMPLATE_KEYWORDS.map((k) => k.keyword)]);

export function semanticTokens(document: Document): SemanticTokens {
  const found: { range: Range; type: TokenType; modifiers: number }[] = [];
  const add = (range: Range, type: TokenType, modifiers = 0) => {
    if (range.start.line === range.end.line && range.end.offset > range.start.offset) found.push({ range, type, modifiers });
  };
  for (const { statement: s, chain } of statementsWithin(document.statements)) {
    const top = chain.length === 0;
    if (s.label) add(s.label.range, "property", 1);
    const name = s.name.name;
    const raw = rawFormOf(s, !top)?.word;
    add(s.name.range, (KEYWORDS.has(name) && (top || !DECLARATIONS.some((d) => d.keyword === name))) || raw === s.name ? "keyword" : "property");
    // A declaration's first word is its name.
    const named = top && s.args[0]?.kind === "Identifier" ? s.args[0] : undefined;
    if (named) add(named.range, name === FRAGMENT_KEYWORD ? "function" : "type", 1);
    if (s.action) add(s.action.name.range, "function");
    for (const a of argumentValues(s)) {
      if (a === named) continue;
      if (a.kind === "Identifier") add(a.range, a === raw ? "keyword" : "enumMember");
      else if (a.kind === "ParamRef") add(a.range, "parameter");
      else if (a.kind === "TranslationRef") add(a.range, "variable", 2);
      else if (a.kind === "ParameterList") for (const p of a.parameters) add(p.name.range, "parameter", 1);
    }
  }
  found.sort((a, b) => a.range.start.offset - b.range.start.offset);
  const builder = new SemanticTokensBuilder();
  for (const t of found) {
    builder.push(t.range.start.line - 1, t.range.start.column - 1, t.range.end.offset - t.range.start.offset, TYPES.indexOf(t.type), t.modifiers);
  }
  return builder.build();
}
