/**
 * The statements an import writes, and their text: one statement per line, 2-space indentation,
 * maps and lists inline. A body with a single simple statement that fills one slot (a withTitle's
 * block, an element's options) stays on the line, as in the examples. Not a formatter: clean,
 * valid text that the formatter can take from there.
 */

/** An argument: a token's text, or a string to write as a `"""` block (its lines already escaped). */
export type OutArg = string | { readonly kind: "multiline"; readonly lines: readonly string[] };

export interface OutStatement {
  readonly kind: "statement";
  readonly label?: string;
  readonly name: string;
  readonly args: readonly OutArg[];
  readonly action?: { readonly name: string; readonly args: readonly OutArg[] };
  /** Absent: no body. Empty: `{}`. */
  readonly body?: readonly OutLine[];
  /** The body may stay on the statement's line when it is one statement without body or action. */
  readonly compactBody?: boolean;
}

export interface OutComment {
  readonly kind: "comment";
  readonly text: string;
}

export type OutLine = OutStatement | OutComment;

const INDENT = "  ";
/** A compact body stays on the line only while the line is at most this long. */
const COMPACT_WIDTH = 100;

export function printLines(lines: readonly OutLine[], indent = ""): string {
  let out = "";
  for (const line of lines) out += printLine(line, indent);
  return out;
}

function printLine(line: OutLine, indent: string): string {
  if (line.kind === "comment") return line.text.split("\n").map((l) => `${indent}// ${l}`.trimEnd()).join("\n") + "\n";
  return `${indent}${statementText(line, indent)}\n`;
}

function statementText(s: OutStatement, indent: string): string {
  let text = s.label !== undefined ? `${s.label}: ${s.name}` : s.name;
  text += argsText(s.args, indent);
  if (s.action) text += ` -> ${s.action.name}${argsText(s.action.args, indent)}`;
  if (s.body === undefined) return text;
  if (s.body.length === 0) return `${text} {}`;
  const only = s.body[0]!;
  if (s.compactBody && s.body.length === 1 && only.kind === "statement" && only.body === undefined && only.action === undefined && !only.args.some(isMultiline)) {
    const compact = `${text} { ${statementText(only, indent)} }`;
    if (indent.length + compact.length <= COMPACT_WIDTH) return compact;
  }
  return `${text} {\n${printLines(s.body, indent + INDENT)}${indent}}`;
}

function isMultiline(a: OutArg): boolean {
  return typeof a !== "string";
}

function argsText(args: readonly OutArg[], indent: string): string {
  let out = "";
  for (const a of args) {
    if (typeof a === "string") {
      out += ` ${a}`;
      continue;
    }
    // The closing quotes' indentation is removed from every line (strings.ts).
    const inner = indent + INDENT;
    out += ` """\n${a.lines.map((l) => (l === "" ? "" : inner + l)).join("\n")}\n${inner}"""`;
  }
  return out;
}
