/**
 * CRM entity types, their field names, card extras and element options (spec §11–§13).
 */

export interface EntityType {
  /** The word used in `.b24layout` (`card x for deal`). */
  readonly word: string;
  readonly id: number;
  /** The server's name (LEAD, DEAL, …). */
  readonly name: string;
  /** Whether crm.item.details.configuration.* supports the type. */
  readonly cardConfig: boolean;
  /** Whether the legacy crm.<word>.details.configuration.* methods exist. */
  readonly legacyCardMethods: boolean;
  /** The extras key that applies to this type's cards, if any. */
  readonly extras?: string;
  /** REST field names from crm.<entity>.fields (spec §13.2). */
  readonly fields: readonly string[];
}

const UTM = ["UTM_SOURCE", "UTM_MEDIUM", "UTM_CAMPAIGN", "UTM_CONTENT", "UTM_TERM"];
const ADDRESS_PARTS = [
  "ADDRESS", "ADDRESS_2", "ADDRESS_CITY", "ADDRESS_POSTAL_CODE", "ADDRESS_REGION", "ADDRESS_PROVINCE",
  "ADDRESS_COUNTRY", "ADDRESS_COUNTRY_CODE", "ADDRESS_LOC_ADDR_ID",
];

/**
 * A type of the classic CRM (lead, deal, contact, company): its cards are configured by the item
 * methods and by the legacy crm.<word>.details.configuration.* ones.
 */
function classic(word: string, id: number, name: string, more: Pick<EntityType, "fields" | "extras">): EntityType {
  return { word, id, name, cardConfig: true, legacyCardMethods: true, ...more };
}

export const ENTITY_TYPES: readonly EntityType[] = [
  classic("lead", 1, "LEAD", {
    extras: "leadCustomerType",
    fields: [
      "ID", "TITLE", "HONORIFIC", "NAME", "SECOND_NAME", "LAST_NAME", "BIRTHDATE", "COMPANY_TITLE", "SOURCE_ID",
      "SOURCE_DESCRIPTION", "STATUS_ID", "STATUS_DESCRIPTION", "STATUS_SEMANTIC_ID", "POST", ...ADDRESS_PARTS,
      "CURRENCY_ID", "OPPORTUNITY", "IS_MANUAL_OPPORTUNITY", "OPENED", "COMMENTS", "HAS_PHONE", "HAS_EMAIL",
      "HAS_IMOL", "ASSIGNED_BY_ID", "CREATED_BY_ID", "MODIFY_BY_ID", "MOVED_BY_ID", "DATE_CREATE", "DATE_MODIFY",
      "MOVED_TIME", "COMPANY_ID", "CONTACT_ID", "CONTACT_IDS", "IS_RETURN_CUSTOMER", "DATE_CLOSED", "ORIGINATOR_ID",
      "ORIGIN_ID", ...UTM, "LAST_ACTIVITY_TIME", "LAST_ACTIVITY_BY", "PHONE", "EMAIL", "WEB", "IM", "LINK",
    ],
  }),
  classic("deal", 2, "DEAL", {
    extras: "dealCategoryId",
    fields: [
      "ID", "TITLE", "TYPE_ID", "CATEGORY_ID", "STAGE_ID", "STAGE_SEMANTIC_ID", "IS_NEW", "IS_RECURRING",
      "IS_RETURN_CUSTOMER", "IS_REPEATED_APPROACH", "PROBABILITY", "CURRENCY_ID", "OPPORTUNITY",
      "IS_MANUAL_OPPORTUNITY", "TAX_VALUE", "COMPANY_ID", "CONTACT_ID", "CONTACT_IDS", "QUOTE_ID", "BEGINDATE",
      "CLOSEDATE", "OPENED", "CLOSED", "COMMENTS", "ASSIGNED_BY_ID", "CREATED_BY_ID", "MODIFY_BY_ID", "MOVED_BY_ID",
      "DATE_CREATE", "DATE_MODIFY", "MOVED_TIME", "SOURCE_ID", "SOURCE_DESCRIPTION", "LEAD_ID", "ADDITIONAL_INFO",
      "LOCATION_ID", "ORIGINATOR_ID", "ORIGIN_ID", ...UTM, "LAST_ACTIVITY_TIME", "LAST_ACTIVITY_BY",
    ],
  }),
  classic("contact", 3, "CONTACT", {
    fields: [
      "ID", "HONORIFIC", "NAME", "SECOND_NAME", "LAST_NAME", "PHOTO", "BIRTHDATE", "TYPE_ID", "SOURCE_ID",
      "SOURCE_DESCRIPTION", "POST", "COMMENTS", "OPENED", "EXPORT", "HAS_PHONE", "HAS_EMAIL", "HAS_IMOL",
      "ASSIGNED_BY_ID", "CREATED_BY_ID", "MODIFY_BY_ID", "DATE_CREATE", "DATE_MODIFY", "COMPANY_ID", "COMPANY_IDS",
      "LEAD_ID", ...UTM, "LAST_ACTIVITY_TIME", "LAST_ACTIVITY_BY", "PHONE", "EMAIL", "WEB", "IM", "LINK",
      "ORIGINATOR_ID", "ORIGIN_ID", "ORIGIN_VERSION", ...ADDRESS_PARTS,
    ],
  }),
  classic("company", 4, "COMPANY", {
    fields: [
      "ID", "TITLE", "COMPANY_TYPE", "LOGO", "ADDRESS", "BANKING_DETAILS", "INDUSTRY", "EMPLOYEES", "CURRENCY_ID",
      "REVENUE", "OPENED", "COMMENTS", "HAS_PHONE", "HAS_EMAIL", "HAS_IMOL", "IS_MY_COMPANY", "ASSIGNED_BY_ID",
      "CREATED_BY_ID", "MODIFY_BY_ID", "DATE_CREATE", "DATE_MODIFY", "CONTACT_ID", "LEAD_ID", "ORIGINATOR_ID",
      "ORIGIN_ID", "ORIGIN_VERSION", ...UTM, "LAST_ACTIVITY_TIME", "LAST_ACTIVITY_BY", "LAST_COMMUNICATION_TIME",
      "PHONE", "EMAIL", "WEB", "IM", "LINK", "ADDRESS_2", "ADDRESS_CITY", "ADDRESS_POSTAL_CODE", "ADDRESS_REGION",
      "ADDRESS_PROVINCE", "ADDRESS_COUNTRY", "ADDRESS_COUNTRY_CODE", "ADDRESS_LOC_ADDR_ID", "ADDRESS_LEGAL",
      "REG_ADDRESS", "REG_ADDRESS_2", "REG_ADDRESS_CITY", "REG_ADDRESS_POSTAL_CODE", "REG_ADDRESS_REGION",
      "REG_ADDRESS_PROVINCE", "REG_ADDRESS_COUNTRY", "REG_ADDRESS_COUNTRY_CODE", "REG_ADDRESS_LOC_ADDR_ID",
    ],
  }),
  {
    word: "quote",
    id: 7,
    name: "QUOTE",
    cardConfig: true,
    legacyCardMethods: false,
    fields: [
      "ASSIGNED_BY_ID", "BEGINDATE", "CLOSED", "CLOSEDATE", "COMMENTS", "COMPANY_ID", "CONTACT_ID", "CONTACT_IDS",
      "CONTENT", "CREATED_BY_ID", "CURRENCY_ID", "DATE_CREATE", "DATE_MODIFY", "DEAL_ID", "ID", "LEAD_ID",
      "LOCATION_ID", "MODIFY_BY_ID", "MYCOMPANY_ID", "OPENED", "OPPORTUNITY", "PERSON_TYPE_ID", "QUOTE_NUMBER",
      "STATUS_ID", "TAX_VALUE", "TERMS", "TITLE", ...UTM, "LAST_ACTIVITY_TIME", "LAST_ACTIVITY_BY",
      "LAST_COMMUNICATION_TIME", "CLIENT_ADDR", "CLIENT_CONTACT", "CLIENT_EMAIL", "CLIENT_PHONE", "CLIENT_TITLE",
      "CLIENT_TP_ID", "CLIENT_TPA_ID", "ACTUAL_DATE",
    ],
  },
  { word: "invoice", id: 5, name: "INVOICE", cardConfig: false, legacyCardMethods: false, fields: [] },
  { word: "requisite", id: 8, name: "REQUISITE", cardConfig: false, legacyCardMethods: false, fields: [] },
  { word: "order", id: 14, name: "ORDER", cardConfig: false, legacyCardMethods: false, fields: [] },
  { word: "smartInvoice", id: 31, name: "SMART_INVOICE", cardConfig: true, legacyCardMethods: false, fields: [] },
];

/** Card-only composite element names seen in the docs (spec §13.1). */
export const CARD_COMPOSITE_FIELDS: readonly string[] = [
  "CLIENT", "OPPORTUNITY_WITH_CURRENCY", "PRODUCT_ROW_SUMMARY", "RECURRING", "UTM", "OBSERVER", "REQUISITES",
  "REVENUE_WITH_CURRENCY", "CONTACT", "ADDRESS", "PHOTO", "LOGO", "EXPORT", "TRACKING_SOURCE_ID", "COMPANY",
  "MYCOMPANY_ID",
];

/** Element names accepted for any entity: user fields and links to smart processes (spec §13.2). */
export const OPEN_FIELD_PATTERNS: readonly RegExp[] = [/^UF_CRM_[A-Za-z0-9_]+$/, /^PARENT_ID_\d+$/];

/** The extras key for smart processes (any SPA entityTypeId). */
export const SPA_EXTRAS = "categoryId";

/** The smart-process id ranges of `isSmartProcessTypeId`, as messages write them (spec §12). */
export const SMART_PROCESS_TYPE_IDS = "128–192, or an even number from 1030";

/** Smart-process entityTypeIds: 128–192, or even numbers from 1030 (spec §12). */
export function isSmartProcessTypeId(id: number): boolean {
  return Number.isInteger(id) && ((id >= 128 && id <= 192) || (id >= 1030 && id % 2 === 0));
}

const byWord = new Map(ENTITY_TYPES.map((e) => [e.word.toLowerCase(), e]));
const byId = new Map(ENTITY_TYPES.map((e) => [e.id, e]));

export function entityByWord(word: string): EntityType | undefined {
  return byWord.get(word.toLowerCase());
}

export function entityById(id: number): EntityType | undefined {
  return byId.get(id);
}

/** Which element names an element option applies to (spec §11.3). */
export const ELEMENT_OPTION_TARGETS: Readonly<Record<string, readonly string[]>> = {
  defaultAddressType: ["ADDRESS"],
  defaultCountry: ["PHONE", "CLIENT", "COMPANY", "CONTACT", "MYCOMPANY_ID"],
  isPayButtonVisible: ["OPPORTUNITY_WITH_CURRENCY"],
  isPaymentDocumentsVisible: ["OPPORTUNITY_WITH_CURRENCY"],
};

/** Address type ids of crm.enum.addresstype (spec §11.6). The server defines 1–12; portals return a regional subset. */
export const ADDRESS_TYPES: ReadonlyMap<number, string> = new Map([
  [1, "Physical / actual address"],
  [2, "Secondary address"],
  [3, "Third address"],
  [4, "Registered / registration address"],
  [5, "Work address"],
  [6, "Legal address"],
  [7, "Custom address"],
  [8, "Mailing / correspondence address"],
  [9, "Beneficiary address"],
  [10, "Bank address"],
  [11, "Shipping / delivery address"],
  [12, "Billing address"],
]);
