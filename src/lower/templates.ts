/**
 * Lowering of the template parts of a declaration: parameter lists, `$references`, interpolated
 * strings, and the conditions of `when` and the lists of `each`. Types are resolved here, where
 * the scope is known; whether a value fits the field it is in is the template-type rule's.
 */
import type { Argument, Identifier, ParameterList, Range, StringLiteral, TypeNode, Value } from "../syntax/index.js";
import type { FieldType } from "../model/index.js";
import { CONDITION_WORDS, PARAM_TYPE_NAMES } from "../model/index.js";
import { closest } from "../util/index.js";
import { appendAll } from "../util/index.js";
import { MAX_NESTING_DEPTH } from "../syntax/index.js";
import { TEMPLATE_STRUCTURE, TEMPLATE_TYPE, UNKNOWN_PARAMETER, type ProblemReporter } from "../messages/index.js";
import type { IrCondition, IrParam, IrParamRef, IrScalar, IrTemplate, IrValue, ParamDefault, ParamType, RecordFieldType } from "./ir.js";

type Problem = ProblemReporter;

/** A name in scope: a parameter or a loop variable; in a fragment, bound to what the `use` gave. */
interface Binding {
  readonly type: ParamType;
  readonly optional: boolean;
  readonly value?: FragmentValue;
}

/** What a fragment parameter can be given: a literal, a caller's `$reference`, an interpolated string, or nothing. */
export type FragmentValue = IrScalar | IrParamRef | IrTemplate | { readonly kind: "absent" };

const TYPE_NAMES = PARAM_TYPE_NAMES.map((t) => t.name);

/**
 * The properties every JavaScript object inherits (Object.prototype's). A parameter or record field
 * of such a name cannot be told apart from the inherited one in the generated code (`const {
 * toString } = p` reads Object.prototype.toString when the caller left it out), nor typed: to
 * TypeScript every object already has a `toString`, which is no string.
 */
export const INHERITED_NAMES: ReadonlySet<string> = new Set([
  "constructor",
  "hasOwnProperty",
  "isPrototypeOf",
  "propertyIsEnumerable",
  "toLocaleString",
  "toString",
  "valueOf",
  "__proto__",
  "__defineGetter__",
  "__defineSetter__",
  "__lookupGetter__",
  "__lookupSetter__",
]);

/** How a type is written in messages, as in the source: `string`, `"web" | "mobile"`, `{ name: string }[]`. */
export function describeType(type: ParamType): string {
  switch (type.kind) {
    case "literal":
      return JSON.stringify(type.value);
    case "union":
      return type.members.map(describeType).join(" | ");
    case "list": {
      const of = describeType(type.of);
      const brackets = type.max === undefined ? "[]" : `[max ${type.max}]`;
      return type.of.kind === "union" ? `(${of})${brackets}` : `${of}${brackets}`;
    }
    case "record":
      return `{ ${type.fields.map((f) => `${f.name}${f.optional ? "?" : ""}: ${describeType(f.type)}`).join(", ")} }`;
    default:
      return type.kind;
  }
}

/** The string literals a type allows, when it allows nothing else (`"web" | "mobile"`). */
export function literalsOf(type: ParamType): string[] | undefined {
  if (type.kind === "literal") return [type.value];
  if (type.kind !== "union") return undefined;
  const out: string[] = [];
  for (const m of type.members) {
    const inner = literalsOf(m);
    if (!inner) return undefined;
    appendAll(out, inner);
  }
  return out;
}

/** Whether values of this type are strings (text, links, dates and string literals). */
export function isStringType(type: ParamType): boolean {
  return type.kind === "string" || type.kind === "url" || type.kind === "datetime" || literalsOf(type) !== undefined;
}

/** Whether a value of this type can be put into a string. */
export function isScalarType(type: ParamType): boolean {
  return isStringType(type) || type.kind === "int" || type.kind === "bool";
}

const DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/** Why `value` is not of `type` (naming it by `path`), or undefined when it is. */
export function typeMismatch(type: ParamType, value: unknown, path: string): string | undefined {
  const is = (ok: boolean) => (ok ? undefined : `'${path}' must be ${describeType(type)}, not ${JSON.stringify(value)}`);
  switch (type.kind) {
    case "string":
    case "url":
      return is(typeof value === "string");
    case "datetime":
      return typeof value === "string" && DATETIME.test(value) ? undefined : `'${path}' must be an ISO 8601 date and time with an offset (2025-01-31T10:00:00+03:00), not ${JSON.stringify(value)}`;
    case "int":
      return is(typeof value === "number" && Number.isInteger(value));
    case "bool":
      return is(typeof value === "boolean");
    case "literal":
    case "union": {
      const literals = literalsOf(type);
      if (literals) return is(typeof value === "string" && literals.includes(value));
      const members = type.kind === "union" ? type.members : [type];
      return members.some((m) => typeMismatch(m, value, path) === undefined) ? undefined : is(false);
    }
    case "list": {
      if (!Array.isArray(value)) return is(false);
      if (type.max !== undefined && value.length > type.max) return `'${path}' may hold at most ${type.max} items (${describeType(type)}), not ${value.length}`;
      for (let i = 0; i < value.length; i++) {
        const inner = typeMismatch(type.of, (value as unknown[])[i], `${path}[${i}]`);
        if (inner) return inner;
      }
      return undefined;
    }
    case "record": {
      if (value === null || typeof value !== "object" || Array.isArray(value)) return is(false);
      for (const f of type.fields) {
        const has = Object.hasOwn(value, f.name);
        if (!has) {
          if (!f.optional) return `'${path}.${f.name}' is missing`;
          continue;
        }
        const inner = typeMismatch(f.type, (value as Record<string, unknown>)[f.name], `${path}.${f.name}`);
        if (inner) return inner;
      }
      const extra = Object.keys(value).find((k) => !type.fields.some((f) => f.name === k));
      return extra === undefined ? undefined : `'${path}' has no field '${extra}' (it is ${describeType(type)})`;
    }
  }
}

/** Whether every value of type `from` is a value of type `to`. */
export function assignable(from: ParamType, to: ParamType): boolean {
  if (from.kind === "union") return from.members.every((m) => assignable(m, to));
  if (to.kind === "union") return to.members.some((m) => assignable(from, m));
  switch (to.kind) {
    case "string":
      return isStringType(from);
    case "url":
    case "datetime":
    case "int":
    case "bool":
      return from.kind === to.kind;
    case "literal":
      return from.kind === "literal" && from.value === to.value;
    case "list":
      // A list bounded by `max` takes only lists bounded as tightly.
      return from.kind === "list" && assignable(from.of, to.of) && (to.max === undefined || (from.max !== undefined && from.max <= to.max));
    case "record":
      return (
        from.kind === "record" &&
        to.fields.every((f) => {
          const g = from.fields.find((x) => x.name === f.name);
          return g ? assignable(g.type, f.type) && (f.optional || !g.optional) : f.optional;
        })
      );
  }
}

export class TemplateLowering {
  /** Names in scope, innermost last. Undefined outside declarations. */
  private scopes: Map<string, Binding>[] = [];
  private declarationName = "";
  /** Paths known to be given where the statement being lowered sits (`when $x.page { … }`). */
  private readonly given: string[] = [];
  private declarationKeyword = "";
  /** Set while a declaration's parameter list is lowered: its names become property names in the generated code. */
  private inDeclarationHead = false;

  constructor(private readonly problem: Problem) {}

  /** Starts a declaration: its parameters become the scope. */
  beginDeclaration(keyword: string, name: string, list: ParameterList | undefined): IrParam[] {
    this.declarationKeyword = keyword;
    this.declarationName = name;
    // Only a declaration's parameters become properties of the generated function's argument.
    this.inDeclarationHead = true;
    const params = this.parameters(list);
    this.inDeclarationHead = false;
    this.scopes = [new Map(params.map((p) => [p.name, { type: p.type, optional: p.optional && p.defaultValue === undefined }]))];
    return params;
  }

  /** The parameters of a declaration or fragment, with their types resolved (problems reported). */
  parameters(list: ParameterList | undefined): IrParam[] {
    const params: IrParam[] = [];
    const names = new Set<string>();
    for (const p of list?.parameters ?? []) {
      if (!p.type) continue;
      const type = this.type(p.type);
      if (names.has(p.name.name)) {
        this.problem(TEMPLATE_STRUCTURE, "duplicateParameter", { name: p.name.name }, p.name.range);
        continue;
      }
      if (this.inDeclarationHead && INHERITED_NAMES.has(p.name.name)) this.problem(TEMPLATE_STRUCTURE, "inheritedName", { name: p.name.name, what: "parameter" }, p.name.range);
      if (p.name.name.includes("-")) {
        const suggestion = p.name.name.replace(/-([A-Za-z0-9_])/g, (_, c: string) => c.toUpperCase());
        this.problem(TEMPLATE_STRUCTURE, "parameterName", { name: p.name.name, suggestion }, p.name.range, suggestion);
      }
      const defaultValue = p.defaultValue ? this.defaultValue(p.defaultValue, type, p.name.name) : undefined;
      names.add(p.name.name);
      params.push({
        name: p.name.name,
        nameRange: p.name.range,
        range: p.range,
        optional: p.optional || defaultValue !== undefined,
        type,
        ...(defaultValue !== undefined ? { defaultValue, defaultRange: p.defaultValue!.range } : {}),
      });
    }
    return params;
  }

  /**
   * Lowers a fragment's members where it is used: only its parameters are in scope (not the
   * caller's), each bound to what the `use` gave it.
   */
  withFragment<T>(name: string, params: readonly IrParam[], values: ReadonlyMap<string, FragmentValue>, body: () => T): T {
    // `given` stays: its paths are the caller's, and so are those of the references the fragment is given.
    const saved = { scopes: this.scopes, name: this.declarationName, keyword: this.declarationKeyword };
    this.scopes = [new Map(params.map((p) => [p.name, { type: p.type, optional: values.get(p.name)?.kind === "absent", value: values.get(p.name) ?? { kind: "absent" } }]))];
    this.declarationName = name;
    this.declarationKeyword = "fragment";
    try {
      return body();
    } finally {
      this.scopes = saved.scopes;
      this.declarationName = saved.name;
      this.declarationKeyword = saved.keyword;
    }
  }

  /** A `$reference` in a value position: what it names, or what a fragment parameter was given. */
  value(path: readonly string[], range: Range): IrValue {
    const bound = this.lookup(path[0]!)?.value;
    if (bound && path.length === 1 && (bound.kind === "scalar" || bound.kind === "template")) return bound;
    return this.ref(path, range);
  }

  endDeclaration(): void {
    this.scopes = [];
  }

  /** Runs `body` knowing that the values the condition tests for are given (inside `when $x { … }`). */
  withGiven<T>(condition: IrCondition | undefined, body: () => T): T {
    const paths: string[] = [];
    const collect = (c: IrCondition) => {
      if (c.kind === "ref") paths.push(c.ref.path.join("."));
      else if (c.kind === "and") {
        collect(c.left);
        collect(c.right);
      }
    };
    if (condition) collect(condition);
    appendAll(this.given, paths);
    try {
      return body();
    } finally {
      this.given.length -= paths.length;
    }
  }

  /** Runs `body` with `name` bound to an item of a list. */
  withLoopVariable<T>(name: Identifier, type: ParamType | undefined, body: () => T): T {
    if (this.lookup(name.name)) this.problem(TEMPLATE_STRUCTURE, "shadows", { name: name.name }, name.range);
    this.scopes.push(new Map([[name.name, { type: type ?? { kind: "string" }, optional: false }]]));
    try {
      return body();
    } finally {
      this.scopes.pop();
    }
  }

  private lookup(name: string): Binding | undefined {
    for (let i = this.scopes.length - 1; i >= 0; i--) {
      const b = this.scopes[i]!.get(name);
      if (b) return b;
    }
    return undefined;
  }

  private namesInScope(): string[] {
    return this.scopes.flatMap((s) => [...s.keys()]);
  }

  // ----- types -----

  type(node: TypeNode): ParamType {
    switch (node.kind) {
      case "NamedType": {
        const known = PARAM_TYPE_NAMES.find((t) => t.name === node.name);
        if (known) return { kind: known.name };
        const suggestion = closest(node.name, TYPE_NAMES);
        this.problem(
          TEMPLATE_TYPE,
          suggestion ? "unknownTypeSuggest" : "unknownType",
          { name: node.name, ...(suggestion ? { suggestion } : {}) },
          node.range,
          suggestion,
        );
        return { kind: "string" };
      }
      case "LiteralType":
        return { kind: "literal", value: node.value };
      case "ListType":
        return node.max ? { kind: "list", of: this.type(node.of), max: node.max.value } : { kind: "list", of: this.type(node.of) };
      case "UnionType":
        return { kind: "union", members: node.members.map((m) => this.type(m)) };
      case "RecordType": {
        const fields: RecordFieldType[] = [];
        const names = new Set<string>();
        for (const f of node.fields) {
          if (!f.type) continue;
          if (names.has(f.name.name)) {
            this.problem(TEMPLATE_STRUCTURE, "duplicateField", { name: f.name.name }, f.name.range);
            continue;
          }
          if (this.inDeclarationHead && INHERITED_NAMES.has(f.name.name)) this.problem(TEMPLATE_STRUCTURE, "inheritedName", { name: f.name.name, what: "field of a record type" }, f.name.range);
          names.add(f.name.name);
          fields.push({ name: f.name.name, optional: f.optional, type: this.type(f.type) });
        }
        return { kind: "record", fields };
      }
    }
  }

  private defaultValue(value: Value, type: ParamType, name: string): ParamDefault | undefined {
    const bad = () => {
      this.problem(TEMPLATE_TYPE, "defaultType", { name, type: describeType(type) }, value.range);
      return undefined;
    };
    switch (value.kind) {
      case "String": {
        if (value.parts) {
          this.problem(TEMPLATE_TYPE, "defaultTemplate", { name }, value.range);
          return undefined;
        }
        const literals = literalsOf(type);
        if (literals ? !literals.includes(value.value) : !isStringType(type)) return bad();
        return value.value;
      }
      case "Number":
        return type.kind === "int" && Number.isInteger(value.value) ? value.value : bad();
      case "Boolean":
        return type.kind === "bool" ? value.value : bad();
      case "Null":
        // Not a value of any parameter type: `name?: T` is how a parameter is left out.
        return bad();
      case "List":
        return type.kind === "list" && value.items.length === 0 ? [] : bad();
      default:
        return bad();
    }
  }

  // ----- references -----

  /** `$a.b` (or `${a.b}` in a string): the binding it names, walked through record fields. */
  ref(path: readonly string[], range: Range, interpolated = false): IrParamRef {
    const root = this.lookup(path[0]!);
    const shown = `$${path.join(".")}`;
    /** The text that replaces the reference's range with another path (a did-you-mean fix). */
    const written = (p: readonly string[]) => (interpolated ? `\${${p.join(".")}}` : `$${p.join(".")}`);
    if (!root) {
      if (this.scopes.length === 0 || (this.scopes.length === 1 && this.scopes[0]!.size === 0)) {
        this.problem(UNKNOWN_PARAMETER, "noParameters", { name: shown, declaration: this.declarationName, keyword: this.declarationKeyword, param: path[0]! }, range);
      } else {
        const suggestion = closest(path[0]!, this.namesInScope());
        this.problem(
          UNKNOWN_PARAMETER,
          suggestion ? "unknownSuggest" : "unknown",
          { name: shown, declaration: this.declarationName, ...(suggestion ? { suggestion: `$${suggestion}` } : {}) },
          range,
          suggestion ? written([suggestion, ...path.slice(1)]) : undefined,
        );
      }
      return { kind: "paramRef", path, type: undefined, optional: false, range };
    }
    let type: ParamType = root.type;
    let optional = root.optional && !this.given.includes(path[0]!);
    const bound = root.value;
    if (bound && path.length === 1 && bound.kind === "absent") return { kind: "paramRef", path, type, optional: !this.given.includes(path[0]!), range, absent: true };
    if (bound && path.length === 1 && bound.kind === "scalar") return { kind: "paramRef", path, type, optional: false, range, constant: bound.value };
    if (bound?.kind === "template") {
      this.problem(TEMPLATE_TYPE, "boundTemplate", { name: shown }, range);
      return { kind: "paramRef", path, type: undefined, optional: false, range };
    }
    for (let i = 1; i < path.length; i++) {
      const at = `$${path.slice(0, i).join(".")}`;
      if (type.kind !== "record") {
        this.problem(UNKNOWN_PARAMETER, "notRecord", { name: at, type: describeType(type), field: path[i]! }, range);
        return { kind: "paramRef", path, type: undefined, optional: false, range };
      }
      const field = type.fields.find((f) => f.name === path[i]);
      if (!field) {
        const suggestion = closest(path[i]!, type.fields.map((f) => f.name));
        this.problem(
          UNKNOWN_PARAMETER,
          suggestion ? "unknownFieldSuggest" : "unknownField",
          { name: at, field: path[i]!, type: describeType(type), ...(suggestion ? { suggestion } : {}) },
          range,
          suggestion ? written([...path.slice(0, i), suggestion, ...path.slice(i + 1)]) : undefined,
        );
        return { kind: "paramRef", path, type: undefined, optional: false, range };
      }
      type = field.type;
      optional ||= field.optional;
    }
    // Inside `when $x { … }`, $x is given (compared by the path the value is looked up by).
    const given = this.given.includes((bound?.kind === "paramRef" ? [...bound.path, ...path.slice(1)] : path).join("."));
    if (given) optional = false;
    // A fragment parameter given a caller's reference: the same value, by the caller's path.
    if (bound?.kind === "paramRef") return { ...bound, path: [...bound.path, ...path.slice(1)], type, optional: !given && (optional || bound.optional), range };
    return { kind: "paramRef", path, type, optional, range };
  }

  /** An interpolated string, for a field of type `fieldType`. */
  template(s: StringLiteral, fieldType: FieldType): IrTemplate {
    const parts: (string | IrParamRef)[] = [];
    for (const p of s.parts ?? []) {
      const bound = typeof p === "string" ? undefined : this.lookup(p.path[0]!)?.value;
      // A fragment parameter given an interpolated string: its parts, in place.
      if (typeof p !== "string" && bound?.kind === "template" && p.path.length === 1) appendAll(parts, bound.parts);
      else parts.push(typeof p === "string" ? p : this.ref(p.path, p.range, true));
    }
    const link = fieldType.kind === "string" && fieldType.link === true;
    return { kind: "template", parts, encoding: link ? "uri" : "text", range: s.range };
  }

  // ----- conditions -----

  /** The condition of `when`, from the statement's arguments. */
  condition(args: readonly Argument[], at: Range): IrCondition | undefined {
    if (args.length === 0) {
      this.problem(TEMPLATE_STRUCTURE, "missingCondition", {}, at);
      return undefined;
    }
    const reader = new ConditionReader(args, this);
    const condition = reader.or();
    if (reader.tooLong) return undefined;
    if (condition && !reader.done()) {
      this.badCondition(reader.peek()!);
      return undefined;
    }
    return condition;
  }

  /** A condition that stops after `last` (`when $a and`, `when $a is`). */
  problemAfter(last: Argument): void {
    this.problem(TEMPLATE_STRUCTURE, "incompleteCondition", { after: describeArgument(last) }, last.range);
  }

  /** A condition with an operator past MAX_NESTING_DEPTH: each makes the condition's tree a level deeper. */
  conditionTooLong(operator: Argument): undefined {
    this.problem(TEMPLATE_STRUCTURE, "conditionTooLong", { max: MAX_NESTING_DEPTH }, operator.range);
    return undefined;
  }

  badCondition(arg: Argument): undefined {
    this.problem(TEMPLATE_STRUCTURE, "badCondition", { what: describeArgument(arg) }, arg.range);
    return undefined;
  }

  /** Checks that a bare `$x` can be a condition: a bool, or a value that may be left out. */
  checkTruthy(ref: IrParamRef): void {
    // A fragment parameter given a literal or left out: the condition is decided either way.
    if (!ref.type || ref.type.kind === "bool" || ref.optional || ref.constant !== undefined || ref.absent) return;
    this.problem(TEMPLATE_TYPE, "condition", { name: `$${ref.path.join(".")}`, type: describeType(ref.type) }, ref.range);
  }

  /** Checks that `$x is value` can be true and can be false. */
  checkComparison(ref: IrParamRef, value: string | number | boolean, range: Range): void {
    const type = ref.type;
    if (!type) return;
    const name = `$${ref.path.join(".")}`;
    const literals = literalsOf(type);
    const fits =
      typeof value === "string"
        ? literals
          ? literals.includes(value)
          : isStringType(type)
        : typeof value === "number"
          ? type.kind === "int"
          : type.kind === "bool";
    if (!fits) this.problem(TEMPLATE_TYPE, "neverEqual", { name, type: describeType(type), value: JSON.stringify(value) }, range);
  }
}

/** `or` of `and` of `[not] $ref [is [not] literal]`, read from a statement's arguments. */
class ConditionReader {
  private at = 0;
  /** The 'and', 'or' and 'not' read so far: at most MAX_NESTING_DEPTH, so the tree stays that shallow. */
  private operators = 0;
  /** Set at the operator one too many (reported): the condition is dropped. */
  tooLong = false;

  constructor(
    private readonly args: readonly Argument[],
    private readonly lowering: TemplateLowering,
  ) {}

  done(): boolean {
    return this.at >= this.args.length;
  }

  peek(): Argument | undefined {
    return this.args[this.at];
  }

  private word(w: string): boolean {
    const a = this.peek();
    if (a?.kind === "Identifier" && a.name === w) {
      this.at++;
      return true;
    }
    return false;
  }

  /** Takes an operator word; false, after reporting it, when it is one too many. */
  private operator(w: string): boolean {
    const a = this.peek();
    if (!this.word(w)) return false;
    if (++this.operators <= MAX_NESTING_DEPTH) return true;
    this.lowering.conditionTooLong(a!);
    this.tooLong = true;
    // Nothing more of the condition is read.
    this.at = this.args.length;
    return false;
  }

  or(): IrCondition | undefined {
    let left = this.and();
    while (left && this.operator(CONDITION_WORDS.or)) {
      const right = this.and();
      if (!right) return undefined;
      left = { kind: "or", left, right, range: { start: left.range.start, end: right.range.end } };
    }
    return left;
  }

  private and(): IrCondition | undefined {
    let left = this.unary();
    while (left && this.operator(CONDITION_WORDS.and)) {
      const right = this.unary();
      if (!right) return undefined;
      left = { kind: "and", left, right, range: { start: left.range.start, end: right.range.end } };
    }
    return left;
  }

  private unary(): IrCondition | undefined {
    const first = this.peek();
    if (this.operator(CONDITION_WORDS.not)) {
      const operand = this.unary();
      return operand && { kind: "not", operand, range: { start: first!.range.start, end: operand.range.end } };
    }
    if (this.tooLong) return undefined;
    const a = this.peek();
    if (!a) {
      const last = this.args[this.args.length - 1]!;
      this.lowering.problemAfter(last);
      return undefined;
    }
    if (a.kind !== "ParamRef") return this.lowering.badCondition(a);
    this.at++;
    const ref = this.lowering.ref(a.path, a.range);
    if (!this.word(CONDITION_WORDS.is)) {
      this.lowering.checkTruthy(ref);
      return { kind: "ref", ref, range: a.range };
    }
    const negated = this.word(CONDITION_WORDS.not);
    const v = this.peek();
    if (!v || (v.kind !== "String" && v.kind !== "Number" && v.kind !== "Boolean")) {
      if (v) return this.lowering.badCondition(v);
      this.lowering.problemAfter(this.args[this.args.length - 1]!);
      return undefined;
    }
    this.at++;
    const range = { start: a.range.start, end: v.range.end };
    this.lowering.checkComparison(ref, v.value, range);
    return { kind: "is", ref, value: v.value, negated, range };
  }
}

function describeArgument(arg: Argument): string {
  switch (arg.kind) {
    case "Identifier":
      return `word '${arg.name}'`;
    case "String":
      return `string ${JSON.stringify(arg.value)}`;
    case "Number":
      return `number ${arg.value}`;
    case "ParamRef":
      return `'$${arg.path.join(".")}'`;
    case "ParameterList":
      return "parameter list";
    default:
      return arg.kind.toLowerCase();
  }
}
