/** The messages of the payload-kind rule (src/check/rules/payload-kind.ts), reported by the JSON front end (src/pipeline/json.ts), which recognises what a JSON document is. */
import { defineMessages } from "./catalogue.js";

export const PAYLOAD_KIND = defineMessages("payload-kind", {
  unrecognised: "This JSON is not a payload b24layout knows: {reason}. Expected {expected}. Name its kind with --kind ({kinds}) or with \"kind\" in a config override for the file.",
  notOfKind: "This JSON cannot be checked as {kind}: found {found}, expected {expected}.",
  unknownKind: "'{kind}' is not a kind of payload: expected one of {kinds}.",
  unknownMethod: "'{method}' is not a REST method b24layout checks the params of: expected one of {methods}.",
});
