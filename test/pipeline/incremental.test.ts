/**
 * The incremental checker gives what `check` gives: on runs of random edits to every example
 * (typing into strings, new lines, braces and quotes that break the text, deletions), each version
 * is checked both ways and the diagnostics, the syntax tree and the program compared.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { check } from "../../src/index.js";
import { IncrementalChecker, type CheckKind } from "../../src/pipeline/incremental.js";
import type { CheckOptions } from "../../src/check/checker.js";
import { Random } from "../../scripts/fuzz/inputs.js";

const root = join(import.meta.dirname, "..", "..");
const examples = readdirSync(join(root, "examples"))
  .filter((f) => f.endsWith(".b24layout"))
  .map((f) => ({ name: f, text: readFileSync(join(root, "examples", f), "utf8") }));
const large = { name: "a generated file of many layouts", text: manyLayouts() };
/**
 * Templates that refer to each other (template-arguments, scope `declarations`), lists with limits
 * filled by `each` (runtime-limit), parameter types against fields (template-type), fragments, and
 * activities whose own or named layouts have a deadline block (incoming-with-deadline, scope `split`).
 */
const templated = {
  name: "a file of templates",
  text: `translations {
  en {
    title "Title"
  }
}

fragment products(items: string[max 3]) {
  each item in $items {
    text "\${item}"
  }
}

layout card(dealId: int, tone: "base_90" | "loud" = "base_90") {
  icon info
  header "Deal \${dealId}"
  body {
    logo document
    text "x" color $tone
    deadline
  }
}

blocks list(products: string[max 20], urgent: bool = false) {
  text "Products" bold $urgent
  each product in $products {
    text "\${product}"
  }
  use products { items: $products }
}

activity reminder(deal: int) {
  ownerTypeId deal; ownerId $deal
  layout card { dealId: $deal }
}

activity incoming {
  ownerTypeId deal; ownerId 7
  isIncomingChannel true
  deadline "2025-01-01T10:00:00+03:00"
  layout card { dealId: "7", extra: 1 }
}

activity inline {
  ownerTypeId deal; ownerId 8
  layout {
    icon info
    header @title
    body {
      logo document
      deadline
    }
  }
}
`,
};

/** More with B24LAYOUT_INCREMENTAL_SEEDS=n, to search harder than CI does. */
const SEEDS = Array.from({ length: Number(process.env["B24LAYOUT_INCREMENTAL_SEEDS"] ?? 3) }, (_, i) => i + 1);

const TYPED = ["x", "a", "1", " ", "\n", '"', "{", "}", "@", "$", "/", "*", "-", ":", "\r\n", "e", "Z"];

/** One edit of `text`: mostly typing a character or deleting one, sometimes more. */
function editOf(text: string, next: () => number): string {
  const at = Math.floor(next() * (text.length + 1));
  const r = next();
  if (r < 0.45) return text.slice(0, at) + TYPED[Math.floor(next() * TYPED.length)]! + text.slice(at);
  if (r < 0.75) return text.slice(0, at) + text.slice(at + 1);
  if (r < 0.85) {
    // Inside a string: where authors type most.
    const quote = text.indexOf('"', at);
    if (quote >= 0) return text.slice(0, quote + 1) + "typed" + text.slice(quote + 1);
    return text;
  }
  if (r < 0.95) return text.slice(0, at) + text.slice(at + 1 + Math.floor(next() * 40));
  // A whole line duplicated.
  const lineStart = text.lastIndexOf("\n", at - 1) + 1;
  const lineEnd = text.indexOf("\n", at);
  const line = text.slice(lineStart, lineEnd < 0 ? text.length : lineEnd + 1);
  return text.slice(0, lineStart) + line + text.slice(lineStart);
}

/** How many top-level statements the checks of `same` kept their trees and their lowerings of (src/pipeline/reparse.ts), so far. */
const reused = { statements: 0, lowerings: 0 };

function same(incremental: IncrementalChecker, text: string, options: CheckOptions, context: string): CheckKind {
  const got = incremental.check(text, options);
  reused.statements += incremental.lastKeptStatements;
  reused.lowerings += incremental.lastKeptLowerings;
  const want = check(text, options);
  const lines = (r: typeof got) => r.diagnostics.map((d) => `${d.ruleId} ${d.range.start.offset}:${d.range.start.line}:${d.range.start.column}-${d.range.end.offset} ${d.message}`);
  expect(lines(got), context).toEqual(lines(want));
  expect(JSON.stringify(got.diagnostics), context).toBe(JSON.stringify(want.diagnostics));
  const [gotDocument, wantDocument] = [JSON.stringify(got.document), JSON.stringify(want.document)];
  if (gotDocument !== wantDocument) {
    // Where the trees part, rather than two texts of thousands of characters.
    let at = 0;
    while (gotDocument[at] === wantDocument[at]) at++;
    expect(gotDocument.slice(at - 200, at + 100), context).toBe(wantDocument.slice(at - 200, at + 100));
  }
  expect(JSON.stringify(got.program.declarations.map((d) => d.root)), context).toBe(JSON.stringify(want.program.declarations.map((d) => d.root)));
  expect(got.program.templated ?? false, context).toBe(want.program.templated ?? false);
  return incremental.lastKind;
}

function run(name: string, original: string, seed: number, steps: number, options: CheckOptions = {}): Map<CheckKind, number> {
  // The fuzzer's generator, so a failure can be replayed from its seed.
  const rng = new Random(seed);
  const next = (): number => rng.next();
  const incremental = new IncrementalChecker();
  const kinds = new Map<CheckKind, number>();
  let text = original;
  same(incremental, text, options, `${name}, the original`);
  for (let step = 0; step < steps; step++) {
    // Now and then back to the original, so that runs do not drift into text that never parses.
    const before = text;
    text = next() < 0.1 ? original : editOf(text, next);
    const kind = same(incremental, text, options, `${name}, seed ${seed}, step ${step}: ${JSON.stringify(diffOf(before, text))}`);
    kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
  }
  return kinds;
}

/** The edit between two texts, for failure messages. */
function diffOf(a: string, b: string): { at: number; removed: string; inserted: string } {
  let from = 0;
  while (from < a.length && from < b.length && a[from] === b[from]) from++;
  let back = 0;
  while (back < a.length - from && back < b.length - from && a[a.length - 1 - back] === b[b.length - 1 - back]) back++;
  return { at: from, removed: a.slice(from, a.length - back), inserted: b.slice(from, b.length - back) };
}

/** A layout whose indentation says its body ends before its last field (open-blocks.ts), though its braces are right. */
const SKEWED = "\nlayout skewed {\n  icon info\n  body {\n    logo document\n  text t \"x\"\n  }\n}\n";

/** The layout typed at the end of the file, as the benchmark types it (bench/lsp.mjs). */
const TYPED_AT_END = 'layout typedAtEnd {\n  icon info\n  header "Typed at the end"\n}\n';

/** `text` with TYPED_AT_END typed at its end `stride` characters at a time, then deleted, with a random edit now and then; how each version was checked. */
function typeAtEnd(name: string, text: string, seed: number, stride: number): CheckKind[] {
  const rng = new Random(seed);
  const next = (): number => rng.next();
  const incremental = new IncrementalChecker();
  const kinds: CheckKind[] = [];
  let current = text;
  same(incremental, current, {}, `${name}, the original`);
  const versions = [...TYPED_AT_END].map((_, i) => TYPED_AT_END.slice(0, i + 1)).filter((_, i) => i % stride === seed % stride);
  for (const typed of [...versions, ...versions.reverse().slice(1), ""]) {
    // Now and then an edit anywhere before the end (into the earlier statements, while the '{' is open).
    if (next() < 0.15) text = editOf(text, next);
    current = text + typed;
    kinds.push(same(incremental, current, {}, `${name}, seed ${seed}, ${JSON.stringify(typed)} typed at the end`));
  }
  return kinds;
}

function manyLayouts(): string {
  const parts = ["translations {\n  en {\n    title \"Title\"\n    call \"Call\"\n  }\n  de {\n    title \"Titel\"\n  }\n}\n"];
  for (let i = 0; i < 12; i++) {
    parts.push(
      `\n// layout ${i}\nlayout record${i} {\n  icon call-completed\n  header @title {\n    tag status "Paid" primary\n  }\n` +
        `  body {\n    logo call-incoming\n    text client "Client ${i}" bold\n    link deal "Deal" -> redirect "/crm/deal/details/${i}/"\n  }\n` +
        `  footer {\n    button open @call primary -> redirect "/crm/"\n  }\n}\n`,
    );
  }
  return parts.join("");
}

describe("the incremental checker", () => {
  it.each(examples.map((e) => [e.name, e.text] as const))("agrees with check on random edits of %s", (name, text) => {
    const kinds = new Map<CheckKind, number>();
    for (const seed of SEEDS) for (const [k, n] of run(name, text, seed, 40)) kinds.set(k, (kinds.get(k) ?? 0) + n);
    // It is incremental often enough to matter (a fallback to full checks everywhere would pass the comparisons).
    expect(kinds.get("incremental") ?? 0).toBeGreaterThan(0);
  });

  it("agrees with check on a file of many layouts, and re-checks a typed character incrementally", () => {
    const kinds = new Map<CheckKind, number>();
    const before = { ...reused };
    for (const seed of SEEDS) for (const [k, n] of run(large.name, large.text, seed + 6, 120)) kinds.set(k, (kinds.get(k) ?? 0) + n);
    expect(kinds.get("incremental") ?? 0).toBeGreaterThan(20 * SEEDS.length);
    // Statements were kept without parsing or lowering them again (a whole parse everywhere would pass the comparisons).
    expect(reused.statements - before.statements).toBeGreaterThan(100 * SEEDS.length);
    expect(reused.lowerings - before.lowerings).toBeGreaterThan(50 * SEEDS.length);
  });

  it("agrees with check on random edits of a file of many layouts with CRLF line breaks, block comments between them, and fragments", () => {
    const crlf = large.text.replace(/\n/g, "\r\n");
    const commented = large.text.replace(/\n\/\/ layout (\d+)\n/g, "\n/* layout $1\n   spans lines */ /* two */\n");
    const fragments = templated.text.replace("\nlayout card", "\nfragment unused {\n  text \"u\"\n}\n\nlayout card") + large.text.replace(/^translations[^]*?\n}\n/, "");
    const before = { ...reused };
    for (const seed of SEEDS) {
      run("the file of many layouts with CRLF", crlf, seed + 30, 16);
      run("the file of many layouts with block comments", commented, seed + 40, 16);
      run("templates with fragments before many layouts", fragments, seed + 50, 16);
    }
    expect(reused.statements - before.statements).toBeGreaterThan(100 * SEEDS.length);
  }, 10_000 * SEEDS.length);

  it("agrees with check while a layout is typed at the end, its '{' open, with random edits before it", () => {
    const skewed = large.text.replace("\n// layout 6\n", `${SKEWED}\n// layout 6\n`);
    for (const seed of SEEDS) {
      typeAtEnd("the file of many layouts", large.text, seed + 60, 2);
      typeAtEnd("the file of many layouts with a layout whose indentation disagrees with its braces", skewed, seed + 70, 2);
      // The examples with one seed in CI (each types 120 versions); all seeds with B24LAYOUT_INCREMENTAL_SEEDS.
      if (seed === 1 || SEEDS.length > 3) for (const e of examples) typeAtEnd(e.name, e.text, seed + 80, 5);
    }
    // Ends whose recovery or block ends are their own: a block on the line after its statement, a stray '}', two statements on a line, a block ended by indentation or by a declaration.
    for (const end of ["layout t\n{\n  icon info\n", "layout a {\n}\n}\n", "layout a { icon info } layout b {", 'layout t {\n  body {\n    text a "b"\n  icon info\n', "badge b failure {\nlayout c {\n  icon info\n"]) {
      for (const base of [large.text, skewed]) {
        const incremental = new IncrementalChecker();
        incremental.check(base);
        same(incremental, base + end, {}, JSON.stringify(end));
        same(incremental, base + end + "x", {}, `${JSON.stringify(end)}, then a character typed`);
        same(incremental, base + end.slice(0, -2), {}, `${JSON.stringify(end)}, then two characters deleted`);
      }
    }
  }, 10_000 * SEEDS.length);

  it("keeps the statements before a layout typed at the end, and their findings, while its '{' is open", () => {
    const incremental = new IncrementalChecker();
    const statements = check(large.text).document.statements.length;
    incremental.check(large.text);
    // The name typed: the findings of rules of scope `declarations` (which read every name) are found again, the others' are kept.
    same(incremental, `${large.text}layout typedAtEnd {`, {}, "the name typed");
    expect(incremental.lastKeptStatements).toBe(statements);
    expect(incremental.lastKeptLowerings).toBe(statements);
    expect(incremental.lastKept).toBe(check(large.text).program.declarations.length);
    for (const typed of ["layout typedAtEnd {\n  icon info\n", 'layout typedAtEnd {\n  icon info\n  header "T']) {
      expect(same(incremental, large.text + typed, {}, typed)).toBe("incremental");
      expect(incremental.lastKeptStatements, typed).toBe(statements);
      expect(incremental.lastKeptLowerings, typed).toBe(statements);
      expect(incremental.lastKept, typed).toBe(check(large.text).program.declarations.length);
    }
  });

  it("parses the whole text when a '{' is left open at the end after a statement whose indentation disagrees with its braces", () => {
    const skewed = large.text + SKEWED;
    const open = `${skewed}layout typed {\n  icon info\n`;
    const incremental = new IncrementalChecker();
    incremental.check(skewed);
    same(incremental, open, {}, "a '{' left open after the skewed layout");
    expect(incremental.lastKeptStatements).toBe(0);
  });

  it("parses and lowers again only the edited declaration: the trees before it are the previous version's, those after it moved copies", () => {
    const incremental = new IncrementalChecker();
    const first = incremental.check(large.text);
    const before = JSON.stringify(first);
    const at = large.text.indexOf('"Client 5"') + 1;
    // A character typed into a string, and a line break before its line.
    const line = large.text.lastIndexOf("\n", at) + 1;
    const second = incremental.check(`${large.text.slice(0, line)}\n${large.text.slice(line, at)}x${large.text.slice(at)}`);
    const statements = first.document.statements;
    const edited = statements.findIndex((s) => s.range.start.offset < at && s.range.end.offset > at);
    expect(incremental.lastKeptStatements).toBe(statements.length - 1);
    // The translation table and the layouts before the edit: the same objects, lowered once.
    for (let i = 0; i < edited; i++) expect(second.document.statements[i]).toBe(statements[i]);
    expect(incremental.lastKeptLowerings).toBe(edited);
    expect(second.program.declarations[edited - 2]).toBe(first.program.declarations[edited - 2]);
    // The layouts after it: copies two characters and a line further on, the first result untouched.
    const last = second.document.statements.at(-1)!;
    expect(last).not.toBe(statements.at(-1));
    expect(last.range.start).toEqual({ offset: statements.at(-1)!.range.start.offset + 2, line: statements.at(-1)!.range.start.line + 1, column: 1 });
    expect(JSON.stringify(first)).toBe(before);
  });

  it("parses again only the statement a syntax error stays inside, and the same when it is removed", () => {
    const incremental = new IncrementalChecker();
    const statements = incremental.check(large.text).document.statements.length;
    const field = large.text.indexOf("    logo call-incoming", large.text.indexOf("record5"));
    const broken = large.text.slice(0, field) + "=" + large.text.slice(field);
    same(incremental, broken, {}, "a stray '=' typed");
    expect(incremental.lastKeptStatements).toBe(statements - 1);
    expect(incremental.check(broken).diagnostics.filter((d) => d.ruleId === "syntax-error").map((d) => d.range.start.line)).toEqual([broken.slice(0, field).split("\n").length]);
    // Typing elsewhere keeps the statement with the error, its error moved with it.
    const typedAbove = broken.replace('"Client 2"', '"Client 2x"');
    same(incremental, typedAbove, {}, "a character typed above the error");
    expect(incremental.lastKeptStatements).toBe(statements - 1);
    same(incremental, typedAbove.replace("=    logo", "    logo"), {}, "the error removed");
    expect(incremental.lastKeptStatements).toBe(statements - 1);
    // But not across lines: a syntax error's message may name a line ("the statement on line 29").
    incremental.check(broken);
    same(incremental, broken.replace("// layout 1\n", "// layout 1\n\n"), {}, "a line typed above the error");
    expect(incremental.lastKeptStatements).toBe(0);
    // A syntax error parsed again below the first line names its lines as a parse of the whole text does.
    const twice = `${large.text.slice(0, field)}  text "a" -> open "/" -> open "/"\n${large.text.slice(field)}`;
    incremental.check(large.text);
    const named = same(incremental, twice, {}, "a second action");
    expect(named).toBe("incremental");
    expect(incremental.check(twice).diagnostics.filter((d) => d.ruleId === "syntax-error").map((d) => d.message)).toEqual([expect.stringContaining(`on line ${twice.slice(0, field).split("\n").length}`)]);
  });

  it("parses the whole text where the lines parsed again do not stand alone: a bracket or a string left open, an error outside a statement, an import", () => {
    const incremental = new IncrementalChecker();
    const bold = large.text.indexOf(" bold", large.text.indexOf("record5"));
    for (const [what, edited] of [
      ["a '[' left open in a layout", large.text.slice(0, bold) + " [" + large.text.slice(bold)],
      ["a ']' with nothing open", large.text.slice(0, bold) + " ]" + large.text.slice(bold)],
      ["a '(' closed by a '}'", large.text.slice(0, bold) + " ( }" + large.text.slice(bold)],
      ['a """ left open', large.text.slice(0, bold) + ' """' + large.text.slice(bold)],
      ["a comment left open", large.text.slice(0, bold) + " /*" + large.text.slice(bold)],
      ["a stray word between layouts", large.text.replace("// layout 6\n", "// layout 6\n%\n")],
      ["a stray '{' on the line after the last statement", large.text + "{\n  icon info\n}\n"],
      ["a stray '->' on the line after the last statement", large.text + '-> redirect "/"\n'],
      ["an import typed", 'import { x } from "./x.b24layout"\n' + large.text],
    ] as const) {
      incremental.check(large.text);
      same(incremental, edited, {}, what);
      expect(incremental.lastKeptStatements, what).toBe(0);
      // Nor is the next version built on it.
      same(incremental, edited.replace('"Client 8"', '"Client 8x"'), {}, `${what}, then a character typed`);
      expect(incremental.lastKeptStatements, what).toBe(0);
    }
  });

  it("parses the whole text once an edit before a NUL brings it among the first 8,000 characters (the text is then binary)", () => {
    const head = `${large.text}// ${"x".repeat(8000 - large.text.length - 13)}\n`;
    const text = `${head}layout nul {\n  icon info\n  header "a\u0000b"\n}\n`;
    expect(text.indexOf("\u0000")).toBeGreaterThan(8000);
    const incremental = new IncrementalChecker();
    incremental.check(text);
    const shorter = text.replace("x".repeat(40), "");
    same(incremental, shorter, {}, "forty characters of a comment deleted");
    expect(incremental.check(shorter).diagnostics.map((d) => d.message)).toEqual(["File appears to be binary."]);
  });

  it("stays incremental beside a syntax error elsewhere, and not where recovery reached across the region", () => {
    const incremental = new IncrementalChecker();
    const broken = "%\n" + large.text;
    incremental.check(broken);
    const at = broken.indexOf('"Client 5"') + 1;
    const typed = broken.slice(0, at) + "x" + broken.slice(at);
    expect(same(incremental, typed, {}, "typed beside the error")).toBe("incremental");
    expect(incremental.check(typed).diagnostics.map((d) => d.ruleId)).toContain("syntax-error");
    // A stray `{` (on a line of its own) lifts what follows out of a block that closes later: a
    // region that ends inside it does not stand alone.
    const lifted = large.text.replace("// layout 3\n", "// layout 3\n{\n").replace("// layout 6\n", "}\n// layout 6\n");
    incremental.check(lifted);
    const inside = lifted.indexOf('"Client 4"') + 1;
    same(incremental, lifted.slice(0, inside) + "x" + lifted.slice(inside), {}, "typed inside a lifted block");
    same(incremental, lifted.replace("{\nlayout record3", "layout record3"), {}, "the stray brace removed");
  });

  it("keeps every declaration's findings when a translation's text changes, and nothing when a key, a language or an empty text does", () => {
    const incremental = new IncrementalChecker();
    const first = incremental.check(large.text);
    same(incremental, large.text.replace('title "Title"', 'title "Titles"'), {}, "a text typed into");
    expect(incremental.lastKept).toBe(first.program.declarations.length);
    for (const [what, edited] of [
      ["a key renamed", large.text.replace('title "Title"', 'titles "Title"')],
      ["a language renamed", large.text.replace("  de {", "  fr {")],
      ["a text emptied", large.text.replace('title "Title"', 'title ""')],
      ["a key added", large.text.replace('title "Titel"', 'title "Titel"\n    call "Anruf"')],
    ] as const) {
      incremental.check(large.text);
      expect(same(incremental, edited, {}, what), what).toBe("full");
    }
  });

  it("checks a badge again when the text its `@key` names becomes empty (empty-translation-map reads which texts are empty)", () => {
    const badge = `translations {\n  en {\n    missed "Missed"\n  }\n}\n\nbadge missedCall failure {\n  title "Call status"\n  value @missed\n}\n`;
    const incremental = new IncrementalChecker();
    incremental.check(badge);
    const emptied = badge.replace('"Missed"', '""');
    same(incremental, emptied, {}, "the badge's text emptied");
    expect(incremental.check(emptied).diagnostics.map((d) => `${d.ruleId} ${d.range.start.line}`)).toEqual(["empty-translation-map 3", "empty-translation-map 9"]);
    incremental.check(badge);
    same(incremental, badge.replace('"Missed"', '"Missed!"'), {}, "a text typed into");
    expect(incremental.lastKind).toBe("incremental");
  });

  it("keeps nothing when the options change", () => {
    const incremental = new IncrementalChecker();
    incremental.check(large.text);
    incremental.check(large.text, { severities: { "unknown-code": "off" } });
    expect(incremental.lastKind).toBe("full");
    incremental.check(large.text, { severities: { "unknown-code": "off" } });
    expect(incremental.lastKind).toBe("unchanged");
  });
});
