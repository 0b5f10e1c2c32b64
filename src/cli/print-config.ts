/**
 * `b24layout check --print-config FILE`: the settings that apply to one file, as JSON, as
 * `eslint --print-config` prints them: which config applies (the nearest one, or --config),
 * whether it ignores the file, the target, and every rule with the severity it has for this file
 * and where that comes from (the rule's default, the config's `rules`, or the override that set it
 * last), with its options. The file need not exist.
 */
import { relative, resolve, sep } from "node:path";
import { ConfigFinder } from "./config.js";
import { EXIT_OK, type CliIo } from "./io.js";
import { displayPath } from "./output.js";

export interface PrintedRule {
  /** The severity for this file: `error`, `warning` or `off`; a rule left at its default whose messages differ lists them, the default first ("error, warning"). */
  readonly severity: string;
  /** `default`, `rules`, or `overrides[i]`. */
  readonly from: string;
  readonly options?: Readonly<Record<string, unknown>>;
}

export async function runPrintConfig(file: string, configPath: string | undefined, io: CliIo): Promise<number> {
  const path = resolve(io.cwd, file);
  const finder = await ConfigFinder.forFiles(io, configPath, [path]);
  const found = finder.configFor(path);
  const { options, ignored } = finder.settingsFor(path);
  const sources = found ? found.module.settingSources(found.config, relative(found.config.dir, path).split(sep).join("/")) : {};
  const { ALL_RULES } = await import("../check/index.js");
  const { severitySummary } = await import("../check/index.js");
  const rules: Record<string, PrintedRule> = {};
  for (const { meta } of ALL_RULES) {
    const set = options.severities?.[meta.id];
    const ruleOptions = options.ruleOptions?.[meta.id];
    rules[meta.id] = {
      severity: set ?? severitySummary(meta),
      from: sources[meta.id] ?? "default",
      ...(ruleOptions && Object.keys(ruleOptions).length > 0 ? { options: ruleOptions } : {}),
    };
  }
  const printed = {
    file: displayPath(path, io.cwd),
    config: found ? displayPath(found.path, io.cwd) : null,
    ignored,
    target: options.target ?? "server",
    rules,
  };
  io.stdout.write(`${JSON.stringify(printed, null, 2)}\n`);
  return EXIT_OK;
}
