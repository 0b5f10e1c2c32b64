/**
 * The grammar of .b24layout: Chevrotain rules that build the syntax tree directly, with error
 * recovery in words. Positions, nodes, lookahead and messages live in their own modules.
 */
import { createToken, EmbeddedActionsParser, EOF, Lexer, tokenMatcher, type IOrAlt, type IToken, type OptionalProductionType, type Rule, type SubruleMethodOpts, type TokenType } from "chevrotain";
import type { ActionClause, Argument, Body, Identifier, ImportDeclaration, Label, ListLiteral, LiteralType, MapEntry, MapLiteral, NumberLiteral, Parameter, ParameterList, Position, Range, RecordField, Statement, StringLiteral, StringPart, TypeNode, Value } from "./ast.js";
import { LIST_MAX_KEYWORD } from "../model/index.js";
import type { Diagnostic } from "../diagnostic.js";
import { appendAll } from "../util/index.js";
import { decodeQuotedString, decodeTripleString, type DecodedString, type StringProblem } from "./strings.js";
import { MAX_NESTING_DEPTH } from "./limits.js";
import { findBlockEnds, type BlockEnd } from "./open-blocks.js";
import { TableLookahead, type BuiltLookahead } from "./lookahead.js";
import { advance, endOf, positionIn, SourceRange, startOf, textStart } from "./positions.js";
import {
  ActionNode,
  BodyNode,
  BooleanNode,
  emptyIdentifier,
  IdentifierNode,
  ImportNode,
  InterpolationNode,
  LabelNode,
  ListNode,
  MapEntryNode,
  MapNode,
  NullNode,
  NumberNode,
  ParameterListNode,
  ParameterNode,
  ParamRefNode,
  RecordFieldNode,
  StatementNode,
  StringNode,
  SyntaxDiagnostic,
  TranslationRefNode,
} from "./nodes.js";
import { describeToken, tooDeepMessage, unclosedMessage, unexpected } from "./messages.js";
import { ARGUMENT_START, CLOSING_BRACE, CLOSING_BRACKET, MAP_VALUE_START, MULTILINE_STRING, OPENING_BRACE, OPENING_BRACKET, tokenSet, type TokenSet } from "./token-sets.js";
import {
  AnyToken,
  allTokens,
  Arrow,
  Colon,
  Comma,
  False,
  Identifier as IdentifierToken,
  Equals,
  Import as ImportToken,
  LBrace,
  LBracket,
  LParen,
  Newline,
  Null,
  NumberToken,
  ParamRefToken,
  Pipe,
  Question,
  QuotedString,
  RBrace,
  RBracket,
  RParen,
  Semicolon,
  StringToken,
  TranslationRefToken,
  TripleString,
  True,
} from "./tokens.js";

const OUTSIDE_BODY: SubruleMethodOpts<[boolean]> = { ARGS: [false] };
const IN_BODY: SubruleMethodOpts<[boolean]> = { ARGS: [true] };

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
  "recoverMissingParameterName",
  "recoverMissingFieldName",
  "recoverMissingColon",
  "recoverMissingType",
  "recoverMissingListTypeClose",
  "recoverMissingRecordClose",
  "recoverMissingDefault",
  "recoverImport",
  "recoverImportNames",
]);

/**
 * Stands in for the first token after a parameter list or an import while its inside is parsed
 * (see `withinExtent`). No text ever lexes to it; a message that meets it names the missing `)`.
 */
const ExtentEnd = createToken({ name: "ExtentEnd", pattern: Lexer.NA, label: "')'" });

/** Thrown by a recovery rule inside a parameter or an import, once it has reported the mistake: the rest of the parameter or import is skipped. */
class GiveUp extends Error {}

/** After these, a parameter list goes on past a line break, and a `{` in it opens a record type. */
const TYPE_GOES_ON = tokenSet([Comma, LParen, Colon, Pipe, Equals]);

/** What to write instead of a broken import, at the end of each of its messages. */
const IMPORT_USAGE = 'write import { name, … } from "./file.b24layout"';

/** What a stray construct in a statement list turned out to be; the list reports it with context. */
type Stray =
  | { readonly kind: "action"; readonly arrow: IToken; readonly action: ActionClause }
  | { readonly kind: "body"; readonly open: IToken; readonly body: Body }
  | { readonly kind: "token"; readonly token: IToken };

/** One step of a statement list: a separator, a statement, an import or something stray. */
type ListItem = "newline" | "semicolon" | "import" | Statement | Stray;

/**
 * What the grammar's code returns while Chevrotain records the grammar (`RECORDING_PHASE`): the
 * recorder only looks at which parsing methods are called, and discards every result.
 */
const RECORDED = undefined as never;

/**
 * The lookahead tables the build computed (scripts/bundle.mjs defines this name as the JSON text
 * of `serializedLookahead()`, a string: V8 reads JSON.parse's input faster than it builds the
 * same object from a literal in the code), so that a start of the program does not compute them
 * again. Not defined when the source runs as it is (tests): then the tables are computed.
 */
declare const B24LAYOUT_BUILT_LOOKAHEAD: string | undefined;
const builtLookahead = typeof B24LAYOUT_BUILT_LOOKAHEAD === "undefined" ? undefined : (JSON.parse(B24LAYOUT_BUILT_LOOKAHEAD) as BuiltLookahead);

/** How to make a parser: the defaults are the program's. */
interface ParserOptions {
  /** Run Chevrotain's grammar validations (the build does; a start of the program need not). */
  readonly validate?: boolean;
  /** The lookahead tables to read, or "compute" to compute them; by default the build's, if any. */
  readonly lookahead?: BuiltLookahead | "compute";
  /**
   * Record the grammar (Chevrotain's GAST) even with lookahead tables to read. Without it, a
   * parser that reads tables skips Chevrotain's self-analysis; the few that need the recorded
   * grammar (Chevrotain's own error messages, the syntax diagrams) get a recording parser's.
   */
  readonly record?: boolean;
}

/**
 * The parts of Chevrotain's parser that a parser reading built lookahead tables sets up itself,
 * in place of `performSelfAnalysis` (internal to Chevrotain, the same since Chevrotain 7;
 * test/syntax/lookahead.test.ts compares the result with Chevrotain's own).
 */
interface ChevrotainInternals {
  selfAnalysisDone: boolean;
  readonly fullRuleNameToShort: Readonly<Record<string, number>>;
  setLaFuncCache(key: number, lookaheadFunction: unknown): void;
}

/** Chevrotain's numbers for the kinds of decision, as it keys a rule's lookahead functions (its grammar/keys.js). */
const DECISION_KIND_KEYS: Readonly<Record<string, number>> = {
  Alternation: 1 << 8,
  Option: 2 << 8,
  Repetition: 3 << 8,
  RepetitionMandatory: 4 << 8,
  RepetitionWithSeparator: 5 << 8,
  RepetitionMandatoryWithSeparator: 6 << 8,
};

let recorder: B24Parser | undefined;

/** A parser that has recorded the grammar, made when first needed (Chevrotain's own error messages read it). */
function recordingParser(): B24Parser {
  return (recorder ??= new B24Parser({ record: true }));
}

/** What Chevrotain's `toFastProperties` does at the start of its self-analysis: V8 makes the parser's properties fast again. */
function toFastProperties(object: object): void {
  function FakeConstructor(): void {}
  FakeConstructor.prototype = object;
  const fake = new (FakeConstructor as unknown as new () => { readonly bar?: unknown })();
  const access = () => typeof fake.bar;
  access();
  access();
}

/** The head of a labelled statement (`client: withTitle`). */
interface LabelledName {
  readonly kind: "LabelledName";
  readonly label: Label;
  readonly name: Identifier;
}

/**
 * The parser. It builds the AST directly (embedded actions) rather than going through a CST:
 * the CST costs a second allocation per node and a visitor pass.
 *
 * Recovery: the grammar never asks Chevrotain to consume a token it has not checked first. Where
 * input can be wrong, an alternative guarded by a lookahead takes the right path, and a last
 * `recover…` alternative reports what is missing or unexpected in words and carries on. So one
 * run reports every error of the file, and the tree keeps every statement around them.
 *
 * Speed (each point measured on the benchmark corpus):
 * - the ORs take arrays of alternatives built once (otherwise allocated on every call), so those
 *   alternatives return what they parsed instead of assigning to the rule's variables;
 * - actions run behind `if (this.RECORDING_PHASE)` rather than inside `ACTION(() => …)`: the same
 *   thing (Chevrotain documents the flag for it) without a closure per token;
 * - lookahead is read from tables (`TableLookahead`), and a GATE is only used where Chevrotain's
 *   LL(k) lookahead cannot decide (a `{` that may open a map or a body, line breaks to look past);
 * - positions come from the lines and columns the lexer tracks, not from searching line starts;
 * - the tree is made with `new` (see `plain`).
 */
export class B24Parser extends EmbeddedActionsParser {
  /** Problems found while building nodes (bad escapes, unexpected tokens), reported with the parse errors. */
  semanticProblems: Diagnostic[] = [];
  /** The imports of the text being parsed. */
  imports: ImportDeclaration[] = [];
  /** Start offsets already reported, so that one slip gives one message. */
  reportedAt = new Set<number>();
  /** How many blocks, maps, lists and parameter lists are open where the parser is (see MAX_NESTING_DEPTH). */
  nesting = 0;
  /** Blocks left open, by the offset of their `{`, and where each ends (see open-blocks.ts). */
  private blockEnds: ReadonlyMap<number, BlockEnd> = new Map();
  /** Whether some `{` of the text has no `}`: then where blocks end depends on the whole text. */
  openBraces = false;
  /** The offset of the token the innermost block or map must end before (inherited from the blocks around it); -1 for none. */
  private blockEnd = -1;
  /** `blockEnd` of the blocks and maps around the current one. */
  private readonly outerBlockEnds: number[] = [];
  text = "";
  /** Where the text ends, computed once per parse when first needed. */
  private textEnd: Position | undefined;
  /** The last token and the last comment of the text: the end of the text is counted from them. */
  private lastTokens: readonly IToken[] = [];
  /** The tokens being parsed: Chevrotain's input, the same array. */
  private tokens: IToken[] = [];
  /** Levels of nesting open in the parameter being read: the blocks around, the parameter list, and its record and list types. */
  private typeNesting = 0;

  private readonly lookahead: TableLookahead;

  /** Whether Chevrotain recorded the grammar: false when this parser read built tables and skipped the analysis. */
  readonly recordsGrammar: boolean;

  constructor({ validate = false, lookahead = builtLookahead, record = false }: ParserOptions = {}) {
    const built = lookahead === "compute" ? undefined : lookahead;
    const strategy = new TableLookahead([...allTokens, ExtentEnd, EOF], 3, built);
    // Chevrotain's own recovery (token insertion/deletion, re-sync) stays off: the grammar recovers
    // by itself, with messages in words, and never lets Chevrotain meet a token it did not expect.
    super([...allTokens, ExtentEnd], {
      recoveryEnabled: false,
      maxLookahead: 3,
      skipValidations: !validate,
      lookaheadStrategy: strategy,
    });
    this.lookahead = strategy;
    this.recordsGrammar = built === undefined || validate || record;
    if (this.recordsGrammar) this.performSelfAnalysis();
    else this.useBuiltLookahead(built!);
  }

  /**
   * Chevrotain's self-analysis without its grammar recording (~6 ms of a start): every decision
   * gets its lookahead function from the built tables, stored where Chevrotain looks for it.
   */
  private useBuiltLookahead(built: BuiltLookahead): void {
    const chevrotain = this as unknown as ChevrotainInternals;
    toFastProperties(this);
    for (const [key, decision] of Object.entries(built)) {
      const [, ruleName, kind, occurrenceText] = /^(.+)\/([A-Za-z]+)(\d+)$/.exec(key)!;
      const occurrence = Number(occurrenceText);
      const ruleKey = chevrotain.fullRuleNameToShort[ruleName!];
      const kindKey = DECISION_KIND_KEYS[kind!];
      if (ruleKey === undefined || kindKey === undefined) throw new Error(`B24Parser: the built lookahead has a decision ${key} the grammar does not have`);
      const options = { rule: { name: ruleName! } as Rule, prodOccurrence: occurrence, maxLookahead: 3, dynamicTokensEnabled: false };
      const lookaheadFunction =
        kind === "Alternation"
          ? this.lookahead.buildLookaheadForAlternation({ ...options, hasPredicates: "paths" in decision })
          : this.lookahead.buildLookaheadForOptional({ ...options, prodType: kind as OptionalProductionType });
      chevrotain.setLaFuncCache(occurrence | kindKey | ruleKey, lookaheadFunction);
    }
    chevrotain.selfAnalysisDone = true;
  }

  /** The recorded grammar: this parser's, or, when it skipped recording, that of a parser made to record it. */
  override getGAstProductions(): Record<string, Rule> {
    return this.recordsGrammar ? super.getGAstProductions() : recordingParser().getGAstProductions();
  }

  override getSerializedGastProductions(): ReturnType<EmbeddedActionsParser["getSerializedGastProductions"]> {
    return this.recordsGrammar ? super.getSerializedGastProductions() : recordingParser().getSerializedGastProductions();
  }

  /** The parser's lookahead tables, as JSON (see `serializedLookahead`). */
  serializedLookahead(): BuiltLookahead {
    return this.lookahead.serialize();
  }

  /** Prepares a parse of `text`, lexed into `tokens` (and `comments`, kept aside by the lexer). */
  begin(text: string, tokens: IToken[], comments: readonly IToken[]): void {
    this.text = text;
    this.textEnd = undefined;
    const lastToken = tokens[tokens.length - 1];
    const lastComment = comments[comments.length - 1];
    this.lastTokens = [lastToken, lastComment].filter((t): t is IToken => t !== undefined);
    this.semanticProblems = [];
    this.imports = [];
    this.reportedAt = new Set();
    this.nesting = 0;
    const open = findBlockEnds(tokens);
    this.blockEnds = open.ends;
    this.openBraces = open.open;
    this.blockEnd = -1;
    this.outerBlockEnds.length = 0;
    this.tokens = tokens;
    this.input = tokens;
  }

  /**
   * Lets go of the parsed text's tokens (and the text) once its tree is made and its end is known:
   * at about 100 bytes a token they are a third of what a parse holds, and the shared parser would
   * otherwise keep a large file's until the next parse.
   */
  release(): void {
    this.text = "";
    this.lastTokens = [];
    this.reportedAt = new Set();
    this.blockEnds = new Map();
    this.unclosed = undefined;
    this.tokens = [];
    this.input = [];
  }

  // ----- helpers (never run while recording) -----

  /**
   * The position at the end of the text. What follows the last token and the last comment is
   * skipped white space or characters no token starts with, so counting from there is enough.
   */
  endOfText(): Position {
    if (this.textEnd === undefined) {
      let from = textStart();
      for (const token of this.lastTokens) {
        if (token.startOffset >= from.offset) from = endOf(this.text, token);
      }
      this.textEnd = advance(this.text, from, this.text.length);
    }
    return this.textEnd;
  }

  /** The range of `token`'s text; for the end-of-file token, an empty range after the last token. */
  tokenRange(token: IToken): Range {
    if (this.isVirtual(token)) {
      const at = this.fallbackPosition();
      return new SourceRange(at, at);
    }
    return new SourceRange(startOf(token), endOf(this.text, token));
  }

  /** An empty range where `token` starts (or at the end of the text for end of file). */
  pointAt(token: IToken): Range {
    const at = this.isVirtual(token) ? this.endOfText() : startOf(token);
    return new SourceRange(at, at);
  }

  span(start: Range, end: Range): Range {
    return new SourceRange(start.start, end.end.offset >= start.start.offset ? end.end : start.end);
  }

  /** Where the last consumed token ends: the place of a token that is not in the text. */
  fallbackPosition(): Position {
    const prev = this.LA(0);
    if (prev && !this.isVirtual(prev)) return endOf(this.text, prev);
    return textStart();
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

  /** The lookahead index of the first token at or after LA(from) that is not a newline. */
  skipNewlines(from: number): number {
    let i = from;
    while (tokenMatcher(this.LA(i), Newline)) i++;
    return i;
  }

  /** `key:` at LA(at): a label or a map key. */
  isKeyAt(at: number): boolean {
    const t = this.LA(at);
    return (tokenMatcher(t, IdentifierToken) || tokenMatcher(t, StringToken)) && tokenMatcher(this.LA(at + 1), Colon);
  }

  /** `{` opens a map literal when its first entry is `key: <literal>`; otherwise it opens a body. */
  isMapAhead(emptyIsMap: boolean): boolean {
    if (!tokenMatcher(this.LA(1), LBrace)) return false;
    const first = this.skipNewlines(2);
    if (tokenMatcher(this.LA(first), RBrace)) return emptyIsMap;
    if (!this.isKeyAt(first)) return false;
    return MAP_VALUE_START[this.LA(this.skipNewlines(first + 2)).tokenTypeIdx] === true;
  }

  // The GATEs themselves are arrow functions held in properties: Chevrotain calls them directly.

  /** An argument of a statement follows; an empty `{}` there is the statement's body. */
  private readonly isStatementArgumentAhead = (): boolean =>
    ARGUMENT_START[this.LA(1).tokenTypeIdx] === true || this.isMapAhead(false);

  /** An argument of an action follows; an empty `{}` there is a map. */
  private readonly isActionArgumentAhead = (): boolean => ARGUMENT_START[this.LA(1).tokenTypeIdx] === true || this.isMapAhead(true);

  /** A `->` follows, maybe on a later line. */
  private readonly isContinuedActionAhead = (): boolean => tokenMatcher(this.LA(this.skipNewlines(1)), Arrow);

  /**
   * Whether a map goes on: always on its own line; after a line break only if the next line holds
   * an entry, a comma or the closing `}`. Otherwise the `}` is missing, and the next line is left
   * to the statements around the map.
   */
  private readonly mapContinues = (): boolean => {
    const next = this.LA(1);
    if (tokenMatcher(next, RBrace) || tokenMatcher(next, EOF) || next.startOffset === this.blockEnd) return false;
    if (!tokenMatcher(next, Newline)) return true;
    const after = this.skipNewlines(2);
    return tokenMatcher(this.LA(after), RBrace) || tokenMatcher(this.LA(after), Comma) || this.isKeyAt(after);
  };

  /** Like `mapContinues`, for lists. A `}` also ends a list: it most likely closes the block around it. */
  private readonly listContinues = (): boolean => {
    const next = this.LA(1);
    if (tokenMatcher(next, RBracket) || tokenMatcher(next, RBrace) || tokenMatcher(next, EOF) || next.startOffset === this.blockEnd) return false;
    if (!tokenMatcher(next, Newline)) return true;
    const after = this.LA(this.skipNewlines(2));
    return tokenMatcher(after, RBracket) || tokenMatcher(after, Comma) || MAP_VALUE_START[after.tokenTypeIdx] === true;
  };

  // ----- reporting -----

  report(message: string, range: Range): void {
    if (this.reportedAt.has(range.start.offset)) return;
    this.reportedAt.add(range.start.offset);
    this.semanticProblems.push(new SyntaxDiagnostic(message, range));
  }

  reportStringProblems(token: IToken, problems: readonly StringProblem[]): void {
    if (problems.length === 0) return;
    for (const p of problems) {
      const start = Math.min(p.offset, token.image.length - 1);
      const end = Math.min(start + p.length, token.image.length);
      // String problems never hide each other: several bad escapes in one string are all reported.
      const range = new SourceRange(positionIn(this.text, token, start), positionIn(this.text, token, end));
      this.semanticProblems.push(new SyntaxDiagnostic(p.message, range));
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
   * construct was opened) without throwing, so everything parsed inside it is kept. Returns the
   * range of the bracket, or of the last token when it is missing.
   */
  closing(type: TokenType, open: IToken, shown: string, what: string): Range {
    this.unclosed = { open, shown, what };
    const close = this.OR9(this.closingAlts(type));
    if (this.RECORDING_PHASE) return RECORDED;
    return close && !this.isVirtual(close) ? this.tokenRange(close) : this.tokenRange(this.LA(0));
  }

  /** The construct `closing` is closing, for its recovery alternative: set just before its OR, which reads it at once. */
  private unclosed: { readonly open: IToken; readonly shown: string; readonly what: string } | undefined;

  /** The alternatives of `closing`, by the `tokenTypeIdx` of the bracket, built once (it runs at every closing bracket). */
  private readonly closingAltsByType: IOrAlt<IToken | undefined>[][] = [];

  private closingAlts(type: TokenType): IOrAlt<IToken | undefined>[] {
    return (this.closingAltsByType[type.tokenTypeIdx!] ??= [
      // A `}` where the block must end belongs to a block around it.
      { GATE: this.isNotBlockEnd, ALT: () => this.CONSUME9(type) },
      {
        ALT: () => {
          const { open, shown, what } = this.unclosed!;
          this.SUBRULE9(this.recoverMissingClose, { ARGS: [open, shown, what] });
          return undefined;
        },
      },
    ]);
  }

  // ----- blocks left open (open-blocks.ts) -----

  private readonly isNotBlockEnd = (): boolean => this.LA(1).startOffset !== this.blockEnd;

  /** Enters the block or map opened by `open`: it ends where open-blocks.ts says, or where the one around it ends. */
  enterBlock(open: IToken): void {
    if (this.RECORDING_PHASE) return;
    this.outerBlockEnds.push(this.blockEnd);
    const own = this.blockEnds.get(open.startOffset);
    if (own !== undefined) this.blockEnd = own.before.startOffset;
  }

  leaveBlock(): void {
    if (this.RECORDING_PHASE) return;
    this.blockEnd = this.outerBlockEnds.pop() ?? -1;
  }

  // ----- grammar -----

  public document = this.RULE("document", (): Statement[] => {
    const statements = new Array<Statement>();
    const first = this.SUBRULE(this.statementList, OUTSIDE_BODY);
    if (!this.RECORDING_PHASE) appendAll(statements, first);
    // A `}` with no open block: report it and parse on, so the rest of the file is not lost.
    this.MANY(() => {
      this.SUBRULE(this.recoverStrayClose);
      const more = this.SUBRULE2(this.statementList, OUTSIDE_BODY);
      if (!this.RECORDING_PHASE) appendAll(statements, more);
    });
    return statements;
  });

  private readonly statementListAlts: IOrAlt<ListItem>[] = [
    {
      ALT: () => {
        this.CONSUME(Newline);
        return "newline";
      },
    },
    {
      ALT: () => {
        this.CONSUME(Semicolon);
        return "semicolon";
      },
    },
    // Chevrotain's lookahead takes this alternative exactly for `name` and for `label:`.
    { ALT: () => this.SUBRULE(this.statement) },
    {
      ALT: () => {
        this.SUBRULE(this.importDeclaration);
        return "import";
      },
    },
    // Takes any token: it overlaps the alternatives before it on purpose, and comes last.
    { ALT: () => this.SUBRULE(this.recoverStray), IGNORE_AMBIGUITIES: true },
  ];

  /** Statements separated by newlines or semicolons, inside the document or a body. */
  private statementList = this.RULE("statementList", (inBody: boolean): Statement[] => {
    const statements = new Array<Statement>();
    /** Only line breaks since the last statement: a stray `{` or `->` there belongs to it. */
    let adjacent = false;
    /** Inside a run of unexpected tokens, only the first is reported. */
    let inStrayRun = false;
    // The list ends at `}` and at the end of the file, the two tokens no item starts with, and where
    // a block left open ends.
    this.MANY({
      GATE: this.isNotBlockEnd,
      DEF: () => {
        const item = this.OR(this.statementListAlts);
        if (this.RECORDING_PHASE) return;
        if (item === "newline") {
          inStrayRun = false;
        } else if (item === "import") {
          inStrayRun = false;
          adjacent = false;
          if (inBody) this.report("An import must be at the top level of a file, before the declarations.", this.imports[this.imports.length - 1]!.range);
        } else if (item === "semicolon") {
          inStrayRun = false;
          adjacent = false;
        } else if (item.kind === "Statement") {
          statements.push(item);
          inStrayRun = false;
          adjacent = true;
        } else {
          this.reportStray(item, statements, adjacent, inStrayRun, inBody);
          inStrayRun = item.kind === "token";
          adjacent = false;
        }
      },
    });
    return statements;
  });

  // The parts of `statement` that capture nothing but the parser, built once.
  private readonly continuedAction = {
    GATE: this.isContinuedActionAhead,
    DEF: (): ActionClause => {
      this.MANY2(() => this.CONSUME2(Newline));
      return this.SUBRULE(this.action);
    },
  };
  private readonly optionalBody = (): Body => this.SUBRULE(this.body);

  private readonly statementHeadAlts: IOrAlt<Identifier | LabelledName>[] = [
    {
      ALT: () => {
        const label = this.SUBRULE(this.label);
        const colon = this.CONSUME(Colon);
        const name = this.OR2<Identifier>([
          { ALT: () => this.identifier(this.CONSUME(IdentifierToken)) },
          { ALT: () => this.SUBRULE(this.recoverMissingName, { ARGS: [label, colon] }) },
        ]);
        return { kind: "LabelledName", label, name };
      },
    },
    { ALT: () => this.identifier(this.CONSUME2(IdentifierToken)) },
  ];

  private statement = this.RULE("statement", (): Statement => {
    // The name is only optional (and then reported) after a label, so a statement always consumes
    // a token: Chevrotain's lookahead analysis loops forever on repetitions of empty productions.
    const head = this.OR(this.statementHeadAlts);
    const args = new Array<Argument>();
    this.MANY({
      GATE: this.isStatementArgumentAhead,
      DEF: () => {
        args.push(this.SUBRULE(this.argument));
      },
    });
    const action = this.OPTION2(this.continuedAction);
    const body = this.OPTION3(this.optionalBody);
    if (this.RECORDING_PHASE) return RECORDED;
    const label = head.kind === "LabelledName" ? head.label : undefined;
    const name = head.kind === "LabelledName" ? head.name : head;
    const first = label?.range ?? name.range;
    const lastRange = body?.range ?? action?.range ?? args[args.length - 1]?.range ?? name.range;
    return new StatementNode(label, name, args, action, body, this.span(first, lastRange));
  });

  private readonly labelAlts: IOrAlt<IToken>[] = [{ ALT: () => this.CONSUME(IdentifierToken) }, { ALT: () => this.CONSUME(StringToken) }];

  private label = this.RULE("label", (): Label => {
    const tok = this.OR(this.labelAlts);
    if (this.RECORDING_PHASE) return RECORDED;
    const quoted = tokenMatcher(tok, StringToken);
    const value = quoted ? this.decodeString(tok) : tok.image;
    return new LabelNode(value, quoted, this.tokenRange(tok));
  });

  private action = this.RULE("action", (): ActionClause => {
    const arrow = this.CONSUME(Arrow);
    const name = this.OR<Identifier>([
      { ALT: () => this.identifier(this.CONSUME(IdentifierToken)) },
      { ALT: () => this.SUBRULE(this.recoverMissingActionName, { ARGS: [arrow] }) },
    ]);
    const args = new Array<Argument>();
    this.MANY({
      GATE: this.isActionArgumentAhead,
      DEF: () => {
        args.push(this.SUBRULE(this.argument));
      },
    });
    if (this.RECORDING_PHASE) return RECORDED;
    const last = args[args.length - 1]?.range ?? name.range;
    return new ActionNode(name, args, this.span(this.tokenRange(arrow), last));
  });

  private body = this.RULE("body", (): Body => {
    const open = this.CONSUME(LBrace);
    this.enterNested(open, true);
    const statements = this.SUBRULE(this.statementList, IN_BODY);
    const close = this.closing(RBrace, open, "'}'", "block");
    if (this.RECORDING_PHASE) return RECORDED;
    this.leaveNested(true);
    return new BodyNode(statements, this.span(this.tokenRange(open), close));
  });

  private readonly argumentAlts: IOrAlt<Argument>[] = [
    { ALT: () => this.identifier(this.CONSUME(IdentifierToken)) },
    { ALT: () => this.SUBRULE(this.value) },
    { ALT: () => this.SUBRULE(this.parameterList) },
  ];

  // ----- the extent of a parameter list or an import -----

  /**
   * The lookahead index of the first token, from LA(1) on, that is not part of the construct being
   * read: `belongs` is asked about each token in turn, with the number of brackets (of `opening`)
   * open before it and the last token before it that is not a line break. End of file never
   * belongs. A closing bracket with none open counts as none open.
   */
  private extentEnd(
    belongs: (at: number, depth: number, last: IToken) => boolean,
    opening: TokenSet = OPENING_BRACE,
    closing: TokenSet = CLOSING_BRACE,
  ): number {
    let depth = 0;
    let last = this.LA(0);
    for (let at = 1; ; at++) {
      const token = this.LA(at);
      if (tokenMatcher(token, EOF) || !belongs(at, depth, last)) return at;
      if (opening[token.tokenTypeIdx] === true) depth++;
      else if (closing[token.tokenTypeIdx] === true) depth = Math.max(0, depth - 1);
      if (!tokenMatcher(token, Newline)) last = token;
    }
  }

  /**
   * Whether the token at LA(at) still belongs to a parameter list, given the last token before it
   * and the depth of `{` open inside the list. A missing `)` must not swallow the declaration's
   * body: a `{` only opens a record type after `:`, `|`, `,`, `=` or `(`, and a line break ends the
   * list unless the list plainly goes on (after one of those, or before `)`, `,` or `|`).
   */
  private readonly inParameterList = (at: number, depth: number, last: IToken): boolean => {
    if (depth > 0) return true;
    const next = this.LA(at);
    const newline = tokenMatcher(next, Newline);
    if (!newline && !tokenMatcher(next, LBrace)) return !tokenMatcher(next, RParen) && !tokenMatcher(next, RBrace);
    if (TYPE_GOES_ON[last.tokenTypeIdx] === true) return true;
    if (!newline) return false;
    const after = this.LA(this.skipNewlines(at + 1));
    return tokenMatcher(after, RParen) || tokenMatcher(after, Comma) || tokenMatcher(after, Pipe);
  };

  /** An import ends at the end of its line or a `;`, or at a `}` that closes a block around it. */
  private readonly inImport = (at: number, depth: number): boolean => {
    const next = this.LA(at);
    return !tokenMatcher(next, Newline) && !tokenMatcher(next, Semicolon) && !(depth === 0 && tokenMatcher(next, RBrace));
  };

  /**
   * Runs `parse` with the token at LA(end) replaced by an `ExtentEnd`, and puts it back after. The
   * end of a parameter list or an import is found from its flat tokens first (a missing `)` must
   * not take the declaration's body with it); the rules inside then meet `ExtentEnd` there, where
   * neither they nor Chevrotain's lookahead can take it.
   */
  private withinExtent<T>(end: number, parse: () => T): T {
    const endToken = this.LA(end);
    if (this.RECORDING_PHASE || this.isVirtual(endToken)) return parse();
    const index = this.indexOf(endToken);
    this.tokens[index] = { ...endToken, tokenType: ExtentEnd, tokenTypeIdx: ExtentEnd.tokenTypeIdx! };
    try {
      return parse();
    } finally {
      this.tokens[index] = endToken;
    }
  }

  /** The index of `token` in the input (tokens are in source order). */
  private indexOf(token: IToken): number {
    let low = 0;
    let high = this.tokens.length - 1;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (this.tokens[middle]!.startOffset < token.startOffset) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  /** The next token, unless the parser is at the end of the parameter list or import being read. */
  private nextInExtent(): IToken | undefined {
    return this.atExtentEnd() ? undefined : this.LA(1);
  }

  /** Whether the parser is at the end of the parameter list or import being read. */
  private atExtentEnd(): boolean {
    const next = this.LA(1);
    return tokenMatcher(next, ExtentEnd) || tokenMatcher(next, EOF);
  }

  /** The next token in words; at the end of a parameter list, the `)` that should be there. */
  private found(): string {
    return this.atExtentEnd() ? "')'" : describeToken(this.LA(1));
  }

  /**
   * Reports `message` at `token`, or at the last token read when there is none (at the end of
   * the construct), and gives up on the parameter or import (see GiveUp).
   */
  private giveUp(message: string, token: IToken | undefined): never {
    this.report(message, this.tokenRange(token ?? this.LA(0)));
    throw new GiveUp();
  }

  /** Skips `count` tokens, whatever they are. */
  private skipTokens(count: number): void {
    for (let i = 0; i < count; i++) this.SKIP_TOKEN();
  }

  /** After a mistake in a parameter: how many tokens up to and including the next `,` outside a record type, or to the end of the list. */
  private tokensToNextParameter(): number {
    const stop = this.extentEnd((at, depth) => !tokenMatcher(this.LA(at), ExtentEnd) && !(depth === 0 && tokenMatcher(this.LA(at), Comma)));
    return tokenMatcher(this.LA(stop), Comma) ? stop : stop - 1;
  }

  // ----- parameter lists -----

  /**
   * `( name?: type = default, … )`. Its end is found first (see `inParameterList`); a mistake in
   * a parameter is reported once and reading goes on at the next parameter, so one list gives
   * every error and keeps every parameter it can.
   */
  private parameterList = this.RULE("parameterList", (): ParameterList => {
    const open = this.CONSUME(LParen);
    const parameters = new Array<Parameter>();
    this.withinExtent(this.extentEnd(this.inParameterList), () => {
      /** A parameter was read, and no `,` after it yet. */
      let afterParameter = false;
      this.MANY({
        GATE: this.notAtExtentEnd,
        DEF: () => {
          let failed = false;
          try {
            this.expectParameterListItem(afterParameter);
            const item = this.OR(this.parameterListAlts);
            if (this.RECORDING_PHASE) return;
            if (item !== undefined) parameters.push(item);
            if (item !== undefined || tokenMatcher(this.LA(0), Comma)) afterParameter = item !== undefined;
          } catch (error) {
            if (!(error instanceof GiveUp)) throw error;
            failed = true;
            afterParameter = false;
          }
          if (failed) this.skipTokens(this.tokensToNextParameter());
        },
      });
    });
    const close = this.closing(RParen, open, "')'", "parameter list");
    if (this.RECORDING_PHASE) return RECORDED;
    return new ParameterListNode(parameters, this.span(this.tokenRange(open), close));
  });

  private readonly notAtExtentEnd = (): boolean => !this.atExtentEnd();

  /** Gives up on a parameter followed by something other than a line break or a `,`, and on a `,` where a parameter should be (the rest is for `recoverMissingParameterName`). */
  private expectParameterListItem(afterParameter: boolean): void {
    if (this.RECORDING_PHASE) return;
    const next = this.LA(1);
    if (tokenMatcher(next, Newline) || (afterParameter && tokenMatcher(next, Comma))) return;
    if (afterParameter) this.giveUp(`Expected ',' or ')' after the parameter, but found ${describeToken(next)}.`, next);
    if (tokenMatcher(next, Comma)) this.giveUp("Expected a parameter name, but found ','.", next);
  }

  /** The separators of a map's entries, a list's items, parameters and record fields: a line break or a comma. */
  private readonly separatorAlts: IOrAlt<undefined>[] = [
    {
      ALT: () => {
        this.CONSUME(Newline);
        return undefined;
      },
    },
    {
      ALT: () => {
        this.CONSUME(Comma);
        return undefined;
      },
    },
  ];

  private readonly parameterListAlts: IOrAlt<Parameter | undefined>[] = [
    ...this.separatorAlts,
    { ALT: () => this.SUBRULE(this.parameter) },
    { ALT: () => this.SUBRULE(this.recoverMissingParameterName) },
  ];

  // The parts of the rules on the path of every parameter that capture nothing but the parser, built once (see the class comment).
  private readonly newlines = (): void => void this.CONSUME(Newline);
  private readonly questionMark = (): IToken => this.CONSUME(Question);
  private readonly equalsDefault = {
    GATE: (): boolean => this.isAheadPastNewlines(Equals),
    DEF: (): Value => {
      this.MANY2(() => this.CONSUME2(Newline));
      this.CONSUME(Equals);
      this.MANY3(() => this.CONSUME3(Newline));
      return this.SUBRULE(this.defaultValue);
    },
  };
  private readonly parameterColonAlts: IOrAlt<unknown>[] = [
    { ALT: () => this.CONSUME(Colon) },
    { ALT: () => this.SUBRULE(this.recoverMissingColon, { ARGS: ["parameter"] }) },
  ];
  private readonly fieldColonAlts: IOrAlt<unknown>[] = [
    { ALT: () => this.CONSUME2(Colon) },
    { ALT: () => this.SUBRULE2(this.recoverMissingColon, { ARGS: ["field"] }) },
  ];
  private readonly listTypeCloseAlts: IOrAlt<IToken>[] = [
    { ALT: () => this.CONSUME(RBracket) },
    { ALT: () => this.SUBRULE(this.recoverMissingListTypeClose) },
  ];

  private parameter = this.RULE("parameter", (): Parameter => {
    const name = this.identifier(this.CONSUME(IdentifierToken));
    if (!this.RECORDING_PHASE) this.typeNesting = this.nesting + 1;
    const optional = this.OPTION(this.questionMark) !== undefined;
    this.OR(this.parameterColonAlts);
    this.MANY(this.newlines);
    const type = this.SUBRULE(this.parameterType);
    const defaultValue = this.OPTION2(this.equalsDefault);
    if (this.RECORDING_PHASE) return RECORDED;
    return new ParameterNode(name, optional, type, defaultValue, this.span(name.range, (defaultValue ?? type).range));
  });

  /** The kind of the token after the next line breaks is `type`. */
  private isAheadPastNewlines(type: TokenType): boolean {
    return tokenMatcher(this.LA(this.skipNewlines(1)), type);
  }

  private readonly isUnionAhead = (): boolean => this.isAheadPastNewlines(Pipe);

  private parameterType = this.RULE("type", (): TypeNode => {
    const members = [this.SUBRULE(this.typeTerm)];
    this.MANY({
      GATE: this.isUnionAhead,
      DEF: () => {
        this.MANY2(() => this.CONSUME(Newline));
        this.CONSUME(Pipe);
        this.MANY3(() => this.CONSUME2(Newline));
        members.push(this.SUBRULE2(this.typeTerm));
      },
    });
    if (this.RECORDING_PHASE) return RECORDED;
    const first = members[0]!;
    if (members.length === 1) return first;
    return { kind: "UnionType", members, range: this.span(first.range, members[members.length - 1]!.range) };
  });

  private readonly typeTermAlts: IOrAlt<TypeNode>[] = [
    {
      ALT: () => {
        const tok = this.CONSUME(IdentifierToken);
        return this.RECORDING_PHASE ? RECORDED : { kind: "NamedType", name: tok.image, range: this.tokenRange(tok) };
      },
    },
    {
      ALT: () => {
        const literal = this.literal(this.CONSUME(StringToken)) as StringLiteral;
        return this.RECORDING_PHASE ? RECORDED : ({ kind: "LiteralType", value: literal.value, range: literal.range } satisfies LiteralType);
      },
    },
    { ALT: () => this.SUBRULE(this.recordType) },
    { ALT: () => this.SUBRULE(this.recoverMissingType) },
  ];

  /** A named, literal or record type, maybe made a list (`T[]`, `T[][]`). */
  private typeTerm = this.RULE("typeTerm", (): TypeNode => {
    let type = this.OR(this.typeTermAlts);
    let lists = 0;
    this.MANY(() => {
      this.enterTypeNesting();
      lists++;
      this.CONSUME(LBracket);
      const max = this.OPTION({ GATE: this.isListMaxAhead, DEF: () => this.listMax() });
      const close = this.OR2(this.listTypeCloseAlts);
      if (!this.RECORDING_PHASE) type = { kind: "ListType", of: type, ...(max ? { max } : {}), range: this.span(type.range, this.tokenRange(close)) };
    });
    if (!this.RECORDING_PHASE) this.typeNesting -= lists;
    return type;
  });

  /** `max` is next, inside a list type's brackets (`T[max 9]`). */
  private readonly isListMaxAhead = (): boolean => tokenMatcher(this.LA(1), IdentifierToken) && this.LA(1).image === LIST_MAX_KEYWORD;

  /** `max 9` inside a list type's brackets: the most items the list may have, a whole number. */
  private listMax(): NumberLiteral {
    const word = this.CONSUME2(IdentifierToken);
    const next = this.LA(1);
    const value = tokenMatcher(next, NumberToken) ? Number(next.image) : NaN;
    if (!this.RECORDING_PHASE && !(Number.isInteger(value) && value >= 0)) {
      this.giveUp(`Expected a whole number after 'max' in a list type ('T[max 9]'), but found ${this.found()}.`, tokenMatcher(next, EOF) ? word : next);
    }
    return this.literal(this.CONSUME(NumberToken)) as NumberLiteral;
  }

  /** Counts a record or list type about to be read (its bracket is LA(1)), or gives up on the parameter when it is one level too deep. */
  private enterTypeNesting(): void {
    if (this.RECORDING_PHASE) return;
    if (this.typeNesting >= MAX_NESTING_DEPTH) this.giveUp(tooDeepMessage(this.LA(1).image), this.LA(1));
    this.typeNesting++;
  }

  private readonly recordTypeAlts: IOrAlt<RecordField | undefined>[] = [
    ...this.separatorAlts,
    { ALT: () => this.SUBRULE(this.recordField) },
    { ALT: () => this.SUBRULE(this.recoverMissingFieldName) },
  ];

  /** `{ name: type, other?: type }`; fields are separated by `,` or line breaks. */
  private recordType = this.RULE("recordType", (): TypeNode => {
    this.enterTypeNesting();
    const open = this.CONSUME(LBrace);
    const fields = new Array<RecordField>();
    /** A `,` follows the last field. */
    let afterComma = false;
    this.MANY({
      GATE: this.recordContinues,
      DEF: () => {
        this.expectRecordItem(fields.length > 0, afterComma);
        const field = this.OR(this.recordTypeAlts);
        if (this.RECORDING_PHASE) return;
        if (field !== undefined) fields.push(field);
        if (field !== undefined || tokenMatcher(this.LA(0), Comma)) afterComma = field === undefined;
      },
    });
    const close = this.OR2([{ ALT: () => this.CONSUME(RBrace) }, { ALT: () => this.SUBRULE(this.recoverMissingRecordClose, { ARGS: [open] }) }]);
    if (this.RECORDING_PHASE) return RECORDED;
    this.typeNesting--;
    return { kind: "RecordType", fields, range: this.span(this.tokenRange(open), this.tokenRange(close)) };
  });

  private readonly recordContinues = (): boolean => !tokenMatcher(this.LA(1), RBrace) && !this.atExtentEnd();

  /** Gives up on a `,` where a field should be, or on a field not separated from the one before (the rest is for `recoverMissingFieldName`). */
  private expectRecordItem(afterField: boolean, afterComma: boolean): void {
    if (this.RECORDING_PHASE) return;
    const next = this.LA(1);
    if (tokenMatcher(next, Newline)) return;
    const separated = !afterField || afterComma || tokenMatcher(this.LA(0), Newline);
    if (tokenMatcher(next, Comma)) {
      if (!afterField || afterComma) this.giveUp("Expected a field name, but found ','.", next);
      return;
    }
    if (!separated) this.giveUp(`Expected ',' or '}' after a record field, but found ${describeToken(next)}.`, next);
  }

  private recordField = this.RULE("recordField", (): RecordField => {
    const name = this.identifier(this.CONSUME(IdentifierToken));
    const optional = this.OPTION(this.questionMark) !== undefined;
    this.OR(this.fieldColonAlts);
    this.MANY(this.newlines);
    const type = this.SUBRULE(this.parameterType);
    if (this.RECORDING_PHASE) return RECORDED;
    return new RecordFieldNode(name, optional, type, this.span(name.range, type.range));
  });

  private readonly defaultValueAlts: IOrAlt<Value>[] = [
    { ALT: () => this.literal(this.CONSUME(StringToken)) },
    { ALT: () => this.literal(this.CONSUME(NumberToken)) },
    { ALT: () => this.literal(this.CONSUME(True)) },
    { ALT: () => this.literal(this.CONSUME(False)) },
    { ALT: () => this.literal(this.CONSUME(Null)) },
    {
      ALT: () => {
        const open = this.CONSUME(LBracket);
        const close = this.CONSUME(RBracket);
        return this.RECORDING_PHASE ? RECORDED : new ListNode([], this.span(this.tokenRange(open), this.tokenRange(close)));
      },
    },
    { ALT: () => this.SUBRULE(this.recoverMissingDefault) },
  ];

  private defaultValue = this.RULE("defaultValue", (): Value => {
    // Chevrotain's lookahead takes `[` alone for `[ ]`, since the last alternative is empty; a
    // GATE there would make every decision of this OR ask each alternative in turn.
    if (!this.RECORDING_PHASE && tokenMatcher(this.LA(1), LBracket) && !tokenMatcher(this.LA(2), RBracket)) this.missingDefault();
    return this.OR(this.defaultValueAlts);
  });

  // ----- imports -----

  /** `import { a, b } from "./file.b24layout"`: to the end of its line (see `inImport`). */
  private importDeclaration = this.RULE("importDeclaration", (): void => {
    const keyword = this.CONSUME(ImportToken);
    const names = new Array<Identifier>();
    const source = this.withinExtent(this.extentEnd(this.inImport), () => {
      let path: IToken | undefined;
      try {
        this.OR([{ ALT: () => this.CONSUME(LBrace) }, { ALT: () => this.SUBRULE(this.recoverImport, { ARGS: ["Expected '{' after 'import'"] }) }]);
        this.OPTION(() => {
          names.push(this.identifier(this.CONSUME(IdentifierToken)));
          this.MANY(() => {
            this.CONSUME(Comma);
            names.push(this.identifier(this.CONSUME2(IdentifierToken)));
          });
          this.OPTION2(() => this.CONSUME2(Comma));
        });
        this.OR2([{ ALT: () => this.CONSUME(RBrace) }, { ALT: () => this.SUBRULE(this.recoverImportNames) }]);
        // `from` is a name everywhere else: only here is it a word of the language.
        this.OR3([
          { GATE: this.isFromAhead, ALT: () => this.CONSUME3(IdentifierToken) },
          { ALT: () => this.SUBRULE2(this.recoverImport, { ARGS: ["Expected 'from' and the file after the imported names"] }) },
        ]);
        path = this.OR4([
          { ALT: () => this.CONSUME(QuotedString) },
          { ALT: () => this.SUBRULE3(this.recoverImport, { ARGS: ["Expected the file to import from, as a string"] }) },
        ]);
        if (this.RECORDING_PHASE) return RECORDED;
        if (!this.atExtentEnd()) this.report(`Unexpected ${describeToken(this.LA(1))} after the import: ${IMPORT_USAGE}.`, this.tokenRange(this.LA(1)));
        if (names.length === 0) this.report(`Nothing is imported: ${IMPORT_USAGE}.`, this.tokenRange(keyword));
      } catch (error) {
        if (!(error instanceof GiveUp)) throw error;
        path = undefined;
      }
      this.skipTokens(this.extentEnd((at) => !tokenMatcher(this.LA(at), ExtentEnd)) - 1);
      return path === undefined ? undefined : (this.literal(path) as StringLiteral);
    });
    if (this.RECORDING_PHASE) return;
    const end = source?.range ?? this.tokenRange(this.LA(0));
    this.imports.push(new ImportNode(names, source, this.span(this.tokenRange(keyword), end)));
  });

  private readonly isFromAhead = (): boolean => tokenMatcher(this.LA(1), IdentifierToken) && this.LA(1).image === "from";

  private argument = this.RULE("argument", (): Argument => this.OR(this.argumentAlts));

  private readonly valueAlts: IOrAlt<Value>[] = [
    { ALT: () => this.literal(this.CONSUME(StringToken)) },
    { ALT: () => this.literal(this.CONSUME(NumberToken)) },
    { ALT: () => this.literal(this.CONSUME(True)) },
    { ALT: () => this.literal(this.CONSUME(False)) },
    { ALT: () => this.literal(this.CONSUME(Null)) },
    { ALT: () => this.literal(this.CONSUME(TranslationRefToken)) },
    { ALT: () => this.literal(this.CONSUME(ParamRefToken)) },
    { ALT: () => this.SUBRULE(this.map) },
    { ALT: () => this.SUBRULE(this.list) },
  ];

  private value = this.RULE("value", (): Value => this.OR(this.valueAlts));

  /** One step of a map: a separator (`undefined`), an entry, or a stray token. */
  private readonly mapAlts: IOrAlt<MapEntry | IToken | undefined>[] = [
    ...this.separatorAlts,
    // Chevrotain's lookahead takes this alternative exactly for `key:`.
    { ALT: () => this.SUBRULE(this.mapEntry) },
    // Takes any token: it overlaps the alternatives before it on purpose, and comes last.
    { ALT: () => this.SUBRULE(this.recoverStrayInMap), IGNORE_AMBIGUITIES: true },
  ];

  /**
   * The entries of a map or the items of a list, up to where `continues` says it ends. A stray
   * token is reported with `strayMessage`, only the first of a run of them.
   */
  private collectItems<T extends { readonly kind: string }>(
    continues: () => boolean,
    alternatives: IOrAlt<T | IToken | undefined>[],
    strayMessage: (token: IToken) => string,
  ): T[] {
    const items = new Array<T>();
    let inStrayRun = false;
    this.MANY({
      GATE: continues,
      DEF: () => {
        const item = this.OR(alternatives);
        if (this.RECORDING_PHASE || item === undefined) {
          inStrayRun = false;
        } else if ("kind" in item) {
          items.push(item);
          inStrayRun = false;
        } else {
          if (!inStrayRun) this.report(strayMessage(item), this.tokenRange(item));
          inStrayRun = true;
        }
      },
    });
    return items;
  }

  private map = this.RULE("map", (): MapLiteral => {
    const open = this.CONSUME(LBrace);
    this.enterNested(open, true);
    const entries = this.collectItems(this.mapContinues, this.mapAlts, strayInMapMessage);
    const close = this.closing(RBrace, open, "'}'", "map");
    if (this.RECORDING_PHASE) return RECORDED;
    this.leaveNested(true);
    return new MapNode(entries, this.span(this.tokenRange(open), close));
  });

  private mapEntry = this.RULE("mapEntry", (): MapEntry | undefined => {
    const key = this.SUBRULE(this.label);
    const colon = this.CONSUME(Colon);
    this.MANY(() => this.CONSUME(Newline));
    // Chevrotain's lookahead takes the first alternative exactly for the tokens that start a value.
    const value = this.OR<Value | undefined>([
      { ALT: () => this.SUBRULE(this.value) },
      {
        ALT: () => {
          this.SUBRULE(this.recoverMissingValue, { ARGS: [key, colon] });
          return undefined;
        },
      },
    ]);
    if (this.RECORDING_PHASE) return RECORDED;
    return value ? new MapEntryNode(key, value, this.span(key.range, value.range)) : undefined;
  });

  /** One step of a list: a separator (`undefined`), an item, or a stray token. */
  private readonly listAlts: IOrAlt<Value | IToken | undefined>[] = [
    ...this.separatorAlts,
    // Chevrotain's lookahead takes this alternative exactly for the tokens that start a value.
    { ALT: () => this.SUBRULE(this.value) },
    // Takes any token: it overlaps the alternatives before it on purpose, and comes last.
    { ALT: () => this.SUBRULE(this.recoverStrayInList), IGNORE_AMBIGUITIES: true },
  ];

  private list = this.RULE("list", (): ListLiteral => {
    const open = this.CONSUME(LBracket);
    this.enterNested(open, false);
    const items = this.collectItems(this.listContinues, this.listAlts, strayInListMessage);
    const close = this.closing(RBracket, open, "']'", "list");
    if (this.RECORDING_PHASE) return RECORDED;
    this.leaveNested(false);
    return new ListNode(items, this.span(this.tokenRange(open), close));
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
          return { kind: "action", arrow, action };
        },
      },
      {
        GATE: () => tokenMatcher(this.LA(1), LBrace),
        ALT: () => {
          const open = this.LA(1);
          const body = this.SUBRULE(this.body);
          return { kind: "body", open, body };
        },
      },
      { ALT: () => ({ kind: "token", token: this.CONSUME(AnyToken) }) },
    ]);
  });

  private recoverStrayClose = this.RULE("recoverStrayClose", (): void => {
    const tok = this.CONSUME(RBrace);
    if (this.RECORDING_PHASE) return;
    this.report("Unexpected '}': there is no open block to close.", this.tokenRange(tok));
  });

  /** A label with no statement name after it (`client:` at the end of a line). The name is left empty. */
  private recoverMissingName = this.RULE("recoverMissingName", (label: Label | undefined, colon: IToken): Identifier => {
    if (this.RECORDING_PHASE) return RECORDED;
    const labelRange = label ? this.span(label.range, this.tokenRange(colon)) : this.tokenRange(colon);
    const shown = label ? `the label '${label.quoted ? JSON.stringify(label.value) : label.value}:'` : "a label";
    this.reportMissing("a statement name", shown, labelRange);
    return emptyIdentifier(labelRange.end);
  });

  private recoverMissingActionName = this.RULE("recoverMissingActionName", (arrow: IToken): Identifier => {
    if (this.RECORDING_PHASE) return RECORDED;
    const arrowRange = this.tokenRange(arrow);
    this.reportMissing("an action name", "'->'", arrowRange);
    return emptyIdentifier(arrowRange.end);
  });

  /** A map entry without a value. A bare word is taken (and reported) so it does not cascade. */
  private recoverMissingValue = this.RULE("recoverMissingValue", (key: Label, colon: IToken): void => {
    const word = this.OPTION({
      GATE: () => tokenMatcher(this.LA(1), IdentifierToken),
      DEF: () => this.CONSUME(IdentifierToken),
    });
    if (this.RECORDING_PHASE) return;
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

  private recoverStrayInMap = this.RULE("recoverStrayInMap", (): IToken => this.CONSUME(AnyToken));

  private recoverStrayInList = this.RULE("recoverStrayInList", (): IToken => this.CONSUME(AnyToken));

  private recoverMissingClose = this.RULE("recoverMissingClose", (open: IToken, shown: string, what: string): void => {
    if (this.RECORDING_PHASE) return;
    const end = this.blockEnds.get(open.startOffset);
    if (end !== undefined && end.before === this.LA(1)) {
      // Where open-blocks.ts says the block ends: the error is at the '{' left open.
      this.semanticProblems.push(new SyntaxDiagnostic(unclosedMessage(what, end), this.tokenRange(open)));
      return;
    }
    // Never deduplicated: when several constructs are left open at one spot, each is named.
    const opened = this.tokenRange(open).start;
    const range = this.pointAt(this.LA(1));
    this.reportedAt.add(range.start.offset);
    const found = describeToken(this.LA(1));
    const message = `Expected ${shown} to close the ${what} opened at line ${opened.line}, column ${opened.column}, but found ${found}.`;
    this.semanticProblems.push(new SyntaxDiagnostic(message, range));
  });

  /**
   * Counts a block, map or list just opened by `open` (a block or map also ends where
   * open-blocks.ts says). When it is one level deeper than MAX_NESTING_DEPTH, its inside is
   * reported at `open` and skipped without recursion up to the bracket that closes it (or the end
   * of the file), which the construct consumes as usual.
   */
  private enterNested(open: IToken, block: boolean): void {
    if (this.RECORDING_PHASE) return;
    this.nesting++;
    if (block) this.enterBlock(open);
    if (this.nesting <= MAX_NESTING_DEPTH) return;
    const inside = this.extentEnd((at, depth) => !(depth === 0 && CLOSING_BRACKET[this.LA(at).tokenTypeIdx] === true), OPENING_BRACKET, CLOSING_BRACKET);
    this.skipTokens(inside - 1);
    // Only the first level too deep is reported: what it holds is skipped with it.
    if (this.nesting === MAX_NESTING_DEPTH + 1) this.report(tooDeepMessage(open.image), this.tokenRange(open));
  }

  /** Leaves the block, map or list that `enterNested` entered. */
  private leaveNested(block: boolean): void {
    if (block) this.leaveBlock();
    this.nesting--;
  }

  // ----- recovery inside parameter lists and imports: each reports and gives up (see GiveUp) -----

  private recoverMissingParameterName = this.RULE("recoverMissingParameterName", (): undefined => {
    if (this.RECORDING_PHASE) return RECORDED;
    return this.giveUp(`Expected a parameter name, but found ${describeToken(this.LA(1))}.`, this.LA(1));
  });

  private recoverMissingFieldName = this.RULE("recoverMissingFieldName", (): undefined => {
    if (this.RECORDING_PHASE) return RECORDED;
    return this.giveUp(`Expected a field name, but found ${describeToken(this.LA(1))}.`, this.LA(1));
  });

  /** A parameter or record field without `:` and a type. */
  private recoverMissingColon = this.RULE("recoverMissingColon", (what: "parameter" | "field"): void => {
    if (this.RECORDING_PHASE) return;
    // The name is the token before, or the one before its `?`.
    const name = tokenMatcher(this.LA(0), Question) ? this.LA(-1) : this.LA(0);
    const next = this.LA(1);
    const message =
      what === "parameter"
        ? `Expected ':' and a type after parameter '${name.image}' (for example '${name.image}: string').`
        : `Expected ':' and a type after field '${name.image}'.`;
    this.report(message, this.tokenRange(this.atExtentEnd() || tokenMatcher(next, Newline) ? name : next));
    throw new GiveUp();
  });

  private recoverMissingType = this.RULE("recoverMissingType", (): TypeNode => {
    if (this.RECORDING_PHASE) return RECORDED;
    const found = this.found();
    return this.giveUp(`Expected a type (string, int, bool, url, datetime, a "literal", a record '{ … }' or a list 'T[]'), but found ${found}.`, this.nextInExtent());
  });

  /** A `[` (the token before) not followed by `]`. */
  private recoverMissingListTypeClose = this.RULE("recoverMissingListTypeClose", (): IToken => {
    if (this.RECORDING_PHASE) return RECORDED;
    return this.giveUp(`Expected ']' after '[' in a list type ('T[]' or 'T[max 9]'), but found ${this.found()}.`, this.nextInExtent() ?? this.LA(0));
  });

  private recoverMissingRecordClose = this.RULE("recoverMissingRecordClose", (open: IToken): IToken => {
    if (this.RECORDING_PHASE) return RECORDED;
    return this.giveUp("Expected '}' to close the record type.", open);
  });

  private recoverMissingDefault = this.RULE("recoverMissingDefault", (): Value => {
    if (this.RECORDING_PHASE) return RECORDED;
    return this.missingDefault();
  });

  /** Gives up on a default value that is none of those allowed, reported at the next token or, at the end of the list, at the `=`. */
  private missingDefault(): never {
    let equals = 0;
    while (tokenMatcher(this.LA(equals), Newline)) equals--;
    const found = this.found();
    return this.giveUp(`Expected a default value after '=' (a string, number, true, false, null or []), but found ${found}.`, this.nextInExtent() ?? this.LA(equals));
  }

  /** The import is not what `message` expects at the next token (or, at the end of the line, after the last one). */
  private recoverImport = this.RULE("recoverImport", (message: string): IToken => {
    if (this.RECORDING_PHASE) return RECORDED;
    return this.giveUp(`${message}: ${IMPORT_USAGE}.`, this.nextInExtent());
  });

  /** The imported names are not followed by `}`. */
  private recoverImportNames = this.RULE("recoverImportNames", (): IToken => {
    if (this.RECORDING_PHASE) return RECORDED;
    const next = this.nextInExtent();
    const last = this.LA(0);
    if (tokenMatcher(last, IdentifierToken)) return this.giveUp(`Expected ',' or '}' after '${last.image}': ${IMPORT_USAGE}.`, next ?? last);
    if (next === undefined) return this.giveUp(`Expected '}' to close the imported names: ${IMPORT_USAGE}.`, last);
    return this.giveUp(`Expected a name to import, but found ${describeToken(next)}: ${IMPORT_USAGE}.`, next);
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
        const range = this.span(previous.range, stray.body.range);
        statements[statements.length - 1] = new StatementNode(previous.label, previous.name, previous.args, previous.action, stray.body, range);
      } else {
        this.report("Unexpected '{': a block must follow a statement name on the same line ('name { … }').", at);
        appendAll(statements, stray.body.statements);
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

  // ----- node builders (safe while recording: they return RECORDED) -----

  identifier(tok: IToken): Identifier {
    if (this.RECORDING_PHASE) return RECORDED;
    return new IdentifierNode(tok.image, this.tokenRange(tok));
  }

  /** A string, number, boolean, null or translation reference. */
  literal(tok: IToken): Value {
    if (this.RECORDING_PHASE) return RECORDED;
    const range = this.tokenRange(tok);
    switch (tok.tokenTypeIdx) {
      case NumberToken.tokenTypeIdx:
        return new NumberNode(Number(tok.image), tok.image, range);
      case True.tokenTypeIdx:
        return new BooleanNode(true, range);
      case False.tokenTypeIdx:
        return new BooleanNode(false, range);
      case Null.tokenTypeIdx:
        return new NullNode(range);
      case TranslationRefToken.tokenTypeIdx:
        return new TranslationRefNode(tok.image.slice(1), range);
      case ParamRefToken.tokenTypeIdx:
        return new ParamRefNode(tok.image.slice(1).split("."), range);
      default: {
        const decoded = this.decodeStringToken(tok);
        const parts = decoded.parts?.map((p): StringPart => {
          if (typeof p === "string") return p;
          const at = new SourceRange(positionIn(this.text, tok, p.offset), positionIn(this.text, tok, p.offset + p.length));
          return new InterpolationNode(p.path, at);
        });
        return new StringNode(decoded.value, MULTILINE_STRING[tok.tokenTypeIdx] === true, range, parts);
      }
    }
  }

  /** The text of a string token (escapes resolved); interpolations stay as written (`${name}`). */
  decodeString(tok: IToken): string {
    return this.decodeStringToken(tok).value;
  }

  decodeStringToken(tok: IToken): DecodedString {
    const decoded =
      MULTILINE_STRING[tok.tokenTypeIdx] === true
        ? decodeTripleString(tok.image, tokenMatcher(tok, TripleString))
        : decodeQuotedString(tok.image, tokenMatcher(tok, QuotedString));
    this.reportStringProblems(tok, decoded.problems);
    return decoded;
  }
}

function strayInMapMessage(token: IToken): string {
  return `${unexpected(token)} in a map: write each entry as 'key: value', separated by commas or new lines.`;
}

function strayInListMessage(token: IToken): string {
  return tokenMatcher(token, IdentifierToken)
    ? `Unexpected word '${token.image}' in a list: list items are values; write "${token.image}" in quotes for a text.`
    : `${unexpected(token)} in a list: write the items as values separated by commas.`;
}
