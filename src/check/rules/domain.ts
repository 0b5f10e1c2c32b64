/** Rules that cross-reference (translations, declarations, codes) and domain rules of activities and cards. */
import type { Rule } from "../rule.js";

export const DOMAIN_RULES: readonly Rule[] = [];
