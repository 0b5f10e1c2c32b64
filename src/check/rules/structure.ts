/** Rules about the shape and values of single structures. */
import type { Rule } from "../rule.js";
import actionShape from "./action-shape.js";
import blockNesting from "./block-nesting.js";
import duplicateKey from "./duplicate-key.js";
import enumValue from "./enum-value.js";
import fieldSupport from "./field-support.js";
import keyPattern from "./key-pattern.js";
import stringBoolean from "./string-boolean.js";
import valueFormat from "./value-format.js";
import valueRange from "./value-range.js";
import valueType from "./value-type.js";

export const STRUCTURE_RULES: readonly Rule[] = [
  valueType,
  stringBoolean,
  enumValue,
  valueFormat,
  valueRange,
  blockNesting,
  keyPattern,
  duplicateKey,
  fieldSupport,
  actionShape,
];
