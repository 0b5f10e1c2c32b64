#!/usr/bin/env node
/**
 * Builds the package:
 *   dist/package.json   {"type": "commonjs"}: the bin below is CommonJS, so no ES module loader
 *                       starts in front of the CommonJS program (~5 ms of every run); the library's
 *                       files are ES modules by their extension (.mjs)
 *   dist/cli.js         the `bin` entry: two lines that start dist/cli.cjs. Its path never changes:
 *                       `npx b24layout` inside a clone installs the project into npx's cache once
 *                       and keeps linking the bin path it saw then, so a renamed bin breaks every
 *                       machine that ran it before ("b24layout: not found").
 *   dist/cli.cjs        the executable: a loader that starts dist/b24layout.cjs from
 *                       the V8 code cache dist/b24layout-<node version>-<arch>.cache (made here
 *                       by a warm-up run; it starts with a copy of the bundle it was made from,
 *                       and the loader takes it only for that bundle and only when no one may
 *                       write it who may not write the bundle: see src/cli/loader.ts)
 *   dist/b24layout.cjs  the program (CommonJS, one file, dependencies bundled but the language
 *                       server's libraries and those a few commands load on demand: yaml, diff,
 *                       chokidar, found in node_modules when needed)
 *   dist/b24layout-lsp.cjs  the language server, which the program requires for `lsp`
 *   dist/index.mjs      the library (ESM, dependencies bundled but Prettier)
 *   dist/prettier.mjs   the Prettier plugin (`b24layout/prettier`), sharing chunks with the library
 *   dist/eslint.mjs     the ESLint plugin (`b24layout/eslint`), sharing chunks with the library
 *   dist/chunks/        code they load on demand (the formatter)
 *   dist/types/         declarations of the library (tsc -p tsconfig.build.json), with a
 *                       package.json of {"type": "module"}: they declare ES modules
 *
 * Options: --out-dir DIR (default dist), --cli-only (only the executable; used by the tests),
 * --no-types (skip the declarations), --minify.
 *
 * Bundling keeps start-up fast: chevrotain alone takes ~300 ms to import unbundled, and the code
 * cache saves another ~45 ms of compiling per run. commander is CommonJS, so the ESM library
 * bundle gets a `require` from createRequire for the node built-ins it loads.
 *
 * Chevrotain's grammar analysis (the parser's lookahead paths, ~15 ms at every start) runs here
 * instead: the grammar is validated and its lookahead tables computed once, and the bundles get
 * them as the constant B24LAYOUT_BUILT_LOOKAHEAD, a string of JSON (see src/syntax/grammar.ts).
 *
 * Prettier is never bundled: the plugin must use the Prettier that loads it, and the formatter
 * loads it only when it formats (`fmt` and the library's `format`), so no other command pays for it.
 */
import { build } from "esbuild";
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { chmod, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join, resolve, sep } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
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

/**
 * jsonc-parser's main entry is a UMD module that requires its parts at run time, which a bundle
 * cannot follow; its ES module build bundles like any other.
 */
const JSONC_PARSER_ESM = { "jsonc-parser": "jsonc-parser/lib/esm/main.js" };

/**
 * The parser's lookahead tables as JSON, computed by the source itself (bundled into a temporary
 * module first: Node cannot import TypeScript). Chevrotain validates the grammar on the way and
 * throws on a broken or ambiguous one, which fails the build.
 */
async function builtLookahead() {
  const dir = await mkdtemp(join(tmpdir(), "b24layout-lookahead-"));
  try {
    const outfile = join(dir, "lookahead.mjs");
    await build({
      stdin: { contents: 'export { serializedLookahead } from "./src/syntax/parser.ts";', resolveDir: root, loader: "ts" },
      bundle: true,
      platform: "node",
      format: "esm",
      outfile,
      logLevel: "warning",
      alias: JSONC_PARSER_ESM,
    });
    const { serializedLookahead } = await import(pathToFileURL(outfile).href);
    return JSON.stringify(serializedLookahead());
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * commander requires node:child_process when it loads, for subcommands run as executables, which
 * b24layout has none of: loading it (with net, dgram and streams) would cost every start ~2.5 ms.
 * The bundle gets a commander that loads it when it spawns.
 */
const lazyChildProcessInCommander = {
  name: "lazy-child-process-in-commander",
  setup(b) {
    b.onLoad({ filter: /[\\/]commander[\\/]lib[\\/]command\.js$/ }, async (args) => {
      const text = await readFile(args.path, "utf8");
      const eager = "const childProcess = require('node:child_process');";
      if (!text.includes(eager)) throw new Error(`${args.path} no longer requires node:child_process as this build expects: update lazyChildProcessInCommander`);
      return { contents: text.replace(eager, "const childProcess = { spawn: (...args) => require('node:child_process').spawn(...args) };"), loader: "js" };
    });
  },
};

/**
 * node:crypto and node:fs/promises cost a start ~2.5 ms and ~1 ms to load (crypto brings Node's
 * streams), and `check` of clean files needs neither; nor does it need @babel/code-frame (with
 * its identifier tables and js-tokens' expressions) unless a report shows code frames. In the
 * CLI program, the functions src/ takes from these modules load the module on their first call.
 * A name not listed here fails the build ("No matching export"): add it.
 */
const LAZY_BUILTINS = {
  "node:crypto": ["createHash", "randomBytes"],
  "node:fs/promises": ["lstat", "mkdir", "open", "readdir", "readFile", "rename", "stat", "unlink", "writeFile"],
  "@babel/code-frame": ["codeFrameColumns"],
};
const lazyBuiltins = {
  name: "lazy-builtins",
  setup(b) {
    const filter = new RegExp(`^(${Object.keys(LAZY_BUILTINS).join("|")})$`);
    const src = join(root, "src") + sep;
    b.onResolve({ filter }, (args) => (args.importer.startsWith(src) ? { path: args.path, namespace: "lazy-builtin" } : undefined));
    b.onLoad({ filter: /.*/, namespace: "lazy-builtin" }, (args) => ({
      contents: [
        "let loaded;",
        `const m = () => (loaded ??= require(${JSON.stringify(args.path)}));`,
        ...LAZY_BUILTINS[args.path].map((name) => `export function ${name}(...args) { return m().${name}(...args); }`),
      ].join("\n"),
      loader: "js",
      resolveDir: root,
    }));
  },
};

/**
 * picocolors decides its default colours when it loads, by asking process.stdout whether it is a
 * terminal, which makes Node load its stream machinery (net, streams, tty: ~3 ms). b24layout only
 * calls createColors with its own decision (src/cli/output.ts), so the CLI program's picocolors
 * skips that question.
 */
const picocolorsWithoutStdoutProbe = {
  name: "picocolors-without-stdout-probe",
  setup(b) {
    b.onLoad({ filter: /[\\/]picocolors[\\/]picocolors\.js$/ }, async (args) => {
      const text = await readFile(args.path, "utf8");
      const probe = '((p.stdout || {}).isTTY && env.TERM !== "dumb")';
      if (!text.includes(probe)) throw new Error(`${args.path} no longer reads process.stdout as this build expects: update picocolorsWithoutStdoutProbe`);
      return { contents: text.replace(probe, "false"), loader: "js" };
    });
  },
};

/**
 * jsonc-parser's modules have no side effects, but its package does not say so, and its formatter's
 * module builds 1,200 indentation strings when it loads (~1 ms of every start) although b24layout
 * never formats JSON through it: declared free of side effects, what is not used is left out.
 */
const jsoncParserWithoutSideEffects = {
  name: "jsonc-parser-without-side-effects",
  setup(b) {
    const inPackage = /[\\/]node_modules[\\/]jsonc-parser[\\/]/;
    b.onResolve({ filter: /^\.\.?\// }, async (args) => {
      if (!inPackage.test(args.importer) || args.pluginData === "jsonc-parser-resolved") return undefined;
      const resolved = await b.resolve(args.path, { kind: args.kind, importer: args.importer, resolveDir: args.resolveDir, pluginData: "jsonc-parser-resolved" });
      return resolved.errors.length > 0 ? undefined : { path: resolved.path, sideEffects: false };
    });
  },
};

/**
 * Chevrotain's lexer fills a table of all 65,536 UTF-16 code units when the first lexer is built
 * (~1.5 ms of every start) to map each to its first-character bucket with one array read; the
 * bucket is `255 + ~~(code / 255)` above 255, and only characters above 255 ever read the table
 * (below it a code is its own bucket). The bundles compute it instead: the same buckets, and no table.
 */
const chevrotainWithoutCharCodeTable = {
  name: "chevrotain-without-char-code-table",
  setup(b) {
    b.onLoad({ filter: /[\\/]chevrotain[\\/]lib[\\/]src[\\/]scan[\\/]lexer\.js$/ }, async (args) => {
      const text = await readFile(args.path, "utf8");
      const lookup = ": charCodeToOptimizedIdxMap[charCode];";
      const fill = "if (isEmpty(charCodeToOptimizedIdxMap)) {";
      if (!text.includes(lookup) || !text.includes(fill)) throw new Error(`${args.path} no longer builds its char code table as this build expects: update chevrotainWithoutCharCodeTable`);
      return { contents: text.replace(lookup, ": 255 + ~~(charCode / 255);").replace(fill, "if (false) {"), loader: "js" };
    });
  },
};

/** Packages src/ only ever loads with `await import(…)`, for a few commands (see the CLI program's build). */
const ON_DEMAND_PACKAGES = ["yaml", "diff", "chokidar"];

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
  alias: JSONC_PARSER_ESM,
  external: ["prettier", "prettier/*"],
  plugins: [lazyChildProcessInCommander, jsoncParserWithoutSideEffects, chevrotainWithoutCharCodeTable],
  // A string of JSON, which the program parses (see src/syntax/grammar.ts).
  define: { B24LAYOUT_BUILT_LOOKAHEAD: JSON.stringify(await builtLookahead()) },
};

await mkdir(outDir, { recursive: true });
await writeFile(join(outDir, "package.json"), `${JSON.stringify({ type: "commonjs" })}\n`);

// The executable is a small loader (dist/cli.cjs) that starts the program bundle
// (dist/b24layout.cjs) from a V8 code cache made here (dist/b24layout-<node>-<arch>.cache): see src/cli/loader.ts.
// CommonJS, because only classic scripts can be compiled with a code cache on Node 20.
const program = join(outDir, "b24layout.cjs");
/** The options of the CommonJS bundles the executable runs: the program, and the language server it requires for `lsp`. */
const executable = {
  ...common,
  format: "cjs",
  // Minified: the code cache of a minified bundle is smaller and loads faster (~10 ms a run).
  // The source map turns stack traces (B24LAYOUT_DEBUG=1 with node --enable-source-maps) back
  // into source positions.
  minify: true,
  sourcemap: true,
  // Bundled ES modules (fdir) read import.meta.url; in CommonJS it comes from __filename, when
  // first read (pathToFileURL costs every start ~0.5 ms, and `check` of files never reads it).
  define: { ...common.define, "import.meta.url": "__b24ImportMeta.url" },
  // The program runs as a vm.Script, where `import()` has no loader: external packages loaded on
  // demand (Prettier) are required instead.
  supported: { "dynamic-import": false },
  // The language server's libraries are loaded from node_modules when `lsp` starts: bundled, they
  // would make the program a third bigger, and every command's start slower. So are the libraries
  // that src/ imports on demand for a few commands (yaml: a YAML Prettier config; diff: --fix-dry-run;
  // chokidar: --watch): 15% of the program, whose every function V8 would otherwise set up at each
  // start (the bundle declares them at its top level) and read from the code cache.
  external: [...common.external, "vscode-languageserver", "vscode-languageserver/*", "vscode-languageserver-textdocument", ...ON_DEMAND_PACKAGES],
  banner: { js: 'var __b24ImportMeta = { get url() { return require("node:url").pathToFileURL(__filename).href; } };' },
  plugins: [...common.plugins, lazyBuiltins, picocolorsWithoutStdoutProbe],
};
// The language server is a bundle of its own (dist/b24layout-lsp.cjs), which the program requires
// when `lsp` starts: in the program it would be a tenth of what every other command's start sets
// up and reads from the code cache. It shares nothing with the program but the process (the
// `lsp` command only starts it), so its own copy of the checker is no second state.
const languageServerEntry = {
  name: "language-server-bundle",
  setup(b) {
    b.onResolve({ filter: /^\.\.\/lsp\/index\.js$/ }, (args) => (args.importer === join(root, "src", "cli", "main.ts") ? { path: "./b24layout-lsp.cjs", external: true } : undefined));
  },
};
await build({ ...executable, entryPoints: ["src/cli/bin.ts"], outfile: program, plugins: [...executable.plugins, languageServerEntry] });
await build({ ...executable, entryPoints: ["src/lsp/index.ts"], outfile: join(outDir, "b24layout-lsp.cjs") });
const programBytes = await readFile(program);
// The loader decodes the program as Latin-1 (faster than UTF-8, and a one-byte string for V8),
// which is only right for ASCII. esbuild escapes every other character but those in String.raw.
const notAscii = programBytes.findIndex((byte) => byte > 0x7f);
if (notAscii !== -1) {
  const line = programBytes.subarray(0, notAscii).toString("latin1").split("\n").length;
  throw new Error(`${program}:${line}: a character outside ASCII; write it as an escape (\\u....) in the source (String.raw keeps it as it is)`);
}
const cli = join(outDir, "cli.cjs");
await build({
  ...common,
  format: "cjs",
  entryPoints: ["src/cli/loader.ts"],
  outfile: cli,
  banner: { js: "#!/usr/bin/env node" },
  define: { ...common.define, B24LAYOUT_BUNDLE_SHA256: JSON.stringify(createHash("sha256").update(programBytes).digest("hex")) },
});
await chmod(cli, 0o755);
const bin = join(outDir, "cli.js");
await writeFile(bin, '#!/usr/bin/env node\n// The package\'s bin (a path that must not change): see scripts/bundle.mjs.\nrequire("./cli.cjs");\n');
await chmod(bin, 0o755);
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
    outExtension: { ".js": ".mjs" },
    banner: { js: requireBanner },
  });
  if (!values["no-types"]) {
    const typesDir = join(outDir, "types");
    await rm(typesDir, { recursive: true, force: true });
    const tsc = join(root, "node_modules", "typescript", "bin", "tsc");
    try {
      execFileSync(process.execPath, [tsc, "-p", "tsconfig.build.json", "--outDir", typesDir], { cwd: root, stdio: "inherit" });
      await writeFile(join(typesDir, "package.json"), `${JSON.stringify({ type: "module" })}\n`);
    } catch {
      console.error("bundle: tsc -p tsconfig.build.json failed (errors above); the declarations are incomplete.");
      process.exitCode = 1;
    }
  }
}
