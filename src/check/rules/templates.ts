/** Rules about template parameters, conditions and repetition. */
import type { Rule } from "../rule.js";
import runtimeLimit from "./runtime-limit.js";
import templateArguments from "./template-arguments.js";
import templateStructure from "./template-structure.js";
import templateType from "./template-type.js";
import unknownParameter from "./unknown-parameter.js";
import unresolvedImport from "./unresolved-import.js";

export const TEMPLATE_RULES: readonly Rule[] = [unknownParameter, templateType, templateStructure, runtimeLimit, templateArguments, unresolvedImport];
