import { defineRule } from "../rule.js";

/**
 * A template rendered to JSON without the values it needs, or with values that do not fit its
 * parameters or the limits (reported by `compile` and `b24layout build`, not by `check`: the
 * TypeScript target needs no values).
 */
export default defineRule({
  meta: {
    id: "template-arguments",
    description: "Require the values of a template's parameters when it is compiled to JSON, and check them against the parameters' types and Bitrix24's limits.",
    why: "JSON is one rendering of a template: it needs a value for every required parameter. Built with --target ts, the template becomes a typed function instead, and its caller supplies the values.",
    severity: "error",
    spec: "templates, §7",
    phase: "compile",
    messages: {
      required:
        "'{name}' needs values for {params} to be compiled to JSON: build it with --target ts for a typed function, or give the values with --params FILE ({ \"{name}\": { … } }).",
      badValues: "The values given for '{name}' do not fit its parameters: {problems}.",
      limit: "{message}",
      referenced: "'{name}' uses {keyword} '{target}', which needs values for {params}; a reference cannot pass values yet, so give those parameters defaults.",
    },
    examples: {
      incorrect: [{ code: 'blocks greeting(client: string) {\n  text "Hello, ${client}"\n}\n', note: "No value for `client`." }],
      correct: [{ code: 'blocks greeting(client: string = "colleague") {\n  text "Hello, ${client}"\n}\n' }],
    },
  },
  create: () => ({}),
});
