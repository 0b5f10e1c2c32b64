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
  MapEntry,
  Node,
  Parameter,
  RecordField,
  RecordType,
  Statement,
  StringLiteral,
  UnionType,
} from "../syntax/index.js";
import { ELSE_KEYWORD, WHEN_KEYWORD } from "../model/index.js";
import { appendAll } from "../util/index.js";

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

/**
 * A comment as written, without spaces at the ends of its lines (Prettier trims them from every
 * other line; a comment's width then does not depend on them either).
 */
function printCommentText(comment: Comment): Doc {
  return verbatim(comment.text.replace(/[ \t]+(?=\r\n?|\n|$)/g, ""));
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
      // A comment over several lines counts as on the line where it ends.
      const end = text.indexOf("*/", i + 2);
      if (end < 0) return false;
      i = end + 2;
    } else if (text.startsWith("//", i)) {
      while (i < text.length && text[i] !== "\n" && text[i] !== "\r") i++;
    } else if (text[i] === "," || text[i] === ";") {
      // The separator after a member (written by the author, or by the printer itself).
      i++;
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

/** Whether the line before the one `offset` is on is empty (Prettier's test for a blank line before a comment). */
function isPreviousLineEmpty(text: string, offset: number): boolean {
  let i = offset - 1;
  while (i >= 0 && (text[i] === " " || text[i] === "\t")) i--;
  if (text[i] === "\n") i -= text[i - 1] === "\r" ? 2 : 1;
  else if (text[i] === "\r") i--;
  else return false;
  while (i >= 0 && (text[i] === " " || text[i] === "\t")) i--;
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
    return printCommentText(c);
  });
}

/**
 * An empty bracketed construct: `{}`, or its comments between the brackets, in source order: those
 * on the line of the opening bracket stay there, the others go on lines of their own (a line
 * comment always ends its line, so the closing bracket is never commented out). `filler` is
 * printed inside even without comments (`{ ; }`: an empty block after an action, where `{}` would
 * be an empty map).
 */
function printEmpty(node: Printable, open: string, close: string, options: Options, filler?: string): Doc {
  const comments = danglingComments(node).sort((a, b) => locStart(a) - locStart(b));
  if (comments.length === 0) return filler === undefined ? open + close : `${open} ${filler} ${close}`;
  for (const c of comments) c.printed = true;
  const onOpeningLine = comments.filter((c) => !hasLineBreak(options.originalText, locStart(node), locStart(c)));
  const below = comments.slice(onOpeningLine.length);
  const first: Doc[] = [open, filler === undefined ? "" : ` ${filler}`, ...onOpeningLine.map((c) => [" ", printCommentText(c)])];
  if (below.length === 0 && onOpeningLine.every((c) => c.block)) return [...first, " ", close];
  return [...first, below.length > 0 ? indent([hardline, join(hardline, below.map((c) => printCommentText(c)))]) : "", hardline, close];
}

/** The comments on the line of a construct's opening bracket, to print right after it. */
function printOpeningComments(node: Printable): Doc {
  const opening = danglingComments(node).filter((c) => c.marker === OPENING);
  return opening.map((c) => {
    c.printed = true;
    return [" ", printCommentText(c)];
  });
}

const OPENING = "open";
const CLOSING = "close";

/**
 * The comments on lines of their own after a construct's last member, each on its line before the
 * closing bracket (or at the end of the file), with an empty line before one where the author left
 * one: what Prettier prints for trailing comments, without its line suffixes, which it flushes
 * all at once (a run of some 100,000 comments overflowed its stack).
 */
function printClosingComments(node: Printable, options: Options): Doc[] {
  const text = options.originalText;
  const closing = danglingComments(node).filter((c) => c.marker === CLOSING);
  return closing.map((c, i) => {
    c.printed = true;
    // One that follows another on its line stays on that line.
    const previous = closing[i - 1];
    if (previous !== undefined && !hasLineBreak(text, locEnd(previous), locStart(c))) return [" ", printCommentText(c)];
    return [hardline, isPreviousLineEmpty(text, locStart(c)) ? hardline : "", printCommentText(c)];
  });
}

/** Constructs whose opening bracket may have a comment after it on its line. */
const BRACKETED: ReadonlySet<Node["kind"]> = new Set(["Body", "Map", "List", "ParameterList", "RecordType"]);

/** Prettier's view of a comment while it looks for the node to attach it to. */
interface PlacedComment extends AttachedComment {
  enclosingNode?: Printable;
  precedingNode?: Printable;
  followingNode?: Printable;
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
  // Block comments before it on that line were made leading comments of the first member: they
  // stay on the line too, in their order.
  const following = comment.followingNode as { comments?: AttachedComment[] } | undefined;
  const before = (following?.comments ?? []).filter((c) => c.leading === true && !hasLineBreak(text, locStart(enclosing), locStart(c)));
  if (following?.comments && before.length > 0) following.comments = following.comments.filter((c) => !before.includes(c));
  for (const c of [...before, comment]) {
    c.leading = false;
    c.trailing = false;
    c.marker = OPENING;
    comments.push(c);
  }
  return true;
}

/**
 * A comment on a line of its own after the last member of a block, map, list, parameter list,
 * record type or the file goes before the closing bracket (see printClosingComments), not to the
 * last member as Prettier would place it.
 */
function keepBeforeClosing(comment: PlacedComment, root: Printable): boolean {
  const { precedingNode, followingNode } = comment;
  const enclosing = comment.enclosingNode ?? root;
  if (!precedingNode || followingNode || !(BRACKETED.has(enclosing.kind) || enclosing.kind === "Document")) return false;
  return placeBeforeClosing(comment, enclosing);
}

/**
 * A comment after one placed by keepBeforeClosing, in the same construct, goes there too
 * (whether it is on a line of its own or not): otherwise it would print before it.
 */
function keepAfterClosing(comment: PlacedComment, root: Printable): boolean {
  const { precedingNode, followingNode } = comment;
  const enclosing = comment.enclosingNode ?? root;
  if (!precedingNode || followingNode || !withClosingComments.has(enclosing)) return false;
  return placeBeforeClosing(comment, enclosing);
}

/** The constructs with comments placed before their closing bracket. */
const withClosingComments = new WeakSet<Printable>();

function placeBeforeClosing(comment: PlacedComment, enclosing: Printable): boolean {
  withClosingComments.add(enclosing);
  const comments = ((enclosing as { comments?: AttachedComment[] }).comments ??= []);
  comment.leading = false;
  comment.trailing = false;
  comment.marker = CLOSING;
  comments.push(comment);
  return true;
}

/** Constructs of two parts joined by a mark after which the grammar allows a line break. */
const JOINED_PARTS: ReadonlySet<Node["kind"]> = new Set(["MapEntry", "Parameter", "RecordField", "UnionType"]);

/**
 * A comment between the parts of `key: value`, `name: type = default` or `A | B` goes before the
 * second part, which then starts a line of its own (see joinAfter): wherever the author put it
 * around the mark, its order with other comments there is kept, and every run prints it alike.
 */
function attachBetweenParts(comment: PlacedComment): boolean {
  const { enclosingNode, precedingNode, followingNode } = comment;
  if (!enclosingNode || !precedingNode || !followingNode || !JOINED_PARTS.has(enclosingNode.kind)) return false;
  const comments = ((followingNode as { comments?: AttachedComment[] }).comments ??= []);
  comment.leading = true;
  comment.trailing = false;
  comments.push(comment);
  return true;
}

/**
 * `1 \n // why \n , 2`: an own-line comment before the comma that ends a member belongs to that
 * member (Prettier would make it the next member's leading comment, after the comments that follow
 * the comma).
 */
function keepBeforeComma(comment: PlacedComment, text: string): boolean {
  const { enclosingNode, precedingNode, followingNode } = comment;
  if (!enclosingNode || !precedingNode || !followingNode || !BRACKETED.has(enclosingNode.kind)) return false;
  const between = text.slice(locEnd(comment), locStart(followingNode)).replace(/\/\*[\s\S]*?\*\/|\/\/[^\r\n]*/g, "");
  if (!between.includes(",")) return false;
  const comments = ((precedingNode as { comments?: AttachedComment[] }).comments ??= []);
  comment.leading = false;
  comment.trailing = true;
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
  appendAll(parts, printClosingComments(document, options));
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
  if (body.statements.length === 0) return printEmpty(body, "{", "}", options, path.parent?.kind === "Statement" && path.parent.action !== undefined ? ";" : undefined);
  const forceBreak = brokenAfterOpening(body, body.statements[0], options) || containsComment(body, options);
  // Statements that share a line are separated by `;`; on lines of their own they need nothing.
  const members = printMembers(path, print, "statements", options, [ifBreak("", ";"), line], isElseAfterBody);
  return group(["{", printOpeningComments(body), indent([line, ...members, ...printClosingComments(body, options)]), line, "}", forceBreak ? breakParent : ""]);
}

/** `{ a: 1, b: 2 }` and `[1, 2]`: entries separated by commas, a trailing comma when broken. */
function printBracketed(path: AstPath<Printable>, options: Options, print: Print, key: string, open: string, close: string, padded: boolean): Doc {
  const node = path.node;
  const members = (node as unknown as Record<string, Printable[]>)[key]!;
  if (members.length === 0) return printEmpty(node, open, close, options);
  const forceBreak = (padded && brokenAfterOpening(node, members[0], options)) || containsComment(node, options);
  const inner = padded ? line : softline;
  const printed = printMembers(path, print, key, options, [",", line]);
  return group([open, printOpeningComments(node), indent([inner, ...printed, ifBreak(","), ...printClosingComments(node, options)]), inner, close, forceBreak ? breakParent : ""]);
}

/**
 * Whether a line break must separate two parts of a construct (after `key:`, `=` or `|`, where the
 * grammar allows one): a line comment ends the first or precedes the second (block comments
 * there print on the line, or where Prettier's own rules put them). Kept on one line, two line comments would merge, or a comment would change lines from
 * one run to the next.
 */
function breakBetween(before: Printable, after: Printable): boolean {
  return (
    attached(before).some((c) => c.trailing === true && !c.block) ||
    attached(after).some((c) => c.leading === true && !c.block)
  );
}

/** `mark` and then `after`: on the same line after a space, or indented on the next line when comments need it. */
function joinAfter(mark: string, before: Printable, after: Printable, printed: Doc): Doc {
  return breakBetween(before, after) ? [mark, indent([hardline, printed])] : [mark, " ", printed];
}

function printMapEntry(path: AstPath<Printable>, options: Options, print: Print): Doc {
  const entry = path.node as MapEntry;
  return [print("key"), joinAfter(":", entry.key, entry.value, print("value"))];
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
 * indentation. Strings of another shape, and those with a line ending in spaces (which Prettier
 * would trim), are printed as written.
 */
function reindentedTripleString(raw: string): Doc | undefined {
  if (raw.length < 6 || !raw.endsWith('"""')) return undefined;
  const lines = raw.slice(3, -3).split(/\r\n?|\n/);
  if (lines.length < 2 || !BLANK.test(lines[0]!) || !BLANK.test(lines[lines.length - 1]!)) return undefined;
  const indentation = lines[lines.length - 1]!;
  const text = lines.slice(1, -1).map((l) => (l.startsWith(indentation) ? l.slice(indentation.length) : l.trimStart()));
  // Prettier trims spaces at the end of a line it indents: such a string is printed as written.
  if (text.some((l) => /[ \t]$/.test(l))) return undefined;
  return ['"""', indent([...text.map((l) => [hardline, l]), hardline, '"""'])];
}

function printParameter(path: AstPath<Printable>, options: Options, print: Print): Doc {
  const parameter = path.node as Parameter;
  const parts: Doc[] = [print("name"), parameter.optional ? "?" : ""];
  if (parameter.type) parts.push(joinAfter(":", parameter.name, parameter.type, print("type")));
  if (parameter.defaultValue) parts.push(" ", joinAfter("=", parameter.type ?? parameter.name, parameter.defaultValue, print("defaultValue")));
  return parts;
}

function printRecordType(path: AstPath<Printable>, options: Options, print: Print): Doc {
  const record = path.node as RecordType;
  if (record.fields.length === 0) return printEmpty(record, "{", "}", options);
  const forceBreak = containsComment(record, options);
  // Fields on lines of their own are separated by the line breaks (a record has no trailing comma).
  const printed = printMembers(path, print, "fields", options, [ifBreak("", ","), line]);
  return group(["{", printOpeningComments(record), indent([line, ...printed, ...printClosingComments(record, options)]), line, "}", forceBreak ? breakParent : ""]);
}

function printRecordField(path: AstPath<Printable>, options: Options, print: Print): Doc {
  const field = path.node as RecordField;
  return [print("name"), field.optional ? "?" : "", field.type ? joinAfter(":", field.name, field.type, print("type")) : ""];
}

function printUnion(path: AstPath<Printable>, options: Options, print: Print): Doc {
  const union = path.node as UnionType;
  const printed = path.map(print, "members");
  return printed.map((member, i) => (i === 0 ? member : [" ", joinAfter("|", union.members[i - 1]!, union.members[i]!, member)]));
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
      return printMapEntry(path, options, print);
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
      return printBracketed(path, options, print, "parameters", "(", ")", false);
    case "Parameter":
      return printParameter(path, options, print);
    case "NamedType":
      return node.name;
    case "LiteralType":
      return sourceOf(node, options);
    case "ListType":
      return [print("of"), node.max ? `[max ${node.max.raw}]` : "[]"];
    case "RecordType":
      return printRecordType(path, options, print);
    case "RecordField":
      return printRecordField(path, options, print);
    case "UnionType":
      return printUnion(path, options, print);
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
      return c.block ? [" ", printCommentText(c)] : [builders.lineSuffix([" ", printCommentText(c)]), breakParent];
    }),
  ];
}

export const printer: Printer<Printable> = {
  print,
  getVisitorKeys: (node) => CHILD_KEYS[node.kind] ?? [],
  canAttachComment: (node) => node.kind !== "Comment" && node.kind !== "Interpolation" && node.kind !== "Document",
  isBlockComment: (node) => node.kind === "Comment" && node.block,
  printComment: (path) => printCommentText(path.node as Comment),
  handleComments: {
    endOfLine: (comment, text, _options, root) =>
      keepOnOpeningLine(comment as PlacedComment, text) || keepAfterClosing(comment as PlacedComment, root) || attachBetweenParts(comment as PlacedComment),
    ownLine: (comment, text, _options, root) =>
      keepBeforeComma(comment as PlacedComment, text) || attachBetweenParts(comment as PlacedComment) || keepBeforeClosing(comment as PlacedComment, root),
    remaining: (comment, _text, _options, root) => keepAfterClosing(comment as PlacedComment, root) || attachBetweenParts(comment as PlacedComment),
  },
  hasPrettierIgnore: (path) => attached(path.node).some((c) => c.leading === true && PRETTIER_IGNORE.test(c.text)),
};

export type { Printable };
