/** Rules that cross-reference (translations, declarations, codes) and domain rules of activities and cards. */
import type { Rule } from "../rule.js";
import activityTarget from "./activity-target.js";
import blocksTarget from "./blocks-target.js";
import badgeOnCompleted from "./badge-on-completed.js";
import blankValue from "./blank-value.js";
import cardData from "./card-data.js";
import cardEntity from "./card-entity.js";
import cardExtras from "./card-extras.js";
import cardScopeUser from "./card-scope-user.js";
import duplicateDeclaration from "./duplicate-declaration.js";
import duplicateField from "./duplicate-field.js";
import duplicateSection from "./duplicate-section.js";
import duplicateTranslation from "./duplicate-translation.js";
import elementOption from "./element-option.js";
import emptyTranslationMap from "./empty-translation-map.js";
import incomingWithDeadline from "./incoming-with-deadline.js";
import inlineMapWithoutEn from "./inline-map-without-en.js";
import missingTranslation from "./missing-translation.js";
import unknownBadgeCode from "./unknown-badge-code.js";
import unknownCode from "./unknown-code.js";
import unknownFieldName from "./unknown-field-name.js";
import unknownLanguage from "./unknown-language.js";
import unknownReference from "./unknown-reference.js";
import unknownTranslationKey from "./unknown-translation-key.js";
import unusedTranslation from "./unused-translation.js";

export const DOMAIN_RULES: readonly Rule[] = [
  // Translations
  unknownTranslationKey,
  missingTranslation,
  unusedTranslation,
  duplicateTranslation,
  inlineMapWithoutEn,
  emptyTranslationMap,
  unknownLanguage,
  // Codes
  unknownCode,
  // Declarations and activities
  duplicateDeclaration,
  unknownReference,
  unknownBadgeCode,
  incomingWithDeadline,
  badgeOnCompleted,
  activityTarget,
  blocksTarget,
  // Cards
  cardEntity,
  cardData,
  cardExtras,
  cardScopeUser,
  duplicateSection,
  duplicateField,
  elementOption,
  unknownFieldName,
  blankValue,
];
