/** The rule registry: every rule, in documentation order. */
import type { Rule } from "../rule.js";
import actionShape from "./action-shape.js";
import activityTarget from "./activity-target.js";
import blocksTarget from "./blocks-target.js";
import badgeOnCompleted from "./badge-on-completed.js";
import blankValue from "./blank-value.js";
import blockNesting from "./block-nesting.js";
import cardData from "./card-data.js";
import cardEntity from "./card-entity.js";
import cardExtras from "./card-extras.js";
import cardScopeUser from "./card-scope-user.js";
import collectionLimit from "./collection-limit.js";
import duplicateDeclaration from "./duplicate-declaration.js";
import duplicateField from "./duplicate-field.js";
import duplicateKey from "./duplicate-key.js";
import duplicateSection from "./duplicate-section.js";
import duplicateTranslation from "./duplicate-translation.js";
import elementOption from "./element-option.js";
import emptyTranslationMap from "./empty-translation-map.js";
import enumValue from "./enum-value.js";
import fieldSupport from "./field-support.js";
import incomingWithDeadline from "./incoming-with-deadline.js";
import inlineMapWithoutEn from "./inline-map-without-en.js";
import invalidArgument from "./invalid-argument.js";
import keyPattern from "./key-pattern.js";
import lookAlike from "./look-alike.js";
import missingTranslation from "./missing-translation.js";
import outputName from "./output-name.js";
import payloadKind from "./payload-kind.js";
import rawJson from "./raw-json.js";
import requiredField from "./required-field.js";
import runtimeLimit from "./runtime-limit.js";
import stringBoolean from "./string-boolean.js";
import syntaxError from "./syntax-error.js";
import templateArguments from "./template-arguments.js";
import templateStructure from "./template-structure.js";
import templateType from "./template-type.js";
import unknownBadgeCode from "./unknown-badge-code.js";
import unknownCode from "./unknown-code.js";
import unknownFieldName from "./unknown-field-name.js";
import unknownLanguage from "./unknown-language.js";
import unknownParameter from "./unknown-parameter.js";
import unknownProperty from "./unknown-property.js";
import unknownReference from "./unknown-reference.js";
import unknownTranslationKey from "./unknown-translation-key.js";
import unlistedImport from "./unlisted-import.js";
import unresolvedImport from "./unresolved-import.js";
import unusedSuppression from "./unused-suppression.js";
import unusedTranslation from "./unused-translation.js";
import valueFormat from "./value-format.js";
import valueRange from "./value-range.js";
import valueType from "./value-type.js";

export const ALL_RULES: readonly Rule[] = [
  // Reading and placing what is written
  syntaxError,
  payloadKind,
  unknownProperty,
  invalidArgument,
  lookAlike,
  rawJson,
  requiredField,
  collectionLimit,
  // The shape and values of single structures
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
  // Cross-references (translations, declarations, codes) and the domain rules of activities and cards
  // - translations
  unknownTranslationKey,
  missingTranslation,
  unusedTranslation,
  duplicateTranslation,
  inlineMapWithoutEn,
  emptyTranslationMap,
  unknownLanguage,
  // - codes
  unknownCode,
  // - declarations and activities
  duplicateDeclaration,
  unknownReference,
  unknownBadgeCode,
  incomingWithDeadline,
  badgeOnCompleted,
  activityTarget,
  blocksTarget,
  // - cards
  cardEntity,
  cardData,
  cardExtras,
  cardScopeUser,
  duplicateSection,
  duplicateField,
  elementOption,
  unknownFieldName,
  blankValue,
  // Across the files of a project
  outputName,
  unlistedImport,
  // Template parameters, conditions and repetition
  unknownParameter,
  templateType,
  templateStructure,
  runtimeLimit,
  templateArguments,
  unresolvedImport,
  // Suppression comments
  unusedSuppression,
];

export function getRule(id: string): Rule | undefined {
  return ALL_RULES.find((r) => r.meta.id === id);
}
