/**
 * The `.b24layout` language for ESLint (`language: "b24layout/b24layout"`): files parsed by the
 * project's own parser, a syntax error a fatal parsing error at its place, and a SourceCode over
 * the syntax tree with ESLint's inline comments (`eslint-disable…`, `eslint-enable`, `/* eslint … *\/`)
 * read from the language's own comments, as @eslint/json and @eslint/css do.
 */
import type { File, FileProblem, Language, OkParseResult, ParseResult, RulesConfig, SourceLocation, SourceRange } from "@eslint/core";
import { ConfigCommentParser, Directive, TextSourceCodeBase, VisitNodeStep } from "@eslint/plugin-kit";
import { parse } from "../pipeline/index.js";
import type { Comment, Document, Node } from "../syntax/ast.js";
import type { Target } from "../check/rule.js";

/** What `languageOptions` a `.b24layout` config takes. */
export interface B24LayoutLanguageOptions {
  /**
   * Which Bitrix24 to check against where the docs and the server disagree, as the config's
   * `target`: `server` (default) or `docs`.
   */
  target?: Target;
  [key: string]: unknown;
}

/** The children of each kind of node, in source order (ESLint's visitor keys; also the traversal's). */
export const VISITOR_KEYS = {
  Document: ["imports", "statements"],
  Import: ["names", "source"],
  Comment: [],
  Statement: ["label", "name", "args", "action", "body"],
  Label: [],
  Identifier: [],
  Action: ["name", "args"],
  Body: ["statements"],
  String: ["parts"],
  Interpolation: [],
  ParamRef: [],
  ParameterList: ["parameters"],
  Parameter: ["name", "type", "defaultValue"],
  NamedType: [],
  LiteralType: [],
  ListType: ["of", "max"],
  RecordType: ["fields"],
  RecordField: ["name", "type"],
  UnionType: ["members"],
  Number: [],
  Boolean: [],
  Null: [],
  TranslationRef: [],
  Map: ["entries"],
  MapEntry: ["key", "value"],
  List: ["items"],
} satisfies Record<Node["kind"], readonly string[]> as Record<string, string[]>;

const LANGUAGE_OPTIONS: Readonly<Record<string, readonly unknown[]>> = { target: ["server", "docs"] };

type B24LayoutSyntaxElement = Node;

/** Line breaks as the lexer counts them: CRLF, CR and LF. */
const LINE_BREAK = /\r\n?|\n/u;

/** A comment that is one of ESLint's inline configuration comments. */
const INLINE_CONFIG = /^\s*(?:eslint(?:-enable|-disable(?:(?:-next)?-line)?)?)(?:\s|$)/u;

const commentParser = new ConfigCommentParser();

/** The text of a comment without its delimiters. */
function commentValue(comment: Comment): string {
  return comment.block ? comment.text.slice(2, comment.text.endsWith("*/") ? -2 : undefined) : comment.text.slice(2);
}

export class B24LayoutSourceCode extends TextSourceCodeBase<{
  LangOptions: B24LayoutLanguageOptions;
  RootNode: Document;
  SyntaxElementWithLoc: B24LayoutSyntaxElement;
  ConfigNode: Comment;
}> {
  declare ast: Document;
  /** Every comment of the file (b24layout's own `// b24layout-disable…` ones included). */
  readonly comments: readonly Comment[];
  #steps: VisitNodeStep[] | undefined;
  readonly #parents = new WeakMap<Node, Node>();
  #inlineConfigComments: Comment[] | undefined;
  #end: { line: number; column: number } | undefined;

  constructor({ text, ast }: { text: string; ast: Document }) {
    super({ text, ast, lineEndingPattern: LINE_BREAK });
    this.ast = ast;
    this.comments = ast.comments;
  }

  /** 1-based lines and columns (the language's `lineStart` and `columnStart`); the root spans the whole text. */
  override getLoc(node: B24LayoutSyntaxElement): SourceLocation {
    if (node === this.ast) return { start: { line: 1, column: 1 }, end: this.#textEnd() };
    return { start: { line: node.range.start.line, column: node.range.start.column }, end: { line: node.range.end.line, column: node.range.end.column } };
  }

  override getRange(node: B24LayoutSyntaxElement): SourceRange {
    if (node === this.ast) return [0, this.text.length];
    return [node.range.start.offset, node.range.end.offset];
  }

  #textEnd(): { line: number; column: number } {
    if (this.#end) return this.#end;
    const lines = this.text.split(LINE_BREAK);
    return (this.#end = { line: lines.length, column: lines.at(-1)!.length + 1 });
  }

  override getParent(node: B24LayoutSyntaxElement): B24LayoutSyntaxElement | undefined {
    if (!this.#steps) this.traverse();
    return this.#parents.get(node);
  }

  /** The comments that are ESLint's inline configuration (`eslint-disable…`, `eslint-enable`, `eslint`). */
  getInlineConfigNodes(): Comment[] {
    return (this.#inlineConfigComments ??= this.comments.filter((c) => INLINE_CONFIG.test(commentValue(c))));
  }

  getDisableDirectives(): { problems: FileProblem[]; directives: Directive[] } {
    const problems: FileProblem[] = [];
    const directives: Directive[] = [];
    for (const comment of this.getInlineConfigNodes()) {
      const parsed = commentParser.parseDirective(commentValue(comment));
      if (!parsed) continue;
      const { label, value, justification } = parsed;
      // As in JavaScript: a -line directive that spans lines would leave it unclear which line it means.
      if (label === "eslint-disable-line" && comment.range.start.line !== comment.range.end.line) {
        problems.push({ ruleId: null, message: `${label} comment should not span multiple lines.`, loc: this.getLoc(comment) });
        continue;
      }
      if (label === "eslint-disable" || label === "eslint-enable" || label === "eslint-disable-next-line" || label === "eslint-disable-line") {
        const type = label.slice("eslint-".length) as "disable" | "enable" | "disable-next-line" | "disable-line";
        directives.push(new Directive({ type, node: comment, value, justification }));
      }
    }
    return { problems, directives };
  }

  applyInlineConfig(): { configs: { config: { rules: RulesConfig }; loc: SourceLocation }[]; problems: FileProblem[] } {
    const configs: { config: { rules: RulesConfig }; loc: SourceLocation }[] = [];
    const problems: FileProblem[] = [];
    for (const comment of this.getInlineConfigNodes()) {
      const parsed = commentParser.parseDirective(commentValue(comment));
      if (parsed?.label !== "eslint") continue;
      const result = commentParser.parseJSONLikeConfig(parsed.value);
      if (result.ok) configs.push({ config: { rules: result.config }, loc: this.getLoc(comment) });
      else problems.push({ ruleId: null, message: result.error.message, loc: this.getLoc(comment) });
    }
    return { configs, problems };
  }

  override traverse(): Iterable<VisitNodeStep> {
    if (this.#steps) return this.#steps.values();
    const steps: VisitNodeStep[] = [];
    const visit = (node: Node, parent: Node | undefined) => {
      if (parent) this.#parents.set(node, parent);
      steps.push(new VisitNodeStep({ target: node, phase: 1, args: [node, parent] }));
      const record = node as unknown as Record<string, unknown>;
      for (const key of VISITOR_KEYS[node.kind] ?? []) {
        const child = record[key];
        if (Array.isArray(child)) {
          // A string's `parts` mixes literal text with interpolations: only the nodes are visited.
          for (const c of child as unknown[]) if (isNode(c)) visit(c, node);
        } else if (isNode(child)) visit(child, node);
      }
      steps.push(new VisitNodeStep({ target: node, phase: 2, args: [node, parent] }));
    };
    visit(this.ast, undefined);
    this.#steps = steps;
    return steps.values();
  }
}

function isNode(value: unknown): value is Node {
  return typeof value === "object" && value !== null && typeof (value as { kind?: unknown }).kind === "string";
}

export class B24LayoutLanguage implements Language<{ LangOptions: B24LayoutLanguageOptions; Code: B24LayoutSourceCode; RootNode: Document; Node: Node }> {
  readonly fileType = "text";
  readonly lineStart = 1;
  readonly columnStart = 1;
  readonly nodeTypeKey = "kind";
  readonly visitorKeys = VISITOR_KEYS;
  readonly defaultLanguageOptions: B24LayoutLanguageOptions = { target: "server" };

  validateLanguageOptions(languageOptions: B24LayoutLanguageOptions): void {
    for (const [key, value] of Object.entries(languageOptions)) {
      const allowed = LANGUAGE_OPTIONS[key];
      if (!allowed) throw new TypeError(`Unknown language option '${key}' for b24layout (it takes ${Object.keys(LANGUAGE_OPTIONS).join(", ")}).`);
      // Left undefined, an option keeps its default.
      if (value !== undefined && !allowed.includes(value)) throw new TypeError(`The b24layout language option '${key}' must be ${allowed.map((v) => JSON.stringify(v)).join(" or ")}, not ${JSON.stringify(value)}.`);
    }
  }

  /** A text with syntax errors is not linted: each error is a fatal parsing error at its place, as for JavaScript. */
  parse(file: File): ParseResult<Document> {
    const text = typeof file.body === "string" ? file.body : new TextDecoder().decode(file.body);
    const { document, diagnostics } = parse(text);
    if (diagnostics.length > 0) {
      return {
        ok: false,
        errors: diagnostics.map((d) => ({ message: d.message, line: d.range.start.line, column: d.range.start.column, endLine: d.range.end.line, endColumn: d.range.end.column })),
      };
    }
    // ESLint before 9.25 finds a node's listeners by its `type`, whatever the language's
    // `nodeTypeKey` says: the root gets one (the plugin's rules listen on it), left out of its
    // own keys so that nothing else sees it. The tree's other nodes have none (`type` is a child
    // of a Parameter), so rules of a project's own that select them need ESLint 9.25 or later.
    Object.defineProperty(document, "type", { value: document.kind, enumerable: false });
    return { ok: true, ast: document };
  }

  createSourceCode(file: File, input: OkParseResult<Document>): B24LayoutSourceCode {
    const text = typeof file.body === "string" ? file.body : new TextDecoder().decode(file.body);
    return new B24LayoutSourceCode({ text, ast: input.ast });
  }
}
