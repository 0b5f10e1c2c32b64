/**
 * The plugin's rules for JavaScript and TypeScript code (`b24layout/valid-payload`: REST payloads
 * written as object literals), by rule name without the `b24layout/` prefix. The plugin's configs
 * turn them on for the JS/TS file globs, by their `meta.docs.recommended`.
 */
import type { Rule } from "eslint";
import { validPayload } from "./valid-payload.js";

export const CODE_RULES: Record<string, Rule.RuleModule> = { "valid-payload": validPayload };
