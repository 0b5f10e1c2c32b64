#!/usr/bin/env node
// Writes docs/rules/<id>.md for every rule and docs/rules/README.md, from the rules' metadata
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
    `export { ALL_RULES } from ${JSON.stringify(join(root, "src/check/rules/index.ts"))};\nexport { ruleDoc, ruleIndex, RULE_DOCS_DIR } from ${JSON.stringify(join(root, "src/check/rule-docs.ts"))};\n`,
  );
  const outfile = join(dir, "docs.mjs");
  await build({ entryPoints: [entry], bundle: true, platform: "node", format: "esm", outfile, logLevel: "warning" });
  const { ALL_RULES, ruleDoc, ruleIndex, RULE_DOCS_DIR } = await import(pathToFileURL(outfile).href);
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
