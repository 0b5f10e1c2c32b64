/**
 * Properties that hold for any input, however broken: `parse` and `check` never throw, and every
 * range they report lies inside the text with a line and column that match its offset.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { check, compile, parse } from "../../src/index.js";
import { emitTypeScriptModule } from "../../src/emit/typescript.js";
import type { Diagnostic } from "../../src/diagnostic.js";
import type { Range } from "../../src/syntax/ast.js";
import { expectedPosition } from "../helpers.js";

function rangeProblem(text: string, r: Range, what: string): string | undefined {
  const { start, end } = r;
  if (!(Number.isInteger(start.offset) && Number.isInteger(end.offset))) return `${what}: offsets are not integers`;
  if (!(0 <= start.offset && start.offset <= end.offset && end.offset <= text.length)) {
    return `${what}: range ${start.offset}..${end.offset} is outside 0..${text.length}`;
  }
  for (const p of [start, end]) {
    const want = expectedPosition(text, p.offset);
    if (p.line !== want.line || p.column !== want.column) {
      return `${what}: offset ${p.offset} is at ${want.line}:${want.column}, not ${p.line}:${p.column}`;
    }
  }
  return undefined;
}

function diagnosticProblems(text: string, diagnostics: readonly Diagnostic[]): string[] {
  const problems: string[] = [];
  for (const d of diagnostics) {
    const p = rangeProblem(text, d.range, `${d.ruleId} "${d.message}"`);
    if (p) problems.push(p);
    for (const fix of [...(d.fix ? [d.fix] : []), ...(d.suggestions ?? [])]) {
      for (const edit of fix.edits) {
        const q = rangeProblem(text, edit.range, `fix of ${d.ruleId}`);
        if (q) problems.push(q);
      }
    }
  }
  return problems;
}

/** Every `range` in the syntax tree, checked the same way. */
function treeProblems(text: string, node: unknown, path = "document", out: string[] = []): string[] {
  if (Array.isArray(node)) {
    node.forEach((n, i) => treeProblems(text, n, `${path}[${i}]`, out));
  } else if (node !== null && typeof node === "object") {
    for (const [key, value] of Object.entries(node)) {
      if (key === "range") {
        const p = rangeProblem(text, value as Range, path);
        if (p) out.push(p);
      } else {
        treeProblems(text, value, `${path}.${key}`, out);
      }
    }
  }
  return out;
}

/** Runs the whole front end on `text` and returns every broken invariant (none expected). */
function invariantsBrokenBy(text: string): string[] {
  const parsed = parse(text);
  const checked = check(text);
  return [
    ...diagnosticProblems(text, parsed.diagnostics),
    ...treeProblems(text, parsed.document),
    ...diagnosticProblems(text, checked.diagnostics),
  ];
}

/** Pieces of the language: single characters and the multi-character tokens that change the lexing. */
const LANGUAGE_UNITS = [
  ..."abcxyzABZ_019",
  '"', "'", "{", "}", "[", "]", ":", ",", ";", "@", "-", ">", "/", "*", "\\", ".", "+", "#",
  " ", " ", "\t", "\n", "\n", "\r", "\r\n", "\u00a0", "\ufeff", "\u2028",
  "->", '"""', "/*", "*/", "//", "\\u{", "\\u", "true", "false", "null", "@k",
  "layout", "text", "header", "body", "tag", "badge", "card", "section", "translations", "en",
  // Templates.
  "$", "${", "$a", "$a.b", "(", ")", "?", "|", "=", "when", "else", "each", "in", "is", "not", "and", "fragment", "use", "import", "from", "field",
  "é", "ß", "😀", "\ud800", "§", "\u0000",
];

const languageString = fc.string({
  unit: fc.oneof({ arbitrary: fc.constantFrom(...LANGUAGE_UNITS), weight: 9 }, { arbitrary: fc.string({ unit: "binary", minLength: 1, maxLength: 1 }), weight: 1 }),
  maxLength: 120,
});

const BRIEF_EXAMPLE = `translations {
  en { incoming "Incoming call"; client "Client" }
  de { incoming "Eingehender Anruf"; client "Kunde" }
}
badge missedCall failure {            // badge <code> [type]: crm.activity.badge.add params
  title "Call status"
  value { en: "Missed", de: "Verpasst" }
}
layout incomingCall {                 // LayoutDto
  icon call-completed
  header @incoming -> redirect "/crm/deal/details/123/" {   // title, titleAction, tags
    status2: tag warning "not deciphered"                    // key label \`status2:\`
  }
  body {
    logo call-incoming -> redirect "/crm/deal/details/123/"
    client: withTitle @client inline { text "Ltd. Horns and Hooves" }
    responsible: lineOfBlocks {
      link "Sergey Vostrikov" bold -> redirect "/crm/lead/details/789/"   // no label: key block_1
      phone: text "+1 999 888 7777" size sm color base_70
    }
    deadline readonly false
    largeText """
      Long text
      second line
      """
  }
  footer {
    startCall: button primary "About the client"
      -> openRestApp { clientId: 456 } sliderParams { width: 700 }
    menu {
      showPostponeItem false
      confirm: item "Confirm request" -> restEvent "confirm" loader
    }
  }
}
blocks extra { text "Hello" bold multiline }          // RestAppLayoutDto {blocks}
activity call1 {                                       // crm.activity.configurable.add params
  ownerTypeId deal; ownerId 999                        // or \`id 42\` for update
  completed false; deadline "2025-01-01T10:00:00+03:00"; pingOffsets [60, 300]
  isIncomingChannel false; responsibleId 1; badgeCode missedCall
  layout incomingCall                                  // reference, or layout { … } inline
}
card contactCard for contact {                         // crm.item.details.configuration.set
  scope personal        // P / common → C
  userId 1
  section_1: section "Personal data" {                 // label = section name
    NAME always                                        // element; always → optionFlags 1
    PHONE always { defaultCountry "GB" }               // body = options
    ADDRESS always { defaultAddressType 4 }
    UF_CRM_1720697698689
  }
}
card dealCard for deal legacy { dealCategoryId 32 }    // legacy = crm.deal.details.configuration.set
`;

const SMALL_EXAMPLES = [
  'fragment f(name: string, vip?: bool) {\n  client: text "${name}"\n  when $vip { v: text "VIP" bold }\n}\nlayout l(n: string, items: { name: string, price?: int }[] = [], ch: "web" | "mobile" = "web") {\n  icon info\n  header "T" -> redirect "/d/${n}/" { when not $ch is "web" and $n { tag success "a" } else { tag failure "b" } }\n  body {\n    logo document\n    use f { name: $n }\n    each it in $items { row: text "${it.name} ${it.price}" }\n  }\n}\n',
  'import { f, translations } from "./x.b24layout"\ncard c(fields: string[] = []) for contact {\n  main: section "Main" {\n    NAME\n    each x in $fields { field "UF_CRM_${x}" always }\n  }\n}\n',
  'badge missedCall failure {\n  title "Call status"\n  value { en: "Missed", de: "Verpasst" }\n}\n',
  'blocks extra { text "Hello" bold multiline }\n',
  'layout l {\n  icon info\n  header "T" { tag success "a" }\n  body { logo document; text "x\\n\\u0041" }\n  footer {\n    button primary "b" -> redirect "/x"\n    menu { item "i" -> restEvent "e" { actionParams { a: 1 } } }\n  }\n}\n',
  'activity a {\n  ownerTypeId deal; ownerId 1\n  pingOffsets [0, 15]\n  layout {\n    icon info\n    header "T"\n    body { logo document; largeText """\n      a\n      b\n      """ }\n  }\n}\n',
  "card c for deal legacy {\n  dealCategoryId 3\n  main: section \"Main\" {\n    TITLE always\n    /* note */ OPPORTUNITY_WITH_CURRENCY { isPayButtonVisible false }\n  }\n}\n",
];

type Edit =
  | { readonly kind: "delete"; readonly at: number; readonly length: number }
  | { readonly kind: "insert"; readonly at: number; readonly text: string }
  | { readonly kind: "duplicate"; readonly at: number; readonly length: number };

const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ kind: fc.constant("delete" as const), at: fc.nat(), length: fc.integer({ min: 1, max: 8 }) }),
  fc.record({ kind: fc.constant("insert" as const), at: fc.nat(), text: fc.string({ unit: fc.constantFrom(...LANGUAGE_UNITS), minLength: 1, maxLength: 4 }) }),
  fc.record({ kind: fc.constant("duplicate" as const), at: fc.nat(), length: fc.integer({ min: 1, max: 30 }) }),
);

function applyEdits(text: string, edits: readonly Edit[]): string {
  let out = text;
  for (const e of edits) {
    const at = out.length === 0 ? 0 : e.at % (out.length + 1);
    if (e.kind === "delete") out = out.slice(0, at) + out.slice(at + e.length);
    else if (e.kind === "insert") out = out.slice(0, at) + e.text + out.slice(at);
    else out = out.slice(0, at) + out.slice(at, at + e.length) + out.slice(at);
  }
  return out;
}

const mutatedDocument = fc
  .tuple(fc.constantFrom(BRIEF_EXAMPLE, ...SMALL_EXAMPLES), fc.array(edit, { minLength: 1, maxLength: 6 }))
  .map(([text, edits]) => applyEdits(text, edits));

/** `PROPERTY_RUNS=20000 npx vitest run test/syntax/property.test.ts` for a longer search. */
const RUNS = Number(process.env["PROPERTY_RUNS"] ?? 0);
const TIMEOUT = RUNS ? 3_600_000 : undefined;

describe("parse and check on any input", () => {
  it("the examples themselves are free of syntax errors", () => {
    for (const text of [BRIEF_EXAMPLE, ...SMALL_EXAMPLES]) {
      expect(parse(text).diagnostics).toEqual([]);
      expect(invariantsBrokenBy(text)).toEqual([]);
    }
  });

  it("never throw, and report only well-formed ranges, for strings of the language's characters", () => {
    fc.assert(
      fc.property(languageString, (text) => {
        expect(invariantsBrokenBy(text)).toEqual([]);
      }),
      { numRuns: RUNS || 500 },
    );
  }, TIMEOUT);

  it("never throw, and report only well-formed ranges, for mutated valid documents", () => {
    fc.assert(
      fc.property(mutatedDocument, (text) => {
        expect(invariantsBrokenBy(text)).toEqual([]);
      }),
      { numRuns: RUNS || 400 },
    );
  }, TIMEOUT);

  it("compile and the TypeScript emitter never throw on mutated documents", () => {
    fc.assert(
      fc.property(mutatedDocument, (text) => {
        const checked = check(text);
        compile(text);
        if (!checked.diagnostics.some((d) => d.severity === "error")) emitTypeScriptModule(checked.program, { source: "x.b24layout" });
      }),
      { numRuns: RUNS || 300 },
    );
  }, TIMEOUT);

  it("report at least one syntax error for unbalanced brackets", () => {
    fc.assert(
      fc.property(fc.constantFrom(...SMALL_EXAMPLES), fc.nat(), (text, n) => {
        // Brackets of the structure, not the ones inside strings (`"${name}"`).
        const inStrings = [...text.matchAll(/"(?:[^"\\\n]|\\.)*"/g)].map((m) => [m.index, m.index + m[0].length] as const);
        const brackets = [...text.matchAll(/[{}[\]]/g)].map((m) => m.index).filter((i) => !inStrings.some(([a, b]) => i > a && i < b));
        const at = brackets[n % brackets.length]!;
        const broken = text.slice(0, at) + text.slice(at + 1);
        expect(parse(broken).diagnostics.some((d) => d.ruleId === "syntax-error")).toBe(true);
      }),
      { numRuns: RUNS || 200 },
    );
  }, TIMEOUT);
});
