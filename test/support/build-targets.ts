/**
 * Builds projects (sets of `.b24layout` files) for every target the way `b24layout build` does,
 * without the disk: `checkProject` as `check` and `build` check them, then the CLI's own
 * `planBuild` for JSON (files and `--stdout`), TypeScript and JavaScript. Then what only a compiler
 * and a run can tell: every TypeScript module and `.d.ts` of every project, with a caller module
 * that passes each declaration the values the JSON build was given, type-checked in one
 * `ts.Program` (strict, and then some), and each JavaScript module run to give exactly the JSON.
 *
 * `checkBuilds` answers with every way a build failed for a project that `check` passed: the
 * property "build fails ⇒ check reports an error" holds when the list is empty.
 */
import { isDeepStrictEqual } from "node:util";
import ts from "typescript";
import { checkProject, type CheckOptions, type ProjectFileResult, type SourceHost } from "../../src/index.js";
import { planBuild, type BuildTarget } from "../../src/cli/build.js";
import type { LoweredFile } from "../../src/cli/check.js";
import { renderProgram, type ProgramArguments } from "../../src/emit/render.js";
import { identifierFor, moduleName, TYPES_MODULE } from "../../src/util/output-names.js";
import { typesModule } from "../../src/emit/ts-types.js";
import type { IrProgram, ParamType } from "../../src/lower/ir.js";
import { STRICT_OPTIONS } from "./typescript.js";

export interface SourceFile {
  readonly path: string;
  readonly text: string;
}

export interface Project {
  /** Says where the project comes from, in failure messages. */
  readonly name: string;
  readonly files: readonly SourceFile[];
  /** The settings its files are checked with (a config's `target`, …). */
  readonly options?: CheckOptions;
}

/** A build that failed although `check` reported no error. */
export interface Failure {
  readonly project: Project;
  readonly target: BuildTarget | "run";
  readonly problem: string;
}

export interface BuildReport {
  readonly failures: Failure[];
  /** The projects `check` passed (the others are not built: `build` refuses them, as it must). */
  readonly clean: readonly Project[];
  readonly checked: number;
}

const COMPILER_OPTIONS: ts.CompilerOptions = {
  ...STRICT_OPTIONS,
  allowJs: true,
  // The generated code needs only the language's own library: without the DOM's, the one program is ready in a third of the time.
  lib: ["lib.es2022.d.ts"],
};

/** Builds every project for every target and returns the failures of those `check` passed. */
export function checkBuilds(projects: readonly Project[], host?: SourceHost): BuildReport {
  const failures: Failure[] = [];
  const runs: ModuleRun[] = [];
  const clean: Project[] = [];
  /** Virtual files for the compiler, and which project each belongs to. */
  const virtual = new Map<string, string>([[`/${TYPES_MODULE}.ts`, typesModule()]]);
  const owner = new Map<string, Project>();
  projects.forEach((project, n) => {
    // The project's files are what its imports read, before the disk.
    const texts = new Map(project.files.map((f) => [f.path, f.text]));
    const projectHost: SourceHost | undefined = host && { root: host.root, readFile: (path) => texts.get(path) ?? host.readFile(path) };
    const checked = checkProject(
      project.files.map((f) => ({ path: f.path, text: f.text })),
      { ...project.options, ...(projectHost ? { host: projectHost } : {}) },
    );
    if (checked.some((r) => r.diagnostics.some((d) => d.severity === "error"))) return;
    // The values a JSON build is given (`--params`): `check --params` reports what rendering with them does.
    const params = sampleParams(checked);
    const files = checked.map((r) => lowered(r, params));
    if (files.some((f) => f.rendered === undefined)) return;
    clean.push(project);
    const fail = (target: Failure["target"], problem: string) => failures.push({ project, target, problem });
    // And without values, as `build` runs without --params: what check passes builds (templates left out).
    const bare = checked.map((r) => lowered(r, {}));
    const refused = bare.filter((f) => f.rendered === undefined);
    for (const f of refused) fail("json", `the JSON build without --params refuses ${f.display}: ${f.diagnostics.map((d) => d.message).join("; ")}`);
    if (refused.length === 0) for (const p of planBuild(bare, "json", false).problems) fail("json", `without --params: ${p}`);
    /** The project's JavaScript modules by name, to run (and link: a module imports the layouts of others). */
    const modules = new Map<string, { text: string; program: IrProgram }>();
    for (const [target, stdout] of [["json", false], ["json", true], ["ts", false], ["js", false]] as const) {
      let plan;
      try {
        plan = planBuild(files, target, stdout);
      } catch (error) {
        fail(target, `threw ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
        continue;
      }
      for (const p of plan.problems) fail(target, p);
      if (target === "json" || plan.problems.length > 0) continue;
      for (const o of plan.outputs) {
        if (o.key === `${TYPES_MODULE}.ts` || o.key === `${TYPES_MODULE}.d.ts`) continue;
        // One folder per project and target, beside the one types module they all import.
        const path = `/${target}${n}/${o.key}`;
        virtual.set(path, o.text.replaceAll(`"./${TYPES_MODULE}.js"`, `"../${TYPES_MODULE}.js"`));
        owner.set(path, project);
        if (target === "js" && o.key.endsWith(".js")) modules.set(o.key.slice(0, -3), { text: o.text, program: checked.find((r) => r.path === o.origin)!.program });
      }
      if (target === "js") runs.push({ modules, params, fail });
      if (target === "ts") {
        virtual.set(`/ts${n}/caller.ts`, callerModule(checked, params));
        owner.set(`/ts${n}/caller.ts`, project);
      }
    }
  });
  runModules(runs);
  for (const { file, message } of typeCheck(virtual)) {
    const project = owner.get(file);
    if (project) failures.push({ project, target: file.startsWith("/js") ? "js" : "ts", problem: `${file}: ${message}\n${virtual.get(file)}` });
    else failures.push({ project: { name: file, files: [] }, target: "ts", problem: message });
  }
  return { failures, clean, checked: projects.length };
}

/** A checked file as `build` holds it: its program and, for JSON, its declarations rendered with the values. */
function lowered(r: ProjectFileResult, params: ProgramArguments): LoweredFile {
  const rendered = renderProgram(r.program, params);
  return {
    source: { path: r.path, text: "" },
    display: r.path,
    diagnostics: r.diagnostics,
    program: r.program,
    ...(rendered.diagnostics.length === 0 ? { rendered: rendered.outputs, withoutValues: rendered.withoutValues } : { diagnostics: [...r.diagnostics, ...rendered.diagnostics] }),
  };
}

// ----- values -----

const SAMPLE_STRINGS = ["Ann", "a/b ?#&=%", "`${x}` \\ \"q\"\n", "Müller 😀", ""];

/** A value of a parameter type; `seed` picks among strings, so values vary between declarations. */
function sample(type: ParamType, seed: number): unknown {
  switch (type.kind) {
    case "string":
      return SAMPLE_STRINGS[seed % SAMPLE_STRINGS.length];
    case "url":
      return "https://example.com/a b?c=d&e=f";
    case "datetime":
      return "2025-01-31T10:00:00+03:00";
    case "int":
      return seed % 3;
    case "bool":
      return seed % 2 === 0;
    case "literal":
      return type.value;
    case "union":
      return sample(type.members[seed % type.members.length]!, seed);
    case "list":
      return [sample(type.of, seed)];
    case "record":
      return Object.fromEntries(type.fields.map((f, i) => [f.name, sample(f.type, seed + i)]));
  }
}

/** Values for every parameter of every declaration of the project (the JSON build's `--params`). */
function sampleParams(checked: readonly ProjectFileResult[]): ProgramArguments {
  const out: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  let seed = 0;
  for (const r of checked) {
    for (const d of r.program.declarations) {
      if (d.params.length > 0) out[d.name] = Object.fromEntries(d.params.map((p) => [p.name, sample(p.type, seed++)]));
    }
  }
  return out;
}

// ----- running the JavaScript -----

interface ModuleRun {
  /** A project's modules by name. */
  readonly modules: ReadonlyMap<string, { readonly text: string; readonly program: IrProgram }>;
  readonly params: ProgramArguments;
  readonly fail: (target: "run", problem: string) => void;
}

type Exports = Record<string, (p?: unknown) => unknown>;

/** `import { a, b as c } from "./m.js";`: the imports of a generated module (only functions of the modules beside it). */
const IMPORT_LINE = /^import \{ ([^}]+) \} from "\.\/([^"]+)\.js";$/gm;

/**
 * Runs each JavaScript module and calls its functions with the values the JSON was rendered with:
 * they must give that JSON. A generated JavaScript module exports only its functions and imports
 * only the functions of the modules beside it, so it runs as the body of a strict function that
 * is given what it imports and returns its functions (an import per module from the disk was ten
 * times slower).
 */
function runModules(runs: readonly ModuleRun[]): void {
  for (const run of runs) {
    const loaded = new Map<string, Exports | Error>();
    const load = (name: string): Exports => {
      const done = loaded.get(name);
      if (done instanceof Error) throw done;
      if (done) return done;
      const module = run.modules.get(name);
      if (!module) throw new Error(`no module '${name}' was written`);
      try {
        const names = module.program.declarations.map((d) => identifierFor(d.name));
        const linked = module.text.replace(IMPORT_LINE, (_, list: string, from: string) => `const { ${list.replace(/ as /g, ": ")} } = load(${JSON.stringify(from)});`);
        const body = `"use strict";\n${linked.replace(/^export function /gm, "function ")}\nreturn { ${names.map((n) => `${JSON.stringify(n)}: ${n}`).join(", ")} };`;
        // eslint-disable-next-line @typescript-eslint/no-implied-eval -- the generated module under test
        const exports = (new Function("load", body) as (l: typeof load) => Exports)(load);
        loaded.set(name, exports);
        return exports;
      } catch (error) {
        const failure = new Error(`the module '${name}' does not load: ${String(error)}\n${module.text}`);
        loaded.set(name, failure);
        throw failure;
      }
    };
    for (const [name, module] of run.modules) {
      let exports: Exports;
      try {
        exports = load(name);
      } catch (error) {
        run.fail("run", error instanceof Error ? error.message : String(error));
        continue;
      }
      callFunctions(exports, { text: module.text, program: module.program, params: run.params, fail: run.fail });
    }
  }
}

function callFunctions(exports: Exports, { text, program, params, fail }: { text: string; program: IrProgram; params: ProgramArguments; fail: ModuleRun["fail"] }): void {
  const json = renderProgram(program, params);
  program.declarations.forEach((d) => {
    const expected = json.outputs.find((o) => o.name === d.name)?.value;
    let actual: unknown;
    try {
      actual = exports[identifierFor(d.name)]!(Object.hasOwn(params, d.name) ? params[d.name] : undefined);
    } catch (error) {
      fail("run", `${d.name}() threw ${String(error)}\n${text}`);
      return;
    }
    if (!isDeepStrictEqual(plain(actual), plain(expected))) fail("run", `${d.name}() gives ${JSON.stringify(actual)}, the JSON build ${JSON.stringify(expected)}\n${text}`);
  });
}

function plain(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value)) as unknown;
}

/** A module that calls each function with the JSON build's values, as an app would: the types must take them. */
function callerModule(checked: readonly ProjectFileResult[], params: ProgramArguments): string {
  const lines: string[] = [];
  checked.forEach((r, m) => {
    const declarations = r.program.declarations;
    if (declarations.length === 0) return;
    const module = moduleName(r.path);
    lines.push(`import { ${declarations.map((d, i) => `${identifierFor(d.name)} as f${m}_${i}`).join(", ")} } from ${JSON.stringify(`./${module}.js`)};`);
    declarations.forEach((d, i) => lines.push(`export const v${m}_${i} = f${m}_${i}(${Object.hasOwn(params, d.name) ? JSON.stringify(params[d.name]) : ""});`));
  });
  return `${lines.join("\n")}\nexport {};\n`;
}

// ----- the compiler -----

/** Every diagnostic of one program over the virtual files (the lib files come from the disk). */
function typeCheck(files: ReadonlyMap<string, string>): { file: string; message: string }[] {
  const host = ts.createCompilerHost(COMPILER_OPTIONS);
  const read = host.readFile.bind(host);
  const exists = host.fileExists.bind(host);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (f, version) => {
    const text = files.get(f);
    return text === undefined ? getSourceFile(f, version) : ts.createSourceFile(f, text, version, true);
  };
  host.getCurrentDirectory = () => "/";
  const folders = new Set([...files.keys()].map((f) => f.slice(0, f.lastIndexOf("/")) || "/"));
  const folderExists = host.directoryExists?.bind(host);
  host.directoryExists = (d) => folders.has(d.replace(/\/$/, "") || "/") || (folderExists?.(d) ?? false);
  host.realpath = (p) => p;
  // Every folder is an ES module package, as a generated folder in an app with "type": "module".
  const options = { ...COMPILER_OPTIONS, moduleDetection: ts.ModuleDetectionKind.Force };
  host.readFile = (f) => (f.endsWith("/package.json") && !f.includes("node_modules") ? '{ "type": "module" }' : (files.get(f) ?? read(f)));
  host.fileExists = (f) => files.has(f) || (f.endsWith("/package.json") && !f.includes("node_modules")) || exists(f);
  const program = ts.createProgram([...files.keys()], options, host);
  return ts.getPreEmitDiagnostics(program).map((d) => {
    const message = ts.flattenDiagnosticMessageText(d.messageText, "\n");
    if (!d.file || d.start === undefined) return { file: "", message };
    const { line, character } = d.file.getLineAndCharacterOfPosition(d.start);
    return { file: d.file.fileName, message: `${line + 1}:${character + 1} ${message}` };
  });
}
