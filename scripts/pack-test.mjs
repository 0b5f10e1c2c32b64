#!/usr/bin/env node
/**
 * The package as a user gets it: `npm pack`, then the tarball installed into a fresh project in a
 * temporary directory (outside this repository, so nothing resolves from its node_modules) by
 * that project's own `npm install` from the registry. There it runs the bin (`check`, `build`,
 * `fmt`, `init` and the npm scripts it adds), the Prettier plugin through the real Prettier CLI, the
 * ESLint plugin through the real ESLint CLI, the library from ESM and from CommonJS (`require`),
 * and tsc on an app that imports the library's types.
 *
 * Slow (an npm install): CI runs it as its own step (.ci/run), not inside `npm test`.
 * Usage: node scripts/pack-test.mjs [--keep] (keep the temporary project and print its path).
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const { values } = parseArgs({ options: { keep: { type: "boolean", default: false } } });
const npm = process.platform === "win32" ? "npm.cmd" : "npm";

const work = mkdtempSync(join(tmpdir(), "b24layout-pack-test-"));
const app = join(work, "app");
let failures = 0;

/** Runs a command; returns its result without throwing, so one failure does not hide the next. */
function run(cmd, args, options = {}) {
  const r = spawnSync(cmd, args, { cwd: app, encoding: "utf8", env: cleanEnv(), ...options });
  return { status: r.status, stdout: r.stdout ?? "", stderr: r.stderr ?? "", error: r.error };
}

/** No NODE_PATH or npm_config_* of the npm script that started us: the app resolves only from its own node_modules. */
function cleanEnv() {
  const env = { ...process.env, NO_COLOR: "1" };
  for (const k of Object.keys(env)) if (k === "NODE_PATH" || k.startsWith("npm_")) delete env[k];
  return env;
}

function step(name, ok, detail = "") {
  console.log(`${ok ? "ok  " : "FAIL"} ${name}`);
  if (!ok) {
    failures++;
    if (detail) console.log(detail.replace(/^/gm, "     "));
  }
}

function expectRun(name, cmd, args, check = () => true, options = {}) {
  const r = run(cmd, args, options);
  const ok = r.status === 0 && check(r);
  step(name, ok, `$ ${cmd} ${args.join(" ")}\nexit ${r.status}${r.error ? ` (${r.error.message})` : ""}\n${r.stdout}${r.stderr}`);
  return r;
}

const LAYOUT = `layout hello {
  icon call-completed
  header "Hello"
  body {
    logo call-incoming
    greeting: text "Hello from the packed package" bold
  }
}
`;
const UNFORMATTED = 'layout   hello {\n icon call-completed\n   header "Hello"\n body {\n logo call-incoming\n greeting: text "Hello from the packed package"   bold\n }\n}\n';

try {
  // ----- pack -----
  const packed = execFileSync(npm, ["pack", "--json", "--pack-destination", work], { cwd: root, encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] });
  const [{ filename, files }] = JSON.parse(packed.slice(packed.indexOf("[")));
  const tarball = join(work, filename);
  const paths = files.map((f) => f.path);
  const missing = ["dist/cli.js", "dist/cli.cjs", "dist/b24layout.cjs", "dist/b24layout-lsp.cjs", "dist/index.mjs", "dist/prettier.mjs", "dist/eslint.mjs", "dist/types/index.d.ts", "dist/types/eslint/index.d.ts", "docs/eslint.md", "b24layout.config.schema.json", "README.md"].filter((p) => !paths.includes(p));
  step(`npm pack: ${filename} (${files.length} files) has the bin, the library, its types, the plugin and the config schema`, missing.length === 0, `missing: ${missing.join(", ")}`);
  const leaked = paths.filter((p) => /^(src|test|node_modules|bench|scripts|dist\/b24layout)\//.test(p));
  // .ci/run and the README run `npx b24layout build examples` first, which writes dist/b24layout/.
  step("npm pack: no sources, tests, node_modules or the examples' build output (dist/b24layout/) in the tarball", leaked.length === 0, leaked.slice(0, 10).join("\n"));

  // ----- a fresh app -----
  mkdirSync(join(app, "layouts"), { recursive: true });
  writeFileSync(join(app, "package.json"), JSON.stringify({ name: "pack-test-app", version: "1.0.0", private: true, type: "module" }, null, 2));
  writeFileSync(join(app, "layouts", "hello.b24layout"), LAYOUT);
  const ownManifest = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
  const prettierVersion = ownManifest.dependencies.prettier;
  const eslintVersion = ownManifest.devDependencies.eslint;
  const install = expectRun("npm install <tarball> prettier eslint in a fresh project (from the registry)", npm, ["install", "--no-audit", "--no-fund", "--loglevel=error", tarball, `prettier@${prettierVersion}`, `eslint@${eslintVersion}`]);
  if (install.status !== 0) throw new Error("the install failed; nothing else can run");

  // ----- the bin -----
  const bin = join(app, "node_modules", ".bin", "b24layout");
  expectRun("b24layout --version prints the packed version", bin, ["--version"], (r) => r.stdout.trim().endsWith(JSON.parse(readFileSync(join(root, "package.json"), "utf8")).version));
  expectRun("b24layout check layouts: clean", bin, ["check", "layouts"]);
  // The scripts and the config of the README's "Use it in your app", as written there.
  const useIt = readFileSync(join(root, "README.md"), "utf8").split("## Use it in your app")[1].split("\n## ")[0];
  const snippets = [...useIt.matchAll(/```json\n([\s\S]*?)```/g)].map((m) => JSON.parse(m[1]));
  const scripts = snippets.find((j) => j.scripts)?.scripts ?? {};
  const config = snippets.find((j) => j.$schema);
  const manifest = JSON.parse(readFileSync(join(app, "package.json"), "utf8"));
  writeFileSync(join(app, "package.json"), JSON.stringify({ ...manifest, scripts }, null, 2));
  writeFileSync(join(app, "b24layout.config.json"), JSON.stringify(config, null, 2));
  expectRun("npm run layouts:check (the README's scripts)", npm, ["run", "--silent", "layouts:check"]);
  expectRun("npm run layouts:build writes src/generated/hello.ts", npm, ["run", "--silent", "layouts:build"], () => readdirSync(join(app, "src", "generated")).includes("hello.ts"));
  const schema = JSON.parse(readFileSync(join(app, "node_modules", "b24layout", "b24layout.config.schema.json"), "utf8"));
  step(`the README config's $schema (${config?.$schema}) is the package's JSON Schema after install`, config?.$schema === "./node_modules/b24layout/b24layout.config.schema.json" && typeof schema.properties?.rules === "object");
  writeFileSync(join(app, "layouts", "untranslated.b24layout"), 'translations {\n  de { hi "Hallo" }\n}\nblocks b {\n  text @hi\n}\n');
  const configured = run(bin, ["check", "layouts/untranslated.b24layout"]);
  step("b24layout check reads the app's config (its languages: a table without English texts is missing-translation)", /missing-translation/.test(configured.stdout + configured.stderr), configured.stdout + configured.stderr);
  rmSync(join(app, "layouts", "untranslated.b24layout"));
  writeFileSync(join(app, "layouts", "broken.b24layout"), 'layout broken {\n  icon call-completed\n  header "x"\n  body { logo call-incoming\n    text "a" colour red\n  }\n}\n');
  const broken = run(bin, ["check", "layouts/broken.b24layout", "--format", "json"]);
  const found = (() => {
    try {
      return JSON.parse(broken.stdout).files[0].diagnostics.map((d) => `${d.range.start.line} ${d.ruleId}`);
    } catch {
      return [];
    }
  })();
  step("b24layout check --format json on a broken file: exit 1 and the finding at its line", broken.status === 1 && found.includes("5 invalid-argument"), broken.stdout + broken.stderr);
  rmSync(join(app, "layouts", "broken.b24layout"));
  expectRun("b24layout build layouts writes hello.layout.json", bin, ["build", "layouts", "--out-dir", "out"], () => {
    const json = JSON.parse(readFileSync(join(app, "out", "hello.layout.json"), "utf8"));
    return json.body.blocks.greeting.properties.value === "Hello from the packed package";
  });
  expectRun("b24layout build --target ts writes a module and its types", bin, ["build", "layouts", "--target", "ts", "--out-dir", "gen"], () => readdirSync(join(app, "gen")).includes("b24layout-types.ts"));
  expectRun("b24layout preview layouts writes the page (docs/preview.md)", bin, ["preview", "layouts", "-o", "preview.html"], () => /^<!DOCTYPE html>[\s\S]*data-kind="layout"[\s\S]*Hello from the packed package/.test(readFileSync(join(app, "preview.html"), "utf8")));
  writeFileSync(join(app, "layouts", "messy.b24layout"), UNFORMATTED);
  const fmtCheck = run(bin, ["fmt", "--check", "layouts"]);
  step("b24layout fmt --check: exit 1 on an unformatted file", fmtCheck.status === 1 && /messy\.b24layout/.test(fmtCheck.stdout + fmtCheck.stderr), fmtCheck.stdout + fmtCheck.stderr);
  expectRun("npm run layouts:fmt (the README's script) formats it in place", npm, ["run", "--silent", "layouts:fmt"], () => readFileSync(join(app, "layouts", "messy.b24layout"), "utf8") === LAYOUT);

  // ----- init, in another fresh project that has the package installed -----
  const fresh = join(work, "init-app");
  mkdirSync(fresh);
  writeFileSync(join(fresh, "package.json"), JSON.stringify({ name: "init-app", version: "1.0.0", private: true }, null, 2));
  // The app's node_modules, linked: init's $schema must point into an installed package.
  symlinkSync(join(app, "node_modules"), join(fresh, "node_modules"), "dir");
  expectRun("b24layout init writes a config whose $schema resolves to the installed package's schema, and does not ask to install it", bin, ["init"], (r) => {
    const config = JSON.parse(readFileSync(join(fresh, "b24layout.config.json"), "utf8"));
    return typeof config.$schema === "string" && existsSync(join(fresh, config.$schema)) && !/install b24layout/.test(r.stdout);
  }, { cwd: fresh });
  const initScripts = JSON.parse(readFileSync(join(fresh, "package.json"), "utf8")).scripts ?? {};
  step("b24layout init added its npm scripts to package.json", ["layouts:check", "layouts:build", "layouts:watch", "layouts:fmt"].every((name) => typeof initScripts[name] === "string"), JSON.stringify(initScripts));
  expectRun("npm run layouts:check (init's script): the starter layout is clean", npm, ["run", "--silent", "layouts:check"], (r) => /no problems/.test(r.stdout), { cwd: fresh });
  expectRun("npm run layouts:build (init's script) writes dist/b24layout/welcome.layout.json", npm, ["run", "--silent", "layouts:build"], () => existsSync(join(fresh, "dist", "b24layout", "welcome.layout.json")), { cwd: fresh });
  expectRun("b24layout init again overwrites nothing", bin, ["init"], (r) => !/created|added/.test(r.stdout), { cwd: fresh });

  // ----- nothing resolves from this repository -----
  const resolved = run(process.execPath, ["-e", 'for (const m of ["b24layout", "b24layout/prettier", "prettier"]) console.log(require.resolve(m))']);
  const outside = !(work + "/").startsWith(root + "/") && resolved.stdout.trim().split("\n").every((p) => p.startsWith(join(app, "node_modules") + "/"));
  step("the app resolves b24layout, its plugin and Prettier from its own node_modules, never from this repository's", resolved.status === 0 && outside, resolved.stdout + resolved.stderr);

  // ----- Prettier, through its own CLI -----
  writeFileSync(join(app, "layouts", "messy.b24layout"), UNFORMATTED);
  writeFileSync(join(app, ".prettierrc.json"), JSON.stringify({ plugins: ["b24layout/prettier"] }));
  const prettier = join(app, "node_modules", ".bin", "prettier");
  expectRun("prettier (with plugins: [\"b24layout/prettier\"]) formats a .b24layout file as b24layout fmt does", prettier, ["layouts/messy.b24layout"], (r) => r.stdout === LAYOUT);
  const pcheck = run(prettier, ["--check", "layouts/hello.b24layout"]);
  step("prettier --check accepts a formatted file", pcheck.status === 0, pcheck.stdout + pcheck.stderr);
  rmSync(join(app, "layouts", "messy.b24layout"));

  // ----- ESLint, through its own CLI, with the set-up config of docs/eslint.md as written there -----
  const eslintGuide = readFileSync(join(root, "docs", "eslint.md"), "utf8");
  const eslintConfig = /`eslint\.config\.js`:\n\n```js\n([\s\S]*?)```/.exec(eslintGuide)?.[1] ?? "";
  writeFileSync(join(app, "eslint.config.js"), eslintConfig);
  writeFileSync(join(app, "layouts", "broken.b24layout"), 'layout broken {\n  icon call-completed\n  header "x"\n  body { logo call-incoming\n    text "a" color red\n  }\n}\n');
  const eslint = join(app, "node_modules", ".bin", "eslint");
  const linted = run(eslint, ["layouts"]);
  const eslintFinding = linted.stdout.split("\n").find((l) => l.includes("b24layout/"));
  const checked = run(bin, ["check", "layouts/broken.b24layout", "--format", "json"]);
  const checkedAt = (() => {
    try {
      const [d] = JSON.parse(checked.stdout).files[0].diagnostics;
      return `${d.range.start.line}:${d.range.start.column} b24layout/${d.ruleId}`;
    } catch {
      return "";
    }
  })();
  step(
    "eslint (docs/eslint.md's eslint.config.js: b24layout/eslint's recommended config) reports a finding of a .b24layout file at its line and column, as b24layout check does",
    linted.status === 1 && checkedAt === "5:20 b24layout/enum-value" && /^\s+5:20\s+error\s+'red' is not a valid 'color' for a text block.*\sb24layout\/enum-value$/.test(eslintFinding ?? "") && linted.stdout.split("\n").filter((l) => /^\s+\d+:\d+/.test(l)).length === 1,
    `b24layout check: ${checkedAt}\nexit ${linted.status}\n${linted.stdout}${linted.stderr}`,
  );
  const cjsConfig = /`(const \{ default: b24layout \} = require\("b24layout\/eslint"\);)`/.exec(eslintGuide)?.[1] ?? "";
  writeFileSync(join(app, "eslint.config.cjs"), `${cjsConfig}\nmodule.exports = [...b24layout.configs.recommended];\n`);
  const fromCjs = run(eslint, ["--config", "eslint.config.cjs", "layouts"]);
  step("eslint with a CommonJS config (docs/eslint.md's require) reports the same finding", fromCjs.status === 1 && fromCjs.stdout === linted.stdout, `exit ${fromCjs.status}\n${fromCjs.stdout}${fromCjs.stderr}`);
  rmSync(join(app, "eslint.config.cjs"));
  rmSync(join(app, "layouts", "broken.b24layout"));
  expectRun("eslint passes the clean layouts", eslint, ["layouts"]);

  // ----- the library -----
  const libraryUse = (api) => `
const source = ${JSON.stringify(LAYOUT)};
const checked = ${api}.check(source);
if (checked.diagnostics.length !== 0) throw new Error("check: " + JSON.stringify(checked.diagnostics));
const compiled = ${api}.compile(source);
const value = compiled.outputs[0].value;
if (value.body.blocks.greeting.properties.value !== "Hello from the packed package") throw new Error("compile: " + JSON.stringify(value));
const broken = ${api}.check('layout x { icon nope }');
if (!broken.diagnostics.some((d) => d.severity === "error")) throw new Error("check found nothing in a broken layout");
console.log("library ok: " + Object.keys(${api}).length + " exports");
`;
  writeFileSync(join(app, "use-esm.mjs"), `import * as b24 from "b24layout";\n${libraryUse("b24")}\nconst formatted = await b24.format(${JSON.stringify(UNFORMATTED)});\nif (!formatted.ok || formatted.text !== ${JSON.stringify(LAYOUT)}) throw new Error("format: " + JSON.stringify(formatted));\n`);
  writeFileSync(join(app, "use-cjs.cjs"), `const b24 = require("b24layout");\n${libraryUse("b24")}`);
  expectRun("the library from ESM: import { check, compile, format } from \"b24layout\"", process.execPath, ["use-esm.mjs"], (r) => /library ok/.test(r.stdout));
  expectRun("the library from CommonJS: require(\"b24layout\")", process.execPath, ["use-cjs.cjs"], (r) => /library ok/.test(r.stdout) && !/ExperimentalWarning/.test(r.stderr));
  expectRun("the plugin from CommonJS: require(\"b24layout/prettier\")", process.execPath, ["-e", 'const p = require("b24layout/prettier"); if (!p.parsers || !p.printers) process.exit(1); console.log(Object.keys(p.parsers))']);

  // ----- the types, as an app's tsc sees them (the compiler is this repository's; b24layout resolves from the app) -----
  writeFileSync(
    join(app, "app.ts"),
    `import { check, compile, type Diagnostic } from "b24layout";\nconst d: readonly Diagnostic[] = check("layout x {}").diagnostics;\nexport const n: number = d.length + compile("layout x {}").outputs.length;\n`,
  );
  writeFileSync(
    join(app, "eslint-config.ts"),
    `import b24layout from "b24layout/eslint";\nimport type { Linter } from "eslint";\nexport const config: Linter.Config[] = [...b24layout.configs.recommended, ...b24layout.configs.strict];\n`,
  );
  writeFileSync(join(app, "tsconfig.json"), JSON.stringify({ compilerOptions: { strict: true, noEmit: true, module: "nodenext", moduleResolution: "nodenext", target: "es2022", skipLibCheck: false, types: [] }, files: ["app.ts", "eslint-config.ts"] }));
  expectRun("tsc on an app importing the library's types and the ESLint plugin's (module nodenext)", process.execPath, [join(root, "node_modules", "typescript", "bin", "tsc"), "-p", "tsconfig.json"]);
} catch (e) {
  step("pack test", false, e instanceof Error ? e.message : String(e));
} finally {
  if (values.keep) console.log(`kept ${work}`);
  else rmSync(work, { recursive: true, force: true });
}

console.log(failures === 0 ? "pack test: all passed" : `pack test: ${failures} failed`);
process.exitCode = failures === 0 ? 0 : 1;
