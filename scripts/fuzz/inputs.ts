/**
 * The fuzzer's inputs: each one made from (seed, index) alone, so any input of any run can be made
 * again. Mutated programs (of the examples, templates, golden files and formatter fixtures),
 * token soup, random programs from the model's words, deep and long constructs of every kind,
 * huge texts, and bytes that are not UTF-8 text.
 */
import { DTOS, BLOCK_TYPES } from "../../src/model/dtos.js";
import { DECLARATIONS, TRANSLATIONS_KEYWORD } from "../../src/model/statements.js";
import { TEMPLATE_KEYWORDS } from "../../src/model/templates.js";

/** A small, fast PRNG (mulberry32): the same seed gives the same numbers on every machine. */
export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A number in [0, 1). */
  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  /** An integer in [min, max], small ones more likely. */
  size(min: number, max: number): number {
    return min + Math.floor((max - min + 1) * this.next() ** 3);
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)]!;
  }

  chance(p: number): boolean {
    return this.next() < p;
  }
}

/** The seed of input `index` of a run seeded `seed`. */
export function inputSeed(seed: number, index: number): number {
  let h = Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) ^ index;
  h = Math.imul(h ^ (h >>> 16), 0x7feb352d);
  h = Math.imul(h ^ (h >>> 15), 0x846ca68b);
  return (h ^ (h >>> 16)) >>> 0;
}

/** One input: bytes as a file holds them (most are UTF-8 text), and what kind it is. */
export interface FuzzInput {
  readonly kind: string;
  readonly bytes: Uint8Array;
  /** The program the input was made from, when it is a mutation (for the incremental checker). */
  readonly base?: string;
}

// ----- words -----

const FIELD_NAMES = [...new Set(DTOS.flatMap((d) => d.fields.map((f) => f.name)))];
const ENUM_WORDS = [
  ...new Set(
    DTOS.flatMap((d) => d.fields.flatMap((f) => (f.type.kind === "enum" ? f.type.values.flatMap((v) => [String(v.value), ...(v.aliases ?? [])]) : []))),
  ),
].filter((w) => /^[A-Za-z_][A-Za-z0-9_-]*$/.test(w));
const STATEMENT_WORDS = [
  ...DECLARATIONS.map((d) => d.keyword),
  TRANSLATIONS_KEYWORD,
  ...TEMPLATE_KEYWORDS.map((k) => k.keyword),
  ...BLOCK_TYPES.map((b) => b.type),
  "tag",
  "button",
  "item",
  "menu",
  "section",
  "field",
  "body",
  "header",
  "footer",
  "icon",
  "logo",
  "import",
  ...FIELD_NAMES,
];
const ACTIONS = ["redirect", "restEvent", "openRestApp", "bogus"];
const PUNCTUATION = ["{", "}", "[", "]", "(", ")", ":", ",", ";", "->", "?", "|", "=", "@", "$", "\n", "\n", "\n", " ", "  ", "\t", "\r\n", "\r", "/*", "*/", "//", '"', '"""', "\\", "${", "§", "'", "-", "."];
const STRINGS = ['""', '"x"', '"Hello"', '"/crm/deal/details/1/"', '"${a}"', '"${a.b}"', '"\\n\\t\\u00e9\\u{1F600}"', '"\\q"', '"""\n  multi\n  line\n  """', '"unterminated', '"${"', '"$"', '"\\"', '"😀"', '"\u0000"', '"\u001b[31m"', '"\u202e"'];
const NUMBERS = ["0", "1", "-1", "42", "1.5", "1e3", "-0", "999999999999999999999", "1e400", "00", "1.", "0.0000001"];
const TYPES = ["string", "int", "bool", "url", "datetime", "float", '"web"', '"web" | "mobile"', "string[]", "{ name: string, price?: int }[]", "{ a: { b: string[] } }"];
const REFS = ["$a", "$a.b", "$item.name", "$x", "@k", "@title", "@missing", "$"];

function word(r: Random): string {
  const roll = r.int(10);
  if (roll < 5) return r.pick(STATEMENT_WORDS);
  if (roll < 8) return r.pick(ENUM_WORDS);
  return r.pick(["a", "b", "x", "k1", "block_1", "true", "false", "null", "constructor", "__proto__", "toString", "lavender", "shopp", "titel", "a-b", "UF_CRM_1"]);
}

function literal(r: Random): string {
  const roll = r.int(10);
  if (roll < 4) return r.pick(STRINGS);
  if (roll < 6) return r.pick(NUMBERS);
  if (roll < 8) return r.pick(REFS);
  return r.pick(["true", "false", "null"]);
}

/** A value: a literal, or a map or list of values, `depth` levels at most. */
function value(r: Random, depth: number): string {
  if (depth <= 0 || r.chance(0.7)) return literal(r);
  if (r.chance(0.5)) {
    const entries = Array.from({ length: r.size(0, 4) }, () => `${r.chance(0.8) ? word(r) : r.pick(STRINGS)}: ${value(r, depth - 1)}`);
    return `{ ${entries.join(r.chance(0.8) ? ", " : "\n")} }`;
  }
  return `[${Array.from({ length: r.size(0, 4) }, () => value(r, depth - 1)).join(", ")}]`;
}

function parameters(r: Random): string {
  const list = Array.from({ length: r.size(0, 4) }, () => `${r.pick(["a", "b", "item", "x", "dealId", "missed"])}${r.chance(0.3) ? "?" : ""}: ${r.pick(TYPES)}${r.chance(0.2) ? ` = ${literal(r)}` : ""}`);
  return `(${list.join(", ")})`;
}

/** A statement of a random program, with a body `depth` levels deep at most. */
function statement(r: Random, depth: number, indent: string): string {
  const name = word(r);
  let out = `${indent}${r.chance(0.25) ? `${r.pick(["k", "a", "block_1", '"1"', "x-y"])}: ` : ""}${name}`;
  if (name === "when") out += ` ${r.pick(["$a", "not $a", "$a and $b", "$a is \"web\"", "$a or not $b.c", ""])}`;
  else if (name === "each") out += ` ${r.pick(["x in $items", "x in", "$items"])}`;
  else if (name === "use") out += ` ${r.pick(["f", "g", "f { a: 1 }"])}`;
  else for (let i = r.size(0, 3); i > 0; i--) out += ` ${r.chance(0.5) ? word(r) : value(r, 2)}`;
  if (r.chance(0.15)) out += ` -> ${r.pick(ACTIONS)} ${literal(r)}${r.chance(0.3) ? ` ${value(r, 2)}` : ""}`;
  if (depth > 0 && r.chance(0.35)) {
    const inner = Array.from({ length: r.size(0, 5) }, () => statement(r, depth - 1, `${indent}  `));
    out += ` {\n${inner.join("\n")}\n${indent}}`;
  }
  return out;
}

/** A program from the model's words: declarations with fields, members, templates, actions. */
function program(r: Random): string {
  const parts: string[] = [];
  if (r.chance(0.2)) parts.push(`translations {\n  en { k "Key"; title "Title" }\n  ${r.pick(["de", "ru", "xx"])} { k "Schlüssel" }\n}`);
  if (r.chance(0.2)) parts.push(`fragment f${r.chance(0.5) ? parameters(r) : ""} {\n${statement(r, 2, "  ")}\n}`);
  for (let i = r.size(1, 4); i > 0; i--) {
    const d = r.pick(DECLARATIONS);
    const inner = Array.from({ length: r.size(0, 8) }, () => statement(r, r.size(0, 4), "  "));
    parts.push(`${d.keyword} ${r.pick(["a", "b", "call1", "x-y", ""])}${r.chance(0.3) ? parameters(r) : ""}${r.chance(0.2) ? ` ${word(r)}` : ""} {\n${inner.join("\n")}\n}`);
  }
  return parts.join("\n\n") + "\n";
}

/** Tokens in any order. */
function tokenSoup(r: Random): string {
  let out = "";
  for (let i = r.size(1, 300); i > 0; i--) {
    const roll = r.int(10);
    out += roll < 3 ? r.pick(PUNCTUATION) : roll < 6 ? word(r) : roll < 9 ? literal(r) : " ";
    if (r.chance(0.5)) out += " ";
  }
  return out;
}

// ----- mutations -----

/** Cuts a text at token-ish boundaries, for mutations that keep words whole. */
function pieces(text: string): string[] {
  return text.match(/"(?:[^"\\\n]|\\.)*"|[A-Za-z0-9_$@.-]+|\s+|./gs) ?? [];
}

function mutate(r: Random, text: string, donors: readonly string[]): string {
  let out = text;
  for (let n = r.size(1, 6); n > 0; n--) {
    const at = r.int(out.length + 1);
    const span = r.size(1, 40);
    switch (r.int(12)) {
      case 0: // delete a span
        out = out.slice(0, at) + out.slice(at + span);
        break;
      case 1: // duplicate a span
        out = out.slice(0, at + span) + out.slice(at, at + span) + out.slice(at + span);
        break;
      case 2: // insert punctuation
        out = out.slice(0, at) + r.pick(PUNCTUATION) + out.slice(at);
        break;
      case 3: // insert a word or literal
        out = `${out.slice(0, at)} ${r.chance(0.5) ? word(r) : literal(r)} ${out.slice(at)}`;
        break;
      case 4: {
        // swap two token pieces
        const p = pieces(out);
        if (p.length > 1) {
          const i = r.int(p.length);
          const j = r.int(p.length);
          [p[i], p[j]] = [p[j]!, p[i]!];
          out = p.join("");
        }
        break;
      }
      case 5: {
        // replace a token piece with another program's
        const p = pieces(out);
        const q = pieces(r.pick(donors));
        if (p.length > 0 && q.length > 0) p[r.int(p.length)] = r.pick(q);
        out = p.join("");
        break;
      }
      case 6: {
        // splice lines of another program in
        const lines = r.pick(donors).split("\n");
        const from = r.int(lines.length);
        const cut = out.lastIndexOf("\n", at);
        out = out.slice(0, cut + 1) + lines.slice(from, from + r.size(1, 15)).join("\n") + "\n" + out.slice(cut + 1);
        break;
      }
      case 7: // drop a closing bracket
        out = out.replace(r.pick(["}", "]", ")", '"']), "");
        break;
      case 8: // a random character
        out = out.slice(0, at) + String.fromCharCode(r.chance(0.8) ? r.int(128) : r.int(0x10000)) + out.slice(at + (r.chance(0.5) ? 1 : 0));
        break;
      case 9: // truncate
        out = out.slice(0, at);
        break;
      case 10: // change indentation of a line
        out = out.slice(0, at).replace(/\n[ \t]*$/, `\n${" ".repeat(r.int(8))}`) + out.slice(at);
        break;
      default: // repeat a line
        {
          const start = out.lastIndexOf("\n", at) + 1;
          const end = out.indexOf("\n", at);
          const line = out.slice(start, end < 0 ? out.length : end);
          out = out.slice(0, start) + `${line}\n`.repeat(r.size(1, 50)) + out.slice(start);
        }
        break;
    }
  }
  return out;
}

// ----- deep, long and huge -----

const DEEP_SHAPES: ((d: number, r: Random) => string)[] = [
  (d) => `layout l {\n  icon info\n  header "T"\n  body {\n    logo document\n${"k: lineOfBlocks {\n".repeat(d)}text "x"\n${"}\n".repeat(d)}  }\n}\n`,
  (d) => `blocks b {\n${"withTitle \"t\" {\n".repeat(d)}text "x"\n${"}\n".repeat(d)}}\n`,
  (d) => `blocks b(a: bool) {\n${"when $a {\n".repeat(d)}text "x"\n${"}\n".repeat(d)}}\n`,
  (d) => `blocks b(items: string[]) {\n${Array.from({ length: d }, (_, i) => `each x${i} in $items {\n`).join("")}text "\${x0}"\n${"}\n".repeat(d)}}\n`,
  (d) => `blocks b {\n  link "x" -> openRestApp ${"{a: ".repeat(d)}1${"}".repeat(d)}\n}\n`,
  (d) => `blocks b {\n  link "x" -> openRestApp {a: ${"[".repeat(d)}1${"]".repeat(d)}}\n}\n`,
  (d) => `blocks b(p: ${"{ a: ".repeat(d)}string${" }".repeat(d)}) {\n  text "x"\n}\n`,
  (d) => `blocks b(p: string${"[]".repeat(d)}) {\n  text "x"\n}\n`,
  (d, r) => `blocks b {\n${Array.from({ length: d }, () => r.pick(["a {", "x: [", "y: {k: ", "when $a {", "(", "{"])).join("\n")}\n}\n`,
  (d) => `${"a {\n".repeat(d)}`,
  (d) => `${Array.from({ length: d }, (_, i) => `fragment f${i} {\n  use f${i + 1}\n}\n`).join("")}fragment f${d} {\n  text "x"\n}\nblocks c {\n  use f0\n}\n`,
  (d) => `blocks b(a: bool) {\n  when ${"not ".repeat(d)}$a {\n    text "x"\n  }\n}\n`,
  (d) => `blocks b(a: bool) {\n  when $a${" and $a".repeat(d)}${" or $a".repeat(d)} {\n    text "x"\n  }\n}\n`,
  (d) => `card c for deal {\n  s: section "S" {\n    TITLE always ${"{ ".repeat(d)}${"}".repeat(d)}\n  }\n}\n`,
  (d) => `layout l {\n  body {\n${"    x: withTitle \"t\" {\n      k: lineOfBlocks {\n".repeat(d)}${"}\n}\n".repeat(d)}  }\n}\n`,
];

const LONG_SHAPES: ((n: number, r: Random) => string)[] = [
  (n) => `badge b failure { title "x"; value "y" }\n`.repeat(n),
  (n) => "a;".repeat(n),
  (n) => `blocks b {\n  text "${"x".repeat(n * 20)}"\n}\n`,
  (n) => `blocks b {\n  text "${"\\u00e9".repeat(n * 4)}"\n}\n`,
  (n) => `blocks b {\n  text "${"${a}".repeat(n)}"\n}\n`,
  (n) => `blocks b(a: string) {\n  text "\${${"a.".repeat(n)}a}"\n}\n`,
  (n) => `blocks b {\n  text ${"x ".repeat(n)}\n}\n`,
  (n) => `blocks b {\n  link "x" -> openRestApp {${Array.from({ length: n }, (_, i) => `k${i}: ${i}`).join(", ")}}\n}\n`,
  (n) => `blocks b {\n  link "x" -> openRestApp {a: [${Array.from({ length: n }, (_, i) => i).join(", ")}]}\n}\n`,
  (n) => `translations {\n  en {\n${Array.from({ length: n }, (_, i) => `    k${i} "t${i}"`).join("\n")}\n  }\n}\n`,
  (n) => `blocks b {\n${Array.from({ length: n }, (_, i) => `  t${i}: text "x"`).join("\n")}\n}\n`,
  (n) => `layout l {\n  header "T" {\n${"    tag warning \"x\"\n".repeat(n)}  }\n}\n`,
  (n) => `blocks b(p: ${Array.from({ length: n }, (_, i) => `"v${i}"`).join(" | ")}) {\n  text "x"\n}\n`,
  (n) => `blocks b(${Array.from({ length: n }, (_, i) => `p${i}: string`).join(", ")}) {\n  text "x"\n}\n`,
  (n) => `blocks b {\n  text "x" ${"bold ".repeat(n)}\n}\n`,
  (n) => `x-${"y-".repeat(n)}z\n`,
  (n) => `@${"k-".repeat(n)}k $${"a.".repeat(n)}a\n`,
  (n) => `/*${"*".repeat(n * 10)}\n`,
  (n) => `"""${"\n".repeat(n)}`,
  (n) => "\n".repeat(n * 10),
  (n) => "§".repeat(n * 10),
  (n) => `blocks b {\n  text "x"${" // c\n".repeat(n)}}\n`,
  (n) => `${"}".repeat(n)}${"]".repeat(n)}`,
  (n) => `${Array.from({ length: n }, (_, i) => `fragment f${i} {\n  text "x"\n}\n`).join("")}blocks c {\n${Array.from({ length: n }, (_, i) => `  use f${i}`).join("\n")}\n}\n`,
];

function deep(r: Random): string {
  const depth = r.chance(0.95) ? r.size(55, 100) : r.size(1000, 100_000);
  return r.pick(DEEP_SHAPES)(depth, r);
}

function long(r: Random, huge: boolean): string {
  const n = huge ? r.size(50_000, 500_000) : r.size(50, 3_000);
  return r.pick(LONG_SHAPES)(n, r);
}

// ----- bytes -----

const encoder = new TextEncoder();

/** Bytes that are not UTF-8 text, or only just are. */
function badBytes(r: Random, text: string): Uint8Array {
  const bytes = [...encoder.encode(text)];
  const at = () => r.int(bytes.length + 1);
  switch (r.int(7)) {
    case 0: // a Latin-1 or stray continuation byte
      bytes.splice(at(), 0, r.pick([0xfc, 0xe9, 0x80, 0xbf, 0xff, 0xfe]));
      break;
    case 1: // a truncated sequence
      bytes.splice(at(), 0, ...r.pick([[0xc3], [0xe2, 0x82], [0xf0, 0x9f, 0x98]]));
      break;
    case 2: // an overlong form or a surrogate
      bytes.splice(at(), 0, ...r.pick([[0xc0, 0xaf], [0xe0, 0x80, 0xaf], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80]]));
      break;
    case 3: // NUL bytes: binary
      for (let i = r.size(1, 10); i > 0; i--) bytes.splice(at(), 0, 0);
      break;
    case 4: // a BOM, UTF-8 or UTF-16
      bytes.unshift(...r.pick([[0xef, 0xbb, 0xbf], [0xff, 0xfe], [0xfe, 0xff], [0xef, 0xbb]]));
      break;
    case 5: // random bytes
      return Uint8Array.from({ length: r.size(1, 4000) }, () => r.int(256));
    default: // UTF-16
      return Uint8Array.from(Buffer.from(text, "utf16le"));
  }
  return Uint8Array.from(bytes);
}

/** Input `index` of the run seeded `seed`, made from `corpus` (the programs mutated). */
export function makeInput(seed: number, index: number, corpus: readonly string[]): FuzzInput {
  const r = new Random(inputSeed(seed, index));
  const roll = r.int(1000);
  const text = (kind: string, t: string, base?: string): FuzzInput => ({ kind, bytes: encoder.encode(t), ...(base !== undefined ? { base } : {}) });
  if (roll < 450) {
    const base = r.pick(corpus);
    return text("mutation", mutate(r, base, corpus), base);
  }
  if (roll < 600) return text("program", program(r));
  if (roll < 700) {
    const base = program(r);
    return text("mutated program", mutate(r, base, corpus), base);
  }
  if (roll < 850) return text("token soup", tokenSoup(r));
  if (roll < 910) return text("deep", deep(r));
  if (roll < 940) return text("long", long(r, r.chance(0.002)));
  return { kind: "bytes", bytes: badBytes(r, r.chance(0.5) ? r.pick(corpus) : program(r)) };
}

/** Inputs of 20 to 100 MB, one of each kind, for the start of a long run. */
export function hugeInputs(): FuzzInput[] {
  const mb = 1024 * 1024;
  return [
    { kind: "huge string", bytes: encoder.encode(`blocks b {\n  text "${"x".repeat(100 * mb - 30)}"\n}\n`) },
    { kind: "huge comment", bytes: encoder.encode(`blocks b { text "x" }\n/*${"y".repeat(60 * mb)}*/\n`) },
    { kind: "huge token count", bytes: encoder.encode("a;".repeat(50 * mb)) },
    { kind: "huge statement count", bytes: encoder.encode('badge b failure { title "x"; value "y" }\n'.repeat(Math.floor((20 * mb) / 42))) },
    { kind: "huge junk", bytes: encoder.encode("§ ".repeat(10 * mb)) },
    { kind: "huge line", bytes: encoder.encode(`blocks b { text "x" ${"bold ".repeat(4 * mb)}}\n`) },
    { kind: "huge nesting", bytes: encoder.encode(`${"a {".repeat(10 * mb)}`) },
    { kind: "huge binary", bytes: Uint8Array.from({ length: 30 * mb }, (_, i) => (i * 2654435761) >>> 24) },
  ];
}
