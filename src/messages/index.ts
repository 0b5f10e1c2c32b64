/** The message catalogues of the rules that are reported on outside their `create` (see catalogue.ts). */
export * from "./catalogue.js";
export { INVALID_ARGUMENT } from "./invalid-argument.js";
export { LOOK_ALIKE } from "./look-alike.js";
export { PAYLOAD_KIND } from "./payload-kind.js";
export { RAW_JSON } from "./raw-json.js";
export { TEMPLATE_ARGUMENTS } from "./template-arguments.js";
export { TEMPLATE_STRUCTURE } from "./template-structure.js";
export { TEMPLATE_TYPE } from "./template-type.js";
export { UNKNOWN_PARAMETER } from "./unknown-parameter.js";
export { UNKNOWN_PROPERTY } from "./unknown-property.js";
export { UNRESOLVED_IMPORT } from "./unresolved-import.js";
