/**
 * Imports: `import { fragment, translations } from "./file.b24layout"`, resolved through a source
 * host (here in memory). Everything wrong with an import is reported at it, in the importing file;
 * what an imported fragment's members break where they are used is reported at the `use`.
 */
import { describe, expect, it } from "vitest";
import { check, compile, ModuleCache, type SourceHost } from "../../src/index.js";
import { toFinding, type Finding } from "../helpers.js";

const COMMON = `translations {
  en { client "Client" }
  de { client "Kunde" }
}

fragment clientInfo(name: string) {
  client: withTitle @client inline { text "\${name}" }
}
`;

function host(files: Readonly<Record<string, string>>): SourceHost {
  return { root: "/p", readFile: (path) => files[path] };
}

function findings(text: string, files: Readonly<Record<string, string>>, file = "/p/src/main.b24layout"): Finding[] {
  return check(text, { file, host: host(files) }).diagnostics.map(toFinding);
}

const err = (ruleId: string, message: string, at: string, to: string): Finding => ({ ruleId, severity: "error", message, at, to });
const MAIN = (imports: string, body = '  use clientInfo { name: "Ann" }') => `${imports}\nblocks b {\n${body}\n}\n`;

describe("imports", () => {
  it("brings in fragments and the translation table, rendered as if written here", () => {
    const text = MAIN('import { clientInfo, translations } from "../shared/common.b24layout"');
    const out = compile(text, { file: "/p/src/main.b24layout", host: host({ "/p/shared/common.b24layout": COMMON }) });
    expect(out.diagnostics).toEqual([]);
    expect(JSON.parse(JSON.stringify(out.outputs[0]!.value))).toEqual({
      blocks: {
        client: { type: "withTitle", properties: { title: { en: "Client", de: "Kunde" }, block: { type: "text", properties: { value: "Ann" } }, inline: true } },
      },
    });
  });

  it.each<[string, string, Readonly<Record<string, string>>, Finding[]]>([
    [
      "a file that does not exist",
      MAIN('import { clientInfo } from "./common.b24layout"', '  use clientInfo { name: "Ann" }\n  text "x"'),
      {},
      [
        err("unresolved-import", "Cannot find './common.b24layout' (looked for src/common.b24layout).", "1:28", "1:48"),
        err("template-structure", "Unknown fragment 'clientInfo': no fragment declaration in this file has that name.", "3:7", "3:17"),
      ],
    ],
    [
      "a path outside the project root",
      MAIN('import { clientInfo } from "../../common.b24layout"', '  text "x"'),
      {},
      [err("unresolved-import", "'../../common.b24layout' is outside the project root: imports cannot reach outside it.", "1:28", "1:52")],
    ],
    [
      "a name the file does not have, with a suggestion",
      MAIN('import { clientInf } from "./common.b24layout"', '  text "x"'),
      { "/p/src/common.b24layout": COMMON },
      [err("unresolved-import", "'./common.b24layout' has no fragment or layout 'clientInf'. Did you mean 'clientInfo'?", "1:10", "1:19")],
    ],
    [
      "translations from a file without a table",
      MAIN('import { translations } from "./f.b24layout"', '  text "x"'),
      { "/p/src/f.b24layout": 'fragment f {\n  text "x"\n}\n' },
      [err("unresolved-import", "'./f.b24layout' has no translations table to import.", "1:10", "1:22")],
    ],
    [
      "an import cycle",
      MAIN('import { a } from "./a.b24layout"', '  text "x"'),
      { "/p/src/a.b24layout": 'import { b } from "./b.b24layout"\nfragment a {\n  text "x"\n}\n', "/p/src/b.b24layout": 'import { a } from "./a.b24layout"\nfragment b {\n  text "y"\n}\n' },
      // The cycle is in the imported files: it is theirs to report, and this file is told they have errors.
      [err("unresolved-import", "'./a.b24layout' has 1 error(s) of its own: check that file.", "1:19", "1:34")],
    ],
    [
      "a file that imports itself",
      MAIN('import { a } from "./main.b24layout"', '  text "x"'),
      { "/p/src/main.b24layout": "" },
      [err("unresolved-import", "Import cycle: src/main.b24layout → src/main.b24layout.", "1:19", "1:37")],
    ],
    [
      "a fragment of the file with the name of an imported one",
      `import { clientInfo } from "./common.b24layout"\nfragment clientInfo {\n  text "x"\n}\nblocks b {\n  use clientInfo { name: "A" }\n}\n`,
      { "/p/src/common.b24layout": COMMON },
      [err("template-structure", "Fragment 'clientInfo' is also imported: rename one of them.", "2:10", "2:20")],
    ],
    [
      "an imported fragment used where its members do not fit: reported at the use",
      MAIN('import { clientInfo } from "./common.b24layout"', '  line: lineOfBlocks {\n    use clientInfo { name: "A" }\n  }'),
      { "/p/src/common.b24layout": COMMON },
      [err("block-nesting", "A withTitle block cannot be placed in a lineOfBlocks block: only text, link or deadline blocks are allowed in its 'blocks'.", "4:5", "4:33")],
    ],
  ])("reports %s", (_name, text, files, expected) => {
    expect(findings(text, files)).toEqual(expected);
  });

  it("takes a name that starts with two dots for a name, not for the parent folder", () => {
    expect(findings(MAIN('import { clientInfo } from "../..common.b24layout"'), { "/p/..common.b24layout": COMMON })).toEqual([]);
  });

  it("needs a file and a host: check() of text alone says so at the import", () => {
    expect(check(MAIN('import { clientInfo } from "./common.b24layout"', '  text "x"')).diagnostics.map(toFinding)).toEqual([
      err("unresolved-import", "Imports are resolved from files: check this file by its path (b24layout check FILE), or give check() a file and a source host.", "1:28", "1:48"),
    ]);
  });

  it("reads an imported file once for all the files of a run", () => {
    const reads: string[] = [];
    const counting: SourceHost = { root: "/p", readFile: (path) => (reads.push(path), path === "/p/src/common.b24layout" ? COMMON : undefined) };
    const modules = new ModuleCache();
    for (const name of ["a", "b"]) {
      const d = check(MAIN('import { clientInfo, translations } from "./common.b24layout"'), { file: `/p/src/${name}.b24layout`, host: counting, modules }).diagnostics;
      expect(d).toEqual([]);
    }
    expect(reads).toEqual(["/p/src/common.b24layout"]);
  });

  it("does not report a library file's translations as unused, nor keys its fragments use", () => {
    expect(check(COMMON).diagnostics).toEqual([]);
  });
});
