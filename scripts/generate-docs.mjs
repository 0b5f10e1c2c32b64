#!/usr/bin/env node
// Writes docs/rules/<id>.md for every rule and docs/rules/README.md, from the rules' metadata, and
// b24layout.config.schema.json (the config file's JSON Schema, src/config/config.ts)
// (src/check/rule-docs.ts), and removes docs of rules that no longer exist. The sources are
// bundled with esbuild first, as Node cannot import TypeScript. test/docs.test.ts fails when the
// committed docs differ from what this writes.
import { build } from "esbuild";
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const dir = await mkdtemp(join(tmpdir(), "b24layout-docs-"));
try {
  const entry = join(dir, "entry.ts");
  await writeFile(
    entry,
    `export { ALL_RULES } from ${JSON.stringify(join(root, "src/check/rules/index.ts"))};\nexport { ruleDoc, ruleIndex, RULE_DOCS_DIR } from ${JSON.stringify(join(root, "src/check/rule-docs.ts"))};\nexport { configSchema, CONFIG_SCHEMA_FILE } from ${JSON.stringify(join(root, "src/config/config.ts"))};\n`,
  );
  const outfile = join(dir, "docs.mjs");
  // jsonc-parser: its ES module build, as in scripts/bundle.mjs.
  await build({ entryPoints: [entry], bundle: true, platform: "node", format: "esm", outfile, logLevel: "warning", alias: { "jsonc-parser": "jsonc-parser/lib/esm/main.js" } });
  const { ALL_RULES, ruleDoc, ruleIndex, RULE_DOCS_DIR, configSchema, CONFIG_SCHEMA_FILE } = await import(pathToFileURL(outfile).href);
  const schemaPath = join(root, CONFIG_SCHEMA_FILE);
  const schema = `${JSON.stringify(configSchema(), null, 2)}\n`;
  if ((await readFile(schemaPath, "utf8").catch(() => undefined)) !== schema) {
    await writeFile(schemaPath, schema);
    console.log(`wrote ${CONFIG_SCHEMA_FILE}`);
  }
  const target = join(root, RULE_DOCS_DIR);
  await mkdir(target, { recursive: true });
  const files = new Map(ALL_RULES.map((r) => [`${r.meta.id}.md`, ruleDoc(r.meta)]));
  files.set("README.md", ruleIndex(ALL_RULES.map((r) => r.meta)));
  for (const [name, text] of files) {
    const path = join(target, name);
    if ((await readFile(path, "utf8").catch(() => undefined)) !== text) {
      await writeFile(path, text);
      console.log(`wrote ${RULE_DOCS_DIR}/${name}`);
    }
  }
  for (const name of await readdir(target)) {
    if (!files.has(name)) {
      await rm(join(target, name));
      console.log(`removed ${RULE_DOCS_DIR}/${name}`);
    }
  }
} finally {
  await rm(dir, { recursive: true, force: true });
}
