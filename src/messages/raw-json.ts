/** The messages of the raw-json rule (src/check/rules/raw-json.ts), reported by the lowering (src/lower/raw-json.ts, src/lower/lower.ts). */
import { RAW_KEYWORD } from "../model/index.js";
import { defineMessages } from "./catalogue.js";

export const RAW_JSON = defineMessages("raw-json", {
  missingValue: `'${RAW_KEYWORD}' needs a value: a map { … }, a list [ … ], a string, a number, true, false or null.`,
  notJson: `A ${RAW_KEYWORD} value holds JSON only, not {what}: write the value itself.`,
  noMemberField: `${RAW_KEYWORD} members are not allowed in {what}, which has no members: set a field with '<field> ${RAW_KEYWORD} <value>'.`,
  declarationNotMap: `A {keyword} written as ${RAW_KEYWORD} needs a map { … }, not {actual}.`,
});
