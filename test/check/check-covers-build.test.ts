/**
 * The promise of `check`: a green check means the build succeeds for every target. Over the
 * examples, the templates, the golden twins, the formatter's fixtures, the corpus as the importer
 * writes it, generated programs and programs mutated towards what breaks generated code (names and
 * keys that are reserved words, globals, helpers or members of every object; files and
 * declarations with one output name; layouts named with and without values), every project that
 * `check` passes is built for JSON (files and --stdout), TypeScript and JavaScript: the build must
 * plan its outputs without a problem, tsc must accept every module under --strict (with a module
 * that calls each function with the JSON build's values), and each JavaScript function must return
 * exactly the JSON. Property: build fails ⇒ check reports an error.
 *
 * The default run is small and seeded (a few seconds: every module goes into one ts.Program).
 * B24_PROPERTY_RUNS=5000 B24_PROPERTY_SEED=7 runs more mutants; B24_PROPERTY_BRIEF=1 lists every failure on one
 * line instead of the first five in full.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { checkProject, importJson, type CheckOptions } from "../../src/index.js";
import { parse } from "../../src/syntax/parser.js";
import type { Argument, Statement } from "../../src/syntax/ast.js";
import { programArb, render } from "../format/property/generator.js";
import { checkBuilds, type BuildReport, type Failure, type Project, type SourceFile } from "../support/build-targets.js";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const RUNS = Number(process.env["B24_PROPERTY_RUNS"] ?? 120);
const SEED = Number(process.env["B24_PROPERTY_SEED"] ?? 20_251);

// ----- the corpus -----

function filesUnder(dir: string, ext: string): string[] {
  return readdirSync(join(ROOT, dir), { recursive: true, encoding: "utf8" })
    .filter((f) => f.endsWith(ext))
    .sort()
    .map((f) => join(dir, f));
}

/** Files by their absolute path, so that their imports resolve (the project root is the repository). */
const read = (path: string): SourceFile => ({ path: join(ROOT, path), text: readFileSync(join(ROOT, path), "utf8") });
const HOST = { root: ROOT, readFile: (path: string) => (existsSync(path) ? readFileSync(path, "utf8") : undefined) };

/** The examples and the template example, each folder one project (as the README builds them). */
const EXAMPLES: Project[] = [
  { name: "examples/", files: filesUnder("examples", ".b24layout").filter((f) => !f.includes("/ci/")).map(read) },
  { name: "templates/incoming-call", files: filesUnder("templates", ".b24layout").map(read) },
];

/** One project per file: golden twins, formatter fixtures, and the corpus JSON as the importer writes it. */
const SINGLES: Project[] = [
  ...filesUnder("test/golden", ".b24layout"),
  ...filesUnder("test/format/fixtures", ".b24layout"),
].map((path) => ({ name: path, files: [read(path)] }));

/** The golden twins keep the docs' quirks: checked against the docs (`"target": "docs"`), what the docs allow is sent as written. */
const AGAINST_DOCS: Project[] = filesUnder("test/golden", ".b24layout").map((path) => ({ name: `${path} (target docs)`, files: [read(path)], options: { target: "docs" } }));

const IMPORTED: Project[] = filesUnder("test/import/corpus", ".json").flatMap((path) => {
  const text = importJson(readFileSync(join(ROOT, path), "utf8")).text;
  return text === undefined ? [] : [{ name: `import ${path}`, files: [{ path: join(ROOT, path.replace(/\.json$/, ".b24layout")), text }] }];
});

// ----- projects of several files -----

/** Declarations another file can hold for this one: badges (named by code) and layouts (imported). */
const MOVABLE = new Set(["badge", "layout"]);
/** What the moved declarations may need of the file they leave: copied along. */
const SHARED = new Set(["translations", "fragment"]);

/**
 * A file split in two, as a project keeps its badges and layouts apart: its badges and layouts go
 * to `<name>-shared.b24layout` beside it (with copies of its translation tables and fragments),
 * which the file imports its layouts from. Undefined when there is nothing to move.
 */
function split(file: SourceFile): SourceFile[] | undefined {
  const statements = parse(file.text).document.statements;
  const moved = statements.filter((s) => MOVABLE.has(s.name.name) && s.args[0]?.kind === "Identifier");
  if (moved.length === 0) return undefined;
  const text = (s: Statement) => file.text.slice(s.range.start.offset, s.range.end.offset);
  const shared = statements.filter((s) => SHARED.has(s.name.name) || moved.includes(s)).map(text);
  let main = file.text;
  for (const s of [...moved].reverse()) main = `${main.slice(0, s.range.start.offset)}${main.slice(s.range.end.offset)}`;
  const layouts = moved.filter((s) => s.name.name === "layout").map((s) => (s.args[0] as { name: string }).name);
  const sharedPath = file.path.replace(/\.b24layout$/, "-shared.b24layout");
  const source = `./${sharedPath.replace(/^.*\//, "")}`;
  const imports = layouts.length > 0 ? `import { ${[...new Set(layouts)].join(", ")} } from ${JSON.stringify(source)}\n` : "";
  return [
    { path: file.path, text: `${imports}${main}` },
    { path: sharedPath, text: `${shared.join("\n\n")}\n` },
  ];
}

/** The examples, templates and golden twins with a badge or layout, each split in two. */
const SPLIT: Project[] = [...EXAMPLES.flatMap((p) => p.files), ...SINGLES.flatMap((p) => p.files)]
  .filter((f) => !f.text.includes("import {"))
  .flatMap((f) => {
    const files = split({ path: f.path.replace(ROOT, join(ROOT, "split/")), text: f.text });
    return files ? [{ name: `split ${relative(ROOT, f.path)}`, files }] : [];
  });

// ----- mutations -----

/** Names that are valid in the language and mean something to JavaScript, TypeScript or the generated code. */
const TRICKY_NAMES = [
  ...["default", "class", "function", "new", "delete", "typeof", "void", "await", "yield", "let", "static", "enum", "implements", "interface", "package", "private", "protected", "public"],
  ...["as", "async", "from", "get", "set", "of", "type", "declare", "namespace", "module", "abstract", "satisfies", "keyof", "readonly", "infer", "is", "any", "unknown", "never", "object", "string", "number", "boolean", "symbol", "bigint"],
  ...["constructor", "toString", "valueOf", "hasOwnProperty", "isPrototypeOf", "propertyIsEnumerable", "toLocaleString", "__proto__", "__defineGetter__"],
  ...["undefined", "NaN", "Infinity", "eval", "arguments", "Object", "Array", "String", "JSON", "RangeError", "Error", "Symbol", "Math", "Promise", "globalThis", "encodeURIComponent", "require", "exports"],
  ...["p", "_p", "limit", "i1", "i2", "members", "items", "blocks", "tags", "buttons", "T", "_", "default_", "limit_", "p_"],
  ...["LayoutDto", "TagDto", "ContentBlockDto", "TextWithTranslation", "CardParams", "LegacyCardParams", "TextBlock", "LayoutDtoParams", "ActivityParams"],
  ...["call-row", "callRow", "a-b", "aB", "x1", "X1"],
];

/** Keys (labels) that mean something to JavaScript or TypeScript. */
const TRICKY_KEYS = [...TRICKY_NAMES.filter((n) => !n.includes("-") || n === "a-b"), '"1"', '"0"', '"-1"', '"1e3"', '"a-b"', '"__proto__"', '"constructor"', '"NaN"', '"with space"'];

/** The names a program declares: declarations, parameters, fragments, loop variables. */
function declaredNames(text: string): string[] {
  const names = new Set<string>();
  const visit = (s: Statement, top: boolean) => {
    const [first, second] = s.args;
    if (top && first?.kind === "Identifier") names.add(first.name);
    for (const a of s.args) if (a.kind === "ParameterList") for (const p of a.parameters) names.add(p.name.name);
    if (s.name.name === "each" && first?.kind === "Identifier") names.add(first.name);
    if (second?.kind === "ParameterList" && first?.kind === "Identifier") names.add(first.name);
    for (const c of s.body?.statements ?? []) visit(c, false);
  };
  for (const s of parse(text).document.statements) visit(s, true);
  return [...names];
}

/** The ranges of the labels (`key:`) of a program, as offsets. */
function labels(text: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  const visit = (s: Statement) => {
    if (s.label) out.push({ start: s.label.range.start.offset, end: s.label.range.end.offset });
    for (const c of s.body?.statements ?? []) visit(c);
  };
  for (const s of parse(text).document.statements) visit(s);
  return out;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Literal values, of every JSON type and of the spellings the server casts. */
const TRICKY_VALUES = ['"false"', '"true"', '"Y"', '"N"', '"1"', '"0"', '""', '"x"', "1", "0", "-1", "1.5", "true", "false", "null", "[]", '["a"]', "[1]", '{ a: 1 }', '"2025-01-31T10:00:00+03:00"', '"#ff0000"'];

/** The ranges of the literal arguments and map values of a program, as offsets. */
function literals(text: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  const visitValue = (v: Argument) => {
    if (v.kind === "String" || v.kind === "Number" || v.kind === "Boolean" || v.kind === "Null") out.push({ start: v.range.start.offset, end: v.range.end.offset });
    else if (v.kind === "Map") for (const e of v.entries) visitValue(e.value);
    else if (v.kind === "List") for (const i of v.items) visitValue(i);
  };
  const visit = (s: Statement) => {
    for (const a of s.args) visitValue(a);
    for (const c of s.body?.statements ?? []) visit(c);
  };
  for (const s of parse(text).document.statements) visit(s);
  return out;
}

/** Every whole-name occurrence of `from` (also in `$from`, `${from.x}` and labels) replaced by `to`. */
function rename(text: string, from: string, to: string): string {
  return text.replace(new RegExp(`(?<![A-Za-z0-9_-])${escape(from)}(?![A-Za-z0-9_-])`, "g"), to);
}

/** An activity naming a layout of the file, with values for some of its parameters (literals or its own parameters). */
function withReference(text: string, pick: number): string {
  const layouts = parse(text).document.statements.filter((s) => s.name.name === "layout" && s.args[0]?.kind === "Identifier");
  const layout = layouts[pick % Math.max(layouts.length, 1)];
  if (!layout || layout.args[0]?.kind !== "Identifier") return text;
  const list = layout.args[1]?.kind === "ParameterList" ? layout.args[1] : undefined;
  const params = list ? text.slice(list.range.start.offset, list.range.end.offset) : "";
  const given = (list?.parameters ?? []).filter((_, i) => (pick >> i) % 3 !== 0).map((p) => `${p.name.name}: $${p.name.name}`);
  const values = given.length > 0 ? ` { ${given.join(", ")} }` : "";
  return `${text}\nactivity mutantActivity${pick}${params} {\n  ownerTypeId deal; ownerId 1\n  layout ${layout.args[0].name}${values}\n}\n`;
}

type Mutation =
  | { readonly k: "renameName"; readonly pick: number; readonly to: string }
  | { readonly k: "relabel"; readonly pick: number; readonly to: string }
  | { readonly k: "reference"; readonly pick: number }
  | { readonly k: "optional"; readonly pick: number }
  | { readonly k: "revalue"; readonly pick: number; readonly to: string };

const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ k: fc.constant("renameName" as const), pick: fc.nat(), to: fc.constantFrom(...TRICKY_NAMES) }) },
  { weight: 4, arbitrary: fc.record({ k: fc.constant("relabel" as const), pick: fc.nat(), to: fc.constantFrom(...TRICKY_KEYS) }) },
  { weight: 2, arbitrary: fc.record({ k: fc.constant("reference" as const), pick: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ k: fc.constant("optional" as const), pick: fc.nat() }) },
  { weight: 3, arbitrary: fc.record({ k: fc.constant("revalue" as const), pick: fc.nat(), to: fc.constantFrom(...TRICKY_VALUES) }) },
);

function mutate(text: string, m: Mutation): string {
  switch (m.k) {
    case "renameName": {
      const names = declaredNames(text);
      return names.length === 0 ? text : rename(text, names[m.pick % names.length]!, m.to);
    }
    case "relabel": {
      const all = labels(text);
      const at = all[m.pick % Math.max(all.length, 1)];
      return at ? `${text.slice(0, at.start)}${m.to}${text.slice(at.end)}` : text;
    }
    case "reference":
      return withReference(text, m.pick);
    case "revalue": {
      const all = literals(text);
      const at = all[m.pick % Math.max(all.length, 1)];
      return at ? `${text.slice(0, at.start)}${m.to}${text.slice(at.end)}` : text;
    }
    case "optional": {
      // A parameter made optional, or its default dropped: the references must still fit.
      const found = [...text.matchAll(/\(([A-Za-z_]\w*)(: [^,)=]+)( = [^,)]+)?/g)];
      const hit = found[m.pick % Math.max(found.length, 1)];
      if (!hit) return text;
      const replaced = hit[3] ? `(${hit[1]}${hit[2]}` : `(${hit[1]}?${hit[2]}`;
      return `${text.slice(0, hit.index)}${replaced}${text.slice(hit.index + hit[0].length)}`;
    }
  }
}

/** Templates to mutate: parameters of every type, conditions, repetition, fragments, layouts named with values. */
const TEMPLATE_BASES: SourceFile[] = [
  `layout incomingCall(clientName: string, dealId: int, missed: bool = false, channel: "web" | "mobile" = "web", products: { name: string, price: int, page?: url }[] = [], at?: datetime) {
  icon call-completed
  header "Incoming call" -> redirect "/crm/deal/details/\${dealId}/" {
    when $missed {
      missed: tag failure "missed"
    }
  }
  body {
    logo call-incoming
    client: withTitle "Client" inline { text "\${clientName}" }
    each product in $products {
      product: text "\${product.name}: \${product.price} EUR"
      when $product.page { page: link "Product page" -> redirect "\${product.page}" }
    }
    when $channel is "mobile" {
      note: text "Taken in the mobile app"
    } else {
      note: text "Taken on the web"
    }
    when $at { due: text "\${at}" }
  }
}

activity callBack(deal: int, client: string, note?: string) {
  ownerTypeId deal
  ownerId $deal
  layout incomingCall { clientName: $client, dealId: $deal, missed: true }
}
`,
  `fragment contact(name: string, phone?: string) {
  name: text "\${name}" bold
  when $phone {
    phone: text "\${phone}"
  }
}

blocks contactBlocks(client: string, phones: string[] = [], vip: bool = false) {
  use contact { name: $client, phone: "+49 1" }
  each number in $phones {
    other: text "\${number}"
  }
  when not $vip {
    plain: text "regular"
  }
}
`,
  `card dealCard(userId: int, withProducts: bool = false, titles: string[] = []) for deal {
  scope personal
  userId $userId
  main: section "Main" {
    TITLE always
    when $withProducts {
      OPPORTUNITY_WITH_CURRENCY
    }
  }
  each t in $titles {
    extra: section "\${t}" {
      field "UF_CRM_\${t}"
    }
  }
}
`,
  `layout menuLayout(items: { id: string, title: string }[] = [], primary: bool = true, tone: "base_70" | "base_90" = "base_70") {
  icon info
  header "T"
  body {
    logo document
    line: text "Line" color $tone
    open: link "Open" -> restEvent "open" { id: "x", n: 1 }
  }
  footer {
    when $primary {
      go: button primary "Go" -> redirect "/go"
    } else {
      go: button secondary "Go" -> redirect "/go"
    }
    menu {
      each item in $items {
        pick: item "\${item.title}" -> redirect "/pick/\${item.id}"
      }
    }
  }
}

activity menuActivity(who: string) {
  ownerTypeId deal; ownerId 5
  layout menuLayout { primary: false }
}
`,
  `layout docsQuirks(tone: "base_70" | "base_90" = "base_70") {
  icon info
  header "T" {
    tag primary "a" scope web
  }
  body {
    logo document
    t: text "x" color $tone
  }
  footer {
    button primary "Open" -> openRestApp sliderParams { width: 700 }
    menu {
      showPostponeItem "false"
    }
  }
}
`,
].map((text, i) => ({ path: join(ROOT, "templates-for-mutants", `template${i}.b24layout`), text }));

/** Where a mutant's file goes: its own folder, or one shared with a twin, or a file name that means something. */
const PLACES = ["a/", "b/", ""];
const FILE_NAMES = [undefined, undefined, undefined, "b24layout-types", "x.d", "Call", "call", "shared"];

const CLEAN_BASES = [...EXAMPLES.flatMap((p) => p.files), ...SINGLES.flatMap((p) => p.files), ...TEMPLATE_BASES, ...TEMPLATE_BASES].filter(
  (f) =>
    !f.text.includes("import {") &&
    [undefined, "docs" as const].some((target) => checkProject([{ path: f.path, text: f.text }], target ? { target } : {}).every((r) => r.diagnostics.every((d) => d.severity !== "error"))),
);

const mutantProjectArb: fc.Arbitrary<Project> = fc
  .array(
    fc.record({
      base: fc.nat({ max: CLEAN_BASES.length - 1 }),
      mutations: fc.array(mutationArb, { minLength: 1, maxLength: 3 }),
      place: fc.constantFrom(...PLACES),
      fileName: fc.constantFrom(...FILE_NAMES),
      split: fc.boolean(),
    }),
    { minLength: 1, maxLength: 3 },
  )
  .chain((parts) => fc.constantFrom<CheckOptions["target"]>(undefined, undefined, "docs").map((target) => ({ parts, target })))
  .map(({ parts, target }) => {
    const files = parts.flatMap((p, i) => {
      const base = CLEAN_BASES[p.base]!;
      const text = p.mutations.reduce(mutate, base.text);
      const name = p.fileName ?? base.path.replace(/^.*\//, "").replace(/\.b24layout$/, "");
      const file = { path: join(ROOT, "mutants", `${p.place}${name}${p.place === "" && i > 0 ? i : ""}.b24layout`), text };
      // Its badges and layouts in a file of their own, which it imports its layouts from.
      return (p.split ? split(file) : undefined) ?? [file];
    });
    const name = `mutants of ${parts.map((p) => relative(ROOT, CLEAN_BASES[p.base]!.path)).join(", ")}${target ? ` (target ${target})` : ""}`;
    return { name, files, ...(target ? { options: { target } } : {}) };
  });

const generatedArb: fc.Arbitrary<Project> = programArb({ comments: false }).map((program) => ({ name: "generated", files: [{ path: join(ROOT, "generated.b24layout"), text: render(program) }] }));

// ----- the property -----

function describeFailure(f: Failure): string {
  if (process.env["B24_PROPERTY_BRIEF"]) return `${f.target}: ${f.problem.split("\n")[0]} [${f.project.name}]`;
  return `${f.target}: ${f.problem}\n--- ${f.project.name}\n${f.project.files.map((x) => `// ${x.path}\n${x.text}`).join("\n")}`;
}

describe("check passes ⇒ every target builds (build fails ⇒ check reports an error)", () => {
  const mutants = fc.sample(mutantProjectArb, { numRuns: RUNS, seed: SEED });
  const generated = fc.sample(generatedArb, { numRuns: Math.ceil(RUNS / 10), seed: SEED });
  // One build of everything: all the modules go into one ts.Program, which costs about as much as one module.
  let report: BuildReport;
  beforeAll(() => {
    report = checkBuilds([...EXAMPLES, ...SINGLES, ...AGAINST_DOCS, ...IMPORTED, ...SPLIT, ...mutants, ...generated], HOST);
  }, 120_000);
  const failuresOf = (projects: readonly Project[]) => report.failures.filter((f) => projects.includes(f.project));
  const cleanOf = (projects: readonly Project[]) => report.clean.filter((p) => projects.includes(p));
  const limit = process.env["B24_PROPERTY_BRIEF"] ? 500 : 5;

  it("the examples and templates check clean and build for every target", () => {
    expect(failuresOf(EXAMPLES).map(describeFailure)).toEqual([]);
    expect(cleanOf(EXAMPLES).map((p) => p.name)).toEqual(EXAMPLES.map((p) => p.name));
  });

  it("the golden twins (also against the docs), the formatter's fixtures and the imported corpus: those check passes build for every target", () => {
    const projects = [...SINGLES, ...AGAINST_DOCS, ...IMPORTED];
    expect(failuresOf(projects).slice(0, limit).map(describeFailure)).toEqual([]);
    // Not a vacuous property: most of them are valid.
    expect(cleanOf(projects).length).toBeGreaterThan(projects.length / 2);
  });

  it("the files with badges or layouts, split in two (badges and layouts in a file the other imports its layouts from), build for every target as they did whole", () => {
    expect(failuresOf(SPLIT).slice(0, limit).map(describeFailure)).toEqual([]);
    // Clean whole, clean split: the badges across files are known, the imported layouts resolve.
    const cleanWhole = new Set([...cleanOf(SINGLES), ...cleanOf(EXAMPLES)].flatMap((p) => p.files.map((f) => relative(ROOT, f.path))));
    const expected = SPLIT.filter((p) => cleanWhole.has(relative(join(ROOT, "split"), p.files[0]!.path))).map((p) => p.name);
    expect(cleanOf(SPLIT).map((p) => p.name)).toEqual(expected);
    expect(expected.length).toBeGreaterThan(10);
    // Some of them import a layout, and some name a badge of the other file.
    expect(SPLIT.filter((p) => p.files[0]!.text.startsWith("import {")).length).toBeGreaterThan(0);
    expect(SPLIT.filter((p) => /badgeCode \w/.test(p.files[0]!.text)).length).toBeGreaterThan(0);
  });

  it("a split project has no warning its whole file did not have: a badge of the other file is known", () => {
    const whole = [read("examples/activity.b24layout")];
    const project = SPLIT.find((p) => p.name === "split examples/activity.b24layout")!;
    const warnings = (files: readonly SourceFile[]) => checkProject(files, { host: { root: ROOT, readFile: (path) => files.find((f) => f.path === path)?.text } }).flatMap((r) => r.diagnostics);
    expect(warnings(whole)).toEqual([]);
    expect(project.files[0]!.text).toMatch(/^import \{ callbackLayout \} from "\.\/activity-shared\.b24layout"\n/);
    expect(project.files[0]!.text).toContain("badgeCode callbackRequest");
    expect(warnings(project.files)).toEqual([]);
  });

  it(`${RUNS} mutated and ${Math.ceil(RUNS / 10)} generated projects (seed ${SEED}): those check passes build for every target`, () => {
    const projects = [...mutants, ...generated];
    expect(failuresOf(projects).slice(0, limit).map(describeFailure)).toEqual([]);
    expect(cleanOf(mutants).length).toBeGreaterThan(RUNS / 4);
  });

  it("has no failure outside the projects (the compiler's own)", () => {
    expect(report.failures.filter((f) => f.project.files.length === 0).map(describeFailure)).toEqual([]);
  });
});

