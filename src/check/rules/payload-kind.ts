import { PAYLOAD_KIND } from "../../messages/index.js";
import { defineRule } from "../rule.js";

/**
 * A JSON document checked as a REST payload must be one the checker knows, recognised from its
 * shape or named with --kind, a config override's `kind` or the REST method it is sent to.
 * Reported by the JSON front end (src/pipeline/json.ts), which does the recognising.
 */
export default defineRule({
  meta: {
    id: PAYLOAD_KIND.ruleId,
    description: "Require a JSON file checked by b24layout to be a payload it knows: a layout, blocks, a badge, an activity or a card, bare, as REST params or in a REST response.",
    why:
      "`b24layout check payload.json` checks a REST payload against every rule of the model, which needs to know what the payload is: a LayoutDto, crm.timeline.layout.blocks.set params, crm.activity.badge.add params, " +
      "crm.activity.configurable.add / update params, crm.item.details.configuration.set params or a card's sections (spec §1). A JSON file that is none of them (a package.json caught by a glob, an error response, " +
      "a fragment of a layout) is reported once, with what it looks like and how to name its kind, instead of being passed as clean.",
    severity: "error",
    spec: "§1",
    appliesTo: ["json"],
    messages: PAYLOAD_KIND.messages,
    examples: {
      incorrect: [{ language: "json", code: '{ "name": "my-app", "version": "1.0.0" }\n', note: "A package.json caught by a glob: not a payload." }],
      correct: [
        {
          language: "json",
          code: '{\n  "icon": { "code": "info" },\n  "header": { "title": "Incoming call" },\n  "body": {\n    "logo": { "code": "document" },\n    "blocks": { "client": { "type": "text", "properties": { "value": "Ivan Petrov" } } }\n  }\n}\n',
          note: "A LayoutDto, recognised by its shape.",
        },
      ],
    },
  },
  create: () => ({}),
});
