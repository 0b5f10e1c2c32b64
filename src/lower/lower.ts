/**
 * Lowering: from the generic statements of the AST to the IR, guided by the model. Lowering is
 * permissive: it records what the author wrote where the model puts it, and leaves judging to the
 * rules. It only reports what it cannot place (an unknown statement, an argument it cannot bind).
 */
import type { ActionClause, Argument, Body, Document, Identifier, Label, MapLiteral, Range, Statement } from "../syntax/index.js";
import type { RelatedLocation } from "../diagnostic.js";
import { getDto, getField, unknownKeyReport } from "../model/index.js";
import { bindingPlan, blockPlan, claimsWord, CONTENT_BLOCK, isDirective, rawItemType, type BindingPlan } from "../model/index.js";
import { DECLARATIONS, getDeclaration, memberFieldOf, RAW_KEYWORD, TRANSLATIONS_KEYWORD } from "../model/index.js";
import { entityByWord } from "../model/index.js";
import type { DeclarationSpec, DtoSpec, EnumValue, FieldSpec, FieldType, StatementSpec } from "../model/index.js";
import { closest } from "../util/index.js";
import { findLookAlike } from "./look-alike.js";
import { LOOK_ALIKES } from "../model/index.js";
import { listed, withArticle } from "../util/index.js";
import type {
  ImportedDeclaration,
  IrArgument,
  IrArray,
  IrCollection,
  IrDeclaration,
  IrEntry,
  IrGuard,
  IrObject,
  IrParam,
  IrProgram,
  IrScalar,
  IrValue,
  TranslationTable,
} from "./ir.js";
import { EACH_IN, EACH_KEYWORD, ELSE_KEYWORD, FRAGMENT_KEYWORD, TEMPLATE_KEYWORDS, USE_KEYWORD, WHEN_KEYWORD } from "../model/index.js";
import { TemplateLowering, assignable, describeType, typeMismatch, type FragmentValue } from "./templates.js";
import {
  declarationRef,
  entry,
  generatedEntry,
  newArray,
  newCollection,
  newDeclaration,
  newList,
  newObject,
  newProgram,
  newTranslationEntry,
  newTranslationLanguage,
  newTranslationTable,
  scalar,
  span,
  translationRef,
} from "./nodes.js";
import { plainConstructor, type Writable } from "../util/index.js";
import { lowerRawRoot, lowerRawValue, rawLiteralAt, rawMemberLiteral, type RawLiteral } from "./raw-json.js";
import { appendAll } from "../util/index.js";
import { MAX_NESTING_DEPTH } from "../syntax/index.js";
import {
  INVALID_ARGUMENT,
  LOOK_ALIKE,
  RAW_JSON,
  TEMPLATE_STRUCTURE,
  TEMPLATE_TYPE,
  UNKNOWN_PROPERTY,
  type Problem,
  type ProblemReporter,
} from "../messages/index.js";

/** A problem found while lowering, reported through the named rule's message template. */
export type LoweringProblem = Problem;

export interface LoweringResult {
  readonly program: IrProgram;
  readonly problems: readonly LoweringProblem[];
  /** The file's own fragments, for the files that import them. */
  readonly fragments?: ReadonlyMap<string, Fragment>;
}

/** What a file's imports bring in (see imports.ts). */
export interface ImportScope {
  /** Imported fragments: their members are lowered where they are used, placed at the `use`. */
  readonly fragments: ReadonlyMap<string, Fragment>;
  /** Imported declarations (layouts), for the file's references to them: they stay their own file's. */
  readonly declarations?: ReadonlyMap<string, ImportedDeclaration>;
  /** Imported translation tables, merged: `@key` resolves here after the file's own table. */
  readonly translations: TranslationTable | undefined;
}

/** The type of map values and list items that have no field in the model. */
const STRING_TYPE: FieldType = { kind: "string" };
const NO_NAMES: readonly string[] = [];

/** A `fragment` declaration. */
export interface Fragment {
  readonly name: Identifier;
  readonly params: readonly IrParam[];
  readonly statements: readonly Statement[];
  /** From another file: its statements are relocated to the `use` before lowering. */
  readonly imported?: boolean;
}

/** What lowering reads of a DTO: its binding plan (src/model/binding.ts). */
type DtoPlan = BindingPlan;
const planByName = bindingPlan;
const ACTION_PLAN = bindingPlan("ActionDto");

/**
 * A body split into the statements that set the request's own params (`entityId 42`) and the
 * payload's. Only statements directly in the body: under `when` or `each` a target would be a
 * member, which is reported where it is.
 */
function splitRequest(body: Body, request: NonNullable<DeclarationSpec["request"]>): { readonly target: readonly Statement[]; readonly payload: Body } {
  const plan = planByName(request.dto);
  const isTarget = (st: Statement) => st.name.name !== request.payloadField && plan.plainFields.has(st.name.name);
  return { target: body.statements.filter(isTarget), payload: { ...body, statements: body.statements.filter((st) => !isTarget(st)) } };
}

/** Enum values by alias, for each enum type that has aliases. */
const enumAliases = new WeakMap<FieldType, ReadonlyMap<string, EnumValue>>();

function enumValueByAlias(type: FieldType & { kind: "enum" }, word: string): EnumValue | undefined {
  let byAlias = enumAliases.get(type);
  if (byAlias === undefined) {
    const map = new Map<string, EnumValue>();
    for (const v of type.values) for (const a of v.aliases ?? NO_NAMES) if (!map.has(a)) map.set(a, v);
    byAlias = map;
    enumAliases.set(type, byAlias);
  }
  return byAlias.get(word);
}

const LoweringResultNode = plainConstructor(function (this: Writable<LoweringResult>, program: IrProgram, problems: readonly LoweringProblem[]) {
  this.program = program;
  this.problems = problems;
});

const ProblemNode = plainConstructor(function (
  this: Writable<LoweringProblem>,
  ruleId: string,
  messageId: string,
  data: LoweringProblem["data"],
  range: Range,
  replacement: string | undefined,
  related: readonly RelatedLocation[] | undefined,
) {
  this.ruleId = ruleId;
  this.messageId = messageId;
  this.data = data;
  this.range = range;
  if (replacement !== undefined) this.replacement = replacement;
  if (related !== undefined) this.related = related;
});

export function lower(document: Document, imports?: ImportScope): LoweringResult {
  return new Lowering(imports).run(document);
}

/** What lowering one top-level statement gives (see FileLowering). */
export interface StatementLowering {
  /** The declaration, unless the statement is none (or has no name). */
  readonly declaration: IrDeclaration | undefined;
  readonly problems: readonly LoweringProblem[];
  /** Whether the statement uses templates (parameters, `$references`, `when`, `each`, `use`). */
  readonly templated: boolean;
}

/**
 * A file's lowering in parts, for a checker that lowers again only the declarations that changed
 * (src/pipeline/incremental.ts). Lowering every statement of the document with `statement` and
 * putting the declarations into `program` gives what `lower` gives.
 */
export interface FileLowering {
  /** The problems of the file-level statements (translation tables, fragments). */
  readonly problems: readonly LoweringProblem[];
  /** One top-level statement; translation tables and fragments give nothing here (they are file-level). */
  statement(s: Statement): StatementLowering;
  /** The program of these declarations; `templated` when any statement was. */
  program(declarations: IrDeclaration[], templated: boolean): IrProgram;
}

export function lowerFile(document: Document, imports?: ImportScope): FileLowering {
  const lowering = new Lowering(imports);
  lowering.beginDocument(document);
  return {
    problems: lowering.problemsSoFar(),
    statement: (s) => lowering.statement(s),
    program: (declarations, templated) => lowering.program(declarations, templated),
  };
}

/**
 * One lowering of one document. Entries for model fields take the model's own string as their key
 * (equal to what was written): the emitter and the rules then compare keys by identity.
 */
class Lowering {
  constructor(private readonly imports: ImportScope | undefined) {
    if (imports) for (const [name, f] of imports.fragments) this.fragments.set(name, f);
  }

  private readonly problems = newList<LoweringProblem>();
  private readonly translations = newTranslationTable();
  /** Objects created by a flattened statement (`completed true` creates `fields`), not written by the author. */
  private readonly implicitObjects = new Set<IrValue>();
  /** Scratch list of bindArguments. */
  private readonly taken: Taken = { fields: newList(), count: 0 };
  private readonly templates = new TemplateLowering((rule, messageId, data, range, replacement) =>
    this.problem(rule, messageId, data, range, replacement),
  );
  /** The innermost `when` or `each` around the statement being lowered. */
  private guard: IrGuard | undefined = undefined;
  /** Set by the first `when`, `each` or `use`, and by any `$reference` or interpolation. */
  private templated = false;
  /** `fragment` declarations of the file, by name. */
  private readonly fragments = new Map<string, Fragment>();
  /** The fragments being expanded, outermost first: a `use` of one of them is a cycle. */
  private readonly expanding: string[] = [];

  run(document: Document): LoweringResult {
    const declarations = newList<IrDeclaration>();
    this.beginDocument(document);
    for (const s of document.statements) {
      const decl = this.topLevel(s);
      if (decl) declarations.push(decl);
    }
    const program = this.program(declarations, this.templated);
    const result = new LoweringResultNode(program, this.problems);
    if (this.fragments.size > 0) (result as Writable<LoweringResult>).fragments = this.fragments;
    return result;
  }

  /** The file-level statements every declaration may depend on: fragments and translation tables. */
  beginDocument(document: Document): void {
    // Fragments first: a declaration may use one written after it.
    for (const s of document.statements) if (s.name.name === FRAGMENT_KEYWORD) this.collectFragment(s);
    for (const s of document.statements) {
      const keyword = s.name.name;
      if (keyword !== TRANSLATIONS_KEYWORD && keyword !== FRAGMENT_KEYWORD) continue;
      if (s.label) this.problem(INVALID_ARGUMENT, "labelNotAllowed", { what: withArticle(`${keyword} declaration`) }, s.label.range);
      if (keyword === TRANSLATIONS_KEYWORD) this.lowerTranslations(s);
    }
  }

  /** A top-level statement other than the file-level ones of beginDocument. */
  topLevel(s: Statement): IrDeclaration | undefined {
    const keyword = s.name.name;
    if (keyword === "" || keyword === TRANSLATIONS_KEYWORD || keyword === FRAGMENT_KEYWORD) return undefined;
    if (s.label) this.problem(INVALID_ARGUMENT, "labelNotAllowed", { what: withArticle(`${keyword} declaration`) }, s.label.range);
    const spec = getDeclaration(keyword);
    if (!spec) {
      const options = [...DECLARATIONS.map((d) => d.keyword), TRANSLATIONS_KEYWORD];
      this.unknown(s.name.name, s.name.range, "the top level of a file", options);
      return undefined;
    }
    return this.lowerDeclaration(s, spec);
  }

  /** One top-level statement on its own, with the problems it made (see FileLowering). */
  statement(s: Statement): StatementLowering {
    const before = this.problems.length;
    this.templated = false;
    const declaration = this.topLevel(s);
    const templated = this.templated || (declaration !== undefined && declaration.params.length > 0);
    const problems = this.problems.slice(before);
    // The caller keeps them: the list does not grow with every statement lowered.
    this.problems.length = before;
    return { declaration, problems, templated };
  }

  /** The problems made so far (by beginDocument, before any statement). */
  problemsSoFar(): readonly LoweringProblem[] {
    return this.problems.slice();
  }

  program(declarations: IrDeclaration[], templated: boolean): IrProgram {
    const program = newProgram(declarations, this.translations);
    if (this.imports?.translations) program.importedTranslations = this.imports.translations;
    if (this.imports?.declarations && this.imports.declarations.size > 0) program.imports = this.imports.declarations;
    if (templated || declarations.some((d) => d.params.length > 0)) program.templated = true;
    return program;
  }

  // ----- reporting -----

  /** Reports a message of `rule` (ProblemReporter): an id it does not have, or a placeholder without a value, does not compile. */
  readonly problem: ProblemReporter = (rule, messageId, data, range, replacement, related) => {
    this.problems.push(new ProblemNode(rule.ruleId, messageId, data, range, replacement, related));
  };

  /** Reports an unknown statement; returns the name suggested for it. */
  unknown(name: string, range: Range, where: string, candidates: Iterable<string>): string | undefined {
    // A member of a look-alike (`input`, `primaryButton`): say where it belongs rather than guess.
    const lookAlike = LOOK_ALIKES.find((l) => l.blockTypes.includes(name) || l.layoutFields.includes(name));
    if (lookAlike) {
      const member = lookAlike.blockTypes.includes(name) ? `'${name}' is a block of` : `'${name}' belongs to`;
      this.problem(UNKNOWN_PROPERTY, "lookAlikeStatement", { name, where, member, lookAlike: lookAlike.title }, range);
      return undefined;
    }
    const suggestion = closest(name, candidates);
    this.problem(
      UNKNOWN_PROPERTY,
      suggestion ? "unknownStatementSuggest" : "unknownStatement",
      { name, where, ...(suggestion ? { suggestion } : {}) },
      range,
      suggestion,
    );
    return suggestion;
  }

  // ----- declarations -----

  /** The request params around a payload: the target statements, and the payload under its field. */
  private lowerRequest(target: readonly Statement[], request: NonNullable<DeclarationSpec["request"]>, payload: IrObject, nameRange: Range, range: Range): IrObject {
    const plan = planByName(request.dto);
    const params = newObject(plan.name, range);
    this.lowerStatements(params, plan, target, new Map());
    params.entries.push(entry(request.payloadField, nameRange, payload, range));
    return params;
  }

  lowerDeclaration(s: Statement, spec: (typeof DECLARATIONS)[number]): IrDeclaration | undefined {
    const problemsBefore = this.problems.length;
    const first = s.args[0];
    if (!first || first.kind !== "Identifier") {
      this.problem(INVALID_ARGUMENT, "declarationName", { keyword: spec.keyword }, first?.range ?? s.name.range);
      return undefined;
    }
    const plan = planByName(spec.dto);
    const root = newObject(plan.name, s.range);
    const directives = new Set<string>();
    const args = newList<Argument>();
    const list = s.args[1]?.kind === "ParameterList" ? s.args[1] : undefined;
    const params = this.templates.beginDeclaration(spec.keyword, first.name, list);
    for (let i = list ? 2 : 1; i < s.args.length; i++) {
      const a = s.args[i]!;
      if (a.kind === "Identifier" && isDirective(spec, a.name)) directives.add(a.name);
      else args.push(a);
    }
    const rawAt = args.findIndex((a) => a.kind === "Identifier" && a.name === RAW_KEYWORD);
    const raw = rawAt < 0 ? undefined : rawLiteralAt(args, rawAt, s.body);
    if (raw) {
      // `badge b json { … }`: the payload exactly as written, the name sets nothing; head words before it (`for deal`) still do.
      if (s.action) this.problem(INVALID_ARGUMENT, "noAction", { what: withArticle(`${spec.keyword} declaration`) }, s.action.range);
      this.rawExtras(s, args.slice(rawAt + 2), raw, `'${RAW_KEYWORD}'`);
      const rawRoot = lowerRawRoot(raw.value, plan.name, spec.keyword, this.report);
      if (rawAt > 0) {
        const head = newObject(plan.name, s.range);
        this.bindArguments(head, plan, args.slice(0, rawAt), 0, undefined);
        rawRoot.entries.unshift(...head.entries);
      }
      this.templates.endDeclaration();
      return newDeclaration(spec, first.name, first.range, s.range, rawRoot, directives, s, params);
    }
    if (spec.nameField) {
      root.entries.push(entry(spec.nameField, first.range, scalar(first.name, first.range, "name"), first.range));
    }
    this.bindArguments(root, plan, args, 0, undefined);
    if (s.action) this.problem(INVALID_ARGUMENT, "noAction", { what: withArticle(`${spec.keyword} declaration`) }, s.action.range);
    const request = spec.request && s.body ? splitRequest(s.body, spec.request) : undefined;
    if (s.body) this.lowerBody(root, plan, request?.payload ?? s.body);
    if (spec.nameField) {
      // A `code` written in the body wins over the name; drop the name-derived entry then.
      const written = root.entries.filter((e) => e.key === spec.nameField);
      if (written.length > 1) root.entries.splice(root.entries.indexOf(written[0]!), 1);
    }
    // `entityId 42` beside the blocks: the output is the whole request, the blocks its `layout`.
    const whole = request && request.target.length > 0 ? this.lowerRequest(request.target, spec.request!, root, first.range, s.range) : root;
    this.templates.endDeclaration();
    const declaration = newDeclaration(spec, first.name, first.range, s.range, whole, directives, s, params);
    const lookAlike = findLookAlike(s, spec.dto, root);
    if (lookAlike) {
      // Another structure (the placement interface): one finding says so, instead of one for each of its parts.
      this.problems.length = problemsBefore;
      const evidence = lookAlike.evidence.slice(0, 3);
      const data = { name: first.name, what: withArticle(plan.title), lookAlike: lookAlike.lookAlike.title, evidence: listed(evidence.map((e) => e.what)), sentWith: lookAlike.lookAlike.sentWith };
      this.problem(LOOK_ALIKE, "lookAlike", data, first.range, undefined, evidence.map((e) => ({ message: e.what, range: e.range })));
      (declaration as Writable<IrDeclaration>).lookAlike = lookAlike.lookAlike.id;
    }
    return declaration;
  }

  lowerTranslations(s: Statement): void {
    for (const a of s.args) this.problem(INVALID_ARGUMENT, "unexpectedArgument", { what: "translations" }, a.range);
    for (const langStatement of s.body?.statements ?? []) {
      const language = langStatement.name.name;
      if (language === "") continue;
      if (langStatement.label) this.problem(INVALID_ARGUMENT, "labelNotAllowed", { what: "a language" }, langStatement.label.range);
      for (const a of langStatement.args) this.problem(INVALID_ARGUMENT, "unexpectedArgument", { what: `language '${language}'` }, a.range);
      let lang = this.translations.languages.get(language);
      if (!lang) {
        lang = newTranslationLanguage(language, langStatement.name.range);
        this.translations.languages.set(language, lang);
      }
      for (const keyStatement of langStatement.body?.statements ?? []) {
        const key = keyStatement.name.name;
        if (key === "") continue;
        const args = keyStatement.args;
        const value = args[0];
        if (!value || value.kind !== "String") {
          this.problem(INVALID_ARGUMENT, "translationValue", { key, language }, value?.range ?? keyStatement.name.range);
          continue;
        }
        for (let i = 1; i < args.length; i++) this.problem(INVALID_ARGUMENT, "unexpectedArgument", { what: `translation '${key}'` }, args[i]!.range);
        const t = newTranslationEntry(language, key, value.value, keyStatement.range, keyStatement.name.range);
        this.translations.all.push(t);
        if (!lang.entries.has(key)) lang.entries.set(key, t);
      }
    }
  }

  // ----- statements → objects -----

  /**
   * Builds the object a statement describes: head arguments, `-> action`, body. `ignoreLabel`: the
   * statement's label keys its entry in the parent and does not fill a field here.
   */
  buildObject(s: Statement, plan: DtoPlan, ignoreLabel = false): IrObject {
    const obj = newObject(plan.name, s.range);
    const label = ignoreLabel ? undefined : s.label;
    if (plan.labelField && label) {
      obj.entries.push(entry(plan.labelField, label.range, scalar(label.value, label.range, "label"), label.range));
    }
    this.bindArguments(obj, plan, s.args, 0, undefined);
    if (s.action) {
      if (plan.arrow) {
        obj.entries.push(entry(plan.arrow, s.action.range, this.buildAction(s.action), s.action.range));
      } else {
        this.problem(INVALID_ARGUMENT, "noAction", { what: withArticle(plan.title) }, s.action.range);
      }
    }
    if (s.body) {
      const bodyField = plan.bodyField;
      if (bodyField) {
        const inner = this.objectFromBody(s.body, bodyField.type);
        obj.entries.push(entry(bodyField.name, s.body.range, inner, s.body.range));
      } else {
        this.lowerBody(obj, plan, s.body);
      }
    }
    return obj;
  }

  buildAction(clause: ActionClause | Statement, argsFrom = 0): IrObject {
    const plan = ACTION_PLAN;
    const isClause = clause.kind === "Action";
    const typeWord = isClause ? clause.name : clause.args[argsFrom - 1];
    const obj = newObject(plan.name, clause.range);
    let variant: string | undefined;
    if (typeWord && typeWord.kind === "Identifier") {
      variant = typeWord.name;
      obj.entries.push(entry(plan.variantField!, typeWord.range, scalar(typeWord.name, typeWord.range, "word"), typeWord.range));
    }
    this.bindArguments(obj, plan, clause.args, isClause ? 0 : argsFrom, variant);
    if (!isClause && clause.body) this.lowerBody(obj, plan, clause.body);
    if (!isClause && clause.action) this.problem(INVALID_ARGUMENT, "noAction", { what: "an action" }, clause.action.range);
    return obj;
  }

  /** A content block statement: `{ type, properties }`, properties omitted when empty. */
  buildBlock(s: Statement): IrObject {
    const type = s.name.name;
    const block = newObject(CONTENT_BLOCK.dto, s.range);
    block.entries.push(entry(CONTENT_BLOCK.typeField, s.name.range, scalar(type, s.name.range, "word"), s.name.range));
    const props = this.buildObject(s, blockPlan(type)!, true);
    if (props.entries.length > 0 || s.body) block.entries.push(entry(CONTENT_BLOCK.propertiesField, s.range, props, s.range));
    return block;
  }

  // ----- head arguments -----

  /** Binds `args` from index `from` on: keyword arguments, flags, enum words, then positional values. */
  bindArguments(obj: IrObject, plan: DtoPlan, args: readonly Argument[], from: number, variant: string | undefined): void {
    if (from >= args.length) return;
    const positional = plan.positionalFor(variant);
    const unknownVariant = variant !== undefined && plan.positionalByVariant !== undefined && own(plan.positionalByVariant, variant) === undefined;
    const wordPositional = plan.wordPositional;
    // Fields already filled by an earlier argument: no positional slot fills them again. One list
    // for all calls, of which the first `taken.count` are this call's: binding never re-enters
    // itself (values are maps and lists, not statements).
    const taken = this.taken;
    taken.count = 0;
    for (let i = from; i < args.length; i++) {
      const arg = args[i]!;
      if (arg.kind === "ParameterList") {
        this.problem(TEMPLATE_STRUCTURE, "parametersNotHere", {}, arg.range);
        continue;
      }
      if (arg.kind === "Identifier") {
        const word = arg.name;
        const bound = plan.headWord(word);
        if (bound.kind === "keyword") {
          const field = bound.field;
          take(taken, field.name);
          const next = args[i + 1];
          // A flag alone is true; a value after it is its value where no slot of the head line
          // takes that value (`text "Hi" bold "yes"`, which value-type then reports).
          if (field.type.kind === "bool" && next?.kind !== "Boolean" && next?.kind !== "ParamRef" && !(next && isHeadValue(next) && firstFree(positional, taken) === undefined)) {
            obj.entries.push(entry(field.name, arg.range, scalar(true, arg.range, "flag"), arg.range));
            continue;
          }
          if (!next) {
            this.problem(INVALID_ARGUMENT, "missingValue", { name: word }, arg.range);
            continue;
          }
          i++;
          obj.entries.push(entry(field.name, arg.range, this.valueFor(next, field.type), span(arg.range, next.range)));
          continue;
        }
        if (bound.kind === "flag") {
          const flag = bound;
          take(taken, flag.field);
          obj.entries.push(entry(flag.field, arg.range, scalar(flag.value, arg.range, "flag", word), arg.range));
          continue;
        }
        if (bound.kind === "word") {
          const wordField = bound.field;
          take(taken, wordField.name);
          obj.entries.push(entry(wordField.name, arg.range, this.valueFor(arg, wordField.type), arg.range));
          continue;
        }
        const slot = firstFree(wordPositional, taken);
        if (slot !== undefined) {
          take(taken, slot);
          obj.entries.push(entry(slot, arg.range, scalar(word, arg.range, "word"), arg.range));
          continue;
        }
        const suggestion = closest(word, plan.headWords());
        const value = args[i + 1];
        if (value && isHeadValue(value) && firstFree(positional, taken) === undefined && !(suggestion !== undefined && plan.keywordField(suggestion))) {
          // `italic true`, `bold true` on a largeText: a field the structure does not have, with its
          // value (which no slot takes), is one unknown field, not a stray word and a stray value.
          i++;
          this.problem(
            UNKNOWN_PROPERTY,
            suggestion ? "unknownHeadFieldSuggest" : "unknownHeadField",
            { name: word, where: withArticle(plan.title), ...(suggestion ? { suggestion } : {}) },
            arg.range,
            suggestion,
          );
          continue;
        }
        // A misspelt enum value (`tag warnign`), or a word close to nothing where an enum word is
        // still missing: the enum field gets it, so that enum-value reports it with its own
        // did-you-mean and the field is not reported missing as well.
        const unset = (f: string) => !obj.entries.some((e) => e.key === f);
        const enumField = suggestion === undefined ? plan.words?.find(unset) : plan.words?.find((f) => unset(f) && plan.wordFields.get(suggestion)?.name === f);
        if (enumField) {
          obj.entries.push(entry(enumField, arg.range, scalar(word, arg.range, "word"), arg.range));
          continue;
        }
        this.problem(
          INVALID_ARGUMENT,
          suggestion ? "unknownWordSuggest" : "unknownWord",
          { word, what: withArticle(plan.title), ...(suggestion ? { suggestion } : {}) },
          arg.range,
          suggestion,
        );
        // A misspelt keyword that takes a value (`for` in `card c fro contact`): the value is read
        // as the keyword's, so that neither it nor the missing field is reported as well.
        const meant = suggestion === undefined ? undefined : plan.keywordField(suggestion);
        const next = args[i + 1];
        // A misspelt flag (`bolt true`) takes the value a flag would take.
        const takesNext =
          meant?.type.kind === "bool"
            ? next !== undefined && (next.kind === "Boolean" || next.kind === "ParamRef" || (isHeadValue(next) && firstFree(positional, taken) === undefined))
            : next !== undefined && !(next.kind === "Identifier" && claimsWord(plan, next.name) && plan.wordFields.get(next.name) !== meant);
        if (meant && next && takesNext) {
          take(taken, meant.name);
          i++;
          obj.entries.push(entry(meant.name, arg.range, this.valueFor(next, meant.type), span(arg.range, next.range)));
        }
        continue;
      }
      const slot = firstFree(positional, taken);
      if (slot === undefined) {
        // After an unknown variant (`-> redirekt "/x"`, which enum-value reports) which values it takes is unknown.
        if (!unknownVariant) this.problem(INVALID_ARGUMENT, "unexpectedValue", { what: withArticle(plan.title), expected: describeHead(plan.spec, variant) }, arg.range);
        continue;
      }
      take(taken, slot);
      const field = plan.fields.get(slot)!;
      obj.entries.push(entry(slot, arg.range, this.valueFor(arg, field.type), arg.range));
    }
  }

  // ----- values -----

  valueFor(arg: Argument, type: FieldType): IrValue {
    switch (arg.kind) {
      case "Identifier":
        return wordValue(arg.name, arg.range, type);
      case "String":
        if (!arg.parts) return scalar(arg.value, arg.range, "string");
        this.templated = true;
        return this.templates.template(arg, type);
      case "ParamRef":
        this.templated = true;
        return this.templates.value(arg.path, arg.range);
      case "ParameterList":
        this.problem(TEMPLATE_STRUCTURE, "parametersNotHere", {}, arg.range);
        return scalar(null, arg.range, "null");
      case "Number":
        return scalar(arg.value, arg.range, "number");
      case "Boolean":
        return scalar(arg.value, arg.range, "boolean");
      case "Null":
        return scalar(null, arg.range, "null");
      case "TranslationRef":
        return translationRef(arg.key, arg.range);
      case "Map":
        return this.objectFromMap(arg, type);
      case "List": {
        const of: FieldType = type.kind === "list" ? type.of : STRING_TYPE;
        const items = newList<IrValue>();
        for (const v of arg.items) items.push(this.valueFor(v, of));
        return newArray(items, arg.range);
      }
    }
  }

  objectFromMap(map: MapLiteral, type: FieldType): IrObject {
    const dtoName = dtoForType(type);
    const fields = getDto(dtoName) ? planByName(dtoName).fields : undefined;
    const obj = newObject(dtoName, map.range, true);
    for (const e of map.entries) {
      const field = fields?.get(e.key.value);
      const key = field ? field.name : e.key.value;
      obj.entries.push(entry(key, e.key.range, this.valueFor(e.value, field?.type ?? STRING_TYPE), e.range));
    }
    return obj;
  }

  objectFromBody(body: Body, type: FieldType): IrObject {
    const dtoName = dtoForType(type);
    const obj = newObject(dtoName, body.range);
    this.lowerBody(obj, planByName(dtoName), body);
    return obj;
  }

  // ----- bodies -----

  lowerBody(obj: IrObject, plan: DtoPlan, body: Body): void {
    const collections = new Map<string, IrCollection>();
    this.lowerStatements(obj, plan, body.statements, collections);
    for (const c of collections.values()) assignGeneratedKeys(c);
  }

  /**
   * Lists of statements being lowered, one inside the other: bodies, `when`, `each` and the `use`
   * of a fragment. The parser bounds the first three (MAX_NESTING_DEPTH); a `use` places a
   * fragment's members one level deeper, and fragments using fragments are bounded here.
   */
  private depth = 0;

  /** The statements of a body, or of a `when` / `each` inside it (whose members go to the same collections). */
  lowerStatements(obj: IrObject, plan: DtoPlan, statements: readonly Statement[], collections: Map<string, IrCollection>): void {
    this.depth++;
    try {
      this.lowerStatementList(obj, plan, statements, collections);
    } finally {
      this.depth--;
    }
  }

  private lowerStatementList(obj: IrObject, plan: DtoPlan, statements: readonly Statement[], collections: Map<string, IrCollection>): void {
    let previous: Statement | undefined;
    for (const s of statements) {
      const name = s.name.name;
      if (name === "") continue;
      const before = previous;
      previous = s;
      // Template statements only make sense where members are added; an open map keeps `when` as a key.
      const binding = plan.bodyStatement(name);

      if (binding.kind === "rawMember") {
        this.addRawMember(obj, plan, s, collections);
        continue;
      }

      if (binding.kind === "template") {
        this.templated = true;
        if (name === USE_KEYWORD) this.lowerUse(obj, plan, s, collections);
        else this.lowerTemplateStatement(obj, plan, s, before, collections);
        continue;
      }

      // A field under `when` / `each` (an unknown name is reported as unknown, below).
      if (this.guard && (binding.kind === "plain" || binding.kind === "flattened")) {
        const keyword = this.guard.kind === "each" ? EACH_KEYWORD : WHEN_KEYWORD;
        this.problem(TEMPLATE_STRUCTURE, "membersOnly", { keyword, name }, s.name.range);
        continue;
      }

      if (binding.kind === "namedMember") {
        this.addNamedMember(obj, plan.dto, plan.membersByName!, s);
        continue;
      }

      if (binding.kind === "open") {
        this.addOpenEntry(obj, s);
        continue;
      }

      // `blocks json {}`, `subtitle json "x"`: a field statements cannot set (plain ones take the form in fieldStatementValue).
      const raw = binding.kind === "unknown" ? rawLiteralAt(s.args, 0, s.body) : undefined;
      if (raw) {
        this.addRawField(obj, plan, s, raw);
        continue;
      }

      if (binding.kind === "member") {
        const member = binding.field;
        this.addMember(obj, member, s, collections);
        continue;
      }

      if (binding.kind === "plain") {
        const field = binding.field;
        if (s.label) this.problem(INVALID_ARGUMENT, "labelNotAllowed", { what: `'${name}'` }, s.label.range);
        const value = this.fieldStatementValue(s, field);
        const implicit = this.implicitObjects.size === 0 ? undefined : this.implicitEntry(obj, name);
        if (implicit && implicit.value.kind === "object" && value.kind === "object") {
          // `completed true` created `fields` implicitly; an explicit `fields { … }` adds to it.
          appendAll(implicit.value.entries, value.entries);
          this.implicitObjects.delete(implicit.value);
          continue;
        }
        obj.entries.push(entry(field.name, s.name.range, value, s.range));
        continue;
      }

      if (binding.kind === "flattened") {
        const routed = binding.flattened;
        let inner = findEntry(obj.entries, routed.via.name)?.value;
        if (!inner || inner.kind !== "object") {
          inner = newObject(routed.dto.name, s.range);
          this.implicitObjects.add(inner);
          obj.entries.push(entry(routed.via.name, s.name.range, inner, s.range));
        }
        if (s.label) this.problem(INVALID_ARGUMENT, "labelNotAllowed", { what: `'${name}'` }, s.label.range);
        inner.entries.push(entry(routed.field.name, s.name.range, this.fieldStatementValue(s, routed.field), s.range));
        continue;
      }

      const suggestion = this.unknown(name, s.name.range, withArticle(plan.title), plan.statementNames());
      const meant = suggestion === undefined ? undefined : (plan.plainFields.get(suggestion) ?? plan.memberFields.get(suggestion));
      if (meant) (obj.misspelt ??= []).push(meant.name);
    }
  }

  /** `when … { }`, `else { }` (after a `when`), `each x in $list { }`: their members get a guard. */
  lowerTemplateStatement(obj: IrObject, plan: DtoPlan, s: Statement, previous: Statement | undefined, collections: Map<string, IrCollection>): void {
    const keyword = s.name.name;
    if (s.label) this.problem(INVALID_ARGUMENT, "labelNotAllowed", { what: `'${keyword}'` }, s.label.range);
    if (s.action) this.problem(INVALID_ARGUMENT, "noAction", { what: `'${keyword}'` }, s.action.range);
    const body = s.body;
    const outer = this.guard;
    let guard: IrGuard | undefined;
    let loopVariable: Identifier | undefined;
    if (keyword === WHEN_KEYWORD) {
      const condition = this.templates.condition(s.args, s.name.range);
      if (condition) guard = { kind: "when", condition, parent: outer, range: s.range, keywordRange: s.name.range };
    } else if (keyword === ELSE_KEYWORD) {
      for (const a of s.args) this.problem(INVALID_ARGUMENT, "unexpectedArgument", { what: "'else'" }, a.range);
      const paired = this.lastWhen;
      this.lastWhen = undefined;
      if (!previous || previous.name.name !== WHEN_KEYWORD) {
        this.problem(TEMPLATE_STRUCTURE, "elseWithoutWhen", {}, s.name.range);
      } else if (paired && paired.statement === previous) {
        const c = paired.guard.condition;
        guard = { kind: "when", condition: { kind: "not", operand: c, range: c.range }, parent: outer, range: s.range, keywordRange: s.name.range };
      }
    } else {
      const [variable, inWord, list, ...rest] = s.args;
      if (variable?.kind !== "Identifier" || inWord?.kind !== "Identifier" || inWord.name !== EACH_IN || list?.kind !== "ParamRef") {
        this.problem(TEMPLATE_STRUCTURE, "eachSyntax", {}, s.args[0]?.range ?? s.name.range);
      } else {
        for (const a of rest) this.problem(INVALID_ARGUMENT, "unexpectedArgument", { what: "'each'" }, a.range);
        const ref = this.templates.ref(list.path, list.range);
        let itemType;
        if (ref.type && ref.type.kind !== "list") {
          this.problem(TEMPLATE_TYPE, "eachList", { name: `$${list.path.join(".")}`, type: describeType(ref.type) }, list.range);
        } else if (ref.type) {
          itemType = ref.type.of;
        }
        guard = { kind: "each", variable: variable.name, list: ref, itemType, parent: outer, range: s.range, keywordRange: s.name.range };
        loopVariable = variable;
      }
    }
    if (!body) {
      this.problem(TEMPLATE_STRUCTURE, "missingBody", { keyword, syntax: templateSyntax(keyword) }, s.name.range);
      this.lastWhen = undefined;
      return;
    }
    // A broken head still lowers the members (so their own problems are found), unguarded.
    this.guard = guard ?? outer;
    const condition = guard?.kind === "when" && keyword === WHEN_KEYWORD ? guard.condition : undefined;
    const lowerMembers = () => this.templates.withGiven(condition, () => this.lowerStatements(obj, plan, body.statements, collections));
    try {
      if (loopVariable && guard?.kind === "each") this.templates.withLoopVariable(loopVariable, guard.itemType, lowerMembers);
      else lowerMembers();
    } finally {
      this.guard = outer;
    }
    // Set after the body, whose own `when`s set it too: the `else` after this one pairs with it.
    this.lastWhen = keyword === WHEN_KEYWORD && guard?.kind === "when" ? { statement: s, guard } : undefined;
  }

  // ----- fragments -----

  /** `fragment name(params) { members }`: kept, with its parameters, for the `use`s. */
  collectFragment(s: Statement): void {
    const first = s.args[0];
    if (!first || first.kind !== "Identifier") {
      this.problem(INVALID_ARGUMENT, "declarationName", { keyword: FRAGMENT_KEYWORD }, first?.range ?? s.name.range);
      return;
    }
    const list = s.args[1]?.kind === "ParameterList" ? s.args[1] : undefined;
    for (let i = list ? 2 : 1; i < s.args.length; i++) this.problem(INVALID_ARGUMENT, "unexpectedArgument", { what: `fragment '${first.name}'` }, s.args[i]!.range);
    if (s.action) this.problem(INVALID_ARGUMENT, "noAction", { what: "a fragment" }, s.action.range);
    if (!s.body) this.problem(TEMPLATE_STRUCTURE, "missingBody", { keyword: FRAGMENT_KEYWORD, syntax: templateSyntax(FRAGMENT_KEYWORD) }, s.name.range);
    const earlier = this.fragments.get(first.name);
    if (earlier?.imported) {
      this.problem(TEMPLATE_STRUCTURE, "fragmentImported", { name: first.name }, first.range);
      return;
    }
    if (earlier) {
      this.problem(TEMPLATE_STRUCTURE, "duplicateFragment", { name: first.name }, first.range, undefined, [{ message: "first declared", range: earlier.name.range }]);
      return;
    }
    this.fragments.set(first.name, { name: first, params: this.templates.parameters(list), statements: s.body?.statements ?? [] });
  }

  /** `use name { param: value }`: the fragment's members, lowered here with its parameters bound. */
  lowerUse(obj: IrObject, plan: DtoPlan, s: Statement, collections: Map<string, IrCollection>): void {
    if (s.label) this.problem(INVALID_ARGUMENT, "labelNotAllowed", { what: "'use'" }, s.label.range);
    if (s.action) this.problem(INVALID_ARGUMENT, "noAction", { what: "'use'" }, s.action.range);
    if (s.body) this.problem(INVALID_ARGUMENT, "noBody", { name: USE_KEYWORD }, s.body.range);
    const [nameArg, argsArg, ...rest] = s.args;
    for (const a of rest) this.problem(INVALID_ARGUMENT, "unexpectedArgument", { what: "'use'" }, a.range);
    if (nameArg?.kind !== "Identifier" || (argsArg !== undefined && argsArg.kind !== "Map")) {
      this.problem(TEMPLATE_STRUCTURE, "useSyntax", {}, (nameArg?.kind === "Identifier" ? argsArg : nameArg)?.range ?? s.name.range);
      return;
    }
    const fragment = this.fragments.get(nameArg.name);
    if (!fragment) {
      const suggestion = closest(nameArg.name, [...this.fragments.keys()]);
      this.problem(
        TEMPLATE_STRUCTURE,
        suggestion ? "unknownFragmentSuggest" : "unknownFragment",
        { name: nameArg.name, ...(suggestion ? { suggestion } : {}) },
        nameArg.range,
        suggestion,
      );
      return;
    }
    if (this.expanding.includes(nameArg.name)) {
      this.problem(TEMPLATE_STRUCTURE, "fragmentCycle", { name: nameArg.name, chain: [...this.expanding, nameArg.name].join(" → ") }, nameArg.range);
      return;
    }
    if (this.depth >= MAX_NESTING_DEPTH) {
      const chain = [...this.expanding, nameArg.name].join(" → ");
      this.problem(TEMPLATE_STRUCTURE, "fragmentTooDeep", { name: nameArg.name, max: MAX_NESTING_DEPTH, chain }, nameArg.range);
      return;
    }
    const values = new Map<string, FragmentValue>();
    const written = new Set<string>();
    for (const e of argsArg?.entries ?? []) {
      if (written.has(e.key.value)) {
        this.problem(TEMPLATE_STRUCTURE, "duplicateArgument", { name: e.key.value }, e.key.range);
        continue;
      }
      written.add(e.key.value);
      const param = fragment.params.find((p) => p.name === e.key.value);
      if (!param) {
        const suggestion = closest(e.key.value, fragment.params.map((p) => p.name));
        this.problem(
          TEMPLATE_STRUCTURE,
          suggestion ? "unknownArgumentSuggest" : "unknownArgument",
          { name: e.key.value, fragment: nameArg.name, ...(suggestion ? { suggestion } : {}) },
          e.key.range,
          suggestion,
        );
        continue;
      }
      // After a wrong value, the parameter is as if given (one report, here; none inside the fragment).
      const given: FragmentValue = { kind: "paramRef", path: [param.name], type: param.type, optional: false, range: e.value.range };
      const value = this.valueFor(e.value, STRING_TYPE);
      if (value.kind !== "scalar" && value.kind !== "paramRef" && value.kind !== "template") {
        this.problem(TEMPLATE_STRUCTURE, "argumentValue", { name: param.name }, e.value.range);
        values.set(param.name, given);
        continue;
      }
      const actual = value.kind === "scalar" ? typeMismatch(param.type, value.value, "it") : value.kind === "template" ? (assignable({ kind: "string" }, param.type) ? undefined : "an interpolated string") : value.type && !assignable(value.type, param.type) ? describeType(value.type) : undefined;
      if (actual !== undefined) {
        const shown = value.kind === "scalar" ? JSON.stringify(value.value) : value.kind === "template" ? "an interpolated string" : describeType(value.type!);
        this.problem(TEMPLATE_TYPE, "argumentType", { name: param.name, actual: shown, type: describeType(param.type) }, e.value.range);
        values.set(param.name, given);
        continue;
      }
      values.set(param.name, value);
    }
    const missing = fragment.params.filter((p) => !p.optional && !values.has(p.name));
    if (missing.length > 0) {
      this.problem(TEMPLATE_STRUCTURE, "missingArguments", { fragment: nameArg.name, params: missing.map((p) => `'${p.name}'`).join(", ") }, nameArg.range);
      // Reported once, here: inside the fragment the parameter is as if given.
      for (const p of missing) values.set(p.name, { kind: "paramRef", path: [p.name], type: p.type, optional: false, range: nameArg.range });
    }
    for (const p of fragment.params) {
      if (values.has(p.name) || p.defaultValue === undefined || Array.isArray(p.defaultValue)) continue;
      values.set(p.name, scalar(p.defaultValue as string | number | boolean | null, p.defaultRange!, "string"));
    }
    this.expanding.push(nameArg.name);
    try {
      // An imported fragment's statements are placed at the `use`: whatever its members break here is reported here, in this file.
      const statements = fragment.imported ? relocate(fragment.statements, s.range) : fragment.statements;
      this.templates.withFragment(nameArg.name, fragment.params, values, () => this.lowerStatements(obj, plan, statements, collections));
    } finally {
      this.expanding.pop();
    }
  }

  /**
   * The values of `layout card { dealId: $dealId }`, lowered in the scope of the declaration that
   * refers (its parameters); whether they fit the referenced declaration's parameters is the
   * template-arguments rule's, which sees every declaration of the file.
   */
  referenceArguments(map: MapLiteral): IrArgument[] {
    this.templated = true;
    const out = newList<IrArgument>();
    for (const e of map.entries) {
      const value = this.valueFor(e.value, STRING_TYPE);
      if (value.kind !== "scalar" && value.kind !== "paramRef" && value.kind !== "template") {
        this.problem(TEMPLATE_STRUCTURE, "argumentValue", { name: e.key.value }, e.value.range);
        continue;
      }
      if (out.some((a) => a.name === e.key.value)) {
        this.problem(TEMPLATE_STRUCTURE, "duplicateArgument", { name: e.key.value }, e.key.range);
        continue;
      }
      out.push({ name: e.key.value, nameRange: e.key.range, value, range: e.range });
    }
    return out;
  }

  /** The last `when` lowered in the current statement list, for its `else`. */
  private lastWhen: { readonly statement: Statement; readonly guard: IrGuard & { kind: "when" } } | undefined = undefined;

  /**
   * Builds a member's own content outside the guard: the guard decides whether the member is
   * sent, and the collections inside it are its own (a `lineOfBlocks` under `each` has its blocks
   * once per item, not once per item per item). Loop variables stay in scope. A block (buildBlock)
   * where `plan` is undefined.
   */
  unguarded(s: Statement, plan: DtoPlan | undefined): IrObject {
    // No closure: this is the path of every list member (card elements, list items).
    const guard = this.guard;
    this.guard = undefined;
    try {
      return plan === undefined ? this.buildBlock(s) : this.buildObject(s, plan);
    } finally {
      this.guard = guard;
    }
  }

  /** Marks an item just added to a list as written under the current guard. */
  guardItem(arr: IrArray): void {
    if (!this.guard) return;
    const guards = (arr.guards ??= new Array<IrGuard | undefined>(arr.items.length - 1).fill(undefined));
    while (guards.length < arr.items.length - 1) guards.push(undefined);
    guards.push(this.guard);
  }

  /** The first entry for `key` whose value a flattened statement created. */
  implicitEntry(obj: IrObject, key: string): IrEntry | undefined {
    for (const e of obj.entries) if (e.key === key && this.implicitObjects.has(e.value)) return e;
    return undefined;
  }

  addMember(obj: IrObject, field: FieldSpec, s: Statement, collections: Map<string, IrCollection>): void {
    const t = field.type;
    if (t.kind === "block") {
      if (s.label) this.problem(INVALID_ARGUMENT, "labelNotAllowed", { what: "the block inside withTitle" }, s.label.range);
      if (this.guard) {
        // One block, not a collection: it is there or the withTitle is broken.
        const keyword = this.guard.kind === "each" ? EACH_KEYWORD : WHEN_KEYWORD;
        this.problem(TEMPLATE_STRUCTURE, "membersOnly", { keyword, name: s.name.name }, s.name.range);
      }
      obj.entries.push(entry(field.name, s.name.range, this.unguarded(s, undefined), s.range));
      return;
    }
    if (t.kind === "list") {
      let arr = findEntry(obj.entries, field.name)?.value;
      if (!arr || arr.kind !== "array") {
        arr = newArray(newList(), s.range);
        obj.entries.push(entry(field.name, s.name.range, arr, s.range));
      }
      const memberPlan = planByName(t.dto!);
      arr.items.push(this.unguarded(s, memberPlan));
      if (memberPlan.labelField !== undefined && s.label) arr.keyField = memberPlan.labelField;
      this.guardItem(arr);
      return;
    }
    if (t.kind !== "collection") return;
    let c = collections.get(field.name);
    if (!c) {
      c = newCollection(t.of, t.keyPrefix, s.range);
      collections.set(field.name, c);
      obj.entries.push(entry(field.name, s.name.range, c, s.range));
    }
    // The member's own content is lowered outside the guard (see `unguarded`), without a closure:
    // this is the path of every block, tag, button and menu item.
    const guard = this.guard;
    this.guard = undefined;
    const value = t.blockTypes ? this.buildBlock(s) : this.buildObject(s, planByName(t.of));
    this.guard = guard;
    const label: Label | undefined = s.label;
    const member = label ? entry(label.value, label.range, value, s.range) : generatedEntry(s.name.range, value, s.range);
    if (guard) {
      member.guard = guard;
      c.guarded = true;
    }
    c.entries.push(member);
  }

  /** A card section element: the statement name is the element's name. */
  addNamedMember(obj: IrObject, dto: DtoSpec, members: NonNullable<StatementSpec["membersByName"]>, s: Statement): void {
    const field = getField(dto, members.field)!;
    const memberPlan = planByName(field.type.kind === "list" ? field.type.dto! : "");
    if (s.label) this.problem(INVALID_ARGUMENT, "labelNotAllowed", { what: withArticle(memberPlan.dto.title) }, s.label.range);
    let arr = findEntry(obj.entries, members.field)?.value;
    if (!arr || arr.kind !== "array") {
      arr = newArray(newList(), s.range);
      obj.entries.push(entry(members.field, s.name.range, arr, s.range));
    }
    // `field <name> …`: the element's name as a value, so a template can compute it (`field "${f}"`).
    const first = s.args[0];
    const computed = s.name.name === members.byValue && first !== undefined && first.kind !== "Identifier" && first.kind !== "ParameterList";
    const built: Statement = computed ? { ...s, args: s.args.slice(1) } : s;
    const element = this.unguarded(built, memberPlan);
    const name = computed ? this.valueFor(first, STRING_TYPE) : scalar(s.name.name, s.name.range, "name");
    element.entries.unshift(entry(members.nameField, s.name.range, name, computed ? first.range : s.name.range));
    arr.items.push(element);
    this.guardItem(arr);
  }

  // ----- the raw `json` form (raw-json.ts) -----

  /** Lowering's reporter, for the raw form's functions. */
  private readonly report: ProblemReporter = (rule, messageId, data, range) => this.problem(rule, messageId, data, range);

  /** What a raw form cannot have: arguments after its value, an action, a body besides the value. */
  rawExtras(s: Statement, extra: readonly Argument[], raw: RawLiteral, what: string): void {
    for (const a of extra) this.problem(INVALID_ARGUMENT, "unexpectedArgument", { what: `the value of ${what}` }, a.range);
    if (s.action) this.problem(INVALID_ARGUMENT, "noAction", { what }, s.action.range);
    if (s.body && !raw.bodyIsValue) this.problem(INVALID_ARGUMENT, "noBody", { name: s.name.name }, s.body.range);
  }

  /** `field json <value>`: the field's value as written. */
  rawValue(s: Statement, raw: RawLiteral, type: FieldType | undefined): IrValue {
    this.rawExtras(s, s.args.slice(2), raw, `'${s.name.name}'`);
    return lowerRawValue(raw.value, type, this.report);
  }

  /** `name json <value>` for a field statements do not set (a collection, a list, a constant) or a key the structure does not have. */
  addRawField(obj: IrObject, plan: DtoPlan, s: Statement, raw: RawLiteral): void {
    const name = s.name.name;
    if (s.label) this.problem(INVALID_ARGUMENT, "labelNotAllowed", { what: `'${name}'` }, s.label.range);
    if (this.guard) this.problem(TEMPLATE_STRUCTURE, "membersOnly", { keyword: this.guard.kind === "each" ? EACH_KEYWORD : WHEN_KEYWORD, name }, s.name.range);
    const field = plan.fields.get(name);
    if (!field) {
      // Kept, so that the payload says what was written; the server rejects it (FIELD_IS_REDUNDANT).
      const suggestion = closest(name, plan.fields.keys());
      const { messageId, data } = unknownKeyReport(plan.dto, name, `the ${plan.title}`, suggestion);
      this.problem(UNKNOWN_PROPERTY, messageId, data, s.name.range, suggestion);
    }
    obj.entries.push(entry(field ? field.name : name, s.name.range, this.rawValue(s, raw, field?.type), s.range));
  }

  /** `[key:] json <value>`: a member of the body's member field, as written. */
  addRawMember(obj: IrObject, plan: DtoPlan, s: Statement, collections: Map<string, IrCollection>): void {
    const raw = rawMemberLiteral(s.args, s.body);
    if (!raw) {
      this.problem(RAW_JSON, "missingValue", {}, s.args[0]?.range ?? s.name.range);
      return;
    }
    this.rawExtras(s, s.args.slice(1), raw, `'${RAW_KEYWORD}'`);
    const field = memberFieldOf(plan.dto);
    if (!field) {
      this.problem(RAW_JSON, "noMemberField", { what: withArticle(plan.title) }, s.name.range);
      return;
    }
    const t = field.type;
    const value = lowerRawValue(raw.value, rawItemType(t) ?? (t.kind === "block" ? t : undefined), this.report);
    if (t.kind === "collection") {
      let c = collections.get(field.name);
      if (!c) {
        c = newCollection(t.of, t.keyPrefix, s.range);
        collections.set(field.name, c);
        obj.entries.push(entry(field.name, s.name.range, c, s.range));
      }
      const member = s.label ? entry(s.label.value, s.label.range, value, s.range) : generatedEntry(s.name.range, value, s.range);
      if (this.guard) {
        member.guard = this.guard;
        c.guarded = true;
      }
      c.entries.push(member);
      return;
    }
    if (s.label) this.problem(INVALID_ARGUMENT, "labelNotAllowed", { what: `a ${RAW_KEYWORD} member of ${withArticle(plan.title)}` }, s.label.range);
    if (t.kind === "block") {
      obj.entries.push(entry(field.name, s.name.range, value, s.range));
      return;
    }
    let arr = findEntry(obj.entries, field.name)?.value;
    if (!arr || arr.kind !== "array") {
      arr = newArray(newList(), s.range);
      obj.entries.push(entry(field.name, s.name.range, arr, s.range));
    }
    arr.items.push(value);
    this.guardItem(arr);
  }

  /** `key value` inside an open map written as a body (`actionParams { clientId 456 }`). */
  addOpenEntry(obj: IrObject, s: Statement): void {
    const args = s.args;
    for (let i = 1; i < args.length; i++) this.problem(INVALID_ARGUMENT, "unexpectedArgument", { what: `'${s.name.name}'` }, args[i]!.range);
    const value = args[0];
    if (!value) {
      this.problem(INVALID_ARGUMENT, "missingValue", { name: s.name.name }, s.name.range);
      return;
    }
    obj.entries.push(entry(s.name.name, s.name.range, this.valueFor(value, STRING_TYPE), s.range));
  }

  /** The value of a statement that sets one field: `bold true`, `header "T" { … }`, `action redirect "/x"`. */
  fieldStatementValue(s: Statement, field: FieldSpec): IrValue {
    const t = field.type;
    const args = s.args;
    const raw = rawLiteralAt(args, 0, s.body);
    if (raw) return this.rawValue(s, raw, t);
    if (t.kind === "object") {
      const plan = planByName(t.dto);
      if (plan === ACTION_PLAN) {
        const first = args[0];
        if (!first || first.kind !== "Identifier") {
          this.problem(INVALID_ARGUMENT, "actionType", { name: field.name }, first?.range ?? s.name.range);
        }
        return this.buildAction(s, 1);
      }
      const declaration = plan.declaration;
      const only = args[0];
      const values = args[1];
      // `layout card` or `layout card { dealId: $dealId }`: a declaration of the file, by name.
      if (declaration && only?.kind === "Identifier" && !s.body && (args.length === 1 || (args.length === 2 && values?.kind === "Map"))) {
        return declarationRef(declaration.keyword, only.name, only.range, values?.kind === "Map" ? this.referenceArguments(values) : undefined);
      }
      // `sliderParams { width: 700 }` is the object itself; `header { en: "…" }` is a translated title.
      if (args.length === 1 && only?.kind === "Map" && !s.body && !s.action && !plan.mapIsTitle) return this.objectFromMap(only, t);
      return this.buildObject(s, plan, true);
    }
    if (t.kind === "scalarMap" || (t.kind === "text" && s.body)) {
      if (s.body) {
        for (const a of args) this.problem(INVALID_ARGUMENT, "unexpectedArgument", { what: `'${field.name}'` }, a.range);
        return this.objectFromBody(s.body, t);
      }
    }
    if (s.action) this.problem(INVALID_ARGUMENT, "noAction", { what: `'${field.name}'` }, s.action.range);
    if (s.body && t.kind !== "scalarMap") this.problem(INVALID_ARGUMENT, "noBody", { name: field.name }, s.body.range);
    for (let i = 1; i < args.length; i++) this.problem(INVALID_ARGUMENT, "unexpectedArgument", { what: `'${field.name}'` }, args[i]!.range);
    const value = args[0];
    if (!value) {
      if (t.kind === "bool") return scalar(true, s.name.range, "flag");
      this.problem(INVALID_ARGUMENT, "missingValue", { name: field.name }, s.name.range);
      return scalar(null, s.name.range, "null");
    }
    return this.valueFor(value, t);
  }
}

/** A copy of syntax nodes with every range replaced by `range`. */
function relocate<T>(node: T, range: Range): T {
  if (Array.isArray(node)) return node.map((n: unknown) => relocate(n, range)) as T;
  if (node === null || typeof node !== "object") return node;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(node)) out[k] = k === "range" ? range : relocate(v, range);
  return out as T;
}

/** How a template keyword is written, for messages (`else { … }`). */
function templateSyntax(keyword: string): string {
  return TEMPLATE_KEYWORDS.find((k) => k.keyword === keyword)?.syntax ?? `${keyword} … { … }`;
}

/**
 * `record[key]` when the record has that key itself: the words looked up are the user's, and
 * `constructor` or `toString` must not find Object.prototype's members.
 */
function own<T>(record: Readonly<Record<string, T>> | undefined, key: string): T | undefined {
  return record !== undefined && Object.hasOwn(record, key) ? record[key] : undefined;
}

function describeHead(spec: StatementSpec, variant: string | undefined): string {
  const positional = (variant !== undefined ? own(spec.positionalByVariant, variant) : undefined) ?? spec.positional ?? [];
  if (positional.length === 0) return "no values, only words";
  return `${positional.length === 1 ? "one value" : `${positional.length} values`} (${positional.join(", ")})`;
}

/** A bare word as a value: enum aliases and entity names become the values they stand for. */
function wordValue(word: string, range: Range, type: FieldType): IrScalar {
  if (type.kind === "enum") {
    const v = enumValueByAlias(type, word);
    if (v) {
      const value = type.valueType === "int" ? Number(v.value) : v.value;
      return scalar(value, range, "word", word);
    }
  }
  if (type.kind === "int" && type.entityType) {
    const entity = entityByWord(word);
    if (entity) return scalar(entity.id, range, "word", word);
  }
  return scalar(word, range, "word");
}

/** The DTO a map or body builds for a field of this type. */
function dtoForType(type: FieldType): string {
  if (type.kind === "object") return type.dto;
  if (type.kind === "scalarMap") return "ScalarMap";
  if (type.kind === "text") return "LanguageMap";
  return "ScalarMap";
}

// ----- helpers -----

/** Whether a head argument is a value (not a word): what a field written `name value` takes. */
function isHeadValue(arg: Argument): boolean {
  return arg.kind !== "Identifier" && arg.kind !== "ParameterList";
}

/** Fields taken so far by head arguments: the first `count` of `fields`. */
interface Taken {
  readonly fields: string[];
  count: number;
}

function take(taken: Taken, field: string): void {
  taken.fields[taken.count++] = field;
}

/** The first of `fields` not yet `taken`. */
function firstFree(fields: readonly string[], taken: Taken): string | undefined {
  outer: for (const f of fields) {
    for (let i = 0; i < taken.count; i++) if (taken.fields[i] === f) continue outer;
    return f;
  }
  return undefined;
}

function findEntry(entries: readonly IrEntry[], key: string): IrEntry | undefined {
  for (const e of entries) if (e.key === key) return e;
  return undefined;
}

/**
 * Keys for members written without a label: `<prefix>_<position>` (1-based among the collection's
 * members), skipping keys the author wrote. Deterministic: the same source gives the same keys.
 */
export function assignGeneratedKeys(collection: IrCollection): void {
  const prefix = collection.keyPrefix;
  const entries = collection.entries;
  // Without author keys, `<prefix>_<position>` cannot collide: positions are distinct.
  let used: Set<string> | undefined;
  for (const e of entries) if (!e.generated) (used ??= new Set()).add(e.key);
  for (let index = 0; index < entries.length; index++) {
    const e = entries[index]!;
    if (!e.generated) continue;
    let key = generatedKey(prefix, index + 1);
    if (used !== undefined) {
      for (let n = 2; used.has(key); n++) key = `${prefix}_${index + 1}_${n}`;
      used.add(key);
    }
    (e as { key: string }).key = key;
  }
}

/** Generated keys by prefix and position, made once. */
const generatedKeys = new Map<string, string[]>();

/**
 * `<prefix>_<position>`, as the one internalized string for that key: the emitter and the rules
 * use keys as property names and in Maps, and V8 looks a string that is not internalized up in its
 * string table on every such use.
 */
function generatedKey(prefix: string, position: number): string {
  let keys = generatedKeys.get(prefix);
  if (keys === undefined) {
    keys = [];
    generatedKeys.set(prefix, keys);
  }
  return (keys[position] ??= internalized(`${prefix}_${position}`));
}

/** The internalized copy of `s` (property keys are internalized; this is how JavaScript gets one). */
function internalized(s: string): string {
  return Object.keys({ [s]: 0 })[0]!;
}
