/** Reads the parameters of a parameter list from its tokens, with messages in words. */
import { type IToken, type TokenType } from "chevrotain";
import type { Identifier, LiteralType, Parameter, Range, RecordField, StringLiteral, TypeNode, Value } from "./ast.js";
import { MAX_NESTING_DEPTH } from "./limits.js";
import { IdentifierNode, ListNode, ParameterNode, RecordFieldNode } from "./nodes.js";
import { describeToken, tooDeepMessage } from "./messages.js";
import { is } from "./token-sets.js";
import { Colon, Comma, Equals, False, Identifier as IdentifierToken, LBrace, LBracket, Newline, Null, NumberToken, Pipe, Question, RBrace, RBracket, StringToken, True } from "./tokens.js";

/** What `ParameterReader` needs of the parser. */
export interface ParameterHost {
  tokenRange(token: IToken): Range;
  span(start: Range, end: Range): Range;
  report(message: string, range: Range): void;
  literal(token: IToken): Value;
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
export class ParameterReader {
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
      const close = this.peek();
      if (!is(close, RBracket)) this.fail(`Expected ']' after '[' in a list type ('T[]'), but found ${this.found()}.`, close ?? open);
      this.at++;
      type = { kind: "ListType", of: type, range: this.host.span(type.range, this.host.tokenRange(close!)) };
    }
    this.nesting -= lists;
    return type;
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
