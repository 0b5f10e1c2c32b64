/** The JSON value type the emitters build (it lives with the JSON tree, src/json, which the front end for JSON payloads reads below the emitters). */
export type { Json } from "../json/index.js";
