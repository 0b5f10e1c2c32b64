/**
 * The decompiler: a JSON payload to `.b24layout` statements, driven by the model. It is the
 * lowering (src/lower/lower.ts) run backwards: for each DTO it reads the statement spec
 * (positional values, enum words, flags, the `->` action, flattened objects, label fields, body
 * fields, named members) and writes the shortest form the lowering reads back to the same JSON,
 * checking each shorthand with the same binding order the lowering uses (src/model/binding.ts). Where a
 * shorthand would be read otherwise it writes the explicit form (`name value` in a body).
 *
 * It never repairs. What statements cannot say exactly (a missing key a body would add, a value
 * of the wrong shape, an unknown field, a member that is no object) is written in the raw `json`
 * form, as locally as it can be: the field (`blocks json {}`), else the member (`key: json { … }`),
 * else the declaration (`badge b json { … }`). Writing a part as statements is an attempt: when
 * something inside it cannot be said, the attempt throws NotExpressible, its warnings and
 * translation keys are rolled back, and the nearest enclosing field, member or declaration is
 * written raw. Only docs quirks are changed (quirks.ts), with a warning, unless `--keep-quirks`.
 */
import type { Json } from "../emit/json.js";
import { entityById } from "../model/entities.js";
import type { DeclarationSpec, EnumValue, FieldSpec, FieldType } from "../model/types.js";
import { implicitWhenAbsent, RAW_KEYWORD } from "../model/statements.js";
import type { ImportDiagnostic, ImportDiagnosticCode } from "./diagnostics.js";
import type { JsonChange, JsonPath } from "../json/index.js";
import { jsonValue, property, type JsonNode, type JsonObject, type JsonProperty, type JsonScalar } from "../json/index.js";
import { isSafeWord, isWord, labelText, multilineLines, numberText, quoted } from "./literals.js";
import { bindingPlan, blockDto, bodyTakesFields, CONTENT_BLOCK, headWordBinding, isStructural, rawEntryType, rawItemType, type BindingPlan } from "../model/binding.js";
import type { OutArg, OutLine, OutStatement } from "./printer.js";
import { normaliseScalar } from "./quirks.js";
import type { TranslationTableBuilder } from "./translations.js";
import type { Range } from "../syntax/ast.js";
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

/**
 * Thrown while writing a part as statements when something in it cannot be said exactly; the
 * nearest enclosing field, member or declaration catches it and writes itself in the raw form.
 */
class NotExpressible extends Error {}

/** Where the output stood before an attempt, to roll back to. */
interface Checkpoint {
  readonly diagnostics: number;
  readonly translations: number;
}

export class Decompiler {
  constructor(private readonly ctx: DecompileContext) {}

  private warn(code: ImportDiagnosticCode, message: string, path: JsonPath, range: Range, change?: JsonChange): void {
    this.ctx.diagnostics.push({ severity: "warning", code, message, path, range, ...(change ? { change } : {}) });
  }

  private checkpoint(): Checkpoint {
    return { diagnostics: this.ctx.diagnostics.length, translations: this.ctx.translations?.checkpoint() ?? 0 };
  }

  private rollback(c: Checkpoint): void {
    this.ctx.diagnostics.length = c.diagnostics;
    this.ctx.translations?.rollback(c.translations);
  }

  /** `write()`, or when it throws NotExpressible, `fallback()` after rolling back what `write` did. */
  private attempt<T>(write: () => T, fallback: () => T): T {
    const c = this.checkpoint();
    try {
      return write();
    } catch (error) {
      if (!(error instanceof NotExpressible)) throw error;
      this.rollback(c);
      return fallback();
    }
  }

  // ----- declarations -----

  /**
   * `keyword name head… { body }` for a declaration whose body builds `spec.dto`, or `keyword name
   * head… json { … }` when statements cannot say it (or `raw`: a badge without a code, which its
   * name would give it). `skip`: keys the head says (a badge's code as its name); `omit`: keys the
   * declaration leaves out (the owner of an activity read as an update), raw or not.
   */
  declaration(
    spec: DeclarationSpec,
    name: string,
    obj: JsonObject,
    path: JsonPath,
    options: { skip?: ReadonlySet<string>; omit?: ReadonlySet<string>; head?: readonly OutArg[]; suffix?: readonly OutArg[]; raw?: boolean } = {},
  ): OutStatement {
    const omit = options.omit ?? EMPTY;
    const raw = (): OutStatement => {
      const payload: JsonObject = omit.size === 0 ? obj : { ...obj, entries: obj.entries.filter((e) => !omit.has(e.key)) };
      return {
        kind: "statement",
        name: spec.keyword,
        args: [name, ...(options.head ?? []), ...(options.suffix ?? []), RAW_KEYWORD, this.rawText({ kind: "object", dto: spec.dto }, payload, path)],
      };
    };
    if (options.raw === true) return raw();
    return this.attempt(
      () =>
        this.statement(spec.keyword, bindingPlan(spec.dto), obj, path, {
          prefix: [name, ...(options.head ?? [])],
          suffix: options.suffix ?? [],
          skip: new Set([...(options.skip ?? EMPTY), ...omit]),
          declaration: true,
          forceBody: true,
        }),
      raw,
    );
  }

  /** The sections of a card (`data`), as `section` statements: for a bare data array (`data json …` when statements cannot say it). */
  listMembers(owner: BindingPlan, fieldName: string, node: JsonNode, path: JsonPath): OutLine[] {
    const field = owner.fields.get(fieldName)!;
    return this.attempt(
      () => this.listField(owner, field, node, path),
      () => [this.rawField(field.name, field.type, node, path)],
    );
  }

  // ----- statements -----

  /**
   * `[label:] name head… [-> action] [{ body }]` for an object of `p.dto`. The head takes, in
   * this order: required enum words (`tag warning`), the positional values the spec lists (`"Hello"`),
   * then in the JSON's order optional enum words, flags (`bold`), flag aliases (`always`) and
   * `field value` pairs; the action goes after `->`; everything else is a body statement.
   */
  statement(name: string, p: BindingPlan, obj: JsonObject, path: JsonPath, options: StatementOptions = {}): OutStatement {
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
      for (const fieldName of p.positionalFor(options.variant)) {
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
        body.push(this.rawField(e.key, undefined, e.value, at, p));
        continue;
      }
      const t = field.type;
      // Each entry is an attempt: what cannot be said as statements is `name json <value>` in this body (or, where that cannot be, the whole object is raw).
      const c = this.checkpoint();
      try {
        if (t.kind === "collection") {
          appendAll(body, this.collection(p, field, e.value, at));
          continue;
        }
        if (t.kind === "block") {
          body.push(this.blockMember(p, field, e.value, undefined, at));
          compactBody = true;
          continue;
        }
        if (t.kind === "list" && t.dto !== undefined) {
          appendAll(body, this.listField(p, field, e.value, at));
          continue;
        }
        if (t.kind === "constant") {
          // Statements always write the constant: any other value is raw.
          if (!(e.value.kind === "scalar" && e.value.value === t.value)) throw new NotExpressible();
          continue;
        }
        if (p.bodyField && field.name === p.bodyField.name) {
          appendAll(body, this.dataBody(field, e.value, at));
          compactBody = true;
          // The body is the object: even an empty one is written, as `{}`.
          needBody = true;
          continue;
        }
        if (t.kind === "object") {
          if (!declaration && p.spec.arrow === field.name && p.hasHead) {
            const clause = this.actionClause(bindingPlan(t.dto), e.value, at);
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
          body.push(this.fieldObject(p, field, e.value, at));
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
        body.push(this.plainStatement(p, field, value, at));
      } catch (error) {
        if (!(error instanceof NotExpressible)) throw error;
        this.rollback(c);
        values.delete(e);
        body.push(this.rawField(field.name, t, e.value, at, p));
      }
    }

    // A long text as the last argument: a `"""` block (only when it is the one positional value, so no binding moves).
    if (multiline && positionalCount === 1 && action === undefined && !options.clause) {
      head.splice(multiline.index, 1);
      head.push({ kind: "multiline", lines: multiline.lines });
    }
    appendAll(head, options.suffix ?? []);
    this.requireNothingImplicit(p, obj, skip);

    const out: { -readonly [K in keyof OutStatement]: OutStatement[K] } = { kind: "statement", name, args: head };
    if (options.label !== undefined) out.label = options.label;
    if (action) out.action = action;
    if (body.length > 0 || needBody) out.body = body;
    if (compactBody) out.compactBody = true;
    // A lone map would be read as the object itself, and a lone word as a declaration's name; a body keeps them arguments.
    const only = head.length === 1 && out.action === undefined && out.body === undefined ? head[0] : undefined;
    if (typeof only === "string" && !declaration && !options.clause && ((only.startsWith("{") && !p.mapIsTitle) || (p.declaration !== undefined && isWord(only)))) out.body = [];
    return out;
  }

  /** Head arguments for a plain field, or undefined when it goes in the body. */
  private headArgs(p: BindingPlan, field: FieldSpec, value: JsonNode, path: JsonPath, taken: ReadonlySet<string>, where: ValueContext): OutArg[] | undefined {
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
  private declarationHeadArgs(p: BindingPlan, field: FieldSpec, value: JsonNode, path: JsonPath, taken: ReadonlySet<string>): OutArg[] | undefined {
    const word = this.headWord(p, field, value, taken);
    if (word !== undefined) return [word];
    const aliases = p.spec.keywordAliases ?? {};
    if (Object.values(aliases).includes(field.name)) return this.keywordArgs(p, field, value, path, taken, "statement");
    return undefined;
  }

  /** `field value` (or `alias value`) in a head, when the word binds to the field and the value can be an argument. */
  private keywordArgs(p: BindingPlan, field: FieldSpec, value: JsonNode, path: JsonPath, taken: ReadonlySet<string>, context: ValueContext): OutArg[] | undefined {
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
  private headWord(p: BindingPlan, field: FieldSpec, value: JsonNode, taken: ReadonlySet<string>): string | undefined {
    const words = p.spec.words ?? [];
    if (words.length !== 1 || words[0] !== field.name || field.type.kind !== "enum" || value.kind !== "scalar") return undefined;
    const word = enumWord(field.type, value.value);
    if (word === undefined) return undefined;
    const binding = headWordBinding(p, word, taken);
    return binding.kind === "word" && binding.field.name === field.name ? word : undefined;
  }

  /** `name value` in a body. */
  private plainStatement(p: BindingPlan, field: FieldSpec, value: JsonNode, path: JsonPath): OutStatement {
    if (!this.bindsInBody(p, field.name, field)) throw new NotExpressible();
    const arg = this.valueArg(field.type, value, path, "statement", "statement");
    if (arg !== undefined) return { kind: "statement", name: field.name, args: [arg] };
    // An empty map cannot be an argument (`{}` after a statement is its body): the body form is the map.
    if (value.kind === "object" && value.entries.length === 0 && (field.type.kind === "text" || field.type.kind === "scalarMap" || field.type.kind === "object")) {
      return { kind: "statement", name: field.name, args: [], body: [] };
    }
    throw new NotExpressible();
  }

  /** Whether a statement named `name` in a body of `p` sets `field` (directly or through a flattened object). */
  private bindsInBody(p: BindingPlan, name: string, field: FieldSpec): boolean {
    if (!bodyTakesFields(p) || !isWord(name)) return false;
    const binding = p.bodyStatement(name);
    return (binding.kind === "plain" && binding.field.name === field.name) || (binding.kind === "flattened" && binding.flattened.field.name === field.name);
  }

  /** An object field written as a statement: `header "T" { … }`, `logo call-incoming`, `action redirect "/x"`. */
  private fieldObject(p: BindingPlan, field: FieldSpec, node: JsonNode, path: JsonPath): OutStatement {
    const t = field.type;
    if (!this.bindsInBody(p, field.name, field) || t.kind !== "object" || node.kind !== "object") throw new NotExpressible();
    const inner = bindingPlan(t.dto);
    if (inner.variantField !== undefined) return this.variantStatement(field.name, inner, node, path);
    return this.statement(field.name, inner, node, path, { forceBody: node.entries.length === 0 });
  }

  /** `fields`, `extras`: their fields written straight in the owner's body when every one binds there (and can be said so), else the object's own statement. */
  private flattened(p: BindingPlan, via: FieldSpec, node: JsonNode, path: JsonPath): OutLine[] {
    if (node.kind === "object" && node.entries.length > 0 && via.type.kind === "object") {
      const inner = bindingPlan(via.type.dto);
      const all = node.entries.every((e) => {
        const binding = isWord(e.key) ? p.bodyStatement(e.key) : undefined;
        return binding?.kind === "flattened" && binding.flattened.via.name === via.name && binding.flattened.field.name === e.key;
      });
      if (all) {
        return this.attempt(
          () =>
            node.entries.map((e): OutLine => {
              const field = inner.fields.get(e.key)!;
              const at = [...path, e.key];
              return field.type.kind === "object" ? this.fieldObject(p, field, e.value, at) : this.plainStatement(p, field, this.normalised(field.type, e.value, at), at);
            }),
          () => [this.fieldObject(p, via, node, path)],
        );
      }
    }
    return [this.fieldObject(p, via, node, path)];
  }

  /**
   * `name json <value>` in a body of `p`: a field statements cannot say, or a key the model does
   * not know (which the lowering keeps and unknown-property reports). Where the body cannot take
   * it (a name that is no word, that means something else there, or a body of members or data),
   * the object itself cannot be said as statements.
   */
  private rawField(name: string, type: FieldType | undefined, node: JsonNode, path: JsonPath, p?: BindingPlan): OutStatement {
    if (p !== undefined && !rawFieldFits(p, name)) throw new NotExpressible();
    return { kind: "statement", name, args: [RAW_KEYWORD, this.rawText(type, node, path)] };
  }

  /** A body that is data (an element's options): its fields as statements. */
  private dataBody(field: FieldSpec, node: JsonNode, path: JsonPath): readonly OutLine[] {
    if (field.type.kind !== "object" || node.kind !== "object") throw new NotExpressible();
    return this.bodyOnly(bindingPlan(field.type.dto), node, path);
  }

  /** A body of statements writes fields it does not have (a required collection as `{}`, a constant): an object without them cannot be one. */
  private requireNothingImplicit(p: BindingPlan, obj: JsonObject, skip: ReadonlySet<string>): void {
    for (const field of p.dto.fields) {
      if (skip.has(field.name) || property(obj, field.name)) continue;
      if (implicitWhenAbsent(field) !== undefined) throw new NotExpressible();
    }
  }

  // ----- members -----

  /** The members of an associative collection: tags, blocks, buttons, menu items. */
  private collection(owner: BindingPlan, field: FieldSpec, node: JsonNode, path: JsonPath): OutLine[] {
    const t = field.type;
    if (t.kind !== "collection") throw new NotExpressible();
    let members: readonly { readonly key: string; readonly value: JsonNode }[];
    if (node.kind === "array") {
      // A docs quirk the server reads alike (integer keys, spec §2.4): normalised unless --keep-quirks, when `blocks json [ … ]` keeps it.
      if (this.ctx.keepQuirks) throw new NotExpressible();
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
      throw new NotExpressible();
    }
    // An optional collection without members is no statement at all (`tags json {}` says it); a required one is the `{}` statements write.
    if (members.length === 0 && implicitWhenAbsent(field) === undefined) throw new NotExpressible();
    const lines: OutLine[] = [];
    members.forEach((m, i) => {
      const at = [...path, m.key];
      // The lowering keys an unlabelled member by its position: the label is left out where that gives the same key.
      const label = m.key === `${t.keyPrefix}_${i + 1}` ? undefined : labelText(m.key);
      lines.push(
        this.attempt(
          () => (t.blockTypes ? this.blockMember(owner, field, m.value, label, at) : this.collectionMember(owner, field, t.of, m.value, label, at)),
          () => this.rawMember(rawItemType(t), m.value, at, label),
        ),
      );
    });
    return lines;
  }

  /** `[label:] json <value>`: a member as it is. */
  private rawMember(type: FieldType | undefined, node: JsonNode, path: JsonPath, label?: string): OutStatement {
    const s: OutStatement = { kind: "statement", name: RAW_KEYWORD, args: [this.rawText(type, node, path)] };
    return label !== undefined ? { ...s, label } : s;
  }

  private collectionMember(owner: BindingPlan, field: FieldSpec, of: string, node: JsonNode, label: string | undefined, path: JsonPath): OutStatement {
    const keyword = owner.memberKeyword(field.name);
    const binding = keyword !== undefined ? owner.bodyStatement(keyword) : undefined;
    if (keyword === undefined || binding?.kind !== "member" || binding.field.name !== field.name || node.kind !== "object") throw new NotExpressible();
    return this.statement(keyword, bindingPlan(of), node, path, { member: true, ...(label !== undefined ? { label } : {}) });
  }

  /** A content block: the statement named by its type, whose head and body are its properties. */
  private blockMember(owner: BindingPlan, field: FieldSpec, node: JsonNode, label: string | undefined, path: JsonPath): OutStatement {
    if (node.kind !== "object") throw new NotExpressible();
    const typeEntry = property(node, CONTENT_BLOCK.typeField);
    const type = typeEntry?.value.kind === "scalar" ? typeEntry.value.value : undefined;
    // Without a type that names a block statement here, or with keys besides type and properties, statements cannot say it.
    if (typeof type !== "string" || !isWord(type)) throw new NotExpressible();
    const binding = owner.bodyStatement(type);
    const dto = binding.kind === "member" && binding.field.name === field.name ? blockDto(type) : undefined;
    if (dto === undefined || node.entries.some((e) => e.key !== CONTENT_BLOCK.typeField && e.key !== CONTENT_BLOCK.propertiesField)) throw new NotExpressible();
    const props = property(node, CONTENT_BLOCK.propertiesField);
    const base: OutStatement = label !== undefined ? { kind: "statement", label, name: type, args: [] } : { kind: "statement", name: type, args: [] };
    if (!props) return base;
    if (props.value.kind !== "object") throw new NotExpressible();
    const at = [...path, CONTENT_BLOCK.propertiesField];
    const s = this.statement(type, bindingPlan(dto), props.value, at, { member: true, ...(label !== undefined ? { label } : {}) });
    // The block has properties: a statement with nothing after its name would have none (the lowering writes them only then).
    if (s.args.length === 0 && s.action === undefined && s.body === undefined) return { ...s, body: [] };
    return s;
  }

  /** A list of DTOs written as member statements (a card's sections, a section's elements). */
  private listField(owner: BindingPlan, field: FieldSpec, node: JsonNode, path: JsonPath): OutLine[] {
    const t = field.type;
    // Statements write such a list only with members: an empty one, or one that is no list, is raw.
    if (t.kind !== "list" || t.dto === undefined || node.kind !== "array" || node.items.length === 0) throw new NotExpressible();
    const members = owner.spec.membersByName?.field === field.name ? owner.spec.membersByName : undefined;
    return node.items.map((item, i) => {
      const at = [...path, i];
      return this.attempt(
        () => (members ? this.namedMember(owner, t.dto!, members, item, at) : this.listMember(owner, field, t.dto!, item, at)),
        () => this.rawMember(t.of, item, at),
      );
    });
  }

  /** `name: section "Title" { … }`: the label fills the spec's label field. */
  private listMember(owner: BindingPlan, field: FieldSpec, dto: string, node: JsonNode, path: JsonPath): OutStatement {
    const memberPlan = bindingPlan(dto);
    const keyword = owner.memberKeyword(field.name);
    if (keyword === undefined || node.kind !== "object") throw new NotExpressible();
    const labelField = memberPlan.spec.labelField;
    const labelEntry = labelField !== undefined ? property(node, labelField) : undefined;
    let label: string | undefined;
    if (labelEntry) {
      // A label is a string: any other name is raw.
      const v = labelEntry.value;
      if (v.kind !== "scalar" || typeof v.value !== "string") throw new NotExpressible();
      label = labelText(v.value);
    }
    const skip = new Set(labelField !== undefined ? [labelField] : []);
    return this.statement(keyword, memberPlan, node, path, { member: true, ...(label !== undefined ? { label } : {}), skip });
  }

  /** A card element: the statement is named by its name (`PHONE always`), or `field "name"` when the name is not a word. */
  private namedMember(owner: BindingPlan, dto: string, members: NonNullable<BindingPlan["spec"]["membersByName"]>, node: JsonNode, path: JsonPath): OutStatement {
    const memberPlan = bindingPlan(dto);
    if (node.kind !== "object") throw new NotExpressible();
    const nameEntry = property(node, members.nameField);
    if (!nameEntry) throw new NotExpressible();
    const v = nameEntry.value;
    const skip = new Set([members.nameField]);
    if (v.kind === "scalar" && typeof v.value === "string" && isWord(v.value) && owner.bodyStatement(v.value).kind === "namedMember") {
      return this.statement(v.value, memberPlan, node, path, { skip, member: true });
    }
    const byValue = members.byValue;
    if (byValue === undefined || v.kind !== "scalar") throw new NotExpressible();
    const nameArg = this.valueArg({ kind: "string" }, v, [...path, nameEntry.key], "literal", "statement");
    if (nameArg === undefined) throw new NotExpressible();
    return this.statement(byValue, memberPlan, node, path, { skip, prefix: [nameArg], member: true });
  }

  // ----- actions -----

  /**
   * `-> type head…` (the arrow's DTO, an action, is named by its variant field): when the whole
   * object fits a clause, which has no body: a variant that is a safe word and only known fields.
   */
  private actionClause(p: BindingPlan, node: JsonNode, path: JsonPath): OutStatement["action"] | undefined {
    const variantField = p.variantField;
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
  private variantStatement(name: string, p: BindingPlan, node: JsonObject, path: JsonPath): OutStatement {
    const variantField = p.variantField!;
    const variant = variantOf(node, variantField);
    if (variant !== undefined) return this.statement(name, p, node, path, { skip: new Set([variantField]), variant, prefix: [variant] });
    return { kind: "statement", name, args: [], body: this.bodyOnly(p, node, path) };
  }

  /** Every entry of an object as a body statement (no head); what statements cannot say as `name json <value>`. */
  private bodyOnly(p: BindingPlan, node: JsonObject, path: JsonPath): OutLine[] {
    return node.entries.map((e): OutLine => {
      const field = p.fields.get(e.key);
      const at = [...path, e.key];
      if (!field) return this.rawField(e.key, undefined, e.value, at, p);
      return this.attempt(
        () => (field.type.kind === "object" ? this.fieldObject(p, field, e.value, at) : this.plainStatement(p, field, this.normalised(field.type, e.value, at), at)),
        () => this.rawField(field.name, field.type, e.value, at, p),
      );
    });
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
    // Parsed JSON has no unknown values (only a JavaScript front end makes them): null, as jsonValue reads it.
    if (value.kind === "unknown") return "null";
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

  /**
   * `{ key: value, … }`; for an object field, its entries typed by the DTO's fields (so quirks
   * inside are normalised too). A key the DTO does not have stays: the lowering keeps it, the
   * checker reports it, the compiler sends it.
   */
  private mapLiteral(type: FieldType, node: JsonObject, path: JsonPath): string {
    const fields = type.kind === "object" ? bindingPlan(type.dto).fields : undefined;
    const parts = node.entries.map((e) => {
      const field = fields?.get(e.key);
      const inner = field ? this.literal(field.type, e.value, [...path, e.key]) : this.rawText(undefined, e.value, [...path, e.key]);
      return `${labelText(e.key)}: ${inner}`;
    });
    return `{ ${parts.join(", ")} }`;
  }

  /**
   * A value in the raw form's JSON literal, exactly as the input has it but for docs quirks,
   * which are normalised by the model's type of each slot (rawEntryType, as the lowering types
   * it) unless `--keep-quirks`. Language maps stay inline: the raw form holds no `@keys`.
   */
  private rawText(type: FieldType | undefined, node: JsonNode, path: JsonPath): string {
    if (node.kind === "scalar") return scalarText(type !== undefined ? (this.normalised(type, node, path) as JsonScalar) : node);
    if (node.kind === "array") {
      if (type?.kind === "collection" && !this.ctx.keepQuirks) {
        this.warn("normalised", `a list where Bitrix24 takes an object keyed by name: written as keys "0", "1", … (the server reads a list the same way)`, path, node.range, {
          op: "replace",
          path,
          value: objectOfItems(node.items),
        });
        const member = rawItemType(type);
        return `{ ${node.items.map((item, i) => `${quoted(String(i))}: ${this.rawText(member, item, [...path, i])}`).join(", ")} }`;
      }
      const of = rawItemType(type);
      const items: string[] = [];
      node.items.forEach((item, i) => items.push(this.rawText(of, item, [...path, i])));
      return `[${items.join(", ")}]`;
    }
    // Parsed JSON has no unknown values (only a JavaScript front end makes them): null, as jsonValue reads it.
    if (node.kind === "unknown") return "null";
    if (node.entries.length === 0) return "{}";
    const typeEntry = property(node, CONTENT_BLOCK.typeField)?.value;
    const blockType = typeEntry?.kind === "scalar" && typeof typeEntry.value === "string" ? typeEntry.value : undefined;
    const parts: string[] = [];
    for (const e of node.entries) parts.push(`${labelText(e.key)}: ${this.rawText(rawEntryType(type, e.key, blockType), e.value, [...path, e.key])}`);
    return `{ ${parts.join(", ")} }`;
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

/** Whether a key can be written as `name json <value>` in a body of `p`: the body takes fields, and the lowering reads the name as this object's key. */
function rawFieldFits(p: BindingPlan, name: string): boolean {
  if (!bodyTakesFields(p) || !isWord(name) || name === RAW_KEYWORD) return false;
  const binding = p.bodyStatement(name);
  return binding.kind === "plain" || binding.kind === "unknown";
}

/** Whether every field of the DTO is a scalar (no objects, members or lists of DTOs): it reads well as a map. */
function isFlat(dtoName: string): boolean {
  const p = bindingPlan(dtoName);
  return [...p.fields.values()].every((f) => f.type.kind !== "object" && !isStructural(f));
}


