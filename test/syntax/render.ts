/**
 * A compact, unambiguous rendering of the AST for table-driven parser tests: every node kind
 * prints differently, so a table row shows the whole shape of a parse on one line.
 *
 *   statement  `label: name arg… -> action arg… { statement; … }`   (missing name: `<missing>`)
 *   word       `bold`            string `"text"` (multi-line: `"""text"""`)
 *   number     its source text   map `map{key: value, …}`   list `[a, b]`   ref `@key`
 */
import type { Argument, Document, Label, Statement, Value } from "../../src/syntax/ast.js";
import type { Diagnostic } from "../../src/diagnostic.js";

export function renderDocument(doc: Document): string[] {
  return doc.statements.map(renderStatement);
}

export function renderStatement(s: Statement): string {
  let out = s.label ? `${renderLabel(s.label)}: ` : "";
  out += s.name.name === "" ? "<missing>" : s.name.name;
  for (const a of s.args) out += ` ${renderArgument(a)}`;
  if (s.action) {
    out += ` -> ${s.action.name.name === "" ? "<missing>" : s.action.name.name}`;
    for (const a of s.action.args) out += ` ${renderArgument(a)}`;
  }
  if (s.body) out += s.body.statements.length === 0 ? " { }" : ` { ${s.body.statements.map(renderStatement).join("; ")} }`;
  return out;
}

function renderLabel(l: Label): string {
  return l.quoted ? JSON.stringify(l.value) : l.value;
}

export function renderArgument(a: Argument): string {
  return a.kind === "Identifier" ? a.name : renderValue(a);
}

function renderValue(v: Value): string {
  switch (v.kind) {
    case "String":
      return v.multiline ? `"""${JSON.stringify(v.value)}"""` : JSON.stringify(v.value);
    case "Number":
      return v.raw;
    case "Boolean":
      return String(v.value);
    case "Null":
      return "null";
    case "TranslationRef":
      return `@${v.key}`;
    case "Map":
      return `map{${v.entries.map((e) => `${renderLabel(e.key)}: ${renderValue(e.value)}`).join(", ")}}`;
    case "List":
      return `[${v.items.map(renderValue).join(", ")}]`;
  }
}

/** `line:column-line:column message`, the form recovery tests assert. */
export function renderDiagnostic(d: Diagnostic): string {
  return `${d.range.start.line}:${d.range.start.column}-${d.range.end.line}:${d.range.end.column} ${d.message}`;
}
