/**
 * The decompiler: a JSON payload to `.b24layout` statements, driven by the model. It is the
 * lowering (src/lower/lower.ts) run backwards: for each DTO it reads the statement spec
 * (positional values, enum words, flags, the `->` action, flattened objects, label fields, body
 * fields, named members) and writes the shortest form the lowering reads back to the same JSON,
 * checking each shorthand with the same binding order the lowering uses (plan.ts). Where a
 * shorthand would be read otherwise it writes the explicit form (`name value` in a body); what
 * the language cannot write at all is left out with a warning.
 */
import type { Json } from "../emit/json.js";
import { entityById } from "../model/entities.js";
import type { DeclarationSpec, EnumValue, FieldSpec, FieldType } from "../model/types.js";
import { COLLECTION_MEMBER_KEYWORDS } from "../model/statements.js";
import type { ImportDiagnostic, ImportDiagnosticCode } from "./diagnostics.js";
import type { JsonChange, JsonPath } from "./json-path.js";
import { describeNode, jsonValue, property, type JsonNode, type JsonObject, type JsonProperty, type JsonScalar } from "./json-tree.js";
import { isSafeWord, isWord, labelText, multilineLines, numberText, quoted } from "./literals.js";
import { blockDto, bodyStatementBinding, bodyTakesFields, headWordBinding, isStructural, plan, positionalFields, type Plan } from "./plan.js";
import type { OutArg, OutLine, OutStatement } from "./printer.js";
import { normaliseScalar } from "./quirks.js";
import type { TranslationTableBuilder } from "./translations.js";
import type { Range } from "../syntax/ast.js";
import { withArticle } from "../lower/lower.js";
import { appendAll } from "../util/append.js";

export interface DecompileContext {
  readonly keepQuirks: boolean;
  /** Collects language maps as `@key` (`--extract-translations`); inline maps without it. */
  readonly translations: TranslationTableBuilder | undefined;
  /** Where the warnings go. */
  readonly diagnostics: ImportDiagnostic[];
}

/** Where a value is written: a statement's arguments, an action clause (`-> …`), or inside a map or list. */
type ValueContext = "statement" | "clause" | "literal";

interface StatementOptions {
  readonly label?: string;
  /** Arguments before the head's own (a declaration's name, a named member's `field "x"`). */
  readonly prefix?: readonly OutArg[];
  /** Arguments after the head's own (a declaration's directives). */
  readonly suffix?: readonly OutArg[];
  /** Keys written by the caller (a section's name as its label). */
  readonly skip?: ReadonlySet<string>;
  /** The action variant, for its positional fields. */
  readonly variant?: string;
  /** A declaration: only words and keyword aliases go in the head; every field is a body statement. */
  readonly declaration?: boolean;
  /** Write `{}` even when nothing goes in the body (a content block's empty `properties`). */
  readonly forceBody?: boolean;
  /** An action clause: there `{}` is an empty map, not a body. */
  readonly clause?: boolean;
  /** A member (a block, tag, button, item, section or element), not a field's object. */
  readonly member?: boolean;
}

const EMPTY: ReadonlySet<string> = new Set();

export class Decompiler {
  constructor(private readonly ctx: DecompileContext) {}

  private warn(code: ImportDiagnosticCode, message: string, path: JsonPath, range: Range, change?: JsonChange): void {
    this.ctx.diagnostics.push({ severity: "warning", code, message, path, range, ...(change ? { change } : {}) });
  }

  // ----- declarations -----

  /** `keyword name head… { body }` for a declaration whose body builds `spec.dto`. */
  declaration(spec: DeclarationSpec, name: string, obj: JsonObject, path: JsonPath, options: { skip?: ReadonlySet<string>; head?: readonly OutArg[]; suffix?: readonly OutArg[] } = {}): OutStatement {
    const s = this.statement(spec.keyword, plan(spec.dto), obj, path, {
      prefix: [name, ...(options.head ?? [])],
      suffix: options.suffix ?? [],
      skip: options.skip ?? EMPTY,
      declaration: true,
      forceBody: true,
    });
    return s;
  }

  /** The sections of a card (`data`), as `section` statements: for a bare data array. */
  listMembers(owner: Plan, fieldName: string, node: JsonNode, path: JsonPath): OutLine[] {
    const field = owner.fields.get(fieldName)!;
    return this.listField(owner, field, node, path);
  }

  // ----- statements -----

  /**
   * `[label:] name head… [-> action] [{ body }]` for an object of `p.dto`. The head takes, in
   * this order: required enum words (`tag warning`), the positional values the spec lists (`"Hello"`),
   * then in the JSON's order optional enum words, flags (`bold`), flag aliases (`always`) and
   * `field value` pairs; the action goes after `->`; everything else is a body statement.
   */
  statement(name: string, p: Plan, obj: JsonObject, path: JsonPath, options: StatementOptions = {}): OutStatement {
    const skip = options.skip ?? EMPTY;
    const entries = obj.entries.filter((e) => !skip.has(e.key));
    const declaration = options.declaration === true;
    const where: ValueContext = options.clause ? "clause" : "statement";
    const head: OutArg[] = [...(options.prefix ?? [])];
    const body: OutLine[] = [];
    let action: OutStatement["action"];
    let compactBody = false;
    let needBody = options.forceBody === true;
    const taken = new Set<string>();
    /** Normalised values, so a value is normalised (and reported) once. */
    const values = new Map<JsonProperty, JsonNode>();
    const valueOf = (e: JsonProperty, field: FieldSpec): JsonNode => {
      let v = values.get(e);
      if (v === undefined) {
        v = this.normalised(field.type, e.value, [...path, e.key]);
        values.set(e, v);
      }
      return v;
    };

    // 1. Required enum words first: `tag warning "…"`, `button primary "…"`, `badge missedCall failure`.
    for (const wordField of p.spec.words ?? []) {
      const field = p.fields.get(wordField);
      const e = entries.find((x) => x.key === wordField);
      if (!field || !e || !field.required) continue;
      const word = this.headWord(p, field, valueOf(e, field), taken);
      if (word === undefined) continue;
      head.push(word);
      taken.add(field.name);
    }

    // 2. Positional values, as far as the spec's list is written in order: a gap would shift the rest.
    let multiline: { readonly index: number; readonly lines: readonly string[] } | undefined;
    let positionalCount = 0;
    if (!declaration) {
      for (const fieldName of positionalFields(p, options.variant)) {
        const field = p.fields.get(fieldName);
        const e = entries.find((x) => x.key === fieldName);
        if (!field || !e || taken.has(fieldName) || isStructural(field) || field.type.kind === "object") break;
        const value = valueOf(e, field);
        let arg: OutArg | undefined;
        if ((p.spec.wordPositional ?? []).includes(fieldName) && value.kind === "scalar" && typeof value.value === "string" && isSafeWord(value.value)) {
          const binding = headWordBinding(p, value.value, taken);
          if (binding.kind === "wordPositional" && binding.field === fieldName) arg = value.value;
        }
        if (arg === undefined) {
          arg = this.valueArg(field.type, value, [...path, e.key], "literal", where);
          if (value.kind === "scalar" && typeof value.value === "string") {
            const lines = multilineLines(value.value);
            if (lines) multiline = { index: head.length, lines };
          }
        }
        if (arg === undefined) break;
        head.push(arg);
        taken.add(fieldName);
        positionalCount++;
      }
    }

    // 3. Everything else, in the JSON's order. A member without shorthands (`deadline`) still takes
    // `field value` in its head, unless its body holds members anyway; a field's object (`menu`) has them in its body.
    const headTakesFields =
      p.hasHead ||
      (options.member === true &&
      !entries.some((e) => {
        const f = p.fields.get(e.key);
        return !f || isStructural(f) || f.type.kind === "object";
      }));
    for (const e of entries) {
      if (taken.has(e.key)) continue;
      const field = p.fields.get(e.key);
      const at = [...path, e.key];
      if (!field) {
        appendAll(body, this.unknownEntry(p, e, at));
        continue;
      }
      const t = field.type;
      if (t.kind === "collection") {
        appendAll(body, this.collection(p, field, e.value, at));
        continue;
      }
      if (t.kind === "block") {
        const block = this.blockMember(p, field, e.value, undefined, at);
        if (block) {
          body.push(block);
          compactBody = true;
        }
        continue;
      }
      if (t.kind === "list" && t.dto !== undefined) {
        appendAll(body, this.listField(p, field, e.value, at));
        continue;
      }
      if (t.kind === "constant") {
        if (!(e.value.kind === "scalar" && e.value.value === t.value)) {
          this.warn("made-explicit", `${describeNode(e.value)} cannot be written: b24layout always writes "${field.name}": ${JSON.stringify(t.value)}`, at, e.value.range, {
            op: "replace",
            path: at,
            value: t.value,
          });
        }
        continue;
      }
      if (p.bodyField && field.name === p.bodyField.name) {
        const options = this.dataBody(field, e.value, at);
        if (options) {
          appendAll(body, options);
          compactBody = true;
          // The body is the object: even an empty one is written, as `{}`.
          needBody = true;
        }
        continue;
      }
      if (t.kind === "object") {
        if (!declaration && p.spec.arrow === field.name && p.hasHead) {
          const clause = this.actionClause(plan(t.dto), e.value, at);
          if (clause) {
            action = clause;
            continue;
          }
        }
        // An object of scalars only (sliderParams) fits the head as a map: `sliderParams { width: 700 }`.
        if (!declaration && (headTakesFields || options.clause) && isFlat(t.dto) && e.value.kind === "object") {
          const args = this.keywordArgs(p, field, e.value, at, taken, where);
          if (args) {
            appendAll(head, args);
            taken.add(field.name);
            continue;
          }
        }
        if (p.spec.flatten?.includes(field.name)) {
          appendAll(body, this.flattened(p, field, e.value, at));
          continue;
        }
        const s = this.fieldObject(p, field, e.value, at);
        if (s) body.push(s);
        continue;
      }
      // A plain field: in the head when the statement has one, else a body statement.
      const value = valueOf(e, field);
      const inHead = declaration ? this.declarationHeadArgs(p, field, value, at, taken) : headTakesFields ? this.headArgs(p, field, value, at, taken, where) : undefined;
      if (inHead) {
        appendAll(head, inHead);
        taken.add(field.name);
        continue;
      }
      const s = this.plainStatement(p, field, value, at);
      if (s) body.push(s);
    }

    // A long text as the last argument: a `"""` block (only when it is the one positional value, so no binding moves).
    if (multiline && positionalCount === 1 && action === undefined && !options.clause) {
      head.splice(multiline.index, 1);
      head.push({ kind: "multiline", lines: multiline.lines });
    }
    appendAll(head, options.suffix ?? []);
    this.reportAbsent(p, obj, path, skip);

    const out: { -readonly [K in keyof OutStatement]: OutStatement[K] } = { kind: "statement", name, args: head };
    if (options.label !== undefined) out.label = options.label;
    if (action) out.action = action;
    if (body.length > 0 || needBody) out.body = body;
    if (compactBody) out.compactBody = true;
    // A lone map would be read as the object itself, and a lone word as a declaration's name; a body keeps them arguments.
    const only = head.length === 1 && out.action === undefined && out.body === undefined ? head[0] : undefined;
    if (typeof only === "string" && !declaration && !options.clause && ((only.startsWith("{") && !mapIsTitle(p)) || (p.declaration !== undefined && isWord(only)))) out.body = [];
    return out;
  }

  /** Head arguments for a plain field, or undefined when it goes in the body. */
  private headArgs(p: Plan, field: FieldSpec, value: JsonNode, path: JsonPath, taken: ReadonlySet<string>, where: ValueContext): OutArg[] | undefined {
    const word = this.headWord(p, field, value, taken);
    if (word !== undefined) return [word];
    if (value.kind === "scalar") {
      if (field.type.kind === "bool" && value.value === true && isSafeWord(field.name)) {
        const binding = headWordBinding(p, field.name, taken);
        if (binding.kind === "keyword" && binding.field.name === field.name) return [field.name];
      }
      for (const [alias, flag] of Object.entries(p.spec.flagAliases ?? {})) {
        if (flag.field !== field.name || flag.value !== value.value || !isSafeWord(alias)) continue;
        const binding = headWordBinding(p, alias, taken);
        if (binding.kind === "flag" && binding.field === field.name) return [alias];
      }
    }
    return this.keywordArgs(p, field, value, path, taken, where);
  }

  /** A declaration's head holds enum words (`failure`) and keyword aliases (`for deal`); the rest is its body. */
  private declarationHeadArgs(p: Plan, field: FieldSpec, value: JsonNode, path: JsonPath, taken: ReadonlySet<string>): OutArg[] | undefined {
    const word = this.headWord(p, field, value, taken);
    if (word !== undefined) return [word];
    const aliases = p.spec.keywordAliases ?? {};
    if (Object.values(aliases).includes(field.name)) return this.keywordArgs(p, field, value, path, taken, "statement");
    return undefined;
  }

  /** `field value` (or `alias value`) in a head, when the word binds to the field and the value can be an argument. */
  private keywordArgs(p: Plan, field: FieldSpec, value: JsonNode, path: JsonPath, taken: ReadonlySet<string>, context: ValueContext): OutArg[] | undefined {
    const aliases = p.spec.keywordAliases ?? {};
    const alias = Object.keys(aliases).find((a) => aliases[a] === field.name && isSafeWord(a));
    const keyword = alias ?? field.name;
    if (!isSafeWord(keyword)) return undefined;
    const binding = headWordBinding(p, keyword, taken);
    if (binding.kind !== "keyword" || binding.field.name !== field.name) return undefined;
    // A bool keyword takes only `true`/`false` after it; before anything else it is a flag (`showPostponeItem "false"` goes in the body).
    if (field.type.kind === "bool" && !(value.kind === "scalar" && typeof value.value === "boolean")) return undefined;
    const arg = this.valueArg(field.type, value, path, "statement", context);
    if (arg === undefined || typeof arg !== "string") return undefined;
    return [keyword, arg];
  }

  /**
   * An enum value as a bare head word (`tag warning`, `-> restEvent "x" loader`) when the spec
   * lists the field in `words` and the word binds to it. Where the spec lists several word fields
   * (a text's size and colour), `size sm` reads better than a bare `sm`: the bare word is for the one.
   */
  private headWord(p: Plan, field: FieldSpec, value: JsonNode, taken: ReadonlySet<string>): string | undefined {
    const words = p.spec.words ?? [];
    if (words.length !== 1 || words[0] !== field.name || field.type.kind !== "enum" || value.kind !== "scalar") return undefined;
    const word = enumWord(field.type, value.value);
    if (word === undefined) return undefined;
    const binding = headWordBinding(p, word, taken);
    return binding.kind === "word" && binding.field.name === field.name ? word : undefined;
  }

  /** `name value` in a body. */
  private plainStatement(p: Plan, field: FieldSpec, value: JsonNode, path: JsonPath): OutStatement | undefined {
    if (!this.bindsInBody(p, field.name, field)) return this.leaveOut(value, path, `'${field.name}' cannot be written in ${withArticle(p.dto.title)} statement`);
    const arg = this.valueArg(field.type, value, path, "statement", "statement");
    if (arg !== undefined) return { kind: "statement", name: field.name, args: [arg] };
    // An empty map cannot be an argument (`{}` after a statement is its body): the body form is the map.
    if (value.kind === "object" && value.entries.length === 0 && (field.type.kind === "text" || field.type.kind === "scalarMap" || field.type.kind === "object")) {
      return { kind: "statement", name: field.name, args: [], body: [] };
    }
    return this.leaveOut(value, path, `${describeNode(value)} cannot be written as the value of '${field.name}'`);
  }

  /** Whether a statement named `name` in a body of `p` sets `field` (directly or through a flattened object). */
  private bindsInBody(p: Plan, name: string, field: FieldSpec): boolean {
    if (!bodyTakesFields(p) || !isWord(name)) return false;
    const binding = bodyStatementBinding(p, name);
    return (binding.kind === "plain" && binding.field.name === field.name) || (binding.kind === "flattened" && binding.flattened.field.name === field.name);
  }

  /** An object field written as a statement: `header "T" { … }`, `logo call-incoming`, `action redirect "/x"`. */
  private fieldObject(p: Plan, field: FieldSpec, node: JsonNode, path: JsonPath): OutStatement | undefined {
    if (!this.bindsInBody(p, field.name, field)) return this.leaveOut(node, path, `'${field.name}' cannot be written in ${withArticle(p.dto.title)} statement`);
    const t = field.type;
    if (t.kind !== "object") return undefined;
    if (node.kind !== "object") return this.leaveOut(node, path, `expected ${withArticle(plan(t.dto).dto.title)} object { … }, found ${describeNode(node)}`);
    const inner = plan(t.dto);
    if (inner.spec.variantField !== undefined) return this.variantStatement(field.name, inner, node, path);
    return this.statement(field.name, inner, node, path, { forceBody: node.entries.length === 0 });
  }

  /** `fields`, `extras`: their fields written straight in the owner's body when every one binds there. */
  private flattened(p: Plan, via: FieldSpec, node: JsonNode, path: JsonPath): OutLine[] {
    if (node.kind === "object" && node.entries.length > 0 && via.type.kind === "object") {
      const inner = plan(via.type.dto);
      const all = node.entries.every((e) => {
        const binding = isWord(e.key) ? bodyStatementBinding(p, e.key) : undefined;
        return binding?.kind === "flattened" && binding.flattened.via.name === via.name && binding.flattened.field.name === e.key;
      });
      if (all) {
        const lines: OutLine[] = [];
        for (const e of node.entries) {
          const field = inner.fields.get(e.key)!;
          const at = [...path, e.key];
          const s = field.type.kind === "object" ? this.fieldObject(p, field, e.value, at) : this.plainStatement(p, field, this.normalised(field.type, e.value, at), at);
          if (s) lines.push(s);
        }
        // Everything in it was left out: the object itself stays, empty.
        if (lines.length === 0 && this.bindsInBody(p, via.name, via)) return [{ kind: "statement", name: via.name, args: [], body: [] }];
        return lines;
      }
    }
    const s = this.fieldObject(p, via, node, path);
    return s ? [s] : [];
  }

  /** A key the model does not know: `key value` where the body takes fields (the checker reports it), else left out. */
  private unknownEntry(p: Plan, e: JsonProperty, path: JsonPath): OutLine[] {
    if (bodyTakesFields(p) && isWord(e.key) && bodyStatementBinding(p, e.key).kind === "unknown") {
      this.unknownField(p.dto.title, e.key, e.keyRange, path);
      const arg = this.valueArg({ kind: "string" }, e.value, path, "literal", "statement");
      if (arg !== undefined) return [{ kind: "statement", name: e.key, args: [arg] }];
      return [{ kind: "statement", name: e.key, args: [], body: [] }];
    }
    this.leaveOut(e.value, path, `${JSON.stringify(e.key)} is not a field of ${withArticle(p.dto.title)}, and cannot be written as a statement`);
    return [];
  }

  /** A body that is data (an element's options): its fields as statements. */
  private dataBody(field: FieldSpec, node: JsonNode, path: JsonPath): readonly OutLine[] | undefined {
    if (field.type.kind !== "object") return undefined;
    const inner = plan(field.type.dto);
    if (node.kind !== "object") {
      this.leaveOut(node, path, `expected ${withArticle(inner.dto.title)} object { … }, found ${describeNode(node)}`);
      return undefined;
    }
    return this.bodyOnly(inner, node, path);
  }

  /** Fields the compiler writes although the input does not have them: a required collection as {}, a constant. */
  private reportAbsent(p: Plan, obj: JsonObject, path: JsonPath, skip: ReadonlySet<string>): void {
    for (const field of p.dto.fields) {
      if (skip.has(field.name) || property(obj, field.name)) continue;
      const t = field.type;
      let value: Json | undefined;
      if (t.kind === "constant") value = t.value;
      else if (t.kind === "collection" && field.required?.server) value = Object.create(null) as Json;
      if (value === undefined) continue;
      this.warn(
        "made-explicit",
        `${withArticle(p.dto.title)} without '${field.name}': b24layout always writes "${field.name}": ${JSON.stringify(value)}`,
        [...path, field.name],
        obj.range,
        { op: "add", path: [...path, field.name], value },
      );
    }
  }

  // ----- members -----

  /** The members of an associative collection: tags, blocks, buttons, menu items. */
  private collection(owner: Plan, field: FieldSpec, node: JsonNode, path: JsonPath): OutLine[] {
    const t = field.type;
    if (t.kind !== "collection") return [];
    let members: readonly { readonly key: string; readonly value: JsonNode }[];
    if (node.kind === "array") {
      this.warn(
        "normalised",
        `a list where Bitrix24 takes an object keyed by name: written as members keyed "0", "1", … (the server reads a list the same way)`,
        path,
        node.range,
        { op: "replace", path, value: objectOfItems(node.items) },
      );
      members = node.items.map((value, i) => ({ key: String(i), value }));
    } else if (node.kind === "object") {
      members = node.entries;
    } else {
      const why = `expected an object of ${field.name}, found ${describeNode(node)}`;
      if (!field.required?.server) return this.leaveOutLines(node, path, why);
      // A required collection is written all the same, as {}.
      this.warn("left-out", `${why}; written as {}`, path, node.range, { op: "replace", path, value: Object.create(null) as Json });
      return [];
    }
    if (members.length === 0) {
      if (!field.required?.server) {
        this.warn("left-out", `an empty '${field.name}' is left out: b24layout writes no empty optional collection (the server reads both alike)`, path, node.range, {
          op: "remove",
          path,
        });
      }
      return [];
    }
    const lines: OutLine[] = [];
    // Generated keys count the members the lowering keeps: after one is left out, every key is written.
    let positionsHold = true;
    members.forEach((m, i) => {
      const at = [...path, m.key];
      const generated = `${t.keyPrefix}_${i + 1}`;
      const label = positionsHold && m.key === generated ? undefined : labelText(m.key);
      const s = t.blockTypes ? this.blockMember(owner, field, m.value, label, at) : this.collectionMember(owner, field, t.of, m.value, label, at);
      if (s) lines.push(s);
      // A member the lowering drops (an unknown block type) takes no position either.
      if (!s || ("known" in s && !s.known)) positionsHold = false;
    });
    if (lines.length === 0 && !field.required?.server) this.emptied(field, node, path);
    return lines;
  }

  private collectionMember(owner: Plan, field: FieldSpec, of: string, node: JsonNode, label: string | undefined, path: JsonPath): OutStatement | undefined {
    const keyword = COLLECTION_MEMBER_KEYWORDS[of];
    const binding = keyword !== undefined ? bodyStatementBinding(owner, keyword) : undefined;
    if (keyword === undefined || binding?.kind !== "member" || binding.field.name !== field.name) {
      return this.leaveOut(node, path, `the members of '${field.name}' have no statement`);
    }
    if (node.kind !== "object") return this.leaveOut(node, path, `expected ${withArticle(plan(of).dto.title)} object { … }, found ${describeNode(node)}`);
    return this.statement(keyword, plan(of), node, path, { member: true, ...(label !== undefined ? { label } : {}) });
  }

  /** A content block: the statement named by its type, whose head and body are its properties. */
  private blockMember(owner: Plan, field: FieldSpec, node: JsonNode, label: string | undefined, path: JsonPath): (OutStatement & { known: boolean }) | undefined {
    if (node.kind !== "object") return this.leaveOut(node, path, `expected a content block { "type": …, "properties": … }, found ${describeNode(node)}`);
    const typeEntry = property(node, "type");
    const type = typeEntry?.value.kind === "scalar" ? typeEntry.value.value : undefined;
    if (typeof type !== "string" || !isWord(type)) {
      const what = typeEntry ? `its type ${describeNode(typeEntry.value)} cannot be a statement name` : "it has no type";
      return this.leaveOut(node, path, `the content block cannot be written: ${what}`);
    }
    const binding = bodyStatementBinding(owner, type);
    const known = binding.kind === "member" && binding.field.name === field.name;
    if (!known && binding.kind !== "unknown") return this.leaveOut(node, path, `a content block of type '${type}' cannot be written here: the name means something else`);
    const dto = known ? blockDto(type) : undefined;
    if (dto === undefined) {
      this.warn("unknown-field", `'${type}' is not a content block type: written as is, for the checker to report; it compiles to nothing`, path, typeEntry!.value.range, {
        op: "remove",
        path,
      });
    }
    for (const e of node.entries) {
      if (e.key !== "type" && e.key !== "properties") this.leaveOut(e.value, [...path, e.key], `${JSON.stringify(e.key)} is not a field of a content block`);
    }
    const props = property(node, "properties");
    const base: OutStatement = label !== undefined ? { kind: "statement", label, name: type, args: [] } : { kind: "statement", name: type, args: [] };
    if (!props) return { ...base, known };
    const at = [...path, "properties"];
    if (props.value.kind !== "object") {
      this.leaveOut(props.value, at, `expected the block's properties { … }, found ${describeNode(props.value)}`);
      return { ...base, known };
    }
    if (dto === undefined) {
      // A type the model does not know: its properties as `name value` statements; the checker reports the type.
      const body = props.value.entries.flatMap((e): OutLine[] => {
        if (!isWord(e.key)) return this.leaveOutLines(e.value, [...at, e.key], `${JSON.stringify(e.key)} cannot be written as a statement`);
        const arg = this.valueArg({ kind: "string" }, e.value, [...at, e.key], "literal", "statement");
        return [arg !== undefined ? { kind: "statement", name: e.key, args: [arg] } : { kind: "statement", name: e.key, args: [], body: [] }];
      });
      return { ...base, body, known: false };
    }
    const s = this.statement(type, plan(dto), props.value, at, { member: true, ...(label !== undefined ? { label } : {}) });
    // The block has properties: a statement with nothing after its name would have none (the lowering writes them only then).
    if (s.args.length === 0 && s.action === undefined && s.body === undefined) return { ...s, body: [], known: true };
    return { ...s, known: true };
  }

  /** A list of DTOs written as member statements (a card's sections). */
  private listField(owner: Plan, field: FieldSpec, node: JsonNode, path: JsonPath): OutLine[] {
    const t = field.type;
    if (t.kind !== "list" || t.dto === undefined) return [];
    if (node.kind !== "array") return this.leaveOutLines(node, path, `expected a list of ${plan(t.dto).dto.title}s, found ${describeNode(node)}`);
    if (node.items.length === 0) {
      this.warn("left-out", `an empty '${field.name}' list is left out: b24layout writes '${field.name}' only with members`, path, node.range, { op: "remove", path });
      return [];
    }
    const members = owner.spec.membersByName?.field === field.name ? owner.spec.membersByName : undefined;
    const lines: OutLine[] = [];
    node.items.forEach((item, i) => {
      const at = [...path, i];
      const s = members ? this.namedMember(owner, t.dto!, members, item, at) : this.listMember(owner, field, t.dto!, item, at);
      if (s) lines.push(s);
    });
    if (lines.length === 0) this.emptied(field, node, path);
    return lines;
  }

  /** `name: section "Title" { … }`: the label fills the spec's label field. */
  private listMember(owner: Plan, field: FieldSpec, dto: string, node: JsonNode, path: JsonPath): OutStatement | undefined {
    const memberPlan = plan(dto);
    const keyword = [...owner.memberFields].find(([, f]) => f.name === field.name)?.[0];
    if (keyword === undefined) return this.leaveOut(node, path, `the items of '${field.name}' have no statement`);
    if (node.kind !== "object") return this.leaveOut(node, path, `expected ${withArticle(memberPlan.dto.title)} object { … }, found ${describeNode(node)}`);
    const labelField = memberPlan.spec.labelField;
    const labelEntry = labelField !== undefined ? property(node, labelField) : undefined;
    let label: string | undefined;
    if (labelEntry) {
      const v = labelEntry.value;
      const at = [...path, labelEntry.key];
      if (v.kind === "scalar" && typeof v.value === "string") label = labelText(v.value);
      else if (v.kind === "scalar" && v.value !== null) {
        label = quoted(String(v.value));
        this.warn("normalised", `${describeNode(v)} became the string ${JSON.stringify(String(v.value))}: a ${labelEntry.key} is written as a label`, at, v.range, {
          op: "replace",
          path: at,
          value: String(v.value),
        });
      } else {
        this.leaveOut(v, at, `${describeNode(v)} cannot be written as a label`);
      }
    }
    const skip = new Set(labelField !== undefined ? [labelField] : []);
    return this.statement(keyword, memberPlan, node, path, { member: true, ...(label !== undefined ? { label } : {}), skip });
  }

  /** A card element: the statement is named by its name (`PHONE always`), or `field "name"` when the name is not a word. */
  private namedMember(owner: Plan, dto: string, members: NonNullable<Plan["spec"]["membersByName"]>, node: JsonNode, path: JsonPath): OutStatement | undefined {
    const memberPlan = plan(dto);
    if (node.kind !== "object") return this.leaveOut(node, path, `expected ${withArticle(memberPlan.dto.title)} object { … }, found ${describeNode(node)}`);
    const nameEntry = property(node, members.nameField);
    if (!nameEntry) return this.leaveOut(node, path, `${withArticle(memberPlan.dto.title)} without '${members.nameField}' cannot be written (the server drops it)`);
    const v = nameEntry.value;
    const skip = new Set([members.nameField]);
    if (v.kind === "scalar" && typeof v.value === "string" && isWord(v.value) && bodyStatementBinding(owner, v.value).kind === "namedMember") {
      return this.statement(v.value, memberPlan, node, path, { skip, member: true });
    }
    const byValue = members.byValue;
    const nameArg = this.valueArg({ kind: "string" }, v, [...path, nameEntry.key], "literal", "statement");
    if (byValue === undefined || nameArg === undefined || v.kind !== "scalar") {
      return this.leaveOut(node, path, `the ${members.nameField} ${describeNode(v)} cannot be written`);
    }
    return this.statement(byValue, memberPlan, node, path, { skip, prefix: [nameArg], member: true });
  }

  /** Every member was left out: without members the compiler writes no such field at all. */
  private emptied(field: FieldSpec, node: JsonNode, path: JsonPath): void {
    this.warn("left-out", `nothing is left in '${field.name}', so it is left out too`, path, node.range, { op: "remove", path });
  }

  // ----- actions -----

  /**
   * `-> type head…` (the arrow's DTO, an action, is named by its variant field): when the whole
   * object fits a clause, which has no body: a variant that is a safe word and only known fields.
   */
  private actionClause(p: Plan, node: JsonNode, path: JsonPath): OutStatement["action"] | undefined {
    const variantField = p.spec.variantField;
    if (node.kind !== "object" || variantField === undefined) return undefined;
    const variant = variantOf(node, variantField);
    if (variant === undefined) return undefined;
    const fits = node.entries.every((e) => e.key === variantField || (p.plainFields.has(e.key) && isSafeWord(e.key)));
    if (!fits) return undefined;
    // An attempt: when something needs a body after all, its warnings go with it (the body form reports them again).
    const mark = this.ctx.diagnostics.length;
    const s = this.statement(variant, p, node, path, { skip: new Set([variantField]), variant, clause: true });
    if (s.body !== undefined) {
      this.ctx.diagnostics.length = mark;
      return undefined;
    }
    return { name: variant, args: s.args };
  }

  /**
   * An object named by its variant as a body statement: `action redirect "/x" { … }`; without a
   * variant word the lowering reads no head at all (`action { type …; … }`), so every field goes in the body.
   */
  private variantStatement(name: string, p: Plan, node: JsonObject, path: JsonPath): OutStatement {
    const variantField = p.spec.variantField!;
    const variant = variantOf(node, variantField);
    if (variant !== undefined) return this.statement(name, p, node, path, { skip: new Set([variantField]), variant, prefix: [variant] });
    return { kind: "statement", name, args: [], body: this.bodyOnly(p, node, path) };
  }

  /** Every entry of an object as a body statement (no head). */
  private bodyOnly(p: Plan, node: JsonObject, path: JsonPath): OutLine[] {
    const lines: OutLine[] = [];
    for (const e of node.entries) {
      const field = p.fields.get(e.key);
      const at = [...path, e.key];
      if (!field) appendAll(lines, this.unknownEntry(p, e, at));
      else if (field.type.kind === "object") {
        const s = this.fieldObject(p, field, e.value, at);
        if (s) lines.push(s);
      } else {
        const s = this.plainStatement(p, field, this.normalised(field.type, e.value, at), at);
        if (s) lines.push(s);
      }
    }
    return lines;
  }

  // ----- values -----

  /**
   * A value as one argument. `words`: whether enum values and entity types may be bare words
   * (`scope web`, `ownerTypeId deal`), which only arguments allow, not map or list entries.
   * `where`: an empty map `{}` is a body after a statement's arguments, a map inside a clause or
   * a literal. Undefined when the value cannot be an argument there.
   */
  private valueArg(type: FieldType, node: JsonNode, path: JsonPath, words: ValueContext, where: ValueContext): OutArg | undefined {
    const value = this.normalised(type, node, path);
    if (value.kind === "scalar") {
      if (words !== "literal") {
        if (type.kind === "enum") {
          const word = enumWord(type, value.value);
          if (word !== undefined) return word;
        }
        if (type.kind === "int" && type.entityType && typeof value.value === "number") {
          const entity = entityById(value.value);
          if (entity && isSafeWord(entity.word)) return entity.word;
        }
      }
      return scalarText(value);
    }
    if (value.kind === "array") {
      const of = type.kind === "list" ? type.of : undefined;
      const items = value.items.map((item, i) => this.literal(of, item, [...path, i]));
      return `[${items.join(", ")}]`;
    }
    if (value.entries.length === 0) return where === "statement" ? undefined : "{}";
    if (type.kind === "text" && this.ctx.translations) {
      const ref = this.ctx.translations.reference(value, path);
      if (ref !== undefined) return ref;
    }
    return this.mapLiteral(type, value, path);
  }

  /** A value inside a map or list: no bare words. */
  private literal(type: FieldType | undefined, node: JsonNode, path: JsonPath): string {
    const arg = this.valueArg(type ?? { kind: "string" }, node, path, "literal", "literal");
    return typeof arg === "string" ? arg : "null";
  }

  /** `{ key: value, … }`; for an object field, its entries typed by the DTO's fields (so quirks inside are normalised too). */
  private mapLiteral(type: FieldType, node: JsonObject, path: JsonPath): string {
    const dto = type.kind === "object" ? plan(type.dto) : undefined;
    const fields = dto?.fields;
    const parts = node.entries.map((e) => {
      const field = fields?.get(e.key);
      if (dto && !field && dto.dto.closed) this.unknownField(dto.dto.title, e.key, e.keyRange, [...path, e.key]);
      const inner = field ? this.literal(field.type, e.value, [...path, e.key]) : this.rawLiteral(e.value);
      return `${labelText(e.key)}: ${inner}`;
    });
    return `{ ${parts.join(", ")} }`;
  }

  /** A value written exactly as the JSON has it (language maps, actionParams, unknown fields). */
  private rawLiteral(node: JsonNode): string {
    if (node.kind === "scalar") return scalarText(node);
    if (node.kind === "array") return `[${node.items.map((i) => this.rawLiteral(i)).join(", ")}]`;
    if (node.entries.length === 0) return "{}";
    return `{ ${node.entries.map((e) => `${labelText(e.key)}: ${this.rawLiteral(e.value)}`).join(", ")} }`;
  }

  /** The scalar as the model types it: a docs quirk normalised and reported, unless `--keep-quirks`. */
  private normalised(type: FieldType, node: JsonNode, path: JsonPath): JsonNode {
    if (this.ctx.keepQuirks || node.kind !== "scalar") return node;
    const n = normaliseScalar(type, node.value);
    if (!n) return node;
    this.warn("normalised", n.note, path, node.range, { op: "replace", path, value: n.value });
    const out: JsonScalar = { kind: "scalar", value: n.value, range: node.range };
    return out;
  }

  // ----- left out -----

  /** A key the model does not know: the text keeps it for the checker, the compiler drops it. */
  private unknownField(title: string, key: string, range: Range, path: JsonPath): void {
    this.warn("unknown-field", `${JSON.stringify(key)} is not a field of ${withArticle(title)}: written as is, for the checker to report; it compiles to nothing`, path, range, {
      op: "remove",
      path,
    });
  }

  private leaveOut(node: JsonNode, path: JsonPath, why: string): undefined {
    this.warn("left-out", `${why}; left out`, path, node.range, { op: "remove", path });
    return undefined;
  }

  private leaveOutLines(node: JsonNode, path: JsonPath, why: string): OutLine[] {
    this.leaveOut(node, path, why);
    return [];
  }
}

/** The variant (an action's `type`) when it can be the word naming the object: a safe word. */
function variantOf(node: JsonObject, variantField: string): string | undefined {
  const v = property(node, variantField)?.value;
  return v?.kind === "scalar" && typeof v.value === "string" && isSafeWord(v.value) ? v.value : undefined;
}

/** The word for an enum value: its first alias (`personal` for P, `repeat` for 2), else the value itself when it is a word. */
function enumWord(type: FieldType & { kind: "enum" }, value: string | number | boolean | null): string | undefined {
  const v = type.values.find((x) => (type.valueType === "int" ? typeof value === "number" && Number(x.value) === value : x.value === value));
  if (!v) return undefined;
  for (const alias of v.aliases ?? []) if (isSafeWord(alias) && aliasOf(type, alias) === v) return alias;
  // A value written as a word is read as itself unless it is another value's alias; an int value must be a number.
  if (type.valueType !== "int" && isSafeWord(v.value) && aliasOf(type, v.value) === undefined) return v.value;
  return undefined;
}

function aliasOf(type: FieldType & { kind: "enum" }, word: string): EnumValue | undefined {
  return type.values.find((x) => (x.aliases ?? []).includes(word));
}

function scalarText(node: JsonScalar): string {
  const v = node.value;
  if (v === null) return "null";
  if (typeof v === "boolean") return String(v);
  if (typeof v === "number") return numberText(v, node.raw);
  return quoted(v);
}

function objectOfItems(items: readonly JsonNode[]): Json {
  const out = Object.create(null) as { [key: string]: Json };
  items.forEach((item, i) => (out[String(i)] = jsonValue(item)));
  return out;
}

/** Whether every field of the DTO is a scalar (no objects, members or lists of DTOs): it reads well as a map. */
function isFlat(dtoName: string): boolean {
  const p = plan(dtoName);
  return [...p.fields.values()].every((f) => f.type.kind !== "object" && !isStructural(f));
}

/** Whether a lone map argument is the statement's translated first value (`header { en: … }`), not the object. */
function mapIsTitle(p: Plan): boolean {
  const first = p.spec.positional?.[0];
  return first !== undefined && p.fields.get(first)?.type.kind === "text";
}
