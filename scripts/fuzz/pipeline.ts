/**
 * What the fuzzer runs each input through: the CLI's reading of a file, then parse → check (and
 * the incremental checker after an edit) → compile to every target → format, the editor's
 * services at a few places, and the terminal and JSON reports. Every exception is caught and
 * returned with the stage it came from; nothing else is judged, but the incremental checker's
 * result is compared with a full check's.
 */
import { problemDiagnostic } from "../../src/cli/files.js";
import { formatJsonReport } from "../../src/cli/formats.js";
import { colorsFor, formatDiagnostic } from "../../src/cli/output.js";
import { decodeText } from "../../src/workspace/text-file.js";
import { IncrementalChecker } from "../../src/pipeline/incremental.js";
import type { Diagnostic } from "../../src/diagnostic.js";
import { formatJson } from "../../src/emit/json.js";
import { renderProgram } from "../../src/emit/render.js";
import { emitTypeScriptModule } from "../../src/emit/typescript.js";
import { checkProjectFiles, summarize, withProjectFindings } from "../../src/check/project.js";
import { formatText, FormatterBugError } from "../../src/format/format.js";
import { check, type CheckOptions } from "../../src/index.js";
import { cursorContext } from "../../src/lsp/context.js";
import { hoverAt } from "../../src/lsp/hover.js";
import { occurrences, symbolAt } from "../../src/lsp/navigation.js";
import { semanticTokens } from "../../src/lsp/semantic-tokens.js";
import { documentSymbols, foldingRanges } from "../../src/lsp/symbols.js";
import { parse } from "../../src/syntax/parser.js";
import { Random } from "./inputs.js";

export interface Failure {
  readonly stage: string;
  readonly error: string;
}

export interface Outcome {
  readonly failures: readonly Failure[];
  /** The incremental checker gave other diagnostics than a full check. */
  readonly divergence?: string;
}

const plain = colorsFor(false);
const OPTIONS: readonly CheckOptions[] = [{}, { target: "docs" }, { severities: { "unknown-code": "error", "collection-limit": "off" } }];

/** Runs one input through everything; `seed` picks the options and the editor's cursor places. */
export async function runPipeline(bytes: Uint8Array, base: string | undefined, seed: number): Promise<Outcome> {
  const failures: Failure[] = [];
  const r = new Random(seed);
  const stage = <T>(name: string, run: () => T): T | undefined => {
    try {
      return run();
    } catch (error) {
      failures.push({ stage: name, error: describe(error) });
      return undefined;
    }
  };

  const read = stage("read", () => decodeText(bytes));
  if (!read) return { failures };
  if (read.problem) {
    const problem = read.problem;
    stage("report", () => formatDiagnostic(problemDiagnostic(problem, read.text), "input.b24layout", read.text, plain));
    // The library takes any text: the same bytes as decoded must not break it either.
  }
  const text = read.text;
  const options = r.pick(OPTIONS);
  stage("parse", () => parse(text));
  const checked = stage("check", () => check(text, options));
  if (checked) {
    stage("report", () => {
      for (const d of checked.diagnostics.slice(0, 40)) formatDiagnostic(d, "input.b24layout", text, plain);
      formatJsonReport([{ display: "input.b24layout", diagnostics: checked.diagnostics }]);
    });
    stage("project", () => {
      const summary = summarize(checked.program, checked.document);
      const [findings] = checkProjectFiles([{ path: "/fuzz/input.b24layout", display: "input.b24layout", summary, options }]);
      withProjectFindings(checked.diagnostics, findings!, summary);
    });
    if (!checked.diagnostics.some((d) => d.severity === "error")) {
      stage("compile json", () => {
        const rendered = renderProgram(checked.program, {});
        for (const o of rendered.outputs) formatJson(o.value);
      });
      stage("compile ts", () => {
        emitTypeScriptModule(checked.program, { source: "input.b24layout" });
      });
      stage("compile js", () => {
        emitTypeScriptModule(checked.program, { source: "input.b24layout", mode: "js" });
        emitTypeScriptModule(checked.program, { source: "input.b24layout", mode: "dts" });
      });
    }
    stage("editor", () => {
      const document = checked.document;
      semanticTokens(document);
      documentSymbols(document);
      foldingRanges(document);
      for (let i = 0; i < 4; i++) {
        const offset = r.int(text.length + 1);
        hoverAt(document, checked.program, text, offset);
        cursorContext(document, text, offset);
        const symbol = symbolAt(document, offset);
        if (symbol) occurrences(document, symbol);
      }
    });
  }
  let divergence: string | undefined;
  if (base !== undefined && checked) {
    stage("incremental", () => {
      const incremental = new IncrementalChecker();
      incremental.check(base, options);
      const edited = incremental.check(text, options);
      divergence = compareDiagnostics(edited.diagnostics, checked.diagnostics);
    });
  }
  try {
    await formatText(text);
  } catch (error) {
    failures.push({ stage: error instanceof FormatterBugError ? "format (meaning)" : "format", error: describe(error) });
  }
  return divergence === undefined ? { failures } : { failures, divergence };
}

/** Where two lists of diagnostics first differ, or undefined when they are the same. */
function compareDiagnostics(a: readonly Diagnostic[], b: readonly Diagnostic[]): string | undefined {
  const show = (d: Diagnostic | undefined) => (d ? `${d.range.start.line}:${d.range.start.column} ${d.ruleId} ${d.message}` : "nothing");
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if (show(a[i]) !== show(b[i])) return `incremental: ${show(a[i])}; full: ${show(b[i])}`;
  }
  return undefined;
}

function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const at = error.stack?.split("\n").find((l) => l.includes(" at ")) ?? "";
  return `${error.name}: ${error.message.slice(0, 300)} ${at.trim()}`;
}
