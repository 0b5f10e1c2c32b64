/**
 * `b24layout init`: sets up b24layout in the user's project (the working directory), as
 * `eslint --init` and `tsc --init` do: a config with its `$schema`, a first layout that checks
 * clean, npm scripts in the project's package.json and, with --ci, the GitHub workflow of
 * examples/ci/annotations.yml. It never overwrites: what exists is left as it is and said so.
 *
 * The package.json is the user's: it is parsed, the scripts are added to it without touching
 * anything else (key order, indentation, line endings and the final newline kept), and it is
 * written atomically; one that does not parse, is not an object, or is a link is left alone.
 */
import { constants } from "node:fs";
import { lstat, mkdir, open, readFile } from "node:fs/promises";
import { dirname, join, relative, sep } from "node:path";
import { writeFilesAtomically } from "./atomic-write.js";
import { describeFsError, errorCode } from "./files.js";
import { findUpward } from "../workspace/index.js";
import { CliError, EXIT_OK, type CliIo } from "./io.js";
import { colorsFor, useColors } from "./output.js";

/** Where the first layout goes, and what the scripts check and build. */
export const LAYOUTS_DIR = "layouts";

/** Where the config's JSON Schema is in a project that installed b24layout. */
export const INSTALLED_SCHEMA = "node_modules/b24layout/b24layout.config.schema.json";

/** The starter config, its `$schema` at `schema` (relative to the project; "./node_modules/…" by default). */
export function starterConfig(schema = `./${INSTALLED_SCHEMA}`): string {
  return `{\n  "$schema": ${JSON.stringify(schema)},\n  "rules": {}\n}\n`;
}

export const STARTER_LAYOUT = `// A timeline entry: check it with \`npm run layouts:check\`, build its REST JSON with
// \`npm run layouts:build\` (dist/b24layout/welcome.layout.json).
layout welcome {
  icon info
  header "Welcome"
  body {
    logo document
    text "Your first b24layout layout."
  }
}
`;

/** The scripts init adds to package.json, by name. */
export const STARTER_SCRIPTS: Readonly<Record<string, string>> = {
  "layouts:check": `b24layout check ${LAYOUTS_DIR}`,
  "layouts:build": `b24layout build ${LAYOUTS_DIR} --out-dir dist/b24layout`,
  "layouts:watch": `b24layout build ${LAYOUTS_DIR} --out-dir dist/b24layout --watch`,
  "layouts:fmt": `b24layout fmt ${LAYOUTS_DIR}`,
};

/** examples/ci/annotations.yml, which a test keeps equal to it. */
export const STARTER_WORKFLOW = `# Checks the .b24layout files of a pull request and shows the findings as annotations on the diff.
# GitHub shows at most 10 annotations of each type per step; b24layout then prints a notice with
# the count of the others, and the step log has the whole list. Fails the job on errors, and on
# warnings too with --max-warnings 0.
name: b24layout
on: pull_request
permissions:
  contents: read
jobs:
  check:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-node@v4
        with:
          node-version: 20
          cache: npm
      - run: npm ci
      - run: npx b24layout check . --format github --max-warnings 0
`;

export const WORKFLOW_PATH = ".github/workflows/b24layout.yml";

export interface InitOptions {
  /** Also write the GitHub workflow. */
  readonly ci?: boolean;
  readonly color?: boolean;
}

export async function runInit(options: InitOptions, io: CliIo): Promise<number> {
  const c = colorsFor(useColors(io.stdout, io.env, options.color));
  const say = (line: string) => io.stdout.write(`${line}\n`);
  const schema = findInstalledSchema(io.cwd);
  const files: [string, string][] = [
    ["b24layout.config.json", starterConfig(schema)],
    [`${LAYOUTS_DIR}/welcome.b24layout`, STARTER_LAYOUT],
    ...(options.ci ? ([[WORKFLOW_PATH, STARTER_WORKFLOW]] as [string, string][]) : []),
  ];
  for (const [name, text] of files) {
    const skipped = await createNew(join(io.cwd, name), text, name);
    say(skipped === undefined ? `${c.green("created")} ${name}` : `${c.yellow("skipped")} ${name}: ${skipped}`);
  }
  const scripts = await addScripts(join(io.cwd, "package.json"));
  switch (scripts.kind) {
    case "added":
      if (scripts.added.length > 0) say(`${c.green("added")} to package.json: the scripts ${scripts.added.join(", ")}`);
      for (const name of scripts.kept) say(`${c.yellow("skipped")} the script ${name}: package.json has one of that name, left as it is`);
      break;
    case "none":
      say(`${c.yellow("skipped")} the npm scripts: there is no package.json here (npm init makes one; then run b24layout init again)`);
      break;
    case "refused":
      say(`${c.yellow("skipped")} the npm scripts: package.json ${scripts.why}, so it was left as it is`);
      break;
  }
  const npm = scripts.kind === "added";
  say("");
  say("Next steps:");
  if (schema === undefined) {
    // Not published yet: `npm install b24layout` would not find it (the README says how).
    say("  install b24layout in this project: npm install --save-dev <its packed .tgz or git URL>");
    say("     (README, \"Use it in your app\"); the config's $schema resolves once it is in node_modules");
  }
  say(`  ${npm ? "npm run layouts:check" : STARTER_SCRIPTS["layouts:check"]!.replace(/^/, "npx ")}     check the layouts`);
  say(`  ${npm ? "npm run layouts:build" : STARTER_SCRIPTS["layouts:build"]!.replace(/^/, "npx ")}     write dist/b24layout/welcome.layout.json`);
  say(`  ${npm ? "npm run layouts:watch" : STARTER_SCRIPTS["layouts:watch"]!.replace(/^/, "npx ")}     build again on every change`);
  say("  b24layout --help, and the CLI reference: node_modules/b24layout/docs/cli.md");
  return EXIT_OK;
}

/**
 * The config schema of the b24layout installed for the project in `cwd`, relative to it: in its
 * node_modules, or in a node_modules above it within the same git repository (a workspace's
 * hoisted install), as Node would resolve the package. Undefined when it is not installed there.
 */
export function findInstalledSchema(cwd: string): string | undefined {
  // Up to the repository's root, not past it (a node_modules above it is not the project's);
  // outside a repository, only the project's own.
  const top = findUpward(cwd, [".git"]) ?? cwd;
  const dir = findUpward(cwd, [INSTALLED_SCHEMA], top);
  if (dir === undefined) return undefined;
  const path = relative(cwd, join(dir, INSTALLED_SCHEMA)).split(sep).join("/");
  return path.startsWith("../") ? path : `./${path}`;
}

/** Creates `path` with `text`, exclusively (never through a link, never over a file); why not, when something is in the way. */
async function createNew(path: string, text: string, shown: string): Promise<string | undefined> {
  try {
    await mkdir(dirname(path), { recursive: true });
  } catch (error) {
    const code = errorCode(error);
    // A file where a folder of the path would be.
    if (code === "EEXIST" || code === "ENOTDIR") return `its folder '${dirname(shown)}' cannot be made, as a file is in the way; that file was left as it is`;
    throw new CliError(`cannot create '${shown}': ${describeFsError(error)}`);
  }
  try {
    const file = await open(path, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | (constants.O_NOFOLLOW ?? 0), 0o666);
    try {
      await file.writeFile(text, "utf8");
    } finally {
      await file.close();
    }
    return undefined;
  } catch (error) {
    if (errorCode(error) === "EEXIST") return "it exists, and was left as it is";
    throw new CliError(`cannot create '${shown}': ${describeFsError(error)}`);
  }
}

type ScriptsResult = { readonly kind: "added"; readonly added: readonly string[]; readonly kept: readonly string[] } | { readonly kind: "none" } | { readonly kind: "refused"; readonly why: string };

/** Adds the starter scripts that package.json does not have (see the file's comment for what is kept). */
async function addScripts(path: string): Promise<ScriptsResult> {
  let text: string;
  try {
    const stats = await lstat(path);
    if (stats.isSymbolicLink()) return { kind: "refused", why: "is a symbolic link" };
    if (!stats.isFile()) return { kind: "refused", why: "is not a file" };
    text = await readFile(path, "utf8");
  } catch (error) {
    if (errorCode(error) === "ENOENT") return { kind: "none" };
    return { kind: "refused", why: `cannot be read (${describeFsError(error)})` };
  }
  const bom = text.startsWith("\uFEFF") ? "\uFEFF" : "";
  let pkg: unknown;
  try {
    pkg = JSON.parse(text.slice(bom.length));
  } catch (error) {
    return { kind: "refused", why: `is not valid JSON (${error instanceof Error ? error.message : String(error)})` };
  }
  if (!isObject(pkg)) return { kind: "refused", why: "is not a JSON object" };
  const existing = Object.prototype.hasOwnProperty.call(pkg, "scripts") ? pkg["scripts"] : undefined;
  if (existing !== undefined && !isObject(existing)) return { kind: "refused", why: 'has "scripts" that is not an object' };
  const scripts: Record<string, unknown> = existing ?? {};
  const added: string[] = [];
  const kept: string[] = [];
  for (const [name, command] of Object.entries(STARTER_SCRIPTS)) {
    if (Object.prototype.hasOwnProperty.call(scripts, name)) kept.push(name);
    else {
      Object.defineProperty(scripts, name, { value: command, enumerable: true, writable: true, configurable: true });
      added.push(name);
    }
  }
  if (added.length === 0) return { kind: "added", added, kept };
  if (existing === undefined) Object.defineProperty(pkg, "scripts", { value: scripts, enumerable: true, writable: true, configurable: true });
  const eol = text.includes("\r\n") ? "\r\n" : "\n";
  const json = JSON.stringify(pkg, null, indentationOf(text)).replace(/\n/g, eol);
  const finalNewline = /\r?\n$/.test(text) ? eol : "";
  try {
    await writeFilesAtomically([{ path, content: bom + json + finalNewline }]);
  } catch (error) {
    throw new CliError(`cannot write 'package.json': ${describeFsError(error)}; it was left as it is`);
  }
  return { kind: "added", added, kept };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The indentation of a JSON text's first indented line (a tab or spaces); two spaces when it has none. */
function indentationOf(text: string): string | number {
  const first = /^([ \t]+)\S/m.exec(text);
  return first ? first[1]! : 2;
}
