/** src/model, as the rest of src/ sees it (docs/development.md, "Layers"). The Bitrix24 facts, as data: DTOs, fields, statements, entities, methods, languages, icons, limits. Re-exports only. */
export { bindingPlan, BindingPlan, blockDto, blockPlan, bodyDtoOf, bodyFieldIn, bodyTakesFields, type CardFields, cardFieldsOf, claimsWord, CONTENT_BLOCK, declarationByKeyword, headWordBinding, headWordMeaning, headWordsIn, isDirective, isStructural, keywordFieldIn, mapDto, memberDto, omittedByDirectives, rawEntryType, rawFieldIn, rawItemType, rawMemberFieldIn, statementNamesIn } from "./binding.js";
export { CODE_CATALOGUES, SYSTEM_ICON_CODES, SYSTEM_LOGO_CODES } from "./codes.js";
export { ISO_COUNTRY_CODES } from "./countries.js";
export { BLOCK_PROPERTIES_DTO, BLOCK_TYPES, BOOL_TRUE_STRINGS, BOOLEAN_STRINGS, DTOS, fieldsOf, getBlockType, getDto, getField, serverReadsAsTrue, unknownKeyReport } from "./dtos.js";
export { ADDRESS_TYPES, CARD_COMPOSITE_FIELDS, ELEMENT_OPTION_TARGETS, ENTITY_TYPES, entityById, entityByWord, type EntityType, isSmartProcessTypeId, OPEN_FIELD_PATTERNS, SMART_PROCESS_TYPE_IDS, SPA_EXTRAS } from "./entities.js";
export { BITRIX_LANGUAGES, type BitrixLanguage } from "./languages.js";
export { LOOK_ALIKES, type LookAlike } from "./look-alikes.js";
export { methodsOf, REST_RESPONSE } from "./methods.js";
export { requestMethodsOf } from "./requests.js";
export { DECLARATIONS, getDeclaration, implicitWhenAbsent, memberFieldOf, RAW_FORM, RAW_KEYWORD, TRANSLATIONS_KEYWORD } from "./statements.js";
export { CONDITION_WORDS, EACH_IN, EACH_KEYWORD, ELSE_KEYWORD, FRAGMENT_KEYWORD, LIST_MAX_KEYWORD, PARAM_TYPE_NAMES, TEMPLATE_KEYWORDS, USE_KEYWORD, WHEN_KEYWORD } from "./templates.js";
export { type Bound, type CodeCatalogue, type DeclarationSpec, type DirectiveSpec, DOCS_ONLY, type DtoSpec, type EnumValue, type FieldSpec, type FieldType, type Limits, type StatementSpec, type StringFormat, type Support } from "./types.js";
export { methodNames, paramsOfMethod } from "./methods.js";
