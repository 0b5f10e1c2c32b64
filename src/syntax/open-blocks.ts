/**
 * Where a block left open ends. Braces alone cannot say: with one `}` missing, every `}` after the
 * gap closes the block one level out from the one it was written for, and the parser only notices
 * at the end of the file, where the error says nothing useful and whatever followed the gap has
 * landed inside the wrong block (a header's `body`, a layout's `badge`).
 *
 * Two strong signals say where a block really ends: indentation (a line indented no deeper than
 * the line that opened the block is no longer inside it, when the block's own lines are indented
 * deeper), and a declaration keyword at the left margin (`badge b failure {`), which starts a new
 * top-level statement. They are trusted only when braces are missing (some `{` is still open at
 * the end of the file), and only when the braces matched by indentation leave no more blocks open
 * than matched one by one: so a file whose braces balance is parsed exactly as before, and messy
 * indentation cannot add errors.
 */
import { tokenMatcher, type IToken } from "chevrotain";
import { DECLARATIONS, TRANSLATIONS_KEYWORD } from "../model/index.js";
import { FRAGMENT_KEYWORD } from "../model/index.js";
import { Identifier, Import, LBrace, Newline, RBrace, StringToken } from "./tokens.js";

/** What ends a block left open. */
export interface BlockEnd {
  /** The token the block ends before (a statement at the start of its line, or an outer block's `}`). */
  readonly before: IToken;
  /** Why the block ends there. */
  readonly reason: "indentation" | "declaration" | "outer close";
}

/** Words that start a top-level statement: one at the left margin opening a block ends every open block. */
const TOP_LEVEL_WORDS: ReadonlySet<string> = new Set([...DECLARATIONS.map((d) => d.keyword), TRANSLATIONS_KEYWORD, FRAGMENT_KEYWORD]);

interface Open {
  readonly brace: IToken;
  /** The indentation (column - 1) of the first token of the line with the `{`. */
  readonly indent: number;
  readonly line: number;
  /** Whether the block's first line is indented deeper than the line that opens it; unknown until that line. */
  indented: boolean | undefined;
}

export interface OpenBlocks {
  /** Whether some `{` has no `}` (matching them one by one): only then are the ends looked for. */
  readonly open: boolean;
  /**
   * The `{` of blocks left open, by start offset, with where each ends; empty when the signals do
   * not explain the missing braces better than the braces alone.
   */
  readonly ends: ReadonlyMap<number, BlockEnd>;
}

const NONE: OpenBlocks = { open: false, ends: new Map() };

/** Where the blocks left open in `tokens` end. */
export function findBlockEnds(tokens: readonly IToken[]): OpenBlocks {
  // Braces matched one by one: how many blocks stay open at the end.
  let depth = 0;
  let stray = 0;
  // Every token of the text passes here: the braces, which no other token type matches, by their index.
  const lBrace = LBrace.tokenTypeIdx;
  const rBrace = RBrace.tokenTypeIdx;
  for (let i = 0; i < tokens.length; i++) {
    const type = tokens[i]!.tokenTypeIdx;
    if (type === lBrace) depth++;
    else if (type === rBrace) {
      if (depth > 0) depth--;
      else stray++;
    }
  }
  if (depth === 0) return NONE;

  const { ends, stack, byIndentationStray } = matchByIndentation(tokens);
  // Trusted only when no more blocks are left open than by the braces alone.
  return { open: true, ends: ends.size + stack.length <= depth && byIndentationStray <= stray ? ends : NONE.ends };
}

/** The braces of `tokens` matched with indentation and declarations as signals (see the module comment). */
function matchByIndentation(tokens: readonly IToken[]): { ends: Map<number, BlockEnd>; stack: Open[]; byIndentationStray: number } {
  const ends = new Map<number, BlockEnd>();
  const stack: Open[] = [];
  let byIndentationStray = 0;
  let lineIndent = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (tokenMatcher(t, Newline)) continue;
    const lineStart = i === 0 || tokenMatcher(tokens[i - 1]!, Newline);
    if (lineStart) {
      lineIndent = t.startColumn! - 1;
      for (let k = stack.length - 1; k >= 0 && stack[k]!.indented === undefined && stack[k]!.line < t.startLine!; k--) {
        stack[k]!.indented = !tokenMatcher(t, RBrace) && lineIndent > stack[k]!.indent;
      }
      const close = tokenMatcher(t, RBrace);
      const declaration = !close && lineIndent === 0 && startsDeclaration(tokens, i);
      // Only a line that starts a statement (or closes a block) says where blocks end.
      if (close || declaration || tokenMatcher(t, Identifier) || tokenMatcher(t, StringToken)) {
        for (let top = stack[stack.length - 1]; top !== undefined && top.line < t.startLine!; top = stack[stack.length - 1]) {
          let reason: BlockEnd["reason"];
          if (declaration) reason = "declaration";
          else if (top.indented === true && (close ? top.indent > lineIndent : top.indent >= lineIndent)) reason = close ? "outer close" : "indentation";
          else break;
          ends.set(top.brace.startOffset, { before: t, reason });
          stack.pop();
        }
      }
    }
    if (tokenMatcher(t, LBrace)) stack.push({ brace: t, indent: lineIndent, line: t.startLine!, indented: undefined });
    else if (tokenMatcher(t, RBrace)) {
      if (stack.length > 0) stack.pop();
      else byIndentationStray++;
    }
  }
  return { ends, stack, byIndentationStray };
}

/**
 * Whether `tokens` (a complete top-level statement, from the start of its first line) close every
 * block by its own `}` where the signals above agree: no block ended by indentation or a
 * declaration, none left open, no stray `}`. A text is then matched the same with such statements
 * before any other text as without them (the match starts again from nothing after each), so a
 * `{` left open later in the text cannot change how they parse (the incremental checker's parse,
 * src/pipeline/reparse.ts).
 */
export function bracesAgreeWithIndentation(tokens: readonly IToken[]): boolean {
  const { ends, stack, byIndentationStray } = matchByIndentation(tokens);
  return ends.size === 0 && stack.length === 0 && byIndentationStray === 0;
}

/** Whether the line whose first token is `tokens[i]` starts a declaration with a block: `badge b failure {`. */
function startsDeclaration(tokens: readonly IToken[], i: number): boolean {
  const first = tokens[i]!;
  if (!tokenMatcher(first, Import) && !(tokenMatcher(first, Identifier) && TOP_LEVEL_WORDS.has(first.image))) return false;
  for (let k = i + 1; k < tokens.length && !tokenMatcher(tokens[k]!, Newline); k++) if (tokenMatcher(tokens[k]!, LBrace)) return true;
  return false;
}
