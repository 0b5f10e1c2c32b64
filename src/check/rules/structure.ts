/** Rules about the shape and values of single structures. */
import type { Rule } from "../rule.js";

export const STRUCTURE_RULES: readonly Rule[] = [];
