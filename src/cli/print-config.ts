/**
 * `b24layout check --print-config FILE`: the settings that apply to one file, as JSON, as
 * `eslint --print-config` prints them: which config applies (the nearest one, or --config),
 * whether it ignores the file, for a JSON payload whether the config's "include" takes it and the
 * kind an override gives it, the target, and every rule that checks that kind of file with the severity it has for this file
 * and where that comes from (the rule's default, the config's `rules`, or the override that set it
 * last), with its options, and the messages reported with another severity (or not at all, for
 * the target). The file need not exist.
 */
import { relative, resolve, sep } from "node:path";
import { ConfigFinder } from "./config.js";
import { isPayloadPath } from "./files.js";
import { EXIT_OK, type CliIo } from "./io.js";
import { displayPath } from "./output.js";

export interface PrintedRule {
  /** The severity for this file: `error`, `warning` or `off`. */
  readonly severity: "error" | "warning" | "off";
  /** `default`, `rules`, or `overrides[i]`. */
  readonly from: string;
  readonly options?: Readonly<Record<string, unknown>>;
  /**
   * The messages reported otherwise, by message id: a rule left at its default may have messages
   * of another severity, and the config's `target` may change a message's severity or not report
   * it (`off`).
   */
  readonly messages?: Readonly<Record<string, "error" | "warning" | "off">>;
}

export async function runPrintConfig(file: string, configPath: string | undefined, io: CliIo): Promise<number> {
  const path = resolve(io.cwd, file);
  const finder = await ConfigFinder.forFiles(io, configPath, [path]);
  const found = finder.configFor(path);
  const { options, ignored, included, kind } = finder.settingsFor(path);
  const payload = isPayloadPath(path);
  const sources = found ? found.module.settingSources(found.config, relative(found.config.dir, path).split(sep).join("/")) : {};
  const { ALL_RULES, appliesTo, messageSpec, severityFor } = await import("../check/index.js");
  const target = options.target ?? "server";
  const rules: Record<string, PrintedRule> = {};
  for (const { meta } of ALL_RULES) {
    // Only the rules that check this kind of file: a JSON payload's or a .b24layout file's.
    if (!appliesTo(meta, payload ? "json" : "b24layout")) continue;
    const set = options.severities?.[meta.id];
    const ruleOptions = options.ruleOptions?.[meta.id];
    // As the checker reports them: each message's severity for the target, then the config's for the rule.
    const effective = Object.keys(meta.messages).map((id) => {
      const own = set === "off" ? "off" : severityFor(messageSpec(meta, id), target);
      return [id, own === undefined ? "off" : (set ?? own)] as const;
    });
    const kinds = new Set(effective.map(([, severity]) => severity));
    const severity = set ?? (kinds.size === 1 ? [...kinds][0]! : meta.severity);
    const messages = effective.filter(([, s]) => s !== severity);
    rules[meta.id] = {
      severity,
      from: sources[meta.id] ?? "default",
      ...(ruleOptions && Object.keys(ruleOptions).length > 0 ? { options: ruleOptions } : {}),
      ...(messages.length > 0 ? { messages: Object.fromEntries(messages) } : {}),
    };
  }
  const printed = {
    file: displayPath(path, io.cwd),
    config: found ? displayPath(found.path, io.cwd) : null,
    ignored,
    // A JSON file is a payload `check` takes when named, or from a folder when the config's "include" takes it; "kind" is an override's.
    ...(payload ? { payload: { included, kind: kind ?? null } } : {}),
    target: options.target ?? "server",
    rules,
  };
  io.stdout.write(`${JSON.stringify(printed, null, 2)}\n`);
  return EXIT_OK;
}
