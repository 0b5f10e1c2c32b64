/**
 * Parsing `.b24layout` text: lexing, the grammar (grammar.ts) run over the tokens, and the lexer's
 * problems put in words. The syntax module's public face for parsing.
 */
import { EOF, tokenMatcher } from "chevrotain";
import type { Comment, Document, ImportDeclaration, Range, Statement } from "./ast.js";
import type { Diagnostic } from "../diagnostic.js";
import { plainConstructor, type Writable } from "../util/plain-constructor.js";
import { appendAll } from "../util/append.js";
import { SYNTAX_RULE_ID } from "./rule-id.js";
import { BINARY_FILE_MESSAGE, looksBinary } from "./binary.js";
import { lexText, type LexedText } from "./lex.js";
import { B24Parser, RECOVERY_RULES } from "./grammar.js";
import { advance, endOf, positionIn, SourcePosition, SourceRange, startOf, textStart } from "./positions.js";
import { CommentNode, DocumentNode, SyntaxDiagnostic } from "./nodes.js";
import { explainParseError, TOO_MANY_TOKENS_MESSAGE, unexpectedCharacters } from "./messages.js";
import { UNTERMINATED_STRING } from "./token-sets.js";
import { BlockComment, Colon, Comma, LBrace, LBracket, QuotedString, RBrace, RBracket, TripleString, UnterminatedBlockComment, UnterminatedString, UnterminatedTripleString } from "./tokens.js";

export { RECOVERY_RULES, SYNTAX_RULE_ID, TOO_MANY_TOKENS_MESSAGE };

let sharedParser: B24Parser | undefined;

export interface ParseResult {
  readonly document: Document;
  /** Lexing and parsing errors, in source order. */
  readonly diagnostics: readonly Diagnostic[];
}

const ParseResultObject = plainConstructor(function (this: Writable<ParseResult>, document: Document, diagnostics: readonly Diagnostic[]) {
  this.document = document;
  this.diagnostics = diagnostics;
});

/** Parses `.b24layout` text. Never throws: every problem becomes a diagnostic, and the AST is as complete as recovery allows. */
export function parse(text: string): ParseResult {
  const parsed = parseLexed(text, looksBinary(text) ? BINARY : lexText(text));
  const end = sharedParser!.endOfText();
  sharedParser!.release();
  const document = new DocumentNode(parsed.statements, parsed.comments, new SourceRange(textStart(), end), parsed.imports);
  return new ParseResultObject(document, parsed.diagnostics);
}

/** What parsing a text finds. */
interface ParsedText {
  readonly statements: readonly Statement[];
  readonly comments: readonly Comment[];
  readonly imports: readonly ImportDeclaration[];
  /** Lexing and parsing errors, in source order. */
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * `parse`, also saying whether some `{` has no `}`: then where any block ends depends on the
 * whole text (see open-blocks.ts), which the incremental checker needs to know.
 */
export function parseWithOpenBraces(text: string): ParseResult & { readonly openBraces: boolean } {
  const parsed = parse(text);
  return { document: parsed.document, diagnostics: parsed.diagnostics, openBraces: sharedParser!.openBraces };
}

/** In place of the tokens of a text that looks binary: it is not lexed at all. */
const BINARY = "binary";

/**
 * Parses the tokens of `text`. A binary text, or one with too many tokens, is not parsed: its one
 * diagnostic says why.
 */
function parseLexed(text: string, lexed: LexedText | typeof BINARY): ParsedText {
  const parser = (sharedParser ??= new B24Parser());
  const diagnostics: Diagnostic[] = [];
  const syntaxError = (message: string, range: Range) => diagnostics.push(new SyntaxDiagnostic(message, range));

  if (lexed === BINARY || lexed.tooLong !== undefined) {
    parser.begin(text, [], []);
    const at = lexed === BINARY ? textStart() : new SourcePosition(lexed.tooLong!.offset, lexed.tooLong!.line, lexed.tooLong!.column);
    const message = lexed === BINARY ? BINARY_FILE_MESSAGE : TOO_MANY_TOKENS_MESSAGE;
    syntaxError(message, new SourceRange(at, at));
    return { statements: [], comments: [], imports: [], diagnostics };
  }

  const rawComments = lexed.groups["comments"] ?? [];
  parser.begin(text, lexed.tokens, rawComments);
  for (const e of lexed.errors) {
    const length = Math.max(1, Math.min(e.length, text.length - e.offset));
    const start = new SourcePosition(e.offset, e.line!, e.column!);
    syntaxError(unexpectedCharacters(text.slice(e.offset, e.offset + length)), new SourceRange(start, advance(text, start, e.offset + length)));
  }
  const comments: Comment[] = rawComments.map((tok) => {
    const range = new SourceRange(startOf(tok), endOf(text, tok));
    if (tokenMatcher(tok, UnterminatedBlockComment) && !tokenMatcher(tok, BlockComment)) {
      syntaxError("Unterminated comment: '/*' has no matching '*/'.", new SourceRange(range.start, positionIn(text, tok, 2)));
    }
    return new CommentNode(tok.image, tok.image.startsWith("/*"), range);
  });
  for (const tok of lexed.tokens) {
    if (UNTERMINATED_STRING[tok.tokenTypeIdx] !== true) continue;
    if (tokenMatcher(tok, UnterminatedString) && !tokenMatcher(tok, QuotedString)) {
      syntaxError("Unterminated string: add the closing '\"' before the end of the line.", parser.tokenRange(tok));
    } else if (tokenMatcher(tok, UnterminatedTripleString) && !tokenMatcher(tok, TripleString)) {
      syntaxError("Unterminated multi-line string: '\"\"\"' has no matching '\"\"\"'.", new SourceRange(startOf(tok), positionIn(text, tok, 3)));
    }
  }

  const statements = parser.document() ?? [];

  // The grammar checks every token before consuming it, so Chevrotain itself should report
  // nothing; if it ever does, the message is still put in words.
  for (const e of parser.errors) {
    const tok = e.token;
    const virtual = Number.isNaN(tok.startOffset) || tokenMatcher(tok, EOF);
    syntaxError(explainParseError(e), virtual ? new SourceRange(parser.endOfText(), parser.endOfText()) : parser.tokenRange(tok));
  }
  appendAll(diagnostics, parser.semanticProblems);
  diagnostics.sort((a, b) => a.range.start.offset - b.range.start.offset);
  return { statements, comments, imports: parser.imports, diagnostics: dedupeSameSpot(diagnostics) };
}

function dedupeSameSpot(diagnostics: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return diagnostics.filter((d) => {
    const k = `${d.range.start.offset}:${d.message}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** The parser's grammar, for generating the syntax diagrams in `grammar/`. */
export function getSerializedGrammar(): ReturnType<B24Parser["getSerializedGastProductions"]> {
  return (sharedParser ??= new B24Parser()).getSerializedGastProductions();
}

export { BlockComment, Colon, Comma, LBrace, LBracket, RBrace, RBracket };
