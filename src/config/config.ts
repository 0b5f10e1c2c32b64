/**
 * `b24layout.config.json`: rule severities and options, per-glob overrides, ignored files, the
 * project's languages and the codes the portal has registered. Found upward from each checked
 * file (or given with --config). Read with positions, so every mistake in it is reported as
 * `file:line:col` with what was expected; the JSON Schema shipped in the package is generated
 * from the same description (configSchema).
 */
import { findNodeAtLocation, getNodeValue, parseTree, printParseErrorCode, type Node, type ParseError } from "jsonc-parser";
import picomatch from "picomatch";
import type { Severity } from "../diagnostic.js";
import type { CheckOptions } from "../check/checker.js";
import { ALL_RULES } from "../check/rules/index.js";
import { BITRIX_LANGUAGES } from "../model/languages.js";
import { DECLARATIONS } from "../model/statements.js";
import { closest } from "../util/suggest.js";
import { jsonTooDeepAt } from "../util/json-depth.js";
import { MAX_NESTING_DEPTH } from "../syntax/limits.js";
import { LineIndex } from "../util/line-index.js";

export const CONFIG_FILE = "b24layout.config.json";
/** The schema's file in the package, for `"$schema"`. */
export const CONFIG_SCHEMA_FILE = "b24layout.config.schema.json";

export type RuleSetting = Severity | "off" | readonly [Severity | "off", Readonly<Record<string, unknown>>];

/** Settings for the files some globs match. */
export interface ConfigOverride {
  readonly files: readonly string[];
  readonly rules: Readonly<Record<string, RuleSetting>>;
  /** The kind of payload the JSON files are (instead of recognising it from their shape). */
  readonly kind?: string;
}

/** The kinds of payload an override's `kind` takes: the declaration keywords. */
const PAYLOAD_KINDS: readonly string[] = DECLARATIONS.map((d) => d.keyword);

export interface Config {
  /** The folder of the config file: globs are relative to it. */
  readonly dir: string;
  readonly rules: Readonly<Record<string, RuleSetting>>;
  readonly overrides: readonly ConfigOverride[];
  readonly ignore: readonly string[];
  /** Globs of JSON payloads a folder given to `check` also means (relative to `dir`). */
  readonly include: readonly string[];
  readonly languages: readonly string[] | undefined;
  readonly portal: { readonly icons: readonly string[]; readonly logos: readonly string[]; readonly badges: readonly string[] };
  readonly target: "server" | "docs";
}

const SEVERITIES = ["error", "warn", "warning", "off"] as const;
const TOP_KEYS: Readonly<Record<string, string>> = {
  $schema: "The JSON Schema of this file, for editors.",
  rules: 'Rule settings by rule id: "off", "warn", "error", or ["warn", { options }].',
  overrides: 'Settings for some files: [{ "files": ["legacy/**/*.b24layout"], "rules": { … } }], later entries winning; for JSON payloads also "kind": "badge" (what they are, instead of recognising it from their shape).',
  ignore: "Globs of files not to check when a folder or glob is given (relative to this file).",
  include: 'Globs of JSON payloads to check when a folder is given (relative to this file): ["payloads/**/*.json"]. A folder always means its .b24layout files; a JSON file named or matched by a glob on the command line is checked whether included or not.',

  languages: "The project's Bitrix24 language ids: every translation key must have a text in each.",
  portal: 'Codes the portal has registered: { "icons": […], "logos": […], "badges": […] }.',
  target: 'Where the docs and the server disagree (spec §14): "server" (default) reports what the server rejects as an error and what only the docs forbid as a warning; "docs" follows the docs: what they forbid is an error, and what they allow is not reported.',
};
const PORTAL_KEYS = ["icons", "logos", "badges"] as const;

/** A problem in a config file, at its place. */
export interface ConfigProblem {
  readonly line: number;
  readonly column: number;
  readonly message: string;
}

export class ConfigError extends Error {
  constructor(
    readonly file: string,
    readonly problems: readonly ConfigProblem[],
  ) {
    const shown = problems.slice(0, MAX_REPORTED_PROBLEMS).map((p) => `${file}:${p.line}:${p.column}: ${p.message}`);
    if (problems.length > MAX_REPORTED_PROBLEMS) shown.push(`${file}: ${problems.length - MAX_REPORTED_PROBLEMS} more problems`);
    super(shown.join("\n"));
    this.name = "ConfigError";
  }
}

/** How many problems a ConfigError lists; the rest are counted. */
const MAX_REPORTED_PROBLEMS = 100;

/** Reads a config file's text; throws ConfigError (every problem, positioned) when it is not a valid config. */
export function parseConfig(text: string, file: string, dir: string): Config {
  const problems: ConfigProblem[] = [];
  const seen = new Set<string>();
  const lines = new LineIndex(text);
  const at = (offset: number, message: string) => {
    const { line, column } = lines.position(offset);
    const p = { line, column, message };
    const key = `${p.line}:${p.column}:${message}`;
    if (seen.has(key)) return;
    seen.add(key);
    problems.push(p);
  };
  // The tree is read by recursion: a text nested deeper than any config is refused first.
  const tooDeep = jsonTooDeepAt(text, MAX_NESTING_DEPTH);
  if (tooDeep !== undefined) {
    at(tooDeep, `nested more than ${MAX_NESTING_DEPTH} levels deep: no setting nests like that`);
    throw new ConfigError(file, problems);
  }
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: false, disallowComments: true });
  // The first syntax error: the ones after it are mostly what it caused.
  const first = errors[0];
  if (first) at(first.offset, `not valid JSON: ${printParseErrorCode(first.error).replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase()}`);
  if (problems.length > 0 || !root) throw new ConfigError(file, problems.length > 0 ? problems : [{ line: 1, column: 1, message: "the file is empty" }]);
  if (root.type !== "object") {
    at(root.offset, "expected an object");
    throw new ConfigError(file, problems);
  }
  const ruleIds = ALL_RULES.map((r) => r.meta.id);
  const languages = BITRIX_LANGUAGES.map((l) => l.id);

  const strings = (node: Node | undefined, what: string, check?: (value: string, node: Node) => void): string[] => {
    if (!node) return [];
    if (node.type !== "array") {
      at(node.offset, `${what} must be a list of strings`);
      return [];
    }
    const out: string[] = [];
    for (const item of node.children ?? []) {
      if (item.type !== "string") at(item.offset, `${what} must be a list of strings`);
      else {
        out.push(item.value as string);
        check?.(item.value as string, item);
      }
    }
    return out;
  };

  /** Every glob is compiled here, so that one picomatch cannot read is a problem at its place, not a crash when files are matched. */
  const checkGlob = (what: string) => (glob: string, node: Node) => {
    const problem = globProblem(glob);
    if (problem !== undefined) at(node.offset, `${what}: ${problem}`);
  };

  const rulesOf = (node: Node | undefined): Record<string, RuleSetting> => {
    const out: Record<string, RuleSetting> = Object.create(null) as Record<string, RuleSetting>;
    if (!node) return out;
    if (node.type !== "object") {
      at(node.offset, '"rules" must be an object of rule settings by rule id');
      return out;
    }
    for (const prop of node.children ?? []) {
      const [keyNode, valueNode] = prop.children as [Node, Node];
      const id = keyNode.value as string;
      if (!ruleIds.includes(id)) {
        const suggestion = closest(id, ruleIds);
        at(keyNode.offset, `unknown rule '${id}'${suggestion ? `. Did you mean '${suggestion}'?` : ""}`);
        continue;
      }
      const setting = settingOf(valueNode, id);
      if (setting) out[id] = setting;
    }
    return out;
  };

  /** The options a rule is given must be ones it takes (its metadata names them). */
  const checkOptionNames = (options: Node, id: string) => {
    const known = Object.keys(ALL_RULES.find((r) => r.meta.id === id)?.meta.options ?? {});
    for (const prop of options.children ?? []) {
      const keyNode = prop.children![0]!;
      const name = keyNode.value as string;
      if (known.includes(name)) continue;
      const suggestion = closest(name, known);
      const takes = known.length === 0 ? `'${id}' takes no options` : `the options of '${id}' are ${known.join(", ")}`;
      at(keyNode.offset, `unknown option '${name}'${suggestion ? `. Did you mean '${suggestion}'?` : ""} (${takes})`);
    }
  };

  const settingOf = (node: Node, id: string): RuleSetting | undefined => {
    const bad = () => at(node.offset, `the setting of '${id}' must be "off", "warn" or "error", or ["warn", { options }]`);
    if (node.type === "string") {
      const s = node.value as string;
      if (!(SEVERITIES as readonly string[]).includes(s)) return bad(), undefined;
      return normalizeSeverity(s);
    }
    if (node.type === "array") {
      const [sev, options, ...rest] = node.children ?? [];
      if (sev?.type !== "string" || !(SEVERITIES as readonly string[]).includes(sev.value as string) || rest.length > 0 || (options && options.type !== "object")) return bad(), undefined;
      if (options) checkOptionNames(options, id);
      return [normalizeSeverity(sev.value as string), options ? (getNodeValue(options) as Record<string, unknown>) : {}];
    }
    return bad(), undefined;
  };

  for (const prop of root.children ?? []) {
    const key = prop.children![0]!.value as string;
    if (!Object.hasOwn(TOP_KEYS, key)) {
      const suggestion = closest(key, Object.keys(TOP_KEYS));
      at(prop.children![0]!.offset, `unknown key '${key}'${suggestion ? `. Did you mean '${suggestion}'?` : ""} (the keys are ${Object.keys(TOP_KEYS).join(", ")})`);
    }
  }

  const overridesNode = findNodeAtLocation(root, ["overrides"]);
  const overrides: Config["overrides"][number][] = [];
  if (overridesNode && overridesNode.type !== "array") at(overridesNode.offset, '"overrides" must be a list of { "files": [globs], "rules": { … } }');
  for (const o of overridesNode?.type === "array" ? (overridesNode.children ?? []) : []) {
    if (o.type !== "object") {
      at(o.offset, 'an override must be { "files": [globs], "rules": { … } }');
      continue;
    }
    for (const prop of o.children ?? []) {
      const key = prop.children![0]!.value as string;
      if (key !== "files" && key !== "rules" && key !== "kind") at(prop.children![0]!.offset, `unknown key '${key}' in an override (the keys are files, rules, kind)`);
    }
    const files = strings(findNodeAtLocation(o, ["files"]), '"files"', checkGlob('"files"'));
    if (files.length === 0) at(o.offset, 'an override needs "files": a list of globs');
    const kindNode = findNodeAtLocation(o, ["kind"]);
    const kind = kindNode?.type === "string" && PAYLOAD_KINDS.includes(kindNode.value as string) ? (kindNode.value as string) : undefined;
    if (kindNode && kind === undefined) at(kindNode.offset, `"kind" is the kind of payload the JSON files are: one of ${PAYLOAD_KINDS.map((k) => `"${k}"`).join(", ")}`);
    overrides.push({ files, rules: rulesOf(findNodeAtLocation(o, ["rules"])), ...(kind !== undefined ? { kind } : {}) });
  }

  const portalNode = findNodeAtLocation(root, ["portal"]);
  if (portalNode && portalNode.type !== "object") at(portalNode.offset, '"portal" must be { "icons": […], "logos": […], "badges": […] }');
  for (const prop of portalNode?.type === "object" ? (portalNode.children ?? []) : []) {
    const key = prop.children![0]!.value as string;
    if (!(PORTAL_KEYS as readonly string[]).includes(key)) at(prop.children![0]!.offset, `unknown key '${key}' in "portal" (the keys are ${PORTAL_KEYS.join(", ")})`);
  }
  const portal = {
    icons: strings(findNodeAtLocation(root, ["portal", "icons"]), '"portal.icons"'),
    logos: strings(findNodeAtLocation(root, ["portal", "logos"]), '"portal.logos"'),
    badges: strings(findNodeAtLocation(root, ["portal", "badges"]), '"portal.badges"'),
  };
  const languagesNode = findNodeAtLocation(root, ["languages"]);
  const configured = languagesNode
    ? strings(languagesNode, '"languages"', (id, node) => {
        if (!languages.includes(id)) at(node.offset, `'${id}' is not a Bitrix24 language id${closest(id, languages) ? `. Did you mean '${closest(id, languages)!}'?` : ""}`);
      })
    : undefined;
  const targetNode = findNodeAtLocation(root, ["target"]);
  if (targetNode && targetNode.value !== "server" && targetNode.value !== "docs") at(targetNode.offset, '"target" must be "server" or "docs"');
  const config: Config = {
    dir,
    target: targetNode?.value === "docs" ? "docs" : "server",
    rules: rulesOf(findNodeAtLocation(root, ["rules"])),
    overrides,
    ignore: strings(findNodeAtLocation(root, ["ignore"]), '"ignore"', checkGlob('"ignore"')),
    include: strings(findNodeAtLocation(root, ["include"]), '"include"', checkGlob('"include"')),
    languages: configured,
    portal,
  };
  if (problems.length > 0) throw new ConfigError(file, problems.sort((a, b) => a.line - b.line || a.column - b.column));
  return config;
}

function normalizeSeverity(s: string): Severity | "off" {
  return s === "warn" ? "warning" : (s as Severity | "off");
}

/** The check options a config gives one file (a path relative to the config's folder, with `/`). */
export function checkOptionsFor(config: Config, relativePath: string): CheckOptions {
  const settings: Record<string, RuleSetting> = { ...config.rules };
  for (const o of config.overrides) if (o.files.some((g) => globMatcher(g)(relativePath))) Object.assign(settings, o.rules);
  const severities: Record<string, Severity | "off"> = {};
  const ruleOptions: Record<string, Record<string, unknown>> = {};
  for (const [id, setting] of Object.entries(settings)) {
    if (typeof setting === "string") severities[id] = setting;
    else {
      severities[id] = setting[0];
      ruleOptions[id] = { ...setting[1] };
    }
  }
  // What the rest of the config means for the rules that take it.
  const codes = ruleOptions["unknown-code"] ?? {};
  ruleOptions["unknown-code"] = { ...codes, icons: config.portal.icons, logos: config.portal.logos };
  const badges = ruleOptions["unknown-badge-code"] ?? {};
  const external = Array.isArray(badges["externalBadges"]) ? (badges["externalBadges"] as unknown[]) : [];
  ruleOptions["unknown-badge-code"] = { ...badges, externalBadges: [...external, ...config.portal.badges] };
  if (config.languages) ruleOptions["missing-translation"] = { ...(ruleOptions["missing-translation"] ?? {}), languages: config.languages };
  return { severities, ruleOptions, target: config.target };
}

/**
 * Where each rule setting that applies to a file comes from: `rules`, or `overrides[i]` for the
 * last override matching the file that sets it (later entries win, as in checkOptionsFor).
 */
export function settingSources(config: Config, relativePath: string): Record<string, string> {
  const sources: Record<string, string> = {};
  for (const id of Object.keys(config.rules)) sources[id] = "rules";
  config.overrides.forEach((o, i) => {
    if (!o.files.some((g) => globMatcher(g)(relativePath))) return;
    for (const id of Object.keys(o.rules)) sources[id] = `overrides[${i}]`;
  });
  return sources;
}

/** Whether the config ignores a file (a path relative to the config's folder, with `/`). */
export function isIgnored(config: Config, relativePath: string): boolean {
  return config.ignore.some((g) => globMatcher(g)(relativePath));
}

/** Whether the config's `include` takes a JSON payload found in a folder (a path relative to the config's folder, with `/`). */
export function isIncluded(config: Config, relativePath: string): boolean {
  return config.include.some((g) => globMatcher(g)(relativePath));
}

/** The kind of payload the config says a JSON file is (the last override matching it that says one), if any. */
export function payloadKindFor(config: Config, relativePath: string): string | undefined {
  let kind: string | undefined;
  for (const o of config.overrides) if (o.kind !== undefined && o.files.some((g) => globMatcher(g)(relativePath))) kind = o.kind;
  return kind;
}

/** Globs compiled once, however many files they are matched against. */
const globMatchers = new Map<string, (path: string) => boolean>();

function globMatcher(glob: string): (path: string) => boolean {
  let matcher = globMatchers.get(glob);
  if (!matcher) {
    try {
      matcher = picomatch(glob, { dot: true });
    } catch {
      // Only a config that was not read by parseConfig can hold such a glob: it matches nothing.
      matcher = () => false;
    }
    globMatchers.set(glob, matcher);
  }
  return matcher;
}

/** Why picomatch cannot read `glob`, or undefined when it can. */
function globProblem(glob: string): string | undefined {
  if (glob === "") return "a glob cannot be empty";
  try {
    if (!globMatchers.has(glob)) globMatchers.set(glob, picomatch(glob, { dot: true }));
    return undefined;
  } catch (error) {
    const shown = glob.length > 40 ? `${glob.slice(0, 40)}…` : glob;
    const tooLong = /exceeds maximum allowed length: (\d+)/.exec(error instanceof Error ? error.message : "");
    if (tooLong) return `the glob '${shown}' is ${glob.length.toLocaleString("en")} characters long; globs are at most ${Number(tooLong[1]).toLocaleString("en")}`;
    return `'${shown}' is not a glob: ${error instanceof Error ? error.message : String(error)}`;
  }
}

/** The JSON Schema of the config file (draft-07), shipped as b24layout.config.schema.json. */
export function configSchema(): Record<string, unknown> {
  const ruleIds = ALL_RULES.map((r) => r.meta.id);
  const severity = { enum: ["off", "warn", "error"] };
  const setting = { oneOf: [severity, { type: "array", items: [severity, { type: "object" }], minItems: 1, maxItems: 2 }] };
  const rules = { type: "object", description: TOP_KEYS["rules"], properties: Object.fromEntries(ruleIds.map((id) => [id, { ...setting, description: ALL_RULES.find((r) => r.meta.id === id)!.meta.description }])), additionalProperties: false };
  const strings = { type: "array", items: { type: "string" } };
  return {
    $schema: "http://json-schema.org/draft-07/schema#",
    $id: "b24layout.config.schema.json",
    title: "b24layout.config.json",
    description: "Configuration of b24layout: rule settings, overrides, ignored files, languages and portal codes.",
    type: "object",
    properties: {
      $schema: { type: "string", description: TOP_KEYS["$schema"] },
      rules,
      overrides: {
        type: "array",
        description: TOP_KEYS["overrides"],
        items: {
          type: "object",
          properties: { files: { ...strings, minItems: 1 }, rules, kind: { enum: PAYLOAD_KINDS, description: "The kind of payload the JSON files are, instead of recognising it from their shape (as --kind)." } },
          required: ["files"],
          additionalProperties: false,
        },
      },
      ignore: { ...strings, description: TOP_KEYS["ignore"] },
      include: { ...strings, description: TOP_KEYS["include"] },
      languages: { type: "array", items: { enum: BITRIX_LANGUAGES.map((l) => l.id) }, description: TOP_KEYS["languages"] },
      target: { enum: ["server", "docs"], description: TOP_KEYS["target"] },
      portal: {
        type: "object",
        description: TOP_KEYS["portal"],
        properties: Object.fromEntries(PORTAL_KEYS.map((k) => [k, strings])),
        additionalProperties: false,
      },
    },
    additionalProperties: false,
  };
}
