/**
 * `b24layout schema [kind]`: print the JSON Schema of an output kind, or of all of them.
 */
import { formatJson } from "../emit/index.js";
import { allSchemas, schemaFor, SCHEMA_KINDS } from "../emit/index.js";
import { closest } from "../util/index.js";
import { CliError, EXIT_OK, type CliIo } from "./io.js";

export function runSchema(kind: string | undefined, io: CliIo): number {
  if (kind === undefined) {
    io.stdout.write(formatJson(allSchemas()));
    return EXIT_OK;
  }
  const schema = schemaFor(kind);
  if (!schema) {
    const guess = closest(kind, SCHEMA_KINDS);
    const hint = guess ? ` Did you mean '${guess}'?` : "";
    throw new CliError(`unknown schema kind '${kind}'.${hint} Kinds: ${SCHEMA_KINDS.join(", ")}.`);
  }
  io.stdout.write(formatJson(schema));
  return EXIT_OK;
}
