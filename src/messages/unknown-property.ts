/** The messages of the unknown-property rule (src/check/rules/unknown-property.ts), reported by the lowering (src/lower/lower.ts: statements) and the rule (map keys); `unknownKeyReport` (src/model/dtos.ts) picks among the unknown-key messages. */
import { defineMessages } from "./catalogue.js";

export const UNKNOWN_PROPERTY = defineMessages("unknown-property", {
  unknownStatement: "Unknown statement '{name}' in {where}.",
  unknownStatementSuggest: "Unknown statement '{name}' in {where}. Did you mean '{suggestion}'?",
  unknownHeadField: "Unknown field '{name}' in {where}: it has no such field.",
  unknownHeadFieldSuggest: "Unknown field '{name}' in {where}: it has no such field. Did you mean '{suggestion}'?",
  lookAlikeStatement: "Unknown statement '{name}' in {where}: {member} {lookAlike}, which timeline records do not have.",
  unknownKey: "Unknown property '{name}' in {where}; the server answers \"Field {name} is not required for {parent}.\"",
  unknownKeySuggest: "Unknown property '{name}' in {where}; the server answers \"Field {name} is not required for {parent}.\" Did you mean '{suggestion}'?",
  unknownKeyIgnored: { text: "Unknown property '{name}' in {where}: the server {note}.", severity: "warning" },
  unknownKeyIgnoredSuggest: { text: "Unknown property '{name}' in {where}: the server {note}. Did you mean '{suggestion}'?", severity: "warning" },
  unknownParameter: "Unknown property '{name}' in {where}: it has no such field.",
  unknownParameterSuggest: "Unknown property '{name}' in {where}: it has no such field. Did you mean '{suggestion}'?",
});
