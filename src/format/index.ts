/** The formatter: the Prettier plugin, and formatting with proof that the meaning is kept. */
export { formatText, FormatterBugError, DEFAULT_FORMAT_OPTIONS, type FormatOptions, type FormatResult } from "./format.js";
export { differenceInMeaning, meaningOf, withoutPositions } from "./meaning.js";
export { default as prettierPlugin } from "./plugin.js";
