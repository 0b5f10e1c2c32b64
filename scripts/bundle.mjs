#!/usr/bin/env node
/**
 * Builds the package:
 *   dist/cli.js         the `bin` entry: two lines that start dist/cli.cjs. Its path never changes:
 *                       `npx b24layout` inside a clone installs the project into npx's cache once
 *                       and keeps linking the bin path it saw then, so a renamed bin breaks every
 *                       machine that ran it before ("b24layout: not found").
 *   dist/cli.cjs        the executable: a loader that starts dist/b24layout.cjs from
 *                       the V8 code cache dist/b24layout-<node version>-<arch>.cache (made here
 *                       by a warm-up run; it starts with the SHA-256 of the bundle it was made
 *                       from, and the loader takes it only for that bundle and only when no one
 *                       may write it who may not write the bundle: see src/cli/loader.ts)
 *   dist/b24layout.cjs  the program (CommonJS, one file, dependencies bundled)
 *   dist/index.js       the library (ESM, dependencies bundled but Prettier)
 *   dist/prettier.js    the Prettier plugin (`b24layout/prettier`), sharing chunks with the library
 *   dist/chunks/        code the two load on demand (the formatter)
 *   dist/types/         declarations of the library (tsc -p tsconfig.build.json)
 *
 * Options: --out-dir DIR (default dist), --cli-only (only the executable; used by the tests),
 * --no-types (skip the declarations), --minify.
 *
 * Bundling keeps start-up fast: chevrotain alone takes ~300 ms to import unbundled, and the code
 * cache saves another ~45 ms of compiling per run. commander is CommonJS, so the ESM library
 * bundle gets a `require` from createRequire for the node built-ins it loads.
 *
 * Prettier is never bundled: the plugin must use the Prettier that loads it, and the formatter
 * loads it only when it formats (`fmt` and the library's `format`), so no other command pays for it.
 */
import { build } from "esbuild";
import { execFileSync } from "node:child_process";
import { chmod, mkdir, readdir, rm, writeFile } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");

const { values } = parseArgs({
  options: {
    "out-dir": { type: "string", default: "dist" },
    "cli-only": { type: "boolean", default: false },
    "no-types": { type: "boolean", default: false },
    minify: { type: "boolean", default: false },
  },
});
const outDir = resolve(root, values["out-dir"]);

const requireBanner = 'import { createRequire as __b24CreateRequire } from "node:module"; const require = __b24CreateRequire(import.meta.url);';

/** @type {import("esbuild").BuildOptions} */
const common = {
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  // The library is not minified by default (readable stack traces); the CLI program is, see below.
  minify: values.minify,
  legalComments: "none",
  logLevel: "warning",
  absWorkingDir: root,
  // jsonc-parser's main entry is a UMD module that requires its parts at run time, which a bundle
  // cannot follow; its ES module build bundles like any other.
  alias: { "jsonc-parser": "jsonc-parser/lib/esm/main.js" },
  external: ["prettier", "prettier/*"],
};

await mkdir(outDir, { recursive: true });

// The executable is a small loader (dist/cli.cjs) that starts the program bundle
// (dist/b24layout.cjs) from a V8 code cache made here (dist/b24layout-<node>-<arch>.cache): see src/cli/loader.ts.
// CommonJS, because only classic scripts can be compiled with a code cache on Node 20.
const cli = join(outDir, "cli.cjs");
await build({
  ...common,
  format: "cjs",
  entryPoints: ["src/cli/loader.ts"],
  outfile: cli,
  banner: { js: "#!/usr/bin/env node" },
});
await chmod(cli, 0o755);
const bin = join(outDir, "cli.js");
await writeFile(bin, '#!/usr/bin/env node\n// The package\'s bin (a path that must not change): see scripts/bundle.mjs.\nimport "./cli.cjs";\n');
await chmod(bin, 0o755);
await build({
  ...common,
  format: "cjs",
  entryPoints: ["src/cli/bin.ts"],
  outfile: join(outDir, "b24layout.cjs"),
  // Minified: the code cache of a minified bundle is smaller and loads faster (~10 ms a run).
  // The source map turns stack traces (B24LAYOUT_DEBUG=1 with node --enable-source-maps) back
  // into source positions.
  minify: true,
  sourcemap: true,
  // Bundled ES modules (fdir) read import.meta.url; in CommonJS it comes from __filename.
  define: { "import.meta.url": "__b24ImportMetaUrl" },
  // The program runs as a vm.Script, where `import()` has no loader: external packages loaded on
  // demand (Prettier) are required instead.
  supported: { "dynamic-import": false },
  // The language server's libraries are loaded from node_modules when `lsp` starts: bundled, they
  // would make the program a third bigger, and every command's start slower.
  external: [...common.external, "vscode-languageserver", "vscode-languageserver/*", "vscode-languageserver-textdocument"],
  banner: { js: 'var __b24ImportMetaUrl = require("node:url").pathToFileURL(__filename).href;' },
});
// Old caches, and what a killed warm-up left (it writes a temporary file, then renames it).
for (const old of await readdir(outDir)) {
  if (old.endsWith(".cache") || (old.startsWith(".") && old.endsWith(".tmp"))) await rm(join(outDir, old), { force: true });
}
try {
  execFileSync(process.execPath, [cli], {
    cwd: root,
    env: { ...process.env, B24LAYOUT_WRITE_CODE_CACHE: join(root, "examples") },
    stdio: "inherit",
  });
} catch {
  // Without the cache the executable still works, only its start is slower.
  console.error("bundle: could not write the code cache; the CLI will start without it.");
}

if (!values["cli-only"]) {
  await rm(join(outDir, "chunks"), { recursive: true, force: true });
  await build({
    ...common,
    entryPoints: [
      { in: "src/index.ts", out: "index" },
      { in: "src/format/plugin.ts", out: "prettier" },
      { in: "src/eslint/index.ts", out: "eslint" },
    ],
    outdir: outDir,
    splitting: true,
    chunkNames: "chunks/[name]-[hash]",
    banner: { js: requireBanner },
  });
  if (!values["no-types"]) {
    const typesDir = join(outDir, "types");
    await rm(typesDir, { recursive: true, force: true });
    const tsc = join(root, "node_modules", "typescript", "bin", "tsc");
    try {
      execFileSync(process.execPath, [tsc, "-p", "tsconfig.build.json", "--outDir", typesDir], { cwd: root, stdio: "inherit" });
    } catch {
      console.error("bundle: tsc -p tsconfig.build.json failed (errors above); the declarations are incomplete.");
      process.exitCode = 1;
    }
  }
}
