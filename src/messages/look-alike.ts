/** The messages of the look-alike rule (src/check/rules/look-alike.ts), reported by the lowering (src/lower/lower.ts), which knows the statements it does not place. */
import { defineMessages } from "./catalogue.js";

export const LOOK_ALIKE = defineMessages("look-alike", {
  lookAlike:
    "'{name}' is not {what} of a timeline record but the layout of {lookAlike}: it has {evidence}. That is a different structure, which b24layout does not compile; send it with {sentWith}.",
});
