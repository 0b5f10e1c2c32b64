/**
 * The Prettier printer of `.b24layout`: the syntax tree to a Prettier document, in the one
 * canonical style (README, "Formatting").
 *
 * Line breaks carry meaning in the language: a statement ends at one. So the printer only ever
 * breaks where the grammar allows a line break inside a statement: before a `->` action, inside
 * maps, lists, parameter lists and record types, and between the statements of a body. Tokens are
 * never changed: strings, numbers and quoted labels are printed exactly as written (their source
 * text), so the decoded values cannot change.
 */
import { builders } from "prettier/doc";
import type { AstPath, Doc, ParserOptions, Printer } from "prettier";
import type {
  Body,
  Comment,
  Document,
  ImportDeclaration,
  Label,
  Node,
  Parameter,
  ParameterList,
  RecordField,
  RecordType,
  Statement,
  StringLiteral,
} from "../syntax/ast.js";
import { ELSE_KEYWORD, WHEN_KEYWORD } from "../model/templates.js";

const { breakParent, group, hardline, ifBreak, indent, join, line, literalline, softline } = builders;

/** What Prettier walks: the syntax tree, to whose nodes it attaches the comments. */
type Printable = Node;

/** A comment after Prettier attached it: which side of its node it is on. */
export interface AttachedComment extends Comment {
  leading?: boolean;
  trailing?: boolean;
  printed?: boolean;
  /** `open`: a comment on the line of a bracket that opens a construct, printed right after it. */
  marker?: string;
  /** Prettier names a comment by `value` in its own messages. */
  value?: string;
}

type Print = (selector?: string | number | (string | number)[] | AstPath<Printable>) => Doc;
type Options = ParserOptions<Printable>;

const PRETTIER_IGNORE = /^(?:\/\/|\/\*)\s*prettier-ignore\b/;

/** The children of each kind of node, in source order: where Prettier looks for comment anchors. */
const CHILD_KEYS: Readonly<Record<Node["kind"], string[]>> = {
  Document: ["imports", "statements"],
  Import: ["names", "source"],
  Statement: ["label", "name", "args", "action", "body"],
  Action: ["name", "args"],
  Body: ["statements"],
  Map: ["entries"],
  MapEntry: ["key", "value"],
  List: ["items"],
  ParameterList: ["parameters"],
  Parameter: ["name", "type", "defaultValue"],
  ListType: ["of"],
  RecordType: ["fields"],
  RecordField: ["name", "type"],
  UnionType: ["members"],
  Comment: [],
  Label: [],
  Identifier: [],
  String: [],
  Number: [],
  Boolean: [],
  Null: [],
  TranslationRef: [],
  ParamRef: [],
  Interpolation: [],
  NamedType: [],
  LiteralType: [],
};

export function locStart(node: Printable): number {
  return node.range.start.offset;
}

export function locEnd(node: Printable): number {
  return node.range.end.offset;
}

/** The source text of a node, exactly as written. */
function sourceOf(node: Printable, options: Options): string {
  return options.originalText.slice(locStart(node), locEnd(node));
}

/** Text that may span lines (a `"""` string, a block comment), kept as written. */
function verbatim(text: string): Doc {
  const lines = text.split(/\r\n?|\n/);
  return lines.length === 1 ? text : join(literalline, lines);
}

/** Whether the source has a line break between two offsets. */
function hasLineBreak(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) return true;
  }
  return false;
}

/**
 * Whether an empty line follows the line `offset` is on: the blank lines the author left between
 * statements are kept, collapsed to one. Comments later on the same line are skipped.
 */
function isNextLineEmpty(text: string, offset: number): boolean {
  let i = offset;
  for (;;) {
    while (i < text.length && (text[i] === " " || text[i] === "\t")) i++;
    if (text.startsWith("/*", i)) {
      const end = text.indexOf("*/", i + 2);
      if (end < 0 || hasLineBreak(text, i, end)) return false;
      i = end + 2;
    } else if (text.startsWith("//", i)) {
      while (i < text.length && text[i] !== "\n" && text[i] !== "\r") i++;
    } else {
      break;
    }
  }
  if (text[i] === "\r") i += text[i + 1] === "\n" ? 2 : 1;
  else if (text[i] === "\n") i++;
  else return false;
  while (i < text.length && (text[i] === " " || text[i] === "\t")) i++;
  return text[i] === "\n" || text[i] === "\r";
}

/** Whether the author broke a bracketed construct after its opening bracket: it then stays broken. */
function brokenAfterOpening(node: Printable, first: Printable | undefined, options: Options): boolean {
  return first !== undefined && hasLineBreak(options.originalText, locStart(node) + 1, locStart(first));
}

/** Whether any comment lies inside a node: bracketed constructs holding one are always broken. */
function containsComment(node: Printable, options: Options): boolean {
  // Prettier keeps the document's comments, in source order, under this symbol.
  const comments = (options as unknown as Record<symbol, readonly Comment[] | undefined>)[Symbol.for("comments")] ?? [];
  const start = locStart(node);
  const end = locEnd(node);
  // Comments are in source order: find the first at or after `start`.
  let lo = 0;
  let hi = comments.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (comments[mid]!.range.start.offset < start) lo = mid + 1;
    else hi = mid;
  }
  return lo < comments.length && comments[lo]!.range.start.offset < end;
}

/** The comments Prettier attached to a node (a Document's own `comments` are replaced by them). */
function attached(node: Printable): readonly AttachedComment[] {
  return (node as { comments?: readonly AttachedComment[] }).comments ?? [];
}

/** Comments Prettier left on a node without a side: those inside an empty construct. */
function danglingComments(node: Printable): AttachedComment[] {
  return attached(node).filter((c) => c.leading !== true && c.trailing !== true && c.printed !== true);
}

/** Prints the dangling comments of a node, each on its own line. */
function printDangling(node: Printable): Doc[] {
  return danglingComments(node).map((c) => {
    c.printed = true;
    return verbatim(c.text);
  });
}

/**
 * An empty bracketed construct: `{}`, or its dangling comments between the brackets (a line
 * comment forces the brackets onto their own lines, so the closing one is not commented out).
 */
function printEmpty(node: Printable, open: string, close: string): Doc {
  const comments = danglingComments(node);
  if (comments.length === 0) return open + close;
  const opening = printOpeningComments(node);
  const printed = printDangling(node);
  if (comments.every((c) => c.block)) return [open, opening, " ", join(" ", printed), " ", close];
  return [open, opening, printed.length > 0 ? indent([hardline, join(hardline, printed)]) : "", hardline, close];
}

/** The comments on the line of a construct's opening bracket, to print right after it. */
function printOpeningComments(node: Printable): Doc {
  const opening = danglingComments(node).filter((c) => c.marker === OPENING);
  return opening.map((c) => {
    c.printed = true;
    return [" ", verbatim(c.text)];
  });
}

const OPENING = "open";

/** Constructs whose opening bracket may have a comment after it on its line. */
const BRACKETED: ReadonlySet<Node["kind"]> = new Set(["Body", "Map", "List", "ParameterList", "RecordType"]);

/** Prettier's view of a comment while it looks for the node to attach it to. */
interface PlacedComment extends AttachedComment {
  enclosingNode?: Printable;
  precedingNode?: Printable;
}

/**
 * `{ // why`: a comment at the end of the line that opens a construct, before its first member,
 * stays on that line (Prettier would make it the first member's leading comment, on a line of its own).
 */
function keepOnOpeningLine(comment: PlacedComment, text: string): boolean {
  const enclosing = comment.enclosingNode;
  if (!enclosing || comment.precedingNode || !BRACKETED.has(enclosing.kind)) return false;
  if (hasLineBreak(text, locStart(enclosing), locStart(comment))) return false;
  const comments = ((enclosing as { comments?: AttachedComment[] }).comments ??= []);
  comment.leading = false;
  comment.trailing = false;
  comment.marker = OPENING;
  comments.push(comment);
  return true;
}

/**
 * The members of a construct, with `separator` between two (a line, maybe with a `;` or `,`), and
 * one empty line where the author left any. `joined` says which two members share a line instead.
 */
function printMembers(
  path: AstPath<Printable>,
  print: Print,
  key: string,
  options: Options,
  separator: Doc,
  joined: (member: Printable, next: Printable) => boolean = () => false,
): Doc[] {
  const parts: Doc[] = [];
  const members = (path.node as unknown as Record<string, Printable[]>)[key]!;
  path.each(
    (member, index) => {
      parts.push(print());
      const next = members[index + 1];
      if (next === undefined) return;
      if (joined(member.node, next)) {
        parts.push(" ");
        return;
      }
      parts.push(separator);
      if (isNextLineEmpty(options.originalText, locEnd(member.node))) parts.push(softline);
    },
    key as never,
  );
  return parts;
}

/** `} else {`: an `else` goes on the line where the body of its `when` (or of an `else`) closes. */
function isElseAfterBody(statement: Printable, next: Printable): boolean {
  return (
    next.kind === "Statement" &&
    next.name.name === ELSE_KEYWORD &&
    next.label === undefined &&
    statement.kind === "Statement" &&
    (statement.name.name === WHEN_KEYWORD || statement.name.name === ELSE_KEYWORD) &&
    statement.body !== undefined &&
    // A comment after the `}` stays on that line, and one before the `else` on a line of its own:
    // then the `else` starts the next line.
    attached(statement).every((c) => c.leading === true) &&
    attached(next).every((c) => c.leading !== true)
  );
}

function printDocument(path: AstPath<Printable>, options: Options, print: Print): Doc {
  const document = path.node as Document;
  // Imports are kept apart from the statements in the tree; in the text they are interleaved.
  const children: { node: Printable; doc: Doc }[] = [];
  path.each((child) => void children.push({ node: child.node, doc: print() }), "imports");
  path.each((child) => void children.push({ node: child.node, doc: print() }), "statements");
  children.sort((a, b) => locStart(a.node) - locStart(b.node));
  const parts: Doc[] = [];
  children.forEach((child, i) => {
    parts.push(child.doc);
    if (i < children.length - 1) {
      parts.push(hardline);
      if (isNextLineEmpty(options.originalText, locEnd(child.node))) parts.push(hardline);
    }
  });
  const dangling = printDangling(document);
  if (dangling.length > 0) parts.push(join(hardline, dangling));
  return parts.length === 0 ? "" : [...parts, hardline];
}

function printStatement(path: AstPath<Printable>, options: Options, print: Print): Doc {
  const statement = path.node as Statement;
  const head: Doc[] = [];
  if (statement.label) head.push(print("label"), ": ");
  head.push(print("name"));
  // A parameter list hugs the declaration's name: `layout call(client: string)`.
  statement.args.forEach((arg, i) => void head.push(arg.kind === "ParameterList" ? "" : " ", print(["args", i])));
  const parts: Doc[] = [group([...head, statement.action ? indent([line, print("action")]) : ""])];
  if (statement.body) parts.push(" ", print("body"));
  return parts;
}

function printAction(path: AstPath<Printable>, print: Print): Doc {
  const parts: Doc[] = ["-> ", print("name")];
  path.each(() => void parts.push(" ", print()), "args");
  return parts;
}

function printBody(path: AstPath<Printable>, options: Options, print: Print): Doc {
  const body = path.node as Body;
  if (body.statements.length === 0) return printEmpty(body, "{", "}");
  const forceBreak = brokenAfterOpening(body, body.statements[0], options) || containsComment(body, options);
  // Statements that share a line are separated by `;`; on lines of their own they need nothing.
  const members = printMembers(path, print, "statements", options, [ifBreak("", ";"), line], isElseAfterBody);
  return group(["{", printOpeningComments(body), indent([line, ...members]), line, "}", forceBreak ? breakParent : ""]);
}

/** `{ a: 1, b: 2 }` and `[1, 2]`: entries separated by commas, a trailing comma when broken. */
function printBracketed(path: AstPath<Printable>, options: Options, print: Print, key: string, open: string, close: string, padded: boolean): Doc {
  const node = path.node;
  const members = (node as unknown as Record<string, Printable[]>)[key]!;
  if (members.length === 0) return printEmpty(node, open, close);
  const forceBreak = (padded && brokenAfterOpening(node, members[0], options)) || containsComment(node, options);
  const inner = padded ? line : softline;
  const printed = printMembers(path, print, key, options, [",", line]);
  return group([open, printOpeningComments(node), indent([inner, ...printed]), ifBreak(","), inner, close, forceBreak ? breakParent : ""]);
}

function printMapEntry(path: AstPath<Printable>, print: Print): Doc {
  return [print("key"), ": ", print("value")];
}

function printLabel(label: Label, options: Options): Doc {
  return label.quoted ? sourceOf(label, options) : label.value;
}

function printString(node: StringLiteral, options: Options): Doc {
  const raw = sourceOf(node, options);
  return node.multiline ? (reindentedTripleString(raw) ?? verbatim(raw)) : raw;
}

const BLANK = /^[ \t]*$/;

/**
 * A `"""` string with its text on lines of its own, indented one level deeper than the code
 * around it. Its value does not change: the indentation of the closing quotes is removed from
 * every line (strings.ts), and the printer puts the closing quotes and every line at the same new
 * indentation. Strings of another shape, and those with a line of only spaces (which Prettier
 * would trim), are printed as written.
 */
function reindentedTripleString(raw: string): Doc | undefined {
  if (raw.length < 6 || !raw.endsWith('"""')) return undefined;
  const lines = raw.slice(3, -3).split(/\r\n?|\n/);
  if (lines.length < 2 || !BLANK.test(lines[0]!) || !BLANK.test(lines[lines.length - 1]!)) return undefined;
  const indentation = lines[lines.length - 1]!;
  const text = lines.slice(1, -1).map((l) => (l.startsWith(indentation) ? l.slice(indentation.length) : l.trimStart()));
  if (text.some((l) => l.length > 0 && BLANK.test(l))) return undefined;
  return ['"""', indent([...text.map((l) => [hardline, l]), hardline, '"""'])];
}

function printParameterList(path: AstPath<Printable>, options: Options, print: Print): Doc {
  const list = path.node as ParameterList;
  if (list.parameters.length === 0) return printEmpty(list, "(", ")");
  const forceBreak = containsComment(list, options);
  const printed = printMembers(path, print, "parameters", options, [",", line]);
  return group(["(", printOpeningComments(list), indent([softline, ...printed]), ifBreak(","), softline, ")", forceBreak ? breakParent : ""]);
}

function printParameter(path: AstPath<Printable>, print: Print): Doc {
  const parameter = path.node as Parameter;
  const parts: Doc[] = [print("name"), parameter.optional ? "?" : ""];
  if (parameter.type) parts.push(": ", print("type"));
  if (parameter.defaultValue) parts.push(" = ", print("defaultValue"));
  return parts;
}

function printRecordType(path: AstPath<Printable>, options: Options, print: Print): Doc {
  const record = path.node as RecordType;
  if (record.fields.length === 0) return printEmpty(record, "{", "}");
  const forceBreak = containsComment(record, options);
  // Fields on lines of their own are separated by the line breaks (a record has no trailing comma).
  const printed = printMembers(path, print, "fields", options, [ifBreak("", ","), line]);
  return group(["{", printOpeningComments(record), indent([line, ...printed]), line, "}", forceBreak ? breakParent : ""]);
}

function printRecordField(path: AstPath<Printable>, print: Print): Doc {
  const field = path.node as RecordField;
  return [print("name"), field.optional ? "?" : "", field.type ? [": ", print("type")] : ""];
}

function printImport(path: AstPath<Printable>, options: Options, print: Print): Doc {
  const declaration = path.node as ImportDeclaration;
  // An import is read to the end of its line: it is never broken.
  const names = path.map(print, "names");
  const source = declaration.source ? [" from ", print("source")] : "";
  return ["import ", names.length === 0 ? "{}" : ["{ ", join(", ", names), " }"], source];
}

function printNode(path: AstPath<Printable>, options: Options, print: Print): Doc {
  const node = path.node;
  switch (node.kind) {
    case "Document":
      return printDocument(path, options, print);
    case "Import":
      return printImport(path, options, print);
    case "Statement":
      return printStatement(path, options, print);
    case "Action":
      return printAction(path, print);
    case "Body":
      return printBody(path, options, print);
    case "Map":
      return printBracketed(path, options, print, "entries", "{", "}", true);
    case "List":
      return printBracketed(path, options, print, "items", "[", "]", false);
    case "MapEntry":
      return printMapEntry(path, print);
    case "Label":
      return printLabel(node, options);
    case "Identifier":
      return node.name;
    case "String":
      return printString(node, options);
    case "Number":
      return node.raw;
    case "Boolean":
      return node.value ? "true" : "false";
    case "Null":
      return "null";
    case "TranslationRef":
      return `@${node.key}`;
    case "ParamRef":
      return `$${node.path.join(".")}`;
    case "ParameterList":
      return printParameterList(path, options, print);
    case "Parameter":
      return printParameter(path, print);
    case "NamedType":
      return node.name;
    case "LiteralType":
      return sourceOf(node, options);
    case "ListType":
      return [print("of"), "[]"];
    case "RecordType":
      return printRecordType(path, options, print);
    case "RecordField":
      return printRecordField(path, print);
    case "UnionType":
      return join(" | ", path.map(print, "members"));
    case "Comment":
    case "Interpolation":
      // Comments are printed by their nodes; interpolations are part of their string's text.
      return sourceOf(node, options);
  }
}

/** Prints a node and then any comment Prettier attached to it that no construct placed. */
function print(path: AstPath<Printable>, options: Options, printChild: Print): Doc {
  const printed = printNode(path, options, printChild);
  const left = danglingComments(path.node);
  if (left.length === 0) return printed;
  // Not expected (containers place their own); kept rather than lost, a line comment at a line's end.
  return [
    printed,
    ...left.map((c) => {
      c.printed = true;
      return c.block ? [" ", verbatim(c.text)] : [builders.lineSuffix([" ", c.text]), breakParent];
    }),
  ];
}

export const printer: Printer<Printable> = {
  print,
  getVisitorKeys: (node) => CHILD_KEYS[node.kind] ?? [],
  canAttachComment: (node) => node.kind !== "Comment" && node.kind !== "Interpolation" && node.kind !== "Document",
  isBlockComment: (node) => node.kind === "Comment" && node.block,
  printComment: (path) => verbatim((path.node as Comment).text),
  handleComments: {
    endOfLine: (comment, text) => keepOnOpeningLine(comment as PlacedComment, text),
  },
  hasPrettierIgnore: (path) => attached(path.node).some((c) => c.leading === true && PRETTIER_IGNORE.test(c.text)),
};

export type { Printable };
