/**
 * A compact, unambiguous rendering of the AST for table-driven parser tests: every node kind
 * prints differently, so a table row shows the whole shape of a parse on one line.
 *
 *   statement  `label: name arg… -> action arg… { statement; … }`   (missing name: `<missing>`)
 *   word       `bold`            string `"text"` (multi-line: `"""text"""`)
 *   number     its source text   map `map{key: value, …}`   list `[a, b]`   ref `@key`
 *   parameter  `$name`   interpolated string `template"…"`   parameter list `(name: type = default)`
 */
import type { Argument, Document, Label, Statement, TypeNode, Value } from "../../src/syntax/ast.js";
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
  if (a.kind === "ParameterList") return `(${a.parameters.map((p) => `${p.name.name}${p.optional ? "?" : ""}: ${p.type ? renderType(p.type) : "<missing>"}${p.defaultValue ? ` = ${renderValue(p.defaultValue)}` : ""}`).join(", ")})`;
  return a.kind === "Identifier" ? a.name : renderValue(a);
}

function renderType(t: TypeNode): string {
  switch (t.kind) {
    case "NamedType":
      return t.name;
    case "LiteralType":
      return JSON.stringify(t.value);
    case "ListType":
      return `${renderType(t.of)}${t.max ? `[max ${t.max.raw}]` : "[]"}`;
    case "UnionType":
      return t.members.map(renderType).join(" | ");
    case "RecordType":
      return `{ ${t.fields.map((f) => `${f.name.name}${f.optional ? "?" : ""}: ${f.type ? renderType(f.type) : "<missing>"}`).join(", ")} }`;
  }
}

function renderValue(v: Value): string {
  switch (v.kind) {
    case "String": {
      const text = JSON.stringify(v.value);
      const shown = v.parts ? `template${text}` : text;
      return v.multiline ? `"""${shown}"""` : shown;
    }
    case "Number":
      return v.raw;
    case "Boolean":
      return String(v.value);
    case "Null":
      return "null";
    case "TranslationRef":
      return `@${v.key}`;
    case "ParamRef":
      return `$${v.path.join(".")}`;
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
