/**
 * A fast-check generator of syntactically valid `.b24layout` programs, for the formatter's
 * property tests. It builds a layout model (what the statements are, and how the author laid
 * them out: spaces, comments, line breaks, blank lines, commas) and renders it to text. The model
 * is what fast-check shrinks, so a failing program shrinks to a small one.
 *
 * Line breaks carry meaning (a statement ends at one), so the model only has them where the
 * parser allows them (src/syntax/grammar.ts): between statements, before a continued `-> action`,
 * and inside maps, lists, parameter lists and record types (`mapContinues`, `listContinues`,
 * `inParameterList`, the `parameter`, `type` and `recordType` rules). Everywhere else tokens are separated by a `Gap`:
 * spaces, tabs and block comments (which may span lines: a comment is not a line-break token).
 *
 * `expectedSkeleton` says what the parser must read from a rendered program; the generator's own
 * test (generator.test.ts) checks that every program parses without diagnostics to that skeleton.
 */
import fc from "fast-check";
import type { Argument, Document, Statement } from "../../../src/syntax/ast.js";

// ----- the model -----

/** Between two tokens on a line: white space and block comments. */
export type Gap = readonly Piece[];
export type Piece = { readonly k: "ws"; readonly s: string } | { readonly k: "block"; readonly text: string };

/** A line of its own: blank, or comments (block comments, then maybe a line comment). */
export type Line =
  | { readonly k: "blank"; readonly ws: string }
  | { readonly k: "comment"; readonly indent: number; readonly blocks: readonly string[]; readonly line: string | undefined };

/** A line break (or several) between two tokens: `before`, an end-of-line comment, lines of their own, the next line's indentation. */
export interface Brk {
  readonly before: Gap;
  readonly eol: string | undefined;
  readonly lines: readonly Line[];
  readonly indent: number;
}

/** Where a line break is allowed: a gap or a break. */
export type Sep = { readonly k: "gap"; readonly gap: Gap } | { readonly k: "brk"; readonly brk: Brk };

/** Between the members of a statement list: gaps, breaks and semicolons, in order. */
export type ListPiece = Sep | { readonly k: "semi" };
export type ListSep = readonly ListPiece[];

export interface StatementList {
  readonly lead: ListSep;
  readonly items: readonly Item[];
  /** `seps[i]` goes after `items[i]` (one fewer than the items). */
  readonly seps: readonly ListSep[];
  readonly trail: ListSep;
}

export type Item = { readonly k: "stmt"; readonly s: Stmt } | { readonly k: "import"; readonly i: Import };

export interface ArgSlot {
  readonly gap: Gap;
  readonly arg: Arg;
}

export interface Stmt {
  readonly label: { readonly tok: string; readonly g1: Gap; readonly g2: Gap } | undefined;
  readonly name: string;
  readonly args: readonly ArgSlot[];
  readonly action: { readonly pre: Sep; readonly g: Gap; readonly name: string; readonly args: readonly ArgSlot[] } | undefined;
  readonly body: { readonly gap: Gap; readonly list: StatementList } | undefined;
}

export interface Import {
  readonly gaps: readonly Gap[];
  readonly names: readonly string[];
  readonly trailingComma: boolean;
  readonly path: string;
}

export type Arg = { readonly k: "ident"; readonly name: string } | Value | PList;

export type Value =
  | { readonly k: "String"; readonly tok: string }
  | { readonly k: "Number"; readonly tok: string }
  | { readonly k: "Boolean"; readonly tok: string }
  | { readonly k: "Null" }
  | { readonly k: "TranslationRef"; readonly tok: string }
  | { readonly k: "ParamRef"; readonly tok: string }
  | MapV
  | ListV;

/** Between two members of a map, list or record: commas (0 needs a line break, which rendering adds if missing). */
export interface CommaSep {
  readonly commas: number;
  readonly before: Sep;
  readonly after: Sep;
}

export interface MapEntryV {
  readonly key: string;
  readonly g: Gap;
  readonly after: Sep;
  readonly value: Value;
}

export interface MapV {
  readonly k: "Map";
  readonly open: Sep;
  readonly entries: readonly MapEntryV[];
  readonly seps: readonly CommaSep[];
  readonly trailing: Sep | undefined;
  readonly close: Sep;
}

export interface ListV {
  readonly k: "List";
  readonly open: Sep;
  readonly items: readonly Value[];
  readonly seps: readonly CommaSep[];
  readonly trailing: Sep | undefined;
  readonly close: Sep;
}

export interface PList {
  readonly k: "ParameterList";
  readonly open: Sep;
  readonly params: readonly Param[];
  readonly seps: readonly CommaSep[];
  readonly trailing: Sep | undefined;
  readonly close: Sep;
}

export interface Param {
  readonly name: string;
  readonly opt: Gap | undefined;
  readonly g: Gap;
  readonly after: Sep;
  readonly type: TypeT;
  readonly def: { readonly g: Gap; readonly after: Sep; readonly value: string } | undefined;
}

export interface TypeT {
  readonly terms: readonly Term[];
  readonly seps: readonly { readonly before: Sep; readonly after: Sep }[];
}

export interface Term {
  readonly base: { readonly k: "named"; readonly name: string } | { readonly k: "lit"; readonly tok: string } | { readonly k: "rec"; readonly rec: Rec };
  readonly lists: readonly { readonly g1: Gap; readonly g2: Gap }[];
}

export interface Rec {
  readonly open: Sep;
  readonly fields: readonly Field[];
  readonly seps: readonly CommaSep[];
  readonly trailing: Sep | undefined;
  readonly close: Sep;
}

export interface Field {
  readonly name: string;
  readonly opt: Gap | undefined;
  readonly g: Gap;
  readonly after: Sep;
  readonly type: TypeT;
}

export interface Program {
  readonly bom: boolean;
  readonly eol: "\n" | "\r\n" | "\r";
  readonly unit: string;
  readonly list: StatementList;
  readonly finalNewline: boolean;
}

// ----- options -----

export interface GeneratorOptions {
  /** `// prettier-ignore` and `/* prettier-ignore *\/` among the comments (default true). */
  readonly prettierIgnore?: boolean;
  /** CRLF and CR line ends in the input, besides LF (default true). */
  readonly lineEnds?: boolean;
  /** Block comments that span lines (default true). */
  readonly multilineComments?: boolean;
  /** Comments of any kind (default true). */
  readonly comments?: boolean;
  /** Nesting depth of bodies (default 3). */
  readonly depth?: number;
  /** `-> action { ; }`: a body of only `;` after an action (default true). */
  readonly semicolonBodies?: boolean;
  /** Line comments that end with white space (`// x `) (default true). */
  readonly trailingSpaceComments?: boolean;
  /** `"""` strings whose lines end with white space (default true). */
  readonly tripleTrailingSpace?: boolean;
  /** Line breaks inside a map entry, parameter or record field (after `key:`, `name:`, `=`) and around a type's `|` (default true). */
  readonly innerBreaks?: boolean;
  /** Members of maps, lists, parameter lists and records separated by a line break alone, or with one before the comma (default true). */
  readonly breakBeforeComma?: boolean;
}

// ----- small pieces -----

const RESERVED = new Set(["true", "false", "null", "import"]);

const WORDS = [
  "layout", "blocks", "text", "header", "body", "icon", "footer", "button", "tag", "link", "menu", "item", "bold",
  "primary", "call-completed", "base_70", "redirect", "openRestApp", "restEvent", "sliderParams", "section", "card",
  "badge", "translations", "en", "de", "from", "trueish", "nullable", "_x", "a", "b", "x1", "size", "sm", "value",
  "lineOfBlocks", "withTitle", "largeText", "call-incoming-missed", "a-b-c", "NAME", "UF_CRM_1", "json",
];

const identArb: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...WORDS) },
  { weight: 1, arbitrary: fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,8}(-[A-Za-z0-9_]{1,4}){0,2}$/).filter((s) => !RESERVED.has(s)) },
);

const TEXT_CHARS = [..."abcxyz XYZ 019 {}[]():;,.-_/*@#!?'<>|=+~%^&", "é", "ü", "日本", "😀", "\t", "//", "/*", "*/", "->"];

/** Text that may appear in a string or a comment: no quotes, backslashes, `$` or line breaks. */
const plainTextArb = fc.array(fc.constantFrom(...TEXT_CHARS), { maxLength: 6 }).map((a) => a.join(""));

const ESCAPES = ["\\n", "\\t", '\\"', "\\\\", "\\/", "\\r", "\\b", "\\f", "\\u00e9", "\\u{1F600}", "\\${", "\\$"];

const stringPieceArb: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: plainTextArb },
  { weight: 2, arbitrary: fc.constantFrom(...ESCAPES) },
  { weight: 2, arbitrary: fc.constantFrom("${x}", "${client.name}", "${ dealId }", "${a_1.b.c}") },
  { weight: 1, arbitrary: fc.constantFrom("$x", "$ ", "$1", "$$a") },
);

const quotedArb: fc.Arbitrary<string> = fc.array(stringPieceArb, { maxLength: 4 }).map((p) => `"${p.join("")}"`);

/**
 * A `"""` string: a first line, content lines, and the closing quotes on a line of their own
 * (indented) or after text. With `trailingSpace`, content lines may end with white space.
 */
function tripleStringArb(trailingSpace: boolean): fc.Arbitrary<string> {
  return fc
  .record({
    first: fc.oneof({ weight: 4, arbitrary: fc.constant("") }, { weight: 1, arbitrary: fc.array(fc.oneof(stringPieceArb, fc.constant('"')), { maxLength: 3 }).map((a) => a.join("")) }),
    lines: fc.array(
      fc.record({
        indent: fc.constantFrom("", "  ", "    ", "\t", "      ", " "),
        text: fc.array(fc.oneof({ weight: 5, arbitrary: stringPieceArb }, { weight: 1, arbitrary: fc.constant('"') }), { maxLength: 4 }).map((a) => a.join("")),
        trailing: fc.constantFrom("", "", "", "  "),
      }),
      { maxLength: 4 },
    ),
    close: fc.oneof(
      { weight: 4, arbitrary: fc.constantFrom("", "  ", "    ", "\t", " ", "        ").map((indent) => ({ inline: false as const, indent })) },
      { weight: 1, arbitrary: fc.constant({ inline: true as const, indent: "" }) },
    ),
  })
  .map(({ first, lines, close }) => {
    const clean = (s: string) => (trailingSpace ? s : s.trimEnd()).replace(/"{3,}/g, '""');
    const body = [clean(first), ...lines.map((l) => clean(l.indent + l.text + l.trailing))];
    if (body[0]!.startsWith('"')) body[0] = `x${body[0]}`;
    let text: string;
    if (close.inline || body.length === 1) {
      // The closing quotes follow the last text: it must not end with a quote.
      const last = body.length - 1;
      if (body[last]!.endsWith('"') || body[last]!.endsWith("\\")) body[last] = `${body[last]}x`;
      text = body.join("\n");
    } else {
      text = `${body.join("\n")}\n${close.indent}`;
    }
    return `"""${text}"""`;
  });
}

const numberArb: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom("0", "-0", "1", "42", "-1.5e3", "2E+10", "1.25", "-7", "0.5", "1e-3", "999999999999"),
  fc
    .tuple(fc.boolean(), fc.nat(1000), fc.option(fc.nat(99), { nil: undefined }), fc.option(fc.integer({ min: -20, max: 20 }), { nil: undefined }))
    .map(([neg, int, frac, exp]) => `${neg ? "-" : ""}${int}${frac !== undefined ? `.${frac}` : ""}${exp !== undefined ? `e${exp}` : ""}`),
);

const pathArb = fc.array(fc.constantFrom("x", "client", "name", "a_1", "list", "p"), { minLength: 1, maxLength: 3 }).map((p) => p.join("."));

// ----- the generator -----

export function programArb(options: GeneratorOptions = {}): fc.Arbitrary<Program> {
  const opts = {
    prettierIgnore: options.prettierIgnore ?? true,
    lineEnds: options.lineEnds ?? true,
    multilineComments: options.multilineComments ?? true,
    comments: options.comments ?? true,
    depth: options.depth ?? 3,
    semicolonBodies: options.semicolonBodies ?? true,
    trailingSpaceComments: options.trailingSpaceComments ?? true,
    tripleTrailingSpace: options.tripleTrailingSpace ?? true,
    innerBreaks: options.innerBreaks ?? true,
    breakBeforeComma: options.breakBeforeComma ?? true,
  };

  const tripleArb = tripleStringArb(opts.tripleTrailingSpace);
  const stringTokArb: fc.Arbitrary<string> = fc.oneof({ weight: 4, arbitrary: quotedArb }, { weight: 1, arbitrary: tripleArb });

  const lineCommentArb: fc.Arbitrary<string> = fc.oneof(
    { weight: 6, arbitrary: plainTextArb.map((t) => `//${t}`) },
    { weight: 2, arbitrary: plainTextArb.map((t) => `// ${t}`) },
    ...(opts.prettierIgnore ? [{ weight: 1, arbitrary: fc.constant("// prettier-ignore") }] : []),
  ).map((t) => (opts.trailingSpaceComments ? t : t.trimEnd()));

  const blockCommentArb: fc.Arbitrary<string> = fc
    .oneof(
      { weight: 5, arbitrary: plainTextArb.map((t) => ` ${t} `) },
      ...(opts.multilineComments
        ? [{ weight: 2, arbitrary: fc.array(fc.tuple(fc.constantFrom("", " ", "  ", "   * ", "\t"), plainTextArb), { minLength: 2, maxLength: 4 }).map((ls) => ls.map(([i, t]) => i + t).join("\n")) }]
        : []),
      ...(opts.prettierIgnore ? [{ weight: 1, arbitrary: fc.constant(" prettier-ignore ") }] : []),
    )
    .map((t) => `/*${t.replace(/\*\//g, "* /")}*/`)
    .map((t) => (t === "/*/*/" ? "/* */" : t));

  const wsArb = fc.oneof({ weight: 12, arbitrary: fc.constant(" ") }, { weight: 1, arbitrary: fc.constantFrom("  ", "\t", "   ", " \t", "\u00a0", "\f") });

  /** A gap between two tokens; rendering puts a space where it is empty and the tokens need one. */
  const gapArb: fc.Arbitrary<Gap> = opts.comments
    ? fc.oneof(
        { weight: 30, arbitrary: wsArb.map((s): Gap => [{ k: "ws", s }]) },
        { weight: 2, arbitrary: fc.constant<Gap>([]) },
        {
          weight: 2,
          arbitrary: fc
            .tuple(fc.constantFrom("", " "), fc.array(blockCommentArb, { minLength: 1, maxLength: 2 }), fc.constantFrom("", " "))
            .map(([a, blocks, b]): Gap => [
              ...(a ? [{ k: "ws" as const, s: a }] : []),
              ...blocks.flatMap((text, i) => [...(i > 0 ? [{ k: "ws" as const, s: " " }] : []), { k: "block" as const, text }]),
              ...(b ? [{ k: "ws" as const, s: b }] : []),
            ]),
        },
      )
    : fc.oneof({ weight: 12, arbitrary: wsArb.map((s): Gap => [{ k: "ws", s }]) }, { weight: 1, arbitrary: fc.constant<Gap>([]) });

  const lineArb: fc.Arbitrary<Line> = opts.comments
    ? fc.oneof(
        { weight: 2, arbitrary: fc.constantFrom("", "", "  ", "\t").map((ws): Line => ({ k: "blank", ws })) },
        {
          weight: 3,
          arbitrary: fc
            .record({
              indent: fc.integer({ min: -1, max: 2 }),
              blocks: fc.array(blockCommentArb, { maxLength: 2 }),
              line: fc.option(lineCommentArb, { nil: undefined }),
            })
            .map((l): Line => (l.blocks.length === 0 && l.line === undefined ? { k: "comment", indent: l.indent, blocks: [], line: "//" } : { k: "comment", ...l })),
        },
      )
    : fc.constantFrom("", "  ").map((ws): Line => ({ k: "blank", ws }));

  const brkArb: fc.Arbitrary<Brk> = fc.record({
    before: fc.oneof({ weight: 3, arbitrary: fc.constant<Gap>([]) }, { weight: 1, arbitrary: gapArb }),
    eol: opts.comments ? fc.oneof({ weight: 5, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: lineCommentArb }) : fc.constant(undefined),
    lines: fc.oneof({ weight: 6, arbitrary: fc.constant<Line[]>([]) }, { weight: 1, arbitrary: fc.array(lineArb, { minLength: 1, maxLength: 3 }) }),
    indent: fc.oneof({ weight: 6, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: fc.integer({ min: -1, max: 2 }) }),
  });

  const gapSep: fc.Arbitrary<Sep> = gapArb.map((gap) => ({ k: "gap", gap }));
  const brkSep: fc.Arbitrary<Sep> = brkArb.map((brk) => ({ k: "brk", brk }));
  /** A separator inside brackets: mostly a gap when the construct is on one line, mostly a break when it is broken. */
  const sepArb = (broken: boolean): fc.Arbitrary<Sep> =>
    broken ? fc.oneof({ weight: 3, arbitrary: brkSep }, { weight: 1, arbitrary: gapSep }) : fc.oneof({ weight: 12, arbitrary: gapSep }, { weight: 1, arbitrary: brkSep });

  /** Inside a map entry, parameter, record field or union: after `key:`, `name:`, `=`, and around `|`. */
  const innerSepArb: fc.Arbitrary<Sep> = opts.innerBreaks ? fc.oneof({ weight: 10, arbitrary: gapSep }, { weight: 1, arbitrary: brkSep }) : gapSep;

  const commaSepArb = (broken: boolean, maxCommas: number): fc.Arbitrary<CommaSep> =>
    fc.record({
      commas: opts.breakBeforeComma
        ? fc.oneof({ weight: 24, arbitrary: fc.constant(1) }, { weight: broken ? 9 : 1, arbitrary: fc.constant(0) }, { weight: maxCommas > 1 ? 1 : 0, arbitrary: fc.constant(2) })
        : fc.constant(1),
      before: broken && opts.breakBeforeComma ? fc.oneof({ weight: 6, arbitrary: gapSep }, { weight: 1, arbitrary: brkSep }) : gapSep,
      after: sepArb(broken),
    });

  /** Members with separators between them: `seps.length === members.length - 1`. */
  function bracketed<T>(member: fc.Arbitrary<T>, minLength: number, maxLength: number, maxCommas: number) {
    return fc.boolean().chain((broken) =>
      fc
        .record({
          open: sepArb(broken),
          members: fc.array(member, { minLength, maxLength }),
          seps: fc.array(commaSepArb(broken, maxCommas), { minLength: maxLength, maxLength }),
          trailing: fc.option(sepArb(false), { nil: undefined, freq: 2 }),
          close: sepArb(broken),
        })
        .map((r) => ({ ...r, seps: r.seps.slice(0, Math.max(0, r.members.length - 1)) })),
    );
  }

  const valueCache = new Map<number, fc.Arbitrary<Value>>();
  function valueArb(depth: number): fc.Arbitrary<Value> {
    const cached = valueCache.get(depth);
    if (cached) return cached;
    const scalars: fc.MaybeWeightedArbitrary<Value>[] = [
      { weight: 4, arbitrary: stringTokArb.map((tok): Value => ({ k: "String", tok })) },
      { weight: 3, arbitrary: numberArb.map((tok): Value => ({ k: "Number", tok })) },
      { weight: 1, arbitrary: fc.constantFrom("true", "false").map((tok): Value => ({ k: "Boolean", tok })) },
      { weight: 1, arbitrary: fc.constant<Value>({ k: "Null" }) },
      { weight: 1, arbitrary: identArb.map((id): Value => ({ k: "TranslationRef", tok: `@${id}` })) },
      { weight: 1, arbitrary: pathArb.map((p): Value => ({ k: "ParamRef", tok: `$${p}` })) },
    ];
    const arb: fc.Arbitrary<Value> =
      depth <= 0 ? fc.oneof(...scalars) : fc.oneof(...scalars, { weight: 2, arbitrary: mapArb(depth - 1, 0) }, { weight: 2, arbitrary: listArb(depth - 1) });
    valueCache.set(depth, arb);
    return arb;
  }

  const keyArb: fc.Arbitrary<string> = fc.oneof({ weight: 4, arbitrary: identArb }, { weight: 1, arbitrary: fc.constantFrom('"b c"', '"1"', '"en-US"', '"a\\"b"', '""') }, { weight: 1, arbitrary: quotedArb });

  function mapArb(depth: number, minEntries: number): fc.Arbitrary<MapV> {
    const entry: fc.Arbitrary<MapEntryV> = fc.record({
      key: keyArb,
      g: fc.oneof({ weight: 8, arbitrary: fc.constant<Gap>([]) }, { weight: 1, arbitrary: gapArb }),
      after: innerSepArb,
      value: fc.constant(null).chain(() => valueArb(depth)),
    });
    return bracketed(entry, minEntries, 3, 2).map((r): MapV => ({ k: "Map", open: r.open, entries: r.members, seps: r.seps, trailing: r.trailing, close: r.close }));
  }

  function listArb(depth: number): fc.Arbitrary<ListV> {
    return bracketed(fc.constant(null).chain(() => valueArb(depth)), 0, 4, 2).map(
      (r): ListV => ({ k: "List", open: r.open, items: r.members, seps: r.seps, trailing: r.trailing, close: r.close }),
    );
  }

  // Parameter lists and their types.
  const typeCache = new Map<number, fc.Arbitrary<TypeT>>();
  function typeArb(depth: number): fc.Arbitrary<TypeT> {
    const cached = typeCache.get(depth);
    if (cached) return cached;
    const base: fc.Arbitrary<Term["base"]> =
      depth <= 0
        ? fc.oneof(
            { weight: 4, arbitrary: fc.constantFrom("string", "int", "bool", "url", "datetime").map((name) => ({ k: "named" as const, name })) },
            { weight: 2, arbitrary: fc.oneof({ weight: 5, arbitrary: quotedArb }, { weight: 1, arbitrary: tripleArb }).map((tok) => ({ k: "lit" as const, tok })) },
          )
        : fc.oneof(
            { weight: 4, arbitrary: fc.constantFrom("string", "int", "bool", "url", "datetime").map((name) => ({ k: "named" as const, name })) },
            { weight: 2, arbitrary: quotedArb.map((tok) => ({ k: "lit" as const, tok })) },
            { weight: 2, arbitrary: recArb(depth - 1).map((rec) => ({ k: "rec" as const, rec })) },
          );
    const term: fc.Arbitrary<Term> = fc.record({
      base,
      lists: fc.oneof({ weight: 3, arbitrary: fc.constant([]) }, { weight: 1, arbitrary: fc.array(fc.record({ g1: fc.constant<Gap>([]), g2: fc.oneof({ weight: 6, arbitrary: fc.constant<Gap>([]) }, { weight: 1, arbitrary: gapArb }) }), { minLength: 1, maxLength: 2 }) }),
    });
    const arb = fc
      .record({
        terms: fc.oneof({ weight: 4, arbitrary: fc.array(term, { minLength: 1, maxLength: 1 }) }, { weight: 1, arbitrary: fc.array(term, { minLength: 2, maxLength: 3 }) }),
        seps: fc.array(fc.record({ before: innerSepArb, after: innerSepArb }), { minLength: 2, maxLength: 2 }),
      })
      .map((t) => ({ terms: t.terms, seps: t.seps.slice(0, t.terms.length - 1) }));
    typeCache.set(depth, arb);
    return arb;
  }

  const optArb: fc.Arbitrary<Gap | undefined> = fc.oneof({ weight: 3, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: fc.oneof({ weight: 6, arbitrary: fc.constant<Gap>([]) }, { weight: 1, arbitrary: gapArb }) });
  const colonGapArb: fc.Arbitrary<Gap> = fc.oneof({ weight: 8, arbitrary: fc.constant<Gap>([]) }, { weight: 1, arbitrary: gapArb });

  function recArb(depth: number): fc.Arbitrary<Rec> {
    const field: fc.Arbitrary<Field> = fc.record({
      name: identArb,
      opt: optArb,
      g: colonGapArb,
      after: innerSepArb,
      type: fc.constant(null).chain(() => typeArb(depth)),
    });
    return bracketed(field, 0, 3, 1).map((r): Rec => ({ open: r.open, fields: r.members, seps: r.seps, trailing: r.trailing, close: r.close }));
  }

  const defaultArb: fc.Arbitrary<string> = fc.oneof(
    { weight: 6, arbitrary: quotedArb },
    { weight: 6, arbitrary: numberArb },
    { weight: 3, arbitrary: fc.constantFrom("true", "false", "null", "[]", "[ ]", "[/* none */]") },
    { weight: 1, arbitrary: tripleArb },
  );

  const paramArb: fc.Arbitrary<Param> = fc.record({
    name: identArb,
    opt: optArb,
    g: colonGapArb,
    after: innerSepArb,
    type: typeArb(2),
    def: fc.option(fc.record({ g: gapArb, after: innerSepArb, value: defaultArb }), { nil: undefined, freq: 2 }),
  });

  const plistArb: fc.Arbitrary<PList> = bracketed(paramArb, 0, 4, 1).map(
    (r): PList => ({ k: "ParameterList", open: r.open, params: r.members, seps: r.seps.map((s) => ({ ...s, commas: 1 })), trailing: r.trailing, close: r.close }),
  );

  // Arguments.
  const argCache = new Map<string, fc.Arbitrary<Arg>>();
  /** An argument; `emptyMapOk` for an action (an empty `{}` there is a map, after a statement a body). */
  function argArb(emptyMapOk: boolean): fc.Arbitrary<Arg> {
    const key = String(emptyMapOk);
    const cached = argCache.get(key);
    if (cached) return cached;
    const arb = fc.oneof(
      { weight: 4, arbitrary: identArb.map((name): Arg => ({ k: "ident", name })) },
      { weight: 5, arbitrary: valueArb(0) },
      { weight: 2, arbitrary: mapArb(2, emptyMapOk ? 0 : 1) },
      { weight: 2, arbitrary: listArb(2) },
      { weight: 1, arbitrary: plistArb },
    );
    argCache.set(key, arb);
    return arb;
  }
  const argSlot = (emptyMapOk: boolean): fc.Arbitrary<ArgSlot> => fc.record({ gap: gapArb, arg: argArb(emptyMapOk) });
  const argsArb = (emptyMapOk: boolean) => fc.oneof({ weight: 1, arbitrary: fc.constant([]) }, { weight: 3, arbitrary: fc.array(argSlot(emptyMapOk), { minLength: 1, maxLength: 4 }) });

  const labelArb = fc.record({
    tok: fc.oneof(
      { weight: 30, arbitrary: identArb },
      { weight: 10, arbitrary: fc.constantFrom('"1"', '"a b"', '"ключ"', '"x\\ty"', '"${x}"') },
      { weight: 5, arbitrary: quotedArb },
      { weight: 1, arbitrary: tripleArb },
    ),
    g1: colonGapArb,
    g2: gapArb,
  });

  const actionArb = fc.record({
    pre: fc.oneof({ weight: 3, arbitrary: gapSep }, { weight: 2, arbitrary: brkSep }),
    g: gapArb,
    name: fc.oneof({ weight: 3, arbitrary: fc.constantFrom("redirect", "openRestApp", "restEvent", "callRestApp") }, { weight: 1, arbitrary: identArb }),
    args: argsArb(true),
  });

  // Statement lists: separators between and around the members.
  const listSepArb = (oneLine: boolean): fc.Arbitrary<ListSep> =>
    oneLine
      ? fc.oneof(
          { weight: 6, arbitrary: fc.tuple(gapArb, gapArb).map(([a, b]): ListSep => [{ k: "gap", gap: a }, { k: "semi" }, { k: "gap", gap: b }]) },
          { weight: 1, arbitrary: fc.tuple(gapArb, brkArb).map(([a, b]): ListSep => [{ k: "gap", gap: a }, { k: "semi" }, { k: "brk", brk: b }]) },
          { weight: 1, arbitrary: fc.constant<ListSep>([{ k: "semi" }, { k: "semi" }, { k: "gap", gap: [{ k: "ws", s: " " }] }]) },
        )
      : fc.oneof(
          { weight: 8, arbitrary: brkArb.map((b): ListSep => [{ k: "brk", brk: b }]) },
          { weight: 2, arbitrary: fc.tuple(gapArb, brkArb).map(([a, b]): ListSep => [{ k: "gap", gap: a }, { k: "semi" }, { k: "brk", brk: b }]) },
          { weight: 1, arbitrary: fc.tuple(gapArb, gapArb).map(([a, b]): ListSep => [{ k: "gap", gap: a }, { k: "semi" }, { k: "gap", gap: b }]) },
          { weight: 2, arbitrary: fc.tuple(brkArb, brkArb).map(([a, b]): ListSep => [{ k: "brk", brk: a }, { k: "brk", brk: b }]) },
          // Only a gap: after a body the next statement may follow on the same line (`a { b } c`); elsewhere rendering adds a `;`.
          { weight: 1, arbitrary: gapArb.map((g): ListSep => [{ k: "gap", gap: g }]) },
        );

  const edgeSepArb = (oneLine: boolean): fc.Arbitrary<ListSep> =>
    oneLine
      ? fc.oneof({ weight: 8, arbitrary: gapArb.map((g): ListSep => [{ k: "gap", gap: g }]) }, { weight: 1, arbitrary: fc.constant<ListSep>([{ k: "gap", gap: [{ k: "ws", s: " " }] }, { k: "semi" }, { k: "gap", gap: [{ k: "ws", s: " " }] }]) })
      : fc.oneof(
          { weight: 6, arbitrary: brkArb.map((b): ListSep => [{ k: "brk", brk: b }]) },
          { weight: 1, arbitrary: fc.tuple(gapArb, brkArb).map(([g, b]): ListSep => [{ k: "gap", gap: g }, { k: "brk", brk: b }]) },
          { weight: 1, arbitrary: fc.tuple(brkArb, brkArb).map(([a, b]): ListSep => [{ k: "brk", brk: a }, { k: "brk", brk: b }]) },
        );

  function statementList(item: fc.Arbitrary<Item>, maxItems: number): fc.Arbitrary<StatementList> {
    return fc.boolean().chain((oneLine) =>
      fc
        .record({
          lead: edgeSepArb(oneLine),
          items: fc.array(item, { maxLength: maxItems }),
          seps: fc.array(listSepArb(oneLine), { minLength: maxItems, maxLength: maxItems }),
          trail: edgeSepArb(oneLine),
        })
        .map((r) => ({ ...r, seps: r.seps.slice(0, Math.max(0, r.items.length - 1)) })),
    );
  }

  const stmtCache = new Map<number, fc.Arbitrary<Stmt>>();
  function stmtArb(depth: number): fc.Arbitrary<Stmt> {
    const cached = stmtCache.get(depth);
    if (cached) return cached;
    const bodyArb =
      depth <= 0
        ? fc.constant(undefined)
        : fc.option(fc.record({ gap: gapArb, list: statementList(stmtArb(depth - 1).map((s): Item => ({ k: "stmt", s })), 3) }), { nil: undefined, freq: 2 });
    const generic: fc.Arbitrary<Stmt> = fc.record({
      label: fc.option(labelArb, { nil: undefined, freq: 3 }),
      name: identArb,
      args: argsArb(false),
      action: fc.option(actionArb, { nil: undefined, freq: 3 }),
      body: bodyArb,
    });
    const template = templateArb(bodyArb);
    const arb = fc.oneof({ weight: 5, arbitrary: generic }, { weight: 1, arbitrary: template }, { weight: 1, arbitrary: rawArb() });
    stmtCache.set(depth, arb);
    return arb;
  }

  /**
   * The raw form: `json <value>` as a member (`[key:] json { … }`) or after a field's name
   * (`blocks json [ … ]`), with values nested deeper than other arguments' and maps that may
   * be empty, and `json {}` (which the parser reads as an empty body).
   */
  function rawArb(): fc.Arbitrary<Stmt> {
    const value: fc.Arbitrary<Arg> = fc.oneof({ weight: 4, arbitrary: mapArb(3, 1) }, { weight: 2, arbitrary: listArb(3) }, { weight: 1, arbitrary: valueArb(0) });
    const emptyBody = gapArb.map((gap): NonNullable<Stmt["body"]> => ({ gap, list: { lead: [], items: [], seps: [], trail: [] } }));
    return fc
      .record({
        label: fc.option(labelArb, { nil: undefined, freq: 3 }),
        field: fc.option(identArb, { nil: undefined, freq: 2 }),
        gaps: fc.tuple(gapArb, gapArb),
        value: fc.option(value, { nil: undefined, freq: 6 }),
        body: emptyBody,
      })
      .map((r): Stmt => {
        const json: Arg = { k: "ident", name: "json" };
        const literal = r.value !== undefined ? [r.value] : [];
        const args = r.field !== undefined ? [json, ...literal] : literal;
        return {
          label: r.label,
          name: r.field ?? "json",
          args: args.map((arg, i) => ({ gap: r.gaps[i] ?? [{ k: "ws", s: " " }], arg })),
          action: undefined,
          body: r.value === undefined ? r.body : undefined,
        };
      });
  }

  /** The statements of templates: `when`, `else`, `each`, `fragment`, `use`. */
  function templateArb(bodyArb: fc.Arbitrary<Stmt["body"]>): fc.Arbitrary<Stmt> {
    const ref = pathArb.map((p): Arg => ({ k: "ParamRef", tok: `$${p}` }));
    const word = (name: string): Arg => ({ k: "ident", name });
    const str = (tok: string): Arg => ({ k: "String", tok });
    const cond = fc.oneof(
      ref.map((r) => [r]),
      ref.map((r) => [word("not"), r]),
      fc.tuple(ref, quotedArb, fc.boolean()).map(([r, s, not]) => [r, word("is"), ...(not ? [word("not")] : []), str(s)]),
    );
    const condition = fc.tuple(cond, fc.array(fc.tuple(fc.constantFrom("and", "or"), cond), { maxLength: 2 })).map(([first, more]) => [...first, ...more.flatMap(([op, c]) => [word(op), ...c])]);
    const slots = (args: Arg[], gaps: Gap[]): ArgSlot[] => args.map((arg, i) => ({ gap: gaps[i] ?? [{ k: "ws", s: " " }], arg }));
    const gaps = fc.array(gapArb, { maxLength: 8 });
    const withBody = (name: string, args: fc.Arbitrary<Arg[]>) =>
      fc.record({ args, gaps, body: bodyArb, label: fc.option(labelArb, { nil: undefined, freq: 6 }) }).map(
        (r): Stmt => ({ label: r.label, name, args: slots(r.args, r.gaps), action: undefined, body: r.body ?? { gap: [{ k: "ws", s: " " }], list: { lead: [], items: [], seps: [], trail: [] } } }),
      );
    const useMap: fc.Arbitrary<Arg> = fc
      .array(fc.tuple(identArb, fc.oneof(ref, valueArb(1))), { minLength: 1, maxLength: 3 })
      .map((entries): Arg => ({
        k: "Map",
        open: { k: "gap", gap: [{ k: "ws", s: " " }] },
        entries: entries.map(([key, value]) => ({ key, g: [], after: { k: "gap", gap: [{ k: "ws", s: " " }] }, value: value as Value })),
        seps: entries.slice(1).map(() => ({ commas: 1, before: { k: "gap", gap: [] }, after: { k: "gap", gap: [{ k: "ws", s: " " }] } })),
        trailing: undefined,
        close: { k: "gap", gap: [{ k: "ws", s: " " }] },
      }));
    return fc.oneof(
      withBody("when", condition),
      withBody("else", fc.constant([])),
      withBody("each", fc.tuple(identArb, ref).map(([v, r]) => [word(v), word("in"), r])),
      withBody("fragment", fc.tuple(identArb, plistArb).map(([n, p]) => [word(n), p])),
      fc.record({ name: identArb, map: fc.option(useMap, { nil: undefined, freq: 4 }), gaps }).map(
        (r): Stmt => ({ label: undefined, name: "use", args: slots([word(r.name), ...(r.map ? [r.map] : [])], r.gaps), action: undefined, body: undefined }),
      ),
    );
  }

  const importArb: fc.Arbitrary<Import> = fc.record({
    gaps: fc.array(gapArb, { minLength: 12, maxLength: 12 }),
    names: fc.array(identArb.filter((n) => n !== "from"), { minLength: 1, maxLength: 3 }),
    trailingComma: fc.boolean(),
    path: fc.constantFrom('"./x.b24layout"', '"./shared/common.b24layout"', '"../a b.b24layout"'),
  });

  const topItem: fc.Arbitrary<Item> = fc.oneof(
    { weight: 6, arbitrary: stmtArb(opts.depth).map((s): Item => ({ k: "stmt", s })) },
    { weight: 1, arbitrary: importArb.map((i): Item => ({ k: "import", i })) },
  );

  return fc.record({
    bom: fc.oneof({ weight: 30, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
    eol: opts.lineEnds ? fc.oneof({ weight: 8, arbitrary: fc.constant("\n" as const) }, { weight: 2, arbitrary: fc.constant("\r\n" as const) }, { weight: 1, arbitrary: fc.constant("\r" as const) }) : fc.constant("\n" as const),
    unit: fc.constantFrom("  ", "  ", "    ", "\t", " "),
    list: fc.boolean().chain((oneLine) =>
      fc
        .record({
          lead: fc.oneof({ weight: 4, arbitrary: fc.constant<ListSep>([]) }, { weight: 1, arbitrary: edgeSepArb(false) }),
          items: fc.array(topItem, { maxLength: 5 }),
          seps: fc.array(listSepArb(oneLine && false), { minLength: 5, maxLength: 5 }),
          trail: fc.oneof({ weight: 4, arbitrary: fc.constant<ListSep>([]) }, { weight: 1, arbitrary: edgeSepArb(false) }),
        })
        .map((r) => ({ ...r, seps: r.seps.slice(0, Math.max(0, r.items.length - 1)) })),
    ),
    finalNewline: fc.oneof({ weight: 6, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
  }).map((p) => (opts.semicolonBodies ? p : { ...p, list: withoutSemicolonBodies(p.list) }));
}

/** Drops the bodies of only `;` after an action (they would be added by rendering). */
function withoutSemicolonBodies(list: StatementList): StatementList {
  const items = list.items.map((item): Item => {
    if (item.k !== "stmt") return item;
    return { k: "stmt", s: dropSemicolonBody(item.s) };
  });
  return { ...list, items };
}

function dropSemicolonBody(s: Stmt): Stmt {
  if (!s.body) return s;
  if (s.action && s.body.list.items.length === 0) return { ...s, body: undefined };
  return { ...s, body: { ...s.body, list: withoutSemicolonBodies(s.body.list) } };
}

// ----- rendering -----

/** Renders a program; line breaks are written `\n` and replaced by the program's line end at the end. */
export function render(program: Program): string {
  const r = new Renderer(program.unit);
  let text = r.list(program.list, 0, false, false);
  if (program.finalNewline && text.length > 0 && !text.endsWith("\n")) text += "\n";
  if (program.eol !== "\n") text = text.replace(/\n/g, program.eol);
  return (program.bom ? "\ufeff" : "") + text;
}

class Renderer {
  constructor(private readonly unit: string) {}

  indent(level: number): string {
    return this.unit.repeat(Math.max(0, level));
  }

  gap(g: Gap): string {
    return g.map((p) => (p.k === "ws" ? p.s : p.text)).join("");
  }

  /** A gap where the tokens on either side need something between them. */
  space(g: Gap): string {
    const s = this.gap(g);
    return s.length > 0 ? s : " ";
  }

  brk(b: Brk, level: number): string {
    let out = this.gap(b.before);
    if (b.eol !== undefined) out += `${out.length === 0 || /\s$/.test(out) ? "" : " "}${b.eol}`;
    out += "\n";
    for (const line of b.lines) {
      if (line.k === "blank") out += `${line.ws}\n`;
      else out += `${this.indent(level + line.indent)}${[...line.blocks, ...(line.line !== undefined ? [line.line] : [])].join(" ")}\n`;
    }
    return out + this.indent(level + b.indent);
  }

  sep(s: Sep, level: number): string {
    return s.k === "gap" ? this.gap(s.gap) : this.brk(s.brk, level);
  }

  hasBreak(s: Sep | ListPiece): boolean {
    return s.k === "brk";
  }

  listSep(pieces: ListSep, level: number): string {
    return pieces.map((p) => (p.k === "semi" ? ";" : this.sep(p, level))).join("");
  }

  /** A statement list; `inBody` puts it between braces, `afterAction` keeps an empty body from reading as a map. */
  list(list: StatementList, level: number, inBody: boolean, afterAction: boolean): string {
    let lead = list.lead;
    if (inBody && afterAction && list.items.length === 0 && !lead.some((p) => p.k === "semi")) lead = [{ k: "gap", gap: [{ k: "ws", s: " " }] }, { k: "semi" }, ...lead];
    let out = this.listSep(lead, level);
    list.items.forEach((item, i) => {
      out += this.item(item, level);
      if (i < list.items.length - 1) {
        const sep = list.seps[i] ?? [];
        let text = this.listSep(sep, level);
        const separated = sep.some((p) => p.k === "semi" || p.k === "brk");
        // After a body the next statement may follow on the same line; otherwise a `;` or a line break ends a statement.
        const bodyBefore = item.k === "stmt" && item.s.body !== undefined;
        if (!separated) text = bodyBefore ? this.space(sep.flatMap((p) => (p.k === "gap" ? p.gap : []))) : `${text};`;
        out += text;
      }
    });
    out += this.listSep(list.trail, level);
    return out;
  }

  item(item: Item, level: number): string {
    return item.k === "stmt" ? this.stmt(item.s, level) : this.import(item.i);
  }

  import(i: Import): string {
    const g = (n: number) => this.gap(i.gaps[n] ?? []);
    const names = i.names.map((n, k) => (k === 0 ? n : `${g(2)},${this.space(i.gaps[3] ?? [])}${n}`)).join("");
    return `import${this.space(i.gaps[0] ?? [])}{${g(1)}${names}${i.trailingComma ? `${g(4)},` : ""}${g(5)}}${g(6)}from${g(7)}${i.path}`;
  }

  stmt(s: Stmt, level: number): string {
    let out = "";
    if (s.label) out += `${s.label.tok}${this.gap(s.label.g1)}:${this.gap(s.label.g2)}`;
    out += s.name;
    out += this.args(s.args, level);
    if (s.action) {
      out += s.action.pre.k === "gap" ? this.space(s.action.pre.gap) : this.brk(s.action.pre.brk, level + 1);
      out += `->${this.gap(s.action.g)}${s.action.name}${this.args(s.action.args, level)}`;
    }
    if (s.body) out += `${this.gap(s.body.gap)}{${this.list(s.body.list, level + 1, true, s.action !== undefined)}}`;
    return out;
  }

  args(args: readonly ArgSlot[], level: number): string {
    return args.map((a) => (a.arg.k === "ParameterList" ? this.gap(a.gap) : this.space(a.gap)) + this.arg(a.arg, level)).join("");
  }

  arg(a: Arg, level: number): string {
    if (a.k === "ident") return a.name;
    if (a.k === "ParameterList") return this.plist(a, level);
    return this.value(a, level);
  }

  value(v: Value, level: number): string {
    switch (v.k) {
      case "String":
      case "Number":
      case "Boolean":
      case "TranslationRef":
      case "ParamRef":
        return v.tok;
      case "Null":
        return "null";
      case "Map":
        return this.bracketed("{", "}", v.open, v.entries.map((e) => `${e.key}${this.gap(e.g)}:${this.sep(e.after, level + 2)}${this.value(e.value, level + 1)}`), v.seps, v.trailing, v.close, level);
      case "List":
        return this.bracketed("[", "]", v.open, v.items.map((item) => this.value(item, level + 1)), v.seps, v.trailing, v.close, level);
    }
  }

  /** Members between brackets; a separator without a comma gets a line break if it has none. */
  bracketed(open: string, close: string, first: Sep, members: readonly string[], seps: readonly CommaSep[], trailing: Sep | undefined, last: Sep, level: number): string {
    let out = open + this.sep(first, level + 1);
    members.forEach((m, i) => {
      out += m;
      if (i < members.length - 1) {
        const sep = seps[i] ?? { commas: 1, before: { k: "gap", gap: [] }, after: { k: "gap", gap: [{ k: "ws", s: " " }] } };
        if (sep.commas === 0) {
          const text = this.sep(sep.before, level + 1) + this.sep(sep.after, level + 1);
          out += this.hasBreak(sep.before) || this.hasBreak(sep.after) ? text : `${text}\n${this.indent(level + 1)}`;
        } else {
          out += this.sep(sep.before, level + 1) + ",".repeat(sep.commas) + this.sep(sep.after, level + 1);
        }
      }
    });
    if (trailing && members.length > 0) out += `${this.sep(trailing, level + 1)},`;
    out += this.sep(last, level);
    return out + close;
  }

  plist(p: PList, level: number): string {
    return this.bracketed("(", ")", p.open, p.params.map((param) => this.param(param, level + 1)), p.seps, p.trailing, p.close, level);
  }

  param(p: Param | Field, level: number): string {
    let out = p.name;
    if (p.opt) out += `${this.gap(p.opt)}?`;
    out += `${this.gap(p.g)}:${this.sep(p.after, level + 1)}${this.type(p.type, level)}`;
    if ("def" in p && p.def) out += `${this.gap(p.def.g)}=${this.sep(p.def.after, level + 1)}${p.def.value}`;
    return out;
  }

  type(t: TypeT, level: number): string {
    return t.terms
      .map((term, i) => {
        const sep = i > 0 ? t.seps[i - 1] : undefined;
        const prefix = sep ? `${this.sep(sep.before, level + 1)}|${this.sep(sep.after, level + 1)}` : "";
        return prefix + this.term(term, level);
      })
      .join("");
  }

  term(t: Term, level: number): string {
    let out: string;
    if (t.base.k === "named") out = t.base.name;
    else if (t.base.k === "lit") out = t.base.tok;
    else {
      const r = t.base.rec;
      out = this.bracketed("{", "}", r.open, r.fields.map((f) => this.param(f, level + 1)), r.seps.map((s) => ({ ...s, commas: Math.min(1, s.commas) })), r.trailing, r.close, level);
    }
    for (const l of t.lists) out += `${this.gap(l.g1)}[${this.gap(l.g2)}]`;
    return out;
  }
}

// ----- what the parser must read -----

/** The shape of a program: statements, their arguments' kinds, actions, bodies and imports. */
export function expectedSkeleton(program: Program): unknown {
  return skeletonOfModel(program.list);
}

function skeletonOfModel(list: StatementList): unknown {
  return {
    statements: list.items.filter((i) => i.k === "stmt").map((i) => stmtSkeleton((i as { s: Stmt }).s)),
    imports: list.items.filter((i) => i.k === "import").map((i) => (i as { i: Import }).i.names),
  };
}

function argKind(a: Arg): string {
  if (a.k === "ident") return `Identifier ${a.name}`;
  if (a.k === "Map") return `Map(${a.entries.length})`;
  if (a.k === "List") return `List(${a.items.length})`;
  if (a.k === "ParameterList") return `ParameterList(${a.params.length})`;
  return a.k;
}

function stmtSkeleton(s: Stmt): unknown {
  return {
    name: s.name,
    labelled: s.label !== undefined,
    args: s.args.map((a) => argKind(a.arg)),
    action: s.action ? { name: s.action.name, args: s.action.args.map((a) => argKind(a.arg)) } : undefined,
    body: s.body ? (skeletonOfModel(s.body.list) as { statements: unknown }).statements : undefined,
  };
}

/** The same shape, read from a parsed document. */
export function parsedSkeleton(document: Document): unknown {
  const kind = (a: Argument): string => {
    if (a.kind === "Identifier") return `Identifier ${a.name}`;
    if (a.kind === "Map") return `Map(${a.entries.length})`;
    if (a.kind === "List") return `List(${a.items.length})`;
    if (a.kind === "ParameterList") return `ParameterList(${a.parameters.length})`;
    return a.kind;
  };
  const stmt = (s: Statement): unknown => ({
    name: s.name.name,
    labelled: s.label !== undefined,
    args: s.args.map(kind),
    action: s.action ? { name: s.action.name.name, args: s.action.args.map(kind) } : undefined,
    body: s.body ? s.body.statements.map(stmt) : undefined,
  });
  return { statements: document.statements.map(stmt), imports: document.imports.map((i) => i.names.map((n) => n.name)) };
}
