import type { Fix } from "../../diagnostic.js";
import type { IrValue } from "../../lower/index.js";
import { serverReadsAsTrue, BOOLEAN_STRINGS, getDto } from "../../model/index.js";
import { BITRIX_LANGUAGES } from "../../model/index.js";
import type { FieldType } from "../../model/index.js";
import { defineRule, type DataWithout, type MessageId, type Messages, type Report } from "../rule.js";

/**
 * A value of the wrong JSON type for its field (spec §2.3, §2.6, §3): the server casts bad
 * scalars silently, so `"bold": "yes"` becomes false and `"width": "700px"` becomes 700.
 */
/** Declared apart from the rule, so that the reporting helpers below can be typed by them. */
const LANGUAGE_IDS: ReadonlySet<string> = new Set(BITRIX_LANGUAGES.map((l) => l.id));

const VALUE_TYPE_MESSAGES = {
  wrongType: "'{field}' expects {expected}, not {actual}.",
  boolCast: "'{field}' expects a boolean (true or false), not {actual}; the server does not reject it but silently casts it to {cast}.",
  boolRejected: "'{field}' expects a boolean (true or false), not {actual}; the server answers \"The value of {field} is incorrect.\"",
  boolNumber: { text: "'{field}' expects a boolean, not {actual}; the server reads it as {cast}, but write {cast}.", severity: "warning" },
  intCast: "'{field}' expects an integer, not {actual}; the server does not reject it but silently casts it to {cast}.",
  intString: { text: "'{field}' expects an integer, not {actual}; the server casts it to {cast}, but write the number.", severity: "warning" },
  stringCast: { text: "'{field}' expects {expected}, not {actual}; the server casts it to the string \"{cast}\".", severity: "warning" },
  translationNotSupported: "'{field}' is a plain string: translation maps are not supported here. Write the text itself.",
  languageValue: "The '{language}' text of '{field}' must be a string, not {actual}; the server answers \"The value of {field}[{language}] in {parent} is incorrect.\"",
  languageValueBadge: "The '{language}' text of '{field}' must be a string, not {actual}; the server answers \"Wrong value of field `{field}` for language {language}\".",
  collectionList: {
    text: "'{field}' is a list where the docs describe an object keyed by name; the server reads the positions 0, 1, … as its keys. Write { key: { … } }.",
    severity: "warning",
    basis: "docs",
  },
  memberType: "Member '{key}' of '{field}' must be a {title} object { … }, not {actual}; the server answers \"The value of {field}[{key}] in {parent} is incorrect.\"",
} as const satisfies Messages;

export default defineRule({
  meta: {
    id: "value-type",
    description: "Require each value to have the JSON type its field takes: boolean, integer, string, text, list, map or object.",
    why:
      "The server checks the shape of nested objects (WRONG_FIELD_VALUE, spec §2.3) but not the type of scalar leaves: it casts them after validation (spec §2.6), " +
      "so `\"bold\": \"yes\"` silently becomes false and `\"width\": \"700px\"` becomes 700. The rule reports every such value and says what the server makes of it. " +
      "Where the cast gives exactly what was written (`1` for true, `\"700\"` for 700, a number in a text) it warns and offers the fix; otherwise it is an error. " +
      "Only textWithTranslation fields take language maps (spec §3); a translation in a plain string field (card section title, sliderParams.title, action uri/id) " +
      "would be sent as an object. Strings that spell a boolean (`\"false\"`, `\"Y\"`) are left to string-boolean, enum values to enum-value, but an integer enum written as the string of its number (`optionFlags \"1\"`, as `get` returns it, spec §14.2) is a warning with its fix; null is not checked.",
    severity: "error",
    scope: "declaration",
    fixable: true,
    spec: "§2.3, §2.6, §3, §6",
    messages: VALUE_TYPE_MESSAGES,
    examples: {
      incorrect: [
        {
          code: 'blocks b {\n  text "Hello" {\n    bold "yes"\n  }\n}\n',
          note: "The server casts the string \"yes\" to false.",
        },
        {
          code: 'blocks b {\n  link "Open" -> openRestApp sliderParams { width: "700px", title: { en: "App" } }\n}\n',
          note: "`width` is cast to 700; `title` is a plain string and cannot be a language map.",
        },
      ],
      correct: [{ code: 'blocks b {\n  text "Hello" bold\n  link "Open" -> openRestApp sliderParams { width: 700, title: "App" }\n}\n' }],
    },
  },
  create(context) {
    // What `report` and `wrong` speak of: the value being checked, set by `check` (one pair of
    // functions per file rather than per value; a report is made before `check` moves on).
    // The field's name is built only for a report: `tags[3]` is item `reportIndex` of `reportField`
    // (no index: -1), not a string made for every item of every list.
    let reportField = "";
    let reportIndex = -1;
    let reportType: FieldType | undefined;
    let reportValue: IrValue | undefined;
    const fieldName = () => (reportIndex < 0 ? reportField : `${reportField}[${reportIndex}]`);
    const report: ReportFn = (messageId, data, fix) =>
      context.report({ messageId, data: { field: fieldName(), ...data }, range: reportValue!.range, ...(fix ? { fix } : {}) } as Report<typeof VALUE_TYPE_MESSAGES, typeof messageId>);
    const wrong = () => report("wrongType", { expected: expected(reportType!), actual: describe(reportValue!) });

    const check = (owner: string, index: number, type: FieldType, value: IrValue): void => {
      reportField = owner;
      reportIndex = index;
      reportType = type;
      reportValue = value;
      if (value.kind === "scalar" && value.value === null) return;
      // Template values are typed by their parameters: template-type checks them.
      if (value.kind === "paramRef" || value.kind === "template") return;
      switch (type.kind) {
        case "bool": {
          if (value.kind !== "scalar") return wrong();
          const v = value.value;
          if (typeof v === "boolean") return;
          if (typeof v === "number") {
            // Fields with an exact string set take the numbers of those strings (`1`, `0`) too.
            const cast = type.strings ? (Object.hasOwn(type.strings, String(v)) ? type.strings[String(v)] : undefined) : v !== 0;
            if (cast === undefined) return report("boolRejected", { actual: describe(value) });
            if (v === 0 || v === 1) return report("boolNumber", { actual: describe(value), cast: String(cast) }, replace(value, String(cast)));
            return report("boolCast", { actual: describe(value), cast: String(cast) });
          }
          if (typeof v === "string") {
            if (type.strings) {
              if (Object.hasOwn(type.strings, v)) return; // string-boolean
              return report("boolRejected", { actual: describe(value) });
            }
            if (Object.hasOwn(BOOLEAN_STRINGS, v)) return; // string-boolean
            return report("boolCast", { actual: describe(value), cast: String(serverReadsAsTrue(v)) });
          }
          return;
        }
        case "int": {
          if (value.kind !== "scalar") return wrong();
          const v = value.value;
          if (typeof v === "number") {
            if (!Number.isInteger(v)) report("intCast", { actual: describe(value), cast: Math.trunc(v) });
            return;
          }
          if (typeof v === "boolean") return report("intCast", { actual: describe(value), cast: v ? 1 : 0 });
          if (typeof v !== "string") return;
          // Entity words were turned into their ids while lowering; one left is unknown (card-entity, activity-target).
          if (type.entityType && value.source === "word") return;
          const cast = phpIntCast(v);
          if (/^[+-]?\d+$/.test(v.trim())) return report("intString", { actual: describe(value), cast }, replace(value, String(cast)));
          return report("intCast", { actual: describe(value), cast });
        }
        case "text":
          if (value.kind === "object") {
            for (const e of value.entries) {
              const inner = e.value;
              // Template values are template-type's.
              if ((inner.kind === "scalar" && typeof inner.value === "string") || inner.kind === "paramRef" || inner.kind === "template") continue;
              // The DTO framework names the structure; crm.activity.badge.add (no server class) has its own words (spec §8).
              const messageId = serverClass === undefined ? "languageValueBadge" : "languageValue";
              context.report({ messageId, data: { field: fieldName(), language: e.key, actual: describe(inner), parent: serverClass ?? "" }, range: inner.range });
            }
            return;
          }
          if (value.kind === "translationRef") return;
          return checkStringScalar(value, type, report, wrong);
        case "string":
          if (value.kind === "translationRef") return report("translationNotSupported", {});
          if (value.kind === "object" && value.entries.length > 0 && value.entries.every((e) => LANGUAGE_IDS.has(e.key))) {
            return report("translationNotSupported", {});
          }
          return checkStringScalar(value, type, report, wrong);
        case "enum":
          // Scalars are enum-value's; only the shape is checked here.
          if (value.kind !== "scalar") return wrong();
          // A number written as a string (`optionFlags "1"`, as get returns it, spec §14.2): the
          // server keeps a numeric string, but set takes the number. Other values are enum-value's.
          if (type.valueType === "int" && value.source === "string" && typeof value.value === "string" && /^[+-]?\d+$/.test(value.value.trim())) {
            const cast = phpIntCast(value.value);
            if (type.values.some((v) => Number(v.value) === cast)) return report("intString", { actual: describe(value), cast }, replace(value, String(cast)));
          }
          return;
        case "object":
          if (value.kind !== "object" && value.kind !== "declarationRef") return wrong();
          return;
        case "scalarMap":
          if (value.kind !== "object") return wrong();
          return;
        case "list":
          // A card's `data` that is no list has the server's own messages (card-data).
          if (value.kind !== "array") return type.indexedArray === true ? undefined : wrong();
          if (value.items.length > 0) {
            const field = fieldName();
            for (let i = 0; i < value.items.length; i++) check(field, i, type.of, value.items[i]!);
          }
          return;
        case "collection": {
          // Members are objects (a list is read as keys 0, 1, …); anything else the server rejects (spec §2.4).
          if (value.kind === "scalar" || value.kind === "translationRef") return wrong();
          if (value.kind === "array") context.report({ messageId: "collectionList", data: { field: fieldName() }, range: value.range });
          const memberReport = (key: string, member: IrValue) => {
            if (member.kind === "object" || member.kind === "paramRef" || member.kind === "template" || (member.kind === "scalar" && member.value === null)) return;
            context.report({ messageId: "memberType", data: { field: fieldName(), key, title: getDto(type.of)?.title ?? type.of, actual: describe(member), parent: parentClass ?? "" }, range: member.range });
          };
          // Written without a list of pairs: this is every collection of every file.
          if (value.kind === "collection" || value.kind === "object") for (const e of value.entries) memberReport(e.key, e.value);
          else if (value.kind === "array") for (let i = 0; i < value.items.length; i++) memberReport(String(i), value.items[i]!);
          return;
        }
        case "block":
          if (value.kind !== "object") return wrong();
          return;
        case "constant":
          return;
      }
    };
    /** The server's name of the structure being checked, for its messages. */
    let parentClass: string | undefined;
    /** The DTO framework's class of the structure being checked, if it is one. */
    let serverClass: string | undefined;

    return {
      field({ field, ownerDto, value }) {
        parentClass = ownerDto.serverClass ?? ownerDto.name;
        serverClass = ownerDto.serverClass;
        check(field.name, -1, field.type, value);
      },
    };
  },
});

/** Reports a message of the value's field (the helper gives `field`). */
type ReportFn = <K extends MessageId<typeof VALUE_TYPE_MESSAGES>>(messageId: K, data: DataWithout<typeof VALUE_TYPE_MESSAGES, K, "field">, fix?: Fix) => void;

/** Strings and texts: numbers and booleans are cast to strings (a warning), maps and lists are wrong. */
function checkStringScalar(value: IrValue, type: FieldType, report: ReportFn, wrong: () => void): void {
  if (value.kind !== "scalar") return wrong();
  const v = value.value;
  if (typeof v === "number") return report("stringCast", { expected: expected(type), actual: describe(value), cast: String(v) });
  if (typeof v === "boolean") return report("stringCast", { expected: expected(type), actual: describe(value), cast: v ? "1" : "" });
}

function replace(value: IrValue, newText: string): Fix {
  return { description: `Replace with ${newText}`, edits: [{ range: value.range, newText }] };
}

/** PHP's `(int)` cast of a string: the leading number, truncated; 0 when there is none. */
function phpIntCast(s: string): number {
  const m = /^\s*[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?/.exec(s);
  if (!m) return 0;
  const n = Math.trunc(Number(m[0]));
  return Number.isFinite(n) ? n : 0;
}

/** How the field's type is named in messages. */
function expected(type: FieldType): string {
  switch (type.kind) {
    case "bool":
      return "a boolean (true or false)";
    case "int":
      return "an integer";
    case "text":
      return "a text (a string or a language map)";
    case "string":
      return "a string";
    case "enum":
      return `one value (${type.values.filter((v) => v.accepted?.server !== false).map((v) => v.value).join(", ")})`;
    case "object":
      return `${getDto(type.dto)?.title ?? type.dto} { … }`;
    case "scalarMap":
      return "a map of scalar values { key: value }";
    case "list":
      return "a list [ … ]";
    case "collection":
      return `a map of ${getDto(type.of)?.title ?? type.of}s { key: { … } }`;
    case "block":
      return "a content block";
    case "constant":
      return JSON.stringify(type.value);
  }
}

/** How a written value is named in messages. */
function describe(value: IrValue): string {
  switch (value.kind) {
    case "scalar":
      switch (typeof value.value) {
        case "string":
          return value.source === "string" ? `the string ${JSON.stringify(value.value)}` : `the word '${value.value}'`;
        case "number":
          return `the number ${value.value}`;
        case "boolean":
          return `the boolean ${value.value}`;
        default:
          return "null";
      }
    case "translationRef":
      return `the translation '@${value.key}'`;
    case "object":
      return "a map";
    case "collection":
      return "a collection";
    case "array":
      return "a list";
    case "declarationRef":
      return `a reference to ${value.declaration} '${value.name}'`;
    case "paramRef":
      return `the parameter '$${value.path.join(".")}'`;
    case "template":
      return "an interpolated string";
  }
}
