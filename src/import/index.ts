/**
 * The importer (decompiler): Bitrix24 REST JSON to `.b24layout` text. `importJson` recognises
 * what the JSON is (shapes.ts), writes it as statements the lowering reads back to the same JSON
 * (decompiler.ts, driven by the model), and reports every change it made to the JSON as a
 * warning with its path and a JSON Patch operation. Pure: no file system.
 */
import { getDeclaration } from "../model/statements.js";
import type { Range } from "../syntax/ast.js";
import { elementNames, inferCardEntity, parseEntityOption, type CardEntity } from "./card-entity.js";
import { Decompiler } from "./decompiler.js";
import type { ImportDiagnostic } from "./diagnostics.js";
import type { JsonPath } from "../json/index.js";
import { jsonValue, parseJson, property, type JsonNode, type JsonObject, type JsonProperty } from "../json/index.js";
import { isWord } from "./literals.js";
import { nameFromFile, uniqueName } from "./names.js";
import { bindingPlan, cardFieldsOf } from "../model/binding.js";
import { printLines, type OutArg, type OutLine, type OutStatement } from "./printer.js";
import { detectShape, IMPORT_KINDS, type Shape } from "./shapes.js";
import { TranslationTableBuilder } from "./translations.js";

export { detectShape, IMPORT_KINDS, type Detection, type Shape, type Payload as ShapePayload } from "./shapes.js";
export { keyForText } from "./translations.js";
export { formatImportDiagnostic, type ImportDiagnostic, type ImportDiagnosticCode } from "./diagnostics.js";
export { applyChanges, formatPath, toPointer, valueAt, type JsonChange, type JsonPath } from "../json/index.js";

export interface ImportOptions {
  /** The input's file name: named in the header comment, and the declaration's name comes from it. */
  readonly fileName?: string;
  /** Read the input as this kind (one of IMPORT_KINDS) instead of recognising its shape. */
  readonly kind?: string;
  /** The entity type of a card whose JSON has no entityTypeId (`deal`, `contact`, `1032`). */
  readonly entity?: string;
  /** Lift language maps into a `translations` table referenced with `@key`. */
  readonly extractTranslations?: boolean;
  /** Write docs quirks (`"false"` for false, `"1"` for 1) as they are instead of normalising them. */
  readonly keepQuirks?: boolean;
  /** The declaration's name (for a badge list, the first one's). */
  readonly name?: string;
}

/** One declaration of the text, and where its JSON is. */
export interface ImportedDeclaration {
  readonly keyword: string;
  readonly name: string;
  /** Where the payload is in the input. */
  readonly inputPath: JsonPath;
  /** Where that payload is in the compiled declaration: `["data"]` for a card given as its sections. */
  readonly outputPath: JsonPath;
}

export interface ImportResult {
  /** The `.b24layout` text; absent when there is an error. */
  readonly text?: string;
  /** The kind (declaration keyword) the input was read as. */
  readonly kind?: string;
  /** What the input was recognised as: "crm.timeline.layout.blocks.set params". */
  readonly description?: string;
  readonly declarations: readonly ImportedDeclaration[];
  /** Errors (then there is no text) and warnings, in the order of the input. */
  readonly diagnostics: readonly ImportDiagnostic[];
}

/** What is wrong with the options (an unknown kind or entity, a name that is not a name), or undefined. */
export function optionError(options: ImportOptions): string | undefined {
  if (options.kind !== undefined && !IMPORT_KINDS.includes(options.kind)) return `unknown kind '${options.kind}': expected ${IMPORT_KINDS.join(", ")}`;
  if (options.name !== undefined && !isWord(options.name)) {
    return `'${options.name}' cannot be a declaration name: use letters, digits, '_' and inner '-', starting with a letter or '_'`;
  }
  if (options.entity !== undefined) {
    const parsed = parseEntityOption(options.entity);
    if ("error" in parsed) return parsed.error;
  }
  return undefined;
}

export function importJson(text: string, options: ImportOptions = {}): ImportResult {
  const diagnostics: ImportDiagnostic[] = [];
  const fail = (message: string, code: ImportDiagnostic["code"], range?: Range): ImportResult => ({
    declarations: [],
    diagnostics: [...diagnostics, { severity: "error", code, message, ...(range ? { range } : {}) }],
  });

  const invalid = optionError(options);
  if (invalid !== undefined) return fail(invalid, "invalid-option");
  const parsedEntity = options.entity !== undefined ? parseEntityOption(options.entity) : undefined;
  const entityOption: CardEntity | undefined = parsedEntity && !("error" in parsedEntity) ? parsedEntity : undefined;

  // A byte-order mark is not part of the text (editors do not count it as a column).
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const parsed = parseJson(source);
  if (!parsed.ok) return fail(parsed.error.message, parsed.tooLarge === "depth" ? "too-deep" : parsed.tooLarge === "values" ? "too-large" : "invalid-json", parsed.error.range);
  const root = parsed.root;
  if (parsed.duplicates.length > 0) {
    const paths = objectPaths(root);
    for (const d of parsed.duplicates) {
      const path = [...(paths.get(d.object) ?? []), d.key];
      diagnostics.push({ severity: "warning", code: "duplicate-key", message: `the key ${JSON.stringify(d.key)} is written twice: the later value is kept, as JSON.parse does`, path, range: d.range });
    }
  }

  const detected = detectShape(root, options.kind);
  if (!detected.ok) return fail(detected.message, "unknown-shape", detected.range);
  const shape = detected.shape;

  const translations = options.extractTranslations ? new TranslationTableBuilder() : undefined;
  const decompiler = new Decompiler({ keepQuirks: options.keepQuirks === true, translations, diagnostics });
  const declarations: ImportedDeclaration[] = [];
  const statements: OutStatement[] = [];
  const comments: string[] = [];
  const names = new Set<string>();

  /** Target params a raw `json` declaration cannot carry: they stay a comment. */
  const notImported: JsonProperty[] = [];
  for (const [i, payload] of shape.payloads.entries()) {
    const spec = getDeclaration(shape.kind)!;
    const given = i === 0 ? options.name : undefined;
    let name = given ?? nameFromFile(options.fileName, shape.kind);
    const skip = new Set<string>();
    const omit = new Set<string>();
    const head: OutArg[] = [];
    const suffix: OutArg[] = [];
    /** The payload lacks the field the declaration's name would fill (a badge without a code): only the raw form leaves it out. */
    let raw = false;

    if (spec.nameField !== undefined && payload.node.kind === "object") {
      // A badge is named by its code (`badge missedCall …`): then the code is not written again.
      // Any other code is written in the body (`code "my code"`), which wins over the name.
      const code = property(payload.node, spec.nameField)?.value;
      const codeText = code?.kind === "scalar" && typeof code.value === "string" ? code.value : undefined;
      if (codeText !== undefined && isWord(codeText) && (given === undefined || given === codeText) && !names.has(codeText)) {
        name = codeText;
        skip.add(spec.nameField);
      } else if (!code) {
        raw = true;
      }
    }
    name = uniqueName(name, names);

    for (const e of shape.leftOut ?? []) {
      const path = [...payload.path, e.key];
      diagnostics.push({
        severity: "warning",
        code: "left-out",
        message: `crm.activity.configurable.update takes only the id, not the owner: ${e.key} ${JSON.stringify(jsonValue(e.value))} is left out`,
        path,
        range: e.keyRange,
        change: { op: "remove", path },
      });
      omit.add(e.key);
    }
    if (shape.leftOut && shape.leftOut.length > 0) {
      comments.push(`The owner of the activity read (${shape.leftOut.map((e) => `${e.key} ${JSON.stringify(jsonValue(e.value))}`).join(", ")}) is left out: crm.activity.configurable.update takes only the id.`);
    }

    let statement: OutStatement;
    if (shape.kind === "card" && (shape.sectionsOnly || shape.directive !== undefined)) {
      const entity = cardEntity(shape, spec.dto, payload.node, payload.path, options.fileName, entityOption, diagnostics);
      head.push("for", entity);
      if (shape.directive !== undefined) suffix.push(shape.directive);
    } else if (shape.kind === "card" && entityOption && payload.node.kind === "object") {
      const id = property(payload.node, cardFieldsOf(spec.dto).entity);
      if (id) {
        diagnostics.push({
          severity: "warning",
          code: "assumed",
          message: `--entity ${options.entity!} is not used: the input has ${id.key} ${JSON.stringify(jsonValue(id.value))}`,
          path: [...payload.path, id.key],
          range: id.keyRange,
        });
      }
    }

    if (shape.sectionsOnly) {
      const sections = cardFieldsOf(spec.dto).sections;
      const body = decompiler.listMembers(bindingPlan(spec.dto), sections, payload.node, payload.path);
      statement = { kind: "statement", name: spec.keyword, args: [name, ...head], body };
      declarations.push({ keyword: spec.keyword, name, inputPath: payload.path, outputPath: [sections] });
    } else {
      const node = payload.node as JsonObject;
      statement = decompiler.declaration(spec, name, node, payload.path, { skip, omit, head, suffix, raw });
      if (shape.target && spec.request) {
        // `entityTypeId deal`, `entityId 42`, `timelineId 7` first in the body: build writes the whole request again.
        const target = decompiler.statement(spec.keyword, bindingPlan(spec.request.dto), shape.target.node, shape.target.path, { forceBody: true }).body ?? [];
        statement = statement.body ? { ...statement, body: [...target, ...statement.body] } : statement;
        if (!statement.body) notImported.push(...shape.target.node.entries);
      }
      const wrapped = shape.target !== undefined && spec.request !== undefined && statement.body !== undefined && shape.target.node.entries.length > 0;
      declarations.push({ keyword: spec.keyword, name, inputPath: payload.path, outputPath: wrapped ? [spec.request.payloadField] : [] });
    }
    statements.push(statement);
  }

  if (shape.notImported || notImported.length > 0) {
    const method = shape.notImported?.method ?? `${shape.description.replace(/ params$/, "")}`;
    const path = shape.notImported?.path ?? shape.target!.path;
    const entries = [...(shape.notImported?.entries ?? []), ...notImported];
    for (const e of entries) {
      diagnostics.push({
        severity: "warning",
        code: "not-imported",
        message: `not part of the ${shape.kind} declaration: ${method} takes it next to the layout`,
        path: [...path, e.key],
        range: e.keyRange,
      });
    }
    const ids = entries.map((e) => `${e.key} ${JSON.stringify(jsonValue(e.value))}`).join(", ");
    comments.push(`Not part of the declaration: ${ids}. Pass them to ${method} with the layout.`);
  }

  const from = options.fileName !== undefined ? options.fileName.replace(/^.*[\\/]/, "") : "JSON";
  const header: OutLine[] = [{ kind: "comment", text: `Imported from ${from}: ${shape.description}.` }, ...comments.map((text): OutLine => ({ kind: "comment", text }))];
  const chunks = [printLines(header)];
  if (translations && !translations.isEmpty) chunks.push(printLines([translations.statement()]));
  for (const s of statements) chunks.push(printLines([s]));
  const out = chunks.join("\n").replace(/^(\/\/.*\n)+\n/, (m) => m.slice(0, -1));

  return {
    text: out,
    kind: shape.kind,
    description: shape.description,
    declarations,
    diagnostics: diagnostics.sort((a, b) => (a.range?.start.offset ?? -1) - (b.range?.start.offset ?? -1)),
  };
}

/** The entity after `for` for a card whose JSON has no entityTypeId, with a warning when it was assumed. */
function cardEntity(shape: Shape, cardDto: string, node: JsonNode, path: JsonPath, fileName: string | undefined, option: CardEntity | undefined, diagnostics: ImportDiagnostic[]): string {
  if (option) return option.text;
  const fields = cardFieldsOf(cardDto);
  const params = node.kind === "object" ? node : undefined;
  const extras = params && fields.extras !== undefined ? property(params, fields.extras)?.value : undefined;
  const extrasKeys = extras?.kind === "object" ? extras.entries.map((e) => e.key) : [];
  const sections = params ? property(params, fields.sections)?.value : node;
  const inferred = inferCardEntity(extrasKeys, fileName, elementNames(sections, fields), shape.directive !== undefined);
  const form = `card … for ${inferred.text}${shape.directive !== undefined ? ` ${shape.directive}` : ""}`;
  diagnostics.push({
    severity: "warning",
    code: "assumed",
    message: `no entity type in the input: assumed '${inferred.text}' (${inferred.assumed ?? "given"}), written as \`${form}\`; --entity NAME chooses another`,
    path,
    range: { start: node.range.start, end: node.range.start },
  });
  return inferred.text;
}

/** The path of every object in the tree, for messages about its keys. */
function objectPaths(root: JsonNode): Map<JsonObject, JsonPath> {
  const out = new Map<JsonObject, JsonPath>();
  const walk = (node: JsonNode, path: JsonPath) => {
    if (node.kind === "object") {
      out.set(node, path);
      for (const e of node.entries) walk(e.value, [...path, e.key]);
    } else if (node.kind === "array") {
      node.items.forEach((item, i) => walk(item, [...path, i]));
    }
  };
  walk(root, []);
  return out;
}

