import { EmbeddedActionsParser, type IToken, type TokenType, tokenMatcher, EOF } from "chevrotain";
import type {
  ActionClause,
  Argument,
  Body,
  Comment,
  Document,
  Identifier,
  Label,
  ListLiteral,
  MapEntry,
  MapLiteral,
  Position,
  Range,
  Statement,
  Value,
} from "./ast.js";
import type { Diagnostic } from "../diagnostic.js";
import { decodeQuotedString, decodeTripleString, type StringProblem } from "./strings.js";
import {
  AnyToken,
  allTokens,
  Arrow,
  b24Lexer,
  BlockComment,
  Colon,
  Comma,
  False,
  Identifier as IdentifierToken,
  LBrace,
  LBracket,
  Newline,
  Null,
  NumberToken,
  QuotedString,
  RBrace,
  RBracket,
  Semicolon,
  StringToken,
  TranslationRefToken,
  TripleString,
  True,
  UnterminatedBlockComment,
  UnterminatedString,
  UnterminatedTripleString,
} from "./tokens.js";

export const SYNTAX_RULE_ID = "syntax-error";

/** Tokens that can start a value (an argument other than a bare word). */
const VALUE_START: readonly TokenType[] = [StringToken, NumberToken, True, False, Null, TranslationRefToken, LBracket];
const MAP_VALUE_START: readonly TokenType[] = [...VALUE_START, LBrace];

function isOneOf(token: IToken, types: readonly TokenType[]): boolean {
  return types.some((t) => tokenMatcher(token, t));
}

/**
 * The parser. It builds the AST directly (embedded actions) rather than going through a CST:
 * the CST costs a second allocation per node and a visitor pass.
 *
 * Recovery: every list of statements has a catch-all alternative that consumes one token it
 * cannot use and reports it, so an error never stops the rest of the file from being parsed.
 * Chevrotain's own single-token insertion/deletion handles the small slips inside a statement.
 */
class B24Parser extends EmbeddedActionsParser {
  /** Problems found while building nodes (bad escapes, unexpected tokens), reported with the parse errors. */
  semanticProblems: Diagnostic[] = [];
  text = "";
  lineStarts: number[] = [0];

  constructor() {
    super(allTokens, { recoveryEnabled: true, maxLookahead: 3, skipValidations: true });
    this.performSelfAnalysis();
  }

  // ----- helpers (run only inside ACTION) -----

  position(offset: number): Position {
    return positionAt(this.lineStarts, offset);
  }

  tokenRange(first: IToken, last: IToken = first): Range {
    const start = Number.isNaN(first.startOffset) ? this.fallbackOffset() : first.startOffset;
    const endTok = Number.isNaN(last.startOffset) ? first : last;
    const end = Number.isNaN(endTok.endOffset ?? NaN) ? start : (endTok.endOffset as number) + 1;
    return { start: this.position(start), end: this.position(Math.max(start, end)) };
  }

  span(start: Range, end: Range): Range {
    return { start: start.start, end: end.end.offset >= start.start.offset ? end.end : start.end };
  }

  fallbackOffset(): number {
    const prev = this.LA(0);
    if (prev && !Number.isNaN(prev.startOffset) && prev.endOffset !== undefined) return prev.endOffset + 1;
    return 0;
  }

  /** A token inserted by recovery has no position; give it an empty range where it should be. */
  isVirtual(token: IToken): boolean {
    return Boolean(token.isInsertedInRecovery) || Number.isNaN(token.startOffset);
  }

  // ----- lookahead helpers used by GATEs -----

  /** The k-th token ahead after skipping newlines, starting at LA(from). */
  peekSkippingNewlines(from: number): { token: IToken; index: number } {
    let i = from;
    while (tokenMatcher(this.LA(i), Newline)) i++;
    return { token: this.LA(i), index: i };
  }

  /** `{` opens a map literal when its first entry is `key: <literal>`; otherwise it opens a body. */
  isMapAhead(emptyIsMap: boolean): boolean {
    if (!tokenMatcher(this.LA(1), LBrace)) return false;
    const first = this.peekSkippingNewlines(2);
    if (tokenMatcher(first.token, RBrace)) return emptyIsMap;
    if (!tokenMatcher(first.token, IdentifierToken) && !tokenMatcher(first.token, StringToken)) return false;
    if (!tokenMatcher(this.LA(first.index + 1), Colon)) return false;
    const value = this.peekSkippingNewlines(first.index + 2);
    return isOneOf(value.token, MAP_VALUE_START);
  }

  isArgumentAhead(emptyBraceIsMap: boolean): boolean {
    const next = this.LA(1);
    if (tokenMatcher(next, IdentifierToken)) return true;
    if (isOneOf(next, VALUE_START)) return true;
    return this.isMapAhead(emptyBraceIsMap);
  }

  isContinuedActionAhead(): boolean {
    return tokenMatcher(this.peekSkippingNewlines(1).token, Arrow);
  }

  /** A token that cannot start anything inside a statement list: consumed by the catch-all. */
  isStrayTokenAhead(): boolean {
    const next = this.LA(1);
    return !(
      tokenMatcher(next, EOF) ||
      tokenMatcher(next, RBrace) ||
      tokenMatcher(next, Newline) ||
      tokenMatcher(next, Semicolon) ||
      tokenMatcher(next, IdentifierToken) ||
      tokenMatcher(next, StringToken)
    );
  }

  reportUnexpected(token: IToken, context: string): void {
    this.semanticProblems.push({
      ruleId: SYNTAX_RULE_ID,
      severity: "error",
      message: `Unexpected ${describeToken(token)} ${context}.`,
      range: this.tokenRange(token),
    });
  }

  reportStringProblems(token: IToken, problems: readonly StringProblem[]): void {
    for (const p of problems) {
      const start = token.startOffset + Math.min(p.offset, token.image.length - 1);
      const end = Math.min(start + p.length, token.startOffset + token.image.length);
      this.semanticProblems.push({
        ruleId: SYNTAX_RULE_ID,
        severity: "error",
        message: p.message,
        range: { start: this.position(start), end: this.position(end) },
      });
    }
  }

  /**
   * Consumes the closing bracket of a construct, or reports that it is missing (naming where the
   * construct was opened) without throwing, so everything parsed inside it is kept.
   */
  closing(type: TokenType, open: IToken, shown: string, what: string): Range {
    let close: IToken | undefined;
    this.OR9([
      { ALT: () => (close = this.CONSUME9(type)) },
      {
        ALT: () =>
          this.ACTION(() => {
            const at = this.tokenRange(this.LA(1));
            const opened = this.tokenRange(open).start;
            this.semanticProblems.push({
              ruleId: SYNTAX_RULE_ID,
              severity: "error",
              message: `Expected ${shown} to close the ${what} opened at line ${opened.line}, column ${opened.column}, but found ${describeToken(this.LA(1))}.`,
              range: { start: at.start, end: at.start },
            });
          }),
      },
    ]);
    return this.ACTION(() => (close && !this.isVirtual(close) ? this.tokenRange(close) : this.tokenRange(this.LA(0))));
  }

  // ----- grammar -----

  public document = this.RULE("document", (): Statement[] => {
    return this.SUBRULE(this.statementList, { ARGS: [false] });
  });

  /** Statements separated by newlines or semicolons, inside the document or a body. */
  private statementList = this.RULE("statementList", (inBody: boolean): Statement[] => {
    const statements: Statement[] = [];
    this.MANY({
      // The catch-all alternative overlaps every token, so the loop itself must stop at the list's end.
      GATE: () => !tokenMatcher(this.LA(1), RBrace) && !tokenMatcher(this.LA(1), EOF),
      DEF: () => {
      this.OR([
        { ALT: () => this.CONSUME(Newline) },
        { ALT: () => this.CONSUME(Semicolon) },
        {
          ALT: () => {
            const s = this.SUBRULE(this.statement);
            this.ACTION(() => {
              if (s) statements.push(s);
            });
          },
        },
        {
          GATE: () => this.isStrayTokenAhead(),
          ALT: () => {
            const stray = this.CONSUME(AnyToken);
            this.ACTION(() =>
              this.reportUnexpected(stray, inBody ? "where a statement or '}' was expected" : "where a statement was expected"),
            );
          },
        },
      ]);
      },
    });
    return statements;
  });

  private statement = this.RULE("statement", (): Statement => {
    let label: Label | undefined;
    this.OPTION(() => {
      label = this.SUBRULE(this.label);
      this.CONSUME(Colon);
    });
    const nameTok = this.CONSUME(IdentifierToken);
    const args: Argument[] = [];
    this.MANY({
      GATE: () => this.isArgumentAhead(false),
      DEF: () => {
        const a = this.SUBRULE(this.argument);
        this.ACTION(() => {
          if (a) args.push(a);
        });
      },
    });
    let action: ActionClause | undefined;
    this.OPTION2({
      GATE: () => this.isContinuedActionAhead(),
      DEF: () => {
        this.MANY2(() => this.CONSUME2(Newline));
        action = this.SUBRULE(this.action);
      },
    });
    let body: Body | undefined;
    this.OPTION3(() => {
      body = this.SUBRULE(this.body);
    });
    return this.ACTION(() => {
      const name = this.identifier(nameTok);
      const first = label?.range ?? name.range;
      const lastRange = body?.range ?? action?.range ?? args[args.length - 1]?.range ?? name.range;
      return { kind: "Statement", label, name, args, action, body, range: this.span(first, lastRange) };
    });
  });

  private label = this.RULE("label", (): Label => {
    const tok = this.OR([
      { ALT: () => this.CONSUME(IdentifierToken) },
      { ALT: () => this.CONSUME(StringToken) },
    ]);
    return this.ACTION(() => {
      const quoted = tokenMatcher(tok, StringToken);
      const value = quoted ? this.decodeString(tok) : tok.image;
      return { kind: "Label", value, quoted, range: this.tokenRange(tok) };
    });
  });

  private action = this.RULE("action", (): ActionClause => {
    const arrow = this.CONSUME(Arrow);
    const nameTok = this.CONSUME(IdentifierToken);
    const args: Argument[] = [];
    this.MANY({
      GATE: () => this.isArgumentAhead(true),
      DEF: () => {
        const a = this.SUBRULE(this.argument);
        this.ACTION(() => {
          if (a) args.push(a);
        });
      },
    });
    return this.ACTION(() => {
      const name = this.identifier(nameTok);
      const last = args[args.length - 1]?.range ?? name.range;
      return { kind: "Action", name, args, range: this.span(this.tokenRange(arrow), last) };
    });
  });

  private body = this.RULE("body", (): Body => {
    const open = this.CONSUME(LBrace);
    const statements = this.SUBRULE(this.statementList, { ARGS: [true] });
    const close = this.closing(RBrace, open, "'}'", "block");
    return this.ACTION(() => ({ kind: "Body", statements, range: this.span(this.tokenRange(open), close) }));
  });

  private argument = this.RULE("argument", (): Argument => {
    return this.OR<Argument>([
      {
        ALT: () => {
          const tok = this.CONSUME(IdentifierToken);
          return this.ACTION(() => this.identifier(tok));
        },
      },
      { ALT: () => this.SUBRULE(this.value) },
    ]);
  });

  private value = this.RULE("value", (): Value => {
    return this.OR([
      {
        ALT: () => {
          const tok = this.CONSUME(StringToken);
          return this.ACTION(
            (): Value => ({
              kind: "String",
              value: this.decodeString(tok),
              multiline: tokenMatcher(tok, TripleString) || tokenMatcher(tok, UnterminatedTripleString),
              range: this.tokenRange(tok),
            }),
          );
        },
      },
      {
        ALT: () => {
          const tok = this.CONSUME(NumberToken);
          return this.ACTION((): Value => ({ kind: "Number", value: Number(tok.image), raw: tok.image, range: this.tokenRange(tok) }));
        },
      },
      {
        ALT: () => {
          const tok = this.CONSUME(True);
          return this.ACTION((): Value => ({ kind: "Boolean", value: true, range: this.tokenRange(tok) }));
        },
      },
      {
        ALT: () => {
          const tok = this.CONSUME(False);
          return this.ACTION((): Value => ({ kind: "Boolean", value: false, range: this.tokenRange(tok) }));
        },
      },
      {
        ALT: () => {
          const tok = this.CONSUME(Null);
          return this.ACTION((): Value => ({ kind: "Null", range: this.tokenRange(tok) }));
        },
      },
      {
        ALT: () => {
          const tok = this.CONSUME(TranslationRefToken);
          return this.ACTION((): Value => ({ kind: "TranslationRef", key: tok.image.slice(1), range: this.tokenRange(tok) }));
        },
      },
      { ALT: () => this.SUBRULE(this.map) },
      { ALT: () => this.SUBRULE(this.list) },
    ]);
  });

  private map = this.RULE("map", (): MapLiteral => {
    const open = this.CONSUME(LBrace);
    const entries: MapEntry[] = [];
    this.MANY(() => {
      this.OR([
        { ALT: () => this.CONSUME(Newline) },
        { ALT: () => this.CONSUME(Comma) },
        {
          ALT: () => {
            const e = this.SUBRULE(this.mapEntry);
            this.ACTION(() => {
              if (e) entries.push(e);
            });
          },
        },
      ]);
    });
    const close = this.closing(RBrace, open, "'}'", "map");
    return this.ACTION(() => ({ kind: "Map", entries, range: this.span(this.tokenRange(open), close) }));
  });

  private mapEntry = this.RULE("mapEntry", (): MapEntry => {
    const key = this.SUBRULE(this.label);
    this.CONSUME(Colon);
    this.MANY(() => this.CONSUME(Newline));
    const value = this.SUBRULE(this.value);
    return this.ACTION(() => ({ kind: "MapEntry", key, value, range: this.span(key.range, value?.range ?? key.range) }));
  });

  private list = this.RULE("list", (): ListLiteral => {
    const open = this.CONSUME(LBracket);
    const items: Value[] = [];
    this.MANY(() => {
      this.OR([
        { ALT: () => this.CONSUME(Newline) },
        { ALT: () => this.CONSUME(Comma) },
        {
          ALT: () => {
            const v = this.SUBRULE(this.value);
            this.ACTION(() => {
              if (v) items.push(v);
            });
          },
        },
      ]);
    });
    const close = this.closing(RBracket, open, "']'", "list");
    return this.ACTION(() => ({ kind: "List", items, range: this.span(this.tokenRange(open), close) }));
  });

  // ----- node builders -----

  identifier(tok: IToken): Identifier {
    if (this.isVirtual(tok)) {
      const at = this.position(this.fallbackOffset());
      return { kind: "Identifier", name: "", range: { start: at, end: at } };
    }
    return { kind: "Identifier", name: tok.image, range: this.tokenRange(tok) };
  }

  decodeString(tok: IToken): string {
    if (this.isVirtual(tok)) return "";
    const decoded =
      tokenMatcher(tok, TripleString) || tokenMatcher(tok, UnterminatedTripleString)
        ? decodeTripleString(tok.image, tokenMatcher(tok, TripleString))
        : decodeQuotedString(tok.image, tokenMatcher(tok, QuotedString));
    this.reportStringProblems(tok, decoded.problems);
    return decoded.value;
  }
}

function describeToken(token: IToken): string {
  if (tokenMatcher(token, EOF)) return "end of file";
  if (tokenMatcher(token, Newline)) return "end of line";
  const image = token.image.length > 20 ? `${token.image.slice(0, 20)}…` : token.image;
  return `'${image}'`;
}

export function computeLineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 13 /* \r */) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    } else if (c === 10) {
      starts.push(i + 1);
    }
  }
  return starts;
}

export function positionAt(lineStarts: readonly number[], offset: number): Position {
  let lo = 0;
  let hi = lineStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lineStarts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { offset, line: lo + 1, column: offset - lineStarts[lo]! + 1 };
}

let sharedParser: B24Parser | undefined;

export interface ParseResult {
  readonly document: Document;
  /** Lexing and parsing errors, in source order. */
  readonly diagnostics: readonly Diagnostic[];
}

/** Parses `.b24layout` text. Never throws: every problem becomes a diagnostic, and the AST is as complete as recovery allows. */
export function parse(text: string): ParseResult {
  const parser = (sharedParser ??= new B24Parser());
  const lineStarts = computeLineStarts(text);
  const at = (offset: number) => positionAt(lineStarts, offset);
  const diagnostics: Diagnostic[] = [];

  const lexed = b24Lexer.tokenize(text);
  for (const e of lexed.errors) {
    const ch = text.slice(e.offset, e.offset + e.length);
    diagnostics.push({
      ruleId: SYNTAX_RULE_ID,
      severity: "error",
      message: `Unexpected character ${JSON.stringify(ch.slice(0, 1))}.`,
      range: { start: at(e.offset), end: at(e.offset + Math.max(1, Math.min(e.length, 1))) },
    });
  }
  const rawComments = lexed.groups["comments"] ?? [];
  const comments: Comment[] = rawComments.map((tok) => {
    const range = { start: at(tok.startOffset), end: at(tok.startOffset + tok.image.length) };
    if (tokenMatcher(tok, UnterminatedBlockComment) && !tokenMatcher(tok, BlockComment)) {
      diagnostics.push({
        ruleId: SYNTAX_RULE_ID,
        severity: "error",
        message: "Unterminated comment: '/*' has no matching '*/'.",
        range: { start: range.start, end: at(tok.startOffset + 2) },
      });
    }
    return { kind: "Comment", text: tok.image, block: tok.image.startsWith("/*"), range };
  });
  for (const tok of lexed.tokens) {
    if (tokenMatcher(tok, UnterminatedString) && !tokenMatcher(tok, QuotedString)) {
      diagnostics.push({
        ruleId: SYNTAX_RULE_ID,
        severity: "error",
        message: 'Unterminated string: add the closing \'"\' before the end of the line.',
        range: { start: at(tok.startOffset), end: at(tok.startOffset + tok.image.length) },
      });
    } else if (tokenMatcher(tok, UnterminatedTripleString) && !tokenMatcher(tok, TripleString)) {
      diagnostics.push({
        ruleId: SYNTAX_RULE_ID,
        severity: "error",
        message: "Unterminated multi-line string: '\"\"\"' has no matching '\"\"\"'.",
        range: { start: at(tok.startOffset), end: at(tok.startOffset + 3) },
      });
    }
  }

  parser.text = text;
  parser.lineStarts = lineStarts;
  parser.semanticProblems = [];
  parser.input = lexed.tokens;
  const statements = parser.document() ?? [];

  for (const e of parser.errors) {
    const tok = e.token;
    const virtual = Number.isNaN(tok.startOffset) || tokenMatcher(tok, EOF);
    const start = virtual ? text.length : tok.startOffset;
    const end = virtual ? text.length : tok.startOffset + tok.image.length;
    diagnostics.push({
      ruleId: SYNTAX_RULE_ID,
      severity: "error",
      message: explainParseError(e.name, e.message, tok),
      range: { start: at(start), end: at(Math.max(start, end)) },
    });
  }
  diagnostics.push(...parser.semanticProblems);
  diagnostics.sort((a, b) => a.range.start.offset - b.range.start.offset);

  const document: Document = {
    kind: "Document",
    statements,
    comments,
    range: { start: at(0), end: at(text.length) },
  };
  return { document, diagnostics: dedupeSameSpot(diagnostics) };
}

/** Chevrotain's messages name token types; rewrite them in words a person writing layouts understands. */
function explainParseError(name: string, message: string, token: IToken): string {
  const found = describeToken(token);
  const expectedMatch = /Expecting (?:token of type )?--> (.+?) <--/.exec(message);
  if (expectedMatch) {
    return `Expected ${humanTokenName(expectedMatch[1]!)} but found ${found}.`;
  }
  if (name === "NoViableAltException" || name === "EarlyExitException") {
    return `Unexpected ${found}.`;
  }
  return `${message.split("\n")[0]} (found ${found}).`;
}

const TOKEN_WORDS: Readonly<Record<string, string>> = {
  Identifier: "a name",
  Colon: "':'",
  RBrace: "'}'",
  LBrace: "'{'",
  RBracket: "']'",
  Arrow: "'->'",
  StringToken: "a string",
  EOF: "end of file",
};

function humanTokenName(raw: string): string {
  const key = raw.trim();
  return TOKEN_WORDS[key] ?? key.replace(/^'|'$/g, (q) => q);
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
