/**
 * Where a rule's page is: docs/rules/<id>.md in the installed package, as a `file:` URL (what the
 * language server links to; the package has no web site). Found from this module upwards: the
 * bundle (dist/) or the source file (src/eslint/).
 */
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { ruleDocPath, RULE_DOCS_DIR } from "../check/rule-docs.js";
import { findUpward } from "../workspace/index.js";

let root: string | undefined;

export function ruleDocUrl(id: string): string {
  root ??= findUpward(dirname(fileURLToPath(import.meta.url)), [RULE_DOCS_DIR]) ?? dirname(fileURLToPath(import.meta.url));
  return pathToFileURL(join(root, ruleDocPath(id))).href;
}
