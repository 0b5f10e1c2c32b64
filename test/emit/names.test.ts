/**
 * Every name the checker accepts works in the generated code: each name below as a declaration,
 * a parameter, a loop variable, a record field and a block key, in a layout and in the activity
 * that names it with values. Each is either a checker error, or builds for every target (tsc
 * --strict over all the modules, and the JavaScript giving exactly the JSON). Only the names
 * every JavaScript object has are refused, and only as parameter and record field names.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { checkProject } from "../../src/index.js";
import { INHERITED_NAMES } from "../../src/lower/templates.js";
import { checkBuilds, type BuildReport, type Project } from "../support/build-targets.js";

const NAMES = [
  ...["default", "class", "function", "new", "delete", "typeof", "void", "await", "yield", "let", "static", "enum", "implements", "interface", "package", "private", "protected", "public", "null_", "true_"],
  ...["as", "async", "from", "get", "set", "of", "type", "declare", "namespace", "module", "abstract", "satisfies", "keyof", "readonly", "infer", "is", "any", "unknown", "never", "object", "string", "number", "boolean", "symbol", "bigint"],
  ...["undefined", "NaN", "Infinity", "eval", "arguments", "Object", "Array", "String", "JSON", "RangeError", "Error", "Symbol", "Math", "Promise", "globalThis", "encodeURIComponent", "require", "exports", "window"],
  ...["p", "_p", "p_", "limit", "limit_", "i1", "i2", "members", "items", "blocks", "tags", "buttons", "layout", "T", "_", "__", "Params"],
  ...["LayoutDto", "TagDto", "ContentBlockDto", "TextWithTranslation", "CardParams", "LegacyCardParams", "TextBlock", "ActivityParams", "CardTemplateParams"],
  ...INHERITED_NAMES,
];

/** A layout and an activity using `name` everywhere a name goes. */
function project(name: string): Project {
  const other = name === "x" ? "y" : "x";
  const text = `layout ${name}(${name}: string = "d", ${other}: int = 1, rows: { ${name}: string }[] = []) {
  icon info
  header "T \${${name}}" -> redirect "/crm/\${${name}}/"
  body {
    logo document
    ${name}: text "\${${name}} \${${other}}"
    each ${name === "row" ? "r" : "row"} in $rows {
      line: text "\${${name === "row" ? "r" : "row"}.${name}}"
    }
  }
}

blocks loops(rows: { ${name}: string }[] = []) {
  each ${name} in $rows {
    again: text "\${${name}.${name}}"
  }
}

activity act(${name}: int) {
  ownerTypeId deal
  ownerId $${name}
  layout ${name} { ${name}: "given", ${other}: $${name} }
}
`;
  return { name, files: [{ path: `/names/${name.replace(/^_+/, "u")}-file.b24layout`, text }] };
}

describe("names in the generated code", () => {
  const projects = NAMES.map(project);
  let report: BuildReport;
  beforeAll(() => {
    report = checkBuilds(projects);
  }, 60_000);

  it("every name the checker accepts builds for every target", () => {
    expect(report.failures.map((f) => `${f.project.name} ${f.target}: ${f.problem.split("\n")[0]}`)).toEqual([]);
  });

  it("refuses only the names every object has, as parameters and record fields", () => {
    const refused = projects.filter((p) => !report.clean.includes(p)).map((p) => p.name);
    expect(refused).toEqual([...INHERITED_NAMES]);
    for (const p of projects.filter((x) => !report.clean.includes(x))) {
      const errors = checkProject(p.files.map((f) => ({ path: f.path, text: f.text }))).flatMap((r) => r.diagnostics.filter((d) => d.severity === "error"));
      expect(new Set(errors.map((d) => d.ruleId))).toEqual(new Set(["template-structure"]));
    }
  });
});
