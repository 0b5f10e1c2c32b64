/** The rule registry: every rule, in documentation order. */
import type { Rule } from "../rule.js";
import collectionLimit from "./collection-limit.js";
import { DOMAIN_RULES } from "./domain.js";
import invalidArgument from "./invalid-argument.js";
import lookAlike from "./look-alike.js";
import rawJson from "./raw-json.js";
import outputName from "./output-name.js";
import unlistedImport from "./unlisted-import.js";
import requiredField from "./required-field.js";
import { STRUCTURE_RULES } from "./structure.js";
import { TEMPLATE_RULES } from "./templates.js";
import syntaxError from "./syntax-error.js";
import unknownProperty from "./unknown-property.js";
import unusedSuppression from "./unused-suppression.js";

export const ALL_RULES: readonly Rule[] = [
  syntaxError,
  unknownProperty,
  invalidArgument,
  lookAlike,
  rawJson,
  requiredField,
  collectionLimit,
  ...STRUCTURE_RULES,
  ...DOMAIN_RULES,
  outputName,
  unlistedImport,
  ...TEMPLATE_RULES,
  unusedSuppression,
];

export function getRule(id: string): Rule | undefined {
  return ALL_RULES.find((r) => r.meta.id === id);
}
