/**
 * `b24layout/valid-payload`: the REST payloads written in JavaScript and TypeScript code — the
 * params of `BX24.callMethod("crm.activity.configurable.add", {…})`, of @bitrix24/b24jssdk's calls
 * and of batch commands (calls.ts) — checked by the full checker through the JSON front end, at
 * the exact place in the source. What is not known statically is not checked (estree-tree.ts).
 */
import type { Rule } from "eslint";
import type { Diagnostic, Fix } from "../diagnostic.js";
import { checkOptionsFor, parseConfig } from "../config/index.js";
import { payloadCalls, type PayloadCall } from "./calls.js";
import { ruleDocUrl } from "./docs-url.js";
import { convertPayload, rangeOf, siteKey, type ConvertedPayload, type LiteralSite } from "./estree-tree.js";
import { checkPayload, type PayloadCheckOptions } from "../pipeline/index.js";
import { ALL_RULES } from "../check/index.js";
import { appliesTo } from "../check/index.js";
import { SYNTAX_RULE_ID } from "../syntax/index.js";
import { paramsOfMethod } from "../model/index.js";

/**
 * The checker's rules that check REST payloads (the others are about `.b24layout` text only), but
 * `syntax-error`: ESLint's parser reports the source's own.
 */
const PAYLOAD_RULES = ALL_RULES.filter((r) => appliesTo(r.meta, "json") && r.meta.id !== SYNTAX_RULE_ID);


/** Whether the checker knows the payload of a REST method; the calls of other methods are not this rule's. */
function isPayloadMethod(method: string): boolean {
  return paramsOfMethod(method) !== undefined;
}

/** The rule's options: as in `b24layout.config.json`, plus whether to report warnings. */
export interface ValidPayloadOptions {
  /** Checker rule settings by id: `"off"`, `"warn"` or `"error"`. */
  readonly rules?: Readonly<Record<string, "off" | "warn" | "error">>;
  /** Where the docs and the server disagree: `server` (default) or `docs`. */
  readonly target?: "server" | "docs";
  /** Codes the portal has registered (custom icons and logos), as the config's `portal`. */
  readonly portal?: { readonly icons?: readonly string[]; readonly logos?: readonly string[] };
  /** Whether findings the checker rates as warnings are reported too (default true). */
  readonly warnings?: boolean;
}

/**
 * The options' JSON Schema, from the checker's rules: ESLint refuses a config with a rule id the
 * checker does not have, or a setting that is not one. A checker rule's own options are set by
 * `portal` here, as they are in b24layout.config.json (the only one a payload rule takes is
 * unknown-code's registered codes).
 */
function optionsSchema(): Rule.RuleMetaData["schema"] {
  const strings = { type: "array", items: { type: "string" } } as const;
  return [
    {
      type: "object",
      properties: {
        rules: {
          type: "object",
          description: "Checker rule settings by rule id, as in b24layout.config.json: off, warn or error.",
          properties: Object.fromEntries(PAYLOAD_RULES.map((r) => [r.meta.id, { enum: ["off", "warn", "error"], description: r.meta.description }])),
          additionalProperties: false,
        },
        target: { enum: ["server", "docs"], description: "Where the docs and the server disagree (spec §14): check against the server (default) or the docs." },
        portal: {
          type: "object",
          description: "Codes the portal has registered with crm.timeline.icon.add and crm.timeline.logo.add.",
          properties: { icons: strings, logos: strings },
          additionalProperties: false,
        },
        warnings: { type: "boolean", description: "Whether findings the checker rates as warnings are reported too (default true)." },
      },
      additionalProperties: false,
    },
  ];
}

/**
 * The check options the rule's options give: they are read as the same settings in
 * `b24layout.config.json` are (config/config.ts), so both mean the same, now and as the config
 * grows. The schema has already refused what that reader would.
 */
/** The check options of each options object ESLint gives (the same object for every file of one config). */
const checkOptionsByOptions = new WeakMap<ValidPayloadOptions, PayloadCheckOptions>();

function checkOptionsOf(options: ValidPayloadOptions): PayloadCheckOptions {
  let made = checkOptionsByOptions.get(options);
  if (made === undefined) checkOptionsByOptions.set(options, (made = makeCheckOptions(options)));
  return made;
}

function makeCheckOptions(options: ValidPayloadOptions): PayloadCheckOptions {
  const settings = { rules: options.rules ?? {}, portal: { icons: options.portal?.icons ?? [], logos: options.portal?.logos ?? [] }, ...(options.target ? { target: options.target } : {}) };
  return checkOptionsFor(parseConfig(JSON.stringify(settings), "b24layout/valid-payload options", ""), "");
}

const NO_OPTIONS: ValidPayloadOptions = Object.freeze({});

export const validPayload: Rule.RuleModule = {
  meta: {
    type: "problem",
    docs: {
      description: "Check the Bitrix24 layout, badge, activity and card payloads written in REST calls (BX24.callMethod, @bitrix24/b24jssdk) with the b24layout checker.",
      recommended: true,
      // Its section of the plugin's guide, found as the checker rules' pages are (docs/rules/ is beside it).
      url: new URL("../eslint.md#javascript-and-typescript-payloads", ruleDocUrl("valid-payload")).href,
    },
    fixable: "code",
    hasSuggestions: true,
    schema: optionsSchema(),
    messages: {
      error: "{{message}} (b24layout/{{ruleId}})",
      warning: "{{message}} (b24layout/{{ruleId}}, a warning)",
    },
  },
  create(context) {
    const options = (context.options[0] ?? NO_OPTIONS) as ValidPayloadOptions;
    const reportWarnings = options.warnings !== false;
    return {
      CallExpression(node) {
        for (const call of payloadCalls(node)) {
          if (!isPayloadMethod(call.method)) continue;
          const payload = paramsOf(call);
          // Params that are not written out (a variable, a call) are not checked at all.
          if (payload.tree.kind === "unknown") continue;
          // Made on the first payload call (a file without one pays nothing), once per options object.
          const { diagnostics } = checkPayload(payload.tree, { ...checkOptionsOf(options), method: call.method });
          for (const d of diagnostics) {
            if (d.severity === "warning" && !reportWarnings) continue;
            report(context, d, payload);
          }
        }
      },
    };
  },
};

/** A call's params as a tree; absent params are an empty object at the method's name, where a missing field is reported. */
function paramsOf(call: PayloadCall): ConvertedPayload {
  if (call.params !== undefined) return convertPayload(call.params);
  return { tree: { kind: "object", entries: [], range: rangeOf(call.methodNode) }, literals: new Map() };
}

function report(context: Rule.RuleContext, d: Diagnostic, payload: ConvertedPayload): void {
  const source = context.sourceCode;
  const fix = d.fix ? sourceFix(d.fix, payload.literals) : undefined;
  const suggest = (d.suggestions ?? []).flatMap((s) => {
    const edits = sourceFix(s, payload.literals);
    return edits ? [{ desc: s.description, fix: edits }] : [];
  });
  context.report({
    messageId: d.severity === "warning" ? "warning" : "error",
    data: { message: withRelated(d), ruleId: d.ruleId },
    loc: { start: source.getLocFromIndex(d.range.start.offset), end: source.getLocFromIndex(d.range.end.offset) },
    ...(fix ? { fix } : {}),
    ...(suggest.length > 0 ? { suggest } : {}),
  });
}

/** The message with the other places it speaks of: ESLint has no field for them. */
function withRelated(d: Diagnostic): string {
  if (!d.related?.length) return d.message;
  const places = d.related.map((r) => `${r.message} at ${r.range.start.line}:${r.range.start.column}`);
  return `${d.message} (${places.join("; ")})`;
}

/**
 * A checker fix as an ESLint fix, when every edit replaces exactly a literal of the source (a
 * value, or a key written as an identifier or a string): the edits are JSON text, and JSON text
 * there means the same in JavaScript. An edit anywhere else (inserting or removing a property, a
 * value built by concatenation) has no exact place in the source: then there is no fix.
 */
export function sourceFix(fix: Fix, literals: ReadonlyMap<string, LiteralSite>): Rule.ReportFixer | undefined {
  const edits: { range: [number, number]; text: string }[] = [];
  for (const edit of fix.edits) {
    const site = literals.get(siteKey(edit.range));
    if (!site) return undefined;
    const text = sourceText(site, edit.newText);
    if (text === undefined) return undefined;
    edits.push({ range: [edit.range.start.offset, edit.range.end.offset], text });
  }
  return (fixer) => edits.map((e) => fixer.replaceTextRange(e.range, e.text));
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/** The source text for an edit's JSON text at a literal site, or `undefined` when it cannot be written there. */
function sourceText(site: LiteralSite, json: string): string | undefined {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return undefined;
  }
  // `__proto__` in an object literal sets the prototype instead of making a key.
  if (json.includes("__proto__")) return undefined;
  if (site.kind === "value") return json;
  if (typeof value !== "string") return undefined;
  return site.identifier && IDENTIFIER.test(value) ? value : json;
}
