import { EmbeddedActionsParser, type IRecognitionException, type IToken, type TokenType, tokenMatcher, EOF } from "chevrotain";
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

/**
 * Rules that exist only for error recovery: each of them reports an error whenever it runs. The
 * grammar reference in `grammar/` leaves them (and the alternatives that call them) out, so it
 * describes the language rather than the parser's ways of coping with broken input.
 */
export const RECOVERY_RULES: ReadonlySet<string> = new Set([
  "recoverStray",
  "recoverStrayClose",
  "recoverMissingName",
  "recoverMissingActionName",
  "recoverMissingValue",
  "recoverStrayInMap",
  "recoverStrayInList",
  "recoverMissingClose",
]);

function isOneOf(token: IToken, types: readonly TokenType[]): boolean {
  return types.some((t) => tokenMatcher(token, t));
}

/** What a stray construct in a statement list turned out to be; the list reports it with context. */
type Stray =
  | { readonly kind: "action"; readonly arrow: IToken; readonly action: ActionClause }
  | { readonly kind: "body"; readonly open: IToken; readonly body: Body }
  | { readonly kind: "token"; readonly token: IToken };

/**
 * The parser. It builds the AST directly (embedded actions) rather than going through a CST:
 * the CST costs a second allocation per node and a visitor pass.
 *
 * Recovery: the grammar never asks Chevrotain to consume a token it has not checked first. Where
 * input can be wrong, an alternative guarded by a lookahead takes the right path, and a last
 * `recover…` alternative reports what is missing or unexpected in words and carries on. So one
 * run reports every error of the file, and the tree keeps every statement around them.
 */
class B24Parser extends EmbeddedActionsParser {
  /** Problems found while building nodes (bad escapes, unexpected tokens), reported with the parse errors. */
  semanticProblems: Diagnostic[] = [];
  /** Start offsets already reported, so that one slip gives one message. */
  reportedAt = new Set<number>();
  text = "";
  lineStarts: number[] = [0];

  constructor() {
    // Chevrotain's own recovery (token insertion/deletion, re-sync) stays off: the grammar recovers
    // by itself, with messages in words, and never lets Chevrotain meet a token it did not expect.
    super(allTokens, { recoveryEnabled: false, maxLookahead: 3, skipValidations: true });
    this.performSelfAnalysis();
  }

  // ----- helpers (run only inside ACTION) -----

  position(offset: number): Position {
    return positionAt(this.lineStarts, offset);
  }

  tokenRange(first: IToken, last: IToken = first): Range {
    const start = this.isVirtual(first) ? this.fallbackOffset() : first.startOffset;
    const end = this.isVirtual(last) ? start : last.startOffset + last.image.length;
    return { start: this.position(start), end: this.position(Math.max(start, end)) };
  }

  /** An empty range where `token` starts (or at the end of the text for end of file). */
  pointAt(token: IToken): Range {
    const at = this.position(this.isVirtual(token) ? this.text.length : token.startOffset);
    return { start: at, end: at };
  }

  span(start: Range, end: Range): Range {
    return { start: start.start, end: end.end.offset >= start.start.offset ? end.end : start.end };
  }

  fallbackOffset(): number {
    const prev = this.LA(0);
    if (prev && !this.isVirtual(prev)) return prev.startOffset + prev.image.length;
    return 0;
  }

  /** The end-of-file token: it has no position in the text. */
  isVirtual(token: IToken): boolean {
    return Number.isNaN(token.startOffset) || tokenMatcher(token, EOF);
  }

  /** Whether `token` is a real token on the current line (not a line break, not end of file). */
  isOnLine(token: IToken): boolean {
    return !this.isVirtual(token) && !tokenMatcher(token, Newline);
  }

  // ----- lookahead helpers used by GATEs -----

  /** The first token at or after LA(from) that is not a newline, and its lookahead index. */
  peekSkippingNewlines(from: number): { token: IToken; index: number } {
    let i = from;
    while (tokenMatcher(this.LA(i), Newline)) i++;
    return { token: this.LA(i), index: i };
  }

  /** `key:` at LA(at): a label or a map key. */
  isKeyAt(at: number): boolean {
    const t = this.LA(at);
    return (tokenMatcher(t, IdentifierToken) || tokenMatcher(t, StringToken)) && tokenMatcher(this.LA(at + 1), Colon);
  }

  isStatementAhead(): boolean {
    return tokenMatcher(this.LA(1), IdentifierToken) || this.isKeyAt(1);
  }

  /** `{` opens a map literal when its first entry is `key: <literal>`; otherwise it opens a body. */
  isMapAhead(emptyIsMap: boolean): boolean {
    if (!tokenMatcher(this.LA(1), LBrace)) return false;
    const first = this.peekSkippingNewlines(2);
    if (tokenMatcher(first.token, RBrace)) return emptyIsMap;
    if (!this.isKeyAt(first.index)) return false;
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

  isEndOfList(): boolean {
    return tokenMatcher(this.LA(1), RBrace) || tokenMatcher(this.LA(1), EOF);
  }

  /**
   * Whether a map goes on: always on its own line; after a line break only if the next line holds
   * an entry, a comma or the closing `}`. Otherwise the `}` is missing, and the next line is left
   * to the statements around the map.
   */
  mapContinues(): boolean {
    const next = this.LA(1);
    if (tokenMatcher(next, RBrace) || tokenMatcher(next, EOF)) return false;
    if (!tokenMatcher(next, Newline)) return true;
    const after = this.peekSkippingNewlines(2);
    return tokenMatcher(after.token, RBrace) || tokenMatcher(after.token, Comma) || this.isKeyAt(after.index);
  }

  /** Like `mapContinues`, for lists. A `}` also ends a list: it most likely closes the block around it. */
  listContinues(): boolean {
    const next = this.LA(1);
    if (tokenMatcher(next, RBracket) || tokenMatcher(next, RBrace) || tokenMatcher(next, EOF)) return false;
    if (!tokenMatcher(next, Newline)) return true;
    const after = this.peekSkippingNewlines(2).token;
    return tokenMatcher(after, RBracket) || tokenMatcher(after, Comma) || isOneOf(after, MAP_VALUE_START);
  }

  // ----- reporting -----

  report(message: string, range: Range): void {
    if (this.reportedAt.has(range.start.offset)) return;
    this.reportedAt.add(range.start.offset);
    this.semanticProblems.push({ ruleId: SYNTAX_RULE_ID, severity: "error", message, range });
  }

  reportStringProblems(token: IToken, problems: readonly StringProblem[]): void {
    for (const p of problems) {
      const start = token.startOffset + Math.min(p.offset, token.image.length - 1);
      const end = Math.min(start + p.length, token.startOffset + token.image.length);
      // String problems never hide each other: several bad escapes in one string are all reported.
      this.semanticProblems.push({
        ruleId: SYNTAX_RULE_ID,
        severity: "error",
        message: p.message,
        range: { start: this.position(start), end: this.position(end) },
      });
    }
  }

  /** "Expected X after Y, but found Z": points at Z when it is on the line, else at Y (what needs completing). */
  reportMissing(what: string, after: string, afterRange: Range): void {
    const found = this.LA(1);
    const range = this.isOnLine(found) ? this.tokenRange(found) : afterRange;
    this.report(`Expected ${what} after ${after}, but found ${describeToken(found)}.`, range);
  }

  /**
   * Consumes the closing bracket of a construct, or reports that it is missing (naming where the
   * construct was opened) without throwing, so everything parsed inside it is kept.
   */
  closing(type: TokenType, open: IToken, shown: string, what: string): Range {
    let close: IToken | undefined;
    this.OR9([
      { ALT: () => (close = this.CONSUME9(type)) },
      { ALT: () => this.SUBRULE9(this.recoverMissingClose, { ARGS: [open, shown, what] }) },
    ]);
    return this.ACTION(() => (close && !this.isVirtual(close) ? this.tokenRange(close) : this.tokenRange(this.LA(0))));
  }

  // ----- grammar -----

  public document = this.RULE("document", (): Statement[] => {
    const statements: Statement[] = [];
    const first = this.SUBRULE(this.statementList, { ARGS: [false] });
    this.ACTION(() => statements.push(...(first ?? [])));
    // A `}` with no open block: report it and parse on, so the rest of the file is not lost.
    this.MANY(() => {
      this.SUBRULE(this.recoverStrayClose);
      const more = this.SUBRULE2(this.statementList, { ARGS: [false] });
      this.ACTION(() => statements.push(...(more ?? [])));
    });
    return statements;
  });

  /** Statements separated by newlines or semicolons, inside the document or a body. */
  private statementList = this.RULE("statementList", (inBody: boolean): Statement[] => {
    const statements: Statement[] = [];
    /** Only line breaks since the last statement: a stray `{` or `->` there belongs to it. */
    let adjacent = false;
    /** Inside a run of unexpected tokens, only the first is reported. */
    let inStrayRun = false;
    this.MANY({
      GATE: () => !this.isEndOfList(),
      DEF: () => {
        this.OR([
          {
            ALT: () => {
              this.CONSUME(Newline);
              this.ACTION(() => (inStrayRun = false));
            },
          },
          {
            ALT: () => {
              this.CONSUME(Semicolon);
              this.ACTION(() => {
                inStrayRun = false;
                adjacent = false;
              });
            },
          },
          {
            GATE: () => this.isStatementAhead(),
            ALT: () => {
              const s = this.SUBRULE(this.statement);
              this.ACTION(() => {
                if (s) statements.push(s);
                inStrayRun = false;
                adjacent = s !== undefined;
              });
            },
          },
          {
            ALT: () => {
              const stray = this.SUBRULE(this.recoverStray);
              this.ACTION(() => {
                if (stray) this.reportStray(stray, statements, adjacent, inStrayRun, inBody);
                inStrayRun = stray?.kind === "token";
                adjacent = false;
              });
            },
          },
        ]);
      },
    });
    return statements;
  });

  private statement = this.RULE("statement", (): Statement => {
    let label: Label | undefined;
    // The name is only optional (and then reported) after a label, so a statement always consumes
    // a token: Chevrotain's lookahead analysis loops forever on repetitions of empty productions.
    const name = this.OR<Identifier>([
      {
        ALT: () => {
          label = this.SUBRULE(this.label);
          const colon = this.CONSUME(Colon);
          return this.OR2<Identifier>([
            {
              ALT: () => {
                const tok = this.CONSUME(IdentifierToken);
                return this.ACTION(() => this.identifier(tok));
              },
            },
            { ALT: () => this.SUBRULE(this.recoverMissingName, { ARGS: [label, colon] }) },
          ]);
        },
      },
      {
        ALT: () => {
          const tok = this.CONSUME2(IdentifierToken);
          return this.ACTION(() => this.identifier(tok));
        },
      },
    ]);
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
      const first = label?.range ?? name.range;
      const lastRange = body?.range ?? action?.range ?? args[args.length - 1]?.range ?? name.range;
      return { kind: "Statement", label, name, args, action, body, range: this.span(first, lastRange) };
    });
  });

  private label = this.RULE("label", (): Label => {
    const tok = this.OR([{ ALT: () => this.CONSUME(IdentifierToken) }, { ALT: () => this.CONSUME(StringToken) }]);
    return this.ACTION(() => {
      const quoted = tokenMatcher(tok, StringToken);
      const value = quoted ? this.decodeString(tok) : tok.image;
      return { kind: "Label", value, quoted, range: this.tokenRange(tok) };
    });
  });

  private action = this.RULE("action", (): ActionClause => {
    const arrow = this.CONSUME(Arrow);
    const name = this.OR<Identifier>([
      {
        ALT: () => {
          const tok = this.CONSUME(IdentifierToken);
          return this.ACTION(() => this.identifier(tok));
        },
      },
      { ALT: () => this.SUBRULE(this.recoverMissingActionName, { ARGS: [arrow] }) },
    ]);
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
      const last = args[args.length - 1]?.range ?? name.range;
      return { kind: "Action", name, args, range: this.span(this.tokenRange(arrow), last) };
    });
  });

  private body = this.RULE("body", (): Body => {
    const open = this.CONSUME(LBrace);
    const statements = this.SUBRULE(this.statementList, { ARGS: [true] });
    const close = this.closing(RBrace, open, "'}'", "block");
    return this.ACTION(() => ({ kind: "Body", statements: statements ?? [], range: this.span(this.tokenRange(open), close) }));
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
    let inStrayRun = false;
    this.MANY({
      GATE: () => this.mapContinues(),
      DEF: () => {
        this.OR([
          {
            ALT: () => {
              this.CONSUME(Newline);
              this.ACTION(() => (inStrayRun = false));
            },
          },
          {
            ALT: () => {
              this.CONSUME(Comma);
              this.ACTION(() => (inStrayRun = false));
            },
          },
          {
            GATE: () => this.isKeyAt(1),
            ALT: () => {
              const e = this.SUBRULE(this.mapEntry);
              this.ACTION(() => {
                if (e) entries.push(e);
                inStrayRun = false;
              });
            },
          },
          {
            ALT: () => {
              const stray = this.SUBRULE(this.recoverStrayInMap);
              this.ACTION(() => {
                if (stray && !inStrayRun) {
                  this.report(
                    `${unexpected(stray)} in a map: write each entry as 'key: value', separated by commas or new lines.`,
                    this.tokenRange(stray),
                  );
                }
                inStrayRun = true;
              });
            },
          },
        ]);
      },
    });
    const close = this.closing(RBrace, open, "'}'", "map");
    return this.ACTION(() => ({ kind: "Map", entries, range: this.span(this.tokenRange(open), close) }));
  });

  private mapEntry = this.RULE("mapEntry", (): MapEntry | undefined => {
    const key = this.SUBRULE(this.label);
    const colon = this.CONSUME(Colon);
    this.MANY(() => this.CONSUME(Newline));
    let value: Value | undefined;
    this.OR([
      {
        GATE: () => isOneOf(this.LA(1), MAP_VALUE_START),
        ALT: () => (value = this.SUBRULE(this.value)),
      },
      { ALT: () => this.SUBRULE(this.recoverMissingValue, { ARGS: [key, colon] }) },
    ]);
    return this.ACTION(() => (value ? { kind: "MapEntry", key, value, range: this.span(key.range, value.range) } : undefined));
  });

  private list = this.RULE("list", (): ListLiteral => {
    const open = this.CONSUME(LBracket);
    const items: Value[] = [];
    let inStrayRun = false;
    this.MANY({
      GATE: () => this.listContinues(),
      DEF: () => {
        this.OR([
          {
            ALT: () => {
              this.CONSUME(Newline);
              this.ACTION(() => (inStrayRun = false));
            },
          },
          {
            ALT: () => {
              this.CONSUME(Comma);
              this.ACTION(() => (inStrayRun = false));
            },
          },
          {
            GATE: () => isOneOf(this.LA(1), MAP_VALUE_START),
            ALT: () => {
              const v = this.SUBRULE(this.value);
              this.ACTION(() => {
                if (v) items.push(v);
                inStrayRun = false;
              });
            },
          },
          {
            ALT: () => {
              const stray = this.SUBRULE(this.recoverStrayInList);
              this.ACTION(() => {
                if (stray && !inStrayRun) {
                  const message = tokenMatcher(stray, IdentifierToken)
                    ? `Unexpected word '${stray.image}' in a list: list items are values; write "${stray.image}" in quotes for a text.`
                    : `${unexpected(stray)} in a list: write the items as values separated by commas.`;
                  this.report(message, this.tokenRange(stray));
                }
                inStrayRun = true;
              });
            },
          },
        ]);
      },
    });
    const close = this.closing(RBracket, open, "']'", "list");
    return this.ACTION(() => ({ kind: "List", items, range: this.span(this.tokenRange(open), close) }));
  });

  // ----- recovery rules (see RECOVERY_RULES) -----

  /** Something that cannot start a statement: a `-> action` or `{ … }` on its own, or any other token. */
  private recoverStray = this.RULE("recoverStray", (): Stray => {
    return this.OR<Stray>([
      {
        GATE: () => tokenMatcher(this.LA(1), Arrow),
        ALT: () => {
          const arrow = this.LA(1);
          const action = this.SUBRULE(this.action);
          return this.ACTION((): Stray => ({ kind: "action", arrow, action }));
        },
      },
      {
        GATE: () => tokenMatcher(this.LA(1), LBrace),
        ALT: () => {
          const open = this.LA(1);
          const body = this.SUBRULE(this.body);
          return this.ACTION((): Stray => ({ kind: "body", open, body }));
        },
      },
      {
        ALT: () => {
          const token = this.CONSUME(AnyToken);
          return this.ACTION((): Stray => ({ kind: "token", token }));
        },
      },
    ]);
  });

  private recoverStrayClose = this.RULE("recoverStrayClose", (): void => {
    const tok = this.CONSUME(RBrace);
    this.ACTION(() => this.report("Unexpected '}': there is no open block to close.", this.tokenRange(tok)));
  });

  /** A label with no statement name after it (`client:` at the end of a line). The name is left empty. */
  private recoverMissingName = this.RULE("recoverMissingName", (label: Label | undefined, colon: IToken): Identifier => {
    return this.ACTION(() => {
      const labelRange = label ? this.span(label.range, this.tokenRange(colon)) : this.tokenRange(colon);
      const shown = label ? `the label '${label.quoted ? JSON.stringify(label.value) : label.value}:'` : "a label";
      this.reportMissing("a statement name", shown, labelRange);
      return emptyIdentifier(labelRange.end);
    });
  });

  private recoverMissingActionName = this.RULE("recoverMissingActionName", (arrow: IToken): Identifier => {
    return this.ACTION(() => {
      const arrowRange = this.tokenRange(arrow);
      this.reportMissing("an action name", "'->'", arrowRange);
      return emptyIdentifier(arrowRange.end);
    });
  });

  /** A map entry without a value. A bare word is taken (and reported) so it does not cascade. */
  private recoverMissingValue = this.RULE("recoverMissingValue", (key: Label, colon: IToken): void => {
    const word = this.OPTION({
      GATE: () => tokenMatcher(this.LA(1), IdentifierToken),
      DEF: () => this.CONSUME(IdentifierToken),
    });
    this.ACTION(() => {
      const shown = `'${key.quoted ? JSON.stringify(key.value) : key.value}:'`;
      if (word) {
        this.report(
          `Map values must be literals: write "${word.image}" in quotes instead of the bare word '${word.image}' after ${shown}.`,
          this.tokenRange(word),
        );
      } else {
        this.reportMissing("a value", shown, this.span(key.range, this.tokenRange(colon)));
      }
    });
  });

  private recoverStrayInMap = this.RULE("recoverStrayInMap", (): IToken => this.CONSUME(AnyToken));

  private recoverStrayInList = this.RULE("recoverStrayInList", (): IToken => this.CONSUME(AnyToken));

  private recoverMissingClose = this.RULE("recoverMissingClose", (open: IToken, shown: string, what: string): void => {
    this.ACTION(() => {
      // Never deduplicated: when several constructs are left open at one spot, each is named.
      const opened = this.tokenRange(open).start;
      const range = this.pointAt(this.LA(1));
      this.reportedAt.add(range.start.offset);
      this.semanticProblems.push({
        ruleId: SYNTAX_RULE_ID,
        severity: "error",
        message: `Expected ${shown} to close the ${what} opened at line ${opened.line}, column ${opened.column}, but found ${describeToken(this.LA(1))}.`,
        range,
      });
    });
  });

  // ----- reports that need the statement list's context -----

  reportStray(stray: Stray, statements: Statement[], adjacent: boolean, inStrayRun: boolean, inBody: boolean): void {
    const previous = statements[statements.length - 1];
    if (stray.kind === "body") {
      const at = this.tokenRange(stray.open);
      if (adjacent && previous && !previous.body) {
        // `name` then `{` on the next line: keep the block where the author meant it.
        this.report(
          `A block must start on the same line as its statement: move this '{' to the end of line ${previous.range.end.line}.`,
          at,
        );
        statements[statements.length - 1] = { ...previous, body: stray.body, range: this.span(previous.range, stray.body.range) };
      } else {
        this.report("Unexpected '{': a block must follow a statement name on the same line ('name { … }').", at);
        statements.push(...stray.body.statements);
      }
      return;
    }
    if (stray.kind === "action") {
      const at = this.tokenRange(stray.arrow);
      let message = "Unexpected '->': an action must follow the arguments of a statement.";
      if (previous && adjacent && previous.action) {
        message = `Unexpected '->': the statement on line ${previous.range.start.line} already has an action, and a statement has only one.`;
      } else if (previous && adjacent && previous.body) {
        message = "Unexpected '->': an action must come before the statement's block '{ … }'.";
      }
      this.report(message, at);
      return;
    }
    if (inStrayRun) return;
    const tok = stray.token;
    const where = inBody ? "where a statement or '}' was expected" : "where a statement was expected";
    let message: string;
    if (tokenMatcher(tok, Colon)) message = "Unexpected ':': a label ('key:') must be at the start of a statement.";
    else if (tokenMatcher(tok, Comma)) message = "Unexpected ',': end a statement with a new line or ';' (commas separate the entries of maps and lists).";
    else message = `${unexpected(tok)} ${where}.`;
    this.report(message, this.tokenRange(tok));
  }

  // ----- node builders -----

  identifier(tok: IToken): Identifier {
    return { kind: "Identifier", name: tok.image, range: this.tokenRange(tok) };
  }

  decodeString(tok: IToken): string {
    const decoded =
      tokenMatcher(tok, TripleString) || tokenMatcher(tok, UnterminatedTripleString)
        ? decodeTripleString(tok.image, tokenMatcher(tok, TripleString))
        : decodeQuotedString(tok.image, tokenMatcher(tok, QuotedString));
    this.reportStringProblems(tok, decoded.problems);
    return decoded.value;
  }
}

function emptyIdentifier(at: Position): Identifier {
  return { kind: "Identifier", name: "", range: { start: at, end: at } };
}

/** How a message names a token after "found": "end of line", "the string "…"", "'}'". */
function describeToken(token: IToken): string {
  if (tokenMatcher(token, EOF) || Number.isNaN(token.startOffset)) return "end of file";
  if (tokenMatcher(token, Newline)) return "end of line";
  if (tokenMatcher(token, StringToken)) return `the ${unexpected(token).slice("Unexpected ".length)}`;
  return `'${shortImage(token)}'`;
}

/** "Unexpected '}'", "Unexpected string "…"", "Unexpected end of line". */
function unexpected(token: IToken): string {
  if (tokenMatcher(token, StringToken)) return `Unexpected string ${shortImage(token)}`;
  return `Unexpected ${describeToken(token)}`;
}

/** The token's text, cut at its first line break or after 20 characters. */
function shortImage(token: IToken): string {
  const firstLine = token.image.split(/\r\n?|\n/)[0]!;
  const cut = firstLine.length > 20 || firstLine.length < token.image.length;
  return cut ? `${firstLine.slice(0, 20)}…` : firstLine;
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
  const syntaxError = (message: string, start: number, end: number) =>
    diagnostics.push({ ruleId: SYNTAX_RULE_ID, severity: "error", message, range: { start: at(start), end: at(end) } });

  const lexed = b24Lexer.tokenize(text);
  for (const e of lexed.errors) {
    const length = Math.max(1, Math.min(e.length, text.length - e.offset));
    syntaxError(unexpectedCharacters(text.slice(e.offset, e.offset + length)), e.offset, e.offset + length);
  }
  const rawComments = lexed.groups["comments"] ?? [];
  const comments: Comment[] = rawComments.map((tok) => {
    const range = { start: at(tok.startOffset), end: at(tok.startOffset + tok.image.length) };
    if (tokenMatcher(tok, UnterminatedBlockComment) && !tokenMatcher(tok, BlockComment)) {
      syntaxError("Unterminated comment: '/*' has no matching '*/'.", tok.startOffset, tok.startOffset + 2);
    }
    return { kind: "Comment", text: tok.image, block: tok.image.startsWith("/*"), range };
  });
  for (const tok of lexed.tokens) {
    if (tokenMatcher(tok, UnterminatedString) && !tokenMatcher(tok, QuotedString)) {
      syntaxError(
        "Unterminated string: add the closing '\"' before the end of the line.",
        tok.startOffset,
        tok.startOffset + tok.image.length,
      );
    } else if (tokenMatcher(tok, UnterminatedTripleString) && !tokenMatcher(tok, TripleString)) {
      syntaxError("Unterminated multi-line string: '\"\"\"' has no matching '\"\"\"'.", tok.startOffset, tok.startOffset + 3);
    }
  }

  parser.text = text;
  parser.lineStarts = lineStarts;
  parser.semanticProblems = [];
  parser.reportedAt = new Set();
  parser.input = lexed.tokens;
  const statements = parser.document() ?? [];

  // The grammar checks every token before consuming it, so Chevrotain itself should report
  // nothing; if it ever does, the message is still put in words.
  for (const e of parser.errors) {
    const tok = e.token;
    const virtual = Number.isNaN(tok.startOffset) || tokenMatcher(tok, EOF);
    const start = virtual ? text.length : tok.startOffset;
    const end = virtual ? text.length : tok.startOffset + tok.image.length;
    syntaxError(explainParseError(e), start, Math.max(start, end));
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

/** The message for characters no token starts with. */
function unexpectedCharacters(chars: string): string {
  const first = String.fromCodePoint(chars.codePointAt(0)!);
  const shown = (s: string) => {
    const visible = [...s].every((c) => /[\p{L}\p{N}\p{P}\p{S}]/u.test(c));
    return visible
      ? `'${s.length > 20 ? `${s.slice(0, 20)}…` : s}'`
      : [...s]
          .slice(0, 5)
          .map((c) => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`)
          .join(" ");
  };
  const what = first.length === chars.length ? `character ${shown(first)}` : `characters ${shown(chars)}`;
  if (first === "@") return "Expected a translation key after '@' (for example @incoming).";
  if (first === "'") return `Unexpected character "'": write strings in double quotes ("…").`;
  if (/\p{L}/u.test(first)) {
    return `Unexpected ${what}: names may only contain ASCII letters, digits, '_' and inner '-'; write other text in quotes.`;
  }
  return `Unexpected ${what}.`;
}

/** Chevrotain's messages name token types; rewrite them in words a person writing layouts understands. */
function explainParseError(e: IRecognitionException): string {
  const expected = /Expecting (?:token of type )?--> (.+?) <--/.exec(e.message);
  if (expected) return `Expected ${humanTokenName(expected[1]!)}, but found ${describeToken(e.token)}.`;
  return `${unexpected(e.token)}.`;
}

/** Token names and labels, as words. */
const TOKEN_WORDS: Readonly<Record<string, string>> = {
  Identifier: "a name",
  name: "a name",
  Colon: "':'",
  Comma: "','",
  Semicolon: "';'",
  LBrace: "'{'",
  RBrace: "'}'",
  LBracket: "'['",
  RBracket: "']'",
  Arrow: "'->'",
  StringToken: "a string",
  QuotedString: "a string",
  TripleString: "a multi-line string",
  string: "a string",
  "multi-line string": "a multi-line string",
  Number: "a number",
  number: "a number",
  TranslationRef: "a translation reference (@key)",
  "translation reference (@key)": "a translation reference (@key)",
  Newline: "end of line",
  EOF: "end of file",
};

function humanTokenName(raw: string): string {
  const key = raw.trim();
  return TOKEN_WORDS[key] ?? (key.startsWith("'") ? key : "something else");
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
