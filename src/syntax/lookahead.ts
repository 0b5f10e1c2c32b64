/**
 * The parser's lookahead: Chevrotain's LL(k) decisions, read from tables. The tables are built
 * from Chevrotain's lookahead paths, which take tens of milliseconds to compute: the build computes
 * them once (`serializedLookahead` in grammar.ts) and writes them into the bundle, so a start of
 * the program reads them instead (`BuiltLookahead`). Run from source, the tables are computed.
 */
import { getLookaheadPaths, LLkLookaheadStrategy, tokenMatcher, type IOrAlt, type IToken, type OptionalProductionType, type Rule, type TokenType } from "chevrotain";

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

/**
 * A decision table as JSON, by token name: a number is the alternative to take, an object the
 * table for the token after it (`DEEPER`); token types missing from it decide nothing (`NONE`).
 * Names, not Chevrotain's token indices: those depend on the order the modules of a bundle load in.
 */
export interface SerializedTable {
  readonly [tokenName: string]: number | SerializedTable;
}

/** One decision as JSON: a table, or, for an alternation with GATEs, each alternative's paths by token name. */
export type SerializedDecision = { readonly table: SerializedTable } | { readonly paths: readonly (readonly (readonly string[])[])[] };

/** Every decision of a grammar, by `decisionKey`. */
export type BuiltLookahead = Readonly<Record<string, SerializedDecision>>;

/** Which decision of a grammar: its rule, the kind of production, and its occurrence in the rule (`document/Alternation1`). */
function decisionKey(rule: Rule, prodType: string, occurrence: number): string {
  return `${rule.name}/${prodType}${occurrence}`;
}

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

/** Whether the next tokens match `path`. */
function pathMatches(path: readonly TokenType[], lookahead: Lookahead): boolean {
  for (let i = 0; i < path.length; i++) if (!tokenMatcher(lookahead.LA(i + 1), path[i]!)) return false;
  return true;
}

/** The decision `root` gives for the next tokens: the next token alone decides most of the time. */
function decideFrom(root: DecisionTable, lookahead: Lookahead): number {
  let idx = lookahead.LA_FAST(1).tokenTypeIdx;
  let decision = root.decided[idx] ?? NONE;
  for (let table = root, i = 2; decision === DEEPER; i++) {
    table = table.next[idx]!;
    idx = lookahead.LA_FAST(i).tokenTypeIdx;
    decision = table.decided[idx] ?? NONE;
  }
  return decision;
}

/**
 * Chevrotain's LL(k) decisions, made by reading tables indexed by token type. The paths are
 * Chevrotain's own (`getLookaheadPaths`) and so is the choice: the first alternative, in grammar
 * order, whose GATE (if any) holds and one of whose paths matches the next tokens. The default
 * strategy instead tries every path of every alternative in turn on every call, and allocates an
 * array of the GATEs on every call of an OR that has one.
 */
export class TableLookahead extends LLkLookaheadStrategy {
  private readonly size: number;
  private readonly byName: ReadonlyMap<string, TokenType>;
  /** Every decision made so far, as JSON: what `serialize` returns. */
  private readonly made: Record<string, SerializedDecision> = {};

  /** `built`: the decisions of this grammar as `serialize` gave them, read instead of computed. */
  constructor(
    private readonly tokenTypes: readonly TokenType[],
    maxLookahead: number,
    private readonly built?: BuiltLookahead,
  ) {
    super({ maxLookahead });
    this.size = Math.max(...tokenTypes.map((t) => t.tokenTypeIdx!)) + 1;
    this.byName = new Map(tokenTypes.map((t) => [t.name, t]));
    if (this.byName.size !== tokenTypes.length) throw new Error("TableLookahead: two token types have the same name");
  }

  /** Every decision of the grammar, for `built` (after the parser's self-analysis). */
  serialize(): BuiltLookahead {
    return this.made;
  }

  /** The paths of a decision: from `built`, else Chevrotain's (recorded for `serialize`). */
  private paths(key: string, compute: () => Paths[]): Paths[] {
    const built = this.built?.[key];
    const paths = built && "paths" in built ? built.paths.map((alternative) => alternative.map((path) => path.map((name) => this.tokenType(name)))) : compute();
    this.made[key] = { paths: paths.map((alternative) => alternative.map((path) => path.map((type) => type.name))) };
    return paths;
  }

  /** The table of a decision: from `built`, else made from Chevrotain's paths (and recorded for `serialize`). */
  private decisionTable(key: string, alternatives: () => readonly Paths[]): DecisionTable {
    const built = this.built?.[key];
    if (built && "table" in built) {
      this.made[key] = built;
      return this.fromJson(built.table);
    }
    const table = this.table(alternatives());
    this.made[key] = { table: this.toJson(table) };
    return table;
  }

  private tokenType(name: string): TokenType {
    const type = this.byName.get(name);
    if (type === undefined) throw new Error(`TableLookahead: the built lookahead names an unknown token type ${name}`);
    return type;
  }

  private toJson(table: DecisionTable): SerializedTable {
    const json: Record<string, number | SerializedTable> = {};
    for (const type of this.tokenTypes) {
      const idx = type.tokenTypeIdx!;
      const decision = table.decided[idx]!;
      if (decision === DEEPER) json[type.name] = this.toJson(table.next[idx]!);
      else if (decision !== NONE) json[type.name] = decision;
    }
    return json;
  }

  private fromJson(json: SerializedTable): DecisionTable {
    const decided = new Int8Array(this.size).fill(NONE);
    const next: (DecisionTable | undefined)[] = [];
    for (const name of Object.keys(json)) {
      const idx = this.tokenType(name).tokenTypeIdx!;
      const entry = json[name]!;
      if (typeof entry === "number") {
        decided[idx] = entry;
      } else {
        decided[idx] = DEEPER;
        next[idx] = this.fromJson(entry);
      }
    }
    return { decided, next };
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
    const key = decisionKey(options.rule, "Alternation", options.prodOccurrence);
    const computePaths = () =>
      getLookaheadPaths({
        occurrence: options.prodOccurrence,
        rule: options.rule,
        prodType: "Alternation",
        maxLookahead: options.maxLookahead,
      });
    if (options.hasPredicates) {
      const alternatives = this.paths(key, computePaths);
      // Each alternative's GATE must be asked in turn. `closing` (grammar.ts) decides this way at every
      // closing bracket, so no closure is made per call.
      return function (this: Lookahead, orAlts?: IOrAlt<unknown>[]): number | undefined {
        for (let alternative = 0; alternative < alternatives.length; alternative++) {
          const gate = orAlts?.[alternative]?.GATE;
          if (gate !== undefined && !gate.call(this)) continue;
          for (const path of alternatives[alternative]!) {
            if (pathMatches(path, this)) return alternative;
          }
        }
        return undefined;
      };
    }
    const root = this.decisionTable(key, computePaths);
    return function (this: Lookahead): number | undefined {
      const decision = decideFrom(root, this);
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
    const root = this.decisionTable(decisionKey(options.rule, options.prodType, options.prodOccurrence), () => {
      const [inside = []] = getLookaheadPaths({
        occurrence: options.prodOccurrence,
        rule: options.rule,
        prodType: options.prodType,
        maxLookahead: options.maxLookahead,
      });
      return [inside];
    });
    return function (this: Lookahead): boolean {
      return decideFrom(root, this) !== NONE;
    };
  }
}
