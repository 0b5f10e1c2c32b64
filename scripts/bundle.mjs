#!/usr/bin/env node
/**
 * Builds the package:
 *   dist/cli.js    the `b24layout` executable (ESM, one file, dependencies bundled)
 *   dist/index.js  the library (ESM, one file, dependencies bundled)
 *   dist/types/    declarations of the library (tsc -p tsconfig.build.json)
 *
 * Options: --out-dir DIR (default dist), --cli-only (only the executable; used by the tests),
 * --no-types (skip the declarations), --minify.
 *
 * Bundling keeps start-up fast: chevrotain alone takes ~300 ms to import unbundled. commander is
 * CommonJS, so the ESM bundle gets a `require` from createRequire for the node built-ins it loads.
 */
import { build } from "esbuild";
import { execFileSync } from "node:child_process";
import { chmod, mkdir, rm } from "node:fs/promises";
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
  // Not minified by default: measured over 31 interleaved runs, `check <file>` and `--version` take
  // the same CPU time either way (the parser's self-analysis dominates), and readable stack traces
  // (B24LAYOUT_DEBUG=1) are worth more than the 500 KB.
  minify: values.minify,
  legalComments: "none",
  logLevel: "warning",
  absWorkingDir: root,
};

await mkdir(outDir, { recursive: true });

const cli = join(outDir, "cli.js");
await build({
  ...common,
  entryPoints: ["src/cli/bin.ts"],
  outfile: cli,
  banner: { js: `#!/usr/bin/env node\n${requireBanner}` },
});
await chmod(cli, 0o755);

if (!values["cli-only"]) {
  await build({
    ...common,
    entryPoints: ["src/index.ts"],
    outfile: join(outDir, "index.js"),
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
