/**
 * The `b24layout` command line: `check`, `build`, `fmt`, `import`, `lsp` and `schema`. `main` runs one invocation against
 * the given streams and returns the exit code, so tests can run it in-process; `bin.ts` connects it
 * to the real process.
 */
import { Command, CommanderError, InvalidArgumentError, Option } from "commander";
import { SCHEMA_KINDS } from "../emit/index.js";
import { BUILD_TARGETS, DEFAULT_OUT_DIR, runBuild, type BuildTarget } from "./build.js";
import { runCheck } from "./check.js";
import { END_OF_LINE, runFmt } from "./fmt.js";
import type { ImportFlags } from "./import.js";
import type { PreviewFlags } from "./preview.js";
import { DECLARATIONS } from "../model/index.js";
import { DEFAULT_CACHE_FILE } from "./files.js";
import { FORMATS, LINE_FORMATS, TERMINAL_FORMATS, type Format, type LineFormat, type TerminalFormat } from "./formats.js";
import { VERSION } from "./version.js";
import { SOURCE_EXTENSION } from "./files.js";
import { CliError, EXIT_OK, EXIT_USAGE, type CliIo } from "./io.js";
import { colorsFor, useColors } from "./output.js";
import { runSchema } from "./schema.js";

export type { CliIo, CliStream } from "./io.js";
export { VERSION };

const ISSUES_HINT = "This is a bug in b24layout; please report it with the command and the input that caused it.";

/** The flags of `check`, as commander gives them. */
interface CheckFlags {
  readonly format: Format;
  readonly codeFrame?: boolean;
  readonly outputFile?: string;
  readonly maxWarnings?: number;
  readonly quiet?: boolean;
  readonly fix?: boolean;
  readonly fixDryRun?: boolean;
  readonly config?: string;
  readonly cache?: boolean;
  readonly cacheLocation?: string;
  readonly params?: string;
  readonly stdin?: boolean;
  readonly stdinFilename?: string;
  readonly printConfig?: string;
  readonly watch?: boolean;
  readonly kind?: string;
}

/** The flags of `build`, as commander gives them. */
interface BuildFlags {
  readonly outDir: string;
  readonly stdout?: boolean;
  readonly target: BuildTarget;
  readonly params?: string;
  readonly config?: string;
  readonly format: TerminalFormat | LineFormat;
  readonly codeFrame?: boolean;
  readonly clean?: boolean;
  readonly watch?: boolean;
  readonly stdin?: boolean;
  readonly stdinFilename?: string;
}

interface ColorOption {
  readonly color?: boolean;
}

/** The commands of `b24layout`, in the order help lists them. */
export const COMMAND_NAMES = ["check", "build", "fmt", "import", "preview", "init", "lsp", "schema"] as const;
type CommandName = (typeof COMMAND_NAMES)[number];

/**
 * The commands worth defining for `argv`. Defining one with commander (its options, choices and
 * help texts) costs start-up time that a plain `b24layout check …` should not pay for seven
 * others, so when the first argument names a command and nothing asks for help, only that one is
 * defined. Everything else gets all of them: the program's help lists them, a misspelt command is
 * answered with the nearest name, and a global option written before the command is left to
 * commander to place.
 */
export function commandsToDefine(argv: readonly string[]): readonly CommandName[] {
  const first = argv[0];
  const named = COMMAND_NAMES.find((name) => name === first);
  const asksForHelp = argv.some((arg) => arg === "-h" || arg === "--help");
  return named !== undefined && !asksForHelp ? [named] : COMMAND_NAMES;
}

function createProgram(io: CliIo, setExitCode: (code: number) => void, commands: readonly CommandName[]): Command {
  const program = new Command("b24layout");
  program
    .description("Check and compile .b24layout files into Bitrix24 CRM REST payloads (timeline layouts, badges, activities, card configurations).")
    .version(VERSION, "-v, --version", "print the version")
    .helpOption("-h, --help", "show help")
    .addOption(new Option("--color", "force coloured output"))
    .addOption(new Option("--no-color", "disable coloured output (so does the NO_COLOR environment variable)"))
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
      outputError: (s, write) => write(s),
    })
    .configureHelp({ showGlobalOptions: true })
    .showSuggestionAfterError(true)
    .exitOverride()
    .addHelpText(
      "after",
      `
Exit codes: 0 no errors (warnings allowed), 1 errors found, 2 usage error or internal failure.
Paths may be files, directories (every *${SOURCE_EXTENSION} under them) or globs.`,
    );

  /** A new subcommand of the program, or undefined when this run does not need it (see commandsToDefine). */
  const defineCommand = (name: CommandName): Command | undefined => (commands.includes(name) ? program.command(name) : undefined);
  const colorOf = (command: Command): boolean | undefined => command.optsWithGlobals<ColorOption>().color;

  defineCommand("check")
    ?.description("report errors and warnings in .b24layout files and in REST payloads in JSON files")
    .argument("[paths...]", `files, directories or globs (directories mean every *${SOURCE_EXTENSION} under them, and the JSON files a config's "include" takes); *.json and *.jsonc files are checked as REST payloads`)
    .addOption(new Option("-f, --format <format>", "report format: stylish (grouped by file) or codeframe (the source under each finding) for people, compact or unix (one line per finding), json, sarif (code scanning) or github (annotations)").choices(FORMATS).default("stylish"))
    .option("--code-frame", "stylish: show the source under each finding")
    .option("--output-file <file>", "write the report in --format to this file, and the stylish report to the terminal")
    .option("--max-warnings <n>", "exit 1 when there are more than n warnings", parseCount)
    .option("-q, --quiet", "report errors only")
    .option("-c, --config <file>", "the config for every file, instead of the nearest b24layout.config.json")
    .option("--cache", "reuse the findings of files that did not change since the last run with --cache")
    .option("--cache-location <file>", `the cache file (default ${DEFAULT_CACHE_FILE})`)
    .option("--fix", "apply the fixes rules declare (did-you-mean names, booleans written as strings, …) and write the files")
    .option("--fix-dry-run", "print the fixes as a diff; write nothing")
    .option("--params <file>", "also check the template values of this file as build --params renders them to JSON (without it, check cannot know them)")
    .option("-w, --watch", "check again whenever a source, an imported file or a config changes, until stopped (Ctrl-C)")
    .option("--print-config <file>", "print the settings that apply to this file (config, target, every rule's severity and options) as JSON; check nothing")
    .addOption(new Option("--kind <kind>", "check every JSON file as this kind of payload instead of recognising it from its shape").choices(DECLARATIONS.map((d) => d.keyword)))
    .option("--stdin", "check the text on standard input instead of files")
    .option("--stdin-filename <file>", "with --stdin: the file the text stands for (its config applies, its path is reported, imports resolve from its folder)")
    .addHelpText(
      "after",
      `\nExamples:\n  b24layout check .\n  b24layout check "layouts/**/*${SOURCE_EXTENSION}"\n  b24layout check payload.json "payloads/**/*.json"\n  b24layout check badge.json --kind badge\n  b24layout check src --format sarif --output-file b24layout.sarif\n  b24layout check src --format github --max-warnings 0\n  b24layout check src --fix-dry-run`,
    )
    .action(async (paths: string[], options: CheckFlags, command: Command) => {
      if (options.printConfig !== undefined) {
        if (paths.length > 0) throw new CliError(`--print-config prints the settings of the one file it names: give no paths with it (they were: ${paths.join(" ")})`);
        const { runPrintConfig } = await import("./print-config.js");
        setExitCode(await runPrintConfig(options.printConfig, options.config, io));
        return;
      }
      const checkOnce = () =>
        runCheck(
          paths,
          {
            color: colorOf(command),
            format: options.format,
            codeFrame: options.codeFrame === true,
            ...(options.outputFile !== undefined ? { outputFile: options.outputFile } : {}),
            ...(options.maxWarnings !== undefined ? { maxWarnings: options.maxWarnings } : {}),
            quiet: options.quiet === true,
            fix: options.fix === true,
            fixDryRun: options.fixDryRun === true,
            ...(options.config !== undefined ? { config: options.config } : {}),
            ...(options.cache || options.cacheLocation !== undefined ? { cache: options.cacheLocation ?? DEFAULT_CACHE_FILE } : {}),
            ...(options.params !== undefined ? { params: options.params } : {}),
            readStdin: options.stdin === true,
            ...(options.stdinFilename !== undefined ? { stdinFilename: options.stdinFilename } : {}),
            ...(options.kind !== undefined ? { kind: options.kind } : {}),
          },
          io,
        );
      if (options.watch) {
        if (options.stdin || options.fix) throw new CliError(`--watch checks files as they change: it does not go with ${options.stdin ? "--stdin" : "--fix (whose writes would be changes)"}`);
        const { watch } = await import("./watch.js");
        const writes = [options.outputFile, options.cache || options.cacheLocation !== undefined ? (options.cacheLocation ?? DEFAULT_CACHE_FILE) : undefined].filter((f) => f !== undefined);
        await watch(checkOnce, { inputs: paths, files: [options.config, options.params].filter((f) => f !== undefined), writes, payloads: true, color: colorOf(command) }, io);
      }
      setExitCode(await checkOnce());
    });

  defineCommand("build")
    ?.description("compile .b24layout files to one <name>.<kind>.json per declaration; writes nothing if any file has errors")
    .argument("[paths...]", "files, directories or globs")
    .option("-o, --out-dir <dir>", "output directory", DEFAULT_OUT_DIR)
    .option("--stdout", "print one JSON object { name: payload, … } instead of writing files")
    .addOption(new Option("-t, --target <target>", "json: one payload per declaration; ts: one TypeScript module per file, with a typed function per declaration; js: the same as JavaScript with .d.ts").choices(BUILD_TARGETS).default("json"))
    .option("-c, --config <file>", "the config for every file, instead of the nearest b24layout.config.json")
    .option("--params <file>", 'JSON file of template parameter values by declaration name ({ "incomingCall": { "dealId": 42 } }), to render templates to JSON')
    .addOption(new Option("-f, --format <format>", "how problems are reported on stderr: stylish, codeframe, compact or unix").choices([...TERMINAL_FORMATS, ...LINE_FORMATS]).default("stylish"))
    .option("--code-frame", "stylish: show the source under each finding")
    .option("-w, --watch", "build again whenever a source, an imported file, a config or the --params file changes, until stopped (Ctrl-C)")
    .option("--clean", `also remove the files an earlier build of the same sources (or of sources now gone) wrote into the output directory that this build does not write (only unchanged files named in its ${".b24layout-manifest.json"})`)
    .option("--stdin", "build the text on standard input instead of files (with --stdout)")
    .option("--stdin-filename <file>", "with --stdin: the file the text stands for (its config applies, its path is reported, imports resolve from its folder)")
    .addHelpText(
      "after",
      `\nDiagnostics and progress go to stderr, so --stdout output stays valid JSON.\n\nExamples:\n  b24layout build layouts --out-dir dist/b24layout\n  b24layout build call.b24layout --stdout\n  b24layout build layouts --target ts --out-dir src/generated\n  b24layout build call.b24layout --params call.params.json --stdout`,
    )
    .action(async (paths: string[], options: BuildFlags, command: Command) => {
      const buildOnce = () =>
        runBuild(
          paths,
          {
            outDir: options.outDir,
            stdout: options.stdout === true,
            target: options.target,
            ...(options.params !== undefined ? { params: options.params } : {}),
            ...(options.config !== undefined ? { config: options.config } : {}),
            color: colorOf(command),
            report: options.format,
            codeFrame: options.codeFrame === true,
            readStdin: options.stdin === true,
            ...(options.stdinFilename !== undefined ? { stdinFilename: options.stdinFilename } : {}),
            clean: options.clean === true,
          },
          io,
        );
      if (options.watch) {
        if (options.stdin) throw new CliError("--watch builds files as they change: it does not go with --stdin");
        const { watch } = await import("./watch.js");
        await watch(buildOnce, { inputs: paths, files: [options.config, options.params].filter((f) => f !== undefined), ...(options.stdout ? {} : { outDir: options.outDir }), color: colorOf(command) }, io);
      }
      setExitCode(await buildOnce());
    });

  defineCommand("fmt")
    ?.description("format .b24layout files in place in the one canonical style (the Prettier plugin's); files with syntax errors are left as they are")
    .argument("[paths...]", "files, directories or globs")
    .option("--check", "list the files that are not formatted and exit 1 if there are any; write nothing")
    .option("--print-width <n>", "the line width to fit in (default 100)", parsePositive)
    .option("--tab-width <n>", "spaces per indentation level (default 2)", parsePositive)
    .option("--use-tabs", "indent with tabs")
    .addOption(new Option("--end-of-line <eol>", "line endings (default lf; auto keeps each file's)").choices(END_OF_LINE))
    .option("--no-prettier-config", "ignore .prettierrc and .editorconfig files (they may set the four options above)")
    .option("-c, --config <file>", "the config whose `ignore` applies, instead of the nearest b24layout.config.json")
    .option("--stdin-filepath <file>", "format standard input as this file would be (its .prettierrc and ignores apply) and print it")
    .addHelpText(
      "after",
      `\nExit codes: 0 done (or, with --check, everything formatted), 1 --check found files to format, 2 a file has syntax errors (it is left as it is) or a usage error.\n\nExamples:\n  b24layout fmt .\n  b24layout fmt --check "layouts/**/*${SOURCE_EXTENSION}"`,
    )
    .action(async (paths: string[], options: { check?: boolean; printWidth?: number; tabWidth?: number; useTabs?: boolean; endOfLine?: (typeof END_OF_LINE)[number]; prettierConfig: boolean; config?: string; stdinFilepath?: string }, command: Command) => {
      setExitCode(
        await runFmt(
          paths,
          {
            check: options.check === true,
            prettierConfig: options.prettierConfig,
            color: colorOf(command),
            ...(options.printWidth !== undefined ? { printWidth: options.printWidth } : {}),
            ...(options.tabWidth !== undefined ? { tabWidth: options.tabWidth } : {}),
            ...(options.useTabs ? { useTabs: true } : {}),
            ...(options.endOfLine !== undefined ? { endOfLine: options.endOfLine } : {}),
            ...(options.config !== undefined ? { config: options.config } : {}),
            ...(options.stdinFilepath !== undefined ? { stdinFilepath: options.stdinFilepath } : {}),
          },
          io,
        ),
      );
    });

  defineCommand("import")
    ?.description("turn Bitrix24 REST JSON (a layout, blocks, badge, activity or card, as payload, request params or get response) into formatted .b24layout")
    .argument("<files...>", "JSON files")
    .option("-o, --out <file>", "write the .b24layout of the one input to this file (default: stdout)")
    .option("--out-dir <dir>", "write <input name>.b24layout per input into this directory")
    .addOption(new Option("--kind <kind>", "read the input as this kind instead of recognising its shape").choices(DECLARATIONS.map((d) => d.keyword)))
    .option("--entity <name>", "the entity of a card whose JSON has no entityTypeId (deal, lead, contact, company, …, or a smart process entityTypeId)")
    .option("--name <name>", "the declaration's name (default: from the file name, or a badge's code)")
    .option("--extract-translations", "lift the language maps into a translations table referenced with @key")
    .option("--keep-quirks", 'write docs quirks as they are ("false" for false, "1" for 1) instead of normalising them')
    .addHelpText(
      "after",
      `\nWarnings on stderr name each change the import made to the JSON, at its line, column and path.\nExit codes: 0 imported (warnings allowed), 2 an input is unreadable, not JSON or not a known shape (nothing is written).\n\nExamples:\n  b24layout import layout.json\n  b24layout import exported/*.json --out-dir layouts\n  b24layout import sections.json --entity deal --out deal-card${SOURCE_EXTENSION}`,
    )
    .action(async (files: string[], options: Omit<ImportFlags, "color">, command: Command) => {
      // Loaded on demand, like the checker: other commands do not pay for the importer.
      const { runImport } = await import("./import.js");
      setExitCode(await runImport(files, { ...options, color: colorOf(command) }, io));
    });

  defineCommand("preview")
    ?.description("write one self-contained HTML page showing every declaration as Bitrix24 draws it (or serve it live with --serve)")
    .argument("[paths...]", "files, directories or globs")
    .option("-o, --output <file>", "the page to write (default dist/b24layout/preview.html)")
    .option("--lang <code>", "the language shown first (the page switches; a missing text falls back to en)")
    .addOption(new Option("--platform <platform>", "web or mobile (scope filtering; openRestApp marked unavailable on mobile)").choices(["web", "mobile"]))
    .addOption(new Option("--theme <theme>", "the page background").choices(["light", "dark"]))
    .option("--params <file>", 'template values, shown side by side: repeat for several files, or name sets in one ({ "$sets": { "vip": { … } } })', collect, [])
    .option("-c, --config <file>", "the config for every file, instead of the nearest b24layout.config.json")
    .option("--serve", "serve the page on 127.0.0.1 and reload it when a file changes")
    .option("--port <n>", "the port of --serve (default 4724; 0 picks a free one)", parseCount)
    .addHelpText("after", `\nThe page also takes ?lang=de&platform=mobile&theme=dark in its URL.\n\nExamples:\n  b24layout preview examples -o preview.html\n  b24layout preview call.b24layout --params call.params.json --lang de\n  b24layout preview layouts --serve --port 4800`)
    .action(async (paths: string[], options: Omit<PreviewFlags, "color">, command: Command) => {
      const { runPreview } = await import("./preview.js");
      setExitCode(await runPreview(paths, { ...options, color: colorOf(command) }, io));
    });

  defineCommand("init")
    ?.description("set up b24layout in this project: b24layout.config.json, a first layout, npm scripts in package.json; never overwrites")
    .option("--ci", "also write the GitHub workflow that checks pull requests (.github/workflows/b24layout.yml)")
    .addHelpText("after", `\nExamples:\n  b24layout init\n  b24layout init --ci`)
    .action(async (options: { ci?: boolean }, command: Command) => {
      const { runInit } = await import("./init.js");
      setExitCode(await runInit({ ci: options.ci === true, color: colorOf(command) }, io));
    });

  defineCommand("lsp")
    ?.description("run the language server (Language Server Protocol) for editors; the VS Code extension starts it")
    .option("--stdio", "talk over stdin and stdout (the only transport, and the default)")
    .action(async () => {
      const { runLanguageServer } = await import("../lsp/index.js");
      // The server answers until the client asks it to exit, which ends the process.
      runLanguageServer();
    });

  defineCommand("schema")
    ?.description(`print the JSON Schema (draft-07) of an output kind (${SCHEMA_KINDS.join(", ")}), or of all kinds keyed by kind`)
    .argument("[kind]", `one of ${SCHEMA_KINDS.join(", ")}`)
    .addHelpText("after", `\nExamples:\n  b24layout schema layout > layout.schema.json\n  b24layout schema`)
    .action((kind: string | undefined) => {
      setExitCode(runSchema(kind, io));
    });

  return program;
}

/** A whole number ≥ 0, for --max-warnings. */
function parseCount(value: string): number {
  if (!/^\d+$/.test(value)) throw new InvalidArgumentError("expected a whole number (0 or more).");
  return Number(value);
}

/** Repeated options (`--params a.json --params b.json`), in order. */
function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

/** A whole number ≥ 1, for widths. */
function parsePositive(value: string): number {
  if (!/^[1-9]\d*$/.test(value)) throw new InvalidArgumentError("expected a whole number (1 or more).");
  return Number(value);
}

/** Runs one invocation (`argv` without the node and script paths) and returns the exit code. */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  let exitCode: number = EXIT_OK;
  try {
    const program = createProgram(io, (code) => (exitCode = code), commandsToDefine(argv));
    await program.parseAsync([...argv], { from: "user" });
    return exitCode;
  } catch (error) {
    const c = colorsFor(useColors(io.stderr, io.env, colorFlag(argv)));
    if (error instanceof CommanderError) {
      // Help and version exit 0; every other commander error is a usage error (already printed).
      return error.exitCode === 0 ? EXIT_OK : EXIT_USAGE;
    }
    if (error instanceof CliError) {
      for (const line of error.message.split("\n")) io.stderr.write(`${c.red("error:")} ${line}\n`);
      return error.exitCode;
    }
    const message = error instanceof Error ? error.message : String(error);
    io.stderr.write(`${c.red("internal error:")} ${message}\n${ISSUES_HINT}\n`);
    if (io.env["B24LAYOUT_DEBUG"] && error instanceof Error && error.stack) io.stderr.write(`${error.stack}\n`);
    return EXIT_USAGE;
  }
}

/** `--color` / `--no-color` as written, for messages printed after commander gave up. */
function colorFlag(argv: readonly string[]): boolean | undefined {
  const last = argv.filter((a) => a === "--color" || a === "--no-color").at(-1);
  return last === undefined ? undefined : last === "--color";
}
