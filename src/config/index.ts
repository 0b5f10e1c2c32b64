/** `b24layout.config.json`: finding, parsing and applying it (config.ts). */
export * from "./config.js";
