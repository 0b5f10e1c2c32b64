/**
 * The generated half of `grammar/`: syntax diagrams and an EBNF text derived from the parser's own
 * grammar, and a vocabulary derived from the Bitrix24 model. Pure functions of the source (plus
 * Chevrotain's diagram scripts, read from node_modules), so `test/grammar.test.ts` can regenerate
 * everything in memory and compare; `scripts/generate-grammar.mjs` only writes the files.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { createSyntaxDiagramsCode, type ISerializedGast, type TokenType } from "chevrotain";
import { getSerializedGrammar, RECOVERY_RULES } from "../src/syntax/parser.js";
import { allTokens, AnyToken, WRITTEN_OUT_PATTERNS } from "../src/syntax/tokens.js";
import { BLOCK_TYPES, DTOS, getDto } from "../src/model/dtos.js";
import { DECLARATIONS, RAW_FORM, TRANSLATIONS_KEYWORD } from "../src/model/statements.js";
import { bindingPlan, bodyTakesFields, isStructural } from "../src/model/binding.js";
import { ENTITY_TYPES } from "../src/model/entities.js";
import type { Bound, DtoSpec, FieldSpec, FieldType, Limits, Support } from "../src/model/types.js";

export const GENERATED_FILES = ["syntax-diagrams.html", "grammar.ebnf", "vocabulary.md"] as const;
export type GeneratedFile = (typeof GENERATED_FILES)[number];

const COMMAND = "`npm run grammar` (scripts/generate-grammar.mjs)";

/** Every generated file, by name inside `grammar/`. `repoRoot` locates Chevrotain's diagram scripts. */
export function generateGrammarFiles(repoRoot: string): Record<GeneratedFile, string> {
  const grammar = languageGrammar(getSerializedGrammar());
  return {
    "syntax-diagrams.html": renderSyntaxDiagrams(grammar, diagramResourceReader(repoRoot)),
    "grammar.ebnf": renderEbnf(grammar),
    "vocabulary.md": renderVocabulary(),
  };
}

// ----- the grammar, without error recovery -----

/** A serialized Chevrotain production (the JSON of `getSerializedGastProductions`). */
export interface GastNode {
  readonly type: string;
  readonly name?: string;
  readonly label?: string;
  readonly idx?: number;
  readonly pattern?: string;
  readonly definition?: readonly GastNode[];
  readonly separator?: GastNode;
}

/**
 * The grammar as the language defines it: the parser's recovery rules (which always report an
 * error), and every alternative or repetition that calls one, are removed. An alternation left
 * with one alternative becomes a plain sequence.
 */
export function languageGrammar(rules: readonly GastNode[], recovery: ReadonlySet<string> = RECOVERY_RULES): GastNode[] {
  const isRecovery = (n: GastNode) =>
    (n.type === "NonTerminal" && recovery.has(n.name ?? "")) || (n.type === "Terminal" && n.name === AnyToken.name);
  const sequence = (defs: readonly GastNode[]): GastNode[] => defs.flatMap(clean);
  const writtenOut = new Map([...WRITTEN_OUT_PATTERNS].map(([t, pattern]) => [t.name, pattern.source]));
  function clean(node: GastNode): GastNode[] {
    if (isRecovery(node)) return [];
    if (node.type === "Alternation") {
      const alternatives = (node.definition ?? [])
        .filter((alt) => !(alt.definition ?? []).some(isRecovery))
        .map((alt) => ({ ...alt, definition: sequence(alt.definition ?? []) }));
      if (alternatives.length === 0) return [];
      if (alternatives.length === 1) return alternatives[0]!.definition;
      return [{ ...node, definition: alternatives }];
    }
    if (node.definition && node.type !== "Rule") {
      if (node.definition.some(isRecovery)) return [];
      const definition = sequence(node.definition);
      return definition.length === 0 ? [] : [{ ...node, definition }];
    }
    // A token matched by hand serializes its matcher as `{}`: show the expression it stands for.
    const written = node.type === "Terminal" ? writtenOut.get(node.name ?? "") : undefined;
    return [written === undefined ? node : { ...node, pattern: written }];
  }
  return rules.filter((r) => !recovery.has(r.name ?? "")).map((r) => ({ ...r, definition: sequence(r.definition ?? []) }));
}

// ----- syntax diagrams -----

/** Reads a file of Chevrotain's `diagrams/` folder. */
export type DiagramResourceReader = (path: string) => string;

function diagramResourceReader(repoRoot: string): DiagramResourceReader {
  const entry = createRequire(join(repoRoot, "package.json")).resolve("chevrotain");
  // The entry is <package>/lib/src/api.js.
  const diagrams = join(dirname(dirname(dirname(entry))), "diagrams");
  return (path) => readFileSync(join(diagrams, path), "utf8");
}

const RESOURCE = "b24layout-resource:";

/**
 * Chevrotain's syntax diagram page, with its scripts and style sheet inlined so the page works
 * offline and does not change when a CDN does.
 */
export function renderSyntaxDiagrams(grammar: readonly GastNode[], read: DiagramResourceReader): string {
  const page = createSyntaxDiagramsCode(grammar as ISerializedGast[], { resourceBase: RESOURCE, css: `${RESOURCE}diagrams.css` })
    .replace(/<script src='b24layout-resource:([^']+)'><\/script>/g, (_m, path: string) => `<script>\n${inline(read(path))}\n</script>`)
    .replace(/<link rel='stylesheet' href='b24layout-resource:([^']+)'>/g, (_m, path: string) => `<style>\n${inline(read(path))}\n</style>`)
    .replace("<!-- This is a generated file -->", "")
    .replace('<meta charset="utf-8">', '<meta charset="utf-8">\n<title>b24layout syntax diagrams</title>')
    .replace(/[ \t]+$/gm, "")
    .trimStart();
  return `<!-- Generated by ${COMMAND} from src/syntax/grammar.ts. Do not edit. -->\n${page.trimEnd()}\n`;
}

function inline(source: string): string {
  return source.replace(/<\/(script|style)/gi, "<\\/$1").trimEnd();
}

// ----- EBNF -----

/** Notes on what the parser decides by looking ahead, which the productions alone do not show. */
const RULE_NOTES: Readonly<Record<string, string>> = {
  statementList: "A statement ends at a line break or ';'.",
  statement:
    "An action may start on a later line: a line that starts with '->' continues the statement before it " +
    "(blank lines and comments in between are allowed).",
  argument:
    "A '{' is an argument (a map) only when its first entry is a key, ':' and a value (not a bare word); otherwise it opens the statement's body. " +
    "An empty '{}' is a body after a statement's arguments and a map after an action's arguments.",
  map: "Entries are separated by ',' or line breaks; a trailing ',' is allowed.",
  mapEntry: "A map value is a literal, a map or a list: never a bare word.",
  label: "A quoted label (\"1\":) may hold any text.",
  importDeclaration:
    "The Identifier after '}' is the word 'from'. An import is one line (it ends at a line break or ';'), " +
    "only at the top level of a file; 'import' is the one reserved word.",
  parameterList:
    "Parameters are separated by ','; a trailing ',' is allowed. Outside record types, a line break ends the list (a missing ')' is reported there) " +
    "unless the list plainly goes on: after '(', ',', ':', '|' or '=', or before ')', ',' or '|'; so a missing ')' never takes the declaration's body.",
  recordType: "Fields are separated by ',' or line breaks; a trailing ',' is allowed.",
  typeTerm: "The Identifier inside '[' … ']' is the word 'max', and the number after it a whole number: T[max 9] is a list of at most 9 items.",
};

/** A W3C-style EBNF text of the grammar, with the tokens and their patterns at the end. */
export function renderEbnf(grammar: readonly GastNode[], tokens: readonly TokenType[] = allTokens): string {
  const lines: string[] = [
    `/* Generated by ${COMMAND} from src/syntax/grammar.ts and src/syntax/tokens.ts. Do not edit. */`,
    "",
    "/*",
    " * The grammar of .b24layout files, in the notation of the W3C XML specification:",
    " * 'x' a literal token, A B sequence, A | B choice, A? optional, A* zero or more, A+ one or more.",
    " * Names in CamelCase are tokens (defined at the end); lowerCamel names are rules.",
    " * Spaces, tabs and comments may appear between any two tokens; line breaks are tokens (Newline).",
    " * The parser's error-recovery paths, which always report an error, are left out.",
    " */",
    "",
  ];
  const width = Math.max(...grammar.map((r) => (r.name ?? "").length));
  for (const rule of grammar) {
    const name = rule.name ?? "";
    const note = RULE_NOTES[name];
    if (note) lines.push(...comment(note));
    const defs = rule.definition ?? [];
    const head = `${name.padEnd(width)} ::= `;
    const only = defs.length === 1 ? defs[0]! : undefined;
    if (only?.type === "Alternation") {
      const alternatives = (only.definition ?? []).map((alt) => ebnfSequence(alt.definition ?? []));
      lines.push(head + alternatives[0]!, ...alternatives.slice(1).map((a) => `${" ".repeat(width + 3)}| ${a}`));
    } else {
      lines.push(head + ebnfSequence(defs));
    }
    lines.push("");
  }
  lines.push(...renderTokens(tokens));
  return `${lines.join("\n").trimEnd()}\n`;
}

/** A block comment wrapped at 100 columns. */
function comment(text: string): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(" ")) {
    if (line && line.length + word.length + 1 > 96) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  lines.push(line);
  return lines.length === 1 ? [`/* ${lines[0]} */`] : ["/*", ...lines.map((l) => ` * ${l}`), " */"];
}

function ebnfSequence(defs: readonly GastNode[]): string {
  return defs.map(ebnfItem).join(" ");
}

/** One production as an EBNF term: atoms stay bare, composites are parenthesized before a suffix. */
function ebnfItem(node: GastNode): string {
  const group = (defs: readonly GastNode[], suffix: string) => {
    const inner = ebnfSequence(defs);
    return defs.length === 1 && isAtom(defs[0]!) ? `${inner}${suffix}` : `( ${inner} )${suffix}`;
  };
  switch (node.type) {
    case "Terminal":
      return terminalName(node);
    case "NonTerminal":
      return node.name ?? "";
    case "Option":
      return group(node.definition ?? [], "?");
    case "Repetition":
      return group(node.definition ?? [], "*");
    case "RepetitionMandatory":
      return group(node.definition ?? [], "+");
    case "RepetitionWithSeparator":
    case "RepetitionMandatoryWithSeparator": {
      const item = ebnfSequence(node.definition ?? []);
      const sep = node.separator ? terminalName(node.separator) : "";
      const list = `( ${item} ( ${sep} ${item} )* )`;
      return node.type === "RepetitionWithSeparator" ? `${list}?` : list;
    }
    case "Alternation":
      return `( ${(node.definition ?? []).map((alt) => ebnfSequence(alt.definition ?? [])).join(" | ")} )`;
    case "Alternative":
      return ebnfSequence(node.definition ?? []);
    default:
      throw new Error(`Unknown grammar production '${node.type}'.`);
  }
}

function isAtom(node: GastNode): boolean {
  return node.type === "Terminal" || node.type === "NonTerminal" || node.type === "Alternation";
}

/** A literal token by its quoted label (`'{'`), any other by its name (`Identifier`). */
function terminalName(node: GastNode): string {
  const label = node.label ?? "";
  return /^'.+'$/.test(label) ? label : (node.name ?? "");
}

function renderTokens(tokens: readonly TokenType[]): string[] {
  const shown = tokens.filter((t) => t !== AnyToken);
  const width = Math.max(...shown.map((t) => t.name.length));
  const lines = [
    "/*",
    " * Tokens, tried in this order at each position: the first pattern that matches wins, except that",
    " * 'true', 'false' and 'null' give way to a longer name (trueish is a name). Patterns are",
    " * JavaScript regular expressions; a quoted literal stands for itself. The Unterminated* tokens",
    " * match what a missing closing delimiter leaves; they are always reported as errors.",
    " */",
    "",
  ];
  for (const t of shown) {
    const members = shown.filter((m) => m !== t && (m.CATEGORIES ?? []).includes(t));
    const pattern = t.PATTERN instanceof RegExp ? t.PATTERN : WRITTEN_OUT_PATTERNS.get(t);
    const literal = /^'.+'$/.test(t.LABEL ?? "") ? t.LABEL : undefined;
    const definition =
      literal ?? (pattern && pattern.source !== "NOT_APPLICABLE" ? `/${pattern.source}/` : members.map((m) => m.name).join(" | "));
    const notes: string[] = [];
    if (members.length > 0) notes.push("any of these");
    if (t.GROUP === "comments") notes.push("comment: kept aside, not a token of the grammar");
    else if (typeof t.GROUP === "string") notes.push("skipped");
    if (t.LONGER_ALT) notes.push("unless part of a longer name");
    if (t.name.startsWith("Unterminated")) notes.push("error");
    const note = notes.length > 0 ? `  /* ${notes.join("; ")} */` : "";
    lines.push(`${t.name.padEnd(width)} ::= ${definition}${note}`);
  }
  return lines;
}

// ----- vocabulary (from the model) -----

/** The vocabulary reference: declarations, block types and every DTO with its statements and fields. */
export function renderVocabulary(): string {
  const out: string[] = [
    `<!-- Generated by ${COMMAND} from src/model (statements.ts, dtos.ts, entities.ts). Do not edit. -->`,
    "",
    "# b24layout vocabulary",
    "",
    "What the statements of a `.b24layout` file mean: the declarations a file is made of, the content",
    "blocks, and for every Bitrix24 structure (DTO) the statements that build it, the shorthands of its",
    "head line and each of its fields. The syntax itself is described in [guide.md](guide.md) and",
    "[grammar.ebnf](grammar.ebnf).",
    "",
    "*Required* and *accepted* say where a rule holds: in the official docs, on the server, or both. They",
    "disagree in places: the checker reports what the server rejects as an error, and what only the docs",
    "forbid as a warning.",
    "",
    "## Declarations",
    "",
    "A file is a list of declarations. Each one writes `<name>.<kind>.json`.",
    "",
  ];
  for (const d of DECLARATIONS) {
    out.push(`### \`${d.keyword}\``, "", d.doc, "");
    out.push(`- Written as: \`${d.keyword} <name>${d.directives?.length ? ` [${d.directives.map((x) => x.word).join(" | ")}]` : ""} … { … }\``);
    out.push(`- Builds: ${dtoLink(d.dto)}`);
    out.push(`- Output: \`<name>.${d.outputKind}.json\`, for ${d.method}`);
    if (d.directives?.length) out.push(`- Directives after the name: ${d.directives.map((x) => code(x.word)).join(", ")}`);
    if (d.nameField) out.push(`- The name also sets \`${d.nameField}\` unless the body sets it.`);
    out.push("");
  }
  out.push(
    `### \`${TRANSLATIONS_KEYWORD}\``,
    "",
    "The project's translation table: one block per language id, one `key \"text\"` statement per text.",
    "A text field written `@key` takes the texts of `key` in every language.",
    "",
    "- Written as: `translations { <language> { <key> \"text\" … } … }`",
    "",
  );

  out.push(`### \`${RAW_FORM.keyword}\` (the raw form)`, "", RAW_FORM.doc, "", `- Written as: \`${RAW_FORM.syntax}\``, "");

  out.push("## Content blocks", "", "Statements named after a block type add a content block to a `blocks` collection.", "");
  out.push("| Statement | Properties | What it shows |", "|---|---|---|");
  for (const b of BLOCK_TYPES) out.push(`| \`${b.type}\` | ${dtoLink(b.dto)} | ${cell(b.doc)} |`);
  out.push("");

  out.push(
    "## Entity types",
    "",
    "Where a field takes a CRM entity type id (`for deal`, `ownerTypeId deal`), these words stand for the ids.",
    "",
    "| Word | Id | Server name |",
    "|---|---|---|",
  );
  for (const e of ENTITY_TYPES) out.push(`| \`${e.word}\` | ${e.id} | ${e.name} |`);
  out.push("");

  out.push("## Structures", "");
  for (const dto of DTOS) out.push(...renderDto(dto));
  return `${out.join("\n").trimEnd()}\n`;
}

function renderDto(dto: DtoSpec): string[] {
  const out = [`### ${dto.name}`, "", `${dto.doc} (${dto.title}, spec ${dto.spec})`, ""];
  out.push(
    !dto.closed
      ? "Open: any key is accepted."
      : dto.unknownKeys
        ? `Closed: the checker reports fields it does not know; the server ${dto.unknownKeys.note}.`
        : dto.serverClass !== undefined
          ? "Closed: the server rejects fields it does not know (FIELD_IS_REDUNDANT)."
          : "Closed: the checker reports fields it does not know.",
    "",
  );
  const writtenAs = writtenAsOf(dto);
  if (writtenAs.length > 0) out.push("Written as:", "", ...writtenAs.map((w) => `- ${w}`), "");
  const head = headLineOf(dto);
  if (head.length > 0) out.push("Head line and body:", "", ...head.map((h) => `- ${h}`), "");
  if (dto.fields.length > 0) {
    out.push("| Field | Type | Required | Values | Limits | Description |", "|---|---|---|---|---|---|");
    for (const f of dto.fields) {
      out.push(`| \`${f.name}\` | ${typeOf(f.type)} | ${requiredOf(f)} | ${valuesOf(f.type)} | ${limitsOf(f.type)} | ${cell(describe(f))} |`);
    }
    out.push("");
  }
  if (dto.variants) {
    out.push(`By \`${dto.variants.by}\`:`, "", `| \`${dto.variants.by}\` | Requires | Has an effect | What it does |`, "|---|---|---|---|");
    for (const [name, v] of Object.entries(dto.variants.cases)) {
      const required = Object.entries(v.required ?? {}).map(([f, s]) => `\`${f}\` (${supportWords(s)})`);
      out.push(`| \`${name}\` | ${required.join(", ") || "—"} | ${v.effective.map(code).join(", ") || "—"} | ${cell(v.doc)} |`);
    }
    out.push("");
  }
  return out;
}

/** Every way a DTO is written: declarations, member keywords, field statements, arrows, maps. */
function writtenAsOf(dto: DtoSpec): string[] {
  /** Places by form, in first-seen order, so that a form used in many DTOs is one line. */
  const ways = new Map<string, string[]>();
  const add = (form: string, place: string) => {
    const places = ways.get(form) ?? [];
    if (!places.includes(place)) places.push(place);
    ways.set(form, places);
  };
  for (const d of DECLARATIONS) if (d.dto === dto.name) add(`\`${d.keyword} <name> … { … }\``, "at the top level of a file");
  for (const b of BLOCK_TYPES) {
    if (b.dto === dto.name) add(`\`[key:] ${b.type} … { … }\`, as the properties of a \`${b.type}\` block`, "");
  }
  for (const parent of DTOS) {
    const plan = bindingPlan(parent.name);
    const spec = plan.spec;
    const link = dtoLink(parent.name);
    for (const f of parent.fields) {
      const t = f.type;
      if (t.kind === "object" && t.dto === dto.name) {
        if (spec.arrow === f.name) add("`-> <action type> …` after the head line", `${link} (\`${f.name}\`)`);
        if (spec.bodyField === f.name) add("`{ … }` after the head line", `${link} (\`${f.name}\`)`);
        // Where the body holds something else (options, members), fields are set in the head line only.
        const where = spec.bodyField || spec.membersByName ? `in the head line of ${link}` : `in the body of ${link}`;
        add(dto.name === "ActionDto" ? `\`${f.name} <action type> …\`` : `\`${f.name} …\``, where);
        if ((spec.flatten ?? []).includes(f.name)) add("its fields, written directly", `in the body of ${link}`);
      }
      if (t.kind === "collection" && t.of === dto.name) {
        const keyword = t.blockTypes ? "<block type>" : plan.memberKeyword(f.name);
        if (keyword) {
          const types = t.blockTypes ? ` (${t.blockTypes.map(code).join(", ")})` : "";
          add(`\`[key:] ${keyword} …\``, `in the body of ${link}${types}, into \`${f.name}\``);
        }
      }
      if (t.kind === "block" && dto.name === "ContentBlockDto") {
        add("one `<block type> …`", `in the body of ${link} (${t.blockTypes.map(code).join(", ")}), as \`${f.name}\``);
      }
      if (t.kind === "list" && t.dto === dto.name) {
        const keyword = plan.memberKeyword(f.name);
        if (keyword) add(`\`[name:] ${keyword} …\``, `in the body of ${link}, appended to \`${f.name}\``);
        if (spec.membersByName?.field === f.name) {
          add(`any statement \`<${spec.membersByName.nameField}> …\`, whose name sets \`${spec.membersByName.nameField}\``, `in the body of ${link}, appended to \`${f.name}\``);
        }
      }
    }
  }
  if (dto.name === "LanguageMap") add('a map `{ en: "…", de: "…" }`, or a body of `en "…"` statements', "where a text is expected");
  if (dto.name === "ScalarMap") add("a map `{ key: value, … }`, or a body of `key value` statements", "for `actionParams`");
  return [...ways].map(([form, places]) => (places.join("") === "" ? form : `${form}: ${places.join("; ")}`));
}

/** The head-line shorthands of a DTO's statement (`src/model/statements.ts`). */
function headLineOf(dto: DtoSpec): string[] {
  const plan = bindingPlan(dto.name);
  if (!plan.hasStatement) return [];
  const spec = plan.spec;
  const field = (name: string) => dto.fields.find((f) => f.name === name);
  const lines: string[] = [];
  if (spec.positional?.length) lines.push(`values (strings, numbers, @refs, maps, lists) fill, in order: ${spec.positional.map(code).join(", ")}`);
  for (const [variant, fields] of Object.entries(spec.positionalByVariant ?? {})) {
    lines.push(`after \`${variant}\`, values fill: ${fields.map(code).join(", ")}`);
  }
  for (const w of spec.words ?? []) {
    const t = field(w)?.type;
    const values = t?.kind === "enum" ? t.values.flatMap((v) => [v.value, ...(v.aliases ?? [])]) : [];
    lines.push(`a bare word among ${values.map(code).join(", ")} sets \`${w}\``);
  }
  if (spec.wordPositional?.length) lines.push(`another bare word fills: ${spec.wordPositional.map(code).join(", ")}`);
  if (spec.arrow) lines.push(`\`-> <action type> …\` sets \`${spec.arrow}\` (an ${dtoLink("ActionDto")})`);
  for (const [word, target] of Object.entries(spec.keywordAliases ?? {})) lines.push(`\`${word} <value>\` sets \`${target}\``);
  for (const [word, flag] of Object.entries(spec.flagAliases ?? {})) lines.push(`the word \`${word}\` sets \`${flag.field}\` to \`${String(flag.value)}\``);
  if (spec.labelField) lines.push(`the statement's label (\`main:\`) sets \`${spec.labelField}\``);
  if (spec.bodyField) lines.push(`the body sets \`${spec.bodyField}\``);
  if (plan.variantField) lines.push(`the statement's first word (or the word after \`->\`) sets \`${plan.variantField}\``);
  for (const via of spec.flatten ?? []) {
    const t = field(via)?.type;
    if (t?.kind === "object") lines.push(`the fields of \`${via}\` (${dtoLink(t.dto)}) may be written directly in the body`);
  }
  if (spec.membersByName) {
    const byValue = spec.membersByName.byValue;
    lines.push(
      `each statement of the body adds to \`${spec.membersByName.field}\`, named by its statement name` +
        (byValue ? ` (or \`${byValue} <value> …\`, named by the value, for names a template computes: \`${byValue} "UF_CRM_\${code}"\`)` : ""),
    );
  }
  const settable = dto.fields.filter((f) => !isStructural(f));
  if (settable.length > 0) {
    const inBody = bodyTakesFields(plan);
    lines.push(`\`<field> <value>\` sets a field of the table${inBody ? ", in the head line or as a statement of the body" : " in the head line"}`);
    const flags = settable.filter((f) => f.type.kind === "bool").map((f) => f.name);
    if (flags.length > 0) lines.push(`a boolean field written alone is true: ${flags.map(code).join(", ")}`);
  }
  return lines;
}

function typeOf(t: FieldType): string {
  switch (t.kind) {
    case "text":
      return "text: a string or a language map";
    case "string": {
      const format = t.format === "datetime" ? "date-time `YYYY-MM-DDThh:mm:ss±hh:mm`" : t.format === "hexColor" ? "colour `#RRGGBB`" : t.format === "countryCode" ? "country code (ISO 3166-1 alpha-2)" : undefined;
      if (format) return `string: ${format}`;
      return t.codes ? `string: ${t.codes} code` : "string";
    }
    case "int":
      return t.entityType ? "integer or entity type word" : "integer";
    case "bool":
      return "boolean";
    case "enum":
      return t.valueType === "int" ? "integer enum" : "enum";
    case "object":
      return dtoLink(t.dto);
    case "collection":
      return `collection of ${dtoLink(t.of)}`;
    case "block":
      return `one ${dtoLink("ContentBlockDto")}`;
    case "scalarMap":
      return `map of scalars (${dtoLink("ScalarMap")})`;
    case "list":
      return `list of ${t.dto ? dtoLink(t.dto) : typeOf(t.of)}`;
    case "constant":
      return `always \`${String(t.value)}\``;
  }
}

function valuesOf(t: FieldType): string {
  if (t.kind === "enum") {
    return t.values
      .map((v) => {
        let s = `\`${v.value}\``;
        if (v.aliases?.length) s += ` (${v.aliases.map(code).join(", ")})`;
        s += `: ${v.doc}`;
        if (v.accepted && !(v.accepted.docs && v.accepted.server)) s += ` Accepted: ${supportWords(v.accepted)}${v.note ? ` (${v.note})` : ""}.`;
        return cell(s);
      })
      .join("<br>");
  }
  if (t.kind === "collection" && t.blockTypes) return t.blockTypes.map(code).join(", ");
  if (t.kind === "block") return t.blockTypes.map(code).join(", ");
  if (t.kind === "list" && !t.dto) return valuesOf(t.of);
  return "";
}

function limitsOf(t: FieldType): string {
  const parts: string[] = [];
  if (t.kind === "int" && t.min !== undefined) parts.push(`≥ ${t.min}`);
  if (t.kind === "collection" || t.kind === "scalarMap" || (t.kind === "list" && t.limits)) parts.push(...countLimits(t.limits));
  if (t.kind === "list" && t.of.kind === "int" && t.of.min !== undefined) parts.push(`each ≥ ${t.of.min}`);
  if (t.kind === "collection") parts.push(`unlabelled members get keys \`${t.keyPrefix}_1\`, \`${t.keyPrefix}_2\`, …`);
  return parts.join("; ");
}

function countLimits(limits: Limits | undefined): string[] {
  const parts: string[] = [];
  if (limits?.min) parts.push(bound("at least", limits.min));
  if (limits?.max) parts.push(bound("at most", limits.max));
  return parts;
}

function bound(words: string, b: Bound): string {
  if (b.docs !== undefined && b.docs === b.server) return `${words} ${b.docs}`;
  const parts: string[] = [];
  if (b.docs !== undefined) parts.push(`${b.docs} (docs)`);
  if (b.server !== undefined) parts.push(`${b.server} (server)`);
  return `${words} ${parts.join(", ")}`;
}

function requiredOf(f: FieldSpec): string {
  if (!f.required || (!f.required.docs && !f.required.server)) return "";
  return f.required.docs && f.required.server ? "yes" : `${supportWords(f.required)}`;
}

function describe(f: FieldSpec): string {
  let s = f.doc;
  if (f.default !== undefined) s += ` Default: \`${f.default}\`.`;
  if (f.accepted && !(f.accepted.docs && f.accepted.server)) s += ` Accepted: ${supportWords(f.accepted)}.`;
  if (f.note) s += ` Note: ${f.note}.`;
  return s;
}

function supportWords(s: Support): string {
  if (s.docs && s.server) return "docs and server";
  if (s.docs) return "docs only";
  if (s.server) return "server only";
  return "neither docs nor server";
}

function dtoLink(name: string): string {
  return getDto(name) ? `[${name}](#${name.toLowerCase()})` : name;
}

function code(s: string): string {
  return `\`${s}\``;
}

/** Text safe inside a Markdown table cell. */
function cell(s: string): string {
  return s.replace(/\|/g, "\\|").replace(/\n/g, " ");
}
