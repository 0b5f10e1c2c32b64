/** The checker's one walk over a declaration: what each handler is shown, in which order, and the narrowing by field type and DTO. */
import { describe, expect, it } from "vitest";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { ALL_RULES, fileDiagnostics } from "../../src/check/index.js";
import { check, parse, type Rule } from "../../src/index.js";

/** What a rule's `create` returns. */
type RuleHandlers = ReturnType<Rule["create"]>;

const LAYOUT = 'layout l {\n  icon call\n  header { title { en: "Hi", de: "Hallo" } }\n  body {\n    logo call-incoming\n    text "x" bold\n  }\n}\n';

/** A rule made for these tests, whose handlers are `handlers`. */
function probe(handlers: RuleHandlers): Rule {
  return { meta: { id: "walk-probe", description: "", why: "", severity: "warning", spec: "", messages: {} }, create: () => handlers };
}

/** What the handlers of `narrowing` are called with over LAYOUT, one line per call. */
function walk(narrowing: Pick<RuleHandlers, "fieldTypes" | "objectDtos"> = {}): string[] {
  const log: string[] = [];
  const at = (path: readonly { key: string }[]) => path.map((s) => s.key).join("/");
  const rule = probe({
    ...narrowing,
    object: (v) => log.push(`object ${v.object.dto} at ${at(v.path)} (field ${v.field?.name ?? "-"}, entry ${v.entry?.key ?? "-"})`),
    field: (v) => log.push(`field ${v.ownerDto.name}.${v.field.name} (${v.field.type.kind}) at ${at(v.path)}`),
    collection: (v) => log.push(`collection ${v.ownerDto.name}.${v.field.name} of ${v.collection.of} at ${at(v.path)}`),
  });
  expect(check(LAYOUT, { rules: [rule] }).diagnostics).toEqual([]);
  return log;
}

describe("the rule walk", () => {
  it("shows every object, known field and collection once, parents first, with the path to it", () => {
    expect(walk()).toEqual([
      "object LayoutDto at  (field -, entry -)",
      "field LayoutDto.icon (object) at ",
      "object IconDto at icon (field icon, entry icon)",
      "field IconDto.code (string) at icon",
      "field LayoutDto.header (object) at ",
      "object HeaderDto at header (field header, entry header)",
      "field HeaderDto.title (text) at header",
      "object LanguageMap at header/title (field title, entry title)",
      "field LayoutDto.body (object) at ",
      "object BodyDto at body (field body, entry body)",
      "field BodyDto.logo (object) at body",
      "object LogoDto at body/logo (field logo, entry logo)",
      "field LogoDto.code (string) at body/logo",
      "field BodyDto.blocks (collection) at body",
      "collection BodyDto.blocks of ContentBlockDto at body/blocks",
      "object ContentBlockDto at body/blocks/block_1 (field -, entry block_1)",
      "field ContentBlockDto.type (enum) at body/blocks/block_1",
      "field ContentBlockDto.properties (object) at body/blocks/block_1",
      "object TextDto at body/blocks/block_1/properties (field properties, entry properties)",
      "field TextDto.value (text) at body/blocks/block_1/properties",
      "field TextDto.bold (bool) at body/blocks/block_1/properties",
    ]);
  });

  it("calls a field handler only for the field types it names (fieldTypes)", () => {
    expect(walk({ fieldTypes: ["enum", "bool"] }).filter((line) => line.startsWith("field"))).toEqual([
      "field ContentBlockDto.type (enum) at body/blocks/block_1",
      "field TextDto.bold (bool) at body/blocks/block_1/properties",
    ]);
  });

  it("calls an object handler only for the DTOs it names (objectDtos)", () => {
    expect(walk({ objectDtos: ["LanguageMap", "TextDto"] }).filter((line) => line.startsWith("object"))).toEqual([
      "object LanguageMap at header/title (field title, entry title)",
      "object TextDto at body/blocks/block_1/properties (field properties, entry properties)",
    ]);
  });

  it("narrows each rule by its own lists: a rule that names none still sees everything", () => {
    const narrowed: string[] = [];
    const all: string[] = [];
    const rules = [
      probe({ fieldTypes: ["bool"], field: (v) => narrowed.push(v.field.name) }),
      probe({ field: (v) => all.push(v.field.name) }),
    ];
    check(LAYOUT, { rules });
    expect(narrowed).toEqual(["bold"]);
    expect(all).toEqual(["icon", "code", "header", "title", "body", "logo", "code", "blocks", "type", "properties", "value", "bold"]);
  });

  it("refills one visit object per kind instead of making one per node (a handler copies what it keeps)", () => {
    const objectVisits = new Set<object>();
    const fieldVisits = new Set<object>();
    const steps = new Map<number, Set<object>>();
    let objects = 0;
    const rule = probe({
      object: (v) => {
        objects++;
        objectVisits.add(v);
        v.path.forEach((step, depth) => (steps.get(depth) ?? steps.set(depth, new Set()).get(depth)!).add(step));
      },
      field: (v) => fieldVisits.add(v),
    });
    check(LAYOUT, { rules: [rule] });
    expect(objects).toBe(8);
    expect(objectVisits.size).toBe(1);
    expect(fieldVisits.size).toBe(1);
    expect([...steps.values()].map((s) => s.size)).toEqual([1, 1, 1, 1]);
  });
});

describe("the lines where project rules may report", () => {
  it("are only looked for in a file with suppression comments (finding them walks the program again)", () => {
    let asked = 0;
    const lines = () => {
      asked++;
      return new Set([1]);
    };
    const { document } = parse(LAYOUT);
    expect(fileDiagnostics([], [], document.comments, lines)).toEqual([]);
    expect(asked).toBe(0);
    const suppressed = parse(`// b24layout-disable-next-line\n${LAYOUT}`).document;
    fileDiagnostics([], [], suppressed.comments, lines);
    expect(asked).toBe(1);
  });
});

describe("what the narrowed field handlers rely on", () => {
  /** Every .b24layout text the repository has, and every example of the rule docs. */
  function texts(): string[] {
    const found: string[] = [];
    const visit = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        if (entry.isDirectory() && entry.name !== "node_modules" && !entry.name.startsWith(".")) visit(join(dir, entry.name));
        else if (entry.isFile() && entry.name.endsWith(".b24layout")) found.push(readFileSync(join(dir, entry.name), "utf8"));
      }
    };
    // Committed texts only: bench/corpus is generated by the bench.
    for (const dir of ["examples", "test", "templates"]) visit(dir);
    for (const rule of ALL_RULES) for (const example of [...(rule.meta.examples?.incorrect ?? []), ...(rule.meta.examples?.correct ?? [])]) found.push(example.code);
    // Templated card sections and fields: lists whose items an 'each' writes.
    found.push('card c(fs: string[], names: string[]) for contact {\n  scope personal\n  userId 1\n  s: section "S" {\n    NAME\n    each f in $fs {\n      field "${f}"\n    }\n  }\n  each n in $names {\n    t: section "${n}" {\n      PHONE\n    }\n  }\n}\n');
    return found;
  }

  it("a reference is only the value of an object field, and guarded items only of a list field (template-arguments, unknown-reference, runtime-limit)", () => {
    const seen = { declarationRef: new Set<string>(), guarded: new Set<string>() };
    const rule = probe({
      field: ({ field, value }) => {
        if (value.kind === "declarationRef") seen.declarationRef.add(field.type.kind);
        if (value.kind === "array" && value.guards) seen.guarded.add(field.type.kind);
      },
    });
    const all = texts();
    expect(all.length).toBeGreaterThan(200);
    for (const text of all) check(text, { rules: [rule] });
    expect([...seen.declarationRef]).toEqual(["object"]);
    expect([...seen.guarded]).toEqual(["list"]);
  });
});
