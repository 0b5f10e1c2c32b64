#!/usr/bin/env node
/**
 * Builds the VS Code extension in vscode-extension/ and packages it as
 * vscode-extension/b24layout-<version>.vsix:
 *   dist/extension.js                   the client: vscode-languageclient bundled, `vscode` left to the editor
 *   dist/server.js                      the language server (src/lsp) with every dependency bundled,
 *                                       Prettier included: the extension ships no node_modules
 *   syntaxes/b24layout.tmLanguage.json  a copy of grammar/b24layout.tmLanguage.json
 *   docs/rules/*.md                     the rule pages the diagnostics link to (the server looks for
 *                                       a docs/ folder upward from its bundle: packageRoot() in src/lsp/server.ts)
 *   ThirdPartyNotices.txt               the name, version, license and license text of every package
 *                                       whose code the bundles hold (read off esbuild's metafile)
 * and then runs `vsce package --no-dependencies` (@vscode/vsce 3.9, which runs on Node 20, offline).
 *
 * Options:
 *   --out-dir DIR   build the extension into DIR instead (with a copy of its manifest, README, …),
 *                   for example outside the repository, where no node_modules can help the bundles
 *                   (test/textmate/extension.test.ts does that)
 *   --no-package    stop before vsce
 *   --no-typecheck  skip `tsc -p vscode-extension/tsconfig.json` (esbuild does not check types)
 *
 * Both bundles are CommonJS: VS Code ^1.91 loads extensions with require(). The sources of src/
 * read import.meta.url, which a CommonJS bundle takes from __filename (as scripts/bundle.mjs does).
 */
import { build } from "esbuild";
import { execFileSync } from "node:child_process";
import { cp, mkdir, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const extensionDir = join(root, "vscode-extension");

const { values } = parseArgs({
  options: {
    "out-dir": { type: "string" },
    "no-package": { type: "boolean", default: false },
    "no-typecheck": { type: "boolean", default: false },
  },
});
const outDir = values["out-dir"] === undefined ? extensionDir : resolve(values["out-dir"]);

/** The files of vscode-extension/ that go into the .vsix as they are. */
const MANIFEST_FILES = ["package.json", "language-configuration.json", "README.md", "CHANGELOG.md", "LICENSE", ".vscodeignore"];

const manifest = JSON.parse(await readFile(join(extensionDir, "package.json"), "utf8"));
const require = createRequire(join(root, "package.json"));

if (!values["no-typecheck"]) {
  const tsc = join(root, "node_modules", "typescript", "bin", "tsc");
  try {
    execFileSync(process.execPath, [tsc, "-p", join(extensionDir, "tsconfig.json"), "--noEmit"], { cwd: root, stdio: "inherit" });
  } catch {
    console.error("build-extension: tsc -p vscode-extension/tsconfig.json failed (errors above).");
    process.exit(1);
  }
}

await mkdir(outDir, { recursive: true });
if (outDir !== extensionDir) {
  for (const file of MANIFEST_FILES) await cp(join(extensionDir, file), join(outDir, file));
}
for (const made of ["dist", "syntaxes", "docs", "ThirdPartyNotices.txt"]) await rm(join(outDir, made), { recursive: true, force: true });

/**
 * The full Prettier package is loaded only for `resolveConfig` (src/format/prettier-config.ts),
 * which needs its YAML plugin (for .prettierrc) and none of the other language plugins: those stay
 * out of the bundle (8 MB) as imports that are never run.
 */
const prettierLanguagePlugins = {
  name: "prettier-language-plugins",
  setup(pluginBuild) {
    pluginBuild.onResolve({ filter: /^\.\/plugins\/.+\.mjs$/ }, (args) => {
      if (!args.importer.includes(`${sep}node_modules${sep}prettier${sep}`) || args.path === "./plugins/yaml.mjs") return undefined;
      return { path: args.path, external: true };
    });
  },
};

/** @type {import("esbuild").BuildOptions} */
const common = {
  bundle: true,
  platform: "node",
  format: "cjs",
  target: "node20",
  minify: true,
  logLevel: "warning",
  absWorkingDir: root,
  // As in scripts/bundle.mjs: jsonc-parser's main entry is a UMD module that requires its parts at
  // run time; its ES module build bundles. The client reaches it too (the JSON payloads' schemas).
  alias: { "jsonc-parser": "jsonc-parser/lib/esm/main.js" },
};

const client = await build({
  ...common,
  entryPoints: [join(extensionDir, "src", "extension.ts")],
  outfile: join(outDir, "dist", "extension.js"),
  external: ["vscode"],
  metafile: true,
});
const server = await build({
  ...common,
  entryPoints: [join(extensionDir, "src", "server.ts")],
  outfile: join(outDir, "dist", "server.js"),
  define: { "import.meta.url": "__b24ImportMetaUrl" },
  banner: { js: 'var __b24ImportMetaUrl = require("node:url").pathToFileURL(__filename).href;' },
  plugins: [prettierLanguagePlugins],
  metafile: true,
});
await writeFile(join(outDir, "ThirdPartyNotices.txt"), await thirdPartyNotices([client.metafile, server.metafile]));

await cp(join(root, "grammar", "b24layout.tmLanguage.json"), join(outDir, "syntaxes", "b24layout.tmLanguage.json"));
await cp(join(root, "docs", "rules"), join(outDir, "docs", "rules"), { recursive: true });

if (!values["no-package"]) {
  const vsce = join(dirname(require.resolve("@vscode/vsce/package.json")), "vsce");
  const vsix = join(outDir, `${manifest.name}-${manifest.version}.vsix`);
  execFileSync(process.execPath, [vsce, "package", "--no-dependencies", "--allow-missing-repository", "--out", vsix], { cwd: outDir, stdio: "inherit" });
}

/**
 * The notices of the packages bundled: for each package (the last `node_modules/<name>/` of an
 * input's path), its name, version and license from its package.json, and its license file.
 */
async function thirdPartyNotices(metafiles) {
  const packages = new Map();
  for (const metafile of metafiles) {
    for (const input of Object.keys(metafile.inputs)) {
      const match = /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(input.replaceAll("\\", "/"));
      if (match) packages.set(match[1], resolve(root, match[1]));
    }
  }
  const entries = [];
  for (const dir of packages.values()) {
    const pkg = JSON.parse(await readFile(join(dir, "package.json"), "utf8"));
    const licenseFile = (await readdir(dir)).find((f) => /^licen[cs]e(\.|$)/i.test(f));
    const text = licenseFile ? (await readFile(join(dir, licenseFile), "utf8")).trim() : `(The package holds no license file; its package.json says: ${pkg.license}.)`;
    entries.push({ name: pkg.name, version: pkg.version, license: typeof pkg.license === "string" ? pkg.license : "see below", text });
  }
  entries.sort((a, b) => a.name.localeCompare(b.name) || a.version.localeCompare(b.version));
  const unique = entries.filter((e, i) => i === 0 || e.name !== entries[i - 1].name || e.version !== entries[i - 1].version);
  const head = [
    "The b24layout extension bundles code of the following packages, under the licenses below.",
    "",
    ...unique.map((e) => `- ${e.name} ${e.version} (${e.license})`),
    "",
  ];
  const bodies = unique.map((e) => `${"=".repeat(80)}\n${e.name} ${e.version} (${e.license})\n${"=".repeat(80)}\n\n${e.text}\n`);
  return `${[...head, ...bodies].join("\n")}`;
}
