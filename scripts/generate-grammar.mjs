#!/usr/bin/env node
// Writes the generated files of grammar/ (syntax-diagrams.html, grammar.ebnf, vocabulary.md).
// Their content comes from scripts/grammar-lib.ts; Node cannot import TypeScript, so the library is
// bundled with esbuild into a temporary file first. `npm run grammar` therefore needs no build.
// test/grammar.test.ts fails when the committed files differ from what this writes.
import { build } from "esbuild";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const dir = await mkdtemp(join(tmpdir(), "b24layout-grammar-"));
try {
  const outfile = join(dir, "grammar-lib.mjs");
  await build({
    entryPoints: [join(root, "scripts", "grammar-lib.ts")],
    bundle: true,
    platform: "node",
    format: "esm",
    outfile,
    logLevel: "warning",
  });
  const { generateGrammarFiles } = await import(pathToFileURL(outfile).href);
  for (const [name, text] of Object.entries(generateGrammarFiles(root))) {
    const path = join(root, "grammar", name);
    const old = await readFile(path, "utf8").catch(() => undefined);
    if (old === text) {
      console.log(`grammar/${name} is up to date`);
    } else {
      await writeFile(path, text);
      console.log(`wrote grammar/${name}`);
    }
  }
} finally {
  await rm(dir, { recursive: true, force: true });
}
