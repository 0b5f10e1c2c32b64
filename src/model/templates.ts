/**
 * The template vocabulary of `.b24layout`: the keywords of conditions and repetition and the types
 * of template parameters. Not Bitrix24 facts, but read the same way (lowering, rules, completion,
 * hover), so they are written once, here.
 */

export interface TemplateKeyword {
  readonly keyword: string;
  readonly syntax: string;
  readonly doc: string;
}

export const WHEN_KEYWORD = "when";
export const ELSE_KEYWORD = "else";
export const EACH_KEYWORD = "each";
export const FRAGMENT_KEYWORD = "fragment";
export const USE_KEYWORD = "use";

export const TEMPLATE_KEYWORDS: readonly TemplateKeyword[] = [
  {
    keyword: WHEN_KEYWORD,
    syntax: 'when <condition> { … }',
    doc: 'Members (blocks, tags, buttons, menu items, card sections and elements) written inside are sent only when the condition holds: `$flag`, `not $flag`, `$channel is "web"`, `$count is not 0`, joined with `and` / `or`.',
  },
  {
    keyword: ELSE_KEYWORD,
    syntax: "else { … }",
    doc: "Right after a `when { … }`: members sent when its condition does not hold.",
  },
  {
    keyword: EACH_KEYWORD,
    syntax: "each <name> in $list { … }",
    doc: "Members written inside are sent once per item of the list; `$name` is the item. Keys get the item's position: `product_1`, `product_2`, …",
  },
  {
    keyword: FRAGMENT_KEYWORD,
    syntax: "fragment <name>(<parameters>) { … }",
    doc: "At the top level: a named group of members (blocks, tags, buttons, menu items, sections or elements) that declarations reuse with `use`. It is checked where it is used: a fragment with a withTitle cannot be used inside lineOfBlocks.",
  },
  {
    keyword: USE_KEYWORD,
    syntax: "use <fragment> [{ param: value, … }]",
    doc: "Puts the members of a fragment here, with its parameters given as literals or `$references`.",
  },
];

/** The words of conditions. */
export const CONDITION_WORDS = { not: "not", and: "and", or: "or", is: "is" } as const;

/** The word between the loop variable and the list: `each product in $products`. */
export const EACH_IN = "in";

/** The word of a bounded list type: `products: Product[max 9]` holds at most 9 items. */
export const LIST_MAX_KEYWORD = "max";

export interface ParamTypeName {
  readonly name: "string" | "int" | "bool" | "url" | "datetime";
  readonly doc: string;
  /** The TypeScript type of the generated factory's parameter. */
  readonly ts: string;
}

export const PARAM_TYPE_NAMES: readonly ParamTypeName[] = [
  { name: "string", doc: "Any text.", ts: "string" },
  { name: "int", doc: "A whole number.", ts: "number" },
  { name: "bool", doc: "true or false.", ts: "boolean" },
  { name: "url", doc: "A link. Interpolated into a `uri` it goes in as it is, where values of the other types are percent-encoded.", ts: "string" },
  { name: "datetime", doc: "An ISO 8601 date and time with an offset (`2025-01-31T10:00:00+03:00`), for deadlines.", ts: "string" },
];
