/**
 * The preview: every declaration of `.b24layout` files drawn as Bitrix24 shows it, from the REST
 * JSON that `build` writes and the findings `check` reports, as one self-contained HTML page.
 */
export { renderPage, PLATFORMS, THEMES, type PageOptions, type ParamSet, type Platform, type PreviewFile, type Theme } from "./page.js";
