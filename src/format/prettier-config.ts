/**
 * The formatting settings a Prettier config (`.prettierrc`, its `overrides`) or an `.editorconfig`
 * gives a file, resolved by Prettier itself, for `fmt` and the language server. Prettier's full
 * package is loaded only here: formatting itself needs only its standalone core.
 */
import type { FormatOptions } from "./format.js";

/** The Prettier options that apply to `.b24layout` files and that a Prettier config may set. */
export const PRETTIER_KEYS = ["printWidth", "tabWidth", "useTabs", "endOfLine"] as const;

export class PrettierConfigError extends Error {
  constructor(file: string, cause: unknown) {
    super(`cannot read the Prettier config for '${file}': ${cause instanceof Error ? cause.message : String(cause)}`);
    this.name = "PrettierConfigError";
  }
}

/**
 * A reader of the settings for a file; throws PrettierConfigError for a config it cannot read.
 * With `cache: false` every call reads the config files again (the language server, whose configs
 * may change while it runs).
 */
export async function prettierConfigReader({ cache = true }: { readonly cache?: boolean } = {}): Promise<(file: string) => Promise<FormatOptions>> {
  const { resolveConfig } = await import("prettier");
  return async (file) => {
    let config: Record<string, unknown> | null;
    try {
      config = await resolveConfig(file, { editorconfig: true, useCache: cache });
    } catch (error) {
      throw new PrettierConfigError(file, error);
    }
    return pickFormatOptions(config);
  };
}

/** The options among PRETTIER_KEYS that `source` sets. */
export function pickFormatOptions(source: object | null | undefined): FormatOptions {
  const values = source as Readonly<Record<string, unknown>> | null | undefined;
  const picked: Record<string, unknown> = {};
  for (const key of PRETTIER_KEYS) if (values?.[key] !== undefined) picked[key] = values[key];
  return picked;
}
