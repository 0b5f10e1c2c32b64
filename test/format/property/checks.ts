/**
 * The checks of properties 4 and 5 (format.property.test.ts), on a formatted text: its lines, and
 * the widths of the lines that hold a construct the printer could have broken.
 */
import { util as prettierUtil } from "prettier";
import { tokenMatcher } from "chevrotain";
import type { Comment, Node, Range } from "../../../src/syntax/ast.js";
import { parse } from "../../../src/syntax/parser.js";
import { b24Lexer, StringToken } from "../../../src/syntax/tokens.js";

export interface LineOptions {
  readonly printWidth: number;
  readonly tabWidth: number;
  readonly useTabs: boolean;
  readonly endOfLine: "lf" | "crlf";
}

const eolOf = (options: LineOptions) => (options.endOfLine === "crlf" ? "\r\n" : "\n");

/** The offsets of `text` inside strings and comments: text the formatter must keep as written. */
function verbatimMask(text: string): Uint8Array {
  const mask = new Uint8Array(text.length);
  const lexed = b24Lexer.tokenize(text);
  const spans = [...lexed.tokens.filter((t) => tokenMatcher(t, StringToken)), ...(lexed.groups["comments"] ?? [])];
  for (const t of spans) mask.fill(1, t.startOffset, t.startOffset + t.image.length);
  return mask;
}

/** Lines of the text with their start offsets. */
function linesOf(text: string): { start: number; text: string }[] {
  const out: { start: number; text: string }[] = [];
  const re = /\r\n|\r|\n/g;
  let start = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    out.push({ start, text: text.slice(start, m.index) });
    start = m.index + m[0].length;
  }
  out.push({ start, text: text.slice(start) });
  return out;
}

/** What is wrong with the lines of a formatted text (property 4), in words. */
export function lineProblems(output: string, options: LineOptions): string[] {
  const problems: string[] = [];
  const text = output.startsWith("\ufeff") ? output.slice(1) : output;
  const mask = verbatimMask(text);
  const eol = eolOf(options);
  // Line ends: all of them the configured one (a `"""` string or a block comment is printed with it too).
  const ends = text.match(/\r\n|\r|\n/g) ?? [];
  if (ends.some((e) => e !== eol)) problems.push(`a line end other than ${JSON.stringify(eol)}`);
  if (text.length > 0) {
    if (!text.endsWith(eol)) problems.push("the text does not end with a line end");
    else if (text.endsWith(eol + eol)) problems.push("the text ends with an empty line");
    if (/^\s*$/.test(text)) problems.push("the text is only white space");
  }
  for (const [i, line] of linesOf(text).entries()) {
    const m = /[ \t\f\v\u00a0]+$/.exec(line.text);
    if (m && mask[line.start + m.index] !== 1) problems.push(`line ${i + 1} ends with white space: ${JSON.stringify(line.text)}`);
    if (!options.useTabs) {
      for (let j = 0; j < line.text.length; j++) {
        if (line.text[j] === "\t" && mask[line.start + j] !== 1) {
          problems.push(`line ${i + 1} has a tab outside strings and comments: ${JSON.stringify(line.text)}`);
          break;
        }
      }
    }
  }
  return problems;
}

/** The bracketed constructs of a document that the printer may break: non-empty maps, lists, parameter lists, record types and bodies. */
function breakable(node: unknown, out: Node[] = []): Node[] {
  if (Array.isArray(node)) {
    for (const n of node) breakable(n, out);
  } else if (node !== null && typeof node === "object") {
    const n = node as Node;
    const members =
      n.kind === "Map" ? n.entries : n.kind === "List" ? n.items : n.kind === "ParameterList" ? n.parameters : n.kind === "RecordType" ? n.fields : n.kind === "Body" ? n.statements : undefined;
    if (members !== undefined && members.length > 0) out.push(n);
    for (const [key, value] of Object.entries(node)) if (key !== "range" && key !== "comments") breakable(value, out);
  }
  return out;
}

/**
 * Property 5: a line wider than printWidth holds no breakable construct that opens and closes on
 * it. Prettier prints a group flat only when it fits up to the next place the line could break;
 * so if a line is too wide, every group that is flat on it would have been broken. What Prettier
 * does not count is not counted here either: a line comment at the end of the line (a line
 * suffix), and the indentation's tabs count tabWidth each.
 */
export function widthProblems(output: string, options: LineOptions): string[] {
  const text = output.startsWith("\ufeff") ? output.slice(1) : output;
  const { document, diagnostics } = parse(text);
  if (diagnostics.length > 0) return [];
  const lines = linesOf(text);
  const mask = verbatimMask(text);
  const lineComments = new Map<number, Comment>();
  for (const c of document.comments) {
    if (!c.block && !lineComments.has(c.range.start.line)) lineComments.set(c.range.start.line, c);
  }
  const width = (lineNumber: number): number => {
    const line = lines[lineNumber - 1]!;
    const comment = lineComments.get(lineNumber);
    const measured = comment ? line.text.slice(0, comment.range.start.offset - line.start).trimEnd() : line.text;
    if (mask[line.start] === 1 && line.start > 0 && mask[line.start - 1] === 1) return prettierUtil.getStringWidth(measured);
    const indent = /^\t*/.exec(measured)![0].length;
    return indent * options.tabWidth + prettierUtil.getStringWidth(measured.slice(indent));
  };
  const problems: string[] = [];
  for (const node of breakable(document)) {
    const r: Range = node.range;
    if (r.start.line !== r.end.line) continue;
    const w = width(r.start.line);
    if (w > options.printWidth) {
      problems.push(`line ${r.start.line} is ${w} wide, over ${options.printWidth}, with a ${node.kind} on it that could be broken: ${JSON.stringify(lines[r.start.line - 1]!.text)}`);
    }
  }
  return problems;
}

