/**
 * The TypeScript target: one ES module per source file, with one typed factory function per
 * declaration (`export function incomingCall(p: IncomingCallParams): LayoutDto`) that returns
 * exactly the JSON the JSON target writes for the same values.
 *
 * The code is written to be read: a declaration without conditions is one object literal; the
 * members of a collection under `when` or `each` are added by `if` and `for` statements to a
 * variable declared before the literal. The module needs nothing at run time but itself (a
 * five-line `limit` helper where `each` can exceed a Bitrix24 limit) and the modules of the files
 * its file imports layouts from (written next to it by the same build); its types come from the
 * types module written next to it (ts-types.ts).
 */
import type {
  IrArray,
  IrCollection,
  IrCondition,
  IrDeclaration,
  IrEntry,
  IrGuard,
  IrObject,
  IrParamRef,
  IrProgram,
  IrTemplate,
  IrValue,
  ParamType,
} from "../lower/index.js";
import { constantCondition, isElseOf, isRepeated, memberRuns, resolveReference, translationTexts, type ImportedDeclaration } from "../lower/index.js";
import { getDto, getField } from "../model/index.js";
import { requestMethodsOf } from "../model/index.js";
import { PARAM_TYPE_NAMES } from "../model/index.js";
import { implicitWhenAbsent } from "../model/index.js";
import { isStringType } from "../lower/index.js";
import type { FieldSpec, FieldType } from "../model/index.js";
import { omittedByDirectives } from "../model/index.js";
import { blockUnionName, payloadTypeName, typeOf, typesModule, typeTakes } from "./ts-types.js";
import { identifierFor, moduleName, TYPES_MODULE } from "../util/index.js";

export { identifierFor, TYPES_MODULE };

export interface TypeScriptOptions {
  /** The source path shown in the header comment. */
  readonly source: string;
  /** How the module imports the types module (default `./b24layout-types.js`). */
  readonly typesImport?: string;
  /**
   * `ts` (default): a TypeScript module. `js`: the same module as JavaScript, without types;
   * `dts`: its declarations (the parameter interfaces and the functions' signatures), for `.d.ts`.
   */
  readonly mode?: "ts" | "js" | "dts";
}

let modelTypeNames: ReadonlySet<string> | undefined;

/** `incomingCall` → `IncomingCallParams`; `CardTemplateParams` where that would be a type of the model (`CardParams`). */
export function paramsTypeName(declaration: IrDeclaration): string {
  const id = identifierFor(declaration.name).replace(/_$/, "");
  const pascal = `${id.charAt(0).toUpperCase()}${id.slice(1)}`;
  modelTypeNames ??= new Set([...typesModule().matchAll(/^export (?:interface|type) (\w+)/gm)].map((m) => m[1]!));
  return modelTypeNames.has(`${pascal}Params`) ? `${pascal}TemplateParams` : `${pascal}Params`;
}

/** The TypeScript type of a parameter type; lists are read-only, so callers may pass either kind. */
export function tsType(type: ParamType): string {
  switch (type.kind) {
    case "literal":
      return JSON.stringify(type.value);
    case "union":
      return type.members.map(tsType).join(" | ");
    case "list": {
      const of = tsType(type.of);
      return type.of.kind === "union" ? `readonly (${of})[]` : `readonly ${of}[]`;
    }
    case "record":
      return `{ ${type.fields.map((f) => `${propertyName(f.name)}${f.optional ? "?" : ""}: ${tsType(f.type)}`).join("; ")} }`;
    default:
      return PARAM_TYPE_NAMES.find((t) => t.name === type.kind)!.ts;
  }
}

function propertyName(key: string): string {
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(key) ? key : JSON.stringify(key);
}

/** Keys whose values TypeScript types by the member every object inherits (lib.es5.d.ts's `Object`). */
const INHERITED_KEYS: ReadonlySet<string> = new Set(["constructor", "toString", "toLocaleString", "valueOf", "hasOwnProperty", "isPrototypeOf", "propertyIsEnumerable"]);

/** A key in an object literal; `__proto__` as a computed key, which defines a property instead of setting the prototype. */
function literalKey(key: string): string {
  return key === "__proto__" ? `["__proto__"]` : propertyName(key);
}

/**
 * The functions of other modules a module calls: the declarations its file imports (`import { card }
 * from "./layouts.b24layout"`), each under a name of this module's own, imported only when called.
 */
class ModuleImports {
  private readonly names = new Map<ImportedDeclaration, string>();
  private readonly used = new Set<ImportedDeclaration>();

  constructor(program: IrProgram) {
    const imports = program.imports;
    if (!imports) return;
    modelTypeNames ??= new Set([...typesModule().matchAll(/^export (?:interface|type) (\w+)/gm)].map((m) => m[1]!));
    // The module's own functions and types, and the model's types, keep their names.
    const taken = new Set<string>(["limit", ...modelTypeNames]);
    for (const d of program.declarations) {
      taken.add(identifierFor(d.name));
      if (d.params.length > 0) taken.add(paramsTypeName(d));
    }
    for (const imported of imports.values()) {
      const base = identifierFor(imported.declaration.name);
      let name = base;
      for (let n = 1; taken.has(name); n++) name = `${base}Imported${n === 1 ? "" : n}`;
      taken.add(name);
      this.names.set(imported, name);
    }
  }

  /** The local names of the imported functions, which a parameter must not hide. */
  localNames(): Iterable<string> {
    return this.names.values();
  }

  /** The local name of an imported declaration's function, imported for it. */
  use(imported: ImportedDeclaration): string {
    this.used.add(imported);
    return this.names.get(imported)!;
  }

  /** `import { card } from "./layouts.js";`, one line per module, of the functions called. */
  lines(): string[] {
    const byModule = new Map<string, string[]>();
    for (const imported of this.used) {
      const module = `./${moduleName(imported.path)}.js`;
      const exported = identifierFor(imported.declaration.name);
      const local = this.names.get(imported)!;
      const list = byModule.get(module) ?? [];
      list.push(local === exported ? exported : `${exported} as ${local}`);
      byModule.set(module, list);
    }
    return [...byModule].sort(([a], [b]) => a.localeCompare(b)).map(([module, names]) => `import { ${names.sort().join(", ")} } from ${JSON.stringify(module)};`);
  }
}

/** The module for one source file's program. */
export function emitTypeScriptModule(program: IrProgram, options: TypeScriptOptions): string {
  const mode = options.mode ?? "ts";
  const types = new Set<string>();
  const imports = new ModuleImports(program);
  const bodies = program.declarations.map((d) => new FactoryWriter(program, d, types, mode, imports).write());
  const usesLimit = mode !== "dts" && bodies.some((b) => b.includes("limit("));
  const importPath = options.typesImport ?? `./${TYPES_MODULE}.js`;
  const typed = mode !== "js";
  const functions = imports.lines();
  const header = [
    `// Generated by b24layout from ${options.source}. Do not edit: change the .b24layout file and build again.`,
    "",
    ...(typed && types.size > 0 ? [`import type { ${[...types].sort().join(", ")} } from ${JSON.stringify(importPath)};`] : []),
    ...functions,
    ...(typed ? [`export type * from ${JSON.stringify(importPath)};`, ""] : functions.length > 0 ? [""] : []),
  ];
  const signature = typed ? "<T extends object>(members: T, max: number, what: string): T" : "(members, max, what)";
  const helper = usesLimit
    ? [
        "/** Throws when `each` made more members than Bitrix24 allows (it would answer TOO_MANY_ITEMS). */",
        `function limit${signature} {`,
        "  const count = Array.isArray(members) ? members.length : Object.keys(members).length;",
        "  if (count > max) throw new RangeError(`${what} can hold at most ${max} items, but these arguments make ${count}; Bitrix24 would answer TOO_MANY_ITEMS.`);",
        "  return members;",
        "}",
        "",
      ]
    : [];
  return [...header, ...helper, bodies.join("\n")].join("\n");
}

/** Writes one declaration's parameters interface and factory function. */
class FactoryWriter {
  /** Statements of the function body, in blocks: the innermost `if` or `for` being written is last. */
  private readonly blocks: string[][] = [[]];
  /** Local names of parameters and loop variables, innermost scope last. */
  private readonly scopes: Map<string, { local: string; optional: boolean }>[] = [];
  private readonly usedLocals = new Set<string>();
  /** Locals the code reads: parameters, loop variables and indices that are never read are not declared. */
  private readonly readLocals = new Set<string>();
  /** Set while an item under `each` is written: its field that takes the item's position. */
  private keyedField: { readonly field: string; readonly suffix: string } | undefined = undefined;
  private loopDepth = 0;

  constructor(
    private readonly program: IrProgram,
    private readonly declaration: IrDeclaration,
    private readonly types: Set<string>,
    private readonly mode: "ts" | "js" | "dts",
    private readonly imports: ModuleImports,
  ) {
    // The functions of the module, its own and imported: a parameter named like one must not hide it.
    for (const other of program.declarations) this.usedLocals.add(identifierFor(other.name));
    for (const name of imports.localNames()) this.usedLocals.add(name);
  }

  /** `: type` in TypeScript, nothing in JavaScript. */
  private annotation(type: string): string {
    return this.mode === "js" ? "" : `: ${type}`;
  }

  write(): string {
    const d = this.declaration;
    const fn = identifierFor(d.name);
    // A `blocks` declaration with its target writes the whole request (BlocksSetParams).
    const payload = d.root.dto === d.spec.request?.dto ? d.root.dto : payloadTypeName(d.spec.outputKind, d.directives);
    this.types.add(payload);
    const out: string[] = [];
    const scope = new Map<string, { local: string; optional: boolean }>();
    let signature = "";
    let destructure = () => {};
    if (d.params.length > 0) {
      const iface = paramsTypeName(d);
      if (this.mode !== "js") {
        out.push(`/** Parameters of ${d.spec.keyword} \`${d.name}\`. */`, `export interface ${iface} {`);
        for (const p of d.params) {
          if (p.defaultValue !== undefined) out.push(`  /** Default: ${JSON.stringify(p.defaultValue)}. */`);
          out.push(`  ${propertyName(p.name)}${p.optional ? "?" : ""}: ${tsType(p.type)};`);
        }
        out.push("}", "");
      }
      const fields = d.params.map((p) => {
        const local = this.local(identifierFor(p.name));
        scope.set(p.name, { local, optional: p.optional && p.defaultValue === undefined });
        const rename = local === p.name ? p.name : `${propertyName(p.name)}: ${local}`;
        return { local, text: p.defaultValue !== undefined ? `${rename} = ${JSON.stringify(p.defaultValue)}` : rename };
      });
      const allOptional = d.params.every((p) => p.optional);
      signature = this.mode === "dts" ? `p${allOptional ? "?" : ""}: ${iface}` : `p${this.annotation(iface)}${allOptional ? " = {}" : ""}`;
      // Only the parameters the code reads are taken out of `p` (known once the body is written).
      destructure = () => {
        const read = fields.filter((f) => this.readLocals.has(f.local));
        if (read.length === 0) {
          signature = signature.replace(/^p/, "_p");
          return;
        }
        this.blocks[0]!.unshift(`const { ${read.map((f) => f.text).join(", ")} } = p;`);
      };
    }
    this.scopes.push(scope);
    const wrapped = requestMethodsOf(d.root.dto).filter((m) => d.root.entries.some((e) => e.key === m.selectedBy));
    const method = wrapped.length > 0 ? wrapped.map((m) => m.method).join(" / ") : d.spec.method;
    out.push(`/** ${d.spec.keyword} \`${d.name}\`: the ${payload} for ${method}. */`);
    if (this.mode === "dts") {
      out.push(`export declare function ${fn}(${signature}): ${payload};`, "");
      return out.join("\n");
    }
    const value = this.object(d.root, "  ", omittedFields(d));
    destructure();
    out.push(`export function ${fn}(${signature})${this.annotation(payload)} {`);
    for (const line of this.blocks[0]!) out.push(indented(line));
    out.push(`  return ${value};`, "}", "");
    return out.join("\n");
  }

  private local(base: string): string {
    let name = base;
    for (let n = 2; this.usedLocals.has(name); n++) name = `${base}${n}`;
    this.usedLocals.add(name);
    return name;
  }

  private emit(line: string): void {
    this.blocks[this.blocks.length - 1]!.push(line);
  }

  // ----- values -----

  private value(v: IrValue, field: FieldSpec | undefined, ind: string): string {
    switch (v.kind) {
      case "scalar":
        return JSON.stringify(v.value);
      case "object":
        return this.object(v, ind);
      case "collection":
        return v.entries.some((e) => e.guard !== undefined) ? this.guardedCollection(v, field) : this.entries(v.entries, ind, field);
      case "array":
        return v.guards ? this.guardedArray(v, field) : this.array(v.items, field, ind);
      case "paramRef":
        return this.ref(v);
      case "template":
        return this.template(v);
      case "translationRef": {
        const texts = translationTexts(this.program, v.key).map(([language, text]) => `${ind}  ${literalKey(language)}: ${JSON.stringify(text)},`);
        return texts.length === 0 ? "{}" : `{\n${texts.join("\n")}\n${ind}}`;
      }
      case "declarationRef": {
        const target = resolveReference(this.program, v);
        if (!target) return "null";
        // `layout card { dealId: $deal }`: its function, of this module or imported from its file's, called with the values given (the checker saw they fit).
        const fn = target.imported ? this.imports.use(target.imported) : identifierFor(target.declaration.name);
        const args = v.args ?? [];
        if (args.length === 0) return `${fn}()`;
        const lines = args.map((a) => {
          const text = this.value(a.value, undefined, `${ind}  `);
          const key = literalKey(a.name);
          if (a.value.kind === "paramRef" && a.value.optional) return `${ind}  ...(${text} !== undefined ? { ${key}: ${text} } : {}),`;
          return text === key ? `${ind}  ${key},` : `${ind}  ${key}: ${text},`;
        });
        return `${fn}({\n${lines.join("\n")}\n${ind}})`;
      }
    }
  }

  /** A DTO object: fields in the model's order, as the JSON emitter writes them. */
  private object(obj: IrObject, ind: string, omit: readonly string[] = []): string {
    const dto = getDto(obj.dto);
    // The raw `json` form is written as it is, as the JSON target writes it.
    if (!dto?.closed || obj.raw === true) return this.entries(obj.entries, ind);
    // Only the item's own object: objects inside it have fields of the same names.
    const keyed = this.keyedField;
    this.keyedField = undefined;
    const lines: string[] = [];
    for (const f of dto.fields) {
      if (omit.includes(f.name)) continue;
      const field = getField(dto, f.name)!;
      const e = obj.entries.find((x) => x.key === f.name);
      if (e && keyed?.field === f.name && e.value.kind === "scalar" && typeof e.value.value === "string") {
        lines.push(`${ind}  ${literalKey(f.name)}: \`${escapeTemplateText(e.value.value)}${keyed.suffix}\`,`);
      } else if (e) {
        let text = this.value(e.value, field, `${ind}  `);
        const key = literalKey(f.name);
        // Sent as written, which the payload type does not take (the checker warns about it): a cast, so the module compiles.
        if (e.value.kind === "scalar" && this.mode === "ts" && !typeTakes(field.type, e.value.value)) text = `${text} as never`;
        const property = text === key ? key : `${key}: ${text}`;
        if (e.value.kind === "paramRef" && e.value.optional) lines.push(`${ind}  ...(${text} !== undefined ? { ${key}: ${text} } : {}),`);
        // A field the docs list and the server refuses, sent under "target": "docs": the payload type leaves it out, and a spread is not held to it.
        else if (this.mode === "ts" && field.accepted?.server === false) lines.push(`${ind}  ...{ ${property} },`);
        else lines.push(`${ind}  ${property},`);
      } else {
        // What a body of statements sends for a field it does not write, as the JSON target does.
        const implicit = implicitWhenAbsent(f);
        if (implicit === "emptyObject") lines.push(`${ind}  ${literalKey(f.name)}: {},`);
        else if (implicit !== undefined) lines.push(`${ind}  ${literalKey(f.name)}: ${JSON.stringify(implicit.value)},`);
      }
    }
    // Keys the DTO does not have (reported by unknown-property), after its fields, as the JSON target writes them.
    for (const e of obj.entries) if (!dto.fields.some((f) => f.name === e.key)) lines.push(`${ind}  ${literalKey(e.key)}: ${this.value(e.value, undefined, `${ind}  `)},`);
    return lines.length === 0 ? "{}" : `{\n${lines.join("\n")}\n${ind}}`;
  }

  /** Written keys in written order (collections, open maps). */
  private entries(entries: readonly IrEntry[], ind: string, field?: FieldSpec): string {
    if (entries.length === 0) return "{}";
    const lines = entries.map((e) => {
      const text = this.value(e.value, undefined, `${ind}  `);
      // TypeScript types the value of a key every object has (`constructor`, `toString`) by that
      // inherited member, not by the collection's index signature: `satisfies` gives the member type back.
      const member = e.value.kind === "object" && INHERITED_KEYS.has(e.key) && this.mode === "ts" ? this.memberType(field) : undefined;
      return `${ind}  ${literalKey(e.key)}: ${text}${member ? ` satisfies ${member}` : ""},`;
    });
    return `{\n${lines.join("\n")}\n${ind}}`;
  }

  /** The type of a collection's members (`TextBlock | LinkBlock`, `TagDto`), imported; undefined for other fields. */
  private memberType(field: FieldSpec | undefined): string | undefined {
    if (field?.type.kind !== "collection") return undefined;
    this.useTypes(field.type);
    return field.type.blockTypes ? blockUnionName(field.type.blockTypes) : field.type.of;
  }

  private array(items: readonly IrValue[], field: FieldSpec | undefined, ind: string): string {
    if (items.length === 0) return "[]";
    const of = field?.type.kind === "list" ? field.type.of : undefined;
    const texts = items.map((item) => this.value(item, of ? ({ ...field!, type: of }) : undefined, `${ind}  `));
    if (texts.every((t) => !t.includes("\n")) && texts.join(", ").length < 60) return `[${texts.join(", ")}]`;
    return `[\n${texts.map((t) => `${ind}  ${t},`).join("\n")}\n${ind}]`;
  }

  // ----- templates -----

  private lookup(name: string): { local: string; optional: boolean } | undefined {
    for (let i = this.scopes.length - 1; i >= 0; i--) {
      const b = this.scopes[i]!.get(name);
      if (b) return b;
    }
    return undefined;
  }

  private ref(ref: IrParamRef): string {
    if (ref.absent) return "undefined";
    if (ref.constant !== undefined) return JSON.stringify(ref.constant);
    const [name, ...fields] = ref.path;
    const binding = this.lookup(name!);
    if (binding) this.readLocals.add(binding.local);
    let out = binding?.local ?? "undefined";
    for (const f of fields) out += `${binding?.optional ? "?." : "."}${propertyName(f) === f ? f : `[${JSON.stringify(f)}]`}`;
    return out;
  }

  private template(t: IrTemplate): string {
    // `"${name}"` alone is the string itself.
    const [only] = t.parts;
    if (t.parts.length === 1 && typeof only !== "string" && only!.type && isStringType(only!.type) && !(t.encoding === "uri" && only!.type.kind !== "url")) {
      return this.ref(only!);
    }
    let out = "`";
    for (const part of t.parts) {
      if (typeof part === "string") {
        out += escapeTemplateText(part);
        continue;
      }
      const ref = this.ref(part);
      out += t.encoding === "uri" && part.type?.kind !== "url" ? `\${encodeURIComponent(${ref})}` : `\${${ref}}`;
    }
    return `${out}\``;
  }

  private condition(c: IrCondition, nested = false): string {
    switch (c.kind) {
      case "ref": {
        const ref = this.ref(c.ref);
        return c.ref.type?.kind === "bool" ? (c.ref.optional ? `${ref} === true` : ref) : `${ref} !== undefined`;
      }
      case "is":
        return `${this.ref(c.ref)} ${c.negated ? "!==" : "==="} ${JSON.stringify(c.value)}`;
      case "not": {
        const inner = this.condition(c.operand, true);
        return c.operand.kind === "ref" && c.operand.ref.type?.kind === "bool" && !c.operand.ref.optional ? `!${inner}` : `!(${inner})`;
      }
      case "and":
      case "or": {
        const text = `${this.condition(c.left, true)} ${c.kind === "and" ? "&&" : "||"} ${this.condition(c.right, true)}`;
        return nested ? `(${text})` : text;
      }
    }
  }

  // ----- members under when / each -----

  /**
   * Writes the statements that add `members` (in order) under `parent`: direct members through
   * `add`, runs under one `when` as `if` (with its `else`), runs under one `each` as a `for`.
   */
  private members<T>(members: readonly T[], guardOf: (m: T) => IrGuard | undefined, add: (m: T, suffix: string) => void, parent?: IrGuard, suffix = ""): void {
    let previousWhen: (IrGuard & { kind: "when" }) | undefined;
    for (const run of memberRuns(members, guardOf, parent)) {
      if (run.kind === "member") {
        add(run.member, suffix);
        previousWhen = undefined;
        continue;
      }
      const guard = run.guard;
      const known = guard.kind === "when" ? constantCondition(guard.condition) : undefined;
      if (known !== undefined) {
        // Decided by literals given to a fragment: no `if`.
        if (known) this.members(run.members, guardOf, add, guard, suffix);
        previousWhen = undefined;
        continue;
      }
      if (guard.kind === "when") {
        const isElse = previousWhen !== undefined && isElseOf(guard, previousWhen);
        if (isElse) {
          // Reopen the `if` just closed as `} else {`.
          const block = this.blocks[this.blocks.length - 1]!;
          block[block.length - 1] = "} else {";
        } else {
          this.emit(`if (${this.condition(guard.condition)}) {`);
        }
        this.blocks.push([]);
        this.members(run.members, guardOf, add, guard, suffix);
        this.closeBlock();
        previousWhen = isElse ? undefined : guard;
      } else {
        this.loopDepth++;
        const index = this.local(`i${this.loopDepth}`);
        const local = this.local(identifierFor(guard.variable));
        const listRef = this.ref(guard.list);
        const list = guard.list.optional ? `(${listRef} ?? [])` : listRef;
        this.blocks.push([]);
        this.scopes.push(new Map([[guard.variable, { local, optional: false }]]));
        this.members(run.members, guardOf, add, guard, `${suffix}_\${${index} + 1}`);
        this.scopes.pop();
        const inner = this.blocks.pop()!;
        // Only what the body reads is declared: the item, its position (in keys), or neither.
        const item = this.readLocals.has(local);
        const position = this.readLocals.has(index);
        if (item && position) this.emit(`for (const [${index}, ${local}] of ${list}.entries()) {`);
        else if (item) this.emit(`for (const ${local} of ${list}) {`);
        else this.emit(`for (let ${index} = 0; ${index} < ${list}.length; ${index}++) {`);
        for (const line of inner) this.emit(indented(line));
        this.emit("}");
        this.usedLocals.delete(local);
        this.usedLocals.delete(index);
        this.loopDepth--;
        previousWhen = undefined;
      }
    }
  }

  /** Marks the loop positions a key suffix (`_${i1 + 1}`) uses as read. */
  private readIndices(suffix: string): void {
    for (const m of suffix.matchAll(/\$\{(\w+) \+ 1\}/g)) this.readLocals.add(m[1]!);
  }

  private closeBlock(): void {
    const inner = this.blocks.pop()!;
    for (const line of inner) this.emit(indented(line));
    this.emit("}");
  }

  private guardedCollection(c: IrCollection, field: FieldSpec | undefined): string {
    const name = this.local(field ? identifierFor(field.name) : "members");
    const type = field ? typeOf(field.type) : "Record<string, unknown>";
    this.useTypes(field?.type);
    this.emit(`const ${name}${this.annotation(type)} = {};`);
    this.members(
      c.entries,
      (e) => e.guard,
      (e, suffix) => {
        const value = this.value(e.value, undefined, "");
        const key = suffix ? `\`${e.key.replace(/[`\\$]/g, (ch) => `\\${ch}`)}${suffix}\`` : JSON.stringify(e.key);
        this.readIndices(suffix);
        if (e.key === "__proto__" && !suffix) this.emit(`Object.defineProperty(${name}, "__proto__", { value: ${value}, enumerable: true, writable: true, configurable: true });`);
        else this.emit(`${name}[${key}] = ${value};`);
      },
    );
    return this.limited(name, field, c.entries.some((e) => isRepeated(e.guard)));
  }

  private guardedArray(a: IrArray, field: FieldSpec | undefined): string {
    const name = this.local(field ? identifierFor(field.name) : "items");
    const type = field ? typeOf(field.type) : "unknown[]";
    this.useTypes(field?.type);
    this.emit(`const ${name}${this.annotation(type)} = [];`);
    const guards = a.guards!;
    this.members(
      a.items.map((item, i) => ({ item, guard: guards[i] })),
      (m) => m.guard,
      (m, suffix) => {
        // Under `each`, the field that keys an item (a section's name) gets the item's position.
        if (suffix && a.keyField) {
          this.readIndices(suffix);
          this.keyedField = { field: a.keyField, suffix };
        }
        this.emit(`${name}.push(${this.value(m.item, undefined, "")});`);
        this.keyedField = undefined;
      },
    );
    return this.limited(name, field, guards.some(isRepeated));
  }

  private limited(name: string, field: FieldSpec | undefined, repeated: boolean): string {
    const t = field?.type;
    const max = t?.kind === "collection" || t?.kind === "list" ? t.limits?.max?.server : undefined;
    if (!repeated || max === undefined) return name;
    return `limit(${name}, ${max}, ${JSON.stringify(`${this.declaration.spec.keyword} ${this.declaration.name}: '${field!.name}'`)})`;
  }

  /** Records the model types a variable's annotation names, for the import. */
  private useTypes(type: FieldType | undefined): void {
    if (!type) return;
    if (type.kind === "collection") {
      for (const name of (type.blockTypes ? blockUnionName(type.blockTypes) : type.of).split(" | ")) this.types.add(name);
    } else if (type.kind === "list") {
      this.useTypes(type.of);
    } else if (type.kind === "object") {
      this.types.add(type.dto);
    }
  }
}

/**
 * Text for a template literal. Line breaks are escaped: the literal stays on one line, so
 * indenting the code around it cannot change it.
 */
function escapeTemplateText(text: string): string {
  return text
    .replace(/[`\\]/g, (c) => `\\${c}`)
    .replace(/\$\{/g, "\\${")
    .replace(/\r/g, "\\r")
    .replace(/\n/g, "\\n");
}

/** Every line of a statement (which may span lines) indented one level. */
function indented(statement: string): string {
  return statement
    .split("\n")
    .map((line) => `  ${line}`)
    .join("\n");
}

/** Fields the declaration's form leaves out of the root (`legacy` cards have no `entityTypeId`). */
function omittedFields(d: IrDeclaration): string[] {
  return [...omittedByDirectives(d.spec, d.directives)];
}

