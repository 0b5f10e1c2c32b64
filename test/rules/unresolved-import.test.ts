/** unresolved-import: every import must name a readable file inside the project root, and what that file declares. */
import type { SourceHost } from "../../src/index.js";
import { RuleTester, ruleById, span } from "../support/rule-tester.js";

const COMMON =
  'fragment clientInfo {\n  text "x"\n}\nlayout card {\n  icon info\n  header "Deal"\n  body {\n    logo document\n    text "x"\n  }\n}\nbadge bb failure {\n  title "T"\n  value "V"\n}\n';
const host: SourceHost = { root: "/p", readFile: (path) => (path === "/p/common.b24layout" ? COMMON : undefined) };
const ruleTester = new RuleTester({ host, file: "/p/a.b24layout" });
const importing = (names: string, from = "./common.b24layout") => `import { ${names} } from "${from}"\nblocks b {\n  text "x"\n}\n`;

ruleTester.run(ruleById("unresolved-import"), {
  valid: [
    { name: "a fragment of a file in the project", code: 'import { clientInfo } from "./common.b24layout"\nblocks b {\n  use clientInfo\n}\n' },
    { name: "no imports, without a host", code: 'blocks b {\n  text "x"\n}\n', settings: { host: undefined, file: undefined } },
  ],
  invalid: [
    {
      name: "an import in text checked without a file and a host",
      code: importing("clientInfo", "./missing.b24layout"),
      settings: { host: undefined, file: undefined },
      errors: [
        {
          messageId: "noHost",
          message: "Imports are resolved from files: check this file by its path (b24layout check FILE), or give check() a file and a source host.",
          severity: "error",
          ...span("1:28", "1:49"),
        },
      ],
    },
    {
      name: "a file that does not exist",
      code: importing("clientInfo", "./missing.b24layout"),
      errors: [{ messageId: "notFound", message: "Cannot find './missing.b24layout' (looked for missing.b24layout).", severity: "error", ...span("1:28", "1:49") }],
    },
    {
      name: "a misspelt name, with the name as a suggestion",
      code: importing("clientInf"),
      errors: [
        {
          messageId: "unknownNameSuggest",
          data: { path: "./common.b24layout", name: "clientInf", suggestion: "clientInfo" },
          severity: "error",
          ...span("1:10", "1:19"),
          // The message names the fragment, but no suggestion offers it (other did-you-means do).
          suggestions: [],
        },
      ],
    },
    {
      name: "a badge, which cannot be imported",
      code: importing("bb"),
      errors: [
        {
          messageId: "notImportable",
          message:
            "'./common.b24layout' declares 'bb' as a badge, which cannot be imported: a file imports fragments, layouts (what an activity's layout names) and the translations table of another.",
          severity: "error",
          ...span("1:10", "1:12"),
        },
      ],
    },
    {
      name: "a file outside the project root",
      code: importing("clientInfo", "../other/x.b24layout"),
      errors: [{ messageId: "outsideRoot", message: "'../other/x.b24layout' is outside the project root: imports cannot reach outside it.", severity: "error", ...span("1:28", "1:50") }],
    },
    {
      name: "a name imported twice, at the second",
      code: importing("clientInfo, clientInfo"),
      errors: [{ messageId: "importedTwice", message: "'clientInfo' is imported twice.", severity: "error", ...span("1:22", "1:32") }],
    },
    {
      name: "the translations of a file that has none",
      code: importing("translations"),
      errors: [{ messageId: "noTranslations", message: "'./common.b24layout' has no translations table to import.", severity: "error", ...span("1:10", "1:22") }],
    },
    {
      name: "a file that imports itself",
      code: 'import { f } from "./a.b24layout"\nfragment f {\n  text "x"\n}\n',
      errors: [{ messageId: "cycle", message: "Import cycle: a.b24layout → a.b24layout.", severity: "error", ...span("1:19", "1:34") }],
    },
  ],
});
