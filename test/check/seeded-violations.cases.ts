/**
 * The seeded violations of the Bitrix24 rules (spec `../shared/spec/bitrix24-layout-spec.md`): each
 * case is one change to a valid base program, with the rule, place, severity and words the checker
 * must answer it with. The bases are checked clean too, so a case proves the finding comes from the
 * change.
 */
import type { CheckOptions } from "../../src/index.js";

/** A timeline record using every part of a LayoutDto (spec §4). */
export const LAYOUT = `layout l {
  icon call-completed
  header "Call" -> redirect "/crm/deal/details/1/" {
    status: tag warning "late" -> redirect "/crm/deal/details/1/"
  }
  body {
    logo call-incoming -> redirect "/crm/deal/details/1/"
    note: text "Hello" multiline bold size sm color base_70 title "hint" scope web
    long: largeText "Long text"
    open: link "Open" bold -> redirect "/crm/deal/details/1/"
    client: withTitle "Client" inline { text "Muller" }
    row: lineOfBlocks {
      a: text "A"
      b: link "B" -> restEvent "b"
      c: deadline readonly
    }
    due: deadline
  }
  footer {
    about: button primary "About" scope web -> openRestApp { clientId: 456 } sliderParams { title: "Client", width: 700 }
    done: button secondary "Done" hideIfReadonly -> restEvent "done" disable
    menu {
      showPinItem false
      showPostponeItem false
      showDeleteItem true
      confirm: item "Confirm" scope mobile hideIfReadonly -> restEvent "confirm" { reason: "x" } loader
    }
  }
}
`;

/** A badge, a layout and two activities (an add and an update) with translations (spec §6, §8, §9). */
export const ACTIVITY = `translations {
  en { status "Call status"; missed "Missed" }
  de { status "Anrufstatus"; missed "Verpasst" }
}

badge missedCall failure {
  title @status
  value { en: "Missed", de: "Verpasst" }
}

layout callLayout {
  icon call
  header @status
  body {
    logo call-outgoing
    text @missed
  }
}

activity call1 {
  ownerTypeId deal
  ownerId 999
  typeId "CONFIGURABLE"
  completed false
  deadline "2025-03-03T10:00:00+01:00"
  pingOffsets [15, 60]
  isIncomingChannel false
  responsibleId 1
  badgeCode missedCall
  originatorId "crm-app"
  originId "42"
  layout callLayout
}

activity update1 {
  id 42
  completed true
}
`;

/** Card configurations of several entities and additional content blocks (spec §5, §11, §12). */
export const CARD = `card dealCard for deal {
  scope common
  dealCategoryId 32
  main: section "About the deal" {
    TITLE always
    OPPORTUNITY_WITH_CURRENCY { isPayButtonVisible false; isPaymentDocumentsVisible true }
    CLIENT always { defaultCountry "DE" }
    UF_CRM_1700000000
  }
  more: section "More" {
    COMMENTS
  }
}

card contactCard for contact {
  scope personal
  userId 1
  main: section "Personal" {
    NAME always
    PHONE { defaultCountry "GB" }
    ADDRESS { defaultAddressType 4 }
  }
}

card leadCard for lead legacy {
  leadCustomerType 2
  main: section "Lead" { TITLE }
}

card spaCard for 156 {
  categoryId 3
  main: section "Main" { TITLE; PARENT_ID_2 }
}

blocks extra {
  note: text "Order" bold
  row: lineOfBlocks { a: text "A"; b: deadline }
  who: withTitle "Courier" { link "Open" -> redirect "https://example.com/" }
}
`;

export const BASES = { LAYOUT, ACTIVITY, CARD } as const;

export interface SeededCase {
  /** The spec section that states the rule. */
  readonly spec: string;
  /** What the change breaks. */
  readonly violation: string;
  readonly base: keyof typeof BASES;
  /** The text replaced (it occurs exactly once in the base)… */
  readonly from: string;
  /** …and what replaces it. */
  readonly to: string;
  readonly rule: string;
  /** `line:column` of the finding's start. */
  readonly at: string;
  readonly severity: "error" | "warning";
  /** Words the message must contain: the server's text where the spec gives one, or the offending name. */
  readonly says: string;
  /** Checked with these options (`target: "docs"`). */
  readonly options?: CheckOptions;
  /** Checked as a project of one file (`checkProject`): the project rules. */
  readonly project?: true;
  /** The rules of the other findings the change rightly brings (a field the docs do not describe, say); there must be no others. */
  readonly also?: readonly string[];
}

/** `n` lines of `make(i)` (i from 1), for the limits. */
export const lines = (n: number, make: (i: number) => string): string => Array.from({ length: n }, (_, i) => make(i + 1)).join("\n");

type Row = [
  spec: string,
  violation: string,
  base: keyof typeof BASES,
  from: string,
  to: string,
  rule: string,
  at: string,
  severity: "error" | "warning",
  says: string,
  options?: CheckOptions & { project?: true; also?: readonly string[] },
];

const row = ([spec, violation, base, from, to, rule, at, severity, says, options]: Row): SeededCase => {
  const { project, also, ...checkOptions } = options ?? {};
  return {
    spec, violation, base, from, to, rule, at, severity, says,
    ...(Object.keys(checkOptions).length > 0 ? { options: checkOptions } : {}),
    ...(project ? { project } : {}),
    ...(also ? { also } : {}),
  };
};

const E = "error" as const;
const W = "warning" as const;
const DOCS = { target: "docs" } as const;
const PROJECT = { project: true } as const;

const TAG = 'status: tag warning "late" -> redirect "/crm/deal/details/1/"';
const NOTE = 'note: text "Hello" multiline bold size sm color base_70 title "hint" scope web';
const LONG = 'long: largeText "Long text"';
const OPEN = 'open: link "Open" bold -> redirect "/crm/deal/details/1/"';
const CLIENT = 'client: withTitle "Client" inline { text "Muller" }';
const DONE = 'done: button secondary "Done" hideIfReadonly -> restEvent "done" disable';
const CONFIRM = 'confirm: item "Confirm" scope mobile hideIfReadonly -> restEvent "confirm" { reason: "x" } loader';

export const CASES: readonly SeededCase[] = ([
  // §2.1 closed objects: FIELD_IS_REDUNDANT
  ["§2.1 §4.1", "a field LayoutDto does not have", "LAYOUT", "  icon call-completed\n", "  icon call-completed\n  subtitle \"x\"\n", "unknown-property", "3:3", E, "subtitle"],
  ["§2.1 §4.2", "a field IconDto does not have", "LAYOUT", "icon call-completed", "icon call-completed { color \"red\" }", "unknown-property", "2:25", E, "color"],
  ["§2.1 §4.3", "a field HeaderDto does not have", "LAYOUT", "  }\n  body {", "    subtitle \"x\"\n  }\n  body {", "unknown-property", "5:5", E, "subtitle"],
  ["§2.1 §4.4", "a field TagDto does not have", "LAYOUT", TAG, `${TAG} { color "red" }`, "unknown-property", "4:69", E, "color"],
  ["§2.1 §4.5", "a field BodyDto does not have", "LAYOUT", "    due: deadline\n", "    due: deadline\n    title \"x\"\n", "unknown-property", "18:5", E, "title"],
  ["§2.1 §4.5", "a field LogoDto does not have", "LAYOUT", 'logo call-incoming -> redirect "/crm/deal/details/1/"', 'logo call-incoming -> redirect "/crm/deal/details/1/" { size "big" }', "unknown-property", "7:61", E, "size"],
  ["§2.1 §4.6", "a property text does not have", "LAYOUT", NOTE, `${NOTE} italic true`, "unknown-property", "8:84", E, "italic"],
  ["§2.1 §4.6", "a property largeText does not have (bold)", "LAYOUT", LONG, `${LONG} bold true`, "unknown-property", "9:33", E, "bold"],
  ["§2.1 §4.6", "a property link does not have", "LAYOUT", OPEN, `${OPEN} { color base_70 }`, "unknown-property", "10:65", E, "color"],
  ["§2.1 §4.6", "a misspelt flag with its value", "LAYOUT", OPEN, 'open: link "Open" bolt true -> redirect "/crm/deal/details/1/"', "invalid-argument", "10:23", E, "Did you mean 'bold'?"],
  ["§2.1 §4.6", "a property withTitle does not have", "LAYOUT", CLIENT, 'client: withTitle "Client" inline bold true { text "Muller" }', "unknown-property", "11:39", E, "bold"],
  ["§2.1 §4.6", "a property lineOfBlocks does not have", "LAYOUT", "row: lineOfBlocks {", "row: lineOfBlocks inline true {", "unknown-property", "12:23", E, "inline"],
  ["§2.1 §4.6", "a property deadline does not have", "LAYOUT", "due: deadline", "due: deadline bold true", "unknown-property", "17:19", E, "bold"],
  ["§2.1 §4.6", "a raw content block with a key beside type and properties", "LAYOUT", "due: deadline", 'due: json { type: "deadline", title: "x" }', "unknown-property", "17:35", E, "title"],
  ["§2.1 §4.6", "a raw text block's properties with an unknown key", "LAYOUT", "due: deadline", 'due: json { type: "text", properties: { value: "x", weight: 700 } }', "unknown-property", "17:57", E, "weight"],
  ["§2.1 §4.8", "a field FooterDto does not have", "LAYOUT", "    menu {\n", "    align \"left\"\n    menu {\n", "unknown-property", "22:5", E, "align"],
  ["§2.1 §4.9", "a field FooterButtonDto does not have", "LAYOUT", DONE, `${DONE} { color "red" }`, "unknown-property", "21:80", E, "color"],
  ["§2.1 §4.10", "a field FooterMenuDto does not have", "LAYOUT", "      showDeleteItem true\n", "      showDeleteItem true\n      showCopyItem false\n", "unknown-property", "26:7", E, "showCopyItem"],
  ["§2.1 §4.11", "a field MenuItemDto does not have", "LAYOUT", CONFIRM, `${CONFIRM} { icon "x" }`, "unknown-property", "26:107", E, "icon"],
  ["§2.1 §4.12", "a field ActionDto does not have", "LAYOUT", 'header "Call" -> redirect "/crm/deal/details/1/" {', 'header "Call" {\n    titleAction json { type: "redirect", uri: "/crm/deal/details/1/", target: "_blank" }', "unknown-property", "4:71", E, "target"],
  ["§2.1 §4.12", "a field ActionSliderParamsDto does not have", "LAYOUT", "sliderParams { title: \"Client\", width: 700 }", "sliderParams { title: \"Client\", height: 700 }", "unknown-property", "20:110", E, "height"],
  ["§2.1 §5", "a field RestAppLayoutDto does not have", "CARD", "blocks extra {\n", "blocks extra {\n  title \"x\"\n", "unknown-property", "36:3", E, "title"],
  ["§2.1 §8", "a field a badge does not have", "ACTIVITY", "  value { en: \"Missed\", de: \"Verpasst\" }\n", "  value { en: \"Missed\", de: \"Verpasst\" }\n  color \"red\"\n", "unknown-property", "9:3", E, "color"],
  ["§2.1 §11.2", "a raw section with a key sections do not have (the server does not check it)", "CARD", "    COMMENTS\n  }", '    COMMENTS\n  }\n  json { name: "x", title: "X", collapsed: true }', "unknown-property", "13:33", W, "collapsed"],
  ["§6", "raw activity fields with a key fields do not have (the server ignores it)", "ACTIVITY", "  id 42\n  completed true", '  id 42\n  fields json { completed: true, subject: "x" }', "unknown-property", "37:34", W, "subject"],
  ["§11.2", "a raw card field with a key fields do not have (the server drops it)", "CARD", "    COMMENTS\n", '    json { name: "COMMENTS", width: 2 }\n', "unknown-property", "11:30", W, "width"],
  ["§11.3", "a raw card field with an option no field reads", "CARD", "    COMMENTS\n", '    json { name: "COMMENTS", options: { mask: "+7" } }\n', "unknown-property", "11:41", W, "mask"],

  // §2.2 required fields: FIELD_IS_REQUIRED
  ["§2.2 §4.1", "a layout without icon", "LAYOUT", "  icon call-completed\n", "", "required-field", "1:8", E, "Field icon is required for LayoutDto."],
  ["§2.2 §4.1", "a layout without header", "LAYOUT", '  header "Call" -> redirect "/crm/deal/details/1/" {\n    status: tag warning "late" -> redirect "/crm/deal/details/1/"\n  }\n', "", "required-field", "1:8", E, "Field header is required for LayoutDto."],
  ["§2.2 §4.1", "a layout without body", "ACTIVITY", "  header @status\n  body {\n    logo call-outgoing\n    text @missed\n  }\n", "  header @missed\n", "required-field", "11:8", E, "Field body is required for LayoutDto."],
  ["§2.2 §4.2", "an icon without code", "LAYOUT", "icon call-completed", "icon json {}", "required-field", "2:13", E, "Field code is required for IconDto."],
  ["§2.2 §4.3", "a header without title", "LAYOUT", 'header "Call" -> redirect', "header -> redirect", "required-field", "3:3", E, "Field title is required for HeaderDto."],
  ["§2.2 §4.4", "a tag without title", "LAYOUT", TAG, 'status: tag warning -> redirect "/crm/deal/details/1/"', "required-field", "4:5", E, "Field title is required for TagDto."],
  ["§2.2 §4.4", "a tag without type", "LAYOUT", TAG, 'status: tag "late" -> redirect "/crm/deal/details/1/"', "required-field", "4:5", E, "Field type is required for TagDto."],
  ["§2.2 §4.5", "a body without logo", "LAYOUT", '    logo call-incoming -> redirect "/crm/deal/details/1/"\n', "", "required-field", "6:3", E, "Field logo is required for BodyDto."],
  ["§2.2 §4.5", "a raw body without blocks (absent is not empty)", "ACTIVITY", "  header @status\n  body {\n    logo call-outgoing\n    text @missed\n  }\n", '  header @missed\n  body json { logo: { code: "call-outgoing" } }\n', "required-field", "14:13", E, "Field blocks is required for BodyDto."],
  ["§2.2 §4.5", "a logo without code", "LAYOUT", 'logo call-incoming -> redirect "/crm/deal/details/1/"', 'logo -> redirect "/crm/deal/details/1/"', "required-field", "7:5", E, "Field code is required for LogoDto."],
  ["§2.2 §4.6", "a text block without value", "LAYOUT", NOTE, "note: text multiline bold", "required-field", "8:5", E, "Field value is required for TextDto."],
  ["§2.2 §4.6", "a text block with no properties (the server checks none)", "LAYOUT", NOTE, "note: text", "required-field", "8:5", W, "value"],
  ["§2.2 §4.6", "a text block with no properties, checked against the docs", "LAYOUT", NOTE, "note: text", "required-field", "8:5", E, "value", DOCS],
  ["§2.2 §4.6", "a link block with no properties", "LAYOUT", OPEN, "open: link", "required-field", "10:5", W, "text", { also: ["required-field"] }],
  ["§2.2 §4.6", "a largeText block with its properties but no value", "LAYOUT", LONG, "long: largeText scope web", "required-field", "9:5", E, "Field value is required for LargeTextDto."],
  ["§2.2 §4.6", "a link block without text", "LAYOUT", OPEN, 'open: link bold -> redirect "/crm/deal/details/1/"', "required-field", "10:5", E, "Field text is required for LinkDto."],
  ["§2.2 §4.6", "a link block without action", "LAYOUT", OPEN, 'open: link "Open" bold', "required-field", "10:5", E, "Field action is required for LinkDto."],
  ["§2.2 §4.6", "a withTitle block without its block", "LAYOUT", CLIENT, 'client: withTitle "Client" inline', "required-field", "11:5", E, "Field block is required for WithTitleDto."],
  ["§2.2 §4.6 §14.8", "a withTitle block without title (docs only)", "LAYOUT", CLIENT, 'client: withTitle inline { text "Muller" }', "required-field", "11:5", W, "title"],
  ["§2.2 §4.6 §14.8", "a withTitle block without title, checked against the docs", "LAYOUT", CLIENT, 'client: withTitle inline { text "Muller" }', "required-field", "11:5", E, "title", DOCS],
  ["§2.2 §4.6", "a raw lineOfBlocks without blocks", "LAYOUT", "due: deadline", 'due: json { type: "lineOfBlocks", properties: { scope: "web" } }', "required-field", "17:51", E, "Field blocks is required for LineOfBlocksDto."],
  ["§2.2 §4.6", "a raw content block without type", "LAYOUT", "due: deadline", 'due: json { properties: { readonly: true } }', "required-field", "17:15", E, "Field type is required for ContentBlockDto."],
  ["§2.2 §4.9", "a footer button without title", "LAYOUT", DONE, 'done: button secondary hideIfReadonly -> restEvent "done" disable', "required-field", "21:5", E, "Field title is required for FooterButtonDto."],
  ["§2.2 §4.9", "a footer button without type", "LAYOUT", DONE, 'done: button "Done" hideIfReadonly -> restEvent "done" disable', "required-field", "21:5", E, "Field type is required for FooterButtonDto."],
  ["§2.2 §4.9", "a footer button without action", "LAYOUT", DONE, 'done: button secondary "Done" hideIfReadonly', "required-field", "21:5", E, "Field action is required for FooterButtonDto."],
  ["§2.2 §4.11", "a menu item without title", "LAYOUT", CONFIRM, 'confirm: item scope mobile -> restEvent "confirm" loader', "required-field", "26:7", E, "Field title is required for MenuItemDto."],
  ["§2.2 §4.11", "a menu item without action", "LAYOUT", CONFIRM, 'confirm: item "Confirm" scope mobile', "required-field", "26:7", E, "Field action is required for MenuItemDto."],
  ["§2.2 §4.12", "a raw action without type", "LAYOUT", 'header "Call" -> redirect "/crm/deal/details/1/" {', 'header "Call" {\n    titleAction json { uri: "/crm/deal/details/1/" }', "required-field", "4:22", E, "Field type is required for ActionDto."],
  ["§4.12 §14.9", "a redirect without uri (server-required)", "LAYOUT", 'header "Call" -> redirect "/crm/deal/details/1/" {', 'header "Call" -> redirect {', "required-field", "3:17", E, "Field uri is required for ActionDto."],
  ["§4.12", "a restEvent without id", "LAYOUT", DONE, 'done: button secondary "Done" -> restEvent disable', "required-field", "21:35", E, "Field id is required for ActionDto."],
  ["§2.2 §5", "raw additional blocks without blocks", "CARD", 'blocks extra {\n  note: text "Order" bold\n  row: lineOfBlocks { a: text "A"; b: deadline }\n  who: withTitle "Courier" { link "Open" -> redirect "https://example.com/" }\n}', "blocks extra json {}", "required-field", "35:8", E, "Field blocks is required for RestAppLayoutBlocksDto."],
  ["§8", "a badge without title", "ACTIVITY", "  title @status\n", "", "required-field", "6:7", E, "title"],
  ["§8", "a badge without value", "ACTIVITY", '  value { en: "Missed", de: "Verpasst" }\n', "", "required-field", "6:7", E, "value"],
  ["§8", "a badge without type", "ACTIVITY", "badge missedCall failure {", "badge missedCall {", "required-field", "6:7", E, "type"],
  ["§8", "a raw badge without code", "ACTIVITY", 'badge missedCall failure {\n  title @status\n  value { en: "Missed", de: "Verpasst" }\n}', 'badge missedCall json { title: "T", value: "V", type: "failure" }', "required-field", "6:7", E, "code"],
  ["§11.2", "a section without name", "CARD", 'more: section "More" {', 'section "More" {', "required-field", "10:3", E, "name"],
  ["§11.2", "a section without title", "CARD", 'more: section "More" {', "more: section {", "required-field", "10:3", E, "title"],
  ["§11.1", "a raw card without data", "CARD", 'card leadCard for lead legacy {\n  leadCustomerType 2\n  main: section "Lead" { TITLE }\n}', 'card leadCard for lead legacy json { extras: { leadCustomerType: 2 } }', "required-field", "25:6", E, "data"],
  ["§11.2", "a raw element without name", "CARD", "    COMMENTS\n", '    json { optionFlags: 1 }\n', "required-field", "11:10", E, "name"],

  // §2.3 nested objects must be objects: WRONG_FIELD_VALUE
  ["§2.3 §4.1", "a header that is not an object", "LAYOUT", 'header "Call" -> redirect "/crm/deal/details/1/" {\n    status: tag warning "late" -> redirect "/crm/deal/details/1/"\n  }', 'header json "Call"', "value-type", "3:15", E, "header"],
  ["§2.3 §4.5", "a logo that is not an object", "LAYOUT", 'logo call-incoming -> redirect "/crm/deal/details/1/"', 'logo json "call-incoming"', "value-type", "7:15", E, "logo"],
  ["§2.3 §4.6", "a withTitle block that is not an object", "LAYOUT", CLIENT, 'client: withTitle "Client" { block json "x" }', "value-type", "11:45", E, "block"],
  ["§2.3 §4.12", "an action that is not an object", "LAYOUT", 'header "Call" -> redirect "/crm/deal/details/1/" {', 'header "Call" {\n    titleAction json "/crm/deal/details/1/"', "value-type", "4:22", E, "titleAction"],
  ["§2.3 §4.12", "sliderParams that are not an object", "LAYOUT", 'header "Call" -> redirect "/crm/deal/details/1/" {', 'header "Call" {\n    titleAction json { type: "openRestApp", sliderParams: 700 }', "value-type", "4:59", E, "sliderParams"],

  // §2.4 associative collections
  ["§2.4", "a block that is not an object", "LAYOUT", "due: deadline", 'due: json "deadline"', "value-type", "17:15", E, "due"],
  ["§2.4", "a tag that is not an object", "LAYOUT", TAG, 'status: json "late"', "value-type", "4:18", E, "status"],
  ["§2.4", "a footer button that is not an object", "LAYOUT", DONE, 'done: json ["Done"]', "value-type", "21:16", E, "done"],
  ["§2.4", "a menu item that is not an object", "LAYOUT", CONFIRM, "confirm: json 1", "value-type", "26:21", E, "confirm"],
  ["§2.4", "body blocks that are not a map", "ACTIVITY", "  header @status\n  body {\n    logo call-outgoing\n    text @missed\n  }\n", '  header @missed\n  body { logo call-outgoing; blocks json "none" }\n', "value-type", "14:42", E, "blocks"],
  ["§2.4", "a block key with a space", "LAYOUT", "due: deadline", '"due date": deadline', "key-pattern", "17:5", E, "due date"],
  ["§2.4", "a block key with a dot", "LAYOUT", "due: deadline", '"due.date": deadline', "key-pattern", "17:5", E, "due.date"],
  ["§2.4", "a block key with a non-Latin letter", "LAYOUT", "due: deadline", '"срок": deadline', "key-pattern", "17:5", E, "срок"],
  ["§2.4", "a tag key with a slash", "LAYOUT", "status: tag", '"a/b": tag', "key-pattern", "4:5", E, "a/b"],
  ["§2.4", "a button key with a colon", "LAYOUT", "done: button", '"a:b": button', "key-pattern", "21:5", E, "a:b"],
  ["§2.4", "a menu item key with a space", "LAYOUT", "confirm: item", '"con firm": item', "key-pattern", "26:7", E, "con firm"],
  ["§2.4", "a lineOfBlocks key with a plus", "LAYOUT", '      a: text "A"', '      "a+b": text "A"', "key-pattern", "13:7", E, "a+b"],
  ["§2.4 §4.12", "an actionParams key with a space", "LAYOUT", "{ clientId: 456 }", '{ "client id": 456 }', "key-pattern", "20:62", E, "client id"],
  ["§2.4", "an empty block key", "LAYOUT", "due: deadline", '"": deadline', "key-pattern", "17:5", E, ""],
  ["§2.4 §7", "three header tags", "LAYOUT", TAG, `${TAG}\n    two: tag success "ok"\n    three: tag primary "VIP"`, "collection-limit", "6:5", E, "The field tags of HeaderDto can only contain up to 2 values."],
  ["§2.4 §7", "three footer buttons", "LAYOUT", DONE, `${DONE}\n    third: button primary "Third" -> restEvent "third"`, "collection-limit", "22:5", E, "The field buttons of FooterDto can only contain up to 2 values."],
  ["§2.4 §7", "21 body blocks", "LAYOUT", "    due: deadline\n", `    due: deadline\n${lines(15, (i) => `    t${i}: text "${i}"`)}\n`, "collection-limit", "32:5", E, "The field blocks of BodyDto can only contain up to 20 values."],
  ["§2.4 §7", "21 blocks in a lineOfBlocks", "LAYOUT", '      c: deadline readonly\n', `      c: deadline readonly\n${lines(18, (i) => `      t${i}: text "${i}"`)}\n`, "collection-limit", "33:7", E, "The field blocks of LineOfBlocksDto can only contain up to 20 values."],
  ["§2.4 §7 §14.12", "11 menu items", "LAYOUT", `      ${CONFIRM}\n`, `      ${CONFIRM}\n${lines(10, (i) => `      i${i}: item "${i}" -> restEvent "i${i}"`)}\n`, "collection-limit", "36:7", E, "The field items of FooterMenuDto can only contain up to 10 values."],
  ["§2.4 §7 §5", "21 additional content blocks", "CARD", '  note: text "Order" bold\n', `  note: text "Order" bold\n${lines(18, (i) => `  t${i}: text "${i}"`)}\n`, "collection-limit", "56:3", E, "The field blocks of RestAppLayoutBlocksDto can only contain up to 20 values."],
  ["§4.12 §7", "21 actionParams", "LAYOUT", "{ clientId: 456 }", `{ ${lines(21, (i) => `p${i}: ${i}`).replace(/\n/g, ", ")} }`, "collection-limit", "20:224", E, "actionParams"],
  ["§4.5 §7 §14.3", "a body with no blocks (docs: at least 1)", "ACTIVITY", "  header @status\n  body {\n    logo call-outgoing\n    text @missed\n", "  header @missed\n  body {\n    logo call-outgoing\n", "collection-limit", "14:3", W, "at least 1"],
  ["§4.5 §7 §14.3", "a body with no blocks, checked against the docs", "ACTIVITY", "  header @status\n  body {\n    logo call-outgoing\n    text @missed\n", "  header @missed\n  body {\n    logo call-outgoing\n", "collection-limit", "14:3", E, "at least 1", DOCS],
  ["§5 §7", "additional blocks with no blocks (docs: at least 1)", "CARD", 'blocks extra {\n  note: text "Order" bold\n  row: lineOfBlocks { a: text "A"; b: deadline }\n  who: withTitle "Courier" { link "Open" -> redirect "https://example.com/" }\n}', "blocks extra {}", "collection-limit", "35:8", W, "at least 1"],

  // §2.5 enumerations
  ["§2.5 §4.4", "a tag type outside the enum", "LAYOUT", "tag warning", "tag type orange", "enum-value", "4:22", E, "orange"],
  ["§4.4", "tag type lavender (internal, rejected via REST)", "LAYOUT", "tag warning", "tag lavender", "enum-value", "4:17", E, "lavender"],
  ["§2.5 §4.6", "text size outside the enum", "LAYOUT", "size sm", "size lg", "enum-value", "8:44", E, "lg"],
  ["§2.5 §4.6 §14.14", "text colour green (old docs only)", "LAYOUT", "color base_70", "color green", "enum-value", "8:53", E, "green"],
  ["§2.5 §4.6", "text colour outside the enum", "LAYOUT", "color base_70", "color base_80", "enum-value", "8:53", E, "base_80"],
  ["§2.5 §4.9", "button type ai (internal, not via REST)", "LAYOUT", "button secondary", "button ai", "enum-value", "21:18", E, "ai"],
  ["§2.5 §4.9", "button type outside the enum", "LAYOUT", "button secondary", "button type danger", "enum-value", "21:23", E, "danger"],
  ["§3 §4.9", "button scope outside web|mobile", "LAYOUT", "button primary \"About\" scope web", "button primary \"About\" scope desktop", "enum-value", "20:41", E, "desktop"],
  ["§3 §4.11", "menu item scope outside web|mobile", "LAYOUT", "scope mobile", "scope tablet", "enum-value", "26:37", E, "tablet"],
  ["§3 §4.6", "content block scope outside web|mobile (server does not validate it)", "LAYOUT", "title \"hint\" scope web", "title \"hint\" scope desktop", "enum-value", "8:80", W, "desktop"],
  ["§2.5 §4.12", "action type outside the enum", "LAYOUT", '-> restEvent "done" disable', '-> openUrl "done"', "enum-value", "21:53", E, "openUrl"],
  ["§2.5 §4.12", "animationType outside the enum", "LAYOUT", '{ reason: "x" } loader', '{ reason: "x" } animationType spinner', "enum-value", "26:112", E, "spinner"],
  ["§4.12", "labelBgColor outside the enum", "LAYOUT", 'sliderParams { title: "Client", width: 700 }', 'sliderParams { title: "Client", width: 700, labelBgColor: "red" }', "enum-value", "20:136", E, "red", { also: ["field-support"] }],
  ["§2.5 §8", "badge type lavender", "ACTIVITY", "badge missedCall failure {", "badge missedCall lavender {", "enum-value", "6:18", E, "lavender"],
  ["§2.5 §8", "badge type in another case (strict match)", "ACTIVITY", "badge missedCall failure {", "badge missedCall {\n  type \"Failure\"", "enum-value", "7:8", E, "Failure"],
  ["§11.1", "card scope outside P|C", "CARD", "scope common", 'scope "X"', "enum-value", "2:9", E, "X"],
  ["§11.2", "optionFlags outside 0|1", "CARD", "    COMMENTS\n", "    COMMENTS optionFlags 2\n", "enum-value", "11:26", E, "2"],
  ["§11.4", "leadCustomerType outside 1|2", "CARD", "leadCustomerType 2", "leadCustomerType 3", "enum-value", "26:20", E, "3"],

  // §2.6 scalar leaves: the server casts silently
  ["§2.6", "bold written as the string \"yes\" (cast to false)", "LAYOUT", "multiline bold size sm", 'multiline bold "yes" size sm', "value-type", "8:39", E, "yes"],
  ["§2.6 §14.1", "a boolean written as the string \"true\"", "LAYOUT", "client: withTitle \"Client\" inline {", 'client: withTitle "Client" inline "true" {', "string-boolean", "11:39", W, "true"],
  ["§2.6 §14.1", "showPostponeItem as the string \"false\" (the docs' quirk)", "LAYOUT", "showPostponeItem false", 'showPostponeItem "false"', "string-boolean", "24:24", W, "false"],
  ["§2.6", "multiline as a number", "LAYOUT", "multiline bold", "multiline 1 bold", "value-type", "8:34", W, "multiline"],
  ["§2.6", "width written as \"700px\" (cast to 700)", "LAYOUT", "width: 700 }", 'width: "700px" }', "value-type", "20:117", E, "700px"],
  ["§2.6", "readonly as the string \"N\" (cast to false)", "LAYOUT", "c: deadline readonly", 'c: deadline readonly "N"', "string-boolean", "15:28", W, "N"],
  ["§2.6", "a text value that is a list", "LAYOUT", NOTE, 'note: text { value json ["Hello"] }', "value-type", "8:29", E, "value"],
  ["§2.6", "hideIfReadonly as a map", "LAYOUT", DONE, 'done: button secondary "Done" -> restEvent "done" disable { hideIfReadonly json { a: 1 } }', "value-type", "21:85", E, "hideIfReadonly"],

  ["§2.4 §14.22", "body blocks as a JSON list (read as keys 0, 1, …)", "CARD", 'blocks extra {\n  note: text "Order" bold\n  row: lineOfBlocks { a: text "A"; b: deadline }\n  who: withTitle "Courier" { link "Open" -> redirect "https://example.com/" }\n}', 'blocks extra {\n  blocks json [{ type: "text", properties: { value: "x" } }]\n}', "value-type", "36:15", W, "list"],
  ["§2.6 §4.10", "showPinItem as the string \"N\"", "LAYOUT", "showPinItem false", 'showPinItem "N"', "string-boolean", "23:19", W, "N"],
  ["§2.6 §11.3", "isPayButtonVisible as the string \"true\" (the docs' quirk)", "CARD", "isPayButtonVisible false", 'isPayButtonVisible "true"', "string-boolean", "6:52", W, "true"],
  ["§11.2", "section elements that are not a list (read as none)", "CARD", "    COMMENTS\n  }", '    COMMENTS\n  }\n  json { name: "x", title: "X", elements: "none" }', "value-type", "13:43", E, "elements"],

  // §3 textWithTranslation
  ["§3", "a text value that is a number (cast to a string)", "LAYOUT", 'long: largeText "Long text"', "long: largeText 42", "value-type", "9:21", W, "42"],
  ["§3 §9", "a language map with a language that does not exist", "ACTIVITY", 'value { en: "Missed", de: "Verpasst" }', 'value { en: "Missed", xx: "Verpasst" }', "unknown-language", "8:25", E, "xx"],
  ["§3 §9", "a layout text map with an unknown language (WRONG_LANG)", "LAYOUT", 'header "Call"', 'header { en: "Call", english: "Call" }', "unknown-language", "3:24", E, "The language english was not found."],
  ["§3 §9", "a language map value that is not a string", "LAYOUT", 'header "Call"', 'header { en: "Call", de: 5 }', "value-type", "3:28", E, "de"],
  ["§3", "an empty language map", "LAYOUT", 'long: largeText "Long text"', "long: largeText { value json {} }", "empty-translation-map", "9:34", W, "empty"],
  ["§3", "a language map without en", "LAYOUT", 'header "Call"', 'header { de: "Anruf" }', "inline-map-without-en", "3:10", W, "en"],
  ["§3", "a language map on sliderParams.title (a plain string)", "LAYOUT", 'sliderParams { title: "Client", width: 700 }', 'sliderParams { title: { en: "Client" }, width: 700 }', "value-type", "20:100", E, "title"],
  ["§3 §11.2", "a language map as a section title (cards have none)", "CARD", 'more: section "More" {', 'more: section { en: "More" } {', "value-type", "10:17", E, "title"],
  ["§3 §4.4 §14.7", "scope on a tag (the server's TagDto has none)", "LAYOUT", "tag warning \"late\" ->", "tag warning \"late\" scope web ->", "field-support", "4:32", E, "scope"],
  ["§4.4 §14.7", "hideIfReadonly on a tag (the server's TagDto has none)", "LAYOUT", "tag warning \"late\" ->", "tag warning \"late\" hideIfReadonly ->", "field-support", "4:32", E, "hideIfReadonly"],

  // §4.2 / §4.5 / §10 codes
  ["§4.2 §10.1", "an icon code that is not a system icon", "LAYOUT", "icon call-completed", "icon call-complete", "unknown-code", "2:8", W, "call-complete"],
  ["§4.5 §10.2 §14.15", "logo `call` (an icon code, not a logo)", "LAYOUT", "logo call-incoming", "logo call", "unknown-code", "7:10", W, "call"],
  ["§10.1", "icon IM in lower case", "LAYOUT", "icon call-completed", "icon im", "unknown-code", "2:8", W, "im"],
  ["§10.2", "logo with a typo", "LAYOUT", "logo call-incoming", "logo call-incomming", "unknown-code", "7:10", W, "call-incomming"],

  // §4.7 nesting
  ["§4.7", "withTitle inside withTitle", "LAYOUT", CLIENT, 'client: withTitle "Client" { withTitle "Inner" { text "x" } }', "block-nesting", "11:34", E, "withTitle"],
  ["§4.7", "largeText inside withTitle", "LAYOUT", CLIENT, 'client: withTitle "Client" { largeText "x" }', "block-nesting", "11:34", E, "largeText"],
  ["§4.7", "lineOfBlocks inside withTitle", "LAYOUT", CLIENT, 'client: withTitle "Client" { lineOfBlocks { text "x" } }', "block-nesting", "11:34", E, "lineOfBlocks"],
  ["§4.7", "lineOfBlocks inside lineOfBlocks", "LAYOUT", '      c: deadline readonly', '      c: lineOfBlocks { text "x" }', "block-nesting", "15:10", E, "lineOfBlocks"],
  ["§4.7", "largeText inside lineOfBlocks (not the last child)", "LAYOUT", '      a: text "A"', '      a: largeText "A"', "block-nesting", "13:10", E, "largeText"],
  ["§4.7", "withTitle inside lineOfBlocks", "LAYOUT", '      a: text "A"', '      a: withTitle "A" { text "x" }', "block-nesting", "13:10", E, "withTitle"],
  ["§4.7 §5", "withTitle inside a lineOfBlocks of additional blocks", "CARD", "b: deadline }", 'b: withTitle "x" { text "y" } }', "block-nesting", "37:39", E, "withTitle"],
  ["§4.7", "a raw withTitle block of type largeText", "LAYOUT", CLIENT, 'client: withTitle "Client" { block json { type: "largeText", properties: { value: "x" } } }', "block-nesting", "11:53", E, "largeText"],
  ["§4.6", "a raw block of an unknown type", "LAYOUT", "due: deadline", 'due: json { type: "image", properties: {} }', "enum-value", "17:23", E, "image"],

  // §4.8 - §4.12 footer, menu and actions
  ["§4.8 §14.12", "footer showNote (server only, undocumented)", "LAYOUT", "    menu {\n", "    showNote true\n    menu {\n", "field-support", "22:5", W, "showNote"],
  ["§4.12", "animationType on a redirect (no effect)", "LAYOUT", OPEN, 'open: link "Open" bold -> redirect "/crm/deal/details/1/" loader', "action-shape", "10:63", W, "animationType"],
  ["§4.12", "sliderParams on a restEvent (no effect)", "LAYOUT", DONE, 'done: button secondary "Done" -> restEvent "done" sliderParams { width: 500 }', "action-shape", "21:55", W, "sliderParams"],
  ["§4.12", "animationType on an openRestApp (no effect)", "LAYOUT", "-> openRestApp { clientId: 456 }", "-> openRestApp { clientId: 456 } loader", "action-shape", "20:78", W, "animationType"],
  ["§4.12", "sliderParams on a redirect (no effect)", "LAYOUT", OPEN, 'open: link "Open" bold -> redirect "/crm/deal/details/1/" sliderParams { width: 500 }', "action-shape", "10:63", W, "sliderParams"],
  ["§4.12", "uri on a restEvent (no effect)", "LAYOUT", 'b: link "B" -> restEvent "b"', 'b: link "B" -> restEvent "b" uri "/crm/"', "action-shape", "14:36", W, "uri"],
  ["§4.12", "animationType disable on a menu item (only footer buttons)", "LAYOUT", '{ reason: "x" } loader', '{ reason: "x" } disable', "action-shape", "26:98", W, "disable"],
  ["§4.12", "openRestApp on a mobile-only menu item (not in the mobile app)", "LAYOUT", '-> restEvent "confirm" { reason: "x" } loader', "-> openRestApp", "action-shape", "26:62", W, "mobile"],
  ["§4.12", "an actionParams value that is a list", "LAYOUT", "{ clientId: 456 }", "{ clientId: [456] }", "action-shape", "20:72", E, "clientId"],
  ["§4.12", "an actionParams value that is a map", "LAYOUT", '{ reason: "x" }', '{ reason: { a: "x" } }', "action-shape", "26:92", E, "reason"],
  ["§4.12 §14.11", "width and leftBoundary together (docs only)", "LAYOUT", "width: 700 }", "width: 700, leftBoundary: 100 }", "action-shape", "20:122", W, "leftBoundary"],
  ["§4.12 §14.11", "width and leftBoundary together, checked against the docs", "LAYOUT", "width: 700 }", "width: 700, leftBoundary: 100 }", "action-shape", "20:122", E, "leftBoundary", DOCS],
  ["§4.12 §7", "labelColor not #RRGGBB", "LAYOUT", "width: 700 }", 'width: 700, labelColor: "red" }', "value-format", "20:134", E, "red", { also: ["field-support"] }],
  ["§4.12 §7", "labelColor with three hex digits", "LAYOUT", "width: 700 }", 'width: 700, labelColor: "#f00" }', "value-format", "20:134", E, "#f00", { also: ["field-support"] }],
  ["§4.12 §14.10", "labelText (removed from the docs, server only)", "LAYOUT", "width: 700 }", 'width: 700, labelText: "Close" }', "field-support", "20:122", W, "labelText"],
  ["§4.12", "a slider width of 0", "LAYOUT", "width: 700 }", "width: 0 }", "value-range", "20:117", E, "width"],
  ["§4.12", "a negative leftBoundary", "LAYOUT", "title: \"Client\", width: 700 }", "title: \"Client\", leftBoundary: -5 }", "value-range", "20:124", E, "leftBoundary"],
  ["§4.12", "a slider width that is not an integer", "LAYOUT", "width: 700 }", "width: 700.5 }", "value-type", "20:117", E, "width"],
  ["§4.12", "sliderParams.title that is a number", "LAYOUT", 'title: "Client", width', "title: 5, width", "value-type", "20:100", W, "title"],

  // §6 activity fields
  ["§6", "typeId empty", "ACTIVITY", 'typeId "CONFIGURABLE"', 'typeId ""', "blank-value", "23:10", E, "typeId"],
  ["§6", "completed \"TRUE\" (strict comparison rejects it)", "ACTIVITY", "completed false", 'completed "TRUE"', "value-type", "24:13", E, "TRUE"],
  ["§6", "completed \"yes\"", "ACTIVITY", "completed false", 'completed "yes"', "value-type", "24:13", E, "yes"],
  ["§6", "isIncomingChannel 2", "ACTIVITY", "isIncomingChannel false", "isIncomingChannel 2", "value-type", "27:21", E, "isIncomingChannel"],
  ["§6", "a deadline without the time offset", "ACTIVITY", '"2025-03-03T10:00:00+01:00"', '"2025-03-03T10:00:00"', "value-format", "25:12", E, "2025-03-03T10:00:00"],
  ["§6", "a deadline that is a date only", "ACTIVITY", '"2025-03-03T10:00:00+01:00"', '"2025-03-03"', "value-format", "25:12", E, "2025-03-03"],
  ["§6", "a deadline in another format", "ACTIVITY", '"2025-03-03T10:00:00+01:00"', '"03.03.2025 10:00"', "value-format", "25:12", E, "03.03.2025 10:00"],
  ["§6", "a negative ping offset", "ACTIVITY", "pingOffsets [15, 60]", "pingOffsets [15, -60]", "value-range", "26:20", E, "-60"],
  ["§6", "pingOffsets that is not a list", "ACTIVITY", "pingOffsets [15, 60]", "pingOffsets 15", "value-type", "26:15", E, "pingOffsets"],
  ["§6", "a ping offset that is not scalar", "ACTIVITY", "pingOffsets [15, 60]", "pingOffsets [15, [60]]", "value-type", "26:20", E, "pingOffsets"],
  ["§6", "an incoming activity with a deadline", "ACTIVITY", "isIncomingChannel false", "isIncomingChannel true", "incoming-with-deadline", "25:12", E, "Incoming activity cannot have a deadline"],
  ["§6", "an incoming activity (\"Y\") with a deadline", "ACTIVITY", "isIncomingChannel false", 'isIncomingChannel "Y"', "incoming-with-deadline", "25:12", E, "Incoming activity cannot have a deadline", { also: ["string-boolean"] }],
  ["§4.6 §6", "an incoming activity whose layout has a deadline block (not shown)", "LAYOUT", "", "activity a {\n  ownerTypeId deal; ownerId 1\n  isIncomingChannel true\n  layout l\n}\n", "incoming-with-deadline", "33:10", W, "is incoming"],
  ["§4.6 §6", "an activity added without a deadline whose layout has a deadline block (not shown)", "LAYOUT", "", "activity a {\n  ownerTypeId deal; ownerId 1\n  layout l\n}\n", "incoming-with-deadline", "32:10", W, "without a deadline"],
  ["§6 §8", "a badge on an activity added as completed (removed at once)", "ACTIVITY", "completed false", "completed true", "badge-on-completed", "29:13", W, "missedCall"],
  ["§6", "responsibleId 0", "ACTIVITY", "responsibleId 1", "responsibleId 0", "value-range", "28:17", E, "responsibleId"],
  ["§6", "responsibleId that is a string", "ACTIVITY", "responsibleId 1", 'responsibleId "admin"', "value-type", "28:17", E, "responsibleId"],
  ["§6", "ownerId 0", "ACTIVITY", "ownerId 999", "ownerId 0", "value-range", "22:11", E, "ownerId"],
  ["§6", "an update id of 0", "ACTIVITY", "id 42", "id 0", "value-range", "36:6", E, "id"],
  ["§6", "an add without layout (ERROR_EMPTY_LAYOUT)", "ACTIVITY", "  layout callLayout\n", "", "activity-target", "20:10", E, 'The field "layout" is required.'],
  ["§6", "an add without ownerId", "ACTIVITY", "  ownerId 999\n", "", "activity-target", "20:10", E, "ownerId"],
  ["§6", "an add without ownerTypeId", "ACTIVITY", "  ownerTypeId deal\n", "", "activity-target", "20:10", E, "ownerTypeId"],
  ["§6 §12", "an owner type word that does not exist", "ACTIVITY", "ownerTypeId deal", "ownerTypeId deals", "activity-target", "21:15", E, "deals"],
  ["§6 §8", "a badgeCode no badge declares", "ACTIVITY", "badgeCode missedCall", "badgeCode missedCal", "unknown-badge-code", "29:13", W, "missedCal", PROJECT],
  ["§6", "a layout name that does not exist", "ACTIVITY", "  layout callLayout\n", "  layout callLayot\n", "unknown-reference", "32:10", E, "callLayot"],
  ["§6", "originId that is a number (cast to a string)", "ACTIVITY", 'originId "42"', "originId 42", "value-type", "31:12", W, "42"],
  ["§6", "originId that is a map", "ACTIVITY", 'originId "42"', "originId { a: 1 }", "value-type", "31:12", E, "originId"],

  ["§6", "an empty deadline (ignored: a deadline cannot be cleared)", "ACTIVITY", 'deadline "2025-03-03T10:00:00+01:00"', 'deadline ""', "blank-value", "25:12", W, "cannot be cleared"],
  ["§6", "an activity with both id and ownerTypeId", "ACTIVITY", "  id 42\n", "  id 42\n  ownerTypeId deal\n", "activity-target", "36:3", E, "ownerTypeId"],

  // §8 badges
  ["§8", "an empty badge code", "ACTIVITY", "badge missedCall failure {\n", 'badge missedCall failure {\n  code ""\n', "blank-value", "7:8", E, "code"],
  ["§8", "an empty badge title", "ACTIVITY", "  title @status\n", '  title ""\n', "blank-value", "7:9", E, "title"],
  ["§8", "an empty badge value", "ACTIVITY", 'value { en: "Missed", de: "Verpasst" }', 'value ""', "blank-value", "8:9", E, "value"],
  ["§8", "a badge value of spaces (the server takes it; the badge shows nothing)", "ACTIVITY", 'value { en: "Missed", de: "Verpasst" }', 'value "  "', "blank-value", "8:9", W, "value"],
  ["§8", "a badge map with an empty text", "ACTIVITY", 'value { en: "Missed", de: "Verpasst" }', 'value { en: "Missed", de: "" }', "empty-translation-map", "8:29", E, "de"],
  ["§8", "a badge map value that is not a string", "ACTIVITY", 'value { en: "Missed", de: "Verpasst" }', 'value { en: "Missed", de: 1 }', "value-type", "8:29", E, "de"],
  ["§8", "two badges with one code", "ACTIVITY", "layout callLayout {", 'badge missedCall2 warning {\n  code "missedCall"\n  title "T"\n  value "V"\n}\n\nlayout callLayout {', "duplicate-declaration", "12:8", E, "missedCall"],

  // §9 translations
  ["§9", "a @key the table does not define", "ACTIVITY", "  header @status\n", "  header @statsu\n", "unknown-translation-key", "13:10", E, "statsu"],
  ["§9", "a key missing in one language", "ACTIVITY", '  de { status "Anrufstatus"; missed "Verpasst" }', '  de { status "Anrufstatus" }', "missing-translation", "3:3", W, "missed"],
  ["§9", "a key defined twice in one language", "ACTIVITY", '  en { status "Call status"; missed "Missed" }', '  en { status "Call status"; missed "Missed"; status "Status" }', "duplicate-translation", "2:47", E, "status"],
  ["§9", "a table language that does not exist", "ACTIVITY", '  de { status', '  xx { status', "unknown-language", "3:3", E, "xx"],
  ["§9", "an unused translation key", "ACTIVITY", '  en { status "Call status"; missed "Missed" }\n  de { status "Anrufstatus"; missed "Verpasst" }', '  en { status "Call status"; missed "Missed"; extra "Extra" }\n  de { status "Anrufstatus"; missed "Verpasst"; extra "Extra" }', "unused-translation", "2:47", W, "extra"],
  ["§9", "a table without en", "ACTIVITY", '  en { status "Call status"; missed "Missed" }', '  fr { status "Statut"; missed "Manqué" }', "inline-map-without-en", "1:1", W, "en"],
  ["§9", "an empty text in the table", "ACTIVITY", 'missed "Verpasst" }', 'missed "" }', "empty-translation-map", "3:30", W, "missed"],

  // §11 card configuration
  ["§11.5", "a card without its entity type", "CARD", "card contactCard for contact {", "card contactCard {", "required-field", "15:6", E, "Parameter 'entityTypeId' is not defined"],
  ["§11.1 §12", "a card for the old invoice (not factory-based)", "CARD", "card dealCard for deal {", "card dealCard for invoice {", "card-entity", "1:19", E, "invoice"],
  ["§11.1 §12", "a card for an order", "CARD", "card dealCard for deal {", "card dealCard for order {", "card-entity", "1:19", E, "order"],
  ["§1 §11.1", "a legacy card for a quote (no crm.quote.details.configuration)", "CARD", "card leadCard for lead legacy {\n  leadCustomerType 2", "card leadCard for quote legacy {", "card-entity", "25:25", E, "quote"],
  ["§12", "a card for an odd entity type id above 1030", "CARD", "card spaCard for 156 {", "card spaCard for 1031 {", "card-entity", "30:18", E, "1031"],
  ["§12", "a card for an entity type id between the ranges", "CARD", "card spaCard for 156 {", "card spaCard for 200 {", "card-entity", "30:18", E, "200"],
  ["§11.4", "dealCategoryId on a contact card", "CARD", "  userId 1\n", "  userId 1\n  dealCategoryId 3\n", "card-extras", "18:3", E, "dealCategoryId"],
  ["§11.4", "categoryId on a deal card", "CARD", "dealCategoryId 32", "categoryId 32", "card-extras", "3:3", E, "categoryId"],
  ["§11.4", "leadCustomerType on a smart-process card", "CARD", "categoryId 3", "leadCustomerType 1", "card-extras", "31:3", E, "leadCustomerType"],
  ["§11.4 §14.19", "the lead extras key as the docs' tables spell it", "CARD", "  leadCustomerType 2\n", '  extras json { "lead.customer.type": 2 }\n', "unknown-property", "26:17", E, "leadCustomerType"],
  ["§11.4", "a negative dealCategoryId", "CARD", "dealCategoryId 32", "dealCategoryId -1", "value-range", "3:18", E, "dealCategoryId"],
  ["§11.1", "userId with scope common", "CARD", "  scope common\n", "  scope common\n  userId 5\n", "card-scope-user", "3:3", W, "userId"],
  ["§11.1", "userId 0", "CARD", "userId 1", "userId 0", "value-range", "17:10", E, "userId"],
  ["§11.5", "a raw section of another type", "CARD", "    COMMENTS\n  }", "    COMMENTS\n  }\n  json { name: \"x\", title: \"X\", type: \"column\" }", "card-data", "13:39", E, "Section at index 2 have type 'column'. The expected type is 'section'."],
  ["§11.5", "data that is not a list", "CARD", 'card leadCard for lead legacy {\n  leadCustomerType 2\n  main: section "Lead" { TITLE }\n}', 'card leadCard for lead legacy {\n  leadCustomerType 2\n  data json { main: { name: "main", title: "Lead" } }\n}', "card-data", "27:13", E, "The data must be indexed array."],
  ["§11.5", "data that is not an array", "CARD", 'card leadCard for lead legacy {\n  leadCustomerType 2\n  main: section "Lead" { TITLE }\n}', 'card leadCard for lead legacy {\n  leadCustomerType 2\n  data json "main"\n}', "card-data", "27:13", E, "Parameter 'data' must be array."],
  ["§11.5", "a card with no sections", "CARD", 'card leadCard for lead legacy {\n  leadCustomerType 2\n  main: section "Lead" { TITLE }\n}', "card leadCard for lead legacy {\n  leadCustomerType 2\n}", "required-field", "25:6", E, "data"],
  ["§11.5", "a card whose data is an empty list", "CARD", 'card leadCard for lead legacy {\n  leadCustomerType 2\n  main: section "Lead" { TITLE }\n}', "card leadCard for lead legacy {\n  leadCustomerType 2\n  data json []\n}", "collection-limit", "27:3", E, "There are no data to write."],
  ["§11.5", "a blank section name", "CARD", 'more: section "More" {', '"  ": section "More" {', "blank-value", "10:3", E, "Section at index 1 does not have name."],
  ["§11.5", "a blank section title", "CARD", 'more: section "More" {', 'more: section "  " {', "blank-value", "10:17", E, "Section at index 1 does not have title."],
  ["§11.5", "a blank element name", "CARD", "    COMMENTS\n", '    field "  "\n', "blank-value", "11:11", E, "Element at index 0 in section at index 1 does not have name."],
  ["§11.5", "an empty raw element name", "CARD", "    COMMENTS\n", '    json { name: "" }\n', "blank-value", "11:18", E, "Element at index 0 in section at index 1 does not have name."],
  ["§11.2", "two sections with one name", "CARD", 'more: section "More" {', 'main: section "More" {', "duplicate-section", "10:3", E, "main"],
  ["§11.2", "one field twice in a card", "CARD", "    COMMENTS\n", "    COMMENTS\n    TITLE\n", "duplicate-field", "12:5", E, "TITLE"],
  ["§11.3", "defaultCountry on a field it does not apply to", "CARD", "    COMMENTS\n", '    COMMENTS { defaultCountry "DE" }\n', "element-option", "11:16", W, "defaultCountry"],
  ["§11.3", "isPayButtonVisible on PHONE", "CARD", 'PHONE { defaultCountry "GB" }', 'PHONE { defaultCountry "GB"; isPayButtonVisible false }', "element-option", "20:34", W, "isPayButtonVisible"],
  ["§11.3 §11.6", "defaultAddressType that is no address type", "CARD", "defaultAddressType 4", "defaultAddressType 99", "element-option", "21:34", E, "99"],
  ["§11.3", "defaultCountry that is not two letters", "CARD", 'PHONE { defaultCountry "GB" }', 'PHONE { defaultCountry "Germany" }', "value-format", "20:28", E, "Germany"],
  ["§11.3", "defaultCountry in lower case", "CARD", 'PHONE { defaultCountry "GB" }', 'PHONE { defaultCountry "gb" }', "value-format", "20:28", E, "gb"],
  ["§11.3", "defaultAddressType as a string", "CARD", "defaultAddressType 4", 'defaultAddressType "legal"', "value-type", "21:34", E, "defaultAddressType"],
  ["§11.3", "an element option statement the language does not know", "CARD", 'PHONE { defaultCountry "GB" }', 'PHONE { defaultCountry "GB"; mask "+7" }', "unknown-property", "20:34", E, "mask"],
  ["§13", "an element name that is no field of the entity", "CARD", "    COMMENTS\n", "    COMENTS\n", "unknown-field-name", "11:5", W, "COMENTS"],
  ["§13", "a contact field on a deal card", "CARD", "    COMMENTS\n", "    BIRTHDATE\n", "unknown-field-name", "11:5", W, "BIRTHDATE"],
  ["§11.2 §14.2", "optionFlags as the string \"1\"", "CARD", "    COMMENTS\n", '    COMMENTS optionFlags "1"\n', "value-type", "11:26", W, "optionFlags"],

  // §14 other docs/server differences, §2 duplicates, §15
  ["§2.4", "one block key twice", "LAYOUT", "due: deadline", "note: deadline", "duplicate-key", "17:5", E, "note"],
  ["§2.4", "one tag key twice", "LAYOUT", TAG, `${TAG}\n    status: tag success "ok"`, "duplicate-key", "5:5", E, "status"],
  ["§2.1", "one field set twice", "LAYOUT", "multiline bold size sm", "multiline bold size sm size xs", "duplicate-key", "8:47", E, "size"],
  ["§2.4", "one actionParams key twice", "LAYOUT", "{ clientId: 456 }", "{ clientId: 456, clientId: 457 }", "duplicate-key", "20:77", E, "clientId"],
  ["§4.1", "two layouts with one name", "LAYOUT", "layout l {", 'layout l {\n  icon info; header "x"; body { logo document; text "x" }\n}\nlayout l {', "duplicate-declaration", "4:8", E, "l"],
  ["§15", "a placement interface (input and select blocks) in a layout", "LAYOUT", "", 'layout form {\n  name: input { title "Name" }\n  kind: select { title "Kind" }\n  primaryButton { title: "Save" }\n}\n', "look-alike", "30:8", E, "placement"],
] satisfies Row[]).map(row);
