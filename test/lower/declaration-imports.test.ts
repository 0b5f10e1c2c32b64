/**
 * Imported layouts: `import { card } from "./layouts.b24layout"` lets an activity name a layout of
 * another file (`layout card`, with values for its parameters). The layout stays its file's: it is
 * rendered with that file's texts, checked there (its errors are reported at the import too), and
 * the TypeScript and JavaScript targets call its function from that file's module. The project
 * check wants the file among the files checked (unlisted-import), and tells a reference to a layout
 * of another file that is not imported where that is (unknown-reference).
 */
import { describe, expect, it } from "vitest";
import { check, checkProject, compile, type ProjectFileInput, type SourceHost } from "../../src/index.js";
import { emitTypeScriptModule } from "../../src/emit/typescript.js";
import { toFinding, type Finding } from "../helpers.js";

const LAYOUTS = `translations {
  en { deal "Deal" }
  de { deal "Geschäft" }
}

layout card(dealId: int, note: string = "none") {
  icon info
  header @deal -> redirect "/crm/deal/details/\${dealId}/"
  body {
    logo document
    text "\${note}"
  }
}

layout plain {
  icon info
  header "Plain"
  body { logo document; text "y" }
}

badge callMissed failure {
  title "Call"
  value "Missed"
}

fragment hint {
  text "hint"
}
`;

const ACTIVITY = (imports: string, layout = "layout card { dealId: $deal }", rest = "") => `${imports}

activity reminder(deal: int) {
  ownerTypeId deal; ownerId $deal
  ${layout}
}
${rest}`;

const ROOT = "/p";
const LAYOUTS_PATH = "/p/shared/layouts.b24layout";
const MAIN_PATH = "/p/activities.b24layout";

function host(files: Readonly<Record<string, string>>): SourceHost {
  return { root: ROOT, readFile: (path) => files[path] };
}

const err = (ruleId: string, message: string, at: string, to: string, related?: string[]): Finding => ({ ruleId, severity: "error", message, at, to, ...(related ? { related } : {}) });

/** The findings of the activity file checked alone (the layouts file exists beside it). */
function findings(text: string, layouts = LAYOUTS): Finding[] {
  return check(text, { file: MAIN_PATH, host: host({ [LAYOUTS_PATH]: layouts }) }).diagnostics.map(toFinding);
}

describe("an imported layout", () => {
  it("is rendered into the activity's JSON with the values given and its own file's texts", () => {
    const out = compile(ACTIVITY('import { card } from "./shared/layouts.b24layout"'), { file: MAIN_PATH, host: host({ [LAYOUTS_PATH]: LAYOUTS }), params: { reminder: { deal: 5 } } });
    expect(out.diagnostics).toEqual([]);
    const layout = JSON.parse(JSON.stringify(out.outputs[0]!.value)) as { layout: unknown };
    expect(layout.layout).toEqual({
      icon: { code: "info" },
      header: { title: { en: "Deal", de: "Geschäft" }, titleAction: { type: "redirect", uri: "/crm/deal/details/5/" } },
      body: { logo: { code: "document" }, blocks: { block_1: { type: "text", properties: { value: "none" } } } },
    });
  });

  it("is checked against its parameters where it is referenced", () => {
    expect(findings(ACTIVITY('import { card } from "./shared/layouts.b24layout"', "layout card"))).toEqual([
      err("template-arguments", "'reminder' uses layout 'card' without values for 'dealId': give them where it is used, as in 'layout card { dealId: … }'.", "5:10", "5:14"),
    ]);
    expect(findings(ACTIVITY('import { card } from "./shared/layouts.b24layout"', 'layout card { dealId: "5" }'))).toEqual([
      err("template-arguments", "The value given for 'dealId' is \"5\", but the layout 'card' takes int.", "5:25", "5:28"),
    ]);
  });

  it.each<[string, string, Finding[]]>([
    [
      "a badge, which cannot be imported",
      ACTIVITY('import { callMissed } from "./shared/layouts.b24layout"', "layout {\n    icon info\n    header \"T\"\n    body { logo document; text \"x\" }\n  }"),
      [
        err(
          "unresolved-import",
          "'./shared/layouts.b24layout' declares 'callMissed' as a badge, which cannot be imported: a file imports fragments, layouts (what an activity's layout names) and the translations table of another.",
          "1:10",
          "1:20",
        ),
      ],
    ],
    [
      "a misspelt layout name, with the layouts among the suggestions",
      ACTIVITY('import { plian } from "./shared/layouts.b24layout"', "layout plain"),
      [
        err("unresolved-import", "'./shared/layouts.b24layout' has no fragment or layout 'plian'. Did you mean 'plain'?", "1:10", "1:15"),
        err("unknown-reference", "Unknown layout 'plain': this file neither declares nor imports a layout of that name.", "5:10", "5:15"),
      ],
    ],
    [
      "a misspelt reference to an imported layout, with a did-you-mean",
      ACTIVITY('import { plain } from "./shared/layouts.b24layout"', "layout plan"),
      [err("unknown-reference", "Unknown layout 'plan': this file neither declares nor imports a layout of that name. Did you mean 'plain'?", "5:10", "5:14")],
    ],
    [
      "a declaration of the file named like an imported layout",
      ACTIVITY('import { plain } from "./shared/layouts.b24layout"', "layout plain", 'blocks plain {\n  text "x"\n}\n'),
      [err("duplicate-declaration", "'plain' is also the name of the layout imported from './shared/layouts.b24layout'; give each its own name.", "7:8", "7:13", ["imported 1:10"])],
    ],
    [
      "a layout with errors in its file, at the import: the activity would send it",
      ACTIVITY('import { plain } from "./shared/layouts.b24layout"', "layout plain"),
      [
        err(
          "unresolved-import",
          "The layout 'plain' has 2 error(s) in './shared/layouts.b24layout', and this file's payload would carry it as it is: correct it there.",
          "1:10",
          "1:15",
          ["the first error /p/shared/layouts.b24layout:17:3"],
        ),
      ],
    ],
  ])("reports %s", (name, text, expected) => {
    const layouts = name.startsWith("a layout with errors") ? LAYOUTS.replace('layout plain {\n  icon info', "layout plain {\n  icon info\n  icon call\n  tag lavender \"x\"") : LAYOUTS;
    expect(findings(text, layouts)).toEqual(expected);
  });

  it("checks an imported layout with the importing file's settings: what they turn off is no error", () => {
    const layouts = LAYOUTS.replace('body { logo document; text "y" }', 'body { logo document; text "y" }\n  footer { button primary "a" -> redirect "/a"; button primary "b" -> redirect "/b"; button primary "c" -> redirect "/c"; button primary "d" -> redirect "/d"; button primary "e" -> redirect "/e" }');
    const text = ACTIVITY('import { plain } from "./shared/layouts.b24layout"', "layout plain");
    const hostFiles = host({ [LAYOUTS_PATH]: layouts });
    expect(check(text, { file: MAIN_PATH, host: hostFiles }).diagnostics.map((d) => d.ruleId)).toEqual(["unresolved-import"]);
    expect(check(text, { file: MAIN_PATH, host: hostFiles, severities: { "collection-limit": "off" } }).diagnostics).toEqual([]);
  });

  it("imports a fragment and a layout of one name, each where it is used", () => {
    const layouts = `${LAYOUTS}fragment plain {\n  text "from the fragment"\n}\n`;
    const text = `${ACTIVITY('import { plain } from "./shared/layouts.b24layout"', "layout plain")}\nblocks extra {\n  use plain\n}\n`;
    const out = compile(text, { file: MAIN_PATH, host: host({ [LAYOUTS_PATH]: layouts }), params: { reminder: { deal: 1 } } });
    expect(out.diagnostics).toEqual([]);
    expect(JSON.stringify(out.outputs.map((o) => o.value))).toContain("from the fragment");
  });
});

describe("the TypeScript module of a file that imports a layout", () => {
  const program = (text: string) => check(text, { file: MAIN_PATH, host: host({ [LAYOUTS_PATH]: LAYOUTS }) }).program;

  it("imports the function from the layout file's module, and calls it with the values", () => {
    const ts = emitTypeScriptModule(program(ACTIVITY('import { card, plain } from "./shared/layouts.b24layout"')), { source: "activities.b24layout" });
    expect(ts).toContain('import { card } from "./layouts.js";\n');
    expect(ts).toContain("layout: card({\n      dealId: deal,\n    }),");
    const js = emitTypeScriptModule(program(ACTIVITY('import { card } from "./shared/layouts.b24layout"')), { source: "activities.b24layout", mode: "js" });
    expect(js).toContain('import { card } from "./layouts.js";\n');
    const dts = emitTypeScriptModule(program(ACTIVITY('import { card } from "./shared/layouts.b24layout"')), { source: "activities.b24layout", mode: "dts" });
    expect(dts).not.toContain("layouts.js");
  });

  it("imports it under a name of its own where the module has a function of that name, and a parameter does not hide it", () => {
    // The blocks `plain-x` and the imported layout `plainX` would both be the function `plainX`.
    const text = `import { plain } from "./shared/layouts.b24layout"

blocks plain-x {
  text "x"
}

activity other(plain: int) {
  ownerTypeId deal; ownerId $plain
  layout plain
}
`;
    const layouts = LAYOUTS.replaceAll("plain", "plainX");
    const imported = check(text.replaceAll("{ plain }", "{ plainX }").replace("layout plain", "layout plainX"), { file: MAIN_PATH, host: host({ [LAYOUTS_PATH]: layouts }) });
    expect(imported.diagnostics).toEqual([]);
    const ts = emitTypeScriptModule(imported.program, { source: "a.b24layout" });
    expect(ts).toContain('import { plainX as plainXImported } from "./layouts.js";');
    expect(ts).toContain("layout: plainXImported(),");
    const own = emitTypeScriptModule(program(text), { source: "a.b24layout" });
    expect(own).toContain('import { plain } from "./layouts.js";');
    expect(own).toMatch(/export function other\(p: OtherParams\): ActivityParams \{\n {2}const \{ plain: plain2 \} = p;/);
    expect(own).toContain("layout: plain(),");
  });
});

describe("the project check of imported layouts", () => {
  const files = (...paths: string[]): ProjectFileInput[] => paths.map((path) => ({ path, text: path === LAYOUTS_PATH ? LAYOUTS : ACTIVITY('import { card, plain } from "./shared/layouts.b24layout"') }));
  const projectHost = host({ [LAYOUTS_PATH]: LAYOUTS });

  it("wants the file imported from among the files checked (unlisted-import), once per import", () => {
    const [alone] = checkProject(files(MAIN_PATH), { host: projectHost, display: (p) => p.slice(3) });
    expect(alone!.diagnostics.map(toFinding)).toEqual([
      err(
        "unlisted-import",
        "'card' and 'plain' are imported from './shared/layouts.b24layout', which is not among the files checked: build --target ts would write 'activities.ts' importing './layouts.js', which only a build of that file writes, and that file's findings would go unseen. Check and build './shared/layouts.b24layout' with this file.",
        "1:10",
        "1:14",
      ),
    ]);
    const together = checkProject(files(MAIN_PATH, LAYOUTS_PATH), { host: projectHost });
    expect(together.flatMap((r) => r.diagnostics)).toEqual([]);
  });

  it("wants it imported by the name it is built under (a link that names it otherwise)", () => {
    const linked = "/p/linked/cards.b24layout";
    const linkHost: SourceHost = { root: ROOT, readFile: (path) => (path === LAYOUTS_PATH || path === linked ? LAYOUTS : undefined), realPath: (path) => (path === linked ? LAYOUTS_PATH : path) };
    const text = ACTIVITY('import { card } from "./linked/cards.b24layout"');
    const [main] = checkProject([{ path: MAIN_PATH, text }, { path: LAYOUTS_PATH, text: LAYOUTS }], { host: linkHost, display: (p) => p.slice(3) });
    expect(main!.diagnostics.map(toFinding)).toEqual([
      err(
        "unlisted-import",
        "'./linked/cards.b24layout' is among the files checked as shared/layouts.b24layout, whose module build --target ts writes as 'layouts.ts', but this import would make 'activities.ts' import './cards.js': import it by the name it is built under.",
        "1:10",
        "1:14",
      ),
    ]);
  });

  it("tells a reference to a layout of another file where it is, and suggests the import", () => {
    const text = `// Activities\n\nactivity reminder {\n  ownerTypeId deal; ownerId 1\n  layout plain\n}\n`;
    const [main] = checkProject([{ path: MAIN_PATH, text }, { path: LAYOUTS_PATH, text: LAYOUTS }], { host: projectHost, display: (p) => p.slice(3) });
    expect(main!.diagnostics.map(toFinding)).toEqual([
      err(
        "unknown-reference",
        "Unknown layout 'plain': this file has no layout of that name, but shared/layouts.b24layout has. Import it to use it here: import { plain } from \"./shared/layouts.b24layout\".",
        "5:10",
        "5:15",
        ["the layout 'plain' /p/shared/layouts.b24layout:15:8"],
      ),
    ]);
    const [suggestion] = main!.diagnostics[0]!.suggestions!;
    expect(suggestion!.description).toBe("Import 'plain' from './shared/layouts.b24layout'");
    const edit = suggestion!.edits[0]!;
    const fixed = text.slice(0, edit.range.start.offset) + edit.newText + text.slice(edit.range.end.offset);
    expect(fixed).toBe(`// Activities\n\nimport { plain } from "./shared/layouts.b24layout"\n\nactivity reminder {\n  ownerTypeId deal; ownerId 1\n  layout plain\n}\n`);
    expect(checkProject([{ path: MAIN_PATH, text: fixed }, { path: LAYOUTS_PATH, text: LAYOUTS }], { host: projectHost }).flatMap((r) => r.diagnostics)).toEqual([]);
    // After the imports a file has; into its import from that file, when it has one (by the path it resolves to).
    const suggested = (before: string) => {
      const [again] = checkProject([{ path: MAIN_PATH, text: before }, { path: LAYOUTS_PATH, text: LAYOUTS }], { host: projectHost });
      const e = again!.diagnostics.find((d) => d.ruleId === "unknown-reference")!.suggestions![0]!.edits[0]!;
      return before.slice(0, e.range.start.offset) + e.newText + before.slice(e.range.end.offset);
    };
    expect(suggested(`import { row } from "./shared/rows.b24layout" // the rows\n${text}`)).toMatch(/^import \{ row \} from "\.\/shared\/rows\.b24layout" \/\/ the rows\nimport \{ plain \} from "\.\/shared\/layouts\.b24layout"\n/);
    const merged = suggested(`import { card } from "./shared/layouts.b24layout" // the cards\n${text}`);
    expect(merged).toMatch(/^import \{ card, plain \} from "\.\/shared\/layouts\.b24layout" \/\/ the cards\n\/\/ Activities\n/);
    expect(checkProject([{ path: MAIN_PATH, text: merged }, { path: LAYOUTS_PATH, text: LAYOUTS }], { host: projectHost }).flatMap((r) => r.diagnostics)).toEqual([]);
    expect(suggested(`import { card, } from "./shared/../shared/layouts.b24layout"\n${text}`)).toMatch(/^import \{ card, plain, \} from "\.\/shared\/\.\.\/shared\/layouts\.b24layout"\n\/\/ Activities\n/);
  });

  it("leaves the one-file check's message where no other file declares the name", () => {
    const text = `activity reminder {\n  ownerTypeId deal; ownerId 1\n  layout nowhere\n}\n`;
    const [main] = checkProject([{ path: MAIN_PATH, text }, { path: LAYOUTS_PATH, text: LAYOUTS }], { host: projectHost });
    expect(main!.diagnostics.map((d) => d.message)).toEqual(["Unknown layout 'nowhere': this file neither declares nor imports a layout of that name."]);
  });
});
