import { getScalar, type IrDeclaration } from "../../lower/index.js";
import { defineRule } from "../rule.js";

/** Two declarations with the same name (spec §1: one output per declaration). */
export default defineRule({
  meta: {
    id: "duplicate-declaration",
    description: "Disallow two declarations with the same name, and two badges with the same code.",
    why: "Each declaration compiles to its own `<name>.<kind>.json` payload for its REST method (spec §1), and activities refer to layouts by name. Two declarations of one kind with one name would overwrite each other's output and make `layout <name>` ambiguous; reusing a name across kinds makes the file hard to follow, and so does a declaration named like a layout the file imports. Names that differ only in case collide on case-insensitive file systems (a warning). A badge is known on the portal by its code, which is unique (spec §8): two badges of one code, named apart, cannot both be added, in one file or in two checked together (`b24layout check`, `checkProject`).",
    severity: "error",
    scope: "file",
    spec: "§1, §8",
    messages: {
      sameKind: "Duplicate {keyword} '{name}': both would be written to '{file}'.",
      otherKind: "'{name}' is already the name of a {other}; give each declaration its own name.",
      imported: "'{name}' is also the name of the {other} imported from '{path}'; give each its own name.",
      sameCode: "The {keyword} '{name}' has the {field} '{code}' of the {keyword} '{other}': a {keyword}'s {field} is unique on the portal, so {method} cannot add both.",
      sameCodeElsewhere: "The {keyword} '{name}' has the {field} '{code}' of the {keyword} '{other}' declared in {otherFile}: a {keyword}'s {field} is unique on the portal, so {method} cannot add both.",
      caseOnly: {
        text: "'{name}' differs from the {keyword} '{other}' only in case; on case-insensitive file systems (Windows, macOS) both are written to '{file}'.",
        severity: "warning",
      },
    },
    examples: {
      incorrect: [
        {
          code: 'blocks extra {\n  text "Hello"\n}\nblocks extra {\n  text "Bye"\n}\n',
          note: "Both would be written to `extra.blocks.json`.",
        },
      ],
      correct: [{ code: 'blocks hello {\n  text "Hello"\n}\nblocks bye {\n  text "Bye"\n}\n' }],
    },
  },
  create(context) {
    const byName = new Map<string, IrDeclaration>();
    const byOutputFile = new Map<string, IrDeclaration>();
    const imports = context.program.imports;
    /** Declarations by the field their name fills (a badge's `code`), which identifies them on the portal. */
    const byIdentity = new Map<string, IrDeclaration>();
    return {
      declaration(declaration) {
        const field = declaration.spec.nameField;
        const identity = field === undefined ? undefined : getScalar(declaration.root, field);
        if (field !== undefined && typeof identity?.value === "string") {
          const key = `${declaration.spec.keyword}\0${identity.value}`;
          const other = byIdentity.get(key);
          // Two declarations of one name are reported as such below.
          if (!other) byIdentity.set(key, declaration);
          else if (other.name !== declaration.name) {
            const data = { keyword: declaration.spec.keyword, name: declaration.name, field, code: identity.value, other: other.name, method: declaration.spec.method };
            context.report({ messageId: "sameCode", data, range: identity.range, related: [{ message: `the ${other.spec.keyword} '${other.name}'`, range: other.nameRange }] });
          }
        }

        const imported = imports?.get(declaration.name);
        if (imported) {
          const data = { name: declaration.name, other: imported.declaration.spec.keyword, path: imported.source };
          context.report({ messageId: "imported", data, range: declaration.nameRange, related: [{ message: "imported", range: imported.nameRange }] });
        }
        const file = `${declaration.name}.${declaration.spec.outputKind}.json`;
        const first = byName.get(declaration.name);
        if (!first) {
          byName.set(declaration.name, declaration);
          const sameFile = byOutputFile.get(file.toLowerCase());
          if (sameFile) {
            context.report({
              messageId: "caseOnly",
              data: { keyword: declaration.spec.keyword, name: declaration.name, other: sameFile.name, file },
              range: declaration.nameRange,
              related: [{ message: `the ${sameFile.spec.keyword} '${sameFile.name}'`, range: sameFile.nameRange }],
            });
          } else {
            byOutputFile.set(file.toLowerCase(), declaration);
          }
          return;
        }
        const related = [{ message: "first defined", range: first.nameRange }];
        if (first.spec.keyword === declaration.spec.keyword) {
          context.report({
            messageId: "sameKind",
            data: { keyword: declaration.spec.keyword, name: declaration.name, file },
            range: declaration.nameRange,
            related,
          });
        } else {
          context.report({ messageId: "otherKind", data: { name: declaration.name, other: first.spec.keyword }, range: declaration.nameRange, related });
        }
      },
    };
  },
});
