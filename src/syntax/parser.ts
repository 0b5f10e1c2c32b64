import {
  EmbeddedActionsParser,
  EOF,
  getLookaheadPaths,
  LLkLookaheadStrategy,
  tokenMatcher,
  type IOrAlt,
  type IRecognitionException,
  type IToken,
  type OptionalProductionType,
  type Rule,
  type SubruleMethodOpts,
  type TokenType,
} from "chevrotain";
import type {
  ActionClause,
  Argument,
  Body,
  BooleanLiteral,
  Comment,
  Document,
  Identifier,
  ImportDeclaration,
  Label,
  Interpolation,
  ListLiteral,
  LiteralType,
  MapEntry,
  MapLiteral,
  NullLiteral,
  NumberLiteral,
  Parameter,
  ParameterList,
  ParamRef,
  Position,
  Range,
  Statement,
  StringLiteral,
  StringPart,
  TranslationRef,
  TypeNode,
  RecordField,
  Value,
} from "./ast.js";
import type { Diagnostic } from "../diagnostic.js";
import { plainConstructor, type Writable } from "../util/plain-constructor.js";
import { appendAll } from "../util/append.js";
import { decodeQuotedString, decodeTripleString, type DecodedString, type StringProblem } from "./strings.js";
import { MAX_NESTING_DEPTH, MAX_TOKENS } from "./limits.js";
import { LIST_MAX_KEYWORD } from "../model/templates.js";
import { SYNTAX_RULE_ID } from "./rule-id.js";
import { BINARY_FILE_MESSAGE, looksBinary } from "./binary.js";
import { lexText, type LexedText, type TextPoint } from "./lex.js";
import { findBlockEnds, type BlockEnd } from "./open-blocks.js";
import {
  AnyToken,
  allTokens,
  Arrow,
  BlockComment,
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
  UnterminatedBlockComment,
  UnterminatedString,
  UnterminatedTripleString,
} from "./tokens.js";

export { SYNTAX_RULE_ID };

const OUTSIDE_BODY: SubruleMethodOpts<[boolean]> = { ARGS: [false] };
const IN_BODY: SubruleMethodOpts<[boolean]> = { ARGS: [true] };

/**
 * A set of token types as a table indexed by `tokenTypeIdx` (categories expanded), so that a
 * membership test on the hot path is one array read: `set[token.tokenTypeIdx] === true`.
 */
type TokenSet = readonly (boolean | undefined)[];

function tokenSet(types: readonly TokenType[]): TokenSet {
  const set: boolean[] = [];
  for (const type of types) {
    set[type.tokenTypeIdx!] = true;
    for (const member of type.categoryMatches ?? []) set[member] = true;
  }
  return set;
}

/** Tokens that start an argument for sure (a `{` may also open a body). */
const ARGUMENT_START = tokenSet([IdentifierToken, StringToken, NumberToken, True, False, Null, TranslationRefToken, ParamRefToken, LBracket, LParen]);
/** Tokens that can start a map value. */
const MAP_VALUE_START = tokenSet([StringToken, NumberToken, True, False, Null, TranslationRefToken, ParamRefToken, LBracket, LBrace]);
const MULTILINE_STRING = tokenSet([TripleString, UnterminatedTripleString]);
const OPENING_BRACKET = tokenSet([LBrace, LBracket, LParen]);
const CLOSING_BRACKET = tokenSet([RBrace, RBracket, RParen]);
const UNTERMINATED_STRING = tokenSet([UnterminatedString, UnterminatedTripleString]);
/** Tokens whose text may span lines; every other token ends on the line it starts on. */
const MULTILINE = tokenSet(allTokens.filter((t) => t.LINE_BREAKS === true));

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
  "skipTooDeep",
  // Not recovery, but not grammar either: the tokens of a parameter list, read by ParameterReader
  // (the EBNF states that grammar in a note on parameterList).
  "parameterToken",
]);

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

/** The head of a labelled statement (`client: withTitle`). */
interface LabelledName {
  readonly kind: "LabelledName";
  readonly label: Label;
  readonly name: Identifier;
}

// ----- construction of the tree -----

// Every node is made by a plain constructor, not an object literal: see util/plain-constructor.ts.
const plain = plainConstructor;

/**
 * Every position made while it is set, in the order made: an incremental parse (parseRegion)
 * keeps the positions of the statements it reuses in it, to move them when the text before them
 * changes length.
 */
let positionSink: Position[] | undefined;

const SourcePosition = plain(function (this: Writable<Position>, offset: number, line: number, column: number) {
  this.offset = offset;
  this.line = line;
  this.column = column;
  if (positionSink !== undefined) positionSink.push(this);
});

const SourceRange = plain(function (this: Writable<Range>, start: Position, end: Position) {
  this.start = start;
  this.end = end;
});

const IdentifierNode = plain(function (this: Writable<Identifier>, name: string, range: Range) {
  this.kind = "Identifier";
  this.name = name;
  this.range = range;
});

const StatementNode = plain(function (
  this: Writable<Statement>,
  label: Label | undefined,
  name: Identifier,
  args: readonly Argument[],
  action: ActionClause | undefined,
  body: Body | undefined,
  range: Range,
) {
  this.kind = "Statement";
  this.label = label;
  this.name = name;
  this.args = args;
  this.action = action;
  this.body = body;
  this.range = range;
});

const LabelNode = plain(function (this: Writable<Label>, value: string, quoted: boolean, range: Range) {
  this.kind = "Label";
  this.value = value;
  this.quoted = quoted;
  this.range = range;
});

const ActionNode = plain(function (this: Writable<ActionClause>, name: Identifier, args: readonly Argument[], range: Range) {
  this.kind = "Action";
  this.name = name;
  this.args = args;
  this.range = range;
});

const BodyNode = plain(function (this: Writable<Body>, statements: readonly Statement[], range: Range) {
  this.kind = "Body";
  this.statements = statements;
  this.range = range;
});

const StringNode = plain(function (
  this: Writable<StringLiteral>,
  value: string,
  multiline: boolean,
  range: Range,
  parts: readonly StringPart[] | undefined,
) {
  this.kind = "String";
  this.value = value;
  this.multiline = multiline;
  this.range = range;
  if (parts !== undefined) this.parts = parts;
});

const ParamRefNode = plain(function (this: Writable<ParamRef>, path: readonly string[], range: Range) {
  this.kind = "ParamRef";
  this.path = path;
  this.range = range;
});

const NumberNode = plain(function (this: Writable<NumberLiteral>, value: number, raw: string, range: Range) {
  this.kind = "Number";
  this.value = value;
  this.raw = raw;
  this.range = range;
});

const BooleanNode = plain(function (this: Writable<BooleanLiteral>, value: boolean, range: Range) {
  this.kind = "Boolean";
  this.value = value;
  this.range = range;
});

const NullNode = plain(function (this: Writable<NullLiteral>, range: Range) {
  this.kind = "Null";
  this.range = range;
});

const InterpolationNode = plain(function (this: Writable<Interpolation>, path: readonly string[], range: Range) {
  this.kind = "Interpolation";
  this.path = path;
  this.range = range;
});

const ParameterListNode = plain(function (this: Writable<ParameterList>, parameters: readonly Parameter[], range: Range) {
  this.kind = "ParameterList";
  this.parameters = parameters;
  this.range = range;
});

const ParameterNode = plain(function (
  this: Writable<Parameter>,
  name: Identifier,
  optional: boolean,
  type: TypeNode | undefined,
  defaultValue: Value | undefined,
  range: Range,
) {
  this.kind = "Parameter";
  this.name = name;
  this.optional = optional;
  this.type = type;
  this.defaultValue = defaultValue;
  this.range = range;
});

const RecordFieldNode = plain(function (this: Writable<RecordField>, name: Identifier, optional: boolean, type: TypeNode | undefined, range: Range) {
  this.kind = "RecordField";
  this.name = name;
  this.optional = optional;
  this.type = type;
  this.range = range;
});

const TranslationRefNode = plain(function (this: Writable<TranslationRef>, key: string, range: Range) {
  this.kind = "TranslationRef";
  this.key = key;
  this.range = range;
});

const MapNode = plain(function (this: Writable<MapLiteral>, entries: readonly MapEntry[], range: Range) {
  this.kind = "Map";
  this.entries = entries;
  this.range = range;
});

const MapEntryNode = plain(function (this: Writable<MapEntry>, key: Label, value: Value, range: Range) {
  this.kind = "MapEntry";
  this.key = key;
  this.value = value;
  this.range = range;
});

const ListNode = plain(function (this: Writable<ListLiteral>, items: readonly Value[], range: Range) {
  this.kind = "List";
  this.items = items;
  this.range = range;
});

const CommentNode = plain(function (this: Writable<Comment>, text: string, block: boolean, range: Range) {
  this.kind = "Comment";
  this.text = text;
  this.block = block;
  this.range = range;
});

const DocumentNode = plain(function (
  this: Writable<Document>,
  statements: readonly Statement[],
  comments: readonly Comment[],
  range: Range,
  imports: readonly ImportDeclaration[],
) {
  this.kind = "Document";
  this.statements = statements;
  this.comments = comments;
  this.range = range;
  this.imports = imports;
});

const ImportNode = plain(function (this: Writable<ImportDeclaration>, names: readonly Identifier[], source: StringLiteral | undefined, range: Range) {
  this.kind = "Import";
  this.names = names;
  this.source = source;
  this.range = range;
});

const SyntaxDiagnostic = plain(function (this: Writable<Diagnostic>, message: string, range: Range) {
  this.ruleId = SYNTAX_RULE_ID;
  this.severity = "error";
  this.message = message;
  this.range = range;
});

const ParseResultObject = plain(function (this: Writable<ParseResult>, document: Document, diagnostics: readonly Diagnostic[]) {
  this.document = document;
  this.diagnostics = diagnostics;
});

/** The position of the first character of a text. */
function textStart(): Position {
  return new SourcePosition(0, 1, 1);
}

// ----- positions -----

/**
 * Line breaks are CRLF, CR and LF, as for the lexer (Chevrotain's default line terminators), so
 * positions counted here agree with the lines and columns the lexer gives every token.
 */
function advance(text: string, from: Position, offset: number): Position {
  let line = from.line;
  let lineStart = from.offset - from.column + 1;
  for (let i = from.offset; i < offset; i++) {
    const c = text.charCodeAt(i);
    if (c === 13 /* \r */) {
      // A CRLF ends the line only once the offset is past its LF.
      if (text.charCodeAt(i + 1) === 10) {
        if (i + 1 >= offset) break;
        i++;
      }
      line++;
      lineStart = i + 1;
    } else if (c === 10 /* \n */) {
      line++;
      lineStart = i + 1;
    }
  }
  return new SourcePosition(offset, line, offset - lineStart + 1);
}

/** Where `token` starts: the lexer tracks lines and columns. */
function startOf(token: IToken): Position {
  return new SourcePosition(token.startOffset, token.startLine!, token.startColumn!);
}

/** The position `delta` characters into `token`. */
function positionIn(text: string, token: IToken, delta: number): Position {
  if (MULTILINE[token.tokenTypeIdx] !== true) {
    return new SourcePosition(token.startOffset + delta, token.startLine!, token.startColumn! + delta);
  }
  return advance(text, startOf(token), token.startOffset + delta);
}

/** Just past the last character of `token`. */
function endOf(text: string, token: IToken): Position {
  return positionIn(text, token, token.image.length);
}

// ----- lookahead -----

/**
 * What the parser offers a lookahead function. `LA_FAST` skips the bounds check of `LA`: Chevrotain
 * pads the input with `maxLookahead + 1` end-of-file tokens, and paths are never longer.
 */
interface Lookahead {
  LA(howMuch: number): IToken;
  LA_FAST(howMuch: number): IToken;
}

/** In a decision table: no alternative fits the tokens. */
const NONE = -1;
/** In a decision table: the token after this one decides, see `next`. */
const DEEPER = -2;

/**
 * An LL(k) decision as a tree of tables indexed by token type: `decided[type]` is the alternative
 * to take when the next token has that type, or `NONE`, or `DEEPER` when the token after it
 * decides (then `next[type]` is the table for that token).
 */
interface DecisionTable {
  readonly decided: Int8Array;
  readonly next: (DecisionTable | undefined)[];
}

type Paths = readonly (readonly TokenType[])[];

function matchesType(tokenTypeIdx: number, type: TokenType): boolean {
  return tokenTypeIdx === type.tokenTypeIdx || type.categoryMatchesMap?.[tokenTypeIdx] === true;
}

/**
 * Chevrotain's choice when the token at `depth` (0 for the next one) has type `tokenTypeIdx`, given
 * `alternatives` that hold only the paths matching the tokens before it: the first alternative one
 * of whose paths matches. `DEEPER` when that depends on the tokens after it.
 */
function decide(alternatives: readonly Paths[], depth: number, tokenTypeIdx: number): number {
  for (let alternative = 0; alternative < alternatives.length; alternative++) {
    let maybe = false;
    for (const path of alternatives[alternative]!) {
      if (path.length <= depth) return alternative;
      if (!matchesType(tokenTypeIdx, path[depth]!)) continue;
      if (path.length === depth + 1) return alternative;
      maybe = true;
    }
    if (maybe) return DEEPER;
  }
  return NONE;
}

/**
 * Chevrotain's LL(k) decisions, made by reading tables indexed by token type. The paths are
 * Chevrotain's own (`getLookaheadPaths`) and so is the choice: the first alternative, in grammar
 * order, whose GATE (if any) holds and one of whose paths matches the next tokens. The default
 * strategy instead tries every path of every alternative in turn on every call, and allocates an
 * array of the GATEs on every call of an OR that has one.
 */
class TableLookahead extends LLkLookaheadStrategy {
  private readonly size: number;

  constructor(
    private readonly tokenTypes: readonly TokenType[],
    maxLookahead: number,
  ) {
    super({ maxLookahead });
    this.size = Math.max(...tokenTypes.map((t) => t.tokenTypeIdx!)) + 1;
  }

  /** The table for the token at `depth`, where `alternatives` hold the paths that match the tokens before it. */
  private table(alternatives: readonly Paths[], depth = 0): DecisionTable {
    const decided = new Int8Array(this.size).fill(NONE);
    const next: (DecisionTable | undefined)[] = [];
    for (const type of this.tokenTypes) {
      const idx = type.tokenTypeIdx!;
      decided[idx] = decide(alternatives, depth, idx);
      if (decided[idx] === DEEPER) {
        // Only paths longer than `depth + 1` can be undecided, so the recursion ends with the longest.
        const matching = alternatives.map((paths) => paths.filter((p) => p.length <= depth || matchesType(idx, p[depth]!)));
        next[idx] = this.table(matching, depth + 1);
      }
    }
    return { decided, next };
  }

  override buildLookaheadForAlternation(options: {
    prodOccurrence: number;
    rule: Rule;
    maxLookahead: number;
    hasPredicates: boolean;
    dynamicTokensEnabled: boolean;
  }): (orAlts?: IOrAlt<unknown>[]) => number | undefined {
    const alternatives = getLookaheadPaths({
      occurrence: options.prodOccurrence,
      rule: options.rule,
      prodType: "Alternation",
      maxLookahead: options.maxLookahead,
    });
    if (options.hasPredicates) {
      // Rare here (recovery only): each alternative's GATE must be asked in turn.
      return function (this: Lookahead, orAlts?: IOrAlt<unknown>[]): number | undefined {
        for (let alternative = 0; alternative < alternatives.length; alternative++) {
          const gate = orAlts?.[alternative]?.GATE;
          if (gate !== undefined && !gate.call(this)) continue;
          for (const path of alternatives[alternative]!) {
            if (path.every((type, i) => tokenMatcher(this.LA(i + 1), type))) return alternative;
          }
        }
        return undefined;
      };
    }
    const root = this.table(alternatives);
    const decided = root.decided;
    return function (this: Lookahead): number | undefined {
      // The next token alone decides most of the time.
      let idx = this.LA_FAST(1).tokenTypeIdx;
      let decision = decided[idx] ?? NONE;
      for (let table = root, i = 2; decision === DEEPER; i++) {
        table = table.next[idx]!;
        idx = this.LA_FAST(i).tokenTypeIdx;
        decision = table.decided[idx] ?? NONE;
      }
      return decision === NONE ? undefined : decision;
    };
  }

  override buildLookaheadForOptional(options: {
    prodOccurrence: number;
    prodType: OptionalProductionType;
    rule: Rule;
    maxLookahead: number;
    dynamicTokensEnabled: boolean;
  }): () => boolean {
    const [inside = []] = getLookaheadPaths({
      occurrence: options.prodOccurrence,
      rule: options.rule,
      prodType: options.prodType,
      maxLookahead: options.maxLookahead,
    });
    const root = this.table([inside]);
    const decided = root.decided;
    return function (this: Lookahead): boolean {
      let idx = this.LA_FAST(1).tokenTypeIdx;
      let decision = decided[idx] ?? NONE;
      for (let table = root, i = 2; decision === DEEPER; i++) {
        table = table.next[idx]!;
        idx = this.LA_FAST(i).tokenTypeIdx;
        decision = table.decided[idx] ?? NONE;
      }
      return decision !== NONE;
    };
  }
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
class B24Parser extends EmbeddedActionsParser {
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

  constructor() {
    // Chevrotain's own recovery (token insertion/deletion, re-sync) stays off: the grammar recovers
    // by itself, with messages in words, and never lets Chevrotain meet a token it did not expect.
    super(allTokens, {
      recoveryEnabled: false,
      maxLookahead: 3,
      skipValidations: true,
      lookaheadStrategy: new TableLookahead([...allTokens, EOF], 3),
    });
    this.performSelfAnalysis();
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
    this.input = tokens;
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
    const close = this.OR9<IToken | undefined>([
      // A `}` where the block must end belongs to a block around it.
      { GATE: this.isNotBlockEnd, ALT: () => this.CONSUME9(type) },
      {
        ALT: () => {
          this.SUBRULE9(this.recoverMissingClose, { ARGS: [open, shown, what] });
          return undefined;
        },
      },
    ]);
    if (this.RECORDING_PHASE) return RECORDED;
    return close && !this.isVirtual(close) ? this.tokenRange(close) : this.tokenRange(this.LA(0));
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
    { ALT: () => this.SUBRULE(this.recoverStray) },
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
    this.enterNesting();
    this.enterBlock(open);
    this.SUBRULE(this.skipTooDeep, { ARGS: [open] });
    const statements = this.SUBRULE(this.statementList, IN_BODY);
    const close = this.closing(RBrace, open, "'}'", "block");
    if (this.RECORDING_PHASE) return RECORDED;
    this.leaveBlock();
    this.nesting--;
    return new BodyNode(statements, this.span(this.tokenRange(open), close));
  });

  private readonly argumentAlts: IOrAlt<Argument>[] = [
    { ALT: () => this.identifier(this.CONSUME(IdentifierToken)) },
    { ALT: () => this.SUBRULE(this.value) },
    { ALT: () => this.SUBRULE(this.parameterList) },
  ];

  /**
   * Whether the token at LA(1) still belongs to a parameter list, given the last token taken and
   * the depth of `{` open inside it. A missing `)` must not swallow the declaration's body: a `{`
   * only opens a record type after `:`, `|`, `,` or `(`, and a line break ends the list unless the
   * list plainly goes on (after `,` or `(`, or before `)`, `,` or `|`).
   */
  parameterListContinues(last: IToken, depth: number): boolean {
    const next = this.LA(1);
    if (tokenMatcher(next, RParen) && depth === 0) return false;
    if (tokenMatcher(next, EOF)) return false;
    if (depth > 0) return true;
    const opensList = tokenMatcher(last, Comma) || tokenMatcher(last, LParen);
    if (tokenMatcher(next, LBrace)) return opensList || tokenMatcher(last, Colon) || tokenMatcher(last, Pipe) || tokenMatcher(last, Equals);
    if (tokenMatcher(next, RBrace)) return false;
    if (!tokenMatcher(next, Newline)) return true;
    if (opensList || tokenMatcher(last, Colon) || tokenMatcher(last, Pipe) || tokenMatcher(last, Equals)) return true;
    const after = this.LA(this.skipNewlines(2));
    return tokenMatcher(after, RParen) || tokenMatcher(after, Comma) || tokenMatcher(after, Pipe);
  }

  /**
   * `( name?: type = default, … )`. The grammar only gathers the tokens up to the `)`; the
   * parameters are read from them by `ParameterReader`, which reports what is wrong in words.
   */
  private parameterList = this.RULE("parameterList", (): ParameterList => {
    const open = this.CONSUME(LParen);
    const tokens = new Array<IToken>();
    let last = open;
    let depth = 0;
    this.MANY({
      GATE: () => this.parameterListContinues(last, depth),
      DEF: () => {
        const tok = this.SUBRULE(this.parameterToken);
        if (this.RECORDING_PHASE) return;
        if (tokenMatcher(tok, LBrace)) depth++;
        else if (tokenMatcher(tok, RBrace)) depth--;
        if (!tokenMatcher(tok, Newline)) last = tok;
        tokens.push(tok);
      },
    });
    const close = this.closing(RParen, open, "')'", "parameter list");
    if (this.RECORDING_PHASE) return RECORDED;
    // The list is flat tokens here; its record and list types nest inside ParameterReader.
    const parameters = new ParameterReader(this, tokens, this.nesting + 1).parameters();
    return new ParameterListNode(parameters, this.span(this.tokenRange(open), close));
  });

  /**
   * `import { a, b } from "./file.b24layout"`. The grammar gathers the line after `import`; the
   * names and the path are read from it here, with messages in words.
   */
  private importDeclaration = this.RULE("importDeclaration", (): void => {
    const keyword = this.CONSUME(ImportToken);
    const tokens = new Array<IToken>();
    /** `{` open in the import: a `}` with none open closes the block around a misplaced import. */
    let depth = 0;
    this.MANY({
      GATE: () => {
        const t = this.LA(1);
        return !tokenMatcher(t, Newline) && !tokenMatcher(t, Semicolon) && !tokenMatcher(t, EOF) && !(depth === 0 && tokenMatcher(t, RBrace));
      },
      DEF: () => {
        const tok = this.SUBRULE(this.parameterToken);
        if (this.RECORDING_PHASE) return;
        if (tokenMatcher(tok, LBrace)) depth++;
        else if (tokenMatcher(tok, RBrace)) depth--;
        tokens.push(tok);
      },
    });
    if (this.RECORDING_PHASE) return;
    this.imports.push(this.readImport(keyword, tokens));
  });

  private readImport(keyword: IToken, tokens: readonly IToken[]): ImportDeclaration {
    const names: Identifier[] = [];
    const last = tokens[tokens.length - 1] ?? keyword;
    const range = this.span(this.tokenRange(keyword), this.tokenRange(last));
    const usage = "write import { name, … } from \"./file.b24layout\"";
    let i = 0;
    const fail = (message: string, at: IToken | undefined) => {
      this.report(`${message}: ${usage}.`, at ? this.tokenRange(at) : this.tokenRange(keyword));
      return new ImportNode(names, undefined, range);
    };
    if (!is(tokens[i], LBrace)) return fail(`Expected '{' after 'import'`, tokens[i] ?? keyword);
    i++;
    while (i < tokens.length && !is(tokens[i], RBrace)) {
      const tok = tokens[i]!;
      if (!is(tok, IdentifierToken)) return fail(`Expected a name to import, but found ${describeToken(tok)}`, tok);
      names.push(new IdentifierNode(tok.image, this.tokenRange(tok)));
      i++;
      if (is(tokens[i], Comma)) i++;
      else if (!is(tokens[i], RBrace)) return fail(`Expected ',' or '}' after '${tok.image}'`, tokens[i] ?? tok);
    }
    if (!is(tokens[i], RBrace)) return fail("Expected '}' to close the imported names", tokens[i - 1] ?? keyword);
    i++;
    const from = tokens[i];
    if (!is(from, IdentifierToken) || from!.image !== "from") return fail("Expected 'from' and the file after the imported names", from ?? tokens[i - 1]);
    i++;
    const path = tokens[i];
    if (!is(path, QuotedString)) return fail("Expected the file to import from, as a string", path ?? from);
    i++;
    if (i < tokens.length) this.report(`Unexpected ${describeToken(tokens[i]!)} after the import: ${usage}.`, this.tokenRange(tokens[i]!));
    if (names.length === 0) this.report(`Nothing is imported: ${usage}.`, this.tokenRange(keyword));
    const source = this.literal(path!) as StringLiteral;
    return new ImportNode(names, source, this.span(this.tokenRange(keyword), source.range));
  }

  private readonly parameterTokenAlts: IOrAlt<IToken>[] = [{ ALT: () => this.CONSUME(AnyToken) }, { ALT: () => this.CONSUME(RBrace) }];

  private parameterToken = this.RULE("parameterToken", (): IToken => this.OR(this.parameterTokenAlts));

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
    // Chevrotain's lookahead takes this alternative exactly for `key:`.
    { ALT: () => this.SUBRULE(this.mapEntry) },
    { ALT: () => this.SUBRULE(this.recoverStrayInMap) },
  ];

  private map = this.RULE("map", (): MapLiteral => {
    const open = this.CONSUME(LBrace);
    this.enterNesting();
    this.enterBlock(open);
    this.SUBRULE(this.skipTooDeep, { ARGS: [open] });
    const entries = new Array<MapEntry>();
    let inStrayRun = false;
    this.MANY({
      GATE: this.mapContinues,
      DEF: () => {
        const item = this.OR(this.mapAlts);
        if (this.RECORDING_PHASE) return;
        if (item === undefined) {
          inStrayRun = false;
        } else if ("kind" in item) {
          entries.push(item);
          inStrayRun = false;
        } else {
          if (!inStrayRun) {
            this.report(
              `${unexpected(item)} in a map: write each entry as 'key: value', separated by commas or new lines.`,
              this.tokenRange(item),
            );
          }
          inStrayRun = true;
        }
      },
    });
    const close = this.closing(RBrace, open, "'}'", "map");
    if (this.RECORDING_PHASE) return RECORDED;
    this.leaveBlock();
    this.nesting--;
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
    // Chevrotain's lookahead takes this alternative exactly for the tokens that start a value.
    { ALT: () => this.SUBRULE(this.value) },
    { ALT: () => this.SUBRULE(this.recoverStrayInList) },
  ];

  private list = this.RULE("list", (): ListLiteral => {
    const open = this.CONSUME(LBracket);
    this.enterNesting();
    this.SUBRULE(this.skipTooDeep, { ARGS: [open] });
    const items = new Array<Value>();
    let inStrayRun = false;
    this.MANY({
      GATE: this.listContinues,
      DEF: () => {
        const item = this.OR(this.listAlts);
        if (this.RECORDING_PHASE) return;
        if (item === undefined) {
          inStrayRun = false;
        } else if ("kind" in item) {
          items.push(item);
          inStrayRun = false;
        } else {
          if (!inStrayRun) {
            const message = tokenMatcher(item, IdentifierToken)
              ? `Unexpected word '${item.image}' in a list: list items are values; write "${item.image}" in quotes for a text.`
              : `${unexpected(item)} in a list: write the items as values separated by commas.`;
            this.report(message, this.tokenRange(item));
          }
          inStrayRun = true;
        }
      },
    });
    const close = this.closing(RBracket, open, "']'", "list");
    if (this.RECORDING_PHASE) return RECORDED;
    this.nesting--;
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
   * Nothing, unless the block, map or list just opened is one level deeper than MAX_NESTING_DEPTH:
   * then its inside, reported at its opening bracket and skipped without recursion up to the
   * bracket that closes it (or the end of the file), which the construct consumes as usual.
   * Called every time rather than behind an OPTION: Chevrotain's analysis of an OPTION around
   * "any tokens" takes hundreds of milliseconds at start-up.
   */
  private skipTooDeep = this.RULE("skipTooDeep", (open: IToken): void => {
    const tooDeep = !this.RECORDING_PHASE && this.nesting > MAX_NESTING_DEPTH;
    /** Brackets opened inside the skipped part and not yet closed. */
    let depth = 0;
    this.MANY({
      GATE: () => {
        const next = this.LA(1);
        return tooDeep && !tokenMatcher(next, EOF) && !(depth === 0 && CLOSING_BRACKET[next.tokenTypeIdx] === true);
      },
      DEF: () => {
        const tok = this.SUBRULE(this.parameterToken);
        if (this.RECORDING_PHASE) return;
        if (OPENING_BRACKET[tok.tokenTypeIdx] === true) depth++;
        else if (CLOSING_BRACKET[tok.tokenTypeIdx] === true) depth--;
      },
    });
    // Only the first level too deep is reported: what it holds is skipped with it.
    if (tooDeep && this.nesting === MAX_NESTING_DEPTH + 1) this.report(tooDeepMessage(open.image), this.tokenRange(open));
  });

  /** Counts a block, map or list just opened. */
  enterNesting(): void {
    if (!this.RECORDING_PHASE) this.nesting++;
  }

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


/** What `ParameterReader` needs of the parser. */
interface ParameterHost {
  tokenRange(token: IToken): Range;
  span(start: Range, end: Range): Range;
  report(message: string, range: Range): void;
  literal(token: IToken): Value;
}

/** `tokenMatcher` for a token that may be past the end. */
function is(token: IToken | undefined, type: TokenType): boolean {
  return token !== undefined && tokenMatcher(token, type);
}

/** Thrown inside `ParameterReader` to give up on one parameter; the reader goes on at the next `,`. */
class ParameterSyntaxError extends Error {}

/**
 * Reads the parameters of a parameter list from its tokens (the `(` and `)` excluded):
 *
 *   parameter  = name ["?"] ":" type ["=" default]
 *   type       = term {"|" term}
 *   term       = (name | string | record) {"[" "]"}
 *   record     = "{" [field {("," | newline) field}] "}"
 *   field      = name ["?"] ":" type
 *   default    = string | number | true | false | null | "[" "]"
 *
 * A mistake is reported once, and reading resumes at the next parameter, so one list gives every
 * error and keeps every parameter it can.
 */
class ParameterReader {
  private at = 0;

  /** Levels of nesting open: those around the parameter list, the list itself, and the record and list types being read. */
  private nesting: number;

  constructor(
    private readonly host: ParameterHost,
    private readonly tokens: readonly IToken[],
    /** The levels open around the parameters: the parameter list and what holds it. */
    private readonly outerNesting: number,
  ) {
    this.nesting = outerNesting;
  }

  parameters(): Parameter[] {
    const out: Parameter[] = [];
    for (;;) {
      this.skipNewlines();
      if (this.done()) return out;
      try {
        // A mistake deep in a type leaves the count where it was thrown.
        this.nesting = this.outerNesting;
        out.push(this.parameter());
        this.skipNewlines();
        if (this.done()) return out;
        const next = this.peek()!;
        if (!is(next, Comma)) this.fail(`Expected ',' or ')' after the parameter, but found ${describeToken(next)}.`, next);
        this.at++;
      } catch (error) {
        if (!(error instanceof ParameterSyntaxError)) throw error;
        this.skipToNextParameter();
      }
    }
  }

  private parameter(): Parameter {
    const name = this.name("a parameter name");
    const optional = this.optionalMark();
    this.expect(Colon, `Expected ':' and a type after parameter '${name.name}' (for example '${name.name}: string').`, name.range);
    this.skipNewlines();
    const type = this.type();
    let defaultValue: Value | undefined;
    if (is(this.peekPastNewlines(), Equals)) {
      this.skipNewlines();
      const equals = this.next()!;
      this.skipNewlines();
      defaultValue = this.defaultValue(equals);
    }
    const end = defaultValue?.range ?? type.range;
    return new ParameterNode(name, optional, type, defaultValue, this.host.span(name.range, end));
  }

  private type(): TypeNode {
    const first = this.term();
    if (!is(this.peekPastNewlines(), Pipe)) return first;
    const members = [first];
    while (is(this.peekPastNewlines(), Pipe)) {
      this.skipNewlines();
      this.at++;
      this.skipNewlines();
      members.push(this.term());
    }
    return { kind: "UnionType", members, range: this.host.span(first.range, members[members.length - 1]!.range) };
  }

  private term(): TypeNode {
    const tok = this.peek();
    let type: TypeNode;
    if (is(tok, IdentifierToken)) {
      this.at++;
      type = { kind: "NamedType", name: tok!.image, range: this.host.tokenRange(tok!) };
    } else if (is(tok, StringToken)) {
      this.at++;
      const literal = this.host.literal(tok!) as StringLiteral;
      type = { kind: "LiteralType", value: literal.value, range: literal.range } satisfies LiteralType;
    } else if (is(tok, LBrace)) {
      this.enterNesting(tok!);
      type = this.record();
      this.nesting--;
    } else {
      return this.fail(`Expected a type (string, int, bool, url, datetime, a "literal", a record '{ … }' or a list 'T[]'), but found ${this.found()}.`, tok);
    }
    let lists = 0;
    while (is(this.peek(), LBracket)) {
      this.enterNesting(this.peek()!);
      lists++;
      const open = this.next()!;
      const max = this.listMax();
      const close = this.peek();
      if (!is(close, RBracket)) this.fail(`Expected ']' after '[' in a list type ('T[]' or 'T[max 9]'), but found ${this.found()}.`, close ?? open);
      this.at++;
      type = { kind: "ListType", of: type, ...(max ? { max } : {}), range: this.host.span(type.range, this.host.tokenRange(close!)) };
    }
    this.nesting -= lists;
    return type;
  }

  /** `max 9` inside a list type's brackets: the most items the list may have. */
  private listMax(): NumberLiteral | undefined {
    const word = this.peek();
    if (!is(word, IdentifierToken) || word!.image !== LIST_MAX_KEYWORD) return undefined;
    this.at++;
    const tok = this.peek();
    const value = is(tok, NumberToken) ? Number(tok!.image) : NaN;
    if (!Number.isInteger(value) || value < 0) this.fail(`Expected a whole number after 'max' in a list type ('T[max 9]'), but found ${this.found()}.`, tok ?? word!);
    this.at++;
    return this.host.literal(tok!) as NumberLiteral;
  }

  private record(): TypeNode {
    const open = this.next()!;
    const fields: RecordField[] = [];
    for (;;) {
      this.skipNewlines();
      const tok = this.peek();
      if (tok === undefined) this.fail("Expected '}' to close the record type.", open);
      if (is(tok, RBrace)) {
        this.at++;
        return { kind: "RecordType", fields, range: this.host.span(this.host.tokenRange(open), this.host.tokenRange(tok)) };
      }
      if (fields.length > 0) {
        if (is(tok, Comma)) {
          this.at++;
          this.skipNewlines();
          if (is(this.peek(), RBrace)) continue;
        } else if (!is(this.tokens[this.at - 1], Newline)) {
          this.fail(`Expected ',' or '}' after a record field, but found ${this.found()}.`, tok);
        }
      }
      const name = this.name("a field name");
      const optional = this.optionalMark();
      this.expect(Colon, `Expected ':' and a type after field '${name.name}'.`, name.range);
      this.skipNewlines();
      const type = this.type();
      fields.push(new RecordFieldNode(name, optional, type, this.host.span(name.range, type.range)));
    }
  }

  private defaultValue(equals: IToken): Value {
    const tok = this.peek();
    if (tok && (is(tok, StringToken) || is(tok, NumberToken) || is(tok, True) || is(tok, False) || is(tok, Null))) {
      this.at++;
      return this.host.literal(tok);
    }
    if (is(tok, LBracket) && is(this.tokens[this.at + 1], RBracket)) {
      const close = this.tokens[this.at + 1]!;
      this.at += 2;
      return new ListNode([], this.host.span(this.host.tokenRange(tok!), this.host.tokenRange(close)));
    }
    return this.fail(`Expected a default value after '=' (a string, number, true, false, null or []), but found ${this.found()}.`, tok ?? equals);
  }

  private name(what: string): Identifier {
    const tok = this.peek();
    if (!is(tok, IdentifierToken)) return this.fail(`Expected ${what}, but found ${this.found()}.`, tok);
    this.at++;
    return new IdentifierNode(tok!.image, this.host.tokenRange(tok!));
  }

  /** Counts a record or list type about to be read, or gives up on the parameter when it is one level too deep. */
  private enterNesting(bracket: IToken): void {
    if (this.nesting >= MAX_NESTING_DEPTH) this.fail(tooDeepMessage(bracket.image), bracket);
    this.nesting++;
  }

  private optionalMark(): boolean {
    if (!is(this.peek(), Question)) return false;
    this.at++;
    return true;
  }

  private expect(type: TokenType, message: string, fallback: Range): void {
    const tok = this.peek();
    if (is(tok, type)) {
      this.at++;
      return;
    }
    this.host.report(message, tok && !is(tok, Newline) ? this.host.tokenRange(tok) : fallback);
    throw new ParameterSyntaxError();
  }

  private fail(message: string, tok: IToken | undefined): never {
    const last = this.tokens[this.tokens.length - 1];
    const at = tok ?? last;
    if (at) this.host.report(message, this.host.tokenRange(at));
    throw new ParameterSyntaxError();
  }

  private found(): string {
    const tok = this.peek();
    return tok ? describeToken(tok) : "')'";
  }

  private peek(): IToken | undefined {
    return this.tokens[this.at];
  }

  /** The next token that is not a line break. */
  private peekPastNewlines(): IToken | undefined {
    let i = this.at;
    while (is(this.tokens[i], Newline)) i++;
    return this.tokens[i];
  }

  private next(): IToken | undefined {
    return this.tokens[this.at++];
  }

  private done(): boolean {
    return this.at >= this.tokens.length;
  }

  private skipNewlines(): void {
    while (is(this.peek(), Newline)) this.at++;
  }

  /** After a mistake: on to the token after the next `,` outside a record type. */
  private skipToNextParameter(): void {
    let depth = 0;
    for (; this.at < this.tokens.length; this.at++) {
      const tok = this.tokens[this.at]!;
      if (is(tok, LBrace)) depth++;
      else if (is(tok, RBrace)) depth = Math.max(0, depth - 1);
      else if (depth === 0 && is(tok, Comma)) {
        this.at++;
        return;
      }
    }
  }
}

function emptyIdentifier(at: Position): Identifier {
  return new IdentifierNode("", new SourceRange(at, at));
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

let sharedParser: B24Parser | undefined;

export interface ParseResult {
  readonly document: Document;
  /** Lexing and parsing errors, in source order. */
  readonly diagnostics: readonly Diagnostic[];
}

/** Parses `.b24layout` text. Never throws: every problem becomes a diagnostic, and the AST is as complete as recovery allows. */
export function parse(text: string): ParseResult {
  const parsed = parseLexed(text, looksBinary(text) ? BINARY : lexText(text));
  const end = sharedParser!.endOfText();
  const document = new DocumentNode(parsed.statements, parsed.comments, new SourceRange(textStart(), end), parsed.imports);
  return new ParseResultObject(document, parsed.diagnostics);
}

/** What parsing a text, or a part of one (parseRegion), finds. */
export interface ParsedPart {
  readonly statements: readonly Statement[];
  readonly comments: readonly Comment[];
  readonly imports: readonly ImportDeclaration[];
  /** Lexing and parsing errors, in source order. */
  readonly diagnostics: readonly Diagnostic[];
  /** Every position of the part's nodes, comments and diagnostics, each once. */
  readonly positions: readonly Position[];
}

/** What `parsing` returns, with every position made while it ran (see ParsedPart.positions). */
function withPositions<T extends object>(parsing: () => T): T & { readonly positions: readonly Position[] } {
  const positions: Position[] = [];
  positionSink = positions;
  try {
    return { ...parsing(), positions };
  } finally {
    positionSink = undefined;
  }
}

/** `parse`, also returning every position it made (see ParsedPart.positions). */
/**
 * `parse`, also returning every position it made (see ParsedPart.positions), and whether some `{`
 * has no `}`: then the parse of any part of the text may depend on the rest (see open-blocks.ts).
 */
export function parseWithPositions(text: string): ParseResult & { readonly positions: readonly Position[]; readonly openBraces: boolean } {
  return withPositions(() => {
    const parsed = parse(text);
    return { document: parsed.document, diagnostics: parsed.diagnostics, openBraces: sharedParser!.openBraces };
  });
}

/**
 * Parses the lines of `text` from offset `start` (the first character of line `line`) to offset
 * `end`, as the top-level statements they hold, with positions in the whole text. The caller
 * decides whether the part stands alone (see src/check/incremental.ts): the parser sees only its
 * tokens.
 */
export function parseRegion(text: string, start: number, end: number, line: number): ParsedPart {
  // A binary text is refused as a whole, whatever part of it changed.
  if (looksBinary(text)) return withPositions(() => parseLexed(text, BINARY));
  const lexed = lexText(text.slice(start, end));
  if (lexed.tooLong) {
    const at = lexed.tooLong;
    (lexed as { tooLong: TextPoint }).tooLong = { offset: at.offset + start, line: at.line + line - 1, column: at.column };
  }
  const lines = line - 1;
  for (const tok of lexed.tokens) {
    tok.startOffset += start;
    tok.startLine! += lines;
  }
  for (const tok of lexed.groups["comments"] ?? []) {
    tok.startOffset += start;
    tok.startLine! += lines;
  }
  for (const e of lexed.errors) {
    e.offset += start;
    e.line! += lines;
  }
  return withPositions(() => parseLexed(text, lexed));
}

/** In place of the tokens of a text that looks binary: it is not lexed at all. */
const BINARY = "binary";

/**
 * Parses the tokens of `text` (or of a part of it, with positions in the whole text). A binary
 * text, or one with too many tokens, is not parsed: its one diagnostic says why.
 */
function parseLexed(text: string, lexed: LexedText | typeof BINARY): Omit<ParsedPart, "positions"> {
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

/** The one error of a text with more than MAX_TOKENS tokens. */
export const TOO_MANY_TOKENS_MESSAGE = `The file has more than ${MAX_TOKENS.toLocaleString("en")} tokens (names, values, punctuation and comments), more than b24layout reads: split it into several files.`;

/** The error at a `{` left open, where open-blocks.ts found its block to end. */
function unclosedMessage(what: string, end: BlockEnd): string {
  const line = end.before.startLine!;
  const unclosed = "This '{' has no matching '}':";
  if (end.reason === "outer close") return `${unclosed} the '}' on line ${line} is indented like an outer block's and closes that one. Add a '}' before it.`;
  const where = end.reason === "declaration" ? `where '${end.before.image}' starts a new declaration` : "which is indented no deeper than this line";
  return `${unclosed} the ${what} seems to end before line ${line}, ${where}. Add the '}' there.`;
}

/** The error at the bracket that opens one level more than MAX_NESTING_DEPTH. */
function tooDeepMessage(bracket: string): string {
  return `Nested too deeply: this '${bracket}' opens level ${MAX_NESTING_DEPTH + 1}, but blocks, maps, lists and parameter types may nest at most ${MAX_NESTING_DEPTH} levels.`;
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
  Import: "'import'",
  ParamRef: "a parameter reference ($name)",
  LParen: "'('",
  RParen: "')'",
  Question: "'?'",
  Pipe: "'|'",
  Equals: "'='",
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
